import { Button } from '../../ui/button';
import { ArrowDownIcon, ArrowUpIcon, CloseIcon } from '../../ui/icons';
import { TextField } from '../../ui/text-field';
import { CATEGORY_LABELS, DifficultyChip } from '../questions/problem-labels';
import { BankQuestionPicker } from './bank-question-picker';
import {
  bankQuestion,
  moveQuestion,
  newQuestion,
  type BankPick,
  type FormErrors,
  type QuestionDraft,
} from './interview-form-values';
import { TextAreaField } from './textarea-field';

export interface QuestionsEditorProps {
  /** The interview's organisation: the bank offers its problems and the public library. */
  orgId: string;
  questions: readonly QuestionDraft[];
  onChange: (questions: QuestionDraft[]) => void;
  errors: FormErrors;
}

/** After React re-renders: focus an element by id (the moved question's button, a new question's title). */
function focusSoon(id: string) {
  setTimeout(() => document.getElementById(id)?.focus(), 0);
}

/**
 * The interview's questions: picked from the question bank or typed in (free
 * form); add, remove, reorder; each with notes only interviewers see.
 */
export function QuestionsEditor({ orgId, questions, onChange, errors }: QuestionsEditorProps) {
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
  const chosen = new Set(questions.flatMap((q) => (q.bank ? [q.bank.versionId] : [])));

  return (
    <div className="interviews-stack">
      {questions.length === 0 ? (
        <p className="text-muted">
          No questions yet. Add problems from the question bank (their tests run in the room) or type your own; the
          candidate sees each one in the room once the interview starts.
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
                  {q.bank ? (
                    <BankQuestionCard bank={q.bank} error={errors[`questions.${index}.problemVersionId`]} />
                  ) : (
                    <>
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
                    </>
                  )}
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
      <div className="interviews-actions-row">
        <BankQuestionPicker
          orgId={orgId}
          chosen={chosen}
          isDisabled={questions.length >= 20}
          onPick={(problem) => onChange([...questions, bankQuestion(problem)])}
        />
        <Button id="questions-add" onClick={add} disabled={questions.length >= 20}>
          Add your own question
        </Button>
      </div>
    </div>
  );
}

/** A bank question in the form: what it is, with a link to read it whole in the question bank. */
function BankQuestionCard({ bank, error }: { bank: BankPick; error: string | undefined }) {
  return (
    <div className="interviews-bank-question">
      <p className="interviews-bank-question__title">
        <a href={`/questions/${bank.problemId}`} target="_blank" rel="noreferrer">
          {bank.title}
        </a>
      </p>
      <p className="interviews-bank-question__meta">
        <DifficultyChip difficulty={bank.difficulty} /> {CATEGORY_LABELS[bank.category]} · from the question bank,
        version {bank.version} — its statement, examples, visible tests and starter code appear in the room.
      </p>
      {error ? <p className="ui-field__error">{error}</p> : null}
    </div>
  );
}
