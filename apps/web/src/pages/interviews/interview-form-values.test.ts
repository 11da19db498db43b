import type { Interview } from '@interviewselect/contracts';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../lib/api';
import {
  checkCreate,
  checkUpdate,
  emptyFormValues,
  fixedInterviewerOf,
  formValuesFrom,
  isFormField,
  moveQuestion,
  newQuestion,
  serverFieldErrors,
  type InterviewFormValues,
} from './interview-form-values';

const ORG_ID = '7c1e4d2a-3b5f-4a6c-8d9e-0f1a2b3c4d5e';
const ME = '5b0f3c55-7d7c-4c8e-9a55-2f2b8e1d0a11';
const GRACE = '9d2f5e3b-4c6a-4b7d-9e0f-1a2b3c4d5e6f';

function filled(overrides: Partial<InterviewFormValues> = {}): InterviewFormValues {
  return {
    ...emptyFormValues(),
    title: 'Backend pairing',
    candidateName: 'Ada Lovelace',
    candidateEmail: 'ada@example.com',
    ...overrides,
  };
}

describe('the interview form’s values', () => {
  it('builds the POST body with the shared schema: trimmed, defaults, start with an offset', () => {
    const result = checkCreate(
      ORG_ID,
      filled({
        plannedStart: '2026-11-23T14:30',
        durationMinutes: '45',
        coInterviewerIds: [GRACE],
        questions: [{ ...newQuestion(), title: ' Two sum ', prompt: 'Find the pair.' }],
        options: { anonymous: true, recordingAllowed: false, integritySignals: true },
      }),
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.input).toMatchObject({
      orgId: ORG_ID,
      title: 'Backend pairing',
      candidate: { name: 'Ada Lovelace', email: 'ada@example.com' },
      coInterviewerIds: [GRACE],
      durationMinutes: 45,
      defaultLanguage: 'python',
      questions: [{ title: 'Two sum', prompt: 'Find the pair.', interviewerNotes: '' }],
      options: { anonymous: true, recordingAllowed: false, integritySignals: true },
    });
    expect(result.input.plannedStart).toMatch(/^2026-11-23T14:30:00[+-]\d{2}:\d{2}$/);
  });

  it('sends null for a start that is not planned yet', () => {
    const result = checkCreate(ORG_ID, filled());
    expect(result.ok && result.input.plannedStart).toBeNull();
  });

  it('keys every problem by the input it belongs to, with the schema’s own messages', () => {
    const result = checkCreate(
      ORG_ID,
      filled({
        title: '',
        candidateEmail: 'not-an-address',
        plannedStart: '2026-02-31T10:00',
        durationMinutes: '3',
        questions: [newQuestion()],
      }),
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.title).toMatch(/Give the interview a title/);
    expect(result.errors['candidate.email']).toBe('Enter a valid e-mail address, like name@example.com.');
    expect(result.errors.plannedStart).toMatch(/Enter a date and time/);
    expect(result.errors.durationMinutes).toBe('An interview lasts at least 5 minutes.');
    expect(result.errors['questions.0.title']).toBe('Give the question a title.');
    expect(result.errors.orgId).toBeUndefined();
  });

  it('asks for a duration rather than reporting a NaN', () => {
    const result = checkUpdate(filled({ durationMinutes: '' }));
    expect(!result.ok && result.errors.durationMinutes).toBe('Enter the duration in minutes.');
  });

  it('maps the server’s issue paths onto the inputs', () => {
    const error = new ApiError({
      status: 400,
      code: 'request.validation_failed',
      detail: 'Invalid',
      problem: {
        type: 't',
        title: 'Invalid',
        status: 400,
        detail: 'Invalid',
        code: 'request.validation_failed',
        issues: [
          { path: 'body.coInterviewerIds', message: 'Pick co-interviewers from the organisation’s members.' },
          { path: 'body.questions.1.prompt', message: 'Too long.' },
        ],
      },
    });
    const errors = serverFieldErrors(error);
    expect(errors).toEqual({
      coInterviewerIds: 'Pick co-interviewers from the organisation’s members.',
      'questions.1.prompt': 'Too long.',
    });
    const values = filled({ questions: [newQuestion(), newQuestion()] });
    expect(isFormField('questions.1.prompt', values)).toBe(true);
    expect(isFormField('questions.2.prompt', values)).toBe(false);
    expect(isFormField('orgId', values)).toBe(false);
  });

  it('moves questions up and down and ignores moves past either end', () => {
    const [a, b, c] = [newQuestion(), newQuestion(), newQuestion()];
    expect(moveQuestion([a, b, c], 2, -1)).toEqual([a, c, b]);
    expect(moveQuestion([a, b, c], 0, 1)).toEqual([b, a, c]);
    expect(moveQuestion([a, b, c], 0, -1)).toEqual([a, b, c]);
    expect(moveQuestion([a, b, c], 2, 1)).toEqual([a, b, c]);
  });

  it('fills the edit form from an interview, leaving out the creator who always interviews', () => {
    const interview = {
      title: 'Backend pairing',
      candidate: { id: ORG_ID, name: 'Ada', email: 'ada@example.com' },
      interviewers: [
        { userId: GRACE, name: 'Grace', email: null },
        { userId: ME, name: 'Me', email: null },
      ],
      createdBy: { userId: GRACE, name: 'Grace' },
      plannedStart: null,
      durationMinutes: 30,
      defaultLanguage: 'go',
      questions: [
        { id: ME, position: 2, title: 'Second', prompt: '' },
        { id: GRACE, position: 1, title: 'First', prompt: 'p', interviewerNotes: 'n' },
      ],
      options: { anonymous: false, recordingAllowed: true, integritySignals: false },
    } as unknown as Interview;
    const fixed = fixedInterviewerOf(interview, ME);
    expect(fixed).toEqual({ userId: GRACE, sentence: 'Grace, who created it, is' });
    const values = formValuesFrom(interview, fixed.userId);
    expect(values).toMatchObject({ coInterviewerIds: [ME], durationMinutes: '30', defaultLanguage: 'go' });
    expect(values.questions.map((q) => q.title)).toEqual(['First', 'Second']);
    expect(values.questions[0]?.interviewerNotes).toBe('n');
  });
});
