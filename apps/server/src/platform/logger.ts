import { pino, type Logger } from 'pino';
import type { Config } from '../config.js';

/** The process logger (JSON lines on stdout); Fastify uses it for request logs too. */
export function createLogger(config: Pick<Config, 'logLevel'>): Logger {
  return pino({
    level: config.logLevel,
    redact: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'],
  });
}
