import type { SendMailInput } from '../mail/mail.service.js';

/** `removed`: the interview goes on, without this person (taken off the panel): a CANCEL of their copy. */
export type InvitationKind = 'invitation' | 'update' | 'cancellation' | 'removed';

export interface InvitationText {
  kind: InvitationKind;
  to: string;
  recipientName: string;
  title: string;
  orgName: string;
  start: Date;
  end: Date;
  /** IANA zone the recipient reads times in. */
  timeZone: string;
  joinUrl: string | null;
  /** Why it moved or was cancelled, when someone said. */
  reason: string | null;
  /** The .ics body and its iTIP method. */
  calendar: { method: 'REQUEST' | 'CANCEL'; content: string };
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** "Sunday, 28 March 2027, 09:30–10:30 (Europe/Berlin, GMT+2)" in the recipient's zone. */
export function formatRange(start: Date, end: Date, timeZone: string): string {
  const day = new Intl.DateTimeFormat('en-GB', { timeZone, dateStyle: 'full' }).format(start);
  const time = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hour12: false });
  const offset =
    new Intl.DateTimeFormat('en-GB', { timeZone, timeZoneName: 'shortOffset' })
      .formatToParts(start)
      .find((p) => p.type === 'timeZoneName')?.value ?? '';
  return `${day}, ${time.format(start)}–${time.format(end)} (${timeZone}${offset ? `, ${offset}` : ''})`;
}

function render(lines: string[], link: { url: string; label: string } | null): Pick<SendMailInput, 'text' | 'html'> {
  return {
    text: [...lines, ...(link ? ['', `${link.label}: ${link.url}`] : []), '', '— InterviewSelect'].join('\n'),
    html:
      lines.map((l) => `<p>${escapeHtml(l)}</p>`).join('') +
      (link ? `<p><a href="${escapeHtml(link.url)}">${escapeHtml(link.label)}</a></p>` : '') +
      '<p>— InterviewSelect</p>',
  };
}

/** Invitation, update or cancellation e-mail with its .ics, times in the recipient's zone. */
export function invitationEmail(input: InvitationText): SendMailInput {
  const when = formatRange(input.start, input.end, input.timeZone);
  const subjects: Record<InvitationKind, string> = {
    invitation: `Invitation: ${input.title} — ${when}`,
    update: `Updated: ${input.title} — now ${when}`,
    cancellation: `Cancelled: ${input.title}`,
    removed: `No longer on the panel: ${input.title}`,
  };
  const opening: Record<InvitationKind, string> = {
    invitation: `${input.orgName} invites you to the interview “${input.title}”.`,
    update: `The interview “${input.title}” with ${input.orgName} has changed.`,
    cancellation: `The interview “${input.title}” with ${input.orgName} is cancelled.`,
    removed: `You are no longer on the panel of the interview “${input.title}” with ${input.orgName}.`,
  };
  const ends = input.kind === 'cancellation' || input.kind === 'removed';
  const lines = [
    `Hello ${input.recipientName},`,
    opening[input.kind],
    ends ? `It was planned for ${when}.` : `When: ${when}.`,
    ...(input.reason ? [`Reason: ${input.reason}`] : []),
    ends
      ? 'The attached calendar update removes it from your calendar.'
      : input.joinUrl
        ? 'The attached invitation adds it to your calendar; open the link at the time to join from your browser.'
        : `The attached invitation adds it to your calendar; join with the invite link ${input.orgName} sent you.`,
  ];
  const link = !ends && input.joinUrl ? { url: input.joinUrl, label: 'Join the interview' } : null;
  return { to: input.to, subject: subjects[input.kind], ...render(lines, link), calendar: input.calendar };
}

/** The reminder some time before the start (no .ics: the event is already in the calendar). */
export function reminderEmail(input: {
  to: string;
  recipientName: string;
  title: string;
  orgName: string;
  start: Date;
  end: Date;
  timeZone: string;
  offsetMinutes: number;
  joinUrl: string | null;
}): SendMailInput {
  const when = formatRange(input.start, input.end, input.timeZone);
  const lead =
    input.offsetMinutes % 1440 === 0
      ? `${input.offsetMinutes / 1440} day${input.offsetMinutes === 1440 ? '' : 's'}`
      : input.offsetMinutes % 60 === 0
        ? `${input.offsetMinutes / 60} hour${input.offsetMinutes === 60 ? '' : 's'}`
        : `${input.offsetMinutes} minutes`;
  const lines = [
    `Hello ${input.recipientName},`,
    `A reminder: the interview “${input.title}” with ${input.orgName} starts in ${lead}.`,
    `When: ${when}.`,
  ];
  const link = input.joinUrl ? { url: input.joinUrl, label: 'Join the interview' } : null;
  return { to: input.to, subject: `Reminder: ${input.title} starts in ${lead}`, ...render(lines, link) };
}
