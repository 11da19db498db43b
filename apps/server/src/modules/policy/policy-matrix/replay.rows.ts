import { ORG_A_MEMBERS, type Rows } from './matrix.js';

/** The session replay: the organisation's members only, never the candidate or guests. */
export const REPLAY_ROWS: Rows = {
  'GET /api/v1/interviews/{interviewId}/replay': {
    expect: ORG_A_MEMBERS,
    request: (c) => ({ url: `/api/v1/interviews/${c.interviewId}/replay` }),
  },
};
