import type * as Y from 'yjs';
import type { Awareness } from 'y-protocols/awareness';
import { boardMap, type BoardElement } from './board-elements';

/** The board's source: the live room document, or fixed elements (the replay player). */
export type BoardSource =
  | { kind: 'live'; map: Y.Map<unknown>; awareness: Awareness | null; canWrite: boolean }
  | { kind: 'static'; elements: readonly BoardElement[] };

/** The room's board: everyone draws on the public document's whiteboard map, observers only watch. */
export function liveBoard(doc: Y.Doc, awareness: Awareness | null, canWrite: boolean): BoardSource {
  return { kind: 'live', map: boardMap(doc), awareness, canWrite };
}
