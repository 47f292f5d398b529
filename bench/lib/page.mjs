// Page helpers shared by the scenarios: preloading localStorage, waiting for the painted mark,
// settling, and a real mouse drag over words.

import { entryOf } from './library.mjs';
import { packedForm } from './packed.mjs';

export const STORAGE_INDEX = 'article-annotator:v1:index';
export const storageDocKey = (id) => `article-annotator:v1:doc:${id}`;

/**
 * Runs in every page before its own scripts: collects long tasks (>= 50 ms) and the Event
 * Timing entries of 16 ms or more from the start, keeps the app's wasm exports (for its linear
 * memory's size) when trunk's loader reports them, times every localStorage.setItem, marking
 * it in the trace ("aa-bench:setItem") so the save task can be told apart from other tasks,
 * and reports the "aa:painted" mark on the console (see `waitPainted`).
 */
export const INSTRUMENT = `(() => {
  window.__aaLongTasks = [];
  window.__aaSetItems = [];
  window.__aaEvents = [];
  window.__aaPaints = [];
  addEventListener('TrunkApplicationStarted', (e) => { window.__aaWasm = e.detail && e.detail.wasm; });
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__aaLongTasks.push({ start: e.startTime, ms: e.duration });
    }).observe({ type: 'longtask', buffered: true });
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__aaEvents.push({ type: e.name, id: e.interactionId || 0, start: e.startTime, duration: e.duration });
    }).observe({ type: 'event', durationThreshold: 16, buffered: true });
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__aaPaints.push({ t: e.renderTime || e.startTime, size: e.size, article: !!e.element?.closest?.('article') });
    }).observe({ type: 'largest-contentful-paint', buffered: true });
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (e.name === 'aa:painted') console.debug('aa-bench:painted ' + e.startTime);
    }).observe({ type: 'mark' });
  } catch (e) {}
  const setItem = Storage.prototype.setItem;
  Storage.prototype.setItem = function (key, value) {
    const t0 = performance.now();
    console.timeStamp('aa-bench:setItem');
    try {
      return setItem.call(this, key, value);
    } finally {
      window.__aaSetItems.push({ key: String(key), length: String(value).length, at: t0, ms: performance.now() - t0 });
    }
  };
})();`;

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Waits for `n` animation frames in the page. */
export function frames(page, n = 2) {
  return page.evaluate(
    (k) => new Promise((r) => { const f = (i) => (i ? requestAnimationFrame(() => f(i - 1)) : r()); f(k); }),
    n,
  );
}

/** Two frames and then `ms` of quiet. */
export async function settle(page, ms = 100) {
  await frames(page, 2);
  if (ms) await sleep(ms);
}

/**
 * Writes `items` ({key: value}) into a cleared localStorage from a same-origin blank page, closes
 * that page and returns a new one, ready to navigate to what is being measured. (A page that
 * navigates away right after writing can receive the "storage" event of its own write in the
 * next document, which the app rightly takes for another tab's change.)
 */
export async function preload(context, base, items) {
  const writer = await context.newPage();
  await writer.goto(`${base}/__bench/blank.html`);
  await writer.evaluate((kv) => {
    localStorage.clear();
    for (const [k, v] of Object.entries(kv)) localStorage.setItem(k, v);
  }, items);
  await sleep(200);
  await writer.close();
  const page = await context.newPage();
  track(page);
  page.__errors = [];
  page.on('pageerror', (e) => page.__errors.push(String(e.message || e).split('\n')[0]));
  page.on('console', (m) => m.type() === 'error' && page.__errors.push(m.text().split('\n')[0]));
  return page;
}

/**
 * The storage items that make the app open `doc` (native JSON) on start: the document's key
 * and the library's index with the summary the app itself writes (so that the app has no
 * summary to make up for after opening).
 */
export function appStorage(doc, { packed = process.env.BENCH_PACKED !== '0' } = {}) {
  // (`packed` false, or `BENCH_PACKED=0`: a large one as plain JSON, as builds before
  // compressed storage kept it.)
  const json = storedJson(storedForm(doc));
  const value = packed ? packedForm(json) : json;
  const index = { current: doc.document.id, documents: [{ ...entryOf(doc, doc.exported_at), size: value.length }] };
  return { [STORAGE_INDEX]: JSON.stringify(index), [storageDocKey(doc.document.id)]: value };
}

