import { CaptureUpdateAction, restoreElements } from '@excalidraw/excalidraw';
import type { ExcalidrawElement } from '@excalidraw/excalidraw/element/types';
import type { ExcalidrawImperativeAPI } from '@excalidraw/excalidraw/types';
import type { BoardElement } from './board-elements';
import type { BoardScene } from './whiteboard-binding';

/**
 * Shows elements from the document: restoreElements repairs anything a
 * client left out (the JSON is untrusted) without touching versions, and the
 * update stays out of the local undo history.
 */
export function showElements(api: ExcalidrawImperativeAPI, elements: readonly BoardElement[]): void {
  // The shape was checked by BoardElementSchema; restoreElements fills in and clamps the rest.
  const restored = restoreElements(elements as unknown as readonly ExcalidrawElement[], null);
  api.updateScene({ elements: restored, captureUpdate: CaptureUpdateAction.NEVER });
}

/** The binding's view of a live Excalidraw. */
export function excalidrawScene(api: ExcalidrawImperativeAPI): BoardScene {
  return {
    getElements: () => api.getSceneElementsIncludingDeleted(),
    replaceElements: (elements) => showElements(api, elements),
  };
}
