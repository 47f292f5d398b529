// Shared helpers for the end-to-end tests: start headless Chromium, open the built app in a
// fresh profile, drag the mouse over words of the article, read what the app stored.
//
// The app is found at AA_BASE_URL; without it, dist/ is served on a free port of 127.0.0.1.

import assert from 'node:assert/strict';
import { after, before } from 'node:test';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startServer } from '../../scripts/static-server.mjs';
import { jsonOf } from '../../bench/lib/packed.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

export const HEADLINE =
  'Xi and Lukashenko agree to oppose hegemony, safeguard international fairness and justice';
export const LABELS = [
  'Person', 'Organization', 'Location', 'Date', 'Event', 'Quantity', 'Other', 'Claim',
];
export const STORAGE_PREFIX = 'article-annotator:v1:';
export const INDEX_KEY = `${STORAGE_PREFIX}index`;
/** Per-test limit: generous for a slow machine, bounded so a hang fails instead of stalling. */
export const TEST_TIMEOUT = 90_000;

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  '--disable-dev-shm-usage',
];

/** One browser for a test file: started before its tests, closed after; returns a getter. */
export function browserForFile() {
  let env;
  before(async () => {
    env = await startBrowser();
  });
  after(async () => {
    await env?.close();
  });
  return () => env;
}

/** Where the app is: AA_BASE_URL, or dist/ served on a free port (closed by `close`). */
export async function appBase() {
  const given = process.env.AA_BASE_URL;
  const server = given ? null : await startServer({ root: join(ROOT, 'dist'), port: 0 });
  const base = given || server.url;
  return { base: base.endsWith('/') ? base : `${base}/`, close: async () => server && server.close() };
}

/** Launches Chromium (and, when AA_BASE_URL is unset, a server for dist/). */
export async function startBrowser() {
  const { base, close } = await appBase();
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
    headless: true,
    timeout: 60_000,
  });
  return {
    browser,
    base,
    async close() {
      await browser.close().catch(() => {});
      await close();
    },
  };
}

/** The app's landmarks and controls, found the way a user (or a screen reader) finds them. */
export function ui(page) {
  const article = page.getByRole('article', { name: 'Article text' });
  const sidebar = page.getByRole('complementary', { name: 'Annotations' });
  const toolbar = page.getByRole('toolbar', { name: 'Document' });
  return {
    article,
    headline: article.getByRole('heading', { level: 1 }),
    marks: article.locator('mark'),
    menu: page.getByRole('menu', { name: 'Tag selection' }),
    menuItem: (name) =>
      page.getByRole('menu', { name: 'Tag selection' }).getByRole('menuitem', { name, exact: true }),
    sidebar,
    entry: (name) =>
      sidebar.getByRole('button', { name, exact: typeof name === 'string' }),
    entries: sidebar.getByRole('button', { name: new RegExp(`^(${LABELS.join('|')}): `) }),
    undo: toolbar.getByRole('button', { name: 'Undo', exact: true }),
    redo: toolbar.getByRole('button', { name: 'Redo', exact: true }),
    exportMenu: toolbar.getByRole('button', { name: 'Export', exact: true }),
    exportJson: page.getByRole('menu', { name: 'Export' }).getByRole('menuitem', { name: /^Export JSON/ }),
    importJson: page.getByLabel('Import', { exact: true }),
    alert: (text) => page.getByRole('alert').filter({ hasText: text }),
    status: (text) => page.getByRole('status').filter({ hasText: text }),
  };
}

/** AA_E2E_SLOWDOWN=N runs every page's CPU N times slower: what waits on a race with the app
 * shows (a slow CI machine's lot), as no test may depend on how fast the app is. */
const SLOWDOWN = Number(process.env.AA_E2E_SLOWDOWN || 1);

/**
 * Opens the app in a fresh browser context (empty localStorage) and runs `body`.
 * Uncaught page errors and browser dialogs fail the test; the context is always closed.
 * `options` are passed on to the context (e.g. `colorScheme`, `viewport`, `hasTouch`).
 */
