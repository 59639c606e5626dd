/**
 * Hostile input (issue 6, item 7b). With `hostile=1` the sandbox puts its
 * XSS/layout corpus (`GET /__sandbox/hostile`: `<img onerror>`, `<script>`,
 * `javascript:`, `data:text/html`, `//evil`, a right-to-left override, 10 KB
 * without a space) in every string a page shows: server messages, the
 * payment method, reference and barcode, support numbers, language names,
 * and the gateway's URLs. Nothing may execute (a dialog fails the test; the
 * CSP fixture fails on any violation), no link or image may leave the
 * allow-list, every string shows as the text it is, and the layout holds at
 * 360 px.
 */
import { test, expect, t, LANGS, DEMO, seedAccount, open, type Sandbox, signIn } from './fixtures';
import type { Page } from '@playwright/test';

async function corpus(sandbox: Sandbox, page: Page): Promise<string[]> {
  const res = await page.request.get(`${sandbox.origin}/__sandbox/hostile`);
  return (await res.json()) as string[];
}

/** Fails the test on any dialog (every script in the corpus calls alert). */
function noDialogs(page: Page): void {
  page.on('dialog', async (d) => {
    await d.dismiss();
    throw new Error(`a hostile string ran: dialog "${d.message()}"`);
  });
}

/** Links and images stay on the allow-list; nothing wider than the screen. */
async function expectContained(page: Page, where: string): Promise<void> {
  const found = await page.evaluate(() => ({
    hrefs: [...document.querySelectorAll('a[href]')].map((a) => a.getAttribute('href') ?? ''),
    srcs: [...document.querySelectorAll('img[src], iframe, object, embed, script[src]')].map(
      (e) => `${e.tagName.toLowerCase()} ${e.getAttribute('src') ?? ''}`,
    ),
    scrollWidth: document.documentElement.scrollWidth,
    width: window.innerWidth,
    // Anything from the corpus that became an element.
    planted: document.querySelectorAll('main img[src="x"], main script:not([src])').length,
  }));
  for (const href of found.hrefs) {
    // In-app paths (not protocol-relative), https pages, and dialable numbers.
    expect(href, `${where}: link ${href.slice(0, 80)}`).toMatch(/^(#[\w-]+|\/(?!\/)[^\s]*|https:\/\/[^\s/]+\/[^\s]*|tel:\+?\d+)$/);
  }
  for (const src of found.srcs) {
    expect(src, `${where}: ${src.slice(0, 80)}`).toMatch(/^(img (https?:\/\/|\/(?!\/))|script \/(?!\/))/);
  }
  expect(found.planted, `${where}: corpus markup became elements`).toBe(0);
  expect(found.scrollWidth, `${where}: wider than the screen`).toBeLessThanOrEqual(found.width);
}

for (const lang of LANGS) {
  test.describe(`hostile strings (${lang})`, () => {
    test.beforeEach(async ({ sandbox, page }) => {
      await sandbox.reset();
      await sandbox.settings({ hostile: true });
      noDialogs(page);
    });

    test('server messages show as the text they are, wrapped, every kind of the corpus', async ({ page, sandbox }) => {
      const entries = await corpus(sandbox, page);
      await open(page, 'login', lang);
      const seen = new Set<string>();
      // The sandbox hands out the next entry with each string: a refused
      // sign-in a few times over shows every one.
      for (let i = 0; i < 3 * entries.length && seen.size < entries.length; i++) {
        await page.getByLabel(t(lang, 'login.phone'), { exact: true }).fill(DEMO.due);
        await page.getByLabel(t(lang, 'login.password'), { exact: true }).fill('wrong-password');
        await page.getByRole('button', { name: t(lang, 'login.submit'), exact: true }).click();
        const alert = page.getByRole('alert');
        await expect(alert).toBeVisible();
        const text = (await alert.textContent()) ?? '';
        // The longest entry it holds (some entries hold others).
        const shown = entries.filter((e) => text.includes(e)).sort((a, b) => b.length - a.length)[0];
        expect(shown, `the alert shows a corpus entry as text: ${text.slice(0, 120)}`).toBeDefined();
        seen.add(shown);
        await expectContained(page, `login, ${shown.slice(0, 20)}`);
      }
      expect([...seen].sort()).toEqual([...entries].sort());
    });

    test('every page at 360 px: nothing runs, nothing leaves the allow-list', async ({ page, sandbox }) => {
      const acc = await seedAccount(sandbox, DEMO.overdue);
      await signIn(page, sandbox, DEMO.overdue);
      const pages = ['', 'orders', `repay/${acc.order_number}`, `extend/${acc.order_number}`, `pay/${acc.order_number}`,
        `proof/${acc.order_number}`, 'feedback', 'contacts', 'support'];
      for (const path of pages) {
        await open(page, path, lang);
        await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
        // The page's read is in (its skeleton gone).
        await expect(page.locator('[aria-busy="true"]'), `${path || 'home'} still loading`).toHaveCount(0);
        await expectContained(page, path || 'home');
      }
      // Support numbers from the corpus are not numbers: no tel: or WhatsApp link to them.
      await expect(page.getByText(t(lang, 'support.none'))).toBeVisible();
      // The gateway's URLs from the corpus are left out, saying so; the
      // reference (corpus text too) is still shown, as text.
      const entries = await corpus(sandbox, page);
      await open(page, `pay/${acc.order_number}`, lang);
      await page.getByRole('radio', { name: t(lang, 'pay.stp') }).check();
      await page.getByRole('button', { name: t(lang, 'pay.get_reference'), exact: true }).click();
      const card = page.getByTestId('reference-stp');
      await expect(card.getByRole('alert')).toBeVisible();
      expect(entries).toContain(((await card.getByTestId('reference').textContent()) ?? '').trim());
      await expect(card.getByRole('link')).toHaveCount(0);
      await expect(card.getByRole('img')).toHaveCount(0);
      await expectContained(page, 'pay, hostile URLs');
    });

    test('a payment reference with hostile text (and usable URLs) shows it as text', async ({ page, sandbox }) => {
      const entries = await corpus(sandbox, page);
      const acc = await seedAccount(sandbox, DEMO.overdue);
      await signIn(page, sandbox, DEMO.overdue);
      // The sandbox's own reply, hostile strings kept; only its URLs are
      // made usable, so that the card (and its text) is shown at all.
      await page.route('**/Repay/payTransf', async (route) => {
        const reply = await route.fetch();
        const usable = (await reply.text()).replace(
          /"(checkout|path|origin_img|image)":"(?:[^"\\]|\\.)*"/g,
          (_m, key: string) => `"${key}":"https://gateway.example/${key}.png"`,
        );
        await route.fulfill({ response: reply, body: usable });
      });
      await open(page, `pay/${acc.order_number}`, lang);
      for (const [paytype, key] of [[1, 'pay.stp'], [2, 'pay.paycash']] as const) {
        await page.getByRole('radio', { name: t(lang, key) }).check();
        await page.getByRole('button', { name: t(lang, 'pay.get_reference'), exact: true }).first().click();
        const card = page.getByTestId(paytype === 1 ? 'reference-stp' : 'reference-paycash');
        const reference = card.getByTestId('reference');
        await expect(reference).toBeVisible();
        expect(entries, 'the reference shows a corpus entry as text').toContain(((await reference.textContent()) ?? '').trim());
        await expectContained(page, `pay ${paytype}`);
      }
    });
  });
}
