// Time to amount: how long a signed-in borrower waits, on a weak phone, from
// opening /repay/<order> until the amount due is on the page, for the app and
// for its floor (end2end/bench/floor.html: one HTML file and one API call, the
// least any page can do). Figures only: nothing here asserts a timing. It
// fails (exit 1) only when the amount never appears within 60 s.
//
//   node bench/time-to-amount.mjs http://127.0.0.1:8787/ [--runs 5] [--unpainted]
//
// BASE is where the app lives (the sandbox's banner URL, e.g. …/ or …/h5/);
// API paths and the floor page are at its origin's root. Env: CHROMIUM_PATH
// (default /usr/bin/chromium), BENCH_RUNS (default 5).
//
// Conditions: headless Chromium at 360x740, es-MX, America/Mexico_City,
// DevTools' "Slow 4G" network preset over CDP (562.5 ms latency, 1.44 Mbit/s
// down, 675 kbit/s up) and a 4x CPU slowdown. Two cases, each the median of
// N alternating app/floor runs:
//   cold          a fresh browser context per run, HTTP cache disabled;
//   repeat visit  a fresh context loads the page once (unthrottled), goes to
//                 about:blank, and the second load of the same URL is measured
//                 with caches on (HTTP cache and compiled-wasm cache warm).
// The clock starts at navigation (performance.now()'s time origin). What is
// timed, by a MutationObserver installed before any page script:
//   amount        [data-testid="amount-now"] first has text: the first paint
//                 (paint/, issue 14) or, without one, the app's own page;
//   interactive   the app's own page: its amount (inside the app's <main
//                 id="main">, which the first paint's copy doesn't have) and
//                 its "pay" link are in the DOM. The app draws both in one
//                 task, once its router handles links: the pay button works.
//                 The floor has no such page: its ratio is against the floor's
//                 amount.
//   CLS           the layout-shift entries (PerformanceObserver, none after
//                 input) of the load, up to the interactive page and two
//                 frames after it: what the swap from paint to app moved.
// --unpainted adds a third page, the app with the first paint's module
// refused (the app alone, as before issue 14), to see what the painter costs
// or gives the app's own page.
// Bytes: the sum of CDP Network.loadingFinished encodedDataLength (headers
// included) over the measured load, until the network is quiet after the page
// is complete.
import { chromium } from '@playwright/test';
import { readFileSync } from 'node:fs';

const USER = '5512345001';
const PASSWORD = 'demo1234';
const TIMEOUT_MS = 60_000;

// DevTools' "Slow 4G" preset, exactly.
const SLOW_4G = {
  offline: false,
  latency: 562.5,
  downloadThroughput: 180_000, // 1.44 Mbit/s in bytes/s
  uploadThroughput: 84_375, // 675 kbit/s in bytes/s
};
const CPU_SLOWDOWN = 4;

function usage(message) {
  console.error(`time-to-amount: ${message}\nusage: node bench/time-to-amount.mjs BASE_URL [--runs N] [--unpainted]`);
  process.exit(2);
}

const args = process.argv.slice(2);
let baseArg;
let runs = Number(process.env.BENCH_RUNS || 5);
let unpainted = false;
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--runs') runs = Number(args[++i]);
  else if (args[i] === '--unpainted') unpainted = true;
  else if (args[i].startsWith('--runs=')) runs = Number(args[i].slice(7));
  else if (!baseArg) baseArg = args[i];
  else usage(`unexpected argument ${args[i]}`);
}
if (!baseArg) usage('BASE_URL is required');
if (!Number.isInteger(runs) || runs < 1) usage(`--runs must be a positive integer, not ${runs}`);
const base = new URL(baseArg.endsWith('/') ? baseArg : `${baseArg}/`);
const origin = base.origin;

// ------------------------------------------------------------ session, order

