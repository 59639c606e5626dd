/**
 * Photos and proof of payment on a weak link (issue 7): a camera-sized photo
 * is made small on the phone before it leaves (the sandbox records what it
 * received), small ones go as they are, anything else is refused before a
 * byte is sent; progress shows and goes, an upload can be cancelled and sent
 * again, the latest choice wins, both upload reply shapes (Q4) give a usable
 * address; /proof takes the SPEI tracking key and two photos and points to
 * Banxico's CEP; feedback takes three photos. Images are made by the test.
 */
import {
  test, expect, t, LANGS, DEMO, seedAccount, open, type Lang, type Sandbox, signIn, ANDROID_WEBVIEW_UA,
} from './fixtures';
import type { Page } from '@playwright/test';

/**
 * An image drawn by the browser: a camera-like picture (a gradient under
 * strong sensor noise, much harder to compress than a real photo) or a flat
 * colour.
 */
async function makeImage(page: Page, width: number, height: number, type: 'image/jpeg' | 'image/png', noisy: boolean): Promise<Buffer> {
  const b64 = await page.evaluate(
    async ({ width, height, type, noisy }) => {
      const canvas = document.createElement('canvas');
      canvas.width = width;
      canvas.height = height;
      const ctx = canvas.getContext('2d')!;
      if (noisy) {
        const img = ctx.createImageData(width, height);
        let x = 12345;
        for (let i = 0; i < img.data.length; i += 4) {
          x = (x * 1103515245 + 12345) & 0x7fffffff;
          const p = i / 4;
          const base = ((p % width) * 255) / width;
          img.data[i] = base + (x & 63) - 32;
          img.data[i + 1] = (((p / width) | 0) * 255) / height + ((x >> 8) & 63) - 32;
          img.data[i + 2] = 128 + ((x >> 16) & 63) - 32;
          img.data[i + 3] = 255;
        }
        ctx.putImageData(img, 0, 0);
      } else {
        ctx.fillStyle = '#2a7';
        ctx.fillRect(0, 0, width, height);
      }
      const blob: Blob = await new Promise((resolve) => canvas.toBlob((b) => resolve(b!), type, 0.95));
      const bytes = new Uint8Array(await blob.arrayBuffer());
      let s = '';
      for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
      return btoa(s);
    },
    { width, height, type, noisy },
  );
  return Buffer.from(b64, 'base64');
}

/** Width and height of a JPEG, from its start-of-frame marker. */
function jpegSize(bytes: Buffer): [number, number] {
  let i = 2;
  while (i < bytes.length) {
    const marker = bytes[i + 1];
    const length = bytes.readUInt16BE(i + 2);
    if (marker >= 0xc0 && marker <= 0xc2) return [bytes.readUInt16BE(i + 7), bytes.readUInt16BE(i + 5)];
    i += 2 + length;
  }
  throw new Error('no SOF marker');
}

const photoInput = (page: Page, lang: Lang, key = 'proof.image') => page.getByLabel(t(lang, key), { exact: true });

async function openProof(page: Page, sandbox: Sandbox, lang: Lang): Promise<string> {
  const acc = await seedAccount(sandbox, DEMO.due);
  await signIn(page, sandbox, DEMO.due);
  await open(page, `proof/${acc.order_number}`, lang);
  return acc.order_number;
}

