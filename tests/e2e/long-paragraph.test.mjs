// A paragraph with no line breaks (text pasted from a PDF or a transcript) is drawn in runs of
// sentences, each a line of its own: the paragraph's text in the page stays exactly the text,
// and spans tagged near its end, in one run or across two, are stored at their code points.
// Runs far from the view are drawn as plain text until they come near, as far paragraphs are.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { generate } from '../../bench/generate.mjs';
import { appStorage } from '../../bench/lib/page.mjs';
import {
  browserForFile, TEST_TIMEOUT, checkNativeFile, cpIndexOf, cpSlice, docIdOf, dragOver, openDialogUi, pasteText, tag, waitForDoc,
  reopenWith, waitForHeadline, waitForStored, waitUntil, withApp,
} from './helpers.mjs';

const env = browserForFile();

const TITLE = 'Hearing 🎙 transcript';
// 90 sentences of about 100 code points, with emoji, CJK and a combining accent in each.
const SENTENCES = Array.from(
  { length: 90 },
  (_, i) => `Sentence ${i + 1} says the delegation 😀 met Ana Díaz in 北京 near the cafe\u0301 at number ${i + 1}.`,
);
const PARAGRAPH = SENTENCES.join(' ');
const TEXT = `${TITLE}\nFrom the committee's public record.\n${PARAGRAPH}\n`;

test('a long paragraph is drawn in runs with its text unchanged; spans near its end and across runs are exact', { timeout: TEST_TIMEOUT }, () =>
  withApp(env(), async (app) => {
    const { page, ui } = app;
    await pasteText(page, TEXT);
    const d = openDialogUi(page);
    await d.dialog.waitFor({ state: 'visible' });
    await d.open.click();
    await d.dialog.waitFor({ state: 'hidden' });
    await waitForHeadline(page, TITLE);
    const id = docIdOf(TEXT);

    // A word near the end of the paragraph.
    await tag(app, { block: 'Sentence 1 ', text: 'number 88' }, { key: '8' });
    await ui.entry(/^Claim: number 88/).waitFor();
    const runs = await page.evaluate(() => {
      const p = document.querySelector('article p[data-p="2"]');
      return {
        text: p.textContent,
        runs: [...p.querySelectorAll('.run')].map((r) => [Number(r.dataset.s), Number(r.dataset.e), getComputedStyle(r).display]),
      };
    });
    assert.equal(runs.text, PARAGRAPH, 'the paragraph reads exactly as the text');
    assert.ok(runs.runs.length >= 6, `runs: ${JSON.stringify(runs.runs)}`);
    const start = cpIndexOf(TEXT, PARAGRAPH);
    assert.equal(runs.runs[0][0], start, 'the first run starts with the paragraph');
    assert.equal(runs.runs.at(-1)[1], start + [...PARAGRAPH].length, 'the last run ends with it');
    for (let i = 1; i < runs.runs.length; i++) {
      assert.equal(runs.runs[i][0], runs.runs[i - 1][1], 'runs follow each other without a gap');
      // Each run ends after a sentence: "… number N. "
      assert.match(cpSlice(TEXT, runs.runs[i][0] - 3, runs.runs[i][0]), /\d\. $/);
    }
    assert.ok(runs.runs.every((r) => r[2] === 'block'), 'each run is a line of its own');

    // A span across the boundary between the second and third runs.
    const cut = runs.runs[2][0];
    const before = cpSlice(TEXT, cut - 12, cut).match(/number \d+\. $/)[0];
    const after = cpSlice(TEXT, cut, cut + 14).match(/^Sentence \d+/)[0];
    const across = `${before.slice('number '.length)}${after}`;
    await tag(app, { block: 'Sentence 1 ', text: across }, { key: '8' });
    const doc = await waitForDoc(page, id, (x) => x.annotations.length === 2, 'two stored annotations');
    checkNativeFile(doc);
    for (const quote of ['number 88', across]) {
      const a = doc.annotations.find((x) => x.quote === quote);
      assert.ok(a, `"${quote}" stored: ${JSON.stringify(doc.annotations.map((x) => x.quote))}`);
      assert.equal(a.start, cpIndexOf(TEXT, quote), `start of "${quote}" in code points`);
      assert.equal(cpSlice(TEXT, a.start, a.end), quote);
    }
    // The span across runs is drawn in both, as two pieces of one highlight.
    const pieces = await page.evaluate((id) => [...document.querySelectorAll(`mark[data-ids~="${id}"]`)].map((m) => m.closest('.run').dataset.s), doc.annotations.find((x) => x.quote === across).id);
    assert.deepEqual(pieces.map(Number), [runs.runs[1][0], runs.runs[2][0]]);
  }));

// One paragraph of about 60,000 code points (emoji, CJK, accents) with 1,500 annotations, a
// fifth of them overlapping another: the benchmark's generator, seeded, with 3 lines.
const LONG = generate({ seed: 5, paragraphs: 3, chars: 60_000, annotations: 1500, annotationsBig: 1500 }).variants[1500];
const LONG_TEXT = LONG.document.text;

