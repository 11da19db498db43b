import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from '../../lib/api';
import { describeError } from '../../lib/describe-error';

/** Where the latest edits stand, shown next to the form. */
export type SaveStatus =
  | { kind: 'saved' }
  | { kind: 'pending' }
  | { kind: 'saving' }
  | { kind: 'error'; message: string }
  /** Saved elsewhere (another tab) or submitted meanwhile: saving stops until the page is reloaded. */
  | { kind: 'conflict'; message: string };

export const AUTOSAVE_DELAY_MS = 800;

export function saveStatusLabel(status: SaveStatus): string {
  switch (status.kind) {
    case 'saved':
      return 'Saved';
    case 'pending':
      return 'Unsaved changes';
    case 'saving':
      return 'Saving…';
    case 'error':
      return `Not saved: ${status.message}`;
    case 'conflict':
      return 'Not saved: changed elsewhere';
  }
}

/**
 * Debounced autosave with optimistic concurrency: each change (re)starts a
 * timer; when it fires the latest value is saved with the revision of the
 * last successful save. Edits made while a save is in flight are saved right
 * after it. A 409 stops saving (status `conflict`) instead of retrying over
 * someone else's work. `flush` saves at once (before submitting).
 */
export function useAutosave<T>(options: {
  initialRevision: number;
  save: (value: T, revision: number) => Promise<number>;
  delayMs?: number;
}) {
  const { save, delayMs = AUTOSAVE_DELAY_MS } = options;
  const [status, setStatus] = useState<SaveStatus>({ kind: 'saved' });
  const revision = useRef(options.initialRevision);
  const latest = useRef<{ value: T; seq: number } | null>(null);
  const savedSeq = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  // Saves run one after another: each waits for the previous, so two never race with the same revision.
  const chain = useRef<Promise<void>>(Promise.resolve());
  const isStopped = useRef(false);

  const saveLatest = useCallback(async (): Promise<void> => {
    const next = latest.current;
    if (!next || next.seq <= savedSeq.current || isStopped.current) return;
    setStatus({ kind: 'saving' });
    try {
      revision.current = await save(next.value, revision.current);
      savedSeq.current = next.seq;
      setStatus(latest.current && latest.current.seq > next.seq ? { kind: 'pending' } : { kind: 'saved' });
    } catch (error) {
      if (error instanceof ApiError && error.status === 409) {
        isStopped.current = true;
        setStatus({ kind: 'conflict', message: error.detail });
      } else {
        setStatus({ kind: 'error', message: describeError(error) });
      }
      throw error;
    }
  }, [save]);

  const run = useCallback((): Promise<void> => {
    const attempt = chain.current.then(saveLatest);
    chain.current = attempt.catch(() => undefined);
    return attempt;
  }, [saveLatest]);

  const schedule = useCallback(
    (value: T) => {
      latest.current = { value, seq: (latest.current?.seq ?? 0) + 1 };
      if (isStopped.current) return;
      setStatus({ kind: 'pending' });
      clearTimeout(timer.current);
      timer.current = setTimeout(() => void run().catch(() => undefined), delayMs);
    },
    [delayMs, run],
  );

  /** Saves whatever is unsaved now; resolves with the current revision (rejects when saving fails). */
  const flush = useCallback(async (): Promise<number> => {
    clearTimeout(timer.current);
    await run();
    return revision.current;
  }, [run]);

  useEffect(() => () => clearTimeout(timer.current), []);

  return { status, schedule, flush, retry: () => void run().catch(() => undefined) };
}
