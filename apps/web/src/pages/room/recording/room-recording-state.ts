import { ROOM_META_RECORDING, RoomRecordingStateSchema, type RoomRecordingState } from '@interviewselect/contracts';
import type * as Y from 'yjs';

/** The room's recording indicator (meta.recording, written by the server): the recording in progress, or null. */
export function readRoomRecording(meta: Y.Map<unknown>): RoomRecordingState {
  const parsed = RoomRecordingStateSchema.safeParse(meta.get(ROOM_META_RECORDING) ?? null);
  return parsed.success ? parsed.data : null;
}
