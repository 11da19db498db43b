import clsx from 'clsx';
import { useId, useLayoutEffect, useMemo, useRef, type KeyboardEvent } from 'react';
import { applyEdit, countLines, indentEdit, newlineEdit, type TextEdit } from './editor-edits';
import { ShortcutHint } from './shortcut-hint';

export interface CodeEditorProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  /** Ctrl/⌘+Enter. */
  onRun?: () => void;
  /** Ctrl/⌘+Shift+Enter. */
  onTest?: () => void;
  /** CodeMirror mode name from the language list; a hint for later, shown as data only. */
  mode?: string;
  isReadOnly?: boolean;
  className?: string;
}

/**
 * A dependency-free code editor: a monospace textarea with a line-number
 * gutter. Tab indents, so it would trap keyboard users; Shift+Tab still
 * moves focus back, and Escape releases the next Tab to move focus on
 * (the same escape hatch CodeMirror offers). The room replaces this with
 * CodeMirror; the props stay the same.
 */
export function CodeEditor({
  label,
  value,
  onChange,
  onRun,
  onTest,
  mode,
  isReadOnly = false,
  className,
}: CodeEditorProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  const textareaRef = useRef<HTMLTextAreaElement>(null);
  const gutterRef = useRef<HTMLDivElement>(null);
  const isTabReleased = useRef(false);
  const pendingSelection = useRef<[number, number] | null>(null);
  const lineCount = countLines(value);
  const lineNumbers = useMemo(() => Array.from({ length: lineCount }, (_, i) => i + 1).join('\n'), [lineCount]);

  // After a fallback edit (no execCommand), put the caret where the edit says once React has rendered the value.
  useLayoutEffect(() => {
    const selection = pendingSelection.current;
    const textarea = textareaRef.current;
    if (!selection || !textarea) return;
    pendingSelection.current = null;
    textarea.setSelectionRange(selection[0], selection[1]);
  }, [value]);

  function perform(textarea: HTMLTextAreaElement, edit: TextEdit) {
    textarea.setSelectionRange(edit.from, edit.to);
    // execCommand keeps the browser's undo history (a value assignment would wipe it); jsdom lacks it.
    const isInserted =
      typeof document.execCommand === 'function' && document.execCommand('insertText', false, edit.text);
    if (isInserted) {
      textarea.setSelectionRange(edit.selectionStart, edit.selectionEnd);
      return;
    }
    pendingSelection.current = [edit.selectionStart, edit.selectionEnd];
    onChange(applyEdit(textarea.value, edit));
  }

  function handleKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    const textarea = event.currentTarget;
    const wasReleased = isTabReleased.current;
    isTabReleased.current = false;
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      const action = event.shiftKey ? onTest : onRun;
      if (action) {
        event.preventDefault();
        action();
      }
      return;
    }
    if (event.key === 'Escape') {
      isTabReleased.current = true;
      return;
    }
    if (isReadOnly || event.altKey || event.ctrlKey || event.metaKey) return;
    if (event.key === 'Tab' && !event.shiftKey && !wasReleased) {
      event.preventDefault();
      perform(textarea, indentEdit(textarea.value, textarea.selectionStart, textarea.selectionEnd));
      return;
    }
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      perform(textarea, newlineEdit(textarea.value, textarea.selectionStart, textarea.selectionEnd));
    }
  }

  function syncGutter() {
    if (gutterRef.current && textareaRef.current) gutterRef.current.scrollTop = textareaRef.current.scrollTop;
  }

  return (
    <div className={clsx('code-editor', className)}>
      <label className="code-editor__label" htmlFor={id}>
        {label}
      </label>
      <div className="code-editor__frame">
        <div className="code-editor__gutter" ref={gutterRef} aria-hidden="true">
          <pre>{lineNumbers}</pre>
        </div>
        <textarea
          ref={textareaRef}
          id={id}
          className="code-editor__input"
          value={value}
          onChange={(event) => onChange(event.target.value)}
          onKeyDown={handleKeyDown}
          onScroll={syncGutter}
          onFocus={() => {
            isTabReleased.current = false;
          }}
          readOnly={isReadOnly}
          wrap="off"
          spellCheck={false}
          autoCapitalize="off"
          autoComplete="off"
          autoCorrect="off"
          data-mode={mode}
          aria-describedby={hintId}
        />
      </div>
      <ShortcutHint id={hintId} />
    </div>
  );
}
