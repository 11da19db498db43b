import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { excalidrawAssets } from './vite-excalidraw-assets';

/** Everything the Fastify server owns; in `npm run dev` Vite forwards it there. */
const SERVER = 'http://127.0.0.1:3000';
const SERVER_PATHS = ['/api', '/healthz', '/readyz', '/metrics'];

export default defineConfig({
  plugins: [react(), excalidrawAssets()],
  build: {
    outDir: 'dist',
    // The server caches /assets/* as immutable for a year, which is only safe
    // because every file name there carries a content hash (Vite's default).
    assetsDir: 'assets',
    emptyOutDir: true,
    sourcemap: true,
  },
  server: {
    port: 5173,
    strictPort: true,
    proxy: {
      // Before '/api': the terminal's WebSocket (the first matching entry wins).
      '/api/v1/terminals/ws': { target: SERVER, ws: true },
      ...Object.fromEntries(SERVER_PATHS.map((p) => [p, { target: SERVER, changeOrigin: false }])),
      '/ws': { target: SERVER, ws: true },
    },
  },
  preview: { port: 4173 },
});
