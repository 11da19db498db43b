import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { boardMap, readBoard, type BoardElement } from './board-elements';
import { WHITEBOARD_ORIGIN, WhiteboardBinding, type BoardScene } from './whiteboard-binding';

/** A scene the way Excalidraw holds it: an array replaced on remote changes. */
class ArrayScene implements BoardScene {
  elements: BoardElement[] = [];
  replaced = 0;
  getElements() {
    return this.elements;
  }
  replaceElements(elements: BoardElement[]) {
    this.elements = elements;
    this.replaced++;
  }
  /** A local edit: replaces (or adds) the element and returns the scene, as Excalidraw's onChange would. */
  draw(element: BoardElement): BoardElement[] {
    this.elements = [...this.elements.filter((e) => e.id !== element.id), element];
    return this.elements;
  }
}

/** Two replicas whose updates travel only when flushed (so edits can be concurrent). */
function link(a: Y.Doc, b: Y.Doc) {
  const toB: Uint8Array[] = [];
  const toA: Uint8Array[] = [];
  a.on('update', (u: Uint8Array, origin: unknown) => origin !== 'remote' && toB.push(u));
  b.on('update', (u: Uint8Array, origin: unknown) => origin !== 'remote' && toA.push(u));
  // Until quiet: a replica whose element lost in the map (Yjs keeps one concurrent write by
  // client id, not by version) writes its newer element again on the next round.
  return () => {
    for (let round = 0; toA.length + toB.length > 0; round++) {
      if (round > 10) throw new Error('the replicas never settle');
      for (const u of toB.splice(0)) Y.applyUpdate(b, u, 'remote');
      for (const u of toA.splice(0)) Y.applyUpdate(a, u, 'remote');
    }
  };
}

function side() {
  const doc = new Y.Doc();
  const scene = new ArrayScene();
  const binding = new WhiteboardBinding(boardMap(doc), scene);
  return { doc, scene, binding };
}

function stroke(id: string, version = 1, extra: Partial<BoardElement> = {}): BoardElement {
  return { id, type: 'freedraw', version, versionNonce: 100, isDeleted: false, index: `a${id}`, ...extra };
}

const ids = (scene: ArrayScene) => scene.elements.map((e) => `${e.id}@${e.version}${e.isDeleted ? '†' : ''}`);

