import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ProblemSchema, ReadinessSchema, SystemInfoSchema } from '@interviewselect/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createTestApp, csrfHeaders } from '../test/create-test-app.js';
import { createTestDatabase, type TestDatabase } from '../test/test-db.js';

describe('HTTP platform', () => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let webDir: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    webDir = mkdtempSync(path.join(tmpdir(), 'isel-web-'));
    mkdirSync(path.join(webDir, 'assets'));
    writeFileSync(
      path.join(webDir, 'index.html'),
      '<!doctype html><meta name="csp-nonce" content="__CSP_NONCE__"><title>InterviewSelect</title><div id="root"></div>',
    );
    writeFileSync(path.join(webDir, 'assets', 'index-abc123.js'), 'console.log(1)');
    app = await createTestApp(database, { WEB_DIST_DIR: webDir });
    // A route that exists only in this test, to exercise validation and 5xx handling.
    app
      .withTypeProvider<ZodTypeProvider>()
      .post(
        '/api/v1/test/echo',
        { schema: { body: z.object({ email: z.email(), age: z.number().int().min(18) }) } },
        async (request) => request.body,
      );
    app.get('/api/v1/test/boom', async () => {
      throw new Error('database password is hunter2');
    });
    await app.ready();
  });

  afterAll(async () => {
    await app.close();
    await database.close();
  });

  it('GET /healthz answers ok', async () => {
    const res = await app.inject({ method: 'GET', url: '/healthz' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok' });
  });

  it('GET /readyz reports the database and migrations', async () => {
    const res = await app.inject({ method: 'GET', url: '/readyz' });
    expect(res.statusCode).toBe(200);
    const body = ReadinessSchema.parse(res.json());
    expect(body.status).toBe('ready');
    expect(body.checks.map((c) => c.name)).toEqual(['database', 'migrations']);
  });

  it('GET /api/v1/system reads counts from the database', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/v1/system' });
    const body = SystemInfoSchema.parse(res.json());
    expect(body.database).toBe(database.kind);
    expect(body.stats).toEqual({ users: 0, orgs: 0 });
  });

  it('answers unknown API routes with problem+json 404', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/v1/nothing-here', headers: { accept: 'text/html' } });
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    const body = ProblemSchema.parse(res.json());
    expect(body).toMatchObject({ status: 404, code: 'request.not_found', instance: '/api/v1/nothing-here' });
    expect(body.detail).toContain('GET /api/v1/nothing-here');
  });

  it('lists each invalid field in a 400 validation problem', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/test/echo',
      headers: csrfHeaders(),
      payload: { email: 'nope', age: 12 },
    });
    expect(res.statusCode).toBe(400);
    const body = ProblemSchema.parse(res.json());
    expect(body.code).toBe('request.validation_failed');
    expect(body.issues?.map((i) => i.path)).toEqual(['body.email', 'body.age']);
    expect(body.issues?.[1]?.message).toMatch(/18/);
  });

  it('answers malformed JSON with a 400 problem', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/test/echo',
      headers: { 'content-type': 'application/json', ...csrfHeaders() },
      payload: '{"email":',
    });
    expect(res.statusCode).toBe(400);
    expect(ProblemSchema.parse(res.json()).code).toBe('request.malformed');
  });

  it('refuses a state-changing request without the CSRF header, before touching the body', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/v1/test/echo', payload: { email: 'a@b.co', age: 20 } });
    expect(res.statusCode).toBe(403);
    expect(ProblemSchema.parse(res.json()).code).toBe('auth.csrf_failed');
    const wrong = await app.inject({
      method: 'POST',
      url: '/api/v1/test/echo',
      headers: { cookie: 'isel_csrf=aaaaaaaaaaaaaaaaaaaaaaaa', 'x-csrf-token': 'bbbbbbbbbbbbbbbbbbbbbbbb' },
      payload: { email: 'a@b.co', age: 20 },
    });
    expect(wrong.statusCode).toBe(403);
  });

  it('refuses a cross-site Origin even with a matching token', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/test/echo',
      headers: { ...csrfHeaders(), origin: 'https://evil.example' },
      payload: { email: 'a@b.co', age: 20 },
    });
    expect(res.statusCode).toBe(403);
    expect(ProblemSchema.parse(res.json()).detail).toContain('https://evil.example');
  });

  it('hides 5xx internals but returns the request id', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/v1/test/boom', headers: { 'x-request-id': 'trace-42' } });
    expect(res.statusCode).toBe(500);
    expect(res.headers['x-request-id']).toBe('trace-42');
    const body = ProblemSchema.parse(res.json());
    expect(body).toMatchObject({ code: 'server.internal', requestId: 'trace-42' });
    expect(res.body).not.toContain('hunter2');
  });

  it('sends security headers: CSP without unsafe sources, no framing, no HSTS on http', async () => {
    const res = await app.inject({ method: 'GET', url: '/healthz' });
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe');
    expect(res.headers['x-frame-options']).toBe('DENY');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['strict-transport-security']).toBeUndefined();
  });

  it('serves an OpenAPI 3.1 document built from the route schemas', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/openapi.json' });
    const doc = res.json<{ openapi: string; paths: Record<string, unknown> }>();
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/healthz', '/readyz', '/api/v1/system']));
    const docs = await app.inject({ method: 'GET', url: '/api/docs/' });
    expect(docs.statusCode).toBe(200);
    expect(docs.body).toContain('swagger-ui');
  });

  it('exposes Prometheus metrics including request latency and event-loop lag', async () => {
    await app.inject({ method: 'GET', url: '/healthz' });
    const res = await app.inject({ method: 'GET', url: '/metrics' });
    expect(res.body).toMatch(
      /http_request_duration_seconds_count\{method="GET",route="\/healthz",status_code="200"\} \d+/,
    );
    expect(res.body).toContain('nodejs_eventloop_lag_p99_seconds');
    expect(res.body).toMatch(/db_pool_connections\{state="total"\} \d+/);
  });

  it('serves the SPA: index.html fallback for app routes, immutable hashed assets', async () => {
    const page = await app.inject({ method: 'GET', url: '/interviews/123', headers: { accept: 'text/html' } });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<div id="root">');
    expect(page.headers['cache-control']).toBe('no-cache');
    // Each page gets its own style nonce, in the CSP and in the page.
    const nonce = /content="([A-Za-z0-9+/=]{24})"/.exec(page.body)?.[1];
    expect(nonce).toBeDefined();
    expect(String(page.headers['content-security-policy'])).toContain(`style-src 'self' 'nonce-${nonce}'`);
    expect(String(page.headers['content-security-policy'])).toContain("script-src 'self';");
    // The page hands the browser its CSRF cookie; probes and API answers do not carry one.
    expect(page.cookies.find((c) => c.name === 'isel_csrf')?.httpOnly).toBeFalsy();
    expect(page.cookies.some((c) => c.name === 'isel_csrf')).toBe(true);
    const probe = await app.inject({ method: 'GET', url: '/healthz' });
    expect(probe.headers['set-cookie']).toBeUndefined();
    const again = await app.inject({ method: 'GET', url: '/', headers: { accept: 'text/html' } });
    expect(again.body).not.toContain(nonce);
    const asset = await app.inject({ method: 'GET', url: '/assets/index-abc123.js' });
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const missingAsset = await app.inject({ method: 'GET', url: '/assets/gone.js', headers: { accept: 'text/html' } });
    expect(missingAsset.statusCode).toBe(404);
  });
});

describe('readiness with pending migrations', () => {
  it('answers 503 and names the problem', async () => {
    const { createMemoryDatabase } = await import('./platform/db.js');
    const database = await createMemoryDatabase();
    const app = await createTestApp(database);
    try {
      const res = await app.inject({ method: 'GET', url: '/readyz' });
      expect(res.statusCode).toBe(503);
      const body = ReadinessSchema.parse(res.json());
      expect(body.status).toBe('not_ready');
      expect(body.checks.find((c) => c.name === 'migrations')?.detail).toMatch(/migration\(s\) not applied/);
    } finally {
      await app.close();
      await database.close();
    }
  });
});
