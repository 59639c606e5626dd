/**
 * Issue 3, `/extend/:oid`: the figures, the confirm dialog (focus in and
 * back), one extension per intent, success leading to paying the fee, and
 * the server's refusal in place.
 */
import {
  test, expect, t, shot, LANGS, DEMO, seedAccount, money, dayText, addDays, loginTo,
  expectStatus, expectSessionRoundTrip, type Lang, type SeedAccount,
} from './fixtures';
import type { Page } from '@playwright/test';

async function expectFigures(page: Page, lang: Lang, acc: SeedAccount): Promise<void> {
  await expect(page.getByRole('heading', { level: 1, name: t(lang, 'extend.title') })).toBeVisible();
  await expect(page.getByText(t(lang, 'extend.fee'), { exact: true })).toBeVisible();
  await expect(page.getByTestId('extension-fee')).toHaveText(money(acc.delay_fee));
  const fig = async (id: string, key: string, value: string) => {
    await expect(page.getByTestId(id).getByRole('term')).toHaveText(t(lang, key));
    await expect(page.getByTestId(id).getByRole('definition')).toHaveText(value);
  };
  await fig('amount-today', 'extend.amount_today', money(acc.need_repay));
  await fig('current-due', 'extend.current_due', dayText(lang, acc.due_day));
  await fig('new-due', 'extend.new_due', dayText(lang, acc.next_due_day));
  if (acc.overdue > 0) await fig('overdue-fee', 'extend.overdue_fee', money(acc.overdue));
  else await expect(page.getByTestId('overdue-fee')).toHaveCount(0);
}

function opener(page: Page, lang: Lang) {
  return page.getByRole('main').getByRole('button', { name: t(lang, 'extend.confirm'), exact: true });
}

