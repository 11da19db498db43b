import { createReadStream, readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Plugin } from 'vite';
import { EXCALIDRAW_ASSET_PATH, EXCALIDRAW_VERSION } from './src/pages/room/whiteboard/asset-path';

/**
 * Excalidraw loads its fonts from a CDN unless window.EXCALIDRAW_ASSET_PATH
 * points elsewhere; rooms work offline and under a `font-src 'self'` CSP, so
 * the fonts ship with the app: copied into the build, served from the package
 * in `vite dev`.
 */
export function excalidrawAssets(): Plugin {
  // The package exports no package.json; its entry is dist/prod/index.js.
  const packageDir = path.resolve(
    path.dirname(createRequire(import.meta.url).resolve('@excalidraw/excalidraw')),
    '../..',
  );
  const fontsDir = path.join(packageDir, 'dist', 'prod', 'fonts');
  const prefix = `${EXCALIDRAW_ASSET_PATH}fonts/`;
  return {
    name: 'interviewselect:excalidraw-assets',
    buildStart() {
      const { version } = JSON.parse(readFileSync(path.join(packageDir, 'package.json'), 'utf8')) as {
        version: string;
      };
      if (version !== EXCALIDRAW_VERSION) {
        this.error(`@excalidraw/excalidraw is ${version}; update EXCALIDRAW_VERSION in whiteboard/asset-path.ts`);
      }
    },
    generateBundle() {
      for (const file of listFiles(fontsDir)) {
        this.emitFile({
          type: 'asset',
          fileName: `${prefix.slice(1)}${path.relative(fontsDir, file).split(path.sep).join('/')}`,
          source: readFileSync(file),
        });
      }
    },
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const url = req.url?.split('?')[0] ?? '';
        if (!url.startsWith(prefix)) return next();
        const file = path.resolve(fontsDir, decodeURIComponent(url.slice(prefix.length)));
        if (!file.startsWith(fontsDir + path.sep) || !statSync(file, { throwIfNoEntry: false })?.isFile()) {
          return next();
        }
        res.setHeader('content-type', 'font/woff2');
        createReadStream(file).pipe(res);
      });
    },
  };
}

function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? listFiles(path.join(dir, entry.name)) : [path.join(dir, entry.name)],
  );
}
