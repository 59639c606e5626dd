/**
 * "Add the due day to my calendar" on the repayment page: a downloaded
 * iCalendar file (RFC 5545) with one all-day event on the due day exactly as
 * the server sends it (CONTRACT Q5: the browser here is in Mexico City, west
 * of the server, so a day recomputed in its zone would be a day early) and a
 * reminder the morning before; inside a native app's WebView, which can't
 * download, a same-page link to Google Calendar's event template instead.
 */
import { readFileSync } from 'node:fs';
import {
  test, expect, t, shot, LANGS, DEMO, seedAccount, money, addDays, loginTo, type Lang, ANDROID_WEBVIEW_UA,
} from './fixtures';
import type { Page } from '@playwright/test';

/** An Android WebView (Chrome 124 on Android 10) as it identifies itself. */
/** `dd-mm-yyyy` as iCalendar's `yyyymmdd`. */
function basic(dmy: string): string {
  const [d, m, y] = dmy.split('-');
  return `${y}${m}${d}`;
}

/** A TEXT value as RFC 5545 escapes it. */
function icsText(s: string): string {
  return s.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\n/g, '\\n');
}

function calendarName(lang: Lang): string {
  return t(lang, 'repay.calendar');
}

async function openRepay(page: Page, lang: Lang, sandbox: Parameters<typeof seedAccount>[0]) {
  const acc = await seedAccount(sandbox, DEMO.due);
  await loginTo(page, lang, DEMO.due, `repay/${acc.order_number}`);
  await expect(page.getByTestId('amount-now')).toHaveText(money(acc.need_repay));
  return acc;
}

for (const lang of LANGS) {
  test.describe(`calendar (${lang})`, () => {
    test.beforeEach(async ({ sandbox }) => {
      await sandbox.reset();
    });

    test('downloads an .ics with the server\'s due day, a reminder the day before and text in the page\'s language', async ({ page, sandbox }) => {
      const acc = await openRepay(page, lang, sandbox);
      const button = page.getByRole('button', { name: calendarName(lang), exact: true });
      const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
      expect(download.suggestedFilename()).toMatch(/\.ics$/);
      const file = await download.path();
      const ics = readFileSync(file, 'utf8');

      // Framing: CRLF everywhere, no line over 75 octets, folded lines start with a space.
      expect(ics.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
      expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
      const physical = ics.slice(0, -2).split('\r\n');
      for (const line of physical) {
        expect(line).not.toMatch(/[\r\n]/);
        expect(Buffer.byteLength(line, 'utf8'), line).toBeLessThanOrEqual(75);
      }
      const lines = ics.replace(/\r\n /g, '').slice(0, -2).split('\r\n');
      expect(lines).toContain('VERSION:2.0');
      expect(lines.some((l) => l.startsWith('PRODID:'))).toBe(true);
      expect(lines.filter((l) => l === 'BEGIN:VEVENT')).toHaveLength(1);
      expect(lines.some((l) => /^UID:.+/.test(l))).toBe(true);
      expect(lines.some((l) => /^DTSTAMP:\d{8}T\d{6}Z$/.test(l))).toBe(true);

      // The day as the server sent it, all day (the end is the next day).
      expect(lines).toContain(`DTSTART;VALUE=DATE:${basic(acc.due_day)}`);
      expect(lines).toContain(`DTEND;VALUE=DATE:${basic(addDays(acc.due_day, 1))}`);

      // The text names the amount as the page shows it, in the page's language.
      const amount = money(acc.need_repay);
      expect(lines).toContain(`SUMMARY:${icsText(t(lang, 'repay.calendar_summary', { amount }))}`);
      const description = lines.find((l) => l.startsWith('DESCRIPTION:'));
      expect(description).toContain(icsText(t(lang, 'repay.calendar_description', { oid: acc.order_number, amount })));

      // A reminder the morning before (09:00: 15 h before the all-day start), shown on screen.
      const alarm = lines.slice(lines.indexOf('BEGIN:VALARM'), lines.indexOf('END:VALARM') + 1);
      expect(alarm).toEqual([
        'BEGIN:VALARM',
        'TRIGGER:-PT15H',
        'ACTION:DISPLAY',
        `DESCRIPTION:${icsText(t(lang, 'repay.calendar_alarm', { amount }))}`,
        'END:VALARM',
      ]);
      // Still on the repayment page.
      await expect(page).toHaveURL((u) => u.pathname.endsWith(`/repay/${acc.order_number}`));
      await expect(page.getByTestId('amount-now')).toHaveText(amount);
      await expect(page.getByText(t(lang, 'repay.calendar_hint'), { exact: true })).toHaveCount(0);
    });

    test.describe('inside a native app (Android WebView)', () => {
      test.use({ userAgent: ANDROID_WEBVIEW_UA });

      test('no download: a same-page link to Google Calendar with the due day', async ({ page, sandbox }) => {
        const acc = await openRepay(page, lang, sandbox);
        await expect(page.getByRole('button', { name: calendarName(lang), exact: true })).toHaveCount(0);
        const link = page.getByRole('link', { name: calendarName(lang), exact: true });
        await expect(link).toBeVisible();
        await expect(link).toHaveAccessibleDescription(t(lang, 'repay.calendar_hint'));
        // Same page: no new window (a WebView has none) and no download.
        await expect(link).not.toHaveAttribute('target', /.+/);
        await expect(link).not.toHaveAttribute('download', /.*/);
        await shot(page, `calendar-webview-${lang}`);
        const href = new URL((await link.getAttribute('href')) ?? '');
        expect(href.origin).toBe('https://calendar.google.com');
        expect(href.pathname).toBe('/calendar/render');
        expect(href.searchParams.get('action')).toBe('TEMPLATE');
        expect(href.searchParams.get('dates')).toBe(`${basic(acc.due_day)}/${basic(addDays(acc.due_day, 1))}`);
        const amount = money(acc.need_repay);
        expect(href.searchParams.get('text')).toBe(t(lang, 'repay.calendar_summary', { amount }));
        expect(href.searchParams.get('details')).toContain(t(lang, 'repay.calendar_description', { oid: acc.order_number, amount }));
        // A tap opens it in this same page (no popup, no download); Google stubbed, this machine can't reach it.
        await page.route('https://calendar.google.com/**', (route) =>
          route.fulfill({ status: 200, contentType: 'text/html', body: '<title>Google Calendar</title>' }),
        );
        let downloads = 0;
        page.on('download', () => downloads++);
        const popups: unknown[] = [];
        page.context().on('page', (p) => popups.push(p));
        await link.click();
        await expect(page).toHaveURL((u) => u.origin === 'https://calendar.google.com' && u.searchParams.get('dates') === href.searchParams.get('dates'));
        expect(downloads).toBe(0);
        expect(popups).toEqual([]);
      });
    });
  });
}
