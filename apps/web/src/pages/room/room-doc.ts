import {
  ChatMessageSchema,
  ConsoleEntrySchema,
  LanguageIdSchema,
  ROOM_KEYS,
  type ChatMessage,
  type ConsoleEntry,
  type LanguageId,
} from '@interviewselect/contracts';
import * as Y from 'yjs';

/**
 * Typed access to the shared room document (layout in contracts/room.ts).
 * Code lives in one Y.Text per language, so switching languages keeps each
 * buffer; meta.language says which one everybody looks at.
 */
export function roomTypes(doc: Y.Doc) {
  return {
    files: doc.getMap<unknown>(ROOM_KEYS.files),
    meta: doc.getMap<unknown>(ROOM_KEYS.meta),
    timer: doc.getMap<unknown>(ROOM_KEYS.timer),
    chat: doc.getArray<unknown>(ROOM_KEYS.chat),
    console: doc.getArray<unknown>(ROOM_KEYS.console),
  };
}

/** Origin of this client's own structural changes (not code edits): not undoable by the editor. */
export const ROOM_ORIGIN = 'room-client';

export function languageOf(doc: Y.Doc, fallback: LanguageId): LanguageId {
  const parsed = LanguageIdSchema.safeParse(roomTypes(doc).meta.get('language'));
  return parsed.success ? parsed.data : fallback;
}

export function bufferOf(doc: Y.Doc, language: LanguageId): Y.Text | null {
  const value = roomTypes(doc).files.get(language);
  return value instanceof Y.Text ? value : null;
}

/**
 * The language's buffer, created with `starter` when absent. Only writers
 * call this, and only once the document has synced, so an existing buffer
 * is never shadowed (two writers racing still converge: the map keeps one,
 * and editors follow whichever Y.Text the map ends up holding).
 */
export function ensureBuffer(doc: Y.Doc, language: LanguageId, starter: string): Y.Text {
  const existing = bufferOf(doc, language);
  if (existing) return existing;
  const text = new Y.Text(starter);
  doc.transact(() => roomTypes(doc).files.set(language, text), ROOM_ORIGIN);
  return text;
}

/** Points everyone at `language`, creating its buffer on first use; the other buffers stay as they are. */
export function switchLanguage(doc: Y.Doc, language: LanguageId, starter: string): void {
  doc.transact(() => {
    ensureBuffer(doc, language, starter);
    roomTypes(doc).meta.set('language', language);
  }, ROOM_ORIGIN);
}

/** Languages that already have code in them (for the picker's "has code" hint). */
export function languagesWithCode(doc: Y.Doc): Set<string> {
  const result = new Set<string>();
  roomTypes(doc).files.forEach((value, key) => {
    if (value instanceof Y.Text && value.length > 0) result.add(key);
  });
  return result;
}

/** Entries may be plain JSON or Y.Maps (the server rewrites console entries as runs progress). */
function plain(value: unknown): unknown {
  return value instanceof Y.AbstractType ? (value.toJSON() as unknown) : value;
}

export function readChat(array: Y.Array<unknown>): ChatMessage[] {
  const result: ChatMessage[] = [];
  for (const item of array.toArray()) {
    const parsed = ChatMessageSchema.safeParse(plain(item));
    if (parsed.success) result.push(parsed.data);
  }
  return result;
}

export function readConsole(array: Y.Array<unknown>): ConsoleEntry[] {
  const result: ConsoleEntry[] = [];
  for (const item of array.toArray()) {
    const parsed = ConsoleEntrySchema.safeParse(plain(item));
    if (parsed.success) result.push(parsed.data);
  }
  return result;
}
