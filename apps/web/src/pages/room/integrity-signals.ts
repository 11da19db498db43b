/**
 * Integrity signals the candidate's browser reports when the interview has
 * them on (the candidate was told in the lobby): large pastes into the editor
 * and leaving / returning to the window. Only counts cross the wire — never
 * the pasted text. The gate keeps the stream meaningful: a blur is reported
 * once until the matching focus, a focus only after a reported blur, and
 * bursts are capped so a flapping window cannot flood the room.
 */
export type SignalKind = 'paste' | 'blur' | 'focus';

export interface Signal {
  kind: SignalKind;
  chars?: number;
}

/** Pastes at least this long are reported. */
export const LARGE_PASTE_CHARS = 200;
/** At most this many signals per window. */
export const SIGNAL_BURST = 20;
export const SIGNAL_WINDOW_MS = 60_000;

/** A paste of `chars` characters, reported when it is large. */
export function pasteSignal(chars: number): Signal | null {
  return chars >= LARGE_PASTE_CHARS ? { kind: 'paste', chars } : null;
}

export interface SignalGate {
  /** Whether this signal should be sent now. */
  admit(signal: Signal, now: number): boolean;
}

export function createSignalGate(burst = SIGNAL_BURST, windowMs = SIGNAL_WINDOW_MS): SignalGate {
  let isAway = false;
  const sent: number[] = [];
  return {
    admit(signal, now) {
      if (signal.kind === 'blur' && isAway) return false;
      if (signal.kind === 'focus' && !isAway) return false;
      while (sent.length > 0 && (sent[0] ?? 0) <= now - windowMs) sent.shift();
      // A blur over the cap is dropped, and with it its focus (isAway stays false); a focus always closes its blur.
      if (sent.length >= burst && signal.kind !== 'focus') return false;
      if (signal.kind === 'blur') isAway = true;
      if (signal.kind === 'focus') isAway = false;
      sent.push(now);
      return true;
    },
  };
}
