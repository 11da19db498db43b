import {
  CSRF_COOKIE,
  CSRF_HEADER,
  PROBLEM_CONTENT_TYPE,
  ProblemSchema,
  type ErrorCode,
  type Problem,
  type ValidationIssue,
} from '@interviewselect/contracts';
import type { z } from 'zod';

/**
 * The one way the web talks to the REST API: JSON over same-origin fetch,
 * every success body parsed with the caller's zod schema, every failure an
 * ApiError. Components never call fetch directly.
 */

/** Server codes from the contracts catalogue, plus two the client produces itself. */
export type ApiErrorCode = ErrorCode | 'client.network_unreachable' | 'client.unexpected_response';

export class ApiError extends Error {
  override readonly name = 'ApiError';
  readonly code: ApiErrorCode;
  /** HTTP status; 0 when no response arrived. */
  readonly status: number;
  readonly detail: string;
  readonly issues: readonly ValidationIssue[];
  /** The server's problem document, when it sent one. */
  readonly problem: Problem | undefined;
  /** Seconds to wait before asking again, from a 429/503's Retry-After header. */
  readonly retryAfterSeconds: number | undefined;

  constructor(init: {
    code: ApiErrorCode;
    status: number;
    detail: string;
    problem?: Problem;
    retryAfterSeconds?: number | undefined;
    cause?: unknown;
  }) {
    super(init.detail, { cause: init.cause });
    this.code = init.code;
    this.status = init.status;
    this.detail = init.detail;
    this.problem = init.problem;
    this.issues = init.problem?.issues ?? [];
    this.retryAfterSeconds = init.retryAfterSeconds;
  }

  static fromProblem(problem: Problem, retryAfterSeconds?: number): ApiError {
    return new ApiError({
      code: problem.code,
      status: problem.status,
      detail: problem.detail,
      problem,
      retryAfterSeconds,
    });
  }

  get isClientError(): boolean {
    return this.status >= 400 && this.status < 500;
  }
}

export type HttpMethod = 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface RequestOptions {
  signal?: AbortSignal;
  /**
   * Non-2xx statuses whose body is a regular response for this endpoint, not a
   * problem: /readyz answers 503 with the same readiness document as on 200.
   */
  acceptStatuses?: readonly number[];
  /** Injected in tests; the browser's fetch otherwise. */
  fetch?: typeof fetch;
}

export function apiGet<S extends z.ZodType>(path: string, schema: S, options: RequestOptions = {}) {
  return request('GET', path, undefined, schema, options);
}

export function apiSend<S extends z.ZodType>(
  method: HttpMethod,
  path: string,
  body: unknown,
  schema: S,
  options: RequestOptions = {},
) {
  const payload = body === undefined ? undefined : { body: JSON.stringify(body), contentType: 'application/json' };
  return request(method, path, payload, schema, options);
}

/** Raw bytes (e.g. a recording chunk) as application/octet-stream, with the same CSRF and error handling. */
export function apiSendBytes<S extends z.ZodType>(
  method: HttpMethod,
  path: string,
  body: Blob,
  schema: S,
  options: RequestOptions = {},
) {
  return request(method, path, { body, contentType: 'application/octet-stream' }, schema, options);
}

async function request<S extends z.ZodType>(
  method: 'GET' | HttpMethod,
  path: string,
  payload: { body: string | Blob; contentType: string } | undefined,
  schema: S,
  options: RequestOptions,
): Promise<z.output<S>> {
  const doFetch = options.fetch ?? globalThis.fetch;
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (payload !== undefined) headers['Content-Type'] = payload.contentType;
  if (method !== 'GET') {
    // Double-submit CSRF: the server sets a readable cookie and expects it echoed on every mutation.
    const token = readCookie(CSRF_COOKIE);
    if (token) headers[CSRF_HEADER] = token;
  }
  let response: Response;
  try {
    response = await doFetch(path, {
      method,
      headers,
      body: payload?.body ?? null,
      credentials: 'same-origin',
      signal: options.signal ?? null,
    });
  } catch (error) {
    // Cancellation is not a failure: TanStack Query and callers expect the AbortError itself.
    if (isAbortError(error)) throw error;
    throw new ApiError({
      code: 'client.network_unreachable',
      status: 0,
      detail: 'Could not reach the server. Check your connection and try again.',
      cause: error,
    });
  }

  const isAccepted = response.ok || (options.acceptStatuses?.includes(response.status) ?? false);
  if (!isAccepted) throw await toApiError(response);

  const body = await readBody(response);
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    throw new ApiError({
      code: 'client.unexpected_response',
      status: response.status,
      detail: `The server's response to ${method} ${path} was not in the expected format.`,
      cause: parsed.error,
    });
  }
  return parsed.data;
}

/** 204 and empty bodies parse as undefined, so `z.undefined()` describes "no content". */
async function readBody(response: Response): Promise<unknown> {
  const text = await response.text();
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/** The ApiError for a non-2xx response (exported for the event-stream reader, which fetches itself). */
export async function toApiError(response: Response): Promise<ApiError> {
  const contentType = response.headers.get('content-type') ?? '';
  const isJson = contentType.includes(PROBLEM_CONTENT_TYPE) || contentType.includes('application/json');
  const body = isJson ? await readBody(response).catch(() => undefined) : undefined;
  const retryAfterSeconds = parseRetryAfter(response.headers.get('retry-after'));
  const problem = ProblemSchema.safeParse(body);
  if (problem.success) return ApiError.fromProblem(problem.data, retryAfterSeconds);

  // A proxy's HTML 502 page or a problem with a code this build does not know yet.
  const statusText = response.statusText ? ` ${response.statusText}` : '';
  return new ApiError({
    code: 'client.unexpected_response',
    status: response.status,
    detail: readDetail(body) ?? `The server answered ${response.status}${statusText}. Please try again.`,
    retryAfterSeconds,
  });
}

/** Retry-After is delta-seconds or an HTTP date (RFC 9110 §10.2.3); undefined when absent or unreadable. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, Math.ceil((date - now) / 1000));
}

function readDetail(body: unknown): string | undefined {
  if (typeof body !== 'object' || body === null || !('detail' in body)) return undefined;
  return typeof body.detail === 'string' ? body.detail : undefined;
}

/** One cookie's value from document.cookie; undefined outside a browser or when absent. */
export function readCookie(name: string): string | undefined {
  if (typeof document === 'undefined') return undefined;
  for (const part of document.cookie.split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return decodeURIComponent(rest.join('='));
  }
  return undefined;
}

export function isAbortError(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}
