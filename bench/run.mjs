#!/usr/bin/env node
// Benchmark harness: serves dist/ and the peer page on 127.0.0.1, drives headless Chromium
// through playwright-core, runs every scenario BENCH_RUNS times (fresh browser context each
// time), prints a table (metric, median, min, max, budget, ratio) and writes results.json.
//
// Environment:
//   BENCH_RUNS=7        runs per scenario
//   BENCH_OPEN_REPEAT=3 open-with-0 / open-with-N pairs per run (each a fresh context)
//   BENCH_SMOKE=1       the small document from bench/out/smoke, 1 run, short timeouts
//   BENCH_ONLY=a,b      only these scenarios (open, openTrace, firstScreen, openClicks, paste,
//                       pasteTrace, library, add, addEnd, tagTiming, ui, claims, scroll, scrollStatic,
//                       save, export, wasm, peerOpen, peerOpenTrace, peerAdd, size);
//                       `paste` brings the 0-annotation opens along (its ratio needs them)
//   BENCH_PASTE_VIA=dialog  bring the text in through "Open article" and the text area instead of a
//                       page-level paste event (the measured click on "Open" is the same)
//   BENCH_TAG_TIMES=5   tags by a click on the menu, and as many by a key, per tagTiming run
//   BENCH_TAG_TRACE=0   tagTiming untraced: the Event Timing API's rounded durations only
//   BENCH_REOPENS=3     firstScreen's reopens per run, of the app and of its static page (median)
//   BENCH_SCROLL_WAIT=2000  ms the scroll scenario waits after the painted mark before scrolling
//                       (a reader who reads the first page a while first: e.g. 12000)
//   BENCH_LIBRARY_DOCS=200  documents in the library scenario (5-20k characters and 50
//                       annotations each; smoke: 1-3k characters, 10 annotations)
//   BENCH_CHROMIUM      browser binary (default /usr/bin/chromium)
//   BENCH_DIST          the built app (default dist/)
//   BENCH_JS_FLAGS     V8 flags for the browser, for diagnosis (e.g. --no-wasm-lazy-compilation)
//   BENCH_TRACE_DIR=dir write every trace (and CPU profile) there as a file DevTools' Performance
//                       panel opens
//   BENCH_TRACE_EXTRA=a,b more trace categories, for diagnosis (e.g. blink,disabled-by-default-
//                       devtools.timeline.invalidationTracking: what each frame's pre-paint walked)
//   BENCH_PROFILE=1     also sample the CPU in traced scenarios; results.json then lists the
//                       functions with the most self time (diagnosis only: it slows the page)
// Exit status: 0 unless the harness crashed or a scenario could not run at all (timings never fail).

import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import { dirname, extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { serve } from './lib/server.mjs';
import { benchLock } from './lib/lock.mjs';
import { instrument } from './lib/page.mjs';
import { scenarios } from './lib/scenarios.mjs';
import { staticPages } from './lib/static.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..');
const smoke = process.env.BENCH_SMOKE === '1';
const RUNS = Number(process.env.BENCH_RUNS || (smoke ? 1 : 7));
// BENCH_OUT: another set of reference documents (as bench/generate.mjs writes them), e.g. one
// long paragraph: BENCH_PARAGRAPHS=3 BENCH_OUT=bench/out/long.
const OUT = process.env.BENCH_OUT ? resolve(process.env.BENCH_OUT) : join(here, 'out', smoke ? 'smoke' : '');
const DIST = resolve(process.env.BENCH_DIST || join(root, 'dist'));
const CHROMIUM = process.env.BENCH_CHROMIUM || '/usr/bin/chromium';
const TIMEOUT = smoke ? 15000 : 60000;
const PROFILE = process.env.BENCH_PROFILE === '1';
// page loads are the noisiest measure: each run opens the 0 / N pair this many times
const OPEN_REPEAT = Number(process.env.BENCH_OPEN_REPEAT || (smoke ? 1 : 3));
// tags by click and as many by key per tagTiming run
const TAG_TIMES = Number(process.env.BENCH_TAG_TIMES || (smoke ? 1 : 5));
const ONLY = process.env.BENCH_ONLY ? new Set(process.env.BENCH_ONLY.split(',')) : null;
// the stored library of the "library → listed" scenario (bench/lib/library.mjs)
const LIBRARY = {
  count: Number(process.env.BENCH_LIBRARY_DOCS || 200),
  ...(smoke ? { minChars: 1000, maxChars: 3000, annotations: 10 } : { minChars: 5000, maxChars: 20000, annotations: 50 }),
};
const require = createRequire(join(root, 'package.json'));
let PEER_DIST = '';

const ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
  '--disable-sync', '--no-first-run', '--disable-quic',
  // diagnosis only, e.g. BENCH_JS_FLAGS=--no-wasm-lazy-compilation
  ...(process.env.BENCH_JS_FLAGS ? [`--js-flags=${process.env.BENCH_JS_FLAGS}`] : []),
];

const METRICS = [
  { id: 'open', label: 'open N → painted', unit: 'ms' },
  { id: 'open0', label: 'open 0 annotations → painted', unit: 'ms' },
  { id: 'openRatio', label: 'open: N / 0 annotations', unit: '×', budget: 1.5, ratioOf: ['open', 'open0'] },
  { id: 'openTask', label: 'open N: longest task (trace)', unit: 'ms' },
  { id: 'openReady', label: 'open N: longest task, navigation → fully ready (trace)', unit: 'ms', budget: 50 },
  { id: 'backup', label: 'open N: idle backup copy task', unit: 'ms' },
  { id: 'wasmLazy', label: 'open N: wasm functions compiled at their first call, navigation → fully ready', unit: 'functions' },
  { id: 'wasmLazyMs', label: 'open N: … their compiling on the main thread (trace)', unit: 'ms' },
  { id: 'wasmLazyTop', label: "open N: … of it inside the open's longest task (trace)", unit: 'ms' },
  { id: 'firstCold', label: 'first screen of N, fresh profile: navigation → painted', unit: 'ms' },
  { id: 'staticCold', label: 'static page of that screen, fresh profile: navigation → painted', unit: 'ms' },
  { id: 'firstColdRatio', label: 'first screen / static page, fresh profile', unit: '×', budget: 2, ratioOf: ['firstCold', 'staticCold'] },
  { id: 'coldPixels', label: 'first screen of N, fresh profile: navigation → article text presented (paint timing)', unit: 'ms' },
  { id: 'staticPixels', label: 'static page of that screen, fresh profile: navigation → article text presented (paint timing)', unit: 'ms' },
  { id: 'coldPixelsRatio', label: 'first screen / static page, fresh profile, by paint timing', unit: '×', budget: 2, ratioOf: ['coldPixels', 'staticPixels'] },
  { id: 'firstWarm', label: 'first screen of N, reopened: navigation → painted', unit: 'ms' },
  { id: 'staticWarm', label: 'static page of that screen, reopened: navigation → painted', unit: 'ms' },
  { id: 'firstWarmLive', label: "first screen of N, reopened: navigation → the app's own first frame", unit: 'ms' },
  { id: 'firstWarmRatio', label: 'first screen / static page, reopened', unit: '×', budget: 2, ratioOf: ['firstWarm', 'staticWarm'] },
  { id: 'appLong', label: 'first screen of N, fresh profile: longest task to fully ready (long-task API, 0 if < 50)', unit: 'ms', budget: 50 },
  { id: 'staticLong', label: 'static page of that screen, fresh profile: longest task (long-task API, 0 if < 50)', unit: 'ms' },
  { id: 'openClickMax', label: 'a click every 50 ms while opening N: longest, input → paint (Event Timing)', unit: 'ms' },
  { id: 'openClickSlow', label: 'a click every 50 ms while opening N: how many over 50 ms', unit: 'clicks' },
  { id: 'wasmMB', label: 'opened N: wasm linear memory', unit: 'MB', budget: 100 },
  { id: 'heapMB', label: 'opened N: JS heap in use', unit: 'MB', budget: 100 },
  { id: 'paste', label: 'paste CHARS characters: Open → painted', unit: 'ms' },
  { id: 'pasteRatio', label: 'paste / open 0 annotations', unit: '×', budget: 1.5, ratioOf: ['paste', 'open0'] },
  { id: 'pasteTask', label: 'paste: longest task (trace)', unit: 'ms' },
  { id: 'libScript', label: 'library of DOCS → listed: script (trace)', unit: 'ms', budget: 50 },
  { id: 'libTask', label: 'library of DOCS → listed: longest task', unit: 'ms' },
  { id: 'libPainted', label: 'library of DOCS: click → painted (traced)', unit: 'ms' },
  { id: 'add', label: 'add (drag + key): longest task', unit: 'ms', budget: 16, aim: 8 },
  { id: 'addKey', label: 'add, key → painted: longest task', unit: 'ms', budget: 16, aim: 8 },
  { id: 'addEnd', label: 'add at the end of the article (drag + key): longest task', unit: 'ms', budget: 16, aim: 8 },
  { id: 'addEndKey', label: 'add at the end, key → painted: longest task', unit: 'ms', budget: 16, aim: 8 },
  { id: 'tagClickEt0', label: 'tag by a click on the menu, 0 annotations: input → next paint (Event Timing)', unit: 'ms' },
  { id: 'tagClickEtN', label: 'tag by a click on the menu, N annotations: input → next paint (Event Timing)', unit: 'ms' },
  { id: 'tagClickEtRatio', label: 'tag by a click, Event Timing: N / 0 annotations', unit: '×', budget: 1, ratioOf: ['tagClickEtN', 'tagClickEt0'] },
  { id: 'tagKeyEt0', label: 'tag by a key, 0 annotations: input → next paint (Event Timing)', unit: 'ms' },
  { id: 'tagKeyEtN', label: 'tag by a key, N annotations: input → next paint (Event Timing)', unit: 'ms' },
  { id: 'tagKeyEtRatio', label: 'tag by a key, Event Timing: N / 0 annotations', unit: '×', budget: 1, ratioOf: ['tagKeyEtN', 'tagKeyEt0'] },
  { id: 'tagClickExact0', label: 'tag by a click, 0 annotations: input → next paint, not rounded (trace)', unit: 'ms' },
  { id: 'tagClickExactN', label: 'tag by a click, N annotations: input → next paint, not rounded (trace)', unit: 'ms' },
  { id: 'tagClickExactRatio', label: 'tag by a click, not rounded: N / 0', unit: '×', ratioOf: ['tagClickExactN', 'tagClickExact0'] },
  { id: 'tagKeyExact0', label: 'tag by a key, 0 annotations: input → next paint, not rounded (trace)', unit: 'ms' },
  { id: 'tagKeyExactN', label: 'tag by a key, N annotations: input → next paint, not rounded (trace)', unit: 'ms' },
  { id: 'tagKeyExactRatio', label: 'tag by a key, not rounded: N / 0', unit: '×', ratioOf: ['tagKeyExactN', 'tagKeyExact0'] },
  { id: 'tagClickProc0', label: 'tag by a click, 0 annotations: input → handlers done', unit: 'ms' },
  { id: 'tagClickProcN', label: 'tag by a click, N annotations: input → handlers done', unit: 'ms' },
  { id: 'tagKeyProc0', label: 'tag by a key, 0 annotations: input → handlers done', unit: 'ms' },
  { id: 'tagKeyProcN', label: 'tag by a key, N annotations: input → handlers done', unit: 'ms' },
  { id: 'ui', label: 'sidebar click, first after open: longest task', unit: 'ms', budget: 6 },
  { id: 'uiNext', label: 'sidebar clicks 2–6 (median): longest task', unit: 'ms', budget: 6 },
  { id: 'hover', label: 'hover a highlight: longest task', unit: 'ms', budget: 6 },
  { id: 'claimPanel', label: 'claim entry click → claim panel: longest task', unit: 'ms', budget: 16 },
  { id: 'claimFilter', label: 'filter claims by verdict: longest task', unit: 'ms', budget: 16 },
  { id: 'scroll', label: 'scroll whole document: longest task', unit: 'ms' },
  { id: 'scrollStatic', label: 'scroll a static page of the whole text: longest task', unit: 'ms' },
  { id: 'scrollRatio', label: 'scroll: app / static page', unit: '×', budget: 1.2, ratioOf: ['scroll', 'scrollStatic'] },
  { id: 'save', label: 'save BIG: save task (the one writing it)', unit: 'ms', budget: 30 },
  { id: 'saveBlock', label: 'save BIG: longest task of the save (0.25–1.5 s after the change)', unit: 'ms', budget: 30 },
  { id: 'setItem', label: 'save BIG: setItem alone', unit: 'ms' },
  { id: 'export', label: 'export BIG: longest task', unit: 'ms' },
  { id: 'indexBuild', label: 'offset index build (wasm)', unit: 'ms', budget: 2 },
  { id: 'conversions', label: '10,000 offset conversions (wasm)', unit: 'ms', budget: 1 },
  { id: 'read', label: 'read the stored N (parse, check, state; wasm)', unit: 'ms' },
  ...['w3c', 'brat', 'doccano', 'label-studio'].flatMap((f) => [
    { id: `export-${f}`, label: `export BIG as ${f} (wasm)`, unit: 'ms', budget: 300 },
    { id: `import-${f}`, label: `import BIG from ${f}: read, map, place (wasm)`, unit: 'ms', budget: 300 },
  ]),
  { id: 'export-conll', label: 'export BIG as CoNLL (wasm, browser segmenter)', unit: 'ms', budget: 300 },
  { id: 'export-report', label: 'export BIG as the HTML report (wasm)', unit: 'ms', budget: 300 },
  { id: 'size', label: 'shipped wasm+JS+CSS, gzip -9 (KB of 1,000 bytes)', unit: 'KB', budget: 250, aim: 200 },
  { id: 'peerOpen', label: 'peer: open N → painted', unit: 'ms' },
  { id: 'peerOpen0', label: 'peer: open 0 → painted', unit: 'ms' },
  { id: 'peerOpenRatio', label: 'peer: open N / 0', unit: '×', ratioOf: ['peerOpen', 'peerOpen0'] },
  { id: 'peerOpenTask', label: 'peer: open N: longest task (trace)', unit: 'ms' },
  { id: 'peerAdd', label: 'peer: add (drag): longest task', unit: 'ms' },
  { id: 'oursPeerOpen', label: 'ours / peer: open N', unit: '×', ratioOf: ['open', 'peerOpen'] },
  { id: 'oursPeerAdd', label: 'ours / peer: add', unit: '×', ratioOf: ['add', 'peerAdd'] },
];

