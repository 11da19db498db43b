/**
 * The language catalogue: the single place a language is defined — its
 * toolchain paths, compile and run commands, file name, hello world and limit
 * multipliers. Toolchains come from Debian packages (the bootstrap installs
 * them when root); JavaScript, TypeScript and SQL use the project's pinned
 * Node 24, bound read-only at /opt/node.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import type { LanguageId } from '@interviewselect/contracts';
import { RUNNER_ROOT } from '../package-root.js';
import type { Bind } from '../sandbox/sandbox.js';

export interface CompileStep {
  /** The compiler's argv, run in /box with the source at /box/<fileName>; artefacts go to /box/out. */
  argv: string[];
  /** Memory limit of this step in MiB, when the default compile limit is not enough. */
  memoryMb?: number;
}

export interface LanguageDefinition {
  id: LanguageId;
  name: string;
  fileName: string;
  editorMode: string;
  helloWorld: string;
  /** Host paths that must exist for the language to count as installed. */
  requires: string[];
  /** Run on the host (trusted toolchain binaries) to read the version. */
  versionCommand: string[];
  /** First capture group = the version. */
  versionPattern: RegExp;
  binds: Bind[];
  env: Record<string, string>;
  compile?: CompileStep;
  /** A one-time build per language version (same sandbox and limits as compiling) whose artefacts every run gets. */
  setup?: CompileStep;
  /** The program's argv, in /box next to the source or the compiled artefacts. */
  run: string[];
  /** CPU-time multiplier on the problem's limit (research/execution.md §6.2). */
  timeFactor: number;
  /** Default memory limit in MiB and multiplier applied to a problem's limit. */
  memoryMb: number;
  memoryFactor: number;
  /** The runtime's own footprint dominates (PGlite): the problem's memory limit does not apply. */
  memoryFixed?: boolean;
  pids: number;
  /** Debian package that provides the toolchain (what the bootstrap installs). */
  debianPackages: string[];
}

const NODE_DIR = '/opt/node/bin';
const NODE = `${NODE_DIR}/node`;
/** The Node binary the sandbox runs: the one this process runs on (the pinned Node 24). */
export const HOST_NODE = process.execPath;
const require = createRequire(import.meta.url);

function pgliteDir(): string | null {
  try {
    // The package exports no ./package.json: resolve its entry (dist/index.cjs) and go up one level.
    return path.dirname(path.dirname(require.resolve('@electric-sql/pglite')));
  } catch {
    return null;
  }
}
const PGLITE_DIR = pgliteDir();
const SQL_RUNNER = path.join(RUNNER_ROOT, 'sandbox-files/sql-runner.mjs');

const BASE_ENV = { PATH: `/usr/bin:/bin:${NODE_DIR}`, HOME: '/tmp', LANG: 'C.UTF-8', TMPDIR: '/tmp' };

