import type { AvailabilityException } from '@interviewselect/contracts';
import { Button } from '../../ui/button';
import { TimeRangeInputs } from './time-range-inputs';

type Kind = 'day-off' | 'blocked' | 'extra';

const KIND_LABELS: Record<Kind, string> = { 'day-off': 'Day off', blocked: 'Blocked hours', extra: 'Extra hours' };

function kindOf(e: AvailabilityException): Kind {
  if (e.kind === 'available') return 'extra';
  return e.start === null ? 'day-off' : 'blocked';
}

function withKind(e: AvailabilityException, kind: Kind): AvailabilityException {
  if (kind === 'day-off') return { date: e.date, kind: 'unavailable', start: null, end: null };
  const times = { start: e.start ?? '09:00', end: e.end ?? '17:00' };
  return { date: e.date, kind: kind === 'extra' ? 'available' : 'unavailable', ...times };
}

/** Dates that differ from the weekly hours: days off, blocked hours, extra hours. */
export function ExceptionsEditor({
  exceptions,
  onChange,
  today,
}: {
  exceptions: readonly AvailabilityException[];
  onChange: (next: AvailabilityException[]) => void;
  today: string;
}) {
  const update = (index: number, next: AvailabilityException) =>
    onChange(exceptions.map((e, i) => (i === index ? next : e)));
  return (
    <div className="scheduling-exceptions">
      {exceptions.length === 0 ? (
        <p className="text-muted">No exceptions: every week follows the hours above.</p>
      ) : null}
      {exceptions.map((e, index) => {
        const kind = kindOf(e);
        const n = index + 1;
        return (
          <div key={index} className="scheduling-range scheduling-exception">
            <label className="visually-hidden" htmlFor={`exception-${index}-date`}>
              Exception {n} date
            </label>
            <input
              id={`exception-${index}-date`}
              type="date"
              className="ui-field__input"
              value={e.date}
              onChange={(ev) => update(index, { ...e, date: ev.target.value })}
            />
            <label className="visually-hidden" htmlFor={`exception-${index}-kind`}>
              Exception {n} kind
            </label>
            <select
              id={`exception-${index}-kind`}
              className="ui-field__input"
              value={kind}
              onChange={(ev) => update(index, withKind(e, ev.target.value as Kind))}
            >
              {(Object.keys(KIND_LABELS) as Kind[]).map((k) => (
                <option key={k} value={k}>
                  {KIND_LABELS[k]}
                </option>
              ))}
            </select>
            {kind === 'day-off' ? null : (
              <TimeRangeInputs
                id={`exception-${index}`}
                label={`Exception ${n}`}
                start={e.start ?? ''}
                end={e.end ?? ''}
                onChange={(times) => update(index, { ...e, ...times })}
              />
            )}
            <Button
              size="sm"
              variant="ghost"
              aria-label={`Remove exception ${n}`}
              onClick={() => onChange(exceptions.filter((_, i) => i !== index))}
            >
              Remove
            </Button>
          </div>
        );
      })}
      <div>
        <Button
          size="sm"
          onClick={() => onChange([...exceptions, { date: today, kind: 'unavailable', start: null, end: null }])}
        >
          Add an exception
        </Button>
      </div>
    </div>
  );
}
