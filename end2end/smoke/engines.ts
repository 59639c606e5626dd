/**
 * The two engines the smoke suite drives, each through its own driver, behind
 * one small interface (Playwright is only the test runner here; its own
 * browsers are never used):
 *
 * - WebKit: Debian's WebKitWebDriver (classic WebDriver over HTTP, a few
 *   requests of our own below) driving MiniBrowser under Xvfb;
 * - Firefox: Debian's Firefox ESR over WebDriver BiDi through puppeteer-core,
 *   with no geckodriver (puppeteer-core never downloads a browser).
 *
 * Neither gets the app's page before its first byte (WebKitWebDriver has no
 * preload scripts), so CSP violations come back through the server
 * (`/__sandbox/csp-reports`, see smoke.spec.ts), and page errors from a
 * listener put in after each load (Firefox: puppeteer's `pageerror` too).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

export type EngineName = 'webkit' | 'firefox';

export interface Engine {
  readonly name: EngineName;
  /** Browser and engine version, for the report. */
  readonly version: string;
  /** Loads `url` (a full page load) and waits for its `load` event. */
  goto(url: string): Promise<void>;
  reload(): Promise<void>;
  url(): Promise<string>;
  /** Runs `fn` in the page (serialised: it must be self-contained) and returns its JSON result. */
  evaluate<A extends unknown[], T>(fn: (...args: A) => T | Promise<T>, ...args: A): Promise<T>;
  /** A real click on the element `css` finds. */
  click(css: string): Promise<void>;
  /** Types `text` into the (empty) field `css` finds, key by key. */
  type(css: string, text: string): Promise<void>;
  /** Chooses `file` (a path) in the file input `css` finds. */
  upload(css: string, file: string): Promise<void>;
  /** Errors thrown out of the page since the last call (Firefox; WebKit: none, see the listener). */
  takeDriverErrors(): string[];
  /** Forgets cookies, storage and the page: the next test starts as a new visitor. */
  reset(): Promise<void>;
  close(): Promise<void>;
}

export const VIEWPORT = { width: 360, height: 740 };
const TIME_ZONE = 'America/Mexico_City';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      srv.close(() => (typeof addr === 'object' && addr ? resolve(addr.port) : reject(new Error('no port'))));
    });
    srv.on('error', reject);
  });
}

function stop(child: ChildProcess | undefined): void {
  if (child && child.exitCode === null && child.pid) child.kill('SIGTERM');
}

// ------------------------------------------------------------------ WebKit

const MINIBROWSER = process.env.MINIBROWSER_PATH ?? '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';
const WEBKIT_DRIVER = process.env.WEBKIT_DRIVER_PATH ?? '/usr/bin/WebKitWebDriver';

/** An X server of our own (Xvfb picks a free display and says which on fd 3). */
async function startXvfb(): Promise<{ display: string; proc: ChildProcess }> {
  const proc = spawn('Xvfb', ['-displayfd', '3', '-screen', '0', '1280x1024x24', '-nolisten', 'tcp'], {
    stdio: ['ignore', 'ignore', 'pipe', 'pipe'],
  });
  const display = await new Promise<string>((resolve, reject) => {
    let out = '';
    const fd3 = proc.stdio[3] as NodeJS.ReadableStream;
    fd3.on('data', (d) => {
      out += String(d);
      if (out.includes('\n')) resolve(`:${out.trim()}`);
    });
    proc.on('exit', (code) => reject(new Error(`Xvfb exited (${code}) before giving a display`)));
  });
  return { display, proc };
}

/** Waits until `port` accepts connections (the driver is up). */
async function waitForPort(port: number, proc: ChildProcess, what: string): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (proc.exitCode !== null) throw new Error(`${what} exited (${proc.exitCode})`);
    const ok = await new Promise<boolean>((resolve) => {
      const s = net.connect(port, '127.0.0.1', () => {
        s.end();
        resolve(true);
      });
      s.on('error', () => resolve(false));
    });
    if (ok) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`${what} did not listen on ${port}`);
}

class WebKit implements Engine {
  readonly name = 'webkit' as const;
  version = '';
  private session = '';

  private constructor(
    private readonly driver: ChildProcess,
    private readonly xvfb: ChildProcess | undefined,
    private readonly base: string,
  ) {}

  static async launch(): Promise<WebKit> {
    const x = process.env.DISPLAY ? undefined : await startXvfb();
    const port = await freePort();
    const driver = spawn(WEBKIT_DRIVER, [`--port=${port}`], {
      stdio: 'ignore',
      env: { ...process.env, DISPLAY: process.env.DISPLAY ?? x!.display, TZ: TIME_ZONE },
    });
    await waitForPort(port, driver, 'WebKitWebDriver');
    const wk = new WebKit(driver, x?.proc, `http://127.0.0.1:${port}`);
    await wk.newSession();
    return wk;
  }

