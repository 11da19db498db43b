import { createHash } from 'node:crypto';
import type { AuditRepo, NewAuditEvent } from './audit.repo.js';
import type { AuditEventRow } from './audit.tables.js';

export type AuditService = ReturnType<typeof createAuditService>;

export interface AuditInput {
  action: string;
  actorUserId?: string | null;
  orgId?: string | null;
  targetType?: string | null;
  targetId?: string | null;
  data?: Record<string, unknown>;
  ip?: string | null;
  userAgent?: string | null;
}

/** JSON with sorted keys, so the hash does not depend on property order. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

function hashEvent(event: NewAuditEvent, prevHash: string, seq: number): string {
  return createHash('sha256')
    .update(prevHash)
    .update('\n')
    .update(canonicalJson({ ...event, seq }))
    .digest('hex');
}

/** The append-only, hash-chained audit log every module writes to. */
export function createAuditService(deps: { repo: AuditRepo; now: () => Date }) {
  return {
    async record(input: AuditInput): Promise<AuditEventRow> {
      // Millisecond precision: what PostgreSQL stores round-trips exactly into the hash.
      const event: NewAuditEvent = {
        action: input.action,
        actorUserId: input.actorUserId ?? null,
        orgId: input.orgId ?? null,
        targetType: input.targetType ?? null,
        targetId: input.targetId ?? null,
        data: input.data ?? {},
        ip: input.ip ?? null,
        userAgent: input.userAgent?.slice(0, 512) ?? null,
        createdAt: deps.now(),
      };
      return deps.repo.append(event, (prevHash, seq) => hashEvent(event, prevHash, seq));
    },

    /** Recomputes the chain; returns the seq of the first event that does not verify, or null. */
    async verifyChain(): Promise<{ ok: true; count: number } | { ok: false; brokenAtSeq: number }> {
      const rows = await deps.repo.listInOrder();
      let prevHash = '';
      for (const row of rows) {
        const { id: _id, seq, prevHash: storedPrev, hash, ...event } = row;
        if (storedPrev !== prevHash || hashEvent(event, prevHash, seq) !== hash) return { ok: false, brokenAtSeq: seq };
        prevHash = hash;
      }
      return { ok: true, count: rows.length };
    },
  };
}
