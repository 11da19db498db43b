import {
  CreateInterviewInputSchema,
  UpdateInterviewInputSchema,
  type CreateInterviewInput,
  type Interview,
  type InterviewOptions,
  type InterviewQuestion,
  type ProblemSummary,
  type UpdateInterviewInput,
} from '@interviewselect/contracts';
import type { z } from 'zod';
import { ApiError } from '../../lib/api';
import { isoToLocalInput, localInputToIso } from './local-time';

/** A question-bank version picked for the interview (its title and statement come from the bank). */
export type BankPick = NonNullable<InterviewQuestion['problem']> & { title: string };

/**
 * One question as typed, or picked from the bank (`bank`; title and prompt
 * then stay empty). `key` only keeps React's rows stable while questions move.
 */
export interface QuestionDraft {
  key: string;
  title: string;
  prompt: string;
  interviewerNotes: string;
  bank: BankPick | null;
}

/** The create/edit form's state: what the inputs hold, strings as typed. */
export interface InterviewFormValues {
  title: string;
  candidateName: string;
  candidateEmail: string;
  coInterviewerIds: string[];
  /** datetime-local value in the viewer's zone; empty = not planned yet. */
  plannedStart: string;
  durationMinutes: string;
  defaultLanguage: string;
  questions: QuestionDraft[];
  options: InterviewOptions;
}

/** Field key → message. Keys are the input names: "title", "candidate.email", "questions.0.title". */
export type FormErrors = Record<string, string>;

let nextKey = 0;
export function newQuestion(): QuestionDraft {
  nextKey += 1;
  return { key: `q${nextKey}`, title: '', prompt: '', interviewerNotes: '', bank: null };
}

/** A question drafted from a published problem of the bank search. */
export function bankQuestion(problem: ProblemSummary & { currentVersionId: string }): QuestionDraft {
  return {
    ...newQuestion(),
    bank: {
      problemId: problem.id,
      versionId: problem.currentVersionId,
      version: problem.currentVersion ?? 1,
      slug: problem.slug,
      difficulty: problem.difficulty,
      category: problem.category,
      title: problem.title,
    },
  };
}

export function emptyFormValues(): InterviewFormValues {
  return {
    title: '',
    candidateName: '',
    candidateEmail: '',
    coInterviewerIds: [],
    plannedStart: '',
    durationMinutes: '60',
    defaultLanguage: 'python',
    questions: [],
    options: { anonymous: false, recordingAllowed: false, integritySignals: false },
  };
}

/** Who is always an interviewer and so not offered as a co-interviewer. */
export interface FixedInterviewer {
  userId: string;
  /** "You are" or "Olivia Owner, who created it, is": the start of the sentence saying so. */
  sentence: string;
}

/**
 * On edit the server keeps the creator (while still an interviewer) and takes
 * the list as the others; without them, the editor takes that place.
 */
export function fixedInterviewerOf(interview: Interview, currentUserId: string): FixedInterviewer {
  const creatorId = interview.createdBy.userId;
  const isCreatorInterviewer = interview.interviewers.some((i) => i.userId === creatorId);
  if (!creatorId || !isCreatorInterviewer || creatorId === currentUserId) {
    return { userId: currentUserId, sentence: 'You are' };
  }
  return { userId: creatorId, sentence: `${interview.createdBy.name}, who created it, is` };
}

/** The form filled from an interview, for editing. The fixed interviewer is left out of the co-interviewers. */
export function formValuesFrom(interview: Interview, fixedInterviewerId: string): InterviewFormValues {
  return {
    title: interview.title,
    candidateName: interview.candidate.name,
    candidateEmail: interview.candidate.email,
    coInterviewerIds: interview.interviewers.map((i) => i.userId).filter((id) => id !== fixedInterviewerId),
    plannedStart: isoToLocalInput(interview.plannedStart),
    durationMinutes: String(interview.durationMinutes),
    defaultLanguage: interview.defaultLanguage,
    questions: interview.questions
      .toSorted((a, b) => a.position - b.position)
      .map((q) =>
        q.problem
          ? { ...newQuestion(), interviewerNotes: q.interviewerNotes ?? '', bank: { ...q.problem, title: q.title } }
          : { ...newQuestion(), title: q.title, prompt: q.prompt, interviewerNotes: q.interviewerNotes ?? '' },
      ),
    options: { ...interview.options },
  };
}

