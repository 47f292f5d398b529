// A long stored document shows its first screen, highlights and all, before the rest of its
// annotations is read (on a slow machine: the CPU throttled): the first frame holds every
// highlight of the paragraphs in view, and a tag made at once lands on the right code points
// and is saved with every annotation read kept as it was. (That a change made while the rest
// is read waits for it is shown step by step in tests/web_first_screen.rs.)
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { generate } from '../../bench/generate.mjs';
import { appStorage } from '../../bench/lib/page.mjs';
import { browserForFile, READING as BUSY, TEST_TIMEOUT, reopenWith, twoFrames, violations, waitForStored, waitUntil, whenRead, withApp } from './helpers.mjs';

const env = browserForFile();

// 400 paragraphs, 400,000 code points, 12,000 annotations (emoji, CJK and accents in the text): the benchmark's
// generator, seeded.
const DOC = generate({ seed: 12, paragraphs: 400, chars: 400_000, annotations: 12000, annotationsBig: 12000 }).variants[12000];

// Taken in the page at the app's "aa:painted" mark (two frames after the first render): the
// paragraphs in view, each with its first code point, its text and the annotation ids of its
// highlights, and whether the annotations were still being read then.
const AT_FIRST_FRAME = `(() => {
  const mark = performance.mark.bind(performance);
  performance.mark = (name, ...rest) => {
    if (name === 'aa:painted' && !window.__firstFrame) {
      const shown = [...document.querySelectorAll('article p[data-p], article h1[data-p]')].filter((b) => {
        const r = b.getBoundingClientRect();
        return r.bottom > 0 && r.top < innerHeight;
      });
      window.__firstFrame = {
        reading: !!document.querySelector('${BUSY}'),
        blocks: shown.map((b) => ({
          s: Number(b.dataset.s),
          text: b.textContent,
          ids: [...new Set([...b.querySelectorAll('mark')].flatMap((m) => m.dataset.ids.split(' ')))].sort(),
        })),
      };
    }
    return mark(name, ...rest);
  };
})()`;

/**
 * Reopens the app on DOC as a slow machine would (the CPU at a sixth of its speed), `init`
 * running before the page's scripts, until `ready` (run in the page) gives a value: returned,
 * the CPU at full speed again.
 */
async function slowReopen(app, init, ready) {
  const cdp = await app.context.newCDPSession(app.page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 6 });
  await reopenWith(app, appStorage(DOC), { init });
  const got = await app.page.waitForFunction(ready, null, { timeout: 60_000, polling: 20 });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  return got.jsonValue();
}

test('the first frame of a long stored document holds its highlights, and a tag made at once lands right', { timeout: TEST_TIMEOUT }, () =>
  withApp(env(), async (app) => {
    const { page } = app;
    const first = await slowReopen(app, AT_FIRST_FRAME, () => window.__firstFrame);
    assert.ok(first.reading, 'the first frame came while the annotations were still being read');

    // At once: a whole word of a paragraph in view that no annotation of that label has,
    // dragged over and tagged "Other" by its key.
    const block = first.blocks.find((b) => b.s > 0 && /\s[A-Za-z]{5,}\s/.test(b.text));
    let word = null;
    for (const m of block.text.matchAll(/(?<=\s)[A-Za-z]{5,}(?=\s)/g)) {
      const start = block.s + [...block.text.slice(0, m.index)].length;
      if (!DOC.annotations.some((a) => a.start === start && a.end === start + m[0].length && a.label === 'OTHER')) {
        word = { text: m[0], start, end: start + m[0].length, at: m.index };
        break;
      }
    }
    assert.ok(word, `a word to tag in: ${block.text.slice(0, 80)}`);
    const pts = await page.evaluate(({ s, at, n }) => {
      const p = document.querySelector(`article [data-p][data-s="${s}"]`);
      const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
      const range = document.createRange();
      for (let node = walker.nextNode(), acc = 0; node; acc += node.data.length, node = walker.nextNode()) {
        if (at >= acc && at < acc + node.data.length) range.setStart(node, at - acc);
        if (at + n > acc && at + n <= acc + node.data.length) range.setEnd(node, at + n - acc);
      }
      const r = range.getClientRects();
      const [a, b] = [r[0], r[r.length - 1]];
      return { x1: a.left + 1, y1: (a.top + a.bottom) / 2, x2: b.right - 1, y2: (b.top + b.bottom) / 2 };
    }, { s: block.s, at: word.at, n: word.text.length });
    await page.mouse.move(pts.x1, pts.y1);
    await page.mouse.down();
    await page.mouse.move(pts.x2, pts.y2, { steps: 2 });
    await page.mouse.up();
    await app.ui.menu.waitFor({ state: 'visible' });
    await page.keyboard.press('7');
    await app.ui.menu.waitFor({ state: 'hidden' });

    // Every annotation touching a paragraph in view was highlighted there in the first frame,
    // and no other.
    assert.ok(first.blocks.length >= 2, `paragraphs in view: ${first.blocks.length}`);
    for (const b of first.blocks) {
      const end = b.s + [...b.text].length;
      const want = DOC.annotations.filter((a) => a.start < end && a.end > b.s).map((a) => a.id).sort();
      assert.ok(want.length > 0, `annotations in the paragraph at ${b.s}`);
      assert.deepEqual(b.ids, want, `the highlights of the paragraph at ${b.s}`);
    }

    // The rest read, the tag is made on the whole document and saved with everything read.
    await whenRead(page);
    const store = await waitForStored(
      page,
      (d) => d.annotations.length === DOC.annotations.length + 1,
      'the stored document with the tag',
    );
    const added = store.parsed.annotations.filter((a) => !DOC.annotations.some((b) => b.id === a.id));
    assert.equal(added.length, 1);
    assert.deepEqual(
      { start: added[0].start, end: added[0].end, label: added[0].label, quote: added[0].quote },
      { start: word.start, end: word.end, label: 'OTHER', quote: word.text },
    );
    const kept = new Map(store.parsed.annotations.map((a) => [a.id, a]));
    for (const a of DOC.annotations) {
      const b = kept.get(a.id);
      assert.ok(b && b.start === a.start && b.end === a.end && b.label === a.label, `annotation ${a.id} kept as it was`);
    }
  }),
);

