import type { OrgRole } from '@interviewselect/contracts';
import type { SendMailInput } from '../mail/mail.service.js';

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** E-mails of the organisation flows. Names come from users, so the HTML escapes them. */
export const orgEmails = {
  invitation(to: string, inviterName: string, orgName: string, role: OrgRole, url: string): SendMailInput {
    const lines = [
      `${inviterName} invited you to join ${orgName} on InterviewSelect as ${role}.`,
      'Open the link to accept. It works once and expires in 7 days. Sign in (or create an account) with this e-mail address first.',
      'If you were not expecting this, ignore this message.',
    ];
    return {
      to,
      subject: `Join ${orgName} on InterviewSelect`,
      text: [...lines, '', `Accept the invitation: ${url}`, '', '— InterviewSelect'].join('\n'),
      html:
        lines.map((l) => `<p>${escape(l)}</p>`).join('') +
        `<p><a href="${escape(url)}">Accept the invitation</a></p><p>— InterviewSelect</p>`,
    };
  },
};
