import { describe, expect, it } from 'vitest';
import { createSignalGate, LARGE_PASTE_CHARS, pasteSignal } from './integrity-signals';

describe('integrity signals', () => {
  it('reports only large pastes, by length', () => {
    expect(pasteSignal(LARGE_PASTE_CHARS - 1)).toBeNull();
    expect(pasteSignal(LARGE_PASTE_CHARS)).toEqual({ kind: 'paste', chars: LARGE_PASTE_CHARS });
  });

  it('pairs blur and focus: no focus without a blur, no second blur before the focus', () => {
    const gate = createSignalGate();
    expect(gate.admit({ kind: 'focus' }, 0)).toBe(false);
    expect(gate.admit({ kind: 'blur' }, 1)).toBe(true);
    expect(gate.admit({ kind: 'blur' }, 2)).toBe(false);
    expect(gate.admit({ kind: 'focus' }, 3)).toBe(true);
    expect(gate.admit({ kind: 'focus' }, 4)).toBe(false);
    expect(gate.admit({ kind: 'blur' }, 5)).toBe(true);
  });

  it('caps bursts per window, and a dropped blur drops its focus too', () => {
    const gate = createSignalGate(3, 1000);
    expect(gate.admit({ kind: 'paste', chars: 500 }, 0)).toBe(true);
    expect(gate.admit({ kind: 'paste', chars: 500 }, 1)).toBe(true);
    expect(gate.admit({ kind: 'paste', chars: 500 }, 2)).toBe(true);
    expect(gate.admit({ kind: 'blur' }, 3)).toBe(false);
    expect(gate.admit({ kind: 'focus' }, 4)).toBe(false);
    // The window slides: old signals no longer count.
    expect(gate.admit({ kind: 'blur' }, 1001)).toBe(true);
    expect(gate.admit({ kind: 'paste', chars: 500 }, 1002)).toBe(true);
    expect(gate.admit({ kind: 'paste', chars: 500 }, 1003)).toBe(true);
    // A reported blur's focus still goes through over the cap.
    expect(gate.admit({ kind: 'focus' }, 1004)).toBe(true);
  });
});
