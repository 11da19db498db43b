import { CalendarSettingsSchema } from '@interviewselect/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { calendarApi, calendarKeys, describeOffset } from '../../lib/calendar-api';
import { describeError } from '../../lib/describe-error';
import { canManageMembers } from '../../lib/orgs-api';
import { Button } from '../../ui/button';
import { Card } from '../../ui/card';
import { ErrorState } from '../../ui/error-state';
import { SelectField } from '../../ui/select-field';
import { LoadingBlock } from '../../ui/loading-block';
import { TextField } from '../../ui/text-field';
import { useToast } from '../../ui/toast';
import { OrgCandidateRescheduling } from './org-candidate-rescheduling';
import { useOrgContext } from './org-page';

const UNITS = { minutes: 1, hours: 60, days: 1440 } as const;
type Unit = keyof typeof UNITS;

/**
 * Organisation → Reminders: when every participant of a scheduled interview
 * gets a reminder e-mail (up to three; 24 h and 1 h by default). Owners and
 * admins change it; everyone else sees it.
 */
export function OrgRemindersSection() {
  const { org } = useOrgContext();
  const canEdit = canManageMembers(org.role);
  const query = useQuery({
    queryKey: calendarKeys.settings(org.id),
    queryFn: ({ signal }) => calendarApi.settings(org.id, signal),
  });

  return (
    <div className="orgs-stack">
      <title>{`Reminders · ${org.name} · InterviewSelect`}</title>
      <Card title="Interview reminders">
        <p>
          Everyone in a scheduled interview — interviewers and the candidate — gets an e-mail this long before it
          starts. Changes apply to interviews scheduled or moved from now on.
        </p>
        {query.isPending ? (
          <LoadingBlock height="5rem" />
        ) : query.isError ? (
          <ErrorState
            title="Couldn't load the reminder settings"
            message={describeError(query.error)}
            onRetry={() => void query.refetch()}
            isRetrying={query.isFetching}
          />
        ) : (
          <RemindersForm
            key={query.data.reminderOffsetsMinutes.join(',')}
            orgId={org.id}
            initial={query.data.reminderOffsetsMinutes}
            canEdit={canEdit}
          />
        )}
      </Card>
      <OrgCandidateRescheduling />
    </div>
  );
}

function RemindersForm({ orgId, initial, canEdit }: { orgId: string; initial: number[]; canEdit: boolean }) {
  const queryClient = useQueryClient();
  const { toast } = useToast();
  const [offsets, setOffsets] = useState(initial);
  const [amount, setAmount] = useState('2');
  const [unit, setUnit] = useState<Unit>('hours');
  const [error, setError] = useState<string | undefined>();
  const save = useMutation({
    mutationFn: (next: number[]) => calendarApi.saveSettings(orgId, { reminderOffsetsMinutes: next }),
    onSuccess: async (saved) => {
      toast({
        title: 'Reminders saved',
        description: saved.reminderOffsetsMinutes.map(describeOffset).join(', ') || 'None',
        tone: 'success',
      });
      queryClient.setQueryData(calendarKeys.settings(orgId), saved);
    },
    onError: (e) => toast({ title: "Couldn't save the reminders", description: describeError(e), tone: 'error' }),
  });

  function add(event: FormEvent) {
    event.preventDefault();
    const minutes = Number(amount) * UNITS[unit];
    const candidate = [...offsets, minutes].sort((a, b) => b - a);
    const parsed = CalendarSettingsSchema.safeParse({ reminderOffsetsMinutes: candidate });
    if (!Number.isInteger(minutes) || minutes <= 0) return setError('Enter a whole number greater than zero.');
    if (!parsed.success) return setError(parsed.error.issues[0]?.message ?? 'That reminder is not possible.');
    setError(undefined);
    setOffsets(candidate);
  }

  const isDirty = offsets.join(',') !== initial.join(',');
  return (
    <div className="orgs-reminders">
      {offsets.length === 0 ? (
        <p className="text-muted">No reminders: only the invitation is sent.</p>
      ) : (
        <ul className="orgs-reminders__list" aria-label="Reminder times">
          {offsets.map((minutes) => (
            <li key={minutes} className="orgs-reminders__item">
              <span>{describeOffset(minutes)} before</span>
              {canEdit ? (
                <Button
                  size="sm"
                  variant="ghost"
                  aria-label={`Remove the reminder ${describeOffset(minutes)} before`}
                  onClick={() => setOffsets(offsets.filter((m) => m !== minutes))}
                >
                  Remove
                </Button>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {canEdit ? (
        <>
          <form className="orgs-reminders__add" onSubmit={add} noValidate>
            <TextField
              label="Remind"
              type="number"
              inputMode="numeric"
              min={1}
              value={amount}
              onChange={(e) => setAmount(e.target.value)}
              error={error}
            />
            <SelectField label="Unit" value={unit} onChange={(e) => setUnit(e.target.value as Unit)}>
              <option value="minutes">minutes before</option>
              <option value="hours">hours before</option>
              <option value="days">days before</option>
            </SelectField>
            <Button type="submit" variant="secondary" disabled={offsets.length >= 3}>
              Add reminder
            </Button>
          </form>
          <div className="orgs-actions">
            <Button onClick={() => save.mutate(offsets)} isLoading={save.isPending} disabled={!isDirty}>
              Save reminders
            </Button>
          </div>
        </>
      ) : (
        <p className="ui-field__hint">Only owners and admins of the organisation can change these.</p>
      )}
    </div>
  );
}
