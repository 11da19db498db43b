import { existsSync } from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import type { NotFoundFallback } from './errors.js';

/** Paths owned by the server: they never fall back to the SPA's index.html. */
const SERVER_PREFIXES = ['/api/', '/ws', '/healthz', '/readyz', '/metrics', '/assets/'];

/**
 * Serves the built SPA: hashed files under /assets/ are immutable and cached
 * for a year; index.html is never cached so a deploy is picked up at once;
 * the returned fallback answers any other GET that accepts HTML with
 * index.html (client-side routing).
 */
export async function registerWebApp(
  app: FastifyInstance,
  opts: { distDir: string },
): Promise<NotFoundFallback | undefined> {
  const indexFile = path.join(opts.distDir, 'index.html');
  if (!existsSync(indexFile)) {
    app.log.warn({ distDir: opts.distDir }, 'web app not built; run `npm run build` to serve the UI');
    return undefined;
  }
  await app.register(fastifyStatic, {
    root: opts.distDir,
    wildcard: false,
    index: false,
    setHeaders(res, filePath) {
      const isHashedAsset = filePath.includes(`${path.sep}assets${path.sep}`);
      res.header('cache-control', isHashedAsset ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
  return (request, reply) => {
    const url = request.url.split('?')[0] ?? '/';
    const isServerPath = SERVER_PREFIXES.some((p) => url === p.replace(/\/$/, '') || url.startsWith(p));
    // Browsers ask for text/html; curl and friends send */* or nothing. API clients hit server paths.
    const accept = request.headers.accept ?? '*/*';
    const wantsHtml = accept.includes('text/html') || accept.includes('*/*');
    if (request.method !== 'GET' || !wantsHtml || isServerPath) return undefined;
    return reply.header('cache-control', 'no-cache').sendFile('index.html');
  };
}
