import type { Connection, Document } from '@hocuspocus/server';
import {
  RoomClientMessageSchema,
  ROOM_KEYS,
  type ChatMessage,
  type RoomClientMessage,
} from '@interviewselect/contracts';
import { uuidv7 } from 'uuidv7';
import { handleMediaMessage } from '../media/media-signalling.js';
import type { MediaRelay } from '../media/media-relay.js';
import { sendServerMessage, type MemberContext, type ServerChangeContext } from './room-context.js';
import type { RoomLogLogger } from './room-log.js';
import type { NewRoomEvent, RoomsRepo } from './rooms.repo.js';

/** Chat messages one connection may send per window (a runaway client cannot flood the room). */
const CHAT_BURST = 20;
const CHAT_WINDOW_MS = 10_000;
const chatTimes = new WeakMap<Connection, number[]>();

function parseMessage(payload: string): RoomClientMessage | null {
  try {
    const parsed = RoomClientMessageSchema.safeParse(JSON.parse(payload));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

function allowChat(connection: Connection, now: number): boolean {
  const recent = (chatTimes.get(connection) ?? []).filter((t) => now - t < CHAT_WINDOW_MS);
  if (recent.length >= CHAT_BURST) return false;
  recent.push(now);
  chatTimes.set(connection, recent);
  return true;
}

/**
 * A client's stateless message on the public document: chat is appended by
 * the server (author from the connection, never from the client), language
 * switches and — when the interview has them on, from the candidate only —
 * integrity signals become timeline events, call signalling is relayed
 * (media-signalling.ts). Anything else is answered with an `error` message.
 */
export async function handleRoomMessage(args: {
  connection: Connection;
  document: Document;
  ctx: MemberContext;
  payload: string;
  repo: RoomsRepo;
  logger: RoomLogLogger;
  now: () => Date;
  /** Call signalling goes to modules/media. */
  media: MediaRelay;
}): Promise<void> {
  const { connection, document, ctx, repo, now } = args;
  const { member } = ctx;
  const message = ctx.kind === 'room' ? parseMessage(args.payload) : null;
  if (!message) return sendServerMessage(connection, { type: 'error', message: 'Unknown or invalid room message.' });
  const at = now();
  const event = (kind: string, detail: Record<string, unknown>): NewRoomEvent => ({
    interviewId: member.interviewId,
    at,
    kind,
    participantId: member.participantId,
    label: member.label,
    detail,
  });

  switch (message.type) {
    case 'chat': {
      if (connection.readOnly)
        return sendServerMessage(connection, { type: 'error', message: 'This room is read-only for you.' });
      if (!allowChat(connection, at.getTime())) {
        return sendServerMessage(connection, { type: 'error', message: 'Too many messages; wait a few seconds.' });
      }
      const chat: ChatMessage = {
        id: uuidv7(),
        at: at.getTime(),
        participantId: member.participantId,
        author: member.label,
        text: message.text,
      };
      const origin = { source: 'local', context: { actor: null } satisfies ServerChangeContext } as const;
      document.transact(() => document.getArray<ChatMessage>(ROOM_KEYS.chat).push([chat]), origin);
      await repo.insertEvent(event('chat', { messageId: chat.id, text: chat.text }));
      return;
    }
    case 'language':
      if (connection.readOnly) return;
      await repo.insertEvent(event('language', { language: message.language }));
      return;
    case 'signal':
      if (!member.integritySignals || member.role !== 'candidate') return;
      await repo.insertEvent(
        event('signal', { signal: message.kind, ...(message.chars !== undefined ? { chars: message.chars } : {}) }),
      );
      return;
    case 'media.hello':
    case 'media.offer':
    case 'media.answer':
    case 'media.candidate':
    case 'media.bye':
      return handleMediaMessage({ connection, ctx, message, relay: args.media, now: at.getTime() });
  }
}
