import type { ReactNode } from 'react';
import { useState } from 'react';
import { panelId, PanelTabs, tabId } from '../code-runner/panel-tabs';

type LeftTab = 'question' | 'notes';
const TABS_ID = 'room-left';

/** Question · Notes; the Notes tab exists only when `notes` is given (interviewers). */
export function LeftPanel({ question, notes }: { question: ReactNode; notes: ReactNode | null }) {
  const [tab, setTab] = useState<LeftTab>('question');
  const tabs = notes
    ? ([
        { id: 'question', label: 'Question' },
        {
          id: 'notes',
          label: (
            <>
              Notes <span className="room-left__private-mark">private</span>
            </>
          ),
        },
      ] as const)
    : ([{ id: 'question', label: 'Question' }] as const);
  return (
    <div className="room-left">
      <PanelTabs
        label="Interview"
        tabs={tabs}
        selected={tab}
        onSelect={setTab}
        idPrefix={TABS_ID}
        className="room-left__tabs"
      />
      <div
        role="tabpanel"
        id={panelId(TABS_ID, 'question')}
        aria-labelledby={tabId(TABS_ID, 'question')}
        hidden={tab !== 'question'}
        className="room-left__panel"
      >
        {question}
      </div>
      {notes ? (
        <div
          role="tabpanel"
          id={panelId(TABS_ID, 'notes')}
          aria-labelledby={tabId(TABS_ID, 'notes')}
          hidden={tab !== 'notes'}
          className="room-left__panel room-left__panel--notes"
        >
          {notes}
        </div>
      ) : null}
    </div>
  );
}
