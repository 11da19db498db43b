import { QUESTION_SCORE_LABELS, RECOMMENDATION_LABELS, type Scorecard } from '@interviewselect/contracts';
import { Badge } from '../../ui/badge';
import { Card } from '../../ui/card';
import { formatDateTime } from '../../lib/format-date';
import { recommendationTone } from './recommendation';

/** A submitted scorecard, read-only: ratings with their level, per-question notes, the verdict. */
export function ScorecardView({ card, headingLevel = 2 }: { card: Scorecard; headingLevel?: 2 | 3 }) {
  return (
    <Card
      headingLevel={headingLevel}
      title={card.author.name}
      headerEnd={
        card.recommendation ? (
          <Badge tone={recommendationTone(card.recommendation)}>{RECOMMENDATION_LABELS[card.recommendation]}</Badge>
        ) : null
      }
      className="scorecard-view"
    >
      <p className="scorecard-muted">
        {card.submittedAt ? `Submitted ${formatDateTime(card.submittedAt)}` : 'Draft'} · {card.template.name} v
        {card.template.version}
      </p>
      <dl className="scorecard-view__ratings">
        {card.template.competencies.map((c) => {
          const rating = card.ratings.find((r) => r.competencyKey === c.key);
          const level = c.levels.find((l) => l.score === rating?.score);
          return (
            <div key={c.key} className="scorecard-view__rating">
              <dt>{c.label}</dt>
              <dd>
                <strong>{level ? `${level.score} · ${level.label}` : 'Not rated'}</strong>
                {rating?.notes ? <p>{rating.notes}</p> : null}
              </dd>
            </div>
          );
        })}
      </dl>
      {card.questions.some((q) => q.score !== null || q.response || q.hints) ? (
        <dl className="scorecard-view__ratings">
          {card.questions.map((q) => (
            <div key={q.interviewQuestionId} className="scorecard-view__rating">
              <dt>
                {q.position}. {q.title}
              </dt>
              <dd>
                <strong>
                  {q.score === null ? 'Not scored' : `${q.score} · ${QUESTION_SCORE_LABELS[q.score as 1]}`}
                </strong>
                {q.response ? <p>Response: {q.response}</p> : null}
                {q.hints ? <p>Hints: {q.hints}</p> : null}
              </dd>
            </div>
          ))}
        </dl>
      ) : null}
      <div className="scorecard-view__texts">
        {(
          [
            ['Strengths', card.strengths],
            ['Weaknesses', card.weaknesses],
            ['Notes', card.notes],
          ] as const
        ).map(([label, text]) =>
          text ? (
            <div key={label}>
              <h4 className="scorecard-view__label">{label}</h4>
              <p className="scorecard-view__text">{text}</p>
            </div>
          ) : null,
        )}
      </div>
    </Card>
  );
}
