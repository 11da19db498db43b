import { describe, expect, it } from 'vitest';
import {
  signIn as signInAt,
  signUpAndVerify as signUpAt,
  expectAccessible,
  openPage,
  snapshot,
  PHONE,
} from './flows.js';
import { collectPageErrors, screenshotOnFailure, useE2eApp } from './harness.js';

/**
 * Interview management and the lobby, end to end: an org member creates an
 * interview, makes a candidate link and schedules it; the candidate (another
 * app.browser, no account) opens the link, consents and waits; the interviewer
 * starts; the candidate is let into the room. A revoked link explains itself.
 */
describe('interviews and the lobby in Chromium', () => {
  const app = useE2eApp();

  it('creates, links, schedules and starts an interview; the candidate waits in the lobby and is let in', async () => {
    const page = await openPage(app.browser, app.contexts);
    screenshotOnFailure(page, 'interviews-interviewer');
    const errors = collectPageErrors(page);
    const stamp = Date.now().toString(36);
    const owner = { name: 'Iris Interviewer', email: `iris.${stamp}@example.com` };
    const title = `Backend pairing ${stamp}`;

    // 1. Sign up, create an organisation (it becomes the active one).
    await signUpAt(page, app.server.url, owner.name, owner.email);
    await signInAt(page, app.server.url, owner.email);
    await page.goto(`${app.server.url}/orgs`);
    await page.getByRole('button', { name: 'Create organisation' }).first().click();
    const orgDialog = page.getByRole('dialog', { name: 'Create organisation' });
    await orgDialog.getByLabel('Name').fill(`Interviews Test ${stamp}`);
    await orgDialog.getByRole('button', { name: 'Create organisation' }).click();
    await page.waitForURL(/\/orgs\/[0-9a-f-]+\/members$/);

    // 2. The Interviews list starts empty and says what to do first.
    const nav = page.getByRole('navigation', { name: 'Primary' });
    await nav.getByRole('link', { name: 'Interviews', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Interviews' }).waitFor();
    // Right after creating a first organisation the session may have none active: pick it here.
    const empty = page.getByRole('heading', { name: 'No interviews yet' });
    const choose = page.getByRole('heading', { name: 'Choose an organisation' });
    await empty.or(choose).waitFor();
    if (await choose.isVisible()) {
      await expectAccessible(page, 'choose an organisation');
      await page.getByRole('button', { name: `Use Interviews Test ${stamp}` }).click();
    }
    await empty.waitFor();
    await expectAccessible(page, 'empty list');

    // 3. Create an interview.
    await page.getByRole('link', { name: 'New interview' }).first().click();
    const form = page.getByRole('form', { name: 'Create interview' });
    await form.getByRole('button', { name: 'Create interview' }).click();
    await form.getByText('Give the interview a title', { exact: false }).waitFor();
    await form.getByRole('textbox', { name: 'Title', exact: true }).fill(title);
    await form.getByLabel('Candidate name').fill('Charles Candidate');
    await form.getByLabel('Candidate e-mail').fill(`charles.${stamp}@example.com`);
    await form.getByLabel('Planned start').fill('2030-01-15T10:00');
    await form.getByLabel('Duration (minutes)').fill('45');
    await form.getByRole('button', { name: 'Add your own question' }).click();
    await form.getByRole('textbox', { name: 'Question title' }).fill('Two sum');
    await form
      .getByLabel('Prompt')
      .fill('Given an array of integers, return the indices of the two that add up to a target.');
    await form.getByLabel('Interviewer notes').fill('A hash map gives O(n).');
    await form.getByRole('checkbox', { name: /Integrity signals/ }).check();
    await expectAccessible(page, 'new interview form');
    await snapshot(page, 'interviews', 'form');
    await form.getByRole('button', { name: 'Create interview' }).click();
    await page.waitForURL(/\/interviews\/[0-9a-f-]{36}$/);
    const detailUrl = page.url();
    const interviewId = detailUrl.split('/').at(-1) ?? '';
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    await page.getByText('Created as draft').waitFor();

    // 4. A candidate link: its URL is shown once, with a copy button.
    await page.getByRole('button', { name: 'Create candidate link' }).click();
    await page
      .getByRole('form', { name: 'Create candidate link' })
      .getByRole('button', { name: 'Create link' })
      .click();
    const urlBox = page.getByRole('textbox', { name: 'Candidate link URL' });
    await urlBox.waitFor();
    const linkUrl = new URL(await urlBox.inputValue());
    expect(linkUrl.pathname).toBe('/join');
    expect(linkUrl.hash.length).toBeGreaterThan(20);
    await page.getByRole('button', { name: 'Copy link' }).click();
    await page
      .getByText(/Link copied|Couldn't copy automatically/)
      .first()
      .waitFor();

    // 5. Schedule it.
    await page.getByRole('button', { name: 'Schedule' }).click();
    await page.getByText('Interview scheduled').first().waitFor();
    await page.getByText('Scheduled', { exact: true }).first().waitFor();
    await expectAccessible(page, 'interview page');

    // 6. The candidate, in another browser without an account, opens the link on a phone.
    const candidate = await openPage(app.browser, app.contexts, PHONE);
    screenshotOnFailure(candidate, 'interviews-candidate');
    const candidateErrors = collectPageErrors(candidate);
    // PUBLIC_URL names localhost; the test browses 127.0.0.1 (same server).
    await candidate.goto(`${app.server.url}/join${linkUrl.hash}`);
    await candidate.getByRole('heading', { level: 1, name: title }).waitFor();
    expect(new URL(candidate.url()).hash).toBe('');
    const nameField = candidate.getByRole('textbox', { name: /Your name/ });
    await expect(nameField.inputValue()).resolves.toBe('Charles Candidate');
    await candidate.getByText(/large pastes into the editor/).waitFor();
    await expectAccessible(candidate, 'lobby');
    await snapshot(candidate, 'interviews', 'lobby');
    await candidate.getByRole('button', { name: 'Join interview' }).click();
    await candidate.getByText('Tick the box to agree before joining.').waitFor();
    await nameField.fill('Charles C.');
    await candidate.getByRole('checkbox', { name: 'I have read this and agree to it' }).check();
    await candidate.getByRole('button', { name: 'Join interview' }).click();
    await candidate.getByText('Waiting for the interviewer to start…').waitFor();
    await expectAccessible(candidate, 'lobby, waiting');
    await snapshot(candidate, 'interviews', 'lobby-waiting');

    // 7. The interviewer starts; the waiting candidate is let into the room.
    const lobbyErrors = [...candidateErrors];
    await page.getByRole('button', { name: 'Start interview' }).click();
    await page.getByText('Interview started').first().waitFor();
    await candidate.waitForURL(`${app.server.url}/interviews/${interviewId}/room`, { timeout: 15_000 });

    // 8. The list shows it; the screens look right at both sizes.
    await page.getByRole('button', { name: 'Create observer link' }).waitFor();
    await snapshot(page, 'interviews', 'detail');
    await nav.getByRole('link', { name: 'Interviews', exact: true }).click();
    const row = page.getByRole('row', { name: new RegExp(title) });
    await row.waitFor();
    await row.getByText('Live').waitFor();
    await row.getByText('Charles Candidate').waitFor();
    await expectAccessible(page, 'interviews list');
    await snapshot(page, 'interviews', 'list');
    await page.getByRole('search', { name: 'Filter interviews' }).getByLabel('Status').selectOption('ended');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await page.waitForURL(/\?status=ended$/);
    await page.getByText('No interviews match these filters', { exact: false }).waitFor();

    // 9. My interviews, for the interviewer.
    await nav.getByRole('link', { name: 'My interviews' }).click();
    await page.getByRole('heading', { level: 1, name: 'My interviews' }).waitFor();
    await page.getByText(title).first().waitFor();
    await expectAccessible(page, 'my interviews');
    await snapshot(page, 'interviews', 'mine');

    // 10. A revoked link explains itself to whoever opens it next.
    await page.goto(detailUrl);
    await page.getByRole('button', { name: 'Revoke' }).click();
    await page
      .getByRole('dialog', { name: 'Revoke the candidate link?' })
      .getByRole('button', { name: 'Revoke link' })
      .click();
    await page.getByText('Candidate link revoked').first().waitFor();
    const stranger = await openPage(app.browser, app.contexts, PHONE);
    await stranger.goto(`${app.server.url}/join${linkUrl.hash}`);
    await stranger.getByRole('heading', { level: 1, name: 'This link no longer works' }).waitFor();
    await expectAccessible(stranger, 'revoked link');
    await snapshot(stranger, 'interviews', 'lobby-revoked');

    // The room page is not this spec's subject: only the lobby's own console must stay clean.
    expect(errors).toEqual([]);
    expect(lobbyErrors).toEqual([]);
  }, 180_000);
});
