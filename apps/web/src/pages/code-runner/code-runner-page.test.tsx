import type { CreateExecutionInput } from '@interviewselect/contracts';
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { pageCalls, sessionOf, TEST_USER } from '../../testing/fetch-stub';
import { renderApp } from '../../testing/render-app';
import { LANGUAGE_STORAGE_KEY } from './language-choice';
import { C, controlledStream, EXECUTION_ID, executionOf, PYTHON, sseResponse, stubRunnerFetch } from './test-fixtures';

const SESSION = { 'GET /api/v1/auth/session': sessionOf(TEST_USER) };
const LANGUAGES = { 'GET /api/v1/languages': { body: { languages: [C, PYTHON] } } };
const CREATED = { status: 202, body: { id: EXECUTION_ID, status: 'pending' } };
const EVENTS = `GET /api/v1/executions/${EXECUTION_ID}/events`;

beforeEach(() => window.localStorage.clear());
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function editor() {
  return screen.getByRole<HTMLTextAreaElement>('textbox', { name: /Source code/ });
}

function postedBody(fetch: ReturnType<typeof stubRunnerFetch>): CreateExecutionInput {
  const post = pageCalls(fetch).find(([, init]) => init?.method === 'POST');
  return JSON.parse(post?.[1]?.body as string) as CreateExecutionInput;
}

