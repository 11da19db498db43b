import type { OrgRole } from '@interviewselect/contracts';
import { ROLE_LABELS } from '../../lib/orgs-api';
import { Badge, type BadgeTone } from '../../ui/badge';

const TONES: Record<OrgRole, BadgeTone> = {
  owner: 'info',
  admin: 'info',
  interviewer: 'neutral',
  recruiter: 'neutral',
  viewer: 'neutral',
};

export function RoleBadge({ role }: { role: OrgRole }) {
  return <Badge tone={TONES[role]}>{ROLE_LABELS[role]}</Badge>;
}
