import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeViolations, signIn, signUpAndVerify } from './flows.js';
import { collectPageErrors, screenshotOnFailure, useE2eApp } from './harness.js';

const SCREENSHOT = '/tmp/code-runner.png';
/**
 * A full-page capture from the top: a run scrolls its results into view, and a capture taken
 * while scrolled draws the sticky top bar in the middle of the page.
 */
async function screenshotFromTop(page: Page, file: string) {
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: file, fullPage: true });
}

describe('code runner in Chromium with the real sandbox', () => {
  const app = useE2eApp();

  /** Sign-up → confirm through the dev mailbox → sign in. */
  async function signUpAndSignIn(page: Page, name: string, email: string) {
    await signUpAndVerify(page, app.server.url, name, email);
    await signIn(page, app.server.url, email);
  }

  it('runs Python with stdin, runs custom tests with a failure, and shows a C compile error', async () => {
    // bypassCSP only so that axe-core can be injected; app-shell.spec.ts checks the app's own CSP.
    const context = await app.browser.newContext({ viewport: { width: 1280, height: 800 }, bypassCSP: true });
    const page = await context.newPage();
    screenshotOnFailure(page, 'code-runner');
    const errors = collectPageErrors(page);
    const stamp = Date.now().toString(36);
    await signUpAndSignIn(page, 'Rita Runner', `rita.${stamp}@example.com`);

    // 1. Open "Run code" from the primary navigation and pick Python.
    await page.getByRole('navigation', { name: 'Primary' }).getByRole('link', { name: 'Run code' }).click();
    await page.waitForURL(`${app.server.url}/run`);
    await page.getByRole('heading', { level: 1, name: 'Code runner' }).waitFor();
    const language = page.getByRole('combobox', { name: 'Language' });
    await language.waitFor();
    await language.selectOption('python');
    const editor = page.getByRole('textbox', { name: /Source code/ });

    // 2. Run with stdin: the output streams in and the verdict is Accepted.
    await editor.fill('print(input()[::-1])');
    await page.getByRole('textbox', { name: 'Standard input' }).fill('abc');
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    const output = page.getByRole('region', { name: 'Program output' });
    const runPanel = page.getByRole('tabpanel', { name: 'Run' });
    await runPanel.getByText('Accepted', { exact: true }).waitFor({ timeout: 30_000 });
    expect((await output.textContent())?.trim()).toBe('cba');
    await runPanel.getByText('exit code 0').waitFor();
    // The run's announcement for screen readers (the sign-in toast may still be announcing too).
    const announcement = page.locator('[aria-live="polite"]').filter({ hasText: /^Accepted, exit code 0/ });
    await announcement.waitFor();
    expect(await announcement.count()).toBe(1);

    // 3. Tests: one passes, one fails with a visible diff.
    await page.getByRole('tab', { name: 'Tests' }).click();
    const tests = page.getByRole('tabpanel', { name: 'Tests' });
    await tests.getByLabel('Input of test 1').fill('abc');
    await tests.getByLabel('Expected output of test 1').fill('cba');
    await tests.getByRole('button', { name: 'Add test' }).click();
    await tests.getByLabel('Input of test 2').fill('xyz');
    await tests.getByLabel('Expected output of test 2').fill('xyz');
    await page.getByRole('button', { name: 'Run tests' }).click();
    await tests.getByText('1 / 2 passed').waitFor({ timeout: 30_000 });
    await tests.getByText('Wrong Answer').waitFor();
    await tests.getByText('Test 2: expected vs actual output').waitFor();
    const diff = tests.locator('pre.diff-view');
    await expect(diff.textContent()).resolves.toContain('zyx');
    expect(await axeViolations(page)).toEqual([]);
    await screenshotFromTop(page, SCREENSHOT);

    // 4. C with a syntax error: Compilation Error with the compiler's message.
    await page.getByRole('tab', { name: 'Run' }).click();
    await language.selectOption('c');
    await editor.fill('#include <stdio.h>\nint main(void) {\n  printf("hi")\n}\n');
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    const compiler = page.getByRole('group', { name: 'Compiler output' });
    await compiler.waitFor({ timeout: 30_000 });
    await runPanel.getByText('Compilation Error', { exact: true }).waitFor();
    await expect(compiler.textContent()).resolves.toMatch(/error/);
    await screenshotFromTop(page, '/tmp/code-runner-compile.png');

    // 5. Dark theme and a phone: still no accessibility violations (UX.md: 1280×800 and 390×844, both themes).
    // Reduced motion too, so axe reads settled colours rather than a theme transition's midpoint.
    await page.emulateMedia({ colorScheme: 'dark', reducedMotion: 'reduce' });
    expect(await axeViolations(page)).toEqual([]);
    await screenshotFromTop(page, '/tmp/code-runner-dark.png');
    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByRole('tab', { name: 'Tests' }).click();
    await screenshotFromTop(page, '/tmp/code-runner-phone.png');

    expect(errors).toEqual([]);
    await context.close();
  }, 180_000);
});
