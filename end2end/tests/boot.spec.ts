/**
 * The boot watchdog in index.html (issue 15): a phone below the floor, whose
 * engine refuses to compile the wasm under the build's policy (iOS 15 and
 * Chrome 96 don't know 'wasm-unsafe-eval'), or a link that never delivers
 * the wasm, gets a message in the borrower's language with a retry instead
 * of a spinner forever. Its texts are the catalogs' (scripts/postbuild.py).
 */
import { test, expect, t, LANGS, type Lang } from './fixtures';
import type { Page, Route } from '@playwright/test';

/** The message the watchdog shows in `lang`, and its retry button. */
function late(page: Page, lang: Lang) {
  const alert = page.getByRole('alert').filter({ hasText: t(lang, 'boot.late') });
  return { alert, retry: alert.getByRole('button', { name: t(lang, 'errors.retry'), exact: true }) };
}

for (const lang of LANGS) {
  test(`an engine that won't compile the wasm under the policy gets the message (${lang})`, async ({ page, cspViolations }) => {
    // What an engine without 'wasm-unsafe-eval' does with the build's policy:
    // the same header with that keyword taken out.
    await page.route('**/*', async (route) => {
      if (route.request().resourceType() !== 'document') return route.fallback();
      const res = await route.fetch();
      const headers = res.headers();
      headers['content-security-policy'] = headers['content-security-policy'].replace(" 'wasm-unsafe-eval'", '');
      await route.fulfill({ response: res, headers });
    });
    await page.goto(lang === 'en' ? './?lang=en' : './');
    const { alert, retry } = late(page, lang);
    await expect(alert).toBeVisible();
    await expect(retry).toBeVisible();
    // The app never started: no heading of its own, the spinner gone.
    await expect(page.getByRole('heading')).toHaveCount(0);
    await expect(page.locator('#boot > i')).toBeHidden();
    // The refusal itself was the policy's doing (provoked here: not a failure).
    await expect.poll(() => cspViolations.join('\n')).toMatch(/script-src/);
    cspViolations.length = 0;
  });
}

test('a wasm that never arrives: the message after 15 s, and retry reloads', async ({ page }) => {
  // Time stands still unless the test moves it.
  await page.clock.install({ time: 0 });
  await page.clock.pauseAt(1_000);
  let hold = true;
  const held: Route[] = [];
  await page.route('**/*_bg.wasm', (route) => (hold ? held.push(route) : route.continue()));
  await page.goto('./?lang=en');
  await expect.poll(() => held.length).toBe(1);
  const { alert, retry } = late(page, 'en');
  await page.clock.runFor(14_000);
  await expect(alert).toBeHidden();
  await page.clock.runFor(1_500);
  await expect(alert).toBeVisible();
  await expect(page.getByRole('heading')).toHaveCount(0);
  // The first download still hangs: only a reload (the retry) can start the app.
  hold = false;
  await page.clock.resume();
  await retry.click();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(alert).toBeHidden();
});
