/**
 * The fault matrix (issue 6, item 6). The sandbox's fault switch spoils the
 * next call of one endpoint (`/__sandbox/fault`); Playwright cuts the
 * network for "offline". For every page's first read and every write the
 * borrower must get a translated message that says what happened and what
 * to do, a way on that works (retry, or login and back), nothing typed lost,
 * and the sandbox must hold exactly one record per intent: a write whose
 * answer was lost is checked, never sent twice behind the borrower's back.
 *
 * The full set of kinds runs in Spanish for a read (the repayment page) and
 * for one write of each kind of check (extension: read back; feedback: can't
 * be checked; payment: safe to repeat); the other pages and writes, and the
 * English runs, take one kind of each class (refused, expired, never sent,
 * answer lost).
 */
import {
  test, expect, t, LANGS, DEMO, DEMO_PASSWORD, seedAccount, money, open, type Lang, type Sandbox, type FaultKind, PNG_1PX, signIn, loginAgainAndBack,
} from './fixtures';
import type { Page } from '@playwright/test';

type Kind = FaultKind | 'offline';

/** Every kind, and one of each class. */
const ALL: readonly Kind[] = ['http500', 'http502', 'login-page', 'expired', 'http401', 'drop-before', 'offline', 'truncated', 'drop', 'slow'];
const CLASSES: readonly Kind[] = ['http502', 'expired', 'drop-before', 'drop'];

/** The app's request timeout (src/api/transport.rs), passed on the page's fake clock. */
const PAST_TIMEOUT_MS = 31_000;

/**
 * Arms `kind` for `path` (a sandbox fault, or the network cut), and for
 * `slow` installs the page's fake clock (before the page loads).
 */
async function arm(page: Page, sandbox: Sandbox, path: string, kind: Kind): Promise<void> {
  if (kind === 'offline') return;
  if (kind === 'slow') await page.clock.install();
  await sandbox.fault(path, kind, 1, kind === 'slow' ? 60_000 : undefined);
}

/** After the spoiled call left: for `slow`, the app's timeout passes. */
async function lapse(page: Page, sandbox: Sandbox, path: string, kind: Kind): Promise<void> {
  if (kind !== 'slow') return;
  await expect.poll(async () => (await sandbox.state()).faults_fired.some((f) => f.path === path)).toBe(true);
  await page.clock.runFor(PAST_TIMEOUT_MS);
}

/** The message a failed read shows for `kind` (expiry goes to login instead). */
function readMessage(kind: Kind): string {
  switch (kind) {
    case 'drop':
    case 'drop-before':
    case 'offline':
      return 'errors.offline';
    case 'slow':
      return 'errors.timeout';
    default:
      return 'errors.unexpected';
  }
}

const expires = (kind: Kind) => kind === 'expired' || kind === 'http401';

// ------------------------------------------------------------ first reads

type ReadCase = {
  page: string;
  api: string;
  user: string;
  /** The app path (bare) for the account. */
  path: (order: string) => string;
  /** Something only the loaded page shows. */
  loaded: (page: Page, lang: Lang, sandbox: Sandbox) => Promise<void>;
};

const READS: ReadCase[] = [
  {
    page: 'repay', api: '/Repay/loanDetail', user: DEMO.due, path: (o) => `repay/${o}`,
    loaded: async (page, _lang, sandbox) => {
      const acc = await seedAccount(sandbox, DEMO.due);
      await expect(page.getByTestId('amount-now')).toHaveText(money(acc.need_repay));
    },
  },
  {
    page: 'home', api: '/Repay/loans', user: DEMO.due, path: () => '',
    loaded: async (page) => {
      await expect(page.getByTestId('loan-card')).toBeVisible();
    },
  },
  {
    page: 'orders', api: '/Repay/orders', user: DEMO.overdue, path: () => 'orders',
    loaded: async (page, lang) => {
      await expect(page.getByRole('link', { name: t(lang, 'orders.open'), exact: true }).first()).toBeVisible();
    },
  },
  {
    page: 'extend', api: '/Repay/loanDelay', user: DEMO.due, path: (o) => `extend/${o}`,
    loaded: async (page, _lang, sandbox) => {
      const acc = await seedAccount(sandbox, DEMO.due);
      await expect(page.getByTestId('extension-fee')).toHaveText(money(acc.delay_fee));
    },
  },
  {
    page: 'support', api: '/Index/contact', user: DEMO.due, path: () => 'support',
    loaded: async (page, lang) => {
      await expect(page.getByRole('link', { name: t(lang, 'support.whatsapp'), exact: true })).toBeVisible();
    },
  },
];

