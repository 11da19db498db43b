import { describe, expect, it } from 'vitest';
import { compareOutput, DEFAULT_COMPARATOR, type BuiltinComparator } from './compare.js';

const exact: BuiltinComparator = { kind: 'exact' };
const trailing: BuiltinComparator = { kind: 'trailing_whitespace' };
const whitespace: BuiltinComparator = { kind: 'whitespace' };
const unordered: BuiltinComparator = { kind: 'unordered_lines' };
const float = (absolute = 1e-6, relative = 1e-6): BuiltinComparator => ({ kind: 'float', absolute, relative });

describe('DEFAULT_COMPARATOR', () => {
  it('ignores trailing whitespace', () => {
    expect(DEFAULT_COMPARATOR).toEqual({ kind: 'trailing_whitespace' });
  });
});

describe('compareOutput: exact', () => {
  it('accepts identical text', () => {
    expect(compareOutput('1 2\n3\n', '1 2\n3\n', exact)).toEqual({ ok: true });
    expect(compareOutput('', '', exact)).toEqual({ ok: true });
  });

  it('treats CRLF and LF as different', () => {
    expect(compareOutput('a\nb\n', 'a\r\nb\r\n', exact)).toEqual({ ok: false, reason: 'line 1 differs' });
  });

  it('rejects trailing spaces', () => {
    expect(compareOutput('a\nb\n', 'a\nb \n', exact)).toEqual({ ok: false, reason: 'line 2 differs' });
  });

  it('names a missing or extra final newline', () => {
    expect(compareOutput('42\n', '42', exact)).toEqual({ ok: false, reason: 'missing newline at end of output' });
    expect(compareOutput('42', '42\n', exact)).toEqual({ ok: false, reason: 'extra newline at end of output' });
  });

  it('counts lines when one output is a prefix of the other', () => {
    expect(compareOutput('a\nb\nc', 'a\nb', exact)).toEqual({ ok: false, reason: 'expected 3 lines, got 2' });
    expect(compareOutput('a\n', 'a\n\n\n', exact)).toEqual({ ok: false, reason: 'expected 1 line, got 3' });
  });

  it('reports an empty output as zero lines', () => {
    expect(compareOutput('a\nb\n', '', exact)).toEqual({ ok: false, reason: 'line 1 differs' });
  });
});

describe('compareOutput: trailing_whitespace', () => {
  it('ignores trailing spaces and tabs on each line', () => {
    expect(compareOutput('1 2\n3\n', '1 2  \t\n3\t\n', trailing)).toEqual({ ok: true });
  });

  it('ignores trailing blank lines and a missing final newline', () => {
    expect(compareOutput('a\nb\n', 'a\nb', trailing).ok).toBe(true);
    expect(compareOutput('a\nb', 'a\nb\n\n \n\t\n', trailing).ok).toBe(true);
  });

  it('treats CRLF as LF on either side', () => {
    expect(compareOutput('a\r\nb\r\n', 'a\nb\n', trailing).ok).toBe(true);
    expect(compareOutput('a\nb', 'a \t\r\nb\r\n', trailing).ok).toBe(true);
    expect(compareOutput('a\nb\n', 'a\r\nb\r\n', trailing).ok).toBe(true);
  });

  it('keeps leading whitespace significant', () => {
    expect(compareOutput('a\nb\n', 'a\n b\n', trailing)).toEqual({ ok: false, reason: 'line 2 differs' });
  });

  it('keeps inner blank lines significant', () => {
    expect(compareOutput('a\nb\n', 'a\n\nb\n', trailing)).toEqual({ ok: false, reason: 'line 2 differs' });
  });

  it('reports missing and extra lines', () => {
    expect(compareOutput('1\n2\n3\n', '1\n2\n', trailing)).toEqual({ ok: false, reason: 'expected 3 lines, got 2' });
    expect(compareOutput('1\n', '1\n2\n', trailing)).toEqual({ ok: false, reason: 'expected 1 line, got 2' });
  });

  it('treats whitespace-only output as empty', () => {
    expect(compareOutput('', ' \n\n', trailing).ok).toBe(true);
    expect(compareOutput('', 'x', trailing)).toEqual({ ok: false, reason: 'expected 0 lines, got 1' });
  });

  it('does not strip a lone CR or other whitespace', () => {
    expect(compareOutput('a\n', 'a\r\r\n', trailing).ok).toBe(false);
    expect(compareOutput('a\n', 'a\u00a0\n', trailing).ok).toBe(false);
  });
});

