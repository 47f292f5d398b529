#!/usr/bin/env node
// Two builds of the app, each reopened beside its static page of the first screen, in turns:
// a warm reopen (navigation -> painted mark, as `firstScreen` measures it) of build A, of A's
// static page, of build B, of B's static page, and again, BENCH_PAIRS times (the order of A
// and B swaps every turn). Reopens of the same page in one run of bench/run.mjs vary by tens
// of milliseconds; interleaved like this, many of them, a difference of a few milliseconds
// between two builds shows. Each build is served from its own origin (its own storage).
//
//   node bench/pairs.mjs DIST_A DIST_B
//   BENCH_OUT=bench/out/book   the reference documents (as bench/generate.mjs writes them)
//   BENCH_PAIRS=40             turns
// Prints, per build: the median reopen of the app and of its static page, their ratio, the
// median of the per-turn ratios, and the app's quartiles.
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { appStorage, instrument, preload, sleep, waitPainted } from './lib/page.mjs';
import { serve } from './lib/server.mjs';
import { staticPages } from './lib/static.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(join(here, '..', 'package.json'));
const { chromium } = require('playwright-core');
const OUT = resolve(process.env.BENCH_OUT || join(here, 'out'));
const TURNS = Number(process.env.BENCH_PAIRS || 40);
const dists = process.argv.slice(2).map((d) => resolve(d));
if (dists.length !== 2) throw new Error('usage: node bench/pairs.mjs DIST_A DIST_B');
const manifest = JSON.parse(readFileSync(join(OUT, 'manifest.json'), 'utf8'));
const doc = JSON.parse(readFileSync(join(OUT, manifest.files[manifest.annotations]), 'utf8'));
const browser = await chromium.launch({
  executablePath: process.env.BENCH_CHROMIUM || '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
});
const sides = [];
for (const [k, dist] of dists.entries()) {
  const css = readdirSync(dist).find((f) => /^app-.*\.css$/.test(f)) || 'app.css';
  const statics = join(OUT, `static-pairs-${k}`);
  mkdirSync(statics, { recursive: true });
  for (const [name, html] of Object.entries(staticPages(doc, `/${css}`))) writeFileSync(join(statics, `${name}.html`), html);
  const server = await serve({ '/__bench/': here, '/__static/': statics, '/': dist });
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await instrument(context);
  const app = await preload(context, server.url, appStorage(doc));
  await app.goto(`${server.url}/`);
  await waitPainted(app, 60000);
  await sleep(2000);
  const floor = await context.newPage();
  await floor.goto(`${server.url}/__static/screen.html`);
  await waitPainted(floor, 60000);
  sides.push({ name: dist, base: server.url, server, app, floor, apps: [], floors: [] });
}

async function reopen(page, base, path) {
  await page.goto(`${base}/__bench/blank.html`);
  await page.goto(`${base}${path}`);
  const t = await waitPainted(page, 60000);
  await sleep(250);
  return t;
}

for (let i = 0; i < TURNS; i++) {
  for (const s of i % 2 ? [...sides].reverse() : sides) {
    s.apps.push(await reopen(s.app, s.base, '/'));
    s.floors.push(await reopen(s.floor, s.base, '/__static/screen.html'));
  }
}
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const quartiles = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return [s[s.length >> 2], s[(3 * s.length) >> 2]].map((x) => x.toFixed(0)).join('–');
};
for (const s of sides) {
  const ratios = s.apps.map((a, i) => a / s.floors[i]);
  console.log(
    `${s.name}: app ${median(s.apps).toFixed(1)} ms (quartiles ${quartiles(s.apps)}), static page ${median(s.floors).toFixed(1)} ms, ` +
      `ratio of medians ${(median(s.apps) / median(s.floors)).toFixed(2)}, median ratio ${median(ratios).toFixed(2)} (${TURNS} turns)`,
  );
}
await browser.close();
for (const s of sides) await s.server.close();
