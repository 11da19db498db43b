import type { z } from 'zod';
import { ApiError, isAbortError, toApiError } from './api';

/**
 * Reads a Server-Sent Events endpoint with fetch rather than EventSource:
 * fetch lets a failed request surface as the API's problem document (an
 * ApiError like every other call), takes an AbortSignal, and does not
 * reconnect on its own behind the caller's back. Each `data:` payload is JSON
 * parsed with the caller's schema. Resolves when the server closes the stream.
 */
export interface EventStreamOptions<T> {
  onEvent: (event: T) => void;
  signal?: AbortSignal;
  /** Injected in tests; the browser's fetch otherwise. */
  fetch?: typeof fetch;
}

export async function readEventStream<S extends z.ZodType>(
  path: string,
  schema: S,
  { onEvent, signal, fetch: doFetch = globalThis.fetch }: EventStreamOptions<z.output<S>>,
): Promise<void> {
  let response: Response;
  try {
    response = await doFetch(path, {
      headers: { Accept: 'text/event-stream' },
      credentials: 'same-origin',
      signal: signal ?? null,
    });
  } catch (error) {
    if (isAbortError(error)) throw error;
    throw new ApiError({
      code: 'client.network_unreachable',
      status: 0,
      detail: 'Could not reach the server. Check your connection and try again.',
      cause: error,
    });
  }
  if (!response.ok) throw await toApiError(response);
  if (!response.body) return;

  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  const parser = createSseParser((data) => onEvent(parseData(path, data, schema)));
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    parser.push(value);
  }
  parser.end();
}

function parseData<S extends z.ZodType>(path: string, data: string, schema: S): z.output<S> {
  let json: unknown;
  try {
    json = JSON.parse(data);
  } catch (cause) {
    throw unexpected(path, cause);
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw unexpected(path, parsed.error);
  return parsed.data;
}

function unexpected(path: string, cause: unknown): ApiError {
  return new ApiError({
    code: 'client.unexpected_response',
    status: 200,
    detail: `An event from ${path} was not in the expected format.`,
    cause,
  });
}

/**
 * The event-stream line protocol (HTML §9.2.6), reduced to what we use: `data:`
 * lines accumulate until a blank line dispatches them; comments (`:`) and the
 * `event`, `id` and `retry` fields are ignored.
 */
export function createSseParser(onData: (data: string) => void) {
  let buffer = '';
  let dataLines: string[] = [];
  /** A chunk ended in \r: a \n starting the next chunk belongs to the same line break. */
  let isAfterCr = false;

  function dispatch() {
    if (dataLines.length > 0) onData(dataLines.join('\n'));
    dataLines = [];
  }

  function processLine(line: string) {
    if (line === '') return dispatch();
    if (line.startsWith(':')) return;
    const colon = line.indexOf(':');
    const field = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'data') dataLines.push(value);
  }

  return {
    push(chunk: string) {
      buffer += isAfterCr && chunk.startsWith('\n') ? chunk.slice(1) : chunk;
      isAfterCr = chunk.endsWith('\r');
      const lines = buffer.split(/\r\n|\r|\n/);
      // The last piece may be a partial line: keep it for the next chunk.
      buffer = lines.pop() ?? '';
      for (const line of lines) processLine(line);
    },
    end() {
      if (buffer !== '') processLine(buffer);
      buffer = '';
      dispatch();
    },
  };
}
