import { ApiError } from './api';

/** A sentence a user can act on, for any error a query or mutation can throw. */
export function describeError(error: unknown): string {
  if (error instanceof ApiError) return error.detail;
  return 'Something unexpected went wrong. Please try again.';
}
