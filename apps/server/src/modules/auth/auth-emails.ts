import type { SendMailInput } from '../mail/mail.service.js';

/** Plain-text + minimal HTML e-mails of the account flows. Links carry single-use tokens. */
function mail(to: string, subject: string, lines: string[], link?: { url: string; label: string }): SendMailInput {
  const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  const text = [...lines, ...(link ? ['', `${link.label}: ${link.url}`] : []), '', '— InterviewSelect'].join('\n');
  const html =
    lines.map((l) => `<p>${escape(l)}</p>`).join('') +
    (link ? `<p><a href="${escape(link.url)}">${escape(link.label)}</a></p>` : '') +
    '<p>— InterviewSelect</p>';
  return { to, subject, text, html };
}

export const authEmails = {
  verify: (to: string, name: string, url: string) =>
    mail(
      to,
      'Confirm your e-mail address',
      [
        `Hi ${name},`,
        'Confirm your e-mail address to finish creating your InterviewSelect account. The link works once and expires in 24 hours.',
      ],
      { url, label: 'Confirm e-mail address' },
    ),
  alreadyRegistered: (to: string, url: string) =>
    mail(
      to,
      'You already have an account',
      [
        'Someone (probably you) tried to create an InterviewSelect account with this address, which already has one.',
        'If you forgot your password, reset it here. If it was not you, ignore this message.',
      ],
      { url, label: 'Reset your password' },
    ),
  reset: (to: string, url: string) =>
    mail(
      to,
      'Reset your password',
      [
        'We received a request to reset the password of your InterviewSelect account. The link works once and expires in 1 hour.',
        'If you did not ask for this, ignore this message: your password stays the same.',
      ],
      { url, label: 'Choose a new password' },
    ),
  passwordChanged: (to: string) =>
    mail(to, 'Your password was changed', [
      'The password of your InterviewSelect account was just changed and your other sessions were signed out.',
      'If this was not you, reset your password at once and contact your administrator.',
    ]),
  confirmNewEmail: (to: string, url: string) =>
    mail(
      to,
      'Confirm your new e-mail address',
      [
        'Confirm this address to make it the sign-in e-mail of your InterviewSelect account. The link works once and expires in 24 hours.',
      ],
      { url, label: 'Confirm new address' },
    ),
  emailChangeRequested: (to: string, newEmail: string) =>
    mail(to, 'Your sign-in e-mail is changing', [
      `A change of your sign-in e-mail to ${newEmail} was requested. It takes effect when the new address is confirmed.`,
      'If this was not you, change your password now.',
    ]),
};
