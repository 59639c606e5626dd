/**
 * Leaving and entering honestly: logging out says so when the server didn't
 * hear it (a shared phone keeps a live session otherwise), a refused sign-in
 * is not "your session expired", and support numbers dial as written.
 */
import { test, expect, t, LANGS, DEMO, DEMO_PASSWORD, seedAccount, loginTo, fillLogin, expectLang, withLang } from './fixtures';
import type { APIRequestContext } from '@playwright/test';

/** Whether the browser's session cookie still opens a private read (#3 answers -100 when not). */
async function sessionAlive(request: APIRequestContext): Promise<boolean> {
  const reply = await request.get('/Repay/loans', { headers: { 'X-Requested-With': 'XMLHttpRequest' } });
  const body = (await reply.json()) as { data?: { status?: number } };
  return body.data?.status !== -100;
}

for (const lang of LANGS) {
  test.describe(`session (${lang})`, () => {
    test('logging out ends the session on the server and returns home', async ({ page, sandbox }) => {
      await sandbox.reset();
      await loginTo(page, lang, DEMO.due, 'orders');
      expect(await sessionAlive(page.request)).toBe(true);
      await page.getByRole('navigation').getByRole('button', { name: t(lang, 'nav.logout'), exact: true }).click();
      await expect(page).toHaveURL((u) => u.pathname === '/');
      await expect(page.getByRole('navigation').getByRole('link', { name: t(lang, 'nav.login'), exact: true })).toBeVisible();
      expect(await sessionAlive(page.request)).toBe(false);
    });

    test('a logout that never reached the server says so, and its retry logs out', async ({ page, sandbox }) => {
      await sandbox.reset();
      await loginTo(page, lang, DEMO.due, 'orders');
      let calls = 0;
      await page.route('**/Index/ajaxLogOut', (route) => {
        calls += 1;
        return calls === 1 ? route.abort('internetdisconnected') : route.continue();
      });
      await page.getByRole('navigation').getByRole('button', { name: t(lang, 'nav.logout'), exact: true }).click();
      const alert = page.getByRole('main').getByRole('alert').filter({ hasText: t(lang, 'errors.offline') });
      await expect(alert).toBeVisible();
      // Still here, and the server still holds the session: nothing pretends otherwise.
      await expect(page).toHaveURL(/\/orders/);
      expect(await sessionAlive(page.request)).toBe(true);
      await alert.getByRole('button', { name: t(lang, 'errors.retry'), exact: true }).click();
      await expect(page).toHaveURL((u) => u.pathname === '/');
      await expect(alert).toHaveCount(0);
      expect(calls).toBe(2);
      expect(await sessionAlive(page.request)).toBe(false);
    });

    test('a sign-in answered with 401 stays on the login page and keeps where to go next', async ({ page, sandbox }) => {
      await sandbox.reset();
      await page.route('**/Index/ajaxSignIn', (route) =>
        route.fulfill({ status: 401, contentType: 'text/html', body: '<h1>401 Unauthorized</h1>' }),
      );
      await page.goto(withLang('login?next=%2Forders', lang));
      await expectLang(page, lang);
      await fillLogin(page, lang, DEMO.due, DEMO_PASSWORD);
      await expect(page.getByRole('alert').filter({ hasText: t(lang, 'errors.unexpected') })).toBeVisible();
      await expect(page).toHaveURL((u) => u.pathname === '/login' && u.searchParams.get('next') === '/orders');
      await expect(page.getByText(t(lang, 'login.expired_notice'))).toHaveCount(0);
      // Once the server answers properly, the same form goes on to ?next=.
      await page.unroute('**/Index/ajaxSignIn');
      await page.getByRole('button', { name: t(lang, 'login.submit'), exact: true }).click();
      await expect(page).toHaveURL((u) => u.pathname === '/orders');
    });

    test('the menu never offers "log in" to a logged-in borrower, even before anything was read', async ({ page, sandbox }) => {
      await sandbox.reset();
      const acc = await seedAccount(sandbox, DEMO.due);
      await loginTo(page, lang, acc.username);
      const nav = page.getByRole('navigation');
      const logIn = nav.getByRole('link', { name: t(lang, 'nav.login'), exact: true });
      const logOut = nav.getByRole('button', { name: t(lang, 'nav.logout'), exact: true });
      // A cold load of the payment page reads nothing private until a reference is asked for.
      await page.goto(withLang(`pay/${acc.order_number}`, lang));
      await expect(page.getByRole('heading', { level: 1, name: t(lang, 'pay.title') })).toBeVisible();
      await expect(logIn).toHaveCount(0);
      await page.getByRole('radio', { name: t(lang, 'pay.stp') }).check();
      await page.getByRole('button', { name: t(lang, 'pay.get_reference'), exact: true }).click();
      await expect(page.getByTestId('reference-stp')).toBeVisible();
      await expect(logOut).toBeVisible();
      // A private read says so at once on a cold load.
      await page.goto(withLang(`repay/${acc.order_number}`, lang));
      await expect(page.getByTestId('amount-now')).toBeVisible();
      await expect(logOut).toBeVisible();
      await expect(logIn).toHaveCount(0);
    });

    test('support: an international number keeps its + in tel:, WhatsApp gets digits', async ({ page }) => {
      await page.route('**/Index/contact', async (route) => {
        const response = await route.fetch();
        const body = (await response.json()) as { data: Record<string, string> };
        body.data.phone_number = '+52 55 8000 1234';
        body.data.whatapp = '+52 1 55 8000 1234';
        await route.fulfill({ response, json: body });
      });
      await page.goto(withLang('support', lang));
      const call = page.getByRole('link', { name: t(lang, 'support.call', { phone: '+525580001234' }), exact: true });
      await expect(call).toHaveAttribute('href', 'tel:+525580001234');
      await expect(page.getByRole('link', { name: t(lang, 'support.whatsapp'), exact: true })).toHaveAttribute(
        'href',
        'https://wa.me/5215580001234',
      );
    });
  });
}
