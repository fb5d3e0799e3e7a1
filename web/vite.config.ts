// Builds the single-page app into web/dist, which the Herd server serves at `/`.
// In development, `/api` is proxied to a locally running Herd server so cookies
// stay same-origin exactly as in production.
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const webRoot = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root: webRoot,
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true },
  server: {
    proxy: { '/api': 'http://127.0.0.1:3000' },
  },
});
