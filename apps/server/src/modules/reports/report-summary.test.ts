import type { ReportRun } from '@interviewselect/contracts';
import { describe, expect, it } from 'vitest';
import { renderReportHtml } from './report-html.js';
import { liveIntervals, summarizeReport, type SummaryInput } from './report-summary.js';

const START = '2026-03-02T10:00:00.000Z';
const END = '2026-03-02T11:00:00.000Z';
/** The ISO time `minutes` (and `seconds`) after the start. */
const t = (minutes: number, seconds = 0) =>
  new Date(Date.parse(START) + minutes * 60_000 + seconds * 1000).toISOString();

let runSeq = 0;
function run(over: Partial<ReportRun>): ReportRun {
  runSeq += 1;
  return {
    id: `00000000-0000-4000-8000-${String(runSeq).padStart(12, '0')}`,
    at: t(1),
    by: 'Candidate',
    mode: 'test',
    language: 'python',
    status: 'completed',
    verdict: null,
    detail: null,
    testsPassed: 0,
    testsTotal: 3,
    cpuMs: null,
    wallMs: null,
    memoryKb: null,
    questionPosition: 1,
    tests: [],
    ...over,
  };
}

function input(
  over: Omit<Partial<SummaryInput>, 'report'> & { report?: Partial<SummaryInput['report']> } = {},
): SummaryInput {
  const { report, ...rest } = over;
  return {
    report: {
      generatedAt: '2026-03-02T12:00:00.000Z',
      interview: {
        id: '00000000-0000-4000-8000-00000000aaaa',
        title: 'Pairing',
        status: 'ended',
        anonymous: true,
        candidate: { label: 'Candidate', email: null },
        interviewers: [{ name: 'Ada' }],
        plannedStart: null,
        durationMinutes: 60,
        startedAt: START,
        endedAt: END,
      },
      questions: [
        { position: 1, title: 'Two sum', prompt: '', difficulty: 'easy', category: null },
        { position: 2, title: 'LRU cache', prompt: '', difficulty: 'medium', category: null },
        { position: 3, title: 'Design chat', prompt: '', difficulty: null, category: null },
      ],
      runs: [],
      signals: [],
      ...report,
    },
    bankPositions: new Set([1, 2]),
    transitions: [
      { to: 'live', at: START },
      { to: 'ended', at: END },
    ],
    updates: [],
    labels: new Map([
      ['p-cand', 'Candidate'],
      ['p-int', 'Interviewer 1'],
    ]),
    languageChanges: [],
    initialLanguage: 'python',
    ...rest,
  };
}

describe('summarizeReport: questions', () => {
  it('times bank questions from the start or the previous first all-pass to their own first all-pass', () => {
    const runs = [
      run({ at: t(5), mode: 'run', testsPassed: null, testsTotal: null }),
      run({ at: t(8), testsPassed: 1 }),
      run({ at: t(12), testsPassed: 3 }),
      run({ at: t(14), mode: 'submit', testsPassed: 2 }),
      run({ at: t(20), questionPosition: 2, testsPassed: 4, testsTotal: 4 }),
    ];
    const s = summarizeReport(input({ report: { runs } }));
    const [q1, q2, q3] = s.questions;
    expect(q1).toMatchObject({
      kind: 'bank',
      seconds: 12 * 60,
      toEnd: false,
      runs: 3, // the free `run` is not a judged run
      runsUntilFirstAllPass: 2,
      firstAllPassAt: t(12),
      best: { passed: 3, total: 3 },
      last: { passed: 2, total: 3 },
    });
    expect(q2).toMatchObject({ seconds: 8 * 60, runsUntilFirstAllPass: 1, best: { passed: 4, total: 4 } });
    expect(q3).toMatchObject({ kind: 'free_form', seconds: null, runs: 0, best: null, last: null });
    expect(s.minutes).toBe(60);
  });

  it('a question never passing runs to the end, and the next one starts from the last earlier all-pass', () => {
    const runs = [
      run({ at: t(10), testsPassed: 2 }),
      run({ at: t(15), testsPassed: 0 }),
      run({ at: t(40), questionPosition: 2, testsPassed: 5, testsTotal: 5 }),
    ];
    const [q1, q2] = summarizeReport(input({ report: { runs } })).questions;
    expect(q1).toMatchObject({
      seconds: 60 * 60,
      toEnd: true,
      runs: 2,
      runsUntilFirstAllPass: null,
      firstAllPassAt: null,
      best: { passed: 2, total: 3 },
      last: { passed: 0, total: 3 },
    });
    expect(q2).toMatchObject({ seconds: 40 * 60, toEnd: false });
  });

  it('zero tests never count as an all-pass', () => {
    const runs = [run({ at: t(3), testsPassed: 0, testsTotal: 0 })];
    expect(summarizeReport(input({ report: { runs } })).questions[0]).toMatchObject({ runsUntilFirstAllPass: null });
  });

  it('with no runs: times to the end, nothing else; an interview never started measures nothing', () => {
    const s = summarizeReport(input());
    expect(s.questions[0]).toMatchObject({ seconds: 3600, toEnd: true, runs: 0, best: null, last: null });
    expect(s.keyMoments).toEqual([]);
    const never = summarizeReport(
      input({
        report: {
          interview: { ...input().report.interview, status: 'scheduled', startedAt: null, endedAt: null },
        },
        transitions: [],
      }),
    );
    expect(never.from).toBeNull();
    expect(never.minutes).toBe(0);
    expect(never.questions.map((q) => q.seconds)).toEqual([null, null, null]);
    expect(never.activity.participants).toEqual([]);
  });

  it('a live interview is measured up to the report’s time', () => {
    const s = summarizeReport(
      input({
        report: {
          generatedAt: t(30),
          interview: { ...input().report.interview, status: 'live', endedAt: null },
        },
        transitions: [{ to: 'live', at: START }],
      }),
    );
    expect(s.to).toBe(t(30));
    expect(s.questions[0]?.seconds).toBe(30 * 60);
  });
});

