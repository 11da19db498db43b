import { QueryClient } from '@tanstack/react-query';
import { ApiError } from './api';

const MAX_RETRIES = 2;

/**
 * A 4xx will not change by asking again (bad input, missing, forbidden), so
 * only network failures and 5xx are retried. Rate limiting (429) is a 4xx too:
 * retrying would only dig the hole deeper.
 */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  if (error instanceof ApiError && error.isClientError) return false;
  return failureCount < MAX_RETRIES;
}

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        retry: shouldRetry,
        staleTime: 15_000,
      },
      mutations: {
        // Mutations are not idempotent in general; the user decides to resend.
        retry: false,
      },
    },
  });
}
