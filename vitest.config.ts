import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { alias: { '@': fileURLToPath(new URL('.', import.meta.url)), 'server-only': fileURLToPath(new URL('tests/support/empty.ts', import.meta.url)) } },
  test: {
    include: ['tests/**/*.test.ts'],
    globalSetup: ['tests/support/global-setup.ts'],
    pool: 'forks',
    maxWorkers: 2,
    // Far from UTC, so a date read back as local time instead of UTC shows as a wrong hour.
    env: { TZ: 'Asia/Tokyo' },
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