export async function withApp(env, body, options = {}) {
  const context = await env.browser.newContext({
    acceptDownloads: true,
    viewport: { width: 1280, height: 900 },
    locale: 'en-US',
    ...options,
  });
  const page = await context.newPage();
  if (SLOWDOWN > 1) {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: SLOWDOWN });
  }
  page.setDefaultTimeout(15_000);
  page.setDefaultNavigationTimeout(30_000);
  const problems = [];
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error' && /panicked|RuntimeError|unreachable/i.test(m.text())) {
      problems.push(`console error: ${m.text()}`);
    }
  });
  page.on('dialog', (d) => {
    problems.push(`unexpected ${d.type()} dialog: ${d.message()}`);
    d.dismiss().catch(() => {});
  });
  const app = { page, context, base: env.base, ui: ui(page), problems };
  try {
    await open(app);
    await body(app);
  } catch (e) {
    if (problems.length) e.message += `\n(browser reported: ${problems.join(' | ')})`;
    throw e;
  } finally {
    await context.close().catch(() => {});
  }
  assert.deepEqual(problems, [], 'the page reported errors');
}

/** Loads the app and waits until the article headline is shown. */
export async function open(app) {
  await app.page.goto(app.base, { waitUntil: 'load' });
  await app.ui.headline.waitFor({ state: 'visible', timeout: 30_000 });
}

/** The article's whole text, once every block of it is drawn (it is `aria-busy` until then). */
export async function wholeText(page, u) {
  await page.locator('article[aria-label="Article text"]:not([aria-busy])').waitFor();
  return u.article.textContent();
}

/** Reloads the page and waits until the article headline is shown again. */
export async function reload(app) {
  await app.page.reload({ waitUntil: 'load' });
  await app.ui.headline.waitFor({ state: 'visible', timeout: 30_000 });
}

/** Polls `fn` until it returns a truthy value (returned) or `timeout` ms pass (throws). */
export async function waitUntil(fn, { timeout = 10_000, interval = 100, message = 'condition' } = {}) {
  const end = Date.now() + timeout;
  let last;
  for (;;) {
    try {
      const v = await fn();
      if (v) return v;
      last = v;
    } catch (e) {
      last = e;
    }
    if (Date.now() > end) {
      const why = last instanceof Error ? last.message : JSON.stringify(last);
      throw new Error(`timed out after ${timeout} ms waiting for ${message} (last: ${why})`);
    }
    await new Promise((r) => setTimeout(r, interval));
  }
}

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Waits until the page has drawn two more frames (what a change queued before now has painted by then). */
export function twoFrames(page) {
  return page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
}

/**
 * Viewport points over the text `text` inside the article: `start` lies on the left part of its
 * character number `from`, `end` on the right part of character `to - 1` (UTF-16 indices into
 * `text`). The block is the first heading or paragraph whose text starts with `block` (if given)
 * and contains `text`. The block is scrolled into view first (in a block taller than half the
 * window, the text).
 */
export async function textPoints(page, spec) {
  // The page may still be settling after the scroll (blocks mounting as they come into view):
  // the points are taken again after two frames until they hold still.
  let pts = await pointsOnce(page, spec);
  for (let i = 0; i < 10; i++) {
    await twoFrames(page);
    const again = await pointsOnce(page, spec);
    if (JSON.stringify(again) === JSON.stringify(pts)) break;
    pts = again;
  }
  return pts;
}

