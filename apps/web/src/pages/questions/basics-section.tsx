import {
  DIFFICULTIES,
  QUESTION_CATEGORIES,
  TOPICS,
  type Difficulty,
  type QuestionCategory,
} from '@interviewselect/contracts';
import { useDeferredValue, useId } from 'react';
import { Markdown } from '../../ui/markdown';
import { SelectField } from '../../ui/select-field';
import { TextField } from '../../ui/text-field';
import { TextAreaField } from '../interviews/textarea-field';
import { errorUnder, slugify } from './editor-draft';
import { CATEGORY_LABELS, DIFFICULTY_LABELS } from './problem-labels';
import type { SectionProps } from './section-props';

export function BasicsSection({ draft, onChange, errors }: SectionProps) {
  const tagError = errorUnder(errors, 'tags');
  return (
    <div className="questions-form__grid">
      <TextField
        className="questions-form__wide"
        label="Title"
        name="title"
        required
        value={draft.title}
        maxLength={200}
        error={errors.title}
        onChange={(e) =>
          onChange({ title: e.target.value, ...(draft.isSlugEdited ? {} : { slug: slugify(e.target.value) }) })
        }
      />
      <TextField
        label="Slug"
        name="slug"
        required
        hint={draft.isSlugEdited ? 'Set by hand.' : 'Follows the title until you edit it.'}
        value={draft.slug}
        maxLength={80}
        error={errors.slug}
        spellCheck={false}
        onChange={(e) => onChange({ slug: e.target.value, isSlugEdited: e.target.value !== '' })}
      />
      <SelectField
        label="Difficulty"
        name="difficulty"
        value={draft.difficulty}
        error={errors.difficulty}
        onChange={(e) => onChange({ difficulty: e.target.value as Difficulty })}
      >
        {DIFFICULTIES.map((d) => (
          <option key={d} value={d}>
            {DIFFICULTY_LABELS[d]}
          </option>
        ))}
      </SelectField>
      <SelectField
        label="Category"
        name="category"
        value={draft.category}
        error={errors.category}
        onChange={(e) => onChange({ category: e.target.value as QuestionCategory })}
      >
        {QUESTION_CATEGORIES.map((c) => (
          <option key={c} value={c}>
            {CATEGORY_LABELS[c]}
          </option>
        ))}
      </SelectField>
      <TextField
        label="Estimated minutes"
        name="estimatedMinutes"
        type="number"
        inputMode="numeric"
        min={1}
        max={240}
        value={draft.estimatedMinutes}
        error={errors.estimatedMinutes}
        onChange={(e) => onChange({ estimatedMinutes: e.target.value })}
      />
      <fieldset className="questions-topics questions-form__wide">
        <legend>Topics</legend>
        {TOPICS.map((topic) => (
          <label key={topic} className="questions-topic">
            <input
              type="checkbox"
              name="tags"
              value={topic}
              checked={draft.topics.includes(topic)}
              onChange={(e) =>
                onChange({
                  topics: e.target.checked ? [...draft.topics, topic] : draft.topics.filter((t) => t !== topic),
                })
              }
            />
            {topic}
          </label>
        ))}
      </fieldset>
      <TextField
        className="questions-form__wide"
        label="Other tags"
        name="freeTags"
        hint="Comma-separated lowercase words, e.g. prefix-sums, interview-classic. 20 tags at most, topics included."
        value={draft.freeTags}
        error={tagError}
        onChange={(e) => onChange({ freeTags: e.target.value })}
      />
    </div>
  );
}

/** The statement beside its live preview (rendered safely, as the candidate will see it), then constraints. */
export function StatementSection({ draft, onChange, errors }: SectionProps) {
  const previewId = useId();
  // Typing stays responsive on long statements: the preview may lag a frame behind.
  const preview = useDeferredValue(draft.statement);
  return (
    <div className="questions-stack">
      <div className="questions-statement">
        <TextAreaField
          label="Statement (Markdown)"
          name="statement"
          hint="Headings, lists, **bold**, `code`, fenced code blocks with a language, links."
          className="questions-statement__input"
          rows={14}
          value={draft.statement}
          error={errors.statement}
          onChange={(e) => onChange({ statement: e.target.value })}
        />
        <section className="questions-stack" aria-labelledby={previewId}>
          <h3 id={previewId} className="ui-field__label">
            Preview
          </h3>
          <p className="ui-field__hint">As the candidate will see it; raw HTML shows as text.</p>
          <div className="questions-statement__preview" aria-live="off">
            {preview.trim() ? (
              <Markdown source={preview} headingOffset={3} />
            ) : (
              <p className="questions-muted">The rendered statement appears here as you type.</p>
            )}
          </div>
        </section>
      </div>
      <TextAreaField
        label="Constraints"
        name="constraints"
        hint="Markdown too, e.g. - 1 ≤ n ≤ 10⁵"
        rows={4}
        value={draft.constraints}
        error={errors.constraints}
        onChange={(e) => onChange({ constraints: e.target.value })}
      />
    </div>
  );
}
