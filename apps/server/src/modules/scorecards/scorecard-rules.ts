import {
  RECOMMENDATIONS,
  type Competency,
  type InterviewScorecards,
  type Recommendation,
  type SaveScorecardInputSchema,
  type ValidationIssue,
} from '@interviewselect/contracts';
import type { z } from 'zod';
import type { DraftContent, InterviewContext } from './scorecards.repo.js';

type SaveInput = z.output<typeof SaveScorecardInputSchema>;

/**
 * Checks a draft against the template version and the interview's questions
 * and returns what to store; issues name each field that does not fit
 * (unknown competency, a score not on its scale, a question not asked).
 */
export function draftContentOf(
  input: SaveInput,
  competencies: Competency[],
  questions: InterviewContext['questions'],
): { content: DraftContent; issues: ValidationIssue[] } {
  const issues: ValidationIssue[] = [];
  const byKey = new Map(competencies.map((c) => [c.key, c]));
  input.ratings.forEach((r, i) => {
    const competency = byKey.get(r.competencyKey);
    if (!competency)
      issues.push({ path: `body.ratings.${i}.competencyKey`, message: 'This competency is not on the template.' });
    else if (r.score !== null && !competency.levels.some((l) => l.score === r.score)) {
      const scale = competency.levels.map((l) => l.score).join(', ');
      issues.push({ path: `body.ratings.${i}.score`, message: `Pick one of the scale's scores: ${scale}.` });
    }
  });
  const asked = new Map(questions.map((q) => [q.id, q]));
  input.questions.forEach((q, i) => {
    if (!asked.has(q.interviewQuestionId))
      issues.push({
        path: `body.questions.${i}.interviewQuestionId`,
        message: 'This question was not asked in this interview.',
      });
  });
  const dupes = (keys: string[], field: string) =>
    keys.forEach((k, i) => {
      if (keys.indexOf(k) !== i) issues.push({ path: `body.${field}.${i}`, message: 'Listed twice.' });
    });
  dupes(
    input.ratings.map((r) => r.competencyKey),
    'ratings',
  );
  dupes(
    input.questions.map((q) => q.interviewQuestionId),
    'questions',
  );
  return {
    issues,
    content: {
      strengths: input.strengths,
      weaknesses: input.weaknesses,
      notes: input.notes,
      recommendation: input.recommendation,
      ratings: input.ratings,
      questions: input.questions.map((q) => ({
        ...q,
        problemVersionId: asked.get(q.interviewQuestionId)?.problemVersionId ?? null,
      })),
    },
  };
}

/** What a scorecard still lacks before it can be submitted: every competency rated, a recommendation. */
export function missingForSubmit(
  competencies: Competency[],
  saved: { recommendation: Recommendation | null; ratings: { competencyKey: string; score: number | null }[] },
): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  for (const c of competencies) {
    const rating = saved.ratings.find((r) => r.competencyKey === c.key);
    if (rating?.score === null || rating?.score === undefined)
      issues.push({ path: `ratings.${c.key}`, message: `Rate “${c.label}”.` });
  }
  if (!saved.recommendation) issues.push({ path: 'recommendation', message: 'Choose an overall recommendation.' });
  return issues;
}

interface SubmittedCard {
  authorUserId: string | null;
  authorName: string;
  recommendation: Recommendation | null;
  ratings: { competencyKey: string; score: number | null }[];
}

/** The consolidated view: each competency's scores side by side with their mean, and the recommendations tally. */
export function summarize(
  competencies: Competency[],
  cards: SubmittedCard[],
): NonNullable<InterviewScorecards['summary']> {
  const recommendations = Object.fromEntries(RECOMMENDATIONS.map((r) => [r, 0])) as Record<Recommendation, number>;
  for (const card of cards) if (card.recommendation) recommendations[card.recommendation] += 1;
  return {
    recommendations,
    competencies: competencies.map((c) => {
      const scores = cards.map((card) => ({
        userId: card.authorUserId,
        name: card.authorName,
        score: card.ratings.find((r) => r.competencyKey === c.key)?.score ?? null,
      }));
      const given = scores.map((s) => s.score).filter((s): s is number => s !== null);
      return {
        key: c.key,
        label: c.label,
        maxScore: Math.max(...c.levels.map((l) => l.score)),
        scores,
        average: given.length > 0 ? Math.round((given.reduce((a, b) => a + b, 0) / given.length) * 100) / 100 : null,
      };
    }),
  };
}
