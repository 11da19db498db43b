import { randomUUID } from 'node:crypto';
import { ORG_A_MEMBERS, ORG_MEMBERS, matrixProblem, type Rows } from './matrix.js';

/** The question bank. */
export const QUESTIONS_ROWS: Rows = {
  // Question bank: members of an organisation read the public library and their own org's problems; never candidates or guests
  'GET /api/v1/problems': { expect: ORG_MEMBERS, request: () => ({ url: '/api/v1/problems?q=matrix' }) },
  'POST /api/v1/problems': {
    expect: ORG_A_MEMBERS,
    request: (_c, fx) => ({
      url: '/api/v1/problems',
      body: { orgId: fx.orgA, package: matrixProblem(`m-${randomUUID()}`) },
    }),
  },
  'POST /api/v1/problems/import': {
    expect: ORG_A_MEMBERS,
    request: (_c, fx) => ({
      url: '/api/v1/problems/import',
      body: { orgId: fx.orgA, package: matrixProblem(`m-${randomUUID()}`) },
    }),
  },
  'GET /api/v1/problems/{problemId}': {
    expect: ORG_A_MEMBERS,
    request: async (_c, fx) => ({ url: `/api/v1/problems/${(await fx.freshProblemOfA()).problemId}` }),
  },
  'GET /api/v1/problems/{problemId}/preview': {
    expect: ORG_A_MEMBERS,
    request: async (_c, fx) => ({ url: `/api/v1/problems/${(await fx.freshProblemOfA()).problemId}/preview` }),
  },
  'PUT /api/v1/problems/{problemId}/draft': {
    expect: ORG_A_MEMBERS,
    request: async (_c, fx) => ({
      url: `/api/v1/problems/${(await fx.freshProblemOfA()).problemId}/draft`,
      body: { package: matrixProblem(`m-${randomUUID()}`) },
    }),
  },
  'POST /api/v1/problems/{problemId}/publish': {
    expect: ORG_A_MEMBERS,
    request: async (_c, fx) => ({ url: `/api/v1/problems/${(await fx.freshProblemOfA()).problemId}/publish` }),
  },
  'GET /api/v1/problems/{problemId}/verifications/{verificationId}': {
    expect: ORG_A_MEMBERS,
    request: async (_c, fx) => ({
      url: `/api/v1/problems/${(await fx.freshProblemOfA()).problemId}/verifications/${randomUUID()}`,
    }),
  },
  'POST /api/v1/problems/{problemId}/archive': {
    expect: ORG_A_MEMBERS,
    request: async (_c, fx) => ({ url: `/api/v1/problems/${(await fx.freshProblemOfA()).problemId}/archive` }),
  },
  'POST /api/v1/problems/{problemId}/duplicate': {
    expect: ORG_A_MEMBERS,
    request: (_c, fx) => ({ url: `/api/v1/problems/${fx.publicProblemId}/duplicate`, body: { orgId: fx.orgA } }),
  },
  'GET /api/v1/problems/{problemId}/export': {
    expect: ORG_A_MEMBERS,
    request: async (_c, fx) => ({ url: `/api/v1/problems/${(await fx.freshProblemOfA()).problemId}/export` }),
  },
  'GET /api/v1/problem-versions/{versionId}': {
    expect: ORG_A_MEMBERS,
    request: async (_c, fx) => ({ url: `/api/v1/problem-versions/${(await fx.freshProblemOfA()).versionId}` }),
  },
};
