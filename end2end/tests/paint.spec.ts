/**
 * The first paint (issue 14, `paint/`): on `/repay/:oid`, `/extend/:oid` and
 * `/`, a small module of its own turns `index.html`'s early read into the top
 * of the page before the app's wasm has arrived, and the app's page then
 * takes its place.
 *
 * Each test holds the app's wasm back (a route that answers only when told),
 * so the painter's work can be seen on its own, deterministically: it reports
 * when it has decided (`window.__cashgoEarly.paint`, true when it painted).
 * Then the app is let in and its page compared with what was painted:
 *
 * - every painted element has its counterpart in the app's page at the same
 *   place in the same structure, with the same text and the same box (the
 *   swap moves nothing), and the page logged no layout shift;
 * - one read of the page's endpoint per load (the app took the early reply);
 * - nothing painted when the reply is one the app doesn't show as the page:
 *   each kind of the sandbox's fault switch, a status the app has no words
 *   for, logged out (the app then goes to login, or shows the offer at `/`);
 * - no CSP violation (the `page` fixture fails the test on one).
 */
import {
  test, expect, t, LANGS, DEMO, FAULT_KINDS, subPath, seedAccount, signIn, withLang, expectLang,
  loginAgainAndBack, watchCsp, ANDROID_WEBVIEW_UA, type Lang, type Sandbox, type FaultKind,
} from './fixtures';
import type { Page } from '@playwright/test';

/** The app's wasm (Trunk's `cashgo-web-<hash>_bg.wasm`), not the painter's `cashgo-paint-<hash>.wasm`. */
const APP_WASM = /\/cashgo-web-[0-9a-f]+_bg\.wasm$/;

/** Holds every request for the app's wasm until the returned function is called. */
async function holdApp(page: Page): Promise<() => void> {
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  await page.route(APP_WASM, async (route) => {
    await gate;
    await route.continue();
  });
  return release;
}

/**
 * Before any page script: the layout shifts of the load (not after input),
 * and whether a `#paint` was ever added.
 */
async function observe(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as { __shifts: number[]; __paintSeen: boolean };
    w.__shifts = [];
    w.__paintSeen = false;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as Array<PerformanceEntry & { value: number; hadRecentInput: boolean }>) {
        if (!entry.hadRecentInput) w.__shifts.push(entry.value);
      }
    }).observe({ type: 'layout-shift', buffered: true });
    new MutationObserver((records) => {
      for (const record of records) {
        for (const node of Array.from(record.addedNodes)) {
          if (node instanceof Element && node.id === 'paint') w.__paintSeen = true;
        }
      }
    }).observe(document, { childList: true, subtree: true });
  });
}

/** Whether the painter painted (it reports once it has decided). */
async function painted(page: Page): Promise<boolean> {
  return page.evaluate(async () => {
    const early = (window as unknown as { __cashgoEarly?: { paint?: Promise<boolean> } }).__cashgoEarly;
    return (await early?.paint) === true;
  });
}

/** The requests to `apiPath` sent from now on. */
function count(page: Page, apiPath: string): () => number {
  let n = 0;
  page.on('request', (req) => {
    if (new URL(req.url()).pathname === apiPath) n += 1;
  });
  return () => n;
}

type Item = { path: string; text: string; box: [number, number, number, number] | null };

/**
 * Every element of the painted copy (`#paint`'s header and main), or of the
 * app's own (`body > header`, `main#main`), as a path of tags and classes
 * (the painter's `paint-slot` dropped) with its index among same-path
 * elements, its text and its box. With `only`, the app's elements at the
 * painted paths.
 */
async function snapshot(page: Page, of: 'paint' | 'app', only?: string[]): Promise<Item[]> {
  return page.evaluate(
    ({ of, only }) => {
      const roots: Array<[string, Element | null]> =
        of === 'paint'
          ? [
              ['header', document.querySelector('#paint > header')],
              ['main', document.querySelector('#paint > main')],
            ]
          : [
              ['header', document.querySelector('body > header.app-header')],
              ['main', document.querySelector('body > main#main')],
            ];
      const step = (el: Element) => {
        const classes = Array.from(el.classList)
          .filter((c) => c !== 'paint-slot')
          .map((c) => `.${c}`)
          .join('');
        const id = el.getAttribute('data-testid');
        return `${el.tagName.toLowerCase()}${classes}${id ? `[data-testid="${id}"]` : ''}`;
      };
      const items: Array<{ path: string; text: string; box: [number, number, number, number] | null }> = [];
      for (const [name, root] of roots) {
        if (!root) continue;
        const seen = new Map<string, number>();
        const walk = (el: Element, path: string) => {
          for (const child of Array.from(el.children)) {
            const base = `${path} > ${step(child)}`;
            const n = seen.get(base) ?? 0;
            seen.set(base, n + 1);
            const key = `${base}#${n}`;
            if (!only || only.includes(key)) {
              const r = child.getBoundingClientRect();
              items.push({
                path: key,
                text: (child.textContent ?? '').trim(),
                box: [r.x, r.y, r.width, r.height].map((v) => Math.round(v * 100) / 100) as [number, number, number, number],
              });
            }
            walk(child, base);
          }
        };
        walk(root, name);
      }
      return items;
    },
    { of, only },
  );
}