async function readCase(page: Page, sandbox: Sandbox, lang: Lang, rc: ReadCase, kind: Kind): Promise<void> {
  const acc = await seedAccount(sandbox, rc.user);
  await signIn(page, sandbox, rc.user);
  const path = rc.path(acc.order_number);
  await arm(page, sandbox, rc.api, kind);
  if (kind === 'offline') {
    // The app is loaded (another page), then the network goes; the page is
    // reached the way a borrower would, by a link in the menu.
    await open(page, 'feedback', lang);
    await page.context().setOffline(true);
    await page.evaluate((to) => {
      history.pushState(null, '', to);
      dispatchEvent(new PopStateEvent('popstate'));
    }, new URL(path || './', page.url()).pathname);
  } else {
    await open(page, path, lang);
  }
  await lapse(page, sandbox, rc.api, kind);
  if (expires(kind)) {
    await loginAgainAndBack(page, lang, rc.user, path);
  } else {
    const alert = page.getByRole('alert');
    await expect(alert).toContainText(t(lang, readMessage(kind)));
    if (kind === 'offline') await page.context().setOffline(false);
    await alert.getByRole('button', { name: t(lang, 'errors.retry'), exact: true }).click();
  }
  await rc.loaded(page, lang, sandbox);
}

for (const lang of LANGS) {
  test.describe(`faults, first reads (${lang})`, () => {
    test.beforeEach(async ({ sandbox }) => {
      await sandbox.reset();
    });
    for (const rc of READS) {
      const kinds = lang === 'es' && rc.page === 'repay' ? ALL : rc.page === 'repay' || lang === 'es' ? CLASSES : [];
      for (const kind of kinds) {
        test(`${rc.page}: ${kind}`, async ({ page, sandbox }) => {
          await readCase(page, sandbox, lang, rc, kind);
        });
      }
    }
  });
}

// ------------------------------------------------------------------ writes

/** How the app checks a write whose answer was lost (src/api/reconcile.rs). */
type Check = 'read-back' | 'unknowable' | 'repeatable';

type WriteCase = {
  name: string;
  api: string;
  user: string;
  check: Check;
  /** Opens the page and fills the form (the borrower is logged in). */
  arrange: (page: Page, lang: Lang, sandbox: Sandbox) => Promise<string>;
  /** The tap that sends. */
  act: (page: Page, lang: Lang) => Promise<void>;
  /** What the page shows once it went through. */
  done: (page: Page, lang: Lang) => Promise<void>;
  /** Records of this intent on the server. */
  count: (sandbox: Sandbox) => Promise<number>;
  /** What must still be on the form after a failure. */
  kept?: (page: Page, lang: Lang) => Promise<void>;
  /** Trying again after a failure, when not by the same tap (the alert's retry). */
  retry?: (page: Page, lang: Lang) => Promise<void>;
  /** After an expiry and the login, it goes again by itself (the photo kept in memory). */
  resumes?: boolean;
};

const button = (page: Page, lang: Lang, key: string) => page.getByRole('button', { name: t(lang, key), exact: true });

