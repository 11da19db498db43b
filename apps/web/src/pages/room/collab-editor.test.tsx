import type { EditorView } from '@codemirror/view';
import { act, cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { yUndoManagerKeymap } from 'y-codemirror.next';
import * as Y from 'yjs';
import { CollabEditor } from './collab-editor';

afterEach(cleanup);

/** Two replicas kept in sync the way the provider would, with the remote origin the provider uses. */
function pair() {
  const a = new Y.Doc();
  const b = new Y.Doc();
  a.on('update', (u: Uint8Array, origin: unknown) => origin !== 'remote' && Y.applyUpdate(b, u, 'remote'));
  b.on('update', (u: Uint8Array, origin: unknown) => origin !== 'remote' && Y.applyUpdate(a, u, 'remote'));
  return [a, b] as const;
}

function mount(ytext: Y.Text, isReadOnly = false) {
  let view: EditorView | null = null;
  const result = render(
    <CollabEditor
      ytext={ytext}
      awareness={null}
      language="python"
      isReadOnly={isReadOnly}
      label="Code editor"
      onView={(v) => {
        view = v;
      }}
    />,
  );
  if (!view) throw new Error('no view');
  return { ...result, view: view as EditorView };
}

describe('collaborative editor', () => {
  it('starts from the shared text and syncs edits both ways', () => {
    const [a, b] = pair();
    a.getText('code').insert(0, 'print(1)\n');
    const { view, container } = mount(a.getText('code'));
    expect(view.state.doc.toString()).toBe('print(1)\n');
    expect(container.querySelector('[aria-label="Code editor"]')).toBeTruthy();

    act(() => view.dispatch({ changes: { from: view.state.doc.length, insert: 'x = 2\n' } }));
    expect(b.getText('code').toJSON()).toBe('print(1)\nx = 2\n');

    act(() => b.getText('code').insert(0, '# remote\n'));
    expect(view.state.doc.toString()).toBe('# remote\nprint(1)\nx = 2\n');
  });

  it('undoes only this client’s own edits', () => {
    const [a, b] = pair();
    const { view } = mount(a.getText('code'));
    act(() => view.dispatch({ changes: { from: 0, insert: 'mine\n' } }));
    act(() => b.getText('code').insert(b.getText('code').length, 'theirs\n'));
    const undo = yUndoManagerKeymap.find((binding) => binding.key === 'Mod-z')?.run;
    act(() => {
      undo?.(view);
    });
    expect(view.state.doc.toString()).toBe('theirs\n');
    expect(b.getText('code').toJSON()).toBe('theirs\n');
  });

  it('refuses typing when read-only', () => {
    const doc = new Y.Doc();
    const { view } = mount(doc.getText('code'), true);
    expect(view.state.readOnly).toBe(true);
  });
});
