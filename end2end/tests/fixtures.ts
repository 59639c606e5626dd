/**
 * Shared helpers for the browser tests: the sandbox's control endpoints, the
 * catalogs (so tests assert against `locales/*.json`, never copied strings),
 * logging in through the real login page, and named screenshots.
 */
import { test as base, expect, type APIRequestContext, type Locator, type Page } from '@playwright/test';
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

export { expect };

export type Lang = 'es' | 'en';

/** Every demo account's password (the sandbox's login table). */
export const DEMO_PASSWORD = 'demo1234';

/** Demo usernames by the loan state each one is seeded with. */
export const DEMO = {
  due: '5512345001',
  overdue: '5512345002',
  repaid: '5512345003',
  extended: '5512345004',
  unknownStatus: '5512345005',
  awaitingConfirmation: '5512345006',
} as const;

// ---------------------------------------------------------------- catalogs

const LOCALES_DIR = path.resolve(__dirname, '..', '..', 'locales');
const catalogs = new Map<Lang, Record<string, unknown>>();

function catalog(lang: Lang): Record<string, unknown> {
  let c = catalogs.get(lang);
  if (!c) {
    c = JSON.parse(readFileSync(path.join(LOCALES_DIR, `${lang}.json`), 'utf8')) as Record<string, unknown>;
    catalogs.set(lang, c);
  }
  return c;
}

/** Whether `count` is in a catalog range: `3`, `"2.."`, `"..=-1"`, `"1..5"`, `"1 | 4"`, `"_"`. */
function inRange(range: unknown, count: number): boolean {
  if (typeof range === 'number') return range === count;
  if (typeof range !== 'string') throw new Error(`bad count range ${JSON.stringify(range)}`);
  return range.split('|').some((part) => {
    const r = part.trim();
    if (r === '_' || r === '..') return true;
    const at = r.indexOf('..');
    if (at < 0) return Number(r) === count;
    const start = r.slice(0, at).trim();
    let end = r.slice(at + 2).trim();
    const inclusive = end.startsWith('=');
    if (inclusive) end = end.slice(1).trim();
    if (start !== '' && count < Number(start)) return false;
    if (end === '') return true;
    return inclusive ? count <= Number(end) : count < Number(end);
  });
}

/**
 * The catalog text for a dotted `key` (`login.phone`) in `lang`, with each
 * `{{ name }}` (or `{{ name, formatter }}`) replaced by `vars[name]`. An
 * entry worded by count (a list of `[text, range]`, after an optional type
 * such as `"i64"`) gives the text whose range holds `vars.count`, as the
 * app's catalogs do. Throws on a missing key or variable so a renamed key
 * fails loudly.
 */
export function t(lang: Lang, key: string, vars: Record<string, string | number> = {}): string {
  let node: unknown = catalog(lang);
  for (const part of key.split('.')) {
    if (node === null || typeof node !== 'object' || !(part in node)) {
      throw new Error(`locales/${lang}.json has no key "${key}"`);
    }
    node = (node as Record<string, unknown>)[part];
  }
  if (Array.isArray(node)) {
    if (typeof vars.count !== 'number') throw new Error(`t(${lang}, ${key}): needs a numeric "count"`);
    const count = vars.count;
    const pairs = node.filter((entry): entry is [unknown, unknown] => Array.isArray(entry));
    const hit = pairs.find(([, range]) => inRange(range, count));
    if (!hit) throw new Error(`t(${lang}, ${key}): no range holds ${count}`);
    node = hit[0];
  }
  if (typeof node !== 'string') {
    throw new Error(`locales/${lang}.json key "${key}" is not a string`);
  }
  return node.replace(/\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*(?:,[^}]*)?\}\}/g, (_, name: string) => {
    if (!(name in vars)) throw new Error(`t(${lang}, ${key}): missing variable "${name}"`);
    return String(vars[name]);
  });
}

/** The countdown's text for `days` left (negative: overdue), as the app words it. */
export function countdown(lang: Lang, days: number): string {
  return t(lang, 'repay.countdown', { count: days, overdue: -days });
}

// ---------------------------------------------------------------- sandbox

/**
 * What `GET /__sandbox/state` returns: the fields the tests read, typed once
 * here (the sandbox owns the exact shape; sandbox/README.md).
 */
export type SandboxState = {
  today: string;
  sessions: number;
  accounts: SeedAccount[];
  proofs: Array<Record<string, unknown>>;
  feedback: Array<Record<string, unknown>>;
  contacts: Array<{ username: string; contacts: SentContact[] }>;
  uploads: SandboxUpload[];
  references: SeedReference[];
  faults_fired: Array<{ path: string; kind: string }>;
} & Record<string, unknown>;

