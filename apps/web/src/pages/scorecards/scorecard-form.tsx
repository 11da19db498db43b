import {
  RECOMMENDATION_LABELS,
  RECOMMENDATIONS,
  type Recommendation,
  type Scorecard,
} from '@interviewselect/contracts';
import { useCallback, useState } from 'react';
import { scorecardsApi } from '../../lib/scorecards-api';
import { Alert } from '../../ui/alert';
import { Button } from '../../ui/button';
import { Card } from '../../ui/card';
import { TextAreaField } from '../interviews/textarea-field';
import { CompetencyField } from './competency-field';
import { QuestionField } from './question-field';
import { RatingGroup } from './rating-group';
import { draftOf, toSaveInput, withQuestion, withRating, type ScorecardDraft } from './scorecard-draft';
import { SubmitScorecardDialog } from './submit-scorecard-dialog';
import { saveStatusLabel, useAutosave } from './use-autosave';

const RECOMMENDATION_OPTIONS = RECOMMENDATIONS.map((r, i) => ({ value: i, label: RECOMMENDATION_LABELS[r] }));

/**
 * The caller's own draft: every change is autosaved (debounced) with the
 * scorecard's revision; submitting saves first, asks for confirmation, then locks it.
 */
export function ScorecardForm({
  card,
  onReload,
  onSubmitted,
}: {
  card: Scorecard;
  /** Loads the latest saved version (after a conflict). */
  onReload: () => void;
  onSubmitted: (card: Scorecard) => void;
}) {
  const [draft, setDraft] = useState<ScorecardDraft>(() => draftOf(card));
  const save = useCallback(
    async (value: ScorecardDraft, revision: number) =>
      (await scorecardsApi.save(card.id, toSaveInput(value, revision))).revision,
    [card.id],
  );
  const autosave = useAutosave<ScorecardDraft>({ initialRevision: card.revision, save });
  const isLocked = autosave.status.kind === 'conflict';
  const update = (next: ScorecardDraft) => {
    setDraft(next);
    autosave.schedule(next);
  };
  const competencies = card.template.competencies;

  return (
    <form className="scorecard-form" onSubmit={(e) => e.preventDefault()} aria-label="Your scorecard">
      <div className="scorecard-form__bar">
        <p
          className={`scorecard-save scorecard-save--${autosave.status.kind}`}
          role="status"
          aria-live="polite"
          data-testid="save-status"
        >
          {saveStatusLabel(autosave.status)}
        </p>
        {autosave.status.kind === 'error' ? (
          <Button size="sm" variant="ghost" onClick={autosave.retry}>
            Retry
          </Button>
        ) : null}
        <SubmitScorecardDialog
          card={card}
          draft={draft}
          isDisabled={!card.can.submit || isLocked}
          flush={autosave.flush}
          onSubmitted={onSubmitted}
        />
      </div>
      {!card.can.submit ? (
        <Alert tone="info" role="status" title="Drafting while the interview runs">
          Your notes are saved as you type. You can submit once the interview has ended.
        </Alert>
      ) : null}
      {isLocked ? (
        <Alert tone="warning" title="This scorecard changed in another tab or window">
          {autosave.status.kind === 'conflict' ? autosave.status.message : null}{' '}
          <Button size="sm" variant="secondary" onClick={onReload}>
            Load the latest version
          </Button>
        </Alert>
      ) : null}

      {card.questions.length > 0 ? (
        <Card title="Questions">
          <div className="scorecard-list">
            {card.questions.map((q) => {
              const entry = draft.questions.find((e) => e.interviewQuestionId === q.interviewQuestionId);
              if (!entry) return null;
              return (
                <QuestionField
                  key={q.interviewQuestionId}
                  question={q}
                  entry={entry}
                  isDisabled={isLocked}
                  onChange={(change) => update(withQuestion(draft, q.interviewQuestionId, change))}
                />
              );
            })}
          </div>
        </Card>
      ) : null}

      <Card title="Competencies" headerEnd={<span className="scorecard-muted">{card.template.name}</span>}>
        <div className="scorecard-list">
          {competencies.map((c) => (
            <CompetencyField
              key={c.key}
              competency={c}
              rating={draft.ratings.find((r) => r.competencyKey === c.key) ?? { score: null, notes: '' }}
              isDisabled={isLocked}
              onChange={(change) => update(withRating(draft, c.key, change))}
            />
          ))}
        </div>
      </Card>

      <Card title="Overall">
        <div className="scorecard-list">
          <div className="scorecard-item__texts">
            <TextAreaField
              label="Strengths"
              value={draft.strengths}
              disabled={isLocked}
              onChange={(e) => update({ ...draft, strengths: e.target.value })}
            />
            <TextAreaField
              label="Weaknesses"
              value={draft.weaknesses}
              disabled={isLocked}
              onChange={(e) => update({ ...draft, weaknesses: e.target.value })}
            />
          </div>
          <RatingGroup
            legend="Recommendation"
            options={RECOMMENDATION_OPTIONS}
            value={draft.recommendation ? RECOMMENDATIONS.indexOf(draft.recommendation) : null}
            onChange={(i) =>
              update({ ...draft, recommendation: i === null ? null : (RECOMMENDATIONS[i] as Recommendation) })
            }
            isDisabled={isLocked}
          />
          <TextAreaField
            label="Other notes"
            value={draft.notes}
            disabled={isLocked}
            onChange={(e) => update({ ...draft, notes: e.target.value })}
          />
        </div>
      </Card>
    </form>
  );
}
