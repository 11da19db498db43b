import { RECOMMENDATION_LABELS, RECOMMENDATIONS, type InterviewScorecards } from '@interviewselect/contracts';
import { Badge } from '../../ui/badge';
import { Card } from '../../ui/card';
import { recommendationTone } from './recommendation';

type Summary = NonNullable<InterviewScorecards['summary']>;

/** Every competency's scores side by side with their average, and how the panel voted. */
export function ConsolidatedView({ summary }: { summary: Summary }) {
  const people = summary.competencies[0]?.scores ?? [];
  return (
    <Card title="Consolidated feedback">
      <div className="scorecard-tally" aria-label="Recommendations">
        {RECOMMENDATIONS.map((r) => (
          <span key={r} className="scorecard-tally__item">
            <Badge tone={summary.recommendations[r] > 0 ? recommendationTone(r) : 'neutral'}>
              {RECOMMENDATION_LABELS[r]}: {summary.recommendations[r]}
            </Badge>
          </span>
        ))}
      </div>
      <div className="scorecard-table-wrap">
        <table className="scorecard-table">
          <caption className="visually-hidden">Scores per competency and interviewer</caption>
          <thead>
            <tr>
              <th scope="col">Competency</th>
              {people.map((p) => (
                <th scope="col" key={p.userId ?? p.name}>
                  {p.name}
                </th>
              ))}
              <th scope="col">Average</th>
            </tr>
          </thead>
          <tbody>
            {summary.competencies.map((c) => (
              <tr key={c.key}>
                <th scope="row">{c.label}</th>
                {c.scores.map((s) => (
                  <td key={s.userId ?? s.name}>{s.score === null ? '—' : `${s.score} / ${c.maxScore}`}</td>
                ))}
                <td className="scorecard-table__avg">{c.average === null ? '—' : c.average.toFixed(2)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Card>
  );
}
