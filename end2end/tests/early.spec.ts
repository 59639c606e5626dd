/**
 * The early reads: `index.html` starts `config.json` and the page's first
 * API read (`/` → `GET /Repay/loans`, `/repay/:oid` → `POST
 * /Repay/loanDetail`, `/extend/:oid` → `POST /Repay/loanDelay`, body
 * `oid=<oid>`) while the page is still parsing (`window.__cashgoEarly`); the
 * app takes that reply once, for exactly the same request, and its failure
 * is the same error (with a working retry) as a request of its own.
 *
 * "Early" is checked by time: the read must have left before the wasm had
 * finished downloading. The app itself can only ask once its wasm has been
 * downloaded and run, so without the early script that check fails.
 *
 * Not repeated here: a logged-out visitor opening `/repay/<oid>` (the early
 * read answers "please log in") lands on login with `next` and comes back to
 * the amount after logging in: login.spec.ts, "a deep link opened while
 * logged out goes to login and comes back after logging in" (and under
 * /h5/: shell.spec.ts, "under the /h5/ sub-path").
 */
import {
  test, expect, t, LANGS, DEMO, DEMO_PASSWORD, subPath, seedAccount, money, loginTo, fillLogin,
  withLang, expectLang, type Lang, type SeedAccount,
} from './fixtures';
import type { Page, Request } from '@playwright/test';

/** The API requests to `apiPath` (`/Repay/loanDetail`) the page sends from now on, with their method. */
function watch(page: Page, apiPath: string): { methods: () => string[]; bodies: () => Array<string | null>; requests: Request[] } {
  const requests: Request[] = [];
  page.on('request', (req) => {
    if (new URL(req.url()).pathname === apiPath) requests.push(req);
  });
  return {
    requests,
    methods: () => requests.map((r) => r.method()),
    bodies: () => requests.map((r) => r.postData()),
  };
}

/**
 * The request to `apiPath` started before the wasm had finished downloading
 * (Resource Timing, one clock for both): the API entry's `startTime` is
 * earlier than the earliest `responseEnd` of the `_bg.wasm`.
 */
async function expectStartedBeforeWasm(page: Page, apiPath: string): Promise<void> {
  const timing = () =>
    page.evaluate((apiPath) => {
      const entries = performance.getEntriesByType('resource') as PerformanceResourceTiming[];
      const pathOf = (e: PerformanceResourceTiming) => new URL(e.name).pathname;
      return {
        api: entries.filter((e) => pathOf(e) === apiPath).map((e) => e.startTime),
        wasm: entries.filter((e) => pathOf(e).endsWith('_bg.wasm')).map((e) => e.responseEnd),
      };
    }, apiPath);
  await expect.poll(async () => (await timing()).api.length, { message: `a resource entry for ${apiPath}` }).toBe(1);
  // The first paint (paint/) may show the page before the wasm is in: wait for it.
  await expect.poll(async () => (await timing()).wasm.length, { message: 'a resource entry for the wasm' }).toBeGreaterThan(0);
  const { api, wasm } = await timing();
  const wasmEnd = Math.min(...wasm);
  expect(api[0], `${apiPath} started (ms) before the wasm finished downloading (ms ${wasmEnd})`).toBeLessThan(wasmEnd);
}

/**
 * Makes the next page load a first visit on a phone-like link: the HTTP
 * cache emptied (the session cookie and the saved language stay) and the
 * network slowed to 4 Mbit/s with 20 ms latency. On loopback with a warm
 * cache the wasm arrives within a few milliseconds, too soon to tell an
 * early read from a late one.
 */
async function coldStart(page: Page): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.clearBrowserCache');
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: 20,
    downloadThroughput: 4_000_000 / 8,
    uploadThroughput: 2_000_000 / 8,
  });
}

/**
 * Records, in order, when a request to `apiPath` is sent and when the wasm
 * has finished downloading (for requests that leave no Resource Timing
 * entry: cut or never answered).
 */
function recordOrder(page: Page, apiPath: string): string[] {
  const events: string[] = [];
  page.on('request', (r) => {
    if (new URL(r.url()).pathname === apiPath) events.push('api sent');
  });
  page.on('requestfinished', (r) => {
    if (new URL(r.url()).pathname.endsWith('_bg.wasm')) events.push('wasm downloaded');
  });
  return events;
}

