/**
 * Protocol-level rules Yjs itself cannot express: which parts of the room
 * document clients may change (everything but the server-written chat and
 * console), and what presence (awareness) they may publish.
 */
import { RoomAwarenessSchema, ROOM_KEYS, ROOM_META_RECORDING, type RoomAwareness } from '@interviewselect/contracts';
import { MessageType } from '@hocuspocus/server';
import * as decoding from 'lib0/decoding';
import { messageYjsSyncStep2, messageYjsUpdate } from 'y-protocols/sync';
import * as Y from 'yjs';
import type { RoomMember } from '../interviews/room-access.js';

/** Root keys of the room document only the server writes. */
const SERVER_KEYS = new Set<string>([ROOM_KEYS.chat, ROOM_KEYS.console]);
/** Entries of the client-written meta map only the server writes (the recording indicator). */
const SERVER_META_ENTRIES = new Set<string>([ROOM_META_RECORDING]);

function serverWritten(key: string | null, item: Y.Item): boolean {
  if (key === null) return false;
  return SERVER_KEYS.has(key) || (key === ROOM_KEYS.meta && SERVER_META_ENTRIES.has(item.parentSub ?? ''));
}

/** The Yjs update carried by a Hocuspocus frame (sync step 2 or update), or null for anything else. */
export function updateOfFrame(frame: Uint8Array): Uint8Array | null {
  try {
    const decoder = decoding.createDecoder(frame);
    decoding.readVarString(decoder);
    const type = decoding.readVarUint(decoder) as MessageType;
    if (type !== MessageType.Sync && type !== MessageType.SyncReply) return null;
    const step = decoding.readVarUint(decoder);
    if (step !== messageYjsSyncStep2 && step !== messageYjsUpdate) return null;
    return decoding.readVarUint8Array(decoder);
  } catch {
    return null;
  }
}

type Parent = Y.AbstractType<unknown> | string | null;

/** The root key an item belongs to, following origins when the encoding left its parent implicit. */
function rootKeyOf(doc: Y.Doc, item: Y.Item, local: Map<string, Y.Item>, depth = 0): string | null {
  if (depth > 64) return null;
  let parent: Parent | Y.ID = item.parent as Parent | Y.ID;
  if (parent === null) {
    const ref = item.origin ?? item.rightOrigin;
    if (!ref) return null;
    const refItem = findItem(doc, ref, local);
    return refItem ? rootKeyOf(doc, refItem, local, depth + 1) : null;
  }
  if (typeof parent === 'string') return parent;
  if (parent instanceof Y.ID) {
    const parentItem = findItem(doc, parent, local);
    return parentItem ? rootKeyOf(doc, parentItem, local, depth + 1) : null;
  }
  while (parent instanceof Y.AbstractType && parent._item) parent = parent._item.parent as Parent;
  return parent instanceof Y.AbstractType ? Y.findRootTypeKey(parent) : null;
}

function findItem(doc: Y.Doc, id: Y.ID, local: Map<string, Y.Item>): Y.Item | null {
  const own = local.get(`${id.client}:${id.clock}`);
  if (own) return own;
  const structs = doc.store.clients.get(id.client);
  const last = structs?.at(-1);
  if (!last || last.id.clock + last.length <= id.clock) return null;
  const struct = Y.getItem(doc.store, id) as Y.Item | Y.GC;
  return struct instanceof Y.Item ? struct : null;
}

/**
 * Whether a client update inserts into, or deletes from, a server-written key.
 * Items the update inserts are resolved against the update itself and the
 * server's document; deletions against the server's document.
 */
export function touchesServerKeys(doc: Y.Doc, update: Uint8Array): boolean {
  const { structs, ds } = Y.decodeUpdate(update);
  const local = new Map<string, Y.Item>();
  for (const s of structs) if (s instanceof Y.Item) local.set(`${s.id.client}:${s.id.clock}`, s);
  for (const s of structs) {
    if (!(s instanceof Y.Item)) continue;
    if (serverWritten(rootKeyOf(doc, s, local), s)) return true;
  }
  for (const [client, ranges] of ds.clients) {
    for (const { clock, len } of ranges) {
      for (let c = clock; c < clock + len;) {
        const item = findItem(doc, Y.createID(client, c), local);
        if (!item) break;
        if (serverWritten(rootKeyOf(doc, item, local), item)) return true;
        c = item.id.clock + item.length;
      }
    }
  }
  return false;
}

const MAX_AWARENESS_BYTES = 4096;

/**
 * The presence state the server lets through: `user` is always the server's
 * view of the member (label, participant id, role — never a name the client
 * claims, never an e-mail), plus a colour; `cursor`, the whiteboard `pointer`
 * and `media` when valid;
 * any other field is dropped. null (a client leaving) stays null.
 */
export function sanitizeAwareness(state: unknown, member: RoomMember): RoomAwareness | null {
  if (state === null || typeof state !== 'object') return null;
  const raw = state as Record<string, unknown>;
  const claimed = RoomAwarenessSchema.shape.user.safeParse(
    typeof raw.user === 'object' && raw.user !== null
      ? { ...raw.user, name: '', participantId: '', role: member.role }
      : {},
  );
  const user: NonNullable<RoomAwareness['user']> = {
    name: member.label,
    participantId: member.participantId,
    role: member.role,
  };
  if (claimed.success && claimed.data?.color) user.color = claimed.data.color;
  if (claimed.success && claimed.data?.colorLight) user.colorLight = claimed.data.colorLight;
  const clean: RoomAwareness = { user };
  const cursor = RoomAwarenessSchema.shape.cursor.safeParse(raw.cursor);
  if (cursor.success && cursor.data !== undefined) clean.cursor = cursor.data;
  const pointer = RoomAwarenessSchema.shape.pointer.safeParse(raw.pointer);
  if (pointer.success && pointer.data !== undefined) clean.pointer = pointer.data;
  const media = RoomAwarenessSchema.shape.media.safeParse(raw.media);
  if (media.success && media.data !== undefined) clean.media = media.data;
  if (JSON.stringify(clean).length > MAX_AWARENESS_BYTES) delete clean.cursor;
  return clean;
}
