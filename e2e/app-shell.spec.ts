import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { axeViolations } from './flows.js';
import { collectPageErrors, screenshotOnFailure, useE2eApp } from './harness.js';

describe('app shell in Chromium', () => {
  const app = useE2eApp();

  it('renders the home page, signs in as the demo admin and navigates to System status without errors', async () => {
    const context = await app.browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    screenshotOnFailure(page, 'app-shell-navigation');
    const errors = collectPageErrors(page);

    await page.goto(app.server.url);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBeTruthy();
    // The deployment card reads /api/v1/system through the typed client.
    await page.getByText('pglite', { exact: false }).first().waitFor();

    // Sign in through the real form with the demo platform admin written on first start.
    const accounts = JSON.parse(readFileSync(path.join(app.server.dataDir, 'demo-accounts.json'), 'utf8')) as {
      email: string;
      password: string;
      role: string;
    }[];
    const admin = accounts.find((a) => a.role === 'platform-admin');
    if (!admin) throw new Error('no demo platform admin');
    const nav = page.getByRole('navigation', { name: 'Primary' });
    await nav.getByRole('link', { name: 'Sign in' }).click();
    await page.getByLabel('E-mail').fill(admin.email);
    await page.getByLabel('Password').fill(admin.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await nav.getByRole('link', { name: 'System status' }).click();
    await page.waitForURL(`${app.server.url}/system`);
    await page.getByRole('heading', { name: 'System status' }).waitFor();
    await page.getByRole('rowheader', { name: 'migrations' }).waitFor();

    // A deep link reloads into the same page (SPA fallback from the server).
    await page.reload();
    await page.getByRole('heading', { name: 'System status' }).waitFor();

    await page.goto(`${app.server.url}/no/such/page`);
    await page.getByRole('heading', { name: 'Page not found' }).waitFor();

    // No CSP violations, failed loads or React errors along the way.
    expect(errors.filter((e) => !e.includes('404'))).toEqual([]);
    await context.close();
  });

  it('switches theme, and the phone layout has a menu button', async () => {
    const context = await app.browser.newContext({ viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    screenshotOnFailure(page, 'app-shell-phone');
    const errors = collectPageErrors(page);
    await page.goto(app.server.url);
    await page.getByRole('button', { name: 'Open navigation menu' }).click();
    await page.getByRole('dialog').waitFor();
    // The dialog's scroll lock injects a <style>; the per-page CSP nonce must admit it.
    expect(errors.filter((e) => e.includes('Content Security Policy'))).toEqual([]);
    await page.getByRole('dialog').getByRole('link', { name: 'Sign in' }).click();
    await page.waitForURL(`${app.server.url}/sign-in`);
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();

    // Cycle the preference until the page is dark; the choice survives a reload (applied before paint).
    const theme = () => page.evaluate(() => document.documentElement.dataset.theme);
    expect(await theme()).toBe('light');
    for (let i = 0; i < 3 && (await theme()) !== 'dark'; i++) {
      await page.getByRole('button', { name: /^Theme:/ }).click();
    }
    expect(await theme()).toBe('dark');
    await page.reload();
    expect(await theme()).toBe('dark');
    await context.close();
  });

  it('has no serious accessibility violations on the main pages, light and dark', async () => {
    // bypassCSP only so that axe-core itself can be injected; the app's own CSP is checked above.
    const context = await app.browser.newContext({ viewport: { width: 1280, height: 800 }, bypassCSP: true });
    const page = await context.newPage();
    screenshotOnFailure(page, 'app-shell-axe');
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      for (const path of ['/', '/system', '/sign-in']) {
        await page.goto(`${app.server.url}${path}`);
        await page.getByRole('heading', { level: 1 }).first().waitFor();
        expect(await axeViolations(page), `${scheme} ${path}`).toEqual([]);
      }
    }
    await context.close();
  });
});