/** The page's endpoint for an app path. */
function endpoint(path: string): string {
  if (path.startsWith('repay/')) return '/Repay/loanDetail';
  if (path.startsWith('extend/')) return '/Repay/loanDelay';
  return '/Repay/loans';
}

/** Something only the app's own page has, once drawn. */
async function appDrawn(page: Page): Promise<void> {
  await expect(page.locator('body > main#main section.page :is(.card, [role="alert"])').first()).toBeVisible();
  await expect(page.locator('#paint')).toHaveCount(0);
}

/**
 * Opens `root + path` in `lang` with the app held back: the painter paints,
 * the app then replaces it at the same places with the same text, with no
 * layout shift and one read of the endpoint.
 */
async function paintThenApp(page: Page, root: string, path: string, lang: Lang, expectPaint: boolean): Promise<void> {
  await observe(page);
  const reads = count(page, endpoint(path));
  const release = await holdApp(page);
  await page.goto(new URL(withLang(path, lang), root).href);
  expect(await painted(page), expectPaint ? 'the painter painted' : 'the painter painted nothing').toBe(expectPaint);
  let before: Item[] = [];
  if (expectPaint) {
    await expectLang(page, lang);
    before = await snapshot(page, 'paint');
    expect(before.length).toBeGreaterThan(10);
    await expect(page.locator('#paint [data-testid="status"]')).toBeVisible();
  } else {
    await expect(page.locator('#paint')).toHaveCount(0);
  }
  release();
  await appDrawn(page);
  await expectLang(page, lang);
  if (expectPaint) {
    const after = await snapshot(page, 'app', before.map((i) => i.path));
    // Same elements at the same paths, same text, same boxes; the page's
    // section goes on below what was painted (the breakdown, the buttons
    // only the app can run): its place and width are the same.
    expect(after.map((i) => i.path)).toEqual(before.map((i) => i.path));
    for (const [i, item] of before.entries()) {
      if (item.path.endsWith(' > section.page#0')) {
        expect.soft(after[i].box?.slice(0, 3), `place of ${item.path}`).toEqual(item.box?.slice(0, 3));
        expect.soft(after[i].text.startsWith(item.text), `text of ${item.path} begins with the painted text`).toBe(true);
        continue;
      }
      expect.soft(after[i].text, `text of ${item.path}`).toBe(item.text);
      expect.soft(after[i].box, `box of ${item.path}`).toEqual(item.box);
    }
  } else {
    expect(await page.evaluate(() => (window as unknown as { __paintSeen: boolean }).__paintSeen)).toBe(false);
  }
  await page.waitForLoadState('networkidle');
  expect(await page.evaluate(() => (window as unknown as { __shifts: number[] }).__shifts), 'layout shifts').toEqual([]);
  expect(reads(), `${endpoint(path)} requests`).toBe(1);
}

type Seeded = { name: string; user: string; pages: Array<{ path: (oid: string) => string; paints: boolean }> };

/** Every state the sandbox seeds, and what is painted on each page. */
const STATES: Seeded[] = [
  { name: 'due', user: DEMO.due, pages: all(true) },
  { name: 'overdue', user: DEMO.overdue, pages: all(true) },
  { name: 'repaid', user: DEMO.repaid, pages: all(true) },
  { name: 'extended', user: DEMO.extended, pages: all(true) },
  // Status 3: the app's neutral "in process"; the painter leaves it to the app.
  { name: 'unknown status', user: DEMO.unknownStatus, pages: all(false) },
  { name: 'awaiting confirmation', user: DEMO.awaitingConfirmation, pages: all(true) },
];

function all(paints: boolean): Seeded['pages'] {
  return [
    { path: (oid) => `repay/${oid}`, paints },
    { path: (oid) => `extend/${oid}`, paints },
    { path: () => '', paints },
  ];
}

async function signedIn(page: Page, sandbox: Sandbox, user: string): Promise<string> {
  await sandbox.reset();
  await signIn(page, sandbox, user);
  return (await seedAccount(sandbox, user)).order_number;
}

