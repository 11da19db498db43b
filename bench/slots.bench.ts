/**
 * `npm run bench -- slots`: p50/p99 of the slot finder for a 4-person panel
 * (Berlin, New York, London, Lagos: about four common hours a day) over a 30-day range with 2,000 existing
 * bookings (500 each, with buffers, notice and daily limits in play):
 *   - `findSlots`: the interval-set algorithm the API uses (pure, in memory);
 *   - `naive`: the reference that tests every 15-minute start against every
 *     booking (the baseline, same inputs, same answer checked);
 *   - `service (pglite)`: the whole server path minus HTTP — reading the four
 *     calendars and the bookings from embedded PGlite, then findSlots.
 * See bench/README.md.
 */
import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import { createMemoryDatabase } from '../apps/server/src/platform/db.js';
import { applyMigrations } from '../apps/server/src/platform/migrations.js';
import { createAvailabilityRepo } from '../apps/server/src/modules/scheduling/availability.repo.js';
import { createBookingsRepo } from '../apps/server/src/modules/scheduling/bookings.repo.js';
import type { InterviewerCalendar } from '../apps/server/src/modules/scheduling/interviewer-calendar.js';
import { noSchedulingNotifications } from '../apps/server/src/modules/scheduling/scheduling-events.js';
import { createSchedulingService } from '../apps/server/src/modules/scheduling/scheduling.service.js';
import { findSlots, type SlotQuery } from '../apps/server/src/modules/scheduling/slot-finder.js';
import { naiveSlots } from '../apps/server/src/modules/scheduling/slot-finder-naive.js';
import { machineInfo } from './lib/machine-info.js';
import { fmt, print, progress, table, writeResult } from './lib/report.js';
import { ratio, round, summarize, type Summary } from './lib/stats.js';

const NAME = 'slots';
const BOOKINGS = Number(process.env.BENCH_BOOKINGS ?? 2_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 200);
const NAIVE_ROUNDS = Number(process.env.BENCH_NAIVE_ROUNDS ?? 10);
const DAYS = 30;
const ZONES = ['Europe/Berlin', 'America/New_York', 'Europe/London', 'Africa/Lagos'];
const FROM = Date.parse('2030-03-01T00:00:00Z'); // spans both March DST changes
const HOUR = 3_600_000;

/** Deterministic pseudo-random numbers (mulberry32), so every run measures the same data. */
function generator(seed: number) {
  let s = seed;
  return (n: number) => {
    s = (s + 0x6d2b79f5) | 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) % n;
  };
}

/**
 * Each interviewer: Mon–Fri 08:00–18:00 local, buffers 10/10, 4 h notice, a
 * day off, half-hour bookings at distinct hours of the 32 days around the
 * range; one has a daily maximum.
 */
function panel(perInterviewer: number): InterviewerCalendar[] {
  const rand = generator(7);
  return ZONES.map((timeZone, k) => {
    const hours = new Set<number>();
    while (hours.size < perInterviewer) hours.add(rand((DAYS + 2) * 24) - 24);
    return {
      userId: `00000000-0000-7000-8000-00000000000${k + 1}`,
      timeZone,
      weekly: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, startMinute: 480, endMinute: 1080 })),
      exceptions: [{ date: '2030-03-17', kind: 'unavailable' as const, range: null }],
      bufferBeforeMinutes: 10,
      bufferAfterMinutes: 10,
      minimumNoticeMinutes: 240,
      maxPerDay: k === 2 ? 20 : null,
      busy: [...hours].map((h) => {
        const start = FROM + h * HOUR + 5 * 60_000;
        return { start, blockedFrom: start - 10 * 60_000, blockedUntil: start + 40 * 60_000 };
      }),
    };
  });
}

function time(fn: () => unknown, rounds: number): Summary {
  fn(); // warm-up
  const samples: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const started = performance.now();
    fn();
    samples.push(performance.now() - started);
  }
  return summarize(samples);
}

