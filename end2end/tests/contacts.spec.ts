/**
 * Reference contacts chosen one by one (issue "Photos, proof of payment and
 * references…"): where the browser has the Contact Picker API a button
 * fills one row per person picked (a stand-in for Chrome's picker is
 * injected here; desktop Chromium has none); elsewhere, and always inside a
 * native app's WebView, there is no button and typing works as before.
 * Relationships come from a translated list and are sent in the borrower's
 * language; numbers are normalised to 10 digits, and the saved list shows
 * what was sent.
 */
import { test, expect, t, shot, LANGS, DEMO, loginTo, type Lang, type SentContact, ANDROID_WEBVIEW_UA } from './fixtures';
import type { Page } from '@playwright/test';


type Person = { name: string[]; tel: string[] };

/** An Android WebView (Chrome 124 on Android 10) as it identifies itself. */
const PEOPLE: Person[] = [
  { name: ['María López', 'Mary'], tel: ['+52 1 55 1234 5678', '5599990000'] },
  { name: ['José Pérez'], tel: ['(55) 3333-4444'] },
];

/**
 * Chrome's Contact Picker as the page sees it (`window.ContactsManager`,
 * `navigator.contacts.select`): each `select` answers `people` and is
 * recorded in `window.__picks` with what it asked for.
 */
async function stubPicker(page: Page, people: Person[]): Promise<void> {
  await page.addInitScript((people: Person[]) => {
    const w = window as unknown as { __picks: unknown[]; ContactsManager: unknown };
    w.__picks = [];
    class ContactsManager {
      async getProperties(): Promise<string[]> {
        return ['name', 'tel'];
      }
      async select(properties: string[], options: { multiple?: boolean }): Promise<Person[]> {
        w.__picks.push({ properties, options });
        return people;
      }
    }
    w.ContactsManager = ContactsManager;
    Object.defineProperty(navigator, 'contacts', { value: new ContactsManager(), configurable: true });
  }, people);
}

async function picks(page: Page): Promise<unknown[]> {
  return page.evaluate(() => (window as unknown as { __picks: unknown[] }).__picks);
}

function row(page: Page, lang: Lang, n: number) {
  const group = page.getByRole('group', { name: t(lang, 'contacts.contact_n', { n }), exact: true });
  return {
    group,
    name: group.getByLabel(t(lang, 'contacts.name'), { exact: true }),
    phone: group.getByLabel(t(lang, 'contacts.phone'), { exact: true }),
    relate: group.getByLabel(t(lang, 'contacts.relate'), { exact: true }),
  };
}

function pickButton(page: Page, lang: Lang) {
  return page.getByRole('button', { name: t(lang, 'contacts.pick'), exact: true });
}

async function submit(page: Page, lang: Lang): Promise<void> {
  await page.getByRole('button', { name: t(lang, 'contacts.submit'), exact: true }).click();
}

/** The saved list's entry for `name`, holding the number and relationship as sent. */
async function expectSaved(page: Page, lang: Lang, sent: SentContact[]): Promise<void> {
  await expect(page.getByRole('status').filter({ hasText: t(lang, 'contacts.done') })).toBeVisible();
  const list = page.getByRole('list', { name: t(lang, 'contacts.saved_title'), exact: true });
  await expect(list.getByRole('listitem')).toHaveCount(sent.length);
  for (const [i, c] of sent.entries()) {
    const item = list.getByRole('listitem').nth(i);
    await expect(item).toContainText(c.name);
    await expect(item).toContainText(c.phone);
    if (c.relate) await expect(item).toContainText(c.relate);
  }
}

