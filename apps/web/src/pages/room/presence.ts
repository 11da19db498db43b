import { RoomAwarenessSchema, type RoomParticipant, type RoomRole } from '@interviewselect/contracts';
import type { z } from 'zod';
import { colorIndexFor, colorIndexOf } from './participant-colors';

/**
 * What each client puts in the room's awareness: the label the server gave
 * it (never the account's own name: anonymous mode depends on it), a colour
 * and its participant id, so presence can be matched to the participant list.
 * The server rewrites name, participant id and role to what it knows.
 */
export const AwarenessUserSchema = RoomAwarenessSchema.shape.user.unwrap();
export type AwarenessUser = z.infer<typeof AwarenessUserSchema>;

export interface Presence {
  clientId: number;
  user: AwarenessUser;
}

/** The awareness states that carry a valid user, in client-id order. */
export function readPresence(states: ReadonlyMap<number, Record<string, unknown>>): Presence[] {
  const result: Presence[] = [];
  for (const [clientId, state] of states) {
    const user = AwarenessUserSchema.safeParse(state.user);
    if (user.success) result.push({ clientId, user: user.data });
  }
  return result.sort((a, b) => a.clientId - b.clientId);
}

export interface RoomPerson {
  id: string;
  label: string;
  role: RoomRole;
  isOnline: boolean;
  isMe: boolean;
  colorIndex: number;
  /** Awareness client ids of this person's open tabs (follow-the-leader picks the first). */
  clientIds: number[];
}

const ROLE_ORDER: Record<RoomRole, number> = { interviewer: 0, candidate: 1, observer: 2 };

/**
 * The room's participants (from RoomInfo) with who is connected now (from
 * awareness). Someone who joined after the page loaded appears from their
 * awareness alone. Interviewers first, then the candidate, then observers.
 */
export function mergePresence(
  participants: readonly RoomParticipant[],
  presence: readonly Presence[],
  meId: string,
): RoomPerson[] {
  const people = new Map<string, RoomPerson>();
  for (const p of participants) {
    people.set(p.id, {
      id: p.id,
      label: p.label,
      role: p.role,
      isOnline: false,
      isMe: p.id === meId,
      colorIndex: colorIndexFor(p.id, participants),
      clientIds: [],
    });
  }
  for (const { clientId, user } of presence) {
    const known = people.get(user.participantId);
    if (known) {
      known.isOnline = true;
      known.clientIds.push(clientId);
      continue;
    }
    people.set(user.participantId, {
      id: user.participantId,
      label: user.name,
      role: user.role,
      isOnline: true,
      isMe: user.participantId === meId,
      colorIndex: colorIndexOf(user.color, clientId),
      clientIds: [clientId],
    });
  }
  return [...people.values()].sort((a, b) => ROLE_ORDER[a.role] - ROLE_ORDER[b.role] || a.label.localeCompare(b.label));
}
