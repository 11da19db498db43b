import { generateKeyPairSync } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { OidcProviderListSchema, ProblemSchema, SessionStateSchema } from '@interviewselect/contracts';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { default as Provider } from 'oidc-provider';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestApp } from '../../../../test/create-test-app.js';
import { createTestDatabase, type TestDatabase } from '../../../../test/test-db.js';
import { queryRows } from '../../../platform/db.js';
import { hashPassword } from '../../users/password.js';
import { createUsersRepo } from '../../users/users.repo.js';

/** A person known to the test identity provider. */
interface IdpAccount {
  email: string;
  email_verified: boolean;
  name: string;
}

/** What the test IdP's interaction page does: sign in as `accountId`, or decline. */
type InteractionMode = { kind: 'login'; accountId: string } | { kind: 'deny' };

/** Listens on 127.0.0.1:0 and returns the server with its base URL. */
async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/**
 * A real oidc-provider on loopback. Its interaction pages (login, consent)
 * are replaced by one handler that finishes them programmatically, as a user
 * clicking "sign in" and "allow" would.
 */
async function startTestIdp(redirectUri: string) {
  const accounts = new Map<string, IdpAccount>();
  let mode: InteractionMode = { kind: 'deny' };
  async function interact(provider: Provider, req: IncomingMessage, res: ServerResponse): Promise<void> {
    const details = await provider.interactionDetails(req, res);
    if (mode.kind === 'deny') {
      await provider.interactionFinished(req, res, { error: 'access_denied', error_description: 'declined' });
    } else if (details.prompt.name === 'login') {
      await provider.interactionFinished(req, res, { login: { accountId: mode.accountId } });
    } else {
      const grant = new provider.Grant({ accountId: mode.accountId, clientId: String(details.params.client_id) });
      grant.addOIDCScope(String(details.params.scope));
      const grantId = await grant.save();
      await provider.interactionFinished(req, res, { consent: { grantId } }, { mergeWithLastSubmission: true });
    }
  }

  // The issuer URL needs the port, so the server listens first and gets its handler below.
  const server = createServer();
  const issuer = await listen(server);
  const jwk = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' });
  // oidc-provider warns (console.warn) about its in-memory adapter and a non-LTS Node on import;
  // neither matters for a throwaway test IdP.
  const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  const { default: OidcProvider } = await import('oidc-provider');
  const provider = new OidcProvider(issuer, {
    clients: [
      {
        client_id: 'interviewselect',
        client_secret: 'test-client-secret',
        redirect_uris: [redirectUri],
        grant_types: ['authorization_code'],
        response_types: ['code'],
      },
    ],
    jwks: { keys: [{ ...jwk, kid: 'test-key', use: 'sig', alg: 'RS256' }] },
    cookies: { keys: ['test-idp-cookie-key'] },
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    pkce: { required: () => true },
    // Explicit lifetimes (seconds) keep oidc-provider from printing a notice per default used.
    ttl: { AccessToken: 600, AuthorizationCode: 60, Grant: 600, IdToken: 600, Interaction: 600, Session: 600 },
    findAccount: (_ctx, sub) => {
      const account = accounts.get(sub);
      return account && { accountId: sub, claims: () => ({ sub, ...account }) };
    },
  });
  warn.mockRestore();
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    if (!req.url?.startsWith('/interaction/')) return void provider.callback()(req, res);
    interact(provider, req, res).catch((err: unknown) => res.writeHead(500).end(String(err)));
  });

  return {
    issuer,
    accounts,
    setMode(next: InteractionMode) {
      mode = next;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Cookies per origin, enough to play a browser across the app and the IdP. */
class Browser {
  private readonly jars = new Map<string, Map<string, string>>();

  cookie(origin: string, name: string): string | undefined {
    return this.jars.get(origin)?.get(name);
  }

  async get(url: URL): Promise<Response> {
    const jar = this.jars.get(url.origin) ?? new Map<string, string>();
    this.jars.set(url.origin, jar);
    const cookie = [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
    const res = await fetch(url, { redirect: 'manual', headers: cookie ? { cookie } : {} });
    for (const line of res.headers.getSetCookie()) {
      const [pair = '', ...attrs] = line.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const expired = attrs.some((a) => /^\s*max-age=0\s*$/i.test(a) || /^\s*expires=Thu, 01 Jan 1970/i.test(a));
      if (expired) jar.delete(name);
      else jar.set(name, pair.slice(eq + 1).trim());
    }
    return res;
  }
}

describe('OIDC sign-in against a real OpenID provider', () => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let appUrl: string;
  let idp: Awaited<ReturnType<typeof startTestIdp>>;
  const callbackPath = '/api/v1/auth/oidc/testidp/callback';

  beforeAll(async () => {
    database = await createTestDatabase();
    // PUBLIC_URL must be known before the app is built, so reserve a free port first.
    const probe = createServer();
    appUrl = await listen(probe);
    await new Promise<void>((resolve) => probe.close(() => resolve()));
    idp = await startTestIdp(`${appUrl}${callbackPath}`);
    app = await createTestApp(database, {
      PUBLIC_URL: appUrl,
      OIDC_TESTIDP_ISSUER: idp.issuer,
      OIDC_TESTIDP_CLIENT_ID: 'interviewselect',
      OIDC_TESTIDP_CLIENT_SECRET: 'test-client-secret',
      OIDC_TESTIDP_LABEL: 'Test IdP',
    });
    await app.listen({ host: '127.0.0.1', port: Number(new URL(appUrl).port) });
  });
  afterAll(async () => {
    await app.close();
    await idp.close();
    await database.close();
  });

  interface Flow {
    browser: Browser;
    /** Every URL the browser requested, in order. */
    visited: URL[];
    /** Where our callback finally sent the browser. */
    landing: URL;
  }

  /**
   * Clicks "Sign in with Test IdP": follows redirects through the IdP and back
   * to our callback, stopping at the callback's redirect. `tamper` may rewrite
   * a URL before the browser requests it.
   */
  async function signInFlow(next: string, tamper: (url: URL) => URL = (u) => u): Promise<Flow> {
    const browser = new Browser();
    const visited: URL[] = [];
    let url = new URL(`${appUrl}/api/v1/auth/oidc/testidp/start?next=${encodeURIComponent(next)}`);
    for (let hop = 0; hop < 15; hop++) {
      url = tamper(url);
      visited.push(url);
      const res = await browser.get(url);
      const location = res.headers.get('location');
      if (res.status < 300 || res.status >= 400 || !location) throw new Error(`stuck at ${url.href}: ${res.status}`);
      const target = new URL(location, url);
      if (url.origin === appUrl && url.pathname === callbackPath) return { browser, visited, landing: target };
      if (url.origin === appUrl && target.origin === appUrl && !target.pathname.startsWith('/api/v1/auth/oidc/')) {
        return { browser, visited, landing: target };
      }
      url = target;
    }
    throw new Error('too many redirects');
  }

  async function sessionUser(flow: Flow) {
    const token = flow.browser.cookie(appUrl, 'isel_session');
    if (!token) return null;
    const res = await fetch(`${appUrl}/api/v1/auth/session`, { headers: { cookie: `isel_session=${token}` } });
    return SessionStateSchema.parse(await res.json()).user;
  }

  async function links(email: string) {
    return queryRows<{ provider: string; subject: string; user_id: string }>(
      database.db,
      sql`select provider, subject, user_id from oauth_accounts where email = ${email}`,
    );
  }

  async function usersWithEmail(email: string) {
    return queryRows<{ id: string; password_hash: string | null; email_verified_at: unknown }>(
      database.db,
      sql`select id, password_hash, email_verified_at from users where email = ${email}`,
    );
  }

  function loginAs(sub: string, account: IdpAccount) {
    idp.accounts.set(sub, account);
    idp.setMode({ kind: 'login', accountId: sub });
  }

  it('lists the configured providers for the sign-in page', async () => {
    const res = await fetch(`${appUrl}/api/v1/auth/oidc/providers`);
    expect(OidcProviderListSchema.parse(await res.json())).toEqual([{ id: 'testidp', label: 'Test IdP' }]);
  });

  it('sends the browser to the IdP with PKCE (S256), state and nonce, in a sealed HttpOnly cookie', async () => {
    const res = await fetch(`${appUrl}/api/v1/auth/oidc/testidp/start?next=/interviews`, { redirect: 'manual' });
    expect(res.status).toBe(302);
    const authorize = new URL(res.headers.get('location') ?? '');
    expect(authorize.origin).toBe(idp.issuer);
    const q = authorize.searchParams;
    expect(q.get('code_challenge_method')).toBe('S256');
    expect(q.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(q.get('state')).toBeTruthy();
    expect(q.get('nonce')).toBeTruthy();
    expect(q.get('redirect_uri')).toBe(`${appUrl}${callbackPath}`);
    expect(q.get('scope')).toBe('openid email profile');
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith('isel_oidc='));
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).toMatch(/Max-Age=600/i);
    // Sealed: neither the verifier nor the state is readable in the cookie.
    expect(cookie).not.toContain(q.get('state'));
  });

  it('creates, links and signs in a new user whose e-mail the IdP verified, then lands on `next`', async () => {
    loginAs('sub-ada', { email: 'ada@example.com', email_verified: true, name: 'Ada Lovelace' });
    const flow = await signInFlow('/interviews?tab=mine');
    expect(flow.landing.pathname + flow.landing.search).toBe('/interviews?tab=mine');
    expect(flow.visited.some((u) => u.origin === idp.issuer && u.pathname.startsWith('/interaction/'))).toBe(true);
    const user = await sessionUser(flow);
    expect(user).toMatchObject({ email: 'ada@example.com', name: 'Ada Lovelace', emailVerified: true });
    expect(flow.browser.cookie(appUrl, 'isel_oidc')).toBeUndefined();
    expect(await links('ada@example.com')).toEqual([{ provider: 'testidp', subject: 'sub-ada', user_id: user?.id }]);
    const [row] = await usersWithEmail('ada@example.com');
    expect(row?.password_hash).toBeNull();
    const audit = await queryRows<{ action: string }>(
      database.db,
      sql`select action from audit_events where actor_user_id = ${user?.id ?? null} order by seq`,
    );
    expect(audit.map((a) => a.action)).toEqual(['auth.oidc_linked', 'auth.sign_in', 'auth.oidc_sign_in']);

    // Signing in again uses the link: same user, no second link.
    const again = await signInFlow('/');
    expect((await sessionUser(again))?.id).toBe(user?.id);
    expect(await links('ada@example.com')).toHaveLength(1);
  });

  it('links an existing password account with the same verified e-mail instead of duplicating it', async () => {
    const users = createUsersRepo(database.db);
    const existing = await users.insert({
      email: 'grace@example.com',
      name: 'Grace Hopper',
      passwordHash: await hashPassword('a perfectly long passphrase'),
      emailVerifiedAt: new Date(),
    });
    loginAs('sub-grace', { email: 'Grace@Example.com', email_verified: true, name: 'G. Hopper' });
    const flow = await signInFlow('/');
    expect((await sessionUser(flow))?.id).toBe(existing.id);
    expect(await usersWithEmail('grace@example.com')).toEqual([expect.objectContaining({ id: existing.id })]);
    expect((await links('Grace@Example.com'))[0]?.user_id).toBe(existing.id);
    // A confirmed account keeps its password; only an unconfirmed one loses it (next test).
    expect((await usersWithEmail('grace@example.com'))[0]?.password_hash).not.toBeNull();
  });

  it('takes over an unconfirmed account for the verified owner and drops the unproven password', async () => {
    const users = createUsersRepo(database.db);
    const squatted = await users.insert({
      email: 'katherine@example.com',
      name: 'Someone Else',
      passwordHash: await hashPassword('attacker chosen passphrase'),
    });
    loginAs('sub-katherine', { email: 'katherine@example.com', email_verified: true, name: 'Katherine Johnson' });
    const flow = await signInFlow('/');
    expect((await sessionUser(flow))?.id).toBe(squatted.id);
    const [row] = await usersWithEmail('katherine@example.com');
    expect(row?.password_hash).toBeNull();
    expect(row?.email_verified_at).not.toBeNull();
  });

  it('refuses an e-mail the IdP has not verified: no user, no link, no session', async () => {
    loginAs('sub-mallory', { email: 'mallory@example.com', email_verified: false, name: 'Mallory' });
    const flow = await signInFlow('/');
    expect(flow.landing.pathname).toBe('/sign-in');
    expect(flow.landing.searchParams.get('error')).toBe('oidc.email_unverified');
    expect(flow.browser.cookie(appUrl, 'isel_session')).toBeUndefined();
    expect(await usersWithEmail('mallory@example.com')).toEqual([]);
    expect(await links('mallory@example.com')).toEqual([]);
  });

  it('refuses a callback whose state was tampered with, without a session', async () => {
    loginAs('sub-eve', { email: 'eve@example.com', email_verified: true, name: 'Eve' });
    const flow = await signInFlow('/', (url) => {
      if (url.pathname !== callbackPath) return url;
      const forged = new URL(url);
      forged.searchParams.set('state', 'forged-state');
      return forged;
    });
    expect(flow.landing.pathname).toBe('/sign-in');
    expect(flow.landing.searchParams.get('error')).toBe('oidc.state_invalid');
    expect(flow.browser.cookie(appUrl, 'isel_session')).toBeUndefined();
    expect(await usersWithEmail('eve@example.com')).toEqual([]);
  });

  it('refuses a callback arriving in a browser that did not start the sign-in', async () => {
    loginAs('sub-eve', { email: 'eve@example.com', email_verified: true, name: 'Eve' });
    let stolen: URL | undefined;
    await signInFlow('/', (url) => {
      if (url.pathname !== callbackPath) return url;
      stolen = url;
      return new URL(`${appUrl}/api/v1/auth/oidc/testidp/callback?state=x`);
    });
    const victim = new Browser();
    const res = await victim.get(stolen ?? new URL(appUrl));
    expect(res.headers.get('location')).toBe('/sign-in?error=oidc.state_invalid');
    expect(victim.cookie(appUrl, 'isel_session')).toBeUndefined();
  });

  it('refuses when the user declines at the IdP', async () => {
    idp.setMode({ kind: 'deny' });
    const flow = await signInFlow('/');
    expect(flow.landing.searchParams.get('error')).toBe('oidc.access_denied');
    expect(flow.browser.cookie(appUrl, 'isel_session')).toBeUndefined();
  });

  it('refuses a suspended user', async () => {
    const users = createUsersRepo(database.db);
    const user = await users.insert({ email: 'sam@example.com', name: 'Sam', emailVerifiedAt: new Date() });
    await users.update(user.id, { status: 'suspended' });
    loginAs('sub-sam', { email: 'sam@example.com', email_verified: true, name: 'Sam' });
    const flow = await signInFlow('/');
    expect(flow.landing.searchParams.get('error')).toBe('oidc.account_suspended');
    expect(flow.browser.cookie(appUrl, 'isel_session')).toBeUndefined();
  });

  it('answers 404 problem+json for an unknown provider and never redirects off-site', async () => {
    const unknown = await fetch(`${appUrl}/api/v1/auth/oidc/nope/start`, { redirect: 'manual' });
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get('content-type')).toContain('application/problem+json');
    expect(ProblemSchema.parse(await unknown.json()).code).toBe('resource.not_found');

    const callback = await fetch(`${appUrl}/api/v1/auth/oidc/nope/callback?code=x&state=y`, { redirect: 'manual' });
    expect(callback.headers.get('location')).toBe('/sign-in?error=oidc.unknown_provider');

    loginAs('sub-ada', { email: 'ada@example.com', email_verified: true, name: 'Ada Lovelace' });
    for (const next of ['//evil.example/x', 'https://evil.example/', '/\\evil.example']) {
      expect((await signInFlow(next)).landing.pathname).toBe('/');
    }
  });
});