// Rows alike on purpose: one per write, so every write meets every fault.
const WRITES: WriteCase[] = [
  {
    name: 'extend', api: '/Repay/ajaxDelay', user: DEMO.due, check: 'read-back',
    arrange: async (page, lang, sandbox) => {
      const acc = await seedAccount(sandbox, DEMO.due);
      await open(page, `extend/${acc.order_number}`, lang);
      await expect(page.getByTestId('extension-fee')).toBeVisible();
      return `extend/${acc.order_number}`;
    },
    act: async (page, lang) => {
      await button(page, lang, 'extend.confirm').click();
      await page.getByRole('dialog').getByRole('button', { name: t(lang, 'extend.dialog_confirm'), exact: true }).click();
    },
    done: async (page) => {
      await expect(page.getByTestId('extension-done')).toBeVisible();
    },
    count: async (sandbox) => (await seedAccount(sandbox, DEMO.due)).delay_num,
  },
  {
    name: 'feedback', api: '/Feedback/ajaxCreate', user: DEMO.due, check: 'unknowable',
    arrange: async (page, lang) => {
      await open(page, 'feedback', lang);
      await page.getByLabel(t(lang, 'feedback.comments'), { exact: true }).fill('No veo mi pago');
      await page.getByLabel(t(lang, 'feedback.contact'), { exact: true }).fill('ana@example.mx');
      return 'feedback';
    },
    act: async (page, lang) => button(page, lang, 'feedback.submit').click(),
    done: async (page, lang) => {
      await expect(page.getByText(t(lang, 'feedback.done'))).toBeVisible();
    },
    count: async (sandbox) => (await sandbox.state()).feedback.length,
    kept: async (page, lang) => {
      await expect(page.getByLabel(t(lang, 'feedback.comments'), { exact: true })).toHaveValue('No veo mi pago');
    },
  },
  {
    name: 'pay', api: '/Repay/payTransf', user: DEMO.overdue, check: 'repeatable',
    arrange: async (page, lang, sandbox) => {
      const acc = await seedAccount(sandbox, DEMO.overdue);
      await open(page, `pay/${acc.order_number}`, lang);
      await page.getByRole('radio', { name: t(lang, 'pay.stp') }).check();
      return `pay/${acc.order_number}`;
    },
    act: async (page, lang) => button(page, lang, 'pay.get_reference').first().click(),
    done: async (page) => {
      await expect(page.getByTestId('reference-stp').getByTestId('reference')).toBeVisible();
    },
    count: async (sandbox) => (await sandbox.state()).references.length,
  },
  {
    name: 'proof', api: '/Repay/repayProof', user: DEMO.due, check: 'read-back',
    arrange: async (page, lang, sandbox) => {
      const acc = await seedAccount(sandbox, DEMO.due);
      await open(page, `proof/${acc.order_number}`, lang);
      await page.getByLabel(t(lang, 'proof.utr'), { exact: true }).fill('MBAN0100260520001');
      return `proof/${acc.order_number}`;
    },
    act: async (page, lang) => button(page, lang, 'proof.submit').click(),
    done: async (page, lang) => {
      await expect(page.getByRole('status').filter({ hasText: t(lang, 'proof.done') })).toBeVisible();
    },
    count: async (sandbox) => (await sandbox.state()).proofs.length,
    kept: async (page, lang) => {
      await expect(page.getByLabel(t(lang, 'proof.utr'), { exact: true })).toHaveValue('MBAN0100260520001');
    },
  },
  {
    name: 'contacts', api: '/Contact/ajaxPush', user: DEMO.due, check: 'unknowable',
    arrange: async (page, lang) => {
      await open(page, 'contacts', lang);
      await page.getByLabel(t(lang, 'contacts.name'), { exact: true }).fill('María López');
      await page.getByLabel(t(lang, 'contacts.phone'), { exact: true }).fill('5511112222');
      return 'contacts';
    },
    act: async (page, lang) => button(page, lang, 'contacts.submit').click(),
    done: async (page, lang) => {
      await expect(page.getByText(t(lang, 'contacts.done'))).toBeVisible();
    },
    count: async (sandbox) => (await sandbox.state()).contacts.length,
    kept: async (page, lang) => {
      await expect(page.getByLabel(t(lang, 'contacts.name'), { exact: true })).toHaveValue('María López');
    },
  },
  {
    name: 'reloan', api: '/Loan/reLoan', user: DEMO.repaid, check: 'read-back',
    arrange: async (page, lang) => {
      await open(page, '', lang);
      await expect(button(page, lang, 'home.reloan')).toBeVisible();
      return '';
    },
    act: async (page, lang) => button(page, lang, 'home.reloan').click(),
    done: async (page, lang) => {
      await expect(page.getByTestId('amount-due')).toBeVisible();
      await expect(button(page, lang, 'home.reloan')).toHaveCount(0);
    },
    count: async (sandbox) => (await seedAccount(sandbox, DEMO.repaid)).history.length,
  },
  {
    name: 'confirm', api: '/Index/ajaxApply', user: DEMO.awaitingConfirmation, check: 'read-back',
    arrange: async (page, lang) => {
      await open(page, '', lang);
      await expect(button(page, lang, 'home.confirm')).toBeVisible();
      return '';
    },
    act: async (page, lang) => button(page, lang, 'home.confirm').click(),
    done: async (page, lang) => {
      await expect(page.getByTestId('amount-due')).toBeVisible();
      await expect(button(page, lang, 'home.confirm')).toHaveCount(0);
    },
    count: async (sandbox) => (await seedAccount(sandbox, DEMO.awaitingConfirmation)).confirm,
  },
  {
    name: 'upload', api: '/Info/ajaxUpload', user: DEMO.due, check: 'repeatable',
    arrange: async (page, lang, sandbox) => {
      const acc = await seedAccount(sandbox, DEMO.due);
      await open(page, `proof/${acc.order_number}`, lang);
      return `proof/${acc.order_number}`;
    },
    act: async (page, lang) =>
      page.getByLabel(t(lang, 'proof.image'), { exact: true }).setInputFiles({ name: 'recibo.png', mimeType: 'image/png', buffer: PNG_1PX }),
    done: async (page, lang) => {
      await expect(page.getByText(t(lang, 'photo.attached'))).toBeVisible();
    },
    count: async (sandbox) => (await sandbox.state()).uploads.length,
    resumes: true,
  },
  {
    name: 'login', api: '/Index/ajaxSignIn', user: DEMO.due, check: 'repeatable',
    arrange: async (page, lang) => {
      await page.context().clearCookies();
      await open(page, 'login', lang);
      await page.getByLabel(t(lang, 'login.phone'), { exact: true }).fill(DEMO.due);
      await page.getByLabel(t(lang, 'login.password'), { exact: true }).fill(DEMO_PASSWORD);
      return 'login';
    },
    act: async (page, lang) => button(page, lang, 'login.submit').click(),
    done: async (page) => {
      await expect(page).toHaveURL((u) => !u.pathname.endsWith('/login'));
    },
    count: async (sandbox) => (await sandbox.state()).sessions,
    kept: async (page, lang) => {
      await expect(page.getByLabel(t(lang, 'login.phone'), { exact: true })).toHaveValue(DEMO.due);
    },
  },
  {
    name: 'logout', api: '/Index/ajaxLogOut', user: DEMO.due, check: 'repeatable',
    arrange: async (page, lang) => {
      await open(page, '', lang);
      await expect(page.getByTestId('loan-card')).toBeVisible();
      return '';
    },
    act: async (page, lang) => page.getByRole('navigation').getByRole('button', { name: t(lang, 'nav.logout'), exact: true }).click(),
    done: async (page, lang) => {
      await expect(page.getByRole('navigation').getByRole('link', { name: t(lang, 'nav.login'), exact: true })).toBeVisible();
      await expect(page.getByRole('alert')).toHaveCount(0);
    },
    count: async (sandbox) => -(await sandbox.state()).sessions,
    // The menu forgets the session at once; the alert offers the retry.
    retry: async (page, lang) => page.getByRole('alert').getByRole('button', { name: t(lang, 'errors.retry'), exact: true }).click(),
  },
];