/**
 * JSON of `form` as the app writes its stored copy (src/formats/json_write/one_byte.rs): every
 * character past U+00FF as a `\u` escape when that makes the text at most a fifth longer (a
 * text in a Latin script), else as it is. `BENCH_STORED_RAW=1` stores it as it is always, as
 * builds before that did.
 */
export function storedJson(form) {
  const json = JSON.stringify(form);
  let units = 0, wide = 0;
  for (const c of form.document.text) {
    units += c.length;
    if (c.codePointAt(0) > 0xff) wide += c.length;
  }
  if (process.env.BENCH_STORED_RAW || wide * 5 * 5 > units) return json;
  return json.replace(/[\u0100-\uffff]/g, (c) => '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0'));
}

/** The app's wasm linear memory and the page's JS heap in use, in MB (of 10^6 bytes). */
export function memory(page) {
  return page.evaluate(() => ({
    wasmMB: window.__aaWasm?.memory ? window.__aaWasm.memory.buffer.byteLength / 1e6 : NaN,
    heapMB: performance.memory ? performance.memory.usedJSHeapSize / 1e6 : NaN,
  }));
}

/**
 * The document as the app itself keeps it in localStorage: each record without what reading
 * gives back (src/formats/json_write.rs, `Stored`): the quote, prefix and suffix, which are the
 * text at and around the span (always so in the generator's records), an empty note, a null
 * entity reference, and `modified` when it equals `created`. Exported files carry all of them.
 */
export function storedForm(doc) {
  const record = ({ quote, prefix, suffix, note, entity_ref, modified, ...rest }) => ({
    ...rest,
    ...(note ? { note } : {}),
    ...(entity_ref != null ? { entity_ref } : {}),
    ...(modified !== rest.created ? { modified } : {}),
  });
  return { ...doc, annotations: doc.annotations.map(record) };
}

/**
 * Follows `page`'s "aa:painted" marks as INSTRUMENT reports them on the console: a page's
 * document's mark, forgotten when the page starts loading another document. Set on every page
 * of an `instrument`ed context and on those `preload` makes.
 */
export function track(page) {
  if (page.__aaTracked) return;
  page.__aaTracked = true;
  page.__aaPainted = null;
  page.__aaWaiters = [];
  page.on('request', (r) => {
    if (r.isNavigationRequest() && r.frame() === page.mainFrame()) page.__aaPainted = null;
  });
  page.on('console', (m) => {
    const text = m.text();
    if (!text.startsWith('aa-bench:painted ')) return;
    page.__aaPainted = Number(text.slice('aa-bench:painted '.length));
    for (const w of page.__aaWaiters.splice(0)) w(page.__aaPainted);
  });
}

/** Has every page of `context` instrumented (INSTRUMENT) and tracked (`track`). */
export async function instrument(context) {
  await context.addInitScript(INSTRUMENT);
  context.on('page', track);
}

/**
 * Waits for performance mark "aa:painted"; returns its time from navigation start, in ms.
 * On a tracked page of an instrumented context it only listens: polling from the page
 * (Playwright's waitForFunction) first has Playwright compile its own script in the page, some
 * 25 ms of main thread, which would land in the middle of the open being measured.
 */
export async function waitPainted(page, timeout) {
  const fail = () => {
    const errs = page.__errors || [];
    return new Error(`no "aa:painted" mark within ${timeout} ms` + (errs.length ? `; page errors: ${errs.slice(0, 3).join(' | ')}` : ''));
  };
  if (page.__aaTracked) {
    if (page.__aaPainted != null) return page.__aaPainted;
    let timer;
    const at = await Promise.race([
      new Promise((r) => page.__aaWaiters.push(r)),
      new Promise((r) => { timer = setTimeout(() => r(null), timeout); }),
    ]);
    clearTimeout(timer);
    if (at != null) return at;
    // (no report: a page without INSTRUMENT, or a mark made before it was observed)
    if (await page.evaluate(() => performance.getEntriesByName('aa:painted').length > 0)) {
      return page.evaluate(() => performance.getEntriesByName('aa:painted')[0].startTime);
    }
    throw fail();
  }
  try {
    await page.waitForFunction(() => performance.getEntriesByName('aa:painted').length > 0, null, {
      timeout,
      polling: 100,
    });
  } catch (e) {
    throw fail();
  }
  return page.evaluate(() => performance.getEntriesByName('aa:painted')[0].startTime);
}

