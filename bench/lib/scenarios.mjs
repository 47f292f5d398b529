// The measured scenarios. Each takes a fresh browser context (`ctx`: {browser, context, base,
// docs, timeout, profile}) and returns {samples: {metricId: number}, detail: {...}}; it throws
// when the page does not behave as the scenario needs (no mark, no menu, nothing added).
import { statSync } from 'node:fs';
import { profiled, topFunctions } from './profile.mjs';
import { longestTask, mark, spanWork, traceInteraction, traced, wasmLazy, windowWork } from './trace.mjs';
import {
  appStorage, drag, findWords, frames, handClick, instrument, interactionTiming, longTaskMax, memory, preload, settle, sleep, storedForm, waitPainted,
  watchClick, watchEventTiming, whenPainted,
} from './page.mjs';
import { libraryDocuments, libraryStorage, storageUnits } from './library.mjs';

const ARTICLE = 'article[aria-label="Article text"]';
const BLOCKS = `${ARTICLE} p[data-p]`;
const MENU = '[role="menu"][aria-label="Tag selection"]';
const SIDEBAR_BUTTONS = 'aside[aria-label="Annotations"] li button';
const PEER_BLOCKS = '#content p';
// The app copies the stored document to its backup key 1.5 s after it mounts, while idle; the
// interaction scenarios wait this long after the painted mark so that task is not in their window.
const IDLE_AFTER_OPEN = 2000;
// How long a mouse button stays down in a click.
const CLICK_MS = 80;

/**
 * When the frame that first painted text of the page's article was presented (ms from
 * navigation): the render time of the first largest-contentful-paint candidate inside the
 * article (INSTRUMENT). The mark both pages make two animation frames after their first render
 * waits for the tasks queued before the second frame (in the app, the work after the first
 * screen); this is the first frame's own time. Null where the browser reports none.
 */
function articlePainted(page) {
  return page.evaluate(() => window.__aaPaints?.find((p) => p.article)?.t ?? null);
}

/**
 * Traces `action` (see trace.mjs); with BENCH_PROFILE=1 also samples the CPU and returns the
 * functions with the most self time as `top`.
 */
async function measure(ctx, page, action) {
  if (!ctx.profile) return traced(ctx.browser, action);
  const { result, events } = await traced(ctx.browser, () => profiled(page, action));
  return { events, result: result.result, top: result.top, profile: result.profile };
}

/** Opens the app on `doc` (native JSON) and waits for the painted mark. */
async function openApp(ctx, doc, query = '') {
  const page = await preload(ctx.context, ctx.base, appStorage(doc));
  await page.goto(`${ctx.base}/${query}`);
  const painted = await waitPainted(page, ctx.timeout);
  return { page, painted };
}

async function openPeer(ctx, annotations) {
  const page = await preload(ctx.context, ctx.base, {
    'aa-bench-peer': JSON.stringify({ text: ctx.docs.text, annotations }),
  });
  await page.goto(`${ctx.base}/__bench/peer.html`);
  const painted = await waitPainted(page, ctx.timeout);
  return { page, painted };
}

/** Distinct annotation ids on highlights currently in the article. */
const highlightIds = (page) =>
  page.evaluate((sel) => {
    const ids = new Set();
    for (const m of document.querySelectorAll(`${sel} mark[data-ids]`)) for (const id of m.dataset.ids.split(' ')) if (id) ids.add(id);
    return ids.size;
  }, ARTICLE);

/**
 * Two plain words on one line in the visible article, found before measuring (as for the peer).
 * Also has Playwright set up its selector engine in the page now: its first use compiles
 * several milliseconds of Playwright's own script, which must not land in the measured window.
 */
async function wordsToTag(page) {
  const words = await findWords(page, BLOCKS);
  if (!words) throw new Error('no two plain words on one line found in the visible article');
  // (Playwright's selector engine, made in the page on its first use in each of its worlds, a
  // 12 ms script: `waitForSelector` below uses another world than `count`.)
  await page.locator(MENU).count();
  await page.waitForSelector('body', { state: 'visible' });
  return words;
}

/** Drag over `words`, wait for the tag menu, press "1" (Person). */
async function addAnnotation(page, words, timeout) {
  await drag(page, words);
  await page.waitForSelector(MENU, { state: 'visible', timeout });
  await mark(page, 'key');
  await page.keyboard.press('1');
  return words;
}

const DIALOG = '[role="dialog"]';
const SUBMIT = `${DIALOG} button[type="submit"]`;

/**
 * A page on the app's bundled sample (empty storage), quiet, with the Open article dialog
 * holding `text`: pasted on the page while nothing editable has focus (the app opens the dialog
 * with it), or, if that brings no dialog with the text, through the toolbar's "Open article"
 * and the text area (value set, `input` dispatched); with ctx.pasteVia === 'dialog' always that
 * way (BENCH_PASTE_VIA=dialog). Returns {page, via, box: the dialog's "Open" button's box,
 * headline: the text's first line, which the article's h1 will read}.
 */
