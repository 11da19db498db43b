import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectPageErrors, launchBrowser, screenshotOnFailure, startServer, type RunningServer } from './harness.js';

const PASSWORD = 'correct horse battery staple';

describe('organisation onboarding in Chromium', () => {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  /**
   * Opens the newest e-mail to `to` with `subject` in the dev mailbox and
   * follows its link that contains `pathPart`. The server writes links with
   * PUBLIC_URL (localhost); the test browses 127.0.0.1, so only the path is kept.
   */
  async function openMailLink(page: Page, to: string, subject: string, pathPart: string) {
    await page.goto(`${server.url}/dev/mailbox`);
    const item = page.getByRole('link', { name: new RegExp(`${subject}.*To ${to.replace('.', '\\.')}`) }).first();
    await item.waitFor();
    await item.click();
    await page.getByRole('heading', { level: 2, name: subject }).waitFor();
    const link = page.locator('.mailbox__body a', { hasText: pathPart }).first();
    const href = await link.getAttribute('href');
    if (!href) throw new Error(`no ${pathPart} link in the e-mail to ${to}`);
    const url = new URL(href);
    await page.goto(`${server.url}${url.pathname}${url.search}`);
  }

  async function signUpAndVerify(page: Page, name: string, email: string) {
    await page.goto(`${server.url}/sign-up`);
    const form = page.getByRole('form', { name: 'Create account' });
    await form.getByLabel('Name').fill(name);
    await form.getByLabel('E-mail').fill(email);
    await form.getByLabel('Password').fill(PASSWORD);
    await form.getByRole('button', { name: /Create account/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Check your inbox' }).waitFor();

    await openMailLink(page, email, 'Confirm your e-mail address', '/verify-email');
    await page.getByText('Confirmed', { exact: true }).waitFor();
  }

  async function signIn(page: Page, email: string) {
    if (!page.url().includes('/sign-in')) await page.goto(`${server.url}/sign-in`);
    const form = page.getByRole('form', { name: 'Sign in' });
    await form.getByLabel('E-mail').fill(email);
    await form.getByLabel('Password').fill(PASSWORD);
    await form.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('button', { name: /account menu/ }).waitFor();
  }

  async function signOut(page: Page) {
    await page.getByRole('button', { name: /account menu/ }).click();
    await page.getByRole('button', { name: 'Sign out', exact: true }).click();
    await page.getByRole('form', { name: 'Sign in' }).waitFor();
  }

  it('signs up, creates an organisation, invites a colleague who signs up and accepts', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    screenshotOnFailure(page, 'org-onboarding');
    const errors = collectPageErrors(page);
    const stamp = Date.now().toString(36);
    const owner = { name: 'Olivia Owner', email: `olivia.${stamp}@example.com` };
    const guest = { name: 'Ivan Interviewer', email: `ivan.${stamp}@example.com` };
    const orgName = `Onboarding Test ${stamp}`;

    // 1. The first user signs up, confirms via the dev mailbox and signs in.
    await signUpAndVerify(page, owner.name, owner.email);
    await signIn(page, owner.email);

    // 2. Creates an organisation from /orgs.
    await page.getByRole('navigation', { name: 'Primary' }).getByRole('link', { name: 'Organisations' }).click();
    await page.getByRole('heading', { level: 1, name: 'Organisations' }).waitFor();
    await page.getByRole('button', { name: 'Create organisation' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'Create organisation' });
    await dialog.getByLabel('Name').fill(orgName);
    await dialog.getByRole('button', { name: 'Create organisation' }).click();
    await page.getByRole('heading', { level: 1, name: orgName }).waitFor();
    await page.waitForURL(/\/orgs\/[0-9a-f-]+\/members$/);
    const membersUrl = page.url();

    // 3. Invites the colleague as interviewer.
    await page
      .getByRole('navigation', { name: 'Organisation sections' })
      .getByRole('link', { name: 'Invitations' })
      .click();
    const invite = page.getByRole('form', { name: 'Invite someone' });
    await invite.getByLabel('E-mail').fill(guest.email);
    await invite.getByLabel('Role').selectOption('interviewer');
    await invite.getByRole('button', { name: 'Send invitation' }).click();
    await page.getByRole('rowheader', { name: guest.email }).waitFor();

    await signOut(page);

    // 4. The colleague signs up, confirms, signs in and opens the invitation from the mailbox.
    await signUpAndVerify(page, guest.name, guest.email);
    await signIn(page, guest.email);
    await openMailLink(page, guest.email, `Join ${orgName} on InterviewSelect`, '/invitations/accept');
    await page.getByRole('heading', { level: 1, name: `Join ${orgName}` }).waitFor();
    await page.getByRole('button', { name: `Accept and join ${orgName}` }).click();

    // 5. They land on /orgs with the organisation and the interviewer role.
    await page.waitForURL(`${server.url}/orgs`);
    const row = page.getByRole('row', { name: new RegExp(orgName) });
    await row.waitFor();
    await expect(row.getByText('Interviewer').textContent()).resolves.toBe('Interviewer');

    await signOut(page);

    // 6. The owner sees them in the members table.
    await signIn(page, owner.email);
    await page.goto(membersUrl);
    const memberRow = page.getByRole('row', { name: new RegExp(guest.name) });
    await memberRow.waitFor();
    await expect(memberRow.getByRole('combobox', { name: `Role of ${guest.name}` }).inputValue()).resolves.toBe(
      'interviewer',
    );

    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);
});
