import type { RoomQuestion } from '@interviewselect/contracts';
import { useId } from 'react';
import { SelectField } from '../../ui/select-field';
import { Markdown } from '../../ui/markdown';
import { AnswerKey, ProblemStatement } from './problem-statement';

export interface QuestionPanelProps {
  questions: readonly RoomQuestion[];
  /** The question everyone sees (meta.questionId), or null for the first. */
  currentId: string | null;
  /** Interviewers choose which question is on screen; null for everyone else. */
  onChoose: ((id: string) => void) | null;
}

/** The current question's text, and for interviewers its private notes and a picker. */
export function QuestionPanel({ questions, currentId, onChoose }: QuestionPanelProps) {
  const headingId = useId();
  const current = questions.find((q) => q.id === currentId) ?? questions[0];
  if (!current) {
    return (
      <div className="room-question room-question--empty">
        <p>No question was set for this interview. The interviewer will explain the task.</p>
      </div>
    );
  }
  const position = questions.indexOf(current) + 1;
  return (
    <article className="room-question" aria-labelledby={headingId}>
      {onChoose && questions.length > 1 ? (
        <SelectField
          label="Question on screen"
          className="room-question__picker"
          value={current.id}
          onChange={(event) => onChoose(event.target.value)}
        >
          {questions.map((q, index) => (
            <option key={q.id} value={q.id}>
              {index + 1}. {q.title}
            </option>
          ))}
        </SelectField>
      ) : null}
      <h2 id={headingId} className="room-question__title">
        {questions.length > 1 ? (
          <span className="room-question__position">
            Question {position} of {questions.length}:{' '}
          </span>
        ) : null}
        {current.title}
      </h2>
      {current.view ? <ProblemStatement view={current.view} /> : <Markdown source={current.prompt} />}
      {current.answerKey ? <AnswerKey answerKey={current.answerKey} /> : null}
      {current.interviewerNotes ? (
        <aside className="room-private" aria-label="Interviewer notes for this question">
          <p className="room-private__badge">Only interviewers see this</p>
          <Markdown source={current.interviewerNotes} headingOffset={3} />
        </aside>
      ) : null}
    </article>
  );
}