async function dialogWithText(ctx, text) {
  const page = await preload(ctx.context, ctx.base, {});
  await page.goto(`${ctx.base}/`);
  await waitPainted(page, ctx.timeout);
  await settle(page, IDLE_AFTER_OPEN);
  const holds = (ms) =>
    page
      .waitForFunction(
        ([sel, n]) => {
          const t = document.querySelector(sel);
          return !!t && t.value.length === n;
        },
        [`${DIALOG} textarea`, text.length],
        { timeout: ms, polling: 100 },
      )
      .then(() => true, () => false);
  let via = 'paste';
  if (ctx.pasteVia !== 'dialog') {
    await page.evaluate((t) => {
      if (document.activeElement && document.activeElement !== document.body) document.activeElement.blur();
      const data = new DataTransfer();
      data.setData('text/plain', t);
      document.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    }, text);
  }
  if (ctx.pasteVia === 'dialog' || !(await holds(Math.min(5000, ctx.timeout)))) {
    via = ctx.pasteVia === 'dialog' ? 'toolbar + text area' : 'toolbar + text area (the paste brought no dialog with the text)';
    if (ctx.pasteVia !== 'dialog') await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Open article', exact: true }).click({ timeout: ctx.timeout });
    await page.waitForSelector(`${DIALOG} textarea`, { timeout: ctx.timeout });
    await page.evaluate(([sel, t]) => {
      const area = document.querySelector(sel);
      area.focus();
      area.value = t;
      area.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste' }));
    }, [`${DIALOG} textarea`, text]);
    if (!(await holds(ctx.timeout))) throw new Error('the Open article dialog does not hold the text');
  }
  const dialog = page.getByRole('dialog', { name: 'Open article' });
  const button = dialog.getByRole('button', { name: 'Open', exact: true });
  if (!(await button.count())) {
    const labels = await dialog.locator('button').allTextContents();
    throw new Error(`no "Open" button in the Open article dialog (buttons: ${labels.join(' | ')})`);
  }
  const box = await button.boundingBox({ timeout: ctx.timeout });
  await settle(page, 300);
  const headline = text.slice(0, text.indexOf('\n')).trim();
  return { page, via, box, headline };
}

/**
 * Clicks the dialog's Open button as a hand does and waits until the frame showing the new
 * article's headline is painted; `begin` runs just before the button goes down (a trace marker).
 * Returns {ms: click → painted, painted: whenPainted's result, marks: the app's marks since}.
 */
async function openFromDialog(ctx, page, box, headline, begin = async () => {}) {
  await watchClick(page, SUBMIT);
  const painted = whenPainted(page, { headline }, ctx.timeout);
  await handClick(page, box, CLICK_MS, begin);
  const r = await painted;
  if (!r.ok) throw new Error(`no article headed "${headline.slice(0, 40)}…" painted within ${ctx.timeout} ms after Open (page: ${JSON.stringify(r.state)})`);
  const click = await page.evaluate(() => window.__aaClickAt);
  if (click === null) throw new Error('the click on Open was not seen');
  const marks = await page.evaluate(
    (t) => performance.getEntriesByType('mark').filter((m) => m.startTime >= t).map((m) => [m.name, +(m.startTime - t).toFixed(1)]),
    click,
  );
  return { ms: r.paintedMs - click, seenMs: r.seenMs - click, painted: r, marks };
}

/** After an open from the dialog: the article's blocks, the messages and any page errors. */
async function afterOpen(page) {
  await settle(page, 300);
  return page.evaluate((sel) => ({
    blocks: document.querySelectorAll(`${sel} [data-p]`).length,
    dialogOpen: !!document.querySelector('[role="dialog"]'),
    messages: [...document.querySelectorAll('[role="status"], [role="alert"]')].map((e) => e.textContent.trim()).filter(Boolean).slice(0, 3),
  }), ARTICLE);
}

/** The stored library (documents generated once per process and configuration). */
const libraries = new Map();
function libraryItems(cfg) {
  const key = JSON.stringify(cfg);
  if (!libraries.has(key)) {
    const docs = libraryDocuments(cfg);
    const items = libraryStorage(docs, Math.floor(docs.length / 2));
    libraries.set(key, {
      items,
      count: docs.length,
      units: storageUnits(items),
      chars: docs.reduce((s, d) => s + d.document.length, 0),
      annotations: docs.reduce((s, d) => s + d.annotations.length, 0),
    });
  }
  return libraries.get(key);
}

/**
 * Opens the document with N annotations, finds two plain words in view (with `atEnd`, scrolled
 * to the bottom, in the last block) and tags them as `add` does; samples `${id}` (longest task
 * from mouse-down to painted) and `${id}Key` (from the key on).
 */
async function tagged(ctx, id, atEnd) {
  const { page } = await openApp(ctx, ctx.docs.main);
  const toEnd = () => page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  if (atEnd) await toEnd();
  await settle(page, IDLE_AFTER_OPEN);
  // (The page may have grown since: the paragraphs after the first screen are drawn a few
  // chunks a task after the first frame.)
  if (atEnd) {
    await toEnd();
    await settle(page, 300);
  }
  const before = await highlightIds(page);
  let words;
  if (atEnd) {
    words = await findWords(page, `${BLOCKS}:last-of-type`, 'mark', true);
    if (!words) throw new Error('no two plain words on one line in view at the end of the article');
    await page.locator(MENU).count();
    await page.waitForSelector('body', { state: 'visible' });
  } else {
    words = await wordsToTag(page);
  }
  const { events, top } = await measure(ctx, page, async () => {
    await mark(page, 'begin');
    await addAnnotation(page, words, ctx.timeout);
    await settle(page, 50);
    await mark(page, 'end');
  });
  const all = longestTask(events);
  const key = longestTask(events, { begin: 'key' });
  const added = (await highlightIds(page)) - before;
  if (added < 1) throw new Error(`drag over "${words.text}" and key 1 added no highlighted annotation`);
  return {
    samples: { [id]: all.ms, [`${id}Key`]: key.ms },
    detail: { words: words.text, added, breakdown: all.breakdown, keyBreakdown: key.breakdown, top },
  };
}

/** The tag menu's item for the label with key `key`: its box and label id, or null. */
const menuItem = (page, key) =>
  page.evaluate(([sel, k]) => {
    const b = [...document.querySelectorAll(`${sel} button[role="menuitem"]`)].find((e) => e.querySelector('kbd')?.textContent.trim() === k);
    if (!b) return null;
    const r = b.getBoundingClientRect();
    return { x: r.x, y: r.y, width: r.width, height: r.height, label: b.dataset.label };
  }, [MENU, key]);

