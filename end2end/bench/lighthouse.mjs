// Lighthouse's mobile performance figures for the app's `/` and
// /repay/<order> of the demo account 5512345001, signed in through the
// session cookie, and for `/login` signed out. Figures only.
// Lighthouse's defaults: Moto G Power-sized screen, simulated slow 4G
// (150 ms RTT, 1.6 Mbit/s) and 4x CPU slowdown (Lantern), so its numbers are
// not comparable with time-to-amount.mjs's (DevTools' Slow 4G, applied).
//
//   LIGHTHOUSE_BIN=…/lighthouse node bench/lighthouse.mjs http://127.0.0.1:8787/
//
// scripts/bench --lighthouse installs Lighthouse 12.2.3 (the last to run on
// Node 20) into .tools/lighthouse and runs this.
import { readFileSync } from 'node:fs';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const base = new URL(process.argv[2] ?? '');
const bin = process.env.LIGHTHOUSE_BIN;
if (!bin) {
  console.error('lighthouse: set LIGHTHOUSE_BIN');
  process.exit(2);
}

const res = await fetch(new URL('/Index/ajaxSignIn', base.origin), {
  method: 'POST',
  headers: { 'X-Requested-With': 'XMLHttpRequest', Accept: 'application/json' },
  body: new URLSearchParams({ username: '5512345001', password: 'demo1234' }),
});
const cookie = res.headers.getSetCookie().map((c) => c.split(';')[0]).find((c) => c.startsWith('PHPSESSID='));
if ((await res.json()).status !== 200 || !cookie) throw new Error('sign-in failed');
const state = await (await fetch(new URL('/__sandbox/state', base.origin))).json();
const oid = state.accounts.find((a) => a.username === '5512345001').order_number;
const url = new URL(`repay/${oid}`, base).href;

async function run(url, headers) {
  const { stdout } = await promisify(execFile)(
    bin,
    [
      url,
      '--quiet',
      '--only-categories=performance',
      '--output=json',
      '--output-path=stdout',
      ...(headers ? [`--extra-headers=${JSON.stringify(headers)}`] : []),
      `--chrome-flags=--headless=new ${JSON.parse(readFileSync(new URL('../chromium-args.json', import.meta.url), 'utf8')).join(' ')}`,
    ],
    { env: { ...process.env, CHROME_PATH: process.env.CHROMIUM_PATH || '/usr/bin/chromium' }, maxBuffer: 64 << 20 },
  );
  const lhr = JSON.parse(stdout);
  const audit = (id) => lhr.audits[id]?.displayValue ?? '-';
  if (lhr.finalDisplayedUrl !== url) console.log(`  note: the page ended at ${lhr.finalDisplayedUrl}`);
  if (lhr.runtimeError) console.log(`  runtime error: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
  console.log(
    `  ${url}\n  Lighthouse ${lhr.lighthouseVersion}, ${lhr.configSettings.formFactor}: ` +
      `performance ${Math.round((lhr.categories.performance.score ?? NaN) * 100)}, ` +
      `FCP ${audit('first-contentful-paint')}, LCP ${audit('largest-contentful-paint')}, ` +
      `TBT ${audit('total-blocking-time')}, Speed Index ${audit('speed-index')}, CLS ${audit('cumulative-layout-shift')}`,
  );
}

await run(new URL('login', base).href, null);
await run(base.href, { Cookie: cookie });
await run(url, { Cookie: cookie });
