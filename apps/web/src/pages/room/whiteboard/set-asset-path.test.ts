import { describe, expect, it } from 'vitest';
import { withoutCdnSources } from './set-asset-path';

describe('Excalidraw font sources', () => {
  it('keeps the app’s own font URL and drops the CDN fallback', () => {
    const source =
      "url(http://localhost/assets/excalidraw-0.18.1/fonts/Virgil/Virgil-Regular.woff2) format('woff2'), " +
      "url(https://esm.sh/@excalidraw/excalidraw@0.18.1/dist/prod/fonts/Virgil/Virgil-Regular.woff2) format('woff2')";
    expect(withoutCdnSources(source)).toBe(
      "url(http://localhost/assets/excalidraw-0.18.1/fonts/Virgil/Virgil-Regular.woff2) format('woff2')",
    );
  });

  it('leaves a source alone when the CDN is all there is', () => {
    const only = "url(https://esm.sh/@excalidraw/excalidraw@0.18.1/dist/prod/fonts/X.woff2) format('woff2')";
    expect(withoutCdnSources(only)).toBe(only);
  });
});
