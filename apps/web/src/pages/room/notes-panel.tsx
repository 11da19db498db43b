import { PRIVATE_KEYS } from '@interviewselect/contracts';
import { useId } from 'react';
import type * as Y from 'yjs';
import type { Awareness } from 'y-protocols/awareness';
import { CollabEditor } from './collab-editor';

/**
 * The interviewers' private notes: the private document's notes Y.Text, which
 * the server never sends to a candidate. Shared between the interviewers live.
 */
export function NotesPanel({
  doc,
  awareness,
  isSynced,
}: {
  doc: Y.Doc | null;
  awareness: Awareness | null;
  isSynced: boolean;
}) {
  const hintId = useId();
  return (
    <div className="room-notes">
      <p className="room-private__badge" id={hintId}>
        Only interviewers see this. Markdown is fine; notes save as you type.
      </p>
      {doc && isSynced ? (
        <CollabEditor
          ytext={doc.getText(PRIVATE_KEYS.notes)}
          awareness={awareness}
          language={null}
          isReadOnly={false}
          label="Private interviewer notes"
          describedBy={hintId}
          placeholder="Impressions, follow-up questions, things to check…"
          className="room-notes__editor"
        />
      ) : (
        <p className="room-notes__loading" role="status">
          Loading notes…
        </p>
      )}
    </div>
  );
}
