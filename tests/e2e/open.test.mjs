// Reopening a long stored document: the first frame already holds the paragraphs in view with
// their highlights; the others are drawn a few chunks a task after it, and those far from the
// view laid out after that; a selection made while they are still being laid out tags the
// right code points.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { generate } from '../../bench/generate.mjs';
import { appStorage } from '../../bench/lib/page.mjs';
import {
  browserForFile, TEST_TIMEOUT, cpIndexOf, cpSlice, dragOver, reopenWith, waitForMessage, waitForStored, waitUntil, withApp,
} from './helpers.mjs';

const env = browserForFile();

// 240 paragraphs (about 72,000 code points, with emoji, CJK and accents) and 1,200 annotations,
// a fifth of them overlapping another: the benchmark's generator, seeded.
const { variants } = generate({ seed: 7, paragraphs: 240, chars: 72_000, annotations: 1200, annotationsBig: 1200 });
const DOC = variants[1200];
const TEXT = DOC.document.text;
const LINES = TEXT.split('\n');

/**
 * Runs before the page's scripts: at the first animation frame in which the app's article has
 * paragraphs (what that frame paints), keeps their text, which are marked far (not laid out),
 * and, for those in view, the annotation ids on their highlights.
 */
function watchFirstFrame() {
  // What is laid out unseen to load the fonts, and whether the article was drawn by then.
  window.__unseen = [];
  new MutationObserver((records) => {
    for (const r of records) {
      if (r.target.id !== 'aa-unseen') continue;
      for (const n of r.addedNodes) {
        window.__unseen.push({ cls: n.className, text: n.textContent, drawn: !!document.querySelector('article [data-p]') });
      }
    }
  }).observe(document, { childList: true, subtree: true });
  const look = () => {
    // (The app's own blocks: not those of a picture of the screen left, shown before the app
    // comes on a reload; tests/e2e/picture.test.mjs looks at that.)
    const blocks = [...document.querySelectorAll('body > .app article [data-p]')];
    if (!blocks.length) return requestAnimationFrame(look);
    window.__firstFrame = {
      texts: blocks.map((b) => b.textContent),
      far: blocks.filter((b) => b.classList.contains('far')).map((b) => Number(b.dataset.p)),
      inView: blocks
        .filter((b) => {
          const r = b.getBoundingClientRect();
          return r.bottom > 0 && r.top < innerHeight;
        })
        .map((b) => ({
          p: Number(b.dataset.p),
          s: Number(b.dataset.s),
          e: Number(b.dataset.e),
          ids: [...new Set([...b.querySelectorAll('mark[data-ids]')].flatMap((m) => m.dataset.ids.split(' ')))],
        })),
    };
  };
  requestAnimationFrame(look);
}

/** Stores DOC as the open document and reloads the app on it. */
async function reopenOnDoc(app, init) {
  await reopenWith(app, appStorage(DOC), { init });
}

