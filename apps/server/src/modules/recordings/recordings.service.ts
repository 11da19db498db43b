import type { Recording, RecordingChunkStored, StartRecordingInput } from '@interviewselect/contracts';
import { AppError } from '../../platform/errors.js';
import type { SealedStorage } from '../../platform/storage/sealed-storage.js';
import type { AuditService } from '../audit/audit.service.js';
import type { Principal } from '../auth/principal.js';
import type { InterviewsService, UserPrincipal } from '../interviews/interviews.service.js';
import type { RoomAccess, RoomMember } from '../interviews/room-access.js';
import { chunkKey, mediaKey } from './recording-objects.js';
import type { RecordingLinks } from './recording-links.js';
import { assembleRecording } from './recording-processor.js';
import type { MediaTools } from './recording-remux.js';
import type { RoomRecordingPort } from './recording-room.js';
import type { RecordingsRepo } from './recordings.repo.js';
import type { RecordingRow } from './recordings.tables.js';

export type RecordingsService = ReturnType<typeof createRecordingsService>;

/** A recording with no chunk for this long is taken as abandoned (its tab closed) when another one starts. */
export const ABANDONED_MS = 60_000;

export interface RecordingsLogger {
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

function toRecording(row: RecordingRow, chunksReceived: number): Recording {
  return {
    id: row.id,
    interviewId: row.interviewId,
    status: row.status,
    startedAt: row.startedAt.toISOString(),
    stoppedAt: row.stoppedAt?.toISOString() ?? null,
    durationMs: row.durationMs,
    sizeBytes: row.sizeBytes,
    chunksReceived,
    error: row.error,
  };
}

/** "0, 3 and 7" — at most ten numbers, then "…". */
function listSeqs(seqs: number[]): string {
  const shown = seqs.slice(0, 10).join(', ');
  return seqs.length > 10 ? `${shown}…` : shown;
}

/**
 * Recordings of interview rooms: an interviewer starts one while the
 * interview is live and recording is allowed; the recorder uploads chunks
 * (idempotent per seq, any order) and stops with the chunk count; the server
 * assembles and remuxes in the background (recording → processing → ready |
 * failed) and serves the result through signed, expiring URLs.
 */
export function createRecordingsService(deps: {
  repo: RecordingsRepo;
  roomAccess: RoomAccess;
  interviews: Pick<InterviewsService, 'get'>;
  sealed: SealedStorage;
  links: RecordingLinks;
  room: RoomRecordingPort;
  audit: AuditService;
  tools: MediaTools;
  logger: RecordingsLogger;
  now: () => Date;
}) {
  const { repo, roomAccess, sealed, links, room, audit, logger, now } = deps;
  const running = new Set<Promise<void>>();

  /** The caller's place in the interview when they are one of its interviewers; 403 otherwise. */
  async function interviewerOf(principal: Principal, interviewId: string): Promise<RoomMember> {
    const member = await roomAccess.resolveMember(principal, interviewId);
    if (!member || member.role !== 'interviewer') {
      throw new AppError('auth.forbidden', 'Only the interviewers of this interview can record it.');
    }
    return member;
  }

  /** Someone signed in or holding a room guest cookie; 401 before anything about the recording is looked up. */
  function requireCaller(principal: Principal): void {
    if (principal.kind === 'anonymous') {
      throw new AppError('auth.unauthenticated', 'Sign in, or join the room through its link, to record.');
    }
  }

  async function find(id: string): Promise<RecordingRow> {
    const row = await repo.find(id);
    if (!row) throw new AppError('resource.not_found', 'No such recording. It may have been deleted.');
    return row;
  }

  /** A recording the caller may read (like the report: its organisation's members and its interviewers). */
  async function readable(actor: UserPrincipal, id: string): Promise<RecordingRow> {
    const row = await find(id);
    await deps.interviews.get(actor, row.interviewId);
    return row;
  }

  async function withCount(row: RecordingRow): Promise<Recording> {
    return toRecording(row, (await repo.chunkCounts([row.id])).get(row.id) ?? 0);
  }

  async function publish(interviewId: string, state: Parameters<RoomRecordingPort['publish']>[1]) {
    await room.publish(interviewId, state).catch((err: unknown) => {
      logger.warn({ err, interviewId }, 'the room could not be told about the recording');
    });
  }

  async function processNow(row: RecordingRow, chunkCount: number): Promise<void> {
    try {
      const result = await assembleRecording({ sealed, tools: deps.tools, recordingId: row.id, chunkCount });
      await repo.transition(row.id, ['processing'], { status: 'ready', ...result, error: null });
    } catch (err) {
      logger.error({ err, recordingId: row.id }, 'recording processing failed');
      const message = err instanceof Error ? err.message : String(err);
      await repo.transition(row.id, ['processing'], { status: 'failed', error: message.slice(0, 500) });
    }
  }

  function processInBackground(row: RecordingRow, chunkCount: number): void {
    const task = processNow(row, chunkCount).finally(() => running.delete(task));
    running.add(task);
  }

  /**
   * A recording still `recording` when another starts: refused while its
   * recorder is alive (a chunk in the last ABANDONED_MS); otherwise its tab
   * is gone, and what arrived in order is kept (processed like a stop).
   */
  async function finishAbandoned(active: RecordingRow): Promise<void> {
    const last = (await repo.lastChunkAt(active.id)) ?? active.startedAt;
    if (now().getTime() - last.getTime() < ABANDONED_MS) {
      throw new AppError(
        'recording.invalid_state',
        'This interview is already being recorded (by you in another tab or by a co-interviewer). Stop that recording first.',
      );
    }
    const seqs = await repo.chunkSeqs(active.id);
    let chunkCount = 0;
    while (seqs[chunkCount] === chunkCount) chunkCount++;
    for (const seq of seqs.slice(chunkCount)) await sealed.delete(chunkKey(active.id, seq));
    if (chunkCount === 0) {
      await repo.transition(active.id, ['recording'], {
        status: 'failed',
        stoppedAt: last,
        error: 'No part of the recording arrived.',
      });
      return;
    }
    if (await repo.transition(active.id, ['recording'], { status: 'processing', stoppedAt: last, chunkCount })) {
      processInBackground({ ...active, status: 'processing', stoppedAt: last, chunkCount }, chunkCount);
    }
  }

  return {
    async start(principal: Principal, interviewId: string, input: StartRecordingInput): Promise<Recording> {
      const member = await interviewerOf(principal, interviewId);
      if (!member.recordingAllowed) {
        throw new AppError(
          'recording.invalid_state',
          'This interview does not allow recording. Turn on “Recording allowed” in its options before it starts.',
        );
      }
      if (member.status !== 'live') {
        throw new AppError(
          'recording.invalid_state',
          `Recording is possible while the interview is live (it is ${member.status}).`,
        );
      }
      const active = await repo.active(interviewId);
      if (active) await finishAbandoned(active);
      const row = await repo.insert({
        interviewId,
        orgId: member.orgId,
        startedBy: principal.kind === 'user' ? principal.userId : null,
        mimeType: input.mimeType,
        startedAt: now(),
      });
      await publish(interviewId, { recordingId: row.id, startedAt: row.startedAt.getTime() });
      await audit.record({
        action: 'recording.started',
        actorUserId: principal.kind === 'user' ? principal.userId : null,
        orgId: row.orgId,
        targetType: 'recording',
        targetId: row.id,
        data: { interviewId },
      });
      return toRecording(row, 0);
    },

    /** Stores chunk `seq` once: a retry of a stored seq stores nothing and answers stored: false. */
    async putChunk(
      principal: Principal,
      recordingId: string,
      seq: number,
      /** null: the request body was not raw bytes. */
      body: Buffer | null,
    ): Promise<RecordingChunkStored> {
      requireCaller(principal);
      const row = await find(recordingId);
      await interviewerOf(principal, row.interviewId);
      if (!body) throw new AppError('request.unsupported_media_type', 'Send the chunk as application/octet-stream.');
      if (body.length === 0) throw new AppError('request.validation_failed', 'The chunk is empty.');
      const known = await repo.hasChunk(recordingId, seq);
      if (!known && row.status !== 'recording') {
        throw new AppError(
          'recording.invalid_state',
          `This recording was stopped (it is ${row.status}); chunks can no longer be added.`,
        );
      }
      // The object first, then its row: a crash in between leaves an object the retry overwrites.
      if (!known) await sealed.put(chunkKey(recordingId, seq), body);
      const stored = !known && (await repo.addChunk(recordingId, seq, body.length));
      const received = (await repo.chunkCounts([recordingId])).get(recordingId) ?? 0;
      return { seq, stored, received };
    },

    /**
     * Ends the recording with the number of chunks the recorder made. Every
     * seq below it must be stored (else 409 naming the missing ones: upload
     * them and stop again). Processing runs in the background.
     */
    async stop(principal: Principal, recordingId: string, chunkCount: number): Promise<Recording> {
      requireCaller(principal);
      const row = await find(recordingId);
      await interviewerOf(principal, row.interviewId);
      if (row.status !== 'recording') {
        if (row.chunkCount === chunkCount) return withCount(row);
        throw new AppError(
          'recording.invalid_state',
          `This recording was already stopped with ${row.chunkCount} chunks.`,
        );
      }
      const seqs = new Set(await repo.chunkSeqs(recordingId));
      const missing = Array.from({ length: chunkCount }, (_, i) => i).filter((i) => !seqs.has(i));
      if (missing.length > 0) {
        throw new AppError(
          'recording.invalid_state',
          `Chunks ${listSeqs(missing)} have not arrived: upload them, then stop again.`,
        );
      }
      const extra = [...seqs].filter((s) => s >= chunkCount);
      if (extra.length > 0) {
        throw new AppError(
          'recording.invalid_state',
          `Chunks ${listSeqs(extra)} were uploaded beyond the count of ${chunkCount}.`,
        );
      }
      const stoppedAt = now();
      if (!(await repo.transition(recordingId, ['recording'], { status: 'processing', stoppedAt, chunkCount }))) {
        return withCount(await find(recordingId));
      }
      await publish(row.interviewId, null);
      const updated = { ...row, status: 'processing' as const, stoppedAt, chunkCount };
      processInBackground(updated, chunkCount);
      return withCount(updated);
    },

    async list(actor: UserPrincipal, interviewId: string): Promise<Recording[]> {
      await deps.interviews.get(actor, interviewId);
      const rows = await repo.listForInterview(interviewId);
      const counts = await repo.chunkCounts(rows.map((r) => r.id));
      return rows.map((r) => toRecording(r, counts.get(r.id) ?? 0));
    },

    async get(actor: UserPrincipal, recordingId: string): Promise<Recording> {
      return withCount(await readable(actor, recordingId));
    },

    /** A signed URL of the decrypted media, valid for the configured lifetime. */
    async playback(actor: UserPrincipal, recordingId: string): Promise<{ url: string; expiresAt: string }> {
      const row = await readable(actor, recordingId);
      if (row.status !== 'ready') {
        throw new AppError('recording.invalid_state', `The recording is not ready yet (it is ${row.status}).`);
      }
      const { exp, sig, expiresAt } = links.sign(row.id);
      return { url: `/api/v1/recordings/${row.id}/media?exp=${exp}&sig=${sig}`, expiresAt: expiresAt.toISOString() };
    },

    /** The media object of a signed URL; 403 when the signature is wrong or expired. */
    async mediaOf(recordingId: string, exp: number, sig: string) {
      if (!links.verify(recordingId, exp, sig)) {
        throw new AppError(
          'recording.link_invalid',
          'This recording link has expired or is not valid. Open the recording again from the report.',
        );
      }
      const row = await find(recordingId);
      if (row.status !== 'ready') throw new AppError('resource.not_found', 'The recording has no media.');
      const key = mediaKey(row.id);
      return { key, header: await sealed.header(key) };
    },

    /** Resumes recordings a restart left in `processing` (their chunks are all stored). */
    async resumeProcessing(): Promise<void> {
      for (const row of await repo.processing()) if (row.chunkCount) processInBackground(row, row.chunkCount);
    },

    /** Waits for background processing (shutdown, tests). */
    async idle(): Promise<void> {
      while (running.size > 0) await Promise.allSettled([...running]);
    },
  };
}
