import type { ReactNode } from 'react';
import { useState } from 'react';
import { PanelTabs, TabPanel } from '../code-runner/panel-tabs';

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
      <TabPanel idPrefix={TABS_ID} id="question" selected={tab} className="room-left__panel">
        {question}
      </TabPanel>
      {notes ? (
        <TabPanel idPrefix={TABS_ID} id="notes" selected={tab} className="room-left__panel room-left__panel--notes">
          {notes}
        </TabPanel>
      ) : null}
    </div>
  );
}
