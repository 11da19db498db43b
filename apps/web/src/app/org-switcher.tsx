import type { CurrentUser } from '@interviewselect/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId } from 'react';
import { Link } from 'react-router';
import { authApi } from '../lib/auth-api';
import { describeError } from '../lib/describe-error';
import { resetAfterIdentityChange } from '../lib/session';
import { UsersIcon } from '../ui/icons';
import { useToast } from '../ui/toast';

/** Which organisation the user is acting in; a native select, so keyboard and screen readers just work. */
export function OrgSwitcher({
  user,
  onNavigate,
}: {
  user: CurrentUser;
  /** Called when the members link is followed (closes a menu). */ onNavigate?: () => void;
}) {
  const id = useId();
  const queryClient = useQueryClient();
  const { toast } = useToast();
  const mutation = useMutation({
    mutationFn: authApi.switchOrg,
    onSuccess: async (_result, orgId) => {
      await resetAfterIdentityChange(queryClient);
      const org = user.memberships.find((m) => m.orgId === orgId);
      toast({ title: `Switched to ${org?.orgName ?? 'organisation'}`, tone: 'success' });
    },
    onError: (error) =>
      toast({ title: "Couldn't switch organisation", description: describeError(error), tone: 'error' }),
  });
  if (user.memberships.length === 0) return null;
  const current = mutation.isPending ? mutation.variables : (user.activeOrgId ?? '');
  const active = user.memberships.find((m) => m.orgId === user.activeOrgId);

  return (
    <div className="org-switcher">
      <label htmlFor={id} className="org-switcher__label text-muted">
        Organisation
      </label>
      <select
        id={id}
        className="org-switcher__select"
        value={current}
        disabled={mutation.isPending}
        aria-busy={mutation.isPending || undefined}
        onChange={(event) => mutation.mutate(event.target.value)}
      >
        {user.activeOrgId ? null : (
          <option value="" disabled>
            Choose…
          </option>
        )}
        {user.memberships.map((m) => (
          <option key={m.orgId} value={m.orgId}>
            {m.orgName}
          </option>
        ))}
      </select>
      {active ? (
        <Link
          to={`/orgs/${active.orgId}/members`}
          className="org-switcher__members"
          aria-label={`Members of ${active.orgName}`}
          title={`Members of ${active.orgName}`}
          onClick={onNavigate}
        >
          <UsersIcon width={18} height={18} />
        </Link>
      ) : null}
    </div>
  );
}
