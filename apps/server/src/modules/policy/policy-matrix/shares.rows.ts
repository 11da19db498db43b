import { ORG_A_MEMBERS, PUBLIC, SIGNED_IN, TOKEN, type Rows } from './matrix.js';

/**
 * Report share links: the hiring team (members of the interview's organisation)
 * makes, lists and revokes them; anyone with a token may open one (an unknown
 * token is a 404, not a refusal). Releases to the candidate: the hiring team
 * sets them; every signed-in account may ask for its own feedback (others get 404).
 */
export const SHARES_ROWS: Rows = {
  'POST /api/v1/interviews/{interviewId}/report/shares': {
    expect: ORG_A_MEMBERS,
    request: (c) => ({ url: `/api/v1/interviews/${c.interviewId}/report/shares`, body: { label: 'Matrix' } }),
  },
  'GET /api/v1/interviews/{interviewId}/report/shares': {
    expect: ORG_A_MEMBERS,
    request: (c) => ({ url: `/api/v1/interviews/${c.interviewId}/report/shares` }),
  },
  'POST /api/v1/report-shares/{shareId}/revoke': {
    expect: ORG_A_MEMBERS,
    request: async (c, fx) => ({ url: `/api/v1/report-shares/${await fx.ownerShare(c.interviewId)}/revoke` }),
  },
  'POST /api/v1/shared-reports/open': {
    expect: PUBLIC,
    request: () => ({ url: '/api/v1/shared-reports/open', body: { token: TOKEN } }),
  },
  'POST /api/v1/shared-reports/replay': {
    expect: PUBLIC,
    request: () => ({ url: '/api/v1/shared-reports/replay', body: { token: TOKEN } }),
  },
  'GET /api/v1/interviews/{interviewId}/release': {
    expect: ORG_A_MEMBERS,
    request: (c) => ({ url: `/api/v1/interviews/${c.interviewId}/release` }),
  },
  'PUT /api/v1/interviews/{interviewId}/release': {
    expect: ORG_A_MEMBERS,
    request: (c) => ({ url: `/api/v1/interviews/${c.interviewId}/release`, body: { feedback: 'Matrix' } }),
  },
  'DELETE /api/v1/interviews/{interviewId}/release': {
    expect: ORG_A_MEMBERS,
    request: (c) => ({ url: `/api/v1/interviews/${c.interviewId}/release` }),
  },
  'GET /api/v1/me/interviews/{interviewId}/feedback': {
    expect: SIGNED_IN,
    request: (c) => ({ url: `/api/v1/me/interviews/${c.interviewId}/feedback` }),
  },
};
