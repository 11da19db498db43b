import type { MailboxMessage } from '@interviewselect/contracts';
import ICAL from 'ical.js';
import { DateTime } from 'luxon';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectAccessible, openPage, pageApi, signIn, signUpAndVerify, snapshot } from './flows.js';
import { collectPageErrors, screenshotOnFailure, useE2eApp } from './harness.js';

const ZONE = 'Europe/Berlin';

/** A Tuesday at least a week ahead (YYYY-MM-DD): the next day is a working day in the same week row. */
function tuesdayAhead(): string {
  let day = DateTime.now().setZone(ZONE).plus({ days: 7 }).startOf('day');
  while (day.weekday !== 2) day = day.plus({ days: 1 });
  return day.toISODate() ?? '';
}

const berlin = (day: string, time: string) => DateTime.fromISO(`${day}T${time}`, { zone: ZONE }).toUTC().toISO();

/** Presses on the middle of `from` and lets go on the middle of `to`, in steps (FullCalendar needs real moves). */
async function dragTo(page: Page, from: Locator, to: Locator) {
  const a = await from.boundingBox();
  const b = await to.boundingBox();
  if (!a || !b) throw new Error('nothing to drag or nowhere to drop');
  await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
  await page.mouse.down();
  await page.mouse.move(a.x + a.width / 2 + 10, a.y + a.height / 2, { steps: 5 });
  await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 20 });
  await page.mouse.up();
}

/**
 * The calendar in Chromium, under the app's real CSP (FullCalendar injects
 * its styles with the page's nonce): an owner sees her booked interview in
 * the week view with its status in colour and in words, in her profile's time
 * zone; the month view shows it too; she drags it to the next day, gives a
 * reason, and the booking moves — with an update e-mail whose .ics carries a
 * higher SEQUENCE.
 */
