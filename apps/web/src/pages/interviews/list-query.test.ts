import { describe, expect, it } from 'vitest';
import { interviewListSearch } from '../../lib/interviews-api';
import { dayStartIso } from './local-time';
import { DEFAULT_SORT, hasActiveFilters, PAGE_SIZE, readFilters, toListQuery, writeFilters } from './list-query';

const ORG_ID = '7c1e4d2a-3b5f-4a6c-8d9e-0f1a2b3c4d5e';
const USER_ID = '5b0f3c55-7d7c-4c8e-9a55-2f2b8e1d0a11';

describe('interview list filters in the URL', () => {
  it('reads a plain /interviews as no filter, the server’s default sort, page 1', () => {
    const filters = readFilters(new URLSearchParams());
    expect(filters).toEqual({
      status: '',
      from: '',
      to: '',
      interviewerId: '',
      candidate: '',
      ...DEFAULT_SORT,
      page: 1,
    });
    expect(hasActiveFilters(filters)).toBe(false);
    expect(writeFilters(filters).toString()).toBe('');
  });

  it('round-trips every filter, sort and page', () => {
    const search = `status=scheduled&from=2026-11-01&to=2026-11-30&interviewer=${USER_ID}&candidate=grace&sort=title&order=asc&page=3`;
    const filters = readFilters(new URLSearchParams(search));
    expect(filters).toMatchObject({ status: 'scheduled', interviewerId: USER_ID, candidate: 'grace', page: 3 });
    expect(hasActiveFilters(filters)).toBe(true);
    expect(writeFilters(filters).toString()).toBe(search);
  });

  it('ignores values it cannot use instead of sending them to the server', () => {
    const filters = readFilters(
      new URLSearchParams('status=done&from=yesterday&interviewer=bob&sort=salary&order=up&page=-2'),
    );
    expect(filters).toMatchObject({ status: '', from: '', interviewerId: '', ...DEFAULT_SORT, page: 1 });
  });

  it('asks the server for whole days in the viewer’s zone, “until” included', () => {
    const filters = readFilters(new URLSearchParams('from=2026-11-01&to=2026-11-30&candidate=ada'));
    const query = toListQuery(ORG_ID, filters);
    expect(query).toEqual({
      orgId: ORG_ID,
      from: dayStartIso('2026-11-01'),
      to: dayStartIso('2026-12-01'),
      candidate: 'ada',
      sort: 'plannedStart',
      order: 'desc',
      page: 1,
      pageSize: PAGE_SIZE,
    });
    expect(interviewListSearch(query)).toContain(`orgId=${ORG_ID}&from=`);
  });
});
