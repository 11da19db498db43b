import {
  InterviewReportSchema,
  type InterviewReport,
  type ReportNarrative,
  type ReportSummary,
} from '@interviewselect/contracts';
import { TEST_USER } from '../../testing/fetch-stub';
import { GRACE_ID, INTERVIEW_ID } from '../interviews/test-fixtures';
import { overviewOf, scorecardOf } from '../scorecards/test-fixtures';

/** Shared fixtures for the report page's tests. */
export const RUN_ID = '8e9f0a1b-2c3d-4e4f-8a5b-6c7d8e9f0a1b';
export const FREE_RUN_ID = '9f0a1b2c-3d4e-4f5a-9b6c-7d8e9f0a1b2c';

export const FINAL_PYTHON = 'def two_sum(nums, target):\n    seen = {}\n    return seen';
export const FINAL_GO = 'package main\n\nfunc main() {}';

/** Everyone submitted: the panel's scorecards, consolidated view and decision are all in. */
function fullScorecards() {
  const mine = scorecardOf({
    status: 'submitted',
    recommendation: 'hire',
    strengths: 'Clear reasoning',
    submittedAt: '2026-11-23T12:00:00.000Z',
    can: { edit: false, submit: false },
  });
  const graces = scorecardOf({
    id: crypto.randomUUID(),
    author: { userId: GRACE_ID, name: 'Grace Hopper' },
    status: 'submitted',
    recommendation: 'hire',
    submittedAt: '2026-11-23T12:05:00.000Z',
    can: { edit: false, submit: false },
  });
  return overviewOf({
    complete: true,
    access: 'full',
    progress: { submitted: 2, expected: 2 },
    panel: [
      { userId: TEST_USER.id, name: TEST_USER.name, status: 'submitted', submittedAt: mine.submittedAt, isMe: true },
      { userId: GRACE_ID, name: 'Grace Hopper', status: 'submitted', submittedAt: graces.submittedAt, isMe: false },
    ],
    me: { onPanel: true, scorecardId: mine.id, status: 'submitted', canOpen: true },
    scorecards: [mine, graces],
    summary: {
      recommendations: { strong_no_hire: 0, no_hire: 0, hire: 2, strong_hire: 0 },
      competencies: [
        {
          key: 'problem_solving',
          label: 'Problem solving',
          maxScore: 4,
          average: 3,
          scores: [
            { userId: TEST_USER.id, name: TEST_USER.name, score: 3 },
            { userId: GRACE_ID, name: 'Grace Hopper', score: 3 },
          ],
        },
      ],
    },
  });
}

/**
 * A complete report of an ended interview. Parsed with the contract's schema, so a
 * fixture that drifts from what the server may send fails here rather than passing silently.
 */
