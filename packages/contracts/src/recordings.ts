import { z } from 'zod';

/**
 * Interview recordings: the interviewer's browser mixes the call onto one
 * canvas and one audio track, records it with MediaRecorder and uploads the
 * chunks as they come (PUT …/chunks/:seq); the server assembles them in
 * order, remuxes them with ffmpeg (duration, cues) and keeps the file
 * encrypted. Status: recording → processing → ready | failed.
 */
export const RECORDING_STATUSES = ['recording', 'processing', 'ready', 'failed'] as const;
export const RecordingStatusSchema = z.enum(RECORDING_STATUSES);
export type RecordingStatus = z.infer<typeof RecordingStatusSchema>;

/** Largest chunk the server accepts (MediaRecorder at ~2 s timeslices produces well under 1 MiB). */
export const RECORDING_CHUNK_MAX_BYTES = 8 * 1024 * 1024;
/** Most chunks one recording may have (at 2 s each: over 11 hours). */
export const RECORDING_MAX_CHUNKS = 20_000;
/** Content types the recorder may declare (what Chromium and Firefox MediaRecorder produce). */
export const RECORDING_MIME_TYPES = ['video/webm', 'video/webm;codecs=vp8,opus', 'video/webm;codecs=vp9,opus'] as const;

/** POST /api/v1/interviews/:interviewId/recordings — starts a recording of a live interview. */
export const StartRecordingInputSchema = z.object({
  mimeType: z.enum(RECORDING_MIME_TYPES, {
    error: `Record as WebM (${RECORDING_MIME_TYPES.join(', ')}).`,
  }),
});
export type StartRecordingInput = z.infer<typeof StartRecordingInputSchema>;

/** POST /api/v1/recordings/:recordingId/stop — the number of chunks the recorder produced (seq 0 … chunkCount-1). */
export const StopRecordingInputSchema = z.object({
  chunkCount: z
    .int()
    .min(1, { error: 'A recording needs at least one chunk.' })
    .max(RECORDING_MAX_CHUNKS, { error: `At most ${RECORDING_MAX_CHUNKS} chunks.` }),
});
export type StopRecordingInput = z.infer<typeof StopRecordingInputSchema>;

/** Path parameter of a chunk upload: 0-based sequence number. */
export const RecordingChunkParamsSchema = z.object({
  recordingId: z.uuid(),
  seq: z.coerce
    .number({ error: 'The chunk number must be a whole number.' })
    .int({ error: 'The chunk number must be a whole number.' })
    .min(0, { error: 'Chunk numbers start at 0.' })
    .max(RECORDING_MAX_CHUNKS - 1, { error: `At most ${RECORDING_MAX_CHUNKS} chunks.` }),
});

/** Answer to a chunk upload: `stored` false when this seq was already stored (a retry: nothing was duplicated). */
export const RecordingChunkStoredSchema = z.object({
  seq: z.int(),
  stored: z.boolean(),
  /** Chunks stored so far for this recording. */
  received: z.int(),
});
export type RecordingChunkStored = z.infer<typeof RecordingChunkStoredSchema>;

export const RecordingSchema = z.object({
  id: z.uuid(),
  interviewId: z.uuid(),
  status: RecordingStatusSchema,
  startedAt: z.iso.datetime(),
  stoppedAt: z.iso.datetime().nullable(),
  /** Known once ready (from ffprobe after the remux). */
  durationMs: z.int().nullable(),
  sizeBytes: z.int().nullable(),
  chunksReceived: z.int(),
  /** Why processing failed (status failed). */
  error: z.string().nullable(),
});
export type Recording = z.infer<typeof RecordingSchema>;

/** GET /api/v1/interviews/:interviewId/recordings — oldest first. */
export const RecordingListSchema = z.object({ items: z.array(RecordingSchema) });
export type RecordingList = z.infer<typeof RecordingListSchema>;

/** POST /api/v1/recordings/:recordingId/playback — a short-lived signed URL of the decrypted media (HTTP Range). */
export const RecordingPlaybackSchema = z.object({
  url: z.string(),
  expiresAt: z.iso.datetime(),
});
export type RecordingPlayback = z.infer<typeof RecordingPlaybackSchema>;

/** Query of the signed media URL. */
export const RecordingMediaQuerySchema = z.object({
  exp: z.coerce.number().int().positive(),
  sig: z.string().regex(/^[A-Za-z0-9_-]{43}$/, { error: 'Not a valid signature.' }),
});

/**
 * `meta.recording` of the room document, written by the server only: the
 * recording in progress, or null. Every participant's room shows the indicator from it.
 */
export const ROOM_META_RECORDING = 'recording';
export const RoomRecordingStateSchema = z
  .object({
    recordingId: z.uuid(),
    /** ms epoch */
    startedAt: z.number().int(),
  })
  .nullable();
export type RoomRecordingState = z.infer<typeof RoomRecordingStateSchema>;

/** Organisation setting: recordings older than this many days are deleted (and the deletion audited). */
export const RECORDING_RETENTION_DEFAULT_DAYS = 90;
export const RecordingRetentionDaysSchema = z
  .int({ error: 'Enter a whole number of days.' })
  .min(1, { error: 'Keep recordings at least 1 day.' })
  .max(3650, { error: 'Keep recordings at most 3650 days (10 years).' });
