import { useCallback, useEffect, useRef, useState } from 'react';
import { IDLE, RoomRecorder, type RecorderState } from './room-recorder';
import type { StreamSource } from './stream-mixer';

/** This tab's recorder for the room; stopped when the room unmounts. */
export function useRoomRecorder(interviewId: string, source: StreamSource, selfLabel: string) {
  const [state, setState] = useState<RecorderState>(IDLE);
  const sourceRef = useRef(source);
  useEffect(() => {
    sourceRef.current = source;
  }, [source]);
  const recorder = useRef<RoomRecorder | null>(null);

  useEffect(() => {
    const created = new RoomRecorder(interviewId, () => sourceRef.current(), selfLabel, setState);
    recorder.current = created;
    return () => {
      created.dispose();
      recorder.current = null;
    };
  }, [interviewId, selfLabel]);

  const start = useCallback(() => void recorder.current?.start(), []);
  const stop = useCallback(() => void recorder.current?.stop(), []);
  return { state, start, stop };
}
