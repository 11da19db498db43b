import type { CreateExecutionInput, Execution } from '@interviewselect/contracts';
import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError, isAbortError } from '../../lib/api';
import { executionsApi } from './executions-api';
import { applyEvent, finishView, isFinished, startView, type ExecutionView } from './execution-view';

const POLL_INTERVAL_MS = 1_000;
const POLL_LIMIT = 120;

export interface ExecutionRun {
  view: ExecutionView | null;
  /** A failed request (ApiError) or an unreadable response; verdicts are not errors. */
  failure: { error: unknown; at: number } | null;
  isRunning: boolean;
  start: (input: CreateExecutionInput) => Promise<void>;
}

/**
 * Submits one execution and follows it to its end: POST, then the SSE stream
 * of its events. If the stream closes before `done` (a proxy cut it, the
 * server restarted), the execution is polled instead: once created, its
 * result matters more than how it arrives. Starting again or unmounting
 * aborts whatever is in flight.
 */
export function useExecution(): ExecutionRun {
  const [view, setView] = useState<ExecutionView | null>(null);
  const [failure, setFailure] = useState<{ error: unknown; at: number } | null>(null);
  const [isRunning, setIsRunning] = useState(false);
  const current = useRef<AbortController | null>(null);

  useEffect(() => () => current.current?.abort(), []);

  const start = useCallback(async (input: CreateExecutionInput) => {
    current.current?.abort();
    const controller = new AbortController();
    current.current = controller;
    const { signal } = controller;
    const update = (change: (v: ExecutionView) => ExecutionView) =>
      setView((v) => (v && !signal.aborted ? change(v) : v));

    setFailure(null);
    setView(startView(input.mode === 'test' ? 'test' : 'run'));
    setIsRunning(true);
    let isCreated = false;
    try {
      const created = await executionsApi.create(input, signal);
      isCreated = true;
      update((v) => ({ ...v, id: created.id, status: created.status }));
      let isDone = false;
      try {
        await executionsApi.events(
          created.id,
          (event) => {
            if (event.type === 'done') isDone = true;
            update((v) => applyEvent(v, event));
          },
          signal,
        );
      } catch (streamError) {
        if (isAbortError(streamError)) throw streamError;
      }
      if (!isDone) {
        const execution = await pollUntilFinished(created.id, signal);
        update((v) => finishView(v, execution));
      }
    } catch (error) {
      if (isAbortError(error)) return;
      // Nothing ran when the submission itself was refused: leave no half-started output behind.
      if (!isCreated) setView(null);
      setFailure({ error, at: Date.now() });
    } finally {
      if (current.current === controller) setIsRunning(false);
    }
  }, []);

  return { view, failure, isRunning, start };
}

async function pollUntilFinished(id: string, signal: AbortSignal): Promise<Execution> {
  for (let attempt = 0; ; attempt++) {
    const execution = await executionsApi.get(id, signal);
    if (isFinished(execution.status)) return execution;
    if (attempt >= POLL_LIMIT) {
      throw new ApiError({
        code: 'client.unexpected_response',
        status: 0,
        detail: 'The run did not finish within two minutes. Please try again.',
      });
    }
    await delay(POLL_INTERVAL_MS, signal);
  }
}

function delay(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        reject(new DOMException('Aborted', 'AbortError'));
      },
      { once: true },
    );
  });
}
