import type { ExcalidrawImperativeAPI } from '@excalidraw/excalidraw/types';
import { useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import type * as Y from 'yjs';
import { countVisible, type BoardElement } from './board-elements';
import { excalidrawScene, showElements } from './excalidraw-scene';
import { WhiteboardBinding, type BoardLimit } from './whiteboard-binding';

/**
 * Local changes are written at most this often: Excalidraw bumps a stroke's
 * version on every pointer move, and each write of the growing element lands
 * in the room's update log.
 */
const PUSH_INTERVAL_MS = 80;

/**
 * The API once Excalidraw has finished loading its (empty) initial scene;
 * null before. A scene given earlier would be replaced by that initial one.
 */
export function useReadyApi(api: ExcalidrawImperativeAPI | null): ExcalidrawImperativeAPI | null {
  const store = useMemo(
    () => ({
      subscribe: (listener: () => void) => api?.onChange(listener) ?? (() => undefined),
      getSnapshot: () => (api && !api.getAppState().isLoading ? api : null),
    }),
    [api],
  );
  return useSyncExternalStore(store.subscribe, store.getSnapshot);
}

/** Binds a live board to the room document; returns the limit that last kept shapes off the shared board. */
export function useBoardSync(
  api: ExcalidrawImperativeAPI | null,
  map: Y.Map<unknown> | null,
  canWrite: boolean,
): BoardLimit | null {
  const [refused, setRefused] = useState<BoardLimit | null>(null);
  useEffect(() => {
    if (!api || !map) return;
    const binding = new WhiteboardBinding(map, excalidrawScene(api), { canWrite });
    let timer: ReturnType<typeof setTimeout> | null = null;
    const flush = () => {
      timer = null;
      setRefused(binding.pushLocal(api.getSceneElementsIncludingDeleted()).refused);
    };
    const unsubscribe = api.onChange(() => {
      if (canWrite && timer === null) timer = setTimeout(flush, PUSH_INTERVAL_MS);
    });
    return () => {
      unsubscribe();
      if (timer !== null) {
        clearTimeout(timer);
        flush();
      }
      binding.destroy();
    };
  }, [api, map, canWrite]);
  return refused;
}

/** How many shapes are drawn (deleted ones aside), kept current as the scene changes. */
export function useShapeCount(api: ExcalidrawImperativeAPI | null): number {
  const store = useMemo(
    () => ({
      subscribe: (listener: () => void) => api?.onChange(listener) ?? (() => undefined),
      getSnapshot: () => (api ? countVisible(api.getSceneElementsIncludingDeleted()) : 0),
    }),
    [api],
  );
  return useSyncExternalStore(store.subscribe, store.getSnapshot);
}

/** A read-only board showing fixed elements (the replay player). */
export function useStaticBoard(api: ExcalidrawImperativeAPI | null, elements: readonly BoardElement[] | null): void {
  useEffect(() => {
    if (api && elements) showElements(api, elements);
  }, [api, elements]);
}
