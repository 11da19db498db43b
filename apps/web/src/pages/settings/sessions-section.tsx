import type { ActiveSession } from '@interviewselect/contracts';
import { useMemo } from 'react';
import { describeError } from '../../lib/describe-error';
import { formatDateTime, viewerTimeZone } from '../../lib/format-date';
import { Badge } from '../../ui/badge';
import { Button } from '../../ui/button';
import { Card } from '../../ui/card';
import { Dialog, DialogClose, DialogContent, DialogTrigger } from '../../ui/dialog';
import { ErrorState } from '../../ui/error-state';
import { Skeleton } from '../../ui/skeleton';
import { Table, type TableColumn } from '../../ui/table';
import { describeDevice, useSessions } from './use-sessions';

export function SessionsSection() {
  const sessions = useSessions();
  const { list } = sessions;

  const columns = useMemo<TableColumn<ActiveSession>[]>(
    () => [
      {
        key: 'device',
        header: 'Device',
        isRowHeader: true,
        cell: (s) => (
          <span className="sessions-device">
            <span>
              {describeDevice(s.userAgent)} {s.current ? <Badge tone="info">This device</Badge> : null}
            </span>
            {s.userAgent ? (
              <span className="sessions-device__agent" title={s.userAgent}>
                {s.userAgent}
              </span>
            ) : null}
          </span>
        ),
      },
      { key: 'ip', header: 'IP address', cell: (s) => <span className="sessions-nowrap">{s.ip ?? 'Unknown'}</span> },
      {
        key: 'lastSeen',
        header: 'Last seen',
        cell: (s) => (
          <time dateTime={s.lastSeenAt} className="sessions-when">
            {formatDateTime(s.lastSeenAt)}
          </time>
        ),
        sortValue: (s) => s.lastSeenAt,
      },
      {
        key: 'actions',
        header: 'Actions',
        align: 'end',
        cell: (s) =>
          s.current ? (
            <span className="text-muted sessions-nowrap">Current</span>
          ) : (
            <Button
              size="sm"
              variant="secondary"
              onClick={() => sessions.revoke(s.id)}
              isLoading={sessions.revokingId === s.id}
              aria-label={`Revoke ${describeDevice(s.userAgent)}, last seen ${formatDateTime(s.lastSeenAt)}`}
            >
              Revoke
            </Button>
          ),
      },
    ],
    [sessions],
  );

  return (
    <div className="settings-section">
      <title>Sessions · Settings · InterviewSelect</title>
      <Card
        title="Signed-in devices"
        headerEnd={
          <Dialog>
            <DialogTrigger asChild>
              <Button variant="danger" size="sm">
                Sign out everywhere
              </Button>
            </DialogTrigger>
            <DialogContent
              title="Sign out everywhere?"
              description="Every session of your account ends, including this one. You will need to sign in again on each device."
              footer={
                <>
                  <DialogClose asChild>
                    <Button>Cancel</Button>
                  </DialogClose>
                  <Button
                    variant="danger"
                    onClick={sessions.signOutEverywhere}
                    isLoading={sessions.isSigningOutEverywhere}
                  >
                    Sign out everywhere
                  </Button>
                </>
              }
            />
          </Dialog>
        }
      >
        {list.isPending ? (
          <div aria-busy="true" className="settings-stack">
            <span className="visually-hidden" role="status">
              Loading sessions…
            </span>
            <Skeleton height="2.5rem" shape="block" />
            <Skeleton height="2.5rem" shape="block" />
            <Skeleton height="2.5rem" shape="block" />
          </div>
        ) : list.isError ? (
          <ErrorState
            title="Couldn't load your sessions"
            message={describeError(list.error)}
            onRetry={() => void list.refetch()}
            isRetrying={list.isFetching}
          />
        ) : (
          <div className="settings-stack">
            <p className="text-muted">
              Revoke any session you don&apos;t recognise. Times are in your time zone (
              {viewerTimeZone().replaceAll('_', ' ')}).
            </p>
            <Table
              caption="Signed-in devices"
              isCaptionHidden
              columns={columns}
              rows={list.data}
              getRowKey={(s) => s.id}
              defaultSort={{ columnKey: 'lastSeen', direction: 'descending' }}
              emptyState="No active sessions."
            />
          </div>
        )}
      </Card>
    </div>
  );
}
