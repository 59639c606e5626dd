/**
 * Issue 3, `/repay/:oid` for every loan state: amount now, due day (the
 * server's day, whatever the phone's zone), breakdown, status in words, and
 * only the actions the state allows.
 */
import {
  test, expect, t, countdown, shot, LANGS, DEMO, seedAccount, serverToday, money, dayText, daysBetween, loginTo,
  expectStatus, expectSessionRoundTrip, type Lang, type SeedAccount,
} from './fixtures';
import type { Page } from '@playwright/test';

async function expectCommon(page: Page, lang: Lang, acc: SeedAccount): Promise<void> {
  await expect(page.getByRole('heading', { level: 1, name: t(lang, 'repay.title') })).toBeVisible();
  await expect(page.getByText(t(lang, 'repay.order', { oid: acc.order_number }))).toBeVisible();
  await expect(page.getByTestId('amount-now')).toHaveText(money(acc.need_repay));
  await expect(page.getByTestId('due-day').getByRole('term')).toHaveText(t(lang, 'repay.due_day'));
  await expect(page.getByTestId('due-day').getByRole('definition')).toHaveText(dayText(lang, acc.due_day));
  await expect(page.getByRole('heading', { level: 2, name: t(lang, 'repay.breakdown') })).toBeVisible();
  const fig = async (id: string, key: string, cents: number) => {
    await expect(page.getByTestId(id).getByRole('term')).toHaveText(t(lang, key));
    await expect(page.getByTestId(id).getByRole('definition')).toHaveText(money(cents));
  };
  await fig('loan-amount', 'repay.loan_amount', acc.money);
  await fig('interest', 'repay.interest', acc.interest);
  await fig('repay-interest', 'repay.repay_interest', acc.repay_interest);
  await fig('repaid', 'repay.repaid', acc.repaid);
  if (acc.status === 1) await fig('overdue', 'repay.overdue', acc.overdue);
  else await expect(page.getByTestId('overdue')).toHaveCount(0);
}

function actions(page: Page, lang: Lang) {
  const main = page.getByRole('main');
  return {
    pay: main.getByRole('link', { name: t(lang, 'repay.pay'), exact: true }),
    extend: main.getByRole('link', { name: t(lang, 'repay.extend'), exact: true }),
    proof: main.getByRole('link', { name: t(lang, 'repay.proof'), exact: true }),
  };
}

async function expectOpenActions(page: Page, lang: Lang, acc: SeedAccount): Promise<void> {
  const a = actions(page, lang);
  await expect(a.pay).toHaveAttribute('href', new RegExp(`/pay/${acc.order_number}$`));
  await expect(a.extend).toHaveAttribute('href', new RegExp(`/extend/${acc.order_number}$`));
  await expect(a.proof).toHaveAttribute('href', new RegExp(`/proof/${acc.order_number}$`));
}

