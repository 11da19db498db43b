import type { SendMailInput } from '../mail/mail.service.js';

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** E-mails of the interview flows. Names and titles come from people, so the HTML escapes them. */
export const interviewEmails = {
  candidateLink(input: {
    to: string;
    candidateName: string;
    title: string;
    orgName: string;
    plannedStart: Date | null;
    durationMinutes: number;
    expiresAt: Date;
    url: string;
  }): SendMailInput {
    const when = input.plannedStart
      ? `It is planned for ${input.plannedStart.toUTCString().replace('GMT', 'UTC')} and lasts about ${input.durationMinutes} minutes.`
      : `It lasts about ${input.durationMinutes} minutes; the time will be confirmed separately.`;
    const lines = [
      `Hello ${input.candidateName},`,
      `${input.orgName} invited you to a live coding interview on InterviewSelect: “${input.title}”.`,
      when,
      `Open the link below to reach the lobby; you can join from any modern browser, no account needed. The link works until ${input.expiresAt.toUTCString().replace('GMT', 'UTC')}.`,
      'If you were not expecting this, ignore this message.',
    ];
    return {
      to: input.to,
      subject: `Your interview with ${input.orgName}: ${input.title}`,
      text: [...lines, '', `Join the interview: ${input.url}`, '', '— InterviewSelect'].join('\n'),
      html:
        lines.map((l) => `<p>${escape(l)}</p>`).join('') +
        `<p><a href="${escape(input.url)}">Join the interview</a></p><p>— InterviewSelect</p>`,
    };
  },
};
