import {
  ERROR_CODES,
  PROBLEM_CONTENT_TYPE,
  type ErrorCode,
  type Problem,
  type ValidationIssue,
} from '@interviewselect/contracts';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

/** Gets the first chance at an unmatched request (the SPA's index.html); undefined means "not mine". */
export type NotFoundFallback = (request: FastifyRequest, reply: FastifyReply) => FastifyReply | undefined;
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';

/** Default human titles per code; `detail` carries the specific, actionable message. */
const TITLES: Record<ErrorCode, string> = {
  'request.validation_failed': 'Your request has invalid fields',
  'request.malformed': 'Malformed request',
  'request.unsupported_media_type': 'Unsupported content type',
  'request.payload_too_large': 'Request body too large',
  'request.not_found': 'Not found',
  'request.method_not_allowed': 'Method not allowed',
  'request.rate_limited': 'Too many requests',
  'auth.unauthenticated': 'Sign-in required',
  'auth.forbidden': 'Not allowed',
  'auth.invalid_credentials': 'Sign-in failed',
  'auth.email_unverified': 'E-mail address not confirmed',
  'auth.totp_invalid': 'Two-factor code not accepted',
  'auth.throttled': 'Too many attempts',
  'auth.csrf_failed': 'Request not verified',
  'auth.token_invalid': 'Link not valid',
  'auth.suspended': 'Account suspended',
  'resource.not_found': 'Not found',
  'resource.conflict': 'Conflict',
  'org.last_owner': 'An organisation needs an owner',
  'org.already_member': 'Already a member',
  'interview.invalid_transition': 'Not possible in this interview state',
  'interview.locked': 'Interview can no longer be edited',
  'interview.link_inactive': 'Link no longer works',
  'problem.slug_taken': 'Slug already used',
  'problem.not_publishable': 'Problem cannot be published',
  'problem.locked': 'Problem cannot be changed now',
  'execution.unavailable': 'Code execution unavailable',
  'execution.busy': 'Code runner busy',
  'execution.rate_limited': 'Too many runs',
  'execution.language_unavailable': 'Language not available',
  'execution.unknown_problem_version': 'Unknown problem version',
  'scorecard.locked': 'Scorecard already submitted',
  'scorecard.revision_conflict': 'Scorecard changed elsewhere',
  'scorecard.incomplete': 'Scorecard incomplete',
  'scorecard.not_open': 'Scorecard not open',
  'scorecard.submit_own_first': 'Submit your own scorecard first',
  'server.internal': 'Something went wrong on our side',
  'report.share_inactive': 'Share link no longer works',
  'calendar.caldav_unreachable': 'Calendar not reachable',
  'report.not_releasable': 'Interview not ended',
  'report.pdf_unavailable': 'PDF export unavailable',
  'scheduling.slot_unavailable': 'Time not available',
  'scheduling.link_inactive': 'Scheduling link no longer works',
  'scheduling.start_required': 'Start time needed',
  'recording.invalid_state': 'Not possible in this recording state',
  'recording.link_invalid': 'Recording link not valid',
  'request.range_not_satisfiable': 'Range not satisfiable',
  'media.call_closed': 'No call in this room now',
  'server.unavailable': 'Service unavailable',
};

/**
 * A failure that ends a request. Services throw it with a catalogued code;
 * the one error handler turns it into RFC 9457 problem+json.
 */
export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    readonly detail: string,
    readonly issues?: ValidationIssue[],
  ) {
    super(detail);
    this.name = 'AppError';
    this.status = ERROR_CODES[code];
  }
}

export function problemBody(
  code: ErrorCode,
  detail: string,
  request: FastifyRequest,
  issues?: ValidationIssue[],
): Problem {
  const status = ERROR_CODES[code];
  return {
    type: `https://interviewselect.dev/problems/${code.replace('.', '/')}`,
    title: TITLES[code],
    status,
    detail,
    code,
    instance: request.url,
    requestId: String(request.id),
    ...(issues ? { issues } : {}),
  };
}

function sendProblem(reply: FastifyReply, body: Problem): FastifyReply {
  return reply.status(body.status).type(PROBLEM_CONTENT_TYPE).send(body);
}

/** Maps Fastify's own error codes (bad JSON, wrong content type, too large) to ours. */
function codeForFastifyError(error: FastifyError): ErrorCode | undefined {
  switch (error.code) {
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return error.code === 'FST_ERR_CTP_BODY_TOO_LARGE' ? 'request.payload_too_large' : 'request.malformed';
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_ERR_CTP_INVALID_TYPE':
      return 'request.unsupported_media_type';
    default:
      if (error.statusCode === 429) return 'request.rate_limited';
      if (error.statusCode === 404) return 'request.not_found';
      if (error.statusCode === 405) return 'request.method_not_allowed';
      if (error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500)
        return 'request.malformed';
      return undefined;
  }
}

function issuePath(path: string | undefined, instancePath: string, where: string | undefined): string {
  const fromInstance = instancePath.replace(/^\//, '').replaceAll('/', '.');
  const field = path ?? fromInstance;
  return [where, field].filter((p) => p !== undefined && p !== '').join('.');
}

/**
 * The single error handler and not-found handler. 4xx details reach the
 * client; 5xx are logged in full and answered with a generic message.
 */
export function registerErrorHandling(app: FastifyInstance, opts: { notFoundFallback?: NotFoundFallback } = {}): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof AppError) {
      return sendProblem(reply, problemBody(error.code, error.detail, request, error.issues));
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const where = error.validationContext;
      const issues = error.validation.map((v) => ({
        path: issuePath(undefined, v.instancePath, where),
        message: v.message ?? 'is invalid',
      }));
      const summary = issues.map((i) => `${i.path || where}: ${i.message}`).join('; ');
      return sendProblem(reply, problemBody('request.validation_failed', summary, request, issues));
    }
    if (isResponseSerializationError(error)) {
      request.log.error({ err: error }, 'response did not match its schema');
      return sendProblem(
        reply,
        problemBody(
          'server.internal',
          'The server could not produce a valid response. The error has been logged.',
          request,
        ),
      );
    }
    const code = codeForFastifyError(error);
    if (code) {
      return sendProblem(reply, problemBody(code, error.message, request));
    }
    request.log.error({ err: error }, 'unhandled error');
    return sendProblem(
      reply,
      problemBody(
        'server.internal',
        `An unexpected error occurred. Quote request id ${String(request.id)} when reporting it.`,
        request,
      ),
    );
  });

  app.setNotFoundHandler((request, reply) => {
    const handled = opts.notFoundFallback?.(request, reply);
    if (handled) return handled;
    return sendProblem(
      reply,
      problemBody(
        'request.not_found',
        `No route for ${request.method} ${request.url.split('?')[0] ?? ''}. See /api/docs for the available endpoints.`,
        request,
      ),
    );
  });
}
