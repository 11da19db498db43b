import { SchedulingSettingsSchema, type SchedulingSettings } from '@interviewselect/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiSend } from '../../lib/api';
import { describeError } from '../../lib/describe-error';
import { canManageMembers } from '../../lib/orgs-api';
import { Alert } from '../../ui/alert';
import { Card } from '../../ui/card';
import { ErrorState } from '../../ui/error-state';
import { LoadingBlock } from '../../ui/loading-block';
import { useToast } from '../../ui/toast';
import { schedulingApi } from '../scheduling/scheduling-api';
import { useOrgContext } from './org-page';

const settingsKey = (orgId: string) => ['scheduling', 'settings', orgId] as const;
const settingsPath = (orgId: string) => `/api/v1/orgs/${encodeURIComponent(orgId)}/scheduling-settings`;

/**
 * Organisation → Reminders, second card: whether a candidate who already
 * booked through a self-scheduling link may move the interview through the
 * same link. Owners and admins change it; everyone else sees it.
 */
export function OrgCandidateRescheduling() {
  const { org } = useOrgContext();
  const canEdit = canManageMembers(org.role);
  const queryClient = useQueryClient();
  const { toast } = useToast();
  const query = useQuery({
    queryKey: settingsKey(org.id),
    queryFn: ({ signal }) => schedulingApi.settings(org.id, signal),
  });
  const save = useMutation({
    mutationFn: (input: SchedulingSettings) => apiSend('PUT', settingsPath(org.id), input, SchedulingSettingsSchema),
    onSuccess: (saved) => {
      queryClient.setQueryData(settingsKey(org.id), saved);
      toast({
        title: saved.candidateMayReschedule ? 'Candidates may reschedule' : 'Candidates may no longer reschedule',
        tone: 'success',
      });
    },
  });
  return (
    <Card title="Candidate rescheduling">
      {query.isPending ? (
        <LoadingBlock height="3rem" />
      ) : query.isError ? (
        <ErrorState
          title="Couldn't load the scheduling settings"
          message={describeError(query.error)}
          onRetry={() => void query.refetch()}
          isRetrying={query.isFetching}
        />
      ) : (
        <>
          {save.isError ? <Alert title="Not saved">{describeError(save.error)}</Alert> : null}
          <label className="orgs-checkbox">
            <input
              type="checkbox"
              checked={
                save.variables && save.isPending
                  ? save.variables.candidateMayReschedule
                  : query.data.candidateMayReschedule
              }
              disabled={!canEdit || save.isPending}
              onChange={(e) => save.mutate({ candidateMayReschedule: e.target.checked })}
            />
            Candidates may reschedule through their scheduling link
          </label>
          <p className="text-muted">
            {canEdit
              ? 'A candidate who booked through a link can then pick another free time there (until the interview starts). Every move is kept in the interview’s history.'
              : 'Owners and admins can change this.'}
          </p>
        </>
      )}
    </Card>
  );
}
