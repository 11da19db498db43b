import { z } from 'zod';
import { allowOnly, ORG_A_MANAGERS, ORG_A_MEMBERS, type Caller, type Fixtures, type Rows } from './matrix.js';

/** interviewerA is on the caller's panel; recruiters and admins of org A read scorecards off the panel (ADR 0010). */
const PANEL_AND_READERS = allowOnly('interviewerA', 'recruiterA', 'orgAdminA');

/**
 * The caller's own draft on their (ended) interview when they can open one —
 * only interviewerA, who is on its panel — else the owner's draft there.
 */
async function ownOrOwnersDraft(c: Caller, fx: Fixtures): Promise<string> {
  await fx.endInterview(c.interviewId);
  const res = await fx.app.inject({
    method: 'POST',
    url: `/api/v1/interviews/${c.interviewId}/scorecards`,
    headers: c.headers,
    payload: {},
  });
  const own = z.object({ id: z.uuid() }).safeParse(res.json());
  return own.success ? own.data.id : fx.ownerScorecard(c.interviewId, false);
}

/**
 * Scorecard templates (owners and admins manage, members who interview read)
 * and scorecards: only the panel writes, each their own; reading follows the
 * anchoring rule — candidates, guests and other organisations never get in.
 */
export const SCORECARDS_ROWS: Rows = {
  'GET /api/v1/orgs/{orgId}/scorecard-templates': {
    expect: ORG_A_MEMBERS,
    request: (_c, fx) => ({ url: `/api/v1/orgs/${fx.orgA}/scorecard-templates` }),
  },
  'POST /api/v1/orgs/{orgId}/scorecard-templates': {
    expect: ORG_A_MANAGERS,
    request: (_c, fx) => ({
      url: `/api/v1/orgs/${fx.orgA}/scorecard-templates`,
      body: {
        name: 'Matrix template',
        competencies: [
          { key: 'matrix', label: 'Matrix', levels: [1, 2].map((score) => ({ score, label: `L${score}` })) },
        ],
      },
    }),
  },
  'GET /api/v1/scorecard-templates/{templateId}': {
    expect: ORG_A_MEMBERS,
    request: async (_c, fx) => ({ url: `/api/v1/scorecard-templates/${await fx.freshTemplateOfA()}` }),
  },
  'GET /api/v1/scorecard-templates/{templateId}/versions/{version}': {
    expect: ORG_A_MEMBERS,
    request: async (_c, fx) => ({ url: `/api/v1/scorecard-templates/${await fx.freshTemplateOfA()}/versions/1` }),
  },
  'PUT /api/v1/scorecard-templates/{templateId}': {
    expect: ORG_A_MANAGERS,
    request: async (_c, fx) => ({
      url: `/api/v1/scorecard-templates/${await fx.freshTemplateOfA()}`,
      body: {
        baseVersion: 1,
        template: {
          name: 'Matrix template v2',
          competencies: [
            { key: 'matrix', label: 'Matrix', levels: [1, 2].map((score) => ({ score, label: `L${score}` })) },
          ],
        },
      },
    }),
  },
  'POST /api/v1/scorecard-templates/{templateId}/archive': {
    expect: ORG_A_MANAGERS,
    request: async (_c, fx) => ({ url: `/api/v1/scorecard-templates/${await fx.freshTemplateOfA()}/archive` }),
  },
  'POST /api/v1/scorecard-templates/{templateId}/restore': {
    expect: ORG_A_MANAGERS,
    request: async (_c, fx) => ({ url: `/api/v1/scorecard-templates/${await fx.freshTemplateOfA(true)}/restore` }),
  },
  'POST /api/v1/scorecard-templates/{templateId}/default': {
    expect: ORG_A_MANAGERS,
    request: async (_c, fx) => ({ url: `/api/v1/scorecard-templates/${await fx.freshTemplateOfA()}/default` }),
  },
  'GET /api/v1/interviews/{interviewId}/scorecards': {
    expect: PANEL_AND_READERS,
    request: (c) => ({ url: `/api/v1/interviews/${c.interviewId}/scorecards` }),
  },
  'POST /api/v1/interviews/{interviewId}/scorecards': {
    expect: allowOnly('interviewerA'),
    request: async (c, fx) => {
      await fx.endInterview(c.interviewId);
      return { url: `/api/v1/interviews/${c.interviewId}/scorecards`, body: {} };
    },
  },
  // The owner's submitted scorecard: interviewerA is on the panel but has not submitted (403 submit_own_first).
  'GET /api/v1/scorecards/{scorecardId}': {
    expect: allowOnly('recruiterA', 'orgAdminA'),
    request: async (c, fx) => ({ url: `/api/v1/scorecards/${await fx.ownerScorecard(c.interviewId, true)}` }),
  },
  'PUT /api/v1/scorecards/{scorecardId}': {
    expect: allowOnly('interviewerA'),
    request: async (c, fx) => ({ url: `/api/v1/scorecards/${await ownOrOwnersDraft(c, fx)}`, body: { revision: 0 } }),
  },
  'POST /api/v1/scorecards/{scorecardId}/submit': {
    expect: allowOnly('interviewerA'),
    // interviewerA's empty draft: 422 (incomplete), which is "allow".
    request: async (c, fx) => ({
      url: `/api/v1/scorecards/${await ownOrOwnersDraft(c, fx)}/submit`,
      body: { revision: 0 },
    }),
  },
};
