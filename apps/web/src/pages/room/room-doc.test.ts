import { ROOM_KEYS } from '@interviewselect/contracts';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  bufferOf,
  ensureBuffer,
  languageOf,
  languagesWithCode,
  readChat,
  readConsole,
  switchLanguage,
} from './room-doc';

/** Two replicas kept in sync the way the provider would. */
function pair() {
  const a = new Y.Doc();
  const b = new Y.Doc();
  a.on('update', (u: Uint8Array) => Y.applyUpdate(b, u, 'remote'));
  b.on('update', (u: Uint8Array) => Y.applyUpdate(a, u, 'remote'));
  return [a, b] as const;
}

describe('language buffers', () => {
  it('creates a buffer with the starter once and keeps what is there', () => {
    const doc = new Y.Doc();
    const text = ensureBuffer(doc, 'python', 'print(1)\n');
    expect(text.toJSON()).toBe('print(1)\n');
    text.insert(0, '# mine\n');
    expect(ensureBuffer(doc, 'python', 'print(2)\n')).toBe(text);
    expect(bufferOf(doc, 'python')?.toJSON()).toBe('# mine\nprint(1)\n');
  });

  it('switches language for everyone and keeps each language’s code', () => {
    const [a, b] = pair();
    expect(languageOf(b, 'java')).toBe('java');
    switchLanguage(a, 'python', 'print(1)');
    bufferOf(a, 'python')?.insert(0, 'x = 1\n');
    switchLanguage(a, 'go', 'package main');
    expect(languageOf(b, 'java')).toBe('go');
    expect(bufferOf(b, 'go')?.toJSON()).toBe('package main');
    switchLanguage(b, 'python', 'print(2)');
    expect(languageOf(a, 'java')).toBe('python');
    expect(bufferOf(a, 'python')?.toJSON()).toBe('x = 1\nprint(1)');
    expect([...languagesWithCode(a)].sort()).toEqual(['go', 'python']);
  });

  it('ignores an unknown language id in meta', () => {
    const doc = new Y.Doc();
    doc.getMap(ROOM_KEYS.meta).set('language', 'cobol');
    expect(languageOf(doc, 'python')).toBe('python');
  });
});

describe('chat and console arrays', () => {
  it('reads valid entries, plain or as Y.Maps, and skips the rest', () => {
    const doc = new Y.Doc();
    const chat = doc.getArray<unknown>(ROOM_KEYS.chat);
    chat.push([{ id: '1', at: 1, participantId: 'p1', author: 'Candidate', text: 'hi' }, { nonsense: true }]);
    expect(readChat(chat).map((m) => m.text)).toEqual(['hi']);

    const consoleArray = doc.getArray<unknown>(ROOM_KEYS.console);
    const entry = new Y.Map<unknown>();
    consoleArray.push([entry]);
    for (const [key, value] of Object.entries({
      executionId: 'e1',
      at: 1,
      by: 'Interviewer 1',
      mode: 'run',
      language: 'python',
      status: 'running',
      verdict: null,
      stdout: 'partial',
      stderr: '',
      timeMs: null,
      memoryKb: null,
      tests: [],
    }))
      entry.set(key, value);
    expect(readConsole(consoleArray)).toMatchObject([{ executionId: 'e1', stdout: 'partial' }]);
  });
});
