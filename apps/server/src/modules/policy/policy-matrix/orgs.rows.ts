import { uniqueEmail } from '../../../../test/sign-in.js';
import { ORG_A_INVITERS, ORG_A_MANAGERS, ORG_A_MEMBERS, PUBLIC, SIGNED_IN, type Rows } from './matrix.js';

/** Organisations, members and invitations. */
export const ORGS_ROWS: Rows = {
  // Organisations
  'POST /api/v1/orgs': { expect: SIGNED_IN, request: () => ({ url: '/api/v1/orgs', body: { name: 'Matrix Org' } }) },
  'GET /api/v1/orgs': { expect: SIGNED_IN, request: () => ({ url: '/api/v1/orgs' }) },
  'GET /api/v1/orgs/{orgId}': { expect: ORG_A_MEMBERS, request: (_c, fx) => ({ url: `/api/v1/orgs/${fx.orgA}` }) },
  'PATCH /api/v1/orgs/{orgId}': {
    expect: ORG_A_MANAGERS,
    request: (_c, fx) => ({ url: `/api/v1/orgs/${fx.orgA}`, body: { name: 'Org A' } }),
  },
  'GET /api/v1/orgs/{orgId}/members': {
    expect: ORG_A_MEMBERS,
    request: (_c, fx) => ({ url: `/api/v1/orgs/${fx.orgA}/members` }),
  },
  'PATCH /api/v1/orgs/{orgId}/members/{userId}': {
    expect: ORG_A_MANAGERS,
    request: async (_c, fx) => ({
      url: `/api/v1/orgs/${fx.orgA}/members/${await fx.freshMemberOfA()}`,
      body: { role: 'interviewer' },
    }),
  },
  'DELETE /api/v1/orgs/{orgId}/members/{userId}': {
    expect: ORG_A_MANAGERS,
    request: async (_c, fx) => ({ url: `/api/v1/orgs/${fx.orgA}/members/${await fx.freshMemberOfA()}` }),
  },
  'POST /api/v1/orgs/{orgId}/leave': {
    expect: ORG_A_MEMBERS,
    request: (_c, fx) => ({ url: `/api/v1/orgs/${fx.orgA}/leave` }),
  },
  'POST /api/v1/orgs/{orgId}/switch': {
    expect: ORG_A_MEMBERS,
    request: (_c, fx) => ({ url: `/api/v1/orgs/${fx.orgA}/switch` }),
  },
  'POST /api/v1/orgs/{orgId}/invitations': {
    expect: ORG_A_INVITERS,
    request: (_c, fx) => ({
      url: `/api/v1/orgs/${fx.orgA}/invitations`,
      body: { email: uniqueEmail('invitee'), role: 'viewer' },
    }),
  },
  'GET /api/v1/orgs/{orgId}/invitations': {
    expect: ORG_A_INVITERS,
    request: (_c, fx) => ({ url: `/api/v1/orgs/${fx.orgA}/invitations` }),
  },
  'DELETE /api/v1/orgs/{orgId}/invitations/{invitationId}': {
    expect: ORG_A_INVITERS,
    request: async (_c, fx) => ({ url: `/api/v1/orgs/${fx.orgA}/invitations/${(await fx.freshInvitation()).id}` }),
  },
  'POST /api/v1/orgs/invitations/preview': {
    expect: PUBLIC,
    request: async (_c, fx) => ({
      url: '/api/v1/orgs/invitations/preview',
      body: { token: (await fx.freshInvitation()).token },
    }),
  },
  'POST /api/v1/orgs/invitations/accept': {
    expect: SIGNED_IN,
    // Addressed to the caller, so only authentication decides (members of A get a 409, which is "allow").
    request: async (c, fx) => ({
      url: '/api/v1/orgs/invitations/accept',
      body: { token: (await fx.freshInvitation(c.email)).token },
    }),
  },
};
