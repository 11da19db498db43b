import { INTERVIEW_STATUSES, type Membership } from '@interviewselect/contracts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState, type FormEvent, type ReactNode } from 'react';
import { Link, useSearchParams } from 'react-router';
import { describeError } from '../../lib/describe-error';
import { interviewKeys, interviewsApi } from '../../lib/interviews-api';
import { orgKeys, orgsApi } from '../../lib/orgs-api';
import { useSession } from '../../lib/session';
import { Button } from '../../ui/button';
import { Card } from '../../ui/card';
import { EmptyState } from '../../ui/empty-state';
import { ErrorState } from '../../ui/error-state';
import { CalendarIcon } from '../../ui/icons';
import { PageHeader } from '../../ui/page-header';
import { Pager, pageOffset } from '../../ui/pager';
import { SelectField } from '../../ui/select-field';
import { Skeleton } from '../../ui/skeleton';
import { TextField } from '../../ui/text-field';
import { activeOrgOf, canCreateInterviews } from './active-org';
import { STATUS_LABELS } from './interview-status';
import { InterviewsTable } from './interviews-table';
import { hasActiveFilters, readFilters, toListQuery, writeFilters, type ListFilters } from './list-query';
import { NoOrgState } from './no-org-state';
import './interviews.css';

/** /interviews: the active organisation's interviews; filters, sort and page live in the URL. */
export function InterviewsListPage() {
  const { user } = useSession();
  const active = user ? activeOrgOf(user) : null;
  const newButton =
    active?.kind === 'org' && canCreateInterviews(active.membership) ? (
      <Button asChild variant="primary">
        <Link to="/interviews/new">New interview</Link>
      </Button>
    ) : null;
  return (
    <div className="interviews-page">
      <PageHeader
        title="Interviews"
        description={
          active?.kind === 'org'
            ? `Every interview in ${active.membership.orgName}. Open one to run it, edit it or send invite links.`
            : 'Interviews of your organisation.'
        }
        actions={newButton}
      />
      {active === null ? null : active.kind === 'org' ? (
        <InterviewsList membership={active.membership} newButton={newButton} />
      ) : (
        <NoOrgState state={active.kind} />
      )}
    </div>
  );
}

function InterviewsList({ membership, newButton }: { membership: Membership; newButton: ReactNode }) {
  const [params, setParams] = useSearchParams();
  const filters = readFilters(params);
  const query = toListQuery(membership.orgId, filters);
  const list = useQuery({
    queryKey: interviewKeys.list(query),
    queryFn: ({ signal }) => interviewsApi.list(query, signal),
    placeholderData: keepPreviousData,
  });
  const members = useQuery({
    queryKey: orgKeys.members(membership.orgId),
    queryFn: ({ signal }) => orgsApi.members(membership.orgId, signal),
  });
  const update = (next: Partial<ListFilters>) => setParams(writeFilters({ ...filters, page: 1, ...next }));

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const text = (key: string) => {
      const value = data.get(key);
      return typeof value === 'string' ? value.trim() : '';
    };
    setParams(
      writeFilters({
        ...readFilters(new URLSearchParams({ status: text('status'), from: text('from'), to: text('to') })),
        interviewerId: text('interviewer'),
        candidate: text('candidate').slice(0, 100),
        sort: filters.sort,
        order: filters.order,
        page: 1,
      }),
    );
  }

  const isFiltered = hasActiveFilters(filters);
  const activeCount = [filters.status, filters.from, filters.to, filters.interviewerId, filters.candidate].filter(
    Boolean,
  ).length;
  // Phones start with the filters folded away so the interviews come first; wider screens show them.
  const [isFilterPanelOpen] = useState(
    () => isFiltered || typeof window.matchMedia !== 'function' || window.matchMedia('(min-width: 48rem)').matches,
  );
  return (
    <>
      <Card>
        <details className="interviews-filter-panel" open={isFilterPanelOpen}>
          <summary className="interviews-filter-panel__summary">
            Filters{activeCount > 0 ? ` (${activeCount} active)` : ''}
          </summary>
          <form
            className="interviews-filters"
            role="search"
            aria-label="Filter interviews"
            onSubmit={handleSubmit}
            key={params.toString()}
          >
            <SelectField label="Status" name="status" defaultValue={filters.status}>
              <option value="">Any status</option>
              {INTERVIEW_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {STATUS_LABELS[s]}
                </option>
              ))}
            </SelectField>
            <TextField label="Planned from" name="from" type="date" defaultValue={filters.from} />
            <TextField label="Planned until" name="to" type="date" defaultValue={filters.to} />
            <SelectField label="Interviewer" name="interviewer" defaultValue={filters.interviewerId}>
              <option value="">Anyone</option>
              {(members.data ?? []).map((m) => (
                <option key={m.userId} value={m.userId}>
                  {m.name}
                </option>
              ))}
            </SelectField>
            <TextField
              label="Candidate"
              name="candidate"
              type="search"
              placeholder="Name or e-mail"
              defaultValue={filters.candidate}
              maxLength={100}
            />
            <div className="interviews-actions interviews-filters__actions">
              <Button type="submit" variant="primary">
                Apply filters
              </Button>
              {isFiltered ? (
                <Button
                  type="button"
                  variant="ghost"
                  onClick={() => update({ status: '', from: '', to: '', interviewerId: '', candidate: '' })}
                >
                  Clear
                </Button>
              ) : null}
            </div>
          </form>
        </details>
      </Card>
      {list.isPending ? (
        <div aria-busy="true" className="interviews-stack">
          <span className="visually-hidden" role="status">
            Loading interviews…
          </span>
          <Skeleton height="2.75rem" shape="block" />
          <Skeleton height="2.75rem" shape="block" />
          <Skeleton height="2.75rem" shape="block" />
          <Skeleton height="2.75rem" shape="block" />
        </div>
      ) : list.isError ? (
        <ErrorState
          title="Couldn't load the interviews"
          message={describeError(list.error)}
          onRetry={() => void list.refetch()}
          isRetrying={list.isFetching}
        />
      ) : list.data.total === 0 && !isFiltered ? (
        <EmptyState
          headingLevel={2}
          icon={<CalendarIcon width={32} height={32} />}
          title="No interviews yet"
          description="Create the first one: name the candidate, add co-interviewers and questions, then send the candidate their invite link."
          action={newButton}
        />
      ) : (
        <div className="interviews-stack" aria-busy={list.isPlaceholderData || undefined}>
          <InterviewsTable
            rows={list.data.items}
            sort={{ sort: filters.sort, order: filters.order }}
            onSortChange={(sort) => update(sort)}
            emptyState="No interviews match these filters. Clear them to see every interview."
          />
          <Pager
            total={list.data.total}
            {...pageOffset(list.data.page, list.data.pageSize, (page) => setParams(writeFilters({ ...filters, page })))}
            noun="interviews"
          />
        </div>
      )}
    </>
  );
}
