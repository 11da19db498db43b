/**
 * Two-way CalDAV sync per person: connect (checked against the server before
 * it is stored), push booked interviews (a durable job per person and
 * interview, retried with backoff), read busy times for the slot finder.
 */
import type { CalDavConnection } from '@interviewselect/contracts';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { AppError } from '../../platform/errors.js';
import { defineJob, type JobContext, type JobQueue } from '../../platform/queue/queue.js';
import type { Db } from '../../platform/db.js';
import type { SecretBox } from '../../platform/secret-box.js';
import { createBusyCache } from './busy-cache.js';
import { CalDavError, createCalDavClient, type BusyRange, type CalDavClient } from './caldav-client.js';
import { caldavConnections, type CaldavConnectionRow } from './calendar.tables.js';
import { buildCalendar, type IcsEvent } from './ics.js';

export const caldavPushJob = defineJob('calendar.caldav_push', z.object({ userId: z.uuid(), interviewId: z.uuid() }));

/** Our own events in someone's calendar: bookings already, never counted twice as busy. */
export const isInterviewSelectUid = (uid: string) => uid.startsWith('interview-') && uid.endsWith('@interviewselect');

export interface CalDavSyncDeps {
  db: Db;
  box: SecretBox;
  queue?: JobQueue;
  /** The event as attendees last saw it (summary, times, status), for one reader; null when unknown. */
  eventFor: (interviewId: string, userId: string) => Promise<IcsEvent | null>;
  /** The UID under which attendees' calendars hold the interview (to remove it), if it was ever sent. */
  sentUid: (interviewId: string) => Promise<string | null>;
  now: () => Date;
  /** Test hook: how the client talks to the server (timeouts). */
  timeoutMs?: number;
  /** How long busy times read from a calendar are reused (default 2 minutes; see busy-cache.ts). */
  busyTtlMs?: number;
}

export type CalDavSync = ReturnType<typeof createCalDavSync>;

export function createCalDavSync(deps: CalDavSyncDeps) {
  const { db, box, now } = deps;

  async function connectionOf(userId: string): Promise<CaldavConnectionRow | null> {
    const [row] = await db.select().from(caldavConnections).where(eq(caldavConnections.userId, userId));
    return row ?? null;
  }

  function clientFor(row: CaldavConnectionRow): CalDavClient {
    const password = box.open(row.passwordSealed);
    if (password === null) {
      throw new CalDavError('The stored CalDAV password cannot be read (SECRET_KEY changed). Connect again.', null);
    }
    return createCalDavClient(
      { url: row.url, username: row.username, password },
      deps.timeoutMs ? { timeoutMs: deps.timeoutMs } : {},
    );
  }

  function toView(row: CaldavConnectionRow | null): CalDavConnection {
    return row
      ? {
          connected: true,
          url: row.url,
          username: row.username,
          lastSyncAt: row.lastSyncAt?.toISOString() ?? null,
          lastError: row.lastError,
        }
      : { connected: false, url: null, username: null, lastSyncAt: null, lastError: null };
  }

  async function record(userId: string, error: string | null): Promise<void> {
    await db
      .update(caldavConnections)
      .set(error ? { lastError: error } : { lastError: null, lastSyncAt: now() })
      .where(eq(caldavConnections.userId, userId));
  }

  const busyCache = createBusyCache({
    now,
    ...(deps.busyTtlMs !== undefined ? { ttlMs: deps.busyTtlMs } : {}),
    read: async (userId, from, to) => {
      const row = await connectionOf(userId);
      if (!row) return null;
      try {
        const ranges = await clientFor(row).busy(from, to, isInterviewSelectUid);
        await record(userId, null);
        return { ranges };
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        await record(userId, message);
        return { error: message };
      }
    },
  });

  return {
    async status(userId: string): Promise<CalDavConnection> {
      return toView(await connectionOf(userId));
    },

    /** Checks the calendar with these credentials, then stores them (replacing an earlier connection). */
    async connect(
      userId: string,
      input: { url: string; username: string; password: string },
    ): Promise<CalDavConnection> {
      try {
        await createCalDavClient(input, deps.timeoutMs ? { timeoutMs: deps.timeoutMs } : {}).check();
      } catch (error) {
        if (error instanceof CalDavError) throw new AppError('calendar.caldav_unreachable', error.message);
        throw error;
      }
      const values = {
        userId,
        url: input.url,
        username: input.username,
        passwordSealed: box.seal(input.password),
        createdAt: now(),
        lastSyncAt: now(),
        lastError: null,
      };
      const [row] = await db
        .insert(caldavConnections)
        .values(values)
        .onConflictDoUpdate({ target: caldavConnections.userId, set: values })
        .returning();
      busyCache.forget(userId);
      return toView(row ?? null);
    },

    async disconnect(userId: string): Promise<void> {
      await db.delete(caldavConnections).where(eq(caldavConnections.userId, userId));
      busyCache.forget(userId);
    },

    /** Queues the push of one interview to each of these people's calendars (those without a connection are skipped). */
    async schedulePush(userIds: string[], interviewId: string): Promise<void> {
      if (!deps.queue) return;
      for (const userId of userIds) {
        if (!(await connectionOf(userId))) continue;
        await deps.queue.enqueue(caldavPushJob, { userId, interviewId }, { attempts: 6, backoffMs: 30_000 });
      }
    },

    /** Job handler: writes the interview's current state to the person's calendar (or removes it). */
    async push({ userId, interviewId }: { userId: string; interviewId: string }, ctx?: JobContext): Promise<void> {
      const row = await connectionOf(userId);
      if (!row) return;
      const event = await deps.eventFor(interviewId, userId);
      try {
        const client = clientFor(row);
        if (!event || event.status === 'CANCELLED') {
          const uid = await deps.sentUid(interviewId);
          if (uid) await client.deleteEvent(uid);
        } else {
          await client.putEvent(event.uid, buildCalendar({ events: [event] }));
        }
        await record(userId, null);
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        await record(userId, message);
        // The queue retries; the last failure stays visible in Settings → Calendar.
        if (!ctx || ctx.attempt < ctx.maxAttempts) throw error;
      }
    },

    /**
     * Busy ranges from each connected person's calendar (read through the busy cache); a failing
     * calendar is reported, not fatal.
     */
    async busyFor(
      userIds: string[],
      from: Date,
      to: Date,
    ): Promise<{ busy: Map<string, BusyRange[]>; failures: { userId: string; message: string }[] }> {
      const busy = new Map<string, BusyRange[]>();
      const failures: { userId: string; message: string }[] = [];
      await Promise.all(
        userIds.map(async (userId) => {
          const read = await busyCache.get(userId, from, to);
          if (!read) return;
          if ('error' in read) failures.push({ userId, message: read.error });
          else busy.set(userId, read.ranges);
        }),
      );
      return { busy, failures };
    },
  };
}
