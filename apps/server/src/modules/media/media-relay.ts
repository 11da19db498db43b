import { EventEmitter } from 'node:events';
import type { Document } from '@hocuspocus/server';
import { MediaServerMessageSchema, roomDocumentName } from '@interviewselect/contracts';
import type { Redis } from 'ioredis';
import { z } from 'zod';
import { contextOf, sendServerMessage } from '../rooms/room-context.js';
import type { RoomLogLogger } from '../rooms/room-log.js';

/**
 * Carries a signalling message to its peer's connections, wherever they are:
 * in one process straight to the room document's connections; when scaled,
 * through one Redis channel every node subscribes to, each node delivering
 * to the connections it holds. Not through extension-redis's stateless
 * broadcast: a node receiving one relays it to every connection of the
 * document, which would show a peer's SDP (its addresses) to everyone.
 */
export interface MediaRelay {
  /** `to`: one participant; null: everyone in the room but `except`. */
  deliver(envelope: MediaEnvelope): Promise<void>;
  close(): Promise<void>;
}

const EnvelopeSchema = z.object({
  interviewId: z.uuid(),
  to: z.string().nullable(),
  except: z.string(),
  message: MediaServerMessageSchema,
});
export type MediaEnvelope = z.infer<typeof EnvelopeSchema>;

/** Sends the envelope's message to the matching connections of this node's room document. */
function deliverLocally(document: Document | undefined, envelope: MediaEnvelope): void {
  if (!document) return;
  for (const connection of document.getConnections()) {
    const ctx = contextOf(connection);
    if (!ctx || ctx.kind !== 'room') continue;
    const id = ctx.member.participantId;
    if (id === envelope.except) continue;
    if (envelope.to !== null && id !== envelope.to) continue;
    sendServerMessage(connection, envelope.message);
  }
}

export function createMediaRelay(deps: {
  documents: (name: string) => Document | undefined;
  logger: RoomLogLogger;
  redis?: { connection: Redis; prefix: string } | undefined;
}): MediaRelay {
  const local = (envelope: MediaEnvelope) =>
    deliverLocally(deps.documents(roomDocumentName(envelope.interviewId)), envelope);
  if (!deps.redis) {
    const emitter = new EventEmitter();
    emitter.on('media', local);
    return {
      async deliver(envelope) {
        emitter.emit('media', envelope);
      },
      async close() {
        emitter.removeAllListeners();
      },
    };
  }
  const { connection, prefix } = deps.redis;
  const channel = `${prefix}room:media`;
  const subscriber = connection.duplicate();
  subscriber.on('error', (err: Error) => deps.logger.warn({ err }, 'redis connection error (media relay)'));
  subscriber.on('message', (_channel: string, text: string) => {
    try {
      const parsed = EnvelopeSchema.safeParse(JSON.parse(text));
      if (parsed.success) local(parsed.data);
    } catch {
      deps.logger.warn({ channel }, 'ignored an invalid media relay message');
    }
  });
  const subscribed = subscriber.subscribe(channel).then(
    () => undefined,
    (err: unknown) => deps.logger.warn({ err, channel }, 'media relay not subscribed'),
  );
  return {
    async deliver(envelope) {
      await subscribed;
      await connection.publish(channel, JSON.stringify(envelope));
    },
    async close() {
      subscriber.disconnect();
    },
  };
}
