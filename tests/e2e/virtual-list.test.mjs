// The sidebar's lists are virtual: with thousands of annotations only the entries in (or near)
// the sidebar's view are drawn, a spacer holds the place of the others, and the list scrolls,
// reads and takes the keyboard as one list of every entry.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { generate } from '../../bench/generate.mjs';
import { appStorage } from '../../bench/lib/page.mjs';
import { browserForFile, TEST_TIMEOUT, reopenWith, violations, waitUntil, whenRead, withApp } from './helpers.mjs';

const env = browserForFile();

// 300 paragraphs, 3,000 annotations (emoji, CJK and accents in the text): the benchmark's
// generator, seeded.
const DOC = generate({ seed: 9, paragraphs: 300, chars: 60_000, annotations: 3000, annotationsBig: 3000 }).variants[3000];
const isEntity = (a) => a.kind === 'entity';
const ENTITIES = DOC.annotations.filter(isEntity);
const LIST = 'section[aria-labelledby="group-entities"] ol.entries';

/** The entries drawn in the entities' list: place, set size, annotation id, and whether the
 * entry is in the sidebar's view. */
const drawn = (page) =>
  page.evaluate((sel) => {
    const view = document.querySelector('.lists').getBoundingClientRect();
    return [...document.querySelectorAll(`${sel} > li:not(.spacer)`)].map((li) => {
      const r = li.getBoundingClientRect();
      return {
        at: Number(li.getAttribute('aria-posinset')),
        of: Number(li.getAttribute('aria-setsize')),
        id: li.querySelector('button.entry').dataset.id,
        seen: r.bottom > view.top && r.top < view.bottom,
      };
    });
  }, LIST);

/** Whether the middle of the sidebar's scrolling box shows an entry (not a blank spacer). */
const entryInView = (page) =>
  page.evaluate(() => {
    const v = document.querySelector('.lists').getBoundingClientRect();
    const points = [0.2, 0.5, 0.8].map((f) => document.elementFromPoint(v.left + v.width / 2, v.top + v.height * f));
    return points.every((el) => el?.closest('button.entry, .group h2, .filters, .entity-index, section'));
  });

test('a list of thousands of entries draws those in view and scrolls, reads and tabs as one list', { timeout: TEST_TIMEOUT }, () =>
  withApp(env(), async (app) => {
    const { page } = app;
    await reopenWith(app, appStorage(DOC), { waitUntil: 'load' });
    await whenRead(page);
    await page.waitForSelector(`${LIST} button.entry`);
    const total = ENTITIES.length;
    assert.ok(total > 2000, `entities: ${total}`);
    assert.equal(await page.locator('#group-entities .group-n').textContent(), String(total));

    // Few entries drawn, each with its place in the whole list.
    await page.waitForTimeout(300);
    let list = await drawn(page);
    assert.ok(list.length >= 20 && list.length <= 120, `entries drawn: ${list.length}`);
    assert.ok(list.every((e, k) => e.at === k + 1 && e.of === total), 'places 1, 2, 3… of the whole list');
    const ids = new Set(ENTITIES.map((a) => a.id));
    assert.ok(list.every((e) => ids.has(e.id)), 'entities only');

    // Scrolled to its end (and on, as a reader goes on scrolling while the entries drawn take
    // the place of estimated ones), the last entries are drawn in view.
    await waitUntil(async () => {
      await page.evaluate((sel) => document.querySelector(sel).lastElementChild.scrollIntoView({ block: 'end' }), LIST);
      await page.waitForTimeout(100);
      return (await drawn(page)).some((e) => e.at === total && e.seen);
    }, { message: 'the last entry in view' });
    list = await drawn(page);
    assert.ok(list.length <= 120, `entries drawn at the end: ${list.length}`);
    assert.ok(await entryInView(page), 'entries, not a blank, in view at the end');

    // In the middle, too: what is in view is entries.
    await page.evaluate((sel) => {
      const ol = document.querySelector(sel);
      const lists = document.querySelector('.lists');
      lists.scrollTop += ol.getBoundingClientRect().top - lists.getBoundingClientRect().top + ol.offsetHeight / 2;
    }, LIST);
    await waitUntil(async () => {
      const l = await drawn(page);
      return l.some((e) => e.seen && e.at > total / 3 && e.at < (2 * total) / 3);
    }, { message: 'entries from the middle of the list in view' });
    assert.ok(await entryInView(page), 'entries, not a blank, in view in the middle');
    list = await drawn(page);
    const seen = list.filter((e) => e.seen).map((e) => e.at);
    assert.ok(seen.every((at, k) => k === 0 || at === seen[k - 1] + 1), `consecutive entries in view: ${seen}`);
    // Entries between spacers, each with its place: axe-core finds nothing to report in the
    // sidebar.
    assert.deepEqual(await violations(page, { include: [['aside.sidebar']] }), []);

    // A highlight far down the article, clicked: its entry is drawn, current.
    const p = 280;
    await page.evaluate((p) => document.querySelector(`article [data-p="${p}"]`).scrollIntoView({ block: 'center' }), p);
    const mark = page.locator(`article [data-p="${p}"] mark[data-ids]`).first();
    await mark.waitFor();
    const markIds = (await mark.getAttribute('data-ids')).split(' ');
    await mark.click();
    await waitUntil(
      () => page.evaluate((ids) => ids.includes(document.querySelector('button.entry[aria-current="true"]')?.dataset.id), markIds),
      { message: 'the clicked highlight\'s entry drawn and current' },
    );
    // Its aria-details points at that entry; highlights whose entries are not drawn point at
    // nothing (not at an id that is not there), and axe-core finds nothing in the article either.
    await waitUntil(
      () => mark.evaluate((m) => (m.getAttribute('aria-details') || '').split(' ').some((id) => document.getElementById(id)?.getAttribute('role') === 'comment')),
      { message: 'the clicked highlight pointing at its entry' },
    );
    const links = await page.evaluate(() => [...document.querySelectorAll('article mark')].map((m) => (m.getAttribute('aria-details') || '').split(' ').filter(Boolean)));
    assert.deepEqual(links.flat().filter((id) => !id.startsWith('n-')), []);
    const missing = await page.evaluate((ids) => ids.filter((id) => !document.getElementById(id)), links.flat());
    assert.deepEqual(missing, [], 'aria-details naming entries not drawn');
    const linked = links.filter((l) => l.length).length;
    assert.ok(linked > 0 && linked < links.length, `highlights pointing at a drawn entry: ${linked} of ${links.length}`);
    assert.deepEqual(await violations(page, { include: [['article']] }), []);

    // The keyboard walks the list past the entries first drawn.
    await page.evaluate(() => document.querySelector('.lists').scrollTo(0, 0));
    await waitUntil(async () => (await drawn(page)).some((e) => e.at === 1 && e.seen), { message: 'the first entry in view again' });
    await page.evaluate((sel) => document.querySelector(`${sel} > li[aria-posinset="1"] button.entry`).focus(), LIST);
    for (let i = 0; i < 150; i++) await page.keyboard.press('Tab');
    const at = await page.evaluate(() => Number(document.activeElement.closest('li')?.getAttribute('aria-posinset')));
    assert.equal(at, 151, 'Tab 150 times from the first entry: the 151st');
  }));

