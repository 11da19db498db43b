import { randomUUID } from 'node:crypto';
import { PUBLIC, SIGNED_IN, type Rows } from './matrix.js';

/** Code execution. */
export const EXECUTIONS_ROWS: Rows = {
  // Code execution
  'POST /api/v1/executions': {
    expect: SIGNED_IN,
    // An unknown problem version: allowed callers get a 422 without any code running.
    request: () => ({
      url: '/api/v1/executions',
      body: { language: 'python', mode: 'submit', source: 'print(1)', problemVersionId: randomUUID() },
    }),
  },
  'GET /api/v1/executions': { expect: SIGNED_IN, request: () => ({ url: '/api/v1/executions' }) },
  'GET /api/v1/executions/{id}': {
    expect: SIGNED_IN,
    request: () => ({ url: `/api/v1/executions/${randomUUID()}` }),
  },
  'GET /api/v1/executions/{id}/events': {
    expect: SIGNED_IN,
    request: () => ({ url: `/api/v1/executions/${randomUUID()}/events` }),
  },
  'GET /api/v1/languages': { expect: PUBLIC, request: () => ({ url: '/api/v1/languages' }) },
};
