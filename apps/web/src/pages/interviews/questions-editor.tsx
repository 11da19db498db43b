import { Button } from '../../ui/button';
import { ArrowDownIcon, ArrowUpIcon, CloseIcon } from '../../ui/icons';
import { TextField } from '../../ui/text-field';
import { moveQuestion, newQuestion, type FormErrors, type QuestionDraft } from './interview-form-values';
import { TextAreaField } from './textarea-field';

export interface QuestionsEditorProps {
  questions: readonly QuestionDraft[];
  onChange: (questions: QuestionDraft[]) => void;
  errors: FormErrors;
}

/** After React re-renders: focus an element by id (the moved question's button, a new question's title). */
function focusSoon(id: string) {
  setTimeout(() => document.getElementById(id)?.focus(), 0);
}

/** Free-form questions: add, remove, reorder; each with a prompt everyone sees and notes only interviewers see. */
export function QuestionsEditor({ questions, onChange, errors }: QuestionsEditorProps) {
  const update = (index: number, patch: Partial<QuestionDraft>) =>
    onChange(questions.map((q, i) => (i === index ? { ...q, ...patch } : q)));
  const move = (index: number, delta: -1 | 1, key: string) => {
    onChange(moveQuestion(questions, index, delta));
    const target = index + delta;
    const edge = target === 0 ? 'down' : target === questions.length - 1 ? 'up' : delta < 0 ? 'up' : 'down';
    focusSoon(`${key}-${edge}`);
  };
  const remove = (index: number) => {
    onChange(questions.filter((_, i) => i !== index));
    focusSoon('questions-add');
  };
  const add = () => {
    const question = newQuestion();
    onChange([...questions, question]);
    focusSoon(`${question.key}-title`);
  };

  return (
    <div className="interviews-stack">
      {questions.length === 0 ? (
        <p className="text-muted">
          No questions yet. Add the problems you plan to ask; the candidate sees each prompt in the room.
        </p>
      ) : (
        <ol className="interviews-questions">
          {questions.map((q, index) => {
            const n = index + 1;
            return (
              <li key={q.key} className="interviews-question">
                <fieldset className="interviews-fieldset">
                  <legend className="interviews-question__legend">Question {n}</legend>
                  <div className="interviews-question__tools">
                    <Button
                      id={`${q.key}-up`}
                      size="sm"
                      variant="ghost"
                      aria-label={`Move question ${n} up`}
                      disabled={index === 0}
                      onClick={() => move(index, -1, q.key)}
                    >
                      <ArrowUpIcon width={16} height={16} />
                    </Button>
                    <Button
                      id={`${q.key}-down`}
                      size="sm"
                      variant="ghost"
                      aria-label={`Move question ${n} down`}
                      disabled={index === questions.length - 1}
                      onClick={() => move(index, 1, q.key)}
                    >
                      <ArrowDownIcon width={16} height={16} />
                    </Button>
                    <Button size="sm" variant="ghost" aria-label={`Remove question ${n}`} onClick={() => remove(index)}>
                      <CloseIcon width={16} height={16} />
                    </Button>
                  </div>
                  <TextField
                    id={`${q.key}-title`}
                    label="Question title"
                    name={`questions.${index}.title`}
                    value={q.title}
                    maxLength={200}
                    required
                    error={errors[`questions.${index}.title`]}
                    onChange={(e) => update(index, { title: e.target.value })}
                  />
                  <TextAreaField
                    label="Prompt"
                    hint="Markdown. Everyone in the room sees it."
                    name={`questions.${index}.prompt`}
                    value={q.prompt}
                    rows={5}
                    error={errors[`questions.${index}.prompt`]}
                    onChange={(e) => update(index, { prompt: e.target.value })}
                  />
                  <TextAreaField
                    label="Interviewer notes"
                    hint="Markdown. Only interviewers see these: hints, what a good answer looks like."
                    name={`questions.${index}.interviewerNotes`}
                    value={q.interviewerNotes}
                    rows={3}
                    error={errors[`questions.${index}.interviewerNotes`]}
                    onChange={(e) => update(index, { interviewerNotes: e.target.value })}
                  />
                </fieldset>
              </li>
            );
          })}
        </ol>
      )}
      {errors.questions ? <p className="ui-field__error">{errors.questions}</p> : null}
      <div>
        <Button id="questions-add" onClick={add} disabled={questions.length >= 20}>
          Add question
        </Button>
      </div>
    </div>
  );
}
