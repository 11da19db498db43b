import { LANGUAGE_IDS, type Comparator, type LanguageId } from '@interviewselect/contracts';
import { Button } from '../../ui/button';
import { SelectField } from '../../ui/select-field';
import { TextField } from '../../ui/text-field';
import { TextAreaField } from '../interviews/textarea-field';
import { newKey } from './editor-draft';
import { LANGUAGE_NAMES } from './problem-labels';
import type { SectionProps } from './section-props';

export const COMPARATOR_LABELS: Record<Comparator['kind'], string> = {
  trailing_whitespace: 'Ignore trailing whitespace',
  exact: 'Exact match',
  whitespace: 'Ignore all whitespace differences',
  float: 'Numbers within a tolerance',
  unordered_lines: 'Same lines in any order',
  checker: 'Custom checker program',
};

function comparatorOf(kind: Comparator['kind'], current: Comparator): Comparator {
  if (kind === current.kind) return current;
  if (kind === 'float') return { kind, absolute: 1e-6, relative: 1e-6 };
  if (kind === 'checker') return { kind, language: 'python', source: '' };
  return { kind };
}

export function ExamplesSection({ draft, onChange, errors }: SectionProps) {
  const set = (index: number, patch: Partial<(typeof draft.examples)[number]>) =>
    onChange({ examples: draft.examples.map((e, i) => (i === index ? { ...e, ...patch } : e)) });
  return (
    <div className="questions-stack">
      {draft.examples.length === 0 ? (
        <p className="questions-muted">Worked examples appear under the statement. Add one or two.</p>
      ) : null}
      {draft.examples.map((example, index) => (
        <fieldset key={example.key} className="questions-subrow">
          <legend className="visually-hidden">Example {index + 1}</legend>
          <TextAreaField
            label={`Example ${index + 1} input`}
            name={`examples.${index}.input`}
            rows={3}
            value={example.input}
            error={errors[`examples.${index}.input`]}
            onChange={(e) => set(index, { input: e.target.value })}
          />
          <TextAreaField
            label={`Example ${index + 1} output`}
            name={`examples.${index}.output`}
            rows={3}
            value={example.output}
            error={errors[`examples.${index}.output`]}
            onChange={(e) => set(index, { output: e.target.value })}
          />
          <TextAreaField
            label="Explanation"
            name={`examples.${index}.explanation`}
            rows={3}
            value={example.explanation}
            error={errors[`examples.${index}.explanation`]}
            onChange={(e) => set(index, { explanation: e.target.value })}
          />
          <div>
            <Button
              size="sm"
              variant="ghost"
              onClick={() => onChange({ examples: draft.examples.filter((_, i) => i !== index) })}
            >
              Remove example {index + 1}
            </Button>
          </div>
        </fieldset>
      ))}
      <div>
        <Button
          disabled={draft.examples.length >= 10}
          onClick={() =>
            onChange({ examples: [...draft.examples, { key: newKey(), input: '', output: '', explanation: '' }] })
          }
        >
          Add example
        </Button>
      </div>
    </div>
  );
}