// Runs before the page's scripts: from the first screen's frame ("aa:painted") and the app's
// effects ("aa:mounted": its listeners) on, the page's zero-delay timeouts (among them the next
// step of the read) are held, until `__hold.stop()` lets new ones through; `__hold.release()`
// runs those held, in their order. (Yew's scheduler yields through such a timeout too: while
// one of its own is held the page draws nothing new, so it is only looked at meanwhile.)
const HOLD_AFTER_PAINT = `(() => {
  const [set, clear] = [setTimeout.bind(window), clearTimeout.bind(window)];
  const held = new Map();
  let [holding, stopped] = [false, false];
  let id = -1;
  window.setTimeout = (f, ms, ...args) => {
    if (!holding || ms) return set(f, ms, ...args);
    held.set(id, () => f(...args));
    return id--;
  };
  window.clearTimeout = (t) => (t < 0 ? held.delete(t) : clear(t));
  const mark = performance.mark.bind(performance);
  const seen = new Set();
  performance.mark = (name, ...rest) => {
    seen.add(name);
    if (seen.has('aa:painted') && seen.has('aa:mounted') && !stopped) holding = true;
    return mark(name, ...rest);
  };
  window.__hold = {
    stop: () => { [holding, stopped] = [false, true]; return held.size; },
    release: () => { const fs = [...held.values()]; held.clear(); fs.forEach((f) => set(f, 0)); },
  };
})()`;

test('while the rest of a long document is read, the sidebar says so and is busy, axe-core finds nothing to report, and its saved form is prepared once it is read', { timeout: TEST_TIMEOUT }, () =>
  withApp(env(), async (app) => {
    const { page } = app;
    await slowReopen(app, HOLD_AFTER_PAINT, () => ['aa:painted', 'aa:mounted'].every((m) => performance.getEntriesByName(m).length));
    assert.ok((await page.evaluate(() => window.__hold.stop())) > 0, 'a step of the read held');

    // The read waits on its step: the sidebar says so, its counts and lists are busy.
    const note = page.getByRole('status').filter({ hasText: 'Reading the saved annotations…' });
    await note.waitFor();
    assert.ok((await page.locator(BUSY).count()) >= 2, 'the counts and the lists are busy');
    assert.deepEqual(await violations(page), []);

    // Held past the moment the page counts as idle (the backup taken 1.5 s after the app
    // starts), which then came while the document was still being read.
    await page.waitForFunction(() => performance.now() > performance.getEntriesByName('aa:mounted')[0].startTime + 1700);

    // Let go, the rest is read: the note goes, the counts are the whole document's.
    await page.evaluate(() => window.__hold.release());
    await whenRead(page);
    assert.equal(await note.count(), 0);
    const entities = DOC.annotations.filter((a) => a.kind === 'entity').length;
    assert.equal(await page.locator('#group-entities .group-n').textContent(), String(entities));

    // Its saved form is prepared once it is whole, all the same, so that the first save is quick.
    await page.waitForFunction(() => performance.getEntriesByName('aa:warmed').length > 0, null, { timeout: 15_000 });
    const [state, warmed] = await page.evaluate(() => ['aa:state', 'aa:warmed'].map((m) => performance.getEntriesByName(m)[0].startTime));
    assert.ok(warmed > state, `prepared after the read (${warmed} > ${state})`);
  }),
);

// (At most 10,000 annotations: see `near::AHEAD_AT_MOST`.)
const AHEAD = generate({ seed: 13, paragraphs: 200, chars: 200_000, annotations: 5000, annotationsBig: 5000 }).variants[5000];