test('the first frame of a reopened long document holds the highlights in view; the other paragraphs are drawn after it, and far ones laid out after that', { timeout: TEST_TIMEOUT }, () =>
  withApp(env(), async (app) => {
    const { page } = app;
    await reopenOnDoc(app, watchFirstFrame);
    const first = await waitUntil(() => page.evaluate(() => window.__firstFrame), { message: 'the first frame' });
    assert.deepEqual(first.texts, LINES.slice(0, first.texts.length), 'the first frame holds the first paragraphs, each with its text');
    assert.ok(first.texts.length < LINES.length / 2, `paragraphs drawn in the first frame: ${first.texts.length} of ${LINES.length}`);
    assert.ok(first.inView.length >= 3, `paragraphs in view: ${first.inView.length}`);
    let expected = 0;
    for (const b of first.inView) {
      // Every annotation lying within a paragraph in view is drawn in it in that frame.
      const inside = DOC.annotations.filter((a) => a.start >= b.s && a.end <= b.e && a.end > a.start).map((a) => a.id);
      expected += inside.length;
      for (const id of inside) assert.ok(b.ids.includes(id), `annotation ${id} is drawn in paragraph ${b.p} in the first frame`);
    }
    assert.ok(expected > 10, `annotations in view: ${expected}`);
    assert.ok(first.far.length > 0, `paragraphs left out of the first layout: ${first.far.length}`);
    assert.ok(first.inView.every((b) => !first.far.includes(b.p)), 'no paragraph in view is left out');
    // Then every paragraph is drawn, with its text, and laid out, without the reader doing anything.
    await waitUntil(() => page.evaluate((n) => document.querySelectorAll('article [data-p]').length === n, LINES.length), { message: 'all paragraphs drawn' });
    assert.deepEqual(await page.evaluate(() => [...document.querySelectorAll('article [data-p]')].map((b) => b.textContent)), LINES);
    await waitUntil(() => page.evaluate(() => document.querySelectorAll('article .far').length === 0), { message: 'all paragraphs laid out' });
    // Before the first render, each character of the first screen was laid out unseen once, by
    // kind of block, to load its fonts; none of that is left in the page.
    const distinct = (lines) => [...new Set(lines.flatMap((l) => [...l]).filter((c) => !/\s/.test(c)))].join('');
    const unseen = await page.evaluate(() => window.__unseen);
    assert.deepEqual(unseen.map((u) => u.cls), ['headline', 'standfirst', ''], 'a line per kind of block');
    assert.ok(unseen.every((u) => !u.drawn), 'laid out before the article is drawn');
    assert.equal(unseen[0].text, distinct([LINES[0]]));
    assert.equal(unseen[1].text, distinct([LINES[1]]));
    assert.ok(unseen[2].text.startsWith(distinct(LINES.slice(2, 4))), 'the paragraphs\' characters, each once');
    assert.equal(await page.evaluate(() => document.querySelectorAll('#aa-unseen, [aria-hidden="true"].article').length), 0);
    const last = page.locator(`article [data-p="${LINES.length - 1}"]`);
    await last.scrollIntoViewIfNeeded();
    assert.ok((await last.boundingBox()).height > 20, 'the last paragraph is laid out');
  }));

/**
 * Runs before the page's scripts: at the first animation frame in which paragraph `p` exists
 * while paragraphs far from the view are still not laid out, selects UTF-16 offsets
 * [from, to) of its text, and keeps how many were not laid out then.
 */
function selectEarly([p, from, to]) {
  const look = () => {
    const block = document.querySelector(`article [data-p="${p}"]`);
    const far = document.querySelectorAll('article .far').length;
    if (!block || !far) return requestAnimationFrame(look);
    const root = block.closest('article');
    const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
    let before = 0;
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      if (to <= before + n.length) {
        root.focus();
        getSelection().setBaseAndExtent(n, from - before, n, to - before);
        window.__selected = { text: getSelection().toString(), far };
        return;
      }
      before += n.length;
    }
  };
  requestAnimationFrame(look);
}

/** A plain word of paragraph `p` that no annotation touches: {word, from (UTF-16 in the line), start (code point)}. */
function freeWord(p) {
  const line = LINES[p];
  const lineStart = cpIndexOf(TEXT, `\n${line}\n`) + 1;
  const m = [...line.matchAll(/\b[a-z]{5,}\b/g)].find((w) => {
    const s = lineStart + cpIndexOf(line, w[0], w.index);
    return !DOC.annotations.some((a) => a.start < s + w[0].length && s < a.end);
  });
  return { word: m[0], from: m.index, start: lineStart + cpIndexOf(line, m[0], m.index) };
}

/** Checks that one annotation of label Person was added at `start` over `word`. */
async function addedAt(page, start, word, count) {
  const store = await waitForStored(page, (doc) => doc.annotations.some((a) => a.start === start), 'the new annotation');
  const added = store.parsed.annotations.find((a) => a.start === start);
  assert.equal(added.end, start + [...word].length);
  assert.equal(added.quote, word);
  assert.equal(cpSlice(TEXT, added.start, added.end), word);
  assert.equal(added.label, 'PERSON');
  assert.equal(store.parsed.annotations.length, count, 'one annotation added');
}