/** Marks the document, so that a later check can tell an in-app navigation from a page load. */
async function markDocument(page: Page): Promise<void> {
  await page.evaluate(() => {
    (window as unknown as { __sameDocument: boolean }).__sameDocument = true;
  });
}

async function expectSameDocument(page: Page): Promise<void> {
  expect(
    await page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument === true),
    'still the same document (no page load)',
  ).toBe(true);
}

type ColdCase = {
  name: string;
  path: (acc: SeedAccount) => string;
  method: 'GET' | 'POST';
  api: string;
  body: (acc: SeedAccount) => string | null;
  shown: (page: Page, lang: Lang, acc: SeedAccount) => Promise<void>;
};

// Rows alike on purpose: one per page that reads early.
const COLD: ColdCase[] = [
  {
    name: '/repay/<oid>',
    path: (acc) => `repay/${acc.order_number}`,
    method: 'POST',
    api: '/Repay/loanDetail',
    body: (acc) => `oid=${acc.order_number}`,
    shown: async (page, lang, acc) => {
      await expect(page.getByRole('heading', { level: 1, name: t(lang, 'repay.title') })).toBeVisible();
      await expect(page.getByTestId('amount-now')).toHaveText(money(acc.need_repay));
    },
  },
  {
    name: '/extend/<oid>',
    path: (acc) => `extend/${acc.order_number}`,
    method: 'POST',
    api: '/Repay/loanDelay',
    body: (acc) => `oid=${acc.order_number}`,
    shown: async (page, lang, acc) => {
      await expect(page.getByRole('heading', { level: 1, name: t(lang, 'extend.title') })).toBeVisible();
      await expect(page.getByTestId('extension-fee')).toHaveText(money(acc.delay_fee));
      await expect(page.getByTestId('amount-today').getByRole('definition')).toHaveText(money(acc.need_repay));
    },
  },
  {
    name: '/',
    path: () => './',
    method: 'GET',
    api: '/Repay/loans',
    body: () => null,
    shown: async (page, lang, acc) => {
      await expect(page.getByRole('heading', { level: 1, name: t(lang, 'home.title') })).toBeVisible();
      await expect(page.getByTestId('loan-card').getByTestId('amount-due')).toHaveText(money(acc.need_repay));
    },
  },
];

/** Logs in (choosing `lang`, which the app remembers) and waits for home to have loaded, so that its own reads are over. */
async function loggedIn(page: Page, lang: Lang, acc: SeedAccount): Promise<void> {
  await loginTo(page, lang, acc.username);
  await expect(page.getByTestId('amount-due')).toHaveText(money(acc.need_repay));
}

