// Two tabs (two pages of one browser profile) on the same article: each one's edits show in the
// other within about a second and both end up stored; when one deletes an annotation that the
// other retags, the later change wins everywhere and the tab whose change lost is told.
//
// Only the front tab draws frames (as in a browser window with tabs), so a tab is brought to the
// front before the mouse is used in it, or before what it shows is checked: as a user switches.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  browserForFile,
  HEADLINE, TEST_TIMEOUT, checkNativeFile, cpIndexOf, docIdOf, dragOver, libraryUi, openDialogUi, pasteText,
  readStore, showLibrary, tag, ui, waitForDoc, waitForHeadline, waitForStored, waitUntil, withApp,
} from './helpers.mjs';

const env = browserForFile();

/** A second page of the app's browser context, its errors reported with the first page's. */
async function secondTab(app, headline = HEADLINE) {
  const page = await app.context.newPage();
  page.setDefaultTimeout(15_000);
  page.on('pageerror', (e) => app.problems.push(`page error (second tab): ${e.message}`));
  page.on('dialog', (d) => {
    app.problems.push(`unexpected ${d.type()} dialog (second tab): ${d.message()}`);
    d.dismiss().catch(() => {});
  });
  await page.goto(app.base, { waitUntil: 'load' });
  const other = { page, ui: ui(page) };
  await waitForHeadline(page, headline, 30_000);
  return other;
}

/**
 * Waits until each tab's page has been open for `ms` (its own clock): the app finishes settling
 * in (reading what is stored, as a tab that has been open a while) in its first 1.5 s.
 */
async function settled(tabs, ms = 2500) {
  for (const tab of tabs) await tab.page.waitForFunction((ms) => performance.now() > ms, ms, { polling: 100 });
}

/** Brings `tab` to the front (the user switches to it); returns it. */
async function front(tab) {
  await tab.page.bringToFront();
  return tab;
}

/** Milliseconds from `t0` until the entry `name` shows in `tab` (brought to the front). */
async function arrives(tab, name, t0 = Date.now(), timeout = 5000) {
  await front(tab);
  await tab.ui.entry(name).waitFor({ state: 'visible', timeout });
  return Date.now() - t0;
}

/** Drags over the text in `tab` and waits for its tag menu (left open). */
async function dragOverAndWait(tab, spec) {
  await dragOver(tab.page, spec);
  await tab.ui.menu.waitFor({ state: 'visible' });
}

const labelsOf = (doc) => doc.annotations.map((a) => `${a.label}:${a.quote}`).sort();

test('edits in two tabs on one article show in both tabs within about a second and end up stored', { timeout: TEST_TIMEOUT }, () =>
  withApp(env(), async (app) => {
    const other = await secondTab(app);
    await settled([app, other]);

    await front(app);
    await tag(app, { block: 'President Xi Jinping', text: 'Xi Jinping' }, { key: '1' });
    const late1 = await arrives(other, 'Person: Xi Jinping');
    await tag(other, { block: 'The China-Belarus', text: 'Minsk' }, { key: '3' });
    const late2 = await arrives(app, 'Location: Minsk');
    assert.ok(late1 < 2000 && late2 < 2000, `an edit shows in the other tab within about a second (${late1} ms, ${late2} ms)`);

    // Edits made at the same moment in both tabs (neither has saved when the other tags): both kept.
    await dragOverAndWait(app, { block: 'President Xi Jinping', text: 'Alexander Lukashenko' });
    await front(other);
    await dragOverAndWait(other, { block: 'The China-Belarus', text: 'China-Belarus Industrial Park' });
    await Promise.all([app.page.keyboard.press('1'), other.page.keyboard.press('3')]);
    const names = ['Person: Xi Jinping', 'Location: Minsk', 'Person: Alexander Lukashenko', 'Location: China-Belarus Industrial Park'];
    for (const tab of [app, other]) {
      await front(tab);
      for (const n of names) await tab.ui.entry(n).waitFor({ timeout: 5000 });
      assert.equal(await tab.ui.entries.count(), 4, 'no annotation doubled');
      assert.ok((await tab.ui.marks.filter({ hasText: 'Alexander Lukashenko' }).count()) > 0, 'highlighted in the article too');
    }
    const want = ['PERSON:Xi Jinping', 'LOC:Minsk', 'PERSON:Alexander Lukashenko', 'LOC:China-Belarus Industrial Park'].sort();
    const { parsed } = await waitForStored(app.page, (d) => d.annotations.length === 4, 'four stored');
    checkNativeFile(parsed);
    assert.deepEqual(labelsOf(parsed), want);
    const text = parsed.document.text;
    for (const a of parsed.annotations) assert.equal(a.start, cpIndexOf(text, a.quote), `${a.quote} at its offset`);
    assert.equal(new Set(parsed.annotations.map((a) => a.id)).size, 4, 'ids unique');
    // Nothing arrives later to undo it: both tabs still agree after a while.
    await app.page.waitForTimeout(1000);
    assert.deepEqual(labelsOf((await readStore(other.page)).parsed), want);
    for (const tab of [app, other]) assert.equal(await (await front(tab)).ui.entries.count(), 4);
    assert.equal(await app.page.getByRole('alert').filter({ hasText: /another tab/ }).count(), 0, 'no conflict reported');
    await other.page.close();
  }));

