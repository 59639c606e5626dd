import { defineConfig } from '@playwright/test';

/**
 * The smoke suite (smoke/smoke.spec.ts) in WebKit and Firefox, each driven
 * by its own driver (smoke/engines.ts): Playwright is only the runner here,
 * and no Playwright browser is launched. scripts/test starts the servers and
 * passes, space-separated with one entry per worker:
 *
 *   BASE_URLS        the app at /          (a sandbox, or nginx)
 *   H5_URLS          the app at /h5/       (a sandbox, or nginx's /h5/)
 *   SANDBOX_URLS     the sandbox behind BASE_URLS (reset, state, CSP reports)
 *   H5_SANDBOX_URLS  the sandbox behind H5_URLS
 *
 * Each server must send the build's CSP also as Report-Only with a
 * report-uri to its sandbox's /__sandbox/csp-reports (the sandbox's
 * --csp-report-uri; scripts/nginx --csp-report-uri). By hand:
 *   npx playwright test -c playwright.smoke.config.ts --project webkit
 */
export default defineConfig<object, { engineName: 'webkit' | 'firefox' }>({
  testDir: './smoke',
  testMatch: /\.spec\.ts$/,
  outputDir: './test-results/smoke',
  workers: Number(process.env.SMOKE_WORKERS ?? 1),
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [
    ['list'],
    ['json', { outputFile: `./test-results/smoke-${process.env.SMOKE_SERVER ?? 'sandbox'}.json` }],
  ],
  projects: [
    { name: 'webkit', use: { engineName: 'webkit' } },
    { name: 'firefox', use: { engineName: 'firefox' } },
  ],
});
