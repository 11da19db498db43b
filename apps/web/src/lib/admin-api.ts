import {
  AdminUserDetailSchema,
  AdminUserPageSchema,
  AuditPageSchema,
  AuditVerifyResultSchema,
  type PlatformRole,
} from '@interviewselect/contracts';
import { z } from 'zod';
import { apiGet, apiSend } from './api';

const NoContent = z.unknown();
const user = (userId: string) => `/api/v1/admin/users/${encodeURIComponent(userId)}`;

/** Query string of the given values, skipping empty ones. */
export function toQuery(values: Record<string, string | number | undefined>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(values)) {
    if (value !== undefined && value !== '') params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

export interface AdminUserFilters {
  q?: string;
  status?: string;
  platformRole?: string;
  limit: number;
  offset: number;
}

export interface AuditFilters {
  action?: string;
  actorUserId?: string;
  orgId?: string;
  from?: string;
  to?: string;
  limit: number;
  offset: number;
}

/** The platform-admin endpoints (/api/v1/admin). */
export const adminApi = {
  users: (filters: AdminUserFilters, signal?: AbortSignal) =>
    apiGet(`/api/v1/admin/users${toQuery({ ...filters })}`, AdminUserPageSchema, signal ? { signal } : {}),
  user: (userId: string, signal?: AbortSignal) => apiGet(user(userId), AdminUserDetailSchema, signal ? { signal } : {}),
  suspend: (userId: string) => apiSend('POST', `${user(userId)}/suspend`, undefined, NoContent),
  unsuspend: (userId: string) => apiSend('POST', `${user(userId)}/unsuspend`, undefined, NoContent),
  setPlatformRole: (userId: string, role: PlatformRole) =>
    apiSend('PUT', `${user(userId)}/platform-role`, { role }, NoContent),
  audit: (filters: AuditFilters, signal?: AbortSignal) =>
    apiGet(`/api/v1/admin/audit${toQuery({ ...filters })}`, AuditPageSchema, signal ? { signal } : {}),
  verifyAudit: () => apiGet('/api/v1/admin/audit/verify', AuditVerifyResultSchema),
};

export const adminKeys = {
  all: ['admin'] as const,
  users: (filters: AdminUserFilters) => ['admin', 'users', filters] as const,
  user: (userId: string) => ['admin', 'user', userId] as const,
  audit: (filters: AuditFilters) => ['admin', 'audit', filters] as const,
};