/**
 * [scenario, argument] in run order (argument: annotation count). The 0 / N pairs swap order on
 * every other run so that neither side always runs first.
 */
function plan(n, run = 1) {
  const pair = (s) => (run % 2 ? [[s, 0], [s, n]] : [[s, n], [s, 0]]);
  const opens = [];
  for (let i = 0; i < OPEN_REPEAT; i++) opens.push(...pair('open'));
  // the paste's ratio is to the 0-annotation open of the same run: selecting paste brings those
  const wanted = ([s, arg]) => !ONLY || ONLY.has(s) || (s === 'open' && arg === 0 && ONLY.has('paste'));
  return [
    ...opens, ['openTrace'], ['firstScreen'], ['openClicks'], ['paste'], ['pasteTrace'], ['library'], ['add'], ['addEnd'], ...pair('tagTiming'), ['ui'], ['claims'], ['scroll'], ['scrollStatic'], ['save'], ['export'],
    ['wasm'], ['formats'], ...pair('peerOpen'), ['peerOpenTrace'], ['peerAdd'],
  ].filter(wanted);
}

function loadDocs() {
  if (!existsSync(join(OUT, 'manifest.json'))) {
    const r = spawnSync(process.execPath, [join(here, 'generate.mjs')], { stdio: 'inherit', env: process.env });
    if (r.status !== 0) throw new Error('generator failed');
  }
  const manifest = JSON.parse(readFileSync(join(OUT, 'manifest.json'), 'utf8'));
  const read = (f) => JSON.parse(readFileSync(join(OUT, f), 'utf8'));
  return {
    manifest,
    empty: read(manifest.files[0]),
    main: read(manifest.files[manifest.annotations]),
    big: read(manifest.files[manifest.annotationsBig]),
    peer: read(manifest.files.peer),
    text: readFileSync(join(OUT, manifest.files.text), 'utf8'),
  };
}

