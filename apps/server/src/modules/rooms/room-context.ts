import type { Connection } from '@hocuspocus/server';
import type { RoomServerMessage } from '@interviewselect/contracts';
import type { Principal } from '../auth/principal.js';
import { memberCanWrite, type RoomMember } from '../interviews/room-access.js';
import { can } from '../policy/policy.js';

/** What each document connection carries: the socket's principal, then (once authorised) the member. */
export interface RoomContext {
  principal: Principal;
  member?: RoomMember;
  kind?: 'room' | 'private';
  /** Server-made changes (a direct connection): who the log attributes them to. */
  actor?: string | null;
  /** Member lookups shared by the documents of one socket (shallow-copied into each document's context). */
  members?: Map<string, { at: number; generation: number; member: Promise<RoomMember | null> }>;
}

/** The context of an authorised connection. */
export type MemberContext = Required<RoomContext>;

/** Origin context of changes the server makes itself (chat, console): who they are attributed to. */
export interface ServerChangeContext {
  actor: string | null;
}

/** Whether a member may write now, by the policy and the lifecycle. */
export function memberWrites(principal: Principal, member: RoomMember): boolean {
  const resource = { roomRole: member.role, interviewId: member.interviewId };
  return can(principal, 'room.write', resource) && memberCanWrite(member);
}

export function contextOf(connection: Connection): MemberContext | null {
  const ctx = connection.context as RoomContext;
  return ctx.member && ctx.kind ? (ctx as MemberContext) : null;
}

/** Sends a server message (status, error) to one connection. */
export function sendServerMessage(connection: Connection, message: RoomServerMessage): void {
  connection.sendStateless(JSON.stringify(message));
}
