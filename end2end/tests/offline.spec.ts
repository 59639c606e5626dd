/**
 * Issue 16, at the counter with no signal (README "Offline use"): the last
 * payment reference of each order is kept on the phone (src/offline.rs),
 * and once one is, a service worker (worker/sw.js) answers any page with
 * the offline page (worker/offline.js) when the network fails. Both
 * languages; after logout or another borrower's login nothing is kept; an
 * expired reference says so; the barcode as text when its picture isn't
 * kept; the CSP holds (the fixture fails a test on any violation).
 */
import {
  test, expect, t, shot, LANGS, DEMO, seedAccount, seedReferences, signIn, withLang, money, dateTimeText, fillLogin,
  reEscape, type Lang, type SeedAccount, type SeedReference,
} from './fixtures';
import type { Page } from '@playwright/test';

/** Gets a Paycash reference (it has a barcode picture) on `/pay/:oid` in `lang`. */
async function getReference(page: Page, lang: Lang, acc: SeedAccount, sandbox: Parameters<typeof seedReferences>[0]): Promise<SeedReference> {
  await page.goto(withLang(`pay/${acc.order_number}`, lang));
  await page.getByRole('radio', { name: t(lang, 'pay.paycash') }).check();
  await page.getByRole('button', { name: t(lang, 'pay.get_reference'), exact: true }).click();
  await expect(page.getByTestId('reference-paycash').getByTestId('reference')).not.toBeEmpty();
  const refs = await seedReferences(sandbox);
  return refs[refs.length - 1];
}

/** The service worker is in charge and has kept `pictures` barcode pictures. */
async function workerReady(page: Page, pictures = 1): Promise<void> {
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  await expect
    .poll(() => page.evaluate(async () => (await (await caches.open('cashgo-images')).keys()).length))
    .toBe(pictures);
}

/** Storage items the app keeps for offline. */
function keptItems(page: Page): Promise<string[]> {
  return page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('cashgo.payref.')));
}

/** Saves a screenshot from the top of the page (a reload keeps the scroll position). */
async function topShot(page: Page, name: string): Promise<void> {
  await page.evaluate(() => window.scrollTo(0, 0));
  await shot(page, name);
}

async function expectOfflineReference(page: Page, lang: Lang, acc: SeedAccount, ref: SeedReference): Promise<void> {
  await expect(page.locator('html')).toHaveAttribute('lang', lang);
  await expect(page.getByRole('heading', { level: 1, name: t(lang, 'pay.title') })).toBeVisible();
  await expect(page.getByText(t(lang, 'pay.order', { oid: acc.order_number }))).toBeVisible();
  await expect(page.getByRole('status')).toHaveText(t(lang, 'offline.notice'));
  const card = page.getByTestId('saved-reference');
  await expect(card.getByTestId('reference')).toHaveText(ref.reference);
  await expect(card.getByTestId('pay-amount')).toHaveText(money(ref.money));
  await expect(card.getByTestId('barcode-number')).toHaveText(t(lang, 'pay.barcode_number', { barcode: ref.barcode }));
  // "Saved at <the phone's time>; valid until <the expiry as the app shows it>".
  const line = t(lang, 'offline.saved_until', { saved: '\u0000', until: dateTimeText(lang, ref.expire) });
  const [before, after] = line.split('\u0000');
  await expect(card.getByTestId('saved-at')).toHaveText(new RegExp(`^${reEscape(before)}.*\\d{2}:\\d{2}${reEscape(after)}$`));
  // Nothing that needs the network: the only buttons are the language switch.
  await expect(page.getByRole('button')).toHaveCount(2);
  await expect(page.getByRole('group', { name: t(lang, 'lang.label') })).toBeVisible();
}

