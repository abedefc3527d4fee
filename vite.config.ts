import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { THEME_COLOUR } from './web/src/app/palette.js';

const fromRoot = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/**
 * GET /api/* answers kept for offline use (docs/architecture.md, "The installable app"). Not the
 * exports and calendar feed (large, and useless offline) nor the OpenAPI document. A function
 * because Workbox copies it into sw.js as it is: it must use nothing from this file.
 */
const cachedApiRead = ({ url, sameOrigin }: { url: URL; sameOrigin: boolean }) =>
  sameOrigin && url.pathname.startsWith('/api/') && !/^\/api\/(exports|calendar|openapi\.json)/.test(url.pathname);

// The web app lives in web/; the server serves dist/web and falls back to index.html for
// client routes, so every route below is a client route.
export default defineConfig({
  root: fromRoot('./web'),
  plugins: [
    react(),
    // The page's theme-color (Safari reads it, not the manifest) from the same palette.
    { name: 'theme-colour', transformIndexHtml: (html: string) => html.replace('%THEME_COLOUR%', THEME_COLOUR) },
    // The installable app: the manifest and a Workbox service worker (sw.js). `prompt`: a new
    // version waits until the user accepts the reload (web/src/app/pwa/UpdatePrompt.tsx).
    VitePWA({
      registerType: 'prompt',
      injectRegister: false,
      includeAssets: ['favicon.svg', 'zod-config.js', 'icons/apple-touch-icon-180.png'],
      manifest: {
        name: 'Círculo',
        short_name: 'Círculo',
        description: 'No relationship goes cold, every loop gets closed.',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        theme_color: THEME_COLOUR,
        background_color: '#ffffff',
        icons: [
          { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
          { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
          { src: '/icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
      workbox: {
        // The shell: every built file (not the source maps) is cached at install.
        globPatterns: ['**/*.{js,css,html,svg,png,woff2}'],
        maximumFileSizeToCacheInBytes: 4 * 1024 * 1024,
        cleanupOutdatedCaches: true,
        clientsClaim: true,
        // Client routes load the shell offline; the API, CardDAV and its discovery are never the shell.
        navigateFallback: 'index.html',
        navigateFallbackDenylist: [/^\/api\//, /^\/dav(\/|$)/, /^\/\.well-known\//],
        runtimeCaching: [
          {
            urlPattern: cachedApiRead,
            method: 'GET',
            // The network's answer when it comes within 4 s, else the last one kept.
            handler: 'NetworkFirst',
            options: {
              cacheName: 'circulo-api',
              networkTimeoutSeconds: 4,
              expiration: { maxEntries: 500, maxAgeSeconds: 14 * 24 * 60 * 60 },
              cacheableResponse: { statuses: [200] },
            },
          },
        ],
      },
    }),
  ],
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
