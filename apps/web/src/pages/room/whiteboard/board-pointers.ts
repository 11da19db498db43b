import { WhiteboardPointerSchema, type WhiteboardPointer } from '@interviewselect/contracts';
import { AwarenessUserSchema } from '../presence';
import { PARTICIPANT_COLORS, colorIndexOf } from '../participant-colors';

/**
 * Collaborators' pointers on the board, from awareness: the server keeps a
 * bounded `pointer` field and writes `user.name` itself (the anonymous-safe
 * label), so the label shown next to a pointer is never a name a client
 * claimed. Plain data, so Excalidraw's Collaborator type is built from it.
 */
export interface BoardPointer {
  clientId: number;
  label: string;
  color: string;
  pointer: WhiteboardPointer;
}

export function readPointers(states: ReadonlyMap<number, Record<string, unknown>>, selfId: number): BoardPointer[] {
  const result: BoardPointer[] = [];
  for (const [clientId, state] of states) {
    if (clientId === selfId) continue;
    const pointer = WhiteboardPointerSchema.safeParse(state.pointer);
    const user = AwarenessUserSchema.safeParse(state.user);
    if (!pointer.success || !user.success) continue;
    const color = PARTICIPANT_COLORS[colorIndexOf(user.data.color, clientId)] ?? PARTICIPANT_COLORS[0];
    result.push({ clientId, label: user.data.name, color, pointer: pointer.data });
  }
  return result.sort((a, b) => a.clientId - b.clientId);
}

/** A stable text key of the pointers, so unchanged awareness (someone typing code) does not redraw the board. */
export function pointersKey(pointers: readonly BoardPointer[]): string {
  return pointers
    .map((p) => `${p.clientId}:${p.label}:${p.color}:${p.pointer.x}:${p.pointer.y}:${p.pointer.button}`)
    .join('|');
}

/** Rounds scene coordinates (sub-pixel precision is noise on the wire) and clamps them into the allowed range. */
export function toPointer(x: number, y: number, button: 'up' | 'down'): WhiteboardPointer | null {
  const pointer = { x: Math.round(x), y: Math.round(y), button };
  return WhiteboardPointerSchema.safeParse(pointer).success ? pointer : null;
}
