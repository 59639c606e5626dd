/**
 * The smoke suite in the engines borrowers meet besides Chromium: WebKit (an
 * iPhone app's WebView is WebKit) and Firefox, each through its own driver
 * (engines.ts), against the sandbox or nginx (scripts/test runs both).
 *
 * The main paths: boot, login, the repayment page, an extension, a payment
 * reference, the language switch, the /h5/ build, a photo on the proof of
 * payment. Every page's text is checked against the catalogs, and every test
 * fails on an error thrown out of the page, on any CSP violation the browser
 * reports, and on a load that fetches the wasm more than once.
 */
import { test as base, expect, type APIRequestContext } from '@playwright/test';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { launch, type Engine, type EngineName } from './engines';
import { Ui } from './ui';
import {
  t, DEMO, DEMO_PASSWORD, PNG_1PX, Sandbox, seedAccount, seedReferences, money, dayText, perWorker, appRoot, type Lang,
} from '../tests/fixtures';

type Target = { root: string; h5: string; sandbox: Sandbox; h5Sandbox: Sandbox };
type WasmLoad = { page: string; fetches: Array<{ transferSize: number; encodedBodySize: number }> };

/** Errors thrown out of the page since the last load, as the listener saw them. */
const ERRORS_KEY = '__smokeErrors';

class Session {
  readonly ui: Ui;
  readonly loads: WasmLoad[] = [];
  private errors: string[] = [];

  constructor(
    readonly engine: Engine,
    /** What browsers reported to the sandboxes' /__sandbox/csp-reports so far. */
    readonly cspReports: () => Promise<unknown[]>,
  ) {
    this.ui = new Ui(engine);
  }

  private async collectErrors(): Promise<void> {
    const seen = await this.engine
      .evaluate((key: string) => ((window as unknown as Record<string, string[]>)[key] ?? []).splice(0), ERRORS_KEY)
      .catch(() => [] as string[]);
    this.errors.push(...seen, ...this.engine.takeDriverErrors());
  }

  /**
   * A full page load of `url`: then a listener for thrown errors, the app
   * booted (its indicator gone), and the wasm fetched exactly once.
   */
  async load(url: string, reload = false): Promise<void> {
    await this.collectErrors();
    if (reload) await this.engine.reload();
    else await this.engine.goto(url);
    await this.engine.evaluate((key: string) => {
      const w = window as unknown as Record<string, string[]>;
      w[key] = [];
      addEventListener('error', (e) => w[key].push(`${e.message} (${e.filename}:${e.lineno})`));
      addEventListener('unhandledrejection', (e) => w[key].push(`unhandled rejection: ${String(e.reason)}`));
    }, ERRORS_KEY);
    await expect.poll(() => this.engine.evaluate(() => document.getElementById('boot') === null), { message: 'the app mounted' }).toBe(true);
    const fetches = await this.engine.evaluate(() =>
      performance
        .getEntriesByType('resource')
        .filter((e) => /_bg\.wasm$/.test(e.name))
        .map((e) => ({ transferSize: (e as PerformanceResourceTiming).transferSize, encodedBodySize: (e as PerformanceResourceTiming).encodedBodySize })),
    );
    this.loads.push({ page: new URL(await this.engine.url()).pathname, fetches });
    expect(fetches.length, `one wasm fetch per load (${url})`).toBe(1);
  }

  async takeErrors(): Promise<string[]> {
    await this.collectErrors();
    return this.errors.splice(0);
  }
}

type WorkerFixtures = { engineName: EngineName; engine: Engine };
type Fixtures = { target: Target; s: Session };

