import { defineConfig } from 'vitest/config';

// Unit and integration tests: everything under src/ named *.test.ts(x), except the oracle
// tests (differential tests against nasm, objdump, qemu, rustc: see vitest.oracle.config.ts)
// and the Playwright suite in e2e/.
export default defineConfig({
  test: {
    include: ['src/**/*.test.{ts,tsx}'],
    exclude: ['**/node_modules/**', '**/*.oracle.test.{ts,tsx}', 'e2e/**', 'dist/**'],
    environment: 'node',
  },
});
