import helmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';

/**
 * Security headers for every response. The CSP allows exactly what the SPA
 * needs: its own scripts and styles, images from itself/data/blob (avatars,
 * whiteboard exports), WebSocket to itself (rooms), media from itself and
 * blob (recordings) — and no framing by anyone. HSTS only when the public URL
 * is https, because browsers would pin a plain-http localhost otherwise.
 */
export function cspDirectives(opts: { isHttps: boolean; styleNonce?: string }): Record<string, string[]> {
  return {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'"],
    // The nonce admits the <style> elements UI libraries inject (Radix's scroll lock) on the SPA page only.
    styleSrc: opts.styleNonce ? ["'self'", `'nonce-${opts.styleNonce}'`] : ["'self'"],
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
  };
}

/** The header value for the given directives (as helmet would write it). */
export function serializeCsp(directives: Record<string, string[]>): string {
  return Object.entries(directives)
    .map(([name, values]) => [name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`), ...values].join(' '))
    .join(';');
}

export async function registerSecurityHeaders(app: FastifyInstance, opts: { isHttps: boolean }): Promise<void> {
  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: cspDirectives(opts),
    },
    hsts: opts.isHttps ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
    crossOriginEmbedderPolicy: false,
    // The API docs page registers its own relaxed policy (see openapi.ts).
    global: true,
  });
}
