// The library: every article kept in this browser, listed with its summary; switch between
// them, rename, delete (and undo), back everything up to one file and restore it into an
// emptied storage with every annotation at its exact code-point offsets; the storage meter.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import {
  browserForFile,
  FIXTURES, HEADLINE, STORAGE_PREFIX, TEST_TIMEOUT, checkNativeFile, cpIndexOf, cpSlice, docIdOf, importFile,
  libraryRows, openDialogUi, pasteText, readDoc, readIndex, reload, showLibrary, showOpenDialog, tag,
  waitForDoc, waitForHeadline, waitForMessage, waitForStored, waitUntil, withApp,
} from './helpers.mjs';

const env = browserForFile();

const A_TITLE = 'Budget vote 🗳 in Minsk';
const A = `${A_TITLE}\nFinance minister Oleg Petrov 😀 presented the plan on Monday.\nThe deficit will halve by 2027, he said.\n`;
const B_TITLE = 'Storm 🌀 reaches Brest';
const B = `${B_TITLE}\nResidents of Brest woke to floods on Tuesday 👩‍👩‍👧.\n`;

/** Pastes `text` as a new article, opens it and waits until it is stored; returns its id. */
async function openPasted(app, text, title) {
  await app.page.mouse.click(5, 600); // nothing editable focused
  await pasteText(app.page, text);
  const d = openDialogUi(app.page);
  await d.dialog.waitFor({ state: 'visible' });
  await d.open.click();
  await d.dialog.waitFor({ state: 'hidden' });
  await waitForHeadline(app.page, title);
  const id = docIdOf(text);
  await waitForDoc(app.page, id);
  return id;
}

/** Opens A (one person tagged) and B (one place tagged); B is left open. */
async function twoArticles(app) {
  const a = await openPasted(app, A, A_TITLE);
  await tag(app, { block: 'Finance', text: 'Oleg Petrov' }, { key: '1' });
  await waitForDoc(app.page, a, (d) => d.annotations.length === 1);
  const b = await openPasted(app, B, B_TITLE);
  await tag(app, { block: 'Residents', text: 'Brest' }, { key: '3' });
  await waitForDoc(app.page, b, (d) => d.annotations.length === 1);
  return { a, b };
}

const spans = (doc) => doc.annotations.map((x) => [x.id, x.kind, x.label, x.start, x.end, x.quote]).sort();

test('the library lists the articles; a title opens its article; the open one is marked; the filter filters', { timeout: TEST_TIMEOUT }, () =>
  withApp(env(), async (app) => {
    const { page, ui } = app;
    const { a, b } = await twoArticles(app);
    const lib = await showLibrary(app);
    assert.equal(await lib.toggle.getAttribute('aria-pressed'), 'true');
    const heads = (await lib.table.locator('thead th').allTextContents()).map((t) => t.trim());
    assert.deepEqual(heads.slice(0, 6), ['Title', 'Source', 'Entities', 'Claims', 'Length', 'Last change']);
    assert.equal(await ui.article.isVisible(), false, 'the article is set aside while the library shows');

    const rows = await libraryRows(page);
    assert.deepEqual(rows.map((r) => r.title).sort(), [A_TITLE, B_TITLE].sort());
    const rowA = rows.find((r) => r.title === A_TITLE);
    const rowB = rows.find((r) => r.title === B_TITLE);
    assert.deepEqual([rowA.source, rowA.entities, rowA.claims, rowA.length], ['pasted', '1', '0', String([...A].length)]);
    assert.deepEqual([rowB.source, rowB.entities, rowB.claims, rowB.length], ['pasted', '1', '0', String([...B].length)]);
    assert.ok(rowA.modified && rowB.modified, 'each row says when it last changed');
    assert.equal(rowB.current, true, 'the open article is aria-current');
    assert.equal(rowA.current, false);
    await lib.row(B_TITLE).getByText('Open', { exact: true }).waitFor();
    assert.equal(await lib.row(A_TITLE).getByText('Open', { exact: true }).count(), 0);

    await lib.filter.fill('budget');
    await waitUntil(async () => (await lib.rows.count()) === 1, { message: 'one row for "budget"' });
    assert.deepEqual((await libraryRows(page)).map((r) => r.title), [A_TITLE]);
    await lib.filter.fill('no such title');
    await waitUntil(async () => (await lib.rows.count()) === 0, { message: 'no row' });
    await lib.filter.fill('');
    await waitUntil(async () => (await lib.rows.count()) === 2, { message: 'both rows again' });

    await lib.openButton(A_TITLE).click();
    await lib.heading.waitFor({ state: 'hidden' });
    await waitForHeadline(page, A_TITLE);
    await ui.entry('Person: Oleg Petrov').waitFor();
    assert.equal(await lib.toggle.getAttribute('aria-pressed'), 'false');
    await waitUntil(async () => (await readIndex(page)).current === a, { message: 'the index names A open' });

    await showLibrary(app);
    const now = await libraryRows(page);
    assert.equal(now.find((r) => r.title === A_TITLE).current, true);
    assert.equal(now.find((r) => r.title === B_TITLE).current, false);
    await lib.openButton(B_TITLE).click();
    await waitForHeadline(page, B_TITLE);
    await ui.entry('Location: Brest').waitFor();
    await waitUntil(async () => (await readIndex(page)).current === b, { message: 'the index names B open' });
    await showLibrary(app);
    await lib.back.click();
    await lib.heading.waitFor({ state: 'hidden' });
    await waitForHeadline(page, B_TITLE);
  }));

