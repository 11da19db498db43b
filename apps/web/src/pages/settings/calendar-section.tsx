import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { calendarApi, calendarKeys } from '../../lib/calendar-api';
import { describeError } from '../../lib/describe-error';
import { formatDateTime } from '../../lib/format-date';
import { Button } from '../../ui/button';
import { Card } from '../../ui/card';
import { Dialog, DialogClose, DialogContent, DialogTrigger } from '../../ui/dialog';
import { ErrorState } from '../../ui/error-state';
import { LoadingBlock } from '../../ui/loading-block';
import { StatusChip } from '../../ui/status-chip';
import { useToast } from '../../ui/toast';
import { FreshUrl } from '../interviews/link-panel';
import { CalDavCard } from './caldav-card';
import '../interviews/interviews.css';

/**
 * Settings → Calendar: a secret iCalendar URL that calendar apps subscribe
 * to (Google "From URL", Apple "New calendar subscription", Outlook
 * "Subscribe from web"), listing the person's interviews. Shown once;
 * a new one retires the old.
 */
export function CalendarSection() {
  const queryClient = useQueryClient();
  const { toast } = useToast();
  const [freshUrl, setFreshUrl] = useState<string | null>(null);
  const status = useQuery({ queryKey: calendarKeys.feed, queryFn: ({ signal }) => calendarApi.feed(signal) });
  const create = useMutation({
    mutationFn: calendarApi.createFeed,
    onSuccess: async (created) => {
      setFreshUrl(created.url);
      await queryClient.invalidateQueries({ queryKey: calendarKeys.feed });
    },
    onError: (error) =>
      toast({ title: "Couldn't create the calendar URL", description: describeError(error), tone: 'error' }),
  });
  const turnOff = useMutation({
    mutationFn: calendarApi.turnOffFeed,
    onSuccess: async () => {
      setFreshUrl(null);
      toast({ title: 'Calendar subscription turned off', description: 'Its URL no longer works.', tone: 'success' });
      await queryClient.invalidateQueries({ queryKey: calendarKeys.feed });
    },
    onError: (error) => toast({ title: "Couldn't turn it off", description: describeError(error), tone: 'error' }),
  });

  return (
    <div className="settings-section">
      <title>Calendar · Settings · InterviewSelect</title>
      <Card
        title="Calendar subscription"
        headerEnd={
          status.data ? (
            <StatusChip tone={status.data.active ? 'success' : 'neutral'}>
              {status.data.active ? 'On' : 'Off'}
            </StatusChip>
          ) : null
        }
      >
        <p>
          Subscribe to your interviews from Google Calendar (Other calendars → From URL), Apple Calendar (File → New
          calendar subscription) or Outlook (Add calendar → Subscribe from web). Invitations by e-mail keep arriving
          either way.
        </p>
        {status.isPending ? (
          <LoadingBlock height="4rem" />
        ) : status.isError ? (
          <ErrorState
            title="Couldn't load your calendar subscription"
            message={describeError(status.error)}
            onRetry={() => void status.refetch()}
            isRetrying={status.isFetching}
          />
        ) : (
          <>
            {status.data.active ? (
              <dl className="interviews-facts interviews-facts--compact">
                <dt>Created</dt>
                <dd>{status.data.createdAt ? formatDateTime(status.data.createdAt) : '—'}</dd>
                <dt>Last read by a calendar</dt>
                <dd>{status.data.lastUsedAt ? formatDateTime(status.data.lastUsedAt) : 'Not yet'}</dd>
              </dl>
            ) : null}
            {freshUrl ? (
              <FreshUrl
                label="Subscription URL"
                url={freshUrl}
                copiedHint="Paste it into your calendar app's “subscribe by URL”."
              />
            ) : null}
            <div className="settings-actions">
              <Button onClick={() => create.mutate()} isLoading={create.isPending}>
                {status.data.active ? 'Create a new URL' : 'Create subscription URL'}
              </Button>
              {status.data.active ? (
                <Dialog>
                  <DialogTrigger asChild>
                    <Button variant="secondary">Turn off</Button>
                  </DialogTrigger>
                  <DialogContent
                    title="Turn the calendar subscription off?"
                    description="Calendars subscribed to the URL stop receiving your interviews. You can create a new URL later."
                    footer={
                      <>
                        <DialogClose asChild>
                          <Button>Keep it</Button>
                        </DialogClose>
                        <DialogClose asChild>
                          <Button variant="danger" onClick={() => turnOff.mutate()} isLoading={turnOff.isPending}>
                            Turn off
                          </Button>
                        </DialogClose>
                      </>
                    }
                  />
                </Dialog>
              ) : null}
            </div>
            {status.data.active && !freshUrl ? (
              <p className="ui-field__hint">
                The URL is shown only when it is created. Lost it? Create a new one: the old one stops working.
              </p>
            ) : null}
          </>
        )}
      </Card>
      <CalDavCard />
    </div>
  );
}