const test = base.extend<Fixtures, WorkerFixtures>({
  engineName: ['webkit', { option: true, scope: 'worker' }],
  engine: [
    async ({ engineName }, use) => {
      const engine = await launch(engineName);
      console.log(`smoke: ${engine.version}`);
      await use(engine);
      await engine.close();
    },
    { scope: 'worker', timeout: 60_000 },
  ],
  target: async ({ request }, use, info) => {
    const i = info.parallelIndex;
    const pick = (name: string) => {
      const v = perWorker(process.env[name], undefined, i);
      if (!v) throw new Error(`${name} is not set (scripts/test sets it; see playwright.smoke.config.ts)`);
      return v;
    };
    const control = (url: string, r: APIRequestContext) => new Sandbox(r, new URL(url).origin);
    await use({
      root: appRoot(pick('BASE_URLS')),
      h5: appRoot(pick('H5_URLS')),
      sandbox: control(pick('SANDBOX_URLS'), request),
      h5Sandbox: control(pick('H5_SANDBOX_URLS'), request),
    });
  },
  s: async ({ engine, target, request }, use, info) => {
    const sandboxes = [...new Set([target.sandbox.origin, target.h5Sandbox.origin])];
    for (const sb of sandboxes) await request.delete(`${sb}/__sandbox/csp-reports`);
    await target.sandbox.reset();
    if (target.h5Sandbox.origin !== target.sandbox.origin) await target.h5Sandbox.reset();
    const s = new Session(engine, async () => {
      const out: unknown[] = [];
      for (const sb of sandboxes) out.push(...((await (await request.get(`${sb}/__sandbox/csp-reports`)).json()) as unknown[]));
      return out;
    });
    await use(s);
    info.annotations.push({ type: 'wasm fetches', description: JSON.stringify(s.loads) });
    const errors = await s.takeErrors();
    // The page goes first, so that whatever it reported has been sent.
    await engine.reset();
    expect(await s.cspReports(), 'the app broke its Content-Security-Policy').toEqual([]);
    expect(errors, 'errors thrown out of the page').toEqual([]);
  },
});

const PHOTO = path.resolve(__dirname, '..', 'test-results', 'smoke', 'recibo.png');

test.beforeAll(() => {
  mkdirSync(path.dirname(PHOTO), { recursive: true });
  writeFileSync(PHOTO, PNG_1PX);
});

/** Logs in through the login page in `lang` and waits to leave it. */
async function logIn(s: Session, root: string, lang: Lang, username: string): Promise<void> {
  await s.load(`${root}login?lang=${lang}`);
  await s.ui.expectText({ role: 'heading', level: 1 }, t(lang, 'login.title'));
  await s.ui.fill({ label: t(lang, 'login.phone') }, username);
  await s.ui.fill({ label: t(lang, 'login.password') }, DEMO_PASSWORD);
  await s.ui.click({ role: 'button', name: t(lang, 'login.submit') });
  await s.ui.expectPath((p) => !p.endsWith('/login'), 'left /login');
}

test('the watchers work: a refused inline script is reported, a thrown error is seen', async ({ s, target, request }) => {
  await s.load(target.root);
  await s.engine.evaluate(() => {
    const probe = document.createElement('script');
    probe.textContent = 'window.__smokeProbe = true;';
    document.head.appendChild(probe);
    setTimeout(() => {
      throw new Error('smoke probe');
    });
  });
  expect(await s.engine.evaluate(() => (window as unknown as { __smokeProbe?: boolean }).__smokeProbe ?? false)).toBe(false);
  await expect.poll(async () => JSON.stringify(await s.cspReports()), { message: 'the refusal reported' }).toMatch(/script-src/);
  await expect.poll(async () => (await s.takeErrors()).join('\n'), { message: 'the error seen' }).toMatch(/smoke probe/);
  // Provoked on purpose: clear them for the checks after the test.
  await request.delete(`${target.sandbox.origin}/__sandbox/csp-reports`);
});

test('boot: the app starts, in Spanish or English, and no watchdog message', async ({ s, target }) => {
  await s.load(target.root);
  await s.ui.expectLang(/^(es|en)$/);
  await s.ui.expectVisible({ role: 'heading', level: 1 });
  const late = await s.engine.evaluate(() => document.querySelectorAll('.boot-late:not([hidden])').length);
  expect(late).toBe(0);
});

for (const lang of ['es', 'en'] as const) {
  test(`login, then the repayment page (${lang})`, async ({ s, target }) => {
    const acc = await seedAccount(target.sandbox, DEMO.overdue);
    await logIn(s, target.root, lang, acc.username);
    await s.ui.expectText({ testId: 'amount-due' }, money(acc.need_repay));
    await s.load(`${target.root}repay/${acc.order_number}?lang=${lang}`);
    await s.ui.expectText({ role: 'heading', level: 1 }, t(lang, 'repay.title'));
    await s.ui.expectText({ testId: 'amount-now' }, money(acc.need_repay));
    await s.ui.expectText({ role: 'definition', within: { testId: 'due-day' } }, dayText(lang, acc.due_day));
  });
}

