/**
 * The app in chunks (issue 14, README "Size and speed"): the first module
 * holds the shell and the repayment page (the SMS reminders' page); every
 * other page comes in a chunk of its own (src/pages/lazy.rs), and so do the
 * writes (`api::write`). scripts/split.py writes into index.html which files
 * each route needs; the boot block starts them at parse time on a deep link,
 * and the chunks' loader takes those responses once.
 *
 * Checked here, in both languages:
 * - `/repay/<oid>` draws its amount with no chunk at all, then fetches the
 *   pages one tap away ("Pay now", "Extend") in the background;
 * - a deep link to a page in a chunk fetches exactly the files the table
 *   names, each once, started before the app's wasm was in;
 * - a chunk that does not arrive: the connection error with a retry that
 *   fetches it again; for the writes' chunk, nothing is sent, what was typed
 *   stays, and the retry sends it once;
 * - "log out" fetches the writes' chunk only when tapped, and works.
 */
import { test, expect, t, LANGS, DEMO, seedAccount, money, loginTo, signIn, withLang, expectLang } from './fixtures';
import { sendFeedback, expectOneFeedback } from './form-steps';
import type { Page } from '@playwright/test';

/** A chunk's file name, as scripts/split.py names it. */
const CHUNK = /(?:^|\/)((?:chunk_\d+|split_[a-z]+)-[0-9a-f]{1,16}\.wasm)$/;

/** The chunk files the page requests from now on (file names, in order; repeats kept). */
function watchChunks(page: Page): string[] {
  const seen: string[] = [];
  page.on('request', (req) => {
    const m = CHUNK.exec(new URL(req.url()).pathname);
    if (m) seen.push(m[1]);
  });
  return seen;
}

/** index.html's table: route (first path segment) → the chunk files it needs. */
async function chunkTable(page: Page): Promise<Record<string, string[]>> {
  const html = await (await page.request.get(page.url())).text();
  const m = /var chunks = (\{.*?\}), /.exec(html);
  expect(m, 'index.html holds the chunks table (scripts/split.py)').not.toBeNull();
  return JSON.parse(m![1]);
}

/** Resource Timing: when each chunk request started, and when the app's wasm had arrived. */
async function timing(page: Page): Promise<{ chunks: number[]; wasmEnd: number }> {
  return page.evaluate(() => {
    const entries = performance.getEntriesByType('resource') as PerformanceResourceTiming[];
    const file = (e: PerformanceResourceTiming) => new URL(e.name).pathname.split('/').pop() ?? '';
    return {
      chunks: entries.filter((e) => /^(chunk_\d+|split_[a-z]+)-/.test(file(e))).map((e) => e.startTime),
      wasmEnd: Math.min(...entries.filter((e) => file(e).endsWith('_bg.wasm')).map((e) => e.responseEnd)),
    };
  });
}

