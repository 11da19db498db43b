import { z } from 'zod';
import { MembershipSchema, PLATFORM_ROLES } from './auth.js';

/** Platform-wide role: `admin` reaches /api/v1/admin. */
export const PlatformRoleSchema = z.enum(PLATFORM_ROLES);
export type PlatformRole = z.infer<typeof PlatformRoleSchema>;

/** A suspended account cannot sign in and has no sessions. */
export const USER_STATUSES = ['active', 'suspended'] as const;
export const UserStatusSchema = z.enum(USER_STATUSES);
export type UserStatus = z.infer<typeof UserStatusSchema>;

const limit = z.coerce.number().int().min(1).max(100).default(20);
const offset = z.coerce.number().int().min(0).max(1_000_000).default(0);

/** Fields the platform user list can be sorted by (name and e-mail compare case-insensitively). */
export const ADMIN_USER_SORTS = ['createdAt', 'name', 'email'] as const;
export const AdminUserSortSchema = z.enum(ADMIN_USER_SORTS);
export type AdminUserSort = z.infer<typeof AdminUserSortSchema>;

export const AdminUserOrderSchema = z.enum(['asc', 'desc']);
export type AdminUserOrder = z.infer<typeof AdminUserOrderSchema>;

/**
 * Query of GET /api/v1/admin/users: `q` matches e-mail or name, case-insensitively.
 * Sorted by `sort` in `order` (default: newest account first); ties break by id, so paging is stable.
 */
export const AdminUserQuerySchema = z.object({
  q: z.string().trim().max(254).optional(),
  status: UserStatusSchema.optional(),
  platformRole: PlatformRoleSchema.optional(),
  sort: AdminUserSortSchema.default('createdAt'),
  order: AdminUserOrderSchema.default('desc'),
  limit,
  offset,
});
export type AdminUserQuery = z.infer<typeof AdminUserQuerySchema>;

/** One row of the platform user list. */
export const AdminUserSummarySchema = z.object({
  id: z.uuid(),
  email: z.string(),
  name: z.string(),
  platformRole: PlatformRoleSchema,
  status: UserStatusSchema,
  emailVerified: z.boolean(),
  createdAt: z.iso.datetime(),
});
export type AdminUserSummary = z.infer<typeof AdminUserSummarySchema>;

/** A page of GET /api/v1/admin/users, in the requested order (newest account first by default). */
export const AdminUserPageSchema = z.object({
  items: z.array(AdminUserSummarySchema),
  total: z.number().int().nonnegative(),
  limit: z.number().int(),
  offset: z.number().int(),
});
export type AdminUserPage = z.infer<typeof AdminUserPageSchema>;

/** GET /api/v1/admin/users/:userId. */
export const AdminUserDetailSchema = AdminUserSummarySchema.extend({
  emailVerifiedAt: z.iso.datetime().nullable(),
  updatedAt: z.iso.datetime(),
  memberships: z.array(MembershipSchema),
  /** Live (unexpired) sessions. */
  sessionCount: z.number().int().nonnegative(),
});
export type AdminUserDetail = z.infer<typeof AdminUserDetailSchema>;

/** PUT /api/v1/admin/users/:userId/platform-role. */
export const SetPlatformRoleInputSchema = z.object({ role: PlatformRoleSchema });
export type SetPlatformRoleInput = z.infer<typeof SetPlatformRoleInputSchema>;

/** Query of GET /api/v1/admin/audit; `action` is a prefix (`org.` matches every org event). */
export const AuditQuerySchema = z.object({
  action: z.string().trim().min(1).max(100).optional(),
  actorUserId: z.uuid().optional(),
  orgId: z.uuid().optional(),
  from: z.iso.datetime().optional(),
  to: z.iso.datetime().optional(),
  limit,
  offset,
});
export type AuditQuery = z.infer<typeof AuditQuerySchema>;

/** One audit event, with the actor's current name and e-mail when the actor still exists. */
export const AuditEventSchema = z.object({
  id: z.uuid(),
  seq: z.number().int(),
  action: z.string(),
  actor: z.object({ id: z.uuid(), email: z.string(), name: z.string() }).nullable(),
  orgId: z.uuid().nullable(),
  targetType: z.string().nullable(),
  targetId: z.string().nullable(),
  data: z.record(z.string(), z.unknown()),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
  createdAt: z.iso.datetime(),
});
export type AuditEvent = z.infer<typeof AuditEventSchema>;

/** A page of GET /api/v1/admin/audit, newest event first. */
export const AuditPageSchema = z.object({
  items: z.array(AuditEventSchema),
  total: z.number().int().nonnegative(),
  limit: z.number().int(),
  offset: z.number().int(),
});
export type AuditPage = z.infer<typeof AuditPageSchema>;

/** GET /api/v1/admin/audit/verify: the chain recomputed from the first event. */
export const AuditVerifyResultSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), count: z.number().int().nonnegative() }),
  z.object({ ok: z.literal(false), brokenAtSeq: z.number().int() }),
]);
export type AuditVerifyResult = z.infer<typeof AuditVerifyResultSchema>;
