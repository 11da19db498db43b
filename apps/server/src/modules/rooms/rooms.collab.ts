/**
 * The room server: one Hocuspocus instance with the hooks that make it ours.
 *
 * Lifecycle of a connection to a room document (`interview:<id>` or
 * `interview:<id>:private`):
 *   1. the socket is authenticated from its cookies before the upgrade
 *      (room-socket.ts) and carries the principal in its context;
 *   2. onAuthenticate resolves the principal's place in that interview and
 *      asks the policy: the private document needs `room.private`, writing
 *      needs `room.write` and the lifecycle's memberCanWrite; a candidate
 *      before the start is refused;
 *   3. the document loads from its latest snapshot plus later updates;
 *   4. every change, whoever made it, is appended to the edit log; a client's
 *      acknowledgement waits for the commit (GatedSocket); updates that came
 *      from another node through Redis are that node's to log;
 *   5. client updates touching chat or console are dropped (server-written),
 *      awareness is rewritten to the member's label (room-presence.ts), stateless messages
 *      (chat, signals, language, call signalling) go through room-messages.ts.
 * Joins and leaves of the public document are timeline events.
 */
import { Hocuspocus, isTransactionOrigin, type Connection, type Extension } from '@hocuspocus/server';
import { Redis as RedisExtension } from '@hocuspocus/extension-redis';
import { parseDocumentName } from '@interviewselect/contracts';
import type { Redis } from 'ioredis';
import * as Y from 'yjs';
import { memberMayEnter, type RoomAccess, type RoomMember } from '../interviews/room-access.js';
import type { Principal } from '../auth/principal.js';
import { can } from '../policy/policy.js';
import { GatedSocket } from './gated-socket.js';
import {
  contextOf,
  memberWrites,
  sendServerMessage,
  type MemberContext,
  type RoomContext,
  type ServerChangeContext,
} from './room-context.js';
import { handleRoomMessage } from './room-messages.js';
import { createMediaRelay } from '../media/media-relay.js';
import { touchesServerKeys, updateOfFrame } from './room-guard.js';
import { filterPresenceStates } from './room-presence.js';
import type { RoomLog, RoomLogLogger } from './room-log.js';
import type { RoomsRepo } from './rooms.repo.js';

/**
 * extension-redis without its store lock: the log is written per update
 * (every node logs its own clients' updates), nothing runs in
 * onStoreDocument, so the lock would only cost Redis round trips.
 */
class RoomRedisExtension extends RedisExtension {
  override async onStoreDocument(): Promise<void> {}
  override async afterStoreDocument(): Promise<void> {}
}

/** How long one socket's documents share a member lookup. */
const MEMBER_CACHE_MS = 2000;

/** A refusal Hocuspocus reports to the client as "permission denied" with this reason (no stack, no log). */
class RoomRefusal extends Error {
  constructor(readonly reason: string) {
    super();
  }
}

export interface RoomCollabDeps {
  roomAccess: RoomAccess;
  log: RoomLog;
  repo: RoomsRepo;
  logger: RoomLogLogger;
  now: () => Date;
  /** Scale-out: Redis connection and key prefix; absent = this process is the only node. */
  redis?: { connection: Redis; prefix: string };
}