for (const lang of LANGS) {
  test.describe(`photos (${lang})`, () => {
    test.beforeEach(async ({ sandbox }) => {
      await sandbox.reset();
    });

    test('a 12-megapixel camera photo goes up as a JPEG of at most 1600 px and a few hundred KB', async ({ page, sandbox }) => {
      test.slow();
      const oid = await openProof(page, sandbox, lang);
      const original = await makeImage(page, 4000, 3000, 'image/jpeg', true);
      // A camera's 3–5 MB (or more).
      expect(original.length).toBeGreaterThan(3_000_000);
      await photoInput(page, lang).setInputFiles({ name: 'IMG_20261128.jpg', mimeType: 'image/jpeg', buffer: original });
      await expect(page.getByText(t(lang, 'photo.attached'))).toBeVisible({ timeout: 20_000 });
      await expect(page.getByRole('img', { name: t(lang, 'photo.preview') })).toBeVisible();
      const [upload] = (await sandbox.state()).uploads;
      expect(upload.content_type).toBe('image/jpeg');
      expect(upload.size).toBeLessThan(600_000);
      expect(upload.size).toBeLessThan(original.length / 5);
      const sent = Buffer.from(await (await page.request.get(`${sandbox.origin}${upload.path}`)).body());
      expect(jpegSize(sent)).toEqual([1600, 1200]);
      await page.getByRole('button', { name: t(lang, 'proof.submit'), exact: true }).click();
      await expect(page.getByText(t(lang, 'proof.done'))).toBeVisible();
      const [proof] = (await sandbox.state()).proofs;
      expect(proof).toMatchObject({ oid });
      expect(String(proof.repay_image)).toContain(upload.path);
    });

    test('a small PNG goes as it is; not a photo, too large or unreadable: told before anything is sent', async ({ page, sandbox }) => {
      await openProof(page, sandbox, lang);
      const input = photoInput(page, lang);
      const refused = page.getByRole('alert');
      await input.setInputFiles({ name: 'notas.txt', mimeType: 'text/plain', buffer: Buffer.from('hola') });
      await expect(refused).toHaveText(t(lang, 'photo.not_image'));
      await input.setInputFiles({ name: 'enorme.jpg', mimeType: 'image/jpeg', buffer: Buffer.alloc(31_000_000, 0xff) });
      await expect(refused).toHaveText(t(lang, 'photo.too_large'));
      await input.setInputFiles({ name: 'roto.jpg', mimeType: 'image/jpeg', buffer: Buffer.from('not really a jpeg at all') });
      await expect(refused).toHaveText(t(lang, 'photo.unreadable'));
      expect((await sandbox.state()).uploads).toHaveLength(0);
      const png = await makeImage(page, 640, 480, 'image/png', false);
      await input.setInputFiles({ name: 'captura.png', mimeType: 'image/png', buffer: png });
      await expect(page.getByText(t(lang, 'photo.attached'))).toBeVisible();
      await expect(refused).toHaveCount(0);
      const [upload] = (await sandbox.state()).uploads;
      expect([upload.content_type, upload.size, upload.file_name]).toEqual(['image/png', png.length, 'captura.png']);
    });

    test('progress shows while sending and goes; cancel keeps the photo, which can be sent again', async ({ page, sandbox }) => {
      await openProof(page, sandbox, lang);
      const png = await makeImage(page, 320, 240, 'image/png', false);
      await sandbox.settings({ delayMs: 2500 });
      await photoInput(page, lang).setInputFiles({ name: 'recibo.png', mimeType: 'image/png', buffer: png });
      const bar = page.getByRole('progressbar', { name: t(lang, 'photo.progress') });
      await expect(bar).toBeVisible();
      await page.getByRole('button', { name: t(lang, 'photo.cancel'), exact: true }).click();
      await expect(bar).toHaveCount(0);
      await expect(page.getByText(t(lang, 'photo.cancelled'))).toBeVisible();
      await sandbox.settings({ delayMs: 600 });
      await page.getByRole('button', { name: t(lang, 'errors.retry'), exact: true }).click();
      await expect(bar).toBeVisible();
      await expect(page.getByText(t(lang, 'photo.attached'))).toBeVisible();
      await expect(bar).toHaveCount(0);
      // Removing it empties the field for the form.
      await page.getByRole('button', { name: t(lang, 'photo.remove'), exact: true }).click();
      await expect(page.getByText(t(lang, 'photo.attached'))).toHaveCount(0);
      await page.getByRole('button', { name: t(lang, 'proof.submit'), exact: true }).click();
      await expect(page.getByText(t(lang, 'proof.need_something'))).toBeVisible();
      expect((await sandbox.state()).proofs).toHaveLength(0);
    });

    test('a second photo chosen during the first upload wins', async ({ page, sandbox }) => {
      await openProof(page, sandbox, lang);
      const first = await makeImage(page, 300, 200, 'image/png', false);
      const second = await makeImage(page, 200, 300, 'image/png', false);
      await sandbox.settings({ delayMs: 1500 });
      await photoInput(page, lang).setInputFiles({ name: 'primera.png', mimeType: 'image/png', buffer: first });
      await expect(page.getByRole('progressbar')).toBeVisible();
      await photoInput(page, lang).setInputFiles({ name: 'segunda.png', mimeType: 'image/png', buffer: second });
      await expect(page.getByText(t(lang, 'photo.attached'))).toBeVisible();
      await sandbox.settings({ delayMs: 0 });
      await page.getByRole('button', { name: t(lang, 'proof.submit'), exact: true }).click();
      await expect(page.getByText(t(lang, 'proof.done'))).toBeVisible();
      const state = await sandbox.state();
      const chosen = state.uploads.find((u) => u.file_name === 'segunda.png');
      expect(chosen).toBeDefined();
      expect(String(state.proofs[0].repay_image)).toContain(chosen!.path);
    });

    test('proof: the tracking key is checked for its shape; two photos in both reply shapes; next steps and the CEP', async ({ page, sandbox }) => {
      const oid = await openProof(page, sandbox, lang);
      const key = page.getByLabel(t(lang, 'proof.utr'), { exact: true });
      await expect(key).toHaveAccessibleDescription(new RegExp(t(lang, 'proof.utr_hint').slice(0, 30).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
      await key.fill('MBAN/0100 2605');
      await page.getByRole('button', { name: t(lang, 'proof.submit'), exact: true }).click();
      await expect(page.getByText(t(lang, 'proof.utr_invalid'))).toBeVisible();
      await key.fill('MBAN 0100 2605 2000 1234 5678');
      const png = await makeImage(page, 300, 200, 'image/png', false);
      await photoInput(page, lang, 'proof.transfer_image').setInputFiles({ name: 'transferencia.png', mimeType: 'image/png', buffer: png });
      await expect(page.getByText(t(lang, 'photo.attached'))).toHaveCount(1);
      await photoInput(page, lang).setInputFiles({ name: 'ticket.png', mimeType: 'image/png', buffer: png });
      await expect(page.getByText(t(lang, 'photo.attached'))).toHaveCount(2);
      await page.getByRole('button', { name: t(lang, 'proof.submit'), exact: true }).click();
      await expect(page.getByText(t(lang, 'proof.next_steps'))).toBeVisible();
      const cep = page.getByRole('link', { name: t(lang, 'proof.cep'), exact: true });
      await expect(cep).toHaveAttribute('href', 'https://www.banxico.org.mx/cep/');
      await expect(cep).toHaveAttribute('target', '_blank');
      await expect(cep).toHaveAttribute('rel', /noopener/);
      const state = await sandbox.state();
      // Odd uploads answer with a backslashed full URL, even ones with a relative path (Q4): both usable.
      expect(state.uploads.map((u) => u.file_name)).toEqual(['transferencia.png', 'ticket.png']);
      expect(state.proofs[0]).toMatchObject({ oid, utr: 'MBAN0100260520001234 5678'.replace(' ', '') });
      for (const [field, upload] of [['utr_image', state.uploads[0]], ['repay_image', state.uploads[1]]] as const) {
        const url = String(state.proofs[0][field]);
        expect(url).toMatch(/^https?:\/\//);
        expect(url).toContain(upload.path);
        expect((await page.request.get(url)).ok()).toBe(true);
      }
    });

    test('feedback takes up to three photos, sent together', async ({ page, sandbox }) => {
      await signIn(page, sandbox, DEMO.due);
      await open(page, 'feedback', lang);
      await page.getByLabel(t(lang, 'feedback.comments'), { exact: true }).fill('Adjunto mis comprobantes');
      await page.getByLabel(t(lang, 'feedback.contact'), { exact: true }).fill('ana@example.mx');
      const png = await makeImage(page, 100, 100, 'image/png', false);
      await page.getByLabel(t(lang, 'feedback.attachment'), { exact: true }).setInputFiles({ name: 'uno.png', mimeType: 'image/png', buffer: png });
      const more = page.getByLabel(t(lang, 'photo.add_another'), { exact: true });
      await expect(more).toHaveCount(1);
      await more.setInputFiles({ name: 'dos.png', mimeType: 'image/png', buffer: png });
      await expect(more).toHaveCount(2);
      await more.nth(1).setInputFiles({ name: 'tres.png', mimeType: 'image/png', buffer: png });
      await expect(page.getByText(t(lang, 'photo.attached'))).toHaveCount(3);
      // Three is the most: no fourth field.
      await expect(more).toHaveCount(2);
      await page.getByRole('button', { name: t(lang, 'feedback.submit'), exact: true }).click();
      await expect(page.getByText(t(lang, 'feedback.done'))).toBeVisible();
      const state = await sandbox.state();
      const sent = String(state.feedback[0].attachments).split(',');
      expect(sent).toHaveLength(3);
      state.uploads.forEach((u, i) => expect(sent[i]).toContain(u.path));
    });
  });
}

test.describe('photos and proof inside an app\'s WebView', () => {
  test.use({ userAgent: ANDROID_WEBVIEW_UA });

  test('the CEP link opens on the same page (no popups in a WebView)', async ({ page, sandbox }) => {
    await sandbox.reset();
    await openProof(page, sandbox, 'es');
    await page.getByLabel(t('es', 'proof.utr'), { exact: true }).fill('MBAN01002605200012345678');
    await page.getByRole('button', { name: t('es', 'proof.submit'), exact: true }).click();
    const cep = page.getByRole('link', { name: t('es', 'proof.cep'), exact: true });
    await expect(cep).toHaveAttribute('href', 'https://www.banxico.org.mx/cep/');
    await expect(cep).not.toHaveAttribute('target', /.+/);
  });
});

test.describe('photos on a touch phone', () => {
  test.use({ hasTouch: true, isMobile: true });

  for (const lang of LANGS) {
    test(`the camera is offered beside the gallery (${lang})`, async ({ page, sandbox }) => {
      await sandbox.reset();
      await openProof(page, sandbox, lang);
      const camera = page.getByLabel(t(lang, 'photo.take'), { exact: true });
      await expect(camera).toHaveCount(2);
      await expect(camera.first()).toHaveAttribute('capture', 'environment');
      // A photo taken with it goes the same way.
      const png = await makeImage(page, 200, 200, 'image/png', false);
      await camera.last().setInputFiles({ name: 'camara.png', mimeType: 'image/png', buffer: png });
      await expect(page.getByText(t(lang, 'photo.attached'))).toBeVisible();
      expect((await sandbox.state()).uploads.map((u) => u.file_name)).toEqual(['camara.png']);
    });
  }
});

test('no camera button without a touch screen', async ({ page, sandbox }) => {
  await sandbox.reset();
  await openProof(page, sandbox, 'es');
  await expect(page.getByLabel(t('es', 'proof.image'), { exact: true })).toBeVisible();
  await expect(page.getByLabel(t('es', 'photo.take'), { exact: true })).toHaveCount(0);
});
