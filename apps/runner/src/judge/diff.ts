/**
 * Line-based unified diff of expected vs actual output, shown for failed
 * visible tests. The output follows GNU `diff -u` (hunk ranges, the
 * "\ No newline at end of file" marker) so people can read it as they would
 * any patch.
 *
 * Bounded on purpose: only the first `maxLines` lines of each side are
 * compared, and the LCS table is capped in size; past the cap the changed
 * middle is shown as a plain replacement instead of a minimal diff.
 */

/** Options of `unifiedDiff`. */
export interface DiffOptions {
  /** Unchanged lines shown around each change (default 3). */
  context?: number;
  /** Lines of each side taken into account (default 2000). */
  maxLines?: number;
}

const DEFAULT_CONTEXT = 3;
const DEFAULT_MAX_LINES = 2000;
/** Largest LCS table, in cells (2001 × 2001 fits: about 8 MB as Uint16). */
const MAX_TABLE_CELLS = 4_100_000;
const NO_NEWLINE = '\\ No newline at end of file';
const TRUNCATED = '… (diff truncated)';

/** One side's first lines; `missingNewline` is true when the very last line of the text has no `\n`. */
interface SideLines {
  lines: string[];
  missingNewline: boolean;
  truncated: boolean;
}

type OpKind = ' ' | '-' | '+';

/** One line of the edit script, with its 0-based index in the side(s) it belongs to. */
interface Op {
  kind: OpKind;
  text: string;
  expectedIndex: number;
  actualIndex: number;
}

/** A unified diff of `expected` → `actual`, or '' when they are equal. */
export function unifiedDiff(expected: string, actual: string, opts: DiffOptions = {}): string {
  if (expected === actual) return '';
  const context = Math.max(0, opts.context ?? DEFAULT_CONTEXT);
  const maxLines = Math.max(1, opts.maxLines ?? DEFAULT_MAX_LINES);
  const left = readLines(expected, maxLines);
  const right = readLines(actual, maxLines);
  const ops = diffLines(lineKeys(left), lineKeys(right));
  const out = ['--- expected', '+++ actual'];
  for (const hunk of groupHunks(ops, context)) out.push(...renderHunk(hunk, left, right));
  if (left.truncated || right.truncated) out.push(TRUNCATED);
  return `${out.join('\n')}\n`;
}

/** Splits up to `maxLines` lines without splitting the whole (possibly multi-MB) text. */
function readLines(text: string, maxLines: number): SideLines {
  const lines: string[] = [];
  let start = 0;
  while (start < text.length && lines.length < maxLines) {
    const end = text.indexOf('\n', start);
    if (end === -1) {
      lines.push(text.slice(start));
      return { lines, missingNewline: true, truncated: false };
    }
    lines.push(text.slice(start, end));
    start = end + 1;
  }
  return { lines, missingNewline: false, truncated: start < text.length };
}

/**
 * Comparison keys: a last line without its newline differs from the same text
 * with one, as in GNU diff. Lines never contain `\n`, so the suffix is unambiguous.
 */
function lineKeys(side: SideLines): string[] {
  if (!side.missingNewline) return side.lines;
  const keys = side.lines.slice();
  keys[keys.length - 1] = `${keys.at(-1) ?? ''}\n`;
  return keys;
}

/** Edit script: common prefix and suffix, with an LCS diff (or a replacement) of the middle. */
function diffLines(a: string[], b: string[]): Op[] {
  let prefix = 0;
  while (prefix < a.length && prefix < b.length && a[prefix] === b[prefix]) prefix++;
  let suffix = 0;
  while (
    suffix < a.length - prefix &&
    suffix < b.length - prefix &&
    a[a.length - 1 - suffix] === b[b.length - 1 - suffix]
  ) {
    suffix++;
  }
  const ops: Op[] = [];
  for (let i = 0; i < prefix; i++) ops.push(op(' ', a, i, i));
  diffMiddle(a, b, prefix, a.length - suffix, prefix, b.length - suffix, ops);
  for (let k = suffix; k > 0; k--) ops.push(op(' ', a, a.length - k, b.length - k));
  return ops;
}

