import type { Availability, AvailabilityInput, ValidationIssue } from '@interviewselect/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiError } from '../../lib/api';
import { describeError } from '../../lib/describe-error';
import { viewerTimeZone } from '../../lib/format-date';
import { Alert } from '../../ui/alert';
import { Button } from '../../ui/button';
import { Card } from '../../ui/card';
import { ErrorState } from '../../ui/error-state';
import { SelectField } from '../../ui/select-field';
import { Skeleton } from '../../ui/skeleton';
import { TextField } from '../../ui/text-field';
import { useToast } from '../../ui/toast';
import { ExceptionsEditor } from './exceptions-editor';
import { schedulingApi, schedulingKeys } from './scheduling-api';
import { timeZoneChoices } from './slot-days';
import { WeeklyHoursEditor } from './weekly-hours-editor';
import './scheduling.css';

/** Settings → Availability: when you can interview, in your own time zone. */
export function AvailabilitySection() {
  const query = useQuery({
    queryKey: schedulingKeys.availability,
    queryFn: ({ signal }) => schedulingApi.availability(signal),
  });
  if (query.isPending) {
    return (
      <div aria-busy="true" className="settings-section">
        <span className="visually-hidden" role="status">
          Loading your availability…
        </span>
        <Skeleton shape="block" height="20rem" />
      </div>
    );
  }
  if (query.isError) {
    return (
      <ErrorState
        title="Couldn't load your availability"
        message={describeError(query.error)}
        onRetry={() => void query.refetch()}
        isRetrying={query.isFetching}
      />
    );
  }
  return <AvailabilityForm initial={query.data} />;
}

const MINUTE_FIELDS = [
  { key: 'bufferBeforeMinutes', label: 'Buffer before (minutes)', hint: 'Kept free before each interview.', max: 240 },
  { key: 'bufferAfterMinutes', label: 'Buffer after (minutes)', hint: 'Kept free after each interview.', max: 240 },
  {
    key: 'minimumNoticeMinutes',
    label: 'Minimum notice (minutes)',
    hint: 'How soon before it starts an interview may be booked.',
    max: 86_400,
  },
] as const;

function startingPoint(saved: Availability): AvailabilityInput {
  const { isConfigured, ...input } = saved;
  // Never saved: suggest the browser's zone rather than UTC.
  return isConfigured ? input : { ...input, timeZone: viewerTimeZone() };
}

function AvailabilityForm({ initial }: { initial: Availability }) {
  const queryClient = useQueryClient();
  const { toast } = useToast();
  const [value, setValue] = useState<AvailabilityInput>(() => startingPoint(initial));
  const save = useMutation({
    mutationFn: (input: AvailabilityInput) => schedulingApi.saveAvailability(input),
    onSuccess: (saved) => {
      queryClient.setQueryData(schedulingKeys.availability, saved);
      toast({ title: 'Availability saved', description: 'New bookings follow it from now on.', tone: 'success' });
    },
  });
  const issues: readonly ValidationIssue[] = save.error instanceof ApiError ? save.error.issues : [];
  const fieldError = (path: string) => issues.find((i) => i.path === `body.${path}`)?.message;
  const set = <K extends keyof AvailabilityInput>(key: K, v: AvailabilityInput[K]) =>
    setValue((current) => ({ ...current, [key]: v }));
  const minutes = (text: string) => (text === '' ? 0 : Math.round(Number(text)));

  return (
    <form
      className="settings-section"
      aria-label="Availability"
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate(value);
      }}
    >
      {!initial.isConfigured ? (
        <Alert tone="info" title="You have not set your availability yet" role="status">
          Until you save it, people booking you see Monday–Friday 09:00–17:00 UTC.
        </Alert>
      ) : null}
      {save.isError ? (
        <Alert title="Availability not saved">
          <p>{describeError(save.error)}</p>
        </Alert>
      ) : null}
      <Card title="Time zone and limits">
        <div className="scheduling-grid">
          <SelectField
            label="Time zone"
            hint="Your hours below are in this zone and follow its daylight-saving changes."
            value={value.timeZone}
            error={fieldError('timeZone')}
            onChange={(e) => set('timeZone', e.target.value)}
          >
            {timeZoneChoices(value.timeZone).map((z) => (
              <option key={z} value={z}>
                {z.replaceAll('_', ' ')}
              </option>
            ))}
          </SelectField>
          {MINUTE_FIELDS.map((f) => (
            <TextField
              key={f.key}
              label={f.label}
              hint={f.hint}
              type="number"
              min={0}
              max={f.max}
              value={value[f.key]}
              error={fieldError(f.key)}
              onChange={(e) => set(f.key, minutes(e.target.value))}
            />
          ))}
          <TextField
            label="Maximum interviews per day"
            hint="Leave empty for no limit."
            type="number"
            min={1}
            max={24}
            value={value.maxPerDay ?? ''}
            error={fieldError('maxPerDay')}
            onChange={(e) => set('maxPerDay', e.target.value === '' ? null : minutes(e.target.value))}
          />
        </div>
      </Card>
      <Card title="Weekly hours">
        <IssueList issues={issues.filter((i) => i.path.startsWith('body.weekly'))} />
        <WeeklyHoursEditor weekly={value.weekly} onChange={(weekly) => set('weekly', weekly)} />
      </Card>
      <Card title="Date exceptions">
        <IssueList issues={issues.filter((i) => i.path.startsWith('body.exceptions'))} />
        <ExceptionsEditor
          exceptions={value.exceptions}
          onChange={(exceptions) => set('exceptions', exceptions)}
          today={new Date().toISOString().slice(0, 10)}
        />
      </Card>
      <div>
        <Button type="submit" variant="primary" isLoading={save.isPending}>
          Save availability
        </Button>
      </div>
    </form>
  );
}

/** Server issues of a list ("body.weekly.2") named by entry, so the person finds the row. */
function IssueList({ issues }: { issues: readonly ValidationIssue[] }) {
  if (issues.length === 0) return null;
  return (
    <ul className="scheduling-issues" role="alert">
      {issues.map((i) => {
        const [, list, index] = i.path.split('.');
        const what = list === 'weekly' ? 'Weekly range' : 'Exception';
        return (
          <li key={i.path + i.message}>
            {what} {Number(index ?? 0) + 1}: {i.message}
          </li>
        );
      })}
    </ul>
  );
}
