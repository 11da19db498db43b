import { QUESTION_SCORE_LABELS, type ScorecardQuestion } from '@interviewselect/contracts';
import { TextAreaField } from '../interviews/textarea-field';
import { RatingGroup } from './rating-group';
import type { ScorecardDraft } from './scorecard-draft';

type Entry = ScorecardDraft['questions'][number];

const SCORE_OPTIONS = [
  { value: null, label: 'Not scored' },
  ...([1, 2, 3, 4] as const).map((score) => ({ value: score, label: `${score} · ${QUESTION_SCORE_LABELS[score]}` })),
];

/** One question asked: a score, what the candidate did, the hints given, notes. */
export function QuestionField({
  question,
  entry,
  onChange,
  isDisabled,
}: {
  question: ScorecardQuestion;
  entry: Entry;
  onChange: (change: Partial<Entry>) => void;
  isDisabled: boolean;
}) {
  return (
    <div className="scorecard-item">
      <RatingGroup
        legend={`${question.position}. ${question.title}`}
        options={SCORE_OPTIONS}
        value={entry.score}
        onChange={(score) => onChange({ score })}
        isDisabled={isDisabled}
      />
      <div className="scorecard-item__texts">
        <TextAreaField
          label="Candidate’s response"
          rows={2}
          value={entry.response}
          disabled={isDisabled}
          onChange={(e) => onChange({ response: e.target.value })}
        />
        <TextAreaField
          label="Hints given"
          rows={2}
          value={entry.hints}
          disabled={isDisabled}
          onChange={(e) => onChange({ hints: e.target.value })}
        />
      </div>
    </div>
  );
}
