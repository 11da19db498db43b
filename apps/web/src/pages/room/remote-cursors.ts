import { Annotation, type Extension, type Range } from '@codemirror/state';
import {
  Decoration,
  type EditorView,
  ViewPlugin,
  WidgetType,
  type DecorationSet,
  type ViewUpdate,
} from '@codemirror/view';
import * as Y from 'yjs';
import type { Awareness } from 'y-protocols/awareness';
import { colorIndexOf } from './participant-colors';

/**
 * Other people's cursors and selections, with their labels. Does what
 * y-codemirror.next's remote selections do, but colours by class
 * (cm-remote-c0…c7, see room.css) instead of inline `style` attributes, which
 * the page's CSP (style-src without 'unsafe-inline') would drop. Also writes
 * this client's own cursor into awareness as Yjs relative positions, so it
 * stays put while others edit.
 */
const refresh = Annotation.define<null>();

interface CursorJson {
  anchor: unknown;
  head: unknown;
}

/**
 * A caret with its name label. The label shows for a few seconds after the
 * caret moves (a CSS animation fades it; a moved caret is a new widget, so
 * the animation restarts) and on hover, so it does not sit on top of code.
 */
class CaretWidget extends WidgetType {
  constructor(
    readonly colorIndex: number,
    readonly name: string,
    readonly position: number,
  ) {
    super();
  }

  override eq(other: CaretWidget) {
    return other.colorIndex === this.colorIndex && other.name === this.name && other.position === this.position;
  }

  toDOM() {
    const caret = document.createElement('span');
    caret.className = `cm-remote-caret cm-remote-c${this.colorIndex}`;
    caret.setAttribute('aria-hidden', 'true');
    const label = document.createElement('span');
    label.className = 'cm-remote-caret__label';
    label.textContent = this.name;
    caret.append('\u2060', label, '\u2060');
    return caret;
  }

  override ignoreEvent() {
    return true;
  }
}

function toAbsolute(json: unknown, doc: Y.Doc, ytext: Y.Text): number | null {
  if (json === null || typeof json !== 'object') return null;
  try {
    const position = Y.createAbsolutePositionFromRelativePosition(Y.createRelativePositionFromJSON(json), doc);
    return position && position.type === ytext ? position.index : null;
  } catch {
    return null;
  }
}

/** Where a client's cursor head is in this buffer, or null when it is elsewhere (another language, no cursor). */

/** Cursor updates per second are capped (each costs every other participant a message): 4 Hz. */
const CURSOR_INTERVAL_MS = 250;
export function remoteHead(awareness: Awareness, clientId: number, ytext: Y.Text): number | null {
  const doc = ytext.doc;
  const cursor = awareness.getStates().get(clientId)?.cursor as CursorJson | undefined;
  if (!doc || !cursor) return null;
  return toAbsolute(cursor.head, doc, ytext);
}

export function remoteCursors(ytext: Y.Text, awareness: Awareness): Extension {
  return ViewPlugin.fromClass(
    class {
      decorations: DecorationSet = Decoration.none;
      private readonly onChange: (changes: { added: number[]; updated: number[]; removed: number[] }) => void;

      constructor(readonly view: EditorView) {
        this.onChange = ({ added, updated, removed }) => {
          const others = [...added, ...updated, ...removed].some((id) => id !== awareness.clientID);
          if (others) view.dispatch({ annotations: refresh.of(null) });
        };
        awareness.on('change', this.onChange);
        this.decorations = this.build(view);
      }

      update(update: ViewUpdate) {
        this.publishOwnCursor(update);
        this.decorations = this.build(update.view);
      }

      destroy() {
        awareness.off('change', this.onChange);
        if (this.timer) clearTimeout(this.timer);
      }

      /** Cursor moves go out at most every CURSOR_INTERVAL_MS (the last one always), not on every keystroke. */
      private pending: { anchor: Y.RelativePosition; head: Y.RelativePosition } | null = null;
      private timer: ReturnType<typeof setTimeout> | null = null;
      private lastSent = 0;

      private send(cursor: { anchor: Y.RelativePosition; head: Y.RelativePosition }) {
        this.lastSent = Date.now();
        awareness.setLocalStateField('cursor', cursor);
      }

      private schedule(cursor: { anchor: Y.RelativePosition; head: Y.RelativePosition }) {
        const wait = CURSOR_INTERVAL_MS - (Date.now() - this.lastSent);
        if (wait <= 0 && !this.timer) {
          this.send(cursor);
          return;
        }
        this.pending = cursor;
        this.timer ??= setTimeout(
          () => {
            this.timer = null;
            if (this.pending) this.send(this.pending);
            this.pending = null;
          },
          Math.max(0, wait),
        );
      }

      private publishOwnCursor(update: ViewUpdate) {
        const local = awareness.getLocalState();
        if (!local || !update.view.hasFocus) return;
        if (!update.selectionSet && !update.docChanged && !update.focusChanged) return;
        const selection = update.state.selection.main;
        const anchor = Y.createRelativePositionFromTypeIndex(ytext, selection.anchor);
        const head = Y.createRelativePositionFromTypeIndex(ytext, selection.head);
        const current = local.cursor as CursorJson | null | undefined;
        if (
          current &&
          Y.compareRelativePositions(Y.createRelativePositionFromJSON(current.anchor), anchor) &&
          Y.compareRelativePositions(Y.createRelativePositionFromJSON(current.head), head)
        )
          return;
        this.schedule({ anchor, head });
      }

      private build(view: EditorView): DecorationSet {
        const doc = ytext.doc;
        if (!doc) return Decoration.none;
        const ranges: Range<Decoration>[] = [];
        const length = view.state.doc.length;
        awareness.getStates().forEach((state, clientId) => {
          if (clientId === awareness.clientID) return;
          const cursor = state.cursor as CursorJson | null | undefined;
          if (!cursor) return;
          const anchor = toAbsolute(cursor.anchor, doc, ytext);
          const head = toAbsolute(cursor.head, doc, ytext);
          if (anchor === null || head === null || anchor > length || head > length) return;
          const user = (state.user ?? {}) as { name?: unknown; color?: unknown };
          const colorIndex = colorIndexOf(user.color, clientId);
          const name = typeof user.name === 'string' ? user.name : 'Someone';
          const from = Math.min(anchor, head);
          const to = Math.max(anchor, head);
          if (from < to) {
            ranges.push(Decoration.mark({ class: `cm-remote-selection cm-remote-c${colorIndex}` }).range(from, to));
          }
          ranges.push(
            Decoration.widget({ widget: new CaretWidget(colorIndex, name, head), side: head > anchor ? -1 : 1 }).range(
              head,
            ),
          );
        });
        return Decoration.set(ranges, true);
      }
    },
    { decorations: (value) => value.decorations },
  );
}
