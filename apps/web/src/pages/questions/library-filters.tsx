import { DIFFICULTIES, LANGUAGE_IDS, PROBLEM_STATUSES, QUESTION_CATEGORIES, TOPICS } from '@interviewselect/contracts';
import { useId, useState, type FormEvent } from 'react';
import { Button } from '../../ui/button';
import { SelectField } from '../../ui/select-field';
import { TextField } from '../../ui/text-field';
import { hasActiveLibraryFilters, parseTags, type LibraryFilters } from './library-query';
import { CATEGORY_LABELS, DIFFICULTY_LABELS, LANGUAGE_NAMES, STATUS_LABELS } from './problem-labels';
import { useDebouncedCommit } from './use-debounced-commit';

export interface LibraryFilterBarProps {
  filters: LibraryFilters;
  /** The caller resets the page to 1. */
  onChange: (next: Partial<LibraryFilters>) => void;
  /** Name of the active organisation; null hides the organisation-only filters. */
  orgName: string | null;
}

/** Search box (applies as you type, after a pause) and filters (apply on change); all live in the URL. */
export function LibraryFilterBar({ filters, onChange, orgName }: LibraryFilterBarProps) {
  const search = useDebouncedCommit(filters.q, (q) => onChange({ q }));
  const tags = useDebouncedCommit(filters.tags.join(', '), (text) => onChange({ tags: parseTags(text) }), 600);
  const topicsId = useId();
  const activeCount = [
    filters.difficulty,
    filters.category,
    filters.tags.length > 0,
    filters.language,
    filters.owner,
    filters.status,
  ].filter(Boolean).length;
  // Phones start with the filters folded away so the problems come first; wider screens show them.
  const [isPanelOpen] = useState(
    () => activeCount > 0 || typeof window.matchMedia !== 'function' || window.matchMedia('(min-width: 48rem)').matches,
  );

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    // Enter searches at once instead of waiting for the pause.
    event.preventDefault();
    onChange({ q: search.text.trim(), tags: parseTags(tags.text) });
  }

  return (
    <form className="questions-filters" role="search" aria-label="Search the question bank" onSubmit={handleSubmit}>
      <TextField
        className="questions-filters__search"
        label="Search"
        name="q"
        type="search"
        placeholder="Title, statement or tag — typos are fine"
        value={search.text}
        onChange={(event) => search.setText(event.target.value)}
        maxLength={200}
        autoComplete="off"
      />
      <details className="questions-filters__more" open={isPanelOpen}>
        <summary className="questions-filters__summary">
          Filters{activeCount > 0 ? ` (${activeCount} active)` : ''}
        </summary>
        <div className="questions-filters__grid">
          <SelectField
            label="Difficulty"
            value={filters.difficulty}
            onChange={(e) => onChange({ difficulty: e.target.value as LibraryFilters['difficulty'] })}
          >
            <option value="">Any difficulty</option>
            {DIFFICULTIES.map((d) => (
              <option key={d} value={d}>
                {DIFFICULTY_LABELS[d]}
              </option>
            ))}
          </SelectField>
          <SelectField
            label="Category"
            value={filters.category}
            onChange={(e) => onChange({ category: e.target.value as LibraryFilters['category'] })}
          >
            <option value="">Any category</option>
            {QUESTION_CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {CATEGORY_LABELS[c]}
              </option>
            ))}
          </SelectField>
          <TextField
            label="Tags"
            name="tags"
            placeholder="arrays, hashing"
            list={topicsId}
            value={tags.text}
            onChange={(event) => tags.setText(event.target.value)}
            autoComplete="off"
          />
          <datalist id={topicsId}>
            {TOPICS.map((t) => (
              <option key={t} value={t} />
            ))}
          </datalist>
          <SelectField
            label="Language"
            value={filters.language}
            onChange={(e) => onChange({ language: e.target.value as LibraryFilters['language'] })}
          >
            <option value="">Any language</option>
            {LANGUAGE_IDS.map((l) => (
              <option key={l} value={l}>
                {LANGUAGE_NAMES[l]}
              </option>
            ))}
          </SelectField>
          <SelectField
            label="Owner"
            value={filters.owner}
            onChange={(e) => onChange({ owner: e.target.value as LibraryFilters['owner'] })}
          >
            <option value="">{orgName ? 'All owners' : 'Public library'}</option>
            <option value="public">Public library</option>
            {orgName ? <option value="org">{orgName}</option> : null}
          </SelectField>
          {orgName ? (
            <SelectField
              label="Status"
              value={filters.status}
              onChange={(e) => onChange({ status: e.target.value as LibraryFilters['status'] })}
            >
              <option value="">Not archived</option>
              {PROBLEM_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {STATUS_LABELS[s]}
                </option>
              ))}
            </SelectField>
          ) : null}
          <SelectField
            label="Sort by"
            value={filters.sort === 'relevance' || (!filters.q && filters.sort === 'newest') ? '' : filters.sort}
            onChange={(e) => onChange({ sort: e.target.value as LibraryFilters['sort'] })}
          >
            <option value="">{filters.q ? 'Best match' : 'Newest'}</option>
            {filters.q ? <option value="newest">Newest</option> : null}
            <option value="popularity">Most used</option>
            <option value="difficulty">Difficulty</option>
          </SelectField>
        </div>
      </details>
      {hasActiveLibraryFilters(filters) ? (
        <div className="questions-filters__actions">
          <Button
            type="button"
            variant="ghost"
            size="sm"
            onClick={() =>
              onChange({ q: '', difficulty: '', category: '', tags: [], language: '', owner: '', status: '' })
            }
          >
            Clear filters
          </Button>
        </div>
      ) : null}
    </form>
  );
}
