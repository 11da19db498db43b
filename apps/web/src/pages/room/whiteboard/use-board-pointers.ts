import type { Collaborator, ExcalidrawImperativeAPI, SocketId } from '@excalidraw/excalidraw/types';
import { useCallback, useEffect, useRef } from 'react';
import type { Awareness } from 'y-protocols/awareness';
import { pointersKey, readPointers, toPointer } from './board-pointers';

/** Pointer moves are published at most this often (each one is an awareness frame to everybody). */
const PUBLISH_INTERVAL_MS = 50;

/**
 * Collaborators' pointers drawn on the board (with their labels), and this
 * client's pointer published while it is over the board. Returns the
 * handler for Excalidraw's onPointerUpdate.
 */
export function useBoardPointers(api: ExcalidrawImperativeAPI | null, awareness: Awareness | null, isVisible: boolean) {
  // Switching to the Code tab hides the board: others stop seeing this pointer.
  useEffect(() => {
    if (!isVisible && awareness?.getLocalState()?.pointer) awareness.setLocalStateField('pointer', null);
  }, [awareness, isVisible]);

  useEffect(() => {
    if (!api || !awareness) return;
    let lastKey = '';
    const render = () => {
      const pointers = readPointers(awareness.getStates(), awareness.clientID);
      const key = pointersKey(pointers);
      if (key === lastKey) return;
      lastKey = key;
      const collaborators = new Map<SocketId, Collaborator>();
      for (const p of pointers) {
        collaborators.set(String(p.clientId) as SocketId, {
          username: p.label,
          pointer: { x: p.pointer.x, y: p.pointer.y, tool: 'pointer' },
          button: p.pointer.button,
          color: { background: p.color, stroke: p.color },
        });
      }
      api.updateScene({ collaborators });
    };
    render();
    awareness.on('change', render);
    return () => {
      awareness.off('change', render);
      // Leaving the board: others stop seeing this pointer.
      if (awareness.getLocalState()?.pointer) awareness.setLocalStateField('pointer', null);
    };
  }, [api, awareness]);

  const last = useRef(0);
  return useCallback(
    (payload: { pointer: { x: number; y: number }; button: 'up' | 'down' }) => {
      if (!awareness) return;
      const now = performance.now();
      if (now - last.current < PUBLISH_INTERVAL_MS) return;
      last.current = now;
      awareness.setLocalStateField('pointer', toPointer(payload.pointer.x, payload.pointer.y, payload.button));
    },
    [awareness],
  );
}
