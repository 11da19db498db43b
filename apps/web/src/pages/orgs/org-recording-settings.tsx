import {
  OrgSettingsSchema,
  RECORDING_RETENTION_DEFAULT_DAYS,
  UpdateOrgSettingsInputSchema,
  type OrgSettings,
} from '@interviewselect/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { apiGet, apiSend, ApiError } from '../../lib/api';
import { describeError } from '../../lib/describe-error';
import { Alert } from '../../ui/alert';
import { Button } from '../../ui/button';
import { Card } from '../../ui/card';
import { Skeleton } from '../../ui/skeleton';
import { TextField } from '../../ui/text-field';
import { canRenameOrg } from './org-name-form';
import { useOrgContext } from './org-page';

const settingsPath = (orgId: string) => `/api/v1/orgs/${encodeURIComponent(orgId)}/settings`;
const settingsKey = (orgId: string) => ['orgs', orgId, 'settings'] as const;

/**
 * Organisation → Recordings: how long interview recordings are kept. Every member sees
 * it; owners and admins change it. A daily job deletes older recordings and
 * writes each deletion to the audit log.
 */
export function OrgRecordingSettings() {
  const { org } = useOrgContext();
  const queryClient = useQueryClient();
  const settings = useQuery({
    queryKey: settingsKey(org.id),
    queryFn: ({ signal }) => apiGet(settingsPath(org.id), OrgSettingsSchema, { signal }),
  });
  const [days, setDays] = useState<string | null>(null);
  const [fieldError, setFieldError] = useState<string | undefined>();
  const save = useMutation({
    mutationFn: (input: Partial<OrgSettings>) => apiSend('PATCH', settingsPath(org.id), input, OrgSettingsSchema),
    onSuccess: (saved) => {
      queryClient.setQueryData(settingsKey(org.id), saved);
      setDays(null);
    },
    onError: (error) => {
      if (error instanceof ApiError) setFieldError(error.issues[0]?.message);
    },
  });
  const canChange = canRenameOrg(org.role);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const parsed = UpdateOrgSettingsInputSchema.shape.recordingRetentionDays.safeParse(Number(days));
    if (!parsed.success || days === null || days.trim() === '') {
      setFieldError(parsed.error?.issues[0]?.message ?? 'Enter a whole number of days.');
      return;
    }
    setFieldError(undefined);
    save.mutate({ recordingRetentionDays: parsed.data });
  }

  return (
    <Card title="Recordings">
      {settings.isPending ? (
        <Skeleton shape="block" height="5rem" />
      ) : settings.isError ? (
        <Alert title="Couldn't load the recording settings">
          {describeError(settings.error)}{' '}
          <Button size="sm" variant="ghost" onClick={() => void settings.refetch()}>
            Try again
          </Button>
        </Alert>
      ) : (
        <form className="orgs-form" aria-label="Recording retention" onSubmit={submit} noValidate>
          {save.isError && !fieldError ? (
            <Alert title="Couldn't save the recording settings">{describeError(save.error)}</Alert>
          ) : null}
          <TextField
            label="Keep recordings for (days)"
            hint={`Older recordings are deleted every day, and each deletion is audited. Default ${RECORDING_RETENTION_DEFAULT_DAYS} days.`}
            name="recordingRetentionDays"
            type="number"
            inputMode="numeric"
            min={1}
            max={3650}
            required
            readOnly={!canChange}
            value={days ?? String(settings.data.recordingRetentionDays)}
            onChange={(event) => {
              setDays(event.target.value);
              setFieldError(undefined);
            }}
            error={fieldError}
          />
          {canChange ? (
            <div className="orgs-actions">
              <Button type="submit" variant="primary" isLoading={save.isPending} disabled={days === null}>
                {save.isPending ? 'Saving…' : 'Save'}
              </Button>
              <p role="status" className="text-muted">
                {save.isSuccess && days === null ? 'Saved' : ''}
              </p>
            </div>
          ) : (
            <p className="text-muted">Owners and admins can change this.</p>
          )}
        </form>
      )}
    </Card>
  );
}