async function pointsOnce(page, { text, block = '', from = 0, to = text.length, occurrence = 0 }) {
  const pts = await page.evaluate(
    ({ text, block, from, to, occurrence }) => {
      const article = document.querySelector('article');
      if (!article) return { error: 'no article' };
      const blocks = [...article.querySelectorAll('h1, h2, h3, p, li')].filter(
        (el) => el.textContent.startsWith(block) && el.textContent.includes(text),
      );
      if (!blocks.length) return { error: `no block starting "${block}" with "${text}"` };
      const el = blocks[0];
      let at = -1;
      for (let i = 0; i <= occurrence; i++) {
        at = el.textContent.indexOf(text, at + 1);
        if (at < 0) return { error: `occurrence ${occurrence} of "${text}" not found` };
      }
      // Text nodes in order, with their UTF-16 start inside the block.
      const nodes = [];
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      let acc = 0;
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        nodes.push({ n, s: acc });
        acc += n.data.length;
      }
      const locate = (g) => {
        const hit = nodes.find(({ n, s }) => g >= s && g < s + n.data.length);
        return hit ? [hit.n, g - hit.s] : null;
      };
      const charRect = (g) => {
        const loc = locate(g);
        if (!loc) return null;
        const [n, o] = loc;
        const code = n.data.charCodeAt(o);
        const len = code >= 0xd800 && code <= 0xdbff ? 2 : 1;
        const r = document.createRange();
        r.setStart(n, o);
        r.setEnd(n, Math.min(o + len, n.data.length));
        const rects = [...r.getClientRects()].filter((x) => x.width > 0);
        return rects[0] || r.getBoundingClientRect();
      };
      el.scrollIntoView({ block: 'center', inline: 'nearest' });
      // In a block taller than half the window, the text itself into view.
      if (el.getBoundingClientRect().height > window.innerHeight / 2) {
        const r = charRect(at + from);
        if (r) window.scrollBy(0, r.top - window.innerHeight / 2);
      }
      const a = charRect(at + from);
      let lastIdx = at + to - 1;
      // Step back onto the high surrogate when the span ends with a surrogate pair.
      const lastLoc = locate(lastIdx);
      if (lastLoc) {
        const c = lastLoc[0].data.charCodeAt(lastLoc[1]);
        if (c >= 0xdc00 && c <= 0xdfff) lastIdx -= 1;
      }
      const b = charRect(lastIdx);
      if (!a || !b) return { error: 'no layout for the text' };
      const inset = (r) => Math.min(2, r.width / 4);
      return {
        start: { x: a.left + inset(a), y: (a.top + a.bottom) / 2 },
        end: { x: b.right - inset(b), y: (b.top + b.bottom) / 2 },
        center: { x: (a.left + a.right) / 2, y: (a.top + a.bottom) / 2 },
      };
    },
    { text, block, from, to, occurrence },
  );
  if (pts.error) throw new Error(`textPoints: ${pts.error}`);
  return pts;
}

/** Presses the mouse on the first character and releases it on the last, moving in steps. */
export async function dragOver(page, spec) {
  const { start, end } = await textPoints(page, spec);
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  await page.mouse.move((start.x + end.x) / 2, (start.y + end.y) / 2, { steps: 5 });
  await page.mouse.move(end.x, end.y, { steps: 8 });
  await page.mouse.up();
}

/** Clicks the middle of the first character of `text` (e.g. on a highlight). */
export async function clickText(page, spec) {
  const { center } = await textPoints(page, { ...spec, to: Math.min(spec.text.length, 1) });
  await page.mouse.click(center.x, center.y);
}

/** Drags over the text, waits for the tag menu, and picks a label by key or by clicking it. */
export async function tag(app, spec, { key, label }) {
  await dragOver(app.page, spec);
  await app.ui.menu.waitFor({ state: 'visible' });
  if (key) await app.page.keyboard.press(key);
  else await app.ui.menuItem(label).click();
  await app.ui.menu.waitFor({ state: 'hidden' });
}

/** Everything the app keeps in localStorage for the open document (raw strings and parsed). */
export async function readStore(page) {
  const raw = await page.evaluate((indexKey) => {
    const index = localStorage.getItem(indexKey);
    let current = null;
    try {
      current = JSON.parse(index)?.current ?? null;
    } catch {
      /* reported below */
    }
    const docKey = current ? `article-annotator:v1:doc:${current}` : null;
    return { index, current, docKey, doc: docKey ? localStorage.getItem(docKey) : null };
  }, INDEX_KEY);
  const stored = raw.doc ? JSON.parse(jsonOf(raw.doc)) : null;
  return { ...raw, stored, parsed: stored && withQuotes(stored) };
}

/**
 * The stored copy leaves out each record's quote (the app reads it from the text at the
 * span): `doc` with every missing quote taken from its text the same way, so that checks of a
 * quote are checks of the stored code-point offsets.
 */
function withQuotes(doc) {
  const text = doc.document?.text ?? '';
  const cps = [...text];
  const annotations = (doc.annotations ?? []).map((a) =>
    'quote' in a ? a : { ...a, quote: cps.slice(a.start, a.end).join('') },
  );
  return { ...doc, annotations };
}

/** Waits until the stored open document satisfies `pred(parsed)`; returns the store. */
export async function waitForStored(page, pred, message = 'the stored document') {
  return waitUntil(
    async () => {
      const s = await readStore(page);
      return s.parsed && pred(s.parsed) ? s : false;
    },
    { timeout: 10_000, message },
  );
}

