import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { describeError } from '../../lib/describe-error';
import { Alert } from '../../ui/alert';
import { Button } from '../../ui/button';
import { Dialog, DialogClose, DialogContent } from '../../ui/dialog';
import { TextField } from '../../ui/text-field';
import { useToast } from '../../ui/toast';
import { schedulingApi } from './scheduling-api';

/** Cancels the interview (with a reason, kept in its history) and frees every interviewer. */
export function CancelBookingButton({ interviewId, onCancelled }: { interviewId: string; onCancelled: () => void }) {
  const { toast } = useToast();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const cancel = useMutation({
    mutationFn: () => schedulingApi.cancel(interviewId, reason.trim()),
    onSuccess: () => {
      setOpen(false);
      toast({ title: 'Interview cancelled', tone: 'success' });
      onCancelled();
    },
  });
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <Button variant="danger" onClick={() => setOpen(true)}>
        Cancel interview
      </Button>
      {open ? (
        <DialogContent
          title="Cancel this interview?"
          description="Every interviewer's time is freed. The reason is kept in the interview's history."
          footer={
            <>
              <DialogClose asChild>
                <Button>Keep it</Button>
              </DialogClose>
              <Button
                variant="danger"
                isLoading={cancel.isPending}
                disabled={reason.trim() === ''}
                onClick={() => cancel.mutate()}
              >
                Cancel interview
              </Button>
            </>
          }
        >
          {cancel.isError ? <Alert title="Not cancelled">{describeError(cancel.error)}</Alert> : null}
          <TextField
            label="Reason"
            required
            value={reason}
            maxLength={500}
            onChange={(e) => setReason(e.target.value)}
          />
        </DialogContent>
      ) : null}
    </Dialog>
  );
}