/** One reference contact as the sandbox received it. */
export type SentContact = { name: string; phone: string; relate: string };

/** One uploaded file as `/__sandbox/state` lists it. */
export type SandboxUpload = { n: number; path: string; info: string; content_type: string; file_name: string; size: number; username: string };

export type SandboxSettings = {
  /** Lifetime of a repayment reference, in seconds. */
  referenceTtlSeconds?: number;
  /** Whether the API hands out unsafe (non-https / foreign) payment URLs. */
  unsafeUrls?: boolean;
  /** Delay added to every API reply, in milliseconds. */
  delayMs?: number;
  /** Every string a borrower sees replaced by the sandbox's XSS/layout corpus (`GET /__sandbox/hostile`). */
  hostile?: boolean;
  /** What `/Index/languages` answers in `target`: `web` (the default) or `app` (inside the native app). */
  target?: 'web' | 'app';
};

/**
 * What the sandbox's fault switch can do to a call. The first five never
 * reach the API (nothing happens on the server); `truncated`, `drop` and
 * `slow` let the call take effect and then spoil its answer, the case where
 * a write may have arrived.
 */
export const FAULT_KINDS = ['http500', 'http502', 'login-page', 'expired', 'http401', 'drop-before', 'truncated', 'drop', 'slow'] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

/** The test-only control endpoints of one sandbox (they live at its origin root). */
export class Sandbox {
  constructor(
    private readonly request: APIRequestContext,
    readonly origin: string,
  ) {}

  private async post(endpoint: string, form?: Record<string, string>): Promise<void> {
    const res = await this.request.post(`${this.origin}/__sandbox/${endpoint}`, { form });
    if (!res.ok()) throw new Error(`POST /__sandbox/${endpoint}: HTTP ${res.status()} ${await res.text()}`);
  }

  /** Reseeds accounts and drops sessions, uploads and settings (the clock stays as set). */
  reset(): Promise<void> {
    return this.post('reset');
  }

  async state(): Promise<SandboxState> {
    const res = await this.request.get(`${this.origin}/__sandbox/state`);
    if (!res.ok()) throw new Error(`GET /__sandbox/state: HTTP ${res.status()}`);
    return (await res.json()) as SandboxState;
  }

  settings(s: SandboxSettings): Promise<void> {
    const form: Record<string, string> = {};
    if (s.referenceTtlSeconds !== undefined) form.reference_ttl_seconds = String(s.referenceTtlSeconds);
    if (s.unsafeUrls !== undefined) form.unsafe_urls = s.unsafeUrls ? '1' : '0';
    if (s.delayMs !== undefined) form.delay_ms = String(s.delayMs);
    if (s.hostile !== undefined) form.hostile = s.hostile ? '1' : '0';
    if (s.target !== undefined) form.target = s.target;
    return this.post('settings', form);
  }

  /**
   * Arms a fault: the next `times` calls of the API path `path` (as routed,
   * e.g. `/Repay/loanDetail`) fail as `kind` (see FAULT_KINDS). `ms` holds a
   * `slow` reply that long.
   */
  fault(path: string, kind: FaultKind, times = 1, ms?: number): Promise<void> {
    const form: Record<string, string> = { path, kind, times: String(times) };
    if (ms !== undefined) form.ms = String(ms);
    return this.post('fault', form);
  }

  /** Disarms every fault. */
  clearFaults(): Promise<void> {
    return this.post('fault', { clear: '1' });
  }

  /** Sets the sandbox's clock (a `Date` or Unix seconds); `null` returns it to real time. Does not reseed. */
  clock(now: Date | number | null): Promise<void> {
    const secs = now === null ? '' : String(now instanceof Date ? Math.floor(now.getTime() / 1000) : now);
    return this.post('clock', { now: secs });
  }
}

/**
 * This worker's sandbox among `list` (space-separated, one per parallel
 * worker: scripts/test starts them), else `fallback`.
 */
export function perWorker(list: string | undefined, fallback: string | undefined, index: number): string | undefined {
  const urls = (list ?? '').split(/\s+/).filter(Boolean);
  return urls.length > 0 ? urls[index % urls.length] : fallback;
}

/** The sub-path (`/h5/`) sandbox of this worker, if scripts/test started one. */
export function h5Url(): string | undefined {
  return perWorker(process.env.H5_URLS, process.env.H5_URL, test.info().parallelIndex);
}

