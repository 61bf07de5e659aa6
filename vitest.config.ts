import { defineConfig } from 'vitest/config';

/**
 * Tests run in Node only; the browser client gets its own (Playwright) suite later.
 * A separate file from vite.config.ts so the client's `root: 'client'` does not apply here.
 */
export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    environment: 'node',
    // Servers started by tests log nothing unless asked (LOG_LEVEL=info npx vitest …).
    env: { LOG_LEVEL: process.env.LOG_LEVEL ?? 'silent' },
    testTimeout: 20_000,
    hookTimeout: 20_000,
    teardownTimeout: 10_000,
  },
});
