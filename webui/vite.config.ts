import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';

/** The web UI is built once (`npm run build:web`) and served by the office server from webui/dist. */
export default defineConfig({
  root: import.meta.dirname,
  plugins: [preact({ prerender: { enabled: false } })],
  build: { outDir: 'dist', emptyOutDir: true, target: 'es2020', reportCompressedSize: true },
});