describe('compareOutput: whitespace', () => {
  it('compares tokens regardless of spacing and line breaks', () => {
    expect(compareOutput('1 2 3\n', '  1\n2\t\t3  \r\n\n', whitespace)).toEqual({ ok: true });
  });

  it('reports a differing token with its 1-based index', () => {
    expect(compareOutput('1 2 3', '1 5 3', whitespace)).toEqual({
      ok: false,
      reason: 'token 2 differs: expected "2", got "5"',
    });
  });

  it('reports token counts', () => {
    expect(compareOutput('1 2 3 4', '1 2 3', whitespace)).toEqual({ ok: false, reason: 'expected 4 tokens, got 3' });
    expect(compareOutput('', '', whitespace).ok).toBe(true);
    expect(compareOutput('x', ' \n', whitespace)).toEqual({ ok: false, reason: 'expected 1 token, got 0' });
  });

  it('does not compare numbers numerically', () => {
    expect(compareOutput('1.0', '1', whitespace).ok).toBe(false);
  });

  it('shortens long tokens in the reason', () => {
    const result = compareOutput('a'.repeat(100), 'b'.repeat(100), whitespace);
    expect(result.ok).toBe(false);
    expect(result.reason).toContain('…');
    expect(result.reason?.length).toBeLessThan(120);
  });
});

describe('compareOutput: float', () => {
  it('accepts numbers within the absolute tolerance', () => {
    expect(compareOutput('0.333333', '0.3333334', float()).ok).toBe(true);
    expect(compareOutput('1.5', '1.6', float(0.1, 0)).ok).toBe(true);
    expect(compareOutput('1.5', '1.6001', float(0.1, 0)).ok).toBe(false);
  });

  it('accepts numbers within the relative tolerance', () => {
    expect(compareOutput('1000000', '1000000.5', float(0, 1e-6)).ok).toBe(true);
    expect(compareOutput('1000000', '1000002', float(0, 1e-6)).ok).toBe(false);
  });

  it('accepts differing spellings of the same number', () => {
    expect(compareOutput('1 -0 2.50 100', '1.0 0 2.5 1e2', float(0, 0)).ok).toBe(true);
    expect(compareOutput('.5', '0.5', float(0, 0)).ok).toBe(true);
    expect(compareOutput('+3', '3.', float(0, 0)).ok).toBe(true);
  });

  it('names the first differing token', () => {
    expect(compareOutput('1.0 2.0 3.0', '1.0 2.1 3.5', float())).toEqual({
      ok: false,
      reason: 'token 2 differs: expected "2.0", got "2.1"',
    });
  });

  it('compares non-numeric tokens exactly', () => {
    expect(compareOutput('YES 1.0', 'YES 1.0000001', float()).ok).toBe(true);
    expect(compareOutput('YES 1.0', 'yes 1.0', float()).ok).toBe(false);
  });

  it('does not read hex, Infinity or NaN as numbers', () => {
    expect(compareOutput('0x10', '16', float(1, 1)).ok).toBe(false);
    expect(compareOutput('Infinity', '1e400', float(1, 1)).ok).toBe(false);
    expect(compareOutput('NaN', 'NaN', float()).ok).toBe(true);
    expect(compareOutput('nan', 'NaN', float()).ok).toBe(false);
    expect(compareOutput('inf', 'inf', float()).ok).toBe(true);
  });

  it('compares numbers that overflow to Infinity as text', () => {
    expect(compareOutput('1e400', '1e400', float()).ok).toBe(true);
    expect(compareOutput('1e400', '2e400', float(1, 1)).ok).toBe(false);
  });

  it('rejects a number against a word', () => {
    expect(compareOutput('1', 'one', float(1, 1)).ok).toBe(false);
    expect(compareOutput('1.', '1.e', float(1, 1)).ok).toBe(false);
  });

  it('requires the same token count', () => {
    expect(compareOutput('1 2', '1 2 3', float())).toEqual({ ok: false, reason: 'expected 2 tokens, got 3' });
  });

  it('absorbs the rounding of the subtraction but nothing more', () => {
    expect(compareOutput('1', '1.0000000000000002', float(0, 0)).ok).toBe(true);
    expect(compareOutput('1', '1.000000000001', float(0, 0)).ok).toBe(false);
    expect(compareOutput('0', '1e-300', float(0, 0)).ok).toBe(false);
  });

  it('uses the larger magnitude for the relative bound', () => {
    expect(compareOutput('0', '1e-9', float(0, 0.5)).ok).toBe(false);
    expect(compareOutput('100', '150', float(0, 0.34)).ok).toBe(true);
    expect(compareOutput('150', '100', float(0, 0.34)).ok).toBe(true);
  });
});

