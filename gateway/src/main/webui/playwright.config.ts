import { defineConfig } from '@playwright/test';

// End-to-end tests against a running suite (MEDI_BASE_URL): the system tests start the packaged suite and run
// `npm run e2e` (WebAppEndToEndTest); locally: `./medi run`, then `MEDI_BASE_URL=http://127.0.0.1:8080 npm run e2e`.
// The browser is Debian's Chromium: never `playwright install` (ADR 0017).
const chromium = process.env.MEDI_CHROMIUM ?? '/usr/bin/chromium';

export default defineConfig({
  testDir: './e2e',
  outputDir: './e2e/.output',
  workers: 1,
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['json', { outputFile: 'e2e/.output/results.json' }]],
  use: {
    baseURL: process.env.MEDI_BASE_URL ?? 'http://127.0.0.1:8080',
    trace: 'retain-on-failure',
    viewport: { width: 1366, height: 768 },
    launchOptions: {
      executablePath: chromium,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
});
