import { ORG_A_MANAGERS, ORG_A_MEMBERS, PUBLIC, SIGNED_IN, TOKEN, type Rows } from './matrix.js';

const AVAILABILITY = {
  timeZone: 'Europe/Berlin',
  weekly: [{ weekday: 1, start: '09:00', end: '17:00' }],
  exceptions: [],
  bufferBeforeMinutes: 0,
  bufferAfterMinutes: 0,
  minimumNoticeMinutes: 0,
  maxPerDay: null,
};
const RANGE = 'from=2030-01-07T00:00:00Z&to=2030-01-08T00:00:00Z';
const UNKNOWN_LINK = '0190a0a0-0000-7000-8000-000000000000';

/**
 * Scheduling: everyone with an account keeps their own availability; an
 * interview's slots, booking and self-scheduling links are for those who may
 * manage it (its interviewers, the org's recruiters and admins); the org's
 * scheduling rules are read by its members and changed by its admins; the
 * self-scheduling endpoints are public (the token is the key).
 */
export const SCHEDULING_ROWS: Rows = {
  'GET /api/v1/me/availability': { expect: SIGNED_IN, request: () => ({ url: '/api/v1/me/availability' }) },
  'PUT /api/v1/me/availability': {
    expect: SIGNED_IN,
    request: () => ({ url: '/api/v1/me/availability', body: AVAILABILITY }),
  },
  'GET /api/v1/interviews/{interviewId}/slots': {
    expect: ORG_A_MEMBERS,
    request: (c) => ({ url: `/api/v1/interviews/${c.interviewId}/slots?${RANGE}` }),
  },
  'GET /api/v1/interviews/{interviewId}/booking': {
    expect: ORG_A_MEMBERS,
    request: (c) => ({ url: `/api/v1/interviews/${c.interviewId}/booking` }),
  },
  'POST /api/v1/interviews/{interviewId}/booking': {
    expect: ORG_A_MEMBERS,
    request: (c) => ({ url: `/api/v1/interviews/${c.interviewId}/booking`, body: { start: '2030-01-07T10:00:00Z' } }),
  },
  'POST /api/v1/interviews/{interviewId}/booking/cancel': {
    expect: ORG_A_MEMBERS,
    request: (c) => ({ url: `/api/v1/interviews/${c.interviewId}/booking/cancel`, body: { reason: 'Matrix' } }),
  },
  'GET /api/v1/interviews/{interviewId}/scheduling-links': {
    expect: ORG_A_MEMBERS,
    request: (c) => ({ url: `/api/v1/interviews/${c.interviewId}/scheduling-links` }),
  },
  'POST /api/v1/interviews/{interviewId}/scheduling-links': {
    expect: ORG_A_MEMBERS,
    request: (c) => ({
      url: `/api/v1/interviews/${c.interviewId}/scheduling-links`,
      body: { windowStart: '2030-01-07T00:00:00Z', windowEnd: '2030-01-14T00:00:00Z' },
    }),
  },
  'POST /api/v1/interviews/{interviewId}/scheduling-links/{linkId}/revoke': {
    expect: ORG_A_MEMBERS,
    request: (c) => ({ url: `/api/v1/interviews/${c.interviewId}/scheduling-links/${UNKNOWN_LINK}/revoke` }),
  },
  'POST /api/v1/scheduling-links/lookup': {
    expect: PUBLIC,
    request: () => ({ url: '/api/v1/scheduling-links/lookup', body: { token: TOKEN } }),
  },
  'POST /api/v1/scheduling-links/book': {
    expect: PUBLIC,
    request: () => ({ url: '/api/v1/scheduling-links/book', body: { token: TOKEN, start: '2030-01-07T10:00:00Z' } }),
  },
  // The calendar views: an org's members (their own interviews; managers everyone's).
  'GET /api/v1/calendar/entries': {
    expect: ORG_A_MEMBERS,
    request: (_c, fx) => ({ url: `/api/v1/calendar/entries?orgId=${fx.orgA}&${RANGE}` }),
  },
  'GET /api/v1/orgs/{orgId}/scheduling-settings': {
    expect: ORG_A_MEMBERS,
    request: (_c, fx) => ({ url: `/api/v1/orgs/${fx.orgA}/scheduling-settings` }),
  },
  'PUT /api/v1/orgs/{orgId}/scheduling-settings': {
    expect: ORG_A_MANAGERS,
    request: (_c, fx) => ({
      url: `/api/v1/orgs/${fx.orgA}/scheduling-settings`,
      body: { candidateMayReschedule: false },
    }),
  },
};
