import { defineConfig } from 'vitest/config';

// Differential tests against real tools (nasm, objdump, qemu-system-x86_64, gcc, rustc),
// which .ci/run installs from Debian's packages before running `npm run test:oracle`.
export default defineConfig({
  test: {
    include: ['src/**/*.oracle.test.{ts,tsx}'],
    exclude: ['**/node_modules/**', 'dist/**'],
    environment: 'node',
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