test('an edit made just after another tab opened shows there, and that tab\u2019s next save keeps it', { timeout: TEST_TIMEOUT }, () =>
  withApp(env(), async (app) => {
    await settled([app]);
    const other = await secondTab(app);
    // At once (the other tab has only just opened): tag in the first tab, which is then closed.
    await front(app);
    await tag(app, { block: 'President Xi Jinping', text: 'Xi Jinping' }, { key: '1' });
    await waitForStored(app.page, (d) => d.annotations.length === 1);
    await app.page.close({ runBeforeUnload: true });
    let shown = true;
    await arrives(other, 'Person: Xi Jinping', Date.now(), 3000).catch(() => { shown = false; });
    // The remaining tab's own edit: its save must keep the closed tab's annotation.
    await tag(other, { block: 'The China-Belarus', text: 'Minsk' }, { key: '3' });
    await waitForStored(other.page, (d) => d.annotations.some((a) => a.quote === 'Minsk'), 'the second tab saved');
    const stored = (await readStore(other.page)).parsed;
    assert.deepEqual(
      { shownInTheNewTab: shown, stored: labelsOf(stored) },
      { shownInTheNewTab: true, stored: ['LOC:Minsk', 'PERSON:Xi Jinping'] },
      'the new tab took in the first tab\u2019s edit, and its own save kept it',
    );
  }));

test('after switching articles in the library, a tab still receives the other tab\u2019s edits to it', { timeout: TEST_TIMEOUT }, () =>
  withApp(env(), async (app) => {
    const { page } = app;
    // The sample is stored (one tag), then a second article is opened: it is the current one.
    await tag(app, { block: 'President Xi Jinping', text: 'Xi Jinping' }, { key: '1' });
    const sample = (await waitForStored(page, (d) => d.annotations.length === 1)).current;
    const text = 'Second tab test 🧪\nMayor Ana Díaz met officials in Minsk.\n';
    await pasteText(page, text);
    await openDialogUi(page).open.click();
    await waitForHeadline(page, 'Second tab test 🧪');
    await waitForDoc(page, docIdOf(text));

    const other = await secondTab(app, 'Second tab test 🧪');
    await settled([app, other]);
    // Both tabs switch to the sample through the library.
    for (const tab of [app, other]) {
      await front(tab);
      await showLibrary(tab);
      await libraryUi(tab.page).openButton(HEADLINE).click();
      await waitForHeadline(tab.page, HEADLINE);
      await tab.ui.entry('Person: Xi Jinping').waitFor();
    }
    await waitUntil(async () => (await readStore(page)).current === sample, { message: 'the sample current' });

    await front(app);
    await tag(app, { block: 'The China-Belarus', text: 'Minsk' }, { key: '3' });
    await waitForDoc(page, sample, (d) => d.annotations.length === 2);
    const late = await arrives(other, 'Location: Minsk', Date.now(), 3000);
    assert.ok(late < 3000);
    await other.page.close();
  }));

/**
 * Both tabs (settled) select the one annotation; `first` acts, then `second` at once, before
 * either has saved. Returns the second tab.
 */
async function conflict(app, first, second) {
  const other = await secondTab(app);
  await settled([app, other]);
  await front(app);
  await tag(app, { block: 'President Xi Jinping', text: 'Xi Jinping' }, { key: '1' });
  await arrives(other, 'Person: Xi Jinping');
  await waitForStored(app.page, (d) => d.annotations.length === 1);
  await app.page.waitForTimeout(500); // both tabs settled on the same stored copy
  for (const tab of [app, other]) await (await front(tab)).ui.entry('Person: Xi Jinping').click();
  const tabs = { one: app, two: other };
  await tabs[first.tab].page.keyboard.press(first.key);
  await tabs[second.tab].page.keyboard.press(second.key);
  return other;
}

