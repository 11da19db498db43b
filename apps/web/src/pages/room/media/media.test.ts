import { describe, expect, it } from 'vitest';
import { activeSpeaker, rateLink } from './call-quality';
import type { CallState } from './call-controller';
import { callStreams, sameStreams } from './call-streams';
import { peerRoles, slotOf } from './negotiation';

describe('peerRoles', () => {
  const a = { id: '0190-a', publishes: true };
  const b = { id: '0190-b', publishes: true };
  it('gives exactly one side the lead and the other politeness, the same on both sides', () => {
    expect(peerRoles(a, b)).toEqual({ isInitialOfferer: true, isPolite: false, isNeeded: true });
    expect(peerRoles(b, a)).toEqual({ isInitialOfferer: false, isPolite: true, isNeeded: true });
  });
  it('never lets an observer offer, and connects no two observers', () => {
    const observer = { id: '0000', publishes: false };
    expect(peerRoles(observer, b).isInitialOfferer).toBe(false);
    expect(peerRoles(b, observer).isInitialOfferer).toBe(true);
    expect(peerRoles(observer, { id: 'z', publishes: false }).isNeeded).toBe(false);
  });
});

describe('slotOf', () => {
  it('reads audio, camera and screens from the agreed transceiver order', () => {
    const order = [{ kind: 'audio' }, { kind: 'video' }, { kind: 'video' }, { kind: 'audio' }];
    expect([0, 1, 2, 3, 4].map((i) => slotOf(order, i))).toEqual(['audio', 'camera', 'screen', 'other', 'other']);
  });
});

describe('rateLink', () => {
  it('rates by round-trip time and the loss since the previous sample', () => {
    const prev = { rttSeconds: 0.02, packetsReceived: 100, packetsLost: 0 };
    expect(rateLink(prev, { rttSeconds: 0.02, packetsReceived: 200, packetsLost: 0 })).toEqual({
      quality: 'good',
      rttMs: 20,
      loss: 0,
    });
    expect(rateLink(prev, { rttSeconds: 0.2, packetsReceived: 200, packetsLost: 0 }).quality).toBe('fair');
    expect(rateLink(prev, { rttSeconds: 0.02, packetsReceived: 190, packetsLost: 10 }).quality).toBe('poor');
    expect(rateLink(null, { rttSeconds: null, packetsReceived: 0, packetsLost: 0 }).quality).toBe('unknown');
  });
});

describe('activeSpeaker', () => {
  it('picks the loudest above the threshold', () => {
    expect(
      activeSpeaker(
        new Map([
          ['a', 0.1],
          ['b', 0.3],
        ]),
      ),
    ).toBe('b');
    expect(activeSpeaker(new Map([['a', 0.001]]))).toBeNull();
  });
});

describe('callStreams', () => {
  const stream = (id: string) => ({ id }) as unknown as MediaStream;
  const self = { participantId: 'me', label: 'Interviewer 1', role: 'interviewer' as const };
  const peer = {
    id: 'p1',
    label: 'Candidate',
    role: 'candidate' as const,
    camera: stream('cam-p1'),
    screen: stream('screen-p1'),
    quality: { quality: 'good' as const, rttMs: 1, loss: 0 },
    isConnected: true,
  };
  const state = {
    phase: 'joined',
    local: stream('cam-me'),
    localScreen: null,
    peers: [peer],
  } as unknown as CallState;

  it('lists cameras and screens with the room labels, and nothing outside the call', () => {
    expect(callStreams(state, self).map((s) => [s.participantId, s.label, s.kind, s.isLocal])).toEqual([
      ['me', 'Interviewer 1', 'camera', true],
      ['p1', 'Candidate', 'camera', false],
      ['p1', 'Candidate (screen)', 'screen', false],
    ]);
    expect(callStreams({ ...state, phase: 'idle' }, self)).toEqual([]);
  });

  it('keeps the list when the same streams come again', () => {
    const a = callStreams(state, self);
    expect(sameStreams(a, callStreams(state, self))).toBe(true);
    expect(sameStreams(a, callStreams({ ...state, peers: [] }, self))).toBe(false);
  });
});