async function signIn() {
  const res = await fetch(new URL('/Index/ajaxSignIn', origin), {
    method: 'POST',
    headers: { 'X-Requested-With': 'XMLHttpRequest', Accept: 'application/json' },
    body: new URLSearchParams({ username: USER, password: PASSWORD }),
  });
  const reply = await res.json();
  if (reply.status !== 200) throw new Error(`sign-in refused: ${JSON.stringify(reply)}`);
  const cookie = res.headers
    .getSetCookie()
    .map((c) => /^PHPSESSID=([^;]*)/.exec(c)?.[1])
    .find(Boolean);
  if (!cookie) throw new Error('sign-in set no PHPSESSID cookie');
  const state = await (await fetch(new URL('/__sandbox/state', origin))).json();
  const account = state.accounts.find((a) => a.username === USER);
  if (!account) throw new Error(`${USER} is not in /__sandbox/state`);
  return { cookie, oid: account.order_number, needRepay: account.need_repay };
}

// ------------------------------------------------------------ one load

// Runs in every document before its own scripts: records when the amount is
// first in the DOM with text (painted or the app's), when the app's own page
// is (its amount and pay link inside <main id="main">), and the layout shifts.
function watchAmount() {
  window.__cls = 0;
  window.__shifts = 0;
  try {
    window.__shiftSources = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        if (entry.hadRecentInput) continue;
        window.__cls += entry.value;
        window.__shifts += 1;
        for (const source of entry.sources ?? []) {
          const n = source.node;
          const name = n instanceof Element ? `${n.tagName.toLowerCase()}${n.id ? `#${n.id}` : ''}${n.className ? `.${String(n.className).split(' ').join('.')}` : ''}` : String(n?.nodeName);
          window.__shiftSources.push(`${name} ${JSON.stringify(source.previousRect)}->${JSON.stringify(source.currentRect)} @${Math.round(entry.startTime)}`);
        }
      }
    }).observe({ type: 'layout-shift', buffered: true });
  } catch {
    window.__cls = NaN;
  }
  const text = (el) => (el ? el.textContent.trim() : '');
  const check = () => {
    if (window.__amountAt === undefined) {
      const el = document.querySelector('[data-testid="amount-now"]');
      if (text(el) !== '') {
        window.__amountAt = performance.now();
        window.__amountText = text(el);
        window.__amountPainted = el.closest('#paint') !== null;
      }
    }
    if (window.__interactiveAt === undefined) {
      const amount = document.querySelector('main#main [data-testid="amount-now"]');
      const pay = document.querySelector('main#main a[href*="/pay/"]');
      if (text(amount) !== '' && pay) {
        window.__interactiveAt = performance.now();
        window.__interactiveText = text(amount);
      }
    }
    return window.__amountAt !== undefined && window.__interactiveAt !== undefined;
  };
  if (check()) return;
  const observer = new MutationObserver(() => {
    if (check()) observer.disconnect();
  });
  observer.observe(document, { subtree: true, childList: true, characterData: true });
}

class AmountTimeout extends Error {}

async function newContext(browser, session, which) {
  const context = await browser.newContext({
    viewport: { width: 360, height: 740 },
    locale: 'es-MX',
    timezoneId: 'America/Mexico_City',
  });
  await context.addCookies([{ name: 'PHPSESSID', value: session.cookie, url: origin }]);
  await context.addInitScript(watchAmount);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  // The app alone: its first-paint module never arrives (index.html's script
  // then paints nothing). Blocked by CDP, not a Playwright route, which would
  // turn the HTTP cache off.
  if (which === 'unpainted') await cdp.send('Network.setBlockedURLs', { urls: ['*/cashgo-paint-*.wasm'] });
  // Bytes and in-flight requests of whatever load is being counted.
  const net = { counting: false, bytes: 0, inFlight: new Set(), lastEvent: 0 };
  const touch = () => (net.lastEvent = Date.now());
  cdp.on('Network.requestWillBeSent', (e) => {
    if (net.counting) net.inFlight.add(e.requestId);
    touch();
  });
  cdp.on('Network.loadingFinished', (e) => {
    if (net.counting && net.inFlight.delete(e.requestId)) net.bytes += e.encodedDataLength;
    touch();
  });
  cdp.on('Network.loadingFailed', (e) => {
    net.inFlight.delete(e.requestId);
    touch();
  });
  return { context, page, cdp, net };
}

