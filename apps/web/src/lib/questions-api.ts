import {
  CandidateProblemViewSchema,
  ProblemDetailSchema,
  ProblemListSchema,
  ProblemSummarySchema,
  PublishResultSchema,
  VerificationSchema,
  type CreateProblemInput,
  type ProblemPackage,
  type ProblemSearchQuery,
} from '@interviewselect/contracts';
import { z } from 'zod';
import { apiGet, apiSend } from './api';

const problem = (id: string) => `/api/v1/problems/${encodeURIComponent(id)}`;
const opts = (signal?: AbortSignal) => (signal ? { signal } : {});

/** The search query as a query string: only what is set, in a stable order (cache keys, URLs). */
export function problemSearchString(query: ProblemSearchQuery): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query) as [string, string | number | undefined][]) {
    if (value === undefined || value === '') continue;
    params.set(key, String(value));
  }
  return params.toString();
}

/** Every /api/v1/problems endpoint the web uses, typed with the contracts' schemas. */
export const questionsApi = {
  search: (query: ProblemSearchQuery, signal?: AbortSignal) =>
    apiGet(`/api/v1/problems?${problemSearchString(query)}`, ProblemListSchema, opts(signal)),
  get: (id: string, signal?: AbortSignal) => apiGet(problem(id), ProblemDetailSchema, opts(signal)),
  preview: (id: string, signal?: AbortSignal) =>
    apiGet(`${problem(id)}/preview`, CandidateProblemViewSchema, opts(signal)),
  create: (input: CreateProblemInput) => apiSend('POST', '/api/v1/problems', input, ProblemSummarySchema),
  saveDraft: (id: string, pkg: ProblemPackage) =>
    apiSend('PUT', `${problem(id)}/draft`, { package: pkg }, ProblemSummarySchema),
  publish: (id: string) => apiSend('POST', `${problem(id)}/publish`, undefined, PublishResultSchema),
  verification: (id: string, verificationId: string, signal?: AbortSignal) =>
    apiGet(`${problem(id)}/verifications/${encodeURIComponent(verificationId)}`, VerificationSchema, opts(signal)),
  archive: (id: string) => apiSend('POST', `${problem(id)}/archive`, undefined, ProblemSummarySchema),
  duplicate: (id: string, orgId: string) =>
    apiSend('POST', `${problem(id)}/duplicate`, { orgId }, ProblemSummarySchema),
  /** The package exactly as the server wrote it (not re-parsed, so the download round-trips byte for byte). */
  exportPackage: (id: string, signal?: AbortSignal) => apiGet(`${problem(id)}/export`, z.unknown(), opts(signal)),
  import: (input: CreateProblemInput) => apiSend('POST', '/api/v1/problems/import', input, ProblemSummarySchema),
};

export const questionKeys = {
  all: ['problems'] as const,
  lists: ['problems', 'list'] as const,
  list: (query: ProblemSearchQuery) => ['problems', 'list', problemSearchString(query)] as const,
  detail: (id: string) => ['problems', id, 'detail'] as const,
  preview: (id: string) => ['problems', id, 'preview'] as const,
  verification: (id: string, verificationId: string) => ['problems', id, 'verifications', verificationId] as const,
};
