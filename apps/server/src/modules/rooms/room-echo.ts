/**
 * Hocuspocus sends every document update and every presence change to all of
 * a document's connections, the one it came from included. That copy tells
 * the sender nothing it does not have: Yjs ignores structs it already holds,
 * and y-protocols ignores its own presence at the same clock. At one copy per
 * keystroke it is a third of the room's socket writes (one syscall each), so
 * the socket drops it (ADR 0023).
 *
 * Only frames that are byte-for-byte what this socket sent are dropped: an
 * update frame whose update is one this socket's client made (Hocuspocus
 * flushes a document's pending updates in order, so an expectation that a
 * flush did not match — updates merged with others — is stale and forgotten),
 * and a presence frame whose every entry is a live state of this socket's own
 * clients. A presence removal always goes out (a client told its state was
 * removed re-announces itself).
 */
import { MessageType } from '@hocuspocus/server';
import * as decoding from 'lib0/decoding';
import { messageYjsUpdate } from 'y-protocols/sync';

/** Expectations kept per document (flushes that merge several updates leave some unmatched). */
const MAX_EXPECTED = 16;

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.byteLength !== b.byteLength) return false;
  for (let i = 0; i < a.byteLength; i++) if (a[i] !== b[i]) return false;
  return true;
}

export class EchoFilter {
  /** Updates this socket's client made, per document name, not yet seen going back out. */
  private readonly expected = new Map<string, Uint8Array[]>();
  /** Presence client ids this socket publishes (any of its documents). */
  private readonly ownClients = new Set<number>();

  /** An update of `documentName` that came from this socket. */
  expectUpdate(documentName: string, update: Uint8Array): void {
    let list = this.expected.get(documentName);
    if (!list) this.expected.set(documentName, (list = []));
    if (list.length >= MAX_EXPECTED) list.shift();
    list.push(update);
  }

  /** A presence client id this socket published a state for. */
  ownPresence(clientId: number): void {
    this.ownClients.add(clientId);
  }

  /** Whether the outgoing frame only repeats what this socket sent. */
  isEcho(frame: Uint8Array): boolean {
    if (this.expected.size === 0 && this.ownClients.size === 0) return false;
    try {
      const decoder = decoding.createDecoder(frame);
      const name = decoding.readVarString(decoder);
      const type = decoding.readVarUint(decoder) as MessageType;
      if (type === MessageType.Sync) return this.isUpdateEcho(name, decoder);
      if (type === MessageType.Awareness) return this.isPresenceEcho(decoding.readVarUint8Array(decoder));
      return false;
    } catch {
      return false;
    }
  }

  private isUpdateEcho(name: string, decoder: decoding.Decoder): boolean {
    const list = this.expected.get(name);
    if (!list || decoding.readVarUint(decoder) !== messageYjsUpdate) return false;
    const update = decoding.readVarUint8Array(decoder);
    const at = list.findIndex((u) => sameBytes(u, update));
    // Everything expected before this flush was in it (or in an earlier one): matched or stale.
    if (at === -1 || at === list.length - 1) this.expected.delete(name);
    else list.splice(0, at + 1);
    return at !== -1;
  }

  private isPresenceEcho(update: Uint8Array): boolean {
    if (this.ownClients.size === 0) return false;
    const decoder = decoding.createDecoder(update);
    const count = decoding.readVarUint(decoder);
    if (count === 0) return false;
    for (let i = 0; i < count; i++) {
      const clientId = decoding.readVarUint(decoder);
      decoding.readVarUint(decoder); // clock
      const state = decoding.readVarString(decoder);
      if (!this.ownClients.has(clientId) || state === 'null') return false;
    }
    return true;
  }
}
