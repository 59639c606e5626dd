/**
 * Issue 16, the native bridge (src/bridge.rs, README "For app developers"):
 * each of the four bridge shapes a WebView may provide is injected before
 * the page loads (addInitScript) with a spy that records what the page
 * posts; the tests assert the message sequence of each flow, the hand-off
 * of `target = "app"` (and its fallback, on Playwright's fake clock), a
 * bridge that throws, and the app's calls `window.cashgo.refresh()` and
 * `setLanguage()`.
 */
import {
  test, expect, t, DEMO, DEMO_PASSWORD, seedAccount, seedReferences, signIn, withLang, fillLogin, expectLang,
  type Lang, type Sandbox, type SeedAccount,
} from './fixtures';
import type { Page } from '@playwright/test';

type Shape = 'ios' | 'android' | 'react-native' | 'flutter';
const SHAPES: readonly Shape[] = ['ios', 'android', 'react-native', 'flutter'];
/** Each shape runs in one language, so both are covered. */
const LANG: Record<Shape, Lang> = { ios: 'es', android: 'en', 'react-native': 'en', flutter: 'es' };

type Message = { v: number; type: string } & Record<string, unknown>;

/**
 * Injects `shape` before any script of the page runs. The spy keeps the raw
 * text it was given (the page must post JSON text) in `window.__posted`;
 * with `throws`, the bridge throws after recording (the page must go on).
 */
async function injectBridge(page: Page, shape: Shape, throws = false): Promise<void> {
  await page.addInitScript(
    ({ shape, throws }) => {
      const w = window as unknown as Record<string, unknown> & { __posted: unknown[] };
      w.__posted = [];
      const record = (text: unknown) => {
        w.__posted.push(text);
        if (throws) throw new Error('the app crashed');
      };
      if (shape === 'ios') w.webkit = { messageHandlers: { cashgo: { postMessage: record } } };
      if (shape === 'android') w.CashGoAndroid = { postMessage: record };
      if (shape === 'react-native') w.ReactNativeWebView = { postMessage: record };
      if (shape === 'flutter') {
        w.flutter_inappwebview = {
          callHandler: (name: string, text: unknown) => {
            if (name !== 'cashgo') throw new Error(`unexpected handler ${name}`);
            record(text);
            return Promise.resolve();
          },
        };
      }
    },
    { shape, throws },
  );
}

/** What the page posted so far, parsed (each must be a JSON text with `v: 1`). */
async function posted(page: Page): Promise<Message[]> {
  const raw = await page.evaluate(() => (window as unknown as { __posted: unknown[] }).__posted);
  return raw.map((text) => {
    expect(typeof text, 'the bridge is given JSON text').toBe('string');
    const message = JSON.parse(text as string) as Message;
    expect(message.v).toBe(1);
    return message;
  });
}

/** Waits until the page has posted exactly `expected` (in order). */
async function expectMessages(page: Page, expected: Array<Record<string, unknown>>): Promise<void> {
  await expect.poll(() => posted(page)).toEqual(expected.map((m) => ({ v: 1, ...m })));
}

