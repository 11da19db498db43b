import type { KeyboardEvent } from 'react';

/** "⌘" on Apple keyboards, "Ctrl" elsewhere. */
export function modifierKeyLabel(): string {
  if (typeof navigator === 'undefined') return 'Ctrl';
  return /Mac|iPhone|iPad/.test(navigator.platform) ? '⌘' : 'Ctrl';
}

/** The editor's keyboard contract, always visible: Tab is taken, so the way out must be said. */
export function ShortcutHint({ id }: { id: string }) {
  const mod = modifierKeyLabel();
  return (
    <p id={id} className="code-editor__hint">
      <span>
        <kbd>Tab</kbd> indents
      </span>
      <span>
        <kbd>Esc</kbd> then <kbd>Tab</kbd> (or <kbd>Shift</kbd>+<kbd>Tab</kbd>) leaves the editor
      </span>
      <span>
        <kbd>{mod}</kbd>+<kbd>Enter</kbd> runs
      </span>
      <span>
        <kbd>{mod}</kbd>+<kbd>Shift</kbd>+<kbd>Enter</kbd> runs the tests
      </span>
    </p>
  );
}

/** Ctrl/⌘+Enter (with or without Shift): the run shortcuts. */
export function isRunShortcut(event: KeyboardEvent): boolean {
  return event.key === 'Enter' && (event.ctrlKey || event.metaKey) && !event.altKey;
}
