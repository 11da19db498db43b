import type { Competency, ScorecardRating } from '@interviewselect/contracts';
import { TextAreaField } from '../interviews/textarea-field';
import { RatingGroup } from './rating-group';
import { chosenLevel } from './scorecard-draft';

/** One competency: its scale as a radio group, the chosen level's rubric, and notes. */
export function CompetencyField({
  competency,
  rating,
  onChange,
  isDisabled,
}: {
  competency: Competency;
  rating: Pick<ScorecardRating, 'score' | 'notes'>;
  onChange: (change: Partial<Pick<ScorecardRating, 'score' | 'notes'>>) => void;
  isDisabled: boolean;
}) {
  const level = chosenLevel(competency, rating.score);
  return (
    <div className="scorecard-item">
      <RatingGroup
        legend={competency.label}
        hint={competency.description || undefined}
        options={competency.levels.map((l) => ({ value: l.score, label: `${l.score} · ${l.label}` }))}
        value={rating.score}
        onChange={(score) => onChange({ score })}
        isDisabled={isDisabled}
      >
        <p className="scorecard-rubric" aria-live="polite">
          {level ? (
            <>
              <strong>{level.label}:</strong> {level.rubric || 'No rubric for this level.'}
            </>
          ) : (
            'Pick a level to see its rubric.'
          )}
        </p>
      </RatingGroup>
      <TextAreaField
        label={`Notes on ${competency.label.toLowerCase()}`}
        rows={2}
        value={rating.notes}
        disabled={isDisabled}
        onChange={(e) => onChange({ notes: e.target.value })}
      />
    </div>
  );
}
