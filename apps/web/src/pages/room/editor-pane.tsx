import type { LanguageId, LanguageInfo } from '@interviewselect/contracts';
import type { EditorView } from '@codemirror/view';
import { useId } from 'react';
import type * as Y from 'yjs';
import type { Awareness } from 'y-protocols/awareness';
import { Button } from '../../ui/button';
import { SelectField } from '../../ui/select-field';
import { LanguagePicker } from '../code-runner/language-picker';
import { modifierKeyLabel } from '../code-runner/shortcut-hint';
import { CollabEditor } from './collab-editor';
import { FONT_SIZES, KEYMAP_MODES, type EditorSettings, type KeymapMode } from './editor-settings';

const KEYMAP_LABELS: Record<KeymapMode, string> = { standard: 'Standard keys', vim: 'Vim keys', emacs: 'Emacs keys' };

/** A stable React key per Y.Text: a buffer replaced in the map (two writers racing) remounts its editor. */
const textKeys = new WeakMap<Y.Text, number>();
let nextTextKey = 0;
function keyOf(text: Y.Text): number {
  let key = textKeys.get(text);
  if (key === undefined) {
    key = ++nextTextKey;
    textKeys.set(text, key);
  }
  return key;
}

export interface EditorPaneProps {
  languages: readonly LanguageInfo[];
  language: LanguageId;
  onLanguage: ((language: LanguageInfo) => void) | null;
  buffer: Y.Text | null;
  awareness: Awareness | null;
  isReadOnly: boolean;
  readOnlyReason: string | null;
  settings: EditorSettings;
  onSettings: (change: Partial<EditorSettings>) => void;
  canRun: boolean;
  isRunning: boolean;
  isTesting: boolean;
  onRun: () => void;
  onTest: () => void;
  /** Shown when the question on screen comes from the bank: run every test, hidden ones included. */
  onSubmit: (() => void) | null;
  /** Which judged run is in flight (labels the button that started it). */
  testKind: 'test' | 'submit';
  onPaste: ((chars: number) => void) | null;
  followClientId: number | null;
  followingLabel: string | null;
  onStopFollowing: () => void;
  onView: (view: EditorView | null) => void;
}

/** The centre: language, Run and Test, editor preferences, and the shared editor itself. */
export function EditorPane(props: EditorPaneProps) {
  const { languages, language, buffer, settings } = props;
  const hintId = useId();
  const mod = modifierKeyLabel();
  const info = languages.find((l) => l.id === language);
  const name = info?.name ?? language;
  return (
    <section className="room-editor" aria-label="Code">
      <div className="room-editor__toolbar">
        {languages.length > 0 ? (
          <LanguagePicker
            className="room-editor__language"
            languages={languages}
            value={language}
            onChange={(next) => props.onLanguage?.(next)}
            isDisabled={!props.onLanguage}
          />
        ) : null}
        <div className="room-editor__actions">
          <Button
            variant="primary"
            size="sm"
            onClick={props.onRun}
            isLoading={props.isRunning}
            disabled={!props.canRun || props.isRunning || props.isTesting}
            aria-keyshortcuts="Control+Enter Meta+Enter"
          >
            {props.isRunning ? 'Running…' : 'Run'}
            <kbd className="code-runner__kbd" aria-hidden="true">
              {mod} ↵
            </kbd>
          </Button>
          <Button
            size="sm"
            onClick={props.onTest}
            isLoading={props.isTesting && props.testKind === 'test'}
            disabled={!props.canRun || props.isRunning || props.isTesting}
            aria-keyshortcuts="Control+Shift+Enter Meta+Shift+Enter"
          >
            {props.isTesting && props.testKind === 'test' ? 'Testing…' : 'Test'}
          </Button>
          {props.onSubmit ? (
            <Button
              size="sm"
              onClick={props.onSubmit}
              isLoading={props.isTesting && props.testKind === 'submit'}
              disabled={!props.canRun || props.isRunning || props.isTesting}
              title="Runs every test of the question, hidden ones included"
            >
              {props.isTesting && props.testKind === 'submit' ? 'Submitting…' : 'Submit'}
            </Button>
          ) : null}
        </div>
        <div className="room-editor__prefs">
          <SelectField
            label="Font size"
            isLabelHidden
            className="room-editor__pref"
            value={settings.fontSize}
            onChange={(event) => props.onSettings({ fontSize: Number(event.target.value) })}
          >
            {FONT_SIZES.map((size) => (
              <option key={size} value={size}>
                {size}px
              </option>
            ))}
          </SelectField>
          <SelectField
            label="Key bindings"
            isLabelHidden
            className="room-editor__pref"
            value={settings.keymap}
            onChange={(event) => {
              const mode = KEYMAP_MODES.find((m) => m === event.target.value);
              if (mode) props.onSettings({ keymap: mode });
            }}
          >
            {KEYMAP_MODES.map((mode) => (
              <option key={mode} value={mode}>
                {KEYMAP_LABELS[mode]}
              </option>
            ))}
          </SelectField>
        </div>
      </div>
      {props.followingLabel ? (
        <p className="room-editor__notice" role="status">
          Following {props.followingLabel}'s cursor.
          <Button size="sm" variant="ghost" onClick={props.onStopFollowing}>
            Stop following
          </Button>
        </p>
      ) : null}
      {props.readOnlyReason ? (
        <p className="room-editor__notice" role="status">
          {props.readOnlyReason}
        </p>
      ) : null}
      <div className="room-editor__frame">
        {buffer ? (
          <CollabEditor
            key={keyOf(buffer)}
            ytext={buffer}
            awareness={props.awareness}
            language={language}
            isReadOnly={props.isReadOnly}
            label={`Code editor (${name}), shared with everyone in the room`}
            describedBy={hintId}
            keymapMode={settings.keymap}
            fontSize={settings.fontSize}
            onRun={props.onRun}
            onTest={props.onTest}
            {...(props.onPaste ? { onPaste: props.onPaste } : {})}
            followClientId={props.followClientId}
            onView={props.onView}
            className="room-editor__editor"
          />
        ) : (
          <p className="room-editor__empty">Nothing has been written in {name} yet.</p>
        )}
      </div>
      <RoomShortcutHint id={hintId} mod={mod} />
    </section>
  );
}

/** The editor's keyboard contract in one line: Tab is taken, so the way out is said. */
function RoomShortcutHint({ id, mod }: { id: string; mod: string }) {
  return (
    <p id={id} className="room-editor__hint">
      <span>
        <kbd>Esc</kbd> then <kbd>Tab</kbd> leaves
      </span>
      <span>
        <kbd>{mod}</kbd>+<kbd>Enter</kbd> run
      </span>
      <span>
        <kbd>{mod}</kbd>+<kbd>Shift</kbd>+<kbd>Enter</kbd> test
      </span>
      <span>
        <kbd>{mod}</kbd>+<kbd>Shift</kbd>+<kbd>E</kbd> focus editor
      </span>
    </p>
  );
}
