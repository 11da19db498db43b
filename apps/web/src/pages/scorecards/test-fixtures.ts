import type { InterviewScorecards, Scorecard, ScorecardTemplateVersion } from '@interviewselect/contracts';
import { TEST_USER } from '../../testing/fetch-stub';
import { GRACE_ID, INTERVIEW_ID } from '../interviews/test-fixtures';

/** Shared fixtures for the scorecard screens' tests. */
export const SCORECARD_ID = '4a5b6c7d-8e9f-4a0b-8c1d-2e3f4a5b6c7d';
export const QUESTION_ID = '5b6c7d8e-9f0a-4b1c-9d2e-3f4a5b6c7d8e';
export const TEMPLATE_ID = '6c7d8e9f-0a1b-4c2d-8e3f-4a5b6c7d8e9f';

const levels = (key: string) =>
  ['Strong no', 'No', 'Yes', 'Strong yes'].map((label, i) => ({
    score: i + 1,
    label,
    rubric: `${key} rubric ${i + 1}`,
  }));

export const TEMPLATE_VERSION: ScorecardTemplateVersion = {
  id: '7d8e9f0a-1b2c-4d3e-9f4a-5b6c7d8e9f0a',
  templateId: TEMPLATE_ID,
  version: 1,
  name: 'Technical interview',
  description: '',
  competencies: [
    { key: 'problem_solving', label: 'Problem solving', description: 'Finds an approach.', levels: levels('Solving') },
    { key: 'testing', label: 'Testing', description: '', levels: levels('Testing') },
  ],
  createdBy: { userId: null, name: 'InterviewSelect' },
  createdAt: '2026-11-20T09:00:00.000Z',
};

export function scorecardOf(overrides: Partial<Scorecard> = {}): Scorecard {
  return {
    id: SCORECARD_ID,
    interviewId: INTERVIEW_ID,
    status: 'draft',
    revision: 0,
    author: { userId: TEST_USER.id, name: TEST_USER.name },
    template: TEMPLATE_VERSION,
    questions: [
      {
        interviewQuestionId: QUESTION_ID,
        position: 1,
        title: 'Two sum',
        problemVersionId: null,
        score: null,
        response: '',
        hints: '',
        notes: '',
      },
    ],
    ratings: [
      { competencyKey: 'problem_solving', score: null, notes: '' },
      { competencyKey: 'testing', score: null, notes: '' },
    ],
    strengths: '',
    weaknesses: '',
    recommendation: null,
    notes: '',
    createdAt: '2026-11-23T11:00:00.000Z',
    updatedAt: '2026-11-23T11:00:00.000Z',
    submittedAt: null,
    can: { edit: true, submit: true },
    ...overrides,
  };
}

export function overviewOf(overrides: Partial<InterviewScorecards> = {}): InterviewScorecards {
  return {
    interviewId: INTERVIEW_ID,
    interviewStatus: 'ended',
    panel: [
      { userId: TEST_USER.id, name: TEST_USER.name, status: 'pending', submittedAt: null, isMe: true },
      {
        userId: GRACE_ID,
        name: 'Grace Hopper',
        status: 'submitted',
        submittedAt: '2026-11-23T12:00:00.000Z',
        isMe: false,
      },
    ],
    progress: { submitted: 1, expected: 2 },
    complete: false,
    me: { onPanel: true, scorecardId: SCORECARD_ID, status: 'draft', canOpen: true },
    access: 'submit_own_first',
    scorecards: [],
    summary: null,
    ...overrides,
  };
}
