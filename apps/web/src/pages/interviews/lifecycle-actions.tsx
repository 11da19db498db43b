import {
  INTERVIEW_ACTIONS,
  InterviewTransitionInputSchema,
  type Interview,
  type InterviewAction,
} from '@interviewselect/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { describeError } from '../../lib/describe-error';
import { viewerTimeZone } from '../../lib/format-date';
import { interviewKeys, interviewsApi } from '../../lib/interviews-api';
import { alternativesOf } from '../../lib/slot-conflict';
import { Button, type ButtonVariant } from '../../ui/button';
import { Dialog, DialogClose, DialogContent } from '../../ui/dialog';
import { useToast } from '../../ui/toast';
import { formatSlot } from '../scheduling/slot-days';
import { ACTION_LABELS, STATUS_LABELS } from './interview-status';
import { TextAreaField } from './textarea-field';

/** Actions that ask first: ending and cancelling cannot be undone. */
const CONFIRMED: ReadonlySet<InterviewAction> = new Set(['end', 'cancel']);

const VARIANTS: Record<InterviewAction, ButtonVariant> = {
  schedule: 'primary',
  start: 'primary',
  pause: 'secondary',
  resume: 'primary',
  end: 'danger',
  cancel: 'ghost',
};

const DONE: Record<InterviewAction, string> = {
  schedule: 'Interview scheduled',
  start: 'Interview started',
  pause: 'Interview paused',
  resume: 'Interview resumed',
  end: 'Interview ended',
  cancel: 'Interview cancelled',
};

/** Alternatives named in a refusal to schedule (the Schedule page offers them all). */
const SHOWN_ALTERNATIVES = 3;

/** Why a transition failed; a clash names the first free times in the viewer's zone. */
function failureText(error: unknown, timeZone: string = viewerTimeZone()): string {
  const free = alternativesOf(error).slice(0, SHOWN_ALTERNATIVES);
  if (free.length === 0) return describeError(error);
  return `${describeError(error)} Free then: ${free.map((slot) => formatSlot(slot, timeZone)).join('; ')}.`;
}

/** The lifecycle buttons the caller may press now (the server says which in `can.actions`). */
export function LifecycleActions({ interview }: { interview: Interview }) {
  const queryClient = useQueryClient();
  const { toast } = useToast();
  const [confirming, setConfirming] = useState<InterviewAction | null>(null);
  const [reason, setReason] = useState('');
  const transition = useMutation({
    mutationFn: (input: { action: InterviewAction; reason?: string }) => interviewsApi.transition(interview.id, input),
    onSuccess: (updated, { action }) => {
      setConfirming(null);
      setReason('');
      queryClient.setQueryData(interviewKeys.detail(updated.id), updated);
      void queryClient.invalidateQueries({ queryKey: interviewKeys.lists });
      toast({ title: DONE[action], description: `Status: ${STATUS_LABELS[updated.status]}.`, tone: 'success' });
    },
    onError: (error) =>
      toast({ title: "Couldn't change the interview's status", description: failureText(error), tone: 'error' }),
  });
  const actions = INTERVIEW_ACTIONS.filter((a) => interview.can.actions.includes(a));
  if (actions.length === 0) return null;
  const reasonCheck = InterviewTransitionInputSchema.shape.reason.safeParse(reason);
  const reasonError = reasonCheck.success ? undefined : reasonCheck.error.issues[0]?.message;

  function press(action: InterviewAction) {
    if (CONFIRMED.has(action)) setConfirming(action);
    else transition.mutate({ action });
  }

  return (
    <>
      {actions.map((action) => (
        <Button
          key={action}
          variant={VARIANTS[action]}
          isLoading={transition.isPending && transition.variables.action === action && confirming === null}
          disabled={transition.isPending}
          onClick={() => press(action)}
        >
          {ACTION_LABELS[action]}
        </Button>
      ))}
      <Dialog open={confirming !== null} onOpenChange={(open) => (open ? undefined : setConfirming(null))}>
        {confirming === 'end' ? (
          <DialogContent
            title="End the interview?"
            description="Everyone leaves the live room; the candidate can no longer type. The replay and scorecards stay available."
            footer={
              <>
                <DialogClose asChild>
                  <Button>Keep going</Button>
                </DialogClose>
                <Button
                  variant="danger"
                  isLoading={transition.isPending}
                  onClick={() => transition.mutate({ action: 'end' })}
                >
                  End interview
                </Button>
              </>
            }
          />
        ) : confirming === 'cancel' ? (
          <DialogContent
            title="Cancel the interview?"
            description="Its invite links stop working and it can't be started again."
            footer={
              <>
                <DialogClose asChild>
                  <Button>Keep the interview</Button>
                </DialogClose>
                <Button
                  variant="danger"
                  isLoading={transition.isPending}
                  disabled={reasonError !== undefined}
                  onClick={() => transition.mutate({ action: 'cancel', reason: reason.trim() || undefined })}
                >
                  Cancel interview
                </Button>
              </>
            }
          >
            <TextAreaField
              label="Reason"
              hint="Optional. Kept in the interview's history."
              value={reason}
              rows={3}
              maxLength={500}
              error={reasonError}
              onChange={(e) => setReason(e.target.value)}
            />
          </DialogContent>
        ) : null}
      </Dialog>
    </>
  );
}
