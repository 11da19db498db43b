import { Button } from '../../ui/button';
import { SelectField } from '../../ui/select-field';
import { Spinner } from '../../ui/spinner';
import type { useCalendarState } from './use-calendar-state';

/** Previous / today / next, the period's name, week or month, and (for managers) whose interviews. */
export function CalendarToolbar({
  state,
  title,
  interviewers,
  isFetching,
}: {
  state: ReturnType<typeof useCalendarState>;
  title: string;
  /** Null when the viewer sees only their own interviews. */
  interviewers: { userId: string; name: string }[] | null;
  isFetching: boolean;
}) {
  const unit = state.view === 'week' ? 'week' : 'month';
  return (
    <div className="calendar-toolbar">
      <div className="calendar-toolbar__nav">
        <Button onClick={state.today}>Today</Button>
        <Button aria-label={`Previous ${unit}`} onClick={state.previous}>
          ‹
        </Button>
        <Button aria-label={`Next ${unit}`} onClick={state.next}>
          ›
        </Button>
        <h2 className="calendar-toolbar__title" aria-live="polite">
          {title}
        </h2>
        {isFetching ? <Spinner size="sm" label="Loading interviews" /> : null}
      </div>
      <div className="calendar-toolbar__options">
        {interviewers ? (
          <SelectField
            label="Interviewers"
            className="calendar-toolbar__filter"
            value={state.interviewerId ?? ''}
            onChange={(e) => state.setInterviewer(e.target.value || null)}
          >
            <option value="">Everyone</option>
            {interviewers.map((i) => (
              <option key={i.userId} value={i.userId}>
                {i.name}
              </option>
            ))}
          </SelectField>
        ) : null}
        <div className="calendar-toolbar__views" role="group" aria-label="View">
          <Button aria-pressed={state.view === 'week'} onClick={() => state.setView('week')}>
            Week
          </Button>
          <Button aria-pressed={state.view === 'month'} onClick={() => state.setView('month')}>
            Month
          </Button>
        </div>
      </div>
    </div>
  );
}
