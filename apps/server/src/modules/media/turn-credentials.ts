import { createHmac } from 'node:crypto';
import type { IceServer } from '@interviewselect/contracts';
import type { MediaConfig } from '../../config.js';

/**
 * coturn's TURN REST credentials (`use-auth-secret` + `static-auth-secret`):
 * the username is `<expiryUnix>:<participantId>` and the password is
 * base64(HMAC-SHA1(secret, username)). coturn recomputes the HMAC and
 * refuses the username once its expiry has passed, so nothing is stored.
 */
export function mintTurnCredential(args: { secret: string; participantId: string; ttlSeconds: number; now: Date }): {
  username: string;
  credential: string;
  expiresAt: Date;
} {
  const expiry = Math.floor(args.now.getTime() / 1000) + args.ttlSeconds;
  const username = `${expiry}:${args.participantId}`;
  const credential = createHmac('sha1', args.secret).update(username).digest('base64');
  return { username, credential, expiresAt: new Date(expiry * 1000) };
}

/** The RTCIceServer list for one participant: STUN as configured, TURN with fresh credentials. */
export function iceServersFor(
  config: MediaConfig,
  participantId: string,
  now: Date,
): { iceServers: IceServer[]; expiresAt: Date | null } {
  const iceServers: IceServer[] = [];
  if (config.stunUrls.length > 0) iceServers.push({ urls: config.stunUrls });
  if (!config.turn) return { iceServers, expiresAt: null };
  const minted = mintTurnCredential({
    secret: config.turn.secret,
    participantId,
    ttlSeconds: config.turn.ttlSeconds,
    now,
  });
  iceServers.push({ urls: config.turn.urls, username: minted.username, credential: minted.credential });
  return { iceServers, expiresAt: minted.expiresAt };
}
