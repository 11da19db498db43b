import {
  ChangeEmailInputSchema,
  ChangePasswordInputSchema,
  ForgotPasswordInputSchema,
  ResetPasswordInputSchema,
  SignUpInputSchema,
  TokenInputSchema,
} from '@interviewselect/contracts';
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireUser } from '../../platform/auth.js';
import type { AccountsService } from './accounts.service.js';
import { requestMeta } from './request-meta.js';
import type { SessionsService } from './sessions.service.js';

const Accepted = z.object({ message: z.string() });
const tags = ['auth'];

/** Account life cycle under /api/v1/auth: sign-up, verification, password reset, e-mail and password change. */
export const accountRoutes: FastifyPluginAsync<{
  accounts: AccountsService;
  sessions: SessionsService;
  sessionMaxAgeMs: number;
}> = async (fastify, deps) => {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { accounts } = deps;

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
    async (request, reply) => {
      const user = await requireUser(request);
      await accounts.changePassword(
        user.userId,
        user.sessionId,
        request.body.currentPassword,
        request.body.newPassword,
      );
      reply.setSessionCookie(
        await deps.sessions.rotate(user.userId, user.sessionId, requestMeta(request)),
        deps.sessionMaxAgeMs,
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
};