/** Exact decimal text of whole cents (823370 → "8233.70"). */
function decimal(cents: number): string {
  return `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;
}

/** `dd-mm-yyyy` → `yyyy-mm-dd`. */
function iso(dmy: string): string {
  const [d, m, y] = dmy.split('-');
  return `${y}-${m}-${d}`;
}

/**
 * Stops the page's fake clock (installed before the page loaded; it runs
 * with real time until now): from here on, timers fire only when the test
 * moves it with `runFor`, so the 3 s fallback can't fire behind its back.
 */
async function freezeClock(page: Page): Promise<void> {
  const now = await page.evaluate(() => Date.now());
  await page.clock.pauseAt(now + 1_000);
}

async function setTarget(sandbox: Sandbox, target: 'web' | 'app'): Promise<void> {
  await sandbox.settings({ target });
}

/**
 * A due loan's repayment page open inside a WebView with `shape`'s bridge,
 * with the API's `target`; with `clock`, on Playwright's clock, frozen once
 * the page is drawn (`freezeClock`).
 */
async function openRepay(
  page: Page, sandbox: Sandbox, shape: Shape, lang: Lang, target: 'web' | 'app', clock = false,
): Promise<SeedAccount> {
  await sandbox.reset();
  await setTarget(sandbox, target);
  await injectBridge(page, shape);
  if (clock) await page.clock.install();
  const acc = await seedAccount(sandbox, DEMO.due);
  await signIn(page, sandbox, acc.username);
  await page.goto(withLang(`repay/${acc.order_number}`, lang));
  await expect(page.getByRole('heading', { level: 1, name: t(lang, 'repay.title') })).toBeVisible();
  // Posted: public/bridge.js is in, and with it the hand-off of link taps.
  await expect.poll(async () => (await posted(page)).length, { message: 'ready was posted' }).toBeGreaterThan(0);
  if (clock) await freezeClock(page);
  return acc;
}

// Tests alike on purpose (reset, bridge, account, page): each flow reads alone.
for (const shape of SHAPES) {
  const lang = LANG[shape];
  test.describe(`bridge: ${shape} (${lang})`, () => {
    test('pay: ready, then the reference', async ({ page, sandbox }) => {
      await sandbox.reset();
      await injectBridge(page, shape);
      const acc = await seedAccount(sandbox, DEMO.due);
      await signIn(page, sandbox, acc.username);
      await page.goto(withLang(`pay/${acc.order_number}`, lang));
      await page.getByRole('radio', { name: t(lang, 'pay.paycash') }).check();
      await page.getByRole('button', { name: t(lang, 'pay.get_reference'), exact: true }).click();
      await expect(page.getByTestId('reference-paycash').getByTestId('reference')).not.toBeEmpty();
      const [ref] = await seedReferences(sandbox);
      await expectMessages(page, [
        { type: 'ready', route: `/pay/${acc.order_number}`, lang },
        {
          type: 'paymentReference',
          order: acc.order_number,
          method: 'paycash',
          reference: ref.reference,
          barcode: ref.barcode,
          amount: decimal(ref.money),
          expires: ref.expire,
        },
      ]);
    });

    test('extend: ready, then extended with the new due day', async ({ page, sandbox }) => {
      await sandbox.reset();
      await injectBridge(page, shape);
      const acc = await seedAccount(sandbox, DEMO.due);
      await signIn(page, sandbox, acc.username);
      await page.goto(withLang(`extend/${acc.order_number}`, lang));
      await page.getByRole('main').getByRole('button', { name: t(lang, 'extend.confirm'), exact: true }).click();
      await page.getByRole('dialog').getByRole('button', { name: t(lang, 'extend.dialog_confirm'), exact: true }).click();
      await expect(page.getByTestId('extension-done')).toBeVisible();
      await expectMessages(page, [
        { type: 'ready', route: `/extend/${acc.order_number}`, lang },
        { type: 'extended', order: acc.order_number, dueDay: iso(acc.next_due_day) },
      ]);
    });

    test('proof: ready, then proofSent', async ({ page, sandbox }) => {
      await sandbox.reset();
      await injectBridge(page, shape);
      const acc = await seedAccount(sandbox, DEMO.overdue);
      await signIn(page, sandbox, acc.username);
      await page.goto(withLang(`proof/${acc.order_number}`, lang));
      await page.getByLabel(t(lang, 'proof.utr'), { exact: true }).fill('UTR778899');
      await page.getByRole('button', { name: t(lang, 'proof.submit'), exact: true }).click();
      await expect(page.getByText(t(lang, 'proof.done'))).toBeVisible();
      await expectMessages(page, [
        { type: 'ready', route: `/proof/${acc.order_number}`, lang },
        { type: 'proofSent', order: acc.order_number },
      ]);
    });

    test('apply again: ready, then reLoanApplied', async ({ page, sandbox }) => {
      await sandbox.reset();
      await injectBridge(page, shape);
      await signIn(page, sandbox, DEMO.repaid);
      await page.goto(withLang('', lang));
      await page.getByRole('button', { name: t(lang, 'home.reloan'), exact: true }).click();
      await expectMessages(page, [
        { type: 'ready', route: '/', lang },
        { type: 'reLoanApplied' },
      ]);
    });

    test('session expiry, target web: sessionExpired, then the web login', async ({ page, sandbox }) => {
      const acc = await openRepay(page, sandbox, shape, lang, 'web');
      await page.context().clearCookies();
      await page.evaluate(() => (window as unknown as { cashgo: { refresh(): void } }).cashgo.refresh());
      await expect(page).toHaveURL((u) => u.pathname.endsWith('/login'));
      await expectMessages(page, [
        { type: 'ready', route: `/repay/${acc.order_number}`, lang },
        { type: 'sessionExpired' },
        { type: 'ready', route: '/login', lang },
      ]);
      // Logging in on the page posts nothing of the password or the session.
      await fillLogin(page, lang, acc.username, DEMO_PASSWORD);
      await expect(page).toHaveURL((u) => u.pathname.endsWith(`/repay/${acc.order_number}`));
      const cookies = (await page.context().cookies()).map((c) => c.value).filter((v) => v.length > 0);
      const text = JSON.stringify(await posted(page));
      for (const secret of [DEMO_PASSWORD, ...cookies]) expect(text).not.toContain(secret);
    });

    test('session expiry, target app: sessionExpired and navigate to login, the web login only after the fallback', async ({ page, sandbox }) => {
      const acc = await openRepay(page, sandbox, shape, lang, 'app', true);
      await page.context().clearCookies();
      await page.evaluate(() => (window as unknown as { cashgo: { refresh(): void } }).cashgo.refresh());
      const handedOff = [
        { type: 'ready', route: `/repay/${acc.order_number}`, lang },
        { type: 'sessionExpired' },
        // Back to the page as it was opened, its language included.
        { type: 'navigate', to: 'login', next: `/repay/${acc.order_number}?lang=${lang}` },
      ];
      // The read's answer comes over the real network; the error's redirect
      // then waits for the next frame, on the paused clock.
      await expect(page.getByText(t(lang, 'errors.session_expired'))).toBeVisible();
      await page.clock.runFor(500);
      await expectMessages(page, handedOff);
      // The app shows its own login: the page doesn't draw the web one...
      await expect(page).toHaveURL((u) => u.pathname.endsWith(`/repay/${acc.order_number}`));
      // ...unless the app does nothing: then it does, never a dead end.
      await page.clock.runFor(3_000);
      await expect(page).toHaveURL((u) => u.pathname.endsWith('/login') && u.searchParams.get('expired') === '1');
      await expect(page.getByText(t(lang, 'login.expired_notice'))).toBeVisible();
      await expectMessages(page, [...handedOff, { type: 'ready', route: '/login', lang }]);
    });

    test('logout, target app: loggedOut and navigate home; the menu\'s links go to the app too', async ({ page, sandbox }) => {
      const acc = await openRepay(page, sandbox, shape, lang, 'app', true);
      const nav = page.getByRole('navigation');
      await nav.getByRole('link', { name: t(lang, 'nav.orders'), exact: true }).click();
      await nav.getByRole('link', { name: t(lang, 'nav.support'), exact: true }).click();
      await nav.getByRole('button', { name: t(lang, 'nav.logout'), exact: true }).click();
      await expectMessages(page, [
        { type: 'ready', route: `/repay/${acc.order_number}`, lang },
        { type: 'navigate', to: 'orders' },
        { type: 'navigate', to: 'support' },
        { type: 'loggedOut' },
        { type: 'navigate', to: 'home' },
      ]);
      // Still on the page the app opened: nothing rendered behind the app's back.
      await expect(page).toHaveURL((u) => u.pathname.endsWith(`/repay/${acc.order_number}`));
      await page.clock.runFor(3_000);
      await expect(page).not.toHaveURL((u) => u.pathname.endsWith(`/repay/${acc.order_number}`));
    });

    test('logout, target web: loggedOut, then the web home', async ({ page, sandbox }) => {
      await sandbox.reset();
      await setTarget(sandbox, 'web');
      await injectBridge(page, shape);
      await signIn(page, sandbox, DEMO.due);
      await page.goto(withLang('orders', lang));
      await page.getByRole('navigation').getByRole('button', { name: t(lang, 'nav.logout'), exact: true }).click();
      // Home: `/`, or `/h5` under the sub-path.
      await expect(page).toHaveURL((u) => !u.pathname.endsWith('/orders'));
      await expectMessages(page, [
        { type: 'ready', route: '/orders', lang },
        { type: 'loggedOut' },
        { type: 'ready', route: '/', lang },
      ]);
    });

    test('a bridge that throws never breaks the page', async ({ page, sandbox }) => {
      await sandbox.reset();
      await injectBridge(page, shape, true);
      const acc = await seedAccount(sandbox, DEMO.due);
      await signIn(page, sandbox, acc.username);
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(withLang(`pay/${acc.order_number}`, lang));
      await page.getByRole('radio', { name: t(lang, 'pay.stp') }).check();
      await page.getByRole('button', { name: t(lang, 'pay.get_reference'), exact: true }).click();
      await expect(page.getByTestId('reference-stp').getByTestId('reference')).not.toBeEmpty();
      await expect.poll(async () => (await posted(page)).map((m) => m.type)).toEqual(['ready', 'paymentReference']);
      // And the page goes on: another page, another message.
      await page.getByRole('navigation').getByRole('link', { name: t(lang, 'nav.orders'), exact: true }).click();
      await expect(page.getByRole('heading', { level: 1, name: t(lang, 'orders.title') })).toBeVisible();
      expect(errors).toEqual([]);
    });

    test('refresh() reads the page again; setLanguage() switches; anything else is ignored', async ({ page, sandbox }) => {
      await sandbox.reset();
      await injectBridge(page, shape);
      const acc = await seedAccount(sandbox, DEMO.due);
      await signIn(page, sandbox, acc.username);
      let reads = 0;
      page.on('request', (r) => {
        if (new URL(r.url()).pathname === '/Repay/loanDetail') reads++;
      });
      const warnings: string[] = [];
      page.on('console', (m) => {
        if (m.type() === 'warning') warnings.push(m.text());
      });
      await page.goto(withLang(`repay/${acc.order_number}`, lang));
      const title = (l: Lang) => page.getByRole('heading', { level: 1, name: t(l, 'repay.title') });
      await expect(title(lang)).toBeVisible();
      expect(reads).toBe(1);
      type Calls = { cashgo: Record<string, (...args: unknown[]) => unknown> };
      await page.evaluate(() => (window as unknown as Calls).cashgo.refresh());
      await expect.poll(() => reads).toBe(2);
      await expect(title(lang)).toBeVisible();

      const other: Lang = lang === 'es' ? 'en' : 'es';
      await page.evaluate((l) => (window as unknown as Calls).cashgo.setLanguage(l), other);
      await expectLang(page, other);
      await expect(title(other)).toBeVisible();
      // Unknown values and calls: a warning, nothing else.
      await page.evaluate(() => {
        const calls = (window as unknown as Calls).cashgo;
        calls.setLanguage('fr');
        calls.setLanguage(42);
        calls.openCamera();
      });
      await expectLang(page, other);
      await expect.poll(() => warnings.length).toBeGreaterThanOrEqual(3);
      expect(warnings.join('\n')).toContain('openCamera');
      await expectMessages(page, [
        { type: 'ready', route: `/repay/${acc.order_number}`, lang },
        { type: 'ready', route: `/repay/${acc.order_number}`, lang: other },
      ]);
      expect(reads).toBe(2);
    });
  });
}

test('extend with its answer lost: extended carries the due day the page showed, not a further one', async ({ page, sandbox }) => {
  await sandbox.reset();
  await injectBridge(page, 'android');
  const acc = await seedAccount(sandbox, DEMO.due);
  await signIn(page, sandbox, acc.username);
  await page.goto(withLang(`extend/${acc.order_number}`, 'en'));
  // The server extends, then the connection ends mid-reply: the app reads
  // the extension page back (src/api/reconcile.rs), whose new due day is
  // now that of a further extension.
  await sandbox.fault('/Repay/ajaxDelay', 'drop');
  await page.getByRole('main').getByRole('button', { name: t('en', 'extend.confirm'), exact: true }).click();
  await page.getByRole('dialog').getByRole('button', { name: t('en', 'extend.dialog_confirm'), exact: true }).click();
  await expect(page.getByTestId('extension-done')).toBeVisible();
  await expectMessages(page, [
    { type: 'ready', route: `/extend/${acc.order_number}`, lang: 'en' },
    { type: 'extended', order: acc.order_number, dueDay: iso(acc.next_due_day) },
  ]);
});

test('a page that leaves before target is known waits for it, then hands off to the app', async ({ page, sandbox }) => {
  await sandbox.reset();
  await setTarget(sandbox, 'app');
  const acc = await seedAccount(sandbox, DEMO.due);
  // /Index/languages answers 1.5 s late; the first read says "logged out" at once.
  await sandbox.fault('/Index/languages', 'slow', 1, 1_500);
  await injectBridge(page, 'ios');
  await page.goto(withLang(`repay/${acc.order_number}`, 'es'));
  await expect
    .poll(async () => (await posted(page)).map((m) => m.type))
    .toContain('navigate');
  const navigate = (await posted(page)).find((m) => m.type === 'navigate');
  expect(navigate).toMatchObject({ to: 'login', next: `/repay/${acc.order_number}?lang=es` });
  // Handed to the app: the web login only after the fallback.
  expect(new URL(page.url()).pathname).toMatch(/\/repay\//);
  await expect(page).toHaveURL((u) => u.pathname.endsWith('/login'), { timeout: 10_000 });
});

test('without a bridge nothing is posted and the page behaves as on the web', async ({ page, sandbox }) => {
  await sandbox.reset();
  await setTarget(sandbox, 'app');
  let asked = 0;
  page.on('request', (r) => {
    if (new URL(r.url()).pathname === '/Index/languages') asked++;
  });
  await signIn(page, sandbox, DEMO.due);
  await page.goto(withLang('orders', 'es'));
  await page.getByRole('navigation').getByRole('link', { name: t('es', 'nav.support'), exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: t('es', 'support.title') })).toBeVisible();
  expect(asked, 'target is asked only inside an app with a bridge').toBe(0);
});

test('config.json renames the iOS and Android bridges', async ({ page, sandbox }) => {
  await sandbox.reset();
  await page.route('**/config.json', (route) =>
    route.fulfill({ json: { iosMessageHandler: 'lender', androidInterface: 'LenderBridge', defaultLocale: 'es' } }),
  );
  await page.addInitScript(() => {
    const w = window as unknown as Record<string, unknown> & { __posted: string[] };
    w.__posted = [];
    const record = (text: string) => void w.__posted.push(`ios:${text}`);
    // The default names are there too, and must not be used.
    w.webkit = { messageHandlers: { cashgo: { postMessage: () => w.__posted.push('wrong') }, lender: { postMessage: record } } };
  });
  await page.goto(withLang('support', 'en'));
  await expect(page.getByRole('heading', { level: 1, name: t('en', 'support.title') })).toBeVisible();
  await expect
    .poll(() => page.evaluate(() => (window as unknown as { __posted: string[] }).__posted))
    .toEqual([`ios:${JSON.stringify({ v: 1, type: 'ready', route: '/support', lang: 'en' })}`]);
});
