import type { InterviewQuestion, RoomQuestion } from '@interviewselect/contracts';

/** What an interview question refers to in the question bank. */
export type BankRef = NonNullable<InterviewQuestion['problem']>;

/**
 * The interviews module's port to the question bank: which versions an
 * organisation may ask, and what the room shows of them. Implemented by the
 * questions module (wired in app.ts).
 */
export interface QuestionBankPort {
  /**
   * The title and statement of a published version the organisation may ask
   * (the public library's or its own); null when unknown, unpublished or
   * another organisation's.
   */
  askable(orgId: string, versionId: string): Promise<{ title: string; statement: string } | null>;
  /** References of the given versions (missing ones are absent from the map). */
  refs(versionIds: readonly string[]): Promise<Map<string, BankRef>>;
  /** The room's view of each version; `answerKey` only when asked for (interviewers). */
  roomViews(
    versionIds: readonly string[],
    withAnswerKey: boolean,
  ): Promise<Map<string, Pick<RoomQuestion, 'view' | 'answerKey'>>>;
}

/** No question bank (tests of the interviews module alone): no version is askable. */
export const noQuestionBank: QuestionBankPort = {
  askable: async () => null,
  refs: async () => new Map(),
  roomViews: async () => new Map(),
};
