/**
 * Output comparison of one test: the program's stdout against the expected
 * output, under one of the built-in comparators (research/execution.md §6.3,
 * step 7). Checker programs run in their own sandbox and are handled elsewhere.
 *
 * Everything here is linear in the input size: outputs may be several MB, so
 * no regex with backtracking over whole lines and no repeated concatenation.
 */
import type { Comparator } from '@interviewselect/contracts';

/** The comparators this module evaluates in-process. */
export type BuiltinComparator = Exclude<Comparator, { kind: 'checker' }>;

/** The result of one comparison; `reason` is a short message for the candidate when `ok` is false. */
export interface CompareResult {
  ok: boolean;
  reason?: string;
}

/** Judge0's default: trailing whitespace per line and trailing blank lines are ignored. */
export const DEFAULT_COMPARATOR: BuiltinComparator = { kind: 'trailing_whitespace' };

/** Longest excerpt of a token or line quoted in a reason. */
const MAX_QUOTE = 40;

/** A finite decimal number: no hex, no `Infinity`/`NaN`, no empty mantissa. */
const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/** Rounding slack of the float comparator, in units of the larger operand's last place. */
const ROUNDING_ULPS = 4;

/** ASCII whitespace only: a program printing U+00A0 has printed something else than a space. */
const WHITESPACE_RUN = /[ \t\n\r\f\v]+/;

/** Compares `actual` with `expected` under `comparator`. */
export function compareOutput(expected: string, actual: string, comparator: BuiltinComparator): CompareResult {
  switch (comparator.kind) {
    case 'exact':
      return compareExact(expected, actual);
    case 'trailing_whitespace':
      return compareLines(normaliseLines(expected), normaliseLines(actual));
    case 'whitespace':
      return compareTokens(tokenise(expected), tokenise(actual), isSameText);
    case 'float':
      return compareTokens(tokenise(expected), tokenise(actual), (a, b) =>
        isSameNumberOrText(a, b, comparator.absolute, comparator.relative),
      );
    case 'unordered_lines':
      return compareLineMultisets(normaliseLines(expected), normaliseLines(actual));
  }
}

function compareExact(expected: string, actual: string): CompareResult {
  if (expected === actual) return { ok: true };
  if (expected === `${actual}\n`) return { ok: false, reason: 'missing newline at end of output' };
  if (actual === `${expected}\n`) return { ok: false, reason: 'extra newline at end of output' };
  const expectedLines = expected.split('\n');
  const actualLines = actual.split('\n');
  const shared = Math.min(expectedLines.length, actualLines.length);
  for (let i = 0; i < shared; i++) {
    if (expectedLines[i] !== actualLines[i]) return { ok: false, reason: `line ${i + 1} differs` };
  }
  return { ok: false, reason: `expected ${plural(countLines(expected), 'line')}, got ${countLines(actual)}` };
}

/** Lines as `wc -l` would count them, plus an unterminated last line. */
function countLines(text: string): number {
  if (text === '') return 0;
  let count = 0;
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) count++;
  return text.endsWith('\n') ? count : count + 1;
}

/**
 * Lines with CRLF read as LF, trailing spaces and tabs removed from each line,
 * and trailing blank lines dropped (so a missing final newline does not matter).
 */
function normaliseLines(text: string): string[] {
  const lines = text.split('\n');
  const last = lines.length - 1;
  for (let i = 0; i < lines.length; i++) lines[i] = trimLineEnd(lines[i] ?? '', i < last);
  let end = lines.length;
  while (end > 0 && lines[end - 1] === '') end--;
  lines.length = end;
  return lines;
}

/**
 * Strips the CR of a CRLF (only where a LF followed), then trailing spaces and
 * tabs; a loop, because /[ \t]+$/ is quadratic on long runs of spaces.
 */
function trimLineEnd(line: string, hadNewline: boolean): string {
  let end = line.length;
  if (hadNewline && line.charCodeAt(end - 1) === 0x0d) end--;
  while (end > 0) {
    const code = line.charCodeAt(end - 1);
    if (code !== 0x20 && code !== 0x09) break;
    end--;
  }
  return end === line.length ? line : line.slice(0, end);
}

/** Whitespace-separated tokens, without empty ones at either end. */
function tokenise(text: string): string[] {
  const tokens = text.split(WHITESPACE_RUN);
  if (tokens[0] === '') tokens.shift();
  if (tokens.at(-1) === '') tokens.pop();
  return tokens;
}

function compareLines(expected: string[], actual: string[]): CompareResult {
  const shared = Math.min(expected.length, actual.length);
  for (let i = 0; i < shared; i++) {
    if (expected[i] !== actual[i]) return { ok: false, reason: `line ${i + 1} differs` };
  }
  if (expected.length !== actual.length) {
    return { ok: false, reason: `expected ${plural(expected.length, 'line')}, got ${actual.length}` };
  }
  return { ok: true };
}

function compareTokens(
  expected: string[],
  actual: string[],
  isEqual: (expectedToken: string, actualToken: string) => boolean,
): CompareResult {
  if (expected.length !== actual.length) {
    return { ok: false, reason: `expected ${plural(expected.length, 'token')}, got ${actual.length}` };
  }
  for (let i = 0; i < expected.length; i++) {
    const want = expected[i] ?? '';
    const got = actual[i] ?? '';
    if (!isEqual(want, got)) {
      return { ok: false, reason: `token ${i + 1} differs: expected ${quote(want)}, got ${quote(got)}` };
    }
  }
  return { ok: true };
}

function compareLineMultisets(expected: string[], actual: string[]): CompareResult {
  if (expected.length !== actual.length) {
    return { ok: false, reason: `expected ${plural(expected.length, 'line')}, got ${actual.length}` };
  }
  const counts = new Map<string, number>();
  for (const line of expected) counts.set(line, (counts.get(line) ?? 0) + 1);
  for (const line of actual) {
    const left = counts.get(line) ?? 0;
    // With equal line counts, a surplus line in actual implies a missing one, so this finds every mismatch.
    if (left === 0) return { ok: false, reason: `unexpected line ${quote(line)}` };
    counts.set(line, left - 1);
  }
  return { ok: true };
}

function isSameText(a: string, b: string): boolean {
  return a === b;
}

/** Numbers within the absolute or the relative tolerance are equal; anything else compares as text. */
function isSameNumberOrText(expected: string, actual: string, absolute: number, relative: number): boolean {
  if (expected === actual) return true;
  const a = parseDecimal(expected);
  const b = parseDecimal(actual);
  if (a === null || b === null) return false;
  const delta = Math.abs(a - b);
  const magnitude = Math.max(Math.abs(a), Math.abs(b));
  // The subtraction itself may round up by an ulp: 1.6 - 1.5 is 0.10000000000000009, which a 0.1 tolerance must accept.
  const slack = ROUNDING_ULPS * Number.EPSILON * magnitude;
  return delta <= absolute + slack || delta <= relative * magnitude + slack;
}

/** The value of a finite decimal literal, or null (hex, `inf`, `nan`, overflow to Infinity, words). */
function parseDecimal(token: string): number | null {
  if (!DECIMAL.test(token)) return null;
  const value = Number(token);
  return Number.isFinite(value) ? value : null;
}

function quote(text: string): string {
  const excerpt = text.length > MAX_QUOTE ? `${text.slice(0, MAX_QUOTE)}…` : text;
  return JSON.stringify(excerpt);
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
