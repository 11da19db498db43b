import type { AuditEvent } from '@interviewselect/contracts';
import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import type { FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { adminApi, adminKeys, type AuditFilters } from '../../lib/admin-api';
import { describeError } from '../../lib/describe-error';
import { formatDateTime } from '../../lib/format-date';
import { Alert } from '../../ui/alert';
import { Button } from '../../ui/button';
import { Card } from '../../ui/card';
import { ErrorState } from '../../ui/error-state';
import { PageHeader } from '../../ui/page-header';
import { Pager, readOffset } from '../../ui/pager';
import { Skeleton } from '../../ui/skeleton';
import { Table, type TableColumn } from '../../ui/table';
import { TextField } from '../../ui/text-field';
import './admin.css';

const PAGE_SIZE = 25;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A <input type="date"> value as the start (or end) of that day in UTC, for the API's ISO filters. */
function dayBoundary(day: string, end: boolean): string | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return undefined;
  return end ? `${day}T23:59:59.999Z` : `${day}T00:00:00.000Z`;
}

function validId(value: string | null): string | undefined {
  return value && UUID.test(value) ? value : undefined;
}

const columns: TableColumn<AuditEvent>[] = [
  { key: 'seq', header: '#', cell: (e) => e.seq },
  {
    key: 'when',
    header: 'When',
    cell: (e) => (
      <time dateTime={e.createdAt} className="admin-nowrap">
        {formatDateTime(e.createdAt)}
      </time>
    ),
  },
  { key: 'action', header: 'Action', isRowHeader: true, cell: (e) => <code>{e.action}</code> },
  {
    key: 'actor',
    header: 'Actor',
    cell: (e) =>
      e.actor ? (
        <span className="admin-person">
          <Link to={`/admin/users/${e.actor.id}`}>{e.actor.name}</Link>
          <span className="admin-person__sub">{e.actor.email}</span>
        </span>
      ) : (
        <span className="text-muted">System</span>
      ),
  },
  {
    key: 'target',
    header: 'Target',
    cell: (e) =>
      e.targetType ? (
        <span className="admin-person">
          <span>{e.targetType}</span>
          <span className="admin-person__sub">{e.targetId}</span>
        </span>
      ) : (
        <span className="text-muted">—</span>
      ),
  },
  {
    key: 'data',
    header: 'Details',
    cell: (e) =>
      Object.keys(e.data).length === 0 && !e.ip ? <span className="text-muted">—</span> : <EventDetails event={e} />,
  },
];

