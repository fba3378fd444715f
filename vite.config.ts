import { readFileSync, readdirSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

/**
 * Emits `sw.js` (src/app/offline/service-worker.js) with the list of every file of the build,
 * so that the app works offline after the first visit. Source maps are left out.
 */
function offline(): Plugin {
  return {
    name: 'bootlab-offline',
    apply: 'build',
    generateBundle(_options, bundle) {
      const files = Object.keys(bundle).filter((f) => !f.endsWith('.map') && f !== 'sw.js');
      const publicFiles = readdirSync(new URL('./public/', import.meta.url));
      const assets = ['./', ...[...files, ...publicFiles].sort().map((f) => `./${f}`)];
      const version = createHash('sha256').update(assets.join('\n')).digest('hex').slice(0, 12);
      const body = readFileSync(new URL('./src/app/offline/service-worker.js', import.meta.url), 'utf8');
      this.emitFile({
        type: 'asset',
        fileName: 'sw.js',
        source: `const VERSION = ${JSON.stringify(version)};\nconst ASSETS = ${JSON.stringify(assets)};\n${body}`,
      });
    },
  };
}

// The app is a static site: `vite` serves it for development, `vite build` writes dist/.
export default defineConfig({
  plugins: [react(), offline()],
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1' },
  // Monaco is one large chunk (about 0.86 MB gzipped), loaded only when the editor first shows:
  // the warning limit is raised above it so real regressions in the main chunk still stand out.
  build: { target: 'es2022', sourcemap: true, chunkSizeWarningLimit: 4500 },
  worker: { format: 'es' },
});