describe('calendar in Chromium', () => {
  const app = useE2eApp();

  it('week and month views, status colours, drag to reschedule with a reason', async () => {
    const stamp = Date.now().toString(36);
    const email = `ada.${stamp}@example.com`;
    const context = await app.browser.newContext({ viewport: { width: 1280, height: 800 } });
    app.contexts.push(context);
    const ada = await context.newPage();
    screenshotOnFailure(ada, 'calendar-ada');
    const errors = collectPageErrors(ada);
    await signUpAndVerify(ada, app.server.url, 'Ada Admin', email);
    await signIn(ada, app.server.url, email);
    const org = await pageApi<{ id: string }>(ada, 'POST', '/api/v1/orgs', { name: `Calendar Org ${stamp}` });
    await ada.reload();
    await pageApi(ada, 'PUT', '/api/v1/me/availability', {
      timeZone: ZONE,
      weekly: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: '09:00', end: '17:00' })),
      exceptions: [],
      bufferBeforeMinutes: 0,
      bufferAfterMinutes: 0,
      minimumNoticeMinutes: 0,
      maxPerDay: null,
    });
    const title = `Calendar pairing ${stamp}`;
    const interview = await pageApi<{ id: string }>(ada, 'POST', '/api/v1/interviews', {
      orgId: org.id,
      title,
      candidate: { name: 'Casey Candidate', email: `casey.${stamp}@example.com` },
    });
    const day = tuesdayAhead();
    const nextDay = DateTime.fromISO(day).plus({ days: 1 }).toISODate() ?? '';
    const dayAfter = DateTime.fromISO(day).plus({ days: 2 }).toISODate() ?? '';
    await pageApi(ada, 'POST', `/api/v1/interviews/${interview.id}/booking`, { start: berlin(day, '10:00') });
    // Another of Ada's interviews keeps Thursday 10:00 busy.
    const blocker = await pageApi<{ id: string }>(ada, 'POST', '/api/v1/interviews', {
      orgId: org.id,
      title: `Blocker ${stamp}`,
      candidate: { name: 'Bo Blocker', email: `bo.${stamp}@example.com` },
    });
    await pageApi(ada, 'POST', `/api/v1/interviews/${blocker.id}/booking`, { start: berlin(dayAfter, '10:00') });

    // Week view, from the navigation; then the week of the booking through the URL (shareable).
    await ada.getByRole('link', { name: 'Calendar', exact: true }).first().click();
    await ada.getByRole('heading', { level: 1, name: 'Calendar', exact: true }).waitFor();
    await ada.getByText(`Interviews with a time, in ${ZONE.replace('_', ' ')}.`, { exact: false }).waitFor();
    await ada.goto(`${app.server.url}/calendar?view=week&date=${day}`);
    const entry = ada.getByRole('button', {
      name: new RegExp(`^10:00 Scheduled ${title} Casey Candidate \\(can be moved\\)$`),
    });
    await entry.waitFor({ timeout: 10_000 }).catch(async (error: unknown) => {
      // Say what the calendar does show when the entry is not found.
      throw new Error(`${String(error)}\n${await ada.locator('.fc').ariaSnapshot()}`);
    });
    expect(await entry.textContent()).toContain('Scheduled');
    const colours = await entry.evaluate((el) => {
      const style = getComputedStyle(el);
      return { background: style.backgroundColor, edge: style.borderInlineStartColor };
    });
    const legendSwatch = ada.locator('.calendar-legend__swatch.calendar-entry--scheduled');
    expect(await legendSwatch.evaluate((el) => getComputedStyle(el).backgroundColor)).toBe(colours.background);
    expect(colours.background).not.toBe('rgba(0, 0, 0, 0)');
    // FullCalendar's injected styles applied under the CSP: the time grid is laid out as a table with rows.
    expect(await ada.locator('.fc-timegrid-slot').count()).toBeGreaterThan(20);
    expect(
      await ada.locator('style[data-fullcalendar]').evaluate((el: HTMLStyleElement) => el.sheet?.cssRules.length ?? 0),
    ).toBeGreaterThan(50);
    // The owner may filter by interviewer.
    await ada.getByLabel('Interviewers').selectOption({ label: 'Ada Admin' });
    await entry.waitFor();
    await snapshot(ada, 'calendar', 'week');

    // Enter on the entry opens it; the dialog leads into the interview and offers Reschedule….
    await entry.focus();
    await ada.keyboard.press('Enter');
    const details = ada.getByRole('dialog', { name: title });
    await details.getByRole('link', { name: 'Open interview' }).waitFor();
    // The keyboard way to move it: Reschedule… with a date and time. Thursday 10:00 is taken: 409, alternatives.
    await details.getByRole('button', { name: 'Reschedule…' }).click();
    const typed = ada.getByRole('dialog', { name: `Move “${title}”` });
    await typed.getByLabel(`New start (${ZONE})`).fill(`${dayAfter}T10:00`);
    await typed.getByLabel('Reason').fill('Trying Thursday');
    await typed.getByRole('button', { name: 'Move interview' }).click();
    const refused = typed.getByRole('alert').filter({ hasText: 'Not moved' });
    await refused.getByText('Free times for the whole panel:').waitFor();
    expect(await refused.getByRole('button').count()).toBeGreaterThan(0);
    await typed.getByRole('button', { name: 'Keep the current time' }).click();
    await typed.waitFor({ state: 'detached' });
    const unchanged = await pageApi<{ booking: { start: string } | null }>(
      ada,
      'GET',
      `/api/v1/interviews/${interview.id}/booking`,
    );
    expect(unchanged.booking?.start).toBe(
      DateTime.fromISO(berlin(day, '10:00') ?? '')
        .toUTC()
        .toISO(),
    );

    // Month view; drag the entry to the next day (same time of day) and give a reason.
    await ada.getByRole('button', { name: 'Month' }).click();
    await ada.locator('.fc-daygrid').waitFor();
    const monthEntry = ada.getByRole('button', { name: new RegExp(`^10:00 Scheduled ${title}`) });
    await monthEntry.waitFor();
    await snapshot(ada, 'calendar', 'month');
    // Dropped on the busy Thursday: refused with a 409, the entry snaps back to Tuesday.
    await dragTo(ada, monthEntry, ada.locator(`td.fc-daygrid-day[data-date="${dayAfter}"]`));
    const busy = ada.getByRole('dialog', { name: `Move “${title}”` });
    await busy.getByLabel('Reason').fill('Trying Thursday again');
    await busy.getByRole('button', { name: 'Move interview' }).click();
    await busy.getByRole('alert').filter({ hasText: 'Not moved' }).waitFor();
    await snapshot(ada, 'calendar', 'conflict');
    // (The dialog hides the page from the accessibility tree, so the cells are found by CSS here.)
    await ada.locator(`td.fc-daygrid-day[data-date="${day}"] .calendar-entry`, { hasText: title }).waitFor();
    expect(await ada.locator(`td.fc-daygrid-day[data-date="${dayAfter}"] .calendar-entry`).allTextContents()).toEqual([
      expect.stringContaining(`Blocker ${stamp}`),
    ]);
    await busy.getByRole('button', { name: 'Keep the current time' }).click();
    await busy.waitFor({ state: 'detached' });
    await dragTo(ada, monthEntry, ada.locator(`td.fc-daygrid-day[data-date="${nextDay}"]`));
    const move = ada.getByRole('dialog', { name: `Move “${title}”` });
    await move.waitFor();
    expect(await move.getByLabel(`New start (${ZONE})`).inputValue()).toBe(`${nextDay}T10:00`);
    await move.getByLabel('Reason').fill('Ada is at a conference');
    await snapshot(ada, 'calendar', 'move');
    await move.getByRole('button', { name: 'Move interview' }).click();
    await ada.locator('.ui-toast__title', { hasText: 'Interview moved' }).waitFor();
    const state = await pageApi<{ booking: { start: string } | null; history: { reason: string | null }[] }>(
      ada,
      'GET',
      `/api/v1/interviews/${interview.id}/booking`,
    );
    expect(state.booking?.start).toBe(
      DateTime.fromISO(berlin(nextDay, '10:00') ?? '')
        .toUTC()
        .toISO(),
    );
    expect(state.history.at(-1)?.reason).toBe('Ada is at a conference');
    await ada
      .locator(`td.fc-daygrid-day[data-date="${nextDay}"]`)
      .getByRole('button', { name: new RegExp(title) })
      .waitFor();

    // The update e-mail: METHOD:REQUEST with SEQUENCE 1 (the invitation had 0).
    const updates = async () => {
      const page = await pageApi<{ items: MailboxMessage[] }>(ada, 'GET', '/api/v1/dev/mailbox?limit=100');
      return page.items.filter((m) => m.subject.startsWith('Updated:') && m.subject.includes(title) && m.to === email);
    };
    await expect.poll(async () => (await updates()).length, { timeout: 20_000, interval: 250 }).toBe(1);
    const [update] = await updates();
    const calendar = new ICAL.Component(ICAL.parse(update?.calendar?.content ?? '') as unknown[]);
    const event = new ICAL.Event(calendar.getFirstSubcomponent('vevent') ?? undefined);
    expect(event.sequence).toBe(1);
    expect(event.startDate.toJSDate().toISOString()).toBe(new Date(state.booking?.start ?? '').toISOString());
    expect(update?.text).toContain('Reason: Ada is at a conference');
    // The two refusals provoked on purpose (409) are logged by the browser; nothing else.
    const refusal = /status of 409 \(Conflict\)$/;
    expect(errors.filter((e) => !refusal.test(e))).toEqual([]);
    expect(errors.filter((e) => refusal.test(e))).toHaveLength(2);

    // Accessibility (axe needs a context that bypasses the CSP to inject itself).
    const checker = await openPage(app.browser, app.contexts);
    await signIn(checker, app.server.url, email);
    await checker.goto(`${app.server.url}/calendar?view=week&date=${day}`);
    await checker.getByRole('button', { name: new RegExp(title) }).waitFor();
    await expectAccessible(checker, 'calendar week');
    await checker.getByRole('button', { name: 'Month' }).click();
    await checker.locator('.fc-daygrid').waitFor();
    await expectAccessible(checker, 'calendar month');
  }, 180_000);
});
