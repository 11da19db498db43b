/**
 * Presence (awareness: cursors, selections, the whiteboard pointer, media
 * state) from clients, under one rule set wherever it arrives:
 *   - a connection sets only its own clients' states: another connection's
 *     presence cannot be set or cleared, and an empty or null state carries
 *     nothing (a client's presence ends when its connection does);
 *   - what passes is rewritten by sanitizeAwareness (the server's label, never
 *     a claimed name or e-mail).
 *
 * The fast path: Hocuspocus's message receiver builds a scratch Y.Doc and
 * Awareness for every presence message, as much CPU as applying an edit, and
 * a cursor moves every few keystrokes. An established connection's presence
 * frames are therefore decoded, checked and applied here (ADR 0023); frames of
 * a document still authenticating go through Hocuspocus and its
 * beforeHandleAwareness hook, which applies the same rules.
 */
import { MessageType, type Connection, type Document, type Hocuspocus } from '@hocuspocus/server';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { applyAwarenessUpdate } from 'y-protocols/awareness';
import { contextOf } from './room-context.js';
import { GatedSocket } from './gated-socket.js';
import { sanitizeAwareness } from './room-guard.js';

/** The socket-level connection Hocuspocus hands out (its class is not exported by name). */
type ClientConnection = ReturnType<Hocuspocus['handleConnection']>;

/** The client ids other connections of the document publish. */
function othersClients(document: Document, connection: Connection): Set<number> {
  const others = new Set<number>();
  for (const [other, entry] of document.connections)
    if (other !== connection) for (const c of entry.clients as Set<number>) others.add(c);
  return others;
}

/** The state a connection may publish for `clientId`, rewritten; null = dropped. */
function allowedState(
  connection: Connection,
  clientId: number,
  state: unknown,
  others: Set<number>,
): Record<string, unknown> | null {
  const ctx = contextOf(connection);
  if (!ctx || others.has(clientId) || state === null || typeof state !== 'object') return null;
  if (Object.keys(state).length === 0) return null;
  const clean = sanitizeAwareness(state, ctx.member);
  if (clean && connection.webSocket instanceof GatedSocket) connection.webSocket.echo.ownPresence(clientId);
  return clean;
}

/** The beforeHandleAwareness rules on Hocuspocus's decoded states (edited in place). */
export function filterPresenceStates(
  connection: Connection | undefined,
  document: Document,
  states: Map<number, Record<string, unknown>>,
): void {
  if (!connection) return;
  const others = othersClients(document, connection);
  for (const [clientId, state] of states) {
    const clean = allowedState(connection, clientId, state, others);
    if (clean) states.set(clientId, clean);
    else states.delete(clientId);
  }
}

/** One decoded entry of a y-protocols awareness update. */
interface Entry {
  clientId: number;
  clock: number;
  state: unknown;
}

function decodeEntries(update: Uint8Array): Entry[] {
  const decoder = decoding.createDecoder(update);
  const entries: Entry[] = [];
  for (let n = decoding.readVarUint(decoder); n > 0; n--) {
    const clientId = decoding.readVarUint(decoder);
    const clock = decoding.readVarUint(decoder);
    entries.push({ clientId, clock, state: JSON.parse(decoding.readVarString(decoder)) as unknown });
  }
  return entries;
}

/**
 * Per socket: the established document connections, by document name, so a
 * presence frame finds its connection without going through Hocuspocus.
 */
export class PresenceRouter {
  private readonly connections = new Map<string, Connection>();

  constructor(private readonly client: ClientConnection) {}

  /** A document connection of this socket is established (Hocuspocus's `connected`). */
  add(documentName: string, connection: Connection): void {
    this.connections.set(documentName, connection);
    connection.onClose(() => {
      if (this.connections.get(documentName) === connection) this.connections.delete(documentName);
    });
  }

  /**
   * Applies a presence frame of an established connection; false = not one
   * (another message, a document not established yet, or unreadable: the
   * caller hands it to Hocuspocus, which answers as it always does).
   */
  handle(frame: Uint8Array): boolean {
    if (this.connections.size === 0) return false;
    let connection: Connection | undefined;
    let entries: Entry[];
    try {
      const decoder = decoding.createDecoder(frame);
      const name = decoding.readVarString(decoder);
      if ((decoding.readVarUint(decoder) as MessageType) !== MessageType.Awareness) return false;
      connection = this.connections.get(name);
      if (!connection) return false;
      entries = decodeEntries(decoding.readVarUint8Array(decoder));
    } catch {
      return false;
    }
    // What Hocuspocus does for every message it receives: the socket is alive.
    this.client.lastMessageReceivedAt = Date.now();
    const document = connection.document;
    const others = othersClients(document, connection);
    let kept = 0;
    const body = encoding.createEncoder();
    for (const e of entries) {
      const clean = allowedState(connection, e.clientId, e.state, others);
      if (!clean) continue;
      kept++;
      encoding.writeVarUint(body, e.clientId);
      encoding.writeVarUint(body, e.clock);
      encoding.writeVarString(body, JSON.stringify(clean));
    }
    if (kept === 0) return true;
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, kept);
    encoding.writeUint8Array(encoder, encoding.toUint8Array(body));
    applyAwarenessUpdate(document.awareness, encoding.toUint8Array(encoder), { source: 'connection', connection });
    return true;
  }
}
