import { z } from 'zod';

/**
 * Names other people will read (a person's or an organisation's) must not be
 * able to impersonate: no control characters, no invisible format characters
 * (zero-width joiners, bidi overrides such as U+202E that reverse text), and no
 * word mixing Latin with Cyrillic or Greek letters ("Аdmin" with a Cyrillic А).
 */
const MIXABLE_SCRIPTS = [/\p{Script=Latin}/u, /\p{Script=Cyrillic}/u, /\p{Script=Greek}/u];

export function displayTextProblem(value: string): string | null {
  if (/\p{Cc}/u.test(value)) return 'cannot contain control characters';
  if (/\p{Cf}/u.test(value)) return 'cannot contain invisible formatting characters';
  for (const word of value.split(/[\s\-'’.]+/u)) {
    const scripts = MIXABLE_SCRIPTS.filter((script) => script.test(word)).length;
    if (scripts > 1) return `mixes letters from different alphabets in “${word}”`;
  }
  return null;
}

/** A trimmed, NFC-normalised display name of 1..max characters that passes displayTextProblem. */
export function displayNameSchema(opts: { max: number; what: string; empty: string }) {
  return z
    .string()
    .trim()
    .transform((v) => v.normalize('NFC'))
    .pipe(
      z
        .string()
        .min(1, { error: opts.empty })
        .max(opts.max, { error: `${opts.what} has at most ${opts.max} characters.` })
        .superRefine((value, ctx) => {
          const problem = displayTextProblem(value);
          if (problem) ctx.addIssue({ code: 'custom', message: `${opts.what} ${problem}.` });
        }),
    );
}
