// A paragraph with no line breaks (text pasted from a PDF or a transcript) is drawn in runs of
// sentences, each a line of its own: the paragraph's text in the page stays exactly the text,
// and spans tagged near its end, in one run or across two, are stored at their code points.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  browserForFile, TEST_TIMEOUT, checkNativeFile, cpIndexOf, cpSlice, docIdOf, openDialogUi, pasteText, tag, waitForDoc,
  waitForHeadline, withApp,
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