test('a selection made while far paragraphs are still being laid out tags the right code points; a far paragraph scrolled to is laid out and tags exactly', { timeout: TEST_TIMEOUT }, () =>
  withApp(env(), async (app) => {
    const { page } = app;
    const near = freeWord(3);
    await app.context.addInitScript(selectEarly, [3, near.from, near.from + near.word.length]);
    await reopenOnDoc(app);
    const selected = await waitUntil(() => page.evaluate(() => window.__selected), { message: 'the early selection' });
    assert.equal(selected.text, near.word, 'the word is selected');
    assert.ok(selected.far > 0, 'while paragraphs far from the view were not laid out yet');
    await page.keyboard.press('1');
    await addedAt(page, near.start, near.word, DOC.annotations.length + 1);

    // Straight to paragraph 200, and a word there dragged over with the mouse and tagged.
    const far = freeWord(200);
    await page.evaluate(() => document.querySelector('article [data-p="200"]').scrollIntoView({ block: 'center' }));
    let occurrence = 0;
    for (let at = LINES[200].indexOf(far.word); at < far.from; at = LINES[200].indexOf(far.word, at + 1)) occurrence++;
    await dragOver(page, { block: LINES[200].slice(0, 30), text: far.word, occurrence });
    await app.ui.menu.waitFor({ state: 'visible' });
    await page.keyboard.press('1');
    await addedAt(page, far.start, far.word, DOC.annotations.length + 2);
  }));

test('each session backs up the stored copy once, never rewriting an identical backup; a copy that cannot be read opens the backup', { timeout: TEST_TIMEOUT }, () =>
  withApp(env(), async (app) => {
    const { page } = app;
    // Every write to a backup key, counted across reloads.
    await app.context.addInitScript(() => {
      const real = Storage.prototype.setItem;
      Storage.prototype.setItem = function (k, v) {
        if (String(k).endsWith(':backup')) sessionStorage.setItem('backups', String(Number(sessionStorage.getItem('backups') || 0) + 1));
        return real.call(this, k, v);
      };
    });
    await reopenOnDoc(app);
    const docKey = `article-annotator:v1:doc:${DOC.document.id}`;
    const stored = await page.evaluate((k) => localStorage.getItem(k), docKey);
    const backedUp = () => page.evaluate((k) => localStorage.getItem(`${k}:backup`), docKey);
    await waitUntil(async () => (await backedUp()) === stored, { message: 'the backup copy' });
    assert.equal(await page.evaluate(() => sessionStorage.getItem('backups')), '1');
    // Reopened unchanged: the backup already holds the same copy and is not written again.
    await page.reload();
    await page.waitForSelector('article [data-p]');
    await page.waitForTimeout(2500);
    assert.equal(await page.evaluate(() => sessionStorage.getItem('backups')), '1', 'an identical backup is not written again');
    // The stored copy broken: the backup is opened instead, and the broken copy kept aside.
    await page.evaluate((k) => localStorage.setItem(k, '{"format": "article-annotator", broken'), docKey);
    await page.reload();
    await waitForMessage(app, 'alert', 'The last good copy was opened instead.');
    // (Paragraphs past the first screen are drawn in the tasks after its frame.)
    await waitUntil(async () => (await page.locator('article [data-p]').count()) === LINES.length, { message: 'every paragraph of the backup drawn' });
    assert.equal(await page.evaluate((k) => localStorage.getItem(`${k}:corrupt`), docKey), '{"format": "article-annotator", broken');
    await page.waitForTimeout(2500);
    assert.equal(await backedUp(), stored, 'the backup is not replaced by the copy that could not be read');
  }));

/** The ids of the annotations lying within paragraph `p`. */
function inside(p) {
  const s = cpIndexOf(TEXT, `\n${LINES[p]}\n`) + 1;
  return DOC.annotations.filter((a) => a.start >= s && a.end <= s + [...LINES[p]].length).map((a) => a.id);
}