// The usual frame (both languages, a fresh sandbox per test), alike in the specs on purpose.
for (const lang of LANGS) {
  test.describe(`chunks (${lang})`, () => {
    test.beforeEach(async ({ sandbox }) => {
      await sandbox.reset();
    });

    test('/repay/<oid> draws the amount without any chunk, then fetches the pages one tap away', async ({ page, sandbox }) => {
      const acc = await seedAccount(sandbox, DEMO.due);
      await signIn(page, sandbox, DEMO.due);
      const seen = watchChunks(page);
      await page.goto(withLang(`repay/${acc.order_number}`, lang));
      await expectLang(page, lang);
      // The app's own page (inside <main id="main">), not the first paint's copy.
      await expect(page.locator('#main').getByTestId('amount-now')).toHaveText(money(acc.need_repay));
      await expect(page.locator('#main').getByRole('link', { name: t(lang, 'repay.pay'), exact: true })).toBeVisible();
      expect(seen, 'no chunk before the page is drawn').toEqual([]);
      // Then, after a moment, "Pay now"'s and "Extend"'s chunks, once each.
      const table = await chunkTable(page);
      const next = [...new Set([...table.pay, ...table.extend])].sort();
      await expect.poll(() => [...seen].sort(), { timeout: 10_000 }).toEqual(next);
      // A tap then waits for nothing more.
      await page.locator('#main').getByRole('link', { name: t(lang, 'repay.pay'), exact: true }).click();
      await expect(page.getByRole('heading', { level: 1, name: t(lang, 'pay.title') })).toBeVisible();
      // (The pay page has a form: the writes' chunk comes now, as its own files.)
      expect(seen.filter((f) => next.includes(f)).sort(), 'none fetched again').toEqual(next);
    });

    for (const route of ['support', 'login', 'feedback', '']) {
      test(`a deep link to /${route} fetches its chunks at parse time, each once`, async ({ page, sandbox }) => {
        if (route !== 'login') await signIn(page, sandbox, DEMO.due);
        const seen = watchChunks(page);
        await page.goto(withLang(route, lang));
        await expectLang(page, lang);
        const title = { support: 'support.title', login: 'login.title', feedback: 'feedback.title', '': 'home.title' }[route]!;
        await expect(page.getByRole('heading', { level: 1, name: t(lang, title) })).toBeVisible();
        const table = await chunkTable(page);
        // The page's files, each once (the boot block's request is the one the loader used);
        // a page with a form also fetches the writes' chunk (its files not in the page's list).
        const own = seen.filter((f) => table[route].includes(f));
        expect(own.sort()).toEqual([...table[route]].sort());
        expect(new Set(seen).size, `no chunk fetched twice: ${seen.join(' ')}`).toBe(seen.length);
        const { chunks, wasmEnd } = await timing(page);
        expect(Math.min(...chunks), 'the first chunk request left before the app had arrived').toBeLessThan(wasmEnd);
      });
    }

    test('a page whose chunk does not arrive says so, and the retry fetches it again', async ({ page, sandbox }) => {
      await signIn(page, sandbox, DEMO.due);
      let refuse = true;
      await page.route(/\/split_rest-[0-9a-f]+\.wasm$/, (route) => (refuse ? route.abort('internetdisconnected') : route.continue()));
      await page.goto(withLang('support', lang));
      await expectLang(page, lang);
      const alert = page.getByRole('alert');
      await expect(alert).toContainText(t(lang, 'errors.offline'));
      // The page did not crash (the boot block's "could not start" stays hidden).
      await expect(page.getByRole('navigation').getByRole('link', { name: t(lang, 'nav.home'), exact: true })).toBeVisible();
      refuse = false;
      await alert.getByRole('button', { name: t(lang, 'errors.retry'), exact: true }).click();
      await expect(page.getByRole('heading', { level: 1, name: t(lang, 'support.title') })).toBeVisible();
      await expect(page.getByRole('alert')).toHaveCount(0);
    });

    test('the writes\' chunk not arriving: nothing sent, the text kept, the retry sends it once', async ({ page, sandbox }) => {
      let refuse = true;
      await page.route(/\/split_writes-[0-9a-f]+\.wasm$/, (route) => (refuse ? route.abort('internetdisconnected') : route.continue()));
      await signIn(page, sandbox, DEMO.due);
      await page.goto(withLang('feedback', lang));
      await expectLang(page, lang);
      const comments = page.getByLabel(t(lang, 'feedback.comments'), { exact: true });
      const contact = page.getByLabel(t(lang, 'feedback.contact'), { exact: true });
      await comments.fill('No veo mi pago de ayer');
      await contact.fill('ana@example.mx');
      await page.getByRole('button', { name: t(lang, 'feedback.submit'), exact: true }).click();
      await expect(page.getByRole('alert')).toContainText(t(lang, 'errors.offline'));
      expect((await sandbox.state()).feedback).toHaveLength(0);
      await expect(comments).toHaveValue('No veo mi pago de ayer');
      await expect(contact).toHaveValue('ana@example.mx');
      refuse = false;
      await sendFeedback(page, lang);
      await expectOneFeedback(sandbox, 'No veo mi pago de ayer', 'ana@example.mx');
    });

    test('"log out" fetches the writes\' chunk only when tapped, and logs out', async ({ page, sandbox }) => {
      const acc = await seedAccount(sandbox, DEMO.repaid);
      await loginTo(page, lang, DEMO.repaid);
      // A fresh load of a page without a form: no writes' chunk.
      const seen = watchChunks(page);
      await page.goto(withLang(`repay/${acc.order_number}`, lang));
      await expect(page.locator('#main').getByTestId('amount-now')).toBeVisible();
      // (A repaid loan: no "Pay now", so nothing is fetched ahead either.)
      await page.waitForTimeout(500);
      expect(seen.filter((f) => f.startsWith('split_writes-'))).toEqual([]);
      await page.getByRole('navigation').getByRole('button', { name: t(lang, 'nav.logout'), exact: true }).click();
      await expect(page.getByRole('navigation').getByRole('link', { name: t(lang, 'nav.login'), exact: true })).toBeVisible();
      expect(seen.filter((f) => f.startsWith('split_writes-'))).toHaveLength(1);
    });
  });
}