// Tests alike on purpose (reset, account, reference, worker): each reads alone, as in pay.spec.
for (const lang of LANGS) {
  test.describe(`offline (${lang})`, () => {
    test('after a reference, /pay/:oid and / open with no network and show it', async ({ page, sandbox }) => {
      await sandbox.reset();
      const acc = await seedAccount(sandbox, DEMO.due);
      await signIn(page, sandbox, acc.username);
      const ref = await getReference(page, lang, acc, sandbox);
      await workerReady(page);
      expect(await keptItems(page)).toEqual([`cashgo.payref.${acc.order_number}`]);

      await page.context().setOffline(true);
      await page.reload();
      await expectOfflineReference(page, lang, acc, ref);
      const picture = page.getByRole('img', { name: t(lang, 'pay.barcode_alt', { reference: ref.reference }), exact: true });
      await expect(picture).toBeVisible();
      expect(await picture.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
      await expect(page.getByTestId('barcode-text')).toHaveCount(0);
      await topShot(page, `offline-pay-${lang}`);

      await page.goto('./');
      await expect(page.getByRole('heading', { level: 1, name: t(lang, 'offline.title') })).toBeVisible();
      await expect(page.getByRole('status')).toHaveText(t(lang, 'errors.offline'));
      const link = page.getByTestId('saved-links').getByRole('link', { name: t(lang, 'offline.home_link', { oid: acc.order_number }) });
      await topShot(page, `offline-home-${lang}`);
      await link.click();
      await expectOfflineReference(page, lang, acc, ref);

      // Online again: the app itself, as always.
      await page.context().setOffline(false);
      await page.reload();
      await expect(page.getByRole('group', { name: t(lang, 'pay.method_group') })).toBeVisible();
    });

    test('an expired reference kept on the phone says so', async ({ page, sandbox }) => {
      await sandbox.reset();
      // Issued already past its expiry (by the sandbox's clock).
      await sandbox.settings({ referenceTtlSeconds: -3600 });
      const acc = await seedAccount(sandbox, DEMO.overdue);
      await signIn(page, sandbox, acc.username);
      const ref = await getReference(page, lang, acc, sandbox);
      await workerReady(page);
      await page.context().setOffline(true);
      await page.reload();
      const card = page.getByTestId('saved-reference');
      await expect(card.getByRole('alert')).toHaveText(t(lang, 'offline.expired'));
      await topShot(page, `offline-expired-${lang}`);
      await expect(card.getByTestId('reference')).toHaveText(ref.reference);
    });

    test('the barcode as text when its picture is not kept', async ({ page, sandbox }) => {
      await sandbox.reset();
      const acc = await seedAccount(sandbox, DEMO.due);
      await signIn(page, sandbox, acc.username);
      const ref = await getReference(page, lang, acc, sandbox);
      await workerReady(page);
      // Neither the worker's copy nor the browser's cache has it.
      await page.evaluate(() => caches.delete('cashgo-images'));
      const cdp = await page.context().newCDPSession(page);
      await cdp.send('Network.clearBrowserCache');
      await page.context().setOffline(true);
      await page.reload();
      const card = page.getByTestId('saved-reference');
      await expect(card.getByText(t(lang, 'offline.barcode_as_text'))).toBeVisible();
      await expect(card.getByTestId('barcode-text')).toHaveText(ref.barcode);
      await expect(card.getByRole('img')).toHaveCount(0);
      await topShot(page, `offline-barcode-text-${lang}`);
    });
  });
}

test('after logout nothing is kept, and offline nothing is shown', async ({ page, sandbox }) => {
  await sandbox.reset();
  const acc = await seedAccount(sandbox, DEMO.due);
  await signIn(page, sandbox, acc.username);
  await getReference(page, 'es', acc, sandbox);
  await workerReady(page);
  await page.getByRole('navigation').getByRole('button', { name: t('es', 'nav.logout'), exact: true }).click();
  await expect(page.getByRole('navigation').getByRole('link', { name: t('es', 'nav.login'), exact: true })).toBeVisible();
  expect(await keptItems(page)).toEqual([]);
  // The worker and its caches go too.
  await expect.poll(() => page.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).length)).toBe(0);
  await expect.poll(() => page.evaluate(async () => (await caches.keys()).filter((k) => k.startsWith('cashgo-')))).toEqual([]);
  await page.context().setOffline(true);
  await expect(page.reload()).rejects.toThrow(/ERR_INTERNET_DISCONNECTED/);
});

test('another borrower logging in on the phone finds nothing kept', async ({ page, sandbox }) => {
  await sandbox.reset();
  const first = await seedAccount(sandbox, DEMO.due);
  // Logged in through the page, so the page knows who kept the reference.
  await page.goto(withLang('login', 'es'));
  await fillLogin(page, 'es', first.username, 'demo1234');
  await page.waitForURL((u) => !u.pathname.endsWith('/login'));
  await getReference(page, 'es', first, sandbox);
  await workerReady(page);
  // The same borrower again keeps it.
  await page.goto(withLang('login', 'es'));
  await fillLogin(page, 'es', first.username, 'demo1234');
  await page.waitForURL((u) => !u.pathname.endsWith('/login'));
  expect(await keptItems(page)).toEqual([`cashgo.payref.${first.order_number}`]);
  // Someone else: gone.
  await page.goto(withLang('login', 'es'));
  await fillLogin(page, 'es', DEMO.overdue, 'demo1234');
  await page.waitForURL((u) => !u.pathname.endsWith('/login'));
  await expect.poll(() => keptItems(page)).toEqual([]);
  await expect.poll(() => page.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).length)).toBe(0);
});

test('the service worker leaves the API alone: one read per load, routes still apply', async ({ page, sandbox }) => {
  await sandbox.reset();
  const acc = await seedAccount(sandbox, DEMO.due);
  await signIn(page, sandbox, acc.username);
  await getReference(page, 'es', acc, sandbox);
  await workerReady(page);
  expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
  let reads = 0;
  page.on('request', (r) => {
    if (new URL(r.url()).pathname === '/Repay/loanDetail') reads++;
  });
  await page.goto(withLang(`repay/${acc.order_number}`, 'es'));
  await expect(page.getByRole('heading', { level: 1, name: t('es', 'repay.title') })).toBeVisible();
  expect(reads).toBe(1);
  // A route on an API call still catches it (the worker never answers one).
  await page.route('**/Repay/loanDetail', (route) => route.abort('internetdisconnected'));
  await page.reload();
  await expect(page.getByText(t('es', 'errors.offline'))).toBeVisible();
});