/** gzip -9 size of every .wasm, .js and .css file under dist/ (snippets included), in KB of
 * 1,000 bytes as DESIGN.md §6 counts them. */
function shippedSize() {
  const files = readdirSync(DIST, { recursive: true }).filter((f) => ['.wasm', '.js', '.css'].includes(extname(f)));
  const each = files.map((f) => {
    const buf = readFileSync(join(DIST, f));
    return { file: f, bytes: buf.length, gzip: gzipSync(buf, { level: 9 }).length };
  });
  return { kb: each.reduce((s, f) => s + f.gzip, 0) / 1000, files: each };
}

const median = (xs) => {
  const s = xs.filter(Number.isFinite).sort((a, b) => a - b);
  if (!s.length) return NaN;
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

function summarise(samples) {
  const out = [];
  for (const m of METRICS) {
    let xs = samples[m.id] || [];
    let med;
    if (m.ratioOf) {
      const [a, b] = m.ratioOf.map((k) => samples[k] || []);
      // (A sample missing on either side, null, gives no ratio rather than 0.)
      xs = a.length === b.length ? a.map((v, i) => (Number.isFinite(v) && Number.isFinite(b[i]) ? v / b[i] : NaN)) : [];
      med = xs.length ? median(xs) : median(a) / median(b);
    } else {
      med = median(xs);
    }
    const fin = xs.filter(Number.isFinite);
    out.push({
      id: m.id,
      label: m.label,
      unit: m.unit,
      samples: xs.map((v) => (Number.isFinite(v) ? +v.toFixed(3) : null)),
      median: Number.isFinite(med) ? +med.toFixed(3) : null,
      min: fin.length ? +Math.min(...fin).toFixed(3) : null,
      max: fin.length ? +Math.max(...fin).toFixed(3) : null,
      budget: m.budget ?? null,
      aim: m.aim ?? null,
      ratio: m.budget && Number.isFinite(med) ? +(med / m.budget).toFixed(2) : null,
    });
  }
  return out;
}

function fmt(v, unit) {
  if (v === null || v === undefined || !Number.isFinite(v)) return 'n/a';
  if (unit === '×') return v.toFixed(2);
  return v < 10 ? v.toFixed(2) : v.toFixed(1);
}

export function table(rows, names) {
  const head = ['metric', 'median', 'min', 'max', 'budget', 'ratio'];
  // a ratio of medians (sample counts differ) has no per-run min and max
  const spread = (r, v) => (r.median !== null && !r.samples.length ? '—' : fmt(v, r.unit));
  const body = rows.map((r) => [
    r.label.replace('BIG', names.big).replace('CHARS', names.chars).replace('DOCS', names.docs).replace(/\bN\b/, names.n) + ` (${r.unit})`,
    fmt(r.median, r.unit),
    spread(r, r.min),
    spread(r, r.max),
    r.budget === null ? '—' : `≤ ${r.budget}${r.aim ? ` (aim ${r.aim})` : ''}`,
    r.ratio === null ? '—' : r.ratio.toFixed(2),
  ]);
  const w = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i].length)));
  const line = (cells) => '| ' + cells.map((c, i) => (i ? c.padStart(w[i]) : c.padEnd(w[i]))).join(' | ') + ' |';
  const sep = '|' + w.map((n, i) => (i ? '-'.repeat(n + 1) + ':' : '-'.repeat(n + 2))).join('|') + '|';
  return [line(head), sep, ...body.map(line)].join('\n');
}

