import helmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';

/**
 * Security headers for every response. The CSP allows exactly what the SPA
 * needs: its own scripts and styles, images from itself/data/blob (avatars,
 * whiteboard exports), WebSocket to itself (rooms), media from itself and
 * blob (recordings) — and no framing by anyone. HSTS only when the public URL
 * is https, because browsers would pin a plain-http localhost otherwise.
 */
export async function registerSecurityHeaders(app: FastifyInstance, opts: { isHttps: boolean }): Promise<void> {
  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'", 'ws:', 'wss:'],
        mediaSrc: ["'self'", 'blob:'],
        workerSrc: ["'self'", 'blob:'],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        ...(opts.isHttps ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    hsts: opts.isHttps ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
    crossOriginEmbedderPolicy: false,
    // The API docs page registers its own relaxed policy (see openapi.ts).
    global: true,
  });
}
