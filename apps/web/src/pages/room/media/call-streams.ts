import { useSyncExternalStore } from 'react';
import type { CallSelf, CallState } from './call-controller';

/**
 * The call's media streams for other parts of the room (the recorder mixes
 * them): the local camera and microphone, each remote member's, and screen
 * shares as their own entries. Empty while this tab is not in the call.
 */
export interface CallStream {
  participantId: string;
  /** The label the room shows (anonymous mode: “Candidate”, “Interviewer 1”). */
  label: string;
  stream: MediaStream;
  isLocal: boolean;
  kind: 'camera' | 'screen';
}

interface StreamSource {
  subscribe: (listener: () => void) => () => void;
  getSnapshot: () => { streams: CallStream[] };
}

const EMPTY: CallStream[] = [];
let current: StreamSource | null = null;
const listeners = new Set<() => void>();
let unsubscribeCurrent: (() => void) | null = null;

function notify(): void {
  for (const listener of listeners) listener();
}

/** The room's call controller registers here while it lives (one room per tab). */
export function publishCallStreams(source: StreamSource | null): () => void {
  unsubscribeCurrent?.();
  current = source;
  unsubscribeCurrent = source ? source.subscribe(notify) : null;
  notify();
  return () => {
    if (current !== source) return;
    unsubscribeCurrent?.();
    current = null;
    unsubscribeCurrent = null;
    notify();
  };
}

export function getCallStreams(): CallStream[] {
  return current?.getSnapshot().streams ?? EMPTY;
}

export function subscribeCallStreams(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The current call streams, re-rendering when someone joins, leaves, or starts/stops a screen share. */
export function useCallStreams(): CallStream[] {
  return useSyncExternalStore(subscribeCallStreams, getCallStreams, () => EMPTY);
}

/** The streams of a call state: this member's camera and screen, then each peer's. */
export function callStreams(state: CallState, self: CallSelf): CallStream[] {
  if (state.phase !== 'joined') return [];
  const streams: CallStream[] = [];
  if (state.local)
    streams.push({
      participantId: self.participantId,
      label: self.label,
      stream: state.local,
      isLocal: true,
      kind: 'camera',
    });
  if (state.localScreen) {
    streams.push({
      participantId: self.participantId,
      label: `${self.label} (screen)`,
      stream: state.localScreen,
      isLocal: true,
      kind: 'screen',
    });
  }
  for (const peer of state.peers) {
    streams.push({ participantId: peer.id, label: peer.label, stream: peer.camera, isLocal: false, kind: 'camera' });
    if (peer.screen) {
      streams.push({
        participantId: peer.id,
        label: `${peer.label} (screen)`,
        stream: peer.screen,
        isLocal: false,
        kind: 'screen',
      });
    }
  }
  return streams;
}

/** Same people, same streams (a new list only when that changes). */
export function sameStreams(a: readonly CallStream[], b: readonly CallStream[]): boolean {
  return a.length === b.length && a.every((s, i) => s.stream === b[i]?.stream && s.label === b[i].label);
}
