/**
 * The few editing keys the plain-textarea editor implements, as pure
 * functions: each returns the replacement for [from, to) and where the
 * selection goes after it.
 */
export interface TextEdit {
  from: number;
  to: number;
  text: string;
  selectionStart: number;
  selectionEnd: number;
}

export const INDENT = '  ';
const OPENERS = /[{[(:]\s*$/;

/** Tab: two spaces at the caret, or every selected line indented when the selection spans lines. */
export function indentEdit(value: string, start: number, end: number): TextEdit {
  const selected = value.slice(start, end);
  if (!selected.includes('\n')) {
    const caret = start + INDENT.length;
    return { from: start, to: end, text: INDENT, selectionStart: caret, selectionEnd: caret };
  }
  const lineStart = value.lastIndexOf('\n', start - 1) + 1;
  const block = value.slice(lineStart, end);
  const lines = block.split('\n');
  const text = lines.map((line) => INDENT + line).join('\n');
  return {
    from: lineStart,
    to: end,
    text,
    selectionStart: start + INDENT.length,
    selectionEnd: end + INDENT.length * lines.length,
  };
}

/** Enter: a new line keeping the current line's indentation, one level deeper after `{ [ ( :`. */
export function newlineEdit(value: string, start: number, end: number): TextEdit {
  const lineStart = value.lastIndexOf('\n', start - 1) + 1;
  const before = value.slice(lineStart, start);
  const indentation = /^[ \t]*/.exec(before)?.[0] ?? '';
  const text = `\n${indentation}${OPENERS.test(before) ? INDENT : ''}`;
  const caret = start + text.length;
  return { from: start, to: end, text, selectionStart: caret, selectionEnd: caret };
}

export function applyEdit(value: string, edit: TextEdit): string {
  return value.slice(0, edit.from) + edit.text + value.slice(edit.to);
}

export function countLines(value: string): number {
  return value.split('\n').length;
}