for (const lang of LANGS) {
  test.describe(`early reads (${lang})`, () => {
    test.beforeEach(async ({ sandbox }) => {
      await sandbox.reset();
    });

    for (const c of COLD) {
      test(`a cold load of ${c.name} sends its first read once, before the wasm has arrived`, async ({ page, sandbox }) => {
        const acc = await seedAccount(sandbox, DEMO.due);
        await loggedIn(page, lang, acc);
        const seen = watch(page, c.api);
        await coldStart(page);
        await page.goto(c.path(acc));
        await expectLang(page, lang);
        await c.shown(page, lang, acc);
        expect(seen.methods()).toEqual([c.method]);
        expect(seen.bodies()).toEqual([c.body(acc)]);
        await expectStartedBeforeWasm(page, c.api);
      });
    }

    test('the early reply is taken once: coming back to the page in the app asks the server again', async ({ page, sandbox }) => {
      const acc = await seedAccount(sandbox, DEMO.due);
      await loggedIn(page, lang, acc);
      const seen = watch(page, '/Repay/loanDetail');
      await coldStart(page);
      await page.goto(`repay/${acc.order_number}`);
      await expect(page.getByTestId('amount-now')).toHaveText(money(acc.need_repay));
      expect(seen.requests).toHaveLength(1);
      await expectStartedBeforeWasm(page, '/Repay/loanDetail');
      await markDocument(page);
      // Away (home) and back (the card's details link), in the app.
      await page.getByRole('navigation').getByRole('link', { name: t(lang, 'nav.home'), exact: true }).click();
      await expect(page.getByTestId('loan-card').getByTestId('amount-due')).toHaveText(money(acc.need_repay));
      await page.getByRole('main').getByRole('link', { name: t(lang, 'home.details'), exact: true }).click();
      await expect(page).toHaveURL((u) => u.pathname === `/repay/${acc.order_number}`);
      await expect(page.getByTestId('amount-now')).toHaveText(money(acc.need_repay));
      await expect.poll(() => seen.requests.length, { message: 'a new loanDetail request' }).toBe(2);
      expect(seen.bodies()).toEqual([`oid=${acc.order_number}`, `oid=${acc.order_number}`]);
      await expectSameDocument(page);
    });

    test('the early read failing offline: the offline message, no request by itself, retry asks again', async ({ page, sandbox }) => {
      const acc = await seedAccount(sandbox, DEMO.due);
      await loggedIn(page, lang, acc);
      const seen = watch(page, '/Repay/loanDetail');
      // Only the first request (the early one) is cut; any later one goes through.
      let calls = 0;
      await page.route('**/Repay/loanDetail', (route) => (calls++ === 0 ? route.abort('internetdisconnected') : route.continue()));
      const order = recordOrder(page, '/Repay/loanDetail');
      await coldStart(page);
      await page.goto(`repay/${acc.order_number}`);
      await expectLang(page, lang);
      const alert = page.getByRole('alert');
      await expect(alert).toContainText(t(lang, 'errors.offline'));
      // The cut request was the early one: sent before the wasm had arrived.
      expect(order.slice(0, 2)).toEqual(['api sent', 'wasm downloaded']);
      // The app doesn't ask again by itself: one request so far, and after the
      // retry's answer is on screen (a round trip later than any request the
      // app could have sent on its own by then), exactly two.
      expect(seen.requests).toHaveLength(1);
      await expect(page.getByTestId('amount-now')).toHaveCount(0);
      await alert.getByRole('button', { name: t(lang, 'errors.retry'), exact: true }).click();
      await expect(page.getByTestId('amount-now')).toHaveText(money(acc.need_repay));
      await expect(page.getByRole('alert')).toHaveCount(0);
      expect(seen.requests).toHaveLength(2);
      expect(calls).toBe(2);
    });

    test('the early read timing out: the timeout message, retry asks again', async ({ page, sandbox }) => {
      const acc = await seedAccount(sandbox, DEMO.overdue);
      await loggedIn(page, lang, acc);
      const seen = watch(page, '/Repay/loanDetail');
      // The first request (the early one) never gets an answer; any later one goes through.
      let calls = 0;
      await page.route('**/Repay/loanDetail', (route) => (calls++ === 0 ? undefined : route.continue()));
      const order = recordOrder(page, '/Repay/loanDetail');
      // The 30 s timeout on a fake clock that we move on.
      await page.clock.install();
      await coldStart(page);
      await page.goto(`repay/${acc.order_number}`);
      await expectLang(page, lang);
      await expect(page.getByRole('heading', { level: 1, name: t(lang, 'repay.title') })).toBeVisible();
      await expect.poll(() => calls).toBe(1);
      // The unanswered request was the early one: sent before the wasm had arrived.
      await expect.poll(() => order.slice(0, 2)).toEqual(['api sent', 'wasm downloaded']);
      await page.clock.runFor(31_000);
      const alert = page.getByRole('alert');
      await expect(alert).toContainText(t(lang, 'errors.timeout'));
      expect(seen.requests).toHaveLength(1);
      await alert.getByRole('button', { name: t(lang, 'errors.retry'), exact: true }).click();
      await expect(page.getByTestId('amount-now')).toHaveText(money(acc.need_repay));
      expect(seen.requests).toHaveLength(2);
      await page.unrouteAll({ behavior: 'ignoreErrors' });
    });

    test('config.json that never answers holds nothing: the page paints at once, the amount within the config timeout', async ({ page, sandbox }) => {
      const acc = await seedAccount(sandbox, DEMO.due);
      await loggedIn(page, lang, acc);
      let configAsked = 0;
      await page.route('**/config.json', () => {
        configAsked++; // and no answer, ever
      });
      const seen = watch(page, '/Repay/loanDetail');
      // Timed from the start of the navigation, not from its load event.
      await page.goto(`repay/${acc.order_number}`, { waitUntil: 'commit' });
      // The language was chosen (and saved) at login, so nothing waits for config.json:
      // header and heading come before its 5 s timeout could have passed.
      await expect(page.getByRole('banner')).toBeVisible({ timeout: 4_000 });
      await expect(page.getByRole('heading', { level: 1, name: t(lang, 'repay.title') })).toBeVisible({ timeout: 4_000 });
      await expectLang(page, lang);
      expect(configAsked).toBe(1);
      // The API read waits for the config (at most its 5 s timeout, then the defaults).
      await expect(page.getByTestId('amount-now')).toHaveText(money(acc.need_repay), { timeout: 15_000 });
      expect(seen.requests).toHaveLength(1);
      await page.unrouteAll({ behavior: 'ignoreErrors' });
    });
  });
}

