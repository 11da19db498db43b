import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CodeEditor } from './code-editor';
import { indentEdit, newlineEdit } from './editor-edits';

afterEach(cleanup);

function Harness({ initial, onRun }: { initial: string; onRun?: () => void }) {
  const [value, setValue] = useState(initial);
  return <CodeEditor label="Source code" value={value} onChange={setValue} onRun={onRun} />;
}

function textarea() {
  return screen.getByRole<HTMLTextAreaElement>('textbox', { name: 'Source code' });
}

describe('CodeEditor', () => {
  it('inserts two spaces on Tab, and lets the next Tab leave after Escape', () => {
    render(<Harness initial="x" />);
    const input = textarea();
    input.setSelectionRange(0, 0);
    expect(fireEvent.keyDown(input, { key: 'Tab' })).toBe(false);
    expect(input.value).toBe('  x');
    expect(input.selectionStart).toBe(2);

    fireEvent.keyDown(input, { key: 'Escape' });
    // Not prevented: the browser moves focus as usual.
    expect(fireEvent.keyDown(input, { key: 'Tab' })).toBe(true);
    expect(input.value).toBe('  x');
    expect(fireEvent.keyDown(input, { key: 'Tab', shiftKey: true })).toBe(true);
  });

  it('runs on Ctrl+Enter and ⌘+Enter without inserting a line', () => {
    const onRun = vi.fn();
    render(<Harness initial="print(1)" onRun={onRun} />);
    fireEvent.keyDown(textarea(), { key: 'Enter', ctrlKey: true });
    fireEvent.keyDown(textarea(), { key: 'Enter', metaKey: true });
    expect(onRun).toHaveBeenCalledTimes(2);
    expect(textarea().value).toBe('print(1)');
  });

  it('numbers every line in the gutter and documents its keys in a visible hint', () => {
    render(<Harness initial={'a\nb\nc'} />);
    expect(document.querySelector('.code-editor__gutter')?.textContent).toBe('1\n2\n3');
    const hint = document.getElementById(textarea().getAttribute('aria-describedby') ?? '');
    expect(hint?.textContent).toContain('Esc then Tab (or Shift+Tab) leaves the editor');
  });
});

describe('editor edits', () => {
  it('indents every line of a multi-line selection', () => {
    const edit = indentEdit('a\nb\nc', 0, 3);
    expect(edit).toMatchObject({ from: 0, to: 3, text: '  a\n  b', selectionStart: 2, selectionEnd: 7 });
  });

  it('keeps indentation on Enter and adds a level after an opener', () => {
    expect(newlineEdit('  x = 1', 7, 7).text).toBe('\n  ');
    expect(newlineEdit('def f():', 8, 8).text).toBe('\n  ');
    expect(newlineEdit('  if (x) {', 10, 10).text).toBe('\n    ');
  });
});
