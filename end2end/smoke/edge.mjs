/**
 * Bad input at the server edge, against a running server (the sandbox or
 * nginx with deploy/nginx/cashgo.conf), with the build it serves:
 *
 *   node --test end2end/smoke/edge.mjs
 *   env EDGE_APPS="http://127.0.0.1:PORT/=dist http://127.0.0.1:PORT/h5/=dist-h5"
 *
 * Each app (its URL and its build folder) must answer: a path that climbs
 * above the site (`..`, `%2e%2e`, `..%2f`) or holds a NUL with 400, and
 * never with a file outside the build; an over-long name with the app's page; an
 * over-long address with 414; a POST with 405; `Range` on the wasm with 206
 * (416 past its end); `HEAD` with the GET's headers and no body;
 * `Accept-Encoding` q-values honoured (q=0 refuses a coding); the cache
 * rule for hashed names of every length Trunk writes (a 15-digit hash
 * too), `no-cache` and the build's CSP for index.html and the SPA fallback,
 * `no-cache` for the service worker (`sw.js`) and its offline page.
 * Requests go out byte for byte (node's http, no URL tidying).
 */
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import zlib from 'node:zlib';
import fs from 'node:fs';
import path from 'node:path';

const IMMUTABLE = 'public, max-age=31536000, immutable';
const APPS = (process.env.EDGE_APPS ?? '')
  .split(/\s+/)
  .filter(Boolean)
  .map((pair) => {
    const at = pair.lastIndexOf('=');
    return { url: new URL(pair.slice(0, at)), dist: path.resolve(pair.slice(at + 1)) };
  });
if (APPS.length === 0) throw new Error('EDGE_APPS is empty: "URL=DIST ..." (see the comment at the top)');

/** One request exactly as given; the reply's status, headers and raw body. */
function request(url, rawPath, { method = 'GET', headers = {} } = {}) {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: url.hostname, port: url.port, path: rawPath, method, headers: { Connection: 'close', ...headers } },
      (res) => {
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end();
  });
}

function decode(res) {
  switch (res.headers['content-encoding']) {
    case 'br':
      return zlib.brotliDecompressSync(res.body);
    case 'gzip':
      return zlib.gunzipSync(res.body);
    case undefined:
      return res.body;
    default:
      throw new Error(`unexpected content-encoding ${res.headers['content-encoding']}`);
  }
}

/** Text a file outside any build holds: served, it would show. */
const OUTSIDE = [/\[workspace\]/, /root:.*:0:0:/];

