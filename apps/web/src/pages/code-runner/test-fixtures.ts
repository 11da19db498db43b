import type { Execution, ExecutionEvent, LanguageInfo, TestResult } from '@interviewselect/contracts';
import { vi } from 'vitest';
import { createFetchStub, SHELL_DEFAULTS, type StubHandler } from '../../testing/fetch-stub';

/** Fixtures and a streaming-capable fetch double for the code runner's unit tests. */
export const PYTHON: LanguageInfo = {
  id: 'python',
  name: 'Python',
  version: '3.12.3',
  fileName: 'main.py',
  compiled: false,
  editorMode: 'python',
  helloWorld: 'print("Hello, world!")\n',
};

export const C: LanguageInfo = {
  id: 'c',
  name: 'C',
  version: 'gcc 14.2',
  fileName: 'main.c',
  compiled: true,
  editorMode: 'c',
  helloWorld: '#include <stdio.h>\n\nint main(void) {\n  puts("Hello, world!");\n  return 0;\n}\n',
};

export const EXECUTION_ID = '0b9d6a4e-3f2c-4d8e-9a1b-5c7d9e0f1a2b';

export function executionOf(overrides: Partial<Execution> = {}): Execution {
  return {
    id: EXECUTION_ID,
    mode: 'run',
    language: 'python',
    languageVersion: '3.12.3',
    status: 'completed',
    verdict: 'accepted',
    detail: null,
    exitCode: 0,
    signal: null,
    stdout: '',
    stderr: '',
    compileOutput: null,
    cpuMs: 12,
    wallMs: 31,
    memoryKb: 9216,
    testsPassed: null,
    testsTotal: null,
    tests: [],
    interviewId: null,
    problemVersionId: null,
    createdAt: '2026-11-23T08:00:00.000Z',
    startedAt: '2026-11-23T08:00:00.100Z',
    finishedAt: '2026-11-23T08:00:00.200Z',
    ...overrides,
  };
}

export function testResultOf(overrides: Partial<TestResult> & Pick<TestResult, 'ordinal' | 'verdict'>): TestResult {
  return {
    hidden: false,
    detail: null,
    cpuMs: 10,
    wallMs: 20,
    memoryKb: 8192,
    input: null,
    expectedOutput: null,
    actualOutput: null,
    stderr: null,
    diff: null,
    ...overrides,
  };
}

export function sse(events: readonly ExecutionEvent[]): string {
  return events.map((event) => `event: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`).join('');
}

/** An event stream the test feeds by hand, to observe the page between events. */
export function controlledStream() {
  const encoder = new TextEncoder();
  let controller: ReadableStreamDefaultController<Uint8Array> | undefined;
  const body = new ReadableStream<Uint8Array>({
    start(c) {
      controller = c;
    },
  });
  return {
    response: () => new Response(body, { headers: { 'content-type': 'text/event-stream' } }),
    send: (...events: ExecutionEvent[]) => controller?.enqueue(encoder.encode(sse(events))),
    close: () => controller?.close(),
  };
}

export type RawHandler = (init: RequestInit | undefined) => Response;

/**
 * The shared fetch stub, plus raw handlers for what it cannot express:
 * streamed bodies and response headers such as Retry-After.
 */
export function stubRunnerFetch(handlers: Record<string, StubHandler>, raw: Record<string, RawHandler> = {}) {
  const base = createFetchStub(handlers, SHELL_DEFAULTS);
  const stub = vi.fn(async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const handler = raw[`${init?.method ?? 'GET'} ${url}`];
    return handler ? handler(init) : base(input, init);
  });
  vi.stubGlobal('fetch', stub);
  return stub;
}

export function sseResponse(events: readonly ExecutionEvent[]): Response {
  return new Response(sse(events), { headers: { 'content-type': 'text/event-stream' } });
}
