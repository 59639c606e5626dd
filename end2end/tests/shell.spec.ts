/**
 * The app shell: language (`?lang=`, the switcher, `<html lang>`), the
 * switcher on every page, NotFound, deep links on cold load and reload, and
 * the /h5/ sub-path build.
 */
import {
  test, expect, t, shot, LANGS, DEMO, DEMO_PASSWORD, subPath, seedAccount, money, dayText, loginTo, fillLogin,
  withLang, expectLang, type Lang,
} from './fixtures';
import type { Page } from '@playwright/test';

const OTHER: Record<Lang, Lang> = { es: 'en', en: 'es' };

function switcher(page: Page, lang: Lang) {
  return page.getByRole('banner').getByRole('group', { name: t(lang, 'lang.label'), exact: true });
}

async function expectSwitcher(page: Page, lang: Lang): Promise<void> {
  const group = switcher(page, lang);
  await expect(group.getByRole('button', { name: t(lang, 'lang.es'), exact: true })).toHaveAttribute('aria-pressed', String(lang === 'es'));
  await expect(group.getByRole('button', { name: t(lang, 'lang.en'), exact: true })).toHaveAttribute('aria-pressed', String(lang === 'en'));
}

for (const lang of LANGS) {
  test.describe(`shell (${lang})`, () => {
    test('<html lang> and the text follow ?lang=', async ({ page }) => {
      await page.goto(withLang('login', lang));
      await expectLang(page, lang);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(t(lang, 'login.title'));
      await expectSwitcher(page, lang);
      await shot(page, `shell-lang-${lang}`);
    });

    test('the switcher changes the language, <html lang> and the address, and the choice survives a reload', async ({ page }) => {
      const other = OTHER[lang];
      await page.goto(withLang('login', lang));
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(t(lang, 'login.title'));
      await switcher(page, lang).getByRole('button', { name: t(lang, `lang.${other}`), exact: true }).click();
      await expectLang(page, other);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(t(other, 'login.title'));
      await expect(page.getByLabel(t(other, 'login.phone'), { exact: true })).toBeVisible();
      await expectSwitcher(page, other);
      await expect(page).toHaveURL((u) => u.searchParams.get('lang') === other);
      await page.reload();
      await expectLang(page, other);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(t(other, 'login.title'));
      // And without ?lang=, the saved choice wins over the device's language.
      await page.goto('support');
      await expectLang(page, other);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(t(other, 'support.title'));
    });

    test('the switcher is on every page', async ({ page, sandbox }) => {
      await sandbox.reset();
      const acc = await seedAccount(sandbox, DEMO.due);
      await loginTo(page, lang, acc.username);
      const pages: Array<[string, string]> = [
        ['./', 'home.title'],
        ['orders', 'orders.title'],
        ['support', 'support.title'],
        [`repay/${acc.order_number}`, 'repay.title'],
        [`extend/${acc.order_number}`, 'extend.title'],
        [`pay/${acc.order_number}`, 'pay.title'],
        [`proof/${acc.order_number}`, 'proof.title'],
        ['no-such-page', 'not_found.title'],
        ['login', 'login.title'],
      ];
      for (const [path, title] of pages) {
        await page.goto(withLang(path, lang));
        await expect(page.getByRole('heading', { level: 1 }).first(), path).toHaveText(t(lang, title));
        await expectSwitcher(page, lang);
      }
    });

    test('unknown paths and malformed order numbers show the NotFound page', async ({ page, sandbox }) => {
      await sandbox.reset();
      await loginTo(page, lang, DEMO.due);
      for (const path of ['no-such-page', 'repay/2026112014035297833261!', 'extend/' + '9'.repeat(65), 'repay/12%2034']) {
        await page.goto(withLang(path, lang));
        await expectLang(page, lang);
        await expect(page.getByRole('heading', { level: 1 }), path).toHaveText(t(lang, 'not_found.title'));
        await expect(page.getByText(t(lang, 'not_found.body'))).toBeVisible();
        const home = page.getByRole('main').getByRole('link', { name: t(lang, 'not_found.home'), exact: true });
        await expect(home).toHaveAttribute('href', '/');
      }
      await shot(page, `shell-not-found-${lang}`);
      await page.getByRole('main').getByRole('link', { name: t(lang, 'not_found.home'), exact: true }).click();
      await expect(page).toHaveURL((u) => u.pathname === '/');
      await expect(page.getByTestId('loan-card')).toBeVisible();
    });

    test('deep links work on a cold load and on reload', async ({ page, sandbox }) => {
      await sandbox.reset();
      const acc = await seedAccount(sandbox, DEMO.overdue);
      await loginTo(page, lang, acc.username);
      const checks: Array<[string, () => Promise<void>]> = [
        [`repay/${acc.order_number}`, () => expect(page.getByTestId('amount-now')).toHaveText(money(acc.need_repay))],
        [`extend/${acc.order_number}`, () => expect(page.getByTestId('current-due').getByRole('definition')).toHaveText(dayText(lang, acc.due_day))],
        [`pay/${acc.order_number}`, () => expect(page.getByRole('radio', { name: t(lang, 'pay.stp') })).toBeVisible()],
      ];
      for (const [path, check] of checks) {
        await page.goto(withLang(path, lang));
        await check();
        await page.reload();
        await expect(page).toHaveURL((u) => u.pathname === `/${path}`);
        await check();
      }
    });

    test('loading home: a skeleton (status, aria-busy) shows, then the card', async ({ page, sandbox }) => {
      await sandbox.reset();
      const acc = await seedAccount(sandbox, DEMO.due);
      await loginTo(page, lang, acc.username);
      await sandbox.settings({ delayMs: 1500 });
      await page.goto(withLang('./', lang));
      const skeleton = page.getByRole('status').and(page.locator('[aria-busy="true"]'));
      await expect(skeleton).toBeVisible();
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(t(lang, 'home.title'));
      await shot(page, `home-loading-${lang}`);
      await expect(page.getByTestId('amount-due')).toHaveText(money(acc.need_repay), { timeout: 15_000 });
      await expect(skeleton).toHaveCount(0);
    });

  });
}

