import type { Hocuspocus } from '@hocuspocus/server';
import { ROOM_KEYS, ROOM_META_RECORDING, roomDocumentName, type RoomRecordingState } from '@interviewselect/contracts';
import { ANONYMOUS } from '../auth/principal.js';
import type { RoomContext } from '../rooms/room-context.js';

/** Tells a room whether it is being recorded. */
export interface RoomRecordingPort {
  publish(interviewId: string, state: RoomRecordingState): Promise<void>;
}

/**
 * Writes `meta.recording` of the room document as the server (through a
 * direct connection, so it works whether or not anyone is connected to this
 * node; Redis carries it to the others). Every participant's top bar shows
 * the recording indicator from it.
 */
export function roomRecordingPublisher(hocuspocus: Hocuspocus<RoomContext>): RoomRecordingPort {
  const serverContext: RoomContext = { principal: ANONYMOUS, actor: null };
  return {
    async publish(interviewId, state) {
      const direct = await hocuspocus.openDirectConnection(roomDocumentName(interviewId), serverContext);
      try {
        await direct.transact((doc) => doc.getMap(ROOM_KEYS.meta).set(ROOM_META_RECORDING, state));
      } finally {
        await direct.disconnect();
      }
    },
  };
}
