import {
  ProblemSchema,
  ScorecardSchema,
  type Interview,
  type SaveScorecardInput,
  type Scorecard,
} from '@interviewselect/contracts';
import type { FastifyInstance } from 'fastify';
import { expect } from 'vitest';
import { createInterview, transition } from './interviews.js';
import type { SignedIn } from './sign-in.js';

/** An interview of `orgId` created by `creator` with `others` as co-interviewers, started and (by default) ended. */
export async function interviewWithPanel(
  app: FastifyInstance,
  creator: SignedIn,
  orgId: string,
  others: SignedIn[],
  opts: { end?: boolean; questions?: number; candidate?: SignedIn } = {},
): Promise<Interview> {
  const interview = await createInterview(app, creator, orgId, {
    coInterviewerIds: others.map((o) => o.user.id),
    ...(opts.candidate ? { candidate: { name: opts.candidate.user.name, email: opts.candidate.user.email } } : {}),
    questions: Array.from({ length: opts.questions ?? 2 }, (_, i) => ({
      title: `Question ${i + 1}`,
      prompt: 'Solve it.',
      interviewerNotes: '',
    })),
  });
  expect((await transition(app, creator, interview.id, 'start')).statusCode).toBe(200);
  if (opts.end ?? true) expect((await transition(app, creator, interview.id, 'end')).statusCode).toBe(200);
  return interview;
}

/** POST /api/v1/interviews/:id/scorecards as `who`: their own scorecard (asserts success). */
export async function openScorecard(app: FastifyInstance, who: SignedIn, interviewId: string): Promise<Scorecard> {
  const res = await app.inject({
    method: 'POST',
    url: `/api/v1/interviews/${interviewId}/scorecards`,
    headers: who.headers,
    payload: {},
  });
  expect([200, 201], res.body).toContain(res.statusCode);
  return ScorecardSchema.parse(res.json());
}

/** Every competency rated `score` (or its scale's top), a recommendation and some notes: a submittable draft body. */
export function completeDraft(
  card: Scorecard,
  score?: number,
  recommendation: SaveScorecardInput['recommendation'] = 'hire',
): SaveScorecardInput {
  return {
    revision: card.revision,
    ratings: card.template.competencies.map((c) => ({
      competencyKey: c.key,
      score: score ?? c.levels.at(-1)?.score ?? 1,
      notes: `${c.label} notes`,
    })),
    questions: card.questions.map((q) => ({
      interviewQuestionId: q.interviewQuestionId,
      score: 3,
      response: 'Did it.',
      hints: '',
      notes: '',
    })),
    strengths: 'Clear thinking.',
    weaknesses: 'Few tests.',
    recommendation,
    notes: 'Overall solid.',
  };
}

export function saveScorecard(app: FastifyInstance, who: SignedIn, id: string, body: SaveScorecardInput) {
  return app.inject({ method: 'PUT', url: `/api/v1/scorecards/${id}`, headers: who.headers, payload: body });
}

export function submitScorecard(app: FastifyInstance, who: SignedIn, id: string, revision: number) {
  return app.inject({
    method: 'POST',
    url: `/api/v1/scorecards/${id}/submit`,
    headers: who.headers,
    payload: { revision },
  });
}

/** Opens, completes and submits `who`'s scorecard; returns it submitted. */
export async function fillAndSubmit(
  app: FastifyInstance,
  who: SignedIn,
  interviewId: string,
  score?: number,
  recommendation: SaveScorecardInput['recommendation'] = 'hire',
): Promise<Scorecard> {
  const card = await openScorecard(app, who, interviewId);
  const saved = await saveScorecard(app, who, card.id, completeDraft(card, score, recommendation));
  expect(saved.statusCode, saved.body).toBe(200);
  const res = await submitScorecard(app, who, card.id, ScorecardSchema.parse(saved.json()).revision);
  expect(res.statusCode, res.body).toBe(200);
  return ScorecardSchema.parse(res.json());
}

export const problemOf = (res: { json: () => unknown }) => ProblemSchema.parse(res.json());
