import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, signIn, signUpAndVerify } from './flows.js';
import {
  collectPageErrors,
  launchBrowser,
  RESULTS_DIR,
  screenshotOnFailure,
  startServer,
  type RunningServer,
} from './harness.js';

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 800 };

const STATEMENT = `Count the **quokkas**: read integers, one per line, and print their sum.

\`\`\`python
print(sum(map(int, open(0))))
\`\`\``;
const SOLUTION = 'import sys\nprint(sum(int(x) for x in sys.stdin.read().split()))\n';
const CASES = '1\n2\n---\n3\n===\n10\n-4\n---\n6\n===\n0\n---\n0';

/**
 * The question bank, end to end: an org member writes a problem with tests
 * and a Python reference solution, publishes it (verification runs in the
 * real sandbox), finds it again by a misspelt search and opens its preview.
 */
describe('question bank in Chromium', () => {
  let server: RunningServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    // WEB_DIST_DIR lets a developer test a web build of their own while others rebuild apps/web/dist.
    const env: Record<string, string> = process.env.WEB_DIST_DIR ? { WEB_DIST_DIR: process.env.WEB_DIST_DIR } : {};
    [server, browser] = await Promise.all([startServer({ env }), launchBrowser()]);
  });

  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
    await browser?.close();
    await server?.stop();
  });

  /** bypassCSP only so that axe-core can be injected. */
  async function newPage(): Promise<Page> {
    const context = await browser.newContext({ viewport: DESKTOP, bypassCSP: true });
    contexts.push(context);
    return context.newPage();
  }

  async function expectAccessible(page: Page, what: string) {
    const violations = await axeViolations(page);
    expect(violations, `${what}: ${JSON.stringify(violations, null, 1)}`).toEqual([]);
  }

  async function snapshot(page: Page, name: string) {
    mkdirSync(RESULTS_DIR, { recursive: true });
    for (const [label, size] of [
      ['desktop', DESKTOP],
      ['phone', PHONE],
    ] as const) {
      await page.setViewportSize(size);
      await page.screenshot({ path: path.join(RESULTS_DIR, `questions-${name}-${label}.png`), fullPage: true });
    }
    await page.setViewportSize(DESKTOP);
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.screenshot({ path: path.join(RESULTS_DIR, `questions-${name}-dark.png`), fullPage: true });
    await page.emulateMedia({ colorScheme: 'light' });
  }

  it('creates a problem with tests, publishes it, finds it by fuzzy search and previews it', async () => {
    const page = await newPage();
    screenshotOnFailure(page, 'questions');
    const errors = collectPageErrors(page);
    const stamp = Date.now().toString(36);
    const email = `quinn.${stamp}@example.com`;

    // 1. Sign up and create an organisation.
    await signUpAndVerify(page, server.url, 'Quinn Questioner', email);
    await signIn(page, server.url, email);
    await page.goto(`${server.url}/orgs`);
    await page.getByRole('button', { name: 'Create organisation' }).first().click();
    const orgDialog = page.getByRole('dialog', { name: 'Create organisation' });
    await orgDialog.getByLabel('Name').fill(`Quokka Labs ${stamp}`);
    await orgDialog.getByRole('button', { name: 'Create organisation' }).click();
    await page.waitForURL(/\/orgs\/[0-9a-f-]+\/members$/);
    // The first organisation may not be the active one yet: pick it where the app offers it.
    await page.goto(`${server.url}/interviews`);
    const choose = page.getByRole('button', { name: `Use Quokka Labs ${stamp}` });
    const empty = page.getByRole('heading', { name: 'No interviews yet' });
    await choose.or(empty).waitFor();
    if (await choose.isVisible()) await choose.click();
    await empty.waitFor();

    // 2. The library: the seeded public problems, filters, New problem.
    const nav = page.getByRole('navigation', { name: 'Primary' });
    await nav.getByRole('link', { name: 'Question bank', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Question bank' }).waitFor();
    await page.getByRole('link', { name: 'New problem' }).first().waitFor();
    await page
      .getByRole('row')
      .nth(1)
      .or(page.getByRole('heading', { name: 'No problems yet' }))
      .first()
      .waitFor();
    await expectAccessible(page, 'library');
    await snapshot(page, 'library');

    // 3. Write the problem: validation first, then every part.
    await page.getByRole('link', { name: 'New problem' }).first().click();
    const form = page.getByRole('form', { name: 'Problem' });
    await form.getByRole('button', { name: 'Create draft' }).click();
    await form.getByText('Give the problem a title.').waitFor();
    await form.getByRole('textbox', { name: 'Title' }).fill('Quokka Tally');
    await expect(form.getByRole('textbox', { name: 'Slug' }).inputValue()).resolves.toBe('quokka-tally');
    await form.getByLabel('Difficulty').selectOption('easy');
    await form.getByRole('checkbox', { name: 'math' }).check();
    await form.getByRole('textbox', { name: /^Statement/ }).fill(STATEMENT);
    await form.locator('.questions-statement__preview strong', { hasText: 'quokkas' }).waitFor();
    await form.getByRole('button', { name: 'Bulk add…' }).click();
    const bulk = page.getByRole('dialog', { name: 'Bulk add test cases' });
    await bulk.getByLabel('Paste cases').fill(CASES);
    await bulk.getByRole('button', { name: 'Add 3 cases' }).click();
    await form.getByRole('checkbox', { name: 'Test case 3 hidden' }).check();
    await form.getByText('3 cases, 1 hidden.').waitFor();
    await form.getByRole('textbox', { name: 'Reference solution in Python' }).fill(SOLUTION);
    await form.getByRole('textbox', { name: 'Starter code in Python' }).fill('import sys\n');
    await expectAccessible(page, 'editor');
    await snapshot(page, 'editor');
    await form.getByRole('button', { name: 'Create draft' }).click();
    await page.waitForURL(/\/questions\/[0-9a-f-]{36}$/);
    await page.getByRole('heading', { level: 1, name: 'Quokka Tally' }).waitFor();

    // 4. Publish: the reference solution runs against every case in the sandbox.
    await page.getByRole('button', { name: 'Publish' }).click();
    await page.getByText('Passed — published').waitFor({ timeout: 90_000 });
    await page.getByText('3 of 3 test cases passed').waitFor();
    await expectAccessible(page, 'detail after publishing');
    await snapshot(page, 'detail');
    await page.getByRole('tab', { name: 'Tests' }).click();
    await page.getByRole('region', { name: 'Test case 3' }).getByText('Hidden').waitFor();
    await expectAccessible(page, 'tests tab');

    // 5. Find it again with a typo, open its preview as the candidate sees it.
    await nav.getByRole('link', { name: 'Question bank', exact: true }).click();
    await page.getByRole('searchbox', { name: 'Search' }).fill('quoka taly');
    await page.waitForURL(/q=quoka\+taly/);
    const link = page.getByRole('row', { name: /Quokka Tally/ }).getByRole('link', { name: 'Quokka Tally' });
    await link.waitFor();
    await link.click();
    const preview = page.getByRole('article', { name: 'As the candidate sees it' });
    await preview.locator('strong', { hasText: 'quokkas' }).waitFor();
    await preview.getByText('2 visible tests; 1 hidden test also runs on submit.').waitFor();
    await preview.locator('pre .tok-keyword').first().waitFor();
    await expectAccessible(page, 'preview');
    await snapshot(page, 'preview');

    // 6. Import page.
    await page.goto(`${server.url}/questions/import`);
    await page.getByRole('heading', { level: 1, name: 'Import a problem' }).waitFor();
    await page.getByLabel('Or paste the package').fill('{"format": "interviewselect.problem/v1", "tests": [{}]}');
    await page.getByText(/Test case 1 › input/).waitFor();
    await expectAccessible(page, 'import');
    await snapshot(page, 'import');

    expect(errors).toEqual([]);
  }, 240_000);
});
