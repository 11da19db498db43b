import { ProblemSchema, ReplayLogSchema, type ReplayLog } from '@interviewselect/contracts';
import { CSRF_COOKIE, CSRF_HEADER } from '@interviewselect/contracts';
import { ApiError, readCookie } from '../../lib/api';

/**
 * GET …/replay, read as a stream so the player can show the download's
 * progress (the log of a long interview is a few MB). Errors are ApiErrors,
 * as from lib/api.
 */
/** Download progress of a replay log: bytes so far, and the total when the server says it. */
export interface ReplayLoadOptions {
  signal?: AbortSignal;
  onProgress?: (received: number, total: number | null) => void;
  fetch?: typeof fetch;
}

export function fetchReplayLog(interviewId: string, opts: ReplayLoadOptions): Promise<ReplayLog> {
  return loadReplayLog(`/api/v1/interviews/${encodeURIComponent(interviewId)}/replay`, {}, opts);
}

/** The replay of a shared report (the token travels in the body, never in a URL). */
export function fetchSharedReplayLog(token: string, opts: ReplayLoadOptions): Promise<ReplayLog> {
  const csrf = readCookie(CSRF_COOKIE);
  return loadReplayLog(
    '/api/v1/shared-reports/replay',
    {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(csrf ? { [CSRF_HEADER]: csrf } : {}) },
      body: JSON.stringify({ token }),
    },
    opts,
  );
}

async function loadReplayLog(url: string, init: RequestInit, opts: ReplayLoadOptions): Promise<ReplayLog> {
  const doFetch = opts.fetch ?? fetch;
  let response: Response;
  try {
    response = await doFetch(url, {
      ...init,
      credentials: 'same-origin',
      headers: { accept: 'application/json', ...(init.headers as Record<string, string> | undefined) },
      ...(opts.signal ? { signal: opts.signal } : {}),
    });
  } catch (cause) {
    throw new ApiError({
      code: 'client.network_unreachable',
      status: 0,
      detail: 'The server could not be reached.',
      cause,
    });
  }
  if (!response.ok) {
    const problem = ProblemSchema.safeParse(await response.json().catch(() => null));
    if (problem.success) throw ApiError.fromProblem(problem.data);
    throw new ApiError({ code: 'client.unexpected_response', status: response.status, detail: 'Unexpected response.' });
  }
  const length = Number(response.headers.get('content-length'));
  const total = Number.isFinite(length) && length > 0 ? length : null;
  let text: string;
  if (response.body && opts.onProgress) {
    const reader = response.body.getReader();
    const decoder = new TextDecoder();
    const parts: string[] = [];
    let received = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      received += value.length;
      parts.push(decoder.decode(value, { stream: true }));
      opts.onProgress(received, total);
    }
    parts.push(decoder.decode());
    text = parts.join('');
  } else {
    text = await response.text();
  }
  const parsed = ReplayLogSchema.safeParse(JSON.parse(text));
  if (!parsed.success) {
    throw new ApiError({ code: 'client.unexpected_response', status: response.status, detail: 'Unexpected response.' });
  }
  return parsed.data;
}