/** Did the spoiled call take effect on the server? */
const tookEffect = (kind: Kind) => kind === 'truncated' || kind === 'drop' || kind === 'slow';

/** What a write failed by `kind` shows, when it is not done and not an expiry. */
function writeMessage(wc: WriteCase, kind: Kind): string {
  if (kind === 'offline') return 'errors.offline';
  if (wc.check === 'unknowable') return 'errors.unconfirmed';
  return readMessage(kind);
}

async function writeCase(page: Page, sandbox: Sandbox, lang: Lang, wc: WriteCase, kind: Kind): Promise<void> {
  await signIn(page, sandbox, wc.user);
  const before = await wc.count(sandbox);
  // `slow` installs the fake clock, which must come before the page loads.
  if (kind === 'slow') await page.clock.install();
  const path = await wc.arrange(page, lang, sandbox);
  if (kind === 'offline') await page.context().setOffline(true);
  else await sandbox.fault(wc.api, kind, 1, kind === 'slow' ? 60_000 : undefined);
  await wc.act(page, lang);
  await lapse(page, sandbox, wc.api, kind);
  const records = async () => (await wc.count(sandbox)) - before;

  if (expires(kind) && wc.name === 'logout') {
    // An expired session is as logged out as it gets.
    await wc.done(page, lang);
    return;
  }
  if (expires(kind) && wc.name !== 'login') {
    await loginAgainAndBack(page, lang, wc.user, path);
    if (wc.kept) await wc.kept(page, lang);
    if (!wc.resumes) {
      expect(await records()).toBe(0);
      await wc.act(page, lang);
    }
    await wc.done(page, lang);
    await expect.poll(records).toBe(1);
    return;
  }
  if (tookEffect(kind) && wc.check === 'read-back') {
    // Checked, found done: shown as done without a second request.
    await wc.done(page, lang);
    await expect(page.getByRole('alert')).toHaveCount(0);
    expect(await records()).toBe(1);
    return;
  }
  const alert = page.getByRole('alert').first();
  // A refused sign-in (a 401 or a -100 before any session) is not "log in again".
  const message = expires(kind) ? 'errors.unexpected' : writeMessage(wc, kind);
  await expect(alert).toContainText(t(lang, message));
  if (wc.kept) await wc.kept(page, lang);
  const sent = tookEffect(kind) ? 1 : 0;
  expect(await records()).toBe(sent);
  if (kind === 'offline') await page.context().setOffline(false);
  if (wc.check === 'unknowable' && tookEffect(kind)) {
    // It may have arrived: the form stays, and nothing was sent again.
    expect((await sandbox.state()).faults_fired).toHaveLength(1);
    return;
  }
  // Visibly not done (or safe to repeat): the borrower tries again.
  await (wc.retry ?? wc.act)(page, lang);
  await wc.done(page, lang);
  if (wc.name !== 'login' && wc.name !== 'logout') await expect.poll(records).toBe(sent + 1);
}

