import { EXCALIDRAW_ASSET_PATH, EXCALIDRAW_VERSION } from './asset-path';

declare global {
  interface Window {
    EXCALIDRAW_ASSET_PATH?: string | string[];
  }
}

/** The CDN Excalidraw appends to every font source as a fallback. */
const CDN_PREFIX = `https://esm.sh/@excalidraw/excalidraw@${EXCALIDRAW_VERSION}/`;

/** "url(a) format('woff2'), url(cdn…) format('woff2')" without the CDN entries (all of it if nothing else is left). */
export function withoutCdnSources(source: string): string {
  const kept = source.split(/,\s*(?=url\()/).filter((part) => !part.includes(CDN_PREFIX));
  return kept.length > 0 ? kept.join(', ') : source;
}

let isPatched = false;

/**
 * Points Excalidraw at this app's copy of its fonts. Call before the
 * Excalidraw module loads: it builds its font URLs as it loads. Excalidraw
 * still lists a CDN after our URL in every FontFace, and Chrome reports each
 * such source as a CSP violation (`font-src 'self'`) as the FontFace is
 * created, used or not — so the CDN sources are dropped here.
 */
export function pointExcalidrawAtOwnAssets(): void {
  window.EXCALIDRAW_ASSET_PATH = EXCALIDRAW_ASSET_PATH;
  if (isPatched || typeof window.FontFace !== 'function') return;
  isPatched = true;
  const NativeFontFace = window.FontFace;
  window.FontFace = class extends NativeFontFace {
    constructor(family: string, source: string | BufferSource, descriptors?: FontFaceDescriptors) {
      super(family, typeof source === 'string' ? withoutCdnSources(source) : source, descriptors);
    }
  };
}
