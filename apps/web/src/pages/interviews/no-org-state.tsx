import type { Membership } from '@interviewselect/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import { authApi } from '../../lib/auth-api';
import { describeError } from '../../lib/describe-error';
import { resetAfterIdentityChange, useSession } from '../../lib/session';
import { Button } from '../../ui/button';
import { EmptyState } from '../../ui/empty-state';
import { useToast } from '../../ui/toast';
import type { ActiveOrg } from './active-org';

/** What the interview screens say when there is no organisation to work in. */
export function NoOrgState({ state }: { state: Exclude<ActiveOrg['kind'], 'org'> }) {
  if (state === 'none-chosen') return <ChooseOrg />;
  return (
    <EmptyState
      headingLevel={2}
      title="Create or join an organisation first"
      description="Interviews belong to an organisation. Create one for your team, or ask a colleague to invite you to theirs."
      action={
        <Button asChild variant="primary">
          <Link to="/orgs">Go to organisations</Link>
        </Button>
      }
    />
  );
}

/** Member of organisations, none active (e.g. right after creating the first one): pick one here. */
function ChooseOrg() {
  const { user } = useSession();
  const queryClient = useQueryClient();
  const { toast } = useToast();
  const choose = useMutation({
    mutationFn: (membership: Membership) => authApi.switchOrg(membership.orgId),
    onSuccess: () => resetAfterIdentityChange(queryClient),
    onError: (error) =>
      toast({ title: "Couldn't switch organisation", description: describeError(error), tone: 'error' }),
  });
  const memberships = user?.memberships ?? [];
  return (
    <EmptyState
      headingLevel={2}
      title="Choose an organisation"
      description="Interviews belong to an organisation. Pick the one to work in; you can change it any time in the switcher at the top."
      action={
        <div className="interviews-actions">
          {memberships.slice(0, 6).map((m, index) => (
            <Button
              key={m.orgId}
              variant={index === 0 ? 'primary' : 'secondary'}
              isLoading={choose.isPending && choose.variables.orgId === m.orgId}
              disabled={choose.isPending}
              onClick={() => choose.mutate(m)}
            >
              Use {m.orgName}
            </Button>
          ))}
        </div>
      }
    />
  );
}
