import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import Fastify from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { Redis } from 'ioredis';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from '../../../test/eventually.js';
import { createTestDatabase, testRedisUrl, type TestDatabase } from '../../../test/test-db.js';
import { registerErrorHandling } from '../../platform/errors.js';
import { createQueue } from '../../platform/queue/create-queue.js';
import type { JobQueue, QueueLogger } from '../../platform/queue/queue.js';
import { createMailRepo } from './mail.repo.js';
import { emailOutbox } from './mail.tables.js';
import { mailRoutes } from './mail.routes.js';
import {
  createMailboxTransport,
  createMailService,
  createSmtpTransport,
  mailSendJob,
  type MailService,
  type MailTransport,
} from './mail.service.js';

const quiet: QueueLogger = { info: () => undefined, warn: () => undefined, error: () => undefined };
const redisUrl = testRedisUrl();
const bullmqPrefix = `isel-test-mail-${randomBytes(4).toString('hex')}`;

/** A real SMTP server on 127.0.0.1:0 that keeps what it receives and rejects `bounce@` recipients. */
async function startSmtpServer() {
  const received: { to: string[]; raw: string }[] = [];
  const rcptTries: string[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onRcptTo(address, _session, callback) {
      rcptTries.push(address.address);
      if (!address.address.startsWith('bounce@')) return callback();
      callback(Object.assign(new Error('5.1.1 mailbox unavailable'), { responseCode: 550 }));
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        received.push({ to: session.envelope.rcptTo.map((a) => a.address), raw: Buffer.concat(chunks).toString() });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    rcptTries,
    close: () => new Promise<void>((resolve) => server.close(resolve)),
  };
}

/** The app's queue for this backend (BullMQ when the run has Redis), started with the mail handler. */
async function startMail(database: TestDatabase, transport: MailTransport) {
  const queue = createQueue({
    config: { redisUrl },
    db: database.db,
    logger: quiet,
    pg: { pollIntervalMs: 20 },
    bullmq: { prefix: bullmqPrefix },
  });
  const mail = createMailService({
    repo: createMailRepo(database.db),
    queue,
    transport,
    from: 'InterviewSelect <no-reply@interviewselect.test>',
    logger: quiet,
    retry: { attempts: 3, backoffMs: 50 },
  });
  queue.register(mailSendJob, mail.deliver, { concurrency: 2 });
  await queue.start();
  return { queue, mail };
}

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.close();
  if (redisUrl) {
    const redis = new Redis(redisUrl);
    const keys = await redis.keys(`${bullmqPrefix}:*`);
    if (keys.length > 0) await redis.del(...keys);
    await redis.quit();
  }
});

describe('mail over SMTP', () => {
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  let transport: MailTransport;
  let queue: JobQueue;
  let mail: MailService;
  const repo = () => createMailRepo(database.db);
  beforeAll(async () => {
    smtp = await startSmtpServer();
    transport = createSmtpTransport(smtp.url);
    ({ queue, mail } = await startMail(database, transport));
  });
  afterAll(async () => {
    await queue.stop();
    transport.close();
    await smtp.close();
  });

  it('delivers one message with the right recipient, subject and body, and marks the row sent', async () => {
    const { id } = await mail.send({
      to: 'ada@example.com',
      subject: 'Your interview on Friday',
      text: 'See you at 10:00.',
      html: '<p>See you at <b>10:00</b>.</p>',
    });
    const row = await eventually(async () => {
      const found = await repo().findById(id);
      expect(found?.status).toBe('sent');
      return found!;
    });
    expect(smtp.received).toHaveLength(1);
    const [message] = smtp.received;
    expect(message!.to).toEqual(['ada@example.com']);
    expect(message!.raw).toMatch(/^Subject: Your interview on Friday\r$/m);
    expect(message!.raw).toMatch(/^From: InterviewSelect <no-reply@interviewselect.test>\r$/m);
    expect(message!.raw).toContain('See you at 10:00.');
    expect(message!.raw).toContain('<b>10:00</b>');
    expect(row.messageId).toMatch(/^<.+>$/);
    expect(message!.raw).toContain(`Message-ID: ${row.messageId}`);
    expect(row).toMatchObject({ attempts: 1, lastError: null });
    expect(row.sentAt).toBeInstanceOf(Date);
  });

  it('does not send again when a delivery job runs again after a successful send', async () => {
    const { id } = await mail.send({ to: 'grace@example.com', subject: 'Once', text: 'only once' });
    await eventually(async () => expect((await repo().findById(id))?.status).toBe('sent'));
    const sentBefore = smtp.received.length;
    const completedBefore = (await queue.counts()).completed;

    // A retried or duplicated job for the same outbox row (no dedupe key, so it really runs).
    await queue.enqueue(mailSendJob, { outboxId: id });
    await eventually(async () => expect((await queue.counts()).completed).toBe(completedBefore + 1));
    expect(smtp.received).toHaveLength(sentBefore);
    expect(await repo().findById(id)).toMatchObject({ status: 'sent', attempts: 1 });
  });

  it('retries a message the SMTP server rejects, then marks it failed with the error', async () => {
    const { id } = await mail.send({ to: 'bounce@example.com', subject: 'Nope', text: 'rejected' });
    const row = await eventually(async () => {
      const found = await repo().findById(id);
      expect(found?.status).toBe('failed');
      return found!;
    });
    expect(row.attempts).toBe(3);
    expect(row.lastError).toMatch(/550/);
    expect(row.sentAt).toBeNull();
    expect(smtp.rcptTries.filter((a) => a === 'bounce@example.com')).toHaveLength(3);
    expect(smtp.received.some((m) => m.to.includes('bounce@example.com'))).toBe(false);
    const dead = await eventually(async () => {
      const found = (await queue.listDeadLettered(10)).find((d) => d.name === 'mail.send');
      return found ?? expect.fail('job not dead-lettered yet');
    });
    expect(dead).toMatchObject({ payload: { outboxId: id }, attempts: 3 });
  });
});

