import { z } from 'zod';
import { displayNameSchema } from './display-text.js';

/** E-mail as accepted at every boundary: trimmed, at most 254 characters (RFC 5321). */
export const EmailSchema = z
  .string()
  .trim()
  .max(254, { error: 'An e-mail address has at most 254 characters.' })
  .pipe(z.email({ error: 'Enter a valid e-mail address, like name@example.com.' }));

/** Display names: 1–100 characters, no control or invisible characters, no mixed alphabets in a word. */
export const PersonNameSchema = displayNameSchema({ max: 100, what: 'A name', empty: 'Enter your name.' });

/** Length limits only; the server also rejects common/breached passwords (NIST 800-63B). */
export const NewPasswordSchema = z
  .string()
  .min(10, { error: 'Use at least 10 characters (a passphrase of a few words works well).' })
  .max(128, { error: 'Use at most 128 characters.' });

export const PLATFORM_ROLES = ['user', 'admin'] as const;
export const ORG_ROLES = ['owner', 'admin', 'interviewer', 'recruiter', 'viewer'] as const;
export const OrgRoleSchema = z.enum(ORG_ROLES);
export type OrgRole = z.infer<typeof OrgRoleSchema>;

/** A path inside the app to continue to after following a link (an invitation, say): no scheme, no host. */
export const NextPathSchema = z
  .string()
  .max(2048)
  .regex(/^\/(?![/\\])/, { error: 'The page to continue to must be a path inside the app.' });

export const SignUpInputSchema = z.object({
  email: EmailSchema,
  name: PersonNameSchema,
  password: NewPasswordSchema,
  /** Carried into the confirmation link, so that confirming leads on to it. */
  next: NextPathSchema.optional(),
});
export type SignUpInput = z.infer<typeof SignUpInputSchema>;

export const SignInInputSchema = z.object({
  email: EmailSchema,
  password: z.string().min(1, { error: 'Enter your password.' }).max(1024),
});
export type SignInInput = z.infer<typeof SignInInputSchema>;

export const TotpCodeSchema = z
  .string()
  .trim()
  .regex(/^(\d{6}|[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4})$/, { error: 'Enter the 6-digit code or a recovery code.' });

export const SignInTotpInputSchema = z.object({
  challenge: z.string().min(20).max(200),
  code: TotpCodeSchema,
});

export const MembershipSchema = z.object({
  orgId: z.uuid(),
  orgName: z.string(),
  orgSlug: z.string(),
  role: OrgRoleSchema,
});
export type Membership = z.infer<typeof MembershipSchema>;

export const CurrentUserSchema = z.object({
  id: z.uuid(),
  email: z.string(),
  name: z.string(),
  emailVerified: z.boolean(),
  platformRole: z.enum(PLATFORM_ROLES),
  totpEnabled: z.boolean(),
  memberships: z.array(MembershipSchema),
  activeOrgId: z.uuid().nullable(),
});
export type CurrentUser = z.infer<typeof CurrentUserSchema>;

/** A room guest (joined through an invite link, no account): one interview, one role. */
export const GuestIdentitySchema = z.object({
  interviewId: z.uuid(),
  role: z.enum(['candidate', 'interviewer', 'observer']),
  displayName: z.string(),
});
export type GuestIdentity = z.infer<typeof GuestIdentitySchema>;

/** GET /api/v1/auth/session: who is signed in (user null when nobody), a room guest if any, and the CSRF token. */
export const SessionStateSchema = z.object({
  user: CurrentUserSchema.nullable(),
  /** Null when the caller is not a room guest (may be omitted). */
  guest: GuestIdentitySchema.nullable().default(null),
  csrfToken: z.string(),
});
export type SessionState = z.infer<typeof SessionStateSchema>;

export const SignInResultSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('signed_in'), user: CurrentUserSchema }),
  z.object({ status: z.literal('totp_required'), challenge: z.string() }),
]);
export type SignInResult = z.infer<typeof SignInResultSchema>;

export const TokenInputSchema = z.object({ token: z.string().min(20).max(200) });
export const ForgotPasswordInputSchema = z.object({ email: EmailSchema });
export const ResetPasswordInputSchema = z.object({ token: z.string().min(20).max(200), password: NewPasswordSchema });
export const ChangePasswordInputSchema = z.object({
  currentPassword: z.string().min(1).max(1024),
  newPassword: NewPasswordSchema,
});
export const ChangeEmailInputSchema = z.object({ newEmail: EmailSchema, password: z.string().min(1).max(1024) });

export const ActiveSessionSchema = z.object({
  id: z.uuid(),
  current: z.boolean(),
  createdAt: z.iso.datetime(),
  lastSeenAt: z.iso.datetime(),
  expiresAt: z.iso.datetime(),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
});
export type ActiveSession = z.infer<typeof ActiveSessionSchema>;

export const TotpSetupSchema = z.object({ secret: z.string(), otpauthUri: z.string() });
export const TotpEnableInputSchema = z.object({
  code: z.string().regex(/^\d{6}$/, { error: 'Enter the 6-digit code.' }),
});
export const RecoveryCodesSchema = z.object({ recoveryCodes: z.array(z.string()) });
export const PasswordConfirmInputSchema = z.object({ password: z.string().min(1).max(1024) });

/** The header every state-changing request must carry, equal to the `isel_csrf` cookie. */
export const CSRF_HEADER = 'x-csrf-token';
export const CSRF_COOKIE = 'isel_csrf';