/**
 * The sub-path build's app root (`…/h5/`) and its sandbox, from `H5_URL`;
 * skips the calling test when `scripts/test` didn't start that sandbox.
 */
export function subPath(request: APIRequestContext): { root: string; sandbox: Sandbox } {
  const h5 = h5Url();
  test.skip(!h5, 'H5_URL not set (scripts/test sets it)');
  const root = appRoot(h5 ?? '');
  return { root, sandbox: new Sandbox(request, new URL(root).origin) };
}

/** Root of the app for a sandbox URL, always ending in `/` so relative paths stay under a sub-path. */
export function appRoot(url: string): string {
  return url.endsWith('/') ? url : `${url}/`;
}

type Fixtures = {
  /** Control endpoints of the sandbox behind the test's baseURL. */
  sandbox: Sandbox;
  /**
   * Content-Security-Policy violations seen on `page` so far. The sandbox
   * serves the app with its build's policy (dist/csp.txt), and every test
   * fails if the app broke it; a test that provokes one on purpose empties
   * this list after checking it.
   */
  cspViolations: string[];
};

/** Records `page`'s CSP violations (the DOM event and Chromium's console report) into `into`. */
export async function watchCsp(page: Page, into: string[]): Promise<void> {
  await page.exposeBinding('__cashgoCspViolation', (_source, text: string) => {
    into.push(text);
  });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      const report = (window as unknown as { __cashgoCspViolation: (t: string) => void }).__cashgoCspViolation;
      report(`${e.effectiveDirective} blocked ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber})`);
    });
  });
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) into.push(message.text());
  });
}

export const test = base.extend<Fixtures>({
  baseURL: async ({ baseURL }, use, testInfo) => {
    await use(perWorker(process.env.BASE_URLS, baseURL, testInfo.parallelIndex));
  },
  sandbox: async ({ request, baseURL }, use) => {
    if (!baseURL) throw new Error('baseURL is not set (playwright.config.ts)');
    await use(new Sandbox(request, new URL(baseURL).origin));
  },
  cspViolations: async ({}, use) => {
    await use([]);
  },
  page: async ({ page, cspViolations }, use) => {
    await watchCsp(page, cspViolations);
    await use(page);
    expect(cspViolations, 'the app broke its Content-Security-Policy').toEqual([]);
  },
});

// ---------------------------------------------------------------- pages

/**
 * Logs in through the real login page (found by its catalog labels) and
 * waits until the app has left it. Paths are relative so a sub-path baseURL
 * (`/h5/`) is honoured.
 */
export async function login(page: Page, username: string, password = DEMO_PASSWORD, lang: Lang = 'es'): Promise<void> {
  await page.goto('login');
  await page.getByLabel(t(lang, 'login.phone'), { exact: true }).fill(username);
  await page.getByLabel(t(lang, 'login.password'), { exact: true }).fill(password);
  await page.getByRole('button', { name: t(lang, 'login.submit'), exact: true }).click();
  await page.waitForURL((url) => !url.pathname.endsWith('/login'));
}

const SCREENS_DIR = path.resolve(__dirname, '..', 'test-results', 'screens');

/** Saves `test-results/screens/<name>.png` at phone size (360×740), kept as a CI artifact. */
export async function shot(page: Page, name: string): Promise<string> {
  const size = page.viewportSize();
  if (!size || size.width !== 360 || size.height !== 740) {
    await page.setViewportSize({ width: 360, height: 740 });
  }
  mkdirSync(SCREENS_DIR, { recursive: true });
  const file = path.join(SCREENS_DIR, `${name}.png`);
  await page.screenshot({ path: file });
  return file;
}

// ---------------------------------------------------------------- expected values

/** Both catalogs, Spanish first. */
export const LANGS: readonly Lang[] = ['es', 'en'];

/** One account as `GET /__sandbox/state` lists it (amounts in cents, days `dd-mm-yyyy`). */
export type SeedAccount = {
  username: string;
  state: string;
  order_number: string;
  bill_id: string;
  status: number;
  confirm: number;
  money: number;
  interest: number;
  repay_interest: number;
  overdue: number;
  repaid: number;
  delay_unpaid: number;
  need_repay: number;
  delay_num: number;
  due_day: string;
  next_due_day: string;
  delay_fee: number;
  next_loan: string;
  next_loan_period: string;
  approval_rate: string;
  /** Older orders, newest first. */
  history: Array<{ order_number: string; bill_id: string; money: number; status: number; due_day: string }>;
};