const LOST = 'lost to a later change made in another tab';

test('a delete in one tab loses to a later retag in the other; the first tab is told', { timeout: TEST_TIMEOUT }, () =>
  withApp(env(), async (app) => {
    const other = await conflict(app, { tab: 'one', key: 'Delete' }, { tab: 'two', key: '3' });
    for (const tab of [app, other]) await (await front(tab)).ui.entry('Location: Xi Jinping').waitFor({ timeout: 5000 });
    await waitUntil(async () => {
      const { parsed } = await readStore(app.page);
      return parsed?.annotations.length === 1 && parsed.annotations[0].label === 'LOC';
    }, { message: 'the retag stored' });
    for (const tab of [app, other]) {
      await front(tab);
      assert.equal(await tab.ui.entries.count(), 1);
      assert.equal(await tab.ui.entry('Person: Xi Jinping').count(), 0);
    }
    assert.equal(await other.page.getByRole('alert').filter({ hasText: LOST }).count(), 0, 'the winning tab is not warned');
    await front(app);
    await app.page.getByRole('alert').filter({ hasText: LOST }).first().waitFor({ timeout: 5000 });
    await other.page.close();
  }));

test('a retag in one tab loses to a later delete in the other; the first tab is told', { timeout: TEST_TIMEOUT }, () =>
  withApp(env(), async (app) => {
    const other = await conflict(app, { tab: 'one', key: '4' }, { tab: 'two', key: 'Delete' });
    for (const tab of [app, other]) {
      await front(tab);
      await waitUntil(async () => (await tab.ui.entries.count()) === 0, { timeout: 5000, message: 'the annotation gone in both tabs' });
    }
    await waitUntil(async () => (await readStore(app.page)).parsed?.annotations.length === 0, { message: 'the delete stored' });
    assert.equal(await other.page.getByRole('alert').filter({ hasText: LOST }).count(), 0, 'the winning tab is not warned');
    await front(app);
    await app.page.getByRole('alert').filter({ hasText: LOST }).first().waitFor({ timeout: 5000 });
    await other.page.close();
  }));

test('a copy another tab writes while this tab makes its saved form is merged, not overwritten', { timeout: TEST_TIMEOUT }, () =>
  withApp(env(), async (app) => {
    const { page } = app;
    await tag(app, { block: 'President Xi Jinping', text: 'Xi Jinping' }, { key: '1' });
    const first = await waitForStored(page, (d) => d.annotations.length === 1);
    // Another tab's write lands right after this tab reads the stamp for its next save (the
    // saved form is made in that task, and written in the next): it adds "Minsk" as a place.
    const minsk = cpIndexOf(first.stored.document.text, 'Minsk');
    await page.evaluate(({ docKey, minsk }) => {
      const get = Storage.prototype.getItem;
      let armed = true;
      Storage.prototype.getItem = function (k) {
        const v = get.call(this, k);
        if (armed && k === `${docKey}:stamp` && document.querySelectorAll('aside li').length >= 2) {
          armed = false;
          // (The other tab's copy is made of what is stored now, before this tab's write.)
          const doc = JSON.parse(get.call(localStorage, docKey));
          setTimeout(() => {
            doc.annotations.push({ id: 'other-tab-1', kind: 'entity', label: 'LOC', start: minsk, end: minsk + 5, created: '2026-11-29T10:00:00Z' });
            localStorage.setItem(docKey, JSON.stringify(doc));
            localStorage.setItem(`${docKey}:stamp`, 'other-tab-1');
          });
        }
        return v;
      };
    }, { docKey: first.docKey, minsk });
    await tag(app, { block: 'President Xi Jinping', text: 'Alexander Lukashenko' }, { key: '1' });
    const both = await waitForStored(page, (d) => d.annotations.length === 3, 'all three annotations stored');
    assert.deepEqual(labelsOf(both.parsed), ['LOC:Minsk', 'PERSON:Alexander Lukashenko', 'PERSON:Xi Jinping']);
    await app.ui.entry(/Minsk/).waitFor({ state: 'visible' });
  }));
