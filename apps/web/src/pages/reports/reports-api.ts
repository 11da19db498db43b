import { InterviewReportSchema } from '@interviewselect/contracts';
import { apiGet } from '../../lib/api';

const reportPath = (interviewId: string) => `/api/v1/interviews/${encodeURIComponent(interviewId)}/report`;

/** The report endpoint: the JSON the page renders, and the URLs of its two downloads. */
export const reportsApi = {
  get: (interviewId: string, signal?: AbortSignal) =>
    apiGet(reportPath(interviewId), InterviewReportSchema, signal ? { signal } : {}),
  /** A plain link (`<a download>`): the browser saves what the server sends as an attachment. */
  downloadUrl: (interviewId: string, format: 'pdf' | 'json') =>
    `${reportPath(interviewId)}?format=${format}&download=1`,
};

export const reportKeys = {
  interview: (interviewId: string) => ['reports', 'interview', interviewId] as const,
};
