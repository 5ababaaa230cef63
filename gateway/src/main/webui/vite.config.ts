/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The gateway serves the built app (target/webui → META-INF/resources); in `npm run dev` Vite proxies the API
// and the live streams to a running suite (`./medi run`), so the browser sees one origin either way.
const gateway = process.env.MEDI_GATEWAY ?? 'http://127.0.0.1:8080';

export default defineConfig({
  plugins: [react()],
  build: {
    outDir: '../../../target/webui',
    emptyOutDir: true,
    // hashed file names under /assets are served "immutable" by the gateway; index.html is never cached
    assetsDir: 'assets',
    sourcemap: false,
    chunkSizeWarningLimit: 600,
  },
  server: {
    // the browser tests write traces and screenshots under e2e/: a reload of the page under test would cut its stream
    watch: { ignored: ['**/e2e/**', '**/target/**'] },
    proxy: {
      '/api': { target: gateway, changeOrigin: false },
      '/fhir': { target: gateway },
      '/ws': { target: gateway.replace(/^http/, 'ws'), ws: true },
      '/board': { target: gateway },
    },
  },
  test: {
    environment: 'jsdom',
    setupFiles: ['./src/test/setup.ts'],
    include: ['src/**/*.test.{ts,tsx}'],
    css: false,
  },
});