describe('compareOutput: unordered_lines', () => {
  it('accepts the same lines in another order', () => {
    expect(compareOutput('a\nb\nc\n', 'c\na\nb', unordered)).toEqual({ ok: true });
  });

  it('normalises like trailing_whitespace', () => {
    expect(compareOutput('a\r\nb\r\n', 'b  \na\t\n\n', unordered).ok).toBe(true);
  });

  it('counts duplicates', () => {
    expect(compareOutput('a\na\nb\n', 'a\nb\nb\n', unordered)).toEqual({ ok: false, reason: 'unexpected line "b"' });
  });

  it('reports line counts', () => {
    expect(compareOutput('a\nb\n', 'a\n', unordered)).toEqual({ ok: false, reason: 'expected 2 lines, got 1' });
  });
});

describe('compareOutput on large outputs', () => {
  const lines = Array.from({ length: 500_000 }, (_, i) => `${i} ${i * 0.5}`);
  const big = `${lines.join('\n')}\n`; // about 6 MB

  it('handles multi-MB outputs under every comparator', () => {
    const withTrailing = `${lines.join(' \r\n')}\r\n\n`;
    expect(big.length).toBeGreaterThan(4_000_000);
    expect(compareOutput(big, big, exact).ok).toBe(true);
    expect(compareOutput(big, withTrailing, trailing).ok).toBe(true);
    expect(compareOutput(big, withTrailing, whitespace).ok).toBe(true);
    expect(compareOutput(big, withTrailing, float()).ok).toBe(true);
    expect(compareOutput(big, lines.toReversed().join('\n'), unordered).ok).toBe(true);
  }, 60_000);

  it('finds a difference near the end', () => {
    const changed = big.replace('499999 249999.5', '499999 249999.6');
    expect(compareOutput(big, changed, trailing)).toEqual({ ok: false, reason: 'line 500000 differs' });
    expect(compareOutput(big, changed, float(1e-9, 1e-9)).reason).toBe(
      'token 1000000 differs: expected "249999.5", got "249999.6"',
    );
  });

  it('handles a 4 MB line of spaces', () => {
    const spaces = `x${' '.repeat(4_000_000)}y`;
    expect(compareOutput(spaces, spaces, trailing).ok).toBe(true);
    expect(compareOutput('x', `x${' '.repeat(4_000_000)}\n`, trailing).ok).toBe(true);
    expect(compareOutput('x y', spaces, whitespace).ok).toBe(true);
  });
});