export type SeedReference = {
  n: number;
  username: string;
  oid: string;
  paytype: number;
  reference: string;
  barcode: string;
  money: number;
  expire: string;
  checkout: string | null;
};

/** The seeded account `username` (throws if the sandbox has none). */
export async function seedAccount(sandbox: Sandbox, username: string): Promise<SeedAccount> {
  const found = (await sandbox.state()).accounts.find((a) => a.username === username);
  if (!found) throw new Error(`sandbox has no account ${username}`);
  return found;
}

/** The payment references the sandbox has issued so far. */
export async function seedReferences(sandbox: Sandbox): Promise<SeedReference[]> {
  return (await sandbox.state()).references;
}

/** "Today" in the sandbox's server zone, `dd-mm-yyyy`. */
export async function serverToday(sandbox: Sandbox): Promise<string> {
  return (await sandbox.state()).today;
}

/**
 * Money as the app writes it for MXN in both languages, from exact cents:
 * `$` + thousands with `,` + two decimals with `.` (823370 → `$8,233.70`).
 */
export function money(cents: number): string {
  if (!Number.isInteger(cents)) throw new Error(`money(${cents}): not whole cents`);
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  const whole = String(Math.floor(abs / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${sign}$${whole}.${String(abs % 100).padStart(2, '0')}`;
}

function dmyToUtc(dmy: string): number {
  const m = /^(\d{2})-(\d{2})-(\d{4})$/.exec(dmy);
  if (!m) throw new Error(`not a dd-mm-yyyy day: ${dmy}`);
  return Date.UTC(Number(m[3]), Number(m[2]) - 1, Number(m[1]));
}

/** A server day (`dd-mm-yyyy`) as the app shows it: Intl on its UTC midnight, pinned to UTC. */
export function dayText(lang: Lang, dmy: string): string {
  return new Intl.DateTimeFormat(lang === 'es' ? 'es-MX' : 'en-US', {
    timeZone: 'UTC',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  }).format(new Date(dmyToUtc(dmy)));
}

/**
 * A server wall-clock time (`yyyy-mm-dd hh:mm:ss`, a reference's `expire`)
 * as the app shows it: its day as every other day, then `, hh:mm`, in the
 * server's own time (never the browser's zone).
 */
export function dateTimeText(lang: Lang, sent: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):\d{2}$/.exec(sent);
  if (!m) throw new Error(`not a yyyy-mm-dd hh:mm:ss time: ${sent}`);
  return `${dayText(lang, `${m[3]}-${m[2]}-${m[1]}`)}, ${m[4]}:${m[5]}`;
}

/** `dd-mm-yyyy` moved by `n` days. */
export function addDays(dmy: string, n: number): string {
  const d = new Date(dmyToUtc(dmy) + n * 86_400_000);
  const p = (x: number) => String(x).padStart(2, '0');
  return `${p(d.getUTCDate())}-${p(d.getUTCMonth() + 1)}-${d.getUTCFullYear()}`;
}

/** Whole days from `from` to `to` (both `dd-mm-yyyy`). */
export function daysBetween(from: string, to: string): number {
  return Math.round((dmyToUtc(to) - dmyToUtc(from)) / 86_400_000);
}

/** A path of the app (relative, so a sub-path baseURL is kept) with `?lang=`. */
export function withLang(pathAndQuery: string, lang: Lang): string {
  return `${pathAndQuery}${pathAndQuery.includes('?') ? '&' : '?'}lang=${lang}`;
}

/** Opens an app path in `lang` (`?lang=` wins over everything and is remembered). */
export async function open(page: Page, pathAndQuery: string, lang: Lang): Promise<void> {
  await page.goto(withLang(pathAndQuery, lang));
  await expectLang(page, lang);
}

/**
 * The page is in `lang` (`<html lang>`), or in one of the languages when
 * given several, checked quickly so that a wrong language fails at once
 * with a clear message instead of a 30 s wait for a label in the other
 * language.
 */
export async function expectLang(page: Page, lang: Lang | readonly Lang[]): Promise<void> {
  const langs: readonly Lang[] = typeof lang === 'string' ? [lang] : lang;
  const expected = new RegExp(`^(${langs.join('|')})$`);
  await expect(page.locator('html'), `the app should be in "${langs.join('" or "')}"`).toHaveAttribute('lang', expected, { timeout: 5_000 });
}

/** Logs in through the login page in `lang`, then opens `path` (if given) in the same language. */
export async function loginTo(page: Page, lang: Lang, username: string, path?: string): Promise<void> {
  await page.goto(withLang('login', lang));
  await expectLang(page, lang);
  await fillLogin(page, lang, username, DEMO_PASSWORD);
  await page.waitForURL((url) => !url.pathname.endsWith('/login'));
  if (path !== undefined) await open(page, path, lang);
}

/** Fills and submits the login form (already on screen) in `lang`. */
export async function fillLogin(page: Page, lang: Lang, username: string, password: string): Promise<void> {
  await page.getByLabel(t(lang, 'login.phone'), { exact: true }).fill(username);
  await page.getByLabel(t(lang, 'login.password'), { exact: true }).fill(password);
  await page.getByRole('button', { name: t(lang, 'login.submit'), exact: true }).click();
}

/** Logs in through the API (the page's context shares the cookie): faster than the form, for tests about other pages. */
export async function signIn(page: Page, sandbox: Sandbox, username: string): Promise<void> {
  const res = await page.request.post(`${sandbox.origin}/Index/ajaxSignIn`, { form: { username, password: DEMO_PASSWORD } });
  expect((await res.json()).status).toBe(200);
}

/**
 * On the login page after the session ended: the "session ended" notice in
 * `lang`, then logging in again as `username` lands back on `path` (a bare
 * app path).
 */
export async function loginAgainAndBack(page: Page, lang: Lang, username: string, path: string): Promise<void> {
  await expect(page).toHaveURL((u) => u.pathname.endsWith('/login') && u.searchParams.get('expired') === '1');
  await expectLang(page, lang);
  await expect(page.getByText(t(lang, 'login.expired_notice'))).toBeVisible();
  await fillLogin(page, lang, username, DEMO_PASSWORD);
  await expect(page).toHaveURL((u) => u.pathname.endsWith(path));
}

/** A 1×1 PNG, for uploads whose content doesn't matter. */
export const PNG_1PX = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

/** An Android WebView's user agent (`; wv)`): the app then takes the fallbacks of a native app's WebView. */
export const ANDROID_WEBVIEW_UA =
  'Mozilla/5.0 (Linux; Android 12; SM-A125M Build/SP1A.210812.016; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/96.0.4664.104 Mobile Safari/537.36';

/** The value (`<dd>`) of one labelled figure found by its test id, checking its label (`<dt>`) too. */
export async function expectFigure(page: Page, testId: string, label: string, value: string): Promise<void> {
  const fig = page.getByTestId(testId);
  await expect(fig.getByRole('term')).toHaveText(label);
  await expect(fig.getByRole('definition')).toHaveText(value);
}

/** A decimal rate as sent (`"0.043"`) in percent, exactly (`"4.3"`): the point moved two places. */
export function percent(rate: string): string {
  const m = /^(\d+)(?:\.(\d+))?$/.exec(rate.trim());
  if (!m) throw new Error(`not a plain decimal: ${rate}`);
  const frac = (m[2] ?? '').padEnd(2, '0');
  const int = (m[1] + frac.slice(0, 2)).replace(/^0+(?=\d)/, '');
  const rest = frac.slice(2).replace(/0+$/, '');
  return rest ? `${int}.${rest}` : int;
}

/** A decimal amount as sent (`"5000"`, `"1565.2"`) in whole cents, exactly. */
export function cents(amount: string | number): number {
  const m = /^(\d+)(?:\.(\d{1,2}))?$/.exec(String(amount).trim());
  if (!m) throw new Error(`not an amount: ${amount}`);
  return Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
}

/** Escapes `s` for use inside a RegExp. */
export function reEscape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The status badge (`data-testid="status"`) inside `scope` says `status.<key>`
 * in words; its decorative symbol (aria-hidden, not a letter) may precede it.
 */
export async function expectStatus(scope: Page | Locator, lang: Lang, key: string): Promise<void> {
  await expect(scope.getByTestId('status')).toHaveText(new RegExp(`^[^\\p{L}]*${reEscape(t(lang, `status.${key}`))}$`, 'u'));
}

/**
 * The borrower is on `path` (a bare app path) and logged in; the session
 * ends (cookies cleared) and `act` runs (a reload, a tap): the app must go to
 * login with the "session ended" notice and, after logging in, come back to
 * `path`. `lang` is the language chosen earlier (remembered by the app).
 */
export async function expectSessionRoundTrip(
  page: Page,
  lang: Lang,
  username: string,
  path: string,
  act: () => Promise<void>,
): Promise<void> {
  await page.context().clearCookies();
  await act();
  await loginAgainAndBack(page, lang, username, path);
}