// One test per loan state, alike on purpose (reset, account, login, checks): each reads alone.
for (const lang of LANGS) {
  test.describe(`repay (${lang})`, () => {
    test('due: amount, due day, days left, breakdown without overdue charge, all actions', async ({ page, sandbox }) => {
      await sandbox.reset();
      const acc = await seedAccount(sandbox, DEMO.due);
      const today = await serverToday(sandbox);
      await loginTo(page, lang, acc.username, `repay/${acc.order_number}`);
      await expectCommon(page, lang, acc);
      await expectStatus(page.getByRole('main'), lang, 'due');
      await expect(page.getByTestId('countdown')).toHaveText(countdown(lang, daysBetween(today, acc.due_day)));
      await expectOpenActions(page, lang, acc);
      await shot(page, `repay-due-${lang}`);
    });

    test('overdue: days overdue and the overdue charge', async ({ page, sandbox }) => {
      await sandbox.reset();
      const acc = await seedAccount(sandbox, DEMO.overdue);
      const today = await serverToday(sandbox);
      await loginTo(page, lang, acc.username, `repay/${acc.order_number}`);
      await expectCommon(page, lang, acc);
      await expectStatus(page.getByRole('main'), lang, 'overdue');
      await expect(page.getByTestId('countdown')).toHaveText(countdown(lang, -daysBetween(acc.due_day, today)));
      await expectOpenActions(page, lang, acc);
      await shot(page, `repay-overdue-${lang}`);
    });

    test('extended: the moved due day, still payable', async ({ page, sandbox }) => {
      await sandbox.reset();
      const acc = await seedAccount(sandbox, DEMO.extended);
      await loginTo(page, lang, acc.username, `repay/${acc.order_number}`);
      await expectCommon(page, lang, acc);
      await expectStatus(page.getByRole('main'), lang, 'extended');
      await expectOpenActions(page, lang, acc);
      await shot(page, `repay-extended-${lang}`);
    });

    test('repaid: nothing to pay, already repaid shown, no pay or extend', async ({ page, sandbox }) => {
      await sandbox.reset();
      const acc = await seedAccount(sandbox, DEMO.repaid);
      expect(acc.need_repay).toBe(0);
      await loginTo(page, lang, acc.username, `repay/${acc.order_number}`);
      await expectCommon(page, lang, acc);
      await expectStatus(page.getByRole('main'), lang, 'repaid');
      await expect(page.getByText(t(lang, 'repay.repaid_note'))).toBeVisible();
      const a = actions(page, lang);
      await expect(a.pay).toHaveCount(0);
      await expect(a.extend).toHaveCount(0);
      await expect(page.getByTestId('countdown')).toHaveCount(0);
      await shot(page, `repay-repaid-${lang}`);
    });

    test('unknown status: in process, no action at all', async ({ page, sandbox }) => {
      await sandbox.reset();
      const acc = await seedAccount(sandbox, DEMO.unknownStatus);
      await loginTo(page, lang, acc.username, `repay/${acc.order_number}`);
      await expectCommon(page, lang, acc);
      await expectStatus(page.getByRole('main'), lang, 'in_process');
      await expect(page.getByText(t(lang, 'repay.in_process_note'))).toBeVisible();
      const a = actions(page, lang);
      await expect(a.pay).toHaveCount(0);
      await expect(a.extend).toHaveCount(0);
      await expect(a.proof).toHaveCount(0);
      await shot(page, `repay-in-process-${lang}`);
    });

    test('loading: a skeleton (status, aria-busy) shows, then the data', async ({ page, sandbox }) => {
      await sandbox.reset();
      const acc = await seedAccount(sandbox, DEMO.due);
      await loginTo(page, lang, acc.username);
      await sandbox.settings({ delayMs: 1500 });
      await page.goto(`repay/${acc.order_number}`);
      const skeleton = page.getByRole('status').and(page.locator('[aria-busy="true"]'));
      await expect(skeleton).toBeVisible();
      await expect(skeleton).toContainText(t(lang, 'loading'));
      await shot(page, `repay-loading-${lang}`);
      await expect(page.getByTestId('amount-now')).toHaveText(money(acc.need_repay), { timeout: 15_000 });
      await expect(skeleton).toHaveCount(0);
    });

    // Alike the other pages' session-expired tests on purpose: each page's round trip stands alone.
    test('session expired: reload goes to login and comes back to the same page', async ({ page, sandbox }) => {
      await sandbox.reset();
      const acc = await seedAccount(sandbox, DEMO.due);
      const path = `/repay/${acc.order_number}`;
      await loginTo(page, lang, acc.username);
      await page.goto(`.${path}`);
      await expect(page.getByTestId('amount-now')).toHaveText(money(acc.need_repay));
      await expectSessionRoundTrip(page, lang, acc.username, path, () => page.reload());
      await expect(page.getByTestId('amount-now')).toHaveText(money(acc.need_repay));
      await expect(page.getByTestId('due-day').getByRole('definition')).toHaveText(dayText(lang, acc.due_day));
    });
  });
}
