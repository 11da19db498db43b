import clsx from 'clsx';
import { useId, type ReactNode } from 'react';

export interface RatingOption {
  value: number | null;
  label: string;
}

/**
 * A labelled group of native radio buttons drawn as a segmented control:
 * Tab enters the group, arrow keys move the choice, as for any radio group.
 */
export function RatingGroup({
  legend,
  options,
  value,
  onChange,
  isDisabled = false,
  hint,
  children,
}: {
  legend: ReactNode;
  options: readonly RatingOption[];
  value: number | null;
  onChange: (value: number | null) => void;
  isDisabled?: boolean;
  hint?: ReactNode;
  /** Shown under the choices (e.g. the rubric of the chosen level). */
  children?: ReactNode;
}) {
  const name = useId();
  return (
    <fieldset className="scorecard-rating" disabled={isDisabled}>
      <legend className="scorecard-rating__legend">{legend}</legend>
      {hint ? <p className="scorecard-rating__hint">{hint}</p> : null}
      <div className="scorecard-rating__options">
        {options.map((option) => (
          <label
            key={option.value ?? 'none'}
            className={clsx('scorecard-rating__option', option.value === value && 'scorecard-rating__option--checked')}
          >
            <input
              type="radio"
              name={name}
              className="scorecard-rating__input"
              checked={option.value === value}
              onChange={() => onChange(option.value)}
            />
            {option.label}
          </label>
        ))}
      </div>
      {children}
    </fieldset>
  );
}
