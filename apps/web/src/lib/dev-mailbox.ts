import { MailboxPageSchema } from '@interviewselect/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiGet } from './api';

export const MAILBOX_PAGE_SIZE = 50;

export const mailboxQuery = (offset = 0) =>
  queryOptions({
    queryKey: ['dev', 'mailbox', offset],
    queryFn: ({ signal }) =>
      apiGet(`/api/v1/dev/mailbox?limit=${MAILBOX_PAGE_SIZE}&offset=${offset}`, MailboxPageSchema, { signal }),
  });

/** The dev mailbox exists only in embedded dev mode; anywhere else the server answers 404. */
export function useHasDevMailbox(): boolean {
  const query = useQuery({
    queryKey: ['dev', 'mailbox', 'probe'],
    queryFn: ({ signal }) => apiGet('/api/v1/dev/mailbox?limit=1', MailboxPageSchema, { signal }),
    staleTime: Infinity,
    retry: false,
  });
  return query.isSuccess;
}
