import { describe, expect, it } from 'vitest';
import { signIn, signUpAndVerify, expectAccessible, openPage, snapshot } from './flows.js';
import { collectPageErrors, screenshotOnFailure, useE2eApp } from './harness.js';

const STATEMENT = `Count the **quokkas**: read integers, one per line, and print their sum.

\`\`\`python
print(sum(map(int, open(0))))
\`\`\``;
const SOLUTION = 'import sys\nprint(sum(int(x) for x in sys.stdin.read().split()))\n';
const CASES = '1\n2\n---\n3\n===\n10\n-4\n---\n6\n===\n0\n---\n0';

/**
 * The question bank, end to end: an org member writes a problem with tests
 * and a Python reference solution, publishes it (verification runs in the
 * real sandbox), finds it again by a misspelt search, opens its preview, and
 * asks it in an interview whose room judges code against its tests.
 */
describe('question bank in Chromium', () => {
  const app = useE2eApp();

  it('creates a problem with tests, publishes it, finds it by fuzzy search, previews it and asks it in an interview', async () => {
    const page = await openPage(app.browser, app.contexts);
    screenshotOnFailure(page, 'questions');
    const errors = collectPageErrors(page);
    const stamp = Date.now().toString(36);
    const email = `quinn.${stamp}@example.com`;

    // 1. Sign up and create an organisation.
    await signUpAndVerify(page, app.server.url, 'Quinn Questioner', email);
    await signIn(page, app.server.url, email);
    await page.goto(`${app.server.url}/orgs`);
    await page.getByRole('button', { name: 'Create organisation' }).first().click();
    const orgDialog = page.getByRole('dialog', { name: 'Create organisation' });
    await orgDialog.getByLabel('Name').fill(`Quokka Labs ${stamp}`);
    await orgDialog.getByRole('button', { name: 'Create organisation' }).click();
    await page.waitForURL(/\/orgs\/[0-9a-f-]+\/members$/);
    // The first organisation may not be the active one yet: pick it where the app offers it.
    await page.goto(`${app.server.url}/interviews`);
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
    await snapshot(page, 'questions', 'library');

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
    await snapshot(page, 'questions', 'editor');
    await form.getByRole('button', { name: 'Create draft' }).click();
    await page.waitForURL(/\/questions\/[0-9a-f-]{36}$/);
    await page.getByRole('heading', { level: 1, name: 'Quokka Tally' }).waitFor();

    // 4. Publish: the reference solution runs against every case in the sandbox.
    await page.getByRole('button', { name: 'Publish' }).click();
    await page.getByText('Passed — published').waitFor({ timeout: 90_000 });
    await page.getByText('3 of 3 test cases passed').waitFor();
    await expectAccessible(page, 'detail after publishing');
    await snapshot(page, 'questions', 'detail');
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
    await snapshot(page, 'questions', 'preview');

    // 6. Ask it in an interview: pick it from the bank, start, and judge code against its tests in the room.
    await page.goto(`${app.server.url}/interviews/new`);
    const interviewForm = page.getByRole('form', { name: 'Create interview' });
    await interviewForm.getByRole('textbox', { name: 'Title', exact: true }).fill('Quokka pairing');
    await interviewForm.getByLabel('Candidate name').fill('Casey Candidate');
    await interviewForm.getByLabel('Candidate e-mail').fill(`casey.${stamp}@example.com`);
    await interviewForm.getByRole('button', { name: 'Add from question bank…' }).click();
    const picker = page.getByRole('dialog', { name: 'Add from the question bank' });
    await picker.getByRole('searchbox', { name: 'Search problems' }).fill('quoka');
    await picker.getByRole('button', { name: 'Add Quokka Tally' }).click();
    await picker.getByRole('button', { name: 'Quokka Tally is added' }).waitFor();
    await expectAccessible(page, 'question bank picker');
    await snapshot(page, 'questions', 'picker');
    await page.keyboard.press('Escape');
    await interviewForm.getByRole('link', { name: 'Quokka Tally' }).waitFor();
    // Scheduling books the panel at the planned start, so it needs one.
    await interviewForm.getByLabel('Planned start').fill('2030-02-11T10:00');
    await interviewForm.getByRole('button', { name: 'Create interview' }).click();
    await page.waitForURL(/\/interviews\/[0-9a-f-]{36}$/);
    await page.getByRole('button', { name: 'Schedule' }).click();
    await page.getByText('Interview scheduled').first().waitFor();
    await page.goto(`${page.url()}/room`);
    await page.getByRole('button', { name: 'Start' }).click();
    await page.getByText('Status: Live').waitFor();
    const question = page.getByRole('article', { name: /Quokka Tally/ });
    await question.locator('strong', { hasText: 'quokkas' }).waitFor();
    await question.getByText('Only interviewers see this').first().waitFor();
    // The starter code came from the problem; replace it with the solution and run the question's tests.
    await expect.poll(() => page.locator('.room-editor .cm-content').innerText()).toContain('import sys');
    await page.getByRole('textbox', { name: /Code editor/ }).click();
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.press('Delete');
    await page.keyboard.insertText(SOLUTION);
    await page.getByRole('button', { name: 'Test', exact: true }).click();
    await page.getByText('Test: 2 / 2 passed').waitFor({ timeout: 60_000 });
    await page.getByRole('button', { name: 'Submit', exact: true }).click();
    await page.getByText('Submit: 3 / 3 passed').waitFor({ timeout: 60_000 });
    await expectAccessible(page, 'room with a bank question');
    await snapshot(page, 'questions', 'room');

    // 7. Import page.
    await page.goto(`${app.server.url}/questions/import`);
    await page.getByRole('heading', { level: 1, name: 'Import a problem' }).waitFor();
    await page.getByLabel('Or paste the package').fill('{"format": "interviewselect.problem/v1", "tests": [{}]}');
    await page.getByText(/Test case 1 › input/).waitFor();
    await expectAccessible(page, 'import');
    await snapshot(page, 'questions', 'import');

    expect(errors).toEqual([]);
  }, 240_000);
});
