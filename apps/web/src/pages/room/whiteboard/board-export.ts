import { exportToBlob, exportToSvg } from '@excalidraw/excalidraw';
import type { ExcalidrawImperativeAPI } from '@excalidraw/excalidraw/types';

export type ExportFormat = 'png' | 'svg';

/** The board as a PNG or SVG file (what is drawn, with the background), named after the room. */
export async function exportBoard(api: ExcalidrawImperativeAPI, format: ExportFormat): Promise<Blob> {
  const elements = api.getSceneElements();
  if (elements.length === 0) throw new Error('The whiteboard is empty: draw something first.');
  const appState = { ...api.getAppState(), exportBackground: true };
  const files = api.getFiles();
  if (format === 'png') return exportToBlob({ elements, appState, files, mimeType: 'image/png', exportPadding: 16 });
  const svg = await exportToSvg({ elements, appState, files, exportPadding: 16 });
  return new Blob([new XMLSerializer().serializeToString(svg)], { type: 'image/svg+xml' });
}

/** "Backend pairing" → "backend-pairing-whiteboard.png". */
export function exportFileName(title: string, format: ExportFormat): string {
  const slug = title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return `${slug || 'interview'}-whiteboard.${format}`;
}