/** Builds the Hocuspocus instance; the module attaches it to the HTTP server (bench can build its own). */
export function createRoomCollab(deps: RoomCollabDeps): Hocuspocus<RoomContext> {
  const { roomAccess, log, repo, logger, now } = deps;
  /** Connections whose current frame was refused: readOnly is raised for that one frame only. */
  const refusedFrame = new WeakSet<Connection>();

  // Joins and leaves go through the log's writer (batched, off every acknowledgement path).
  const recordPresence = (ctx: MemberContext, kind: 'join' | 'leave') => {
    if (ctx.kind !== 'room') return;
    log.event({
      interviewId: ctx.member.interviewId,
      at: now(),
      kind,
      participantId: ctx.member.participantId,
      label: ctx.member.label,
      detail: { role: ctx.member.role },
    });
  };

  /**
   * The member lookup, shared by the documents of one socket (the room and
   * the private notes authenticate together): cached per socket for a
   * moment, and forgotten when this node sees the interview's status change.
   */
  const statusGeneration = new Map<string, number>();
  const unsubscribeStatus = roomAccess.onStatusChange((event) =>
    statusGeneration.set(event.interviewId, (statusGeneration.get(event.interviewId) ?? 0) + 1),
  );
  const resolveMember = (context: RoomContext, principal: Principal, interviewId: string) => {
    const cache = context.members;
    if (!cache) return roomAccess.resolveMember(principal, interviewId);
    const generation = statusGeneration.get(interviewId) ?? 0;
    const hit = cache.get(interviewId);
    if (hit && hit.generation === generation && Date.now() - hit.at < MEMBER_CACHE_MS) return hit.member;
    const member: Promise<RoomMember | null> = roomAccess.resolveMember(principal, interviewId);
    cache.set(interviewId, { at: Date.now(), generation, member });
    member.catch(() => cache.delete(interviewId));
    return member;
  };

  const extensions: Extension[] = [];
  if (deps.redis) {
    extensions.push(
      new RoomRedisExtension({
        redis: deps.redis.connection,
        prefix: `${deps.redis.prefix}room`,
        disconnectDelay: 300,
      }),
    );
  }

  const media = createMediaRelay({ documents: (name) => hocuspocus.documents.get(name), logger, redis: deps.redis });
  const hocuspocus: Hocuspocus<RoomContext> = new Hocuspocus<RoomContext>({
    name: 'interviewselect-rooms',
    quiet: true,
    extensions,

    async onAuthenticate({ documentName, context, connectionConfig }) {
      const parsed = parseDocumentName(documentName);
      if (!parsed) throw new RoomRefusal('room.not_found');
      const principal = context.principal;
      const member = await resolveMember(context, principal, parsed.interviewId);
      const resource = member ? { roomRole: member.role, interviewId: parsed.interviewId } : {};
      if (!member || !can(principal, 'room.join', resource)) throw new RoomRefusal('auth.forbidden');
      if (parsed.kind === 'private' && !can(principal, 'room.private', resource)) {
        throw new RoomRefusal('auth.forbidden');
      }
      if (!memberMayEnter(member)) throw new RoomRefusal('room.not_started');
      connectionConfig.readOnly = !memberWrites(principal, member);
      return { member, kind: parsed.kind } satisfies Partial<RoomContext>;
    },

    async connected({ connection, documentName }) {
      if (connection.webSocket instanceof GatedSocket) connection.webSocket.presence?.add(documentName, connection);
      const ctx = contextOf(connection);
      if (ctx) recordPresence(ctx, 'join');
    },

    async onDisconnect({ context }) {
      if (context.member && context.kind) recordPresence(context as MemberContext, 'leave');
    },

    async onLoadDocument({ documentName, document }) {
      const parsed = parseDocumentName(documentName);
      if (!parsed) throw new RoomRefusal('room.not_found');
      Y.applyUpdate(document, await log.load(parsed.interviewId, parsed.kind));
    },

    async onDestroy() {
      unsubscribeStatus();
      await media.close();
    },

    async afterLoadDocument({ documentName, document }) {
      const parsed = parseDocumentName(documentName);
      if (!parsed) return;
      // Registered after loading, so the loaded state itself is not logged again.
      log.attach(parsed.interviewId, parsed.kind, document);
      document.on('update', (update: Uint8Array, origin: unknown) => {
        if (isTransactionOrigin(origin) && origin.source === 'redis') {
          log.foreign(parsed.interviewId, parsed.kind);
          return;
        }
        const connection = isTransactionOrigin(origin) && origin.source === 'connection' ? origin.connection : null;
        const actor = connection
          ? (contextOf(connection)?.member.participantId ?? null)
          : isTransactionOrigin(origin) && origin.source === 'local'
            ? ((origin.context as ServerChangeContext | undefined)?.actor ?? null)
            : null;
        const committed = log.append(parsed.interviewId, parsed.kind, { at: now(), actor, update });
        if (connection?.webSocket instanceof GatedSocket) {
          connection.webSocket.hold(committed);
          connection.webSocket.echo.expectUpdate(documentName, update);
        }
      });
    },

    async beforeUnloadDocument({ documentName }) {
      const parsed = parseDocumentName(documentName);
      if (!parsed) return;
      await log.flush(parsed.interviewId, parsed.kind);
      // From the live document while it is still there (exact when nothing is pending).
      await log.snapshot(parsed.interviewId, parsed.kind);
    },

    async afterUnloadDocument({ documentName }) {
      const parsed = parseDocumentName(documentName);
      if (!parsed) return;
      log.attach(parsed.interviewId, parsed.kind, null);
      await log.snapshot(parsed.interviewId, parsed.kind);
      await log.release(parsed.interviewId, parsed.kind);
    },

    async beforeHandleMessage({ connection, document, update: frame }) {
      const ctx = contextOf(connection);
      if (!ctx || ctx.kind !== 'room' || connection.readOnly) return;
      const update = updateOfFrame(frame);
      if (update && touchesServerKeys(document, update)) {
        // Dropped like a read-only client's update (Hocuspocus answers "not saved"), for this frame only.
        refusedFrame.add(connection);
        connection.readOnly = true;
        sendServerMessage(connection, { type: 'error', message: 'Chat and console are written by the server only.' });
      }
    },

    async afterHandleMessage({ connection }) {
      if (!refusedFrame.delete(connection)) return;
      const ctx = contextOf(connection);
      connection.readOnly = !ctx || !memberWrites(ctx.principal, ctx.member);
    },

    async beforeHandleAwareness({ connection, document, states }) {
      // Presence of established connections takes room-presence.ts's fast path; this is the rest.
      filterPresenceStates(connection, document, states);
    },

    async onStateless({ connection, document, payload }) {
      const ctx = contextOf(connection);
      if (!ctx) return;
      await handleRoomMessage({ connection, document, ctx, payload, repo, logger, now, media });
    },
  });
  return hocuspocus;
}
