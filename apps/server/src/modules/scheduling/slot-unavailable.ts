import { PROBLEM_CONTENT_TYPE, type Slot, type SlotUnavailableProblem } from '@interviewselect/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { problemBody } from '../../platform/errors.js';

/** A refused booking as RFC 9457 problem+json (409) with free alternatives as an extension member. */
export function replySlotUnavailable(
  request: FastifyRequest,
  reply: FastifyReply,
  refused: { detail: string; alternatives: Slot[] },
): FastifyReply {
  const body: SlotUnavailableProblem = {
    ...problemBody('scheduling.slot_unavailable', refused.detail, request),
    alternatives: refused.alternatives,
  };
  return reply.status(409).type(PROBLEM_CONTENT_TYPE).send(body);
}