async function throttle(cdp) {
  await cdp.send('Network.emulateNetworkConditions', SLOW_4G);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
}

// Loads url, waits for the amount (and, for the app, its interactive page);
// returns when each appeared (ms after the navigation started), what they
// said, the layout shift, and the first contentful paint.
async function load(page, url, which) {
  await page.goto(url, { waitUntil: 'commit', timeout: TIMEOUT_MS });
  const app = which !== 'floor';
  try {
    await page.waitForFunction(
      (app) => window.__amountAt !== undefined && (!app || window.__interactiveAt !== undefined),
      app,
      { timeout: TIMEOUT_MS, polling: 200 },
    );
  } catch {
    const where = page.url();
    const text = (await page.locator('body').innerText().catch(() => '')).slice(0, 300);
    throw new AmountTimeout(
      `the amount${app ? ' or the app\'s page' : ''} never appeared within ${TIMEOUT_MS / 1000} s at ${url} (now at ${where}; page text: ${JSON.stringify(text)})`,
    );
  }
  return page.evaluate(async () => {
    // Layout shifts are reported once their frame is rendered: two frames on.
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    // Paint entries are queued once the frame that painted is presented, which
    // under CPU throttling can be well after the DOM change: wait up to 5 s.
    const fcp = await new Promise((resolve) => {
      const entry = () => performance.getEntriesByName('first-contentful-paint')[0];
      if (entry()) return resolve(entry().startTime);
      const observer = new PerformanceObserver(() => {
        if (entry()) {
          observer.disconnect();
          resolve(entry().startTime);
        }
      });
      observer.observe({ type: 'paint', buffered: true });
      setTimeout(() => {
        observer.disconnect();
        resolve(entry()?.startTime ?? NaN);
      }, 5000);
    });
    return {
      ms: window.__amountAt,
      text: window.__amountText,
      painted: window.__amountPainted,
      interactive: window.__interactiveAt ?? NaN,
      interactiveText: window.__interactiveText,
      cls: window.__cls,
      shifts: window.__shifts,
      shiftSources: window.__shiftSources,
      fcp,
    };
  });
}

// Waits until no counted request is in flight and the network has been quiet
// for a moment (what the load fetched after the amount counts too).
async function quiet(net) {
  const until = Date.now() + 15_000;
  while (Date.now() < until && (net.inFlight.size > 0 || Date.now() - net.lastEvent < 500)) {
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function measured(page, net, url, which) {
  net.counting = true;
  net.bytes = 0;
  net.inFlight.clear();
  const t = await load(page, url, which);
  await quiet(net);
  net.counting = false;
  return { ...t, bytes: net.bytes };
}

async function cold(browser, session, url, which) {
  const { context, page, cdp, net } = await newContext(browser, session, which);
  try {
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    await throttle(cdp);
    return await measured(page, net, url, which);
  } finally {
    await context.close();
  }
}

async function repeat(browser, session, url, which) {
  const { context, page, cdp, net } = await newContext(browser, session, which);
  try {
    await load(page, url, which);
    await quiet(net);
    await page.goto('about:blank');
    await throttle(cdp);
    return await measured(page, net, url, which);
  } finally {
    await context.close();
  }
}

// ------------------------------------------------------------ report

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const ms = (x) => (Number.isFinite(x) ? x.toFixed(0) : '-');
const kb = (x) => (x / 1000).toFixed(1);

const session = await signIn();
const pages = {
  app: new URL(`repay/${session.oid}`, base).href,
  floor: new URL(`/__sandbox/floor/${session.oid}`, origin).href,
};
if (unpainted) pages.unpainted = pages.app;
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  args: JSON.parse(readFileSync(new URL('../chromium-args.json', import.meta.url), 'utf8')),
});