describe('mail in the embedded mailbox (no SMTP_URL)', () => {
  let queue: JobQueue;
  let mail: MailService;
  beforeAll(async () => {
    ({ queue, mail } = await startMail(database, createMailboxTransport()));
  });
  afterAll(async () => {
    await queue.stop();
  });

  it('keeps messages in the outbox as sent and lists them newest first', async () => {
    const ids: string[] = [];
    for (const n of [1, 2, 3])
      ids.push((await mail.send({ to: `user${n}@example.com`, subject: `Box ${n}`, text: `body ${n}` })).id);
    await eventually(async () => {
      const { items } = await mail.listOutbox({ limit: 100, offset: 0 });
      expect(items.filter((m) => ids.includes(m.id)).map((m) => m.status)).toEqual(['sent', 'sent', 'sent']);
    });

    const page = await mail.listOutbox({ limit: 2, offset: 0 });
    expect(page.items.map((m) => m.subject)).toEqual(['Box 3', 'Box 2']);
    expect(page.total).toBeGreaterThanOrEqual(3);
    expect(page.items[0]).toMatchObject({ to: 'user3@example.com', text: 'body 3', html: null, attempts: 1 });
    expect(page.items[0]!.messageId).toMatch(/@mailbox\.interviewselect\.invalid>$/);
    const next = await mail.listOutbox({ limit: 2, offset: 2 });
    expect(next.items[0]!.subject).toBe('Box 1');
  });

  it('serves the mailbox at GET /api/v1/dev/mailbox with a validated query', async () => {
    const app = Fastify({ logger: false });
    app.setValidatorCompiler(validatorCompiler);
    app.setSerializerCompiler(serializerCompiler);
    registerErrorHandling(app);
    await app.register(mailRoutes, { mail });
    try {
      const ok = await app.inject({ method: 'GET', url: '/api/v1/dev/mailbox?limit=2' });
      expect(ok.statusCode).toBe(200);
      const body = ok.json<{ items: { subject: string; createdAt: string }[]; limit: number; offset: number }>();
      expect(body).toMatchObject({ limit: 2, offset: 0 });
      expect(body.items.map((m) => m.subject)).toEqual(['Box 3', 'Box 2']);
      expect(new Date(body.items[0]!.createdAt).toISOString()).toBe(body.items[0]!.createdAt);

      const bad = await app.inject({ method: 'GET', url: '/api/v1/dev/mailbox?limit=0' });
      expect(bad.statusCode).toBe(400);
      expect(bad.json()).toMatchObject({ code: 'request.validation_failed' });
    } finally {
      await app.close();
    }
  });

  it('re-queues a message whose enqueue never happened', async () => {
    // As if the process died a minute ago between writing the outbox row and enqueueing its job.
    const [orphan] = await database.db
      .insert(emailOutbox)
      .values({ to: 'late@example.com', subject: 'Late', text: 'late', createdAt: new Date(Date.now() - 60_000) })
      .returning();
    expect(await mail.requeuePending({ olderThanMs: 30_000 })).toBe(1);
    await eventually(async () => expect((await createMailRepo(database.db).findById(orphan!.id))?.status).toBe('sent'));
    expect(await mail.requeuePending({ olderThanMs: 30_000 })).toBe(0);
  });
});
