import { ReadinessSchema, SystemInfoSchema } from '@interviewselect/contracts';
import { queryOptions } from '@tanstack/react-query';
import { apiGet } from './api';

export const systemInfoQuery = queryOptions({
  queryKey: ['system', 'info'],
  queryFn: ({ signal }) => apiGet('/api/v1/system', SystemInfoSchema, { signal }),
});

export const readinessQuery = queryOptions({
  queryKey: ['system', 'readiness'],
  // A node that is not ready answers 503 with the same document: that is the
  // answer we want to show, not an error.
  queryFn: ({ signal }) => apiGet('/readyz', ReadinessSchema, { signal, acceptStatuses: [503] }),
});
