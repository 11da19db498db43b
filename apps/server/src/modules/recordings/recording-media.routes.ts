import { RecordingMediaQuerySchema } from '@interviewselect/contracts';
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../platform/errors.js';
import type { SealedStorage } from '../../platform/storage/sealed-storage.js';
import { parseRange, sealedRangeStream } from './recording-range.js';
import type { RecordingsService } from './recordings.service.js';

/**
 * The decrypted media behind a signed URL (the signature is the credential:
 * a <video> element sends no CSRF header), with single byte ranges for seeking.
 */
export const recordingMediaRoutes: FastifyPluginAsync<{
  recordings: RecordingsService;
  sealed: SealedStorage;
}> = async (fastify, { recordings, sealed }) => {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/api/v1/recordings/:recordingId/media',
    {
      schema: {
        tags: ['recordings'],
        summary: 'The recording as WebM, from a signed URL of /playback (supports Range)',
        params: z.object({ recordingId: z.uuid() }),
        querystring: RecordingMediaQuerySchema,
      },
    },
    async (request, reply) => {
      const { exp, sig } = request.query;
      const { key, header } = await recordings.mediaOf(request.params.recordingId, exp, sig);
      const size = header.plainLength;
      const range = parseRange(request.headers.range, size);
      if (range === 'unsatisfiable') {
        reply.header('content-range', `bytes */${size}`);
        throw new AppError(
          'request.range_not_satisfiable',
          `The recording has ${size} bytes; ask for a range within it.`,
        );
      }
      const part = range ?? { start: 0, end: size - 1 };
      reply
        .header('accept-ranges', 'bytes')
        .header('cache-control', 'private, no-store')
        .header('content-length', String(Math.max(0, part.end - part.start + 1)))
        .type('video/webm');
      if (range) reply.status(206).header('content-range', `bytes ${range.start}-${range.end}/${size}`);
      if (size === 0) return reply.send(Buffer.alloc(0));
      return reply.send(await sealedRangeStream(sealed, key, header, part));
    },
  );
};
