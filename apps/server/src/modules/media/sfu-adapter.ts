import type { RoomMember } from '../interviews/room-access.js';

/**
 * The seam for calls larger than a mesh carries (MEDIA_MESH_MAX people):
 * a selective forwarding unit receives each member's media once and sends
 * it on to the others. None ships today — the mesh over the room socket is
 * the only transport — and LiveKit (Apache-2.0, one Go binary, Redis for
 * several nodes) is the documented first implementation: its adapter would
 * mint a LiveKit access token (livekit-server-sdk) naming the room
 * `interview:<id>` and the member's participant id and label, with
 * publishing denied to observers. See docs/adr/0015-webrtc-mesh-signalling.md.
 */
export interface SfuAdapter {
  /** Shown to operators ("livekit"). */
  readonly name: string;
  /** Largest call the adapter takes in one room. */
  readonly maxParticipants: number;
  /** What the browser needs to join the room's call on the SFU; observers get a subscribe-only grant. */
  issueJoin(member: RoomMember, now: Date): Promise<SfuJoin>;
  /** Hangs up everyone (the interview ended or was cancelled). */
  closeRoom(interviewId: string): Promise<void>;
}

export interface SfuJoin {
  /** WebSocket URL of the SFU (wss://sfu.example.com). */
  url: string;
  /** Short-lived, signed by the SFU's API secret. */
  token: string;
  expiresAt: Date;
  canPublish: boolean;
}