describe('summarizeReport: typing and idle profile', () => {
  const at = (minutes: number, actor: string | null = 'p-cand') => ({ at: new Date(t(minutes)), actor });

  it('counts active minutes and idle stretches of 3 minutes or more, per label', () => {
    const updates = [at(0.5), at(0.7), at(1.2), at(2), at(9), at(9.5), at(58), at(30, 'p-int'), at(31, null)];
    const s = summarizeReport(input({ updates }));
    const [cand, int] = s.activity.participants;
    expect(cand).toMatchObject({ label: 'Candidate', updates: 7, activeMinutes: 5 });
    expect(cand?.idleStretches).toEqual([
      { fromOffset: 120, toOffset: 540, minutes: 7 },
      { fromOffset: 570, toOffset: 3480, minutes: 48 },
    ]);
    expect(cand?.perMinute).toHaveLength(60);
    expect(cand?.perMinute.slice(0, 3)).toEqual([2, 1, 1]);
    expect(int).toMatchObject({ label: 'Interviewer 1', updates: 1, activeMinutes: 1 });
    // From the start to the first edit, and from the last edit to the end.
    expect(int?.idleStretches.map((i) => i.minutes)).toEqual([30, 30]);
  });

  it('paused time is neither idle nor activity', () => {
    const updates = [at(1), at(20), at(29)];
    const s = summarizeReport(
      input({
        updates,
        transitions: [
          { to: 'live', at: START },
          { to: 'paused', at: t(2) },
          { to: 'live', at: t(28) },
          { to: 'ended', at: t(30) },
        ],
        report: { interview: { ...input().report.interview, endedAt: t(30) } },
      }),
    );
    const [cand] = s.activity.participants;
    expect(cand?.updates).toBe(2);
    expect(cand?.idleStretches).toEqual([]);
    expect(liveIntervals([], 0, 10)).toEqual([[0, 10]]);
  });

  it('names the longest idle stretch as a key moment', () => {
    const s = summarizeReport(input({ updates: [at(1), at(5), at(50)] }));
    const idle = s.keyMoments.find((m) => m.kind === 'longest_idle');
    expect(idle).toMatchObject({ offset: 5 * 60, text: 'Longest idle stretch: Candidate, 45 min without editing' });
  });
});

describe('summarizeReport: key moments', () => {
  it('lists first run, first all-pass, big pastes and language switches in time order, offsets from the start', () => {
    const runs = [
      run({ at: t(4), mode: 'run', testsPassed: null, testsTotal: null }),
      run({ at: t(9), testsPassed: 3 }),
    ];
    const s = summarizeReport(
      input({
        report: {
          runs,
          signals: [
            { at: t(2), kind: 'paste', chars: 450 },
            { at: t(3), kind: 'paste', chars: 20 },
            { at: t(6), kind: 'blur', chars: null },
          ],
        },
        languageChanges: [
          { at: t(1), language: 'python', by: 'Candidate' },
          { at: t(7), language: 'go', by: 'Candidate' },
        ],
      }),
    );
    expect(s.keyMoments.map((m) => [m.kind, m.offset, m.text])).toEqual([
      ['paste', 120, 'Paste of 450 characters'],
      ['first_run', 240, 'First run (python) by Candidate'],
      ['language_switch', 420, 'Language switched from python to go by Candidate'],
      ['first_all_pass', 540, 'All tests passed on question 1, “Two sum” (3/3 tests), after 1 judged run'],
    ]);
  });

  it('is rendered in the PDF’s Summary section, with the narrative labelled AI-generated', () => {
    const base = input({ report: { runs: [run({ at: t(9), testsPassed: 3 })] } });
    const summary = summarizeReport(base);
    const html = renderReportHtml({
      ...base.report,
      finalCode: [],
      finalLanguage: null,
      chat: [],
      scorecards: {
        interviewId: base.report.interview.id,
        interviewStatus: 'ended',
        panel: [],
        progress: { submitted: 0, expected: 0 },
        complete: false,
        me: { onPanel: false, scorecardId: null, status: null, canOpen: false },
        access: 'full',
        scorecards: [],
        summary: null,
      },
      decision: null,
      summary,
      narrative: {
        text: 'The candidate <b>solved</b> it.',
        source: 'ai_edited',
        model: 'gpt-4o-mini',
        generatedAt: t(70),
        updatedAt: t(75),
        updatedBy: 'Ada',
      },
      aiAvailable: true,
    });
    expect(html).toContain('<h2>Summary</h2>');
    expect(html).toContain('not measured (free-form)');
    expect(html).toContain('AI-generated, edited by a person');
    expect(html).toContain('&#60;b&#62;solved');
  });
});
