import { PassThrough } from 'node:stream';
import {
  CreateExecutionInputSchema,
  ExecutionCreatedSchema,
  ExecutionListSchema,
  ExecutionSchema,
  LanguageListSchema,
  type ExecutionEvent,
} from '@interviewselect/contracts';
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../platform/errors.js';
import { memberCanWrite, type RoomAccess } from '../interviews/room-access.js';
import { authorize, can } from '../policy/policy.js';
import { RetryLaterError, type Creator, type ExecutionsService, type Reader } from './executions.service.js';

const tags = ['executions'];
const IdParams = z.object({ id: z.uuid() });
const ListQuery = z.object({ limit: z.coerce.number().int().min(1).max(100).default(20) });
const HEARTBEAT_MS = 15_000;
/** Sources, stdin and inline tests may be several MiB (contracts cap each field). */
const CREATE_BODY_LIMIT = 10 * 1024 * 1024;

/** Code execution under /api/v1/executions and the public language list. */
export const executionsRoutes: FastifyPluginAsync<{ executions: ExecutionsService; roomAccess?: RoomAccess }> = async (
  fastify,
  { executions, roomAccess },
) => {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  /**
   * Who runs the code. In a room (interviewId) it is the caller's place in
   * that interview — guests included — and only while they may write there
   * (candidates: while it is live); elsewhere any signed-in account.
   */
  async function creatorOf(request: FastifyRequest, interviewId: string | undefined): Promise<Creator> {
    if (!interviewId) {
      const actor = await authorize(request, 'execution.create');
      return {
        userId: actor.userId,
        participantId: null,
        orgId: actor.activeOrgId,
        orgIds: [...actor.orgRoles.keys()],
      };
    }
    const principal = await request.principal();
    if (principal.kind === 'anonymous') {
      throw new AppError('auth.unauthenticated', 'Open the invite link you were sent, or sign in, to run code here.');
    }
    const member = roomAccess ? await roomAccess.resolveMember(principal, interviewId) : null;
    if (!member || !can(principal, 'execution.create', { roomRole: member.role, interviewId })) {
      throw new AppError('auth.forbidden', 'Only the interview’s candidate and interviewers can run code in its room.');
    }
    if (!memberCanWrite(member)) {
      throw new AppError(
        'auth.forbidden',
        member.status === 'ended' || member.status === 'cancelled'
          ? `This interview is ${member.status}; code can no longer be run in it.`
          : 'Code can be run once the interviewer has started the interview.',
      );
    }
    return {
      userId: principal.kind === 'user' ? principal.userId : null,
      participantId: member.participantId,
      orgId: member.orgId,
      label: member.label,
    };
  }

  /**
   * Who reads an execution: an account reads its own; a guest (no account)
   * reads the runs it started as a participant of the execution's interview.
   */
  async function readerOf(request: FastifyRequest, id: string): Promise<Reader> {
    const principal = await request.principal();
    if (principal.kind !== 'guest') return { userId: (await authorize(request, 'execution.read')).userId };
    const interviewId = await executions.interviewOf(id);
    const member = interviewId && roomAccess ? await roomAccess.resolveMember(principal, interviewId) : null;
    if (!member) throw new AppError('resource.not_found', 'No such execution.');
    return { participantId: member.participantId };
  }

  // Rate-limit and busy refusals tell the client when to come back.
  app.addHook('onError', async (_request, reply, error) => {
    if (error instanceof RetryLaterError) void reply.header('retry-after', String(error.retryAfterSeconds));
  });

  app.post(
    '/api/v1/executions',
    {
      bodyLimit: CREATE_BODY_LIMIT,
      schema: {
        tags,
        summary: 'Run code: queue an execution (run, test or submit); follow it with GET …/:id or …/:id/events',
        body: CreateExecutionInputSchema,
        response: { 202: ExecutionCreatedSchema },
      },
    },
    async (request, reply) => {
      const created = await executions.create(await creatorOf(request, request.body.interviewId), request.body);
      return reply.status(202).send(created);
    },
  );

  app.get(
    '/api/v1/executions',
    {
      schema: {
        tags,
        summary: 'Your recent executions, newest first',
        querystring: ListQuery,
        response: { 200: ExecutionListSchema },
      },
    },
    async (request) => {
      const actor = await authorize(request, 'execution.read');
      return { executions: await executions.list(actor.userId, request.query.limit) };
    },
  );

  app.get(
    '/api/v1/executions/:id',
    {
      schema: {
        tags,
        summary: 'One of your executions: status, verdict, outputs and per-test results (hidden tests redacted)',
        params: IdParams,
        response: { 200: ExecutionSchema },
      },
    },
    async (request) => {
      return executions.get(await readerOf(request, request.params.id), request.params.id);
    },
  );

  app.get(
    '/api/v1/executions/:id/events',
    {
      schema: {
        tags,
        summary: 'Live events of one of your executions (Server-Sent Events)',
        description:
          'text/event-stream of ExecutionEvent: first `status` (or `done` when already finished), then live ' +
          '`output`, `test` and `status` events, then `done` with the execution, after which the stream ends. ' +
          'A comment line is sent every 15 s to keep proxies from closing it.',
        params: IdParams,
        produces: ['text/event-stream'],
      },
    },
    async (request, reply) => {
      const { id } = request.params;
      const reader = await readerOf(request, id);
      const stream = new PassThrough();
      const write = (event: ExecutionEvent) => stream.write(`event: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`);
      let ended = false;
      // Events that arrive before the first `status` is written wait here.
      let early: ExecutionEvent[] | null = [];
      let heartbeat: NodeJS.Timeout | undefined;
      let unsubscribe = () => undefined as void;

      const end = () => {
        if (ended) return;
        ended = true;
        clearInterval(heartbeat);
        unsubscribe();
        stream.end();
      };
      const deliver = (event: ExecutionEvent) => {
        if (ended) return;
        write(event);
        if (event.type === 'done') end();
      };

      const watched = await executions.watch(reader, id, (event) => {
        if (early) early.push(event);
        else deliver(event);
      });
      unsubscribe = watched.unsubscribe;
      const { current } = watched;
      if (current.status === 'completed' || current.status === 'failed') {
        deliver({ type: 'done', execution: current });
      } else {
        deliver({ type: 'status', status: current.status });
        for (const event of early) deliver(event);
      }
      early = null;

      if (!ended) {
        heartbeat = setInterval(() => {
          stream.write(': heartbeat\n\n');
          // A safety net for a `done` lost on the bus (a Redis reconnect): the stored state is the truth.
          executions
            .get(reader, id)
            .then((execution) => {
              if (execution.status === 'completed' || execution.status === 'failed')
                deliver({ type: 'done', execution });
            })
            .catch((err: unknown) => request.log.warn({ err, executionId: id }, 'execution event stream check failed'));
        }, HEARTBEAT_MS);
        // The response closes when the client goes away (or after end()).
        reply.raw.on('close', end);
      }

      return reply
        .header('content-type', 'text/event-stream; charset=utf-8')
        .header('cache-control', 'no-cache, no-transform')
        .header('x-accel-buffering', 'no')
        .send(stream);
    },
  );

  app.get(
    '/api/v1/languages',
    {
      schema: {
        tags,
        summary: 'Languages code can run in, with their versions (only what is installed)',
        response: { 200: LanguageListSchema },
      },
    },
    async () => ({ languages: await executions.languages() }),
  );
};