/** Appends the edit script of a[aStart..aEnd) → b[bStart..bEnd), deletions before insertions. */
function diffMiddle(a: string[], b: string[], aStart: number, aEnd: number, bStart: number, bEnd: number, ops: Op[]) {
  const n = aEnd - aStart;
  const m = bEnd - bStart;
  if ((n + 1) * (m + 1) > MAX_TABLE_CELLS) {
    for (let i = aStart; i < aEnd; i++) ops.push(op('-', a, i, bStart));
    for (let j = bStart; j < bEnd; j++) ops.push(op('+', b, aEnd, j));
    return;
  }
  const lcs = lcsTable(a, b, aStart, n, bStart, m);
  const width = m + 1;
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[aStart + i] === b[bStart + j]) {
      ops.push(op(' ', a, aStart + i, bStart + j));
      i++;
      j++;
    } else if (j === m || (i < n && (lcs[(i + 1) * width + j] ?? 0) >= (lcs[i * width + j + 1] ?? 0))) {
      ops.push(op('-', a, aStart + i, bStart + j));
      i++;
    } else {
      ops.push(op('+', b, aStart + i, bStart + j));
      j++;
    }
  }
}

/** table[i * (m + 1) + j] = length of the LCS of a[aStart + i..] and b[bStart + j..]. */
function lcsTable(
  a: string[],
  b: string[],
  aStart: number,
  n: number,
  bStart: number,
  m: number,
): Uint16Array | Uint32Array {
  const width = m + 1;
  const size = (n + 1) * width;
  const table = Math.min(n, m) < 0xffff ? new Uint16Array(size) : new Uint32Array(size);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      const here = i * width + j;
      table[here] =
        a[aStart + i] === b[bStart + j]
          ? (table[here + width + 1] ?? 0) + 1
          : Math.max(table[here + width] ?? 0, table[here + 1] ?? 0);
    }
  }
  return table;
}

/** An edit-script line; `keys` are the side's comparison keys, so the no-newline suffix comes off here. */
function op(kind: OpKind, keys: string[], expectedIndex: number, actualIndex: number): Op {
  const key = keys[kind === '+' ? actualIndex : expectedIndex] ?? '';
  const text = key.endsWith('\n') ? key.slice(0, -1) : key;
  return { kind, text, expectedIndex, actualIndex };
}

/** Groups changes into hunks: changes closer than 2 × context lines share a hunk. */
function groupHunks(ops: Op[], context: number): Op[][] {
  const hunks: Op[][] = [];
  let start = -1;
  let end = -1;
  for (let i = 0; i < ops.length; i++) {
    if (ops[i]?.kind === ' ') continue;
    if (start !== -1 && i - end - 1 > 2 * context) {
      hunks.push(ops.slice(start, Math.min(ops.length, end + 1 + context)));
      start = -1;
    }
    if (start === -1) start = Math.max(0, i - context);
    end = i;
  }
  if (start !== -1) hunks.push(ops.slice(start, Math.min(ops.length, end + 1 + context)));
  return hunks;
}

function renderHunk(hunk: Op[], left: SideLines, right: SideLines): string[] {
  const first = hunk[0];
  if (!first) return [];
  const removed = hunk.filter((line) => line.kind !== '+').length;
  const added = hunk.filter((line) => line.kind !== '-').length;
  const lines = [`@@ -${range(first.expectedIndex, removed)} +${range(first.actualIndex, added)} @@`];
  for (const line of hunk) {
    lines.push(`${line.kind}${line.text}`);
    if (isLastWithoutNewline(line, left, right)) lines.push(NO_NEWLINE);
  }
  return lines;
}

/** Whether this line is the unterminated last line of a side it shows. */
function isLastWithoutNewline(line: Op, left: SideLines, right: SideLines): boolean {
  const endsLeft = line.kind !== '+' && left.missingNewline && line.expectedIndex === left.lines.length - 1;
  const endsRight = line.kind !== '-' && right.missingNewline && line.actualIndex === right.lines.length - 1;
  return endsLeft || endsRight;
}

/** GNU hunk range: `start,count`, just `start` for one line, and the line before for an empty range. */
function range(index: number, count: number): string {
  if (count === 0) return `${index},0`;
  if (count === 1) return `${index + 1}`;
  return `${index + 1},${count}`;
}
