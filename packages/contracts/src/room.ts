import { z } from 'zod';
import { LanguageIdSchema } from './executions.js';
import { MediaClientMessageSchemas, MediaServerMessageSchemas } from './media.js';

/**
 * The room's Yjs documents, served by Hocuspocus at `/ws` (one WebSocket per
 * client, both documents multiplexed on it). The server and the web client
 * use these names; nothing else spells them.
 *
 * `interview:<id>` — everyone in the room (observers read-only):
 *   - ROOM_KEYS.files   Y.Map<Y.Text>   code per language id (one buffer per language)
 *   - ROOM_KEYS.meta    Y.Map           language (LanguageId), questionId (string | null)
 *   - ROOM_KEYS.timer   Y.Map           startedAt (ms epoch | null), durationMs, pausedAt (ms | null), pausedTotalMs
 *   - ROOM_KEYS.chat    Y.Array<ChatMessage>     appended by the server only (from a `chat` stateless message)
 *   - ROOM_KEYS.console Y.Array<ConsoleEntry>    appended/updated by the server only (runs and their results)
 *   - ROOM_KEYS.whiteboard Y.Map<element JSON>  Excalidraw elements by id (highest `version` wins; deletions are
 *                                              tombstones with `isDeleted`), see apps/web/src/pages/room/whiteboard/
 * `interview:<id>:private` — interviewers only:
 *   - PRIVATE_KEYS.notes  Y.Text   markdown notes
 *   - PRIVATE_KEYS.hints  Y.Array<string>
 */
/** Path of the room WebSocket on the app's own origin (session or guest cookie authenticates it). */
export const ROOM_WS_PATH = '/ws';

/**
 * Close codes of the room socket (Hocuspocus's own: 4401 unauthorised, 4403
 * forbidden, 4205 reset). The provider reconnects after any of them and is
 * authorised afresh, which is how a room turns read-only after the end.
 */
export const ROOM_CLOSE_CODES = {
  /** The interview's status changed what this connection may do (ended, paused, resumed, cancelled). */
  permissionsChanged: 4001,
  /** The server is shutting down; reconnect (to another node). */
  serverShutdown: 4002,
} as const;

export const roomDocumentName = (interviewId: string) => `interview:${interviewId}`;
export const privateDocumentName = (interviewId: string) => `interview:${interviewId}:private`;

const DOC_NAME = /^interview:([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})(:private)?$/;

/** Parses a document name; null for anything that is not one of ours. */
export function parseDocumentName(name: string): { interviewId: string; kind: 'room' | 'private' } | null {
  const m = DOC_NAME.exec(name);
  if (!m?.[1]) return null;
  return { interviewId: m[1], kind: m[2] ? 'private' : 'room' };
}

export const ROOM_KEYS = {
  files: 'files',
  meta: 'meta',
  timer: 'timer',
  chat: 'chat',
  console: 'console',
  whiteboard: 'whiteboard',
} as const;

export const PRIVATE_KEYS = { notes: 'notes', hints: 'hints' } as const;

/** A chat message as stored in the room document (written by the server, so the author cannot be forged). */
export const ChatMessageSchema = z.object({
  id: z.string(),
  at: z.number().int(),
  participantId: z.string(),
  /** The author's label (anonymous mode: “Candidate”, “Interviewer 1”). */
  author: z.string(),
  text: z.string(),
});
export type ChatMessage = z.infer<typeof ChatMessageSchema>;

/** A run shown in the shared console; the server rewrites the entry as the execution progresses. */
export const ConsoleEntrySchema = z.object({
  executionId: z.string(),
  at: z.number().int(),
  by: z.string(),
  mode: z.enum(['run', 'test', 'submit']),
  language: LanguageIdSchema,
  status: z.enum(['pending', 'running', 'completed', 'failed']),
  verdict: z.string().nullable(),
  stdout: z.string(),
  stderr: z.string(),
  timeMs: z.number().nullable(),
  memoryKb: z.number().nullable(),
  tests: z.array(
    z.object({
      index: z.number().int(),
      name: z.string(),
      hidden: z.boolean(),
      verdict: z.string(),
      timeMs: z.number().nullable(),
      memoryKb: z.number().nullable(),
    }),
  ),
});
export type ConsoleEntry = z.infer<typeof ConsoleEntrySchema>;

/** Largest chat message, in characters. */
export const CHAT_MAX_LENGTH = 2000;

/**
 * Stateless messages a client sends on `interview:<id>` (JSON strings). The
 * server validates each one; an invalid message is answered with an `error`.
 */
