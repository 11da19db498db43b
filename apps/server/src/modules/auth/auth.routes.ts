import {
  ActiveSessionSchema,
  ChangeEmailInputSchema,
  ChangePasswordInputSchema,
  CSRF_COOKIE,
  ForgotPasswordInputSchema,
  PasswordConfirmInputSchema,
  RecoveryCodesSchema,
  ResetPasswordInputSchema,
  SessionStateSchema,
  SignInInputSchema,
  SignInResultSchema,
  SignInTotpInputSchema,
  SignUpInputSchema,
  TokenInputSchema,
  TotpEnableInputSchema,
  TotpSetupSchema,
} from '@interviewselect/contracts';
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireUser } from '../../platform/auth.js';
import { AppError } from '../../platform/errors.js';
import { verifyPassword } from '../users/password.js';
import type { UsersRepo } from '../users/users.repo.js';
import type { AccountsService } from './accounts.service.js';
import type { SessionsService } from './sessions.service.js';
import type { TotpService } from './totp.service.js';

const Accepted = z.object({ message: z.string() });
const tags = ['auth'];

function meta(request: FastifyRequest) {
  return { ip: request.ip, userAgent: request.headers['user-agent'] ?? null };
}

/** Account and session endpoints under /api/v1/auth (screens: sign-up, sign-in, settings → security). */
export const authRoutes: FastifyPluginAsync<{
  accounts: AccountsService;
  sessions: SessionsService;
  totp: TotpService;
  users: UsersRepo;
  sessionMaxAgeMs: number;
}> = async (fastify, deps) => {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { accounts, sessions, totp } = deps;

  app.get(
    '/api/v1/auth/session',
    {
      schema: { tags, summary: 'Who is signed in, and the CSRF token to echo', response: { 200: SessionStateSchema } },
    },
    async (request) => {
      const principal = await request.principal();
      return { user: principal.kind === 'user' ? principal.user : null, csrfToken: request.cookies[CSRF_COOKIE] ?? '' };
    },
  );

  app.post(
    '/api/v1/auth/sign-up',
    {
      schema: {
        tags,
        summary: 'Create an account; a confirmation link is e-mailed',
        body: SignUpInputSchema,
        response: { 202: Accepted },
      },
    },
    async (request, reply) => {
      await accounts.signUp(request.body, request.ip);
      return reply
        .status(202)
        .send({ message: `We sent a confirmation link to ${request.body.email}. Open it to finish signing up.` });
    },
  );

  app.post(
    '/api/v1/auth/verify-email',
    {
      schema: {
        tags,
        summary: 'Confirm an e-mail address with the e-mailed token',
        body: TokenInputSchema,
        response: { 200: Accepted },
      },
    },
    async (request) => {
      await accounts.verifyEmail(request.body.token);
      return { message: 'Your e-mail address is confirmed. You can sign in now.' };
    },
  );

  app.post(
    '/api/v1/auth/resend-verification',
    {
      schema: {
        tags,
        summary: 'E-mail a new confirmation link',
        body: ForgotPasswordInputSchema,
        response: { 202: Accepted },
      },
    },
    async (request, reply) => {
      await accounts.resendVerification(request.body.email);
      return reply
        .status(202)
        .send({ message: 'If that address has an unconfirmed account, a new link is on its way.' });
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
      const { result, token } = await sessions.signIn(request.body, meta(request));
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
      const started = await sessions.completeTotpSignIn(request.body.challenge, request.body.code, meta(request));
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

  app.post(
    '/api/v1/auth/forgot-password',
    {
      schema: {
        tags,
        summary: 'E-mail a password-reset link',
        body: ForgotPasswordInputSchema,
        response: { 202: Accepted },
      },
    },
    async (request, reply) => {
      await accounts.forgotPassword(request.body.email);
      return reply
        .status(202)
        .send({ message: 'If that address has an account, a reset link is on its way. It works once, for one hour.' });
    },
  );

  app.post(
    '/api/v1/auth/reset-password',
    {
      schema: {
        tags,
        summary: 'Set a new password with the e-mailed token',
        body: ResetPasswordInputSchema,
        response: { 200: Accepted },
      },
    },
    async (request) => {
      await accounts.resetPassword(request.body.token, request.body.password);
      return { message: 'Your password is changed. Sign in with it now.' };
    },
  );

  app.post(
    '/api/v1/auth/change-password',
    {
      schema: {
        tags,
        summary: 'Change password; other sessions end',
        body: ChangePasswordInputSchema,
        response: { 200: Accepted },
      },
    },
    async (request) => {
      const user = await requireUser(request);
      await accounts.changePassword(
        user.userId,
        user.sessionId,
        request.body.currentPassword,
        request.body.newPassword,
      );
      return { message: 'Password changed. Your other sessions were signed out.' };
    },
  );

  app.post(
    '/api/v1/auth/change-email',
    {
      schema: {
        tags,
        summary: 'Ask to change the sign-in e-mail; the new address must confirm',
        body: ChangeEmailInputSchema,
        response: { 202: Accepted },
      },
    },
    async (request, reply) => {
      const user = await requireUser(request);
      await accounts.requestEmailChange(user.userId, request.body.newEmail, request.body.password);
      return reply
        .status(202)
        .send({ message: `Open the link we sent to ${request.body.newEmail} to confirm the change.` });
    },
  );

  app.post(
    '/api/v1/auth/confirm-email',
    {
      schema: {
        tags,
        summary: 'Confirm a new sign-in e-mail with the e-mailed token',
        body: TokenInputSchema,
        response: { 200: Accepted },
      },
    },
    async (request) => {
      await accounts.confirmEmailChange(request.body.token);
      return { message: 'Your sign-in e-mail is changed.' };
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
    async (request) => {
      const user = await requireUser(request);
      return { recoveryCodes: await totp.enable(user.userId, request.body.code) };
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
      return reply.status(204).send(null);
    },
  );
};
