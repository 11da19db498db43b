import { allowOnly, type Rows } from './matrix.js';

/**
 * The report's narrative. Org members who may read the report, except an
 * interviewer still bound by the anchoring rule (interviewerA has not submitted
 * a scorecard: 403 scorecard.submit_own_first) — the narrative draws on the
 * panel's feedback. The matrix's interview has not started, so an allowed
 * generate answers 409 (nothing to narrate) before any model is needed.
 */
export const REPORTS_ROWS: Rows = {
  'POST /api/v1/interviews/{interviewId}/report/narrative/generate': {
    expect: allowOnly('recruiterA', 'orgAdminA'),
    request: (c) => ({ url: `/api/v1/interviews/${c.interviewId}/report/narrative/generate`, body: {} }),
  },
  'PUT /api/v1/interviews/{interviewId}/report/narrative': {
    expect: allowOnly('recruiterA', 'orgAdminA'),
    request: (c) => ({
      method: 'PUT',
      url: `/api/v1/interviews/${c.interviewId}/report/narrative`,
      body: { text: 'Written in the matrix.' },
    }),
  },
};
