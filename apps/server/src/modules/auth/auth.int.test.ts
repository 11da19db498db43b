import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { ProblemSchema, SessionStateSchema, SignInResultSchema } from '@interviewselect/contracts';
import type { FastifyInstance } from 'fastify';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, csrfHeaders, testMailService } from '../../../test/create-test-app.js';
import { createTestDatabase, testRedisUrl, type TestDatabase } from '../../../test/test-db.js';
import { queryRows } from '../../platform/db.js';
import type { MailService } from '../mail/mail.service.js';
import { totp } from './totp.js';

const PASSWORD = 'a perfectly long passphrase';

describe('accounts and sessions over HTTP', () => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let mail: MailService;
  let redis: Redis | undefined;

  beforeAll(async () => {
    database = await createTestDatabase();
    mail = testMailService(database);
    // On the PostgreSQL backend the same flows run with Redis: throttling counters and the session cache.
    const redisUrl = testRedisUrl();
    redis = redisUrl ? new Redis(redisUrl) : undefined;
    app = await createTestApp(
      database,
      { PUBLIC_URL: 'http://app.test' },
      { mail, ...(redis ? { redis, redisPrefix: `isel:test:${randomUUID()}:` } : {}) },
    );
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
    redis?.disconnect();
    await database.close();
  });

  function post(url: string, payload: object, cookie = '') {
    const headers = csrfHeaders();
    return app.inject({
      method: 'POST',
      url,
      payload,
      headers: { ...headers, cookie: [headers.cookie, cookie].filter(Boolean).join('; ') },
    });
  }

  /** The token of the newest e-mailed link to `path` for `to`. */
  async function tokenFromMailbox(to: string, path: string): Promise<string> {
    const page = await mail.listOutbox({ limit: 50, offset: 0 });
    const message = page.items.find((m) => m.to === to && m.text.includes(path));
    const match = message && new RegExp(`${path}\\?token=([A-Za-z0-9_%-]+)`).exec(message.text);
    if (!match?.[1]) throw new Error(`no ${path} link mailed to ${to}`);
    return decodeURIComponent(match[1]);
  }

  function sessionCookie(res: { cookies: { name: string; value: string }[] }): string {
    const c = res.cookies.find((x) => x.name === 'isel_session');
    if (!c) throw new Error('no session cookie set');
    return `isel_session=${c.value}`;
  }

  async function signUpAndVerify(email: string, name = 'Grace Hopper') {
    expect((await post('/api/v1/auth/sign-up', { email, name, password: PASSWORD })).statusCode).toBe(202);
    const token = await tokenFromMailbox(email, '/verify-email');
    expect((await post('/api/v1/auth/verify-email', { token })).statusCode).toBe(200);
  }

  async function signIn(email: string, password = PASSWORD) {
    const res = await post('/api/v1/auth/sign-in', { email, password });
    expect(res.statusCode, res.body).toBe(200);
    return sessionCookie(res);
  }

  it('signs up, refuses sign-in until verified, verifies by the e-mailed link, then signs in', async () => {
    const email = 'grace@example.com';
    expect((await post('/api/v1/auth/sign-up', { email, name: 'Grace', password: PASSWORD })).statusCode).toBe(202);
    const early = await post('/api/v1/auth/sign-in', { email, password: PASSWORD });
    expect(ProblemSchema.parse(early.json()).code).toBe('auth.email_unverified');

    const token = await tokenFromMailbox(email, '/verify-email');
    expect((await post('/api/v1/auth/verify-email', { token })).statusCode).toBe(200);
    // Single use: the same link does not work twice.
    expect(ProblemSchema.parse((await post('/api/v1/auth/verify-email', { token })).json()).code).toBe(
      'auth.token_invalid',
    );

    const res = await post('/api/v1/auth/sign-in', { email: 'GRACE@Example.com', password: PASSWORD });
    const result = SignInResultSchema.parse(res.json());
    expect(result).toMatchObject({ status: 'signed_in', user: { email, emailVerified: true } });
    const cookie = res.headers['set-cookie'];
    expect(String(cookie)).toMatch(/isel_session=[^;]+;.*HttpOnly/i);
    expect(String(cookie)).toMatch(/SameSite=Lax/i);

    const session = await app.inject({
      method: 'GET',
      url: '/api/v1/auth/session',
      headers: { cookie: sessionCookie(res) },
    });
    expect(SessionStateSchema.parse(session.json()).user?.email).toBe(email);
  });

  it('carries a page to continue to (an invitation) into the confirmation link, and refuses other hosts', async () => {
    const email = 'invited@example.com';
    const next = '/invitations/abc?x=1';
    const res = await post('/api/v1/auth/sign-up', { email, name: 'Ivy', password: PASSWORD, next });
    expect(res.statusCode).toBe(202);
    const page = await mail.listOutbox({ limit: 50, offset: 0 });
    const text = page.items.find((m) => m.to === email)?.text ?? '';
    expect(text).toContain(`&next=${encodeURIComponent(next)}`);
    for (const bad of ['//evil.example/x', 'https://evil.example/', '/\\evil.example']) {
      const refused = await post('/api/v1/auth/sign-up', {
        email: 'x@example.com',
        name: 'X',
        password: PASSWORD,
        next: bad,
      });
      expect(refused.statusCode, bad).toBe(400);
    }
  });

  it('answers sign-up for an existing address exactly like a new one, and mails the owner instead', async () => {
    await signUpAndVerify('ada@example.com', 'Ada');
    const again = await post('/api/v1/auth/sign-up', { email: 'Ada@example.com', name: 'Mallory', password: PASSWORD });
    expect(again.statusCode).toBe(202);
    expect(again.json()).toEqual({
      message: 'We sent a confirmation link to Ada@example.com. Open it to finish signing up.',
    });
    const users = await queryRows<{ n: number }>(
      database.db,
      sql`select count(*)::int as n from users where email = 'ada@example.com'`,
    );
    expect(users[0]?.n).toBe(1);
    const page = await mail.listOutbox({ limit: 50, offset: 0 });
    expect(page.items.some((m) => m.to === 'ada@example.com' && m.subject === 'You already have an account')).toBe(
      true,
    );
  });

  it('rejects common passwords and bad input with field issues, creating nothing', async () => {
    const weak = await post('/api/v1/auth/sign-up', { email: 'weak@example.com', name: 'W', password: 'password1234' });
    expect(weak.statusCode).toBe(400);
    expect(ProblemSchema.parse(weak.json()).issues?.[0]?.path).toBe('body.password');
    const bad = await post('/api/v1/auth/sign-up', { email: 'not-an-email', name: 'x'.repeat(101), password: 'short' });
    expect(
      ProblemSchema.parse(bad.json())
        .issues?.map((i) => i.path)
        .sort(),
    ).toEqual(['body.email', 'body.name', 'body.password']);
    const control = await post('/api/v1/auth/sign-up', {
      email: 'c@example.com',
      name: 'Bob\u0000',
      password: PASSWORD,
    });
    expect(control.statusCode).toBe(400);
    // A Cyrillic А posing as a Latin A, and a right-to-left override, are refused with a reason.
    const confusable = await post('/api/v1/auth/sign-up', {
      email: 'c@example.com',
      name: '\u0410dmin',
      password: PASSWORD,
    });
    expect(ProblemSchema.parse(confusable.json()).issues?.[0]).toMatchObject({ path: 'body.name' });
    expect(ProblemSchema.parse(confusable.json()).detail).toMatch(/different alphabets/);
    const bidi = await post('/api/v1/auth/sign-up', {
      email: 'c@example.com',
      name: 'Bob\u202Egnp.exe',
      password: PASSWORD,
    });
    expect(bidi.statusCode).toBe(400);
    const rows = await queryRows<{ n: number }>(
      database.db,
      sql`select count(*)::int as n from users where email in ('weak@example.com', 'not-an-email', 'c@example.com')`,
    );
    expect(rows[0]?.n).toBe(0);
  });

  it('gives the same generic error for a wrong password and an unknown account', async () => {
    await signUpAndVerify('turing@example.com', 'Alan');
    const wrong = ProblemSchema.parse(
      (await post('/api/v1/auth/sign-in', { email: 'turing@example.com', password: 'nope nope nope' })).json(),
    );
    const unknown = ProblemSchema.parse(
      (await post('/api/v1/auth/sign-in', { email: 'nobody@example.com', password: 'nope nope nope' })).json(),
    );
    expect([wrong.status, wrong.code, wrong.detail]).toEqual([unknown.status, unknown.code, unknown.detail]);
  });

  it('throttles an account after repeated failures with exponential backoff', async () => {
    await signUpAndVerify('hamilton@example.com', 'Margaret');
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) {
      statuses.push(
        (await post('/api/v1/auth/sign-in', { email: 'hamilton@example.com', password: `wrong guess ${i}` }))
          .statusCode,
      );
    }
    expect(statuses.slice(0, 6)).toEqual([401, 401, 401, 401, 401, 401]);
    expect(statuses[6]).toBe(429);
    // Even the right password waits out the lock: no oracle while locked.
    const locked = await post('/api/v1/auth/sign-in', { email: 'hamilton@example.com', password: PASSWORD });
    expect(ProblemSchema.parse(locked.json())).toMatchObject({ code: 'auth.throttled' });
    expect(ProblemSchema.parse(locked.json()).detail).toMatch(/Try again in \d+ seconds/);
  });

  it('rotates the session on sign-in, signs out, and ignores a fixated cookie', async () => {
    await signUpAndVerify('lovelace@example.com', 'Ada L');
    const fixated = 'isel_session=attacker-chosen-value-0123456789abcdef';
    const res = await post('/api/v1/auth/sign-in', { email: 'lovelace@example.com', password: PASSWORD }, fixated);
    const cookie = sessionCookie(res);
    expect(cookie).not.toBe(fixated);
    const fixatedState = await app.inject({ method: 'GET', url: '/api/v1/auth/session', headers: { cookie: fixated } });
    expect(SessionStateSchema.parse(fixatedState.json()).user).toBeNull();

    expect((await post('/api/v1/auth/sign-out', {}, cookie)).statusCode).toBe(204);
    const after = await app.inject({ method: 'GET', url: '/api/v1/auth/session', headers: { cookie } });
    expect(SessionStateSchema.parse(after.json()).user).toBeNull();
  });

  it('lists sessions, revokes one, and signs out everywhere', async () => {
    await signUpAndVerify('hopper2@example.com', 'G H');
    const a = await signIn('hopper2@example.com');
    const b = await signIn('hopper2@example.com');
    const list = await app.inject({ method: 'GET', url: '/api/v1/auth/sessions', headers: { cookie: a } });
    const sessions = list.json<{ id: string; current: boolean }[]>();
    expect(sessions).toHaveLength(2);
    const other = sessions.find((s) => !s.current);
    const revoke = await app.inject({
      method: 'DELETE',
      url: `/api/v1/auth/sessions/${other?.id}`,
      headers: { ...csrfHeaders(), cookie: `${csrfHeaders().cookie}; ${a}` },
    });
    expect(revoke.statusCode).toBe(204);
    const bState = await app.inject({ method: 'GET', url: '/api/v1/auth/session', headers: { cookie: b } });
    expect(SessionStateSchema.parse(bState.json()).user).toBeNull();

    expect((await post('/api/v1/auth/sign-out-everywhere', {}, a)).statusCode).toBe(204);
    const aState = await app.inject({ method: 'GET', url: '/api/v1/auth/session', headers: { cookie: a } });
    expect(SessionStateSchema.parse(aState.json()).user).toBeNull();
  });

  it('resets a password by a single-use e-mailed link and ends existing sessions', async () => {
    await signUpAndVerify('knuth@example.com', 'Don');
    const before = await signIn('knuth@example.com');
    expect((await post('/api/v1/auth/forgot-password', { email: 'knuth@example.com' })).statusCode).toBe(202);
    expect((await post('/api/v1/auth/forgot-password', { email: 'unknown@example.com' })).statusCode).toBe(202);
    const token = await tokenFromMailbox('knuth@example.com', '/reset-password');
    const newPassword = 'the art of computer programming';
    expect((await post('/api/v1/auth/reset-password', { token, password: newPassword })).statusCode).toBe(200);
    expect((await post('/api/v1/auth/reset-password', { token, password: newPassword })).statusCode).toBe(400);
    expect(
      (await post('/api/v1/auth/reset-password', { token: 'forged-token-forged-token-forged', password: newPassword }))
        .statusCode,
    ).toBe(400);
    const state = await app.inject({ method: 'GET', url: '/api/v1/auth/session', headers: { cookie: before } });
    expect(SessionStateSchema.parse(state.json()).user).toBeNull();
    await signIn('knuth@example.com', newPassword);
  });

  it('rotates the session token on a password change; the old token stops working', async () => {
    await signUpAndVerify('rotate@example.com', 'Ro Tate');
    const before = await signIn('rotate@example.com');
    const res = await post(
      '/api/v1/auth/change-password',
      { currentPassword: PASSWORD, newPassword: 'an even longer passphrase' },
      before,
    );
    expect(res.statusCode).toBe(200);
    const after = sessionCookie(res);
    expect(after).not.toBe(before);
    const oldState = await app.inject({ method: 'GET', url: '/api/v1/auth/session', headers: { cookie: before } });
    expect(SessionStateSchema.parse(oldState.json()).user).toBeNull();
    const newState = await app.inject({ method: 'GET', url: '/api/v1/auth/session', headers: { cookie: after } });
    expect(SessionStateSchema.parse(newState.json()).user?.email).toBe('rotate@example.com');
  });

  it('changes e-mail only after the new address confirms', async () => {
    await signUpAndVerify('old@example.com', 'Old');
    const cookie = await signIn('old@example.com');
    const wrong = await post(
      '/api/v1/auth/change-email',
      { newEmail: 'new@example.com', password: 'not my password' },
      cookie,
    );
    expect(wrong.statusCode).toBe(401);
    expect(
      (await post('/api/v1/auth/change-email', { newEmail: 'new@example.com', password: PASSWORD }, cookie)).statusCode,
    ).toBe(202);
    const state = await app.inject({ method: 'GET', url: '/api/v1/auth/session', headers: { cookie } });
    expect(SessionStateSchema.parse(state.json()).user?.email).toBe('old@example.com');
    const token = await tokenFromMailbox('new@example.com', '/confirm-email');
    expect((await post('/api/v1/auth/confirm-email', { token })).statusCode).toBe(200);
    await signIn('new@example.com');
  });

  it('enables TOTP, requires a code at sign-in, refuses a replayed code, accepts a recovery code once', async () => {
    await signUpAndVerify('totp@example.com', 'Tim');
    const cookie = await signIn('totp@example.com');
    const setup = (await post('/api/v1/auth/totp/setup', {}, cookie)).json<{ secret: string; otpauthUri: string }>();
    expect(setup.otpauthUri).toContain('otpauth://totp/');
    const bad = await post('/api/v1/auth/totp/enable', { code: '000000' }, cookie);
    expect(bad.statusCode).toBe(401);
    const enabled = await post('/api/v1/auth/totp/enable', { code: totp(setup.secret, Date.now()) }, cookie);
    const { recoveryCodes } = enabled.json<{ recoveryCodes: string[] }>();
    expect(recoveryCodes).toHaveLength(10);

    const first = SignInResultSchema.parse(
      (await post('/api/v1/auth/sign-in', { email: 'totp@example.com', password: PASSWORD })).json(),
    );
    expect(first.status).toBe('totp_required');
    const challenge = first.status === 'totp_required' ? first.challenge : '';
    // The code used to enable is the current one: replaying it is refused.
    const replay = await post('/api/v1/auth/sign-in/totp', { challenge, code: totp(setup.secret, Date.now()) });
    expect(replay.statusCode).toBe(401);
    const withRecovery = await post('/api/v1/auth/sign-in/totp', { challenge, code: recoveryCodes[0] });
    expect(withRecovery.statusCode).toBe(200);
    expect(sessionCookie(withRecovery)).toMatch(/^isel_session=/);
    expect((await post('/api/v1/auth/sign-in/totp', { challenge, code: recoveryCodes[0] })).statusCode).toBe(401);
    const forged = await post('/api/v1/auth/sign-in/totp', {
      challenge: `${challenge.slice(0, -2)}xx`,
      code: recoveryCodes[1],
    });
    expect(ProblemSchema.parse(forged.json()).code).toBe('auth.token_invalid');
  });

  it('refuses account routes to anonymous callers with 401', async () => {
    for (const url of ['/api/v1/auth/sessions']) {
      const res = await app.inject({ method: 'GET', url });
      expect(res.statusCode).toBe(401);
    }
    expect(
      (await post('/api/v1/auth/change-password', { currentPassword: 'x', newPassword: PASSWORD })).statusCode,
    ).toBe(401);
  });
});
