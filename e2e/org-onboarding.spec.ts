import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openMailLink as openMail, signIn as signInAt, signUpAndVerify as signUpAt } from './flows.js';
import { collectPageErrors, screenshotOnFailure, useE2eApp } from './harness.js';

describe('organisation onboarding in Chromium', () => {
  const app = useE2eApp();

  const openMailLink = (page: Page, to: string, subject: string, pathPart: string) =>
    openMail(page, app.server.url, to, subject, pathPart);
  const signUpAndVerify = (page: Page, name: string, email: string) => signUpAt(page, app.server.url, name, email);
  const signIn = (page: Page, email: string) => signInAt(page, app.server.url, email);

  async function signOut(page: Page) {
    await page.getByRole('button', { name: /account menu/ }).click();
    await page.getByRole('button', { name: 'Sign out', exact: true }).click();
    await page.getByRole('form', { name: 'Sign in' }).waitFor();
  }

  it('signs up, creates an organisation, invites a colleague who signs up and accepts', async () => {
    const context = await app.browser.newContext({ viewport: { width: 1280, height: 800 } });
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
    await page.waitForURL(`${app.server.url}/orgs`);
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
