// Time to amount: how long a signed-in borrower waits, on a weak phone, from
// opening /repay/<order> until the amount due is on the page, for the app and
// for its floor (end2end/bench/floor.html: one HTML file and one API call, the
// least any page can do). Figures only: nothing here asserts a timing. It
// fails (exit 1) only when the amount never appears within 60 s.
//
// This supersedes the former first-paint script (bench/first-paint.mjs): the
// first contentful paint is read in the same runs and printed with them.
//
//   node bench/time-to-amount.mjs http://127.0.0.1:8787/ [--runs 5]
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
// The clock starts at navigation (performance.now()'s time origin) and stops
// when [data-testid="amount-now"] first has non-empty text (a MutationObserver
// installed before any page script). Bytes: the sum of CDP
// Network.loadingFinished encodedDataLength (headers included) over the
// measured load, until the network is quiet after the amount appears.
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
  console.error(`time-to-amount: ${message}\nusage: node bench/time-to-amount.mjs BASE_URL [--runs N]`);
  process.exit(2);
}

const args = process.argv.slice(2);
let baseArg;
let runs = Number(process.env.BENCH_RUNS || 5);
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--runs') runs = Number(args[++i]);
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
// first in the DOM with text.
function watchAmount() {
  const done = () => window.__amountAt !== undefined;
  const check = () => {
    if (done()) return true;
    const el = document.querySelector('[data-testid="amount-now"]');
    if (el && el.textContent.trim() !== '') {
      window.__amountAt = performance.now();
      window.__amountText = el.textContent.trim();
      return true;
    }
    return false;
  };
  if (check()) return;
  const observer = new MutationObserver(() => {
    if (check()) observer.disconnect();
  });
  observer.observe(document, { subtree: true, childList: true, characterData: true });
}

class AmountTimeout extends Error {}

async function newContext(browser, session) {
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

// Loads url, waits for the amount; returns when it appeared (ms after the
// navigation started), what it said, and the first contentful paint.
async function load(page, url) {
  await page.goto(url, { waitUntil: 'commit', timeout: TIMEOUT_MS });
  try {
    await page.waitForFunction(() => window.__amountAt !== undefined, null, {
      timeout: TIMEOUT_MS,
      polling: 200,
    });
  } catch {
    const where = page.url();
    const text = (await page.locator('body').innerText().catch(() => '')).slice(0, 300);
    throw new AmountTimeout(
      `the amount never appeared within ${TIMEOUT_MS / 1000} s at ${url} (now at ${where}; page text: ${JSON.stringify(text)})`,
    );
  }
  return page.evaluate(async () => {
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
    return { ms: window.__amountAt, text: window.__amountText, fcp };
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

async function measured(page, net, url) {
  net.counting = true;
  net.bytes = 0;
  net.inFlight.clear();
  const t = await load(page, url);
  await quiet(net);
  net.counting = false;
  return { ...t, bytes: net.bytes };
}

async function cold(browser, session, url) {
  const { context, page, cdp, net } = await newContext(browser, session);
  try {
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    await throttle(cdp);
    return await measured(page, net, url);
  } finally {
    await context.close();
  }
}

async function repeat(browser, session, url) {
  const { context, page, cdp, net } = await newContext(browser, session);
  try {
    await load(page, url);
    await quiet(net);
    await page.goto('about:blank');
    await throttle(cdp);
    return await measured(page, net, url);
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
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  args: JSON.parse(readFileSync(new URL('../chromium-args.json', import.meta.url), 'utf8')),
});

console.log(
  `  ${browser.version()} headless, 360x740, es-MX; Slow 4G (562.5 ms latency, 1.44 Mbit/s down, 675 kbit/s up), ` +
    `CPU ${CPU_SLOWDOWN}x slower; median of ${runs} alternating app/floor runs; 1 KB = 1000 bytes on the wire`,
);
console.log(`  app   ${pages.app}\n  floor ${pages.floor}`);

const cases = { cold, 'repeat visit': repeat };
const results = {};
let failed = false;
try {
  for (const [name, run] of Object.entries(cases)) {
    const r = (results[name] = { app: [], floor: [] });
    for (let i = 0; i < runs; i++) {
      for (const which of ['app', 'floor']) r[which].push(await run(browser, session, pages[which]));
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

console.log(`  ${'case'.padEnd(13)} ${'app ms'.padStart(7)} ${'floor ms'.padStart(9)} ${'app/floor'.padStart(9)} ${'app KB'.padStart(8)} ${'floor KB'.padStart(9)}`);
for (const [name, r] of Object.entries(results)) {
  const app = median(r.app.map((x) => x.ms));
  const floor = median(r.floor.map((x) => x.ms));
  console.log(
    `  ${name.padEnd(13)} ${ms(app).padStart(7)} ${ms(floor).padStart(9)} ${`${(app / floor).toFixed(1)}x`.padStart(9)} ` +
      `${kb(median(r.app.map((x) => x.bytes))).padStart(8)} ${kb(median(r.floor.map((x) => x.bytes))).padStart(9)}`,
  );
}
for (const [name, r] of Object.entries(results)) {
  for (const which of ['app', 'floor']) {
    const xs = r[which];
    console.log(
      `  ${`${name}, ${which}:`.padEnd(20)} amount ${xs.map((x) => ms(x.ms)).join(' ')} ms; ` +
        `FCP ${xs.map((x) => ms(x.fcp)).join(' ')} ms; ${xs.map((x) => kb(x.bytes)).join(' ')} KB`,
    );
  }
}
const texts = new Set(Object.values(results).flatMap((r) => [...r.app, ...r.floor].map((x) => x.text)));
const expected = new Intl.NumberFormat('es-MX', { style: 'currency', currency: 'MXN' }).format(session.needRepay / 100);
console.log(`  amount shown: ${[...texts].map((t) => JSON.stringify(t)).join(', ')} (sandbox: ${expected})`);
