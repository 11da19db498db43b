/**
 * A lean Yjs room client for the `room` benchmark, speaking either of two
 * wire formats over one `ws` socket:
 *
 * - `hocuspocus`: what @hocuspocus/provider v4 sends. Every frame starts with
 *   the document name (varString), then the message type (0 sync, 1 awareness,
 *   2 auth, 4 sync reply, 5 stateless, 8 sync status = the server's
 *   acknowledgement of one sync message). Several documents share the socket;
 *   each is authenticated (an auth token frame) before it syncs. The server may
 *   send a one-byte Ping (9), answered with a Pong (10).
 * - `y-websocket`: plain y-protocols framing (0 sync, 1 awareness), one
 *   document per socket, named by the URL path.
 *
 * Documents opened with `apply: false` (the bulk listeners) apply only the
 * initial sync and then just count incoming updates: the server's work does
 * not depend on what a client does with the bytes, and this keeps the load
 * generator's own CPU, which competes with the server on a small machine, low.
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { WebSocket } from 'ws';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';

export type RoomProtocol = 'hocuspocus' | 'y-websocket';

const MSG = { sync: 0, awareness: 1, auth: 2, syncReply: 4, stateless: 5, close: 7, syncStatus: 8, ping: 9, pong: 10 };
const AUTH = { token: 0, denied: 1, authenticated: 2 };
/** Transaction origin of updates that came from the server (never sent back). */
const REMOTE = Symbol('remote');

export interface RoomDocState {
  name: string;
  doc: Y.Doc;
  /** Apply incoming updates to `doc` (false: count them only, after the initial sync). */
  apply: boolean;
  /** y-websocket: always true; hocuspocus: true once the server answered the auth frame. */
  authenticated: boolean;
  readOnly: boolean;
  synced: boolean;
  /** Local updates (and sync replies) sent and not yet acknowledged (hocuspocus only). */
  sentAt: { at: number; measured: boolean }[];
  /** Awareness clock of this client's own state. */
  awarenessClock: number;
}

export interface RoomClientEvents {
  /** Every document authenticated and synced. */
  ready?: () => void;
  /** An incoming update was applied (apply: true) or counted (apply: false). */
  update?: (doc: RoomDocState) => void;
  /** A sync status frame: `ok` false = the server refused the update (read-only). */
  ack?: (doc: RoomDocState, ok: boolean, sent: { at: number; measured: boolean } | undefined) => void;
  /** The socket closed or failed before close() was called. */
  failure?: (reason: string) => void;
}

export interface RoomClientOptions {
  protocol: RoomProtocol;
  /** ws://127.0.0.1:<port>/ws (hocuspocus) or ws://127.0.0.1:<port> (y-websocket: the doc name is appended). */
  url: string;
  headers?: Record<string, string>;
  docs: { name: string; apply: boolean }[];
  /** Provider version sent with the auth frame (hocuspocus). */
  providerVersion?: string;
  events?: RoomClientEvents;
}

/** Frame counters, shared by every client of a process (reset at the start of the measured window). */
export const traffic = {
  framesIn: 0,
  bytesIn: 0,
  framesOut: 0,
  bytesOut: 0,
  updatesIn: 0,
  awarenessIn: 0,
  acks: 0,
  refused: 0,
  pings: 0,
  reset() {
    this.framesIn = this.bytesIn = this.framesOut = this.bytesOut = 0;
    this.updatesIn = this.awarenessIn = this.acks = this.refused = this.pings = 0;
  },
};

export class RoomClient {
  readonly docs = new Map<string, RoomDocState>();
  readonly openedAt = performance.now();
  readyAt: number | null = null;
  private readonly ws: WebSocket;
  private closing = false;

  constructor(private readonly opts: RoomClientOptions) {
    const target =
      opts.protocol === 'y-websocket' ? `${opts.url}/${encodeURIComponent(opts.docs[0]?.name ?? '')}` : opts.url;
    if (opts.protocol === 'y-websocket' && opts.docs.length !== 1) {
      throw new Error('a y-websocket connection carries exactly one document');
    }
    for (const d of opts.docs) {
      const doc = new Y.Doc();
      const state: RoomDocState = {
        name: d.name,
        doc,
        apply: d.apply,
        authenticated: opts.protocol === 'y-websocket',
        readOnly: false,
        synced: false,
        sentAt: [],
        awarenessClock: 0,
      };
      doc.on('update', (update: Uint8Array, origin: unknown) => {
        if (origin !== REMOTE) this.sendUpdate(state, update);
      });
      this.docs.set(d.name, state);
    }
    this.ws = new WebSocket(target, { headers: opts.headers ?? {}, perMessageDeflate: false });
    this.ws.binaryType = 'nodebuffer';
    this.ws.on('open', () => this.onOpen());
    this.ws.on('message', (data: Buffer) =>
      this.receive(new Uint8Array(data.buffer, data.byteOffset, data.byteLength)),
    );
    this.ws.on('unexpected-response', (_req, res) => {
      res.resume();
      this.fail(`upgrade refused: HTTP ${res.statusCode}`);
    });
    this.ws.on('error', (err) => this.fail(err.message));
    this.ws.on('close', (code, reason) => this.fail(`closed by the server: ${code} ${reason.toString()}`.trim()));
  }

  get open(): boolean {
    return this.ws.readyState === WebSocket.OPEN;
  }

  /** Bytes queued in the socket but not yet written (a slow reader shows up here). */
  get bufferedAmount(): number {
    return this.ws.bufferedAmount;
  }

