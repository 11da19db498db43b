import { Component, lazy, Suspense, type ReactNode } from 'react';
import { ErrorState } from '../../../ui/error-state';
import { Spinner } from '../../../ui/spinner';
import { pointExcalidrawAtOwnAssets } from './set-asset-path';
import type { WhiteboardCanvasProps } from './whiteboard-canvas';
import './whiteboard.css';

// Excalidraw is large: it loads only when someone opens the board, never with the room itself.
const WhiteboardCanvas = lazy(() => {
  pointExcalidrawAtOwnAssets();
  return import('./whiteboard-canvas');
});

/** The whiteboard with its loading and load-failure states. */
export function WhiteboardPane(props: WhiteboardCanvasProps) {
  return (
    <LoadBoundary>
      <Suspense
        fallback={
          <div className="whiteboard whiteboard--loading">
            <Spinner size="lg" label="Loading the whiteboard…" />
            <p aria-hidden="true">Loading the whiteboard…</p>
          </div>
        }
      >
        <WhiteboardCanvas {...props} />
      </Suspense>
    </LoadBoundary>
  );
}

/** A failed download of the board's code (offline, a deploy replaced the files) offers a reload. */
class LoadBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override render() {
    if (!this.state.failed) return this.props.children;
    return (
      <ErrorState
        title="The whiteboard could not load"
        message="Check your connection, then reload the page. The code editor still works."
        retryLabel="Reload"
        onRetry={() => window.location.reload()}
      />
    );
  }
}
