/**
 * The connection-quality indicator from getStats(): round-trip time of the
 * selected candidate pair and the share of packets lost since the last poll.
 */
export type CallQuality = 'good' | 'fair' | 'poor' | 'unknown';

export interface LinkSample {
  /** Seconds (RTCIceCandidatePairStats.currentRoundTripTime); null when not known yet. */
  rttSeconds: number | null;
  packetsReceived: number;
  packetsLost: number;
}

export interface LinkQuality {
  quality: CallQuality;
  rttMs: number | null;
  /** 0..1 over the last interval; null without packets. */
  loss: number | null;
}

export function rateLink(previous: LinkSample | null, current: LinkSample): LinkQuality {
  const received = current.packetsReceived - (previous?.packetsReceived ?? 0);
  const lost = Math.max(0, current.packetsLost - (previous?.packetsLost ?? 0));
  const loss = received + lost > 0 ? lost / (received + lost) : null;
  const rttMs = current.rttSeconds === null ? null : Math.round(current.rttSeconds * 1000);
  if (rttMs === null && loss === null) return { quality: 'unknown', rttMs, loss };
  const r = rttMs ?? 0;
  const l = loss ?? 0;
  const quality: CallQuality = r > 400 || l > 0.08 ? 'poor' : r > 150 || l > 0.02 ? 'fair' : 'good';
  return { quality, rttMs, loss };
}

export const QUALITY_LABELS: Record<CallQuality, string> = {
  good: 'Good connection',
  fair: 'Unstable connection',
  poor: 'Poor connection',
  unknown: 'Connecting',
};

/** Below this audio level (0..1) nobody counts as speaking. */
export const SPEAKING_THRESHOLD = 0.03;

/** The loudest speaker above the threshold, or null. */
export function activeSpeaker(levels: ReadonlyMap<string, number>): string | null {
  let best: string | null = null;
  let bestLevel = SPEAKING_THRESHOLD;
  for (const [id, level] of levels) {
    if (level > bestLevel) {
      best = id;
      bestLevel = level;
    }
  }
  return best;
}

/** The microphone's level as the encoder sees it (media-source stats), for the active-speaker highlight. */
export async function localAudioLevel(pc: RTCPeerConnection | null): Promise<number> {
  if (!pc) return 0;
  let level = 0;
  const stats = await pc.getStats().catch(() => null);
  stats?.forEach((report: { type: string } & Record<string, unknown>) => {
    if (report.type === 'media-source' && report.kind === 'audio' && typeof report.audioLevel === 'number') {
      level = Math.max(level, report.audioLevel);
    }
  });
  return level;
}
