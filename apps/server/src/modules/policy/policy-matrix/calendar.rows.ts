import { ORG_A_MANAGERS, ORG_A_MEMBERS, PUBLIC, SIGNED_IN, type Rows } from './matrix.js';

/** Calendar module: one's own subscription and CalDAV sync, the org's reminder times, and the secret feed URL. */
export const CALENDAR_ROWS: Rows = {
  'GET /api/v1/me/calendar-feed': { expect: SIGNED_IN, request: () => ({ url: '/api/v1/me/calendar-feed' }) },
  'POST /api/v1/me/calendar-feed': { expect: SIGNED_IN, request: () => ({ url: '/api/v1/me/calendar-feed' }) },
  'DELETE /api/v1/me/calendar-feed': { expect: SIGNED_IN, request: () => ({ url: '/api/v1/me/calendar-feed' }) },
  // The URL is the secret: anyone may ask, an unknown token gets 404.
  'GET /api/v1/calendar-feeds/{token}/interviews.ics': {
    expect: PUBLIC,
    request: () => ({ url: `/api/v1/calendar-feeds/${'M'.repeat(43)}/interviews.ics` }),
  },
  'GET /api/v1/me/caldav': { expect: SIGNED_IN, request: () => ({ url: '/api/v1/me/caldav' }) },
  'PUT /api/v1/me/caldav': {
    expect: SIGNED_IN,
    // Nothing listens on port 9: a signed-in caller gets 422 "could not be reached", never 401/403.
    request: () => ({
      url: '/api/v1/me/caldav',
      body: { url: 'http://127.0.0.1:9/calendar/', username: 'matrix', password: 'matrix' },
    }),
  },
  'DELETE /api/v1/me/caldav': { expect: SIGNED_IN, request: () => ({ url: '/api/v1/me/caldav' }) },
  'GET /api/v1/orgs/{orgId}/calendar-settings': {
    expect: ORG_A_MEMBERS,
    request: (_c, fx) => ({ url: `/api/v1/orgs/${fx.orgA}/calendar-settings` }),
  },
  'PUT /api/v1/orgs/{orgId}/calendar-settings': {
    expect: ORG_A_MANAGERS,
    request: (_c, fx) => ({
      url: `/api/v1/orgs/${fx.orgA}/calendar-settings`,
      body: { reminderOffsetsMinutes: [1440, 60] },
    }),
  },
};
