import type { RoomClientMessage } from '@interviewselect/contracts';
import { useCallback, useEffect, useState } from 'react';
import { createSignalGate, pasteSignal, type Signal } from './integrity-signals';

/**
 * The candidate's integrity signals, when the interview has them on: window
 * blur / focus from here, large pastes through the returned `onPaste` (the
 * editor passes only the pasted length). Returns null when off.
 */
export function useIntegritySignals(
  isOn: boolean,
  send: ((message: RoomClientMessage) => void) | null,
): ((chars: number) => void) | null {
  const [gate] = useState(createSignalGate);

  const report = useCallback(
    (signal: Signal) => {
      if (!send || !gate.admit(signal, Date.now())) return;
      send(signal.chars === undefined ? { type: 'signal', kind: signal.kind } : { type: 'signal', ...signal });
    },
    [gate, send],
  );

  useEffect(() => {
    if (!isOn) return;
    const onBlur = () => report({ kind: 'blur' });
    const onFocus = () => report({ kind: 'focus' });
    window.addEventListener('blur', onBlur);
    window.addEventListener('focus', onFocus);
    return () => {
      window.removeEventListener('blur', onBlur);
      window.removeEventListener('focus', onFocus);
    };
  }, [isOn, report]);

  const onPaste = useCallback(
    (chars: number) => {
      const signal = pasteSignal(chars);
      if (signal) report(signal);
    },
    [report],
  );
  return isOn ? onPaste : null;
}
