/**
 * Issue 3, `/pay/:oid`: STP (paytype 1, the gateway's bare reply) and
 * Paycash (paytype 2, wrapped in envelope 1), copy, barcode, expiry and
 * renewal, unsafe URLs refused, one reference per intent, and a method
 * switch that keeps the first reference until the second arrives.
 */
import {
  test, expect, t, shot, LANGS, DEMO, seedAccount, seedReferences, money, dateTimeText, loginTo, expectSessionRoundTrip,
  type Lang, type SeedAccount, type SeedReference,
} from './fixtures';
import type { Locator, Page } from '@playwright/test';

test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

const METHOD = { 1: 'pay.stp', 2: 'pay.paycash' } as const;

async function choose(page: Page, lang: Lang, paytype: 1 | 2): Promise<void> {
  await page.getByRole('radio', { name: t(lang, METHOD[paytype]) }).check();
}

function getReference(page: Page, lang: Lang): Locator {
  return page.getByRole('button', { name: t(lang, 'pay.get_reference'), exact: true });
}

/** Waits until the sandbox has issued `n` references and returns them. */
async function references(sandbox: Parameters<typeof seedReferences>[0], n: number): Promise<SeedReference[]> {
  await expect.poll(async () => (await seedReferences(sandbox)).length).toBe(n);
  return seedReferences(sandbox);
}

/** Everything a reference card must show, against what the sandbox issued. */
async function expectCard(page: Page, lang: Lang, ref: SeedReference): Promise<Locator> {
  const card = page.getByTestId(ref.paytype === 1 ? 'reference-stp' : 'reference-paycash');
  await expect(card.getByTestId('reference')).toHaveText(ref.reference);
  await expect(card.getByTestId('pay-amount')).toHaveText(money(ref.money));
  await expect(card.getByText(t(lang, 'pay.amount'), { exact: true })).toBeVisible();
  await expect(card.getByRole('img', { name: t(lang, 'pay.barcode_alt', { reference: ref.reference }), exact: true })).toBeVisible();
  await expect(card.getByTestId('barcode-number')).toHaveText(t(lang, 'pay.barcode_number', { barcode: ref.barcode }));
  await expect(card.getByTestId('expires')).toHaveText(t(lang, 'pay.expires', { when: dateTimeText(lang, ref.expire) }));
  return card;
}

