import { describe, expect, it } from 'vitest';
import { capOutput, TRUNCATION_MARK } from './output-cap.js';

describe('capOutput', () => {
  it('keeps short output as it is', () => {
    expect(capOutput('hello\n')).toBe('hello\n');
    expect(capOutput(null)).toBeNull();
  });

  it('cuts at the byte cap and marks the cut', () => {
    expect(capOutput('abcdef', 4)).toBe(`abcd${TRUNCATION_MARK}`);
  });

  it('never splits a multi-byte character', () => {
    // "é" is two bytes: a cap of 4 bytes keeps "a" + "é" and drops the half of the next one.
    expect(capOutput('aéé', 4)).toBe(`aé${TRUNCATION_MARK}`);
  });

  it('replaces NUL characters, which PostgreSQL text cannot store', () => {
    expect(capOutput('a\u0000b')).toBe('a\uFFFDb');
  });
});