// One test per loan state, alike on purpose (reset, account, login, checks): each reads alone.
for (const lang of LANGS) {
  test.describe(`extend (${lang})`, () => {
    test('due loan: fee, amount today, current and new due day (no overdue fee)', async ({ page, sandbox }) => {
      await sandbox.reset();
      const acc = await seedAccount(sandbox, DEMO.due);
      expect(acc.next_due_day).toBe(addDays(acc.due_day, 7));
      await loginTo(page, lang, acc.username, `extend/${acc.order_number}`);
      await expectFigures(page, lang, acc);
      await expectStatus(page.getByRole('main'), lang, 'due');
      await expect(page.getByText(t(lang, 'extend.intro'))).toBeVisible();
      await shot(page, `extend-due-${lang}`);
    });

    test('overdue loan: the overdue fee is shown too', async ({ page, sandbox }) => {
      await sandbox.reset();
      const acc = await seedAccount(sandbox, DEMO.overdue);
      await loginTo(page, lang, acc.username, `extend/${acc.order_number}`);
      await expectFigures(page, lang, acc);
      await expectStatus(page.getByRole('main'), lang, 'overdue');
      await shot(page, `extend-overdue-${lang}`);
    });

    test('repaid loan: extension not offered', async ({ page, sandbox }) => {
      await sandbox.reset();
      const acc = await seedAccount(sandbox, DEMO.repaid);
      await loginTo(page, lang, acc.username, `extend/${acc.order_number}`);
      await expect(page.getByText(t(lang, 'extend.not_allowed'))).toBeVisible();
      await expect(opener(page, lang)).toHaveCount(0);
      await shot(page, `extend-not-allowed-${lang}`);
    });

    test('the confirm dialog states fee and new day; Cancel and Escape close it and focus returns', async ({ page, sandbox }) => {
      await sandbox.reset();
      const acc = await seedAccount(sandbox, DEMO.due);
      await loginTo(page, lang, acc.username, `extend/${acc.order_number}`);
      const open = opener(page, lang);
      const dialog = page.getByRole('dialog', { name: t(lang, 'extend.dialog_title') });
      await expect(dialog).toHaveCount(0);

      await open.click();
      await expect(dialog).toBeVisible();
      await expect(dialog).toHaveAccessibleDescription(
        t(lang, 'extend.dialog_body', { fee: money(acc.delay_fee), day: dayText(lang, acc.next_due_day) }),
      );
      await expect.poll(() => dialog.evaluate((d) => d.contains(document.activeElement))).toBe(true);
      await shot(page, `extend-dialog-${lang}`);
      await dialog.getByRole('button', { name: t(lang, 'extend.dialog_cancel'), exact: true }).click();
      await expect(dialog).toBeHidden();
      await expect(open).toBeFocused();

      await open.click();
      await expect(dialog).toBeVisible();
      await expect.poll(() => dialog.evaluate((d) => d.contains(document.activeElement))).toBe(true);
      await page.keyboard.press('Escape');
      await expect(dialog).toBeHidden();
      await expect(open).toBeFocused();
      // Nothing was extended.
      const after = await seedAccount(sandbox, acc.username);
      expect([after.due_day, after.delay_num]).toEqual([acc.due_day, acc.delay_num]);
    });

    test('confirming extends once even on a double click, then leads to paying the fee', async ({ page, sandbox }) => {
      await sandbox.reset();
      const acc = await seedAccount(sandbox, DEMO.due);
      await loginTo(page, lang, acc.username, `extend/${acc.order_number}`);
      await expect(page.getByTestId('extension-fee')).toHaveText(money(acc.delay_fee));
      const sent: string[] = [];
      page.on('request', (r) => {
        if (r.url().includes('/Repay/ajaxDelay')) sent.push(r.postData() ?? '');
      });
      await sandbox.settings({ delayMs: 800 });
      await opener(page, lang).click();
      const dialog = page.getByRole('dialog');
      const confirm = dialog.getByRole('button', { name: t(lang, 'extend.dialog_confirm'), exact: true });
      await confirm.dblclick();
      // While pending the button says so and ignores further taps.
      await expect(dialog.getByRole('button', { name: t(lang, 'extend.pending') })).toHaveAttribute('aria-busy', 'true');
      await shot(page, `extend-pending-${lang}`);

      const done = page.getByTestId('extension-done');
      await expect(done).toBeVisible({ timeout: 10_000 });
      await expect(done).toContainText(t(lang, 'extend.done_title'));
      await expect(done).toContainText(t(lang, 'extend.done_body', { day: dayText(lang, acc.next_due_day), fee: money(acc.delay_fee) }));
      const payFee = done.getByRole('link', { name: t(lang, 'extend.pay_fee'), exact: true });
      await expect(payFee).toHaveAttribute('href', new RegExp(`/pay/${acc.order_number}$`));
      await expect(dialog).toBeHidden();
      await shot(page, `extend-done-${lang}`);

      await sandbox.settings({ delayMs: 0 });
      // One request, with the bill id (Q6), not the order number.
      expect(sent).toEqual([`oid=${acc.bill_id}`]);
      const after = await seedAccount(sandbox, acc.username);
      expect(after.due_day).toBe(addDays(acc.due_day, 7));
      expect(after.delay_num).toBe(acc.delay_num + 1);
      expect(after.delay_unpaid).toBe(acc.delay_fee);

      // The repayment page now shows the new due day.
      await page.goto(`repay/${acc.order_number}`);
      await expect(page.getByTestId('due-day').getByRole('definition')).toHaveText(dayText(lang, after.due_day));
      await expectStatus(page.getByRole('main'), lang, 'extended');
      await expect(page.getByTestId('extension-unpaid').getByRole('definition')).toHaveText(money(acc.delay_fee));
      await shot(page, `extend-then-repay-${lang}`);
    });

    test("the server's refusal is shown in place", async ({ page, sandbox }) => {
      await sandbox.reset();
      const acc = await seedAccount(sandbox, DEMO.due);
      await loginTo(page, lang, acc.username, `extend/${acc.order_number}`);
      await expect(opener(page, lang)).toBeVisible();
      // Meanwhile the loan is extended elsewhere (same session): the fee is now pending.
      const first = await page.request.post('/Repay/ajaxDelay', { form: { oid: acc.bill_id } });
      expect(((await first.json()) as { status: number }).status).toBe(200);
      const refused = await page.request.post('/Repay/ajaxDelay', { form: { oid: acc.bill_id } });
      const refusal = (await refused.json()) as { status: number; message: string };
      expect(refusal.status).not.toBe(200);

      await opener(page, lang).click();
      await page.getByRole('dialog').getByRole('button', { name: t(lang, 'extend.dialog_confirm'), exact: true }).click();
      await expect(page.getByRole('alert').filter({ hasText: refusal.message })).toBeVisible();
      await expect(page.getByTestId('extension-done')).toHaveCount(0);
      await expect(page).toHaveURL((u) => u.pathname.endsWith(`/extend/${acc.order_number}`));
      await shot(page, `extend-refused-${lang}`);
      const after = await seedAccount(sandbox, acc.username);
      expect(after.due_day).toBe(addDays(acc.due_day, 7));
      expect(after.delay_num).toBe(acc.delay_num + 1);
    });

    // Alike the other pages' session-expired tests on purpose: each page's round trip stands alone.
    test('session expired: confirming goes to login and comes back to the extension', async ({ page, sandbox }) => {
      await sandbox.reset();
      const acc = await seedAccount(sandbox, DEMO.due);
      const path = `/extend/${acc.order_number}`;
      await loginTo(page, lang, acc.username);
      await page.goto(`.${path}`);
      await expect(page.getByTestId('extension-fee')).toHaveText(money(acc.delay_fee));
      await expectSessionRoundTrip(page, lang, acc.username, path, async () => {
        await opener(page, lang).click();
        await page.getByRole('dialog').getByRole('button', { name: t(lang, 'extend.dialog_confirm'), exact: true }).click();
      });
      await expect(page.getByTestId('extension-fee')).toHaveText(money(acc.delay_fee));
      expect((await seedAccount(sandbox, acc.username)).due_day).toBe(acc.due_day);
    });
  });
}
