import { allowOnly, type Rows } from './matrix.js';

/** Calls (media module): the room's members, as for the room itself — guests with a place in it and its interviewers. */
export const MEDIA_ROWS: Rows = {
  'GET /api/v1/interviews/{interviewId}/media/ice-servers': {
    expect: allowOnly('guest', 'interviewerA'),
    request: (c) => ({ url: `/api/v1/interviews/${c.interviewId}/media/ice-servers` }),
  },
};