for (const where of ['/', '/h5/'] as const) {
  for (const lang of LANGS) {
    test.describe(`first paint at ${where} (${lang})`, () => {
      for (const state of STATES) {
        for (const p of state.pages) {
          const label = p.path('<oid>') || '/';
          test(`${state.name}: ${label} ${p.paints ? 'painted, then the app in its place' : 'not painted'}`, async ({ page, sandbox, request, baseURL }) => {
            const { root, sandbox: sb } = where === '/' ? { root: baseURL ?? '', sandbox } : subPath(request);
            const oid = await signedIn(page, sb, state.user);
            await paintThenApp(page, root, p.path(oid), lang, p.paints);
          });
        }
      }
    });
  }
}

test.describe('first paint: nothing painted', () => {
  for (const kind of FAULT_KINDS) {
    test(`a spoiled read (${kind}): nothing painted, the app handles it as before`, async ({ page, sandbox, baseURL }) => {
      const oid = await signedIn(page, sandbox, DEMO.due);
      const path = `repay/${oid}`;
      await observe(page);
      const reads = count(page, '/Repay/loanDetail');
      if (kind === 'slow') await page.clock.install();
      await sandbox.fault('/Repay/loanDetail', kind, 1, kind === 'slow' ? 60_000 : undefined);
      const release = await holdApp(page);
      await page.goto(new URL(withLang(path, 'es'), baseURL).href);
      if (kind === 'slow') {
        // The early read gives up after the app's 30 s timeout (on the page's clock).
        await expect.poll(async () => ((await sandbox.state()).faults_fired as unknown[]).length).toBe(1);
        await page.clock.runFor(31_000);
      }
      expect(await painted(page)).toBe(false);
      await expect(page.locator('#paint')).toHaveCount(0);
      release();
      if (kind === 'expired' || kind === 'http401') {
        await loginAgainAndBack(page, 'es', DEMO.due, path);
      } else {
        const message = kind === 'slow' ? 'errors.timeout' : kind === 'drop' || kind === 'drop-before' ? 'errors.offline' : 'errors.unexpected';
        await expect(page.getByRole('alert')).toContainText(t('es', message));
        expect(reads(), 'the app took the early (spoiled) reply').toBe(1);
      }
      expect(await page.evaluate(() => (window as unknown as { __paintSeen: boolean }).__paintSeen)).toBe(false);
    });
  }

  for (const lang of LANGS) {
    test(`logged out (${lang}): nothing painted; /repay lands on login, / shows the offer`, async ({ page, sandbox, baseURL }) => {
      await sandbox.reset();
      const oid = (await seedAccount(sandbox, DEMO.due)).order_number;
      await observe(page);
      const release = await holdApp(page);
      await page.goto(new URL(withLang(`repay/${oid}`, lang), baseURL).href);
      expect(await painted(page)).toBe(false);
      release();
      await expect(page).toHaveURL((u) => u.pathname.endsWith('/login'));
      await expectLang(page, lang);
      await page.goto(new URL(withLang('', lang), baseURL).href);
      expect(await painted(page)).toBe(false);
      await expect(page.getByTestId('offer')).toBeVisible();
      expect(await page.evaluate(() => (window as unknown as { __paintSeen: boolean }).__paintSeen)).toBe(false);
    });
  }

  test('a language only the server could decide: nothing painted', async ({ browser, sandbox, baseURL }) => {
    const context = await browser.newContext({ locale: 'pt-BR', viewport: { width: 360, height: 740 } });
    const page = await context.newPage();
    const violations: string[] = [];
    await watchCsp(page, violations);
    try {
      const oid = await signedIn(page, sandbox, DEMO.due);
      // The sandbox's config.json names Spanish: without it, only the server decides.
      await page.route(/\/config\.json$/, (route) => route.fulfill({ status: 404, body: '' }));
      await observe(page);
      const release = await holdApp(page);
      await page.goto(new URL(`repay/${oid}`, baseURL).href);
      expect(await painted(page)).toBe(false);
      release();
      await appDrawn(page);
      expect(violations).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

test('inside an Android WebView: the calendar link keeps its place', async ({ browser, sandbox, baseURL }) => {
  const context = await browser.newContext({ userAgent: ANDROID_WEBVIEW_UA, viewport: { width: 360, height: 740 }, locale: 'es-MX' });
  const page = await context.newPage();
  const violations: string[] = [];
  await watchCsp(page, violations);
  try {
    const oid = await signedIn(page, sandbox, DEMO.due);
    await paintThenApp(page, baseURL ?? '', `repay/${oid}`, 'es', true);
    await expect(page.locator('main#main .card .field a.button')).toBeVisible();
    expect(violations).toEqual([]);
  } finally {
    await context.close();
  }
});