// (A title is the reader's text: markup in it is shown as written.)
const REVISED = 'Budget <i>vote</i> & co, revised ✅';

test('rename: Enter saves, Esc cancels, Save renames the open article; the new titles are stored', { timeout: TEST_TIMEOUT }, () =>
  withApp(env(), async (app) => {
    const { page } = app;
    const { a, b } = await twoArticles(app);
    const lib = await showLibrary(app);

    await lib.rename(A_TITLE).click();
    await lib.newTitle.waitFor();
    assert.equal(await lib.newTitle.inputValue(), A_TITLE);
    await lib.newTitle.fill(REVISED);
    await lib.newTitle.press('Enter');
    await lib.openButton(REVISED).waitFor();
    await lib.newTitle.waitFor({ state: 'detached' });
    assert.equal(await lib.table.locator('i').count(), 0, 'no element made of a title');
    assert.equal((await waitForDoc(page, a, (d) => d.document.title === REVISED)).annotations.length, 1);
    assert.equal((await readIndex(page)).documents.find((d) => d.id === a).title, REVISED);
    assert.equal((await readIndex(page)).current, b, 'renaming another article does not open it');

    await lib.rename(B_TITLE).click();
    await lib.newTitle.fill('Not this');
    await lib.newTitle.press('Escape');
    await lib.newTitle.waitFor({ state: 'detached' });
    await lib.openButton(B_TITLE).waitFor();
    await page.waitForFunction((name) => document.activeElement?.getAttribute('aria-label') === name, `Rename “${B_TITLE}”`, { timeout: 5000 });
    assert.equal(await lib.openButton('Not this').count(), 0);

    await lib.rename(B_TITLE).click();
    await lib.newTitle.fill('Storm report');
    await lib.save.click();
    await lib.openButton('Storm report').waitFor();
    await waitForDoc(page, b, (d) => d.document.title === 'Storm report', 'the open article stored under its new title');
    await page.locator('.doc-title').filter({ hasText: 'Storm report' }).waitFor();

    await reload(app);
    await showLibrary(app);
    const titles = (await libraryRows(page)).map((r) => r.title).sort();
    assert.deepEqual(titles, [REVISED, 'Storm report'].sort());
  }));

test('delete shows "Deleted …" with Undo, which puts the article back exactly; deleting the open one opens another', { timeout: TEST_TIMEOUT }, () =>
  withApp(env(), async (app) => {
    const { page, ui } = app;
    const { a, b } = await twoArticles(app);
    const keyA = `${STORAGE_PREFIX}doc:${a}`;
    const keyB = `${STORAGE_PREFIX}doc:${b}`;
    const rawA = await page.evaluate((k) => localStorage.getItem(k), keyA);
    const lib = await showLibrary(app);

    await lib.remove(A_TITLE).click();
    await waitForMessage(app, 'status', `Deleted “${A_TITLE}”.`);
    await lib.openButton(A_TITLE).waitFor({ state: 'detached' });
    assert.equal(await page.evaluate((k) => localStorage.getItem(k), keyA), null, 'the stored copy is removed');
    assert.ok(!(await readIndex(page)).documents.some((d) => d.id === a), 'the index no longer lists it');
    const undo = page.getByRole('status').filter({ hasText: `Deleted “${A_TITLE}”.` }).getByRole('button', { name: 'Undo', exact: true });
    await undo.click();
    await lib.openButton(A_TITLE).waitFor();
    assert.equal(await page.evaluate((k) => localStorage.getItem(k), keyA), rawA, 'put back byte for byte');
    assert.ok((await readIndex(page)).documents.some((d) => d.id === a));
    assert.equal((await readIndex(page)).current, b);

    // The open article: deleted, and the most recently changed one left opens.
    const rawB = await page.evaluate((k) => localStorage.getItem(k), keyB);
    await lib.remove(B_TITLE).click();
    await waitForMessage(app, 'status', `Deleted “${B_TITLE}”.`);
    await lib.openButton(B_TITLE).waitFor({ state: 'detached' });
    assert.equal(await page.evaluate((k) => localStorage.getItem(k), keyB), null);
    await lib.back.click();
    await waitForHeadline(page, A_TITLE);
    await ui.entry('Person: Oleg Petrov').waitFor();
    await page.getByRole('status').filter({ hasText: `Deleted “${B_TITLE}”.` }).getByRole('button', { name: 'Undo', exact: true }).click();
    await waitUntil(async () => (await page.evaluate((k) => localStorage.getItem(k), keyB)) === rawB, { message: 'B put back' });
    await showLibrary(app);
    await lib.openButton(B_TITLE).click();
    await waitForHeadline(page, B_TITLE);
    await ui.entry('Location: Brest').waitFor();
  }));

