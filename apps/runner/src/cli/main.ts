/**
 * Operator CLI of the runner (`npm run runner -- <command>`):
 *   selftest                 every catalogued language: installed, version, hello world, one hostile probe
 *   exec --lang <id> <file> [--stdin <file>] [--time-limit ms] [--memory-limit mb]
 *                            runs one program through the server's sandbox and limits, prints JSON
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { LanguageIdSchema, type LanguageId } from '@interviewselect/contracts';
import { createSandboxEngine, SandboxUnavailableError } from '../engine.js';
import { CATALOGUE } from '../languages/catalogue.js';
import type { ExecutionEngine } from '../types.js';
import { HOSTILE_PROBES, probeExpectedOutput } from './probes.js';

async function selftest(engine: ExecutionEngine): Promise<number> {
  const installed = new Map((await engine.languages()).map((l) => [l.id, l]));
  const rows: string[][] = [['language', 'installed', 'version', 'hello world', 'time', 'probe (read /etc/shadow)']];
  let failures = 0;
  for (const def of Object.values(CATALOGUE)) {
    const info = installed.get(def.id);
    if (!info) {
      rows.push([def.id, 'no', '-', '-', '-', '-']);
      continue;
    }
    const started = performance.now();
    const hello = await engine.execute({
      id: `selftest-${def.id}`,
      language: def.id,
      source: def.helloWorld,
      mode: 'test',
      tests: [
        {
          ordinal: 1,
          input: '',
          expectedOutput: def.id === 'sql' ? 'greeting\nHello, world!\n' : 'Hello, world!\n',
          hidden: false,
        },
      ],
      stopOnFirstFailure: false,
    });
    const elapsed = performance.now() - started;
    const probe = await engine.execute({
      id: `selftest-probe-${def.id}`,
      language: def.id,
      source: HOSTILE_PROBES[def.id],
      mode: 'test',
      tests: [{ ordinal: 1, input: '', expectedOutput: probeExpectedOutput(def.id), hidden: false }],
      stopOnFirstFailure: false,
    });
    if (hello.verdict !== 'accepted' || probe.verdict !== 'accepted') failures++;
    const helloText = hello.verdict === 'accepted' ? 'accepted' : `${hello.verdict}: ${hello.detail ?? ''}`.trim();
    const probeText = probe.verdict === 'accepted' ? 'blocked (accepted)' : `${probe.verdict}: ${probe.detail ?? ''}`;
    rows.push([def.id, 'yes', info.version, helloText, `${elapsed.toFixed(0)} ms`, probeText]);
  }
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  for (const row of rows) console.log(row.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join('  '));
  console.log(
    failures === 0 ? '\nselftest: all installed languages passed' : `\nselftest: ${failures} language(s) FAILED`,
  );
  return failures === 0 ? 0 : 1;
}

async function exec(engine: ExecutionEngine, argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      lang: { type: 'string' },
      stdin: { type: 'string' },
      'time-limit': { type: 'string' },
      'memory-limit': { type: 'string' },
    },
  });
  const lang = LanguageIdSchema.safeParse(values.lang);
  const file = positionals[0];
  if (!lang.success || !file) {
    console.error(
      `usage: runner exec --lang <${LanguageIdSchema.options.join('|')}> <file> [--stdin <file>] [--time-limit ms] [--memory-limit mb]`,
    );
    return 2;
  }
  const timeLimitMs = values['time-limit'] ? Number(values['time-limit']) : undefined;
  const memoryLimitMb = values['memory-limit'] ? Number(values['memory-limit']) : undefined;
  if (
    (timeLimitMs !== undefined && !(timeLimitMs >= 100 && timeLimitMs <= 10_000)) ||
    (memoryLimitMb !== undefined && !(memoryLimitMb >= 16 && memoryLimitMb <= 1024))
  ) {
    console.error('--time-limit must be 100–10000 ms and --memory-limit 16–1024 MiB');
    return 2;
  }
  const language: LanguageId = lang.data;
  const result = await engine.execute({
    id: 'cli',
    language,
    source: readFileSync(file, 'utf8'),
    mode: 'run',
    stdin: values.stdin ? readFileSync(values.stdin, 'utf8') : '',
    tests: [],
    stopOnFirstFailure: false,
    ...(timeLimitMs ? { timeLimitMs } : {}),
    ...(memoryLimitMb ? { memoryLimitMb } : {}),
  });
  console.log(
    JSON.stringify(
      {
        verdict: result.verdict,
        detail: result.detail,
        exitCode: result.exitCode,
        signal: result.signal,
        stdout: result.stdout,
        stderr: result.stderr,
        compileOutput: result.compileOutput,
        timeMs: result.cpuMs,
        wallMs: result.wallMs,
        memoryKb: result.memoryKb,
        languageVersion: result.languageVersion,
      },
      null,
      2,
    ),
  );
  return 0;
}

async function main(): Promise<number> {
  const [command, ...rest] = process.argv.slice(2);
  if (command !== 'selftest' && command !== 'exec') {
    console.error(
      'usage: runner selftest | runner exec --lang <id> <file> [--stdin <file>] [--time-limit ms] [--memory-limit mb]',
    );
    return 2;
  }
  let engine: ExecutionEngine;
  try {
    engine = await createSandboxEngine({ slots: command === 'selftest' ? undefined : 1 });
  } catch (error) {
    if (error instanceof SandboxUnavailableError) {
      console.error(`runner: cannot sandbox on this host: ${error.message}`);
      return 1;
    }
    throw error;
  }
  try {
    return command === 'selftest' ? await selftest(engine) : await exec(engine, rest);
  } finally {
    await engine.close();
  }
}

process.exitCode = await main();
