/**
 * Shared helpers for the browser tests: the sandbox's control endpoints, the
 * catalogs (so tests assert against `locales/*.json`, never copied strings),
 * logging in through the real login page, and named screenshots.
 */
import { test as base, expect, type APIRequestContext, type Page } from '@playwright/test';
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

/**
 * The catalog text for a dotted `key` (`login.phone`) in `lang`, with each
 * `{{ name }}` (or `{{ name, formatter }}`) replaced by `vars[name]`.
 * Throws on a missing key or variable so a renamed key fails loudly.
 */
export function t(lang: Lang, key: string, vars: Record<string, string | number> = {}): string {
  let node: unknown = catalog(lang);
  for (const part of key.split('.')) {
    if (node === null || typeof node !== 'object' || !(part in node)) {
      throw new Error(`locales/${lang}.json has no key "${key}"`);
    }
    node = (node as Record<string, unknown>)[part];
  }
  if (typeof node !== 'string') {
    throw new Error(`locales/${lang}.json key "${key}" is not a string`);
  }
  return node.replace(/\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*(?:,[^}]*)?\}\}/g, (_, name: string) => {
    if (!(name in vars)) throw new Error(`t(${lang}, ${key}): missing variable "${name}"`);
    return String(vars[name]);
  });
}

// ---------------------------------------------------------------- sandbox

/** What `GET /__sandbox/state` returns; the sandbox owns the exact shape. */
export type SandboxState = { accounts: Array<Record<string, unknown>> } & Record<string, unknown>;

export type SandboxSettings = {
  /** Lifetime of a repayment reference, in seconds. */
  referenceTtlSeconds?: number;
  /** Whether the API hands out unsafe (non-https / foreign) payment URLs. */
  unsafeUrls?: boolean;
  /** Delay added to every API reply, in milliseconds. */
  delayMs?: number;
};

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
    return this.post('settings', form);
  }

  /** Sets the sandbox's clock (a `Date` or Unix seconds); `null` returns it to real time. Does not reseed. */
  clock(now: Date | number | null): Promise<void> {
    const secs = now === null ? '' : String(now instanceof Date ? Math.floor(now.getTime() / 1000) : now);
    return this.post('clock', { now: secs });
  }
}

/** Root of the app for a sandbox URL, always ending in `/` so relative paths stay under a sub-path. */
export function appRoot(url: string): string {
  return url.endsWith('/') ? url : `${url}/`;
}

type Fixtures = {
  /** Control endpoints of the sandbox behind the test's baseURL. */
  sandbox: Sandbox;
};

export const test = base.extend<Fixtures>({
  sandbox: async ({ request, baseURL }, use) => {
    if (!baseURL) throw new Error('baseURL is not set (playwright.config.ts)');
    await use(new Sandbox(request, new URL(baseURL).origin));
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
