import { CalDavConnectInputSchema } from '@interviewselect/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { calendarApi, calendarKeys } from '../../lib/calendar-api';
import { describeError } from '../../lib/describe-error';
import { formatDateTime } from '../../lib/format-date';
import { useSchemaForm } from '../../lib/use-schema-form';
import { Alert } from '../../ui/alert';
import { Button } from '../../ui/button';
import { Card } from '../../ui/card';
import { ErrorState } from '../../ui/error-state';
import { LoadingBlock } from '../../ui/loading-block';
import { StatusChip } from '../../ui/status-chip';
import { TextField } from '../../ui/text-field';
import { useToast } from '../../ui/toast';

const FIELDS = ['url', 'username', 'password'] as const;

/**
 * Settings → Calendar → CalDAV: a two-way sync with a calendar that speaks
 * CalDAV (Nextcloud, Radicale, Fastmail, iCloud with an app password…).
 * Busy times there count as unavailable; booked interviews are written there.
 */
export function CalDavCard() {
  const queryClient = useQueryClient();
  const { toast } = useToast();
  const status = useQuery({ queryKey: calendarKeys.caldav, queryFn: ({ signal }) => calendarApi.caldav(signal) });
  const { setAlertElement, formProps, ...form } = useSchemaForm({
    schema: CalDavConnectInputSchema,
    fields: FIELDS,
    errorTitle: "Couldn't connect the calendar",
    submit: calendarApi.connectCaldav,
    onSuccess: (connection) => {
      queryClient.setQueryData(calendarKeys.caldav, connection);
      form.clearInputs();
      toast({ title: 'Calendar connected', description: 'Your interviews will appear in it.', tone: 'success' });
    },
  });
  const disconnect = useMutation({
    mutationFn: calendarApi.disconnectCaldav,
    onSuccess: async () => {
      toast({ title: 'Calendar disconnected', description: 'The stored password is deleted.', tone: 'success' });
      await queryClient.invalidateQueries({ queryKey: calendarKeys.caldav });
    },
    onError: (error) => toast({ title: "Couldn't disconnect", description: describeError(error), tone: 'error' }),
  });

  const connection = status.data;
  return (
    <Card
      title="CalDAV calendar sync"
      headerEnd={
        connection ? (
          <StatusChip tone={connection.connected ? (connection.lastError ? 'warning' : 'success') : 'neutral'}>
            {connection.connected ? (connection.lastError ? 'Needs attention' : 'Connected') : 'Not connected'}
          </StatusChip>
        ) : null
      }
    >
      <p>
        Connect a calendar that speaks CalDAV (Nextcloud, Fastmail, iCloud or Radicale, with an app password): busy
        times in it count as unavailable when interviews are scheduled, and your interviews are written to it.
      </p>
      {status.isPending ? (
        <LoadingBlock height="4rem" />
      ) : status.isError ? (
        <ErrorState
          title="Couldn't load the CalDAV connection"
          message={describeError(status.error)}
          onRetry={() => void status.refetch()}
          isRetrying={status.isFetching}
        />
      ) : connection?.connected ? (
        <>
          <dl className="interviews-facts interviews-facts--compact">
            <dt>Calendar</dt>
            <dd>{connection.url}</dd>
            <dt>User</dt>
            <dd>{connection.username}</dd>
            <dt>Last sync</dt>
            <dd>{connection.lastSyncAt ? formatDateTime(connection.lastSyncAt) : 'Not yet'}</dd>
          </dl>
          {connection.lastError ? (
            <Alert title="The last sync failed" tone="warning">
              {connection.lastError}
            </Alert>
          ) : null}
          <div className="settings-actions">
            <Button variant="secondary" onClick={() => disconnect.mutate()} isLoading={disconnect.isPending}>
              Disconnect
            </Button>
          </div>
        </>
      ) : (
        <>
          {form.alert ? (
            <Alert ref={setAlertElement} title={form.alert.title}>
              {form.alert.detail}
            </Alert>
          ) : null}
          <form {...formProps} className="settings-form" aria-label="Connect a CalDAV calendar">
            <TextField
              label="Calendar URL"
              name="url"
              type="url"
              inputMode="url"
              autoCapitalize="none"
              spellCheck={false}
              hint="The address of one calendar, e.g. https://cloud.example.com/remote.php/dav/calendars/you/work/"
              required
              error={form.fieldErrors.url}
            />
            <TextField
              label="User name"
              name="username"
              autoComplete="username"
              autoCapitalize="none"
              required
              error={form.fieldErrors.username}
            />
            <TextField
              label="Password"
              name="password"
              type="password"
              autoComplete="current-password"
              hint="An app password works best; it is stored encrypted and never shown again."
              required
              error={form.fieldErrors.password}
            />
            <div className="settings-actions">
              <Button type="submit" variant="primary" isLoading={form.isSubmitting}>
                {form.isSubmitting ? 'Checking…' : 'Check and connect'}
              </Button>
            </div>
          </form>
        </>
      )}
    </Card>
  );
}
