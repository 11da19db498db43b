import type { FastifyRequest } from 'fastify';
import type { RequestMeta } from './sessions.service.js';

/** Where a request came from, as sessions and the audit log record it. */
export function requestMeta(request: FastifyRequest): RequestMeta {
  return { ip: request.ip, userAgent: request.headers['user-agent'] ?? null };
}