test('back up the library, clear the storage, restore: every article and annotation comes back exactly', { timeout: TEST_TIMEOUT }, () =>
  withApp(env(), async (app) => {
    const { page, ui } = app;
    // Three articles: the sample, a pasted one with emoji, and a saved news page.
    await tag(app, { block: 'President Xi Jinping', text: 'Xi Jinping' }, { key: '1' });
    const sample = (await waitForStored(page, (d) => d.annotations.length === 1)).current;
    const a = await openPasted(app, A, A_TITLE);
    await tag(app, { block: 'Finance', text: 'Oleg Petrov' }, { key: '1' });
    await tag(app, { block: 'The deficit', text: 'The deficit will halve by 2027, he said.' }, { key: '8' });
    await tag(app, { block: 'Finance', text: 'Monday' }, { key: '4' });
    await waitForDoc(page, a, (d) => d.annotations.length === 3);
    const d = await showOpenDialog(app);
    await d.file.setInputFiles(join(FIXTURES, 'river-summit.html'));
    await d.preview.filter({ hasText: 'from river-summit.html' }).waitFor();
    await d.open.click();
    await waitForHeadline(page, 'Minsk opens river bridge 🌊');
    await tag(app, { block: 'Opposition', text: 'Zoë Martin' }, { key: '1' });
    await tag(app, { block: 'Mayor', text: '北京 Friendship bridge' }, { key: '3' });
    const html = (await waitForStored(page, (x) => x.annotations.length === 2)).current;
    const ids = [sample, a, html];
    const before = {};
    for (const id of ids) before[id] = await readDoc(page, id);
    assert.equal(before[a].annotations.length, 3);

    const lib = await showLibrary(app);
    const [download] = await Promise.all([page.waitForEvent('download'), lib.backup.click()]);
    const name = download.suggestedFilename();
    const today = new Date().toISOString().slice(0, 10);
    assert.match(name, /^article-annotator-library-\d{4}-\d{2}-\d{2}\.json$/);
    assert.ok(
      [today, new Date(Date.now() - 60_000).toISOString().slice(0, 10)].includes(name.slice(26, 36)),
      `${name} carries today's date`,
    );
    const path = await download.path();
    const body = await readFile(path, 'utf8');
    const backup = JSON.parse(body);
    assert.equal(backup.format, 'article-annotator-library');
    assert.equal(backup.version, 1);
    assert.equal(backup.documents.length, 3);
    for (const file of backup.documents) {
      checkNativeFile(file);
      const was = before[file.document.id];
      assert.ok(was, `${file.document.id} is one of the stored articles`);
      assert.equal(file.document.text, was.document.text);
      assert.deepEqual(spans(file), spans(was), `the backup holds ${file.document.title}'s annotations`);
    }
    await waitForMessage(app, 'status', /Backed up 3 articles/);
    await page.getByText('Exported', { exact: true }).waitFor();
    // A change after the backup is one no backup holds: said so; undone, the work is as backed up.
    await lib.back.click();
    await tag(app, { block: 'Critics', text: 'Critics' }, { key: '7' });
    await page.getByText(/^Not exported since \S.*\d/).waitFor();
    await page.keyboard.press('Control+z');
    await waitForDoc(page, html, (x) => x.annotations.length === 2, 'the extra tag undone and saved');

    await page.evaluate(() => localStorage.clear());
    await reload(app);
    assert.equal((await ui.headline.textContent()).trim(), HEADLINE, 'an empty storage starts from the sample');
    assert.equal(await ui.entries.count(), 0);
    await showLibrary(app);
    assert.equal(await lib.rows.count(), 0);

    await lib.restore.setInputFiles(path);
    const said = await waitForMessage(app, 'status', /^Restored/);
    assert.match(said, /\b3 added\b/, said);
    for (const id of ids) {
      const now = await waitForDoc(page, id);
      checkNativeFile(now);
      assert.equal(now.document.text, before[id].document.text);
      assert.equal(now.document.title, before[id].document.title);
      assert.deepEqual(spans(now), spans(before[id]), `${now.document.title}: every annotation back at its offsets`);
      for (const x of now.annotations) assert.equal(cpSlice(now.document.text, x.start, x.end), x.quote);
    }
    const page2 = await readDoc(page, html);
    assert.equal(page2.document.url, 'https://news.example.org/world/2026/03/14/minsk-river-bridge');
    assert.deepEqual(page2.document.authors, ['Jane Doe', 'Ana Díaz']);
    assert.equal(page2.document.published, '2026-03-14T09:30:00+01:00');
    const petrov = quoting(await readDoc(page, a), 'Oleg Petrov');
    assert.equal(petrov.start, cpIndexOf(A, 'Oleg Petrov'));
    assert.deepEqual((await libraryRows(page)).map((r) => r.title).sort(), [HEADLINE, A_TITLE, 'Minsk opens river bridge 🌊'].sort());

    // The sample is open: its restored annotation shows at once; the others open from the list.
    await lib.back.click();
    await ui.entry('Person: Xi Jinping').waitFor();
    await showLibrary(app);
    await lib.openButton(A_TITLE).click();
    await waitForHeadline(page, A_TITLE);
    for (const n of ['Person: Oleg Petrov', 'Date: Monday']) await ui.entry(n).waitFor();
    await ui.entry(/^Claim: The deficit/).waitFor();

    // The same file again, through "Import": merged, nothing doubled.
    await importFile(app, name, body);
    const again = await waitForMessage(app, 'status', /^Restored.*merged/);
    assert.match(again, /\b3 merged\b/, again);
    assert.doesNotMatch(again, /[1-9]\d* conflict/, again);
    for (const id of ids) {
      const now = await readDoc(page, id);
      assert.deepEqual(spans(now), spans(before[id]), `${now.document.title}: unchanged by a second restore`);
    }
    assert.equal(await ui.entries.count(), 3);

    // And through the "Open article" dialog's file chooser.
    const dialog = await showOpenDialog(app);
    await dialog.file.setInputFiles(path);
    await dialog.dialog.waitFor({ state: 'hidden' });
    await waitForMessage(app, 'status', /^Restored 3 articles.*3 merged/);
    for (const id of ids) assert.deepEqual(spans(await readDoc(page, id)), spans(before[id]));
  }));

