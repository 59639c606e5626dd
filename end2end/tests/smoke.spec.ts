import { test, expect, shot, expectLang, h5Url, LANGS } from './fixtures';

// index.html itself has no heading, so a visible one means the wasm app booted.
test('the app boots at the root, fetching its wasm once', async ({ page }) => {
  await page.goto('./');
  await expectLang(page, LANGS);
  await expect(page.getByRole('heading').first()).toBeVisible();
  // index.html's boot script starts the one download the loader uses (WebKit
  // fetched it twice through Trunk's preload; issue 15).
  const fetches = await page.evaluate(() => performance.getEntriesByType('resource').filter((e) => e.name.endsWith('_bg.wasm')).length);
  expect(fetches).toBe(1);
  await shot(page, 'smoke-root');
});

test('the sub-path build boots under /h5/', async ({ page }) => {
  const h5 = h5Url();
  test.skip(!h5, 'H5_URL not set (scripts/test sets it)');
  await page.goto(h5!);
  await expectLang(page, LANGS);
  await expect(page.getByRole('heading').first()).toBeVisible();
  expect(new URL(page.url()).pathname.startsWith('/h5/')).toBe(true);
  await shot(page, 'smoke-h5');
});
