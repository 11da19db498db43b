import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { authApi } from '../../lib/auth-api';
import { describeError } from '../../lib/describe-error';
import { useSignOut } from '../../lib/session';
import { useToast } from '../../ui/toast';

export const sessionsKey = ['auth', 'sessions'] as const;

/** "Firefox on macOS" from a user agent; the raw string is shown too, this is only a headline. */
export function describeDevice(userAgent: string | null): string {
  if (!userAgent) return 'Unknown device';
  const browser = /Edg\//.test(userAgent)
    ? 'Edge'
    : /OPR\//.test(userAgent)
      ? 'Opera'
      : /Firefox\//.test(userAgent)
        ? 'Firefox'
        : /Chrom(e|ium)\//.test(userAgent)
          ? 'Chrome'
          : /Safari\//.test(userAgent)
            ? 'Safari'
            : /curl|node|undici|python|Go-http/i.test(userAgent)
              ? 'API client'
              : 'Browser';
  const os = /iPhone|iPad/.test(userAgent)
    ? 'iOS'
    : /Android/.test(userAgent)
      ? 'Android'
      : /Mac OS X|Macintosh/.test(userAgent)
        ? 'macOS'
        : /Windows/.test(userAgent)
          ? 'Windows'
          : /Linux|X11/.test(userAgent)
            ? 'Linux'
            : null;
  return os ? `${browser} on ${os}` : browser;
}

export function useSessions() {
  const queryClient = useQueryClient();
  const { toast } = useToast();
  const list = useQuery({ queryKey: sessionsKey, queryFn: ({ signal }) => authApi.sessions(signal) });

  const revoke = useMutation({
    mutationFn: authApi.revokeSession,
    onSuccess: async () => {
      toast({ title: 'Session revoked', description: 'That device is signed out.', tone: 'success' });
      await queryClient.invalidateQueries({ queryKey: sessionsKey });
    },
    onError: (error) =>
      toast({ title: "Couldn't revoke the session", description: describeError(error), tone: 'error' }),
  });

  const signOutEverywhere = useSignOut({ everywhere: true });
  function confirmSignOutEverywhere() {
    signOutEverywhere.mutate(undefined, {
      onSuccess: () => {
        toast({ title: 'Signed out everywhere', description: 'Every device, this one included.', tone: 'success' });
      },
      onError: (error) =>
        toast({ title: "Couldn't sign out everywhere", description: describeError(error), tone: 'error' }),
    });
  }

  return {
    list,
    revoke: (id: string) => revoke.mutate(id),
    revokingId: revoke.isPending ? revoke.variables : undefined,
    signOutEverywhere: confirmSignOutEverywhere,
    isSigningOutEverywhere: signOutEverywhere.isPending,
  };
}