  close(): void {
    this.closing = true;
    for (const d of this.docs.values()) d.doc.destroy();
    if (this.ws.readyState === WebSocket.CONNECTING) this.ws.terminate();
    else this.ws.close();
  }

  /** Publishes this client's presence (a y-protocols awareness update with one state). */
  setAwareness(name: string, state: Record<string, unknown>): void {
    const d = this.docs.get(name);
    if (!d) return;
    d.awarenessClock += 1;
    const inner = encoding.createEncoder();
    encoding.writeVarUint(inner, 1);
    encoding.writeVarUint(inner, d.doc.clientID);
    encoding.writeVarUint(inner, d.awarenessClock);
    encoding.writeVarString(inner, JSON.stringify(state));
    this.send(name, (e) => {
      encoding.writeVarUint(e, MSG.awareness);
      encoding.writeVarUint8Array(e, encoding.toUint8Array(inner));
    });
  }

  private fail(reason: string): void {
    if (this.closing) return;
    this.closing = true;
    this.opts.events?.failure?.(reason);
    for (const d of this.docs.values()) d.doc.destroy();
    this.ws.terminate();
  }

  private onOpen(): void {
    for (const d of this.docs.values()) {
      if (this.opts.protocol === 'hocuspocus') {
        this.send(d.name, (e) => {
          encoding.writeVarUint(e, MSG.auth);
          encoding.writeVarUint(e, AUTH.token);
          encoding.writeVarString(e, '');
          encoding.writeVarString(e, this.opts.providerVersion ?? '');
        });
      }
      this.send(d.name, (e) => {
        encoding.writeVarUint(e, MSG.sync);
        syncProtocol.writeSyncStep1(e, d.doc);
      });
    }
  }

  private sendUpdate(d: RoomDocState, update: Uint8Array): void {
    if (this.opts.protocol === 'hocuspocus') d.sentAt.push({ at: performance.now(), measured: true });
    this.send(d.name, (e) => {
      encoding.writeVarUint(e, MSG.sync);
      syncProtocol.writeUpdate(e, update);
    });
  }

  private send(name: string, write: (e: encoding.Encoder) => void): void {
    if (this.ws.readyState !== WebSocket.OPEN) return;
    const e = encoding.createEncoder();
    if (this.opts.protocol === 'hocuspocus') encoding.writeVarString(e, name);
    write(e);
    const frame = encoding.toUint8Array(e);
    traffic.framesOut += 1;
    traffic.bytesOut += frame.byteLength;
    this.ws.send(frame);
  }

  private checkReady(): void {
    if (this.readyAt !== null) return;
    for (const d of this.docs.values()) if (!d.synced || !d.authenticated) return;
    this.readyAt = performance.now();
    this.opts.events?.ready?.();
  }

  private receive(frame: Uint8Array): void {
    traffic.framesIn += 1;
    traffic.bytesIn += frame.byteLength;
    if (this.opts.protocol === 'hocuspocus' && frame.byteLength === 1 && frame[0] === MSG.ping) {
      traffic.pings += 1;
      if (this.ws.readyState === WebSocket.OPEN) this.ws.send(Uint8Array.of(MSG.pong));
      return;
    }
    const decoder = decoding.createDecoder(frame);
    let d: RoomDocState | undefined;
    if (this.opts.protocol === 'hocuspocus') {
      d = this.docs.get(decoding.readVarString(decoder));
    } else {
      d = this.docs.values().next().value;
    }
    if (!d) return;
    const type = decoding.readVarUint(decoder);
    switch (type) {
      case MSG.sync:
      case MSG.syncReply:
        this.receiveSync(d, decoder);
        break;
      case MSG.awareness:
        traffic.awarenessIn += 1;
        break;
      case MSG.auth: {
        if (this.opts.protocol !== 'hocuspocus') break;
        const kind = decoding.readVarUint(decoder);
        if (kind === AUTH.denied) {
          this.fail(`${d.name}: permission denied (${decoding.readVarString(decoder)})`);
          return;
        }
        if (kind === AUTH.authenticated) {
          d.readOnly = decoding.readVarString(decoder) === 'readonly';
          d.authenticated = true;
          this.checkReady();
        }
        break;
      }
      case MSG.syncStatus: {
        const ok = decoding.readVarUint(decoder) === 1;
        traffic.acks += 1;
        if (!ok) traffic.refused += 1;
        // Shifted whether or not anyone listens (an optional call would skip evaluating its arguments).
        const sent = d.sentAt.shift();
        this.opts.events?.ack?.(d, ok, sent);
        break;
      }
      default:
        break;
    }
  }

  private receiveSync(d: RoomDocState, decoder: decoding.Decoder): void {
    const step = decoding.readVarUint(decoder);
    if (step === syncProtocol.messageYjsSyncStep1) {
      // The server's state vector: answer with what it lacks (hocuspocus acknowledges this too).
      if (this.opts.protocol === 'hocuspocus') d.sentAt.push({ at: performance.now(), measured: false });
      const sv = decoding.readVarUint8Array(decoder);
      this.send(d.name, (e) => {
        encoding.writeVarUint(e, MSG.sync);
        syncProtocol.writeSyncStep2(e, d.doc, sv);
      });
      return;
    }
    if (step === syncProtocol.messageYjsSyncStep2) {
      Y.applyUpdate(d.doc, decoding.readVarUint8Array(decoder), REMOTE);
      d.synced = true;
      this.checkReady();
      return;
    }
    if (step === syncProtocol.messageYjsUpdate) {
      traffic.updatesIn += 1;
      if (d.apply) Y.applyUpdate(d.doc, decoding.readVarUint8Array(decoder), REMOTE);
      this.opts.events?.update?.(d);
    }
  }
}