for (const app of APPS) {
  const base = app.url.pathname; // "/" or "/h5/"
  const index = fs.readFileSync(path.join(app.dist, 'index.html'));
  const policy = fs.readFileSync(path.join(app.dist, 'csp.txt'), 'utf8').trim();
  const names = fs.readdirSync(app.dist);
  const wasmName = names.find((n) => n.endsWith('_bg.wasm'));
  const jsName = names.find((n) => /-[0-9a-f]{1,16}\.js$/.test(n));
  assert.ok(wasmName && jsName, `${app.dist} has no hashed wasm and JS`);
  const wasm = fs.readFileSync(path.join(app.dist, wasmName));
  const js = fs.readFileSync(path.join(app.dist, jsName));

  describe(`server edge: ${app.url.href}`, () => {
    test('a path that climbs out of the site or holds a NUL is refused (400), never a file outside the build', async () => {
      // [path, refused]: a climb above the origin's root and a NUL are always
      // a 400; one that only leaves the sub-path (/h5/../x is /x) may be
      // answered as the path it normalises to (nginx does), never with a file
      // outside a build.
      const inSite = base === '/';
      for (const [p, refused] of [
        [`${base}../Cargo.toml`, inSite],
        [`${base}%2e%2e/Cargo.toml`, inSite],
        [`${base}../../../../etc/passwd`, true],
        [`${base}%2E%2E/%2e%2e/%2e%2e/%2e%2e/etc/passwd`, true],
        [`${base}public/..%2f..%2f..%2f..%2f..%2fetc/passwd`, true],
        [`${base}index.html%00.js`, true],
        [`${base}%00`, true],
      ]) {
        const res = await request(app.url, p);
        if (refused) assert.equal(res.status, 400, p);
        else assert.ok([200, 400, 404].includes(res.status), `${p}: ${res.status}`);
        for (const leak of OUTSIDE) assert.doesNotMatch(res.body.toString('latin1'), leak, p);
      }
    });

    test('an over-long name is a route of the app; an over-long address is 414', async () => {
      const res = await request(app.url, `${base}${'a'.repeat(300)}`);
      assert.equal(res.status, 200);
      assert.match(res.headers['content-type'] ?? '', /^text\/html/);
      assert.deepEqual(decode(res), index);
      assert.equal((await request(app.url, `${base}${'a/'.repeat(5000)}`)).status, 414);
    });

    if (base !== '/') {
      test('the sub-path without its slash redirects to it', async () => {
        const res = await request(app.url, base.slice(0, -1));
        assert.ok([301, 308].includes(res.status), String(res.status));
        assert.match(res.headers.location ?? '', new RegExp(`${base}$`));
      });
    }

    test('only GET and HEAD', async () => {
      assert.equal((await request(app.url, `${base}repay/1`, { method: 'POST' })).status, 405);
    });

    test('index.html and the SPA fallback: no-cache and the build\'s policy', async () => {
      for (const p of [base, `${base}index.html`, `${base}repay/2026112014035297833261`, `${base}no/such/page`]) {
        const res = await request(app.url, p, { headers: { 'Accept-Encoding': 'gzip, deflate, br' } });
        assert.equal(res.status, 200, p);
        assert.equal(res.headers['cache-control'], 'no-cache', p);
        assert.equal(res.headers['content-security-policy'], policy, p);
        assert.deepEqual(decode(res), index, p);
      }
    });

    test('the service worker and its offline page: no-cache, as they are', async () => {
      for (const [name, type] of [['sw.js', /javascript/], ['offline.js', /javascript/], ['offline.html', /^text\/html/]]) {
        const file = fs.readFileSync(path.join(app.dist, name));
        for (const accept of ['gzip, deflate, br', 'identity']) {
          const res = await request(app.url, `${base}${name}`, { headers: { 'Accept-Encoding': accept } });
          assert.equal(res.status, 200, name);
          assert.equal(res.headers['cache-control'], 'no-cache', name);
          assert.match(res.headers['content-type'] ?? '', type, name);
          assert.deepEqual(decode(res), file, `${name} (${accept})`);
        }
      }
      // Its compressed copies are this build's (written after it).
      for (const suffix of ['.br', '.gz']) assert.ok(fs.existsSync(path.join(app.dist, `sw.js${suffix}`)), suffix);
    });

    test('hashed names of every length Trunk writes are immutable; a missing one is 404', async () => {
      // Trunk writes a 64-bit hash without leading zeros: one build in sixteen has 15 digits.
      const fifteen = `zz-edge-b1c8b7bfa1555b4.js`;
      fs.writeFileSync(path.join(app.dist, fifteen), js);
      try {
        for (const name of [jsName, wasmName, fifteen]) {
          const res = await request(app.url, `${base}${name}`);
          assert.equal(res.status, 200, name);
          assert.equal(res.headers['cache-control'], IMMUTABLE, name);
        }
      } finally {
        fs.rmSync(path.join(app.dist, fifteen));
      }
      assert.equal((await request(app.url, `${base}${wasmName}`)).headers['content-type'], 'application/wasm');
      const missing = await request(app.url, `${base}cashgo-web-0000000000000000.js`);
      assert.equal(missing.status, 404);
      assert.notEqual(missing.headers['cache-control'], IMMUTABLE);
    });

    test('Range on the wasm: 206 with the bytes asked, 416 past its end', async () => {
      const res = await request(app.url, `${base}${wasmName}`, { headers: { Range: 'bytes=0-99' } });
      assert.equal(res.status, 206);
      assert.equal(res.headers['content-range'], `bytes 0-99/${wasm.length}`);
      assert.deepEqual(res.body, wasm.subarray(0, 100));
      const past = await request(app.url, `${base}${wasmName}`, { headers: { Range: `bytes=${wasm.length}-` } });
      assert.equal(past.status, 416);
    });

    test('HEAD: the GET\'s headers, no body', async () => {
      for (const p of [`${base}${wasmName}`, base, `${base}repay/1`]) {
        const headers = { 'Accept-Encoding': 'br' };
        const get = await request(app.url, p, { headers });
        const head = await request(app.url, p, { method: 'HEAD', headers });
        assert.equal(head.status, 200, p);
        assert.equal(head.body.length, 0, p);
        for (const h of ['content-type', 'content-encoding', 'cache-control', 'content-security-policy']) {
          assert.equal(head.headers[h], get.headers[h], `${p}: ${h}`);
        }
        assert.equal(head.headers['content-length'], String(get.body.length), p);
      }
    });

    test('Accept-Encoding with q-values: a refused coding is never sent', async () => {
      for (const [accept, expected] of [
        ['br', 'br'],
        ['gzip', 'gzip'],
        ['br;q=0, gzip;q=1', 'gzip'],
        ['gzip;q=0, br;q=0', undefined],
        ['gzip;q=0.001', 'gzip'],
        ['identity', undefined],
        // Both acceptable: either is right.
        ['br;q=0.5, gzip;q=1.0', ['br', 'gzip']],
      ]) {
        const res = await request(app.url, `${base}${jsName}`, { headers: { 'Accept-Encoding': accept } });
        assert.equal(res.status, 200, accept);
        const got = res.headers['content-encoding'];
        if (Array.isArray(expected)) assert.ok(expected.includes(got), `${accept}: ${got}`);
        else assert.equal(got, expected, accept);
        assert.match(res.headers.vary ?? '', /accept-encoding/i, accept);
        assert.deepEqual(decode(res), js, accept);
      }
    });
  });
}

