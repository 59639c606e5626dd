/**
 * The pages the repayment path leads to: proof of payment (with a photo
 * upload), loan history, feedback and reference contacts. Each submission
 * must reach the sandbox exactly as the borrower typed it.
 */
import { test, expect, t, shot, LANGS, DEMO, seedAccount, money, loginTo, open } from './fixtures';
import {
  fillProof, sendProof, expectOneProof, sendFeedback, expectOneFeedback, contactRow, fillTwoContacts, sendContacts, expectTwoContacts,
} from './form-steps';

// The usual frame (both languages, a fresh sandbox per test), alike in the specs on purpose.
for (const lang of LANGS) {
  test.describe(`forms (${lang})`, () => {
    test.beforeEach(async ({ sandbox }) => {
      await sandbox.reset();
    });

    test('proof of payment: number and photo are sent for the order', async ({ page, sandbox }) => {
      const acc = await seedAccount(sandbox, DEMO.due);
      await loginTo(page, lang, DEMO.due, `repay/${acc.order_number}`);
      await page.getByRole('main').getByRole('link', { name: t(lang, 'repay.proof'), exact: true }).click();
      await expect(page.getByRole('heading', { level: 1, name: t(lang, 'proof.title') })).toBeVisible();
      // Nothing filled in: told what is missing, nothing sent.
      await page.getByRole('button', { name: t(lang, 'proof.submit'), exact: true }).click();
      await expect(page.getByText(t(lang, 'proof.need_something'))).toBeVisible();
      await fillProof(page, lang, 'UTR-778899');
      await sendProof(page, lang);
      await shot(page, `proof-done-${lang}`);
      // Typed in groups, sent as the bank prints it: letters and digits.
      const image = await expectOneProof(sandbox, acc.order_number, 'UTR778899');
      // The photo's address is the uploaded file, served back by the API.
      const served = await page.request.get(image);
      expect(served.ok()).toBe(true);
    });

    test('loan history lists the loans with their figures and opens one', async ({ page, sandbox }) => {
      const acc = await seedAccount(sandbox, DEMO.overdue);
      await loginTo(page, lang, DEMO.overdue);
      await page.getByRole('navigation').getByRole('link', { name: t(lang, 'nav.orders'), exact: true }).click();
      await expect(page.getByRole('heading', { level: 1, name: t(lang, 'orders.title') })).toBeVisible();
      const current = page.getByRole('listitem').filter({ hasText: t(lang, 'orders.order', { oid: acc.order_number }) });
      await expect(current).toContainText(money(acc.money));
      await expect(current).toContainText(t(lang, 'status.overdue'));
      await shot(page, `orders-${lang}`);
      await current.getByRole('link', { name: t(lang, 'orders.open'), exact: true }).click();
      await expect(page).toHaveURL(new RegExp(`/repay/${acc.order_number}`));
      await expect(page.getByTestId('amount-now')).toHaveText(money(acc.need_repay));
    });

    test('feedback: checked in place, typed text kept, then sent', async ({ page, sandbox }) => {
      await loginTo(page, lang, DEMO.due, 'feedback');
      const comments = page.getByLabel(t(lang, 'feedback.comments'), { exact: true });
      const contact = page.getByLabel(t(lang, 'feedback.contact'), { exact: true });
      await comments.fill('No veo mi pago de ayer');
      await contact.fill('hola');
      await page.getByRole('button', { name: t(lang, 'feedback.submit'), exact: true }).click();
      await expect(page.getByText(t(lang, 'feedback.contact_invalid'))).toBeVisible();
      await expect(comments).toHaveValue('No veo mi pago de ayer');
      await contact.fill('ana@example.mx');
      await sendFeedback(page, lang);
      await expectOneFeedback(sandbox, 'No veo mi pago de ayer', 'ana@example.mx');
    });

    test('reference contacts: several rows, sent as contacts[i][…]', async ({ page, sandbox }) => {
      await loginTo(page, lang, DEMO.due, 'contacts');
      await fillTwoContacts(page, lang);
      // Adding a row keeps what the first one holds; a third row, removed again, takes nothing with it.
      const [first, second, third] = [1, 2, 3].map((n) => contactRow(page, lang, n));
      await expect(first.getByLabel(t(lang, 'contacts.name'), { exact: true })).toHaveValue('María López');
      await page.getByRole('button', { name: t(lang, 'contacts.add'), exact: true }).click();
      await third.getByLabel(t(lang, 'contacts.name'), { exact: true }).fill('Borrar');
      await third.getByRole('button', { name: t(lang, 'contacts.remove', { n: 3 }), exact: true }).click();
      await expect(third).toHaveCount(0);
      await expect(first.getByLabel(t(lang, 'contacts.phone'), { exact: true })).toHaveValue('55 1111 2222');
      await expect(second.getByLabel(t(lang, 'contacts.name'), { exact: true })).toHaveValue('José Pérez');
      await sendContacts(page, lang);
      await expectTwoContacts(sandbox, lang);
    });
  });
}
