import { useState, type ReactNode } from 'react';
import { PanelTabs, TabPanel } from '../../code-runner/panel-tabs';
import '../../code-runner/code-runner.css';
import { WhiteboardPane } from './whiteboard-pane';
import type { WhiteboardCanvasProps } from './whiteboard-canvas';

type CenterTab = 'code' | 'whiteboard';
const TABS = [
  { id: 'code', label: 'Code' },
  { id: 'whiteboard', label: 'Whiteboard' },
] as const;

export interface CenterTabsProps {
  /** The code view (the room's editor, the replay's code). */
  code: ReactNode;
  board: Omit<WhiteboardCanvasProps, 'isVisible'>;
  idPrefix: string;
}

/**
 * "Code" | "Whiteboard" in the centre. The editor stays mounted behind the
 * board (it keeps its state); the board mounts on first open and stays.
 */
export function CenterTabs({ code, board, idPrefix }: CenterTabsProps) {
  const [tab, setTab] = useState<CenterTab>('code');
  const [hasBoard, setHasBoard] = useState(false);
  if (tab === 'whiteboard' && !hasBoard) setHasBoard(true);
  return (
    <div className="center-tabs">
      <PanelTabs label="Centre view" tabs={TABS} selected={tab} onSelect={setTab} idPrefix={idPrefix} />
      <TabPanel idPrefix={idPrefix} id="code" selected={tab} className="center-tabs__panel">
        {code}
      </TabPanel>
      <TabPanel idPrefix={idPrefix} id="whiteboard" selected={tab} className="center-tabs__panel">
        {hasBoard ? <WhiteboardPane {...board} isVisible={tab === 'whiteboard'} /> : null}
      </TabPanel>
    </div>
  );
}
