/**
 * Issue 3, `/`: the logged-out offer and one card per loan state, each
 * figure checked against the sandbox's seed.
 */
import {
  test, expect, t, countdown, shot, LANGS, DEMO, seedAccount, serverToday, money, cents, percent, dayText, daysBetween,
  loginTo, open, expectStatus, type Lang, type SeedAccount,
} from './fixtures';
import type { Page } from '@playwright/test';

/** The card's links lead to that loan's pages (its order number, bill.oid). */
async function expectCardLinks(page: Page, lang: Lang, acc: SeedAccount): Promise<void> {
  const main = page.getByRole('main');
  await expect(main.getByRole('link', { name: t(lang, 'home.pay'), exact: true })).toHaveAttribute('href', new RegExp(`/pay/${acc.order_number}$`));
  await expect(main.getByRole('link', { name: t(lang, 'home.extend'), exact: true })).toHaveAttribute('href', new RegExp(`/extend/${acc.order_number}$`));
  await expect(main.getByRole('link', { name: t(lang, 'home.details'), exact: true })).toHaveAttribute('href', new RegExp(`/repay/${acc.order_number}$`));
}

// One test per loan state, alike on purpose (reset, account, login, checks): each reads alone.
for (const lang of LANGS) {
  test.describe(`home (${lang})`, () => {
    test('logged out: the public offer as the server sends it, and a way to log in', async ({ page, request }) => {
      // The offer as the API states it (a fresh request context has no session).
      const reply = await request.get('/Repay/loans');
      const offer = ((await reply.json()) as { data: Record<string, unknown> }).data;
      expect(offer.status).toBe(-100);
      await open(page, './', lang);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(
        t(lang, 'home.offer_title', { amount: money(cents(offer.quota as string)) }),
      );
      const card = page.getByTestId('offer');
      await expect(card.getByRole('heading', { name: t(lang, 'home.offer_terms') })).toBeVisible();
      const terms = (offer.default_deadline as string[]).map((d) => t(lang, 'home.offer_term_days', { days: d }));
      await expect(card.getByRole('list').first().getByRole('listitem')).toHaveText(terms);
      await expect(page.getByTestId('default-term')).toHaveText(t(lang, 'home.offer_default_term', { days: String(offer.default_loan_time) }));
      await expect(page.getByTestId('loan-rate')).toHaveText(t(lang, 'home.offer_loan_rate', { rate: percent(offer.default_loan_interest as string) }));
      await expect(page.getByTestId('repay-rate')).toHaveText(t(lang, 'home.offer_repay_rate', { rate: percent(offer.default_repay_interest as string) }));
      const loginLink = page.getByRole('main').getByRole('link', { name: t(lang, 'home.offer_login') });
      await expect(loginLink).toBeVisible();
      await shot(page, `home-offer-${lang}`);
      await loginLink.click();
      await expect(page).toHaveURL(/\/login$/);
      await expect(page.getByRole('heading', { level: 1, name: t(lang, 'login.title') })).toBeVisible();
    });

    test('due: amount, due day, days left, and links to the loan', async ({ page, sandbox }) => {
      await sandbox.reset();
      const acc = await seedAccount(sandbox, DEMO.due);
      const today = await serverToday(sandbox);
      await loginTo(page, lang, acc.username, './');
      const card = page.getByTestId('loan-card');
      await expectStatus(card, lang, 'due');
      await expect(card.getByTestId('amount-due')).toHaveText(money(acc.need_repay));
      await expect(card.getByTestId('due-day').getByRole('term')).toHaveText(t(lang, 'home.due_day'));
      await expect(card.getByTestId('due-day').getByRole('definition')).toHaveText(dayText(lang, acc.due_day));
      await expect(card.getByTestId('countdown')).toHaveText(countdown(lang, daysBetween(today, acc.due_day)));
      await expect(card.getByTestId('loan-amount').getByRole('definition')).toHaveText(money(acc.money));
      await expectCardLinks(page, lang, acc);
      await shot(page, `home-due-${lang}`);
    });

    test('overdue: days overdue and the amount as sent', async ({ page, sandbox }) => {
      await sandbox.reset();
      const acc = await seedAccount(sandbox, DEMO.overdue);
      const today = await serverToday(sandbox);
      await loginTo(page, lang, acc.username, './');
      const card = page.getByTestId('loan-card');
      await expectStatus(card, lang, 'overdue');
      await expect(card.getByTestId('amount-due')).toHaveText(money(acc.need_repay));
      await expect(card.getByTestId('countdown')).toHaveText(countdown(lang, -daysBetween(acc.due_day, today)));
      await expect(card.getByTestId('due-day').getByRole('definition')).toHaveText(dayText(lang, acc.due_day));
      await expectCardLinks(page, lang, acc);
      await shot(page, `home-overdue-${lang}`);
    });

    test('extended: the new due day and the extension fee', async ({ page, sandbox }) => {
      await sandbox.reset();
      const acc = await seedAccount(sandbox, DEMO.extended);
      await loginTo(page, lang, acc.username, './');
      const card = page.getByTestId('loan-card');
      await expectStatus(card, lang, 'extended');
      await expect(card.getByTestId('amount-due')).toHaveText(money(acc.need_repay));
      await expect(card.getByTestId('due-day').getByRole('term')).toHaveText(t(lang, 'home.new_due_day'));
      await expect(card.getByTestId('due-day').getByRole('definition')).toHaveText(dayText(lang, acc.due_day));
      await expect(card.getByTestId('extension-fee').getByRole('definition')).toHaveText(money(acc.delay_fee));
      await expectCardLinks(page, lang, acc);
      await shot(page, `home-extended-${lang}`);
    });

    test('unknown status code: a neutral in-process card, no payment actions', async ({ page, sandbox }) => {
      await sandbox.reset();
      const acc = await seedAccount(sandbox, DEMO.unknownStatus);
      await loginTo(page, lang, acc.username, './');
      const card = page.getByTestId('loan-card');
      await expect(card.getByRole('heading', { name: t(lang, 'home.in_process_title') })).toBeVisible();
      await expect(card.getByText(t(lang, 'home.in_process_body'))).toBeVisible();
      await expectStatus(card, lang, 'in_process');
      await expect(card.getByTestId('loan-amount').getByRole('definition')).toHaveText(money(acc.money));
      await expect(page.getByRole('main').getByRole('link', { name: t(lang, 'home.pay'), exact: true })).toHaveCount(0);
      await expect(page.getByRole('main').getByRole('link', { name: t(lang, 'home.extend'), exact: true })).toHaveCount(0);
      await shot(page, `home-in-process-${lang}`);
    });

    test('repaid: the next-loan offer as sent; applying again creates a new loan shown as due', async ({ page, sandbox }) => {
      await sandbox.reset();
      const acc = await seedAccount(sandbox, DEMO.repaid);
      await loginTo(page, lang, acc.username, './');
      const card = page.getByTestId('loan-card');
      await expectStatus(card, lang, 'repaid');
      await expect(card.getByRole('heading', { name: t(lang, 'home.repaid_title') })).toBeVisible();
      await expect(card.getByTestId('next-loan').getByRole('definition')).toHaveText(money(cents(acc.next_loan)));
      await expect(card.getByTestId('next-loan-period').getByRole('definition')).toHaveText(t(lang, 'home.offer_term_days', { days: acc.next_loan_period }));
      await expect(card.getByTestId('approval-rate').getByRole('definition')).toHaveText(t(lang, 'home.approval_rate_value', { rate: percent(acc.approval_rate) }));
      await shot(page, `home-repaid-${lang}`);

      await page.getByRole('button', { name: t(lang, 'home.reloan'), exact: true }).click();
      const after = await expect.poll(async () => (await seedAccount(sandbox, acc.username)).order_number).not.toBe(acc.order_number).then(
        () => seedAccount(sandbox, acc.username),
      );
      expect(after.status).toBe(0);
      expect(after.money).toBe(cents(acc.next_loan));
      const today = await serverToday(sandbox);
      await expectStatus(card, lang, 'due');
      await expect(card.getByTestId('amount-due')).toHaveText(money(after.need_repay));
      await expect(card.getByTestId('due-day').getByRole('definition')).toHaveText(dayText(lang, after.due_day));
      await expect(card.getByTestId('countdown')).toHaveText(countdown(lang, daysBetween(today, after.due_day)));
      await expectCardLinks(page, lang, after);
      await shot(page, `home-after-reloan-${lang}`);
    });

    test('/orders: each loan is a card in a list without markers, aligned with the page', async ({ page, sandbox }) => {
      const acc = await seedAccount(sandbox, DEMO.overdue);
      await loginTo(page, lang, acc.username, 'orders');
      const heading = page.getByRole('heading', { level: 1, name: t(lang, 'orders.title') });
      await expect(heading).toBeVisible();
      const current = page.getByRole('listitem').filter({ hasText: t(lang, 'orders.order', { oid: acc.order_number }) });
      await expect(current).toBeVisible();
      // Still a list (the items are counted), but without markers or indent.
      const list = page.getByRole('main').getByRole('list').filter({ has: current });
      await expect(list).toHaveCount(1);
      await expect(list).toHaveCSS('list-style-type', 'none');
      const items = list.getByRole('listitem');
      await expect(items.first()).toHaveCSS('list-style-type', 'none');
      const content = await heading.boundingBox();
      expect(content).not.toBeNull();
      for (const item of await items.all()) {
        const card = await item.boundingBox();
        expect(card).not.toBeNull();
        expect(card!.x, 'card left edge = page content left edge').toBeCloseTo(content!.x, 0);
        expect(card!.x + card!.width, 'card right edge = page content right edge').toBeCloseTo(content!.x + content!.width, 0);
      }
      await shot(page, `orders-list-${lang}`);
    });

    test('awaiting confirmation: confirming turns the card into a due loan', async ({ page, sandbox }) => {
      await sandbox.reset();
      const acc = await seedAccount(sandbox, DEMO.awaitingConfirmation);
      expect(acc.confirm).toBe(0);
      await loginTo(page, lang, acc.username, './');
      const card = page.getByTestId('loan-card');
      await expect(card.getByRole('heading', { name: t(lang, 'home.awaiting_title') })).toBeVisible();
      await expect(card.getByText(t(lang, 'home.awaiting_body', { amount: money(acc.money) }))).toBeVisible();
      await expect(card.getByText(t(lang, 'status.awaiting'))).toBeVisible();
      await shot(page, `home-awaiting-${lang}`);
      await page.getByRole('button', { name: t(lang, 'home.confirm'), exact: true }).click();
      await expectStatus(card, lang, 'due');
      await expect(card.getByTestId('amount-due')).toHaveText(money(acc.need_repay));
      await expect(card.getByTestId('due-day').getByRole('definition')).toHaveText(dayText(lang, acc.due_day));
      await expect(page.getByRole('button', { name: t(lang, 'home.confirm'), exact: true })).toHaveCount(0);
      expect((await seedAccount(sandbox, acc.username)).confirm).toBe(1);
      await expectCardLinks(page, lang, acc);
      await shot(page, `home-confirmed-${lang}`);
    });
  });
}
