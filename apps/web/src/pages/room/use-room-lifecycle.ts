import { INTERVIEW_TRANSITIONS, type InterviewStatus } from '@interviewselect/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { describeError } from '../../lib/describe-error';
import { useToast } from '../../ui/toast';
import { roomApi, roomKeys } from './room-api';
import { ACTION_LABELS, type RoomAction } from './room-rules';

/**
 * Start / Pause / Resume / End: the transition goes to the REST API, which
 * tells every socket; the room info each browser then reloads carries the
 * countdown in the server's time (RoomInfo.clock), so everyone's timer
 * starts, stops and freezes together.
 */
export function useRoomLifecycle(opts: { interviewId: string; onStatus: (status: InterviewStatus) => void }) {
  const queryClient = useQueryClient();
  const { toast } = useToast();
  const mutation = useMutation({
    mutationFn: (action: RoomAction) => roomApi.transition(opts.interviewId, action),
    onSuccess: (status, action) => {
      opts.onStatus(status ?? INTERVIEW_TRANSITIONS[action].to);
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
