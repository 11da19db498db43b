import type { Interview, Slot } from '@interviewselect/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { describeError } from '../../lib/describe-error';
import { formatDateTime, viewerTimeZone } from '../../lib/format-date';
import { interviewKeys } from '../../lib/interviews-api';
import { Button } from '../../ui/button';
import { Card } from '../../ui/card';
import { ErrorState } from '../../ui/error-state';
import { PageHeader } from '../../ui/page-header';
import { Skeleton } from '../../ui/skeleton';
import { useToast } from '../../ui/toast';
import { useInterview } from '../interviews/interview-detail-page';
import { BookPanel } from './book-panel';
import { BookingHistory } from './booking-history';
import { CancelBookingButton } from './cancel-booking-button';
import { PageLoading } from './page-loading';
import { schedulingApi, schedulingKeys } from './scheduling-api';
import { SchedulingLinksCard } from './scheduling-links-card';
import { SlotPicker } from './slot-picker';
import { useWeek } from './use-week';
import './scheduling.css';

/** /interviews/:interviewId/schedule — the panel's common free slots in the viewer's zone; book, move, cancel. */
export function SchedulePage() {
  const { interviewId = '' } = useParams();
  const query = useInterview(interviewId);
  if (query.isPending) return <PageLoading label="Loading…" />;
  if (query.isError) {
    return (
      <ErrorState
        headingLevel={1}
        title="Couldn't load the interview"
        message={describeError(query.error)}
        onRetry={() => void query.refetch()}
        isRetrying={query.isFetching}
      />
    );
  }
  return <ScheduleView interview={query.data} />;
}

function ScheduleView({ interview }: { interview: Interview }) {
  const queryClient = useQueryClient();
  const { toast } = useToast();
  const timeZone = viewerTimeZone();
  const week = useWeek();
  const [selected, setSelected] = useState<Slot | null>(null);
  const state = useQuery({
    queryKey: schedulingKeys.booking(interview.id),
    queryFn: ({ signal }) => schedulingApi.booking(interview.id, signal),
  });
  const canBook = state.data ? ['draft', 'scheduled'].includes(state.data.status) : false;
  const slots = useQuery({
    queryKey: schedulingKeys.slots(interview.id, week.from, week.to),
    queryFn: ({ signal }) => schedulingApi.slots(interview.id, week.from, week.to, signal),
    enabled: canBook,
  });
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: ['scheduling', interview.id] });
    void queryClient.invalidateQueries({ queryKey: interviewKeys.detail(interview.id) });
  };
  const book = useMutation({
    mutationFn: ({ slot, reason }: { slot: Slot; reason: string | undefined }) =>
      schedulingApi.book(interview.id, slot.start, reason),
    onSuccess: (next) => {
      setSelected(null);
      toast({
        title: 'Interview booked',
        description: next.booking ? formatDateTime(next.booking.start) : '',
        tone: 'success',
      });
      refresh();
    },
    onError: () => refresh(),
  });
  const isRescheduling = state.data?.status === 'scheduled';

  return (
    <div className="scheduling-page">
      <nav aria-label="Breadcrumb" className="interviews-breadcrumb">
        <Link to={`/interviews/${interview.id}`}>{interview.title}</Link>
      </nav>
      <PageHeader
        title="Schedule"
        description={`Times the whole panel is free, shown in your time zone (${timeZone.replaceAll('_', ' ')}).`}
        actions={state.data?.booking ? <CancelBookingButton interviewId={interview.id} onCancelled={refresh} /> : null}
      />
      <Card title="Booking">
        {state.isPending ? (
          <Skeleton width="50%" />
        ) : state.isError ? (
          <ErrorState
            title="Couldn't load the booking"
            message={describeError(state.error)}
            onRetry={() => void state.refetch()}
          />
        ) : (
          <div className="interviews-stack">
            <p>
              {state.data.booking ? (
                <>
                  Booked for <strong>{formatDateTime(state.data.booking.start)}</strong>.
                </>
              ) : (
                `Not booked${state.data.status === 'draft' ? ' yet' : ` (the interview is ${state.data.status})`}.`
              )}
            </p>
            <BookingHistory history={state.data.history} />
          </div>
        )}
      </Card>
      {canBook ? (
        <Card
          title={isRescheduling ? 'Move to another time' : 'Pick a time'}
          headerEnd={
            <span className="scheduling-toolbar">
              <Button size="sm" variant="ghost" onClick={week.previous} disabled={week.isFirst}>
                Previous week
              </Button>
              <Button size="sm" variant="ghost" onClick={week.next}>
                Next week
              </Button>
            </span>
          }
        >
          <div className="interviews-stack">
            {slots.isPending ? (
              <div aria-busy="true">
                <span className="visually-hidden" role="status">
                  Finding free times…
                </span>
                <Skeleton shape="block" height="8rem" />
              </div>
            ) : slots.isError ? (
              <ErrorState
                title="Couldn't find free times"
                message={describeError(slots.error)}
                onRetry={() => void slots.refetch()}
              />
            ) : (
              <SlotPicker
                slots={slots.data.slots}
                timeZone={timeZone}
                selected={selected}
                onSelect={setSelected}
                emptyHint="Nobody on the panel has common free time this week. Try the next week, or ask them to add hours."
              />
            )}
            <BookPanel
              selected={selected}
              timeZone={timeZone}
              isRescheduling={isRescheduling}
              isPending={book.isPending}
              error={book.error}
              onBook={(slot, reason) => book.mutate({ slot, reason })}
              onPick={(slot) => {
                setSelected(slot);
                book.reset();
              }}
            />
          </div>
        </Card>
      ) : null}
      {canBook && interview.can.manageLinks ? <SchedulingLinksCard interviewId={interview.id} /> : null}
    </div>
  );
}
