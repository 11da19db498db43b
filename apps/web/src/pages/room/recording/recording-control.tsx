import type { RoomRecordingState } from '@interviewselect/contracts';
import { Alert } from '../../../ui/alert';
import { Button } from '../../../ui/button';
import type { RecorderState } from './room-recorder';

export interface RecordingControlProps {
  /** Whether this person may record now (an interviewer, the interview allows it and is live). */
  canRecord: boolean;
  /** The room's indicator: a recording in progress, possibly started in another tab or by a co-interviewer. */
  roomRecording: RoomRecordingState;
  state: RecorderState;
  onStart: () => void;
  onStop: () => void;
}

function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** Record / Stop for interviewers, with the upload's progress, retries and errors. */
export function RecordingControl({ canRecord, roomRecording, state, onStart, onStop }: RecordingControlProps) {
  const mine = state.recordingId !== null;
  const elsewhere = roomRecording !== null && roomRecording.recordingId !== state.recordingId;
  if (!canRecord && !mine) return null;
  const { progress } = state;
  return (
    <section className="recording-control" aria-label="Recording">
      <div className="recording-control__row">
        {mine ? (
          <Button
            size="sm"
            variant="danger"
            onClick={onStop}
            isLoading={state.phase === 'stopping'}
            aria-describedby="recording-control-status"
          >
            {state.phase === 'error' ? 'Try stopping again' : 'Stop recording'}
          </Button>
        ) : (
          <Button
            size="sm"
            variant="secondary"
            onClick={onStart}
            isLoading={state.phase === 'starting'}
            disabled={elsewhere}
            aria-describedby="recording-control-status"
          >
            Record
          </Button>
        )}
        <p id="recording-control-status" className="recording-control__status" role="status">
          {mine && state.phase !== 'error'
            ? `${state.phase === 'stopping' ? 'Finishing upload' : 'Recording'} · ${progress.uploaded} of ${progress.produced} parts uploaded (${megabytes(progress.bytesUploaded)})`
            : elsewhere
              ? 'Being recorded from another tab or by a co-interviewer.'
              : 'Everyone in the room sees when you record.'}
        </p>
      </div>
      {progress.retrying && mine ? (
        <Alert tone="warning" title={`Part ${progress.retrying.seq + 1} did not upload; retrying`} role="status">
          Attempt {progress.retrying.attempt} failed ({progress.retrying.message}). Nothing is lost: the parts wait here
          until the connection is back.
        </Alert>
      ) : null}
      {state.phase === 'error' && state.error ? (
        <Alert tone="danger" title="Recording problem">
          {state.error}
        </Alert>
      ) : null}
    </section>
  );
}