console.log(
  `  ${browser.version()} headless, 360x740, es-MX; Slow 4G (562.5 ms latency, 1.44 Mbit/s down, 675 kbit/s up), ` +
    `CPU ${CPU_SLOWDOWN}x slower; median of ${runs} alternating ${Object.keys(pages).join('/')} runs; 1 KB = 1000 bytes on the wire`,
);
console.log(`  app   ${pages.app}\n  floor ${pages.floor}`);

const cases = { cold, 'repeat visit': repeat };
const results = {};
let failed = false;
try {
  for (const [name, run] of Object.entries(cases)) {
    const r = (results[name] = Object.fromEntries(Object.keys(pages).map((p) => [p, []])));
    for (let i = 0; i < runs; i++) {
      for (const which of Object.keys(pages)) r[which].push(await run(browser, session, pages[which], which));
    }
  }
} catch (e) {
  if (!(e instanceof AmountTimeout)) throw e;
  console.error(`time-to-amount: FAILED: ${e.message}`);
  failed = true;
} finally {
  await browser.close();
}
if (failed) process.exit(1);

const ratio = (x, floor) => (Number.isFinite(x) ? `${(x / floor).toFixed(2)}x` : '-');
const cls = (xs) => Math.max(...xs.map((x) => x.cls));
console.log(
  `  ${'case'.padEnd(13)} ${'page'.padEnd(9)} ${'amount ms'.padStart(9)} ${'/floor'.padStart(7)} ${'painted'.padStart(7)} ` +
    `${'interactive ms'.padStart(14)} ${'/floor'.padStart(7)} ${'CLS max'.padStart(7)} ${'KB'.padStart(7)}`,
);
for (const [name, r] of Object.entries(results)) {
  const floor = median(r.floor.map((x) => x.ms));
  for (const [which, xs] of Object.entries(r)) {
    const amount = median(xs.map((x) => x.ms));
    const interactive = which === 'floor' ? NaN : median(xs.map((x) => x.interactive));
    console.log(
      `  ${name.padEnd(13)} ${which.padEnd(9)} ${ms(amount).padStart(9)} ${ratio(amount, floor).padStart(7)} ` +
        `${`${xs.filter((x) => x.painted).length}/${xs.length}`.padStart(7)} ` +
        `${ms(interactive).padStart(14)} ${ratio(interactive, floor).padStart(7)} ` +
        `${(which === 'floor' ? '-' : cls(xs).toFixed(4)).padStart(7)} ${kb(median(xs.map((x) => x.bytes))).padStart(7)}`,
    );
  }
}
for (const [name, r] of Object.entries(results)) {
  for (const [which, xs] of Object.entries(r)) {
    console.log(
      `  ${`${name}, ${which}:`.padEnd(24)} amount ${xs.map((x) => ms(x.ms)).join(' ')} ms; ` +
        (which === 'floor' ? '' : `interactive ${xs.map((x) => ms(x.interactive)).join(' ')} ms; `) +
        `FCP ${xs.map((x) => ms(x.fcp)).join(' ')} ms; ${xs.map((x) => kb(x.bytes)).join(' ')} KB`,
    );
  }
}
for (const [name, r] of Object.entries(results)) {
  for (const [which, xs] of Object.entries(r)) {
    for (const x of xs.filter((x) => x.cls > 0)) {
      console.log(`  layout shift, ${name}, ${which}: ${x.cls.toFixed(4)}: ${x.shiftSources.join('; ')}`);
    }
  }
}
const all = Object.values(results).flatMap((r) => Object.values(r).flat());
const texts = new Set(all.flatMap((x) => [x.text, x.interactiveText]).filter(Boolean));
const expected = new Intl.NumberFormat('es-MX', { style: 'currency', currency: 'MXN' }).format(session.needRepay / 100);
console.log(`  amount shown (painted and app): ${[...texts].map((t) => JSON.stringify(t)).join(', ')} (sandbox: ${expected})`);
