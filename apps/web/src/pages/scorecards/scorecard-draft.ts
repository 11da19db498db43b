import type { Competency, Recommendation, SaveScorecardInput, Scorecard } from '@interviewselect/contracts';

/** What the form edits: everything a save sends except the revision. */
export interface ScorecardDraft {
  questions: { interviewQuestionId: string; score: number | null; response: string; hints: string; notes: string }[];
  ratings: { competencyKey: string; score: number | null; notes: string }[];
  strengths: string;
  weaknesses: string;
  recommendation: Recommendation | null;
  notes: string;
}

export function draftOf(card: Scorecard): ScorecardDraft {
  return {
    questions: card.questions.map(({ interviewQuestionId, score, response, hints, notes }) => ({
      interviewQuestionId,
      score,
      response,
      hints,
      notes,
    })),
    ratings: card.ratings.map(({ competencyKey, score, notes }) => ({ competencyKey, score, notes })),
    strengths: card.strengths,
    weaknesses: card.weaknesses,
    recommendation: card.recommendation,
    notes: card.notes,
  };
}

export function toSaveInput(draft: ScorecardDraft, revision: number): SaveScorecardInput {
  return { ...draft, revision };
}

/** Edits one question's entry (by id), leaving the others as they are. */
export function withQuestion(
  draft: ScorecardDraft,
  id: string,
  change: Partial<ScorecardDraft['questions'][number]>,
): ScorecardDraft {
  return {
    ...draft,
    questions: draft.questions.map((q) => (q.interviewQuestionId === id ? { ...q, ...change } : q)),
  };
}

/** Edits one competency's rating (by key). */
export function withRating(
  draft: ScorecardDraft,
  key: string,
  change: Partial<ScorecardDraft['ratings'][number]>,
): ScorecardDraft {
  return { ...draft, ratings: draft.ratings.map((r) => (r.competencyKey === key ? { ...r, ...change } : r)) };
}

/** What still blocks submitting, in the form's words (the server checks the same). */
export function missingForSubmit(draft: ScorecardDraft, competencies: Competency[]): string[] {
  const missing = competencies
    .filter((c) => (draft.ratings.find((r) => r.competencyKey === c.key)?.score ?? null) === null)
    .map((c) => `Rate “${c.label}”`);
  if (!draft.recommendation) missing.push('Choose an overall recommendation');
  return missing;
}

/** The level chosen for a competency, for showing its rubric. */
export function chosenLevel(competency: Competency, score: number | null) {
  return score === null ? undefined : competency.levels.find((l) => l.score === score);
}