/** The method's name as the gateway sent it, and its logo with a text alternative. */
async function expectMethod(card: Locator, lang: Lang, name: RegExp): Promise<void> {
  const heading = card.getByRole('heading', { level: 2 });
  await expect(heading).toHaveText(name);
  const sent = (await heading.textContent()) ?? '';
  const logo = card.getByRole('img', { name: t(lang, 'pay.method_logo', { name: sent }), exact: true });
  await expect(logo).toBeVisible();
  await expect(logo).toHaveAttribute('src', /^https?:\/\//);
}

async function openPay(page: Page, lang: Lang, acc: SeedAccount): Promise<void> {
  await loginTo(page, lang, acc.username, `pay/${acc.order_number}`);
  await expect(page.getByRole('heading', { level: 1, name: t(lang, 'pay.title') })).toBeVisible();
  await expect(page.getByRole('group', { name: t(lang, 'pay.method_group') })).toBeVisible();
}

// Tests alike on purpose (reset, account, payment page, method): each reads alone.
for (const lang of LANGS) {
  test.describe(`pay (${lang})`, () => {
    test('STP (bare gateway reply): amount, reference with copy, barcode, expiry, method', async ({ page, sandbox }) => {
      await sandbox.reset();
      const acc = await seedAccount(sandbox, DEMO.overdue);
      await openPay(page, lang, acc);
      await shot(page, `pay-choose-${lang}`);
      await choose(page, lang, 1);
      await getReference(page, lang).click();
      const [ref] = await references(sandbox, 1);
      expect([ref.paytype, ref.oid, ref.money]).toEqual([1, acc.order_number, acc.need_repay]);
      const card = await expectCard(page, lang, ref);
      await expectMethod(card, lang, /stp/i);
      // STP has no online checkout.
      await expect(card.getByRole('link', { name: t(lang, 'pay.checkout') })).toHaveCount(0);

      await card.getByRole('button', { name: t(lang, 'pay.copy'), exact: true }).click();
      await expect(card.getByRole('status').filter({ hasText: t(lang, 'pay.copied') })).toBeVisible();
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(ref.reference);
      await shot(page, `pay-stp-${lang}`);
    });

    test('Paycash (wrapped reply): reference, barcode, checkout link opening outside with noopener', async ({ page, sandbox }) => {
      await sandbox.reset();
      const acc = await seedAccount(sandbox, DEMO.due);
      await openPay(page, lang, acc);
      await choose(page, lang, 2);
      await getReference(page, lang).click();
      const [ref] = await references(sandbox, 1);
      expect([ref.paytype, ref.money]).toEqual([2, acc.need_repay]);
      const card = await expectCard(page, lang, ref);
      await expectMethod(card, lang, /paycash/i);
      const checkout = card.getByRole('link', { name: t(lang, 'pay.checkout'), exact: true });
      expect(ref.checkout).toBeTruthy();
      await expect(checkout).toHaveAttribute('href', ref.checkout!);
      await expect(checkout).toHaveAttribute('target', '_blank');
      await expect(checkout).toHaveAttribute('rel', /(^|\s)noopener(\s|$)/);
      await expect(checkout).toHaveAccessibleDescription(t(lang, 'pay.checkout_hint'));
      await card.getByRole('button', { name: t(lang, 'pay.copy'), exact: true }).click();
      await expect(card.getByRole('status').filter({ hasText: t(lang, 'pay.copied') })).toBeVisible();
      await shot(page, `pay-paycash-${lang}`);
    });

    test('no method chosen: asks to choose, sends nothing', async ({ page, sandbox }) => {
      await sandbox.reset();
      const acc = await seedAccount(sandbox, DEMO.due);
      await openPay(page, lang, acc);
      await getReference(page, lang).click();
      await expect(page.getByText(t(lang, 'pay.choose_method'), { exact: true })).toBeVisible();
      expect(await seedReferences(sandbox)).toHaveLength(0);
    });

    test('unsafe URLs are refused: a clear message and no javascript: link anywhere', async ({ page, sandbox }) => {
      await sandbox.reset();
      await sandbox.settings({ unsafeUrls: true });
      const acc = await seedAccount(sandbox, DEMO.due);
      await openPay(page, lang, acc);
      await choose(page, lang, 2);
      await getReference(page, lang).click();
      const [ref] = await references(sandbox, 1);
      expect(ref.checkout).toMatch(/^javascript:/);
      await expect(page.getByRole('alert').filter({ hasText: t(lang, 'pay.refused_urls') })).toBeVisible();
      // The reference itself is still usable.
      await expect(page.getByTestId('reference')).toHaveText(ref.reference);
      const hrefs = await page.getByRole('link').evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
      expect(hrefs.filter((h) => /^\s*javascript:/i.test(h))).toEqual([]);
      await expect(page.getByRole('link', { name: t(lang, 'pay.checkout') })).toHaveCount(0);
      const srcs = await page.getByRole('img').evaluateAll((imgs) => imgs.map((i) => i.getAttribute('src') ?? ''));
      expect(srcs.filter((s) => /^\s*(javascript|data):/i.test(s))).toEqual([]);
      await shot(page, `pay-unsafe-${lang}`);
    });

    test('an expired reference says so and offers a new one, which is fetched', async ({ page, sandbox }) => {
      await sandbox.reset();
      await sandbox.settings({ referenceTtlSeconds: -3600 });
      const acc = await seedAccount(sandbox, DEMO.due);
      await openPay(page, lang, acc);
      await choose(page, lang, 2);
      await getReference(page, lang).click();
      const [first] = await references(sandbox, 1);
      await expect(page.getByTestId('reference')).toHaveText(first.reference);
      const expired = page.getByRole('alert').filter({ hasText: t(lang, 'pay.expired') });
      await expect(expired).toBeVisible();
      // No checkout, nothing to copy, for a reference that can no longer be paid.
      await expect(page.getByRole('link', { name: t(lang, 'pay.checkout') })).toHaveCount(0);
      await expect(page.getByRole('button', { name: t(lang, 'pay.copy'), exact: true })).toHaveCount(0);
      await shot(page, `pay-expired-${lang}`);

      await sandbox.settings({ referenceTtlSeconds: 3600 });
      await expired.getByRole('button', { name: t(lang, 'pay.new_reference'), exact: true }).click();
      const [, second] = await references(sandbox, 2);
      expect(second.paytype).toBe(2);
      expect(second.reference).not.toBe(first.reference);
      await expectCard(page, lang, second);
      await expect(page.getByRole('alert').filter({ hasText: t(lang, 'pay.expired') })).toHaveCount(0);
      await shot(page, `pay-renewed-${lang}`);
    });

    test('a reference that expires while on screen loses its checkout and copy, and offers a new one', async ({ page, sandbox }) => {
      await sandbox.reset();
      // Expires 15 s after it is issued, by the sandbox's clock (server local
      // time, UTC+8, in `expire`); the browser's clock is faked so the test
      // can jump past it. The jumps stay well under 30 s in all: `runFor`
      // fires every timer on the way, and the app's request timeouts (30 s)
      // keep web_sys's i32 timer ids, which can't clear the fake clock's
      // (numbered from 1e12), so they would fire after their closures are gone.
      await sandbox.settings({ referenceTtlSeconds: 15 });
      await page.clock.install();
      const acc = await seedAccount(sandbox, DEMO.due);
      await openPay(page, lang, acc);
      await choose(page, lang, 2);
      await getReference(page, lang).click();
      const [first] = await references(sandbox, 1);
      const card = await expectCard(page, lang, first);
      const checkout = card.getByRole('link', { name: t(lang, 'pay.checkout'), exact: true });
      const copy = card.getByRole('button', { name: t(lang, 'pay.copy'), exact: true });
      const expired = page.getByRole('alert').filter({ hasText: t(lang, 'pay.expired') });
      // Still payable: the expiry is read in the server's zone, not the browser's (UTC-6 here).
      await expect(checkout).toBeVisible();
      await expect(copy).toBeVisible();
      await expect(expired).toHaveCount(0);

      // Five seconds on: still payable.
      await page.clock.runFor(5_000);
      await expect(checkout).toBeVisible();
      await expect(expired).toHaveCount(0);
      // Past the expiry, with the page left open.
      await page.clock.runFor(12_000);
      await expect(expired).toBeVisible();
      await expect(checkout).toHaveCount(0);
      await expect(copy).toHaveCount(0);
      await expect(card.getByTestId('reference')).toHaveText(first.reference);
      await shot(page, `pay-expired-on-screen-${lang}`);

      await sandbox.settings({ referenceTtlSeconds: 3600 });
      await expired.getByRole('button', { name: t(lang, 'pay.new_reference'), exact: true }).click();
      const [, second] = await references(sandbox, 2);
      expect(second.reference).not.toBe(first.reference);
      const renewed = await expectCard(page, lang, second);
      await expect(renewed.getByRole('link', { name: t(lang, 'pay.checkout'), exact: true })).toBeVisible();
      await expect(renewed.getByRole('button', { name: t(lang, 'pay.copy'), exact: true })).toBeVisible();
      await expect(page.getByRole('alert').filter({ hasText: t(lang, 'pay.expired') })).toHaveCount(0);
    });

    test('switching method keeps the first reference on screen until the second arrives', async ({ page, sandbox }) => {
      await sandbox.reset();
      const acc = await seedAccount(sandbox, DEMO.due);
      await openPay(page, lang, acc);
      await choose(page, lang, 1);
      await getReference(page, lang).click();
      const [stp] = await references(sandbox, 1);
      await expect(page.getByTestId('reference-stp').getByTestId('reference')).toHaveText(stp.reference);

      await sandbox.settings({ delayMs: 1500 });
      await choose(page, lang, 2);
      await getReference(page, lang).click();
      await expect(page.getByRole('button', { name: t(lang, 'pay.pending') }).first()).toHaveAttribute('aria-busy', 'true');
      await expect(page.getByTestId('reference-stp').getByTestId('reference')).toHaveText(stp.reference);
      await shot(page, `pay-switching-${lang}`);
      await expect(page.getByTestId('reference-paycash')).toBeVisible({ timeout: 10_000 });
      await sandbox.settings({ delayMs: 0 });
      const [, paycash] = await references(sandbox, 2);
      await expectCard(page, lang, paycash);
      await expect(page.getByTestId('reference-stp')).toHaveCount(0);
    });

    test('a double click on "get reference" issues one reference', async ({ page, sandbox }) => {
      await sandbox.reset();
      const acc = await seedAccount(sandbox, DEMO.due);
      await openPay(page, lang, acc);
      await choose(page, lang, 1);
      // Counted as the browser sends them: both clicks land while the first
      // request is held 800 ms, so a second request would be sent before the
      // first reference can be on screen.
      const sent: string[] = [];
      page.on('request', (req) => {
        const path = new URL(req.url()).pathname;
        const endpoint = /\/Repay\/(payData|payTransf)$/.exec(path);
        if (endpoint) sent.push(endpoint[1]);
      });
      await sandbox.settings({ delayMs: 800 });
      await getReference(page, lang).dblclick();
      await expect(page.getByTestId('reference-stp')).toBeVisible({ timeout: 10_000 });
      await sandbox.settings({ delayMs: 0 });
      expect(sent).toEqual(['payData', 'payTransf']);
      const refs = await seedReferences(sandbox);
      expect(refs).toHaveLength(1);
      await expect(page.getByTestId('reference')).toHaveText(refs[0].reference);
    });

    // Alike the other pages' session-expired tests on purpose: each page's round trip stands alone.
    test('session expired: asking for a reference goes to login and comes back to the payment', async ({ page, sandbox }) => {
      await sandbox.reset();
      const acc = await seedAccount(sandbox, DEMO.due);
      const path = `/pay/${acc.order_number}`;
      await loginTo(page, lang, acc.username);
      await page.goto(`.${path}`);
      await choose(page, lang, 1);
      await expectSessionRoundTrip(page, lang, acc.username, path, () => getReference(page, lang).click());
      await expect(page.getByRole('heading', { level: 1, name: t(lang, 'pay.title') })).toBeVisible();
      expect(await seedReferences(sandbox)).toHaveLength(0);
      await choose(page, lang, 1);
      await getReference(page, lang).click();
      const [ref] = await references(sandbox, 1);
      await expectCard(page, lang, ref);
    });
  });
}
