/**
 * Where the built app serves Excalidraw's fonts (copied from the package by
 * apps/web/vite-excalidraw-assets.ts). Versioned, so the server's year-long
 * immutable caching of /assets/ stays safe across upgrades; the build fails
 * when the installed package has another version than this one.
 */
export const EXCALIDRAW_VERSION = '0.18.1';
export const EXCALIDRAW_ASSET_PATH = `/assets/excalidraw-${EXCALIDRAW_VERSION}/`;