test('in a narrow window the sheet of annotations scrolls its lists as one too', { timeout: TEST_TIMEOUT }, () =>
  withApp(env(), async (app) => {
    const { page } = app;
    await reopenWith(app, appStorage(DOC), { waitUntil: 'load' });
    await whenRead(page);
    await page.getByRole('button', { name: 'Annotations', exact: true }).click();
    await page.waitForSelector(`${LIST} button.entry`);
    const total = ENTITIES.length;
    const seenAt = () =>
      page.evaluate((sel) => [...document.querySelectorAll(`${sel} > li:not(.spacer)`)].filter((li) => {
        const r = li.getBoundingClientRect();
        return r.bottom > 0 && r.top < innerHeight;
      }).map((li) => Number(li.getAttribute('aria-posinset'))), LIST);
    await waitUntil(async () => {
      await page.evaluate((sel) => document.querySelector(sel).lastElementChild.scrollIntoView({ block: 'end' }), LIST);
      await page.waitForTimeout(100);
      return (await seenAt()).includes(total);
    }, { message: 'the last entry in view in the sheet' });
    assert.ok((await drawn(page)).length <= 120, 'few entries drawn');
  }, { viewport: { width: 390, height: 844 } }));

test('a reader who asks for reduced motion is taken to an entry\'s paragraph in one jump, not a glide', { timeout: TEST_TIMEOUT }, () =>
  withApp(env(), async (app) => {
    const { page } = app;
    await reopenWith(app, appStorage(DOC), { waitUntil: 'load' });
    await whenRead(page);
    await page.waitForSelector(`${LIST} button.entry`);
    // The last entity's entry, far down the article from its top.
    await waitUntil(async () => {
      await page.evaluate((sel) => document.querySelector(sel).lastElementChild.scrollIntoView({ block: 'end' }), LIST);
      await page.waitForTimeout(100);
      return (await drawn(page)).some((e) => e.at === ENTITIES.length && e.seen);
    }, { message: 'the last entry in view' });
    const entry = page.locator(`${LIST} > li[aria-posinset="${ENTITIES.length}"] button.entry`);
    const id = await entry.getAttribute('data-id');
    const glide = async () => {
      await page.evaluate(() => scrollTo(0, 0));
      await page.waitForTimeout(200);
      // Every frame's scroll position from the click on, for a second.
      await page.evaluate(() => {
        window.__ys = [];
        const t0 = performance.now();
        const tick = () => {
          window.__ys.push(scrollY);
          if (performance.now() - t0 < 1000) requestAnimationFrame(tick);
        };
        requestAnimationFrame(tick);
      });
      await entry.click();
      await page.waitForTimeout(1200);
      const ys = await page.evaluate(() => window.__ys);
      return new Set(ys).size - 1;
    };
    assert.ok((await glide()) > 2, 'without the wish, the article glides to the paragraph');
    await page.emulateMedia({ reducedMotion: 'reduce' });
    assert.equal(await glide(), 1, 'with it, one jump');
    const inView = await page.evaluate((id) => {
      const m = document.querySelector(`article mark[data-ids~="${id}"]`);
      const r = m?.getBoundingClientRect();
      return !!r && r.top >= 0 && r.bottom <= innerHeight;
    }, id);
    assert.ok(inView, 'the annotation in view');
  }));