export function reportOf(overrides: Partial<InterviewReport> = {}): InterviewReport {
  return InterviewReportSchema.parse({
    generatedAt: '2026-11-23T13:00:00.000Z',
    interview: {
      id: INTERVIEW_ID,
      title: 'Backend pairing',
      status: 'ended',
      anonymous: false,
      candidate: { label: 'Charles Babbage', email: 'charles@example.com' },
      interviewers: [{ name: TEST_USER.name }, { name: 'Grace Hopper' }],
      plannedStart: '2026-11-23T10:00:00.000Z',
      durationMinutes: 60,
      startedAt: '2026-11-23T10:02:00.000Z',
      endedAt: '2026-11-23T11:00:00.000Z',
    },
    questions: [
      {
        position: 1,
        title: 'Two sum',
        prompt: 'Find the **pair** that adds up to the target.',
        difficulty: 'easy',
        category: 'coding',
      },
      { position: 2, title: 'Design a cache', prompt: 'Talk it through.', difficulty: null, category: null },
    ],
    finalCode: [
      { language: 'go', code: FINAL_GO },
      { language: 'python', code: FINAL_PYTHON },
    ],
    finalLanguage: 'python',
    runs: [
      {
        id: RUN_ID,
        at: '2026-11-23T10:30:00.000Z',
        by: 'Charles Babbage',
        mode: 'submit',
        language: 'python',
        status: 'completed',
        verdict: 'wrong_answer',
        detail: null,
        testsPassed: 1,
        testsTotal: 2,
        cpuMs: 40,
        wallMs: 52,
        memoryKb: 9000,
        questionPosition: 1,
        tests: [
          { ordinal: 0, hidden: false, verdict: 'accepted', detail: null, cpuMs: 20, wallMs: 25 },
          {
            ordinal: 1,
            hidden: true,
            verdict: 'time_limit_exceeded',
            detail: 'Stopped after 2 s',
            cpuMs: 2000,
            wallMs: 2010,
          },
        ],
      },
      {
        id: FREE_RUN_ID,
        at: '2026-11-23T10:20:00.000Z',
        by: 'Charles Babbage',
        mode: 'run',
        language: 'python',
        status: 'completed',
        verdict: null,
        detail: null,
        testsPassed: null,
        testsTotal: null,
        cpuMs: 10,
        wallMs: 15,
        memoryKb: 8000,
        questionPosition: null,
        tests: [],
      },
    ],
    signals: [
      { at: '2026-11-23T10:10:00.000Z', kind: 'paste', chars: 120 },
      { at: '2026-11-23T10:11:00.000Z', kind: 'blur', chars: null },
    ],
    chat: [{ at: '2026-11-23T10:05:00.000Z', author: 'Grace Hopper', text: 'Can you explain your approach?' }],
    scorecards: fullScorecards(),
    decision: {
      recommendation: 'hire',
      mean: 3,
      counts: { strong_no_hire: 0, no_hire: 0, hire: 2, strong_hire: 0 },
      unanimous: true,
    },
    summary: summaryOf(),
    narrative: null,
    aiAvailable: false,
    ...overrides,
  });
}

/** The deterministic summary matching the fixture report's runs (Two sum never passed; the cache is free-form). */
export function summaryOf(overrides: Partial<ReportSummary> = {}, label = 'Charles Babbage'): ReportSummary {
  const perMinute = Array.from({ length: 58 }, (_, i) =>
    i < 8 ? 3 : i >= 12 && i < 20 ? 1 : i > 30 ? (i % 4) + 1 : 0,
  );
  return {
    from: '2026-11-23T10:02:00.000Z',
    to: '2026-11-23T11:00:00.000Z',
    minutes: 58,
    questions: [
      {
        position: 1,
        title: 'Two sum',
        kind: 'bank',
        seconds: 3480,
        toEnd: true,
        runs: 1,
        runsUntilFirstAllPass: null,
        firstAllPassAt: null,
        best: { passed: 1, total: 2 },
        last: { passed: 1, total: 2 },
      },
      {
        position: 2,
        title: 'Design a cache',
        kind: 'free_form',
        seconds: null,
        toEnd: false,
        runs: 0,
        runsUntilFirstAllPass: null,
        firstAllPassAt: null,
        best: null,
        last: null,
      },
    ],
    activity: {
      idleThresholdMinutes: 3,
      bigPasteChars: 200,
      participants: [
        {
          label,
          updates: perMinute.reduce((a, b) => a + b, 0),
          activeMinutes: perMinute.filter((v) => v > 0).length,
          idleStretches: [{ fromOffset: 1200, toOffset: 1860, minutes: 11 }],
          perMinute,
        },
      ],
    },
    keyMoments: [
      { kind: 'first_run', at: '2026-11-23T10:20:00.000Z', offset: 1080, text: `First run (python) by ${label}` },
      {
        kind: 'longest_idle',
        at: '2026-11-23T10:22:00.000Z',
        offset: 1200,
        text: `Longest idle stretch: ${label}, 11 min without editing`,
      },
    ],
    ...overrides,
  };
}

export const AI_NARRATIVE: ReportNarrative = {
  text: 'The candidate worked steadily on Two sum.\n\nThe hidden test timed out.',
  source: 'ai',
  model: 'gpt-4o-mini',
  generatedAt: '2026-11-23T13:00:00.000Z',
  updatedAt: '2026-11-23T13:00:00.000Z',
  updatedBy: TEST_USER.name,
};

/** The same report as an interviewer who has not submitted yet sees it: progress only, no decision. */
export function anchoredReportOf(overrides: Partial<InterviewReport> = {}): InterviewReport {
  return reportOf({ scorecards: overviewOf(), decision: null, ...overrides });
}
