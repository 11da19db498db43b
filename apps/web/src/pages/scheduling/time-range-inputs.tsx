/** A start and an end time (native time inputs), each with a label for screen readers. */
export function TimeRangeInputs({
  id,
  label,
  start,
  end,
  onChange,
}: {
  id: string;
  /** Names the range: "Monday range 1" → "Monday range 1 start" / "… end". */
  label: string;
  start: string;
  end: string;
  onChange: (next: { start: string; end: string }) => void;
}) {
  return (
    <>
      <label className="visually-hidden" htmlFor={`${id}-start`}>
        {label} start
      </label>
      <input
        id={`${id}-start`}
        type="time"
        className="ui-field__input scheduling-range__time"
        value={start}
        onChange={(e) => onChange({ start: e.target.value, end })}
      />
      <span aria-hidden="true">–</span>
      <label className="visually-hidden" htmlFor={`${id}-end`}>
        {label} end
      </label>
      <input
        id={`${id}-end`}
        type="time"
        className="ui-field__input scheduling-range__time"
        value={end === '24:00' ? '23:59' : end}
        onChange={(e) => onChange({ start, end: e.target.value })}
      />
    </>
  );
}