/** Scrolls paragraph `p` into view and waits until every annotation within it is drawn. */
async function drawnWhenScrolledTo(page, p) {
  const ids = inside(p);
  assert.ok(ids.length > 0, `paragraph ${p} has annotations`);
  await page.evaluate((p) => document.querySelector(`article [data-p="${p}"]`).scrollIntoView({ block: 'center' }), p);
  await waitUntil(
    () => page.evaluate(([p, ids]) => {
      const drawn = new Set([...document.querySelectorAll(`article [data-p="${p}"] mark[data-ids]`)].flatMap((m) => m.dataset.ids.split(' ')));
      return ids.every((id) => drawn.has(id));
    }, [p, ids]),
    { message: `the highlights of paragraph ${p}` },
  );
}

test('paragraphs far below get their highlights when scrolled to, also after a composition redraws the article', { timeout: TEST_TIMEOUT }, () =>
  withApp(env(), async (app) => {
    const { page, context } = app;
    await reopenOnDoc(app);
    await page.waitForSelector('article [data-p] mark');
    await waitUntil(() => page.evaluate(() => document.querySelectorAll('article .far').length === 0), { message: 'all paragraphs laid out' });
    await drawnWhenScrolledTo(page, 120);
    await page.evaluate(() => window.scrollTo(0, 0));
    // A composition in the first paragraph (refused: the article is drawn anew).
    const cdp = await context.newCDPSession(page);
    await page.evaluate(() => {
      const root = document.querySelector('article.article');
      root.focus();
      getSelection().collapse(document.createTreeWalker(root.querySelector('[data-p="2"]'), NodeFilter.SHOW_TEXT).nextNode(), 3);
    });
    await cdp.send('Input.imeSetComposition', { text: 'にほん', selectionStart: 3, selectionEnd: 3 });
    await cdp.send('Input.insertText', { text: '日本' });
    await page.waitForTimeout(300);
    assert.deepEqual(await page.evaluate(() => [...document.querySelectorAll('article [data-p]')].map((b) => b.textContent)), LINES);
    // Paragraph 200 was never near the view before: its chunk is a new element now.
    await drawnWhenScrolledTo(page, 200);
  }));

test('reloaded where the reader was, deep in a long document, the first frame already holds that place, and the page scrolls back to it', { timeout: TEST_TIMEOUT }, () =>
  withApp(env(), async (app) => {
    const { page } = app;
    await reopenOnDoc(app);
    await waitUntil(() => page.evaluate((n) => document.querySelectorAll('article [data-p]').length === n, LINES.length), { message: 'all paragraphs drawn' });
    await page.evaluate(() => document.querySelector('article [data-p="120"]').scrollIntoView());
    await waitUntil(() => page.evaluate(() => document.elementFromPoint(innerWidth / 2, 200)?.closest('[data-p]')?.dataset.p), { message: 'a paragraph at the top' });
    const top = Number(await page.evaluate(() => document.elementFromPoint(innerWidth / 2, 200).closest('[data-p]').dataset.p));
    assert.ok(top >= 115, `scrolled to paragraph ${top}`);
    await app.context.addInitScript(watchFirstFrame);
    await page.reload({ waitUntil: 'commit' });
    const first = await waitUntil(() => page.evaluate(() => window.__firstFrame), { message: 'the first frame' });
    assert.ok(first.texts.length > top + 1 && first.texts.length < LINES.length, `paragraphs drawn in the first frame: ${first.texts.length}`);
    assert.deepEqual(first.texts, LINES.slice(0, first.texts.length));
    await waitUntil(async () => {
      const p = await page.evaluate(() => document.elementFromPoint(innerWidth / 2, 200)?.closest('[data-p]')?.dataset.p);
      return p !== undefined && Math.abs(Number(p) - top) <= 2;
    }, { message: `back at paragraph ${top}` });
  }));
