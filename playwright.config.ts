import { existsSync } from 'node:fs';
import { defineConfig, devices } from '@playwright/test';
import { e2ePort } from './scripts/e2ePort.ts';

// A port found free when the run starts, or LPARLAB_E2E_PORT: never a fixed
// port another server may already hold (see scripts/e2ePort.ts).
const PORT = e2ePort();
const BASE_URL = `http://127.0.0.1:${PORT}/`;

// Playwright cannot download its own browsers everywhere (e.g. CI here).
// On Debian, `apt-get install chromium` provides /usr/bin/chromium: use it
// when present, otherwise fall back to Playwright's bundled browser.
const SYSTEM_CHROMIUM = '/usr/bin/chromium';
const executablePath = existsSync(SYSTEM_CHROMIUM) ? SYSTEM_CHROMIUM : undefined;

export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results/playwright',
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  // No retries: scripts/test.mjs counts a flaky test as failed anyway.
  retries: 0,
  // whole user journeys (axe over every tab, walking a lesson) take tens of seconds on a busy 2-core CI machine
  timeout: 90_000,
  workers: process.env.CI ? 2 : undefined,
  reporter: process.env.CI ? 'list' : [['list'], ['html', { open: 'never' }]],
  use: {
    baseURL: BASE_URL,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        launchOptions: {
          ...(executablePath ? { executablePath } : {}),
          args: [
            '--no-sandbox',
            '--disable-gpu',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
            '--no-first-run',
            '--disable-quic',
          ],
        },
      },
    },
  ],
  webServer: {
    // Serve the production build, the same files a static host would get.
    command: `npx vite build && npx vite preview --host 127.0.0.1 --port ${PORT} --strictPort`,
    url: BASE_URL,
    // Never test a server this run did not start: if the port is taken,
    // Playwright stops with "is already used" instead of testing a stranger.
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
