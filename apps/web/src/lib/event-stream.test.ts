import { ExecutionEventSchema } from '@interviewselect/contracts';
import { describe, expect, it, vi } from 'vitest';
import { ApiError } from './api';
import { createSseParser, readEventStream } from './event-stream';

function collect(chunks: readonly string[]): string[] {
  const events: string[] = [];
  const parser = createSseParser((data) => events.push(data));
  for (const chunk of chunks) parser.push(chunk);
  parser.end();
  return events;
}

describe('SSE parser', () => {
  it('joins data lines, ignores comments and other fields, and survives any chunking', () => {
    const text = ': heartbeat\n\nevent: output\nid: 1\ndata: a\ndata:b\n\nretry: 10\ndata: c\r\n\r\n';
    expect(collect([text])).toEqual(['a\nb', 'c']);
    expect(collect(text.split(''))).toEqual(['a\nb', 'c']);
  });

  it('dispatches a last event that lacks its blank line', () => {
    expect(collect(['data: x'])).toEqual(['x']);
  });
});

describe('readEventStream', () => {
  it('parses each event with the schema and throws the problem of a failed request', async () => {
    const events: unknown[] = [];
    const ok = vi.fn(
      async () =>
        new Response('data: {"type":"status","status":"running"}\n\n', {
          headers: { 'content-type': 'text/event-stream' },
        }),
    );
    await readEventStream('/x', ExecutionEventSchema, { onEvent: (e) => events.push(e), fetch: ok });
    expect(events).toEqual([{ type: 'status', status: 'running' }]);

    const problem = {
      type: 'about:blank',
      title: 'Not found',
      status: 404,
      detail: 'No such execution.',
      code: 'resource.not_found',
    };
    const missing = vi.fn(
      async () =>
        new Response(JSON.stringify(problem), {
          status: 404,
          headers: { 'content-type': 'application/problem+json' },
        }),
    );
    await expect(
      readEventStream('/x', ExecutionEventSchema, { onEvent: () => undefined, fetch: missing }),
    ).rejects.toMatchObject({ code: 'resource.not_found', detail: 'No such execution.' });
  });

  it('rejects an event that does not match the schema', async () => {
    const bad = vi.fn(async () => new Response('data: {"type":"nope"}\n\n'));
    await expect(
      readEventStream('/x', ExecutionEventSchema, { onEvent: () => undefined, fetch: bad }),
    ).rejects.toBeInstanceOf(ApiError);
  });
});
