import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';

export type RecordingLinks = ReturnType<typeof createRecordingLinks>;

/**
 * Short-lived signed playback URLs: HMAC-SHA256 over the recording id and
 * the expiry (seconds), with a key derived from the server's secret. The
 * signature is the only credential of the media route, so a URL works in a
 * <video> element (which sends no custom headers) and stops working at `exp`.
 */
export function createRecordingLinks(deps: { secret: string; ttlMs: number; now: () => Date }) {
  const key = Buffer.from(hkdfSync('sha256', deps.secret, 'interviewselect', 'recording-media-url', 32));
  const mac = (recordingId: string, exp: number) =>
    createHmac('sha256', key).update(`recording-media:${recordingId}:${exp}`).digest('base64url');

  return {
    sign(recordingId: string): { exp: number; sig: string; expiresAt: Date } {
      const exp = Math.floor((deps.now().getTime() + deps.ttlMs) / 1000);
      return { exp, sig: mac(recordingId, exp), expiresAt: new Date(exp * 1000) };
    },
    /** Whether the pair was signed by this server for this recording and has not expired. */
    verify(recordingId: string, exp: number, sig: string): boolean {
      if (exp * 1000 <= deps.now().getTime()) return false;
      const expected = Buffer.from(mac(recordingId, exp));
      const given = Buffer.from(sig);
      return given.length === expected.length && timingSafeEqual(given, expected);
    },
  };
}
