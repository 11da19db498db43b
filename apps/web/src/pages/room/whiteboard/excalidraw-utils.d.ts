/**
 * @excalidraw/excalidraw 0.18.1 re-exports its export helpers from
 * "@excalidraw/utils/export", a path its published types do not contain, so
 * TypeScript would see them as untyped. These are the signatures of
 * dist/types/utils/export.d.ts, for the two the board uses.
 */
declare module '@excalidraw/utils/export' {
  import type { ExcalidrawElement, NonDeleted } from '@excalidraw/excalidraw/element/types';
  import type { AppState, BinaryFiles } from '@excalidraw/excalidraw/types';

  interface ExportOpts {
    elements: readonly NonDeleted<ExcalidrawElement>[];
    appState?: Partial<Omit<AppState, 'offsetTop' | 'offsetLeft'>>;
    files: BinaryFiles | null;
    maxWidthOrHeight?: number;
    exportPadding?: number;
  }
  export function exportToBlob(opts: ExportOpts & { mimeType?: string; quality?: number }): Promise<Blob>;
  export function exportToSvg(opts: ExportOpts & { skipInliningFonts?: true }): Promise<SVGSVGElement>;
}