/** The annotation of `doc` quoting `quote`. */
function quoting(doc, quote) {
  const hits = doc.annotations.filter((x) => x.quote === quote);
  assert.equal(hits.length, 1);
  return hits[0];
}

test('the storage meter shows what is used, and warns from 80 % to back up the library', { timeout: TEST_TIMEOUT }, () =>
  withApp(env(), async (app) => {
    const { page } = app;
    await tag(app, { block: 'President Xi Jinping', text: 'Xi Jinping' }, { key: '1' });
    await waitForStored(page, (d) => d.annotations.length === 1);
    const lib = await showLibrary(app);
    const line = page.getByText(/B of about 5\.0 MB used/);
    const read = async () => {
      const text = (await line.textContent()).trim();
      const m = text.match(/^(\d+(?:\.\d)?) (KB|MB) of about 5\.0 MB used \((\d+) %\)$/);
      assert.ok(m, `meter text "${text}"`);
      const mb = m[2] === 'KB' ? Number(m[1]) / 1000 : Number(m[1]);
      return { mb, pct: Number(m[3]), value: Number(await lib.meter.getAttribute('value')) };
    };
    const used = await page.evaluate(() => {
      let n = 0;
      for (let i = 0; i < localStorage.length; i++) {
        const k = localStorage.key(i);
        n += k.length + localStorage.getItem(k).length;
      }
      return n;
    });
    const low = await read();
    assert.ok(low.pct < 80 && low.mb < 1, `little is used: ${JSON.stringify(low)}`);
    assert.ok(Math.abs(low.value - used) < 2000, `the meter's value (${low.value}) is what is stored (${used})`);
    assert.equal(await page.getByRole('alert').filter({ hasText: 'nearly full' }).count(), 0);

    await lib.back.click();
    await page.evaluate(() => localStorage.setItem('e2e-filler', 'x'.repeat(4_200_000)));
    await showLibrary(app);
    await waitUntil(async () => (await read()).pct >= 80, { message: 'the meter to show the filler' });
    const high = await read();
    assert.ok(high.mb >= 4.2 && high.mb <= 4.4, `about 4.2 MB used: ${JSON.stringify(high)}`);
    assert.equal(high.pct, Math.round((high.value / 5_000_000) * 100));
    const warn = await waitForMessage(app, 'alert', 'nearly full');
    assert.match(warn, /Back up the library/);

    await lib.back.click();
    await page.evaluate(() => localStorage.removeItem('e2e-filler'));
    await showLibrary(app);
    await waitUntil(async () => (await read()).pct < 80, { message: 'the meter to drop' });
    await page.getByRole('alert').filter({ hasText: 'nearly full' }).waitFor({ state: 'detached' });
  }));
