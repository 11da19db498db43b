import {
  ExecutionCreatedSchema,
  ExecutionEventSchema,
  ExecutionSchema,
  LanguageListSchema,
  type CreateExecutionInput,
  type ExecutionEvent,
} from '@interviewselect/contracts';
import { apiGet, apiSend } from '../../lib/api';
import { readEventStream } from '../../lib/event-stream';

const execution = (id: string) => `/api/v1/executions/${encodeURIComponent(id)}`;
const opts = (signal?: AbortSignal) => (signal ? { signal } : {});

/** The /api/v1/languages and /api/v1/executions endpoints, typed with the contracts' schemas. */
export const executionsApi = {
  languages: (signal?: AbortSignal) => apiGet('/api/v1/languages', LanguageListSchema, opts(signal)),
  create: (input: CreateExecutionInput, signal?: AbortSignal) =>
    apiSend('POST', '/api/v1/executions', input, ExecutionCreatedSchema, opts(signal)),
  get: (id: string, signal?: AbortSignal) => apiGet(execution(id), ExecutionSchema, opts(signal)),
  /** Resolves when the server closes the stream (after `done`, or early if the connection drops). */
  events: (id: string, onEvent: (event: ExecutionEvent) => void, signal?: AbortSignal) =>
    readEventStream(`${execution(id)}/events`, ExecutionEventSchema, { onEvent, ...opts(signal) }),
};

export const executionKeys = {
  languages: ['languages'] as const,
};
