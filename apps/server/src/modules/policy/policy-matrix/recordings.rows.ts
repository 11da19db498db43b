import { randomUUID } from 'node:crypto';
import { allowOnly, ORG_A_MANAGERS, ORG_A_MEMBERS, type Rows } from './matrix.js';

/** Everyone who is someone: signed in, or a room guest (the upload routes then answer 404 for an unknown recording). */
const CALLERS = allowOnly(
  'guest',
  'candidate',
  'interviewerA',
  'interviewerB',
  'recruiterA',
  'orgAdminA',
  'platformAdmin',
);
const SIGNED_IN_USERS = allowOnly(
  'candidate',
  'interviewerA',
  'interviewerB',
  'recruiterA',
  'orgAdminA',
  'platformAdmin',
);

/**
 * Recordings. Starting one is for the interview's interviewers (the matrix's
 * interview does not allow recording, so interviewerA gets 409, the others
 * 403). Chunks and stop need a real recording for their interviewer check
 * (recordings.int.test.ts tries candidates, observers and other members);
 * here an unknown id shows only that nobody anonymous reaches the lookup.
 * The media route's only credential is its signature: a forged one is refused for everyone.
 */
export const RECORDINGS_ROWS: Rows = {
  'POST /api/v1/interviews/{interviewId}/recordings': {
    expect: allowOnly('interviewerA'),
    request: (c) => ({ url: `/api/v1/interviews/${c.interviewId}/recordings`, body: { mimeType: 'video/webm' } }),
  },
  'GET /api/v1/interviews/{interviewId}/recordings': {
    expect: ORG_A_MEMBERS,
    request: (c) => ({ url: `/api/v1/interviews/${c.interviewId}/recordings` }),
  },
  'PUT /api/v1/recordings/{recordingId}/chunks/{seq}': {
    expect: CALLERS,
    request: () => ({ url: `/api/v1/recordings/${randomUUID()}/chunks/0`, body: {} }),
  },
  'POST /api/v1/recordings/{recordingId}/stop': {
    expect: CALLERS,
    request: () => ({ url: `/api/v1/recordings/${randomUUID()}/stop`, body: { chunkCount: 1 } }),
  },
  'GET /api/v1/recordings/{recordingId}': {
    expect: SIGNED_IN_USERS,
    request: () => ({ url: `/api/v1/recordings/${randomUUID()}` }),
  },
  'GET /api/v1/recordings/{recordingId}/playback': {
    expect: SIGNED_IN_USERS,
    request: () => ({ url: `/api/v1/recordings/${randomUUID()}/playback` }),
  },
  'GET /api/v1/recordings/{recordingId}/media': {
    expect: allowOnly(),
    request: () => ({ url: `/api/v1/recordings/${randomUUID()}/media?exp=4102444800&sig=${'A'.repeat(43)}` }),
  },
  'GET /api/v1/orgs/{orgId}/settings': {
    expect: ORG_A_MEMBERS,
    request: (_c, fx) => ({ url: `/api/v1/orgs/${fx.orgA}/settings` }),
  },
  'PATCH /api/v1/orgs/{orgId}/settings': {
    expect: ORG_A_MANAGERS,
    request: (_c, fx) => ({ url: `/api/v1/orgs/${fx.orgA}/settings`, body: { recordingRetentionDays: 90 } }),
  },
};
