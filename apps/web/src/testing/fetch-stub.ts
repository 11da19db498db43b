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
export function createFetchStub(handlers: Record<string, StubHandler>, defaults: Record<string, StubHandler> = {}) {
  return vi.fn(async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const key = `${init?.method ?? 'GET'} ${url}`;
    const handler = handlers[key] ?? defaults[key];
    if (!handler) throw new Error(`Unexpected request in test: ${key}`);
    return jsonResponse(typeof handler === 'function' ? handler(init) : handler);
  });
}

const notFound = (path: string): StubResponse => ({
  status: 404,
  body: {
    type: 'https://interviewselect.dev/problems/request/not_found',
    title: 'Not found',
    status: 404,
    detail: `No route for GET ${path}.`,
    code: 'request.not_found',
  },
});

/** What every page asks the shell for; tests override them by naming the same key. */
export const SHELL_DEFAULTS: Record<string, StubHandler> = {
  'GET /api/v1/auth/session': { body: { user: null, csrfToken: 'csrf-test' } },
  'GET /api/v1/dev/mailbox?limit=1': notFound('/api/v1/dev/mailbox'),
  'GET /api/v1/auth/oidc/providers': { body: [] },
};

/** A signed-in session for `GET /api/v1/auth/session`. */
export function sessionOf(user: Record<string, unknown> | null): StubResponse {
  return { body: { user, csrfToken: 'csrf-test' } };
}

export const TEST_USER = {
  id: '5b0f3c55-7d7c-4c8e-9a55-2f2b8e1d0a11',
  email: 'ada@example.com',
  name: 'Ada Lovelace',
  emailVerified: true,
  platformRole: 'user',
  totpEnabled: false,
  memberships: [],
  activeOrgId: null,
} as const;

/** Requests the test itself made: everything except the shell's session and mailbox probes. */
export function pageCalls(stub: ReturnType<typeof createFetchStub>) {
  return stub.mock.calls.filter(([input, init]) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    return !(`${init?.method ?? 'GET'} ${url}` in SHELL_DEFAULTS);
  });
}

/**
 * Installs the stub as the browser's fetch for one test; the caller restores
 * with vi.unstubAllGlobals(). Session (signed out) and the dev-mailbox probe
 * (404) have defaults.
 */
export function stubFetch(handlers: Record<string, StubHandler>) {
  const stub = createFetchStub(handlers, SHELL_DEFAULTS);
  vi.stubGlobal('fetch', stub);
  return stub;
}
