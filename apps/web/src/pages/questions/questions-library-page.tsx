import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import { describeError } from '../../lib/describe-error';
import { questionKeys, questionsApi } from '../../lib/questions-api';
import { useSession } from '../../lib/session';
import { Button } from '../../ui/button';
import { EmptyState } from '../../ui/empty-state';
import { ErrorState } from '../../ui/error-state';
import { LibraryIcon } from '../../ui/icons';
import { PageHeader } from '../../ui/page-header';
import { Pager, pageOffset } from '../../ui/pager';
import { Skeleton } from '../../ui/skeleton';
import { LibraryFilterBar } from './library-filters';
import {
  hasActiveLibraryFilters,
  readLibraryFilters,
  toSearchQuery,
  writeLibraryFilters,
  type LibraryFilters,
} from './library-query';
import { ProblemsTable } from './problems-table';
import { useActiveOrg } from './use-active-org';
import '../interviews/interviews.css';
import './questions.css';

/** /questions: the public library and the active organisation's problems; every filter lives in the URL. */
export function QuestionsLibraryPage() {
  const org = useActiveOrg();
  const { user } = useSession();
  const isOrgUnchosen = !org && (user?.memberships.length ?? 0) > 0;
  const [params, setParams] = useSearchParams();
  const filters = readLibraryFilters(params);
  const query = toSearchQuery(filters, org?.orgId ?? null);
  const list = useQuery({
    queryKey: questionKeys.list(query),
    queryFn: ({ signal }) => questionsApi.search(query, signal),
    placeholderData: keepPreviousData,
  });
  const update = (next: Partial<LibraryFilters>) =>
    setParams(writeLibraryFilters({ ...filters, page: 1, ...next }), { replace: 'q' in next });
  const actions = org?.canAuthor ? (
    <>
      <Button asChild>
        <Link to="/questions/import">Import</Link>
      </Button>
      <Button asChild variant="primary">
        <Link to="/questions/new">New problem</Link>
      </Button>
    </>
  ) : null;
  const isFiltered = hasActiveLibraryFilters(filters);

  return (
    <div className="questions-page">
      <PageHeader
        title="Question bank"
        description={
          org
            ? `The public library and ${org.orgName}'s own problems. Every published problem passed its reference solutions.`
            : isOrgUnchosen
              ? 'The public library. Pick an organisation in the switcher at the top to see and write its own problems.'
              : 'The public library. Every published problem passed its reference solutions.'
        }
        actions={actions}
      />
      <LibraryFilterBar filters={filters} onChange={update} orgName={org?.orgName ?? null} />
      {list.isPending ? (
        <div aria-busy="true" className="questions-stack">
          <span className="visually-hidden" role="status">
            Loading problems…
          </span>
          {[1, 2, 3, 4, 5].map((n) => (
            <Skeleton key={n} height="2.75rem" shape="block" />
          ))}
        </div>
      ) : list.isError ? (
        <ErrorState
          title="Couldn't load the problems"
          message={describeError(list.error)}
          onRetry={() => void list.refetch()}
          isRetrying={list.isFetching}
        />
      ) : list.data.total === 0 && !isFiltered ? (
        <EmptyState
          headingLevel={2}
          icon={<LibraryIcon width={32} height={32} />}
          title="No problems yet"
          description="Write your organisation's first problem, or import a problem package. Published problems are checked against their reference solutions."
          action={actions}
        />
      ) : (
        <div className="questions-stack" aria-busy={list.isPlaceholderData || undefined}>
          <ProblemsTable
            rows={list.data.items}
            emptyState="No problems match. Check the spelling, or clear some filters."
          />
          <Pager
            total={list.data.total}
            {...pageOffset(list.data.page, list.data.pageSize, (page) =>
              setParams(writeLibraryFilters({ ...filters, page })),
            )}
            noun="problems"
          />
        </div>
      )}
    </div>
  );
}
