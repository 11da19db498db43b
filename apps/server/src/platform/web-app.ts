import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import type { NotFoundFallback } from './errors.js';
import { cspDirectives, serializeCsp } from './security-headers.js';

/** Placeholder in apps/web/index.html that each response replaces with a fresh CSP nonce. */
const NONCE_PLACEHOLDER = '__CSP_NONCE__';

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
  opts: { distDir: string; isHttps: boolean },
): Promise<NotFoundFallback | undefined> {
  const indexFile = path.join(opts.distDir, 'index.html');
  if (!existsSync(indexFile)) {
    app.log.warn({ distDir: opts.distDir }, 'web app not built; run `npm run build` to serve the UI');
    return undefined;
  }
  const indexHtml = readFileSync(indexFile, 'utf8');
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
    // A nonce per response lets the page's own libraries add <style> elements under a strict CSP.
    const nonce = randomBytes(16).toString('base64');
    reply.ensureCsrfToken();
    return reply
      .header('cache-control', 'no-cache')
      .header('content-security-policy', serializeCsp(cspDirectives({ isHttps: opts.isHttps, styleNonce: nonce })))
      .type('text/html; charset=utf-8')
      .send(indexHtml.replaceAll(NONCE_PLACEHOLDER, nonce));
  };
}
