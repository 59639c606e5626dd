/**
 * Accessibility, checked by axe-core (WCAG 2.1 A and AA: contrast, labels,
 * roles, names, heading order…) on each page state of the repayment path, in
 * both languages. axe is injected from node_modules: @axe-core/playwright
 * needs a newer Node than this machine's.
 */
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { test, expect, t, LANGS, DEMO, seedAccount, loginTo, open, PNG_1PX } from './fixtures';

const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

type Violation = { id: string; impact: string | null; nodes: Array<{ target: string[] }> };

async function violations(page: Page): Promise<string[]> {
  // Evaluated, not added as a <script>: the app's CSP refuses inline scripts.
  await page.evaluate(AXE);
  const found = (await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: unknown[] }> } }).axe;
    const result = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    });
    return result.violations;
  })) as Violation[];
  return found.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

for (const lang of LANGS) {
  test.describe(`accessibility (${lang})`, () => {
    test.beforeEach(async ({ sandbox }) => {
      await sandbox.reset();
    });

    test('logged-out home and login', async ({ page }) => {
      await open(page, '', lang);
      await expect(page.getByTestId('offer')).toBeVisible();
      expect(await violations(page)).toEqual([]);
      await open(page, 'login', lang);
      await page.getByRole('button', { name: t(lang, 'login.submit'), exact: true }).click();
      await expect(page.getByText(t(lang, 'login.phone_required'))).toBeVisible();
      expect(await violations(page)).toEqual([]);
    });

    test('home card, repayment, extension dialog and payment reference', async ({ page, sandbox }) => {
      const acc = await seedAccount(sandbox, DEMO.overdue);
      await loginTo(page, lang, DEMO.overdue);
      await expect(page.getByTestId('loan-card')).toBeVisible();
      expect(await violations(page)).toEqual([]);

      await open(page, `repay/${acc.order_number}`, lang);
      await expect(page.getByTestId('amount-now')).toBeVisible();
      expect(await violations(page)).toEqual([]);

      await open(page, `extend/${acc.order_number}`, lang);
      await page.getByRole('button', { name: t(lang, 'extend.confirm'), exact: true }).click();
      await expect(page.getByRole('dialog')).toBeVisible();
      expect(await violations(page)).toEqual([]);

      await open(page, `pay/${acc.order_number}`, lang);
      await page.getByLabel(new RegExp(t(lang, 'pay.paycash').replace(/[()]/g, '\\$&'))).check();
      await page.getByRole('button', { name: t(lang, 'pay.get_reference'), exact: true }).click();
      await expect(page.getByTestId('reference')).toBeVisible();
      expect(await violations(page)).toEqual([]);
    });
  });

  test.describe(`accessibility of the forms on a touch phone (${lang})`, () => {
    test.use({ hasTouch: true, isMobile: true });

    test('proof with a photo (and the camera), feedback, contacts', async ({ page, sandbox }) => {
      await sandbox.reset();
      const acc = await seedAccount(sandbox, DEMO.due);
      await loginTo(page, lang, DEMO.due, `proof/${acc.order_number}`);
      await expect(page.getByLabel(t(lang, 'photo.take'), { exact: true }).first()).toBeAttached();
      await page.getByLabel(t(lang, 'proof.image'), { exact: true }).setInputFiles({ name: 'r.png', mimeType: 'image/png', buffer: PNG_1PX });
      await expect(page.getByText(t(lang, 'photo.attached'))).toBeVisible();
      await page.getByLabel(t(lang, 'proof.utr'), { exact: true }).fill('no/valid');
      await page.getByRole('button', { name: t(lang, 'proof.submit'), exact: true }).click();
      await expect(page.getByText(t(lang, 'proof.utr_invalid'))).toBeVisible();
      expect(await violations(page)).toEqual([]);
      await open(page, 'feedback', lang);
      expect(await violations(page)).toEqual([]);
      await open(page, 'contacts', lang);
      expect(await violations(page)).toEqual([]);
    });
  });
}