describe('the whiteboard binding', () => {
  it('keeps both strokes when two people draw at the same time', () => {
    const a = side();
    const b = side();
    const flush = link(a.doc, b.doc);
    a.binding.pushLocal(a.scene.draw(stroke('1')));
    b.binding.pushLocal(b.scene.draw(stroke('2')));
    flush();
    expect(ids(a.scene)).toEqual(['1@1', '2@1']);
    expect(ids(b.scene)).toEqual(['1@1', '2@1']);
  });

  it('lets the higher version win, and the lower versionNonce on a tie, the same on both sides', () => {
    const a = side();
    const b = side();
    const flush = link(a.doc, b.doc);
    a.binding.pushLocal(a.scene.draw(stroke('s')));
    flush();
    // Concurrent edits of the same element: A moved it twice (v3), B once (v2).
    a.binding.pushLocal(a.scene.draw(stroke('s', 3, { x: 30 })));
    b.binding.pushLocal(b.scene.draw(stroke('s', 2, { x: 20 })));
    flush();
    expect(a.scene.elements).toEqual([expect.objectContaining({ version: 3, x: 30 })]);
    expect(b.scene.elements).toEqual([expect.objectContaining({ version: 3, x: 30 })]);

    // Same version on both sides: the lower nonce wins everywhere.
    a.binding.pushLocal(a.scene.draw(stroke('s', 4, { x: 40, versionNonce: 9 })));
    b.binding.pushLocal(b.scene.draw(stroke('s', 4, { x: 41, versionNonce: 5 })));
    flush();
    expect(a.scene.elements).toEqual([expect.objectContaining({ version: 4, x: 41 })]);
    expect(b.scene.elements).toEqual([expect.objectContaining({ version: 4, x: 41 })]);
    expect(readBoard(a.doc)).toEqual(readBoard(b.doc));
  });

  it('carries deletions as tombstones that a stale edit cannot bring back', () => {
    const a = side();
    const b = side();
    const flush = link(a.doc, b.doc);
    a.binding.pushLocal(a.scene.draw(stroke('s')));
    flush();
    a.binding.pushLocal(a.scene.draw(stroke('s', 2, { isDeleted: true })));
    b.binding.pushLocal(b.scene.draw(stroke('s', 1, { versionNonce: 1 })));
    flush();
    expect(ids(a.scene)).toEqual(['s@2†']);
    expect(ids(b.scene)).toEqual(['s@2†']);
    expect(a.binding.elementCount).toBe(0);
    expect(b.binding.elementCount).toBe(0);
  });

  it('never echoes: applying a remote change writes nothing back', () => {
    const a = side();
    const b = side();
    const flush = link(a.doc, b.doc);
    let bUpdates = 0;
    b.doc.on('update', (_u: Uint8Array, origin: unknown) => origin !== 'remote' && bUpdates++);
    a.binding.pushLocal(a.scene.draw(stroke('1')));
    flush();
    expect(b.scene.replaced).toBe(1);
    // Excalidraw calls onChange after updateScene with what it now shows.
    expect(b.binding.pushLocal(b.scene.getElements())).toEqual({ written: 0, refused: null });
    expect(a.binding.pushLocal(a.scene.getElements())).toEqual({ written: 0, refused: null });
    expect(bUpdates).toBe(0);
    // A's own write did not come back to A's scene either.
    expect(a.scene.replaced).toBe(0);
  });

  it('writes under its own transaction origin, so editor undo managers never track it', () => {
    const { doc, scene, binding } = side();
    const origins: unknown[] = [];
    doc.on('afterTransaction', (t: Y.Transaction) => origins.push(t.origin));
    const codeUndo = new Y.UndoManager(doc.getText('code'), { trackedOrigins: new Set([null]) });
    binding.pushLocal(scene.draw(stroke('1')));
    expect(origins).toEqual([WHITEBOARD_ORIGIN]);
    expect(codeUndo.undoStack).toHaveLength(0);
  });

  it('shows what the document already holds when it binds (a late joiner, a reload)', () => {
    const a = side();
    a.binding.pushLocal(a.scene.draw(stroke('2', 1, { index: 'a2' })));
    a.binding.pushLocal(a.scene.draw(stroke('1', 1, { index: 'a1' })));
    const late = new Y.Doc();
    Y.applyUpdate(late, Y.encodeStateAsUpdate(a.doc));
    const scene = new ArrayScene();
    new WhiteboardBinding(boardMap(late), scene);
    expect(ids(scene)).toEqual(['1@1', '2@1']);
  });

  it('ignores what is not an element and keeps images off the shared board', () => {
    const a = side();
    const b = side();
    const flush = link(a.doc, b.doc);
    a.doc.transact(() => {
      boardMap(a.doc).set('junk', { id: 'junk', version: 'high' });
      boardMap(a.doc).set('liar', stroke('other'));
      boardMap(a.doc).set('img', stroke('img', 1, { type: 'image' }));
    }, 'someone-else');
    expect(b.binding.pushLocal(b.scene.draw(stroke('p', 1, { type: 'image' })))).toEqual({
      written: 0,
      refused: null,
    });
    flush();
    expect(ids(b.scene)).toEqual(['p@1']);
    expect(boardMap(b.doc).has('p')).toBe(false);
  });

  it('bounds the board: past a limit new shapes stay local, deleting still works', () => {
    const doc = new Y.Doc();
    const scene = new ArrayScene();
    const limits = { maxElements: 2, maxElementBytes: 400, maxBoardBytes: 10_000 };
    const binding = new WhiteboardBinding(boardMap(doc), scene, { limits });
    binding.pushLocal(scene.draw(stroke('1')));
    binding.pushLocal(scene.draw(stroke('2')));
    expect(binding.pushLocal(scene.draw(stroke('3')))).toEqual({ written: 0, refused: 'elements' });
    expect(binding.pushLocal(scene.draw(stroke('2', 2, { points: 'x'.repeat(500) })))).toEqual({
      written: 0,
      refused: 'element-bytes',
    });
    expect(binding.pushLocal(scene.draw(stroke('1', 2, { isDeleted: true })))).toMatchObject({ written: 1 });
    // One deleted: the waiting shape now fits.
    expect(binding.pushLocal(scene.getElements().filter((e) => e.id === '3'))).toEqual({ written: 1, refused: null });
    expect(binding.elementCount).toBe(2);
    const small = new WhiteboardBinding(boardMap(new Y.Doc()), new ArrayScene(), {
      limits: { ...limits, maxBoardBytes: 150 },
    });
    expect(small.pushLocal([stroke('1'), stroke('2')])).toEqual({ written: 1, refused: 'board-bytes' });
  });

  it('writes nothing for a reader, but still shows what others draw', () => {
    const a = side();
    const doc = new Y.Doc();
    const flush = link(a.doc, doc);
    const scene = new ArrayScene();
    const reader = new WhiteboardBinding(boardMap(doc), scene, { canWrite: false });
    expect(reader.pushLocal(scene.draw(stroke('mine')))).toEqual({ written: 0, refused: null });
    a.binding.pushLocal(a.scene.draw(stroke('theirs')));
    flush();
    expect(boardMap(doc).has('mine')).toBe(false);
    expect(ids(scene)).toEqual(['mine@1', 'theirs@1']);
  });

  it('stores a copy, so an element mutated in place later is still seen as a change', () => {
    const { doc, scene, binding } = side();
    const element = stroke('1');
    binding.pushLocal(scene.draw(element));
    element.version = 2;
    element.x = 5;
    expect(binding.pushLocal(scene.getElements())).toEqual({ written: 1, refused: null });
    expect(readBoard(doc)).toEqual([expect.objectContaining({ version: 2, x: 5 })]);
  });
});