async function main() {
  const docs = loadDocs();
  const n = docs.manifest.annotations;
  const names = {
    n: n.toLocaleString('en'),
    big: docs.manifest.annotationsBig.toLocaleString('en'),
    chars: docs.manifest.codePoints.toLocaleString('en'),
    docs: LIBRARY.count.toLocaleString('en'),
  };
  const steps = plan(n);
  const needsApp = !ONLY || ONLY.has('size') || steps.some(([s]) => !s.startsWith('peer'));
  if (needsApp && !existsSync(join(DIST, 'index.html'))) throw new Error(`${DIST}/index.html missing: build the app first`);
  // a full run waits for any other run on this machine; the smoke run does not wait long
  if (!(await benchLock(smoke ? 0 : 20 * 60 * 1000))) {
    process.stderr.write('another benchmark run is going on: timings will be disturbed\n');
  }
  const { chromium } = require('playwright-core');
  PEER_DIST = dirname(require.resolve('@recogito/text-annotator/text-annotator.css'));
  // the floors: static pages of the first screen and of the whole text, styled by the app's sheet
  const statics = join(OUT, 'static');
  if (needsApp) {
    const css = readdirSync(DIST).find((f) => /^app-.*\.css$/.test(f)) || 'app.css';
    const pages = staticPages(docs.main, `/${css}`);
    mkdirSync(statics, { recursive: true });
    for (const [name, html] of Object.entries(pages)) writeFileSync(join(statics, `${name}.html`), html);
  }
  const server = await serve({ '/__bench/': here, '/__peer/': PEER_DIST, '/__static/': statics, '/': DIST });
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
  const samples = {};
  const details = {};
  const errors = {};
  const t0 = Date.now();
  try {
    if (!ONLY || ONLY.has('size')) {
      const s = shippedSize();
      samples.size = [s.kb];
      details.size = s.files;
    }
    for (let run = 1; run <= RUNS; run++) {
      for (const [name, arg] of plan(n, run)) {
        const key = arg === undefined ? name : `${name}:${arg}`;
        const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
        await instrument(context);
        try {
          const r = await scenarios[name]({ browser, context, base: server.url, docs, timeout: TIMEOUT, profile: PROFILE, library: LIBRARY, tagTimes: TAG_TIMES, tagTrace: process.env.BENCH_TAG_TRACE !== '0', pasteVia: process.env.BENCH_PASTE_VIA }, arg);
          for (const [k, v] of Object.entries(r.samples)) (samples[k] ||= []).push(v);
          (details[key] ||= []).push(r.detail);
        } catch (e) {
          (errors[key] ||= []).push(String(e.message || e).split('\n')[0]);
          process.stderr.write(`  ${key} run ${run}: ${String(e.message || e).split('\n')[0]}\n`);
        } finally {
          await context.close();
        }
      }
      process.stderr.write(`run ${run}/${RUNS} done (${((Date.now() - t0) / 1000).toFixed(0)} s)\n`);
    }
  } finally {
    await browser.close().catch(() => {});
    await server.close();
  }
  const rows = summarise(samples);
  const machine = {
    cores: os.availableParallelism(),
    cpu: os.cpus()[0]?.model,
    memoryGiB: +(os.totalmem() / 2 ** 30).toFixed(1),
    chromium: (await chromiumVersion()) || 'unknown',
    node: process.version,
    playwrightCore: require('playwright-core/package.json').version,
    peer: `@recogito/text-annotator ${JSON.parse(readFileSync(join(PEER_DIST, '..', 'package.json'), 'utf8')).version}`,
  };
  const git = (args) => (spawnSync('git', args, { cwd: root, encoding: 'utf8' }).stdout || '').trim();
  const results = {
    date: new Date().toISOString(),
    commit: git(['rev-parse', '--short', 'HEAD']) + (git(['status', '--porcelain', '--', 'src', 'styles', 'index.html', 'Cargo.toml']) ? ' (with uncommitted changes)' : ''),
    runs: RUNS,
    smoke,
    machine,
    document: {
      codePoints: docs.manifest.codePoints,
      paragraphs: docs.manifest.paragraphs,
      annotations: n,
      annotationsBig: docs.manifest.annotationsBig,
      seed: docs.manifest.seed,
      library: LIBRARY,
    },
    metrics: rows,
    details,
    errors,
  };
  writeFileSync(join(OUT, 'results.json'), JSON.stringify(results, null, 2));
  console.log(table(rows, names));
  console.log(
    `\nCommit ${results.commit}; ${RUNS} run(s) per scenario; ${machine.cores} cores, ${machine.cpu}; ${machine.chromium}; ` +
      `document ${docs.manifest.codePoints.toLocaleString('en')} code points, ${docs.manifest.paragraphs} paragraphs. ` +
      `Results: ${join(OUT, 'results.json')}`,
  );
  const failed = steps
    .map(([s, a]) => (a === undefined ? s : `${s}:${a}`))
    .filter((k) => (errors[k] || []).length && !(details[k] || []).length);
  for (const [k, es] of Object.entries(errors)) console.log(`error in ${k} (${es.length} of its attempts): ${es[0]}`);
  if (failed.length) {
    console.log(`could not measure: ${failed.join(', ')}`);
    process.exitCode = 1;
  }
}

async function chromiumVersion() {
  const r = spawnSync(CHROMIUM, ['--version'], { encoding: 'utf8' });
  return (r.stdout || '').trim().split('\n').pop();
}

main().catch((e) => {
  console.error(e.stack || String(e));
  process.exit(2);
});