// Starts as the login test does (seed, log in, open, heading) on purpose: each smoke test stands alone.
test('extend: the dialog, then the extension done', async ({ s, target }) => {
  const lang: Lang = 'es';
  const acc = await seedAccount(target.sandbox, DEMO.due);
  await logIn(s, target.root, lang, acc.username);
  await s.load(`${target.root}extend/${acc.order_number}?lang=${lang}`);
  await s.ui.expectText({ role: 'heading', level: 1 }, t(lang, 'extend.title'));
  await s.ui.expectText({ testId: 'extension-fee' }, money(acc.delay_fee));
  await s.ui.click({ role: 'button', name: t(lang, 'extend.confirm'), within: { role: 'main' } });
  await s.ui.click({ role: 'button', name: t(lang, 'extend.dialog_confirm'), within: { role: 'dialog' } });
  await s.ui.expectContains({ testId: 'extension-done' }, t(lang, 'extend.done_title'));
  const after = await seedAccount(target.sandbox, acc.username);
  expect(after.delay_num).toBe(acc.delay_num + 1);
});

test('pay: a payment reference', async ({ s, target }) => {
  const lang: Lang = 'en';
  const acc = await seedAccount(target.sandbox, DEMO.due);
  await logIn(s, target.root, lang, acc.username);
  await s.load(`${target.root}pay/${acc.order_number}?lang=${lang}`);
  await s.ui.expectText({ role: 'heading', level: 1 }, t(lang, 'pay.title'));
  await s.ui.click({ role: 'radio', name: t(lang, 'pay.stp'), exact: false });
  await s.ui.click({ role: 'button', name: t(lang, 'pay.get_reference') });
  await expect.poll(async () => (await seedReferences(target.sandbox)).length).toBe(1);
  const [ref] = await seedReferences(target.sandbox);
  await s.ui.expectText({ testId: 'reference', within: { testId: 'reference-stp' } }, ref.reference);
  await s.ui.expectText({ testId: 'pay-amount', within: { testId: 'reference-stp' } }, money(ref.money));
});

test('the language switch', async ({ s, target }) => {
  await s.load(`${target.root}login?lang=es`);
  await s.ui.expectText({ role: 'heading', level: 1 }, t('es', 'login.title'));
  await s.ui.click({ role: 'button', name: t('es', 'lang.en'), within: { role: 'group', name: t('es', 'lang.label') } });
  await s.ui.expectLang(/^en$/);
  await s.ui.expectText({ role: 'heading', level: 1 }, t('en', 'login.title'));
  await s.ui.expectVisible({ label: t('en', 'login.phone') });
  // The choice is kept: a reload without ?lang= stays in English.
  await s.load(`${target.root}support`);
  await s.ui.expectLang(/^en$/);
  await s.ui.expectText({ role: 'heading', level: 1 }, t('en', 'support.title'));
});

test('the /h5/ build: a deep link, login under /h5/, back to the page', async ({ s, target }) => {
  const acc = await seedAccount(target.h5Sandbox, DEMO.due);
  await s.load(`${target.h5}repay/${acc.order_number}`);
  await s.ui.expectPath((p) => p === '/h5/login', '/h5/login');
  const lang = (await s.engine.evaluate(() => document.documentElement.lang)) as Lang;
  await s.ui.fill({ label: t(lang, 'login.phone') }, acc.username);
  await s.ui.fill({ label: t(lang, 'login.password') }, DEMO_PASSWORD);
  await s.ui.click({ role: 'button', name: t(lang, 'login.submit') });
  await s.ui.expectPath((p) => p === `/h5/repay/${acc.order_number}`, 'back on the repayment page');
  await s.ui.expectText({ testId: 'amount-now' }, money(acc.need_repay));
});

test('proof of payment with a photo', async ({ s, target }) => {
  const lang: Lang = 'es';
  const acc = await seedAccount(target.sandbox, DEMO.due);
  await logIn(s, target.root, lang, acc.username);
  await s.load(`${target.root}proof/${acc.order_number}?lang=${lang}`);
  await s.ui.fill({ label: t(lang, 'proof.utr') }, 'MBAN 0100 2605 2000 1234 5678');
  await s.ui.upload({ label: t(lang, 'proof.image') }, PHOTO);
  await s.ui.expectContains({ role: 'main' }, t(lang, 'photo.attached'));
  await s.ui.click({ role: 'button', name: t(lang, 'proof.submit') });
  await s.ui.expectContains({ role: 'main' }, t(lang, 'proof.next_steps'));
  const state = (await target.sandbox.state()) as unknown as { uploads: Array<{ file_name: string }>; proofs: unknown[] };
  expect(state.uploads.map((u) => u.file_name)).toEqual(['recibo.png']);
  expect(state.proofs).toHaveLength(1);
});
