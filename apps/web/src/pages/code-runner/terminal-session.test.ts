import { describe, expect, it } from 'vitest';
import { statusText } from './terminal-panel';
import { inputFrames, terminalUrl } from './terminal-session';

describe('terminal session helpers', () => {
  it('connects to the page origin, wss behind https', () => {
    expect(terminalUrl('python', { protocol: 'https:', host: 'app.example' })).toBe(
      'wss://app.example/api/v1/terminals/ws?language=python',
    );
    expect(terminalUrl('bash', { protocol: 'http:', host: 'localhost:3000' })).toBe(
      'ws://localhost:3000/api/v1/terminals/ws?language=bash',
    );
  });

  it('splits a long paste into frames the server accepts', () => {
    const frames = inputFrames('a'.repeat(9000));
    expect(frames.map((f) => (f.type === 'input' ? f.data.length : 0))).toEqual([4096, 4096, 808]);
  });

  it('says why a session ended', () => {
    const names = new Map([['python', 'Python 3.11.2']]);
    expect(statusText({ kind: 'running', language: 'python', version: '3.11.2' }, names)).toBe('Running Python 3.11.2');
    expect(statusText({ kind: 'ended', reason: 'idle', exitCode: null }, names)).toBe(
      'Ended: no activity for 5 minutes',
    );
    expect(statusText({ kind: 'ended', reason: 'exit', exitCode: 3 }, names)).toBe(
      'Ended: the program exited (exit code 3)',
    );
  });
});
