import type { LanguageId } from '@interviewselect/contracts';
import { autocompletion, closeBrackets, closeBracketsKeymap, completionKeymap } from '@codemirror/autocomplete';
import { defaultKeymap, indentWithTab, temporarilySetTabFocusMode } from '@codemirror/commands';
import { bracketMatching, indentOnInput, syntaxHighlighting } from '@codemirror/language';
import { Compartment, EditorState, Prec, type Extension } from '@codemirror/state';
import {
  drawSelection,
  dropCursor,
  EditorView,
  highlightActiveLine,
  highlightActiveLineGutter,
  highlightSpecialChars,
  keymap,
  lineNumbers,
  placeholder as placeholderText,
} from '@codemirror/view';
import { classHighlighter } from '@lezer/highlight';
import clsx from 'clsx';
import { getNonce } from 'get-nonce';
import { useEffect, useRef, useState } from 'react';
import { yCollab, yUndoManagerKeymap } from 'y-codemirror.next';
import * as Y from 'yjs';
import type { Awareness } from 'y-protocols/awareness';
import { completionFor, loadLanguage } from './editor-languages';
import type { KeymapMode } from './editor-settings';
import { remoteCursors, remoteHead } from './remote-cursors';

export interface CollabEditorProps {
  /** The shared text; the parent keys this component by it (one EditorView per buffer, y-codemirror.next #36). */
  ytext: Y.Text;
  /** Remote cursors and this client's own cursor; null for none. */
  awareness: Awareness | null;
  /** Null for prose (notes): no grammar, lines wrap. */
  language: LanguageId | null;
  isReadOnly: boolean;
  /** The editor's accessible name. */
  label: string;
  describedBy?: string;
  keymapMode?: KeymapMode;
  fontSize?: number;
  placeholder?: string;
  onRun?: () => void;
  onTest?: () => void;
  /** Told how long a paste was (only the length: the text stays here). */
  onPaste?: (chars: number) => void;
  /** Keep this awareness client's cursor in view. */
  followClientId?: number | null;
  /** The mounted view, for focusing it from outside. */
  onView?: (view: EditorView | null) => void;
  className?: string;
}

async function loadKeymap(mode: KeymapMode): Promise<Extension> {
  if (mode === 'vim') return (await import('@replit/codemirror-vim')).vim();
  if (mode === 'emacs') return (await import('@replit/codemirror-emacs')).emacs();
  return [];
}

/**
 * CodeMirror 6 bound to a Y.Text with y-codemirror.next. Undo is Yjs's
 * UndoManager tracking only this client's edits (Ctrl/⌘+Z never removes
 * someone else's typing). Grammar, read-only state and key bindings live in
 * compartments, so changing them never rebuilds the view.
 */
