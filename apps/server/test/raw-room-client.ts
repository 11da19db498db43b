/**
 * A room client that speaks Hocuspocus's framing by hand (y-protocols sync
 * and awareness inside `[documentName][messageType]…` frames) over a plain
 * `ws` socket. Tests use it to try what a real provider never does (write on
 * a read-only connection, forge chat, claim another name) and to see every
 * byte the server sends.
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { WebSocket } from 'ws';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';

const MSG = { sync: 0, awareness: 1, auth: 2, queryAwareness: 3, syncReply: 4, stateless: 5, close: 7, syncStatus: 8 };
const AUTH = { token: 0, denied: 1, authenticated: 2 };

export interface RawDoc {
  name: string;
  doc: Y.Doc;
  awareness: awarenessProtocol.Awareness;
  /** 'pending' until the server answers the auth message. */
  auth: 'pending' | 'read-write' | 'readonly' | { denied: string };
  synced: boolean;
  /** SyncStatus answers: true = stored, false = refused (read-only). */
  acks: boolean[];
  stateless: string[];
  /** Local updates sent and not yet acknowledged as stored. */
  unacked: number;
}

export class RawRoomClient {
  readonly frames: Uint8Array[] = [];
  readonly docs = new Map<string, RawDoc>();
  closed: { code: number; reason: string } | null = null;

  private constructor(readonly ws: WebSocket) {
    ws.on('message', (data: Buffer) => this.receive(new Uint8Array(data)));
    ws.on('close', (code, reason) => (this.closed = { code, reason: reason.toString() }));
  }

  /** Opens the socket with the given cookie (and this app's Origin unless told otherwise). */
  static connect(baseUrl: string, opts: { cookie?: string; origin?: string } = {}): Promise<RawRoomClient> {
    const http = new URL(baseUrl);
    const ws = new WebSocket(`ws://${http.host}/ws`, {
      headers: { origin: opts.origin ?? http.origin, ...(opts.cookie ? { cookie: opts.cookie } : {}) },
    });
    return new Promise((resolve, reject) => {
      ws.once('open', () => resolve(new RawRoomClient(ws)));
      ws.once('unexpected-response', (_req, res) => {
        res.resume();
        reject(new Error(`upgrade refused: ${res.statusCode}`));
      });
      ws.once('error', reject);
    });
  }

  /** Everything received so far as text, for "no name in any frame" checks. */
  receivedText(): string {
    return this.frames.map((f) => Buffer.from(f).toString('utf8')).join('\n');
  }

  /** The updates the server broadcast to this socket for `name` (sync `update` messages), in order. */
  receivedUpdates(name: string): Uint8Array[] {
    const updates: Uint8Array[] = [];
    for (const frame of this.frames) {
      const d = decoding.createDecoder(frame);
      if (decoding.readVarString(d) !== name || decoding.readVarUint(d) !== MSG.sync) continue;
      if (decoding.readVarUint(d) === syncProtocol.messageYjsUpdate) updates.push(decoding.readVarUint8Array(d));
    }
    return updates;
  }

  /** The presence client ids of each awareness frame received for `name`, in order. */
  receivedPresence(name: string): number[][] {
    const frames: number[][] = [];
    for (const frame of this.frames) {
      const d = decoding.createDecoder(frame);
      if (decoding.readVarString(d) !== name || decoding.readVarUint(d) !== MSG.awareness) continue;
      const inner = decoding.createDecoder(decoding.readVarUint8Array(d));
      const ids: number[] = [];
      for (let n = decoding.readVarUint(inner); n > 0; n--) {
        ids.push(decoding.readVarUint(inner));
        decoding.readVarUint(inner);
        decoding.readVarString(inner);
      }
      frames.push(ids);
    }
    return frames;
  }