export function ChecksSection({ draft, onChange, errors }: SectionProps) {
  const { comparator } = draft;
  return (
    <div className="questions-form__grid">
      <TextField
        label="Time limit (ms)"
        name="timeLimitMs"
        type="number"
        inputMode="numeric"
        min={100}
        max={10_000}
        value={draft.timeLimitMs}
        error={errors.timeLimitMs}
        onChange={(e) => onChange({ timeLimitMs: e.target.value })}
      />
      <TextField
        label="Memory limit (MB)"
        name="memoryLimitMb"
        type="number"
        inputMode="numeric"
        min={16}
        max={1024}
        value={draft.memoryLimitMb}
        error={errors.memoryLimitMb}
        onChange={(e) => onChange({ memoryLimitMb: e.target.value })}
      />
      <SelectField
        label="Output comparison"
        name="comparator"
        value={comparator.kind}
        error={errors['comparator.kind']}
        onChange={(e) => onChange({ comparator: comparatorOf(e.target.value as Comparator['kind'], comparator) })}
      >
        {Object.entries(COMPARATOR_LABELS).map(([kind, label]) => (
          <option key={kind} value={kind}>
            {label}
          </option>
        ))}
      </SelectField>
      {comparator.kind === 'float' ? (
        <>
          <TextField
            label="Absolute tolerance"
            name="comparator.absolute"
            type="number"
            step="any"
            value={String(comparator.absolute)}
            error={errors['comparator.absolute']}
            onChange={(e) => onChange({ comparator: { ...comparator, absolute: Number(e.target.value) } })}
          />
          <TextField
            label="Relative tolerance"
            name="comparator.relative"
            type="number"
            step="any"
            value={String(comparator.relative)}
            error={errors['comparator.relative']}
            onChange={(e) => onChange({ comparator: { ...comparator, relative: Number(e.target.value) } })}
          />
        </>
      ) : null}
      {comparator.kind === 'checker' ? (
        <>
          <SelectField
            label="Checker language"
            name="comparator.language"
            value={comparator.language}
            onChange={(e) => onChange({ comparator: { ...comparator, language: e.target.value as LanguageId } })}
          >
            {LANGUAGE_IDS.map((l) => (
              <option key={l} value={l}>
                {LANGUAGE_NAMES[l]}
              </option>
            ))}
          </SelectField>
          <TextAreaField
            className="questions-form__wide"
            label="Checker source"
            name="comparator.source"
            hint="Runs with the input, expected and actual output files as arguments; exit code 0 accepts."
            rows={8}
            value={comparator.source}
            error={errors['comparator.source']}
            spellCheck={false}
            onChange={(e) => onChange({ comparator: { ...comparator, source: e.target.value } })}
          />
        </>
      ) : null}
    </div>
  );
}

export function GuideSection({ draft, onChange, errors }: SectionProps) {
  const setRow = (index: number, patch: Partial<(typeof draft.rubric)[number]>) =>
    onChange({ rubric: draft.rubric.map((r, i) => (i === index ? { ...r, ...patch } : r)) });
  return (
    <div className="questions-stack">
      <TextAreaField
        label="Guidance"
        name="interviewerGuide.guidance"
        hint="How to run the question: hints to give, follow-ups, what to watch for."
        rows={5}
        value={draft.guidance}
        error={errors['interviewerGuide.guidance']}
        onChange={(e) => onChange({ guidance: e.target.value })}
      />
      <fieldset className="questions-stack questions-fieldset">
        <legend className="ui-field__label">Rubric</legend>
        {draft.rubric.map((row, index) => (
          <div key={row.key} className="questions-subrow">
            <TextField
              label={`Rubric row ${index + 1} level`}
              name={`interviewerGuide.rubric.${index}.level`}
              placeholder="e.g. Strong hire"
              value={row.level}
              error={errors[`interviewerGuide.rubric.${index}.level`]}
              onChange={(e) => setRow(index, { level: e.target.value })}
            />
            <TextAreaField
              label={`Rubric row ${index + 1} description`}
              name={`interviewerGuide.rubric.${index}.description`}
              rows={2}
              value={row.description}
              error={errors[`interviewerGuide.rubric.${index}.description`]}
              onChange={(e) => setRow(index, { description: e.target.value })}
            />
            <div>
              <Button
                size="sm"
                variant="ghost"
                onClick={() => onChange({ rubric: draft.rubric.filter((_, i) => i !== index) })}
              >
                Remove rubric row {index + 1}
              </Button>
            </div>
          </div>
        ))}
        <div>
          <Button
            onClick={() => onChange({ rubric: [...draft.rubric, { key: newKey(), level: '', description: '' }] })}
          >
            Add rubric row
          </Button>
        </div>
      </fieldset>
      <TextAreaField
        label="Expected answer"
        name="interviewerGuide.expectedAnswer"
        rows={5}
        value={draft.expectedAnswer}
        error={errors['interviewerGuide.expectedAnswer']}
        onChange={(e) => onChange({ expectedAnswer: e.target.value })}
      />
    </div>
  );
}
