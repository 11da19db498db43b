import type { ExcalidrawImperativeAPI } from '@excalidraw/excalidraw/types';
import { useState } from 'react';
import { describeError } from '../../../lib/describe-error';
import { downloadBlob } from '../../../lib/download-blob';
import { Alert } from '../../../ui/alert';
import { Button } from '../../../ui/button';
import { BOARD_LIMITS } from './board-elements';
import { exportBoard, exportFileName, type ExportFormat } from './board-export';
import type { BoardLimit } from './whiteboard-binding';

const LIMIT_MESSAGES: Record<BoardLimit, string> = {
  elements: `The board holds its maximum of ${BOARD_LIMITS.maxElements.toLocaleString()} shapes.`,
  'element-bytes': 'That shape is too large to share (a very long freehand stroke?).',
  'board-bytes': `The board holds its maximum of ${BOARD_LIMITS.maxBoardBytes / 1024 / 1024} MB of drawings.`,
};

export interface BoardToolbarProps {
  api: ExcalidrawImperativeAPI | null;
  title: string;
  readOnlyReason: string | null;
  refused: BoardLimit | null;
  shapes: number;
}

/** Above the board: why it is read-only, why a shape was not shared, and export to PNG/SVG. */
export function BoardToolbar({ api, title, readOnlyReason, refused, shapes }: BoardToolbarProps) {
  const [pending, setPending] = useState<ExportFormat | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function save(format: ExportFormat) {
    if (!api) return;
    setPending(format);
    setError(null);
    try {
      downloadBlob(await exportBoard(api, format), exportFileName(title, format));
    } catch (e) {
      setError(e instanceof Error ? e.message : describeError(e));
    } finally {
      setPending(null);
    }
  }

  return (
    <div className="whiteboard__toolbar">
      <p className="whiteboard__note">
        <span role="status" className="whiteboard__count">
          {shapes === 1 ? '1 shape' : `${shapes.toLocaleString()} shapes`}
        </span>
        {' · '}
        {readOnlyReason
          ? `Read-only: ${readOnlyReason}`
          : 'Everyone in the room sees this board. Images are not shared.'}
      </p>
      <div className="whiteboard__actions">
        {(['png', 'svg'] as const).map((format) => (
          <Button
            key={format}
            variant="secondary"
            size="sm"
            onClick={() => void save(format)}
            isLoading={pending === format}
            disabled={!api || pending !== null}
          >
            Export {format.toUpperCase()}
          </Button>
        ))}
      </div>
      {refused ? (
        <Alert tone="warning" title="Not shared with the room" className="whiteboard__alert">
          {LIMIT_MESSAGES[refused]} New shapes stay on your screen only; delete something to keep drawing together.
        </Alert>
      ) : null}
      {error ? (
        <Alert tone="danger" title="Export failed" className="whiteboard__alert">
          {error}
        </Alert>
      ) : null}
    </div>
  );
}
