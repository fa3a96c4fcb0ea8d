#!/usr/bin/env node
// Layout shift (CLS as Chromium reports it) on a 390 x 844 phone, per page, with the shifted elements:
// the scripts must not move what the first paint drew (the finder's folding panel, the compare
// buttons, the program page's select box). Selenium's headless Chromium paints only after the
// deferred scripts ran, so this is measured here, with the harness's Playwright, not in a unit test.
//
//   node bench/layout-shift.mjs BASE_URL [PATH ...]      (env: HARNESS, default ../shared/harness)
//   e.g. node bench/layout-shift.mjs http://127.0.0.1:7070 /programs /programs/internal-medicine /
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const [base, ...paths] = process.argv.slice(2);
if (!base) {
  console.error('usage: node bench/layout-shift.mjs BASE_URL [PATH ...]');
  process.exit(2);
}
const harness = path.resolve(process.env.HARNESS || '../shared/harness');
const { launch } = await import(pathToFileURL(path.join(harness, 'lib/browser.mjs')).href);
const { context, close } = await launch();
let worst = 0;
for (const p of paths.length ? paths : ['/', '/programs']) {
  const page = await context.newPage();
  await page.setViewportSize({ width: 390, height: 844 });
  await page.addInitScript(() => {
    window.__shifts = [];
    new PerformanceObserver(list => list.getEntries().forEach(e => {
      if (!e.hadRecentInput) {
        window.__shifts.push({ value: e.value, sources: (e.sources || []).map(s => s.node && s.node.nodeName + '.' + (s.node.className || '')) });
      }
    })).observe({ type: 'layout-shift', buffered: true });
  });
  await page.goto(base + p, { waitUntil: 'load' });
  await page.waitForTimeout(1000);
  const shifts = await page.evaluate(() => window.__shifts);
  const cls = shifts.reduce((sum, s) => sum + s.value, 0);
  worst = Math.max(worst, cls);
  console.log(`${p}\tCLS ${cls.toFixed(4)}\t${[...new Set(shifts.flatMap(s => s.sources))].join(', ')}`);
  await page.close();
}
await close();
process.exit(worst > 0.001 ? 1 : 0);
