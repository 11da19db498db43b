/**
 * Browser flows several e2e specs share: accessibility checks with axe-core,
 * screenshots to look at, fresh pages, following a link from the dev
 * mailbox, signing up and signing in.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { expect } from 'vitest';
import { RESULTS_DIR } from './harness.js';

export const E2E_PASSWORD = 'correct horse battery staple';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  nodes: unknown[];
}

/** Serious and critical WCAG 2.1 AA violations on the current page (the context needs bypassCSP). */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  await page.addScriptTag({ content: axeSource });
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: AxeViolation[] }> } }
    ).axe;
    const result = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.slice(0, 3) }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/**
 * Opens the newest e-mail to `to` with `subject` in the dev mailbox and
 * follows its link that contains `pathPart`. The server writes links with
 * PUBLIC_URL (localhost); the test browses 127.0.0.1, so only the path is kept.
 */
export async function openMailLink(page: Page, baseUrl: string, to: string, subject: string, pathPart: string) {
  await page.goto(`${baseUrl}/dev/mailbox`);
  const item = page.getByRole('link', { name: new RegExp(`${subject}.*To ${to.replace('.', '\\.')}`) }).first();
  await item.waitFor();
  await item.click();
  await page.getByRole('heading', { level: 2, name: subject }).waitFor();
  const link = page.locator('.mailbox__body a', { hasText: pathPart }).first();
  const href = await link.getAttribute('href');
  if (!href) throw new Error(`no ${pathPart} link in the e-mail to ${to}`);
  const url = new URL(href);
  await page.goto(`${baseUrl}${url.pathname}${url.search}`);
}

/** Signs up through the form and confirms the address through the dev mailbox. */
export async function signUpAndVerify(page: Page, baseUrl: string, name: string, email: string) {
  await page.goto(`${baseUrl}/sign-up`);
  const form = page.getByRole('form', { name: 'Create account' });
  await form.getByLabel('Name').fill(name);
  await form.getByLabel('E-mail').fill(email);
  await form.getByLabel('Password').fill(E2E_PASSWORD);
  await form.getByRole('button', { name: /Create account/ }).click();
  await page.getByRole('heading', { level: 1, name: 'Check your inbox' }).waitFor();

  await openMailLink(page, baseUrl, email, 'Confirm your e-mail address', '/verify-email');
  await page.getByText('Confirmed', { exact: true }).waitFor();
}

/** Signs in through the form (from the sign-in page, or going there first). */
export async function signIn(page: Page, baseUrl: string, email: string) {
  if (!page.url().includes('/sign-in')) await page.goto(`${baseUrl}/sign-in`);
  const form = page.getByRole('form', { name: 'Sign in' });
  await form.getByLabel('E-mail').fill(email);
  await form.getByLabel('Password').fill(E2E_PASSWORD);
  await form.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('button', { name: /account menu/ }).waitFor();
}

export const DESKTOP = { width: 1280, height: 800 };
export const PHONE = { width: 390, height: 844 };

/** Fails the test with the violations listed when axe finds serious or critical ones. */
export async function expectAccessible(page: Page, what: string): Promise<void> {
  const violations = await axeViolations(page);
  expect(violations, `${what}: ${JSON.stringify(violations, null, 1)}`).toEqual([]);
}

/**
 * Screenshots for a person to look at (test-results/ is not committed):
 * `<area>-<name>-desktop|phone|dark.png`. The theme follows the system's by
 * default, so the dark look is taken too.
 */
export async function snapshot(page: Page, area: string, name: string): Promise<void> {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const file = (label: string) => path.join(RESULTS_DIR, `${area}-${name}-${label}.png`);
  for (const [label, size] of [
    ['desktop', DESKTOP],
    ['phone', PHONE],
  ] as const) {
    await page.setViewportSize(size);
    await page.screenshot({ path: file(label), fullPage: true });
  }
  await page.setViewportSize(DESKTOP);
  await page.emulateMedia({ colorScheme: 'dark', reducedMotion: 'reduce' });
  await page.screenshot({ path: file('dark'), fullPage: true });
  await page.emulateMedia({ colorScheme: 'light', reducedMotion: 'no-preference' });
}

/** A page in a fresh context (kept in `contexts` for closing); bypassCSP only so that axe-core can be injected. */
export async function openPage(browser: Browser, contexts: BrowserContext[], viewport = DESKTOP): Promise<Page> {
  const context = await browser.newContext({ viewport, bypassCSP: true });
  contexts.push(context);
  return context.newPage();
}

/** Same-origin JSON call from inside the page (its session cookie), with the double-submit CSRF token. */
export async function pageApi<T>(page: Page, method: string, apiPath: string, body?: unknown): Promise<T> {
  return page.evaluate(
    async ({ method, apiPath, body }) => {
      const session = (await (await fetch('/api/v1/auth/session')).json()) as { csrfToken: string };
      const res = await fetch(apiPath, {
        method,
        headers: { 'content-type': 'application/json', 'x-csrf-token': session.csrfToken },
        body: body === undefined ? null : JSON.stringify(body),
      });
      const text = await res.text();
      if (!res.ok) throw new Error(`${method} ${apiPath} → ${res.status} ${text}`);
      return (text ? JSON.parse(text) : undefined) as T;
    },
    { method, apiPath, body },
  );
}
