import { TokenInputSchema } from '@interviewselect/contracts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { ApiError } from '../../lib/api';
import { describeError } from '../../lib/describe-error';
import { SESSION_KEY } from '../../lib/session';

export type TokenActionState =
  | { kind: 'missing' }
  | { kind: 'pending' }
  | { kind: 'success'; message: string }
  | { kind: 'invalid'; detail: string }
  | { kind: 'failed'; detail: string; retry: () => void; isRetrying: boolean };

/**
 * Spends the ?token= of an e-mailed link once, on load. A query (not an
 * effect) so StrictMode's double mount and re-renders share the one request:
 * a second POST would find the token already used.
 */
export function useTokenAction(
  name: string,
  action: (token: string) => Promise<{ message: string }>,
): TokenActionState {
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const isWellFormed = TokenInputSchema.safeParse({ token }).success;
  const queryClient = useQueryClient();
  const query = useQuery({
    queryKey: ['token-action', name, token],
    queryFn: async () => {
      const result = await action(token);
      // emailVerified / email changed: the cached session is out of date.
      void queryClient.invalidateQueries({ queryKey: SESSION_KEY });
      return result;
    },
    enabled: isWellFormed,
    retry: false,
    staleTime: Infinity,
    gcTime: Infinity,
    refetchOnWindowFocus: false,
    refetchOnReconnect: false,
  });

  if (!token) return { kind: 'missing' };
  if (!isWellFormed)
    return { kind: 'invalid', detail: 'This link is incomplete. Copy the whole link from the e-mail.' };
  if (query.isPending) return { kind: 'pending' };
  if (query.isSuccess) return { kind: 'success', message: query.data.message };
  const error = query.error;
  if (
    error instanceof ApiError &&
    (error.code === 'auth.token_invalid' || error.code === 'request.validation_failed')
  ) {
    return { kind: 'invalid', detail: error.detail };
  }
  return {
    kind: 'failed',
    detail: describeError(error),
    retry: () => void query.refetch(),
    isRetrying: query.isFetching,
  };
}
