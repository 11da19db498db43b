import clsx from 'clsx';
import type { ReactNode } from 'react';
import { CodeBlock } from './code-highlight';
import './markdown.css';

/**
 * A small Markdown subset rendered as React elements — headings, paragraphs,
 * lists, block quotes, fenced code, inline code, emphasis and links — so a
 * question's text can never inject markup: every string reaches the DOM as a
 * text node, and only http(s) and mailto links become anchors. Fenced code
 * with a known language is highlighted (code-highlight.tsx), still as text nodes.
 */
type Block =
  | { kind: 'heading'; level: number; text: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'code'; lang: string; text: string }
  | { kind: 'list'; ordered: boolean; items: string[] }
  | { kind: 'quote'; text: string };

const FENCE = /^\s*(```|~~~)\s*([\w+#-]*)\s*$/;
const HEADING = /^(#{1,6})\s+(.*?)\s*#*\s*$/;
const BULLET = /^\s*[-*+]\s+(.*)$/;
const NUMBERED = /^\s*\d+[.)]\s+(.*)$/;
const QUOTE = /^\s*>\s?(.*)$/;

export function parseBlocks(source: string): Block[] {
  const lines = source.replace(/\r\n?/g, '\n').split('\n');
  const blocks: Block[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i] ?? '';
    const fence = FENCE.exec(line);
    if (fence) {
      const body: string[] = [];
      i++;
      while (i < lines.length && !(lines[i] ?? '').trim().startsWith(fence[1] ?? '```')) body.push(lines[i++] ?? '');
      i++;
      blocks.push({ kind: 'code', lang: fence[2] ?? '', text: body.join('\n') });
      continue;
    }
    const heading = HEADING.exec(line);
    if (heading) {
      blocks.push({ kind: 'heading', level: heading[1]?.length ?? 1, text: heading[2] ?? '' });
      i++;
      continue;
    }
    const listPattern = BULLET.test(line) ? BULLET : NUMBERED.test(line) ? NUMBERED : null;
    if (listPattern) {
      const items: string[] = [];
      while (i < lines.length && listPattern.test(lines[i] ?? ''))
        items.push(listPattern.exec(lines[i++] ?? '')?.[1] ?? '');
      blocks.push({ kind: 'list', ordered: listPattern === NUMBERED, items });
      continue;
    }
    if (QUOTE.test(line)) {
      const body: string[] = [];
      while (i < lines.length && QUOTE.test(lines[i] ?? '')) body.push(QUOTE.exec(lines[i++] ?? '')?.[1] ?? '');
      blocks.push({ kind: 'quote', text: body.join(' ') });
      continue;
    }
    if (line.trim() === '') {
      i++;
      continue;
    }
    const body: string[] = [];
    while (i < lines.length && isParagraphLine(lines[i] ?? '')) body.push((lines[i++] ?? '').trim());
    blocks.push({ kind: 'paragraph', text: body.join(' ') });
  }
  return blocks;
}

function isParagraphLine(line: string): boolean {
  return (
    line.trim() !== '' &&
    !FENCE.test(line) &&
    !HEADING.test(line) &&
    !BULLET.test(line) &&
    !NUMBERED.test(line) &&
    !QUOTE.test(line)
  );
}

/** `code`, **strong**, *em* / _em_, [text](url); anything else stays literal text. */
const INLINE = /`([^`]+)`|\*\*([^*]+)\*\*|__([^_]+)__|\*([^*\s][^*]*)\*|_([^_\s][^_]*)_|\[([^\]]+)\]\(([^)\s]+)\)/g;

export function safeHref(url: string): string | null {
  return /^(https?:\/\/|mailto:)/i.test(url) ? url : null;
}

export function renderInline(text: string): ReactNode[] {
  const nodes: ReactNode[] = [];
  let last = 0;
  for (const match of text.matchAll(INLINE)) {
    const index = match.index;
    if (index > last) nodes.push(text.slice(last, index));
    const key = nodes.length;
    const [, code, strong1, strong2, em1, em2, linkText, url] = match;
    if (code !== undefined) nodes.push(<code key={key}>{code}</code>);
    else if (strong1 !== undefined || strong2 !== undefined)
      nodes.push(<strong key={key}>{renderInline(strong1 ?? strong2 ?? '')}</strong>);
    else if (em1 !== undefined || em2 !== undefined) nodes.push(<em key={key}>{renderInline(em1 ?? em2 ?? '')}</em>);
    else if (linkText !== undefined) {
      const href = safeHref(url ?? '');
      nodes.push(
        href ? (
          <a key={key} href={href} target="_blank" rel="noreferrer noopener">
            {renderInline(linkText)}
          </a>
        ) : (
          match[0]
        ),
      );
    }
    last = index + match[0].length;
  }
  if (last < text.length) nodes.push(text.slice(last));
  return nodes;
}

export interface MarkdownProps {
  source: string;
  /** Shifts `#` so a question's own headings sit below the surrounding heading. */
  headingOffset?: number;
  className?: string;
}

export function Markdown({ source, headingOffset = 2, className }: MarkdownProps) {
  return (
    <div className={clsx('ui-markdown', className)}>
      {parseBlocks(source).map((block, index) => {
        switch (block.kind) {
          case 'heading': {
            const Tag = `h${Math.min(6, block.level + headingOffset)}` as 'h3';
            return <Tag key={index}>{renderInline(block.text)}</Tag>;
          }
          case 'paragraph':
            return <p key={index}>{renderInline(block.text)}</p>;
          case 'code':
            return <CodeBlock key={index} code={block.text} lang={block.lang} />;
          case 'list': {
            const List = block.ordered ? 'ol' : 'ul';
            return (
              <List key={index}>
                {block.items.map((item, n) => (
                  <li key={n}>{renderInline(item)}</li>
                ))}
              </List>
            );
          }
          case 'quote':
            return <blockquote key={index}>{renderInline(block.text)}</blockquote>;
        }
      })}
    </div>
  );
}
