import { describe, expect, it } from 'vitest';
import { checkPassword } from './password-policy.js';

describe('checkPassword (NIST 800-63B)', () => {
  it('accepts a long passphrase without composition rules', () => {
    expect(checkPassword('correct horse battery staple')).toEqual({ ok: true });
    expect(checkPassword('sehr-geheimes-wörtchen')).toEqual({ ok: true });
  });

  it('rejects short passwords with a reason', () => {
    const verdict = checkPassword('Ab1!xyz');
    expect(verdict.ok).toBe(false);
    expect(!verdict.ok && verdict.reason).toMatch(/at least 10 characters/);
  });

  it('counts grapheme clusters, not UTF-16 units', () => {
    expect(checkPassword('🙂🙂🙂🙂🙂').ok).toBe(false);
  });

  it('rejects passwords from the common/breached list, case-insensitively', () => {
    for (const p of ['1234567890', 'qwertyuiop', 'Password123', 'PASSWORD1234']) {
      const verdict = checkPassword(p);
      expect(verdict, p).toMatchObject({ ok: false });
    }
  });

  it('rejects the user’s own e-mail or name', () => {
    expect(checkPassword('ada.lovelace@example.com', { email: 'ada.lovelace@example.com' }).ok).toBe(false);
    expect(checkPassword('ada.lovelace2024', { email: 'ada.lovelace@example.com' }).ok).toBe(false);
    expect(checkPassword('interviewselect!', {}).ok).toBe(false);
  });

  it('rejects over-long input', () => {
    expect(checkPassword('x'.repeat(60) + 'y'.repeat(69)).ok).toBe(false);
  });
});