/** Longest task seen by the page's long-task observer (>= 50 ms), or 0. */
export function longTaskMax(page) {
  return page.evaluate(() => Math.max(0, ...window.__aaLongTasks.map((t) => t.ms)));
}

/**
 * Finds two whole words on one line, in a block matching `blockSelector` that is fully in the
 * viewport (with `partly`, any block in view, the words themselves in the viewport), outside any
 * `avoid` element; returns viewport coordinates for a drag across them.
 */
export function findWords(page, blockSelector, avoid = 'mark', partly = false) {
  return page.evaluate(
    ([sel, avoidSel, partly]) => {
      const vh = window.innerHeight;
      for (const block of document.querySelectorAll(sel)) {
        const r = block.getBoundingClientRect();
        if (partly ? r.bottom < 60 || r.top > vh - 40 : r.top < 60 || r.bottom > vh - 40) continue;
        const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          if (avoidSel && n.parentElement.closest(avoidSel)) continue;
          const re = /(?<![\p{L}\p{M}])[A-Za-z]{4,} [A-Za-z]{3,}(?![\p{L}\p{M}])/gu;
          let m;
          while ((m = re.exec(n.data))) {
            const range = document.createRange();
            range.setStart(n, m.index);
            range.setEnd(n, m.index + m[0].length);
            const rects = [...range.getClientRects()].filter((x) => x.width > 0);
            if (rects.length !== 1) continue;
            const b = rects[0];
            if (partly && (b.top < 60 || b.bottom > vh - 40)) continue;
            return { x1: b.left + 1, x2: b.right - 1, y: b.top + b.height / 2, text: m[0] };
          }
        }
      }
      return null;
    },
    [blockSelector, avoid, partly],
  );
}

/** A real mouse drag from (x1, y) to (x2, y). */
export async function drag(page, { x1, x2, y }) {
  await page.mouse.move(x1, y);
  await page.mouse.down();
  await page.mouse.move(x2, y, { steps: 8 });
  await page.mouse.up();
}

/**
 * Starts watching the page for `what` (see below) in every animation frame; the returned promise
 * resolves one frame after the frame in which it was first seen, i.e. once that frame has been
 * painted (as the app's own `aa:painted`: a double requestAnimationFrame). At that moment a
 * trace marker "aa-bench:painted" is written. Start it before the action, await it after.
 * `what`: {headline: text} — the article's h1 reads `text`;
 *         {libraryRows: n} — a table in the section headed "Library" has at least n body rows.
 * Resolves {ok, seenMs, paintedMs, rows, blocks} (performance.now() times) or {ok: false, state}.
 * The check is a querySelector or two per frame: a few microseconds of script in the window.
 */
