import { describe, expect, it } from 'vitest';
import { ApiError } from '../../lib/api';
import { describeLobbyError, lobbyStage, needsConsent, readLobbyToken, whatIsRecorded } from './lobby-logic';

const TOKEN = 'AbCdEf0123456789_-xyzXYZ';
const OFF = { anonymous: false, recordingAllowed: false, integritySignals: false };

function apiError(status: number, code: 'interview.link_inactive' | 'auth.token_invalid' | 'server.unavailable') {
  return new ApiError({ status, code, detail: 'from the server' });
}

describe('the lobby', () => {
  it('reads the token from the fragment only when it looks like one', () => {
    expect(readLobbyToken(`#${TOKEN}`)).toBe(TOKEN);
    expect(readLobbyToken(`#token=${TOKEN}`)).toBe(TOKEN);
    expect(readLobbyToken('')).toBeNull();
    expect(readLobbyToken('#short')).toBeNull();
    expect(readLobbyToken(`#${TOKEN}<script>`)).toBeNull();
  });

  it('lets interviewers in at once and keeps a joined candidate waiting until the start', () => {
    expect(lobbyStage({ role: 'candidate', status: 'scheduled', joined: false })).toBe('form');
    expect(lobbyStage({ role: 'candidate', status: 'scheduled', joined: true })).toBe('waiting');
    expect(lobbyStage({ role: 'candidate', status: 'live', joined: true })).toBe('enter');
    expect(lobbyStage({ role: 'observer', status: 'draft', joined: true })).toBe('waiting');
    expect(lobbyStage({ role: 'interviewer', status: 'scheduled', joined: true })).toBe('enter');
    expect(lobbyStage({ role: 'candidate', status: 'cancelled', joined: true })).toBe('cancelled');
    expect(lobbyStage({ role: 'candidate', status: 'ended', joined: false })).toBe('ended');
  });

  it('asks for consent only when recording or integrity signals are on, and says what is collected', () => {
    expect(needsConsent(OFF)).toBe(false);
    expect(needsConsent({ ...OFF, recordingAllowed: true })).toBe(true);
    expect(needsConsent({ ...OFF, integritySignals: true })).toBe(true);
    expect(whatIsRecorded(OFF, 'candidate').join(' ')).toMatch(/not recorded/);
    const all = whatIsRecorded({ anonymous: true, recordingAllowed: true, integritySignals: true }, 'candidate');
    expect(all.join(' ')).toMatch(/Audio and video are recorded/);
    expect(all.join(' ')).toMatch(/large pastes.*switch away/);
    expect(all.join(' ')).toMatch(/Anonymous mode/);
  });

  it('explains dead links without a retry and offers one for network trouble', () => {
    expect(describeLobbyError(apiError(410, 'interview.link_inactive'))).toMatchObject({
      title: 'This link no longer works',
      canRetry: false,
    });
    expect(describeLobbyError(apiError(400, 'auth.token_invalid'))).toMatchObject({
      title: "We don't recognise this link",
      canRetry: false,
    });
    expect(describeLobbyError(apiError(503, 'server.unavailable'))).toMatchObject({
      message: 'from the server',
      canRetry: true,
    });
  });
});
