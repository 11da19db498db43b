import { useMemo, useSyncExternalStore } from 'react';
import type { Awareness } from 'y-protocols/awareness';

/**
 * React views of Yjs types and awareness. `read` turns the source into a
 * plain value; it runs again only after the source changed, so renders get a
 * stable snapshot. Pass a module-level (stable) function: a new one each
 * render would rebuild the subscription every time.
 */

/** What useYValue needs of a Yjs type (Y.Map, Y.Array, Y.Text). */
interface Observable {
  observe(listener: () => void): void;
  unobserve(listener: () => void): void;
  observeDeep(listener: () => void): void;
  unobserveDeep(listener: () => void): void;
}

interface SnapshotStore<R> {
  subscribe: (listener: () => void) => () => void;
  getSnapshot: () => R;
}

/** A snapshot cached per change counter; `watch` subscribes to the source and bumps it. */
function createSnapshotStore<R>(watch: (onChange: () => void) => () => void, read: () => R): SnapshotStore<R> {
  let version = 0;
  let cache: { version: number; value: R } | null = null;
  return {
    subscribe: (listener) =>
      watch(() => {
        version++;
        listener();
      }),
    getSnapshot: () => {
      if (cache?.version !== version) cache = { version, value: read() };
      return cache.value;
    },
  };
}

function watchType(type: Observable, deep: boolean) {
  return (onChange: () => void) => {
    // Shallow where nested edits do not matter: a keystroke in a buffer must not re-render the room.
    if (deep) {
      type.observeDeep(onChange);
      return () => type.unobserveDeep(onChange);
    }
    type.observe(onChange);
    return () => type.unobserve(onChange);
  };
}

export function useYValue<T extends Observable, R>(
  type: T,
  read: (type: T) => R,
  { deep = true }: { deep?: boolean } = {},
): R {
  const store = useMemo(() => createSnapshotStore(watchType(type, deep), () => read(type)), [type, read, deep]);
  return useSyncExternalStore(store.subscribe, store.getSnapshot);
}

type AwarenessStates = ReadonlyMap<number, Record<string, unknown>>;

function watchAwareness(awareness: Awareness | null) {
  return (onChange: () => void) => {
    if (!awareness) return () => undefined;
    awareness.on('change', onChange);
    return () => awareness.off('change', onChange);
  };
}

/** Awareness states, re-read on every change (joins, leaves, cursor moves). */
export function useAwarenessStates<R>(awareness: Awareness | null, read: (states: AwarenessStates) => R): R {
  const store = useMemo(
    () =>
      createSnapshotStore(watchAwareness(awareness), () =>
        read(awareness?.getStates() ?? new Map<number, Record<string, unknown>>()),
      ),
    [awareness, read],
  );
  return useSyncExternalStore(store.subscribe, store.getSnapshot);
}