export function CollabEditor(props: CollabEditorProps) {
  const { ytext, awareness, language, isReadOnly, label, describedBy, keymapMode = 'standard', fontSize } = props;
  const hostRef = useRef<HTMLDivElement>(null);
  const viewRef = useRef<EditorView | null>(null);
  const [compartments] = useState(() => ({
    language: new Compartment(),
    readOnly: new Compartment(),
    keymap: new Compartment(),
    aria: new Compartment(),
  }));
  const handlers = useRef(props);
  useEffect(() => {
    handlers.current = props;
  });

  useEffect(() => {
    const host = hostRef.current;
    if (!host) return;
    const c = compartments;
    const run = (key: 'onRun' | 'onTest') => () => {
      const handler = handlers.current[key];
      if (!handler) return false;
      handler();
      return true;
    };
    const undoManager = new Y.UndoManager(ytext);
    const initial = handlers.current;
    const view = new EditorView({
      parent: host,
      state: EditorState.create({
        // yCollab syncs changes from here on; the initial text is the caller's to give.
        doc: ytext.toJSON(),
        extensions: [
          EditorView.cspNonce.of(getNonce() ?? ''),
          c.keymap.of([]),
          Prec.high(
            keymap.of([
              { key: 'Mod-Enter', run: run('onRun') },
              { key: 'Mod-Shift-Enter', run: run('onTest') },
            ]),
          ),
          initial.language ? lineNumbers() : [],
          initial.language ? highlightActiveLineGutter() : [],
          highlightSpecialChars(),
          drawSelection(),
          dropCursor(),
          indentOnInput(),
          bracketMatching(),
          closeBrackets(),
          autocompletion(),
          highlightActiveLine(),
          syntaxHighlighting(classHighlighter),
          keymap.of([
            ...closeBracketsKeymap,
            ...completionKeymap,
            ...yUndoManagerKeymap,
            ...defaultKeymap,
            indentWithTab,
            // Esc, then Tab leaves the editor (Tab itself indents).
            { key: 'Escape', run: temporarilySetTabFocusMode },
          ]),
          yCollab(ytext, null, { undoManager }),
          awareness ? remoteCursors(ytext, awareness) : [],
          c.language.of(initial.language ? completionFor(initial.language) : EditorView.lineWrapping),
          c.readOnly.of(EditorState.readOnly.of(initial.isReadOnly)),
          c.aria.of([]),
          initial.placeholder ? placeholderText(initial.placeholder) : [],
          EditorView.domEventHandlers({
            paste(event) {
              const chars = event.clipboardData?.getData('text/plain').length ?? 0;
              handlers.current.onPaste?.(chars);
              return false;
            },
          }),
        ],
      }),
    });
    viewRef.current = view;
    handlers.current.onView?.(view);
    return () => {
      handlers.current.onView?.(null);
      viewRef.current = null;
      view.destroy();
      undoManager.destroy();
    };
  }, [ytext, awareness, compartments]);

  useEffect(() => {
    const attributes: Record<string, string> = { 'aria-label': label };
    if (describedBy) attributes['aria-describedby'] = describedBy;
    viewRef.current?.dispatch({
      effects: compartments.aria.reconfigure(EditorView.contentAttributes.of(attributes)),
    });
  }, [label, describedBy, ytext, compartments]);

  useEffect(() => {
    viewRef.current?.dispatch({
      effects: compartments.readOnly.reconfigure(EditorState.readOnly.of(isReadOnly)),
    });
  }, [isReadOnly, ytext, compartments]);

  useEffect(() => {
    if (!language) return;
    let isCurrent = true;
    void loadLanguage(language).then((grammar) => {
      if (!isCurrent) return;
      viewRef.current?.dispatch({
        effects: compartments.language.reconfigure([grammar, completionFor(language)]),
      });
    });
    return () => {
      isCurrent = false;
    };
  }, [language, ytext, compartments]);

  useEffect(() => {
    let isCurrent = true;
    void loadKeymap(keymapMode).then((bindings) => {
      if (!isCurrent) return;
      viewRef.current?.dispatch({ effects: compartments.keymap.reconfigure(Prec.highest(bindings)) });
    });
    return () => {
      isCurrent = false;
    };
  }, [keymapMode, ytext, compartments]);

  useEffect(() => {
    viewRef.current?.requestMeasure();
  }, [fontSize]);

  const followClientId = props.followClientId ?? null;
  useEffect(() => {
    if (followClientId === null || !awareness) return;
    let frame = 0;
    const reveal = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => {
        const view = viewRef.current;
        const head = remoteHead(awareness, followClientId, ytext);
        if (!view || head === null || head > view.state.doc.length) return;
        view.dispatch({ effects: EditorView.scrollIntoView(head, { y: 'center' }) });
      });
    };
    const onChange = ({ added, updated }: { added: number[]; updated: number[] }) => {
      if (added.includes(followClientId) || updated.includes(followClientId)) reveal();
    };
    reveal();
    awareness.on('change', onChange);
    return () => {
      cancelAnimationFrame(frame);
      awareness.off('change', onChange);
    };
  }, [followClientId, awareness, ytext]);

  return (
    <div
      ref={hostRef}
      className={clsx('collab-editor', props.className)}
      style={fontSize ? { fontSize: `${fontSize}px` } : undefined}
    />
  );
}
