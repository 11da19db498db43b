import { randomUUID } from 'node:crypto';
import { KINDS, PUBLIC, SIGNED_IN, allowOnly, type Rows } from './matrix.js';

/**
 * Reading one execution: accounts read their own; a room guest reads the runs it
 * started as a participant (anyone else's id answers 404 — tried in
 * interviews/interview-questions.int.test.ts). Only the anonymous are turned away.
 */
const OWN_RUNS = allowOnly(...KINDS.filter((k) => k !== 'anonymous'));

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
    expect: OWN_RUNS,
    request: () => ({ url: `/api/v1/executions/${randomUUID()}` }),
  },
  'GET /api/v1/executions/{id}/events': {
    expect: OWN_RUNS,
    request: () => ({ url: `/api/v1/executions/${randomUUID()}/events` }),
  },
  'GET /api/v1/languages': { expect: PUBLIC, request: () => ({ url: '/api/v1/languages' }) },
};
