import { Writable } from 'node:stream';
import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { createLogger, maskSecretPaths } from './logger.js';

describe('request logs', () => {
  it('mask calendar feed tokens in the path', () => {
    expect(maskSecretPaths('/api/v1/calendar-feeds/abcDEF_123-x/interviews.ics')).toBe(
      '/api/v1/calendar-feeds/***/interviews.ics',
    );
    expect(maskSecretPaths('/api/v1/interviews/123')).toBe('/api/v1/interviews/123');
  });

  it('never write the feed token when Fastify logs a request', async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    const logger = createLogger({ logLevel: 'info' }, sink);
    const app = Fastify({ loggerInstance: logger });
    app.get('/api/v1/calendar-feeds/:token/interviews.ics', async () => 'ok');
    await app.inject({ method: 'GET', url: '/api/v1/calendar-feeds/TOPSECRETTOKEN/interviews.ics' });
    await app.close();
    const all = lines.join('');
    expect(all).toContain('/api/v1/calendar-feeds/***/interviews.ics');
    expect(all).not.toContain('TOPSECRETTOKEN');
  });
});
