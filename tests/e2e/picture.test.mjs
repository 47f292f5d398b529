// Reopening the page shows the screen the reader left at once, before the app's code has
// come: a picture of it kept when the page was hidden, inert and hidden from assistive
// technology, with the same text and highlights; the app's first frame takes its place. It is
// shown only while the stored document is the one it was taken of, and anything in it that
// could run is dropped.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { generate } from '../../bench/generate.mjs';
import { appStorage } from '../../bench/lib/page.mjs';
import { browserForFile, STORAGE_PREFIX, TEST_TIMEOUT, reopenWith, twoFrames, violations, waitUntil, whenRead, withApp } from './helpers.mjs';

const env = browserForFile();

// 120 paragraphs (about 36,000 code points, with emoji, CJK and accents), 600 annotations:
// the benchmark's generator, seeded.
const DOC = generate({ seed: 5, paragraphs: 120, chars: 36_000, annotations: 600, annotationsBig: 600 }).variants[600];
const ID = DOC.document.id;
const DOC_KEY = `${STORAGE_PREFIX}doc:${ID}`;
const PICTURE_KEY = `${STORAGE_PREFIX}picture`;

/** Opens DOC, whole, and idle. */
async function openDoc(app) {
  await reopenWith(app, appStorage(DOC), { waitUntil: 'load' });
  await app.ui.headline.waitFor();
  await whenRead(app.page);
}

/** The blocks in view under `root` (a selector): their number, text and highlights' ids. */
function shown(page, root) {
  return page.evaluate((root) => {
    const blocks = [...document.querySelectorAll(`${root} [data-p]`)].filter((b) => {
      const r = b.getBoundingClientRect();
      return r.bottom > 0 && r.top < innerHeight && r.height > 0;
    });
    return blocks.map((b) => ({
      p: b.dataset.p,
      text: b.textContent,
      ids: [...b.querySelectorAll('mark[data-ids]')].map((m) => m.dataset.ids).join(' '),
    }));
  }, root);
}

/** The first block under `root` (a selector) below the toolbar, and where its top is. */
function place(page, root) {
  return page.evaluate((root) => {
    const b = [...document.querySelectorAll(`${root} [data-p]`)].find((b) => b.getBoundingClientRect().bottom > 80);
    return { p: b.dataset.p, top: Math.round(b.getBoundingClientRect().top) };
  }, root);
}

/** Opens the page again with the app's code held back: what shows before it comes. (The page
 * says that it failed to fetch it: not an error of the app's.) */
async function beforeTheApp(page, base, problems) {
  await page.route(/\.wasm$/, (r) => r.abort());
  await page.goto(base);
  await page.waitForFunction(() => document.readyState === 'complete');
  await twoFrames(page);
  await page.waitForTimeout(100);
  problems.splice(0, problems.length, ...problems.filter((p) => p !== 'page error: Failed to fetch'));
}

/** Lets the app's code come again and opens the page; waits for the app's own first frame. */
async function withTheApp(page, base) {
  await page.unroute(/\.wasm$/);
  await page.goto(base);
  await page.waitForFunction(() => performance.getEntriesByName('aa:live').length + performance.getEntriesByName('aa:doc-painted').length > 0);
}

// (As picture.js computes it.)
const FINGERPRINT = `(s) => {
  let h = 2166136261 ^ s.length;
  for (let i = 0; i < 256; i++) h = Math.imul(h ^ s.charCodeAt(Math.floor((i * s.length) / 256)), 16777619);
  return s.length + '.' + (h >>> 0).toString(36);
}`;