for (const lang of LANGS) {
  test.describe(`contacts (${lang})`, () => {
    test.beforeEach(async ({ sandbox }) => {
      await sandbox.reset();
    });

    test('Contact Picker: two people picked fill two rows and arrive normalised, with the relationship', async ({ page, sandbox }) => {
      await stubPicker(page, PEOPLE);
      await loginTo(page, lang, DEMO.due, 'contacts');
      const pick = pickButton(page, lang);
      await expect(pick).toBeVisible();
      // One short line says the app only sees whom they pick.
      await expect(page.getByText(t(lang, 'contacts.pick_hint'), { exact: true })).toBeVisible();
      await expect(pick).toHaveAccessibleDescription(t(lang, 'contacts.pick_hint'));
      await pick.click();
      // Asked for names and numbers of people chosen one by one, nothing else.
      await expect.poll(() => picks(page)).toEqual([{ properties: ['name', 'tel'], options: { multiple: true } }]);
      // The empty first row is filled first, then one more is added; first name, first number.
      const first = row(page, lang, 1);
      const second = row(page, lang, 2);
      await expect(first.name).toHaveValue('María López');
      await expect(first.phone).toHaveValue('+52 1 55 1234 5678');
      await expect(second.name).toHaveValue('José Pérez');
      await expect(second.phone).toHaveValue('(55) 3333-4444');
      await expect(page.getByRole('group', { name: t(lang, 'contacts.contact_n', { n: 3 }), exact: true })).toHaveCount(0);
      await first.relate.selectOption({ label: t(lang, 'contacts.rel_mother') });
      await second.relate.selectOption({ label: t(lang, 'contacts.rel_coworker') });
      await shot(page, `contacts-picked-${lang}`);
      await submit(page, lang);
      const sent: SentContact[] = [
        { name: 'María López', phone: '5512345678', relate: t(lang, 'contacts.rel_mother') },
        { name: 'José Pérez', phone: '5533334444', relate: t(lang, 'contacts.rel_coworker') },
      ];
      await expectSaved(page, lang, sent);
      await shot(page, `contacts-saved-${lang}`);
      const state = await sandbox.state();
      expect(state.contacts).toHaveLength(1);
      expect(state.contacts[0].username).toBe(DEMO.due);
      expect(state.contacts[0].contacts).toEqual(sent);
    });

    test('Contact Picker: a row already typed is kept, the person picked goes in a new row', async ({ page, sandbox }) => {
      await stubPicker(page, [PEOPLE[1]]);
      await loginTo(page, lang, DEMO.due, 'contacts');
      await row(page, lang, 1).name.fill('Ana Ruiz');
      await row(page, lang, 1).phone.fill('55.1111.2222');
      await pickButton(page, lang).click();
      await expect(row(page, lang, 2).name).toHaveValue('José Pérez');
      await expect(row(page, lang, 1).name).toHaveValue('Ana Ruiz');
      await submit(page, lang);
      await expectSaved(page, lang, [
        { name: 'Ana Ruiz', phone: '5511112222', relate: '' },
        { name: 'José Pérez', phone: '5533334444', relate: '' },
      ]);
      expect((await sandbox.state()).contacts[0].contacts).toEqual([
        { name: 'Ana Ruiz', phone: '5511112222', relate: '' },
        { name: 'José Pérez', phone: '5533334444', relate: '' },
      ]);
    });

    test('without the Contact Picker: no button, typing works; numbers are checked and normalised', async ({ page, sandbox }) => {
      await loginTo(page, lang, DEMO.due, 'contacts');
      const first = row(page, lang, 1);
      await expect(first.name).toBeVisible();
      await expect(pickButton(page, lang)).toHaveCount(0);
      await expect(page.getByText(t(lang, 'contacts.pick_hint'), { exact: true })).toHaveCount(0);
      await first.name.fill('Ana Ruiz');
      // Not 10 digits: told so, nothing sent.
      await first.phone.fill('12345');
      await expect(first.phone).toHaveAccessibleDescription(t(lang, 'contacts.phone_hint'));
      await submit(page, lang);
      await expect(page.getByText(t(lang, 'contacts.incomplete'), { exact: true })).toBeVisible();
      expect((await sandbox.state()).contacts).toHaveLength(0);
      await first.phone.fill('+52 (55) 1234-5678');
      await first.relate.selectOption({ label: t(lang, 'contacts.rel_friend') });
      // Usable at 320 px: nothing wider than the screen.
      await page.setViewportSize({ width: 320, height: 740 });
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
      await submit(page, lang);
      const sent = [{ name: 'Ana Ruiz', phone: '5512345678', relate: t(lang, 'contacts.rel_friend') }];
      await expectSaved(page, lang, sent);
      expect((await sandbox.state()).contacts[0].contacts).toEqual(sent);
    });

    test('the chosen relationship is kept in the draft across a reload', async ({ page, sandbox }) => {
      await loginTo(page, lang, DEMO.due, 'contacts');
      await row(page, lang, 1).name.fill('Ana Ruiz');
      await row(page, lang, 1).phone.fill('5511112222');
      await row(page, lang, 1).relate.selectOption({ label: t(lang, 'contacts.rel_partner') });
      await page.reload();
      await expect(row(page, lang, 1).name).toHaveValue('Ana Ruiz');
      await expect(row(page, lang, 1).relate).toHaveValue('partner');
      await submit(page, lang);
      await expectSaved(page, lang, [{ name: 'Ana Ruiz', phone: '5511112222', relate: t(lang, 'contacts.rel_partner') }]);
      expect((await sandbox.state()).contacts[0].contacts[0].relate).toBe(t(lang, 'contacts.rel_partner'));
    });

    test.describe('inside a native app (Android WebView)', () => {
      test.use({ userAgent: ANDROID_WEBVIEW_UA });

      test('no Contact Picker button even where the API answers; typing works', async ({ page, sandbox }) => {
        await stubPicker(page, PEOPLE);
        await loginTo(page, lang, DEMO.due, 'contacts');
        // The stub is there, and still no button: a WebView's picker can't be trusted to open.
        expect(await page.evaluate(() => 'contacts' in navigator && 'ContactsManager' in window)).toBe(true);
        await expect(row(page, lang, 1).name).toBeVisible();
        await expect(pickButton(page, lang)).toHaveCount(0);
        await row(page, lang, 1).name.fill('Ana Ruiz');
        await row(page, lang, 1).phone.fill('521 55 1111 2222');
        await submit(page, lang);
        await expectSaved(page, lang, [{ name: 'Ana Ruiz', phone: '5511112222', relate: '' }]);
        expect(await picks(page)).toEqual([]);
        expect((await sandbox.state()).contacts).toHaveLength(1);
      });
    });
  });
}
