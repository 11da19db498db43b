import type { ProblemDetail } from '@interviewselect/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { describeError } from '../../lib/describe-error';
import { downloadBlob } from '../../lib/download-blob';
import { questionKeys, questionsApi } from '../../lib/questions-api';
import { Button } from '../../ui/button';
import { Dialog, DialogContent, DialogTrigger } from '../../ui/dialog';
import { useToast } from '../../ui/toast';
import { useActiveOrg } from './use-active-org';

/** Saves the export as <slug>.json, byte for byte what the server sent (pretty-printed). */
function download(fileName: string, body: unknown) {
  downloadBlob(new Blob([`${JSON.stringify(body, null, 2)}\n`], { type: 'application/json' }), fileName);
}

export interface ProblemActionsProps {
  problem: ProblemDetail;
  onPublished: (verificationId: string) => void;
  isVerifying: boolean;
}

/** Edit · Publish · Duplicate into my organisation · Export · Archive, as the caller's rights allow. */
export function ProblemActions({ problem, onPublished, isVerifying }: ProblemActionsProps) {
  const org = useActiveOrg();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const { toast } = useToast();
  const fail = (title: string) => (error: unknown) =>
    toast({ title, description: describeError(error), tone: 'error' });
  const refresh = () => queryClient.invalidateQueries({ queryKey: questionKeys.all });

  const publish = useMutation({
    mutationFn: () => questionsApi.publish(problem.id),
    onSuccess: (result) => onPublished(result.verificationId),
    onError: fail("Couldn't start publishing"),
  });
  const duplicate = useMutation({
    mutationFn: (orgId: string) => questionsApi.duplicate(problem.id, orgId),
    onSuccess: (copy) => {
      void refresh();
      toast({ title: 'Copied into your organisation', description: copy.title, tone: 'success' });
      void navigate(`/questions/${copy.id}`);
    },
    onError: fail("Couldn't duplicate the problem"),
  });
  const exportPackage = useMutation({
    mutationFn: () => questionsApi.exportPackage(problem.id),
    onSuccess: (pkg) => download(`${problem.slug}.json`, pkg),
    onError: fail("Couldn't export the problem"),
  });
  const hasUnpublished = problem.draft !== null || problem.status === 'draft';

  return (
    <>
      {problem.can.edit ? (
        <Button asChild>
          <Link to={`/questions/${problem.id}/edit`}>Edit</Link>
        </Button>
      ) : null}
      {problem.can.duplicate && problem.owner.kind === 'public' && org?.canAuthor ? (
        <Button isLoading={duplicate.isPending} onClick={() => duplicate.mutate(org.orgId)}>
          Duplicate into {org.orgName}
        </Button>
      ) : null}
      <Button isLoading={exportPackage.isPending} onClick={() => exportPackage.mutate()}>
        Export
      </Button>
      {problem.can.archive && problem.status !== 'archived' ? (
        <ArchiveButton problemId={problem.id} title={problem.title} onDone={refresh} />
      ) : null}
      {problem.can.publish && hasUnpublished ? (
        <Button variant="primary" isLoading={publish.isPending || isVerifying} onClick={() => publish.mutate()}>
          {isVerifying ? 'Verifying…' : 'Publish'}
        </Button>
      ) : null}
    </>
  );
}

function ArchiveButton({ problemId, title, onDone }: { problemId: string; title: string; onDone: () => unknown }) {
  const [isOpen, setIsOpen] = useState(false);
  const { toast } = useToast();
  const archive = useMutation({
    mutationFn: () => questionsApi.archive(problemId),
    onSuccess: () => {
      setIsOpen(false);
      void onDone();
      toast({ title: 'Problem archived', description: title, tone: 'success' });
    },
    onError: (error) => toast({ title: "Couldn't archive", description: describeError(error), tone: 'error' }),
  });
  return (
    <Dialog open={isOpen} onOpenChange={setIsOpen}>
      <DialogTrigger asChild>
        <Button variant="ghost">Archive</Button>
      </DialogTrigger>
      <DialogContent
        title="Archive this problem?"
        description="It leaves the library and can't be picked for new interviews. Interviews that used it keep their version."
        footer={
          <>
            <Button onClick={() => setIsOpen(false)}>Cancel</Button>
            <Button variant="danger" isLoading={archive.isPending} onClick={() => archive.mutate()}>
              Archive
            </Button>
          </>
        }
      />
    </Dialog>
  );
}
