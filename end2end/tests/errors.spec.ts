/**
 * Failures say, in the borrower's language, what happened and what to do
 * (CONTRACT Q10): no connection and a non-JSON reply offer a retry that
 * works; an HTTP 401 goes to the login page and back. The network is cut or
 * answered by Playwright's routing; the app itself has no test paths.
 */
import { test, expect, t, shot, LANGS, DEMO, seedAccount, money, loginTo, open } from './fixtures';

// The usual frame (both languages, a fresh sandbox per test), alike in the specs on purpose.
for (const lang of LANGS) {
  test.describe(`errors (${lang})`, () => {
    test.beforeEach(async ({ sandbox }) => {
      await sandbox.reset();
    });

    // A round trip per failure (route, open, message, retry), alike on purpose: each test reads alone.
    test('no connection: translated message, retry works', async ({ page, sandbox }) => {
      const acc = await seedAccount(sandbox, DEMO.due);
      await loginTo(page, lang, DEMO.due);
      await page.route('**/Repay/loanDetail', (route) => route.abort('internetdisconnected'));
      await open(page, `repay/${acc.order_number}`, lang);
      const alert = page.getByRole('alert');
      await expect(alert).toContainText(t(lang, 'errors.offline'));
      await shot(page, `error-offline-${lang}`);
      await page.unroute('**/Repay/loanDetail');
      await alert.getByRole('button', { name: t(lang, 'errors.retry'), exact: true }).click();
      await expect(page.getByTestId('amount-now')).toHaveText(money(acc.need_repay));
    });

    test('an HTML page instead of JSON: clear, retryable error with support', async ({ page, sandbox }) => {
      const acc = await seedAccount(sandbox, DEMO.overdue);
      await loginTo(page, lang, DEMO.overdue);
      await page.route('**/Repay/loanDetail', (route) =>
        route.fulfill({ status: 200, contentType: 'text/html', body: '<html><body>Login</body></html>' }),
      );
      await open(page, `repay/${acc.order_number}`, lang);
      const alert = page.getByRole('alert');
      await expect(alert).toContainText(t(lang, 'errors.unexpected'));
      await expect(alert.getByRole('link', { name: t(lang, 'errors.contact_support') })).toBeVisible();
      await page.unroute('**/Repay/loanDetail');
      await alert.getByRole('button', { name: t(lang, 'errors.retry'), exact: true }).click();
      await expect(page.getByTestId('amount-now')).toHaveText(money(acc.need_repay));
    });

    test('HTTP 401 means the session ended: login, then back', async ({ page, sandbox }) => {
      const acc = await seedAccount(sandbox, DEMO.due);
      await loginTo(page, lang, DEMO.due);
      let cut = true;
      await page.route('**/Repay/loanDelay', (route) =>
        cut
          ? route.fulfill({ status: 401, contentType: 'application/json', body: '{"status":401,"message":"Unauthorized"}' })
          : route.continue(),
      );
      await open(page, `extend/${acc.order_number}`, lang);
      await page.waitForURL(/\/login\?/);
      await expect(page.getByText(t(lang, 'login.expired_notice'))).toBeVisible();
      cut = false;
      await page.getByLabel(t(lang, 'login.phone'), { exact: true }).fill(DEMO.due);
      await page.getByLabel(t(lang, 'login.password'), { exact: true }).fill('demo1234');
      await page.getByRole('button', { name: t(lang, 'login.submit'), exact: true }).click();
      await page.waitForURL(new RegExp(`/extend/${acc.order_number}`));
      await expect(page.getByRole('heading', { level: 1, name: t(lang, 'extend.title') })).toBeVisible();
    });
  });
}
