import type { IceServersResponse } from '@interviewselect/contracts';
import type { MediaConfig } from '../../config.js';
import { AppError } from '../../platform/errors.js';
import type { Principal } from '../auth/principal.js';
import type { RoomAccess } from '../interviews/room-access.js';
import { can } from '../policy/policy.js';
import { callIsOpen, memberPublishes } from './media-signalling.js';
import { iceServersFor } from './turn-credentials.js';

export type MediaService = ReturnType<typeof createMediaService>;

/** Calls in rooms: the ICE servers (and TURN credentials) a member's browser connects with. */
export function createMediaService(deps: { config: MediaConfig; roomAccess: RoomAccess; now: () => Date }) {
  async function iceServers(principal: Principal, interviewId: string): Promise<IceServersResponse> {
    if (principal.kind === 'anonymous') {
      throw new AppError('auth.unauthenticated', 'Open the invite link you were sent, or sign in, to join the call.');
    }
    const member = await deps.roomAccess.resolveMember(principal, interviewId);
    if (!member || !can(principal, 'room.join', { roomRole: member.role, interviewId })) {
      throw new AppError(
        'auth.forbidden',
        'You have no place in this interview. Open the invite link you were sent to join its call.',
      );
    }
    if (!callIsOpen(member)) {
      throw new AppError('media.call_closed', 'This interview has ended, so its room has no call any more.');
    }
    const { iceServers: servers, expiresAt } = iceServersFor(deps.config, member.participantId, deps.now());
    return { iceServers: servers, expiresAt: expiresAt?.toISOString() ?? null, publishes: memberPublishes(member) };
  }
  return { iceServers };
}
