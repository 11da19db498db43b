import type { DatesSetArg, EventClickArg, EventContentArg, EventDropArg, EventInput } from '@fullcalendar/core';
import dayGridPlugin from '@fullcalendar/daygrid';
import interactionPlugin from '@fullcalendar/interaction';
import luxonPlugin from '@fullcalendar/luxon3';
import FullCalendar from '@fullcalendar/react';
import timeGridPlugin from '@fullcalendar/timegrid';
import type { CalendarEntry } from '@interviewselect/contracts';
import { useEffect, useMemo, useRef } from 'react';
import { statusClass, statusLabel } from './entry-status';
import { dropIconFont } from './fullcalendar-csp';
import { weekHours } from './zoned-time';

dropIconFont();

/** The two views: a week on a time grid, a month of day cells. */
export type CalendarViewKind = 'week' | 'month';

const VIEW_NAMES: Record<CalendarViewKind, string> = { week: 'timeGridWeek', month: 'dayGridMonth' };
const PLUGINS = [luxonPlugin, dayGridPlugin, timeGridPlugin, interactionPlugin];

export interface CalendarViewProps {
  view: CalendarViewKind;
  /** A day inside the period to show (YYYY-MM-DD in `timeZone`). */
  date: string;
  /** IANA zone every time is drawn in (the viewer's). */
  timeZone: string;
  entries: readonly CalendarEntry[];
  /** The visible range changed (navigation, view switch): what to load, and the heading. */
  onRangeChange: (range: { from: string; to: string; title: string }) => void;
  onOpen: (entry: CalendarEntry) => void;
  /** An entry was dropped at a new start; call `revert` unless the move is confirmed. */
  onMove: (move: { entry: CalendarEntry; start: string; revert: () => void }) => void;
}

function entryOf(extendedProps: Record<string, unknown>): CalendarEntry {
  return extendedProps.entry as CalendarEntry;
}

/** An entry as drawn (and read: its text is its accessible name): time, status in words, title, candidate. */
function EntryContent({ arg }: { arg: EventContentArg }) {
  const entry = entryOf(arg.event.extendedProps);
  return (
    <span className="calendar-entry__body">
      <span className="calendar-entry__line">
        <span className="calendar-entry__time">{arg.timeText}</span>{' '}
        <span className="calendar-entry__status">{statusLabel(entry.status)}</span>
      </span>{' '}
      <span className="calendar-entry__title">{entry.title}</span>{' '}
      <span className="calendar-entry__who">{entry.candidateName}</span>
      {entry.canReschedule ? <span className="visually-hidden">(can be moved)</span> : null}
    </span>
  );
}

/**
 * FullCalendar (ADR 0020) with our own toolbar: the page owns the view and
 * date, this component only draws them. Styles are injected by FullCalendar
 * into a <style> carrying the page's CSP nonce (it reads <meta name="csp-nonce">).
 */
export function CalendarView({ view, date, timeZone, entries, onRangeChange, onOpen, onMove }: CalendarViewProps) {
  const ref = useRef<FullCalendar>(null);
  useEffect(() => {
    ref.current?.getApi().changeView(VIEW_NAMES[view], date);
  }, [view, date]);
  const events = useMemo(
    (): EventInput[] =>
      entries.map((entry) => ({
        id: entry.interviewId,
        title: entry.title,
        start: entry.start,
        end: entry.end,
        editable: entry.canReschedule,
        classNames: [
          'calendar-entry',
          statusClass(entry.status),
          ...(entry.canReschedule ? ['calendar-entry--movable'] : []),
        ],
        extendedProps: { entry },
      })),
    [entries],
  );
  const hours = useMemo(() => weekHours(entries, timeZone), [entries, timeZone]);
  return (
    <FullCalendar
      ref={ref}
      plugins={PLUGINS}
      initialView={VIEW_NAMES[view]}
      initialDate={date}
      timeZone={timeZone}
      headerToolbar={false}
      locale={navigator.language}
      dayHeaderFormat={view === 'week' ? { weekday: 'short', day: 'numeric', month: 'short' } : { weekday: 'short' }}
      height="auto"
      firstDay={1}
      nowIndicator
      allDaySlot={false}
      slotMinTime={hours.min}
      slotMaxTime={hours.max}
      snapDuration="00:15:00"
      eventTimeFormat={{ hour: '2-digit', minute: '2-digit', hour12: false }}
      slotLabelFormat={{ hour: '2-digit', minute: '2-digit', hour12: false }}
      displayEventEnd={false}
      eventDurationEditable={false}
      eventStartEditable
      dayMaxEvents={false}
      events={events}
      eventContent={(arg) => <EntryContent arg={arg} />}
      eventDidMount={(arg) => {
        // FullCalendar makes the entry focusable and opens it on Enter/Space (eventClick); say it is a button.
        arg.el.setAttribute('role', 'button');
      }}
      dayCellDidMount={(arg) => {
        // A month cell is labelled by its day number alone, which hides the entries inside it from its
        // name (WCAG 2.5.3); named by its content it reads the date's number and then its entries.
        arg.el.removeAttribute('aria-labelledby');
      }}
      eventAllow={(span) => span.start.getTime() > Date.now()}
      eventClick={(arg: EventClickArg) => {
        arg.jsEvent.preventDefault();
        onOpen(entryOf(arg.event.extendedProps));
      }}
      eventDrop={(arg: EventDropArg) => {
        onMove({ entry: entryOf(arg.event.extendedProps), start: arg.event.startStr, revert: arg.revert });
      }}
      datesSet={(arg: DatesSetArg) => onRangeChange({ from: arg.startStr, to: arg.endStr, title: arg.view.title })}
    />
  );
}