async function timeAsync(fn: () => Promise<unknown>, rounds: number): Promise<Summary> {
  await fn();
  const samples: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const started = performance.now();
    await fn();
    samples.push(performance.now() - started);
  }
  return summarize(samples);
}

/** The same panel written to PGlite: users, availability, one interview per booking's owner, the bookings. */
async function serviceTarget(cals: InterviewerCalendar[], otherBookings: number) {
  const database = await createMemoryDatabase();
  await applyMigrations(database);
  const db = database.db;
  const org = '00000000-0000-7000-8000-0000000000aa';
  const candidate = '00000000-0000-7000-8000-0000000000bb';
  const interview = '00000000-0000-7000-8000-0000000000cc';
  await db.execute(sql`insert into orgs (id, name, slug) values (${org}, 'Bench', 'bench')`);
  await db.execute(
    sql`insert into candidates (id, org_id, name, email) values (${candidate}, ${org}, 'C', 'c@example.test')`,
  );
  await db.execute(sql`insert into interviews (id, org_id, title, candidate_id, duration_minutes, default_language)
    values (${interview}, ${org}, 'Panel', ${candidate}, 60, 'python')`);
  for (const [k, cal] of cals.entries()) {
    await db.execute(
      sql`insert into users (id, email, name) values (${cal.userId}, ${`u${k}@example.test`}, ${`U${k}`})`,
    );
    await db.execute(sql`insert into interview_participants (id, interview_id, role, user_id, display_name, label_index)
      values (gen_random_uuid(), ${interview}, 'interviewer', ${cal.userId}, ${`U${k}`}, ${k + 1})`);
  }
  const availability = createAvailabilityRepo(db);
  for (const cal of cals) {
    await availability.save(
      cal.userId,
      {
        profile: {
          timeZone: cal.timeZone,
          bufferBeforeMinutes: cal.bufferBeforeMinutes,
          bufferAfterMinutes: cal.bufferAfterMinutes,
          minimumNoticeMinutes: cal.minimumNoticeMinutes,
          maxPerDay: cal.maxPerDay,
        },
        rules: [...cal.weekly],
        exceptions: cal.exceptions.map((e) => ({ date: e.date, kind: e.kind, startMinute: null, endMinute: null })),
      },
      new Date(),
    );
    // Other interviews' bookings: one placeholder interview per interviewer holds them.
    const other = `00000000-0000-7000-8000-0000000001${cal.userId.slice(-2)}`;
    await db.execute(sql`insert into interviews (id, org_id, title, candidate_id, duration_minutes, default_language)
      values (${other}, ${org}, 'Other', ${candidate}, 30, 'python')`);
    for (const b of cal.busy) {
      await db.execute(sql`insert into bookings (id, interview_id, user_id, starts_at, ends_at, blocked_from, blocked_until)
        values (gen_random_uuid(), ${other}, ${cal.userId}, ${new Date(b.start)}, ${new Date(b.start + 30 * 60_000)},
          ${new Date(b.blockedFrom)}, ${new Date(b.blockedUntil)})`);
    }
  }
  // The rest of the organisation's bookings: 12 other interviewers, evenly spread.
  const others = 12;
  for (let k = 0; k < others; k++) {
    const user = `00000000-0000-7000-8000-0000000002${String(k).padStart(2, '0')}`;
    const n = Math.floor(otherBookings / others);
    await db.execute(sql`insert into users (id, email, name) values (${user}, ${`o${k}@example.test`}, ${`O${k}`})`);
    await db.execute(sql`insert into bookings (id, interview_id, user_id, starts_at, ends_at, blocked_from, blocked_until)
      select gen_random_uuid(), ${interview}, ${user}, t, t + interval '30 minutes', t, t + interval '30 minutes'
      from (select ${new Date(FROM - 24 * HOUR)}::timestamptz + (i * ${Math.floor((((DAYS + 2) * 24) / n) * 60)}) * interval '1 minute' as t
            from generate_series(0, ${n - 1}) as i) s`);
  }
  await db.execute(sql`analyze bookings`);
  const bookings = createBookingsRepo(db);
  const service = createSchedulingService({
    availability,
    bookings,
    interviews: { loadFor: () => Promise.reject(new Error('not used by the benchmark')) },
    notify: noSchedulingNotifications,
    now: () => new Date(FROM),
  });
  const row = await bookings.interview(interview);
  if (!row) throw new Error('interview missing');
  return {
    run: () => service.slotsOf(row, new Date(FROM), new Date(FROM + DAYS * 24 * HOUR)),
    close: () => database.close(),
  };
}

