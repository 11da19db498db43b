import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { loadConfig, type ConfigError } from '../../config.js';
import { callIsOpen, sdpSendsMedia } from './media-signalling.js';
import { iceServersFor, mintTurnCredential } from './turn-credentials.js';

const base = { DATA_DIR: '/nonexistent', SECRET_KEY: 'x'.repeat(40) };

describe('mintTurnCredential', () => {
  it('mints coturn REST credentials: <expiry>:<participant>, base64 HMAC-SHA1 of the username', () => {
    const now = new Date('2026-01-01T00:00:00Z');
    const minted = mintTurnCredential({ secret: 's3cret-s3cret-s3cret', participantId: 'p-1', ttlSeconds: 60, now });
    expect(minted.username).toBe(`${now.getTime() / 1000 + 60}:p-1`);
    expect(minted.credential).toBe(createHmac('sha1', 's3cret-s3cret-s3cret').update(minted.username).digest('base64'));
    expect(minted.expiresAt.toISOString()).toBe('2026-01-01T00:01:00.000Z');
  });

  it('gives no TURN entry (and no expiry) without TURN configured', () => {
    expect(iceServersFor({ stunUrls: [], turn: null }, 'p', new Date())).toEqual({ iceServers: [], expiresAt: null });
  });
});

describe('sdpSendsMedia', () => {
  const sdp = (...dirs: string[]) => `v=0\r\n${dirs.map((d) => `m=audio 9 RTP 0\r\n${d}`).join('')}`;
  it('detects sending sections, including ones without a direction (sendrecv by default)', () => {
    expect(sdpSendsMedia(sdp('a=recvonly\r\n', 'a=inactive\r\n'))).toBe(false);
    expect(sdpSendsMedia(sdp('a=recvonly\r\n', 'a=sendonly\r\n'))).toBe(true);
    expect(sdpSendsMedia(sdp('a=mid:0\r\n'))).toBe(true);
    expect(sdpSendsMedia('v=0\r\nm=application 9 UDP/DTLS/SCTP webrtc-datachannel\r\n')).toBe(false);
  });
});

describe('callIsOpen', () => {
  it('closes the call with the interview', () => {
    expect(callIsOpen({ status: 'live' })).toBe(true);
    expect(callIsOpen({ status: 'paused' })).toBe(true);
    expect(callIsOpen({ status: 'ended' })).toBe(false);
    expect(callIsOpen({ status: 'cancelled' })).toBe(false);
  });
});

describe('STUN/TURN configuration', () => {
  it('parses URL lists and pairs TURN_URLS with TURN_SECRET', () => {
    const config = loadConfig({
      ...base,
      STUN_URLS: 'stun:stun.example.com:3478, stun:[::1]',
      TURN_URLS: 'turns:turn.example.com:5349?transport=tcp',
      TURN_SECRET: 'a-long-enough-secret',
    });
    expect(config.media).toEqual({
      stunUrls: ['stun:stun.example.com:3478', 'stun:[::1]'],
      turn: { urls: ['turns:turn.example.com:5349?transport=tcp'], secret: 'a-long-enough-secret', ttlSeconds: 14_400 },
    });
  });

  it('names the variable and the expected form for every bad value', () => {
    const problems = (env: Record<string, string>) => {
      try {
        loadConfig({ ...base, ...env });
        return [];
      } catch (err) {
        return (err as ConfigError).problems;
      }
    };
    expect(problems({ STUN_URLS: 'http://stun.example.com' })[0]).toMatch(/^STUN_URLS: expected .*stun:stun/);
    expect(problems({ TURN_URLS: 'turn:turn.example.com' })).toEqual([
      expect.stringMatching(/^TURN_SECRET: required with TURN_URLS/) as unknown,
    ]);
    expect(problems({ TURN_SECRET: 'a-long-enough-secret' })[0]).toMatch(/^TURN_URLS: required with TURN_SECRET/);
    expect(problems({ TURN_URLS: 'turn:t.example.com', TURN_SECRET: 'short' })[0]).toMatch(
      /^TURN_SECRET: expected at least 16/,
    );
    expect(problems({ TURN_TTL_SECONDS: '5' })[0]).toMatch(/^TURN_TTL_SECONDS/);
  });
});
