import {
  ScorecardTemplateDetailSchema,
  ScorecardTemplateListSchema,
  ScorecardTemplateVersionSchema,
  type ScorecardTemplateInput,
} from '@interviewselect/contracts';
import { and, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../../../test/create-test-app.js';
import { fillAndSubmit, interviewWithPanel, openScorecard, problemOf } from '../../../test/scorecards.js';
import { createOrgWithMembers, signedInUser, testRedisDeps, type SignedIn } from '../../../test/sign-in.js';
import { createTestDatabase, type TestDatabase } from '../../../test/test-db.js';
import { auditEvents } from '../audit/audit.tables.js';
import type { OrgRow } from '../orgs/orgs.tables.js';
import { scorecardTemplateVersions } from './scorecards.tables.js';

const pairing: ScorecardTemplateInput = {
  name: 'Pairing',
  description: 'For pair-programming rounds.',
  competencies: [
    {
      key: 'collaboration',
      label: 'Collaboration',
      levels: [
        { score: 1, label: 'Lone wolf', rubric: 'Ignored the partner.' },
        { score: 3, label: 'Team player', rubric: 'Built on ideas.' },
        { score: 5, label: 'Multiplier', rubric: 'Made the pair better.' },
      ],
    },
  ],
};

describe('scorecard templates: the built-in default, versions, archive and default', () => {
  let database: TestDatabase;
  let app: FastifyInstance;
  const redis = testRedisDeps();
  let org: OrgRow;
  let ada: SignedIn; // admin
  let ivy: SignedIn; // interviewer
  let vera: SignedIn; // viewer

  beforeAll(async () => {
    database = await createTestDatabase();
    app = await createTestApp(database, {}, redis.deps);
    [ada, ivy, vera] = await Promise.all([
      signedInUser(app, database.db, { name: 'Ada Admin' }),
      signedInUser(app, database.db, { name: 'Ivy Interviewer' }),
      signedInUser(app, database.db, { name: 'Vera Viewer' }),
    ]);
    org = await createOrgWithMembers(database.db, {
      [ada.user.id]: 'admin',
      [ivy.user.id]: 'interviewer',
      [vera.user.id]: 'viewer',
    });
  });

  afterAll(async () => {
    await app.close();
    await database.close();
    redis.close();
  });

  const list = async (who: SignedIn) => {
    const res = await app.inject({ url: `/api/v1/orgs/${org.id}/scorecard-templates`, headers: who.headers });
    expect(res.statusCode, res.body).toBe(200);
    return ScorecardTemplateListSchema.parse(res.json());
  };
  const call = (who: SignedIn, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
    app.inject({ method, url, headers: who.headers, ...(payload ? { payload } : {}) });

  it('gives an organisation the built-in default on first use, once, readable by interviewers', async () => {
    const [a, b] = await Promise.all([list(ivy), list(ada)]);
    expect(a.items).toHaveLength(1);
    expect(b.items.map((t) => t.id)).toEqual(a.items.map((t) => t.id));
    expect(a.items[0]).toMatchObject({
      name: 'Technical interview',
      isDefault: true,
      builtIn: true,
      status: 'active',
      currentVersion: 1,
      competencyCount: 4,
    });
    expect(a.can.manage).toBe(false);
    expect(b.can.manage).toBe(true);
    const viewer = await app.inject({ url: `/api/v1/orgs/${org.id}/scorecard-templates`, headers: vera.headers });
    expect(viewer.statusCode).toBe(403);
  });

  it('creates templates with custom labelled scales (admins only) and validates them', async () => {
    expect((await call(ivy, 'POST', `/api/v1/orgs/${org.id}/scorecard-templates`, pairing)).statusCode).toBe(403);
    const res = await call(ada, 'POST', `/api/v1/orgs/${org.id}/scorecard-templates`, pairing);
    expect(res.statusCode, res.body).toBe(201);
    const created = ScorecardTemplateDetailSchema.parse(res.json());
    expect(created).toMatchObject({ name: 'Pairing', isDefault: false, builtIn: false, currentVersion: 1 });
    expect(created.current.competencies[0]?.levels.map((l) => l.label)).toEqual([
      'Lone wolf',
      'Team player',
      'Multiplier',
    ]);
    expect(created.current.competencies[0]?.description).toBe('');

    const bad = await call(ada, 'POST', `/api/v1/orgs/${org.id}/scorecard-templates`, {
      name: ' ',
      competencies: [
        { key: 'Bad Key', label: 'X', levels: [{ score: 1, label: 'only' }] },
        {
          key: 'same',
          label: 'Same',
          levels: [
            { score: 3, label: 'a' },
            { score: 1, label: 'b' },
          ],
        },
        {
          key: 'same',
          label: 'Same again',
          levels: [
            { score: 1, label: 'a' },
            { score: 1, label: 'b' },
          ],
        },
      ],
    });
    expect(bad.statusCode).toBe(400);
    expect(problemOf(bad).issues).toEqual(
      expect.arrayContaining([
        { path: 'body.name', message: 'Give the template a name.' },
        {
          path: 'body.competencies.0.key',
          message: 'A competency key is 1–40 lower-case letters, digits or “_”, starting with a letter.',
        },
        { path: 'body.competencies.0.levels', message: 'A scale has at least 2 levels.' },
        { path: 'body.competencies.1.levels', message: 'List the levels from the lowest score to the highest.' },
        { path: 'body.competencies.2.levels', message: 'Each level of a scale needs its own score.' },
        { path: 'body.competencies.2.key', message: 'The key “same” is used twice.' },
      ]),
    );
  });

  it('edits by adding an immutable version; old scorecards keep the version they used', async () => {
    const [builtIn] = (await list(ada)).items;
    if (!builtIn) throw new Error('no default template');
    const interview = await interviewWithPanel(app, ivy, org.id, []);
    const before = await fillAndSubmit(app, ivy, interview.id);
    expect(before.template).toMatchObject({ templateId: builtIn.id, version: 1 });

    const edited = await call(ada, 'PUT', `/api/v1/scorecard-templates/${builtIn.id}`, {
      baseVersion: 1,
      template: { ...pairing, name: 'Technical interview (2027)' },
    });
    expect(edited.statusCode, edited.body).toBe(200);
    const detail = ScorecardTemplateDetailSchema.parse(edited.json());
    expect(detail).toMatchObject({ currentVersion: 2, name: 'Technical interview (2027)', scorecardCount: 1 });
    expect(detail.versions.map((v) => [v.version, v.createdBy.name])).toEqual([
      [2, 'Ada Admin'],
      [1, 'InterviewSelect'],
    ]);

    // Someone editing from version 1 again is told, not silently overwritten.
    const stale = await call(ada, 'PUT', `/api/v1/scorecard-templates/${builtIn.id}`, {
      baseVersion: 1,
      template: pairing,
    });
    expect(stale.statusCode).toBe(409);
    expect(problemOf(stale).code).toBe('resource.conflict');
    expect(
      (await call(ivy, 'PUT', `/api/v1/scorecard-templates/${builtIn.id}`, { baseVersion: 2, template: pairing }))
        .statusCode,
    ).toBe(403);

    const old = await call(ivy, 'GET', `/api/v1/scorecards/${before.id}`);
    expect(old.json()).toMatchObject({ template: { version: 1, name: 'Technical interview' } });
    const v1 = await call(ivy, 'GET', `/api/v1/scorecard-templates/${builtIn.id}/versions/1`);
    expect(ScorecardTemplateVersionSchema.parse(v1.json()).competencies).toHaveLength(4);
    expect((await call(ivy, 'GET', `/api/v1/scorecard-templates/${builtIn.id}/versions/9`)).statusCode).toBe(404);

    const next = await openScorecard(app, ivy, (await interviewWithPanel(app, ivy, org.id, [])).id);
    expect(next.template).toMatchObject({ version: 2, name: 'Technical interview (2027)' });
    expect(next.ratings.map((r) => r.competencyKey)).toEqual(['collaboration']);

    // The database refuses to change a version, whatever code tries.
    await expect(
      database.db
        .update(scorecardTemplateVersions)
        .set({ name: 'rewritten' })
        .where(eq(scorecardTemplateVersions.id, before.template.id)),
    ).rejects.toThrow();
    const events = await database.db
      .select({ action: auditEvents.action })
      .from(auditEvents)
      .where(and(eq(auditEvents.targetType, 'scorecard_template'), eq(auditEvents.targetId, builtIn.id)));
    expect(events.map((e) => e.action)).toContain('scorecard_template.versioned');
  });

  it('archives and restores templates and moves the default (never archiving the default)', async () => {
    const items = (await list(ada)).items;
    const def = items.find((t) => t.isDefault);
    const other = items.find((t) => !t.isDefault);
    if (!def || !other) throw new Error('expected two templates');

    const refused = await call(ada, 'POST', `/api/v1/scorecard-templates/${def.id}/archive`);
    expect(refused.statusCode).toBe(409);
    expect(problemOf(refused).detail).toContain('Make another template the default first');

    expect((await call(ivy, 'POST', `/api/v1/scorecard-templates/${other.id}/default`)).statusCode).toBe(403);
    const moved = await call(ada, 'POST', `/api/v1/scorecard-templates/${other.id}/default`);
    expect(ScorecardTemplateDetailSchema.parse(moved.json()).isDefault).toBe(true);
    const archived = await call(ada, 'POST', `/api/v1/scorecard-templates/${def.id}/archive`);
    expect(ScorecardTemplateDetailSchema.parse(archived.json()).status).toBe('archived');
    expect((await list(ada)).items.filter((t) => t.isDefault).map((t) => t.id)).toEqual([other.id]);

    const editArchived = await call(ada, 'PUT', `/api/v1/scorecard-templates/${def.id}`, {
      baseVersion: 2,
      template: pairing,
    });
    expect(problemOf(editArchived).detail).toBe('This template is archived. Restore it before editing.');
    expect(problemOf(await call(ada, 'POST', `/api/v1/scorecard-templates/${def.id}/default`)).code).toBe(
      'resource.conflict',
    );
    const restored = await call(ada, 'POST', `/api/v1/scorecard-templates/${def.id}/restore`);
    expect(ScorecardTemplateDetailSchema.parse(restored.json()).status).toBe('active');

    const next = await openScorecard(app, ivy, (await interviewWithPanel(app, ivy, org.id, [])).id);
    expect(next.template.templateId).toBe(other.id);
    const actions = await database.db
      .select({ action: auditEvents.action })
      .from(auditEvents)
      .where(eq(auditEvents.targetId, def.id));
    expect(actions.map((a) => a.action)).toEqual(
      expect.arrayContaining(['scorecard_template.archived', 'scorecard_template.restored']),
    );
  });

  it('keeps other organisations out', async () => {
    const oscar = await signedInUser(app, database.db, { name: 'Oscar Other' });
    const otherOrg = await createOrgWithMembers(database.db, { [oscar.user.id]: 'owner' });
    const [mine] = (await list(ada)).items;
    expect((await call(oscar, 'GET', `/api/v1/scorecard-templates/${mine?.id}`)).statusCode).toBe(403);
    expect((await call(oscar, 'GET', `/api/v1/orgs/${org.id}/scorecard-templates`)).statusCode).toBe(403);
    // Opening a scorecard with another organisation's template is refused.
    const theirs = ScorecardTemplateListSchema.parse(
      (await call(oscar, 'GET', `/api/v1/orgs/${otherOrg.id}/scorecard-templates`)).json(),
    ).items[0];
    const interview = await interviewWithPanel(app, ivy, org.id, []);
    const res = await call(ivy, 'POST', `/api/v1/interviews/${interview.id}/scorecards`, { templateId: theirs?.id });
    expect(res.statusCode).toBe(400);
    expect(problemOf(res).issues).toEqual([
      { path: 'body.templateId', message: 'Not an active template of this organisation.' },
    ]);
  });
});