export const CATALOGUE: Record<LanguageId, LanguageDefinition> = {
  python: {
    id: 'python',
    name: 'Python 3',
    fileName: 'main.py',
    editorMode: 'python',
    helloWorld: 'print("Hello, world!")\n',
    requires: ['/usr/bin/python3'],
    versionCommand: ['/usr/bin/python3', '--version'],
    versionPattern: /Python (\S+)/,
    binds: [],
    env: { ...BASE_ENV, PYTHONDONTWRITEBYTECODE: '1', PYTHONUNBUFFERED: '1' },
    run: ['/usr/bin/python3', '-I', '-B', 'main.py'],
    timeFactor: 3,
    memoryMb: 256,
    memoryFactor: 1,
    pids: 64,
    debianPackages: ['python3'],
  },
  javascript: {
    id: 'javascript',
    name: 'JavaScript (Node.js)',
    fileName: 'main.js',
    editorMode: 'javascript',
    helloWorld: 'console.log("Hello, world!");\n',
    requires: [HOST_NODE],
    versionCommand: [HOST_NODE, '--version'],
    versionPattern: /v(\S+)/,
    binds: [{ host: HOST_NODE, sandbox: NODE }],
    env: { ...BASE_ENV },
    run: [NODE, '--max-old-space-size=192', 'main.js'],
    timeFactor: 1.5,
    memoryMb: 256,
    memoryFactor: 1,
    pids: 64,
    debianPackages: [],
  },
  typescript: {
    id: 'typescript',
    name: 'TypeScript (Node.js)',
    fileName: 'main.ts',
    editorMode: 'typescript',
    helloWorld: 'const greeting: string = "Hello, world!";\nconsole.log(greeting);\n',
    requires: [HOST_NODE],
    versionCommand: [HOST_NODE, '--version'],
    versionPattern: /v(\S+)/,
    binds: [{ host: HOST_NODE, sandbox: NODE }],
    env: { ...BASE_ENV },
    run: [
      NODE,
      '--experimental-transform-types',
      '--disable-warning=ExperimentalWarning',
      '--max-old-space-size=192',
      'main.ts',
    ],
    timeFactor: 1.5,
    memoryMb: 256,
    memoryFactor: 1,
    pids: 64,
    debianPackages: [],
  },
  java: {
    id: 'java',
    name: 'Java',
    fileName: 'Main.java',
    editorMode: 'java',
    helloWorld:
      'public class Main {\n    public static void main(String[] args) {\n        System.out.println("Hello, world!");\n    }\n}\n',
    requires: ['/usr/bin/javac', '/usr/bin/java', '/etc/java-17-openjdk'],
    versionCommand: ['/usr/bin/javac', '-version'],
    versionPattern: /javac (\S+)/,
    binds: [{ host: '/etc/java-17-openjdk', sandbox: '/etc/java-17-openjdk' }],
    env: { ...BASE_ENV },
    compile: { argv: ['/usr/bin/javac', '-J-XX:+UseSerialGC', '-encoding', 'UTF-8', '-d', 'out', 'Main.java'] },
    run: ['/usr/bin/java', '-XX:+UseSerialGC', '-Xss64m', '-XX:MaxRAMPercentage=75', '-cp', '/box', 'Main'],
    timeFactor: 1.5,
    memoryMb: 512,
    memoryFactor: 2,
    pids: 128,
    debianPackages: ['openjdk-17-jdk-headless'],
  },
  c: {
    id: 'c',
    name: 'C (GCC)',
    fileName: 'main.c',
    editorMode: 'c',
    helloWorld: '#include <stdio.h>\n\nint main(void) {\n    printf("Hello, world!\\n");\n    return 0;\n}\n',
    requires: ['/usr/bin/gcc'],
    versionCommand: ['/usr/bin/gcc', '-dumpfullversion'],
    versionPattern: /(\S+)/,
    binds: [],
    env: { ...BASE_ENV },
    compile: { argv: ['/usr/bin/gcc', '-O2', '-std=gnu17', '-pipe', '-o', 'out/main', 'main.c', '-lm'] },
    run: ['/box/main'],
    timeFactor: 1,
    memoryMb: 256,
    memoryFactor: 1,
    pids: 64,
    debianPackages: ['gcc'],
  },
  cpp: {
    id: 'cpp',
    name: 'C++20 (GCC)',
    fileName: 'main.cpp',
    editorMode: 'cpp',
    helloWorld:
      '#include <iostream>\n\nint main() {\n    std::cout << "Hello, world!" << std::endl;\n    return 0;\n}\n',
    requires: ['/usr/bin/g++'],
    versionCommand: ['/usr/bin/g++', '-dumpfullversion'],
    versionPattern: /(\S+)/,
    binds: [],
    env: { ...BASE_ENV },
    compile: { argv: ['/usr/bin/g++', '-O2', '-std=c++20', '-pipe', '-o', 'out/main', 'main.cpp'] },
    run: ['/box/main'],
    timeFactor: 1,
    memoryMb: 256,
    memoryFactor: 1,
    pids: 64,
    debianPackages: ['g++'],
  },
  go: {
    id: 'go',
    name: 'Go',
    fileName: 'main.go',
    editorMode: 'go',
    helloWorld: 'package main\n\nimport "fmt"\n\nfunc main() {\n\tfmt.Println("Hello, world!")\n}\n',
    requires: ['/usr/bin/go'],
    versionCommand: ['/usr/bin/go', 'version'],
    versionPattern: /go(\d\S*)/,
    binds: [],
    env: { ...BASE_ENV, GOCACHE: '/tmp/go-cache', GOPATH: '/tmp/go', GO111MODULE: 'off', CGO_ENABLED: '0' },
    compile: { argv: ['/usr/bin/go', 'build', '-o', 'out/main', 'main.go'] },
    run: ['/box/main'],
    timeFactor: 1,
    memoryMb: 256,
    memoryFactor: 1,
    pids: 64,
    debianPackages: ['golang-go'],
  },
  rust: {
    id: 'rust',
    name: 'Rust',
    fileName: 'main.rs',
    editorMode: 'rust',
    helloWorld: 'fn main() {\n    println!("Hello, world!");\n}\n',
    requires: ['/usr/bin/rustc'],
    versionCommand: ['/usr/bin/rustc', '--version'],
    versionPattern: /rustc (\S+)/,
    binds: [],
    env: { ...BASE_ENV },
    compile: { argv: ['/usr/bin/rustc', '-C', 'opt-level=2', '--edition', '2021', '-o', 'out/main', 'main.rs'] },
    run: ['/box/main'],
    timeFactor: 1,
    memoryMb: 256,
    memoryFactor: 1,
    pids: 64,
    debianPackages: ['rustc'],
  },
  ruby: {
    id: 'ruby',
    name: 'Ruby',
    fileName: 'main.rb',
    editorMode: 'ruby',
    helloWorld: 'puts "Hello, world!"\n',
    requires: ['/usr/bin/ruby'],
    versionCommand: ['/usr/bin/ruby', '--version'],
    versionPattern: /ruby (\S+)/,
    binds: [],
    env: { ...BASE_ENV },
    run: ['/usr/bin/ruby', '--disable-gems', 'main.rb'],
    timeFactor: 3,
    memoryMb: 256,
    memoryFactor: 1,
    pids: 64,
    debianPackages: ['ruby'],
  },
  php: {
    id: 'php',
    name: 'PHP',
    fileName: 'main.php',
    editorMode: 'php',
    helloWorld: '<?php\necho "Hello, world!\\n";\n',
    requires: ['/usr/bin/php', '/etc/php'],
    versionCommand: ['/usr/bin/php', '-v'],
    versionPattern: /PHP (\S+)/,
    binds: [{ host: '/etc/php', sandbox: '/etc/php' }],
    env: { ...BASE_ENV },
    run: ['/usr/bin/php', '-d', 'display_errors=stderr', 'main.php'],
    timeFactor: 3,
    memoryMb: 256,
    memoryFactor: 1,
    pids: 64,
    debianPackages: ['php-cli'],
  },
  csharp: {
    id: 'csharp',
    name: 'C# (Mono)',
    fileName: 'main.cs',
    editorMode: 'csharp',
    helloWorld:
      'using System;\n\npublic class Program\n{\n    public static void Main()\n    {\n        Console.WriteLine("Hello, world!");\n    }\n}\n',
    requires: ['/usr/bin/mcs', '/usr/bin/mono', '/etc/mono'],
    versionCommand: ['/usr/bin/mono', '--version'],
    versionPattern: /version (\S+)/,
    binds: [{ host: '/etc/mono', sandbox: '/etc/mono' }],
    env: { ...BASE_ENV },
    compile: { argv: ['/usr/bin/mcs', '-optimize+', '-out:out/main.exe', 'main.cs'] },
    run: ['/usr/bin/mono', '/box/main.exe'],
    timeFactor: 1.5,
    memoryMb: 256,
    memoryFactor: 1,
    pids: 64,
    debianPackages: ['mono-mcs', 'mono-runtime'],
  },
  bash: {
    id: 'bash',
    name: 'Bash',
    fileName: 'main.sh',
    editorMode: 'shell',
    helloWorld: 'echo "Hello, world!"\n',
    requires: ['/usr/bin/bash'],
    versionCommand: ['/usr/bin/bash', '--version'],
    versionPattern: /version (\S+)/,
    binds: [],
    env: { ...BASE_ENV },
    run: ['/usr/bin/bash', 'main.sh'],
    timeFactor: 1,
    memoryMb: 256,
    memoryFactor: 1,
    pids: 64,
    debianPackages: ['bash'],
  },
  sql: {
    id: 'sql',
    name: 'SQL (PostgreSQL, PGlite)',
    fileName: 'main.sql',
    editorMode: 'sql',
    helloWorld: "SELECT 'Hello, world!' AS greeting;\n",
    requires: [HOST_NODE, ...(PGLITE_DIR ? [PGLITE_DIR] : ['/nonexistent/pglite'])],
    versionCommand: [HOST_NODE, '-p', `require(${JSON.stringify(PGLITE_DIR ?? '')} + '/package.json').version`],
    versionPattern: /(\S+)/,
    binds: [
      { host: HOST_NODE, sandbox: NODE },
      ...(PGLITE_DIR ? [{ host: PGLITE_DIR, sandbox: '/opt/pglite' }] : []),
      { host: SQL_RUNNER, sandbox: '/opt/isel/sql-runner.mjs' },
    ],
    env: { ...BASE_ENV },
    setup: { argv: [NODE, '/opt/isel/sql-runner.mjs', '--init', 'out/pgdata.tar'], memoryMb: 2048 },
    run: [NODE, '/opt/isel/sql-runner.mjs', 'main.sql'],
    timeFactor: 3,
    memoryMb: 1024,
    memoryFactor: 1,
    memoryFixed: true,
    pids: 64,
    debianPackages: [],
  },
};

/** Defaults of research/execution.md §6.2 that are not per language. */
export const DEFAULT_LIMITS = {
  cpuMs: 2000,
  maxCpuMs: 10_000,
  maxWallMs: 20_000,
  fileSizeBytes: 16 * 1024 * 1024,
  tmpfsBytes: 64 * 1024 * 1024,
  openFiles: 256,
  stackBytes: 64 * 1024 * 1024,
  /** Output kept per stream when judging; more is Output Limit Exceeded. */
  judgeOutputBytes: 64 * 1024,
  /** Output kept per stream in run mode (shown to the user). */
  runOutputBytes: 1024 * 1024,
  compile: {
    cpuMs: 15_000,
    wallMs: 30_000,
    memoryBytes: 1024 * 1024 * 1024,
    pids: 128,
    tmpfsBytes: 256 * 1024 * 1024,
    artefactBytes: 64 * 1024 * 1024,
    diagnosticsBytes: 64 * 1024,
  },
} as const;