// The sub-path build (Spanish, the device's language here; one run is enough).
test('under the /h5/ sub-path: login, repayment page, links stay under /h5/', async ({ page, request }) => {
  const { root, sandbox } = subPath(request);
  await sandbox.reset();
  const acc = await seedAccount(sandbox, DEMO.due);
  // A deep link, logged out: login under /h5/, then back.
  await page.goto(`${root}repay/${acc.order_number}`);
  await expect(page).toHaveURL((u) => u.pathname === '/h5/login');
  await fillLogin(page, 'es', acc.username, DEMO_PASSWORD);
  await expect(page).toHaveURL((u) => u.pathname === `/h5/repay/${acc.order_number}`);
  await expect(page.getByTestId('amount-now')).toHaveText(money(acc.need_repay));
  await expect(page.getByTestId('due-day').getByRole('definition')).toHaveText(dayText('es', acc.due_day));
  await shot(page, 'h5-repay');
  // In-app navigation keeps the prefix, and a reload serves the app there.
  await page.getByRole('main').getByRole('link', { name: t('es', 'repay.pay'), exact: true }).click();
  await expect(page).toHaveURL((u) => u.pathname === `/h5/pay/${acc.order_number}`);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(t('es', 'pay.title'));
  await page.getByRole('navigation').getByRole('link', { name: t('es', 'nav.home'), exact: true }).click();
  await expect(page).toHaveURL((u) => u.pathname === '/h5/' || u.pathname === '/h5');
  await expect(page.getByTestId('amount-due')).toHaveText(money(acc.need_repay));
  // Every in-app link's address is under /h5/ (open in a new tab, copy link, no-JS).
  const hrefs = await page.getByRole('link').evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
  const internal = hrefs.filter((h) => h.startsWith('/'));
  expect(internal.length).toBeGreaterThan(3);
  expect(internal.filter((h) => !h.startsWith('/h5/') && h !== '/h5')).toEqual([]);
});
