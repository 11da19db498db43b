import type {
  InterviewReport,
  InterviewStatus,
  ReportIdleStretch,
  ReportKeyMoment,
  ReportParticipantActivity,
  ReportRun,
  ReportSummary,
  ReportSummaryQuestion,
} from '@interviewselect/contracts';

/** A gap without edits this long (minutes, while live) is an idle stretch. */
export const IDLE_THRESHOLD_MINUTES = 3;
/** A paste this long (characters) is a key moment. */
export const BIG_PASTE_CHARS = 200;
/** The per-minute histogram stops here (a forgotten room must not make a huge array). */
const MAX_HISTOGRAM_MINUTES = 24 * 60;

const MINUTE = 60_000;

export interface SummaryInput {
  /** The report as built so far (interview, questions, runs, signals). */
  report: Pick<InterviewReport, 'generatedAt' | 'interview' | 'questions' | 'runs' | 'signals'>;
  /** Positions of the questions that come from the bank (have tests); the others are free-form. */
  bankPositions: ReadonlySet<number>;
  /** The interview's lifecycle, oldest first (live intervals: from a `live` to the next other status). */
  transitions: readonly { to: InterviewStatus; at: string }[];
  /** The shared document's edit log: when, and which participant (room participant id). */
  updates: readonly { at: Date; actor: string | null }[];
  /** Participant id → the label the room showed (anonymous mode: “Candidate”). */
  labels: ReadonlyMap<string, string>;
  /** The editor's language changes, oldest first. */
  languageChanges: readonly { at: string; language: string; by: string | null }[];
  /** The language the editor started with. */
  initialLanguage: string | null;
}

const ms = (iso: string) => Date.parse(iso);
const seconds = (fromMs: number, toMs: number) => Math.round((toMs - fromMs) / 1000);
const judged = (r: ReportRun) => r.mode === 'test' || r.mode === 'submit';
const allPass = (r: ReportRun) => r.testsTotal !== null && r.testsTotal > 0 && r.testsPassed === r.testsTotal;
const tally = (r: ReportRun) => ({ passed: r.testsPassed ?? 0, total: r.testsTotal ?? 0 });

/** [from, to) intervals in which the interview was live, clipped to [start, end]. */
export function liveIntervals(
  transitions: SummaryInput['transitions'],
  start: number,
  end: number,
): [number, number][] {
  const intervals: [number, number][] = [];
  let open: number | null = null;
  for (const t of transitions) {
    const at = ms(t.at);
    if (t.to === 'live') open ??= at;
    else if (open !== null) {
      intervals.push([open, at]);
      open = null;
    }
  }
  if (open !== null) intervals.push([open, end]);
  // No recorded transitions (older data): the whole span was live.
  const raw: [number, number][] = intervals.length ? intervals : [[start, end]];
  return raw.map(([a, b]): [number, number] => [Math.max(a, start), Math.min(b, end)]).filter(([a, b]) => b > a);
}

function questionsOf(input: SummaryInput, from: number | null, to: number | null): ReportSummaryQuestion[] {
  const { report, bankPositions } = input;
  let cursor = from;
  return [...report.questions]
    .sort((a, b) => a.position - b.position)
    .map((q) => {
      if (!bankPositions.has(q.position)) {
        return {
          position: q.position,
          title: q.title,
          kind: 'free_form' as const,
          seconds: null,
          toEnd: false,
          runs: 0,
          runsUntilFirstAllPass: null,
          firstAllPassAt: null,
          best: null,
          last: null,
        };
      }
      const runs = report.runs.filter((r) => judged(r) && r.questionPosition === q.position);
      const firstIndex = runs.findIndex(allPass);
      const first = firstIndex >= 0 ? runs[firstIndex] : undefined;
      let best: ReportRun | undefined;
      for (const r of runs)
        if (r.testsTotal !== null && (!best || (r.testsPassed ?? 0) > (best.testsPassed ?? 0))) best = r;
      const last = runs.findLast((r) => r.testsTotal !== null);
      let secs: number | null = null;
      if (cursor !== null && to !== null) {
        const until = first ? ms(first.at) : to;
        secs = Math.max(0, seconds(cursor, until));
        if (first) cursor = Math.max(cursor, ms(first.at));
      }
      return {
        position: q.position,
        title: q.title,
        kind: 'bank' as const,
        seconds: secs,
        toEnd: secs !== null && !first,
        runs: runs.length,
        runsUntilFirstAllPass: first ? firstIndex + 1 : null,
        firstAllPassAt: first?.at ?? null,
        best: best ? tally(best) : null,
        last: last ? tally(last) : null,
      };
    });
}

