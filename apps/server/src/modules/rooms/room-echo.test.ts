import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { EchoFilter } from './room-echo.js';

/** A frame as Hocuspocus broadcasts it: `[name][0 sync][2 update][update]`. */
function updateFrame(name: string, update: Uint8Array): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarString(e, name);
  encoding.writeVarUint(e, 0);
  encoding.writeVarUint(e, 2);
  encoding.writeVarUint8Array(e, update);
  return encoding.toUint8Array(e);
}

/** `[name][1 awareness][update]` with the given (client id, state) entries. */
function presenceFrame(name: string, entries: [number, string][]): Uint8Array {
  const inner = encoding.createEncoder();
  encoding.writeVarUint(inner, entries.length);
  for (const [clientId, state] of entries) {
    encoding.writeVarUint(inner, clientId);
    encoding.writeVarUint(inner, 3);
    encoding.writeVarString(inner, state);
  }
  const e = encoding.createEncoder();
  encoding.writeVarString(e, name);
  encoding.writeVarUint(e, 1);
  encoding.writeVarUint8Array(e, encoding.toUint8Array(inner));
  return encoding.toUint8Array(e);
}

function edits(n: number): Uint8Array[] {
  const doc = new Y.Doc();
  const out: Uint8Array[] = [];
  doc.on('update', (u: Uint8Array) => out.push(u));
  for (let i = 0; i < n; i++) doc.getText('t').insert(i, 'x');
  return out;
}

describe('EchoFilter', () => {
  it('drops the copy of an update this socket sent, once, and only for that document', () => {
    const [u1] = edits(1) as [Uint8Array];
    const f = new EchoFilter();
    f.expectUpdate('interview:a', u1);
    expect(f.isEcho(updateFrame('interview:b', u1))).toBe(false);
    expect(f.isEcho(updateFrame('interview:a', u1))).toBe(true);
    expect(f.isEcho(updateFrame('interview:a', u1))).toBe(false);
  });

  it('sends updates from others, and a flush that merged ours with others, and forgets what that flush held', () => {
    const [u1, u2, u3] = edits(3) as [Uint8Array, Uint8Array, Uint8Array];
    const f = new EchoFilter();
    f.expectUpdate('d', u1);
    const merged = Y.mergeUpdates([u1, u2]);
    expect(f.isEcho(updateFrame('d', merged))).toBe(false);
    // u1 was in that flush: a later identical frame is not ours to drop any more.
    expect(f.isEcho(updateFrame('d', u1))).toBe(false);
    f.expectUpdate('d', u2);
    f.expectUpdate('d', u3);
    expect(f.isEcho(updateFrame('d', u2))).toBe(true);
    expect(f.isEcho(updateFrame('d', u3))).toBe(true);
  });

  it('drops presence frames that only carry this socket’s live states; removals and others go out', () => {
    const f = new EchoFilter();
    expect(f.isEcho(presenceFrame('d', [[7, '{}']]))).toBe(false);
    f.ownPresence(7);
    expect(f.isEcho(presenceFrame('d', [[7, '{"cursor":null}']]))).toBe(true);
    expect(f.isEcho(presenceFrame('d', [[7, 'null']]))).toBe(false);
    expect(
      f.isEcho(
        presenceFrame('d', [
          [7, '{}'],
          [8, '{}'],
        ]),
      ),
    ).toBe(false);
    expect(f.isEcho(presenceFrame('d', [[8, '{}']]))).toBe(false);
    expect(f.isEcho(presenceFrame('d', []))).toBe(false);
  });

  it('never drops other messages or frames it cannot read', () => {
    const [u1] = edits(1) as [Uint8Array];
    const f = new EchoFilter();
    f.expectUpdate('d', u1);
    f.ownPresence(1);
    const ack = encoding.createEncoder();
    encoding.writeVarString(ack, 'd');
    encoding.writeVarUint(ack, 8);
    encoding.writeVarUint(ack, 1);
    expect(f.isEcho(encoding.toUint8Array(ack))).toBe(false);
    expect(f.isEcho(Uint8Array.of(9))).toBe(false);
    expect(f.isEcho(new Uint8Array(0))).toBe(false);
    expect(f.isEcho(updateFrame('d', u1).subarray(0, 6))).toBe(false);
  });
});
