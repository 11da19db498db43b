import { randomBytes, timingSafeEqual } from 'node:crypto';
import cookie from '@fastify/cookie';
import { CSRF_COOKIE, CSRF_HEADER } from '@interviewselect/contracts';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { ANONYMOUS, type Principal } from '../modules/auth/principal.js';
import { AppError } from './errors.js';

export const SESSION_COOKIE = 'isel_session';
/** A room guest's cookie (see modules/auth/guest-sessions.ts); a user session takes precedence. */
export const GUEST_COOKIE = 'isel_guest';

declare module 'fastify' {
  interface FastifyRequest {
    /** Who is asking; resolved from the session cookie on first use, then memoised. */
    principal(): Promise<Principal>;
  }
  interface FastifyContextConfig {
    /** Set false only on routes authenticated otherwise (API keys, signed webhooks). */
    csrf?: boolean;
  }
  interface FastifyReply {
    /**
     * The CSRF token of this browser, issuing the `isel_csrf` cookie first if it
     * has none. Called where the SPA boots (its page, GET /api/v1/auth/session),
     * so probes and API clients are not sent a cookie on every response.
     */
    ensureCsrfToken(): string;
    setSessionCookie(token: string, maxAgeMs: number): FastifyReply;
    clearSessionCookie(): FastifyReply;
    /** The room guest's cookie (HttpOnly like the session's). */
    setGuestCookie(token: string, maxAgeMs: number): FastifyReply;
  }
}

export interface AuthPluginOptions {
  isHttps: boolean;
  publicUrl: string;
  resolveSession: (token: string | undefined) => Promise<Principal | null>;
  resolveGuest: (token: string | undefined) => Promise<Principal | null>;
}

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const principalCache = new WeakMap<FastifyRequest, Promise<Principal>>();

function sameToken(a: string | undefined, b: string | undefined): boolean {
  if (!a || !b || a.length !== b.length) return false;
  return timingSafeEqual(Buffer.from(a), Buffer.from(b));
}

/**
 * Sessions and CSRF for every route:
 * - the session cookie is HttpOnly, SameSite=Lax, Secure behind https;
 * - CSRF is double-submit: a random `isel_csrf` cookie (readable by our own
 *   scripts only, thanks to SameSite and the CSP) must be echoed in the
 *   `x-csrf-token` header of every POST/PUT/PATCH/DELETE, and a present
 *   Origin header must be our own. A cross-site form can do neither.
 */
async function authPlugin(app: FastifyInstance, opts: AuthPluginOptions): Promise<void> {
  await app.register(cookie);
  const ownOrigin = new URL(opts.publicUrl).origin;
  const cookieBase = { path: '/', sameSite: 'lax' as const, secure: opts.isHttps };

  app.decorateRequest('principal', function (this: FastifyRequest) {
    let cached = principalCache.get(this);
    if (!cached) {
      const cookies = this.cookies;
      cached = opts
        .resolveSession(cookies[SESSION_COOKIE])
        .then(async (user) => user ?? (await opts.resolveGuest(cookies[GUEST_COOKIE])) ?? ANONYMOUS);
      principalCache.set(this, cached);
    }
    return cached;
  });

  app.decorateReply('ensureCsrfToken', function (this: FastifyReply) {
    const existing = this.request.cookies[CSRF_COOKIE];
    if (existing) return existing;
    const token = randomBytes(24).toString('base64url');
    this.setCookie(CSRF_COOKIE, token, { ...cookieBase, httpOnly: false });
    this.request.cookies[CSRF_COOKIE] = token;
    return token;
  });
  app.decorateReply('setSessionCookie', function (this: FastifyReply, token: string, maxAgeMs: number) {
    return this.setCookie(SESSION_COOKIE, token, {
      ...cookieBase,
      httpOnly: true,
      maxAge: Math.floor(maxAgeMs / 1000),
    });
  });
  app.decorateReply('setGuestCookie', function (this: FastifyReply, token: string, maxAgeMs: number) {
    return this.setCookie(GUEST_COOKIE, token, { ...cookieBase, httpOnly: true, maxAge: Math.floor(maxAgeMs / 1000) });
  });
  app.decorateReply('clearSessionCookie', function (this: FastifyReply) {
    return this.clearCookie(SESSION_COOKIE, { ...cookieBase, httpOnly: true });
  });

  app.addHook('onRequest', async (request) => {
    const csrf = request.cookies[CSRF_COOKIE];
    if (!STATE_CHANGING.has(request.method) || request.routeOptions.config.csrf === false) return;
    const origin = request.headers.origin;
    const hostOrigin = `${request.protocol}://${request.host}`;
    if (origin && origin !== ownOrigin && origin !== hostOrigin) {
      throw new AppError('auth.csrf_failed', `Requests from ${origin} are not accepted. Use the app at ${ownOrigin}.`);
    }
    const header = request.headers[CSRF_HEADER];
    if (
      !request.headers.cookie?.includes(`${CSRF_COOKIE}=`) ||
      !sameToken(typeof header === 'string' ? header : undefined, csrf)
    ) {
      throw new AppError(
        'auth.csrf_failed',
        `Missing or wrong ${CSRF_HEADER} header: send the value of the ${CSRF_COOKIE} cookie with every change. Reload the page and try again.`,
      );
    }
  });
}

export const registerAuth = fp(authPlugin, { name: 'isel-auth' });

/** The signed-in user, or a 401 problem. */
export async function requireUser(request: FastifyRequest): Promise<Extract<Principal, { kind: 'user' }>> {
  const principal = await request.principal();
  if (principal.kind !== 'user') throw new AppError('auth.unauthenticated', 'Sign in to continue.');
  return principal;
}
