/**
 * Issue 16: the service worker never leaves a borrower on an old build.
 * Two builds, one after the other, on a sandbox of this test's own (over a
 * copy of dist/): the first keeps a reference and installs its worker; the
 * second is deployed (new file names, new index.html, its own csp.txt,
 * sw.js and compressed copies, as a release's post-build step writes them); the next visit online runs the new
 * build at once, the new worker replaces the old one and its cache, and
 * offline the page still shows the reference.
 */
import { test, expect, t, DEMO, Sandbox, seedAccount, seedReferences, signIn, withLang } from './fixtures';
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..');
const SANDBOX_BIN = process.env.SANDBOX_BIN ?? path.join(process.env.CARGO_TARGET_DIR ?? path.join(ROOT, 'target'), 'debug', 'cashgo-sandbox');
const DIST = path.join(ROOT, 'dist');

/** Starts a sandbox serving `dist` at `/`; resolves with its address. */
function startSandbox(dist: string): Promise<{ url: string; proc: ChildProcess }> {
  const proc = spawn(SANDBOX_BIN, ['--host', '127.0.0.1', '--port', '0', '--dist', dist, '--base', '/'], {
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`the sandbox did not start: ${out}`)), 60_000);
    proc.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const m = /^CashGo sandbox: (http\S+)$/m.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ url: m[1].endsWith('/') ? m[1] : `${m[1]}/`, proc });
      }
    });
    proc.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the sandbox exited (${code}): ${out}`));
    });
  });
}

/** The build's worker version (`sw.js`'s VERSION). */
function version(dist: string): string {
  const m = /^var VERSION = "([0-9a-f]+)";$/m.exec(readFileSync(path.join(dist, 'sw.js'), 'utf8'));
  if (!m) throw new Error('sw.js has no VERSION');
  return m[1];
}

/**
 * Turns the build in `dir` into the next one, as a deploy would: the app's
 * JS and wasm under new hashed names, index.html pointing at them, and the
 * build's post-build steps again (its CSP and its worker). Returns the new hash.
 */
function deployNextBuild(dir: string): string {
  const index = readFileSync(path.join(dir, 'index.html'), 'utf8');
  const m = /cashgo-web-([0-9a-f]{16,})/.exec(index);
  if (!m) throw new Error('index.html names no cashgo-web-<hash> file');
  const old = m[1];
  const next = [...old].map((c) => ((parseInt(c, 16) + 1) % 16).toString(16)).join('');
  for (const file of readdirSync(dir)) {
    if (file.includes(old)) renameSync(path.join(dir, file), path.join(dir, file.replace(old, next)));
  }
  writeFileSync(path.join(dir, 'index.html'), index.split(old).join(next));
  // The build's post-build step again: its CSP, its worker, then the .br/.gz
  // copies (the servers send those first: index.html.br and sw.js.br too).
  execFileSync('python3', [path.join(ROOT, 'scripts', 'postbuild.py'), dir, '--release']);
  return next;
}

test('an update from one build to the next: online at once, the old worker replaced, offline still there', async ({ page, request }) => {
  test.skip(!existsSync(SANDBOX_BIN) || !existsSync(path.join(DIST, 'sw.js')), 'needs dist/ and the sandbox binary (scripts/test builds both)');
  test.setTimeout(120_000);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'cashgo-build-'));
  cpSync(DIST, dir, { recursive: true });
  const { url, proc } = await startSandbox(dir);
  try {
    const sandbox = new Sandbox(request, new URL(url).origin);
    await sandbox.reset();
    const acc = await seedAccount(sandbox, DEMO.due);
    await signIn(page, sandbox, acc.username);
    const first = version(dir);

    // Build 1 keeps a reference: its worker comes with it.
    await page.goto(new URL(withLang(`pay/${acc.order_number}`, 'es'), url).href);
    await page.getByRole('radio', { name: t('es', 'pay.paycash') }).check();
    await page.getByRole('button', { name: t('es', 'pay.get_reference'), exact: true }).click();
    await expect(page.getByTestId('reference-paycash').getByTestId('reference')).not.toBeEmpty();
    const [ref] = await seedReferences(sandbox);
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    const shells = () => page.evaluate(async () => (await caches.keys()).filter((k) => k.startsWith('cashgo-shell-')));
    await expect.poll(shells).toEqual([`cashgo-shell-${first}`]);

    // Build 2 is deployed.
    const hash = deployNextBuild(dir);
    const second = version(dir);
    expect(second).not.toBe(first);

    // The next visit online runs build 2 at once...
    await page.reload();
    await expect(page.getByRole('group', { name: t('es', 'pay.method_group') })).toBeVisible();
    const loaded = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name));
    expect(loaded.some((name) => name.includes(`cashgo-web-${hash}`)), 'the new build\'s files').toBe(true);
    // ...and its worker replaces the old one, whose cache goes.
    await expect.poll(shells).toEqual([`cashgo-shell-${second}`]);

    // Offline, the new worker shows the reference kept by the old build.
    await page.context().setOffline(true);
    await page.reload();
    await expect(page.getByTestId('saved-reference').getByTestId('reference')).toHaveText(ref.reference);
    await page.context().setOffline(false);
  } finally {
    proc.kill();
    rmSync(dir, { recursive: true, force: true });
  }
});
