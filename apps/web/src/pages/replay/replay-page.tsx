import type { ReplayLog } from '@interviewselect/contracts';
import { useEffect, useMemo, useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../lib/api';
import { describeError } from '../../lib/describe-error';
import { Button } from '../../ui/button';
import { CodeBlock } from '../../ui/code-highlight';
import { ErrorState } from '../../ui/error-state';
import { PageHeader } from '../../ui/page-header';
import { readBoard } from '../room/whiteboard/board-elements';
import { CenterTabs } from '../room/whiteboard/center-tabs';
import { RecordingPlayer } from '../room/recording/recording-player';
import { fetchReplayLog, type ReplayLoadOptions } from './replay-api';
import {
  buildCheckpoints,
  countAt,
  decodeReplayUpdates,
  docAtCount,
  readView,
  ReplayCursor,
  type Checkpoints,
  type ReplayUpdates,
} from './replay-engine';
import { formatClock, replayMarkers, type ReplayMarker } from './replay-markers';
import '../../ui/markdown.css';
import './replay.css';

export const SPEEDS = [1, 2, 4, 8] as const;
/** Idle stretches longer than this are skipped during playback. */
const IDLE_SKIP_MS = 5000;

interface Loaded {
  log: ReplayLog;
  updates: ReplayUpdates;
  checkpoints: Checkpoints;
}

type LoadState =
  | { status: 'loading'; received: number; total: number | null }
  | { status: 'error'; error: unknown }
  | { status: 'ready'; loaded: Loaded };

/** Where the player's "back" link goes. */
interface BackLink {
  to: string;
  label: string;
}

/** /interviews/:interviewId/replay: the whole interview on a timeline, the editor re-typed at real speed or faster. */
export function ReplayPage({ fetchImpl }: { fetchImpl?: typeof fetch } = {}) {
  const { interviewId = '' } = useParams();
  return (
    <ReplayLoader
      key={interviewId}
      load={(opts) => fetchReplayLog(interviewId, { ...opts, ...(fetchImpl ? { fetch: fetchImpl } : {}) })}
      back={{ to: `/interviews/${interviewId}`, label: 'Back to the interview' }}
      recordingsOf={interviewId}
    />
  );
}

/** Downloads a replay log (with progress), builds the seek checkpoints, then shows the player. */
export function ReplayLoader({
  load,
  back,
  recordingsOf,
}: {
  load: (opts: Omit<ReplayLoadOptions, 'fetch'>) => Promise<ReplayLog>;
  back: BackLink | null;
  /** The interview whose recordings play beside the code (not on shared replays). */
  recordingsOf?: string;
}) {
  const [state, setState] = useState<LoadState>({ status: 'loading', received: 0, total: null });
  const [attempt, setAttempt] = useState(0);

  // The loader of the first render: a new source remounts the component (see the key above).
  const loadRef = useRef(load);
  useEffect(() => {
    const controller = new AbortController();
    loadRef
      .current({
        signal: controller.signal,
        onProgress: (received, total) => setState({ status: 'loading', received, total }),
      })
      .then((log) => {
        const updates = decodeReplayUpdates(log.updates);
        setState({ status: 'ready', loaded: { log, updates, checkpoints: buildCheckpoints(updates) } });
      })
      .catch((error: unknown) => {
        if (!controller.signal.aborted) setState({ status: 'error', error });
      });
    return () => controller.abort();
  }, [attempt]);

  if (state.status === 'loading') {
    const { received, total } = state;
    return (
      <div className="replay-loading" role="status">
        <p>Loading the interview’s log…</p>
        <progress aria-label="Log download" max={total ?? undefined} value={total ? received : undefined} />
        <p className="replay-muted">
          {Math.round(received / 1024)} KiB{total ? ` of ${Math.round(total / 1024)} KiB` : ''}
        </p>
      </div>
    );
  }
  if (state.status === 'error') {
    const status = state.error instanceof ApiError ? state.error.status : 0;
    const title =
      status === 403
        ? 'This replay is not yours to see'
        : status === 404
          ? 'Interview not found'
          : "Couldn't load the replay";
    const isFinal = status === 403 || status === 404;
    return (
      <ErrorState
        headingLevel={1}
        title={title}
        message={describeError(state.error)}
        {...(isFinal
          ? {}
          : {
              onRetry: () => {
                setState({ status: 'loading', received: 0, total: null });
                setAttempt((a) => a + 1);
              },
            })}
        actions={
          back ? (
            <Button asChild variant="ghost">
              <Link to={back.to}>{back.label}</Link>
            </Button>
          ) : null
        }
      />
    );
  }
  return <ReplayPlayer back={back} loaded={state.loaded} recordingsOf={recordingsOf} />;
}

function ReplayPlayer({
  back,
  loaded,
  recordingsOf,
}: {
  back: BackLink | null;
  loaded: Loaded;
  recordingsOf: string | undefined;
}) {
  const { log, updates, checkpoints } = loaded;
  const start = log.startedAt ? Date.parse(log.startedAt) : log.endedAt ? Date.parse(log.endedAt) : 0;
  const lastUpdate = updates.offsets[updates.offsets.length - 1] ?? 0;
  const duration = Math.max(lastUpdate, log.endedAt ? Date.parse(log.endedAt) - start : 0);

  const markers = useMemo(() => {
    const final = docAtCount(updates, checkpoints, updates.updates.length);
    const runs = readView(final).console;
    final.destroy();
    return replayMarkers(log, start, runs);
  }, [log, updates, checkpoints, start]);

  const [position, setPosition] = useState(duration);
  const [playing, setPlaying] = useState(false);
  const [speed, setSpeed] = useState<(typeof SPEEDS)[number]>(1);
  const cursor = useMemo(() => new ReplayCursor(updates, checkpoints), [updates, checkpoints]);
  useEffect(() => () => cursor.destroy(), [cursor]);

  const count = countAt(updates.offsets, position);
  const view = useMemo(() => readView(cursor.seek(count)), [cursor, count]);
  const board = useMemo(() => readBoard(cursor.seek(count)), [cursor, count]);
  const language = view.language ?? Object.keys(view.files)[0] ?? null;
  const code = language ? (view.files[language] ?? '') : '';

  // Playback: advance the clock by real time × speed each frame, skipping long idle stretches.
  const positionRef = useRef(position);
  useEffect(() => {
    positionRef.current = position;
  }, [position]);
  useEffect(() => {
    if (!playing) return;
    let frame = 0;
    let last = performance.now();
    const tick = (now: number) => {
      let next = positionRef.current + (now - last) * speed;
      last = now;
      const upcoming = updates.offsets[countAt(updates.offsets, next)];
      if (upcoming !== undefined && upcoming - next > IDLE_SKIP_MS) next = upcoming - 1000;
      if (next >= duration) {
        setPosition(duration);
        setPlaying(false);
        return;
      }
      positionRef.current = next;
      setPosition(next);
      frame = requestAnimationFrame(tick);
    };
    frame = requestAnimationFrame(tick);
    return () => cancelAnimationFrame(frame);
  }, [playing, speed, updates, duration]);

  const previous = [...markers].reverse().find((m) => m.offset < position - 500);
  const next = markers.find((m) => m.offset > position + 500);
  const seek = (offset: number) => setPosition(Math.max(0, Math.min(duration, offset)));

  return (
    <div className="replay-page">
      <PageHeader
        title="Replay"
        description={`${formatClock(duration)} · ${updates.updates.length.toLocaleString()} edits`}
        actions={
          back ? (
            <Button asChild variant="ghost">
              <Link to={back.to}>{back.label}</Link>
            </Button>
          ) : null
        }
      />
      <div className="replay-layout">
        <section className="replay-main" aria-label="Player">
          <CenterTabs
            idPrefix="replay-centre"
            board={{
              source: { kind: 'static', elements: board },
              title: 'replay',
              readOnlyReason: 'the board as it was',
            }}
            code={
              <div className="replay-editor">
                <div className="replay-editor-bar">
                  <span>{language ?? 'No code yet'}</span>
                  <span className="replay-muted">read-only</span>
                </div>
                {code ? (
                  <CodeBlock
                    code={code}
                    lang={language ?? 'text'}
                    label={`Code (${language ?? ''}) at ${formatClock(position)}`}
                  />
                ) : (
                  <p className="replay-empty">Nothing typed yet at this moment.</p>
                )}
              </div>
            }
          />
          {recordingsOf ? (
            <RecordingPlayer interviewId={recordingsOf} at={start + position} playing={playing} compact />
          ) : null}
          <div className="replay-controls">
            <div className="replay-scrubber">
              <input
                type="range"
                aria-label="Position in the interview"
                aria-valuetext={`${formatClock(position)} of ${formatClock(duration)}`}
                min={0}
                max={Math.max(1, Math.round(duration))}
                step={1000}
                value={Math.round(position)}
                onChange={(e) => seek(Number(e.target.value))}
              />
              <div className="replay-ticks" aria-hidden="true">
                {markers.map((m, i) => (
                  <span
                    key={i}
                    className={`replay-tick replay-tick-${m.kind}`}
                    style={{ left: `${duration > 0 ? (m.offset / duration) * 100 : 0}%` }}
                    title={m.title}
                  />
                ))}
              </div>
            </div>
            <div className="replay-buttons">
              <Button
                variant="secondary"
                onClick={() => previous && seek(previous.offset)}
                disabled={!previous}
                aria-label="Previous event"
              >
                ◀ Prev
              </Button>
              <Button
                onClick={() => {
                  if (!playing && position >= duration) setPosition(0);
                  setPlaying((p) => !p);
                }}
              >
                {playing ? 'Pause' : 'Play'}
              </Button>
              <Button
                variant="secondary"
                onClick={() => next && seek(next.offset)}
                disabled={!next}
                aria-label="Next event"
              >
                Next ▶
              </Button>
              <label className="replay-speed">
                Speed
                <select value={speed} onChange={(e) => setSpeed(Number(e.target.value) as (typeof SPEEDS)[number])}>
                  {SPEEDS.map((s) => (
                    <option key={s} value={s}>
                      {s}×
                    </option>
                  ))}
                </select>
              </label>
              <output className="replay-clock" aria-label="Current time">
                {formatClock(position)} / {formatClock(duration)}
              </output>
            </div>
          </div>
        </section>
        <EventList markers={markers} position={position} onSeek={seek} />
      </div>
    </div>
  );
}

function EventList({
  markers,
  position,
  onSeek,
}: {
  markers: ReplayMarker[];
  position: number;
  onSeek: (offset: number) => void;
}) {
  return (
    <aside className="replay-events" aria-label="Events">
      <h2>Events</h2>
      {markers.length === 0 ? <p className="replay-muted">No events recorded.</p> : null}
      <ol>
        {markers.map((m, i) => (
          <li key={i} className={m.offset <= position ? 'replay-event is-past' : 'replay-event'}>
            <button type="button" onClick={() => onSeek(m.offset)}>
              <span className={`replay-dot replay-tick-${m.kind}`} aria-hidden="true" />
              <span className="replay-event-time">{formatClock(m.offset)}</span>
              <span className="replay-event-title">{m.title}</span>
              {m.detail ? <span className="replay-event-detail">{m.detail}</span> : null}
            </button>
          </li>
        ))}
      </ol>
    </aside>
  );
}
