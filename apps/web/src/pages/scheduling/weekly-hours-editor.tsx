import type { WeeklyRange } from '@interviewselect/contracts';
import { Button } from '../../ui/button';
import { TimeRangeInputs } from './time-range-inputs';

export const WEEKDAY_NAMES = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

/** Weekly recurring hours, day by day: native time inputs (keyboard and screen readers just work). */
export function WeeklyHoursEditor({
  weekly,
  onChange,
}: {
  weekly: readonly WeeklyRange[];
  onChange: (next: WeeklyRange[]) => void;
}) {
  const update = (index: number, patch: Partial<WeeklyRange>) =>
    onChange(weekly.map((r, i) => (i === index ? { ...r, ...patch } : r)));
  return (
    <div className="scheduling-weekly">
      {WEEKDAY_NAMES.map((name, d) => {
        const weekday = d + 1;
        const ranges = weekly.map((r, index) => ({ r, index })).filter(({ r }) => r.weekday === weekday);
        return (
          <fieldset key={name} className="scheduling-weekly__day">
            <legend className="scheduling-weekly__name">{name}</legend>
            {ranges.length === 0 ? <p className="text-muted scheduling-weekly__off">Unavailable</p> : null}
            {ranges.map(({ r, index }, k) => (
              <div key={index} className="scheduling-range">
                <TimeRangeInputs
                  id={`weekly-${index}`}
                  label={`${name} range ${k + 1}`}
                  start={r.start}
                  end={r.end}
                  onChange={(times) => update(index, times)}
                />
                <Button
                  size="sm"
                  variant="ghost"
                  aria-label={`Remove ${name} range ${k + 1}`}
                  onClick={() => onChange(weekly.filter((_, i) => i !== index))}
                >
                  Remove
                </Button>
              </div>
            ))}
            <Button
              size="sm"
              variant="ghost"
              aria-label={`Add hours on ${name}`}
              onClick={() => onChange([...weekly, { weekday, start: '09:00', end: '17:00' }])}
            >
              Add hours
            </Button>
          </fieldset>
        );
      })}
    </div>
  );
}
