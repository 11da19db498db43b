import { describe, expect, it } from 'vitest';
import { pairCaseFiles, parsePastedCases } from './bulk-tests';

describe('bulk test entry', () => {
  it('splits pasted text into cases at "===" and input/output at "---"', () => {
    const { cases, problems } = parsePastedCases('1 2\n---\n3\n===\n5 7\n---\n12\n===\n\n');
    expect(problems).toEqual([]);
    expect(cases).toEqual([
      { name: '', input: '1 2\n', expectedOutput: '3\n' },
      { name: '', input: '5 7\n', expectedOutput: '12\n' },
    ]);
  });

  it('says which pasted case lacks its separator', () => {
    expect(parsePastedCases('1 2\n---\n3\n===\n4 5\n').problems).toEqual([
      'Case 2 has no "---" line between its input and its expected output.',
    ]);
  });

  it('pairs .in and .out files by name in natural order and reports strays', () => {
    const { cases, problems } = pairCaseFiles([
      { name: '10.in', text: 'x' },
      { name: '2.in', text: 'a' },
      { name: '2.out', text: 'b' },
      { name: '10.ans', text: 'y' },
      { name: '3.in', text: 'c' },
      { name: 'notes.md', text: '' },
    ]);
    expect(cases.map((c) => c.name)).toEqual(['2', '10']);
    expect(problems).toEqual([
      'notes.md: name inputs <name>.in and expected outputs <name>.out.',
      '3.in has no matching 3.out.',
    ]);
  });
});