for (const lang of LANGS) {
  test.describe(`faults, writes (${lang})`, () => {
    test.beforeEach(async ({ sandbox }) => {
      await sandbox.reset();
    });
    for (const wc of WRITES) {
      const full = lang === 'es' && ['extend', 'feedback', 'pay'].includes(wc.name);
      const kinds = full ? ALL : lang === 'es' || ['extend', 'feedback', 'pay'].includes(wc.name) ? CLASSES : [];
      for (const kind of kinds) {
        test(`${wc.name}: ${kind}`, async ({ page, sandbox }) => {
          await writeCase(page, sandbox, lang, wc, kind);
        });
      }
    }
  });
}

// ------------------------------------------------ one request per retry tap

test.describe('retry buttons send once', () => {
  test.beforeEach(async ({ sandbox }) => {
    await sandbox.reset();
  });

  test('a page\'s retry, tapped twice while it runs, reads once', async ({ page, sandbox }) => {
    const acc = await seedAccount(sandbox, DEMO.due);
    await signIn(page, sandbox, DEMO.due);
    await sandbox.fault('/Repay/loanDetail', 'http502');
    await open(page, `repay/${acc.order_number}`, 'es');
    const retry = page.getByRole('alert').getByRole('button', { name: t('es', 'errors.retry'), exact: true });
    await expect(retry).toBeVisible();
    const reads: string[] = [];
    page.on('request', (r) => {
      if (r.url().endsWith('/Repay/loanDetail')) reads.push(r.url());
    });
    await sandbox.settings({ delayMs: 800 });
    await retry.click();
    // The error stays on screen while the retry runs: a second tap lands on it.
    await retry.click();
    await expect(page.getByTestId('amount-now')).toHaveText(money(acc.need_repay));
    expect(reads).toHaveLength(1);
  });

  test('the payment\'s retry, tapped twice while it runs, makes one reference', async ({ page, sandbox }) => {
    const acc = await seedAccount(sandbox, DEMO.overdue);
    await signIn(page, sandbox, DEMO.overdue);
    await open(page, `pay/${acc.order_number}`, 'es');
    await page.getByRole('radio', { name: t('es', 'pay.stp') }).check();
    await sandbox.fault('/Repay/payTransf', 'drop-before');
    await page.getByRole('button', { name: t('es', 'pay.get_reference'), exact: true }).click();
    const retry = page.getByRole('alert').getByRole('button', { name: t('es', 'errors.retry'), exact: true });
    await expect(retry).toBeVisible();
    await sandbox.settings({ delayMs: 800 });
    await retry.click();
    await retry.click();
    await expect(page.getByTestId('reference-stp').getByTestId('reference')).toBeVisible();
    await sandbox.settings({ delayMs: 0 });
    expect((await sandbox.state()).references).toHaveLength(1);
  });
});
