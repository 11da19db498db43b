import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { resultsDir } from './paths.js';

export type Cell = string | number | null;

export interface Column {
  header: string;
  /** Numbers and text right-aligned, or left-aligned (the default for the first column). */
  align?: 'left' | 'right';
}

/** Formats a number with thousands separators and `digits` decimals; null/NaN as "–". */
export function fmt(value: number | null | undefined, digits = 0): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '–';
  return value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/** An aligned plain-text table (columns separated by two spaces, a rule under the header). */
export function table(columns: Column[], rows: Cell[][]): string {
  const text = rows.map((row) => columns.map((_, i) => String(row[i] ?? '')));
  const widths = columns.map((c, i) => Math.max(c.header.length, ...text.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => {
        const width = widths[i] ?? 0;
        const align = columns[i]?.align ?? (i === 0 ? 'left' : 'right');
        return align === 'left' ? cell.padEnd(width) : cell.padStart(width);
      })
      .join('  ')
      .trimEnd();
  return [line(columns.map((c) => c.header)), widths.map((w) => '-'.repeat(w)).join('  '), ...text.map(line)].join(
    '\n',
  );
}

/** Writes the report text to stdout (the only thing a benchmark prints there). */
export function print(text: string): void {
  process.stdout.write(text.endsWith('\n') ? text : text + '\n');
}

/** Progress and diagnostics go to stderr so stdout stays the report. */
export function progress(text: string): void {
  process.stderr.write(text + '\n');
}

/**
 * Writes `<results dir>/<name>.json` (pretty-printed, trailing newline) through
 * a temporary file and a rename, so an interrupted run never leaves half a file.
 * Returns the path written.
 */
export function writeResult(name: string, data: unknown): string {
  const dir = resultsDir();
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${name}.json`);
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify(data, null, 2) + '\n');
  renameSync(tmp, file);
  return file;
}
