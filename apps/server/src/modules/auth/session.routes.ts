import {
  ActiveSessionSchema,
  PasswordConfirmInputSchema,
  RecoveryCodesSchema,
  SessionStateSchema,
  SignInInputSchema,
  SignInResultSchema,
  SignInTotpInputSchema,
  TotpEnableInputSchema,
  TotpSetupSchema,
} from '@interviewselect/contracts';
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireUser } from '../../platform/auth.js';
import { AppError } from '../../platform/errors.js';
import { verifyPassword } from '../users/password.js';
import type { UsersRepo } from '../users/users.repo.js';
import { requestMeta } from './request-meta.js';
import type { SessionsService } from './sessions.service.js';
import type { TotpService } from './totp.service.js';

const tags = ['auth'];

/** Sessions under /api/v1/auth: who is signed in, sign-in (with the TOTP step), sign-out, active sessions, two-factor set-up. */
export const sessionRoutes: FastifyPluginAsync<{
  sessions: SessionsService;
  totp: TotpService;
  users: UsersRepo;
  sessionMaxAgeMs: number;
}> = async (fastify, deps) => {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { sessions, totp } = deps;

  app.get(
    '/api/v1/auth/session',
    {
      schema: { tags, summary: 'Who is signed in, and the CSRF token to echo', response: { 200: SessionStateSchema } },
    },
    async (request, reply) => {
      const principal = await request.principal();
      return {
        user: principal.kind === 'user' ? principal.user : null,
        guest:
          principal.kind === 'guest'
            ? { interviewId: principal.interviewId, role: principal.role, displayName: principal.displayName }
            : null,
        csrfToken: reply.ensureCsrfToken(),
      };
    },
  );

  app.post(
    '/api/v1/auth/sign-in',
    {
      schema: {
        tags,
        summary: 'Sign in with e-mail and password',
        body: SignInInputSchema,
        response: { 200: SignInResultSchema },
      },
    },
    async (request, reply) => {
      const { result, token } = await sessions.signIn(request.body, requestMeta(request));
      if (token) reply.setSessionCookie(token, deps.sessionMaxAgeMs);
      return result;
    },
  );

  app.post(
    '/api/v1/auth/sign-in/totp',
    {
      schema: {
        tags,
        summary: 'Second step of sign-in: a TOTP or recovery code',
        body: SignInTotpInputSchema,
        response: { 200: SignInResultSchema },
      },
    },
    async (request, reply) => {
      const started = await sessions.completeTotpSignIn(
        request.body.challenge,
        request.body.code,
        requestMeta(request),
      );
      reply.setSessionCookie(started.token, deps.sessionMaxAgeMs);
      return { status: 'signed_in' as const, user: started.user };
    },
  );

  app.post(
    '/api/v1/auth/sign-out',
    { schema: { tags, summary: 'End this session', response: { 204: z.null() } } },
    async (request, reply) => {
      const principal = await request.principal();
      if (principal.kind === 'user') await sessions.signOut(principal.userId, principal.sessionId);
      return reply.clearSessionCookie().status(204).send(null);
    },
  );

  app.post(
    '/api/v1/auth/sign-out-everywhere',
    { schema: { tags, summary: 'End every session of this account, this one included', response: { 204: z.null() } } },
    async (request, reply) => {
      const user = await requireUser(request);
      await sessions.signOutEverywhere(user.userId);
      return reply.clearSessionCookie().status(204).send(null);
    },
  );

  app.get(
    '/api/v1/auth/sessions',
    { schema: { tags, summary: 'Active sessions of this account', response: { 200: z.array(ActiveSessionSchema) } } },
    async (request) => {
      const user = await requireUser(request);
      return sessions.list(user.userId, user.sessionId);
    },
  );

  app.delete(
    '/api/v1/auth/sessions/:sessionId',
    {
      schema: {
        tags,
        summary: 'Revoke one session',
        params: z.object({ sessionId: z.uuid() }),
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      const user = await requireUser(request);
      await sessions.revoke(user.userId, request.params.sessionId);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/v1/auth/totp/setup',
    {
      schema: { tags, summary: 'Start enabling two-factor: a new secret to scan', response: { 200: TotpSetupSchema } },
    },
    async (request) => {
      const user = await requireUser(request);
      if (user.user.totpEnabled)
        throw new AppError(
          'resource.conflict',
          'Two-factor authentication is already on. Turn it off first to use a new device.',
        );
      return totp.beginSetup(user.userId, user.user.email);
    },
  );

  app.post(
    '/api/v1/auth/totp/enable',
    {
      schema: {
        tags,
        summary: 'Finish enabling two-factor with a current code; returns recovery codes once',
        body: TotpEnableInputSchema,
        response: { 200: RecoveryCodesSchema },
      },
    },
    async (request, reply) => {
      const user = await requireUser(request);
      const recoveryCodes = await totp.enable(user.userId, request.body.code);
      reply.setSessionCookie(
        await sessions.rotate(user.userId, user.sessionId, requestMeta(request)),
        deps.sessionMaxAgeMs,
      );
      return { recoveryCodes };
    },
  );

  app.post(
    '/api/v1/auth/totp/disable',
    {
      schema: {
        tags,
        summary: 'Turn two-factor off (password required)',
        body: PasswordConfirmInputSchema,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      const user = await requireUser(request);
      const row = await deps.users.findById(user.userId);
      if (!row?.passwordHash || !(await verifyPassword(row.passwordHash, request.body.password.normalize('NFKC')))) {
        throw new AppError('auth.invalid_credentials', 'Your password is incorrect.');
      }
      await totp.disable(user.userId);
      reply.setSessionCookie(
        await sessions.rotate(user.userId, user.sessionId, requestMeta(request)),
        deps.sessionMaxAgeMs,
      );
      return reply.status(204).send(null);
    },
  );
};