/** `[...text].slice(start, end).join('')`: slicing by Unicode code points. */
export const cpSlice = (text, start, end) => [...text].slice(start, end).join('');

/** Code-point index of `needle` in `text` (after UTF-16 index `fromUnit`), or -1. */
export function cpIndexOf(text, needle, fromUnit = 0) {
  const u = text.indexOf(needle, fromUnit);
  return u < 0 ? -1 : [...text.slice(0, u)].length;
}

/** Checks a native file: version, code-point unit, length, and every span against its quote. */
export function checkNativeFile(file) {
  assert.equal(file.format, 'article-annotator');
  assert.equal(file.version, 1);
  const { text } = file.document;
  assert.equal(file.document.offset_unit, 'codepoint');
  assert.equal(file.document.length, [...text].length, 'document.length counts code points');
  assert.ok(!text.includes('\r'), 'stored text has LF newlines only');
  assert.ok(Array.isArray(file.annotations));
  for (const a of file.annotations) {
    assert.ok(Number.isInteger(a.start) && Number.isInteger(a.end), `integer offsets for ${a.id}`);
    assert.ok(0 <= a.start && a.start < a.end && a.end <= [...text].length, `span in range for ${a.id}`);
    assert.equal(cpSlice(text, a.start, a.end), a.quote, `code-point slice equals quote for ${a.id}`);
  }
}

/** Finds the one annotation with this quote (and label id, if given). */
export function findAnnotation(file, quote, label) {
  const hits = file.annotations.filter((a) => a.quote === quote && (!label || a.label === label));
  assert.equal(hits.length, 1, `one annotation "${quote}"${label ? ` (${label})` : ''}, found ${hits.length}`);
  return hits[0];
}

/** Clicks "Export JSON", waits for the download and returns its name and parsed content. */
export async function exportJson(app) {
  const [download] = await Promise.all([
    app.page.waitForEvent('download', { timeout: 15_000 }),
    app.ui.exportMenu.click().then(() => app.ui.exportJson.click()),
  ]);
  const path = await download.path();
  const body = await readFile(path, 'utf8');
  return { name: download.suggestedFilename(), body, json: JSON.parse(body) };
}

/** Feeds a file to the "Import" input, as if the user picked it. */
export async function importFile(app, name, content) {
  await app.ui.importJson.setInputFiles({
    name,
    mimeType: 'application/json',
    buffer: Buffer.from(content, 'utf8'),
  });
}

/**
 * Waits for a visible message with this role ("alert" or "status") whose text matches; on
 * timeout the error says what the page's alert and status regions showed instead.
 */
export async function waitForMessage(app, role, text, timeout = 10_000) {
  const loc = app.page.getByRole(role).filter({ hasText: text }).first();
  try {
    await loc.waitFor({ state: 'visible', timeout });
  } catch (e) {
    const shown = async (r) =>
      (await app.page.getByRole(r).allTextContents()).map((t) => t.trim()).filter(Boolean);
    throw new Error(
      `no visible role=${role} message matching ${text} within ${timeout} ms; ` +
        `alerts shown: ${JSON.stringify(await shown('alert'))}; ` +
        `status shown: ${JSON.stringify(await shown('status'))}`,
    );
  }
  return (await loc.textContent()).trim();
}

/** Accessible names of the annotation buttons in the sidebar, in order. */
export async function entryNames(app) {
  return app.ui.entries.evaluateAll((els) =>
    els.map((e) => (e.getAttribute('aria-label') || e.textContent).trim()),
  );
}

/**
 * Whether the sidebar button (or its list item) carries aria-current="true", waiting up to
 * `ms` for it (the sidebar follows the article one frame later).
 */
export async function isCurrent(locator, ms = 2000) {
  const current = () =>
    locator.evaluate(
      (el) => el.getAttribute('aria-current') === 'true' || el.closest('li')?.getAttribute('aria-current') === 'true',
    );
  for (const until = Date.now() + ms; ; ) {
    if (await current()) return true;
    if (Date.now() > until) return false;
    await new Promise((r) => setTimeout(r, 20));
  }
}

// --- Articles in and the library (open-article, library and two-tabs tests) -----------------

import { createHash } from 'node:crypto'; // (imports are hoisted: kept here, beside what uses it)

