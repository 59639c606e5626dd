/**
 * Sharing a payment reference (issue 7): the share sheet where the browser
 * has one, a copy otherwise and always inside an app's WebView (which has
 * no Web Share); the text has the amount, reference, method and expiry, in
 * the borrower's language.
 */
import {
  test, expect, t, LANGS, DEMO, seedAccount, seedReferences, money, open, type Lang, type Sandbox, ANDROID_WEBVIEW_UA, signIn,
} from './fixtures';
import type { Page } from '@playwright/test';

test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

/** A share sheet that records what it was given. */
async function stubShare(page: Page): Promise<void> {
  await page.addInitScript(() => {
    (window as unknown as { __shared: unknown[] }).__shared = [];
    Object.defineProperty(Navigator.prototype, 'share', {
      configurable: true,
      value: async (data: unknown) => {
        (window as unknown as { __shared: unknown[] }).__shared.push(data);
      },
    });
  });
}

async function noShare(page: Page): Promise<void> {
  await page.addInitScript(() => {
    delete (Navigator.prototype as unknown as { share?: unknown }).share;
  });
}

/** Gets a Paycash reference on /pay and returns what the sandbox issued. */
async function reference(page: Page, sandbox: Sandbox, lang: Lang) {
  const acc = await seedAccount(sandbox, DEMO.overdue);
  await signIn(page, sandbox, DEMO.overdue);
  await open(page, `pay/${acc.order_number}`, lang);
  await page.getByRole('radio', { name: t(lang, 'pay.paycash') }).check();
  await page.getByRole('button', { name: t(lang, 'pay.get_reference'), exact: true }).click();
  const card = page.getByTestId('reference-paycash');
  await expect(card.getByTestId('reference')).toBeVisible();
  const [ref] = await seedReferences(sandbox);
  const expires = ((await card.getByTestId('expires').textContent()) ?? '').trim();
  return { card, ref, expires };
}

function expectText(text: string, lang: Lang, ref: { reference: string; money: number }, expires: string): void {
  expect(text).toContain(ref.reference);
  expect(text).toContain(money(ref.money));
  expect(text).toContain(t(lang, 'pay.paycash'));
  // The expiry as the card shows it ("Vence: …" / "Expires: …").
  const when = expires.replace(/^[^:]*:\s*/, '');
  expect(text).toContain(when);
  expect(text.split('\n')[0]).toBe(t(lang, 'pay.share_text', { amount: '', reference: '', method: '', when: '' }).split('\n')[0]);
}

for (const lang of LANGS) {
  test.describe(`share (${lang})`, () => {
    test.beforeEach(async ({ sandbox }) => {
      await sandbox.reset();
    });

    test('the share sheet gets the payment as text', async ({ page, sandbox }) => {
      await stubShare(page);
      const { card, ref, expires } = await reference(page, sandbox, lang);
      await card.getByRole('button', { name: t(lang, 'pay.share'), exact: true }).click();
      await expect.poll(() => page.evaluate(() => (window as unknown as { __shared: unknown[] }).__shared.length)).toBe(1);
      const [data] = (await page.evaluate(() => (window as unknown as { __shared: Array<{ text: string }> }).__shared));
      expectText(data.text, lang, ref, expires);
    });

    test('without a share sheet it is copied, and says so', async ({ page, sandbox }) => {
      await noShare(page);
      const { card, ref, expires } = await reference(page, sandbox, lang);
      await card.getByRole('button', { name: t(lang, 'pay.share'), exact: true }).click();
      await expect(card.getByRole('status').filter({ hasText: t(lang, 'pay.share_copied') })).toBeVisible();
      expectText(await page.evaluate(() => navigator.clipboard.readText()), lang, ref, expires);
    });
  });
}

test.describe('share inside an app\'s WebView', () => {
  test.use({ userAgent: ANDROID_WEBVIEW_UA });

  test('no share sheet is tried there (none exists): it is copied', async ({ page, sandbox }) => {
    await sandbox.reset();
    await stubShare(page);
    const { card, ref, expires } = await reference(page, sandbox, 'es');
    await card.getByRole('button', { name: t('es', 'pay.share'), exact: true }).click();
    await expect(card.getByRole('status').filter({ hasText: t('es', 'pay.share_copied') })).toBeVisible();
    expect(await page.evaluate(() => (window as unknown as { __shared: unknown[] }).__shared.length)).toBe(0);
    expectText(await page.evaluate(() => navigator.clipboard.readText()), 'es', ref, expires);
  });
});

test.describe('the online checkout inside an app\'s WebView', () => {
  test.use({ userAgent: ANDROID_WEBVIEW_UA });

  test('opens on the same page (no popups there)', async ({ page, sandbox }) => {
    await sandbox.reset();
    const { card } = await reference(page, sandbox, 'es');
    const checkout = card.getByRole('link', { name: t('es', 'pay.checkout') });
    await expect(checkout).toHaveAttribute('href', /^https:\/\//);
    await expect(checkout).not.toHaveAttribute('target', /.+/);
    await expect(checkout).toHaveAttribute('rel', /noopener/);
  });
});