function activityOf(
  input: SummaryInput,
  from: number,
  to: number,
): { participants: ReportParticipantActivity[]; longest: { label: string; stretch: ReportIdleStretch } | null } {
  const live = liveIntervals(input.transitions, from, to);
  const isLive = (t: number) => live.some(([a, b]) => t >= a && t < b);
  const minutes = Math.min(MAX_HISTOGRAM_MINUTES, Math.max(1, Math.ceil((to - from) / MINUTE)));
  const byLabel = new Map<string, number[]>();
  for (const u of input.updates) {
    if (u.actor === null) continue;
    const t = u.at.getTime();
    if (!isLive(t)) continue;
    const label = input.labels.get(u.actor) ?? 'Unknown participant';
    byLabel.set(label, [...(byLabel.get(label) ?? []), t]);
  }
  let longest: { label: string; stretch: ReportIdleStretch } | null = null;
  const participants = [...byLabel.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([label, unsorted]) => {
      const times = unsorted.sort((a, b) => a - b);
      const perMinute = Array.from({ length: minutes }, () => 0);
      for (const t of times) {
        const i = Math.floor((t - from) / MINUTE);
        if (i >= 0 && i < minutes) perMinute[i] = (perMinute[i] ?? 0) + 1;
      }
      const idleStretches: ReportIdleStretch[] = [];
      for (const [a, b] of live) {
        const points = [a, ...times.filter((t) => t >= a && t < b), b];
        for (let i = 1; i < points.length; i++) {
          const gapFrom = points[i - 1] ?? a;
          const gapTo = points[i] ?? b;
          const mins = Math.floor((gapTo - gapFrom) / MINUTE);
          if (mins >= IDLE_THRESHOLD_MINUTES) {
            const stretch = { fromOffset: seconds(from, gapFrom), toOffset: seconds(from, gapTo), minutes: mins };
            idleStretches.push(stretch);
            if (!longest || stretch.minutes > longest.stretch.minutes) longest = { label, stretch };
          }
        }
      }
      return {
        label,
        updates: times.length,
        activeMinutes: new Set(times.map((t) => Math.floor((t - from) / MINUTE))).size,
        idleStretches,
        perMinute,
      };
    });
  return { participants, longest };
}

/**
 * The report's deterministic summary (see ReportSummarySchema for every
 * definition). Pure: the same input always gives the same summary.
 */
export function summarizeReport(input: SummaryInput): ReportSummary {
  const { report } = input;
  const fromIso = report.interview.startedAt;
  const toIso = fromIso ? (report.interview.endedAt ?? report.generatedAt) : null;
  const from = fromIso ? ms(fromIso) : null;
  const to = toIso ? ms(toIso) : null;
  const questions = questionsOf(input, from, to);
  const activity =
    from !== null && to !== null && to > from ? activityOf(input, from, to) : { participants: [], longest: null };

  // Offsets count from the start; an interview never started counts from its first event.
  const base =
    from ??
    Math.min(
      ...[...report.runs.map((r) => r.at), ...input.languageChanges.map((c) => c.at)].map(ms),
      ms(report.generatedAt),
    );
  const moment = (kind: ReportKeyMoment['kind'], atMs: number, text: string): ReportKeyMoment => ({
    kind,
    at: new Date(atMs).toISOString(),
    offset: seconds(base, atMs),
    text,
  });
  const moments: ReportKeyMoment[] = [];
  const firstRun = report.runs[0];
  if (firstRun) {
    moments.push(
      moment(
        'first_run',
        ms(firstRun.at),
        `First ${firstRun.mode} (${firstRun.language})${firstRun.by ? ` by ${firstRun.by}` : ''}`,
      ),
    );
  }
  for (const q of questions) {
    if (!q.firstAllPassAt) continue;
    const run = report.runs.find((r) => r.at === q.firstAllPassAt && r.questionPosition === q.position);
    const tests = run ? ` (${run.testsPassed}/${run.testsTotal} tests)` : '';
    moments.push(
      moment(
        'first_all_pass',
        ms(q.firstAllPassAt),
        `All tests passed on question ${q.position}, “${q.title}”${tests}, after ${q.runsUntilFirstAllPass} judged run${q.runsUntilFirstAllPass === 1 ? '' : 's'}`,
      ),
    );
  }
  if (activity.longest && from !== null) {
    const { label, stretch } = activity.longest;
    moments.push(
      moment(
        'longest_idle',
        from + stretch.fromOffset * 1000,
        `Longest idle stretch: ${label}, ${stretch.minutes} min without editing`,
      ),
    );
  }
  for (const s of report.signals ?? []) {
    if (s.kind === 'paste' && s.chars !== null && s.chars >= BIG_PASTE_CHARS)
      moments.push(moment('paste', ms(s.at), `Paste of ${s.chars} characters`));
  }
  let language = input.initialLanguage;
  for (const c of input.languageChanges) {
    if (c.language === language) continue;
    moments.push(
      moment(
        'language_switch',
        ms(c.at),
        `Language switched${language ? ` from ${language}` : ''} to ${c.language}${c.by ? ` by ${c.by}` : ''}`,
      ),
    );
    language = c.language;
  }
  moments.sort((a, b) => a.offset - b.offset || a.kind.localeCompare(b.kind));

  return {
    from: fromIso,
    to: toIso,
    minutes: from !== null && to !== null ? Math.max(0, Math.floor((to - from) / MINUTE)) : 0,
    questions,
    activity: {
      idleThresholdMinutes: IDLE_THRESHOLD_MINUTES,
      bigPasteChars: BIG_PASTE_CHARS,
      participants: activity.participants,
    },
    keyMoments: moments,
  };
}
