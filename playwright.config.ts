import { defineConfig, devices } from '@playwright/test';

// Each browser test file gets its own server on a fresh embedded database, so a test can
// walk the first-run setup. Debian's Chromium is used: Playwright cannot download one here.
// E2E_PORT_BASE moves every port (two checkouts can run their browser tests side by side).
const portBase = Number(process.env.E2E_PORT_BASE ?? 3100);
const allServers = ['english', 'spanish', 'favors', 'invitations', 'imports', 'events', 'campaigns', 'merge', 'users', 'security', 'email', 'accessibility', 'offline', 'calendar-import', 'phone', 'network'].map((name, i) => ({
  name,
  port: portBase + i,
}));
// `E2E_ONLY=favors,english npx playwright test` starts only those files' servers (quicker while
// working on one screen); CI runs them all.
const only = process.env.E2E_ONLY?.split(',').map((name) => name.trim());
const servers = only ? allServers.filter(({ name }) => only.includes(name)) : allServers;

export default defineConfig({
  testDir: 'tests/e2e',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  // No retries: a test file shares one server for all its attempts, so a retry finds the account
  // its first attempt set up and fails for that reason instead of the real one. A flaky test
  // is a bug to find (a state not waited for), not something to run twice.
  retries: 0,
  reporter: [['list']],
  use: {
    ...devices['Desktop Chrome'],
    // The app's service worker (README "Install on your phone") would precache every asset in each
    // test's fresh browser context, and answer a slow API read from its cache after 4 s: only
    // offline.spec.ts, which is about it, lets it run.
    serviceWorkers: 'block',
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    },
  },
  projects: servers.map(({ name, port }) => ({
    name,
    testMatch: `${name}.spec.ts`,
    use: { baseURL: `http://127.0.0.1:${port}` },
  })),
  webServer: servers.map(({ name, port }) => ({
    command: `node scripts/e2e-server.mjs ${port}`,
    // The e-mail test starts its own SMTP server on port + 500 (tests/e2e/email.spec.ts).
    ...(name === 'email' ? { env: { ...process.env, CIRCULO_SMTP_URL: `smtp://127.0.0.1:${port + 500}` } as Record<string, string> } : {}),
    // The calendar test serves its calendar on the loopback, which subscriptions refuse by default.
    ...(name === 'calendar-import' ? { env: { ...process.env, CIRCULO_ALLOW_PRIVATE_CALENDAR_URLS: 'true' } as Record<string, string> } : {}),
    url: `http://127.0.0.1:${port}/api/auth/status`,
    timeout: 120_000,
    reuseExistingServer: false,
    // SIGTERM first, so scripts/e2e-server.mjs removes the server's temporary data directory.
    gracefulShutdown: { signal: 'SIGTERM', timeout: 5_000 },
    stdout: 'ignore',
    stderr: 'pipe',
  })),
});
