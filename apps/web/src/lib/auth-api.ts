import {
  RecoveryCodesSchema,
  SignInResultSchema,
  TotpSetupSchema,
  ActiveSessionSchema,
  OidcProviderListSchema,
  type SignUpInput,
  type SignInInput,
} from '@interviewselect/contracts';
import { z } from 'zod';
import { apiGet, apiSend } from './api';

/** Every endpoint of /api/v1/auth the web uses, typed with the contracts' schemas. */
const Message = z.object({ message: z.string() });
const NoContent = z.unknown();

export const authApi = {
  signUp: (input: SignUpInput) => apiSend('POST', '/api/v1/auth/sign-up', input, Message),
  verifyEmail: (token: string) => apiSend('POST', '/api/v1/auth/verify-email', { token }, Message),
  resendVerification: (email: string) => apiSend('POST', '/api/v1/auth/resend-verification', { email }, Message),
  signIn: (input: SignInInput) => apiSend('POST', '/api/v1/auth/sign-in', input, SignInResultSchema),
  signInTotp: (input: { challenge: string; code: string }) =>
    apiSend('POST', '/api/v1/auth/sign-in/totp', input, SignInResultSchema),
  forgotPassword: (email: string) => apiSend('POST', '/api/v1/auth/forgot-password', { email }, Message),
  resetPassword: (input: { token: string; password: string }) =>
    apiSend('POST', '/api/v1/auth/reset-password', input, Message),
  changePassword: (input: { currentPassword: string; newPassword: string }) =>
    apiSend('POST', '/api/v1/auth/change-password', input, Message),
  changeEmail: (input: { newEmail: string; password: string }) =>
    apiSend('POST', '/api/v1/auth/change-email', input, Message),
  confirmEmail: (token: string) => apiSend('POST', '/api/v1/auth/confirm-email', { token }, Message),
  sessions: (signal?: AbortSignal) =>
    apiGet('/api/v1/auth/sessions', z.array(ActiveSessionSchema), signal ? { signal } : {}),
  revokeSession: (id: string) =>
    apiSend('DELETE', `/api/v1/auth/sessions/${encodeURIComponent(id)}`, undefined, NoContent),
  totpSetup: () => apiSend('POST', '/api/v1/auth/totp/setup', undefined, TotpSetupSchema),
  totpEnable: (code: string) => apiSend('POST', '/api/v1/auth/totp/enable', { code }, RecoveryCodesSchema),
  totpDisable: (password: string) => apiSend('POST', '/api/v1/auth/totp/disable', { password }, NoContent),
  oidcProviders: (signal?: AbortSignal) =>
    apiGet('/api/v1/auth/oidc/providers', OidcProviderListSchema, signal ? { signal } : {}),
  switchOrg: (orgId: string) =>
    apiSend('POST', `/api/v1/orgs/${encodeURIComponent(orgId)}/switch`, undefined, NoContent),
};

/** Where a provider button points: a full-page navigation that comes back to `next`. */
export function oidcStartUrl(providerId: string, next: string): string {
  return `/api/v1/auth/oidc/${encodeURIComponent(providerId)}/start?next=${encodeURIComponent(next)}`;
}
