import { useSearchParams } from 'react-router';
import type { CalendarViewKind } from './calendar-view';
import { parseDay, shiftDay, todayIn } from './zoned-time';

/** The calendar's view, date and interviewer filter, kept in the URL so a view can be shared and reloaded. */
export function useCalendarState(timeZone: string) {
  const [params, setParams] = useSearchParams();
  const view: CalendarViewKind = params.get('view') === 'month' ? 'month' : 'week';
  const date = parseDay(params.get('date')) ?? todayIn(timeZone);
  const interviewerId = params.get('interviewer');
  const update = (next: { view?: CalendarViewKind; date?: string; interviewer?: string | null }) => {
    const merged = new URLSearchParams(params);
    if (next.view) merged.set('view', next.view);
    if (next.date) merged.set('date', next.date);
    if (next.interviewer !== undefined) {
      if (next.interviewer) merged.set('interviewer', next.interviewer);
      else merged.delete('interviewer');
    }
    setParams(merged, { replace: false });
  };
  return {
    view,
    date,
    interviewerId,
    setView: (v: CalendarViewKind) => update({ view: v }),
    setInterviewer: (id: string | null) => update({ interviewer: id }),
    previous: () => update({ date: shiftDay(date, view, -1) }),
    next: () => update({ date: shiftDay(date, view, 1) }),
    today: () => update({ date: todayIn(timeZone) }),
  };
}
