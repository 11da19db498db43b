import { ROOM_ROLES, type InterviewLink, type RoomRole } from '@interviewselect/contracts';

export type LinkStatus = 'active' | 'expired' | 'revoked' | 'used';

/** Why a link does or doesn't open the room any more. */
export function linkStatus(link: InterviewLink, now = Date.now()): LinkStatus {
  if (link.active) return 'active';
  if (link.revokedAt) return 'revoked';
  if (Date.parse(link.expiresAt) <= now) return 'expired';
  return link.singleUse && link.uses > 0 ? 'used' : 'revoked';
}

export const LINK_STATUS_LABELS: Record<LinkStatus, string> = {
  active: 'Active',
  expired: 'Expired',
  revoked: 'Revoked',
  used: 'Used',
};

/**
 * The link to show for each role: the active one, else the newest (to say why
 * it stopped working); null when the role never had one.
 */
export function currentLinks(links: readonly InterviewLink[]): Record<RoomRole, InterviewLink | null> {
  const result = { candidate: null, interviewer: null, observer: null } as Record<RoomRole, InterviewLink | null>;
  for (const role of ROOM_ROLES) {
    const ofRole = links.filter((l) => l.role === role).toSorted((a, b) => b.createdAt.localeCompare(a.createdAt));
    result[role] = ofRole.find((l) => l.active) ?? ofRole[0] ?? null;
  }
  return result;
}

/** Expiry choices offered (hours); the schema allows 1 hour to 90 days. */
export const EXPIRY_CHOICES: readonly { hours: number; label: string }[] = [
  { hours: 1, label: '1 hour' },
  { hours: 24, label: '1 day' },
  { hours: 72, label: '3 days' },
  { hours: 168, label: '7 days' },
  { hours: 720, label: '30 days' },
  { hours: 2160, label: '90 days' },
];

export const ROLE_HINTS: Record<RoomRole, string> = {
  candidate: 'For the person being interviewed. They wait in the lobby until an interviewer starts.',
  interviewer:
    'For someone outside the organisation who interviews with you: they see the notes and can write; starting and ending stay with your organisation’s interviewers.',
  observer: 'For someone who watches without typing, such as a trainee interviewer.',
};
