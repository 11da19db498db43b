import type { RoomRecordingState } from '@interviewselect/contracts';
import { getCallStreams } from '../media/call-streams';
import { RecordingControl } from './recording-control';
import type { StreamSource } from './stream-mixer';
import { useRoomRecorder } from './use-room-recorder';
import './recording.css';

/** The call's streams as the recorder mixes them (camera tiles and screen shares, labelled as in the room). */
const callSource: StreamSource = () => getCallStreams();

export interface RoomRecordingProps {
  interviewId: string;
  selfLabel: string;
  canRecord: boolean;
  roomRecording: RoomRecordingState;
}

/** The room's recorder: this tab mixes and uploads; the server tells everyone through the indicator. */
export function RoomRecording({ interviewId, selfLabel, canRecord, roomRecording }: RoomRecordingProps) {
  const { state, start, stop } = useRoomRecorder(interviewId, callSource, selfLabel);
  return (
    <RecordingControl canRecord={canRecord} roomRecording={roomRecording} state={state} onStart={start} onStop={stop} />
  );
}
