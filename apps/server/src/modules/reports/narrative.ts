import {
  RECOMMENDATION_LABELS,
  type InterviewReport,
  type ReportNarrative,
  type Scorecard,
} from '@interviewselect/contracts';
import { z } from 'zod';
import type { LlmConfig } from '../../config.js';
import { AppError } from '../../platform/errors.js';
import type { AuditService } from '../audit/audit.service.js';
import type { RequestMeta } from '../auth/sessions.service.js';
import type { UserPrincipal } from '../interviews/interviews.service.js';
import type { NarrativeRow, ReportsRepo } from './reports.repo.js';
import type { ReportsService } from './reports.service.js';

export type NarrativeService = ReturnType<typeof createNarrativeService>;

/** Why a narrative cannot be generated without configuration (the 503 names the variables). */
export const LLM_NOT_CONFIGURED =
  'AI narratives are not configured on this server: set LLM_BASE_URL and LLM_API_KEY (an OpenAI-compatible API) to enable them. The deterministic summary is always available.';

const SYSTEM_PROMPT = [
  'You write a short narrative summary of one technical coding interview for the hiring team.',
  'Use only the facts in the data you are given; do not invent anything, and say when data is missing.',
  'Refer to the candidate only as "the candidate" and to interviewers by the labels given.',
  'Do not guess at anyone’s identity, age, gender or background.',
  'Write 2 to 4 short paragraphs of plain text (no headings, no lists, no Markdown).',
  'Cover: how the candidate progressed through the questions, how testing went, notable moments, and what the scorecards say if any are given.',
].join(' ');

function scorecardText(card: Scorecard): string {
  const labelOf = new Map(card.template.competencies.map((c) => [c.key, c.label]));
  return [
    `Scorecard by ${card.author.name}: ${card.recommendation ? RECOMMENDATION_LABELS[card.recommendation] : 'no recommendation'}`,
    ...card.ratings.map(
      (r) => `- ${labelOf.get(r.competencyKey) ?? r.competencyKey}: ${r.score ?? '—'}${r.notes ? ` (${r.notes})` : ''}`,
    ),
    ...card.questions.map((q) => `- Question “${q.title}”: ${q.score ?? '—'}${q.notes ? ` (${q.notes})` : ''}`),
    card.strengths ? `Strengths: ${card.strengths}` : '',
    card.weaknesses ? `Weaknesses: ${card.weaknesses}` : '',
    card.notes ? `Notes: ${card.notes}` : '',
  ]
    .filter(Boolean)
    .join('\n');
}

/**
 * What the model is told: the deterministic summary and the scorecards the
 * requester may read (from their own report, so the anchoring rule holds).
 * Never the candidate's name or e-mail, the interview title, the code or the chat.
 */
export function narrativePrompt(report: InterviewReport): string {
  const { summary } = report;
  const data = {
    durationMinutes: summary.minutes,
    status: report.interview.status,
    questions: summary.questions.map((q) => ({
      position: q.position,
      title: q.title,
      kind: q.kind,
      minutesSpent: q.seconds === null ? 'not measured' : Math.round(q.seconds / 60),
      ranToEndWithoutPassing: q.toEnd,
      judgedRuns: q.runs,
      runsUntilFirstAllPass: q.runsUntilFirstAllPass,
      bestTests: q.best,
      lastTests: q.last,
    })),
    activity: summary.activity.participants.map((p) => ({
      participant: p.label,
      activeMinutes: p.activeMinutes,
      idleStretchesMinutes: p.idleStretches.map((s) => s.minutes),
    })),
    keyMoments: summary.keyMoments.map((m) => ({ minute: Math.round(m.offset / 60), what: m.text })),
    decision: report.decision
      ? { recommendation: RECOMMENDATION_LABELS[report.decision.recommendation], unanimous: report.decision.unanimous }
      : null,
  };
  const cards = report.scorecards.scorecards.filter((c) => c.status === 'submitted').map(scorecardText);
  return [
    'Interview data (JSON):',
    JSON.stringify(data, null, 2),
    cards.length ? `\nSubmitted scorecards:\n\n${cards.join('\n\n')}` : '\nNo scorecards are available.',
  ].join('\n');
}

const CompletionSchema = z.object({
  model: z.string().optional(),
  choices: z.array(z.object({ message: z.object({ content: z.string().nullable() }) })).min(1),
});

/**
 * One chat completion from an OpenAI-compatible API. Failures become a 503
 * problem naming what went wrong upstream (never the key).
 */
