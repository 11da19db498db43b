import {
  LanguageIdSchema,
  VerdictSchema,
  type InterviewReport,
  type ReportRun,
  type ReportSignal,
  type TimelineEvent,
} from '@interviewselect/contracts';
import type { InterviewsService, UserPrincipal } from '../interviews/interviews.service.js';
import type { RoomsService } from '../rooms/rooms.service.js';
import type { ScorecardsService } from '../scorecards/scorecards.service.js';
import { consolidateDecision } from './decision.js';
import { narrativeVisible, presentNarrative } from './narrative.js';
import { summarizeReport } from './report-summary.js';
import type { ReportsRepo } from './reports.repo.js';

export type ReportsService = ReturnType<typeof createReportsService>;

const SIGNAL_KINDS = new Set(['paste', 'blur', 'focus']);

function signalsOf(events: TimelineEvent[]): ReportSignal[] {
  return events.flatMap((e) => {
    const kind = e.detail.signal;
    if (e.kind !== 'signal' || typeof kind !== 'string' || !SIGNAL_KINDS.has(kind)) return [];
    const chars = e.detail.chars;
    return [{ at: e.at, kind: kind as ReportSignal['kind'], chars: typeof chars === 'number' ? chars : null }];
  });
}

/** Who started each room run, by execution id, as the room labelled them. */
function runLabels(events: TimelineEvent[]): Map<string, string | null> {
  const labels = new Map<string, string | null>();
  for (const e of events) {
    const id = e.detail.executionId;
    if (e.kind === 'run' && typeof id === 'string') labels.set(id, e.label);
  }
  return labels;
}

/** Each room participant's label, from the timeline (the label the room showed them under). */
function participantLabels(events: TimelineEvent[]): Map<string, string> {
  const labels = new Map<string, string>();
  for (const e of events) if (e.participantId && e.label) labels.set(e.participantId, e.label);
  return labels;
}

/**
 * One interview's report for its hiring team: composed from the interview, the
 * room's timeline and final document, its runs, and the scorecards the reader
 * may see (the anchoring rule of ADR 0010 applies here too). The private room
 * document (notes, hints, hidden tests) is never part of it.
 */
export function createReportsService(deps: {
  repo: ReportsRepo;
  interviews: InterviewsService;
  rooms: RoomsService;
  scorecards: ScorecardsService;
  now: () => Date;
  /** Whether an AI model is configured for narratives. */
  aiAvailable: boolean;
}) {
  const { repo, interviews, rooms, scorecards } = deps;
  return {
    async build(actor: UserPrincipal, interviewId: string): Promise<InterviewReport> {
      const interview = await interviews.get(actor, interviewId);
      const now = deps.now();
      const [timeline, state, cards, runs, updates, narrative] = await Promise.all([
        rooms.timeline(actor, interviewId),
        rooms.stateAt(actor, interviewId, now),
        scorecards.forInterview(actor, interviewId),
        repo.runs(interviewId),
        repo.updateTimes(interviewId),
        repo.narrative(interviewId),
      ]);
      const anonymous = interview.options.anonymous;
      const positionOf = new Map(
        interview.questions.flatMap((q) => (q.problem ? [[q.problem.versionId, q.position] as const] : [])),
      );
      const labels = runLabels(timeline.events);
      const testsOf = new Map<string, typeof runs.tests>();
      for (const t of runs.tests) testsOf.set(t.executionId, [...(testsOf.get(t.executionId) ?? []), t]);
      const reportRuns: ReportRun[] = runs.rows.flatMap((r) => {
        const language = LanguageIdSchema.safeParse(r.language);
        if (!language.success) return [];
        const verdict = VerdictSchema.safeParse(r.verdict);
        return [
          {
            id: r.id,
            at: r.createdAt.toISOString(),
            by: labels.get(r.id) ?? null,
            mode: r.mode,
            language: language.data,
            status: r.status,
            verdict: verdict.success ? verdict.data : null,
            detail: r.detail,
            testsPassed: r.testsPassed,
            testsTotal: r.testsTotal,
            cpuMs: r.cpuMs,
            wallMs: r.wallMs,
            memoryKb: r.memoryKb,
            questionPosition: r.problemVersionId ? (positionOf.get(r.problemVersionId) ?? null) : null,
            tests: (testsOf.get(r.id) ?? []).flatMap((t) => {
              const v = VerdictSchema.safeParse(t.verdict);
              return v.success
                ? [
                    {
                      ordinal: t.ordinal,
                      hidden: t.hidden,
                      verdict: v.data,
                      detail: t.detail,
                      cpuMs: t.cpuMs,
                      wallMs: t.wallMs,
                    },
                  ]
                : [];
            }),
          },
        ];
      });
      const base = {
        generatedAt: now.toISOString(),
        interview: {
          id: interview.id,
          title: interview.title,
          status: interview.status,
          anonymous,
          candidate: anonymous
            ? { label: 'Candidate', email: null }
            : { label: interview.candidate.name, email: interview.candidate.email },
          interviewers: interview.interviewers.map((p) => ({ name: p.name })),
          plannedStart: interview.plannedStart,
          durationMinutes: interview.durationMinutes,
          startedAt: interview.startedAt,
          endedAt: interview.endedAt,
        },
        questions: interview.questions.map((q) => ({
          position: q.position,
          title: q.title,
          prompt: q.prompt,
          difficulty: q.problem?.difficulty ?? null,
          category: q.problem?.category ?? null,
        })),
        finalCode: Object.entries(state.files)
          .filter(([, code]) => code.trim() !== '')
          .map(([language, code]) => ({ language, code })),
        finalLanguage: state.language,
        runs: reportRuns,
        signals: interview.options.integritySignals ? signalsOf(timeline.events) : null,
        chat: state.chat.map((m) => ({ at: new Date(m.at).toISOString(), author: m.author, text: m.text })),
        scorecards: cards,
        decision: cards.summary ? consolidateDecision(cards.summary.recommendations) : null,
      };
      const summary = summarizeReport({
        report: base,
        bankPositions: new Set(interview.questions.flatMap((q) => (q.problem ? [q.position] : []))),
        transitions: interview.transitions,
        updates,
        labels: participantLabels(timeline.events),
        languageChanges: timeline.events.flatMap((e) =>
          e.kind === 'language' && typeof e.detail.language === 'string'
            ? [{ at: e.at, language: e.detail.language, by: e.label }]
            : [],
        ),
        initialLanguage: interview.defaultLanguage,
      });
      return {
        ...base,
        summary,
        // The narrative draws on the panel's feedback: not for readers still bound by the anchoring rule.
        narrative: narrative && narrativeVisible(base) ? presentNarrative(narrative) : null,
        aiAvailable: deps.aiAvailable,
      };
    },
  };
}
