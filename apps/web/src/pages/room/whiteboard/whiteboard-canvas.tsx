import { Excalidraw } from '@excalidraw/excalidraw';
import type { ExcalidrawImperativeAPI, UIOptions } from '@excalidraw/excalidraw/types';
import '@excalidraw/excalidraw/index.css';
import { useEffect, useState } from 'react';
import type { BoardSource } from './board-source';
import { BoardToolbar } from './board-toolbar';
import { useBoardPointers } from './use-board-pointers';
import { useResolvedTheme } from './use-resolved-theme';
import { useBoardSync, useReadyApi, useShapeCount, useStaticBoard } from './use-board-sync';

export interface WhiteboardCanvasProps {
  source: BoardSource;
  /** Names exported files. */
  title: string;
  /** Shown above the board when it is read-only for this person. */
  readOnlyReason: string | null;
  /** False while the tab is hidden; Excalidraw re-measures itself when it shows again. */
  isVisible: boolean;
}

// Images need their file data, which the shared board does not carry; nothing is loaded from or saved to disk.
const UI_OPTIONS: Partial<UIOptions> = {
  tools: { image: false },
  canvasActions: { loadScene: false, saveToActiveFile: false, export: false, saveAsImage: false, toggleTheme: null },
};

/** Excalidraw wired to the room (loaded on demand: see whiteboard-pane.tsx). */
export default function WhiteboardCanvas({ source, title, readOnlyReason, isVisible }: WhiteboardCanvasProps) {
  const [loadingApi, setApi] = useState<ExcalidrawImperativeAPI | null>(null);
  const api = useReadyApi(loadingApi);
  const theme = useResolvedTheme();
  const live = source.kind === 'live' ? source : null;
  const canWrite = live?.canWrite ?? false;
  const refused = useBoardSync(api, live?.map ?? null, canWrite);
  useStaticBoard(api, source.kind === 'static' ? source.elements : null);
  const shapes = useShapeCount(api);
  const onPointerUpdate = useBoardPointers(api, live?.awareness ?? null, isVisible);

  useEffect(() => {
    if (isVisible) api?.refresh();
  }, [api, isVisible]);

  return (
    <div className="whiteboard">
      <BoardToolbar api={api} title={title} readOnlyReason={readOnlyReason} refused={refused} shapes={shapes} />
      <div className="whiteboard__canvas" data-testid="whiteboard-canvas">
        <Excalidraw
          excalidrawAPI={setApi}
          viewModeEnabled={!canWrite}
          theme={theme}
          UIOptions={UI_OPTIONS}
          isCollaborating={live !== null}
          onPointerUpdate={canWrite ? onPointerUpdate : undefined}
          onPaste={(_data, event) => !event?.clipboardData?.files.length}
          autoFocus={false}
          name={title}
        />
      </div>
    </div>
  );
}
