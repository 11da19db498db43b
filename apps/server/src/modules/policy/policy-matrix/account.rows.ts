import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { TEST_PASSWORD, uniqueEmail } from '../../../../test/sign-in.js';
import { totp } from '../../auth/totp.js';
import { NEW_PASSWORD, PUBLIC, SIGNED_IN, TOKEN, type Rows } from './matrix.js';

/** Account flows anyone may start, and one’s own account. */
export const ACCOUNT_ROWS: Rows = {
  // Account flows anyone may start
  'GET /api/v1/auth/session': { expect: PUBLIC, request: () => ({ url: '/api/v1/auth/session' }) },
  'POST /api/v1/auth/sign-up': {
    expect: PUBLIC,
    request: () => ({
      url: '/api/v1/auth/sign-up',
      body: { email: uniqueEmail('signup'), name: 'New Person', password: NEW_PASSWORD },
    }),
  },
  'POST /api/v1/auth/verify-email': {
    expect: PUBLIC,
    request: () => ({ url: '/api/v1/auth/verify-email', body: { token: TOKEN } }),
  },
  'POST /api/v1/auth/resend-verification': {
    expect: PUBLIC,
    request: (c) => ({ url: '/api/v1/auth/resend-verification', body: { email: c.email } }),
  },
  'POST /api/v1/auth/sign-in': {
    expect: PUBLIC,
    request: (_c, fx) => ({ url: '/api/v1/auth/sign-in', body: { email: fx.knownEmail, password: TEST_PASSWORD } }),
  },
  'POST /api/v1/auth/sign-in/totp': {
    expect: PUBLIC,
    request: () => ({ url: '/api/v1/auth/sign-in/totp', body: { challenge: TOKEN, code: '123456' } }),
  },
  'POST /api/v1/auth/sign-out': { expect: PUBLIC, request: () => ({ url: '/api/v1/auth/sign-out' }) },
  'POST /api/v1/auth/forgot-password': {
    expect: PUBLIC,
    request: (c) => ({ url: '/api/v1/auth/forgot-password', body: { email: c.email } }),
  },
  'POST /api/v1/auth/reset-password': {
    expect: PUBLIC,
    request: () => ({ url: '/api/v1/auth/reset-password', body: { token: TOKEN, password: NEW_PASSWORD } }),
  },
  'POST /api/v1/auth/confirm-email': {
    expect: PUBLIC,
    request: () => ({ url: '/api/v1/auth/confirm-email', body: { token: TOKEN } }),
  },
  'GET /api/v1/auth/oidc/providers': { expect: PUBLIC, request: () => ({ url: '/api/v1/auth/oidc/providers' }) },
  'GET /api/v1/auth/oidc/{provider}/start': {
    expect: PUBLIC,
    request: () => ({ url: '/api/v1/auth/oidc/google/start' }),
  },
  'GET /api/v1/auth/oidc/{provider}/callback': {
    expect: PUBLIC,
    request: () => ({ url: '/api/v1/auth/oidc/google/callback?code=abc&state=def' }),
  },

  // One's own account
  'POST /api/v1/auth/sign-out-everywhere': {
    expect: SIGNED_IN,
    request: () => ({ url: '/api/v1/auth/sign-out-everywhere' }),
  },
  'POST /api/v1/auth/change-password': {
    expect: SIGNED_IN,
    request: () => ({
      url: '/api/v1/auth/change-password',
      body: { currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD },
    }),
  },
  'POST /api/v1/auth/change-email': {
    expect: SIGNED_IN,
    request: () => ({
      url: '/api/v1/auth/change-email',
      body: { newEmail: uniqueEmail('new'), password: TEST_PASSWORD },
    }),
  },
  'GET /api/v1/auth/sessions': { expect: SIGNED_IN, request: () => ({ url: '/api/v1/auth/sessions' }) },
  'DELETE /api/v1/auth/sessions/{sessionId}': {
    expect: SIGNED_IN,
    request: () => ({ url: `/api/v1/auth/sessions/${randomUUID()}` }),
  },
  'POST /api/v1/auth/totp/setup': { expect: SIGNED_IN, request: () => ({ url: '/api/v1/auth/totp/setup' }) },
  'POST /api/v1/auth/totp/enable': {
    expect: SIGNED_IN,
    // A signed-in caller starts setup first, so the code is a real one and success is reachable.
    async request(c, fx) {
      const setup = await fx.app.inject({ method: 'POST', url: '/api/v1/auth/totp/setup', headers: c.headers });
      const parsed = z.object({ secret: z.string() }).safeParse(setup.json());
      const code = parsed.success ? totp(parsed.data.secret, Date.now()) : '123456';
      return { url: '/api/v1/auth/totp/enable', body: { code } };
    },
  },
  'POST /api/v1/auth/totp/disable': {
    expect: SIGNED_IN,
    request: () => ({ url: '/api/v1/auth/totp/disable', body: { password: TEST_PASSWORD } }),
  },
  'GET /api/v1/me/export': { expect: SIGNED_IN, request: () => ({ url: '/api/v1/me/export' }) },
  'POST /api/v1/me/delete': {
    expect: SIGNED_IN,
    request: () => ({ url: '/api/v1/me/delete', body: { password: TEST_PASSWORD } }),
  },
};
