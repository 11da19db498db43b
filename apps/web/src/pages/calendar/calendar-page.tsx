import type { CalendarEntry, Membership } from '@interviewselect/contracts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { lazy, Suspense, useState } from 'react';
import { describeError } from '../../lib/describe-error';
import { viewerTimeZone } from '../../lib/format-date';
import { useSession } from '../../lib/session';
import { Dialog } from '../../ui/dialog';
import { ErrorState } from '../../ui/error-state';
import { PageHeader } from '../../ui/page-header';
import { Skeleton } from '../../ui/skeleton';
import { activeOrgOf } from '../interviews/active-org';
import { NoOrgState } from '../interviews/no-org-state';
import { schedulingApi, schedulingKeys } from '../scheduling/scheduling-api';
import { calendarEntriesKeys, fetchEntries } from './calendar-api';
import { CalendarToolbar } from './calendar-toolbar';
import { EntryDialog } from './entry-dialog';
import { RescheduleDialog } from './reschedule-dialog';
import { StatusLegend } from './status-legend';
import { useCalendarState } from './use-calendar-state';
import './calendar.css';

// The calendar library is a chunk of its own, loaded when this page opens (like the whiteboard).
const CalendarView = lazy(() => import('./calendar-view').then((m) => ({ default: m.CalendarView })));

/** /calendar: the interviews with a time, in week and month views, in the viewer's zone; drag to move. */
export function CalendarPage() {
  const { user } = useSession();
  const active = user ? activeOrgOf(user) : null;
  const availability = useQuery({
    queryKey: schedulingKeys.availability,
    queryFn: ({ signal }) => schedulingApi.availability(signal),
  });
  // The zone set under Settings → Availability; the browser's until one is saved.
  const timeZone = availability.data?.isConfigured ? availability.data.timeZone : viewerTimeZone();
  return (
    <div className="calendar-page">
      <PageHeader
        title="Calendar"
        description={`Interviews with a time, in ${timeZone.replaceAll('_', ' ')}. Drag one you may move to another time, or open it and choose Reschedule.`}
      />
      {active === null || availability.isPending ? (
        <Skeleton height="32rem" />
      ) : active.kind === 'org' ? (
        <OrgCalendar membership={active.membership} timeZone={timeZone} />
      ) : (
        <NoOrgState state={active.kind} />
      )}
    </div>
  );
}

type Moving = { entry: CalendarEntry; start: string; revert: (() => void) | null };

function OrgCalendar({ membership, timeZone }: { membership: Membership; timeZone: string }) {
  const state = useCalendarState(timeZone);
  const [range, setRange] = useState<{ from: string; to: string; title: string } | null>(null);
  const [opened, setOpened] = useState<CalendarEntry | null>(null);
  const [moving, setMoving] = useState<Moving | null>(null);
  const query = range
    ? { orgId: membership.orgId, from: range.from, to: range.to, interviewerId: state.interviewerId }
    : null;
  const entries = useQuery({
    queryKey: query ? calendarEntriesKeys.range(query) : calendarEntriesKeys.all,
    queryFn: ({ signal }) => {
      // Not enabled until the calendar has reported its first range.
      if (!query) throw new Error('The calendar has no range yet.');
      return fetchEntries(query, signal);
    },
    enabled: query !== null,
    placeholderData: keepPreviousData,
  });
  const finishMove = (moved: boolean) => {
    if (!moved) moving?.revert?.();
    setMoving(null);
  };
  return (
    <div className="calendar-layout">
      <CalendarToolbar
        state={state}
        title={range?.title ?? ''}
        interviewers={entries.data?.scope === 'organisation' ? entries.data.interviewers : null}
        isFetching={entries.isFetching}
      />
      <StatusLegend />
      {entries.isError ? (
        <ErrorState
          title="Couldn't load the calendar"
          message={describeError(entries.error)}
          onRetry={() => void entries.refetch()}
          isRetrying={entries.isFetching}
        />
      ) : null}
      {entries.data && entries.data.entries.length === 0 ? (
        <p className="calendar-empty" role="status">
          No interviews with a time in this {state.view}. Book one from an interview’s Schedule page.
        </p>
      ) : null}
      <div className="calendar-scroll">
        <Suspense fallback={<Skeleton height="32rem" />}>
          <CalendarView
            view={state.view}
            date={state.date}
            timeZone={timeZone}
            entries={entries.data?.entries ?? []}
            onRangeChange={setRange}
            onOpen={setOpened}
            onMove={(move) => setMoving(move)}
          />
        </Suspense>
      </div>
      <Dialog open={opened !== null} onOpenChange={(open) => (open ? undefined : setOpened(null))}>
        {opened ? (
          <EntryDialog
            entry={opened}
            timeZone={timeZone}
            onReschedule={() => {
              setMoving({ entry: opened, start: opened.start, revert: null });
              setOpened(null);
            }}
          />
        ) : null}
      </Dialog>
      <Dialog open={moving !== null} onOpenChange={(open) => (open ? undefined : finishMove(false))}>
        {moving ? (
          <RescheduleDialog
            entry={moving.entry}
            timeZone={timeZone}
            start={moving.start}
            onDone={finishMove}
            onRefused={() => {
              moving.revert?.();
              setMoving({ ...moving, revert: null });
            }}
          />
        ) : null}
      </Dialog>
    </div>
  );
}
