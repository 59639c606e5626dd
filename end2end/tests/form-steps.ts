/**
 * The borrower's steps on the proof, feedback and contacts forms, and what
 * the sandbox must hold once a form is sent: shared by forms.spec.ts (the
 * forms sent) and drafts.spec.ts (the same forms sent across the end of a
 * session), so both send, and check, the same thing.
 */
import { expect, t, PNG_1PX, type Lang, type Sandbox } from './fixtures';
import type { Locator, Page } from '@playwright/test';

/** On the proof page: the payment number field. */
export function utrField(page: Page, lang: Lang): Locator {
  return page.getByLabel(t(lang, 'proof.utr'), { exact: true });
}

/** On the proof page: types the payment number `utr` and attaches a photo, then waits until the photo is attached. */
export async function fillProof(page: Page, lang: Lang, utr: string): Promise<void> {
  await utrField(page, lang).fill(utr);
  await page.getByLabel(t(lang, 'proof.image'), { exact: true }).setInputFiles({ name: 'recibo.png', mimeType: 'image/png', buffer: PNG_1PX });
  await expect(page.getByText(t(lang, 'photo.attached'))).toBeVisible();
}

/** Sends the proof form and waits for its confirmation. */
export async function sendProof(page: Page, lang: Lang): Promise<void> {
  await page.getByRole('button', { name: t(lang, 'proof.submit'), exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: t(lang, 'proof.done') })).toBeVisible();
}

/** The sandbox holds one proof: for order `oid`, with the number `utr` and an uploaded photo, whose address it returns. */
export async function expectOneProof(sandbox: Sandbox, oid: string, utr: string): Promise<string> {
  const { proofs } = await sandbox.state();
  expect(proofs).toHaveLength(1);
  expect(proofs[0]).toMatchObject({ oid, utr });
  const image = String(proofs[0].repay_image);
  expect(image).toMatch(/\/Public\/Upload\/\d{8}\/[0-9a-f]+\.png$/);
  return image;
}

/** Sends the feedback form and waits for its confirmation. */
export async function sendFeedback(page: Page, lang: Lang): Promise<void> {
  await page.getByRole('button', { name: t(lang, 'feedback.submit'), exact: true }).click();
  await expect(page.getByText(t(lang, 'feedback.done'))).toBeVisible();
}

/** The sandbox holds one feedback, with these `comments` and `contact`. */
export async function expectOneFeedback(sandbox: Sandbox, comments: string, contact: string): Promise<void> {
  const { feedback } = await sandbox.state();
  expect(feedback).toHaveLength(1);
  expect(feedback[0]).toMatchObject({ comments, contact });
}

/** On the contacts page: contact row `n` (1-based). */
export function contactRow(page: Page, lang: Lang, n: number): Locator {
  return page.getByRole('group', { name: t(lang, 'contacts.contact_n', { n }) });
}

/**
 * On the contacts page: fills the first row (a name and a phone typed in
 * groups), adds a second row and fills it with a relation too. What the
 * sandbox must then receive: {@link expectTwoContacts}.
 */
export async function fillTwoContacts(page: Page, lang: Lang): Promise<void> {
  await page.getByLabel(t(lang, 'contacts.name'), { exact: true }).fill('María López');
  await page.getByLabel(t(lang, 'contacts.phone'), { exact: true }).fill('55 1111 2222');
  await page.getByRole('button', { name: t(lang, 'contacts.add'), exact: true }).click();
  const second = contactRow(page, lang, 2);
  await second.getByLabel(t(lang, 'contacts.name'), { exact: true }).fill('José Pérez');
  await second.getByLabel(t(lang, 'contacts.phone'), { exact: true }).fill('5533334444');
  await second.getByLabel(t(lang, 'contacts.relate'), { exact: true }).selectOption({ label: t(lang, 'contacts.rel_sibling') });
}

/** Sends the contacts form and waits for its confirmation. */
export async function sendContacts(page: Page, lang: Lang): Promise<void> {
  await page.getByRole('button', { name: t(lang, 'contacts.submit'), exact: true }).click();
  await expect(page.getByText(t(lang, 'contacts.done'))).toBeVisible();
}

/** The sandbox holds one set of contacts: {@link fillTwoContacts}'s, phones as digits, the relation as its label. */
export async function expectTwoContacts(sandbox: Sandbox, lang: Lang): Promise<void> {
  const { contacts } = await sandbox.state();
  expect(contacts).toHaveLength(1);
  expect(contacts[0].contacts).toEqual([
    { name: 'María López', phone: '5511112222', relate: '' },
    { name: 'José Pérez', phone: '5533334444', relate: t(lang, 'contacts.rel_sibling') },
  ]);
}
