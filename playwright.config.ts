import { defineConfig } from '@playwright/test';
import { APP_ENV, BASE_URL, E2E_STORAGE_DIR, FIXTURES_URL } from './e2e/support/env';

// Run after all the others, one at a time: the flows that log out, and the timing
// comparison, which other flows' load would skew.
const RUN_LAST = /(admin|admin-session|timing)\.spec\.ts$/;

// Debian's Chromium: Playwright's own browser download is unreachable here.
const chromiumArgs = ['--disable-gpu', '--disable-background-networking', '--disable-component-update',
  '--disable-sync', '--no-first-run', '--disable-quic'];

export default defineConfig({
  testDir: 'e2e',
  globalSetup: './e2e/support/global-setup.ts',
  workers: 2,
  retries: 0,
  timeout: 45_000,
  reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
  use: {
    baseURL: BASE_URL,
    browserName: 'chromium',
    launchOptions: { executablePath: '/usr/lib/chromium/chromium', args: chromiumArgs },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  // Logging out ends every admin session at once (by design), so the tests that log out
  // run after all the others, which keep their admin logged in meanwhile.
  projects: [
    { name: 'shop', testIgnore: RUN_LAST },
    { name: 'last', testMatch: RUN_LAST, dependencies: ['shop'], workers: 1 },
  ],
  webServer: [
    { command: 'npx tsx e2e/support/fixture-servers.ts', url: `${FIXTURES_URL}/healthz`, reuseExistingServer: false, timeout: 30_000 },
    {
      command: `rm -rf ${E2E_STORAGE_DIR} && npx tsx scripts/db/setup.ts --fresh && npx tsx scripts/start.ts -H 127.0.0.1 -p ${APP_ENV.PORT}`,
      url: `${BASE_URL}/`,
      env: APP_ENV,
      reuseExistingServer: false,
      timeout: 120_000,
    },
  ],
});