/**
 * Runs before the page's scripts: at the first animation frame in which the article's runs
 * exist, keeps each run's code points, whether it is in view, and the annotation ids on its
 * highlights.
 */
function watchFirstRuns() {
  const look = () => {
    const runs = [...document.querySelectorAll('article .run')];
    if (!runs.length) return requestAnimationFrame(look);
    window.__firstRuns = runs.map((r) => {
      const box = r.getBoundingClientRect();
      return {
        s: Number(r.dataset.s),
        e: Number(r.dataset.e),
        inView: box.bottom > 0 && box.top < innerHeight,
        ids: [...new Set([...r.querySelectorAll('mark[data-ids]')].flatMap((m) => m.dataset.ids.split(' ')))],
      };
    });
  };
  requestAnimationFrame(look);
}

/** The ids of the annotations lying within code points [s, e). */
const within = (s, e) => LONG.annotations.filter((a) => a.start >= s && a.end <= e && a.end > a.start).map((a) => a.id);

/** The annotation ids drawn in the article. */
const drawnIds = (page) =>
  page.evaluate(() => [...new Set([...document.querySelectorAll('article mark[data-ids]')].flatMap((m) => m.dataset.ids.split(' ')))]);

test('reopening a long paragraph draws the highlights of the runs in view in the first frame, far runs as they come near, and every run before printing', { timeout: TEST_TIMEOUT }, () =>
  withApp(env(), async (app) => {
    const { page } = app;
    await reopenWith(app, appStorage(LONG), { init: watchFirstRuns });
    const first = await waitUntil(() => page.evaluate(() => window.__firstRuns), { message: 'the first frame with runs' });
    assert.ok(first.length > 40, `runs: ${first.length}`);
    const inView = first.filter((r) => r.inView);
    assert.ok(inView.length >= 1, 'a run in view');
    let expected = 0;
    for (const r of inView) {
      const ids = within(r.s, r.e);
      expected += ids.length;
      for (const id of ids) assert.ok(r.ids.includes(id), `annotation ${id} is drawn in the run at ${r.s} in the first frame`);
    }
    assert.ok(expected > 10, `annotations in view: ${expected}`);
    const plain = first.filter((r) => r.ids.length === 0);
    assert.ok(plain.length > first.length / 2, `runs drawn as plain text in the first frame: ${plain.length} of ${first.length}`);
    assert.equal(await page.evaluate(() => document.querySelector('article p[data-p="2"]').textContent), LONG_TEXT.split('\n')[2], 'the paragraph reads exactly as the text');

    // The last run, scrolled to, gets its highlights.
    const last = first.at(-1);
    const lastIds = within(last.s, last.e);
    assert.ok(lastIds.length > 0, 'the last run has annotations');
    await page.evaluate(() => [...document.querySelectorAll('article .run')].at(-1).scrollIntoView({ block: 'center' }));
    await waitUntil(async () => {
      const drawn = new Set(await drawnIds(page));
      return lastIds.every((id) => drawn.has(id));
    }, { message: 'the highlights of the last run' });

    // A word there, dragged over and tagged, is stored at its code points.
    const tail = LONG_TEXT.split('\n')[2].slice(-3000);
    const m = [...tail.matchAll(/\b[a-z]{6,}\b/g)].find((w) => {
      const s = cpIndexOf(LONG_TEXT, tail) + cpIndexOf(tail, w[0], w.index);
      return !LONG.annotations.some((a) => a.start < s + w[0].length && s < a.end);
    });
    const start = cpIndexOf(LONG_TEXT, tail) + cpIndexOf(tail, m[0], m.index);
    let occurrence = 0;
    const para = LONG_TEXT.split('\n')[2];
    const from = para.length - tail.length + m.index;
    for (let at = para.indexOf(m[0]); at < from; at = para.indexOf(m[0], at + 1)) occurrence++;
    await dragOver(page, { block: para.slice(0, 30), text: m[0], occurrence });
    await app.ui.menu.waitFor({ state: 'visible' });
    await page.keyboard.press('1');
    const store = await waitForStored(page, (doc) => doc.annotations.some((a) => a.start === start), 'the new annotation');
    const added = store.parsed.annotations.find((a) => a.start === start);
    assert.equal(added.end, start + [...m[0]].length);
    assert.equal(cpSlice(LONG_TEXT, added.start, added.end), m[0]);

    // Before printing, every run is drawn with its highlights.
    const all = within(0, [...LONG_TEXT].length);
    assert.ok((await drawnIds(page)).length < all.length, 'runs between the first screen and the end are still plain');
    await page.evaluate(() => dispatchEvent(new Event('beforeprint')));
    await waitUntil(async () => {
      const drawn = new Set(await drawnIds(page));
      return all.every((id) => drawn.has(id));
    }, { message: 'every highlight drawn for print' });
  }));
