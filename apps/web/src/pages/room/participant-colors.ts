/**
 * Eight participant colours, the same in light and dark themes, each dark
 * enough for white label text (≥ 4.5:1) and distinct from its neighbours.
 * Remote cursors use classes (cm-remote-c0…c7) rather than inline styles, so
 * they render under the page's strict style-src CSP.
 */
export const PARTICIPANT_COLORS = [
  '#2563eb',
  '#c2410c',
  '#15803d',
  '#9333ea',
  '#be123c',
  '#0e7490',
  '#a16207',
  '#4f46e5',
] as const;

function hash(text: string): number {
  let h = 0;
  for (let i = 0; i < text.length; i++) h = (Math.imul(h, 31) + text.charCodeAt(i)) | 0;
  return Math.abs(h);
}

/**
 * A participant's colour index: by their place in the room's participant list
 * (the same list, in the same order, for everyone), so the first eight people
 * never share a colour; by a hash of the id for anyone not on the list.
 */
export function colorIndexFor(participantId: string, participants: readonly { id: string }[] = []): number {
  const index = participants.findIndex((p) => p.id === participantId);
  return (index >= 0 ? index : hash(participantId)) % PARTICIPANT_COLORS.length;
}

export function colorFor(participantId: string, participants: readonly { id: string }[] = []): string {
  return PARTICIPANT_COLORS[colorIndexFor(participantId, participants)] ?? PARTICIPANT_COLORS[0];
}

/** The index of a colour another client announced, or one derived from its client id when unknown. */
export function colorIndexOf(color: unknown, fallbackKey: string | number): number {
  const index = PARTICIPANT_COLORS.findIndex((c) => c === color);
  return index >= 0 ? index : hash(String(fallbackKey)) % PARTICIPANT_COLORS.length;
}

/** "Interviewer 1" → "I1", "Ada Lovelace" → "AL", "Candidate" → "C". */
export function initialsOf(label: string): string {
  const words = label.trim().split(/\s+/).filter(Boolean);
  const first = words[0]?.[0] ?? '?';
  const second = words[1];
  if (!second) return first.toUpperCase();
  return (first + (/^\d+$/.test(second) ? second : (second[0] ?? ''))).toUpperCase();
}
