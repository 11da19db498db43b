import { SessionStateSchema, type CurrentUser } from '@interviewselect/contracts';
import { queryOptions, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { z } from 'zod';
import { apiSend, apiGet } from './api';

export const SESSION_KEY = ['auth', 'session'] as const;
/** When this tab last signed out on purpose (ms): guards then skip ?next= for a moment. */
export const SIGNED_OUT_AT_KEY = ['auth', 'signed-out-at'] as const;
const SIGN_OUT_GRACE_MS = 5_000;

/**
 * True right after the user signed out here. A signed-in-only page still on
 * screen while /sign-in loads must not send them to /sign-in?next=<that page>.
 */
export function wasJustSignedOut(queryClient: QueryClient): boolean {
  const at = queryClient.getQueryData<number>(SIGNED_OUT_AT_KEY);
  return at !== undefined && Date.now() - at < SIGN_OUT_GRACE_MS;
}

export const sessionQuery = queryOptions({
  queryKey: SESSION_KEY,
  queryFn: ({ signal }) => apiGet('/api/v1/auth/session', SessionStateSchema, { signal }),
  staleTime: 60_000,
});

export interface SessionView {
  user: CurrentUser | null;
  isPending: boolean;
  isError: boolean;
  error: unknown;
  refetch: () => void;
}

/** Who is signed in. `user` is null both while loading and when signed out: check isPending. */
export function useSession(): SessionView {
  const query = useQuery(sessionQuery);
  return {
    user: query.data?.user ?? null,
    isPending: query.isPending,
    isError: query.isError,
    error: query.error,
    refetch: () => void query.refetch(),
  };
}

/**
 * After the signed-in identity changes (sign-in, sign-out, org switch) every
 * cached answer may belong to someone else: drop them all and re-ask the session.
 */
export async function resetAfterIdentityChange(queryClient: QueryClient, user?: CurrentUser | null) {
  if (user !== undefined) {
    queryClient.setQueryData(sessionQuery.queryKey, (old) => ({
      csrfToken: old?.csrfToken ?? '',
      guest: old?.guest ?? null,
      user,
    }));
  }
  const isAccountData = (key: readonly unknown[]) =>
    !(key[0] === 'auth' && (key[1] === SESSION_KEY[1] || key[1] === SIGNED_OUT_AT_KEY[1]));
  if (user === null) {
    // Signed out: nothing of the old account may be shown or refetched (it would only 401).
    await queryClient.cancelQueries({ predicate: (q) => isAccountData(q.queryKey) });
    queryClient.removeQueries({ predicate: (q) => isAccountData(q.queryKey) });
    await queryClient.invalidateQueries({ queryKey: SESSION_KEY });
    return;
  }
  queryClient.removeQueries({ type: 'inactive', predicate: (q) => isAccountData(q.queryKey) });
  await queryClient.invalidateQueries();
}

/**
 * Signs out, leaves for /sign-in first (so a signed-in-only page does not
 * bounce to /sign-in?next=… on its way out), then forgets the old identity.
 */
export function useSignOut({ everywhere = false }: { everywhere?: boolean } = {}) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const path = everywhere ? '/api/v1/auth/sign-out-everywhere' : '/api/v1/auth/sign-out';
  return useMutation({
    mutationFn: () => apiSend('POST', path, undefined, z.unknown()),
    onSuccess: async () => {
      queryClient.setQueryData(SIGNED_OUT_AT_KEY, Date.now());
      await navigate('/sign-in', { replace: true });
      await resetAfterIdentityChange(queryClient, null);
    },
  });
}

/** Only same-app paths: an attacker's ?next=https://evil.example must not leave the site. */
export function safeNext(next: string | null | undefined, fallback = '/'): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return fallback;
  return next;
}