/** /admin/audit: the tamper-evident event log, filterable, with a chain check. */
export function AdminAuditPage() {
  const [params, setParams] = useSearchParams();
  const fromDay = params.get('from') ?? '';
  const toDay = params.get('to') ?? '';
  const filters: AuditFilters = {
    action: params.get('action') ?? '',
    // A partial id would only earn a 400: it is flagged on the field and left out.
    actorUserId: validId(params.get('actorUserId')),
    orgId: validId(params.get('orgId')),
    from: dayBoundary(fromDay, false),
    to: dayBoundary(toDay, true),
    limit: PAGE_SIZE,
    offset: readOffset(params.get('offset')),
  };
  const query = useQuery({
    queryKey: adminKeys.audit(filters),
    queryFn: ({ signal }) => adminApi.audit(filters, signal),
    placeholderData: keepPreviousData,
  });
  const verify = useMutation({ mutationFn: adminApi.verifyAudit });

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const next = new URLSearchParams();
    for (const key of ['action', 'actorUserId', 'orgId', 'from', 'to']) {
      const raw = data.get(key);
      const value = typeof raw === 'string' ? raw.trim() : '';
      if (value) next.set(key, value);
    }
    setParams(next);
  }

  function setOffset(offset: number) {
    const next = new URLSearchParams(params);
    if (offset > 0) next.set('offset', String(offset));
    else next.delete('offset');
    setParams(next);
  }

  const badId = (key: string) => {
    const value = params.get(key);
    return value && !UUID.test(value) ? 'Enter a full id (a UUID).' : undefined;
  };

  return (
    <div className="admin-page">
      <PageHeader
        title="Audit log"
        description="Security-relevant events, newest first. Each event is chained to the one before it."
        actions={
          <Button onClick={() => verify.mutate()} isLoading={verify.isPending}>
            {verify.isPending ? 'Verifying…' : 'Verify chain'}
          </Button>
        }
      />
      {verify.isError ? (
        <Alert title="Couldn't verify the chain">{describeError(verify.error)}</Alert>
      ) : verify.data?.ok === true ? (
        <Alert tone="info" role="status" title="Chain intact">
          All {verify.data.count} events check out: none was changed or removed.
        </Alert>
      ) : verify.data?.ok === false ? (
        <Alert title="Chain broken">
          The chain breaks at event #{verify.data.brokenAtSeq}: it or an earlier event was changed or removed outside
          the application.
        </Alert>
      ) : null}
      <Card>
        <form
          className="admin-filters"
          role="search"
          aria-label="Filter events"
          onSubmit={handleSubmit}
          key={params.toString()}
        >
          <TextField
            label="Action starts with"
            name="action"
            defaultValue={filters.action}
            placeholder="org. or auth.sign_in"
            spellCheck={false}
          />
          <TextField
            label="Actor user id"
            name="actorUserId"
            defaultValue={params.get('actorUserId') ?? ''}
            spellCheck={false}
            error={badId('actorUserId')}
          />
          <TextField
            label="Organisation id"
            name="orgId"
            defaultValue={params.get('orgId') ?? ''}
            spellCheck={false}
            error={badId('orgId')}
          />
          <TextField label="From (UTC)" name="from" type="date" defaultValue={fromDay} />
          <TextField label="To (UTC)" name="to" type="date" defaultValue={toDay} />
          <div className="admin-filters__actions">
            <Button type="submit" variant="primary">
              Filter
            </Button>
            {params.size > 0 ? (
              <Button type="button" variant="ghost" onClick={() => setParams(new URLSearchParams())}>
                Clear
              </Button>
            ) : null}
          </div>
        </form>
      </Card>
      {query.isPending ? (
        <div aria-busy="true" className="admin-stack">
          <span className="visually-hidden" role="status">
            Loading events…
          </span>
          <Skeleton height="2.5rem" shape="block" />
          <Skeleton height="2.5rem" shape="block" />
          <Skeleton height="2.5rem" shape="block" />
        </div>
      ) : query.isError ? (
        <ErrorState
          title="Couldn't load the audit log"
          message={describeError(query.error)}
          onRetry={() => void query.refetch()}
          isRetrying={query.isFetching}
        />
      ) : (
        <div className="admin-stack" aria-busy={query.isPlaceholderData || undefined}>
          <Table
            caption="Audit events"
            isCaptionHidden
            columns={columns}
            rows={query.data.items}
            getRowKey={(e) => e.id}
            emptyState="No events match these filters."
          />
          <Pager
            total={query.data.total}
            limit={query.data.limit}
            offset={query.data.offset}
            onOffsetChange={setOffset}
            noun="events"
          />
        </div>
      )}
    </div>
  );
}

const DETAILS_MAX = 160;

/** The event's data as compact JSON, cut short in the table (the whole text is in the tooltip). */
function EventDetails({ event }: { event: AuditEvent }) {
  const text = [
    Object.keys(event.data).length > 0 ? JSON.stringify(event.data) : null,
    event.ip ? `ip ${event.ip}` : null,
  ]
    .filter(Boolean)
    .join('\n');
  const isLong = text.length > DETAILS_MAX;
  return (
    <pre className="admin-data" title={isLong ? text : undefined}>
      {isLong ? `${text.slice(0, DETAILS_MAX)}…` : text}
    </pre>
  );
}
