import type { MailboxMessage } from '@interviewselect/contracts';
import { useQuery } from '@tanstack/react-query';
import clsx from 'clsx';
import { useEffect, useRef } from 'react';
import { Link, useSearchParams } from 'react-router';
import { mailboxQuery } from '../../lib/dev-mailbox';
import { describeError } from '../../lib/describe-error';
import { formatDateTime } from '../../lib/format-date';
import { Button } from '../../ui/button';
import { Card } from '../../ui/card';
import { EmptyState } from '../../ui/empty-state';
import { ErrorState } from '../../ui/error-state';
import { MailIcon, RefreshIcon } from '../../ui/icons';
import { PageHeader } from '../../ui/page-header';
import { Skeleton } from '../../ui/skeleton';
import { StatusChip } from '../../ui/status-chip';
import { linkify } from './linkify';
import './mailbox-page.css';

export const MAILBOX_REFRESH_MS = 5_000;

/** Every e-mail the server "sent" in embedded dev mode: sign up locally without a real inbox. */
export function MailboxPage() {
  const query = useQuery({ ...mailboxQuery(0), refetchInterval: MAILBOX_REFRESH_MS });
  const [params] = useSearchParams();
  const selectedId = params.get('id');
  const selected = query.data?.items.find((m) => m.id === selectedId);

  return (
    <div className="mailbox-page">
      <PageHeader
        title="Dev mailbox"
        description="E-mails this development server would have sent. Newest first; refreshes every 5 seconds."
        actions={
          <Button onClick={() => void query.refetch()} isLoading={query.isFetching && !query.isPending}>
            <RefreshIcon width={16} height={16} />
            Refresh
          </Button>
        }
      />
      {query.isPending ? (
        <div aria-busy="true" className="mailbox-page__skeleton">
          <span className="visually-hidden" role="status">
            Loading messages…
          </span>
          {[1, 2, 3, 4].map((n) => (
            <Skeleton key={n} shape="block" height="3.5rem" />
          ))}
        </div>
      ) : query.isError ? (
        <Card>
          <ErrorState
            title="Couldn't load the mailbox"
            message={describeError(query.error)}
            onRetry={() => void query.refetch()}
          />
        </Card>
      ) : query.data.items.length === 0 ? (
        <Card>
          <EmptyState
            icon={<MailIcon />}
            title="No e-mails yet"
            description="Create an account or ask for a password reset, and the message shows up here."
            action={
              <Button asChild variant="primary">
                <Link to="/sign-up">Create an account</Link>
              </Button>
            }
          />
        </Card>
      ) : (
        <div className={clsx('mailbox', selected && 'mailbox--reading')}>
          <ul className="mailbox__list" aria-label={`Messages, ${query.data.total} in total`}>
            {query.data.items.map((message) => (
              <li key={message.id}>
                <Link
                  to={`?id=${encodeURIComponent(message.id)}`}
                  className="mailbox__item"
                  aria-current={message.id === selectedId ? 'true' : undefined}
                >
                  <span className="mailbox__subject">{message.subject}</span>
                  <span className="mailbox__meta">
                    To {message.to} · <time dateTime={message.createdAt}>{formatDateTime(message.createdAt)}</time>
                  </span>
                </Link>
              </li>
            ))}
          </ul>
          {selected ? (
            <MessageView message={selected} />
          ) : (
            <div className="mailbox__placeholder text-muted">
              {selectedId ? 'That message is no longer in the list.' : 'Choose a message to read it.'}
            </div>
          )}
        </div>
      )}
    </div>
  );
}

function MessageView({ message }: { message: MailboxMessage }) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), [message.id]);
  return (
    <article className="mailbox__reader" aria-labelledby={`mail-${message.id}`}>
      <Link to="." className="mailbox__back">
        ← All messages
      </Link>
      <h2 id={`mail-${message.id}`} ref={headingRef} tabIndex={-1} className="mailbox__reader-subject">
        {message.subject}
      </h2>
      <dl className="mailbox__headers">
        <dt>To</dt>
        <dd>{message.to}</dd>
        <dt>Created</dt>
        <dd>{formatDateTime(message.createdAt)}</dd>
        <dt>Status</dt>
        <dd>
          <StatusChip tone={message.status === 'sent' ? 'success' : message.status === 'failed' ? 'danger' : 'neutral'}>
            {message.status}
          </StatusChip>
        </dd>
      </dl>
      <pre className="mailbox__body">{linkify(message.text)}</pre>
      {message.calendar && (
        <p>
          <a
            href={`data:text/calendar;charset=utf-8,${encodeURIComponent(message.calendar.content)}`}
            download="invite.ics"
          >
            Download invite.ics ({message.calendar.method === 'CANCEL' ? 'cancellation' : 'invitation'})
          </a>
        </p>
      )}
    </article>
  );
}
