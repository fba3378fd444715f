import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The app is a static site: `vite` serves it for development, `vite build` writes dist/.
export default defineConfig({
  plugins: [react()],
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1' },
  build: { target: 'es2022', sourcemap: true },
  worker: { format: 'es' },
});