export const RoomClientMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('chat'), text: z.string().trim().min(1).max(CHAT_MAX_LENGTH) }),
  /** Integrity signals (only recorded when the interview has them on, only from the candidate). */
  z.object({
    type: z.literal('signal'),
    kind: z.enum(['paste', 'blur', 'focus']),
    chars: z.number().int().min(0).optional(),
  }),
  /** Language switch: recorded on the timeline (the document's meta.language carries the state). */
  z.object({ type: z.literal('language'), language: LanguageIdSchema }),
  /** Call signalling (media.ts): relayed to one peer, or to everyone in the call for hello/bye. */
  ...MediaClientMessageSchemas,
]);
export type RoomClientMessage = z.infer<typeof RoomClientMessageSchema>;

/** Stateless messages the server sends to clients on `interview:<id>`. */
export const RoomServerMessageSchema = z.discriminatedUnion('type', [
  /** Interview status changed (start, pause, end…): the lobby lets people in, an ended room turns read-only. */
  z.object({
    type: z.literal('status'),
    status: z.enum(['draft', 'scheduled', 'live', 'paused', 'ended', 'cancelled']),
  }),
  z.object({ type: z.literal('error'), message: z.string() }),
  /** Call signalling relayed from another peer (media.ts). */
  ...MediaServerMessageSchemas,
]);
export type RoomServerMessage = z.infer<typeof RoomServerMessageSchema>;

/** Largest whiteboard coordinate a pointer may claim (scene units); beyond it the field is dropped. */
export const WHITEBOARD_POINTER_LIMIT = 1_000_000;

const pointerCoordinate = z.number().finite().min(-WHITEBOARD_POINTER_LIMIT).max(WHITEBOARD_POINTER_LIMIT);

/** A collaborator's pointer on the whiteboard, published through awareness. */
export const WhiteboardPointerSchema = z.object({
  x: pointerCoordinate,
  y: pointerCoordinate,
  /** Mouse button state (Excalidraw draws a pressed pointer differently). */
  button: z.enum(['up', 'down']),
});
export type WhiteboardPointer = z.infer<typeof WhiteboardPointerSchema>;

/**
 * Awareness (presence) state a client may publish on either document. The
 * server keeps only these fields and overwrites `user` with what it knows
 * (the label — no name or e-mail in anonymous mode — and the participant id).
 */
export const RoomAwarenessSchema = z.object({
  user: z
    .object({
      name: z.string(),
      participantId: z.string(),
      role: z.enum(['candidate', 'interviewer', 'observer']),
      /** Cursor colour chosen by the client (#rgb / #rrggbb, with optional alpha). */
      color: z
        .string()
        .regex(/^#[0-9a-fA-F]{3,8}$/)
        .optional(),
      colorLight: z
        .string()
        .regex(/^#[0-9a-fA-F]{3,8}$/)
        .optional(),
    })
    .optional(),
  /** y-codemirror.next's selection: Yjs relative positions (JSON). */
  cursor: z.object({ anchor: z.unknown(), head: z.unknown() }).nullable().optional(),
  /** Where the pointer is on the whiteboard (scene coordinates); null when it left the board. */
  pointer: WhiteboardPointerSchema.nullable().optional(),
  /** Media state shown next to the participant. */
  media: z.object({ audio: z.boolean(), video: z.boolean(), screen: z.boolean().optional() }).partial().optional(),
});
export type RoomAwareness = z.infer<typeof RoomAwarenessSchema>;

/** Kinds of event on a room's timeline (GET /api/v1/interviews/:id/timeline). */
export const TIMELINE_KINDS = ['join', 'leave', 'language', 'chat', 'run', 'signal', 'status', 'edit'] as const;

export const TimelineEventSchema = z.object({
  at: z.iso.datetime(),
  kind: z.enum(TIMELINE_KINDS),
  participantId: z.string().nullable(),
  label: z.string().nullable(),
  detail: z.record(z.string(), z.unknown()),
});
export type TimelineEvent = z.infer<typeof TimelineEventSchema>;

export const TimelineSchema = z.object({ events: z.array(TimelineEventSchema) });

/** GET /api/v1/interviews/:id/state?at=… — the room document as it was at a moment. */
export const RoomStateSchema = z.object({
  at: z.iso.datetime(),
  /** Code per language at that moment. */
  files: z.record(z.string(), z.string()),
  language: z.string().nullable(),
  chat: z.array(ChatMessageSchema),
  /** Yjs update (base64) of the whole public document at that moment, for the replay player. */
  update: z.string(),
});
export type RoomState = z.infer<typeof RoomStateSchema>;
