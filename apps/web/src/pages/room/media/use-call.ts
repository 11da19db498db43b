import {
  IceServersResponseSchema,
  type InterviewStatus,
  type MediaServerMessage,
  type RoomServerMessage,
} from '@interviewselect/contracts';
import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import type { Awareness } from 'y-protocols/awareness';
import { apiGet } from '../../../lib/api';
import type { ConnectionStatus, RoomConnectionStore, RoomSession } from '../room-connection';
import { CallController, type CallSelf, type CallState } from './call-controller';
import { publishCallStreams } from './call-streams';

export interface UseCallOptions {
  interviewId: string;
  self: CallSelf;
  session: RoomSession;
  store: RoomConnectionStore;
  socketStatus: ConnectionStatus;
  status: InterviewStatus;
  /** Participant ids connected to the room now (presence). */
  onlineIds: ReadonlySet<string>;
}

function isMediaMessage(message: RoomServerMessage): message is MediaServerMessage {
  return message.type.startsWith('media.');
}

/** The room's call: one controller per room session, wired to the socket, presence and the room's status. */
export function useCall(options: UseCallOptions): { call: CallState; controller: CallController } {
  const { interviewId, self, session, store, socketStatus, status, onlineIds } = options;
  const [controller] = useState(
    () =>
      new CallController({
        self,
        send: (message) => session.send(message),
        fetchIceServers: async () => {
          const body = await apiGet(`/api/v1/interviews/${interviewId}/media/ice-servers`, IceServersResponseSchema);
          return { iceServers: body.iceServers, publishes: body.publishes };
        },
      }),
  );
  const call = useSyncExternalStore(controller.subscribe, controller.getSnapshot);

  useEffect(
    () => store.onMessage((message) => isMediaMessage(message) && controller.handle(message)),
    [store, controller],
  );
  useEffect(() => publishCallStreams(controller), [controller]);
  useEffect(() => () => controller.leave(), [controller]);
  useEffect(() => {
    const leave = () => controller.leave();
    window.addEventListener('pagehide', leave);
    return () => window.removeEventListener('pagehide', leave);
  }, [controller]);

  // The call ends with the interview.
  useEffect(() => {
    if (status === 'ended' || status === 'cancelled') controller.hangUp();
  }, [status, controller]);

  // Back after a socket drop: signalling may have been lost, so every link starts over.
  const wasConnected = useRef(socketStatus === 'connected');
  useEffect(() => {
    if (socketStatus === 'connected' && !wasConnected.current) controller.rejoin();
    wasConnected.current = socketStatus === 'connected';
  }, [socketStatus, controller]);

  useEffect(() => {
    if (call.phase === 'joined') controller.keepOnly(onlineIds);
  }, [onlineIds, call.phase, controller]);

  usePublishMediaState(session.awareness, call);
  return { call, controller };
}

/** Shows the others whether this member's microphone, camera and screen are on (the awareness `media` field). */
function usePublishMediaState(awareness: Awareness, call: CallState): void {
  const inCall = call.phase === 'joined' && call.publishes;
  const audio = inCall && call.isMicOn;
  const video = inCall && call.isCameraOn;
  const screen = inCall && call.isSharingScreen;
  useEffect(() => {
    awareness.setLocalStateField('media', { audio, video, screen });
  }, [awareness, audio, video, screen]);
}
