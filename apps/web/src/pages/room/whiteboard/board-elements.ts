import { ROOM_KEYS } from '@interviewselect/contracts';
import type * as Y from 'yjs';
import { z } from 'zod';

/**
 * What the binding needs of an Excalidraw element. Every change bumps
 * `version` and draws a new random `versionNonce`; a deletion is a tombstone
 * (`isDeleted: true`) that keeps its id. Everything else rides along as JSON.
 */
export const BoardElementSchema = z.looseObject({
  id: z.string().min(1).max(100),
  type: z.string().min(1).max(40),
  version: z.number().int().min(0),
  versionNonce: z.number().int(),
  isDeleted: z.boolean(),
  /** Fractional z-order index (compares as a string); null on elements that never had one. */
  index: z.string().max(200).nullable().optional(),
});
export type BoardElement = z.infer<typeof BoardElementSchema>;

/** Bounds of one board: past them new shapes stay on the drawer's screen and a message says why. */
export const BOARD_LIMITS = {
  /** Elements that are not deleted. */
  maxElements: 2000,
  /** One element's JSON (a long freehand stroke is ~20 bytes per point). */
  maxElementBytes: 128 * 1024,
  /** All elements' JSON, tombstones included (they stay for undo and late joiners). */
  maxBoardBytes: 4 * 1024 * 1024,
} as const;

/**
 * Element types that are not shared: images need their file data, which the
 * board does not carry (the image tool is off; a pasted image stays local).
 */
export const UNSHARED_TYPES: ReadonlySet<string> = new Set(['image', 'embeddable', 'iframe']);

/**
 * Excalidraw's rule: the higher version wins; on a tie the lower
 * versionNonce does, so every replica picks the same element.
 */
export function isNewer(candidate: BoardElement, current: BoardElement | undefined): boolean {
  if (!current) return true;
  if (candidate.version !== current.version) return candidate.version > current.version;
  return candidate.versionNonce < current.versionNonce;
}

/** z-order: fractional index, then id (two people adding on top at once get the same index). */
export function compareOrder(a: BoardElement, b: BoardElement): number {
  const ai = a.index ?? '';
  const bi = b.index ?? '';
  if (ai !== bi) return ai < bi ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** The element stored under a key, or null when it is not a valid element. */
export function parseStored(value: unknown): BoardElement | null {
  const parsed = BoardElementSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

/** The board's map in the public room document. */
export function boardMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>(ROOM_KEYS.whiteboard);
}

/** The board as stored (valid elements only, tombstones included), in z-order: for the replay player. */
export function readBoard(doc: Y.Doc): BoardElement[] {
  const elements: BoardElement[] = [];
  boardMap(doc).forEach((value) => {
    const element = parseStored(value);
    if (element) elements.push(element);
  });
  return elements.sort(compareOrder);
}

/** Elements that are drawn (not deleted). */
export function countVisible(elements: readonly BoardElement[]): number {
  return elements.reduce((n, e) => (e.isDeleted ? n : n + 1), 0);
}
