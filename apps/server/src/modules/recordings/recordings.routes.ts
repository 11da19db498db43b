import {
  RECORDING_CHUNK_MAX_BYTES,
  RecordingChunkParamsSchema,
  RecordingChunkStoredSchema,
  RecordingListSchema,
  RecordingPlaybackSchema,
  RecordingSchema,
  StartRecordingInputSchema,
  StopRecordingInputSchema,
} from '@interviewselect/contracts';
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { accountHolder } from '../scorecards/scorecards.routes.js';
import type { RecordingsService } from './recordings.service.js';

const tags = ['recordings'];
const InterviewParams = z.object({ interviewId: z.uuid() });
const RecordingParams = z.object({ recordingId: z.uuid() });
/** Chunks are sent as they are (the recorder's WebM bytes). */
const CHUNK_TYPES = ['application/octet-stream', 'video/webm'];

/** Recording an interview (interviewers in the room) and reading recordings (like the report). */
export const recordingsRoutes: FastifyPluginAsync<{ recordings: RecordingsService }> = async (
  fastify,
  { recordings },
) => {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  fastify.addContentTypeParser(
    CHUNK_TYPES,
    { parseAs: 'buffer', bodyLimit: RECORDING_CHUNK_MAX_BYTES },
    (_request, body, done) => done(null, body),
  );

  app.post(
    '/api/v1/interviews/:interviewId/recordings',
    {
      schema: {
        tags,
        summary: 'Start recording the room (interviewers, while the interview is live and allows recording)',
        params: InterviewParams,
        body: StartRecordingInputSchema,
        response: { 201: RecordingSchema },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await recordings.start(await request.principal(), request.params.interviewId, request.body)),
  );

  app.get(
    '/api/v1/interviews/:interviewId/recordings',
    {
      schema: {
        tags,
        summary: 'The interview’s recordings, oldest first',
        params: InterviewParams,
        response: { 200: RecordingListSchema },
      },
    },
    async (request) => ({ items: await recordings.list(await accountHolder(request), request.params.interviewId) }),
  );

  app.put(
    '/api/v1/recordings/:recordingId/chunks/:seq',
    {
      bodyLimit: RECORDING_CHUNK_MAX_BYTES,
      schema: {
        tags,
        summary: `Upload chunk \`seq\` (raw bytes, at most ${RECORDING_CHUNK_MAX_BYTES / 1024 / 1024} MiB; a retry of a stored seq stores nothing)`,
        params: RecordingChunkParamsSchema,
        response: { 200: RecordingChunkStoredSchema },
      },
    },
    async (request) =>
      recordings.putChunk(
        await request.principal(),
        request.params.recordingId,
        request.params.seq,
        Buffer.isBuffer(request.body) ? request.body : null,
      ),
  );

  app.post(
    '/api/v1/recordings/:recordingId/stop',
    {
      schema: {
        tags,
        summary:
          'Stop with the number of chunks made; the server assembles and remuxes them (status processing → ready)',
        params: RecordingParams,
        body: StopRecordingInputSchema,
        response: { 200: RecordingSchema },
      },
    },
    async (request) => recordings.stop(await request.principal(), request.params.recordingId, request.body.chunkCount),
  );

  app.get(
    '/api/v1/recordings/:recordingId',
    {
      schema: {
        tags,
        summary: 'One recording and its status',
        params: RecordingParams,
        response: { 200: RecordingSchema },
      },
    },
    async (request) => recordings.get(await accountHolder(request), request.params.recordingId),
  );

  app.get(
    '/api/v1/recordings/:recordingId/playback',
    {
      schema: {
        tags,
        summary: 'A short-lived signed URL of the recording (seekable: it answers HTTP Range requests)',
        params: RecordingParams,
        response: { 200: RecordingPlaybackSchema },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'private, no-store');
      return recordings.playback(await accountHolder(request), request.params.recordingId);
    },
  );
};
