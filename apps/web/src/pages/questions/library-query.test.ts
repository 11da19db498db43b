import { describe, expect, it } from 'vitest';
import { EMPTY_FILTERS, parseTags, readLibraryFilters, toSearchQuery, writeLibraryFilters } from './library-query';

const ORG = '7c1e4d2a-3b5f-4a6c-8d9e-0f1a2b3c4d5e';

describe('library filters ↔ URL', () => {
  it('round-trips every filter through the query string', () => {
    const params = new URLSearchParams(
      'q=tow+sum&difficulty=medium&category=sql&tags=arrays,dp&language=python&owner=org&status=draft&sort=popularity&page=3',
    );
    const filters = readLibraryFilters(params);
    expect(filters).toEqual({
      q: 'tow sum',
      difficulty: 'medium',
      category: 'sql',
      tags: ['arrays', 'dp'],
      language: 'python',
      owner: 'org',
      status: 'draft',
      sort: 'popularity',
      page: 3,
    });
    expect(readLibraryFilters(writeLibraryFilters(filters))).toEqual(filters);
  });

  it('drops unreadable values instead of failing, and keeps the plain URL plain', () => {
    const filters = readLibraryFilters(new URLSearchParams('difficulty=extreme&language=cobol&page=-2&sort=random'));
    expect(filters).toEqual(EMPTY_FILTERS);
    expect(writeLibraryFilters(filters).toString()).toBe('');
  });

  it('normalises tags: lowercase, trimmed, no duplicates', () => {
    expect(parseTags(' Arrays, dp,,arrays ')).toEqual(['arrays', 'dp']);
  });

  it('asks for the public library plus the active organisation, or one of them', () => {
    expect(toSearchQuery(EMPTY_FILTERS, ORG)).toEqual({ orgId: ORG, page: 1, pageSize: 20 });
    expect(toSearchQuery({ ...EMPTY_FILTERS, owner: 'public' }, ORG)).toEqual({
      owner: 'public',
      page: 1,
      pageSize: 20,
    });
    expect(toSearchQuery({ ...EMPTY_FILTERS, owner: 'org', status: 'draft' }, ORG)).toMatchObject({
      owner: 'org',
      orgId: ORG,
      status: 'draft',
    });
    // Without an organisation, "mine" and status mean nothing: the public library.
    expect(toSearchQuery({ ...EMPTY_FILTERS, owner: 'org', status: 'draft' }, null)).toEqual({
      page: 1,
      pageSize: 20,
    });
  });

  it('only sorts by relevance while searching', () => {
    expect(toSearchQuery({ ...EMPTY_FILTERS, sort: 'relevance' }, null).sort).toBeUndefined();
    expect(toSearchQuery({ ...EMPTY_FILTERS, q: 'sum', sort: 'relevance' }, null).sort).toBe('relevance');
  });
});
