/**
 * Nothing typed is lost (issue 6, item 1): when a session ends while the
 * borrower sends a form, the app goes to login and back, and the form comes
 * back with everything typed and chosen; one more tap sends it, and the
 * sandbox holds exactly one record. Drafts live in the tab only: gone when
 * sent, on logout, and when another borrower logs in.
 */
import { test, expect, t, LANGS, DEMO, seedAccount, loginTo, loginAgainAndBack } from './fixtures';
import {
  utrField, fillProof, sendProof, expectOneProof, sendFeedback, expectOneFeedback, contactRow, fillTwoContacts, sendContacts, expectTwoContacts,
} from './form-steps';

// The usual frame (both languages, a fresh sandbox per test), alike in the specs on purpose.
for (const lang of LANGS) {
  test.describe(`drafts (${lang})`, () => {
    test.beforeEach(async ({ sandbox }) => {
      await sandbox.reset();
    });

    test('proof: the session ends on send; after login the number and photo are still there, one proof arrives', async ({ page, sandbox }) => {
      const acc = await seedAccount(sandbox, DEMO.due);
      const path = `proof/${acc.order_number}`;
      await loginTo(page, lang, DEMO.due, path);
      const utr = utrField(page, lang);
      await fillProof(page, lang, 'MBAN01002605200012345678');
      await page.context().clearCookies();
      await page.getByRole('button', { name: t(lang, 'proof.submit'), exact: true }).click();
      await loginAgainAndBack(page, lang, DEMO.due, path);
      await expect(utr).toHaveValue('MBAN01002605200012345678');
      await expect(page.getByText(t(lang, 'photo.attached'))).toBeVisible();
      expect((await sandbox.state()).proofs).toHaveLength(0);
      await sendProof(page, lang);
      await expectOneProof(sandbox, acc.order_number, 'MBAN01002605200012345678');
      // Sent: the draft is gone, a new visit starts empty.
      await page.goto(`${path}?lang=${lang}`);
      await expect(utr).toHaveValue('');
    });

    test('contacts: every row survives the expiry, one set of contacts arrives', async ({ page, sandbox }) => {
      await loginTo(page, lang, DEMO.due, 'contacts');
      await fillTwoContacts(page, lang);
      await page.context().clearCookies();
      await page.getByRole('button', { name: t(lang, 'contacts.submit'), exact: true }).click();
      await loginAgainAndBack(page, lang, DEMO.due, 'contacts');
      const [first, second] = [1, 2].map((n) => contactRow(page, lang, n));
      await expect(first.getByLabel(t(lang, 'contacts.name'), { exact: true })).toHaveValue('María López');
      await expect(first.getByLabel(t(lang, 'contacts.phone'), { exact: true })).toHaveValue('55 1111 2222');
      await expect(second.getByLabel(t(lang, 'contacts.relate'), { exact: true })).toHaveValue('sibling');
      await sendContacts(page, lang);
      await expectTwoContacts(sandbox, lang);
    });

    test('feedback: an expiry answer (-100) on send, login, the text is back, one feedback arrives', async ({ page, sandbox }) => {
      await loginTo(page, lang, DEMO.due, 'feedback');
      const comments = page.getByLabel(t(lang, 'feedback.comments'), { exact: true });
      const contact = page.getByLabel(t(lang, 'feedback.contact'), { exact: true });
      await comments.fill('No veo mi pago de ayer');
      await contact.fill('ana@example.mx');
      await sandbox.fault('/Feedback/ajaxCreate', 'expired');
      await page.getByRole('button', { name: t(lang, 'feedback.submit'), exact: true }).click();
      await loginAgainAndBack(page, lang, DEMO.due, 'feedback');
      await expect(comments).toHaveValue('No veo mi pago de ayer');
      await expect(contact).toHaveValue('ana@example.mx');
      await sendFeedback(page, lang);
      await expectOneFeedback(sandbox, 'No veo mi pago de ayer', 'ana@example.mx');
    });

    test('a reload keeps the draft; logging out forgets it', async ({ page }) => {
      await loginTo(page, lang, DEMO.due, 'feedback');
      const comments = page.getByLabel(t(lang, 'feedback.comments'), { exact: true });
      await comments.fill('Quiero cambiar mi fecha');
      await page.reload();
      await expect(comments).toHaveValue('Quiero cambiar mi fecha');
      // The menu offers "log out" once a page has read the session (home).
      await page.goto(`./?lang=${lang}`);
      await page.getByRole('navigation').getByRole('button', { name: t(lang, 'nav.logout'), exact: true }).click();
      await expect(page.getByRole('navigation').getByRole('link', { name: t(lang, 'nav.login'), exact: true })).toBeVisible();
      await page.goto(`feedback?lang=${lang}`);
      await expect(comments).toHaveValue('');
    });

    test('another borrower logging in on the same tab never sees the first one\'s draft', async ({ page }) => {
      await loginTo(page, lang, DEMO.due, 'feedback');
      const comments = page.getByLabel(t(lang, 'feedback.comments'), { exact: true });
      await comments.fill('Texto privado de la primera persona');
      // The first borrower's session ends; someone else logs in.
      await page.context().clearCookies();
      await loginTo(page, lang, DEMO.overdue, 'feedback');
      await expect(comments).toHaveValue('');
    });
  });
}
