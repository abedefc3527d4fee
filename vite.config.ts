import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const fromRoot = (path: string) => fileURLToPath(new URL(path, import.meta.url));

// The web app lives in web/; the server serves dist/web and falls back to index.html for
// client routes, so every route below is a client route.
export default defineConfig({
  root: fromRoot('./web'),
  plugins: [react()],
  resolve: {
    // Request/response schemas and enums are shared with the server so types never drift.
    alias: { '@shared': fromRoot('./src/shared') },
  },
  css: { postcss: fromRoot('./postcss.config.cjs') },
  build: {
    outDir: fromRoot('./dist/web'),
    emptyOutDir: true,
    sourcemap: true,
    chunkSizeWarningLimit: 1500,
  },
  server: {
    port: 5173,
    proxy: { '/api': { target: 'http://127.0.0.1:3000', changeOrigin: false } },
  },
  preview: {
    proxy: { '/api': { target: 'http://127.0.0.1:3000', changeOrigin: false } },
  },
});
