import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { Hocuspocus } from '@hocuspocus/server';
import { ROOM_CLOSE_CODES, ROOM_WS_PATH } from '@interviewselect/contracts';
import type { FastifyInstance } from 'fastify';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import type { Config } from '../../config.js';
import { GUEST_COOKIE, SESSION_COOKIE } from '../../platform/auth.js';
import type { Principal } from '../auth/principal.js';
import { allowedOrigin, rejectUpgrade } from '../terminals/terminals.module.js';
import { GatedSocket } from './gated-socket.js';
import type { RoomContext } from './room-context.js';
import { PresenceRouter } from './room-presence.js';
import type { RoomLogLogger } from './room-log.js';

/** How a socket's cookies become a principal: the user session first, then the room guest's. */
export interface PrincipalResolver {
  session(token: string | undefined): Promise<Principal | null>;
  guest(token: string | undefined): Promise<Principal | null>;
}

/** Largest frame a client may send (a pasted file is far below; a whiteboard image goes elsewhere). */
const MAX_FRAME_BYTES = 4 * 1024 * 1024;

function toUint8Array(data: RawData): Uint8Array {
  if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data));
  return data instanceof ArrayBuffer
    ? new Uint8Array(data)
    : new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}

function webRequest(req: IncomingMessage): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (typeof value === 'string') headers.set(name, value);
    else if (Array.isArray(value)) for (const v of value) headers.append(name, v);
  }
  return new Request(`http://${req.headers.host ?? 'localhost'}${req.url ?? '/'}`, { headers });
}

/**
 * The room WebSocket at `/ws` on the server's `upgrade` event (other paths
 * are left to their handlers). Authenticated from the session or guest
 * cookie that rides on the same-origin upgrade, with the Origin checked (no
 * cross-site WebSocket hijacking); then every document on the socket is
 * authorised by Hocuspocus's onAuthenticate. Returns a close function that
 * stops accepting and closes every socket with `serverShutdown`.
 */
export function attachRoomSocket(
  app: FastifyInstance,
  deps: { hocuspocus: Hocuspocus<RoomContext>; config: Config; principals: PrincipalResolver; logger: RoomLogLogger },
): { close(): Promise<void> } {
  const { hocuspocus, config, principals, logger } = deps;
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_FRAME_BYTES });

  async function principalOf(req: IncomingMessage): Promise<Principal | null> {
    const cookies = app.parseCookie(req.headers.cookie ?? '');
    return (await principals.session(cookies[SESSION_COOKIE])) ?? (await principals.guest(cookies[GUEST_COOKIE]));
  }

  function serve(ws: WebSocket, req: IncomingMessage, principal: Principal): void {
    const context: RoomContext = { principal, members: new Map() };
    const socket = new GatedSocket(ws);
    const client = hocuspocus.handleConnection(socket, webRequest(req), context);
    const presence = new PresenceRouter(client);
    socket.presence = presence;
    ws.on('message', (data) => {
      const frame = toUint8Array(data);
      if (!presence.handle(frame)) client.handleMessage(frame);
    });
    ws.on('close', (code, reason) => client.handleClose({ code, reason: reason.toString() }));
    ws.on('error', (err) => logger.warn({ err }, 'room socket error'));
  }

  function onUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname !== ROOM_WS_PATH) return;
    socket.on('error', () => undefined);
    if (!allowedOrigin(req.headers.origin, req.headers.host, config)) {
      return rejectUpgrade(
        socket,
        'auth.csrf_failed',
        `WebSocket connections from ${req.headers.origin ?? 'an unknown origin'} are not accepted. Use the app at ${new URL(config.publicUrl).origin}.`,
      );
    }
    principalOf(req).then(
      (principal) => {
        if (!principal) return rejectUpgrade(socket, 'auth.unauthenticated', 'Sign in or open your invite link.');
        wss.handleUpgrade(req, socket, head, (ws) => serve(ws, req, principal));
      },
      (err: unknown) => {
        logger.warn({ err }, 'room upgrade failed');
        socket.destroy();
      },
    );
  }

  app.server.on('upgrade', onUpgrade);
  return {
    async close() {
      app.server.off('upgrade', onUpgrade);
      for (const ws of wss.clients) ws.close(ROOM_CLOSE_CODES.serverShutdown, 'server shutting down');
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}