test('once a long document is open, the blocks far from the view are drawn with their highlights and laid out in idle moments', { timeout: TEST_TIMEOUT }, () =>
  withApp(env(), async (app) => {
    const { page } = app;
    // The blocks of the document open that an annotation touches and that show none.
    const plain = async (doc) => {
      const blocks = await page.evaluate(() => [...document.querySelectorAll('article [data-p]')].map((b) => [+b.dataset.s, +b.dataset.e, !!b.querySelector('mark')]));
      return blocks.filter(([s, e, drawn]) => !drawn && doc.annotations.some((a) => a.start < e && a.end > s)).length;
    };
    // Past 10,000 annotations, a block far from the view is drawn when it comes near.
    await reopenWith(app, appStorage(DOC));
    await whenRead(page);
    await page.waitForTimeout(1500);
    assert.ok((await plain(DOC)) > 0, 'the blocks far from the view of a document of 12,000 annotations are still plain');
    await reopenWith(app, appStorage(AHEAD));
    await whenRead(page);
    // Every block that an annotation touches has its highlights, without a scroll.
    await waitUntil(async () => (await plain(AHEAD)) === 0, { timeout: 30_000, message: 'every block drawn with its highlights' });
    // Every chunk out of view laid out (the first screen's are laid out with the first frame).
    await waitUntil(() => page.evaluate(() => [...document.querySelectorAll('article .chunk')].every((c) => c.matches('.shown, .ahead'))), { timeout: 30_000, message: 'every chunk laid out' });
    assert.equal(await page.locator('article .far').count(), 0);
    // The text is the document's, code point for code point.
    const text = await page.evaluate(() => [...document.querySelectorAll('article [data-p]')].map((b) => b.textContent).join('\n'));
    assert.equal(text, AHEAD.document.text.split('\n').filter((l) => l.length).join('\n'));
  }),
);

test('a place reached far down stays put while its blocks get their highlights', { timeout: TEST_TIMEOUT }, () =>
  withApp(env(), async (app) => {
    const { page } = app;
    // Past 10,000 annotations the blocks far from the view are drawn plain, and get their
    // highlights when they come near: that must not move the text the reader is looking at.
    await reopenWith(app, appStorage(DOC));
    await whenRead(page);
    const far = 300;
    await page.evaluate((p) => document.querySelector(`article [data-p="${p}"]`).scrollIntoView(), far);
    // (Each in a task of its own, as a reader's scroll or a jump from the sidebar comes.)
    await page.evaluate(() => scrollBy(0, 30));
    const top = () => page.evaluate((p) => Math.round(document.querySelector(`article [data-p="${p}"]`).getBoundingClientRect().top), far);
    assert.equal(await top(), -30);
    await waitUntil(() => page.evaluate((p) => [p, p + 1, p + 2].every((i) => document.querySelector(`article [data-p="${i}"] mark`)), far), { message: 'the blocks in view drawn with their highlights' });
    await twoFrames(page);
    await page.waitForTimeout(300);
    assert.equal(await top(), -30, 'the block where it was put');
  }),
);

test('once a document is open, a mention’s panel and a claim’s are drawn unseen in idle moments: the page does not change, and the first click on an entry opens its panel', { timeout: TEST_TIMEOUT }, () =>
  withApp(env(), async (app) => {
    const { page } = app;
    await reopenWith(app, appStorage(AHEAD));
    await whenRead(page);
    const look = () =>
      page.evaluate(() => ({
        // (Outside the article, whose blocks are drawn ahead meanwhile.)
        elements: document.getElementsByTagName('*').length - document.querySelectorAll('article *').length,
        focus: document.activeElement?.tagName,
        selected: document.querySelectorAll('[aria-current="true"]').length,
        details: document.querySelector('.details')?.textContent,
      }));
    const before = await look();
    const marks = () => page.evaluate(() => performance.getEntriesByType('mark').map((m) => m.name).filter((n) => n.startsWith('aa:warm-')));
    await waitUntil(async () => (await marks()).length === 2, { timeout: 20_000, message: 'both panels drawn unseen' });
    assert.deepEqual(await marks(), ['aa:warm-entity', 'aa:warm-claim'], 'a mention’s panel first, then a claim’s, once each');
    assert.deepEqual(await look(), before, 'nothing drawn in the page, the focus and the selection where they were');
    assert.equal(await page.locator('.details').getAttribute('class'), 'details idle');
    // The first click on an entry opens its panel as ever.
    const entry = page.locator('aside[aria-label="Annotations"] li button.entry').first();
    const name = (await entry.textContent()).trim();
    await entry.click();
    await waitUntil(() => entry.evaluate((e) => e.getAttribute('aria-current') === 'true'), { message: 'the entry is the current one' });
    await waitUntil(async () => (await page.locator('.details').getAttribute('class')) === 'details', { message: 'the details panel shows it' });
    assert.ok(name.length > 0);
    // Reopened, the page warms again (once a page, not once a session).
    await reopenWith(app, appStorage(AHEAD));
    await whenRead(page);
    await waitUntil(async () => (await marks()).length === 2, { timeout: 20_000, message: 'both panels drawn unseen after a reopen' });
  }),
);
