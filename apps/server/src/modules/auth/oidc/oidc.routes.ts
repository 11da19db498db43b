import { OidcProviderListSchema, OidcStartQuerySchema, type OidcSignInError } from '@interviewselect/contracts';
import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../../platform/errors.js';
import { OIDC_COOKIE, OIDC_COOKIE_PATH, OIDC_STATE_TTL_MS, safeNextPath, type OidcStateSealer } from './oidc-state.js';
import type { OidcService } from './oidc.service.js';

const tags = ['auth'];
const ProviderParams = z.object({ provider: z.string().min(1).max(64) });

/** Where a failed sign-in lands; the sign-in page turns the code into a message. */
function signInPage(params: { error: OidcSignInError } & Record<string, string>): string {
  return `/sign-in?${new URLSearchParams(params).toString()}`;
}

/**
 * Browser-navigation endpoints of "Sign in with …". /start and /callback are
 * GETs (top-level navigations), so CSRF does not apply; the sealed state
 * cookie plays that role for the callback.
 */
export const oidcRoutes: FastifyPluginAsync<{
  oidc: OidcService;
  sealer: OidcStateSealer;
  isHttps: boolean;
  sessionMaxAgeMs: number;
  now: () => Date;
}> = async (fastify, deps) => {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { oidc, sealer } = deps;
  // SameSite=Lax: the callback is a top-level GET from the provider's site, which Lax still carries.
  const cookieOptions = { path: OIDC_COOKIE_PATH, httpOnly: true, sameSite: 'lax' as const, secure: deps.isHttps };

  function redirect(reply: FastifyReply, location: string) {
    return reply.header('cache-control', 'no-store').redirect(location, 302);
  }

  app.get(
    '/api/v1/auth/oidc/providers',
    {
      schema: { tags, summary: 'Sign-in providers to show as buttons', response: { 200: OidcProviderListSchema } },
    },
    async () => oidc.listProviders(),
  );

  app.get(
    '/api/v1/auth/oidc/:provider/start',
    {
      schema: {
        tags,
        summary: 'Start signing in with a provider: redirects to it (browser navigation)',
        params: ProviderParams,
        querystring: OidcStartQuerySchema,
      },
    },
    async (request, reply) => {
      const begun = await oidc.begin(request.params.provider, safeNextPath(request.query.next));
      if (begun.status === 'unknown_provider') {
        throw new AppError('resource.not_found', `No sign-in provider "${request.params.provider}" is configured.`);
      }
      if (begun.status === 'failed') {
        request.log.warn({ err: begun.cause, provider: request.params.provider }, 'OIDC discovery failed');
        return redirect(reply, signInPage({ error: begun.error }));
      }
      reply.setCookie(OIDC_COOKIE, sealer.seal(begun.state), {
        ...cookieOptions,
        maxAge: Math.floor(OIDC_STATE_TTL_MS / 1000),
      });
      return redirect(reply, begun.url.href);
    },
  );

  app.get(
    '/api/v1/auth/oidc/:provider/callback',
    {
      schema: {
        tags,
        summary: 'Where the provider sends the browser back; signs in and redirects to `next`',
        params: ProviderParams,
      },
    },
    async (request, reply) => {
      const state = sealer.unseal(request.cookies[OIDC_COOKIE], deps.now());
      const queryStart = request.url.indexOf('?');
      const query = queryStart === -1 ? '' : request.url.slice(queryStart + 1);
      const meta = { ip: request.ip, userAgent: request.headers['user-agent'] ?? null };
      const outcome = await oidc.complete(request.params.provider, query, state, meta);
      // Single use, whatever happened: a replayed callback finds no state.
      reply.clearCookie(OIDC_COOKIE, cookieOptions);
      switch (outcome.status) {
        case 'signed_in':
          reply.setSessionCookie(outcome.token, deps.sessionMaxAgeMs);
          return redirect(reply, outcome.next);
        case 'totp_required':
          return redirect(
            reply,
            signInPage({ error: 'oidc.totp_required', challenge: outcome.challenge, next: outcome.next }),
          );
        case 'failed':
          request.log.info({ err: outcome.cause, code: outcome.error }, 'OIDC sign-in refused');
          return redirect(reply, signInPage({ error: outcome.error }));
      }
    },
  );
};
