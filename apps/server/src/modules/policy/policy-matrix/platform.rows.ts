import { PLATFORM_ADMIN, PUBLIC, type Rows } from './matrix.js';

/** Platform, system and platform administration. */
export const PLATFORM_ROWS: Rows = {
  // Platform and system
  'GET /healthz': { expect: PUBLIC, request: () => ({ url: '/healthz' }) },
  'GET /readyz': { expect: PUBLIC, request: () => ({ url: '/readyz' }) },
  'GET /api/v1/system': { expect: PUBLIC, request: () => ({ url: '/api/v1/system' }) },
  'GET /api/v1/dev/mailbox': { expect: PUBLIC, request: () => ({ url: '/api/v1/dev/mailbox' }) },

  // Platform administration
  'GET /api/v1/admin/users': { expect: PLATFORM_ADMIN, request: () => ({ url: '/api/v1/admin/users?q=matrix' }) },
  'GET /api/v1/admin/users/{userId}': {
    expect: PLATFORM_ADMIN,
    request: async (_c, fx) => ({ url: `/api/v1/admin/users/${await fx.freshUser()}` }),
  },
  'POST /api/v1/admin/users/{userId}/suspend': {
    expect: PLATFORM_ADMIN,
    request: async (_c, fx) => ({ url: `/api/v1/admin/users/${await fx.freshUser()}/suspend` }),
  },
  'POST /api/v1/admin/users/{userId}/unsuspend': {
    expect: PLATFORM_ADMIN,
    request: async (_c, fx) => ({ url: `/api/v1/admin/users/${await fx.freshUser()}/unsuspend` }),
  },
  'PUT /api/v1/admin/users/{userId}/platform-role': {
    expect: PLATFORM_ADMIN,
    request: async (_c, fx) => ({
      url: `/api/v1/admin/users/${await fx.freshUser()}/platform-role`,
      body: { role: 'admin' },
    }),
  },
  'GET /api/v1/admin/audit': { expect: PLATFORM_ADMIN, request: () => ({ url: '/api/v1/admin/audit?action=org.' }) },
  'GET /api/v1/admin/audit/verify': { expect: PLATFORM_ADMIN, request: () => ({ url: '/api/v1/admin/audit/verify' }) },
};
