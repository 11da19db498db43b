import { vi } from 'vitest';

/** One canned answer: status and JSON body (content type follows from the status unless given). */
export interface StubResponse {
  status?: number;
  body?: unknown;
  contentType?: string;
}

export type StubHandler = StubResponse | ((init: RequestInit | undefined) => StubResponse);

export function jsonResponse({ status = 200, body, contentType }: StubResponse): Response {
  const type = contentType ?? (status >= 400 ? 'application/problem+json' : 'application/json');
  const text = body === undefined ? null : typeof body === 'string' ? body : JSON.stringify(body);
  return new Response(text, { status, headers: { 'content-type': type } });
}

/**
 * A fetch double keyed by "METHOD /path". Unknown requests fail the test loudly
 * instead of hanging, so a page calling an endpoint the test did not expect is
 * caught.
 */
export function createFetchStub(handlers: Record<string, StubHandler>) {
  return vi.fn(async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const key = `${init?.method ?? 'GET'} ${url}`;
    const handler = handlers[key];
    if (!handler) throw new Error(`Unexpected request in test: ${key}`);
    return jsonResponse(typeof handler === 'function' ? handler(init) : handler);
  });
}

/** Installs the stub as the browser's fetch for one test; the caller restores with vi.unstubAllGlobals(). */
export function stubFetch(handlers: Record<string, StubHandler>) {
  const stub = createFetchStub(handlers);
  vi.stubGlobal('fetch', stub);
  return stub;
}
