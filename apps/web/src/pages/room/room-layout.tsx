import { useState, type ReactNode, type RefObject } from 'react';
import {
  Group,
  Panel,
  Separator,
  useDefaultLayout,
  usePanelRef,
  type PanelImperativeHandle,
  type PanelSize,
} from 'react-resizable-panels';
import { useMediaQuery } from './use-media-query';

export interface RoomLayoutProps {
  left: ReactNode;
  editor: ReactNode;
  bottom: ReactNode;
  right: ReactNode;
  /** Connection state and the like, in the footer beside the panel toggles. */
  status: ReactNode;
}

/** Below this width the panels stack and the page scrolls (tablets in portrait, phones). */
export const STACKED_QUERY = '(max-width: 900px)';

/**
 * Desktop: question | editor over console | people and chat, every border
 * draggable (and keyboard-resizable: the separators are focusable), the side
 * and bottom panels collapsible. Narrow screens: the same sections stacked.
 */
export function RoomLayout({ left, editor, bottom, right, status }: RoomLayoutProps) {
  const isStacked = useMediaQuery(STACKED_QUERY);
  const leftRef = usePanelRef();
  const rightRef = usePanelRef();
  const bottomRef = usePanelRef();
  const [collapsed, setCollapsed] = useState({ left: false, console: false, right: false });
  // Panel sizes (and which are collapsed) are this browser's preference: kept in localStorage after a
  // person drags or collapses something, restored in every room.
  const columns = useDefaultLayout({
    id: 'isel-room-columns',
    storage: localStorage,
    onlySaveAfterUserInteractions: true,
  });
  const centre = useDefaultLayout({
    id: 'isel-room-centre',
    storage: localStorage,
    onlySaveAfterUserInteractions: true,
  });
  const track = (id: keyof typeof collapsed) => (size: PanelSize) => {
    const isCollapsed = size.inPixels < 1;
    setCollapsed((c) => (c[id] === isCollapsed ? c : { ...c, [id]: isCollapsed }));
  };
  if (isStacked) {
    return (
      <>
        <div className="room-stack">
          <div className="room-stack__editor">{editor}</div>
          <div className="room-stack__section">{bottom}</div>
          <div className="room-stack__section">{left}</div>
          <div className="room-stack__section">{right}</div>
        </div>
        <footer className="room-footer">{status}</footer>
      </>
    );
  }
  return (
    <>
      <Group
        orientation="horizontal"
        className="room-panels"
        id="room-columns"
        defaultLayout={columns.defaultLayout}
        onLayoutChanged={columns.onLayoutChanged}
      >
        <Panel
          id="left"
          panelRef={leftRef}
          onResize={track('left')}
          defaultSize="24%"
          minSize="200px"
          collapsible
          className="room-pane"
        >
          {left}
        </Panel>
        <Separator className="room-separator" aria-label="Resize question panel" />
        <Panel id="centre" minSize="30%" className="room-pane room-pane--centre">
          <Group
            orientation="vertical"
            id="room-centre"
            defaultLayout={centre.defaultLayout}
            onLayoutChanged={centre.onLayoutChanged}
          >
            <Panel id="editor" minSize="25%" className="room-pane">
              {editor}
            </Panel>
            <Separator className="room-separator room-separator--horizontal" aria-label="Resize console panel" />
            <Panel
              id="console"
              panelRef={bottomRef}
              onResize={track('console')}
              defaultSize="36%"
              minSize="120px"
              collapsible
              className="room-pane"
            >
              {bottom}
            </Panel>
          </Group>
        </Panel>
        <Separator className="room-separator" aria-label="Resize people and chat panel" />
        <Panel
          id="right"
          panelRef={rightRef}
          onResize={track('right')}
          defaultSize="22%"
          minSize="220px"
          collapsible
          className="room-pane"
        >
          {right}
        </Panel>
      </Group>
      <footer className="room-footer">
        {status}
        <div className="room-footer__toggles" role="group" aria-label="Panels">
          <PanelToggle panel={leftRef} label="Question" isOpen={!collapsed.left} />
          <PanelToggle panel={bottomRef} label="Console" isOpen={!collapsed.console} />
          <PanelToggle panel={rightRef} label="People & chat" isOpen={!collapsed.right} />
        </div>
      </footer>
    </>
  );
}

function PanelToggle({
  panel,
  label,
  isOpen,
}: {
  panel: RefObject<PanelImperativeHandle | null>;
  label: string;
  isOpen: boolean;
}) {
  return (
    <button
      type="button"
      className="room-footer__toggle"
      aria-pressed={isOpen}
      onClick={() => {
        const handle = panel.current;
        if (!handle) return;
        if (handle.isCollapsed()) handle.expand();
        else handle.collapse();
      }}
    >
      {label}
    </button>
  );
}
