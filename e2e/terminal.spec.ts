import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeViolations, signIn, signUpAndVerify } from './flows.js';
import { collectPageErrors, screenshotOnFailure, useE2eApp } from './harness.js';

const SCREENSHOT = '/tmp/terminal.png';

describe('terminal tab in Chromium with the real sandbox', () => {
  const app = useE2eApp();

  /** The terminal's visible rows (xterm's DOM renderer draws one element per row). */
  async function screenText(page: Page): Promise<string> {
    return (await page.locator('.xterm-rows').textContent()) ?? '';
  }

  it('starts a Python REPL, runs a line, interrupts it and stops it — under the real CSP', async () => {
    // No bypassCSP: xterm's injected styles must pass the app's own Content-Security-Policy.
    const context = await app.browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    screenshotOnFailure(page, 'terminal');
    const errors = collectPageErrors(page);
    const stamp = Date.now().toString(36);
    await signUpAndVerify(page, app.server.url, 'Tess Terminal', `tess.${stamp}@example.com`);
    await signIn(page, app.server.url, `tess.${stamp}@example.com`);

    await page.getByRole('navigation', { name: 'Primary' }).getByRole('link', { name: 'Run code' }).click();
    await page.waitForURL(`${app.server.url}/run`);
    await page.getByRole('tab', { name: 'Terminal' }).click();
    const panel = page.getByRole('tabpanel', { name: 'Terminal' });
    await panel.getByRole('combobox', { name: 'Terminal language' }).selectOption('python');
    const status = panel.getByRole('status');
    await expect(status.textContent()).resolves.toBe('Not started');

    await panel.getByRole('button', { name: 'Start' }).click();
    await status.getByText(/^Running Python 3\./).waitFor({ timeout: 30_000 });
    await page.waitForFunction(() => document.querySelector('.xterm-rows')?.textContent?.includes('>>>'));
    await page.keyboard.type('print(6*7)');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => /42/.test(document.querySelector('.xterm-rows')?.textContent ?? ''));
    expect(await screenText(page)).toContain('>>> print(6*7)');

    // Ctrl-C interrupts a busy loop; the REPL stays.
    await page.keyboard.type('while True: pass');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Control+C');
    await page.waitForFunction(() => document.querySelector('.xterm-rows')?.textContent?.includes('KeyboardInterrupt'));
    await page.screenshot({ path: SCREENSHOT, fullPage: true });

    // Esc then Tab leaves the terminal for the next control.
    await page.keyboard.press('Escape');
    await page.keyboard.press('Tab');
    const focusedInTerminal = await page.evaluate(() => document.activeElement?.closest('.xterm') !== null);
    expect(focusedInTerminal).toBe(false);

    await panel.getByRole('button', { name: 'Stop' }).click();
    await status.getByText('Ended: stopped').waitFor();
    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);

  it('has no accessibility violations on the terminal tab', async () => {
    // bypassCSP only so that axe-core can be injected.
    const context = await app.browser.newContext({ viewport: { width: 390, height: 844 }, bypassCSP: true });
    const page = await context.newPage();
    screenshotOnFailure(page, 'terminal-axe');
    const stamp = Date.now().toString(36);
    await signUpAndVerify(page, app.server.url, 'Axel Terminal', `axel.${stamp}@example.com`);
    await signIn(page, app.server.url, `axel.${stamp}@example.com`);
    await page.goto(`${app.server.url}/run?tab=terminal`);
    await page.getByRole('tabpanel', { name: 'Terminal' }).getByRole('button', { name: 'Start' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: '/tmp/terminal-phone.png', fullPage: true });
    await context.close();
  }, 120_000);
});
