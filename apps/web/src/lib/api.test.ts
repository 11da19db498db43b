import { ReadinessSchema, SystemInfoSchema } from '@interviewselect/contracts';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { createFetchStub } from '../testing/fetch-stub';
import { ApiError, apiGet, apiSend } from './api';

const systemInfo = {
  name: 'InterviewSelect',
  version: '0.1.0',
  nodeVersion: 'v24.9.0',
  database: 'pglite',
  queue: 'postgres',
  startedAt: '2026-11-23T08:00:00.000Z',
  stats: { users: 5, orgs: 1 },
};

const problem = {
  type: 'https://interviewselect.dev/problems/request/validation_failed',
  title: 'Validation failed',
  status: 400,
  detail: 'The request body is invalid.',
  code: 'request.validation_failed',
  issues: [{ path: 'email', message: 'Invalid e-mail address' }],
};

async function captureError(promise: Promise<unknown>): Promise<ApiError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof ApiError)) throw new Error(`expected an ApiError, got ${String(error)}`);
  return error;
}

describe('apiGet', () => {
  it('parses a successful response with the given schema', async () => {
    const fetch = createFetchStub({ 'GET /api/v1/system': { body: systemInfo } });
    const info = await apiGet('/api/v1/system', SystemInfoSchema, { fetch });
    expect(info.stats.users).toBe(5);
    expect(info.database).toBe('pglite');
  });

  it('sends same-origin credentials and asks for JSON', async () => {
    const fetch = createFetchStub({ 'GET /api/v1/system': { body: systemInfo } });
    await apiGet('/api/v1/system', SystemInfoSchema, { fetch });
    const init = fetch.mock.calls[0]?.[1];
    expect(init?.credentials).toBe('same-origin');
    expect(init?.headers).toMatchObject({ Accept: 'application/json' });
  });

  it('turns a problem+json body into an ApiError with code, status, detail and issues', async () => {
    const fetch = createFetchStub({ 'GET /api/v1/things': { status: 400, body: problem } });
    const error = await captureError(apiGet('/api/v1/things', z.unknown(), { fetch }));
    expect(error.code).toBe('request.validation_failed');
    expect(error.status).toBe(400);
    expect(error.detail).toBe('The request body is invalid.');
    expect(error.issues).toEqual([{ path: 'email', message: 'Invalid e-mail address' }]);
    expect(error.problem?.title).toBe('Validation failed');
    expect(error.isClientError).toBe(true);
  });

  it('reports a success body that does not match the schema instead of returning it', async () => {
    const fetch = createFetchStub({ 'GET /api/v1/system': { body: { ...systemInfo, database: 'mysql' } } });
    const error = await captureError(apiGet('/api/v1/system', SystemInfoSchema, { fetch }));
    expect(error.code).toBe('client.unexpected_response');
    expect(error.status).toBe(200);
    expect(error.detail).toContain('GET /api/v1/system');
    expect(error.cause).toBeInstanceOf(z.ZodError);
  });

  it('turns a network failure into an ApiError with status 0 and a readable message', async () => {
    const fetch = vi.fn(() => Promise.reject(new TypeError('Failed to fetch')));
    const error = await captureError(apiGet('/api/v1/system', SystemInfoSchema, { fetch }));
    expect(error.code).toBe('client.network_unreachable');
    expect(error.status).toBe(0);
    expect(error.detail).toMatch(/could not reach the server/i);
  });

  it('describes a non-problem error page (a proxy 502) by its status', async () => {
    const fetch = createFetchStub({
      'GET /api/v1/system': { status: 502, body: '<html>Bad gateway</html>', contentType: 'text/html' },
    });
    const error = await captureError(apiGet('/api/v1/system', SystemInfoSchema, { fetch }));
    expect(error.code).toBe('client.unexpected_response');
    expect(error.status).toBe(502);
    expect(error.detail).toContain('502');
    expect(error.isClientError).toBe(false);
  });

  it('reads the body of an accepted non-2xx status (readiness answers 503 when not ready)', async () => {
    const body = { status: 'not_ready', checks: [{ name: 'database', ok: false, detail: 'connection refused' }] };
    const fetch = createFetchStub({ 'GET /readyz': { status: 503, body, contentType: 'application/json' } });
    const readiness = await apiGet('/readyz', ReadinessSchema, { fetch, acceptStatuses: [503] });
    expect(readiness.status).toBe('not_ready');
    expect(readiness.checks[0]?.detail).toBe('connection refused');
  });

  it('passes cancellation through untouched so the query layer can ignore it', async () => {
    const abort = new DOMException('The operation was aborted.', 'AbortError');
    const fetch = vi.fn(() => Promise.reject(abort));
    await expect(apiGet('/api/v1/system', SystemInfoSchema, { fetch })).rejects.toBe(abort);
  });
});