/** Problems the schema cannot see because the input already lost them (an impossible date, an empty number). */
function preErrors(values: InterviewFormValues): FormErrors {
  const errors: FormErrors = {};
  // The shared name schema speaks to the person themself ("Enter your name."); here it is someone else's.
  if (!values.candidateName.trim()) errors['candidate.name'] = 'Enter the candidate’s name.';
  if (values.plannedStart.trim() && !localInputToIso(values.plannedStart)) {
    errors.plannedStart = 'Enter a date and time, or leave it empty to plan it later.';
  }
  if (!values.durationMinutes.trim()) errors.durationMinutes = 'Enter the duration in minutes.';
  else if (!Number.isFinite(Number(values.durationMinutes))) errors.durationMinutes = 'Use whole minutes.';
  return errors;
}

function sharedInput(values: InterviewFormValues) {
  return {
    title: values.title,
    candidate: { name: values.candidateName, email: values.candidateEmail },
    coInterviewerIds: values.coInterviewerIds,
    plannedStart: localInputToIso(values.plannedStart),
    durationMinutes: Number(values.durationMinutes),
    defaultLanguage: values.defaultLanguage,
    questions: values.questions.map(({ title, prompt, interviewerNotes, bank }) =>
      bank
        ? { problemVersionId: bank.versionId, interviewerNotes }
        : { problemVersionId: null, title, prompt, interviewerNotes },
    ),
    options: values.options,
  };
}

/** zod issue path → the input name it belongs to ("candidate.name", "questions.2.prompt"). */
function issueKey(path: readonly PropertyKey[]): string {
  return path.map(String).join('.');
}

function collect(error: z.ZodError): FormErrors {
  const errors: FormErrors = {};
  for (const issue of error.issues) {
    const key = issueKey(issue.path);
    errors[key] ??= issue.message;
  }
  return errors;
}

export type Checked<T> = { ok: true; input: T } | { ok: false; errors: FormErrors };

function check<S extends z.ZodType>(schema: S, values: InterviewFormValues, extra: object): Checked<z.output<S>> {
  const pre = preErrors(values);
  const parsed = schema.safeParse({ ...sharedInput(values), ...extra });
  const errors = { ...(parsed.success ? {} : collect(parsed.error)), ...pre };
  if (Object.keys(errors).length > 0 || !parsed.success) return { ok: false, errors };
  return { ok: true, input: parsed.data };
}

/** The POST body for the form, validated with the shared schema (the server's own messages). */
export function checkCreate(orgId: string, values: InterviewFormValues): Checked<CreateInterviewInput> {
  return check(CreateInterviewInputSchema, values, { orgId });
}

/** The PATCH body: every editable field, so the interview ends up exactly as the form shows it. */
export function checkUpdate(values: InterviewFormValues): Checked<UpdateInterviewInput> {
  return check(UpdateInterviewInputSchema, values, {});
}

/** The server's field issues ("body.candidate.email") keyed like the form's inputs. */
export function serverFieldErrors(error: unknown): FormErrors {
  const errors: FormErrors = {};
  if (!(error instanceof ApiError)) return errors;
  for (const issue of error.issues) {
    const key = issue.path.replace(/^body\./, '');
    errors[key] ??= issue.message;
  }
  return errors;
}

/** Keys that name an input of the form (anything else goes into the alert above it). */
export function isFormField(key: string, values: InterviewFormValues): boolean {
  if (['title', 'candidate.name', 'candidate.email', 'coInterviewerIds', 'plannedStart'].includes(key)) return true;
  if (['durationMinutes', 'defaultLanguage', 'questions'].includes(key)) return true;
  const match = /^questions\.(\d+)\.(title|prompt|interviewerNotes|problemVersionId)$/.exec(key);
  return match !== null && Number(match[1]) < values.questions.length;
}

/** Moves the question at `from` by `delta` places; out-of-range moves change nothing. */
export function moveQuestion(questions: readonly QuestionDraft[], from: number, delta: -1 | 1): QuestionDraft[] {
  const to = from + delta;
  if (from < 0 || from >= questions.length || to < 0 || to >= questions.length) return [...questions];
  const next = [...questions];
  const [moved] = next.splice(from, 1);
  if (moved) next.splice(to, 0, moved);
  return next;
}