const median = (xs) => {
  const s = xs.filter(Number.isFinite).sort((a, b) => a - b);
  if (!s.length) return NaN;
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

const TAG_TYPES = {
  click: ['pointerdown', 'mousedown', 'pointerup', 'mouseup', 'click'],
  key: ['keydown', 'keyup'],
};

/**
 * One tag for tagTiming: drag over `words`, wait for the menu, then by `how` ('click': the
 * pointer moves onto the item of key 1 and rests, the button goes down and CLICK_MS later up;
 * 'key': "1" goes down and CLICK_MS later up); checks that the menu has closed. Returns
 * {at: performance.now() just before the input, api: the interaction's entries by the Event
 * Timing API (see interactionTiming), or null when none came}.
 */
async function tagOnce(ctx, page, words, how) {
  await drag(page, words);
  await page.waitForSelector(MENU, { state: 'visible', timeout: ctx.timeout });
  const item = await menuItem(page, '1');
  if (!item) throw new Error('no item with key 1 in the tag menu');
  if (how === 'click') await page.mouse.move(item.x + item.width / 2, item.y + item.height / 2);
  await settle(page, 100);
  const at = await page.evaluate(() => performance.now());
  if (how === 'click') {
    await page.mouse.down();
    await sleep(CLICK_MS);
    await page.mouse.up();
  } else {
    await page.keyboard.down('1');
    await sleep(CLICK_MS);
    await page.keyboard.up('1');
  }
  // Nothing of the harness runs in the page until the frame after the input is long painted
  // (a waitForSelector would poll in it).
  await sleep(250);
  await settle(page, 0);
  if (await page.locator(MENU).isVisible()) throw new Error(`the tag menu is still open 250 ms after the ${how === 'click' ? 'click on its item' : 'key 1'}`);
  return { at, api: await interactionTiming(page, at, TAG_TYPES[how]) };
}

/**
 * Scrolls the page from the top to the end with the mouse wheel over its article, 600 px a
 * step, one frame apart, until it stops moving; {ms: the longest task, detail}.
 */
async function scrollWhole(ctx, page) {
  const box = await page.locator(ARTICLE).boundingBox();
  const pos = () =>
    page.evaluate((sel) => {
      let el = document.querySelector(sel);
      let sum = window.scrollY;
      for (; el; el = el.parentElement) sum += el.scrollTop;
      return sum;
    }, ARTICLE);
  let steps = 0;
  const { events, top } = await measure(ctx, page, async () => {
    await page.mouse.move(box.x + Math.min(box.width / 2, 300), 450);
    await mark(page, 'begin');
    let last = -1;
    let still = 0;
    while (still < 4 && steps < 5000) {
      await page.mouse.wheel(0, 600);
      await frames(page, 1);
      steps++;
      const p = await pos();
      still = p === last ? still + 1 : 0;
      last = p;
    }
    await settle(page, 50);
    await mark(page, 'end');
  });
  const t = longestTask(events);
  return { ms: t.ms, detail: { steps, scrolledPx: await pos(), breakdown: t.breakdown, top } };
}

/** How many times `firstScreen` reopens each page (BENCH_REOPENS); it keeps the median. */
const REOPENS = Math.max(1, Number(process.env.BENCH_REOPENS || 3));

/**
 * `path` reopened from a blank page of the same origin REOPENS times: the median time to its
 * painted mark. (One reopen of the static page of a screen took 60 to 147 ms within one run;
 * the median of three moves far less. The second load of a script also writes its compiled
 * code to the cache, which later loads read back.)
 */
async function reopened(page, base, path, timeout) {
  const times = [];
  const live = [];
  for (let i = 0; i < REOPENS; i++) {
    await page.goto(`${base}/__bench/blank.html`);
    await page.goto(`${base}${path}`);
    times.push(await waitPainted(page, timeout));
    if (path === '/') live.push(await appLive(page, timeout));
    if (i + 1 < REOPENS) await sleep(300);
  }
  const median = (a) => a.sort((x, y) => x - y)[Math.floor(a.length / 2)];
  return path === '/' ? { painted: median(times), live: median(live) } : median(times);
}

/**
 * When the app drew its own first frame: "aa:live" after a picture of the screen left was
 * shown first (see src/browser/picture.js), its "aa:painted" without one (and in builds
 * before the picture).
 */
async function appLive(page, timeout) {
  await page.waitForFunction(() => performance.getEntriesByName('aa:doc-painted').length > 0, null, { timeout });
  return page.evaluate(() => (performance.getEntriesByName('aa:live')[0] || performance.getEntriesByName('aa:painted')[0]).startTime);
}

export const scenarios = {
  /** Open to painted frame, with 0 and with N annotations (untraced). */
  async open(ctx, variant) {
    const doc = variant === 0 ? ctx.docs.empty : ctx.docs.main;
    const { page, painted } = await openApp(ctx, doc);
    const longTask = await longTaskMax(page);
    const marks = await page.evaluate((s) => document.querySelectorAll(`${s} mark`).length, ARTICLE);
    const id = variant === 0 ? 'open0' : 'open';
    return { samples: { [id]: painted }, detail: { marks, longTaskObserverMs: longTask } };
  },

  /**
   * Longest main-thread task while opening the document with N annotations (traced): to the
   * painted mark, and from navigation until the app is fully ready (IDLE_AFTER_OPEN after it:
   * every block mounted or ready to mount, the sidebar's lists complete, the backup copy
   * taken); then the wasm linear memory and the JS heap in use.
   */
  async openTrace(ctx) {
    const page = await preload(ctx.context, ctx.base, appStorage(ctx.docs.main));
    const { events, top } = await measure(ctx, page, async () => {
      await page.goto(`${ctx.base}/`);
      await waitPainted(page, ctx.timeout);
      await mark(page, 'end');
      await sleep(IDLE_AFTER_OPEN);
      await mark(page, 'idle');
    });
    const t = longestTask(events, { begin: null });
    const ready = longestTask(events, { begin: null, end: 'idle' });
    const backup = longestTask(events, { begin: 'end', end: 'idle', containing: 'setItem' });
    const lazy = wasmLazy(events, 'idle');
    const { wasmMB, heapMB } = await memory(page);
    return {
      samples: {
        openTask: t.ms, openReady: ready.ms, backup: backup && backup.ms ? backup.ms : NaN, wasmMB, heapMB,
        wasmLazy: lazy ? lazy.count : NaN, wasmLazyMs: lazy ? lazy.ms : NaN, wasmLazyTop: lazy ? lazy.inLongestMs : NaN,
      },
      detail: { breakdown: t.breakdown, readyBreakdown: ready.breakdown, backupBreakdown: backup && backup.breakdown, top },
    };
  },

  /**
   * The first screen against its floor. The app on the document with N annotations: navigation
   * → painted mark (the first frame with the viewport's paragraphs, their highlights and the
   * toolbar) in a fresh profile ("cold"), then, once it is idle, reopened in the same profile
   * ("warm": HTTP and compiled-code caches; the median of REOPENS reopens: its first screen is
   * the picture of the screen left, and the app's own first frame after it is reported too,
   * "firstWarmLive"). The floor: the same
   * for a static page holding that
   * screen (bench/lib/static.mjs), in a fresh profile of its own. Also the longest task either
   * had while opening cold (the long-task API: 0 when none reached 50 ms), and, for both in
   * their fresh profiles, navigation → the frame that put the article's text on the screen by
   * the browser's paint timing (`articlePainted`). Checked: the paragraphs in view at the
   * painted mark hold highlights.
   */
  async firstScreen(ctx) {
    const page = await preload(ctx.context, ctx.base, appStorage(ctx.docs.main));
    await page.goto(`${ctx.base}/`);
    const cold = await waitPainted(page, ctx.timeout);
    const inView = await page.evaluate((sel) => {
      const shown = [...document.querySelectorAll(sel)].filter((b) => {
        const r = b.getBoundingClientRect();
        return r.bottom > 0 && r.top < innerHeight;
      });
      return { blocks: shown.length, marks: shown.reduce((n, b) => n + b.querySelectorAll('mark').length, 0) };
    }, `${ARTICLE} [data-p]`);
    if (!inView.blocks || !inView.marks) throw new Error(`no highlights in view at the painted mark (${JSON.stringify(inView)})`);
    await sleep(IDLE_AFTER_OPEN);
    const coldPixels = await articlePainted(page);
    const appLong = await longTaskMax(page);
    const { painted: warm, live: warmLive } = await reopened(page, ctx.base, '/', ctx.timeout);
    const other = await ctx.browser.newContext({ viewport: { width: 1280, height: 900 } });
    try {
      await instrument(other);
      const floor = await other.newPage();
      await floor.goto(`${ctx.base}/__static/screen.html`);
      const staticCold = await waitPainted(floor, ctx.timeout);
      await sleep(500);
      const staticPixels = await articlePainted(floor);
      const staticLong = await longTaskMax(floor);
      const staticWarm = await reopened(floor, ctx.base, '/__static/screen.html', ctx.timeout);
      return {
        samples: { firstCold: cold, firstWarm: warm, firstWarmLive: warmLive, staticCold, staticWarm, appLong, staticLong, coldPixels, staticPixels },
        detail: { inView },
      };
    } finally {
      await other.close();
    }
  },

  /**
   * Clicks while the document with N annotations opens: from the navigation's commit, a click
   * (press and release) every 50 ms on the page's margin, left of the article, until the app
   * is fully ready (IDLE_AFTER_OPEN after the painted mark); each click's Event Timing (input →
   * next paint, what INP counts; Chromium reports none under 16 ms, counted as 8). Samples the
   * longest and how many took over 50 ms, of the clicks after the page's first paint.
   */
  async openClicks(ctx) {
    const page = await preload(ctx.context, ctx.base, appStorage(ctx.docs.main));
    const cdp = await ctx.context.newCDPSession(page);
    await page.goto(`${ctx.base}/`, { waitUntil: 'commit' });
    const at = { x: 4, y: 450, button: 'left', clickCount: 1 };
    const sent = [];
    let painted = 0;
    const done = waitPainted(page, ctx.timeout).then((t) => { painted = t; });
    const t0 = Date.now();
    let readyAt = Infinity;
    while (Date.now() < readyAt) {
      sent.push(cdp.send('Input.dispatchMouseEvent', { type: 'mousePressed', ...at })
        .then(() => cdp.send('Input.dispatchMouseEvent', { type: 'mouseReleased', ...at })).catch(() => {}));
      await sleep(50);
      if (painted && readyAt === Infinity) readyAt = Date.now() + IDLE_AFTER_OPEN;
      if (Date.now() - t0 > ctx.timeout) throw new Error('the app did not open while clicking');
    }
    await done;
    await Promise.all(sent);
    await settle(page, 300);
    const { list, firstPaint } = await page.evaluate(() => {
      const by = new Map();
      for (const e of window.__aaEvents) {
        if (!e.id) continue;
        const a = by.get(e.id) || { start: e.start, duration: 0 };
        by.set(e.id, { start: Math.min(a.start, e.start), duration: Math.max(a.duration, e.duration) });
      }
      const fp = performance.getEntriesByName('first-paint')[0];
      return { list: [...by.values()], firstPaint: fp ? fp.startTime : 0 };
    });
    // Before the page's first paint any page keeps a click waiting for its first frame: those
    // count against the static page as much as against the app, so they are reported apart.
    const after = list.filter((c) => c.start >= firstPaint).map((c) => c.duration);
    const durations = [...after, ...Array(Math.max(0, sent.length - list.length)).fill(8)];
    return {
      samples: { openClickMax: Math.max(...durations), openClickSlow: durations.filter((d) => d > 50).length },
      detail: {
        clicks: sent.length,
        firstPaintMs: +firstPaint.toFixed(1),
        paintedMs: painted,
        reported: list.sort((a, b) => a.start - b.start).map((c) => [+c.start.toFixed(0), c.duration]),
      },
    };
  },

  /** Add one annotation: real drag + number key; longest task from mouse-down to painted. */
  async add(ctx) {
    return tagged(ctx, 'add', false);
  },

  /**
   * Add one annotation at the end of the article: scrolled to the bottom, two words in view in
   * the last block (in a long paragraph, near its end), then as `add`.
   */
  async addEnd(ctx) {
    return tagged(ctx, 'addEnd', true);
  },

  /**
   * Event Timing of tagging with 0 or N annotations: ctx.tagTimes times each, alternating, two
   * plain words in view are dragged over and tagged, once by a click on the menu's item of key 1
   * (as a hand clicks: the pointer rests on it, the button is down 80 ms) and once by the key
   * "1" (down 80 ms). For each interaction (the entries of one interactionId), its duration from
   * input to the next paint (the INP measure) as the Event Timing API gives it (rounded to 8 ms;
   * no entry under 16 ms, counted as 8), and as the trace gives it, not rounded, with its
   * processing (handlers done, less the input's time) and where the main thread spent that
   * stretch (ctx.tagTrace === false: untraced, the API's numbers only; with ctx.profile, the
   * functions that ran in those stretches, by self time and with callees, summed over the run's
   * clicks and over its keys). Samples the medians of the run. The document grows by
   * 2 × ctx.tagTimes annotations.
   */
  async tagTiming(ctx, variant) {
    const doc = variant === 0 ? ctx.docs.empty : ctx.docs.main;
    const { page } = await openApp(ctx, doc);
    await settle(page, IDLE_AFTER_OPEN);
    await page.locator(MENU).count();
    await watchEventTiming(page);
    const before = await highlightIds(page);
    const tags = [];
    const run = async () => {
      for (let k = 0; k < 2 * ctx.tagTimes; k++) {
        const how = k % 2 ? 'key' : 'click';
        const words = await findWords(page, BLOCKS);
        if (!words) throw new Error('no two plain words on one line found in the visible article');
        tags.push({ how, words: words.text, ...(await tagOnce(ctx, page, words, how)) });
      }
    };
    const { events, top, profile } = ctx.tagTrace === false ? (await run(), { events: [] }) : await measure(ctx, page, run);
    const added = (await highlightIds(page)) - before;
    if (added < tags.length) throw new Error(`${tags.length} tags by click and key added ${added} highlighted annotations`);
    for (const t of tags) {
      // No entry: the API reports nothing under 16 ms (after rounding to 8 ms), so 8 at most.
      t.et = t.api ? t.api.duration : 8;
      const x = traceInteraction(events, t.at, TAG_TYPES[t.how]);
      if (x) {
        const { lo, hi, pid, tid, ...rest } = x;
        const work = spanWork(events, { pid, tid }, lo, hi);
        t.trace = { ...rest, busyMs: work.busyMs, scriptMs: work.scriptMs, breakdown: work.breakdown };
        t.window = [lo, hi];
      }
    }
    // With a CPU profile: the functions that ran between the inputs and their paints
    const within = (how, total) => {
      const windows = tags.filter((t) => t.how === how && t.window).map((t) => t.window);
      return profile && windows.length ? topFunctions(profile, { n: 25, windows, total }) : undefined;
    };
    const functions = profile && {
      clickSelf: within('click', false),
      clickTotal: within('click', true),
      keySelf: within('key', false),
      keyTotal: within('key', true),
    };
    const of = (how, f) => median(tags.filter((t) => t.how === how).map(f));
    const n = variant === 0 ? '0' : 'N';
    const exact = (t) => (t.trace ? t.trace.duration : NaN);
    // (untraced, the API's: for entries of 16 ms or more only)
    const processing = (t) => (t.trace ? t.trace.processing : t.api ? t.api.processing : NaN);
    return {
      samples: {
        [`tagClickEt${n}`]: of('click', (t) => t.et),
        [`tagKeyEt${n}`]: of('key', (t) => t.et),
        [`tagClickExact${n}`]: of('click', exact),
        [`tagKeyExact${n}`]: of('key', exact),
        [`tagClickProc${n}`]: of('click', processing),
        [`tagKeyProc${n}`]: of('key', processing),
      },
      detail: {
        added,
        belowThreshold: tags.filter((t) => !t.api).length,
        notInTrace: tags.filter((t) => !t.trace).length,
        tags: tags.map(({ at, window, ...t }) => t),
        top,
        profiled: functions,
        errors: page.__errors,
      },
    };
  },

  /**
   * Unrelated UI updates: click an entry in the sidebar (the first click after opening, then
   * five more on other entries), and move the pointer onto a highlight (its label appears).
   */
  async ui(ctx) {
    const { page } = await openApp(ctx, ctx.docs.main);
    const entries = page.locator(SIDEBAR_BUTTONS);
    await sleep(IDLE_AFTER_OPEN);
    // (Entries 2–7 all in view: the last one first, then the first.)
    await entries.nth(7).scrollIntoViewIfNeeded({ timeout: ctx.timeout });
    await entries.nth(2).scrollIntoViewIfNeeded({ timeout: ctx.timeout });
    await settle(page, 300);
    const boxes = [];
    for (let i = 2; i < 8; i++) boxes.push(await entries.nth(i).boundingBox());
    const name = (await entries.nth(2).textContent()).trim();
    // As a person clicks: the pointer is already over the entry, and the button goes down and
    // up a moment apart (a click sent as one move + down + up lands all its input handlers in
    // one task, which no hand produces).
    const click = async (box, k) => {
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
      await settle(page, 100);
      await mark(page, `b${k}`);
      await page.mouse.down();
      await sleep(CLICK_MS);
      await page.mouse.up();
      await settle(page, 50);
      await mark(page, `e${k}`);
      await sleep(200);
    };
    const { events, top } = await measure(ctx, page, async () => {
      for (let k = 0; k < boxes.length; k++) await click(boxes[k], k);
      // (the clicks scrolled the article to their annotations)
      const mark0 = page.locator(`${ARTICLE} mark[data-labels]`).first();
      await mark0.scrollIntoViewIfNeeded({ timeout: ctx.timeout });
      await settle(page, 300);
      const markBox = await mark0.boundingBox();
      await page.mouse.move(markBox.x - 20, markBox.y + markBox.height / 2);
      await settle(page, 100);
      await mark(page, 'hb');
      await page.mouse.move(markBox.x + Math.min(8, markBox.width / 2), markBox.y + markBox.height / 2);
      await settle(page, 50);
      await mark(page, 'he');
    });
    const clicks = boxes.map((_, k) => longestTask(events, { begin: `b${k}`, end: `e${k}` }));
    const hover = longestTask(events, { begin: 'hb', end: 'he' });
    const later = clicks.slice(1).map((t) => t.ms).sort((a, b) => a - b);
    const current = await entries.nth(boxes.length + 1).getAttribute('aria-current');
    const shown = await page.locator('.hover-label:not([hidden])').count();
    if (current !== 'true') throw new Error('the last clicked sidebar entry is not the current one');
    if (!shown) throw new Error('no hover label appeared over a highlight');
    return {
      samples: { ui: clicks[0].ms, uiNext: later[Math.floor(later.length / 2)], hover: hover.ms },
      detail: { entry: name, breakdown: clicks[0].breakdown, nextBreakdown: clicks[1].breakdown, hoverBreakdown: hover.breakdown, top },
    };
  },

  /**
   * The claim panel and the claims' filters with N annotations: click a claim's entry in the
   * sidebar (its panel opens, the speaker suggestion is computed), then choose a verdict in
   * "Filter by verdict" to the first claim's verdict (the claims list is filtered).
   */
  async claims(ctx) {
    const { page } = await openApp(ctx, ctx.docs.main);
    await sleep(IDLE_AFTER_OPEN);
    const entry = page.locator(SIDEBAR_BUTTONS).filter({ hasText: /^Claim: / }).first();
    await entry.scrollIntoViewIfNeeded({ timeout: ctx.timeout });
    await settle(page, 300);
    const box = await entry.boundingBox();
    // (Found before the measured stretch: the locator's search runs in the page's main thread.)
    const filter = await page.getByLabel('Filter by verdict').elementHandle({ timeout: ctx.timeout });
    // The first claim's verdict: the filter keeps it (and the others like it).
    const verdict = (await entry.locator('.entry-extra').textContent()).split(' · ').pop();
    const value = await filter.evaluate((el, name) => [...el.options].find((o) => o.text === name)?.value, verdict);
    if (!value) throw new Error(`no verdict "${verdict}" in the filter`);
    const { events, top } = await measure(ctx, page, async () => {
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
      await settle(page, 100);
      await mark(page, 'cb');
      await page.mouse.down();
      await sleep(CLICK_MS);
      await page.mouse.up();
      await settle(page, 150);
      await mark(page, 'ce');
      await sleep(200);
      await mark(page, 'fb');
      // As choosing in the list does: the value, then one change event.
      await filter.evaluate((el, v) => {
        el.value = v;
        el.dispatchEvent(new Event('change', { bubbles: true }));
      }, value);
      await settle(page, 100);
      await mark(page, 'fe');
    });
    if (!(await page.getByRole('region', { name: 'Claim', exact: true }).count())) throw new Error('no claim panel after the click');
    const panel = longestTask(events, { begin: 'cb', end: 'ce' });
    const filtered = longestTask(events, { begin: 'fb', end: 'fe' });
    const listed = await page.locator(SIDEBAR_BUTTONS).filter({ hasText: /^Claim: / }).count();
    if (!listed) throw new Error(`no claim listed after filtering by "${verdict}"`);
    return {
      samples: { claimPanel: panel.ms, claimFilter: filtered.ms },
      detail: { verdict, listed, panelBreakdown: panel.breakdown, filterBreakdown: filtered.breakdown, top },
    };
  },

  /** Scroll the whole document with the mouse wheel. */
  async scroll(ctx) {
    const { page } = await openApp(ctx, ctx.docs.main);
    await settle(page, Number(process.env.BENCH_SCROLL_WAIT || IDLE_AFTER_OPEN));
    const r = await scrollWhole(ctx, page);
    return { samples: { scroll: r.ms }, detail: r.detail };
  },

  /** The same scroll over a static page of the whole text (bench/lib/static.mjs): the floor. */
  async scrollStatic(ctx) {
    const page = await ctx.context.newPage();
    await page.goto(`${ctx.base}/__static/whole.html`);
    await waitPainted(page, ctx.timeout);
    await settle(page, 500);
    const r = await scrollWhole(ctx, page);
    return { samples: { scrollStatic: r.ms }, detail: r.detail };
  },

  /**
   * Save of the big document: one change, then the debounced save runs as its own task. The
   * save task is the task that contains the localStorage.setItem call (marked in the trace by
   * the instrumented setItem); serialise + setItem both run in it.
   */
  async save(ctx) {
    const { page } = await openApp(ctx, ctx.docs.big);
    await settle(page, IDLE_AFTER_OPEN);
    let keyAt = 0;
    const before = await highlightIds(page);
    const words = await wordsToTag(page);
    const { events, top } = await measure(ctx, page, async () => {
      await mark(page, 'begin');
      await addAnnotation(page, words, ctx.timeout);
      keyAt = await page.evaluate(() => performance.now());
      await sleep(1500);
      await settle(page, 0);
      await mark(page, 'end');
    });
    let t = longestTask(events, { begin: 'key', containing: 'setItem' });
    // The save's tasks (making the saved form, writing it) start 300 ms after the change.
    const all = longestTask(events, { begin: 'key', after: 250, before: 1500 });
    let method = 'task containing setItem';
    if (!t || !t.ms) {
      t = longestTask(events, { begin: 'key', after: 250, before: 1500 });
      method = 'longest task 250-1500 ms after the change';
    }
    const writes = await page.evaluate((at) => window.__aaSetItems.filter((w) => w.at >= at - 50), keyAt);
    const setItemMs = writes.reduce((s, w) => s + w.ms, 0);
    const added = (await highlightIds(page)) - before;
    const messages = await page.evaluate(() =>
      [...document.querySelectorAll('[role="status"], [role="alert"]')].map((e) => e.textContent.trim()).filter(Boolean),
    );
    if (!writes.length) throw new Error(`no save within 1.5 s of the change (added ${added}; messages: ${messages.join(' | ') || 'none'})`);
    return {
      samples: { save: t.ms, saveBlock: all.ms, setItem: writes.length ? setItemMs : NaN },
      detail: {
        method,
        added,
        startAfterKeyMs: t.startMs,
        writes: writes.map((w) => ({ key: w.key, chars: w.length, ms: +w.ms.toFixed(2) })),
        breakdown: t.breakdown,
        blockBreakdown: all.breakdown,
        top,
      },
    };
  },

  /** Export of the big document: click "Export JSON". */
  async export(ctx) {
    const { page } = await openApp(ctx, ctx.docs.big);
    await settle(page, IDLE_AFTER_OPEN);
    await page.getByRole('button', { name: 'Export', exact: true }).click();
    const button = page.getByRole('menuitem', { name: /^Export JSON/ });
    const box = await button.boundingBox({ timeout: ctx.timeout });
    let download;
    const { events, top } = await measure(ctx, page, async () => {
      await mark(page, 'begin');
      const dl = page.waitForEvent('download', { timeout: 5000 }).catch(() => null);
      await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
      download = await dl;
      await settle(page, 50);
      await mark(page, 'end');
    });
    const t = longestTask(events);
    const detail = { breakdown: t.breakdown, downloaded: !!download, top };
    if (download) {
      const file = await download.path();
      detail.file = download.suggestedFilename();
      detail.bytes = statSync(file).size;
    }
    return { samples: { export: t.ms }, detail };
  },

  /** Offset index build and conversions in wasm, through the app's `aa_bench` export. */
  async wasm(ctx) {
    const { page } = await openApp(ctx, ctx.docs.empty);
    const has = await page.evaluate(() => typeof window.wasmBindings?.aa_bench === 'function');
    if (!has) return { samples: { indexBuild: NaN, conversions: NaN, read: NaN }, detail: { aaBench: false } };
    const r = await page.evaluate(([text, stored]) => {
      const med = (xs) => xs.sort((a, b) => a - b)[xs.length >> 1];
      const f = window.wasmBindings.aa_bench;
      const b = { indexBuild: (t) => f(0, t, 0), conversions: (t, n) => f(1, t, n), read: (j) => f(2, j, 0) };
      b.indexBuild(text);
      b.conversions(text, 10000);
      const ib = [];
      const cv = [];
      for (let i = 0; i < 5; i++) {
        ib.push(Number(b.indexBuild(text)));
        cv.push(Number(b.conversions(text, 10000)));
      }
      b.read(stored);
      const rd = [];
      for (let i = 0; i < 3; i++) rd.push(Number(b.read(stored)));
      return { indexBuild: med(ib), conversions: med(cv), read: med(rd) };
    }, [ctx.docs.text, JSON.stringify(storedForm(ctx.docs.main))]);
    return { samples: r, detail: { aaBench: true } };
  },

  /**
   * Export of the BIG document in each other tool's format, and its import back into the
   * text without annotations (read, labels mapped, spans placed), timed in wasm through
   * the app's `aa_bench_formats` export.
   */
  async formats(ctx) {
    const { page } = await openApp(ctx, ctx.docs.empty);
    const has = await page.evaluate(() => typeof window.wasmBindings?.aa_bench_formats === 'function');
    if (!has) return { samples: {}, detail: { aaBench: false } };
    const flat = await page.evaluate((stored) => Array.from(window.wasmBindings.aa_bench_formats(stored)), JSON.stringify(storedForm(ctx.docs.big)));
    const samples = {};
    const placed = {};
    for (let i = 0; i + 3 < flat.length; i += 4) {
      const [name, exp, imp, n] = flat.slice(i, i + 4);
      samples[`export-${name}`] = exp;
      if (imp > 0 || n > 0) samples[`import-${name}`] = imp;
      placed[name] = n;
    }
    return { samples, detail: { placed } };
  },

  /** The peer: open to painted frame with 0 and with N annotations. */
  async peerOpen(ctx, variant) {
    const { page, painted } = await openPeer(ctx, variant === 0 ? [] : ctx.docs.peer);
    const state = await page.evaluate(() => window.peer.state);
    const longTask = await longTaskMax(page);
    const id = variant === 0 ? 'peerOpen0' : 'peerOpen';
    if (variant !== 0 && state.count !== ctx.docs.peer.length) throw new Error(`peer holds ${state.count} annotations`);
    return { samples: { [id]: painted }, detail: { count: state.count, longTaskObserverMs: longTask } };
  },

  /** The peer: longest main-thread task while opening with N annotations (traced). */
  async peerOpenTrace(ctx) {
    const page = await preload(ctx.context, ctx.base, {
      'aa-bench-peer': JSON.stringify({ text: ctx.docs.text, annotations: ctx.docs.peer }),
    });
    const { events, top } = await measure(ctx, page, async () => {
      await page.goto(`${ctx.base}/__bench/peer.html`);
      await waitPainted(page, ctx.timeout);
      await mark(page, 'end');
    });
    const t = longestTask(events, { begin: null });
    return { samples: { peerOpenTask: t.ms }, detail: { breakdown: t.breakdown, top } };
  },

  /** The peer: add one annotation by a mouse drag (it creates one on selection). */
  async peerAdd(ctx) {
    const { page } = await openPeer(ctx, ctx.docs.peer);
    await settle(page, 500);
    const words = await findWords(page, PEER_BLOCKS, null);
    if (!words) throw new Error('no two plain words on one line found in the peer page');
    const before = await page.evaluate(() => window.peer.state.changes);
    const { events, top } = await measure(ctx, page, async () => {
      await mark(page, 'begin');
      await drag(page, words);
      await sleep(300);
      await settle(page, 50);
      await mark(page, 'end');
    });
    const t = longestTask(events);
    const changes = (await page.evaluate(() => window.peer.state.changes)) - before;
    if (!changes) throw new Error('the peer did not react to the selection');
    return { samples: { peerAdd: t.ms }, detail: { words: words.text, storeChanges: changes, breakdown: t.breakdown, top } };
  },

  /**
   * Paste the reference text (no annotations) and open it: from the click on the Open article
   * dialog's "Open" button (the text already in the dialog) to the painted frame that shows the
   * new article's headline (untraced; compared with "open 0 annotations → painted").
   */
  async paste(ctx) {
    const { page, via, box, headline } = await dialogWithText(ctx, ctx.docs.text);
    const r = await openFromDialog(ctx, page, box, headline);
    const after = await afterOpen(page);
    const longTask = await longTaskMax(page);
    return {
      samples: { paste: r.ms },
      detail: { via, seenMs: r.seenMs, blocksAtPaint: r.painted.blocks, ...after, marks: r.marks, longTaskObserverMs: longTask, errors: page.__errors },
    };
  },

  /** The same paste, traced: the longest main-thread task and the script time from the click. */
  async pasteTrace(ctx) {
    const { page, via, box, headline } = await dialogWithText(ctx, ctx.docs.text);
    let r;
    const { events, top } = await measure(ctx, page, async () => {
      r = await openFromDialog(ctx, page, box, headline, () => mark(page, 'begin'));
    });
    const t = longestTask(events, { end: 'painted' });
    const work = windowWork(events, { end: 'painted' });
    const after = await afterOpen(page);
    return {
      samples: { pasteTask: t.ms },
      detail: { via, tracedMs: r.ms, startAfterBeginMs: t.startMs, breakdown: t.breakdown, work, blocksAtPaint: r.painted.blocks, ...after, top },
    };
  },

  /**
   * A library of many stored documents (ctx.library: count, sizes, annotations each; one of them
   * open): click the toolbar's "Library" and wait for the painted frame of the table listing them
   * all. Script time (trace events that run script, less the layout they force) and the longest
   * task from the click's button press to that frame; also click → painted. Also counts the
   * localStorage reads in the window (`getItem` is wrapped after the page has opened): listing
   * needs only the index.
   */
  async library(ctx) {
    const lib = libraryItems(ctx.library);
    const page = await preload(ctx.context, ctx.base, lib.items);
    await page.goto(`${ctx.base}/`);
    await waitPainted(page, ctx.timeout);
    await settle(page, IDLE_AFTER_OPEN);
    const button = page.getByRole('button', { name: 'Library', exact: true }).first();
    const box = await button.boundingBox({ timeout: ctx.timeout });
    await page.evaluate(() => {
      window.__aaReads = [];
      const getItem = Storage.prototype.getItem;
      Storage.prototype.getItem = function (key) {
        const v = getItem.call(this, key);
        if (window.__aaReads) window.__aaReads.push([String(key), v === null ? 0 : v.length]);
        return v;
      };
    });
    await watchClick(page, 'button');
    // The library shows its first 100 rows (the rest behind "Show all"): listed means those.
    const rows = Math.min(lib.count, 100);
    const painted = whenPainted(page, { libraryRows: rows }, ctx.timeout);
    let r;
    const { events, top } = await measure(ctx, page, async () => {
      await handClick(page, box, CLICK_MS, async () => {
        await page.evaluate(() => { window.__aaReads = []; });
        await mark(page, 'begin');
      });
      r = await painted;
    });
    if (!r.ok) throw new Error(`no Library table with ${rows} rows painted within ${ctx.timeout} ms (page: ${JSON.stringify(r.state)})`);
    const reads = await page.evaluate(() => {
      const rs = window.__aaReads;
      window.__aaReads = null;
      return rs;
    });
    const click = await page.evaluate(() => window.__aaClickAt);
    const work = windowWork(events, { end: 'painted' });
    const t = longestTask(events, { end: 'painted' });
    const current = await page.locator('section table tbody tr[aria-current="true"]').count();
    const docReads = reads.filter(([k]) => k.includes(':doc:'));
    return {
      samples: { libScript: work.scriptMs, libTask: t.ms, libPainted: click === null ? NaN : r.paintedMs - click },
      detail: {
        documents: lib.count,
        storedUnits: lib.units,
        chars: lib.chars,
        annotations: lib.annotations,
        rows: r.rows,
        currentRows: current,
        reads: { calls: reads.length, documentKeys: docReads.length, chars: reads.reduce((s, [, n]) => s + n, 0) },
        work,
        breakdown: t.breakdown,
        top,
        errors: page.__errors,
      },
    };
  },
};