export function whenPainted(page, what, timeout) {
  return page.evaluate(
    ([w, limit]) =>
      new Promise((resolve) => {
        const t0 = performance.now();
        const article = 'article[aria-label="Article text"]';
        const libraryTable = () => {
          const h = [...document.querySelectorAll('section h1')].find((e) => e.textContent.trim() === 'Library');
          return h ? h.closest('section').querySelector('table') : null;
        };
        const seen = () => {
          if (w.headline !== undefined) {
            const h = document.querySelector(`${article} h1`);
            return !!h && h.textContent.trim() === w.headline;
          }
          const t = libraryTable();
          return !!t && t.querySelectorAll('tbody tr').length >= w.libraryRows;
        };
        const state = () => {
          const h = document.querySelector(`${article} h1`);
          const t = libraryTable();
          return {
            headline: h ? h.textContent.trim().slice(0, 80) : null,
            rows: t ? t.querySelectorAll('tbody tr').length : null,
            dialog: !!document.querySelector('[role="dialog"]'),
            messages: [...document.querySelectorAll('[role="status"], [role="alert"]')].map((e) => e.textContent.trim()).filter(Boolean).slice(0, 3),
          };
        };
        // (named so that trace.mjs's windowWork can leave the harness's own callbacks out)
        const __aaBenchTick = () => {
          if (seen()) {
            const seenMs = performance.now();
            requestAnimationFrame(function __aaBenchPainted() {
              console.timeStamp('aa-bench:painted');
              const paintedMs = performance.now();
              const t = libraryTable();
              resolve({
                ok: true,
                seenMs,
                paintedMs,
                rows: t ? t.querySelectorAll('tbody tr').length : null,
                blocks: document.querySelectorAll(`${article} [data-p]`).length,
              });
            });
            return;
          }
          if (performance.now() - t0 > limit) return resolve({ ok: false, state: state() });
          requestAnimationFrame(__aaBenchTick);
        };
        requestAnimationFrame(__aaBenchTick);
      }),
    [what, timeout],
  );
}

/**
 * Records the time of the next click on an element matching `selector` (capture phase, the
 * event's own timeStamp: when the input happened, not when a busy page got to it), in
 * window.__aaClickAt.
 */
export function watchClick(page, selector) {
  return page.evaluate((sel) => {
    window.__aaClickAt = null;
    addEventListener('click', (e) => {
      if (window.__aaClickAt === null && e.target instanceof Element && e.target.closest(sel)) window.__aaClickAt = e.timeStamp;
    }, true);
  }, selector);
}

/** A hand's click at the centre of `box`: the pointer already there, the button down `holdMs`. */
export async function handClick(page, box, holdMs, before = async () => {}) {
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await frames(page, 2);
  await sleep(100);
  await before();
  await page.mouse.down();
  await sleep(holdMs);
  await page.mouse.up();
}

/**
 * Starts collecting Event Timing entries in the page (PerformanceObserver, type "event",
 * durationThreshold 16, the smallest the API accepts) into window.__aaEventTimings. Entries come
 * a frame or so after the interaction's paint. ("first-input" would report the first
 * interaction whatever its duration, but only the page's first.)
 */
export function watchEventTiming(page) {
  return page.evaluate(() => {
    window.__aaEventTimings = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        window.__aaEventTimings.push({
          type: e.name,
          id: e.interactionId || 0,
          start: e.startTime,
          processingEnd: e.processingEnd,
          duration: e.duration,
        });
      }
    }).observe({ type: 'event', durationThreshold: 16, buffered: true });
  });
}

/**
 * The interaction (one interactionId) whose input came at or after `since` (performance.now()
 * time) and has an entry of one of `types`; waits up to `wait` ms for its entries. Returns
 * {duration: the longest entry's duration (input → next paint, as INP counts it; Chromium
 * rounds it to 8 ms), processing: the longest processingEnd − startTime of its entries (input
 * delay and handlers, not rounded), entries: [[type, start − since, duration, processing]]},
 * or null when no entry of 16 ms or more came (the API reports nothing shorter).
 */
export async function interactionTiming(page, since, types, wait = 500) {
  const t0 = Date.now();
  for (;;) {
    const r = await page.evaluate(([at, ts]) => {
      const es = window.__aaEventTimings.filter((e) => e.start >= at - 1);
      const hit = es.find((e) => e.id && ts.includes(e.type));
      if (!hit) return null;
      const mine = es.filter((e) => e.id === hit.id);
      return {
        duration: Math.max(...mine.map((e) => e.duration)),
        processing: Math.max(...mine.map((e) => e.processingEnd - e.start)),
        entries: mine.map((e) => [e.type, +(e.start - at).toFixed(1), e.duration, +(e.processingEnd - e.start).toFixed(1)]),
      };
    }, [since, types]);
    if (r || Date.now() - t0 > wait) return r;
    await sleep(50);
  }
}