describe('Code runner: Run', () => {
  it('streams stdout and stderr live, then shows the verdict, figures and announces it', async () => {
    const stream = controlledStream();
    const fetch = stubRunnerFetch(
      { ...SESSION, ...LANGUAGES, 'POST /api/v1/executions': CREATED },
      { [EVENTS]: stream.response },
    );
    renderApp('/run');
    // No stored choice: Python is preferred over the first language, with its hello world.
    expect(await screen.findByRole('combobox', { name: 'Language' })).toHaveProperty('value', 'python');
    expect(screen.getByRole('option', { name: 'Python 3.12.3' })).toBeTruthy();
    expect(editor().value).toBe(PYTHON.helloWorld);

    fireEvent.change(editor(), { target: { value: 'print(input()[::-1])\n' } });
    fireEvent.change(screen.getByRole('textbox', { name: 'Standard input' }), { target: { value: 'abc' } });
    fireEvent.click(screen.getByRole('button', { name: 'Run' }));

    const running = await screen.findByRole('button', { name: 'Running…' });
    expect(running).toHaveProperty('disabled', true);
    expect(screen.getByRole('button', { name: 'Run tests' })).toHaveProperty('disabled', true);
    await waitFor(() => expect(pageCalls(fetch).some(([url]) => `GET ${url as string}` === EVENTS)).toBe(true));

    act(() => stream.send({ type: 'status', status: 'running' }, { type: 'output', stream: 'stdout', data: 'cba\n' }));
    const output = screen.getByRole('region', { name: 'Program output' });
    await waitFor(() => expect(output.textContent).toContain('cba'));
    act(() => stream.send({ type: 'output', stream: 'stderr', data: 'careful\n' }));
    await waitFor(() => expect(output.querySelector('.output-panel__stderr')?.textContent).toBe('[stderr] careful\n'));
    expect(screen.getByText('Running…', { selector: '.output-panel__progress' })).toBeTruthy();

    act(() => {
      stream.send({ type: 'done', execution: executionOf({ stdout: 'cba\n', stderr: 'careful\n' }) });
      stream.close();
    });
    expect(await screen.findByText('Accepted')).toBeTruthy();
    expect(screen.getByText('exit code 0')).toBeTruthy();
    expect(screen.getByText('12 ms')).toBeTruthy();
    expect(screen.getByText('31 ms')).toBeTruthy();
    expect(screen.getByText('9.0 MB')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Run' })).toHaveProperty('disabled', false);
    const live = document.querySelector('[aria-live="polite"]');
    expect(live?.textContent).toBe('Accepted, exit code 0, wall time 31 ms.');

    expect(postedBody(fetch)).toEqual({
      language: 'python',
      source: 'print(input()[::-1])\n',
      mode: 'run',
      stdin: 'abc',
      stopOnFirstFailure: false,
    });
  });

  it('shows the compiler output prominently for a compilation error', async () => {
    window.localStorage.setItem(LANGUAGE_STORAGE_KEY, 'c');
    const compileOutput = "main.c:1:13: error: expected ';' before '}' token";
    stubRunnerFetch(
      { ...SESSION, ...LANGUAGES, 'POST /api/v1/executions': CREATED },
      {
        [EVENTS]: () =>
          sseResponse([
            {
              type: 'done',
              execution: executionOf({
                language: 'c',
                verdict: 'compilation_error',
                exitCode: null,
                compileOutput,
                cpuMs: null,
                wallMs: null,
                memoryKb: null,
              }),
            },
          ]),
      },
    );
    renderApp('/run');
    // The stored choice wins.
    await waitFor(() => expect(editor().value).toBe(C.helloWorld));
    fireEvent.click(screen.getByRole('button', { name: 'Run' }));
    const compiler = await screen.findByRole('group', { name: 'Compiler output' });
    expect(within(compiler).getByText(compileOutput)).toBeTruthy();
    expect(screen.getByText('Compilation Error')).toBeTruthy();
    expect(screen.getByText('The program did not run.')).toBeTruthy();
  });

  it('falls back to polling when the event stream ends before `done`', async () => {
    stubRunnerFetch(
      {
        ...SESSION,
        ...LANGUAGES,
        'POST /api/v1/executions': CREATED,
        [`GET /api/v1/executions/${EXECUTION_ID}`]: { body: executionOf({ stdout: 'late\n' }) },
      },
      { [EVENTS]: () => sseResponse([{ type: 'status', status: 'running' }]) },
    );
    renderApp('/run');
    await screen.findByRole('combobox', { name: 'Language' });
    fireEvent.click(screen.getByRole('button', { name: 'Run' }));
    expect(await screen.findByText('Accepted')).toBeTruthy();
    expect(screen.getByRole('region', { name: 'Program output' }).textContent).toBe('late\n');
  });

  it('shows a rate limit as an alert with the server detail and a Retry-After countdown', async () => {
    stubRunnerFetch(
      { ...SESSION, ...LANGUAGES },
      {
        'POST /api/v1/executions': () =>
          new Response(
            JSON.stringify({
              type: 'https://interviewselect.dev/problems/execution/rate_limited',
              title: 'Too many runs',
              status: 429,
              detail: 'You have started 30 runs in the last minute.',
              code: 'execution.rate_limited',
            }),
            { status: 429, headers: { 'content-type': 'application/problem+json', 'retry-after': '30' } },
          ),
      },
    );
    renderApp('/run');
    await screen.findByRole('combobox', { name: 'Language' });
    fireEvent.click(screen.getByRole('button', { name: 'Run' }));
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText('Too many runs at once')).toBeTruthy();
    expect(within(alert).getByText('You have started 30 runs in the last minute.')).toBeTruthy();
    expect(within(alert).getByText('You can try again in 30 s.')).toBeTruthy();
    expect(within(alert).getByText('You can try again in 30 seconds.')).toBeTruthy();
    // Nothing ran: the output keeps its empty state and Run is back.
    expect(screen.getByText('Run your program to see its output here.')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Run' })).toHaveProperty('disabled', false);
  });
});

describe('Code runner: languages', () => {
  it('swaps an untouched hello world, offers it over edited code, and remembers the choice', async () => {
    stubRunnerFetch({ ...SESSION, ...LANGUAGES });
    renderApp('/run');
    const picker = await screen.findByRole('combobox', { name: 'Language' });
    fireEvent.change(picker, { target: { value: 'c' } });
    expect(editor().value).toBe(C.helloWorld);
    expect(window.localStorage.getItem(LANGUAGE_STORAGE_KEY)).toBe('c');
    expect(editor().labels[0]?.textContent).toBe('Source code (C, main.c)');

    fireEvent.change(editor(), { target: { value: 'int main(void) { return 1; }' } });
    fireEvent.change(picker, { target: { value: 'python' } });
    expect(editor().value).toBe('int main(void) { return 1; }');
    fireEvent.click(screen.getByRole('button', { name: 'Replace it with the Python example' }));
    expect(editor().value).toBe(PYTHON.helloWorld);
    expect(screen.queryByRole('button', { name: /Replace it with/ })).toBeNull();
  });

  it('says what to do when no language is installed, and retries a failed load', async () => {
    let calls = 0;
    stubRunnerFetch({
      ...SESSION,
      'GET /api/v1/languages': () => {
        calls += 1;
        return calls === 1
          ? {
              status: 500,
              body: { type: 'about:blank', title: 'Oops', status: 500, detail: 'Try later.', code: 'server.internal' },
            }
          : { body: { languages: [] } };
      },
    });
    renderApp('/run');
    expect(await screen.findByRole('heading', { name: "Couldn't load the languages" })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Retry' }));
    expect(await screen.findByRole('heading', { name: 'No languages are installed' })).toBeTruthy();
  });
});