describe('apiSend', () => {
  it('sends the body as JSON and parses the response', async () => {
    const fetch = createFetchStub({ 'POST /api/v1/things': { status: 201, body: { id: 't1' } } });
    const result = await apiSend('POST', '/api/v1/things', { name: 'Two sum' }, z.object({ id: z.string() }), {
      fetch,
    });
    expect(result).toEqual({ id: 't1' });
    const init = fetch.mock.calls[0]?.[1];
    expect(init?.body).toBe('{"name":"Two sum"}');
    expect(init?.headers).toMatchObject({ 'Content-Type': 'application/json' });
  });

  it('parses an empty 204 as undefined', async () => {
    const fetch = vi.fn(() => Promise.resolve(new Response(null, { status: 204 })));
    await expect(apiSend('DELETE', '/api/v1/things/t1', undefined, z.undefined(), { fetch })).resolves.toBe(undefined);
  });
});

describe('CSRF', () => {
  function setCookie(value: string) {
    document.cookie = `isel_csrf=${value}; path=/`;
  }
  afterEach(() => {
    document.cookie = 'isel_csrf=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/';
  });

  it('echoes the isel_csrf cookie as x-csrf-token on every mutation', async () => {
    setCookie('tok-123');
    document.cookie = 'other=zzz; path=/';
    const fetch = createFetchStub({
      'POST /api/v1/auth/sign-out': { status: 204 },
      'PUT /api/v1/things/1': { status: 204 },
      'PATCH /api/v1/things/1': { status: 204 },
      'DELETE /api/v1/auth/sessions/s1': { status: 204 },
    });
    await apiSend('POST', '/api/v1/auth/sign-out', undefined, z.undefined(), { fetch });
    await apiSend('PUT', '/api/v1/things/1', { a: 1 }, z.undefined(), { fetch });
    await apiSend('PATCH', '/api/v1/things/1', { a: 1 }, z.undefined(), { fetch });
    await apiSend('DELETE', '/api/v1/auth/sessions/s1', undefined, z.undefined(), { fetch });
    expect(fetch).toHaveBeenCalledTimes(4);
    for (const call of fetch.mock.calls) {
      expect(call[1]?.headers).toMatchObject({ 'x-csrf-token': 'tok-123' });
    }
  });

  it('does not send the token on GET', async () => {
    setCookie('tok-123');
    const fetch = createFetchStub({ 'GET /api/v1/system': { body: systemInfo } });
    await apiGet('/api/v1/system', SystemInfoSchema, { fetch });
    expect(fetch.mock.calls[0]?.[1]?.headers).not.toHaveProperty('x-csrf-token');
  });

  it('sends no header when there is no cookie yet (the server then answers auth.csrf_failed)', async () => {
    const fetch = createFetchStub({ 'POST /api/v1/auth/sign-out': { status: 204 } });
    await apiSend('POST', '/api/v1/auth/sign-out', undefined, z.undefined(), { fetch });
    expect(fetch.mock.calls[0]?.[1]?.headers).not.toHaveProperty('x-csrf-token');
  });
});
