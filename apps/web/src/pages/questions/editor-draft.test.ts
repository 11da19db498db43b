import { describe, expect, it } from 'vitest';
import {
  draftFromPackage,
  emptyDraft,
  emptyTest,
  errorsFromServer,
  move,
  slugify,
  tagsOf,
  validateDraft,
} from './editor-draft';
import { PACKAGE } from './test-fixtures';

describe('editor draft', () => {
  it('derives slugs from titles', () => {
    expect(slugify('Two Sum (II)!')).toBe('two-sum-ii');
    expect(slugify('  Café crème  ')).toBe('cafe-creme');
  });

  it('round-trips a package through the editor unchanged', () => {
    const result = validateDraft(draftFromPackage(PACKAGE));
    expect(result).toEqual({ ok: true, pkg: PACKAGE });
  });

  it('splits tags into curated topics and free tags, and joins them back', () => {
    const draft = draftFromPackage(PACKAGE);
    expect(draft.topics).toEqual(['math']);
    expect(draft.freeTags).toBe('warm-up');
    expect(tagsOf({ topics: ['math'], freeTags: 'Warm-up, math, , tricky' })).toEqual(['math', 'warm-up', 'tricky']);
  });

  it('reports errors by package path, in plain words', () => {
    const draft = {
      ...emptyDraft(),
      title: 'Sum',
      slug: 'Bad Slug',
      timeLimitMs: '50',
      tests: [emptyTest(), { ...emptyTest(), weight: '' }],
    };
    const result = validateDraft(draft);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.slug).toMatch(/lowercase letters/);
    expect(result.errors.statement).toBe('Write the statement.');
    expect(result.errors.timeLimitMs).toBe('Use 100 or more.');
    expect(result.errors['tests.1.weight']).toBe('Enter a whole number.');
  });

  it('keys the server’s issues the same way', () => {
    expect(
      errorsFromServer([
        { path: 'body.package.tests.3.expectedOutput', message: 'Too long.' },
        { path: 'package.title', message: 'Taken.' },
      ]),
    ).toEqual({ 'tests.3.expectedOutput': 'Too long.', title: 'Taken.' });
  });

  it('moves rows', () => {
    expect(move(['a', 'b', 'c'], 2, 0)).toEqual(['c', 'a', 'b']);
    expect(move(['a', 'b', 'c'], 0, 1)).toEqual(['b', 'a', 'c']);
  });
});
