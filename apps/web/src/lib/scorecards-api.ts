import {
  InterviewScorecardsSchema,
  ScorecardSchema,
  ScorecardTemplateDetailSchema,
  ScorecardTemplateListSchema,
  ScorecardTemplateVersionSchema,
  type OpenScorecardInput,
  type SaveScorecardInput,
  type ScorecardTemplateInput,
} from '@interviewselect/contracts';
import { apiGet, apiSend } from './api';

const opts = (signal?: AbortSignal) => (signal ? { signal } : {});
const scorecard = (id: string) => `/api/v1/scorecards/${encodeURIComponent(id)}`;
const template = (id: string) => `/api/v1/scorecard-templates/${encodeURIComponent(id)}`;
const ofInterview = (id: string) => `/api/v1/interviews/${encodeURIComponent(id)}/scorecards`;

/** Every scorecard and scorecard-template endpoint the web uses, typed with the contracts' schemas. */
export const scorecardsApi = {
  forInterview: (interviewId: string, signal?: AbortSignal) =>
    apiGet(ofInterview(interviewId), InterviewScorecardsSchema, opts(signal)),
  /** Opens (creates once) the caller's own scorecard; safe to repeat. */
  open: (interviewId: string, input: OpenScorecardInput = {}) =>
    apiSend('POST', ofInterview(interviewId), input, ScorecardSchema),
  get: (id: string, signal?: AbortSignal) => apiGet(scorecard(id), ScorecardSchema, opts(signal)),
  save: (id: string, input: SaveScorecardInput) => apiSend('PUT', scorecard(id), input, ScorecardSchema),
  submit: (id: string, revision: number) => apiSend('POST', `${scorecard(id)}/submit`, { revision }, ScorecardSchema),

  templates: (orgId: string, signal?: AbortSignal) =>
    apiGet(`/api/v1/orgs/${encodeURIComponent(orgId)}/scorecard-templates`, ScorecardTemplateListSchema, opts(signal)),
  template: (id: string, signal?: AbortSignal) => apiGet(template(id), ScorecardTemplateDetailSchema, opts(signal)),
  templateVersion: (id: string, version: number, signal?: AbortSignal) =>
    apiGet(`${template(id)}/versions/${version}`, ScorecardTemplateVersionSchema, opts(signal)),
  createTemplate: (orgId: string, input: ScorecardTemplateInput) =>
    apiSend(
      'POST',
      `/api/v1/orgs/${encodeURIComponent(orgId)}/scorecard-templates`,
      input,
      ScorecardTemplateDetailSchema,
    ),
  updateTemplate: (id: string, baseVersion: number, input: ScorecardTemplateInput) =>
    apiSend('PUT', template(id), { baseVersion, template: input }, ScorecardTemplateDetailSchema),
  archiveTemplate: (id: string) => apiSend('POST', `${template(id)}/archive`, undefined, ScorecardTemplateDetailSchema),
  restoreTemplate: (id: string) => apiSend('POST', `${template(id)}/restore`, undefined, ScorecardTemplateDetailSchema),
  makeDefault: (id: string) => apiSend('POST', `${template(id)}/default`, undefined, ScorecardTemplateDetailSchema),
};

export const scorecardKeys = {
  interview: (interviewId: string) => ['scorecards', 'interview', interviewId] as const,
  mine: (interviewId: string) => ['scorecards', 'interview', interviewId, 'mine'] as const,
  templates: (orgId: string) => ['scorecard-templates', orgId] as const,
  template: (id: string) => ['scorecard-templates', 'detail', id] as const,
};
