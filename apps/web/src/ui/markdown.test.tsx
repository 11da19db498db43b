import { cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { grammarFor } from './code-highlight';
import { Markdown, parseBlocks, safeHref } from './markdown';

afterEach(cleanup);

describe('question markdown', () => {
  it('parses headings, lists, code and paragraphs', () => {
    const blocks = parseBlocks(
      '# Two sum\n\nGiven *nums*,\nreturn indices.\n\n- one\n- two\n\n```python\nprint(1)\n```\n1. a\n2. b',
    );
    expect(blocks.map((b) => b.kind)).toEqual(['heading', 'paragraph', 'list', 'code', 'list']);
    expect(blocks[1]).toEqual({ kind: 'paragraph', text: 'Given *nums*, return indices.' });
    expect(blocks[3]).toEqual({ kind: 'code', lang: 'python', text: 'print(1)' });
  });

  it('renders markup as text, never as HTML', () => {
    const { container } = render(<Markdown source={'<img src=x onerror=alert(1)> **bold** `<b>`'} />);
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('strong')?.textContent).toBe('bold');
    expect(container.querySelector('code')?.textContent).toBe('<b>');
    expect(container.textContent).toContain('<img src=x onerror=alert(1)>');
  });

  it('links only http(s) and mailto', () => {
    expect(safeHref('javascript:alert(1)')).toBeNull();
    const { container } = render(<Markdown source="[docs](https://example.com) [bad](javascript:alert(1))" />);
    const links = container.querySelectorAll('a');
    expect(links).toHaveLength(1);
    expect(links[0]?.getAttribute('href')).toBe('https://example.com');
    expect(links[0]?.getAttribute('rel')).toContain('noopener');
    expect(container.textContent).toContain('[bad](javascript:alert(1))');
  });

  it('puts the question’s headings below the panel’s', () => {
    const { container } = render(<Markdown source="# Part one" />);
    expect(container.querySelector('h3')?.textContent).toBe('Part one');
  });

  it('highlights fenced code of a known language with text-only token spans', async () => {
    const { container } = render(<Markdown source={'```py\ndef f(x):\n    return "<b>"\n```'} />);
    expect(container.querySelector('pre')?.textContent).toBe('def f(x):\n    return "<b>"');
    await vi.waitFor(() => expect(container.querySelector('pre .tok-keyword')?.textContent).toBe('def'));
    expect(container.querySelector('b')).toBeNull();
    expect(container.querySelector('pre')?.textContent).toBe('def f(x):\n    return "<b>"');
  });

  it('maps fence names to grammars and leaves unknown ones plain', () => {
    expect(grammarFor('C++')).toBe('cpp');
    expect(grammarFor('js')).toBe('javascript');
    expect(grammarFor('brainfuck')).toBeNull();
  });
});