test('a reopened document shows the screen left, inert, before the app comes, which then takes its place', { timeout: TEST_TIMEOUT }, () =>
  withApp(env(), async (app) => {
    const { page, base } = app;
    await openDoc(app);
    await page.getByRole('checkbox', { name: 'Snap to words' }).uncheck();
    const before = await shown(page, 'article.article');
    assert.ok(before.length >= 3 && before.some((b) => b.ids), `blocks in view, with highlights: ${before.length}`);

    await beforeTheApp(page, base, app.problems);
    const pic = page.locator('#aa-picture');
    assert.equal(await pic.count(), 1, 'the picture is shown');
    assert.deepEqual(await pic.evaluate((p) => [p.inert, p.getAttribute('aria-hidden')]), [true, 'true']);
    assert.deepEqual(await shown(page, '#aa-picture article'), before, 'the same blocks, text and highlights');
    assert.equal(await page.evaluate(() => performance.getEntriesByName('aa:painted').length), 1, 'its frame is marked');
    // The toolbar as it was (a control's state included), nothing hidden or closed kept.
    assert.equal(await pic.locator('.toolbar, [role=toolbar]').count(), 1);
    const snap = await pic.evaluate((p) => [...p.querySelectorAll('label')].find((l) => l.textContent.includes('Snap to words'))?.querySelector('input')?.checked);
    assert.equal(snap, false, 'Snap to words as it was');
    assert.equal(await pic.locator('dialog, [hidden]').count(), 0);
    // Not there for assistive technology or the keyboard: nothing to report (but that the
    // page has no main landmark and no headline yet: they come with the app).
    assert.equal(await page.getByRole('article', { name: 'Article text' }).count(), 0);
    assert.deepEqual(await violations(page, null, { rules: { 'landmark-one-main': { enabled: false }, 'page-has-heading-one': { enabled: false } } }), []);

    // The app's first frame replaces it: the same blocks, now the app's.
    await withTheApp(page, base);
    assert.equal(await pic.count(), 0, 'the picture is gone');
    assert.deepEqual(await shown(page, 'article.article'), before);
    assert.equal(await page.evaluate(() => performance.getEntriesByName('aa:live').length), 1, 'the app marks its own frame aa:live');
    assert.equal(await page.getByRole('checkbox', { name: 'Snap to words' }).isChecked(), false);
  }),
);

test('a picture taken further down the document shows that place, and the app keeps it', { timeout: TEST_TIMEOUT }, () =>
  withApp(env(), async (app) => {
    const { page, base } = app;
    await openDoc(app);
    await page.evaluate(() => document.querySelector('article.article [data-p="40"]').scrollIntoView());
    await page.evaluate(() => scrollBy(0, 30));
    const before = await place(page, 'article.article');
    assert.ok(Number(before.p) >= 39, `scrolled to block ${before.p}`);

    await beforeTheApp(page, base, app.problems);
    const there = await place(page, '#aa-picture article');
    assert.equal(there.p, before.p, 'the picture at the same block');
    assert.ok(Math.abs(there.top - before.top) <= 2, `at the same height (${there.top}, ${before.top})`);
    await withTheApp(page, base);
    await waitUntil(async () => {
      const now = await place(page, 'article.article');
      return now.p === before.p && Math.abs(now.top - before.top) <= 2;
    }, { message: 'the app at the same place' });
  }),
);

