import { randomUUID } from 'node:crypto';
import { ORG_A_MEMBERS, PUBLIC, SIGNED_IN, allowOnly, type Rows } from './matrix.js';

/** Interviews, invite links and the room’s history. */
export const INTERVIEWS_ROWS: Rows = {
  // Interviews: org members manage; the interview's own interviewers run it; guests only enter their room
  'POST /api/v1/interviews': {
    expect: ORG_A_MEMBERS,
    request: (_c, fx) => ({
      url: '/api/v1/interviews',
      body: {
        orgId: fx.orgA,
        title: 'Matrix interview',
        candidate: { name: 'Cand Idate', email: 'cand@example.test' },
      },
    }),
  },
  'GET /api/v1/interviews': {
    expect: ORG_A_MEMBERS,
    request: (_c, fx) => ({ url: `/api/v1/interviews?orgId=${fx.orgA}` }),
  },
  'GET /api/v1/interviews/{interviewId}': {
    expect: ORG_A_MEMBERS,
    request: (c) => ({ url: `/api/v1/interviews/${c.interviewId}` }),
  },
  'PATCH /api/v1/interviews/{interviewId}': {
    expect: ORG_A_MEMBERS,
    request: (c) => ({ url: `/api/v1/interviews/${c.interviewId}`, body: { title: 'Renamed in the matrix' } }),
  },
  'POST /api/v1/interviews/{interviewId}/transitions': {
    expect: allowOnly('interviewerA'),
    request: (c) => ({ url: `/api/v1/interviews/${c.interviewId}/transitions`, body: { action: 'start' } }),
  },
  'GET /api/v1/interviews/{interviewId}/links': {
    expect: ORG_A_MEMBERS,
    request: (c) => ({ url: `/api/v1/interviews/${c.interviewId}/links` }),
  },
  'POST /api/v1/interviews/{interviewId}/links': {
    expect: ORG_A_MEMBERS,
    request: (c) => ({ url: `/api/v1/interviews/${c.interviewId}/links`, body: { role: 'observer' } }),
  },
  'POST /api/v1/interviews/{interviewId}/links/{linkId}/revoke': {
    expect: ORG_A_MEMBERS,
    request: (c) => ({ url: `/api/v1/interviews/${c.interviewId}/links/${randomUUID()}/revoke` }),
  },
  'GET /api/v1/interviews/{interviewId}/room': {
    expect: allowOnly('guest', 'interviewerA'),
    request: (c) => ({ url: `/api/v1/interviews/${c.interviewId}/room` }),
  },
  // A room's history (rooms module): the organisation's members only, never the candidate or guests
  'GET /api/v1/interviews/{interviewId}/timeline': {
    expect: ORG_A_MEMBERS,
    request: (c) => ({ url: `/api/v1/interviews/${c.interviewId}/timeline` }),
  },
  'GET /api/v1/interviews/{interviewId}/state': {
    expect: ORG_A_MEMBERS,
    request: (c) => ({ url: `/api/v1/interviews/${c.interviewId}/state?at=2026-01-01T00:00:00.000Z` }),
  },
  'GET /api/v1/interviews/{interviewId}/report': {
    expect: ORG_A_MEMBERS,
    request: (c) => ({ url: `/api/v1/interviews/${c.interviewId}/report` }),
  },
  'GET /api/v1/me/interviews': { expect: SIGNED_IN, request: () => ({ url: '/api/v1/me/interviews' }) },
  'POST /api/v1/room-links/lookup': {
    expect: PUBLIC,
    request: async (_c, fx) => ({ url: '/api/v1/room-links/lookup', body: { token: await fx.freshRoomLink() } }),
  },
  'POST /api/v1/room-links/join': {
    expect: PUBLIC,
    request: async (_c, fx) => ({
      url: '/api/v1/room-links/join',
      body: { token: await fx.freshRoomLink('observer'), displayName: 'Matrix Joiner', consent: true },
    }),
  },
};
