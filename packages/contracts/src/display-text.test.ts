import { describe, expect, it } from 'vitest';
import { PersonNameSchema } from './auth.js';
import { displayTextProblem } from './display-text.js';

describe('display names', () => {
  it('accepts names in any one script per word', () => {
    for (const name of [
      'Grace Hopper',
      'Zoë Ångström',
      'Анна Каренина',
      'Σωκράτης',
      '李小龍',
      "Seán O'Brien",
      'José-María',
    ]) {
      expect(displayTextProblem(name), name).toBeNull();
    }
  });

  it('rejects confusable mixes, bidi overrides and zero-width characters', () => {
    expect(displayTextProblem('\u0410dmin')).toMatch(/different alphabets/);
    expect(displayTextProblem('Bob\u202Egnp.exe')).toMatch(/invisible/);
    expect(displayTextProblem('Ad\u200Bmin')).toMatch(/invisible/);
    expect(displayTextProblem('Bob\u0007')).toMatch(/control/);
  });

  it('trims and normalises through the schema', () => {
    expect(PersonNameSchema.parse('  Zoe\u0308  ')).toBe('Zoë');
    expect(PersonNameSchema.safeParse('\u0410dmin').success).toBe(false);
  });
});