  /** Authenticates and syncs one document; local edits to `doc` are sent from then on. */
  open(name: string): RawDoc {
    const doc = new Y.Doc();
    const awareness = new awarenessProtocol.Awareness(doc);
    awareness.setLocalState(null);
    const entry: RawDoc = { name, doc, awareness, auth: 'pending', synced: false, acks: [], stateless: [], unacked: 0 };
    this.docs.set(name, entry);
    doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin === this) return;
      this.sendUpdate(name, update);
    });
    this.send(name, (e) => {
      encoding.writeVarUint(e, MSG.auth);
      encoding.writeVarUint(e, AUTH.token);
      encoding.writeVarString(e, '');
    });
    this.send(name, (e) => {
      encoding.writeVarUint(e, MSG.sync);
      syncProtocol.writeSyncStep1(e, doc);
    });
    return entry;
  }

  /** Sends a raw Yjs update as a sync `update` message (what a provider sends per change). */
  sendUpdate(name: string, update: Uint8Array): void {
    const entry = this.docs.get(name);
    if (entry) entry.unacked += 1;
    this.send(name, (e) => {
      encoding.writeVarUint(e, MSG.sync);
      syncProtocol.writeUpdate(e, update);
    });
  }

  /** Publishes a presence state, exactly as given (the server is expected to rewrite it). */
  setAwareness(name: string, state: Record<string, unknown>): void {
    const entry = this.docs.get(name);
    if (!entry) throw new Error(`${name} is not open`);
    entry.awareness.setLocalState(state);
    this.send(name, (e) => {
      encoding.writeVarUint(e, MSG.awareness);
      encoding.writeVarUint8Array(e, awarenessProtocol.encodeAwarenessUpdate(entry.awareness, [entry.doc.clientID]));
    });
  }

  /** Sends presence entries exactly as given: any client id, clock and state (null = a removal). */
  sendPresence(name: string, entries: { clientId: number; clock: number; state: unknown }[]): void {
    const inner = encoding.createEncoder();
    encoding.writeVarUint(inner, entries.length);
    for (const e of entries) {
      encoding.writeVarUint(inner, e.clientId);
      encoding.writeVarUint(inner, e.clock);
      encoding.writeVarString(inner, JSON.stringify(e.state));
    }
    this.send(name, (e) => {
      encoding.writeVarUint(e, MSG.awareness);
      encoding.writeVarUint8Array(e, encoding.toUint8Array(inner));
    });
  }

  sendStateless(name: string, payload: unknown): void {
    this.send(name, (e) => {
      encoding.writeVarUint(e, MSG.stateless);
      encoding.writeVarString(e, typeof payload === 'string' ? payload : JSON.stringify(payload));
    });
  }

  close(): void {
    this.ws.close();
  }

  private send(name: string, write: (e: encoding.Encoder) => void): void {
    const e = encoding.createEncoder();
    encoding.writeVarString(e, name);
    write(e);
    if (this.ws.readyState === WebSocket.OPEN) this.ws.send(encoding.toUint8Array(e));
  }

  private receive(frame: Uint8Array): void {
    this.frames.push(frame);
    const d = decoding.createDecoder(frame);
    const name = decoding.readVarString(d);
    const entry = this.docs.get(name);
    if (!entry) return;
    const type = decoding.readVarUint(d);
    switch (type) {
      case MSG.sync:
      case MSG.syncReply: {
        const reply = encoding.createEncoder();
        encoding.writeVarString(reply, name);
        encoding.writeVarUint(reply, MSG.sync);
        const before = encoding.length(reply);
        const step = syncProtocol.readSyncMessage(d, reply, entry.doc, this);
        if (step === syncProtocol.messageYjsSyncStep2) entry.synced = true;
        if (encoding.length(reply) > before + 1 && this.ws.readyState === WebSocket.OPEN) {
          entry.unacked += 1;
          this.ws.send(encoding.toUint8Array(reply));
        }
        break;
      }
      case MSG.awareness:
        awarenessProtocol.applyAwarenessUpdate(entry.awareness, decoding.readVarUint8Array(d), this);
        break;
      case MSG.auth: {
        const kind = decoding.readVarUint(d);
        if (kind === AUTH.authenticated)
          entry.auth = decoding.readVarString(d) === 'readonly' ? 'readonly' : 'read-write';
        if (kind === AUTH.denied) entry.auth = { denied: decoding.readVarString(d) };
        break;
      }
      case MSG.stateless:
        entry.stateless.push(decoding.readVarString(d));
        break;
      case MSG.syncStatus: {
        const stored = decoding.readVarUint(d) === 1;
        entry.acks.push(stored);
        if (stored && entry.unacked > 0) entry.unacked -= 1;
        break;
      }
      default:
        break;
    }
  }
}
