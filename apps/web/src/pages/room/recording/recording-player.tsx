import type { Recording } from '@interviewselect/contracts';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { describeError } from '../../../lib/describe-error';
import { recordingsApi, recordingsQuery } from '../../../lib/recordings-api';
import { Alert } from '../../../ui/alert';
import { Button } from '../../../ui/button';
import { Skeleton } from '../../../ui/skeleton';
import './recording.css';

export interface RecordingPlayerProps {
  interviewId: string;
  /** The replay's moment (ms epoch): the video seeks there when it is inside a recording. */
  at?: number;
  /** Follow the replay's play/pause. */
  playing?: boolean;
  /** A smaller video (beside the replay's code). */
  compact?: boolean;
}

function label(r: Recording, i: number): string {
  const minutes = r.durationMs === null ? '' : ` (${Math.round(r.durationMs / 60_000)} min)`;
  return `Recording ${i + 1}${minutes}`;
}

/** The recording that covers `at`, else the first playable one. */
function covering(ready: Recording[], at: number | undefined): Recording | null {
  if (at !== undefined) {
    const found = ready.find((r) => {
      const start = Date.parse(r.startedAt);
      return at >= start && at <= start + (r.durationMs ?? 0);
    });
    if (found) return found;
  }
  return ready[0] ?? null;
}

/**
 * The interview's recordings in a <video> (seekable: the server answers
 * byte ranges) through short-lived signed URLs, fetched again when one
 * expires. Nothing is shown when the interview has no recording.
 */
export function RecordingPlayer({ interviewId, at, playing, compact = false }: RecordingPlayerProps) {
  const list = useQuery(recordingsQuery(interviewId));
  const [chosenId, setChosenId] = useState<string | null>(null);
  const items = list.data?.items ?? [];
  const ready = items.filter((r) => r.status === 'ready');
  const current = ready.find((r) => r.id === chosenId) ?? covering(ready, at);
  const playback = useQuery({
    queryKey: ['recordings', current?.id ?? '', 'playback'],
    queryFn: () => recordingsApi.playback(current?.id ?? ''),
    enabled: current !== null,
    staleTime: 5 * 60_000,
  });
  const video = useRef<HTMLVideoElement | null>(null);
  const resumeAt = useRef<number | null>(null);

  // Follow the replay: seek when its moment and the video's differ by more than a second or two.
  const offset = current && at !== undefined ? (at - Date.parse(current.startedAt)) / 1000 : null;
  useEffect(() => {
    const el = video.current;
    if (!el || offset === null) return;
    const duration = (current?.durationMs ?? 0) / 1000;
    if (offset < 0 || offset > duration) {
      el.pause();
      return;
    }
    if (Math.abs(el.currentTime - offset) > 1.5) el.currentTime = offset;
    if (playing === true && el.paused) void el.play().catch(() => undefined);
    if (playing === false && !el.paused) el.pause();
  }, [offset, playing, current?.durationMs]);

  if (list.isPending) return <Skeleton shape="block" height="12rem" />;
  if (list.isError) {
    return (
      <Alert title="Couldn't load the recordings">
        {describeError(list.error)}{' '}
        <Button size="sm" variant="ghost" onClick={() => void list.refetch()}>
          Try again
        </Button>
      </Alert>
    );
  }
  if (items.length === 0) return null;
  const pending = items.filter((r) => r.status === 'processing' || r.status === 'recording');
  const failed = items.filter((r) => r.status === 'failed');
  return (
    <div className={compact ? 'recording-player recording-player--compact' : 'recording-player'}>
      {ready.length > 1 ? (
        <div className="recording-player__choices" role="group" aria-label="Recordings">
          {ready.map((r, i) => (
            <Button
              key={r.id}
              size="sm"
              variant={r.id === current?.id ? 'primary' : 'secondary'}
              aria-pressed={r.id === current?.id}
              onClick={() => setChosenId(r.id)}
            >
              {label(r, i)}
            </Button>
          ))}
        </div>
      ) : null}
      {current && playback.data ? (
        <video
          key={current.id}
          ref={video}
          className="recording-player__video"
          src={playback.data.url}
          controls
          preload="metadata"
          aria-label={`Interview recording from ${new Date(current.startedAt).toLocaleTimeString()}`}
          onLoadedMetadata={(e) => {
            if (resumeAt.current !== null) e.currentTarget.currentTime = resumeAt.current;
            resumeAt.current = null;
          }}
          onError={(e) => {
            // The signed URL expired: ask for a new one and carry on where it stopped.
            resumeAt.current = e.currentTarget.currentTime;
            void playback.refetch();
          }}
        />
      ) : current && playback.isError ? (
        <Alert title="Couldn't open the recording">{describeError(playback.error)}</Alert>
      ) : current ? (
        <Skeleton shape="block" height="12rem" />
      ) : null}
      {pending.length > 0 ? (
        <p className="recording-control__status" role="status">
          {pending.length === 1 ? 'A recording is' : `${pending.length} recordings are`} still being processed.
        </p>
      ) : null}
      {failed.length > 0 ? (
        <Alert tone="warning" title="A recording could not be processed">
          {failed[0]?.error ?? 'The server could not assemble it.'}
        </Alert>
      ) : null}
    </div>
  );
}