export async function chatCompletion(
  llm: LlmConfig,
  messages: { role: 'system' | 'user'; content: string }[],
  fetchImpl: typeof fetch = fetch,
): Promise<{ text: string; model: string }> {
  const url = `${llm.baseUrl}/chat/completions`;
  let response: Response;
  try {
    response = await fetchImpl(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${llm.apiKey}` },
      body: JSON.stringify({ model: llm.model, messages, temperature: 0.2 }),
      signal: AbortSignal.timeout(llm.timeoutMs),
    });
  } catch (err) {
    const timedOut = err instanceof Error && (err.name === 'TimeoutError' || err.name === 'AbortError');
    throw new AppError(
      'server.unavailable',
      timedOut
        ? `The AI model did not answer within ${Math.round(llm.timeoutMs / 1000)} s; try again later.`
        : 'The AI model could not be reached (LLM_BASE_URL); try again later.',
    );
  }
  if (!response.ok) {
    await response.body?.cancel().catch(() => undefined);
    throw new AppError(
      'server.unavailable',
      `The AI model answered HTTP ${response.status}; no narrative was generated. Try again later or check LLM_BASE_URL, LLM_API_KEY and LLM_MODEL.`,
    );
  }
  const parsed = CompletionSchema.safeParse(await response.json().catch(() => null));
  const text = parsed.success ? parsed.data.choices[0]?.message.content?.trim() : undefined;
  if (!parsed.success || !text) {
    throw new AppError('server.unavailable', 'The AI model’s answer was not a chat completion with text.');
  }
  return { text, model: parsed.data.model ?? llm.model };
}

/** Whether this reader may read and write the narrative: not while the anchoring rule binds them. */
export function narrativeVisible(report: Pick<InterviewReport, 'scorecards'>): boolean {
  return report.scorecards.access === 'full';
}

export function presentNarrative(row: NarrativeRow & { updatedByName: string | null }): ReportNarrative {
  return {
    text: row.text,
    source: row.source,
    model: row.model,
    generatedAt: row.generatedAt?.toISOString() ?? null,
    updatedAt: row.updatedAt.toISOString(),
    updatedBy: row.updatedByName,
  };
}

const ANCHORED =
  'Submit your own scorecard first: the narrative draws on the panel’s feedback, which interviewers read only after giving theirs.';

/**
 * The report's narrative: generated by the configured model from the report
 * the requester may read, or written/edited by a person. Both are audited.
 */
export function createNarrativeService(deps: {
  repo: ReportsRepo;
  reports: ReportsService;
  llm: LlmConfig | null;
  audit: AuditService;
  now: () => Date;
  fetch?: typeof fetch;
}) {
  const { repo, reports, audit } = deps;

  async function readable(actor: UserPrincipal, interviewId: string): Promise<InterviewReport> {
    const report = await reports.build(actor, interviewId);
    if (!narrativeVisible(report)) throw new AppError('scorecard.submit_own_first', ANCHORED);
    return report;
  }

  async function saved(row: NarrativeRow, actor: UserPrincipal): Promise<ReportNarrative> {
    const stored = await repo.saveNarrative(row);
    return presentNarrative({ ...stored, updatedByName: stored.updatedBy ? actor.user.name : null });
  }

  return {
    async generate(actor: UserPrincipal, interviewId: string, meta: RequestMeta): Promise<ReportNarrative> {
      const report = await readable(actor, interviewId);
      if (!report.interview.startedAt) {
        throw new AppError(
          'interview.invalid_transition',
          'The interview has not started yet: there is nothing to write a narrative about.',
        );
      }
      if (!deps.llm) throw new AppError('server.unavailable', LLM_NOT_CONFIGURED);
      const { text, model } = await chatCompletion(
        deps.llm,
        [
          { role: 'system', content: SYSTEM_PROMPT },
          { role: 'user', content: narrativePrompt(report) },
        ],
        deps.fetch,
      );
      const now = deps.now();
      const narrative = await saved(
        { interviewId, text, source: 'ai', model, generatedAt: now, updatedBy: actor.userId, updatedAt: now },
        actor,
      );
      await audit.record({
        action: 'report.narrative_generated',
        actorUserId: actor.userId,
        orgId: await repo.orgOf(interviewId),
        targetType: 'interview',
        targetId: interviewId,
        data: { model, chars: text.length },
        ip: meta.ip,
        userAgent: meta.userAgent,
      });
      return narrative;
    },

    async save(
      actor: UserPrincipal,
      interviewId: string,
      input: { text: string },
      meta: RequestMeta,
    ): Promise<ReportNarrative> {
      await readable(actor, interviewId);
      const previous = await repo.narrative(interviewId);
      const fromAi = previous?.source === 'ai' || previous?.source === 'ai_edited';
      const now = deps.now();
      const narrative = await saved(
        {
          interviewId,
          text: input.text,
          source: fromAi ? 'ai_edited' : 'human',
          model: fromAi ? (previous?.model ?? null) : null,
          generatedAt: fromAi ? (previous?.generatedAt ?? null) : null,
          updatedBy: actor.userId,
          updatedAt: now,
        },
        actor,
      );
      await audit.record({
        action: 'report.narrative_saved',
        actorUserId: actor.userId,
        orgId: await repo.orgOf(interviewId),
        targetType: 'interview',
        targetId: interviewId,
        data: { source: narrative.source, chars: input.text.length },
        ip: meta.ip,
        userAgent: meta.userAgent,
      });
      return narrative;
    },
  };
}
