import { describe, expect, it } from 'vitest';
import { unifiedDiff } from './diff.js';

/** Lines joined with a final newline, as a program prints them. */
function text(...lines: string[]): string {
  return textOf(lines);
}

function textOf(lines: string[]): string {
  return lines.map((line) => `${line}\n`).join('');
}

function numbered(count: number, from = 1): string[] {
  return Array.from({ length: count }, (_, i) => String(from + i));
}

describe('unifiedDiff', () => {
  it('returns an empty string for equal texts', () => {
    expect(unifiedDiff('', '')).toBe('');
    expect(unifiedDiff('a\nb\n', 'a\nb\n')).toBe('');
  });

  it('shows one changed line with its context', () => {
    expect(unifiedDiff(text('1', '2', '3'), text('1', 'x', '3'))).toBe(
      ['--- expected', '+++ actual', '@@ -1,3 +1,3 @@', ' 1', '-2', '+x', ' 3', ''].join('\n'),
    );
  });

  it('limits context to three lines by default', () => {
    const expected = text(...numbered(20));
    const actual = expected.replace('\n10\n', '\nten\n');
    expect(unifiedDiff(expected, actual)).toBe(
      ['--- expected', '+++ actual', '@@ -7,7 +7,7 @@', ' 7', ' 8', ' 9', '-10', '+ten', ' 11', ' 12', ' 13', ''].join(
        '\n',
      ),
    );
  });

  it('honours a custom context, including zero', () => {
    const expected = text(...numbered(10));
    const actual = expected.replace('\n5\n', '\nfive\n');
    expect(unifiedDiff(expected, actual, { context: 1 })).toBe(
      ['--- expected', '+++ actual', '@@ -4,3 +4,3 @@', ' 4', '-5', '+five', ' 6', ''].join('\n'),
    );
    expect(unifiedDiff(expected, actual, { context: 0 })).toBe(
      ['--- expected', '+++ actual', '@@ -5 +5 @@', '-5', '+five', ''].join('\n'),
    );
  });

  it('splits distant changes into separate hunks', () => {
    const expected = text(...numbered(30));
    const actual = expected.replace('\n3\n', '\nthree\n').replace('\n25\n', '\n');
    expect(unifiedDiff(expected, actual)).toBe(
      [
        '--- expected',
        '+++ actual',
        '@@ -1,6 +1,6 @@',
        ' 1',
        ' 2',
        '-3',
        '+three',
        ' 4',
        ' 5',
        ' 6',
        '@@ -22,7 +22,6 @@',
        ' 22',
        ' 23',
        ' 24',
        '-25',
        ' 26',
        ' 27',
        ' 28',
        '',
      ].join('\n'),
    );
  });

  it('merges changes whose context overlaps', () => {
    const expected = text(...numbered(12));
    const actual = expected.replace('\n3\n', '\nthree\n').replace('\n9\n', '\nnine\n');
    const diff = unifiedDiff(expected, actual);
    expect(diff.match(/^@@/gm)).toHaveLength(1);
    expect(diff).toContain('@@ -1,12 +1,12 @@');
  });

  it('shows an insertion and a deletion with GNU ranges', () => {
    expect(unifiedDiff(text('a', 'b'), text('a', 'x', 'b'), { context: 0 })).toBe(
      ['--- expected', '+++ actual', '@@ -1,0 +2 @@', '+x', ''].join('\n'),
    );
    expect(unifiedDiff(text('a', 'x', 'b'), text('a', 'b'), { context: 0 })).toBe(
      ['--- expected', '+++ actual', '@@ -2 +1,0 @@', '-x', ''].join('\n'),
    );
  });

  it('diffs against empty output', () => {
    expect(unifiedDiff(text('1', '2'), '')).toBe(
      ['--- expected', '+++ actual', '@@ -1,2 +0,0 @@', '-1', '-2', ''].join('\n'),
    );
    expect(unifiedDiff('', text('1'))).toBe(['--- expected', '+++ actual', '@@ -0,0 +1 @@', '+1', ''].join('\n'));
  });

  it('keeps the longest common subsequence', () => {
    const diff = unifiedDiff(text('a', 'b', 'c', 'd', 'e'), text('b', 'c', 'x', 'e', 'f'));
    expect(diff).toBe(
      ['--- expected', '+++ actual', '@@ -1,5 +1,5 @@', '-a', ' b', ' c', '-d', '+x', ' e', '+f', ''].join('\n'),
    );
  });

  describe('missing final newline', () => {
    it('marks the side that lacks it', () => {
      expect(unifiedDiff('a\nb\n', 'a\nb')).toBe(
        ['--- expected', '+++ actual', '@@ -1,2 +1,2 @@', ' a', '-b', '+b', '\\ No newline at end of file', ''].join(
          '\n',
        ),
      );
      expect(unifiedDiff('a\nb', 'a\nb\n')).toBe(
        ['--- expected', '+++ actual', '@@ -1,2 +1,2 @@', ' a', '-b', '\\ No newline at end of file', '+b', ''].join(
          '\n',
        ),
      );
    });

    it('marks both sides when both last lines differ and lack it', () => {
      expect(unifiedDiff('a\nb', 'a\nc')).toBe(
        [
          '--- expected',
          '+++ actual',
          '@@ -1,2 +1,2 @@',
          ' a',
          '-b',
          '\\ No newline at end of file',
          '+c',
          '\\ No newline at end of file',
          '',
        ].join('\n'),
      );
    });

    it('marks a shared last context line once', () => {
      expect(unifiedDiff('x\nz', 'y\nz')).toBe(
        ['--- expected', '+++ actual', '@@ -1,2 +1,2 @@', '-x', '+y', ' z', '\\ No newline at end of file', ''].join(
          '\n',
        ),
      );
    });

    it('does not mark a last line outside the hunk', () => {
      const diff = unifiedDiff(text('a', ...numbered(10)).slice(0, -1), text('b', ...numbered(10)).slice(0, -1));
      expect(diff).not.toContain('No newline');
    });
  });

  describe('bounds', () => {
    it('diffs only the first maxLines lines and says so', () => {
      const expected = text(...numbered(10));
      const actual = text(...numbered(10))
        .replace('\n2\n', '\ntwo\n')
        .replace('\n9\n', '\nnine\n');
      expect(unifiedDiff(expected, actual, { maxLines: 4 })).toBe(
        [
          '--- expected',
          '+++ actual',
          '@@ -1,4 +1,4 @@',
          ' 1',
          '-2',
          '+two',
          ' 3',
          ' 4',
          '… (diff truncated)',
          '',
        ].join('\n'),
      );
    });

    it('truncates when only one side is long', () => {
      const diff = unifiedDiff(text('1'), text(...numbered(5000)));
      expect(diff.split('\n').filter((line) => line.startsWith('+') && !line.startsWith('+++'))).toHaveLength(1999);
      expect(diff.endsWith('… (diff truncated)\n')).toBe(true);
    });

    it('reports truncation even when the compared lines agree', () => {
      expect(unifiedDiff(text(...numbered(5)), text(...numbered(6)), { maxLines: 5 })).toBe(
        ['--- expected', '+++ actual', '… (diff truncated)', ''].join('\n'),
      );
    });

    it('does not mark a truncated side as lacking its newline', () => {
      const diff = unifiedDiff('1\n2\n3', 'x\n2\n3', { maxLines: 2 });
      expect(diff).not.toContain('No newline');
      expect(diff).toContain('… (diff truncated)');
    });

    it('stays fast on multi-MB outputs with scattered changes', () => {
      const expected = textOf(numbered(400_000));
      const actual = textOf(numbered(400_000).map((line, i) => (i % 100 === 0 ? `${line}!` : line)));
      const diff = unifiedDiff(expected, actual);
      expect(diff.split('\n').filter((line) => line.startsWith('-') && !line.startsWith('---'))).toHaveLength(20);
      expect(diff.endsWith('… (diff truncated)\n')).toBe(true);
    });

    it('falls back to a replacement when the changed middle is too large for a minimal diff', () => {
      const expected = text(...numbered(3000));
      const actual = text(...numbered(3000, 10_000));
      const diff = unifiedDiff(expected, actual, { maxLines: 3000 });
      const lines = diff.split('\n');
      expect(lines[2]).toBe('@@ -1,3000 +1,3000 @@');
      expect(lines.filter((line) => line.startsWith('-') && !line.startsWith('---'))).toHaveLength(3000);
      expect(lines.filter((line) => line.startsWith('+') && !line.startsWith('+++'))).toHaveLength(3000);
    });
  });

  it('keeps carriage returns as part of a line', () => {
    expect(unifiedDiff('a\n', 'a\r\n')).toBe(
      ['--- expected', '+++ actual', '@@ -1 +1 @@', '-a', '+a\r', ''].join('\n'),
    );
  });
});
