import type { Connection } from '@hocuspocus/server';
import type { MediaClientMessage, MediaServerMessage } from '@interviewselect/contracts';
import type { RoomMember } from '../interviews/room-access.js';
import { sendServerMessage, type MemberContext } from '../rooms/room-context.js';
import type { MediaRelay } from './media-relay.js';

/** Signalling messages one connection may send per window (ICE trickles a few dozen per negotiation). */
const SIGNAL_BURST = 300;
const SIGNAL_WINDOW_MS = 10_000;
const signalTimes = new WeakMap<Connection, number[]>();

function allowSignal(connection: Connection, now: number): boolean {
  const recent = (signalTimes.get(connection) ?? []).filter((t) => now - t < SIGNAL_WINDOW_MS);
  if (recent.length >= SIGNAL_BURST) return false;
  recent.push(now);
  signalTimes.set(connection, recent);
  return true;
}

/** Whether the room has a call now: not once the interview ended or was cancelled (the room is read-only then). */
export function callIsOpen(member: Pick<RoomMember, 'status'>): boolean {
  return member.status !== 'ended' && member.status !== 'cancelled';
}

/** Observers receive audio and video but send none. */
export function memberPublishes(member: Pick<RoomMember, 'role'>): boolean {
  return member.role !== 'observer';
}

/** An SDP that would send media (an m-line with sendrecv or sendonly, explicit or by default). */
export function sdpSendsMedia(sdp: string): boolean {
  const sections = sdp.split(/\r?\nm=/).slice(1);
  return sections.some((section) => {
    if (section.startsWith('application')) return false;
    if (/\r?\na=(sendonly|sendrecv)\b/.test(section)) return true;
    // RFC 4566: no direction attribute means sendrecv.
    return !/\r?\na=(recvonly|inactive)\b/.test(section);
  });
}

/** Why this member may not send this message, or null. */
function refusal(member: RoomMember, message: MediaClientMessage): string | null {
  if (!callIsOpen(member)) return 'The call is over: this interview has ended.';
  if (memberPublishes(member)) return null;
  if (message.type === 'media.offer') return 'Observers receive the call only and cannot send offers.';
  if (message.type === 'media.answer' && sdpSendsMedia(message.sdp)) {
    return 'Observers receive the call only: an answer may not send audio or video.';
  }
  return null;
}

/**
 * A call signalling message from a room connection: checked against the
 * member (the call closes with the interview; observers never publish), then
 * relayed with `from`, `label` and `role` taken from the connection — to the
 * named peer only, or to everyone in the room for a hello/bye without `to`.
 */
export async function handleMediaMessage(args: {
  connection: Connection;
  ctx: MemberContext;
  message: MediaClientMessage;
  relay: MediaRelay;
  now: number;
}): Promise<void> {
  const { connection, message } = args;
  const { member } = args.ctx;
  const refused = refusal(member, message);
  if (refused) return sendServerMessage(connection, { type: 'error', message: refused });
  if (!allowSignal(connection, args.now)) {
    return sendServerMessage(connection, { type: 'error', message: 'Too many call messages; wait a few seconds.' });
  }
  const sender = { from: member.participantId, label: member.label, role: member.role };
  let out: MediaServerMessage;
  switch (message.type) {
    case 'media.hello':
      out = { type: 'media.hello', ...sender, publishes: memberPublishes(member), reply: message.to !== undefined };
      break;
    case 'media.offer':
    case 'media.answer':
      out = { type: message.type, ...sender, sdp: message.sdp };
      break;
    case 'media.candidate':
      out = { type: 'media.candidate', ...sender, candidate: message.candidate };
      break;
    case 'media.bye':
      out = { type: 'media.bye', ...sender };
      break;
  }
  const to = message.to ?? null;
  if (to === member.participantId) return;
  await args.relay.deliver({ interviewId: member.interviewId, to, except: member.participantId, message: out });
}