test('no picture is shown of a document stored anew since, nor when another is to open; its markup never runs', { timeout: TEST_TIMEOUT }, () =>
  withApp(env(), async (app) => {
    const { page, base } = app;
    await openDoc(app);
    // Taken as the page goes; a blank page of the same origin then changes what is stored.
    await page.goto(`${base}__missing__.html`).catch(() => {});
    const kept = await page.evaluate((k) => localStorage.getItem(k), PICTURE_KEY);
    assert.ok(kept, 'a picture was kept');
    const picture = JSON.parse(kept);
    assert.equal(picture.id, ID);

    const attempt = async (change) => {
      await page.goto(`${base}__missing__.html`).catch(() => {});
      const undo = await page.evaluate(change);
      await beforeTheApp(page, base, app.problems);
      const n = await page.locator('#aa-picture').count();
      await page.unroute(/\.wasm$/);
      await page.goto(`${base}__missing__.html`).catch(() => {});
      await page.evaluate(([items, pic]) => {
        for (const [k, v] of Object.entries(items)) (v === null ? localStorage.removeItem(k) : localStorage.setItem(k, v));
        localStorage.setItem(pic[0], pic[1]);
      }, [undo, [PICTURE_KEY, kept]]);
      return n;
    };
    const setting = (pairs) => `(() => {
      const undo = {};
      for (const [k, v] of ${JSON.stringify(pairs)}) { undo[k] = localStorage.getItem(k); v === null ? localStorage.removeItem(k) : localStorage.setItem(k, v); }
      return undo;
    })()`;
    // As it was: shown.
    assert.equal(await attempt(setting([])), 1, 'shown while the document is as it was');
    // Another tab's save: a new stamp beside the document.
    assert.equal(await attempt(setting([[`${DOC_KEY}:stamp`, 'zzzz-9']])), 0, 'not shown after another save');
    // A change of the stored value that no stamp tells of: one annotation fewer.
    const fewer = await page.evaluate(([k]) => {
      const d = JSON.parse(localStorage.getItem(k));
      d.annotations.pop();
      return JSON.stringify(d);
    }, [DOC_KEY]);
    assert.equal(await attempt(setting([[DOC_KEY, fewer]])), 0, 'not shown of a value changed otherwise');
    // Another document to open.
    const index = await page.evaluate((k) => JSON.parse(localStorage.getItem(k)), `${STORAGE_PREFIX}index`);
    assert.equal(await attempt(setting([[`${STORAGE_PREFIX}index`, JSON.stringify({ ...index, current: 'another' })]])), 0, 'not shown when another opens');

    // Markup that could run, in a picture that passes every check: dropped, never run.
    const print = await page.evaluate(`(${FINGERPRINT})(localStorage.getItem(${JSON.stringify(DOC_KEY)}))`);
    assert.equal(print, picture.print, 'the fingerprint as the page computes it');
    const crafted = {
      ...picture,
      html: '<div class="app"><article class="article"><p data-p="0">Text <img src="x" onerror="window.__ran = 1"> <a href="javascript:window.__ran = 2">link</a></p><script>window.__ran = 3</script><iframe srcdoc="<script>parent.__ran = 4</script>"></iframe></article></div>',
    };
    await page.evaluate(([k, v]) => localStorage.setItem(k, v), [PICTURE_KEY, JSON.stringify(crafted)]);
    await beforeTheApp(page, base, app.problems);
    await page.waitForTimeout(300);
    assert.equal(await page.locator('#aa-picture').count(), 1);
    assert.equal(await page.evaluate(() => window.__ran), undefined, 'nothing of it ran');
    assert.deepEqual(
      await page.evaluate(() => [document.querySelectorAll('#aa-picture script, #aa-picture iframe').length, document.querySelector('#aa-picture img').getAttribute('onerror'), document.querySelector('#aa-picture a').getAttribute('href')]),
      [0, null, null],
    );
    assert.equal(await page.locator('#aa-picture p').textContent(), 'Text  link', 'its text as text');
  }),
);

test('no picture is kept while the library is over the article, or with changes not yet saved', { timeout: TEST_TIMEOUT }, () =>
  withApp(env(), async (app) => {
    const { page, base } = app;
    await openDoc(app);
    const kept = async () => {
      await page.goto(`${base}__missing__.html`).catch(() => {});
      const v = await page.evaluate((k) => localStorage.getItem(k), PICTURE_KEY);
      await page.goto(base);
      await app.ui.headline.waitFor();
      await whenRead(page);
      return v !== null;
    };
    assert.equal(await kept(), true, 'kept of the article');
    await page.getByRole('button', { name: 'Library', exact: true }).click();
    await page.getByRole('heading', { name: 'Library' }).waitFor();
    assert.equal(await kept(), false, 'none of the library');
    assert.equal(await kept(), true, 'kept of the article again');
    // A save that fails (the storage refuses the document, and takes anything else): what is
    // shown is then not what is stored.
    await page.evaluate(() => {
      const set = Storage.prototype.setItem;
      Storage.prototype.setItem = function (k, v) {
        if (k.includes(':doc:')) throw new DOMException('full', 'QuotaExceededError');
        return set.call(this, k, v);
      };
    });
    await app.ui.marks.first().click();
    await page.keyboard.press('Delete');
    await app.ui.alert('storage for this page is full').waitFor();
    assert.equal(await kept(), false, 'none with a change not saved');
  }),
);
