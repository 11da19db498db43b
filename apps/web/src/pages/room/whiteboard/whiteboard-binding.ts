import type * as Y from 'yjs';
import { BOARD_LIMITS, compareOrder, isNewer, parseStored, UNSHARED_TYPES, type BoardElement } from './board-elements';

/**
 * Our binding between an Excalidraw scene and the room document's whiteboard
 * map (element id → element JSON). Local changes write only elements whose
 * version moved ahead of the stored one; remote changes are reconciled
 * element by element (the newer version wins) and handed to the scene. A
 * remote change never writes back, because the scene then holds exactly what
 * is stored — so there is no echo loop.
 */

/** Origin of this client's whiteboard transactions: the code editor's undo history never sees them. */
export const WHITEBOARD_ORIGIN = 'whiteboard-client';

/** The scene the binding drives (Excalidraw's API in the app, a plain array in tests). */
export interface BoardScene {
  /** Every element on screen, deleted ones included. */
  getElements(): readonly BoardElement[];
  /** Shows these elements instead (a remote change: not part of the local undo history). */
  replaceElements(elements: BoardElement[]): void;
}

export type BoardLimit = 'elements' | 'element-bytes' | 'board-bytes';

export interface PushResult {
  written: number;
  /** Set when some elements were kept off the shared board by a limit. */
  refused: BoardLimit | null;
}

export type BoardLimits = { [K in keyof typeof BOARD_LIMITS]: number };

interface Stored {
  element: BoardElement;
  bytes: number;
}

export class WhiteboardBinding {
  private readonly stored = new Map<string, Stored>();
  private visible = 0;
  private totalBytes = 0;

  private readonly limits: BoardLimits;
  private readonly canWrite: boolean;

  constructor(
    private readonly map: Y.Map<unknown>,
    private readonly scene: BoardScene,
    options: { limits?: BoardLimits; canWrite?: boolean } = {},
  ) {
    this.limits = options.limits ?? BOARD_LIMITS;
    this.canWrite = options.canWrite ?? true;
    const keys: string[] = [];
    map.forEach((value, key) => {
      this.track(key, value);
      keys.push(key);
    });
    this.map.observe(this.handleChange);
    this.applyRemote(keys);
  }

  /** Elements the board holds that are not deleted. */
  get elementCount(): number {
    return this.visible;
  }

  /** Writes the scene's elements that are newer than the stored ones (call from Excalidraw's onChange). */
  pushLocal(elements: readonly BoardElement[]): PushResult {
    if (!this.canWrite) return { written: 0, refused: null };
    const writes: [string, unknown][] = [];
    let refused: BoardLimit | null = null;
    let visible = this.visible;
    let total = this.totalBytes;
    for (const element of elements) {
      if (UNSHARED_TYPES.has(element.type)) continue;
      const current = this.stored.get(element.id);
      if (!isNewer(element, current?.element)) continue;
      const json = JSON.stringify(element);
      const nextVisible = visible + (element.isDeleted ? 0 : 1) - (current && !current.element.isDeleted ? 1 : 0);
      const nextTotal = total + json.length - (current?.bytes ?? 0);
      // Deleting and shrinking are always allowed, so a full board can be tidied up.
      const limit =
        json.length > this.limits.maxElementBytes
          ? 'element-bytes'
          : nextVisible > visible && nextVisible > this.limits.maxElements
            ? 'elements'
            : nextTotal > total && nextTotal > this.limits.maxBoardBytes
              ? 'board-bytes'
              : null;
      if (limit) {
        refused = limit;
        continue;
      }
      visible = nextVisible;
      total = nextTotal;
      // A copy: Excalidraw mutates its element objects in place.
      writes.push([element.id, JSON.parse(json) as unknown]);
    }
    if (writes.length > 0) {
      const doc = this.map.doc;
      const write = () => writes.forEach(([id, value]) => this.map.set(id, value));
      if (doc) doc.transact(write, WHITEBOARD_ORIGIN);
      else write();
    }
    return { written: writes.length, refused };
  }

  destroy(): void {
    this.map.unobserve(this.handleChange);
  }

  private readonly handleChange = (event: Y.YMapEvent<unknown>, transaction: Y.Transaction) => {
    const keys = Array.from(event.keysChanged, (key) => String(key));
    for (const key of keys) this.track(key, this.map.get(key));
    if (transaction.local && transaction.origin === WHITEBOARD_ORIGIN) return;
    this.applyRemote(keys);
    // Two people wrote the same version at once and the map kept the other one: ours wins by
    // versionNonce, so write it again and everybody converges on it.
    const changed = new Set(keys);
    const winners = this.scene
      .getElements()
      .filter((e) => changed.has(e.id) && isNewer(e, this.stored.get(e.id)?.element));
    if (winners.length > 0) this.pushLocal(winners);
  };

  /** Keeps the parsed element and its size per key (the limits need totals without re-reading the map). */
  private track(key: string, value: unknown): void {
    const previous = this.stored.get(key);
    if (previous) {
      this.totalBytes -= previous.bytes;
      if (!previous.element.isDeleted) this.visible--;
      this.stored.delete(key);
    }
    const element = value === undefined ? null : parseStored(value);
    if (!element || element.id !== key) return;
    const bytes = JSON.stringify(value).length;
    this.stored.set(key, { element, bytes });
    this.totalBytes += bytes;
    if (!element.isDeleted) this.visible++;
  }

  /** Hands the scene every stored element newer than what it shows. */
  private applyRemote(keys: readonly string[]): void {
    const byId = new Map<string, BoardElement>();
    for (const element of this.scene.getElements()) byId.set(element.id, element);
    let changed = false;
    for (const key of keys) {
      const remote = this.stored.get(key)?.element;
      if (!remote || UNSHARED_TYPES.has(remote.type) || !isNewer(remote, byId.get(key))) continue;
      byId.set(key, { ...remote });
      changed = true;
    }
    if (changed) this.scene.replaceElements([...byId.values()].sort(compareOrder));
  }
}
