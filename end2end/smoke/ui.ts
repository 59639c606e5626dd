/**
 * Finding things on the page as a person (and a screen reader) would: by
 * role and accessible name, by label, by test id; then acting on them with
 * the engine's own clicks and keys. The search runs in the page
 * ({@link findInPage}, self-contained since it is sent as text); waiting is
 * Playwright's `expect.poll`, never a fixed sleep.
 */
import { expect } from '@playwright/test';
import type { Engine } from './engines';

export type Query = {
  /** ARIA role (implicit roles of the usual elements count). */
  role?: 'button' | 'link' | 'heading' | 'radio' | 'dialog' | 'alert' | 'textbox' | 'group' | 'main' | 'definition';
  /** Accessible name (after trimming and collapsing spaces): equal, or containing it with `exact: false`. */
  name?: string;
  exact?: boolean;
  /** The text of the `<label>` of a form control (exact). */
  label?: string;
  testId?: string;
  /** Heading level, for `role: 'heading'`. */
  level?: number;
  /** Only inside the element this query finds. */
  within?: Query;
};

/**
 * In the page: the visible elements `q` finds, each marked with a
 * `data-smoke` number; returns their selectors (`[data-smoke="n"]`).
 */
export function findInPage(q: Query): string[] {
  const norm = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();
  const visible = (el: Element) => {
    if (el instanceof HTMLInputElement && el.type === 'file') return true; // often styled away behind its label
    const r = (el as HTMLElement).getClientRects();
    return r.length > 0 && getComputedStyle(el).visibility !== 'hidden';
  };
  const roles: Record<string, string> = {
    button: 'button, [role=button], input[type=submit], input[type=button]',
    link: 'a[href], [role=link]',
    heading: 'h1, h2, h3, h4, h5, h6, [role=heading]',
    radio: 'input[type=radio], [role=radio]',
    dialog: 'dialog, [role=dialog]',
    alert: '[role=alert]',
    textbox: 'input:not([type]), input[type=text], input[type=tel], input[type=password], textarea',
    group: 'fieldset, [role=group]',
    main: 'main, [role=main]',
    definition: 'dd, [role=definition]',
  };
  const labelText = (el: Element) => {
    const labels = (el as HTMLInputElement).labels;
    return labels && labels.length ? norm(Array.from(labels).map((l) => l.textContent).join(' ')) : '';
  };
  const name = (el: Element) => {
    const aria = el.getAttribute('aria-label');
    if (aria) return norm(aria);
    const by = el.getAttribute('aria-labelledby');
    if (by) return norm(by.split(/\s+/).map((id) => document.getElementById(id)?.textContent).join(' '));
    if (el instanceof HTMLFieldSetElement) return norm(el.querySelector('legend')?.textContent);
    return labelText(el) || norm(el.textContent);
  };
  const find = (query: Query, scope: ParentNode): Element[] => {
    const scopes = query.within ? find(query.within, scope) : [scope];
    const out: Element[] = [];
    for (const s of scopes) {
      let found: Element[];
      if (query.testId) found = Array.from(s.querySelectorAll(`[data-testid="${query.testId}"]`));
      else if (query.role) found = Array.from(s.querySelectorAll(roles[query.role]));
      else if (query.label !== undefined) found = Array.from(s.querySelectorAll('input, textarea, select'));
      else found = [];
      found = found.filter((el) => visible(el));
      if (query.role === 'heading' && query.level) found = found.filter((el) => el.tagName === `H${query.level}`);
      if (query.label !== undefined) found = found.filter((el) => labelText(el) === query.label);
      if (query.name !== undefined) {
        const want = query.name;
        found = found.filter((el) => (query.exact === false ? name(el).includes(want) : name(el) === want));
      }
      out.push(...found);
    }
    return out;
  };
  const w = window as unknown as { __smokeMark?: number };
  return find(q, document).map((el) => {
    let mark = el.getAttribute('data-smoke');
    if (!mark) {
      w.__smokeMark = (w.__smokeMark ?? 0) + 1;
      mark = String(w.__smokeMark);
      el.setAttribute('data-smoke', mark);
    }
    return `[data-smoke="${mark}"]`;
  });
}

function describe(q: Query): string {
  return JSON.stringify(q);
}

export class Ui {
  constructor(readonly engine: Engine) {}

  /** The selector of the one element `q` finds, once there is exactly one. */
  async one(q: Query): Promise<string> {
    let found: string[] = [];
    await expect
      .poll(async () => (found = await this.engine.evaluate(findInPage, q)).length, { message: `exactly one ${describe(q)}` })
      .toBe(1);
    return found[0];
  }

  async click(q: Query): Promise<void> {
    await this.engine.click(await this.one(q));
  }

  async fill(q: Query, text: string): Promise<void> {
    await this.engine.type(await this.one(q), text);
  }

  async upload(q: Query, file: string): Promise<void> {
    await this.engine.upload(await this.one(q), file);
  }

  /** Waits until the element's text (spaces collapsed) is `text`. */
  async expectText(q: Query, text: string): Promise<void> {
    const sel = await this.one(q);
    await expect
      .poll(() => this.engine.evaluate((s: string) => (document.querySelector(s)?.textContent ?? '').replace(/\s+/g, ' ').trim(), sel), {
        message: `text of ${describe(q)}`,
      })
      .toBe(text);
  }

  /** Waits until the element's text contains `text`. */
  async expectContains(q: Query, text: string): Promise<void> {
    const sel = await this.one(q);
    await expect
      .poll(() => this.engine.evaluate((s: string) => (document.querySelector(s)?.textContent ?? '').replace(/\s+/g, ' '), sel), {
        message: `text of ${describe(q)}`,
      })
      .toContain(text);
  }

  async expectVisible(q: Query): Promise<void> {
    await this.one(q);
  }

  /** Waits until the address's path satisfies `ok`. */
  async expectPath(ok: (path: string) => boolean, what: string): Promise<void> {
    await expect.poll(async () => ok(new URL(await this.engine.url()).pathname), { message: `path ${what}` }).toBe(true);
  }

  /** Waits until `<html lang>` matches. */
  async expectLang(lang: RegExp): Promise<void> {
    await expect.poll(() => this.engine.evaluate(() => document.documentElement.lang), { message: '<html lang>' }).toMatch(lang);
  }
}
