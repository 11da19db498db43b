import { randomBytes } from 'node:crypto';
import type { OrgRole } from '@interviewselect/contracts';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { and, eq, isNull } from 'drizzle-orm';
import type { Database } from '../../platform/db.js';
import { createAuditRepo } from '../audit/audit.repo.js';
import { createAuditService } from '../audit/audit.service.js';
import { createInterviewsRepo } from '../interviews/interviews.repo.js';
import { createQuestionBankPort } from '../questions/question-bank-port.js';
import { createBookingsRepo } from '../scheduling/bookings.repo.js';
import { problems } from '../questions/questions.tables.js';
import { createOrgsRepo } from '../orgs/orgs.repo.js';
import { hashPassword } from '../users/password.js';
import { createUsersRepo } from '../users/users.repo.js';

export interface DemoAccount {
  email: string;
  password: string;
  /** platform-admin, or the account's role in the demo organisation. */
  role: 'platform-admin' | OrgRole | 'candidate';
  name: string;
}

/** "isel:seed" — two nodes starting on an empty database seed once. */
const SEED_LOCK_KEY = 0x6973656c736564n;

const DEMO_PEOPLE: Omit<DemoAccount, 'password'>[] = [
  { email: 'admin@demo.interviewselect.dev', name: 'Avery Admin', role: 'platform-admin' },
  { email: 'owner@demo.interviewselect.dev', name: 'Olivia Owner', role: 'owner' },
  { email: 'interviewer@demo.interviewselect.dev', name: 'Ian Interviewer', role: 'interviewer' },
  { email: 'recruiter@demo.interviewselect.dev', name: 'Rita Recruiter', role: 'recruiter' },
  { email: 'candidate@demo.interviewselect.dev', name: 'Casey Candidate', role: 'candidate' },
];

/** A random 18-character password (108 bits); easy to copy, no ambiguous symbols. */
function randomPassword(): string {
  return randomBytes(14).toString('base64url').slice(0, 18);
}

export function demoAccountsFile(dataDir: string): string {
  return path.join(dataDir, 'demo-accounts.json');
}

/**
 * Seeds the demo organisation and accounts into an empty database. Passwords
 * are random per installation, returned once and written (0600) to
 * $DATA_DIR/demo-accounts.json. Returns null when the database already has users.
 */
export async function seedDemo(
  database: Database,
  opts: { dataDir: string; now?: () => Date },
): Promise<DemoAccount[] | null> {
  return database.withAdvisoryLock(SEED_LOCK_KEY, async () => {
    const usersRepo = createUsersRepo(database.db);
    if ((await usersRepo.count()) > 0) return null;
    const orgsRepo = createOrgsRepo(database.db);
    const audit = createAuditService({ repo: createAuditRepo(database.db), now: opts.now ?? (() => new Date()) });
    const now = (opts.now ?? (() => new Date()))();

    const org = await orgsRepo.insert({ name: 'Acme Robotics (demo)', slug: 'acme-demo' });
    const accounts: DemoAccount[] = [];
    const ids = new Map<string, string>();
    for (const person of DEMO_PEOPLE) {
      const password = randomPassword();
      const user = await usersRepo.insert({
        email: person.email,
        name: person.name,
        passwordHash: await hashPassword(password),
        emailVerifiedAt: now,
        platformRole: person.role === 'platform-admin' ? 'admin' : 'user',
      });
      if (person.role !== 'platform-admin' && person.role !== 'candidate') {
        await orgsRepo.addMember({ orgId: org.id, userId: user.id, role: person.role });
      }
      accounts.push({ ...person, password });
      ids.set(person.role, user.id);
    }
    await seedDemoInterview(database, { orgId: org.id, ids, now });
    await audit.record({ action: 'demo.seeded', orgId: org.id, data: { accounts: accounts.map((a) => a.email) } });

    mkdirSync(opts.dataDir, { recursive: true });
    writeFileSync(
      demoAccountsFile(opts.dataDir),
      JSON.stringify(
        accounts.map(({ email, password, role }) => ({ email, password, role })),
        null,
        2,
      ) + '\n',
      { mode: 0o600 },
    );
    return accounts;
  });
}

/**
 * One scheduled interview tomorrow: Ian interviews Casey (whose account it is
 * linked to, so it shows in Casey's "My interviews"), with a first question.
 */
/** The public-library problem the demo interview asks (when the library has it). */
const DEMO_LIBRARY_SLUG = 'days-until-warmer';

async function libraryQuestion(database: Database, orgId: string, slug: string) {
  const [problem] = await database.db
    .select({ versionId: problems.currentVersionId })
    .from(problems)
    .where(and(isNull(problems.orgId), eq(problems.slug, slug)))
    .limit(1);
  if (!problem?.versionId) return null;
  const found = await createQuestionBankPort(database.db).askable(orgId, problem.versionId);
  if (!found) return null;
  return {
    title: found.title,
    prompt: found.statement,
    interviewerNotes: 'A monotonic stack gives O(n); ask for the brute force first, then its cost.',
    problemVersionId: problem.versionId,
  };
}

async function seedDemoInterview(
  database: Database,
  input: { orgId: string; ids: ReadonlyMap<string, string>; now: Date },
): Promise<void> {
  const interviewer = input.ids.get('interviewer');
  const candidate = input.ids.get('candidate');
  if (!interviewer || !candidate) return;
  const tomorrow = new Date(input.now.getTime() + 24 * 3600_000);
  tomorrow.setUTCHours(14, 0, 0, 0);
  const bankQuestion = await libraryQuestion(database, input.orgId, DEMO_LIBRARY_SLUG);
  const interviewId = await createInterviewsRepo(database.db).createInterview({
    interview: {
      orgId: input.orgId,
      title: 'Backend engineer — pairing (demo)',
      status: 'draft',
      plannedStart: tomorrow,
      durationMinutes: 60,
      defaultLanguage: 'python',
      createdBy: interviewer,
      createdAt: input.now,
    },
    candidate: { name: 'Casey Candidate', email: 'candidate@demo.interviewselect.dev', userId: candidate },
    interviewers: [{ userId: interviewer, name: 'Ian Interviewer' }],
    questions: [
      {
        title: 'Sliding-window rate limiter',
        prompt:
          'Write `allow(user, t)` that returns true when `user` made fewer than 5 calls in the 60 seconds before `t`.\n\nRead calls `user t` from stdin, print `true`/`false` per line.',
        interviewerNotes: 'Look for a deque per user; ask about memory growth and clock skew.',
        problemVersionId: null,
      },
      ...(bankQuestion ? [bankQuestion] : []),
    ],
    actor: { userId: interviewer, name: 'Ian Interviewer' },
    at: input.now,
  });
  // Scheduled the way every interview is: through a booking, so Ian's hour is blocked in his calendar.
  const end = new Date(tomorrow.getTime() + 60 * 60_000);
  const booked = await createBookingsRepo(database.db).book({
    interviewId,
    from: ['draft'],
    start: tomorrow,
    end,
    interviewers: [{ userId: interviewer, blockedFrom: tomorrow, blockedUntil: end }],
    action: 'booked',
    reason: null,
    actor: { userId: interviewer, name: 'Ian Interviewer' },
    at: input.now,
  });
  if (!booked.ok) throw new Error(`the demo interview could not be booked (${booked.reason})`);
}