  private async wd<T = unknown>(method: string, route: string, body?: unknown): Promise<T> {
    const res = await fetch(`${this.base}${route}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const json = (await res.json()) as { value: T & { error?: string; message?: string } };
    if (!res.ok) throw new Error(`WebDriver ${method} ${route}: ${json.value?.error} ${json.value?.message}`);
    return json.value;
  }

  private s(route: string): string {
    return `/session/${this.session}${route}`;
  }

  private async newSession(): Promise<void> {
    const created = await this.wd<{ sessionId: string; capabilities: { browserVersion: string } }>('POST', '/session', {
      capabilities: {
        alwaysMatch: {
          'webkitgtk:browserOptions': { binary: MINIBROWSER, args: ['--automation'] },
        },
      },
    });
    this.session = created.sessionId;
    this.version = `WebKitGTK ${created.capabilities.browserVersion} (MiniBrowser, WebKitWebDriver)`;
    // The smallest window MiniBrowser allows is wider than a phone (its toolbar): ~447 px.
    await this.wd('POST', this.s('/window/rect'), VIEWPORT);
  }

  async goto(url: string): Promise<void> {
    await this.wd('POST', this.s('/url'), { url });
  }

  async reload(): Promise<void> {
    await this.wd('POST', this.s('/refresh'), {});
  }

  async url(): Promise<string> {
    return this.wd<string>('GET', this.s('/url'));
  }

  async evaluate<A extends unknown[], T>(fn: (...args: A) => T | Promise<T>, ...args: A): Promise<T> {
    const script = `const done = arguments[arguments.length - 1];
      Promise.resolve().then(() => (${fn.toString()}).apply(null, Array.prototype.slice.call(arguments, 0, -1)))
        .then((v) => done({ ok: v === undefined ? null : v }), (e) => done({ err: String((e && e.stack) || e) }));`;
    const out = await this.wd<{ ok?: T; err?: string }>('POST', this.s('/execute/async'), { script, args });
    if (out.err !== undefined) throw new Error(`in the page: ${out.err}`);
    return out.ok as T;
  }

  private async element(css: string): Promise<string> {
    const found = await this.wd<Record<string, string>>('POST', this.s('/element'), { using: 'css selector', value: css });
    return Object.values(found)[0];
  }

  async click(css: string): Promise<void> {
    await this.wd('POST', this.s(`/element/${await this.element(css)}/click`), {});
  }

  async type(css: string, text: string): Promise<void> {
    await this.wd('POST', this.s(`/element/${await this.element(css)}/value`), { text });
  }

  async upload(css: string, file: string): Promise<void> {
    await this.wd('POST', this.s(`/element/${await this.element(css)}/value`), { text: file });
  }

  takeDriverErrors(): string[] {
    return [];
  }

  async reset(): Promise<void> {
    // One MiniBrowser for the worker (a new one costs ~2.5 s): the next
    // test starts without cookies, storage or a page, the HTTP cache warm.
    // Cookies ignore ports: deleting them here clears every sandbox's.
    await this.wd('DELETE', this.s('/cookie')).catch(() => undefined);
    await this.evaluate(() => {
      localStorage.clear();
      sessionStorage.clear();
    }).catch(() => undefined);
    await this.goto('about:blank');
  }

  async close(): Promise<void> {
    await this.wd('DELETE', this.s('')).catch(() => undefined);
    stop(this.driver);
    stop(this.xvfb);
  }
}

// ------------------------------------------------------------------ Firefox

const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

type PBrowser = import('puppeteer-core').Browser;
type PContext = import('puppeteer-core').BrowserContext;
type PPage = import('puppeteer-core').Page;

class Firefox implements Engine {
  readonly name = 'firefox' as const;
  version = '';
  private context!: PContext;
  private page!: PPage;
  private errors: string[] = [];

  private constructor(
    private readonly browser: PBrowser,
    private readonly profile: string,
  ) {}

  static async launch(): Promise<Firefox> {
    const puppeteer = (await import('puppeteer-core')).default;
    const profile = mkdtempSync(path.join(os.tmpdir(), 'cashgo-firefox-'));
    const browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath: FIREFOX,
      headless: true,
      userDataDir: profile,
      env: { ...process.env, TZ: TIME_ZONE },
      extraPrefsFirefox: {
        'intl.accept_languages': 'es-MX, es',
        // A machine that reaches only the package registries: nothing to phone home to.
        'app.update.enabled': false,
        'browser.safebrowsing.malware.enabled': false,
        'browser.safebrowsing.phishing.enabled': false,
        'network.captive-portal-service.enabled': false,
        'network.connectivity-service.enabled': false,
      },
    });
    const ff = new Firefox(browser, profile);
    ff.version = `Firefox ${(await browser.version()).replace(/^firefox\//i, '')} (WebDriver BiDi, puppeteer-core)`;
    await ff.fresh();
    return ff;
  }

  private async fresh(): Promise<void> {
    this.context = await this.browser.createBrowserContext();
    this.page = await this.context.newPage();
    await this.page.setViewport(VIEWPORT);
    this.page.on('pageerror', (e) => this.errors.push(String((e as Error)?.stack ?? e)));
  }

  async goto(url: string): Promise<void> {
    await this.page.goto(url, { waitUntil: 'load' });
  }

  async reload(): Promise<void> {
    await this.page.reload({ waitUntil: 'load' });
  }

  async url(): Promise<string> {
    return this.page.url();
  }

  async evaluate<A extends unknown[], T>(fn: (...args: A) => T | Promise<T>, ...args: A): Promise<T> {
    return (await this.page.evaluate(fn as never, ...(args as never[]))) as T;
  }

  async click(css: string): Promise<void> {
    await this.page.click(css);
  }

  async type(css: string, text: string): Promise<void> {
    await this.page.type(css, text);
  }

  async upload(css: string, file: string): Promise<void> {
    const input = await this.page.$(css);
    if (!input) throw new Error(`no ${css}`);
    await (input as import('puppeteer-core').ElementHandle<HTMLInputElement>).uploadFile(file);
  }

  takeDriverErrors(): string[] {
    return this.errors.splice(0);
  }

  async reset(): Promise<void> {
    await this.context.close();
    this.errors = [];
    await this.fresh();
  }

  async close(): Promise<void> {
    await this.browser.close().catch(() => undefined);
    rmSync(this.profile, { recursive: true, force: true });
  }
}

export async function launch(name: EngineName): Promise<Engine> {
  return name === 'webkit' ? WebKit.launch() : Firefox.launch();
}