// The device speaks a language the app doesn't and nothing was chosen, so
// config.json's defaultLocale decides; without one, the server's default
// (`/Index/languages`, answered "Spanish" here: the sandbox's own says
// "English" and would hide a dropped config). Only English proves that a
// key counted; the second test shows the same page lands in Spanish when
// config.json gives nothing.
test.describe('config.json keys fall back one by one', () => {
  test.use({ locale: 'pt-BR' });

  async function serve(page: Page, config: string): Promise<{ configAsked: () => number }> {
    let asked = 0;
    await page.route('**/config.json', (route) => {
      asked++;
      return route.fulfill({ status: 200, contentType: 'application/json', body: config });
    });
    await page.route('**/Index/languages', (route) =>
      route.fulfill({
        status: 200,
        contentType: 'application/json',
        body: '{"status":200,"languages":["Spanish","English"],"default":"Spanish","target":"web"}',
      }),
    );
    expect(await page.evaluate(() => navigator.languages)).toEqual(['pt-BR']);
    return { configAsked: () => asked };
  }

  test('a wrongly typed key does not drop a valid one: defaultLocale "en" still counts', async ({ page }) => {
    const { configAsked } = await serve(page, '{"serverUtcOffsetMinutes": "oops", "defaultLocale": "en"}');
    await page.goto('login');
    await expectLang(page, 'en');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(t('en', 'login.title'));
    expect(configAsked()).toBe(1);
  });

  test('(control) the same visit with nothing usable in config.json comes up in Spanish', async ({ page }) => {
    const { configAsked } = await serve(page, '{"serverUtcOffsetMinutes": "oops", "defaultLocale": 7}');
    await page.goto('login');
    await expectLang(page, 'es');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(t('es', 'login.title'));
    expect(configAsked()).toBe(1);
  });
});

// The sub-path build (one language is enough, as in shell.spec.ts).
test('under /h5/: a cold load of /h5/repay/<oid> sends loanDetail once, before the wasm has arrived', async ({ page, request }) => {
  const { root, sandbox } = subPath(request);
  await sandbox.reset();
  const acc = await seedAccount(sandbox, DEMO.due);
  await page.goto(`${root}${withLang('login', 'es')}`);
  await expectLang(page, 'es');
  await fillLogin(page, 'es', acc.username, DEMO_PASSWORD);
  await expect(page).toHaveURL((u) => u.pathname === '/h5/' || u.pathname === '/h5');
  await expect(page.getByTestId('amount-due')).toHaveText(money(acc.need_repay));
  const seen = watch(page, '/Repay/loanDetail');
  await coldStart(page);
  await page.goto(`${root}repay/${acc.order_number}`);
  await expect(page).toHaveURL((u) => u.pathname === `/h5/repay/${acc.order_number}`);
  await expect(page.getByTestId('amount-now')).toHaveText(money(acc.need_repay));
  expect(seen.methods()).toEqual(['POST']);
  expect(seen.bodies()).toEqual([`oid=${acc.order_number}`]);
  await expectStartedBeforeWasm(page, '/Repay/loanDetail');
});
