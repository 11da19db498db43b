import { and, eq, gt } from 'drizzle-orm';
import type { Db } from '../../platform/db.js';
import { guestSessions, type GUEST_ROLES } from './auth.tables.js';
import type { Principal } from './principal.js';
import { hashSecretToken, newSecretToken } from './secret-token.js';

export type GuestRole = (typeof GUEST_ROLES)[number];
export type GuestPrincipal = Extract<Principal, { kind: 'guest' }>;
export type GuestSessions = ReturnType<typeof createGuestSessions>;

/** Guests' sessions last as long as an interview day, not weeks. */
export const GUEST_SESSION_TTL_MS = 12 * 3600_000;

/**
 * The guest identity model: the interview issue's invite links call start()
 * when someone opens a link and gives a name; every later request with the
 * `isel_guest` cookie resolves to a principal that can act only inside that
 * one interview, in that one role.
 */
export function createGuestSessions(deps: { db: Db; now: () => Date }) {
  /** Like start(), also returning the session's id (the room binds its participant to it). */
  async function startWithId(input: {
    interviewId: string;
    role: GuestRole;
    displayName: string;
    ttlMs?: number;
  }): Promise<{ id: string; token: string }> {
    const token = newSecretToken();
    const [row] = await deps.db
      .insert(guestSessions)
      .values({
        tokenHash: hashSecretToken(token),
        interviewId: input.interviewId,
        role: input.role,
        displayName: input.displayName,
        expiresAt: new Date(deps.now().getTime() + (input.ttlMs ?? GUEST_SESSION_TTL_MS)),
      })
      .returning({ id: guestSessions.id });
    if (!row) throw new Error('guest session insert returned no row');
    return { id: row.id, token };
  }

  return {
    async start(input: { interviewId: string; role: GuestRole; displayName: string; ttlMs?: number }): Promise<string> {
      return (await startWithId(input)).token;
    },

    startWithId,

    async resolve(token: string | undefined): Promise<GuestPrincipal | null> {
      if (!token || token.length > 128) return null;
      const [row] = await deps.db
        .select()
        .from(guestSessions)
        .where(and(eq(guestSessions.tokenHash, hashSecretToken(token)), gt(guestSessions.expiresAt, deps.now())))
        .limit(1);
      if (!row) return null;
      return {
        kind: 'guest',
        guestId: row.id,
        interviewId: row.interviewId,
        role: row.role,
        displayName: row.displayName,
      };
    },

    /** Ends every guest session of an interview (the interview ended or a link was revoked). */
    async endForInterview(interviewId: string): Promise<number> {
      const rows = await deps.db.delete(guestSessions).where(eq(guestSessions.interviewId, interviewId)).returning();
      return rows.length;
    },
  };
}
