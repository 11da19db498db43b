import { describe, expect, it } from 'vitest';
import { ApiError } from './api';
import { shouldRetry } from './query-client';

const error = (status: number) =>
  new ApiError({ code: status === 0 ? 'client.network_unreachable' : 'server.internal', status, detail: 'x' });

describe('shouldRetry', () => {
  it('never retries a 4xx: asking again cannot change the answer', () => {
    expect(shouldRetry(0, error(404))).toBe(false);
    expect(shouldRetry(0, error(429))).toBe(false);
  });

  it('retries server errors and network failures a bounded number of times', () => {
    expect(shouldRetry(0, error(503))).toBe(true);
    expect(shouldRetry(1, error(0))).toBe(true);
    expect(shouldRetry(2, error(503))).toBe(false);
  });
});
