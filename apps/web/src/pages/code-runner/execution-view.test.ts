import { describe, expect, it } from 'vitest';
import { applyEvent, MAX_PREVIEW_CHARS, startView } from './execution-view';
import { executionOf } from './test-fixtures';

describe('execution view', () => {
  it('merges consecutive writes to a stream and keeps the interleaving when the record agrees', () => {
    let view = startView('run');
    view = applyEvent(view, { type: 'output', stream: 'stdout', data: 'a' });
    view = applyEvent(view, { type: 'output', stream: 'stdout', data: 'b' });
    view = applyEvent(view, { type: 'output', stream: 'stderr', data: 'e' });
    view = applyEvent(view, { type: 'output', stream: 'stdout', data: 'c' });
    expect(view.output).toEqual([
      { stream: 'stdout', data: 'ab' },
      { stream: 'stderr', data: 'e' },
      { stream: 'stdout', data: 'c' },
    ]);
    const done = applyEvent(view, { type: 'done', execution: executionOf({ stdout: 'abc', stderr: 'e' }) });
    expect(done.output).toBe(view.output);
    expect(done.status).toBe('completed');
  });

  it('shows the record when the stream missed output', () => {
    const view = applyEvent(startView('run'), {
      type: 'done',
      execution: executionOf({ stdout: 'out', stderr: 'err' }),
    });
    expect(view.output).toEqual([
      { stream: 'stdout', data: 'out' },
      { stream: 'stderr', data: 'err' },
    ]);
  });

  it('caps the live preview', () => {
    const big = 'x'.repeat(MAX_PREVIEW_CHARS + 10);
    const view = applyEvent(startView('run'), { type: 'output', stream: 'stdout', data: big });
    expect(view.output[0]?.data.length).toBe(MAX_PREVIEW_CHARS);
    expect(view.isOutputTruncated).toBe(true);
  });
});
