import { ROOM_ROLES, type Interview, type InterviewLink, type RoomRole } from '@interviewselect/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { describeError } from '../../lib/describe-error';
import { interviewKeys, interviewsApi } from '../../lib/interviews-api';
import { Button } from '../../ui/button';
import { Card } from '../../ui/card';
import { Dialog, DialogClose, DialogContent } from '../../ui/dialog';
import { ErrorState } from '../../ui/error-state';
import { Skeleton } from '../../ui/skeleton';
import { useToast } from '../../ui/toast';
import { ROLE_LABELS } from './interview-status';
import { LinkPanel } from './link-panel';
import { currentLinks } from './link-state';

/** Invite links, one per role: create or regenerate (the old one stops working), copy once, revoke. */
export function InviteLinksSection({ interview }: { interview: Interview }) {
  const queryClient = useQueryClient();
  const { toast } = useToast();
  /** Full URLs are returned only when created: kept here until the page is left, never stored. */
  const [freshUrls, setFreshUrls] = useState<Partial<Record<RoomRole, string>>>({});
  const [toRevoke, setToRevoke] = useState<InterviewLink | null>(null);
  const links = useQuery({
    queryKey: interviewKeys.links(interview.id),
    queryFn: ({ signal }) => interviewsApi.links(interview.id, signal),
  });
  const revoke = useMutation({
    mutationFn: (link: InterviewLink) => interviewsApi.revokeLink(interview.id, link.id),
    onSuccess: (link) => {
      setToRevoke(null);
      setFreshUrls((urls) => ({ ...urls, [link.role]: undefined }));
      toast({
        title: `${ROLE_LABELS[link.role]} link revoked`,
        description: 'It no longer opens the room.',
        tone: 'success',
      });
      void queryClient.invalidateQueries({ queryKey: interviewKeys.links(interview.id) });
    },
    onError: (error) => toast({ title: "Couldn't revoke the link", description: describeError(error), tone: 'error' }),
  });

  const byRole = links.data ? currentLinks(links.data) : null;
  return (
    <Card title="Invite links" headingLevel={2}>
      <div className="interviews-stack">
        <p className="text-muted">
          Each role has one link. Anyone with it can join in that role, so send it only to the person it is for.
          Creating a new one makes the old one stop working.
        </p>
        {links.isPending ? (
          <div aria-busy="true" className="interviews-links">
            <span className="visually-hidden" role="status">
              Loading links…
            </span>
            <Skeleton shape="block" height="9rem" />
            <Skeleton shape="block" height="9rem" />
            <Skeleton shape="block" height="9rem" />
          </div>
        ) : links.isError || !byRole ? (
          <ErrorState
            title="Couldn't load the invite links"
            message={describeError(links.error)}
            onRetry={() => void links.refetch()}
            isRetrying={links.isFetching}
          />
        ) : (
          <div className="interviews-links">
            {ROOM_ROLES.map((role) => (
              <LinkPanel
                key={role}
                interview={interview}
                role={role}
                link={byRole[role]}
                freshUrl={freshUrls[role]}
                onCreated={(link) => {
                  setFreshUrls((urls) => ({ ...urls, [role]: link.url }));
                  void queryClient.invalidateQueries({ queryKey: interviewKeys.links(interview.id) });
                }}
                onRevoke={setToRevoke}
              />
            ))}
          </div>
        )}
      </div>
      <Dialog open={toRevoke !== null} onOpenChange={(open) => (open ? undefined : setToRevoke(null))}>
        {toRevoke ? (
          <DialogContent
            title={`Revoke the ${ROLE_LABELS[toRevoke.role].toLowerCase()} link?`}
            description="Whoever has it can no longer use it to join. People already in the room stay in."
            footer={
              <>
                <DialogClose asChild>
                  <Button>Keep the link</Button>
                </DialogClose>
                <Button variant="danger" isLoading={revoke.isPending} onClick={() => revoke.mutate(toRevoke)}>
                  Revoke link
                </Button>
              </>
            }
          />
        ) : null}
      </Dialog>
    </Card>
  );
}