/** The folder of the test fixtures (a saved news page, a Markdown article). */
export const FIXTURES = join(ROOT, 'tests', 'e2e', 'fixtures');

/** `doc-` and the first 16 hex digits of the SHA-256 of `text`: the id of a new article. */
export function docIdOf(text) {
  return `doc-${createHash('sha256').update(text, 'utf8').digest('hex').slice(0, 16)}`;
}

/** The lines of `text` that hold more than white space (a document's paragraphs, in order). */
export const paragraphsOf = (text) => text.split('\n').filter((l) => l.trim() !== '');

/** The "Open article" dialog and its controls, found by role and name. */
export function openDialogUi(page) {
  const dialog = page.getByRole('dialog', { name: 'Open article' });
  return {
    dialog,
    text: dialog.getByLabel('Article text', { exact: true }),
    file: dialog.getByLabel('Choose a file', { exact: true }),
    title: dialog.getByLabel('Title', { exact: true }),
    preview: dialog.getByRole('region', { name: 'Preview' }),
    cancel: dialog.getByRole('button', { name: 'Cancel', exact: true }),
    open: dialog.getByRole('button', { name: /^Open( the stored copy)?$/ }),
    alert: dialog.getByRole('alert'),
  };
}

/** Clicks the toolbar's "Open article" and waits for the dialog. */
export async function showOpenDialog(app) {
  await app.page.getByRole('toolbar', { name: 'Document' }).getByRole('button', { name: 'Open article', exact: true }).click();
  const d = openDialogUi(app.page);
  await d.dialog.waitFor({ state: 'visible' });
  return d;
}

/** Dispatches a paste of `text` on the document, as Ctrl+V does with nothing editable focused. */
export async function pasteText(page, text) {
  await page.evaluate((text) => {
    const data = new DataTransfer();
    data.setData('text/plain', text);
    const e = new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true });
    (document.activeElement || document.body).dispatchEvent(e);
  }, text);
}

/**
 * Drops a file on the page (a `drop` event whose DataTransfer, built in the page, holds it):
 * `content` is text, or `bytes` an array of byte values.
 */
export async function dropFile(page, { name, content, bytes, type = '' }, selector = 'body') {
  const data = await page.evaluateHandle(
    ({ name, content, bytes, type }) => {
      const dt = new DataTransfer();
      const part = bytes ? new Uint8Array(bytes) : content;
      dt.items.add(new File([part], name, { type }));
      return dt;
    },
    { name, content, bytes, type },
  );
  await page.dispatchEvent(selector, 'dragenter', { dataTransfer: data });
  await page.dispatchEvent(selector, 'dragover', { dataTransfer: data });
  await page.dispatchEvent(selector, 'drop', { dataTransfer: data });
  await data.dispose();
}

/** Every localStorage key and value of the page, as an object. */
export async function storageSnapshot(page) {
  return page.evaluate(() => {
    const out = {};
    for (let i = 0; i < localStorage.length; i++) {
      const k = localStorage.key(i);
      out[k] = localStorage.getItem(k);
    }
    return out;
  });
}

/** The parsed library index (`{current, documents}`), or null. */
export async function readIndex(page) {
  const raw = await page.evaluate((k) => localStorage.getItem(k), INDEX_KEY);
  return raw ? JSON.parse(raw) : null;
}

/** The stored document `id` (parsed, each annotation's quote taken from the text), or null. */
export async function readDoc(page, id) {
  const raw = await page.evaluate((k) => localStorage.getItem(k), `${STORAGE_PREFIX}doc:${id}`);
  return raw ? withQuotes(JSON.parse(jsonOf(raw))) : null;
}

/** Waits until the stored document `id` satisfies `pred(parsed)`; returns it. */
export async function waitForDoc(page, id, pred = () => true, message = `stored document ${id}`) {
  return waitUntil(
    async () => {
      const d = await readDoc(page, id);
      return d && pred(d) ? d : false;
    },
    { timeout: 10_000, message },
  );
}

/** Waits until the article's headline reads `title`. */
export async function waitForHeadline(page, title, timeout = 15_000) {
  await page
    .getByRole('article', { name: 'Article text' })
    .getByRole('heading', { level: 1 })
    .filter({ hasText: title })
    .first()
    .waitFor({ state: 'visible', timeout });
}

