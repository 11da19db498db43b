import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { ProblemPackageInput } from '@interviewselect/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/test-db.js';
import { libraryDir, loadLibrary, seedLibrary } from './questions-library.js';
import { createQuestionsRepo } from './questions.repo.js';

const pkg = (slug: string, title: string): ProblemPackageInput => ({
  format: 'interviewselect.problem/v1',
  slug,
  title,
  difficulty: 'easy',
  category: 'coding',
  statement: `Solve ${title}.`,
  tests: [{ input: '1\n', expectedOutput: '1\n' }],
  referenceSolutions: { python: 'print(input())\n' },
});

describe('the seeded problem library', () => {
  let database: TestDatabase;
  let dir: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    dir = await mkdtemp(path.join(os.tmpdir(), 'isel-library-'));
    await mkdir(path.join(dir, 'coding'));
  });

  afterAll(async () => {
    await database.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('every file shipped in apps/server/library is a valid package named after its slug, and seeds', async () => {
    const shipped = await loadLibrary(libraryDir());
    expect(shipped.invalid).toEqual([]);
    const counts = await seedLibrary(database);
    expect(counts).toMatchObject({ created: shipped.files.length, updated: 0, unchanged: 0 });
    expect(await seedLibrary(database)).toMatchObject({ created: 0, updated: 0, unchanged: shipped.files.length });
  });

  it('is idempotent; a changed file adds a published version; invalid files are reported with paths', async () => {
    const write = (file: string, data: unknown) => writeFile(path.join(dir, file), JSON.stringify(data));
    await write('coding/lib-echo.json', pkg('lib-echo', 'Echo'));
    await write('coding/lib-twice.json', pkg('lib-twice', 'Twice'));
    await write('coding/wrong-name.json', pkg('lib-other', 'Other'));
    await write('coding/lib-broken.json', { ...pkg('lib-broken', 'Broken'), difficulty: 'trivial' });

    const first = await seedLibrary(database, { dir });
    expect(first).toMatchObject({ created: 2, updated: 0, unchanged: 0 });
    expect(first.invalid.map((i) => [i.file, i.issues[0]?.split(':')[0]])).toEqual([
      ['coding/lib-broken.json', 'difficulty'],
      ['coding/wrong-name.json', 'slug'],
    ]);
    expect(await seedLibrary(database, { dir })).toMatchObject({ created: 0, updated: 0, unchanged: 2 });

    await write('coding/lib-echo.json', pkg('lib-echo', 'Echo, improved'));
    expect(await seedLibrary(database, { dir })).toMatchObject({ created: 0, updated: 1, unchanged: 1 });
    const repo = createQuestionsRepo(database.db);
    const echo = await repo.findBySlug(null, 'lib-echo');
    expect(echo).toMatchObject({ orgId: null, status: 'published', title: 'Echo, improved' });
    const versions = await repo.listVersions(echo?.id ?? '');
    expect(versions.map((v) => [v.version, v.publishedAt !== null])).toEqual([
      [1, true],
      [2, true],
    ]);
  });
});
