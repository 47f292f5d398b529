// Opening the sample article and tagging spans with a real mouse drag.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  browserForFile,
  HEADLINE, LABELS, TEST_TIMEOUT, cpIndexOf, checkNativeFile, dragOver, findAnnotation, reload, tag, waitForStored,
  waitUntil, withApp,
} from './helpers.mjs';

const XI_BLOCK = 'President Xi Jinping';
const PARK_BLOCK = 'The China-Belarus Industrial Park';
const CLAIM =
  'Noting that China has always viewed and developed its relations with Belarus from a strategic ' +
  'and long-term perspective, Xi expressed China\u2019s willingness to work together with Belarus to ' +
  'promote the steady and sustained growth of bilateral relations and mutually beneficial cooperation.';

const env = browserForFile();

test('the sample article opens with its headline', { timeout: TEST_TIMEOUT }, () =>
  withApp(env(), async ({ ui }) => {
    await ui.article.waitFor({ state: 'visible' });
    assert.equal((await ui.headline.textContent()).trim(), HEADLINE);
    const para = ui.article.getByText(/^President Xi Jinping and his Belarusian counterpart/);
    await para.waitFor({ state: 'visible' });
    await ui.sidebar.getByRole('heading', { name: 'Entities' }).waitFor({ state: 'visible' });
    await ui.sidebar.getByRole('heading', { name: 'Claims' }).waitFor({ state: 'visible' });
  }),
);

test('dragging over "Xi Jinping" and pressing 1 tags a Person', { timeout: TEST_TIMEOUT }, () =>
  withApp(env(), async ({ page, ui }) => {
    await dragOver(page, { block: XI_BLOCK, text: 'Xi Jinping' });
    await ui.menu.waitFor({ state: 'visible' });
    for (const name of LABELS) {
      assert.equal(await ui.menuItem(name).count(), 1, `menu item "${name}"`);
    }
    await page.keyboard.press('1');
    await ui.menu.waitFor({ state: 'hidden' });
    await ui.entry('Person: Xi Jinping').waitFor({ state: 'visible' });
    await ui.marks.filter({ hasText: 'Xi Jinping' }).first().waitFor({ state: 'visible' });

    const { parsed } = await waitForStored(page, (d) => d.annotations.length === 1, 'one stored annotation');
    checkNativeFile(parsed);
    const a = findAnnotation(parsed, 'Xi Jinping', 'PERSON');
    assert.equal(a.kind, 'entity');
    assert.equal(a.start, cpIndexOf(parsed.document.text, 'President Xi Jinping') + 'President '.length);
    assert.equal(a.end, a.start + 'Xi Jinping'.length);
  }),
);

const PARK = 'China-Belarus Industrial Park';

/** Drags from between "Ch" and "ina" to between "Pa" and "rk" of PARK, tags it `label` from the
 * menu and waits for its entry: the whole words. */
async function tagParkInsideWords({ page, ui }, label) {
  await tag({ page, ui }, { block: PARK_BLOCK, text: PARK, from: 2, to: PARK.length - 2 }, { label });
  await ui.entry(`${label}: ${PARK}`).waitFor({ state: 'visible' });
}

test('a drag that starts and ends inside words snaps to whole words; clicking "Location" tags it', { timeout: TEST_TIMEOUT }, () =>
  withApp(env(), async ({ page, ui }) => {
    await tagParkInsideWords({ page, ui }, 'Location');
    const { parsed } = await waitForStored(page, (d) => d.annotations.length === 1, 'one stored annotation');
    checkNativeFile(parsed);
    const a = findAnnotation(parsed, PARK, 'LOC');
    assert.equal(a.start, cpIndexOf(parsed.document.text, PARK));
  }),
);

// Workers made by the page, by address, and how many were ended.
function countWorkers() {
  window.__workers = { made: [], ended: 0 };
  const Made = window.Worker;
  window.Worker = class extends Made {
    constructor(url, options) {
      super(url, options);
      window.__workers.made.push(String(url));
    }
    terminate() {
      window.__workers.ended++;
      super.terminate();
    }
  };
}

test('a worker loads the segmenter\'s tables after the open, and a drag still snaps to words without workers', { timeout: TEST_TIMEOUT }, () =>
  withApp(env(), async (app) => {
    const { page } = app;
    await page.addInitScript(countWorkers);
    await reload(app);
    const workers = await waitUntil(
      () => page.evaluate(() => (window.__workers.ended ? window.__workers : null)),
      { message: 'the worker made and ended after the open' },
    );
    assert.equal(workers.made.length, 1, `workers made: ${workers.made}`);
    assert.match(workers.made[0], /^blob:/);
    await tagParkInsideWords(app, 'Location');
    // Where a page cannot make workers, the page makes its segmenter itself, as before.
    await page.addInitScript(() => {
      window.Worker = undefined;
    });
    await reload(app);
    await page.waitForTimeout(1500);
    await tagParkInsideWords(app, 'Organization');
  }),
);

test('dragging over a whole sentence and pressing 8 tags a Claim', { timeout: TEST_TIMEOUT }, () =>
  withApp(env(), async ({ page, ui }) => {
    await tag({ page, ui }, { block: 'Noting that', text: CLAIM }, { key: '8' });
    await ui.entry(/^Claim: Noting that China has always viewed/).waitFor({ state: 'visible' });
    const claims = ui.sidebar.getByRole('button', { name: /^Claim: / });
    assert.equal(await claims.count(), 1);
    const { parsed } = await waitForStored(page, (d) => d.annotations.length === 1, 'one stored claim');
    checkNativeFile(parsed);
    const a = parsed.annotations[0];
    assert.equal(a.kind, 'claim');
    assert.equal(a.label, 'CLAIM');
    assert.equal(a.quote, CLAIM);
    assert.equal(a.start, cpIndexOf(parsed.document.text, CLAIM));
  }),
);