const PANEL_SHARE = Number(process.env.BENCH_PANEL_BOOKINGS ?? 500);
const range = { durationMinutes: 60, from: FROM, to: FROM + DAYS * 24 * HOUR, now: FROM };
const results: Record<string, Summary> = {};
const freeSlots: Record<string, number> = {};
let realistic: InterviewerCalendar[] = [];
for (const [label, total] of [
  ['typical', PANEL_SHARE],
  ['dense', BOOKINGS],
] as const) {
  const cals = panel(total / ZONES.length);
  if (label === 'typical') realistic = cals;
  const query: SlotQuery = { panel: cals, ...range };
  const fast = findSlots(query);
  if (JSON.stringify(fast) !== JSON.stringify(naiveSlots(query))) {
    throw new Error(`${label}: findSlots and the naive reference disagree`);
  }
  freeSlots[label] = fast.length;
  progress(
    `${label} (${total} panel bookings): ${fast.length} free slots; findSlots × ${ROUNDS}, naive × ${NAIVE_ROUNDS}`,
  );
  results[`findSlots, ${label}`] = time(() => findSlots(query), ROUNDS);
  results[`naive, ${label}`] = time(() => naiveSlots(query), NAIVE_ROUNDS);
}
progress(`service on PGlite: ${BOOKINGS} bookings in the database, ${PANEL_SHARE} of them the panel's`);
const target = await serviceTarget(realistic, BOOKINGS - PANEL_SHARE);
try {
  const viaService = await target.run();
  if (viaService.length !== freeSlots.typical) {
    throw new Error(`service found ${viaService.length} slots, expected ${freeSlots.typical}`);
  }
  progress(`service × ${ROUNDS}`);
  results['service (pglite), typical'] = await timeAsync(target.run, ROUNDS);
} finally {
  await target.close();
}

const baselineOf = (name: string) => results[name.includes('dense') ? 'naive, dense' : 'naive, typical']?.median ?? NaN;
print(
  table(
    [
      { header: 'target' },
      { header: 'runs', align: 'right' },
      { header: 'p50 ms', align: 'right' },
      { header: 'p99 ms', align: 'right' },
      { header: 'max ms', align: 'right' },
      { header: 'naive p50 / p50', align: 'right' },
    ],
    Object.entries(results).map(([name, s]) => [
      name,
      s.count,
      fmt(s.median, 2),
      fmt(s.p99, 2),
      fmt(s.max, 2),
      fmt(ratio(baselineOf(name), s.median), 1),
    ]),
  ),
);
const file = writeResult(NAME, {
  name: NAME,
  at: new Date().toISOString(),
  machine: machineInfo(),
  settings: {
    panel: ZONES,
    bookingsInDatabase: BOOKINGS,
    panelBookings: { typical: PANEL_SHARE, dense: BOOKINGS },
    days: DAYS,
    durationMinutes: 60,
    stepMinutes: 15,
    rounds: ROUNDS,
    naiveRounds: NAIVE_ROUNDS,
  },
  freeSlots,
  results: Object.fromEntries(
    Object.entries(results).map(([k, s]) => [
      k,
      { ...s, speedupVsNaive: round(ratio(baselineOf(k), s.median) ?? Number.NaN, 1) },
    ]),
  ),
});
print(`wrote ${file}`);
