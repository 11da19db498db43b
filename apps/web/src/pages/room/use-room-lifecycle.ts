import { INTERVIEW_TRANSITIONS, type InterviewStatus } from '@interviewselect/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type * as Y from 'yjs';
import { describeError } from '../../lib/describe-error';
import { useToast } from '../../ui/toast';
import { roomApi, roomKeys } from './room-api';
import { ROOM_ORIGIN, roomTypes } from './room-doc';
import { ACTION_LABELS, type RoomAction } from './room-rules';
import { readTimer, timerUpdate } from './room-timer';

/**
 * Start / Pause / Resume / End: the transition goes to the REST API (which
 * tells every socket); then this interviewer's browser moves the shared
 * timer, so everyone's countdown starts, stops and freezes together.
 */
export function useRoomLifecycle(opts: {
  interviewId: string;
  durationMinutes: number;
  doc: Y.Doc | null;
  onStatus: (status: InterviewStatus) => void;
}) {
  const queryClient = useQueryClient();
  const { toast } = useToast();
  const mutation = useMutation({
    mutationFn: (action: RoomAction) => roomApi.transition(opts.interviewId, action),
    onSuccess: (status, action) => {
      opts.onStatus(status ?? INTERVIEW_TRANSITIONS[action].to);
      const doc = opts.doc;
      if (doc) {
        const { timer } = roomTypes(doc);
        const change = timerUpdate(action, readTimer(timer.toJSON()), Date.now(), opts.durationMinutes * 60_000);
        doc.transact(() => {
          for (const [key, value] of Object.entries(change)) timer.set(key, value);
        }, ROOM_ORIGIN);
      }
      void queryClient.invalidateQueries({ queryKey: roomKeys.info(opts.interviewId) });
    },
    onError: (error, action) => {
      toast({
        tone: 'error',
        title: `Couldn't ${ACTION_LABELS[action].toLowerCase()} the interview`,
        description: describeError(error),
      });
    },
  });
  return {
    perform: (action: RoomAction) => mutation.mutate(action),
    pendingAction: mutation.isPending ? mutation.variables : null,
  };
}
