import { dictionary } from '@zxcvbn-ts/language-common';

/**
 * NIST SP 800-63B §5.1.1.2 memorized-secret rules: at least 8 characters
 * (we ask 10), up to 128 accepted, every printable character and Unicode
 * allowed (NFKC-normalised), no composition rules, and rejection of values
 * from a list of commonly-used or breached passwords — the ~49k-entry list
 * shipped in @zxcvbn-ts/language-common (MIT), plus context words such as the
 * user's own e-mail and the product name.
 */
export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 128;

const COMMON = new Set(dictionary['passwords-common'].map((p) => p.toLowerCase()));

export type PasswordVerdict = { ok: true } | { ok: false; reason: string };

export function normalizePassword(password: string): string {
  return password.normalize('NFKC');
}

/** Length in user-perceived characters, so an emoji counts once. */
function characterCount(value: string): number {
  return [...new Intl.Segmenter('en', { granularity: 'grapheme' }).segment(value)].length;
}

export function checkPassword(password: string, context: { email?: string; name?: string } = {}): PasswordVerdict {
  const normalized = normalizePassword(password);
  const length = characterCount(normalized);
  if (length < PASSWORD_MIN_LENGTH) {
    return {
      ok: false,
      reason: `Use at least ${PASSWORD_MIN_LENGTH} characters (a passphrase of a few words works well).`,
    };
  }
  if (length > PASSWORD_MAX_LENGTH) {
    return { ok: false, reason: `Use at most ${PASSWORD_MAX_LENGTH} characters.` };
  }
  const lower = normalized.toLowerCase();
  if (COMMON.has(lower)) {
    return { ok: false, reason: 'This password is on a list of commonly used or breached passwords; choose another.' };
  }
  if (/^(.)\1+$/u.test(normalized)) {
    return { ok: false, reason: 'Do not repeat a single character; choose a passphrase instead.' };
  }
  const contextWords = [context.email, context.email?.split('@')[0], context.name, 'interviewselect']
    .filter((w): w is string => typeof w === 'string' && w.length >= 4)
    .map((w) => w.toLowerCase());
  if (contextWords.some((w) => lower === w || lower.replace(/[0-9!.?]+$/, '') === w)) {
    return { ok: false, reason: 'Do not use your name, e-mail address or the product name as your password.' };
  }
  return { ok: true };
}
