import { defineConfig, devices } from '@playwright/test';
import { readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Browser tests against the sandbox (`cargo run -p cashgo-sandbox`) serving the
 * release build. `scripts/test` builds `dist/` and `dist-h5/`, starts one
 * sandbox for each and passes their addresses in BASE_URL and H5_URL.
 *
 * Run by hand: `scripts/test` once (it builds and installs everything), then
 * start a sandbox yourself and run `BASE_URL=http://127.0.0.1:8787/ npx playwright test`
 * here; without BASE_URL the config starts a sandbox on port 8790 serving ../dist.
 */

const CI = !!process.env.CI;
const FALLBACK_PORT = 8790;
const BASE_URL = process.env.BASE_URL ?? `http://127.0.0.1:${FALLBACK_PORT}/`;

/** Debian's Chromium: Playwright's own browser download cannot reach its host from here. */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = JSON.parse(readFileSync(path.join(__dirname, 'chromium-args.json'), 'utf8')) as string[];

export default defineConfig({
  testDir: './tests',
  outputDir: './test-results',
  // Each test resets the sandbox it uses; with several workers each has its
  // own sandbox (BASE_URLS / H5_URLS, started by scripts/test; fixtures.ts),
  // so tests spread freely. One worker, one sandbox otherwise.
  workers: Number(process.env.E2E_WORKERS ?? 1),
  fullyParallel: true,
  forbidOnly: CI,
  retries: CI ? 1 : 0,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: [
    ['list'],
    ['html', { open: 'never', outputFolder: './playwright-report' }],
    // Read by scripts/test for its closing "N passed, N failed" line.
    ['json', { outputFile: './test-results/results.json' }],
  ],
  use: {
    baseURL: BASE_URL,
    viewport: { width: 360, height: 740 },
    locale: 'es-MX',
    timezoneId: 'America/Mexico_City',
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        // devices[] brings its own viewport and scale: restore the phone-sized ones.
        viewport: { width: 360, height: 740 },
        deviceScaleFactor: 1,
        launchOptions: {
          executablePath: CHROMIUM,
          // Debian's Chromium on a machine that reaches only the package registries (chromium-args.json).
          args: CHROMIUM_ARGS,
        },
      },
    },
  ],
  webServer: process.env.BASE_URL
    ? undefined
    : {
        command: `cargo run -q -p cashgo-sandbox -- --host 127.0.0.1 --port ${FALLBACK_PORT} --dist ../dist --base /`,
        url: `http://127.0.0.1:${FALLBACK_PORT}/__sandbox/state`,
        reuseExistingServer: !CI,
        timeout: 600_000,
        stdout: 'pipe',
      },
});
