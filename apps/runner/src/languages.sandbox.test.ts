/**
 * Every installed language, really compiled and run in the sandbox: its
 * version is reported, hello world is Accepted, and a five-test submission
 * (two hidden) is judged Accepted; a wrong program is Wrong Answer with a diff.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LanguageId, LanguageInfo } from '@interviewselect/contracts';
import { createSandboxEngine } from './engine.js';
import { CATALOGUE } from './languages/catalogue.js';
import { SUM_PROGRAMS, sumTests } from './languages/fixtures.js';
import type { ExecutionEngine } from './types.js';

let engine: ExecutionEngine;
let installed: Map<LanguageId, LanguageInfo>;

beforeAll(async () => {
  engine = await createSandboxEngine({ slots: 2, uidBase: 62_100 });
  installed = new Map((await engine.languages()).map((l) => [l.id, l]));
});

afterAll(async () => {
  await engine.close();
});

describe('the language catalogue in the sandbox', () => {
  it('finds the toolchains this machine has, with versions', () => {
    // The bootstrap installs every toolchain when it runs as root with apt.
    expect([...installed.keys()].sort()).toEqual(Object.keys(CATALOGUE).sort());
    for (const info of installed.values()) expect(info.version).toMatch(/\d/);
  });

  for (const id of Object.keys(CATALOGUE) as LanguageId[]) {
    it(`${id}: hello world is Accepted and a 5-test submission passes`, async () => {
      const def = CATALOGUE[id];
      const hello = await engine.execute({
        id: `hello-${id}`,
        language: id,
        source: def.helloWorld,
        mode: 'run',
        stdin: '',
        tests: [],
        stopOnFirstFailure: false,
      });
      expect({ verdict: hello.verdict, stderr: hello.stderr, compile: hello.compileOutput }).toMatchObject({
        verdict: 'accepted',
      });
      expect(hello.stdout).toContain('Hello, world!');
      expect(hello.languageVersion).toBe(installed.get(id)?.version);

      const judged = await engine.execute({
        id: `sum-${id}`,
        language: id,
        source: SUM_PROGRAMS[id],
        mode: 'submit',
        tests: sumTests(id),
        stopOnFirstFailure: false,
      });
      expect({ verdict: judged.verdict, detail: judged.detail }).toEqual({ verdict: 'accepted', detail: null });
      expect(judged.testsPassed).toBe(5);
      expect(judged.tests.filter((t) => t.hidden)).toHaveLength(2);
    });
  }
});

describe('judging', () => {
  it('a wrong answer gets a diff, and stop-on-first-failure skips the rest', async () => {
    const result = await engine.execute({
      id: 'wrong',
      language: 'python',
      source: 'a, b = map(int, input().split())\nprint(a - b)\n',
      mode: 'test',
      tests: sumTests('python'),
      stopOnFirstFailure: true,
    });
    expect(result.verdict).toBe('wrong_answer');
    expect(result.tests.map((t) => t.verdict)).toEqual(['wrong_answer', 'skipped', 'skipped', 'skipped', 'skipped']);
    expect(result.tests[0]?.diff).toContain('-3');
    expect(result.tests[0]?.diff).toContain('+-1');
  });

  it('a hidden test never quotes its expected output in a wrong-answer detail', async () => {
    const result = await engine.execute({
      id: 'hidden-detail',
      language: 'bash',
      source: 'echo 41.5',
      mode: 'submit',
      comparator: { kind: 'float', absolute: 1e-6, relative: 1e-6 },
      tests: [
        { ordinal: 1, input: '', expectedOutput: '12.25\n', hidden: false },
        { ordinal: 2, input: '', expectedOutput: '99.75\n', hidden: true },
      ],
      stopOnFirstFailure: false,
    });
    expect(result.tests[0]?.detail).toContain('12.25');
    expect(result.tests[1]?.verdict).toBe('wrong_answer');
    expect(JSON.stringify([result.tests[1]?.detail, result.detail])).not.toContain('99.75');
  });

  it('a compile error is a verdict with the compiler message, and is cached like a success', async () => {
    const job = {
      id: 'ce',
      language: 'cpp' as const,
      source: 'int main() { return missing_name; }\n',
      mode: 'run' as const,
      stdin: '',
      tests: [],
      stopOnFirstFailure: false,
    };
    const result = await engine.execute(job);
    expect(result.verdict).toBe('compilation_error');
    expect(result.compileOutput).toContain('missing_name');
  });

  it('a compiler cannot read host files either', async () => {
    const result = await engine.execute({
      id: 'ce-include',
      language: 'c',
      source: '#include "/etc/shadow"\nint main(void) { return 0; }\n',
      mode: 'run',
      stdin: '',
      tests: [],
      stopOnFirstFailure: false,
    });
    expect(result.verdict).toBe('compilation_error');
    expect(result.compileOutput).toMatch(/No such file or directory/);
  });

  it('a stack overflow is a Runtime Error naming SIGSEGV', async () => {
    const result = await engine.execute({
      id: 'stack',
      language: 'c',
      source:
        'int f(int n) { volatile char pad[4096]; pad[0] = (char)n; return f(n + 1) + pad[0]; }\nint main(void) { return f(0); }\n',
      mode: 'run',
      stdin: '',
      tests: [],
      stopOnFirstFailure: false,
    });
    expect(result.verdict).toBe('runtime_error');
    expect(result.signal).toBe('SIGSEGV');
  });

  it('a non-zero exit is a Runtime Error with the exit code', async () => {
    const result = await engine.execute({
      id: 'exit',
      language: 'python',
      source: 'import sys\nsys.exit(3)\n',
      mode: 'run',
      stdin: '',
      tests: [],
      stopOnFirstFailure: false,
    });
    expect(result.verdict).toBe('runtime_error');
    expect(result.exitCode).toBe(3);
  });

  it('a custom checker program decides, in its own sandbox', async () => {
    // Accepts any permutation of the expected words.
    const checker = [
      'import sys',
      'expected = open(sys.argv[2]).read().split()',
      'actual = open(sys.argv[3]).read().split()',
      'ok = sorted(expected) == sorted(actual)',
      'print("ok" if ok else "not a permutation")',
      'sys.exit(0 if ok else 1)',
    ].join('\n');
    const result = await engine.execute({
      id: 'checker',
      language: 'bash',
      source: 'read line\necho "$line" | tr " " "\\n" | sort -r | tr "\\n" " "\n',
      mode: 'test',
      comparator: { kind: 'checker', language: 'python', source: checker },
      tests: [
        { ordinal: 1, input: 'a b c\n', expectedOutput: 'a b c\n', hidden: false },
        { ordinal: 2, input: 'x y\n', expectedOutput: 'x z\n', hidden: false },
      ],
      stopOnFirstFailure: false,
    });
    expect(result.tests.map((t) => t.verdict)).toEqual(['accepted', 'wrong_answer']);
    expect(result.tests[1]?.detail).toBe('not a permutation');
  });
});
