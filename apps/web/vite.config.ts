import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// In production the API serves dist/ and /api on one origin; in development Vite
// forwards /api to a locally running API so the app uses the same relative URLs.
export default defineConfig({
  plugins: [react()],
  server: {
    proxy: { '/api': { target: 'http://localhost:3000', changeOrigin: false } },
  },
  build: { outDir: 'dist', emptyOutDir: true },
});
