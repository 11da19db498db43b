import { pino, type DestinationStream, type Logger, type LoggerOptions } from 'pino';
import type { Config } from '../config.js';

/**
 * Path segments that are secrets themselves (calendar apps can only fetch a
 * URL, so the feed token travels in the path): masked in request logs.
 */
const SECRET_PATH_SEGMENTS = [/(\/calendar-feeds\/)[^/?#]+/];

export function maskSecretPaths(url: string): string {
  return SECRET_PATH_SEGMENTS.reduce((masked, pattern) => masked.replace(pattern, '$1***'), url);
}

interface LoggedRequest {
  method: string;
  url: string;
  host?: string;
  ip?: string;
  socket?: { remotePort?: number };
}

/** The process logger (JSON lines on stdout); Fastify uses it for request logs too. */
export function createLogger(config: Pick<Config, 'logLevel'>, destination?: DestinationStream): Logger {
  const options: LoggerOptions = {
    level: config.logLevel,
    redact: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'],
    serializers: {
      // Fastify's request fields, with secret path segments masked.
      req: (request: LoggedRequest) => ({
        method: request.method,
        url: maskSecretPaths(request.url),
        host: request.host,
        remoteAddress: request.ip,
        remotePort: request.socket?.remotePort,
      }),
    },
  };
  return destination ? pino(options, destination) : pino(options);
}
