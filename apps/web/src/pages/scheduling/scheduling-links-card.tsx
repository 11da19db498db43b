import type { SchedulingLink } from '@interviewselect/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { describeError } from '../../lib/describe-error';
import { formatDateTime } from '../../lib/format-date';
import { Alert } from '../../ui/alert';
import { Badge } from '../../ui/badge';
import { Button } from '../../ui/button';
import { Card } from '../../ui/card';
import { ErrorState } from '../../ui/error-state';
import { Skeleton } from '../../ui/skeleton';
import { TextField } from '../../ui/text-field';
import { useToast } from '../../ui/toast';
import { schedulingApi, schedulingKeys } from './scheduling-api';

const DAY = 86_400_000;
const dateInput = (d: Date) => d.toISOString().slice(0, 10);

/** Self-scheduling links: the candidate picks a slot of the panel in a window. The URL is shown once. */
export function SchedulingLinksCard({ interviewId }: { interviewId: string }) {
  const queryClient = useQueryClient();
  const { toast } = useToast();
  const [from, setFrom] = useState(() => dateInput(new Date()));
  const [to, setTo] = useState(() => dateInput(new Date(Date.now() + 14 * DAY)));
  const [freshUrl, setFreshUrl] = useState<string | null>(null);
  const links = useQuery({
    queryKey: schedulingKeys.links(interviewId),
    queryFn: ({ signal }) => schedulingApi.links(interviewId, signal),
  });
  const invalidate = () => void queryClient.invalidateQueries({ queryKey: schedulingKeys.links(interviewId) });
  const create = useMutation({
    mutationFn: () =>
      schedulingApi.createLink(interviewId, {
        // Whole local days: from the start of the first to the end of the last.
        windowStart: new Date(`${from}T00:00`).toISOString(),
        windowEnd: new Date(new Date(`${to}T00:00`).getTime() + DAY).toISOString(),
      }),
    onSuccess: (link) => {
      setFreshUrl(link.url ?? null);
      invalidate();
    },
  });
  const revoke = useMutation({
    mutationFn: (link: SchedulingLink) => schedulingApi.revokeLink(interviewId, link.id),
    onSuccess: () => {
      toast({ title: 'Scheduling link revoked', description: 'It no longer opens.', tone: 'success' });
      invalidate();
    },
    onError: (error) => toast({ title: "Couldn't revoke the link", description: describeError(error), tone: 'error' }),
  });

  return (
    <Card title="Let the candidate pick">
      <div className="interviews-stack">
        <p className="text-muted">
          A link shows the candidate the panel&rsquo;s free times in the window, in their own time zone. Anyone with it
          can book, so send it only to the candidate.
        </p>
        <form
          className="scheduling-toolbar"
          onSubmit={(e) => {
            e.preventDefault();
            create.mutate();
          }}
        >
          <TextField label="From" type="date" value={from} onChange={(e) => setFrom(e.target.value)} required />
          <TextField label="Until" type="date" value={to} onChange={(e) => setTo(e.target.value)} required />
          <Button type="submit" isLoading={create.isPending}>
            Create scheduling link
          </Button>
        </form>
        {create.isError ? <Alert title="No link created">{describeError(create.error)}</Alert> : null}
        {freshUrl ? (
          <Alert tone="info" title="Copy the link now: it is shown only once" role="status">
            <p>
              <code className="scheduling-url" data-testid="scheduling-link-url">
                {freshUrl}
              </code>
            </p>
            <Button
              size="sm"
              onClick={() =>
                void navigator.clipboard.writeText(freshUrl).then(
                  () => toast({ title: 'Link copied', tone: 'success' }),
                  () => toast({ title: "Couldn't copy", description: 'Select the link and copy it.', tone: 'error' }),
                )
              }
            >
              Copy link
            </Button>
          </Alert>
        ) : null}
        {links.isPending ? (
          <Skeleton shape="block" height="4rem" />
        ) : links.isError ? (
          <ErrorState
            title="Couldn't load the links"
            message={describeError(links.error)}
            onRetry={() => void links.refetch()}
          />
        ) : links.data.length === 0 ? null : (
          <ul className="scheduling-history" aria-label="Scheduling links">
            {links.data.map((link) => (
              <li key={link.id} className="scheduling-range">
                <Badge tone={link.active ? 'success' : 'neutral'}>{link.active ? 'Active' : 'Inactive'}</Badge>
                <span>
                  {formatDateTime(link.windowStart)} – {formatDateTime(link.windowEnd)}; expires{' '}
                  {formatDateTime(link.expiresAt)}
                </span>
                {link.active ? (
                  <Button
                    size="sm"
                    variant="ghost"
                    isLoading={revoke.isPending && revoke.variables.id === link.id}
                    onClick={() => revoke.mutate(link)}
                  >
                    Revoke
                  </Button>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </div>
    </Card>
  );
}
