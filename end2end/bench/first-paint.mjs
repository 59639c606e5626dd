// Prints when a first load of the given URL first paints (the boot indicator
// in index.html, which has no text so it is not "contentful"), its first
// contentful paint, and when the app shows its first heading, median of 3 cold
// loads, on loopback and on a throttled mobile link. Figures only.
//
//   node bench/first-paint.mjs http://127.0.0.1:8787/repay/37051
import { chromium } from '@playwright/test';

const url = process.argv[2];
if (!url) {
  console.error('usage: node bench/first-paint.mjs URL');
  process.exit(2);
}

const LINKS = {
  loopback: null,
  // Roughly a weak 4G phone: 1.6 Mbit/s down, 750 kbit/s up, 150 ms round trip.
  'slow 4G': { latency: 150, downloadThroughput: (1.6e6 / 8) | 0, uploadThroughput: (750e3 / 8) | 0 },
};
const RUNS = 3;

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
});

const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];

try {
  for (const [name, link] of Object.entries(LINKS)) {
    const fp = [];
    const fcp = [];
    const heading = [];
    for (let i = 0; i < RUNS; i++) {
      // A fresh context per run: nothing cached.
      const context = await browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'es-MX' });
      const page = await context.newPage();
      if (link) {
        const cdp = await context.newCDPSession(page);
        await cdp.send('Network.enable');
        await cdp.send('Network.emulateNetworkConditions', { offline: false, ...link });
      }
      await page.goto(url, { waitUntil: 'commit' });
      await page.getByRole('heading').first().waitFor({ timeout: 60_000 });
      const t = await page.evaluate(async () => {
        const now = performance.now();
        // Paint entries are queued after the frame that painted: wait two frames.
        await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
        return {
          fp: performance.getEntriesByName('first-paint')[0]?.startTime ?? NaN,
          fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN,
          now,
        };
      });
      fp.push(t.fp);
      fcp.push(t.fcp);
      heading.push(t.now);
      await context.close();
    }
    console.log(
      `  ${name.padEnd(9)} first paint ${median(fp).toFixed(0).padStart(5)} ms, ` +
        `first contentful paint ${median(fcp).toFixed(0).padStart(5)} ms, ` +
        `first heading ${median(heading).toFixed(0).padStart(5)} ms (median of ${RUNS})`,
    );
  }
} finally {
  await browser.close();
}