/** The library view and its controls. */
export function libraryUi(page) {
  const toolbar = page.getByRole('toolbar', { name: 'Document' });
  const section = page.locator('section').filter({ has: page.getByRole('heading', { level: 1, name: 'Library', exact: true }) });
  const table = section.getByRole('table');
  return {
    toggle: toolbar.getByRole('button', { name: 'Library', exact: true }),
    section,
    heading: page.getByRole('heading', { level: 1, name: 'Library', exact: true }),
    filter: section.getByLabel('Filter by title', { exact: true }),
    backup: section.getByRole('button', { name: 'Back up the library', exact: true }),
    restore: section.getByLabel('Restore a library backup', { exact: true }),
    back: section.getByRole('button', { name: 'Back to the article', exact: true }),
    meter: section.getByRole('meter', { name: 'Storage used' }),
    table,
    rows: table.locator('tbody tr'),
    row: (title) => table.locator('tbody tr').filter({ has: page.getByRole('button', { name: title, exact: true }) }),
    openButton: (title) => table.getByRole('button', { name: title, exact: true }),
    rename: (title) => section.getByRole('button', { name: `Rename “${title}”`, exact: true }),
    remove: (title) => section.getByRole('button', { name: `Delete “${title}”`, exact: true }),
    newTitle: section.getByLabel('New title', { exact: true }),
    save: section.getByRole('button', { name: 'Save', exact: true }),
  };
}

/** Shows the library (clicks the toolbar's "Library" unless it is shown) and waits for it. */
export async function showLibrary(app) {
  const lib = libraryUi(app.page);
  if ((await lib.toggle.getAttribute('aria-pressed')) !== 'true') await lib.toggle.click();
  await lib.heading.waitFor({ state: 'visible' });
  return lib;
}

/** The library table's rows as `{title, source, entities, claims, length, modified, current}`. */
export async function libraryRows(page) {
  const lib = libraryUi(page);
  const heads = (await lib.table.locator('thead th').allTextContents()).map((t) => t.trim());
  return lib.rows.evaluateAll(
    (rows, heads) =>
      rows.map((tr) => {
        const cells = [...tr.querySelectorAll('td')].map((td) => td.textContent.trim());
        const cell = (name) => cells[heads.indexOf(name)];
        const title = tr.querySelector('td button')?.textContent.trim() ?? cell('Title');
        return {
          title,
          titleCell: cell('Title'),
          source: cell('Source'),
          entities: cell('Entities'),
          claims: cell('Claims'),
          length: cell('Length'),
          modified: cell('Last change'),
          current: tr.getAttribute('aria-current') === 'true',
        };
      }),
    heads,
  );
}

const AXE = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/**
 * The violations axe-core finds in the page as it is now (or in `context`, an axe-core context
 * such as `{ include: [['aside']] }`), in a form that reads in a failure.
 */
export async function violations(page, context = null, options = {}) {
  await page.addScriptTag({ content: AXE });
  return page.evaluate(async ([context, options]) => {
    const r = await window.axe.run(context ?? document, { resultTypes: ['violations'], ...options });
    return r.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
  }, [context, options]);
}

/**
 * Replaces the page's localStorage with `items` ({ key: value }) and reloads the app on it;
 * `init` (as for `addInitScript`) runs before the page's scripts when given.
 */
export async function reopenWith(app, items, { init, waitUntil = 'commit' } = {}) {
  await app.page.evaluate((kv) => {
    localStorage.clear();
    for (const [k, v] of Object.entries(kv)) localStorage.setItem(k, v);
  }, items);
  if (init) await app.context.addInitScript(init);
  await app.page.reload({ waitUntil });
}

/** The sidebar's parts marked busy while a stored document's annotations are still read. */
export const READING = 'aside[aria-label="Annotations"] [aria-busy="true"]';

/**
 * Waits until the open document's stored annotations are all read: the first screen can be
 * drawn (and its sidebar counted) from a part of them, on a slow machine for a good while.
 */
export async function whenRead(page, timeout = 30_000) {
  await page.waitForFunction(
    (busy) => performance.getEntriesByName('aa:state').length > 0
      && document.querySelector('aside[aria-label="Annotations"]')
      && !document.querySelector(busy),
    READING,
    { timeout },
  );
}
