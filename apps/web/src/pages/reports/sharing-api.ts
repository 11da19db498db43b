import {
  CSRF_COOKIE,
  CSRF_HEADER,
  CandidateFeedbackSchema,
  InterviewReleaseSchema,
  ReportShareCreatedSchema,
  ReportShareListSchema,
  ReportShareSchema,
  SharedReportSchema,
  type CreateReportShareInput,
  type ReleaseInput,
} from '@interviewselect/contracts';
import { z } from 'zod';
import { apiGet, apiSend, readCookie, toApiError } from '../../lib/api';

const id = (value: string) => encodeURIComponent(value);

/** Share links of a report, the release to the candidate, and the two public/candidate views of them. */
export const sharingApi = {
  shares: (interviewId: string, signal?: AbortSignal) =>
    apiGet(`/api/v1/interviews/${id(interviewId)}/report/shares`, ReportShareListSchema, signal ? { signal } : {}),
  createShare: (interviewId: string, input: CreateReportShareInput) =>
    apiSend('POST', `/api/v1/interviews/${id(interviewId)}/report/shares`, input, ReportShareCreatedSchema),
  revokeShare: (shareId: string) =>
    apiSend('POST', `/api/v1/report-shares/${id(shareId)}/revoke`, undefined, ReportShareSchema),
  openShared: (token: string) =>
    apiSend('POST', '/api/v1/shared-reports/open', { token, format: 'json' }, SharedReportSchema),
  /** The shared report's PDF as a Blob (the token goes in the body, so this cannot be a plain link). */
  async sharedPdf(token: string): Promise<Blob> {
    const csrf = readCookie(CSRF_COOKIE);
    const res = await fetch('/api/v1/shared-reports/open', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...(csrf ? { [CSRF_HEADER]: csrf } : {}) },
      body: JSON.stringify({ token, format: 'pdf' }),
    });
    if (!res.ok) throw await toApiError(res);
    return res.blob();
  },
  release: (interviewId: string, signal?: AbortSignal) =>
    apiGet(
      `/api/v1/interviews/${id(interviewId)}/release`,
      z.object({ release: InterviewReleaseSchema.nullable() }),
      signal ? { signal } : {},
    ),
  setRelease: (interviewId: string, input: ReleaseInput) =>
    apiSend('PUT', `/api/v1/interviews/${id(interviewId)}/release`, input, InterviewReleaseSchema),
  withdrawRelease: (interviewId: string) =>
    apiSend('DELETE', `/api/v1/interviews/${id(interviewId)}/release`, undefined, z.undefined()),
  myFeedback: (interviewId: string, signal?: AbortSignal) =>
    apiGet(`/api/v1/me/interviews/${id(interviewId)}/feedback`, CandidateFeedbackSchema, signal ? { signal } : {}),
};

export const sharingKeys = {
  shares: (interviewId: string) => ['reports', 'shares', interviewId] as const,
  release: (interviewId: string) => ['reports', 'release', interviewId] as const,
  myFeedback: (interviewId: string) => ['me', 'feedback', interviewId] as const,
  shared: (token: string) => ['shared-report', token] as const,
};
