/**
 * The `room` benchmark's baseline: a minimal y-websocket-style server (the
 * message handling of y-websocket's bin/utils.js, trimmed). One in-memory
 * Y.Doc and Awareness per room, named by the URL path; y-protocols sync and
 * awareness; no auth, no persistence, no hooks. Every update and awareness
 * change is broadcast to every connection of the room, the sender included,
 * as y-websocket does. `GET /` answers 200 (readiness).
 *
 * Run as its own process: `PORT=… HOST=127.0.0.1 node bench/lib/room-baseline-server.ts`.
 * Self-contained (no relative imports), so Node's type stripping runs it
 * without a loader.
 */
import http from 'node:http';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { WebSocket, WebSocketServer } from 'ws';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';

const MESSAGE_SYNC = 0;
const MESSAGE_AWARENESS = 1;
const PING_INTERVAL_MS = 30_000;

interface Room {
  doc: Y.Doc;
  awareness: awarenessProtocol.Awareness;
  /** Each connection and the awareness client ids it controls. */
  conns: Map<WebSocket, Set<number>>;
}

const rooms = new Map<string, Room>();

function send(room: Room, conn: WebSocket, message: Uint8Array): void {
  if (conn.readyState !== WebSocket.OPEN) {
    closeConn(room, conn);
    return;
  }
  conn.send(message, (err) => {
    if (err) closeConn(room, conn);
  });
}

function getRoom(name: string): Room {
  const existing = rooms.get(name);
  if (existing) return existing;
  const doc = new Y.Doc();
  const awareness = new awarenessProtocol.Awareness(doc);
  awareness.setLocalState(null);
  const created: Room = { doc, awareness, conns: new Map() };
  awareness.on(
    'update',
    (
      { added, updated, removed }: { added: number[]; updated: number[]; removed: number[] },
      origin: WebSocket | null,
    ) => {
      const changed = added.concat(updated, removed);
      if (origin) {
        const controlled = created.conns.get(origin);
        if (controlled) {
          for (const id of added) controlled.add(id);
          for (const id of removed) controlled.delete(id);
        }
      }
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, MESSAGE_AWARENESS);
      encoding.writeVarUint8Array(encoder, awarenessProtocol.encodeAwarenessUpdate(awareness, changed));
      const message = encoding.toUint8Array(encoder);
      for (const conn of created.conns.keys()) send(created, conn, message);
    },
  );
  doc.on('update', (update: Uint8Array) => {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MESSAGE_SYNC);
    syncProtocol.writeUpdate(encoder, update);
    const message = encoding.toUint8Array(encoder);
    for (const conn of created.conns.keys()) send(created, conn, message);
  });
  rooms.set(name, created);
  return created;
}

function closeConn(room: Room, conn: WebSocket): void {
  const controlled = room.conns.get(conn);
  if (controlled) {
    room.conns.delete(conn);
    awarenessProtocol.removeAwarenessStates(room.awareness, [...controlled], null);
  }
  conn.close();
}

function onMessage(room: Room, conn: WebSocket, message: Uint8Array): void {
  try {
    const encoder = encoding.createEncoder();
    const decoder = decoding.createDecoder(message);
    switch (decoding.readVarUint(decoder)) {
      case MESSAGE_SYNC:
        encoding.writeVarUint(encoder, MESSAGE_SYNC);
        syncProtocol.readSyncMessage(decoder, encoder, room.doc, conn);
        if (encoding.length(encoder) > 1) send(room, conn, encoding.toUint8Array(encoder));
        break;
      case MESSAGE_AWARENESS:
        awarenessProtocol.applyAwarenessUpdate(room.awareness, decoding.readVarUint8Array(decoder), conn);
        break;
      default:
        break;
    }
  } catch (err) {
    process.stderr.write(`baseline: bad message: ${String(err)}\n`);
  }
}

function setupConnection(conn: WebSocket, path: string): void {
  conn.binaryType = 'arraybuffer';
  const room = getRoom(decodeURIComponent(path.slice(1).split('?')[0] ?? ''));
  room.conns.set(conn, new Set());
  conn.on('message', (data: ArrayBuffer) => onMessage(room, conn, new Uint8Array(data)));

  let alive = true;
  const pinger = setInterval(() => {
    if (!alive) {
      closeConn(room, conn);
      clearInterval(pinger);
      return;
    }
    alive = false;
    conn.ping();
  }, PING_INTERVAL_MS);
  conn.on('pong', () => (alive = true));
  conn.on('close', () => {
    closeConn(room, conn);
    clearInterval(pinger);
  });

  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_SYNC);
  syncProtocol.writeSyncStep1(encoder, room.doc);
  send(room, conn, encoding.toUint8Array(encoder));
  const states = room.awareness.getStates();
  if (states.size > 0) {
    const aw = encoding.createEncoder();
    encoding.writeVarUint(aw, MESSAGE_AWARENESS);
    encoding.writeVarUint8Array(aw, awarenessProtocol.encodeAwarenessUpdate(room.awareness, [...states.keys()]));
    send(room, conn, encoding.toUint8Array(aw));
  }
}

const server = http.createServer((_req, res) => {
  res.writeHead(200, { 'content-type': 'text/plain' });
  res.end('ok');
});
const wss = new WebSocketServer({ noServer: true, perMessageDeflate: false });
server.on('upgrade', (req, socket, head) => {
  wss.handleUpgrade(req, socket, head, (ws) => setupConnection(ws, req.url ?? '/'));
});
server.listen(Number(process.env.PORT ?? 0), process.env.HOST ?? '127.0.0.1');

const stop = () => {
  for (const ws of wss.clients) ws.terminate();
  server.close(() => process.exit(0));
  setTimeout(() => process.exit(0), 2000).unref();
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
