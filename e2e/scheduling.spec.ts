import type { MailboxMessage } from '@interviewselect/contracts';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { expectAccessible, openMailLink, openPage, pageApi, signIn, signUpAndVerify, snapshot } from './flows.js';
import { collectPageErrors, screenshotOnFailure, useE2eApp } from './harness.js';

interface BookingState {
  status: string;
  booking: { start: string; end: string } | null;
}

/**
 * Scheduling in Chromium: an interviewer sets her availability (and sees the
 * server's validation), a recruiter books a slot of the panel (and, when a
 * slot is taken meanwhile, picks one of the offered alternatives), and a
 * candidate without an account books through a self-scheduling link.
 * Every participant receives the invitation, the update and the
 * cancellation with an .ics that a real parser reads back.
 */
describe('scheduling in Chromium', () => {
  const app = useE2eApp();

  it('availability → recruiter books a panel slot → candidate self-schedules through a link', async () => {
    const stamp = Date.now().toString(36);
    const rita = await openPage(app.browser, app.contexts);
    const ivy = await openPage(app.browser, app.contexts);
    screenshotOnFailure(rita, 'scheduling-rita');
    screenshotOnFailure(ivy, 'scheduling-ivy');
    const ritaErrors = collectPageErrors(rita);
    const ivyErrors = collectPageErrors(ivy);
    const ritaEmail = `rita.${stamp}@example.com`;
    const ivyEmail = `ivy.${stamp}@example.com`;
    const orgName = `Scheduling Org ${stamp}`;

    // 1. Rita's organisation; Ivy joins it as an interviewer.
    await signUpAndVerify(rita, app.server.url, 'Rita Recruiter', ritaEmail);
    await signIn(rita, app.server.url, ritaEmail);
    await signUpAndVerify(ivy, app.server.url, 'Ivy Interviewer', ivyEmail);
    await signIn(ivy, app.server.url, ivyEmail);
    const org = await pageApi<{ id: string }>(rita, 'POST', '/api/v1/orgs', { name: orgName });
    await pageApi(rita, 'POST', `/api/v1/orgs/${org.id}/invitations`, { email: ivyEmail, role: 'interviewer' });
    await openMailLink(ivy, app.server.url, ivyEmail, `Join ${orgName} on InterviewSelect`, '/invitations/accept');
    await ivy.getByRole('button', { name: `Accept and join ${orgName}` }).click();
    await ivy.waitForURL(`${app.server.url}/orgs`);
    const members = await pageApi<{ userId: string; email: string }[]>(rita, 'GET', `/api/v1/orgs/${org.id}/members`);
    const ivyId = members.find((m) => m.email === ivyEmail)?.userId;

    // 2. Ivy sets her availability from Settings: Berlin time, a buffer; an inverted range is refused first.
    await ivy.getByRole('link', { name: 'Settings' }).first().click();
    await ivy.getByRole('link', { name: 'Availability' }).click();
    const form = ivy.getByRole('form', { name: 'Availability' });
    await form.getByLabel('Time zone').selectOption('Europe/Berlin');
    await form.getByLabel('Buffer after (minutes)').fill('15');
    await form.getByRole('button', { name: 'Add hours on Saturday' }).click();
    await form.getByLabel('Saturday range 1 end').fill('08:00');
    await form.getByRole('button', { name: 'Save availability' }).click();
    await ivy.getByText('Weekly range 6: The range must end after it starts.').waitFor();
    await form.getByLabel('Saturday range 1 end').fill('12:00');
    await form.getByRole('button', { name: 'Save availability' }).click();
    await ivy.locator('.ui-toast__title', { hasText: 'Availability saved' }).waitFor();
    const saved = await pageApi<{ timeZone: string; bufferAfterMinutes: number; weekly: unknown[] }>(
      ivy,
      'GET',
      '/api/v1/me/availability',
    );
    expect(saved).toMatchObject({ timeZone: 'Europe/Berlin', bufferAfterMinutes: 15 });
    expect(saved.weekly).toContainEqual({ weekday: 6, start: '09:00', end: '12:00' });
    await expectAccessible(ivy, 'availability');
    await snapshot(ivy, 'scheduling', 'availability');

    // 3. Rita books a slot of the panel (Rita + Ivy) from the interview page.
    const newInterview = (title: string) =>
      pageApi<{ id: string }>(rita, 'POST', '/api/v1/interviews', {
        orgId: org.id,
        title: `${title} ${stamp}`,
        candidate: { name: 'Casey Candidate', email: `casey.${stamp}@example.com` },
        coInterviewerIds: [ivyId],
      });
    const first = await newInterview('Panel interview');
    await rita.goto(`${app.server.url}/interviews/${first.id}`);
    await rita.getByRole('link', { name: 'Schedule', exact: true }).click();
    await rita.getByRole('heading', { level: 1, name: 'Schedule' }).waitFor();
    const slotButtons = rita.getByRole('list').getByRole('button', { pressed: false });
    await slotButtons.first().waitFor();
    await expectAccessible(rita, 'schedule page');
    await snapshot(rita, 'scheduling', 'schedule');
    await slotButtons.first().click();
    await rita.getByRole('button', { name: 'Book this time' }).click();
    await rita.getByText(/^Booked for .*\)\.$/).waitFor();
    const booked = await pageApi<BookingState>(rita, 'GET', `/api/v1/interviews/${first.id}/booking`);
    expect(booked.status).toBe('scheduled');
    expect(booked.booking).not.toBeNull();

    // 4. A slot taken meanwhile: 409 with alternatives; picking one books it.
    const second = await newInterview('Second panel');
    await rita.goto(`${app.server.url}/interviews/${second.id}/schedule`);
    await slotButtons.first().waitFor();
    await slotButtons.first().click();
    const picked = await rita.getByRole('button', { pressed: true }).getAttribute('aria-label');
    const list = await pageApi<{ slots: { start: string }[] }>(
      rita,
      'GET',
      `/api/v1/interviews/${second.id}/slots?from=${new Date().toISOString()}&to=${new Date(Date.now() + 7 * 86_400_000).toISOString()}`,
    );
    const takenStart = list.slots[0]?.start;
    const rival = await newInterview('Rival');
    await pageApi(rita, 'POST', `/api/v1/interviews/${rival.id}/booking`, { start: takenStart });
    await rita.getByRole('button', { name: 'Book this time' }).click();
    const alert = rita.getByRole('alert').filter({ hasText: 'That time could not be booked' });
    await alert.getByText('These times are free:').waitFor();
    await snapshot(rita, 'scheduling', 'conflict');
    await alert.getByRole('button').first().click();
    await rita.getByRole('button', { name: 'Book this time' }).click();
    await rita.getByText(/^Booked for .*\)\.$/).waitFor();
    expect(picked).toBeTruthy();
    const secondState = await pageApi<BookingState>(rita, 'GET', `/api/v1/interviews/${second.id}/booking`);
    expect(secondState.status).toBe('scheduled');
    expect(secondState.booking?.start).not.toBe(takenStart);

    // 5. The candidate self-schedules through a link Rita creates on the schedule page.
    const third = await newInterview('Self-scheduled');
    await rita.goto(`${app.server.url}/interviews/${third.id}/schedule`);
    await rita.getByRole('button', { name: 'Create scheduling link' }).click();
    const url = await rita.getByTestId('scheduling-link-url').textContent();
    const token = url?.split('#')[1];
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const casey = await openPage(app.browser, app.contexts);
    screenshotOnFailure(casey, 'scheduling-casey');
    const caseyErrors = collectPageErrors(casey);
    await casey.goto(`${app.server.url}/schedule#${token}`);
    await casey.getByRole('heading', { level: 1, name: `Self-scheduled ${stamp}` }).waitFor();
    expect(casey.url()).not.toContain(token); // taken out of the address bar
    await casey.getByLabel('Your time zone').selectOption('Asia/Tokyo');
    const caseySlots = casey.getByRole('list').getByRole('button', { pressed: false });
    await caseySlots.first().waitFor();
    expect(await caseySlots.first().getAttribute('aria-label')).toContain('(Asia/Tokyo)');
    await expectAccessible(casey, 'self-scheduling');
    await snapshot(casey, 'scheduling', 'self-schedule');
    await caseySlots.first().click();
    await casey.getByRole('button', { name: 'Book this time' }).click();
    await casey.getByText('Your interview is booked').waitFor();
    await snapshot(casey, 'scheduling', 'self-booked');
    const thirdState = await pageApi<BookingState>(rita, 'GET', `/api/v1/interviews/${third.id}/booking`);
    expect(thirdState.status).toBe('scheduled');

    // 6. Calendars: everyone of the first interview got an invitation with an .ics; moving it sends an update
    //    with a higher SEQUENCE, cancelling it a METHOD:CANCEL (the e-mails go through the queue: poll the mailbox).
    const caseyEmail = `casey.${stamp}@example.com`;
    const invitesOf = async (subjectStart: string) => {
      const page = await pageApi<{ items: MailboxMessage[] }>(rita, 'GET', '/api/v1/dev/mailbox?limit=100');
      return page.items.filter(
        (m) => m.subject.startsWith(subjectStart) && m.subject.includes(`Panel interview ${stamp}`),
      );
    };
    const expectRound = async (subjectStart: string, method: string, sequence: number) => {
      await expect
        .poll(async () => (await invitesOf(subjectStart)).map((m) => m.to).sort(), { timeout: 20_000, interval: 250 })
        .toEqual([caseyEmail, ivyEmail, ritaEmail].sort());
      for (const mail of await invitesOf(subjectStart)) {
        const calendar = new ICAL.Component(ICAL.parse(mail.calendar?.content ?? '') as unknown[]);
        const event = new ICAL.Event(calendar.getFirstSubcomponent('vevent') ?? undefined);
        expect(calendar.getFirstPropertyValue('method')).toBe(method);
        expect(event.sequence).toBe(sequence);
        expect(mail.calendar?.method).toBe(method);
      }
      return invitesOf(subjectStart);
    };
    const [invitation] = await expectRound('Invitation:', 'REQUEST', 0);
    const invitedStart = new ICAL.Event(
      new ICAL.Component(ICAL.parse(invitation?.calendar?.content ?? '') as unknown[]).getFirstSubcomponent('vevent') ??
        undefined,
    ).startDate.toJSDate();
    expect(invitedStart.toISOString()).toBe(booked.booking?.start);
    // The mailbox shows the invitation with its .ics.
    await rita.goto(`${app.server.url}/dev/mailbox`);
    await rita
      .getByRole('link', {
        name: new RegExp(`Invitation: Panel interview ${stamp}.*To ${ivyEmail.replace('.', '\\.')}`),
      })
      .first()
      .click();
    await rita.getByRole('link', { name: /Download invite\.ics/ }).waitFor();

    const free = await pageApi<{ slots: { start: string }[] }>(
      rita,
      'GET',
      `/api/v1/interviews/${first.id}/slots?from=${new Date().toISOString()}&to=${new Date(Date.now() + 14 * 86_400_000).toISOString()}`,
    );
    const moveTo = free.slots.find((slot) => slot.start !== booked.booking?.start)?.start;
    await pageApi(rita, 'POST', `/api/v1/interviews/${first.id}/booking`, {
      start: moveTo,
      reason: 'Ivy is travelling',
    });
    const [update] = await expectRound('Updated:', 'REQUEST', 1);
    expect(update?.text).toContain('Reason: Ivy is travelling');
    await pageApi(rita, 'POST', `/api/v1/interviews/${first.id}/booking/cancel`, { reason: 'Position filled' });
    await expectRound('Cancelled:', 'CANCEL', 2);

    // The browser logs the two refusals this test provokes on purpose (400 invalid hours, 409 taken slot); nothing else.
    const expected = /status of (400 \(Bad Request\)|409 \(Conflict\))$/;
    expect(ivyErrors.filter((e) => !expected.test(e))).toEqual([]);
    expect(ivyErrors.filter((e) => expected.test(e))).toHaveLength(1);
    expect(ritaErrors.filter((e) => !expected.test(e))).toEqual([]);
    expect(ritaErrors.filter((e) => expected.test(e))).toHaveLength(1);
    expect(caseyErrors).toEqual([]);
  }, 240_000);
});
