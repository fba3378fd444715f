import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The app is a static site: `vite` serves it for development, `vite build` writes dist/.
export default defineConfig({
  plugins: [react()],
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1' },
  // Monaco is one large chunk (about 1 MB gzipped), loaded only when the editor first shows:
  // the warning limit is raised above it so real regressions in the main chunk still stand out.
  build: { target: 'es2022', sourcemap: true, chunkSizeWarningLimit: 4500 },
  worker: { format: 'es' },
});
