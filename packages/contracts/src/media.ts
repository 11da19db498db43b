import { z } from 'zod';

/**
 * Audio/video calls in the room: a WebRTC mesh (up to MEDIA_MESH_MAX
 * people) signalled over the room socket's stateless messages on
 * `interview:<id>`. A client names the peer it talks to (`to`, a
 * participant id); the server relays the message to that peer only and sets
 * `from`, `label` and `role` itself from the connection, so nobody can speak
 * for someone else or reach another room.
 *
 *   media.hello      join the call (no `to`: everyone in it) or answer a hello (`to`: that peer)
 *   media.offer      SDP offer (perfect negotiation; observers never offer)
 *   media.answer     SDP answer
 *   media.candidate  one ICE candidate (null: end of candidates)
 *   media.bye        leave the call
 */

/** People a mesh call carries; larger panels need an SFU (docs/adr: webrtc mesh and signalling). */
export const MEDIA_MESH_MAX = 4;

/** Longest SDP accepted (a browser's offer with audio, camera and screen is a few KB). */
export const MEDIA_SDP_MAX_LENGTH = 64_000;

const PeerIdSchema = z.uuid();

/** RTCSessionDescriptionInit's SDP text. */
const SdpSchema = z.string().min(1).max(MEDIA_SDP_MAX_LENGTH);

/** RTCIceCandidateInit as JSON (toJSON() of an RTCIceCandidate). */
export const MediaIceCandidateSchema = z.object({
  candidate: z.string().max(1024),
  sdpMid: z.string().max(64).nullable().optional(),
  sdpMLineIndex: z.number().int().min(0).max(255).nullable().optional(),
  usernameFragment: z.string().max(256).nullable().optional(),
});
export type MediaIceCandidate = z.infer<typeof MediaIceCandidateSchema>;

/** Signalling messages a client sends (variants of RoomClientMessageSchema). */
export const MediaClientMessageSchemas = [
  z.object({ type: z.literal('media.hello'), to: PeerIdSchema.optional() }),
  z.object({ type: z.literal('media.offer'), to: PeerIdSchema, sdp: SdpSchema }),
  z.object({ type: z.literal('media.answer'), to: PeerIdSchema, sdp: SdpSchema }),
  z.object({ type: z.literal('media.candidate'), to: PeerIdSchema, candidate: MediaIceCandidateSchema.nullable() }),
  z.object({ type: z.literal('media.bye'), to: PeerIdSchema.optional() }),
] as const;
export const MediaClientMessageSchema = z.discriminatedUnion('type', MediaClientMessageSchemas);
export type MediaClientMessage = z.infer<typeof MediaClientMessageSchema>;

/** Who sent a relayed message, as the server knows them (label: “Candidate”, “Interviewer 1” in anonymous mode). */
const SenderShape = {
  from: z.string(),
  label: z.string(),
  role: z.enum(['candidate', 'interviewer', 'observer']),
};

/** Signalling messages the server relays (variants of RoomServerMessageSchema). */
export const MediaServerMessageSchemas = [
  z.object({
    type: z.literal('media.hello'),
    ...SenderShape,
    /** Whether the sender publishes audio/video (observers only receive). */
    publishes: z.boolean(),
    /** True when this answers our own hello (do not answer it again). */
    reply: z.boolean(),
  }),
  z.object({ type: z.literal('media.offer'), ...SenderShape, sdp: SdpSchema }),
  z.object({ type: z.literal('media.answer'), ...SenderShape, sdp: SdpSchema }),
  z.object({ type: z.literal('media.candidate'), ...SenderShape, candidate: MediaIceCandidateSchema.nullable() }),
  z.object({ type: z.literal('media.bye'), ...SenderShape }),
] as const;
export const MediaServerMessageSchema = z.discriminatedUnion('type', MediaServerMessageSchemas);
export type MediaServerMessage = z.infer<typeof MediaServerMessageSchema>;

/** One RTCIceServer. */
export const IceServerSchema = z.object({
  urls: z.array(z.string()).min(1),
  /** TURN REST credentials (coturn `use-auth-secret`): `<expiryUnix>:<participantId>`. */
  username: z.string().optional(),
  credential: z.string().optional(),
});
export type IceServer = z.infer<typeof IceServerSchema>;

/** GET /api/v1/interviews/:interviewId/media/ice-servers — what RTCPeerConnection needs, for room members. */
export const IceServersResponseSchema = z.object({
  iceServers: z.array(IceServerSchema),
  /** When the TURN credentials stop working (fetch again before that, e.g. for an ICE restart); null without TURN. */
  expiresAt: z.iso.datetime().nullable(),
  /** Whether this member sends audio/video (observers receive only). */
  publishes: z.boolean(),
});
export type IceServersResponse = z.infer<typeof IceServersResponseSchema>;
