// Bringing an article in: pasted (a paste event, or typed into the dialog), chosen as a file or
// dropped on the page (.html, .md, the app's own .json); what is opened is exactly what is
// stored and tagged, in code points. Bad input is refused inside the dialog and changes nothing.
// The dialog is a real modal: Ctrl+O opens it, Esc closes it, Tab stays in it, focus returns.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import {
  browserForFile,
  FIXTURES, HEADLINE, INDEX_KEY, TEST_TIMEOUT, checkNativeFile, cpIndexOf, cpSlice, docIdOf, dropFile, findAnnotation,
  libraryRows, openDialogUi, paragraphsOf, pasteText, readIndex, readStore, reload, showLibrary, showOpenDialog,
  sleep, storageSnapshot, tag, waitForDoc, waitForHeadline, waitForMessage, waitForStored, waitUntil, withApp,
} from './helpers.mjs';

const env = browserForFile();

// --- pasted text: emoji (astral, ZWJ sequence), CJK, CRLF and a lone CR ----------------------

const PASTED_RAW =
  'Storm 🌀 hits Minsk\r\n\r\n' +
  'Residents of Minsk 😀 woke to floods on Tuesday morning.\r\n' +
  'Mayor Ana Díaz 👩‍👩‍👧 said the 北京 team would help.\r' +
  'The river fell by evening.\r\n';
const PASTED = PASTED_RAW.replace(/\r\n?/g, '\n');
const PASTED_TITLE = 'Storm 🌀 hits Minsk';

/** Checks that each [quote, label] is stored once, at its code-point offsets in `text`. */
function checkSpans(doc, text, expected) {
  checkNativeFile(doc);
  assert.equal(doc.document.text, text);
  for (const [quote, label] of expected) {
    const a = findAnnotation(doc, quote, label);
    const start = cpIndexOf(text, quote);
    assert.equal(a.start, start, `start of "${quote}" counts code points`);
    assert.equal(a.end, start + [...quote].length, `end of "${quote}" counts code points`);
    assert.equal(cpSlice(text, a.start, a.end), quote, `text[start:end] of "${quote}"`);
  }
}

/** The preview line: "N characters · M paragraphs · from <source>". */
function previewLine(text, source) {
  const n = [...text].length.toLocaleString('en-US');
  const m = paragraphsOf(text).length;
  return `${n} characters · ${m} paragraphs · from ${source}`;
}

test('a pasted article with emoji and CRLF opens at once, is tagged by mouse, survives a reload and is listed', { timeout: TEST_TIMEOUT }, () =>
  withApp(env(), async (app) => {
    const { page, ui } = app;
    await pasteText(page, PASTED_RAW);
    const d = openDialogUi(page);
    await d.dialog.waitFor({ state: 'visible' });
    assert.equal(await d.text.inputValue(), PASTED, 'the dialog holds the text with LF line ends');
    assert.equal(await d.title.inputValue(), PASTED_TITLE, 'the first line is the title');
    assert.match((await d.preview.textContent()).trim(), new RegExp(`^${previewLine(PASTED, 'pasted')}`));
    assert.equal((await d.open.textContent()).trim(), 'Open');
    await d.open.click();
    await d.dialog.waitFor({ state: 'hidden' });
    await waitForHeadline(page, PASTED_TITLE);

    // Saved at once under its id, and listed in the index as the open document.
    const id = docIdOf(PASTED);
    const fresh = await waitForDoc(page, id, (x) => x.document.text === PASTED, 'the new article stored');
    assert.equal(fresh.document.id, id);
    assert.equal(fresh.document.title, PASTED_TITLE);
    assert.equal(fresh.document.length, [...PASTED].length);
    assert.equal(fresh.annotations.length, 0);
    const index = await readIndex(page);
    assert.equal(index.current, id);
    const entry = index.documents.find((x) => x.id === id);
    assert.ok(entry, 'the index lists the new article');
    for (const k of ['id', 'title', 'source', 'entities', 'claims', 'length', 'modified', 'exported', 'sha256']) {
      assert.ok(k in entry, `index entry has "${k}"`);
    }
    assert.equal(entry.length, [...PASTED].length);
    await page.getByText('Not exported yet', { exact: true }).waitFor({ state: 'visible' });

    await tag(app, { block: 'Storm', text: 'Minsk' }, { key: '3' });
    await tag(app, { block: 'Residents', text: 'Tuesday' }, { key: '4' });
    await tag(app, { block: 'Mayor', text: 'Ana Díaz' }, { label: 'Person' });
    await tag(app, { block: 'The river', text: 'The river fell by evening.' }, { key: '8' });
    for (const n of ['Location: Minsk', 'Date: Tuesday', 'Person: Ana Díaz']) await ui.entry(n).waitFor();
    await waitForDoc(page, id, (x) => x.annotations.length === 4, 'four stored annotations');

    await reload(app);
    await waitForHeadline(page, PASTED_TITLE);
    for (const n of ['Location: Minsk', 'Date: Tuesday', 'Person: Ana Díaz']) await ui.entry(n).waitFor();
    await ui.entry(/^Claim: The river fell/).waitFor();
    const { parsed, current } = await readStore(page);
    assert.equal(current, id);
    checkSpans(parsed, PASTED, [
      ['Minsk', 'LOC'], ['Tuesday', 'DATE'], ['Ana Díaz', 'PERSON'], ['The river fell by evening.', 'CLAIM'],
    ]);
    // A UTF-16 offset would differ: the emoji before each span count once here.
    assert.notEqual(PASTED.indexOf('Ana Díaz'), cpIndexOf(PASTED, 'Ana Díaz'));

    const lib = await showLibrary(app);
    const rows = await libraryRows(page);
    const row = rows.find((r) => r.title === PASTED_TITLE);
    assert.ok(row, `the library lists the pasted article: ${JSON.stringify(rows)}`);
    assert.equal(row.source, 'pasted');
    assert.equal(row.entities, '3');
    assert.equal(row.claims, '1');
    assert.equal(row.length, String([...PASTED].length));
    assert.equal(row.current, true);
    await lib.row(PASTED_TITLE).getByText('Open', { exact: true }).waitFor();
  }));

test('Ctrl+O and text typed into the dialog: BOM and CR dropped, the title as edited, offsets exact', { timeout: TEST_TIMEOUT }, () =>
  withApp(env(), async (app) => {
    const { page, ui } = app;
    const raw = '\uFEFFFlood 🌊 update\r\nEngineers from 北京 checked the dam 😀 near Brest.\rZoë Martin praised them.\r\n';
    const text = 'Flood 🌊 update\nEngineers from 北京 checked the dam 😀 near Brest.\nZoë Martin praised them.\n';
    await page.keyboard.press('Control+o');
    const d = openDialogUi(page);
    await d.dialog.waitFor({ state: 'visible' });
    await d.text.fill(raw);
    assert.equal(await d.text.inputValue(), text);
    assert.match((await d.preview.textContent()).trim(), new RegExp(`^${previewLine(text, 'pasted[^·]*')}`));
    // The Title field follows the first line (checked at the end, so the rest is tested too).
    const titleShown = await waitUntil(async () => (await d.title.inputValue()) === 'Flood 🌊 update', { timeout: 3000 })
      .then(() => 'Flood 🌊 update', async () => d.title.inputValue());
    await d.title.fill('Flood report, day two');
    await d.open.click();
    await d.dialog.waitFor({ state: 'hidden' });
    await waitForHeadline(page, 'Flood 🌊 update');
    const id = docIdOf(text);
    await waitForDoc(page, id, (x) => x.document.title === 'Flood report, day two', 'stored with the edited title');

    await tag(app, { block: 'Engineers', text: 'Brest' }, { key: '3' });
    await tag(app, { block: 'Zoë', text: 'Zoë Martin' }, { key: '1' });
    await ui.entry('Person: Zoë Martin').waitFor();
    const doc = await waitForDoc(page, id, (x) => x.annotations.length === 2);
    checkSpans(doc, text, [['Brest', 'LOC'], ['Zoë Martin', 'PERSON']]);
    await showLibrary(app);
    const row = (await libraryRows(page)).find((r) => r.title === 'Flood report, day two');
    assert.ok(row, 'listed by its edited title');
    // The Title field showed the first line of the typed text; typed text is stored as pasted.
    assert.deepEqual(
      { titleField: titleShown, storedSource: doc.document.source, librarySource: row.source },
      { titleField: 'Flood 🌊 update', storedSource: 'pasted', librarySource: 'pasted' },
    );
  }));

// --- files: a saved news page and a Markdown article -----------------------------------------

const HTML_FILE = 'river-summit.html';
const HTML_TITLE = 'Minsk opens river bridge 🌊';
const HTML_LINES = [
  HTML_TITLE,
  'Engineers say the crossing will cut journeys across the city by half.',
  'Mayor Ana Díaz opened the 北京 Friendship bridge in Minsk on Saturday, calling it “a span for everyone” 😀.',
  'The project cost $2.4 billion and took six years, officials at Smith & Sons said.',
  'Critics speak out',
  'Opposition leader Zoë Martin said the bridge “will never pay for itself”, and called for an audit.',
];
/** Page furniture of the fixture: none of it is article text. */
const HTML_FURNITURE = [
  'cookie', 'Accept all', 'The Daily Gazette', 'World', 'Sport', 'Share on', 'Email this story', 'Advertisement',
  'Related stories', 'Old bridge closes', 'Comments', 'Great article', 'waste of public money', 'All rights reserved',
  'Privacy policy', 'tracking', 'analytics', 'dataLayer', 'font-family', 'bridge at dusk',
];
const HTML_META = {
  url: 'https://news.example.org/world/2026/03/14/minsk-river-bridge',
  authors: ['Jane Doe', 'Ana Díaz'],
  published: '2026-03-14T09:30:00+01:00',
};

const MD_FILE = 'budget-talks.md';
const MD_TITLE = 'Budget talks 🇧🇾 in Minsk';
const MD_LINES = [
  MD_TITLE,
  'Staff report — updated 14 March',
  'Finance minister Oleg Petrov said the plan is final and would pass by Friday.',
  'What changes',
  'Taxes rise by 2 % in 北京-style free zones',
  'Pensions stay as they are',
  'A new fund for e\u0301coles opens',
  '"We will not back down," Petrov said 😀.',
];
const MD_MARKUP = ['#', '*', '**', '_final_', '](', '![', 'chart', 'https://', '`', '> '];

function checkHtmlText(text) {
  assert.deepEqual(paragraphsOf(text), HTML_LINES, 'the readable text of the page, line by line');
  for (const junk of HTML_FURNITURE) assert.ok(!text.includes(junk), `page furniture "${junk}" left out`);
}

function checkMdText(text) {
  assert.deepEqual(paragraphsOf(text), MD_LINES, 'the Markdown as plain text, line by line');
  for (const m of MD_MARKUP) assert.ok(!text.includes(m), `markup "${m}" removed`);
}

/** After the dialog opened `file`: what is shown and stored, and a tag by mouse at exact offsets. */
async function checkOpened(app, { file, title, check, meta, tagSpec }) {
  const { page, ui } = app;
  await waitForHeadline(page, title);
  const { parsed, current } = await waitForStored(page, (x) => x.document.title === title, `${file} stored`);
  const text = parsed.document.text;
  check(text);
  assert.equal(current, docIdOf(text), 'the id is doc- and the text\u2019s SHA-256');
  assert.equal(parsed.document.source, file);
  for (const [k, v] of Object.entries(meta)) assert.deepEqual(parsed.document[k], v, `document.${k}`);
  checkNativeFile(parsed);
  await tag(app, tagSpec.spec, { key: tagSpec.key });
  await ui.entry(tagSpec.entry).waitFor();
  const after = await waitForStored(page, (x) => x.document.id === current && x.annotations.length === 1);
  checkSpans(after.parsed, text, [[tagSpec.spec.text, tagSpec.label]]);
  return { id: current, text };
}

const HTML_CASE = {
  file: HTML_FILE, title: HTML_TITLE, check: checkHtmlText, meta: HTML_META,
  tagSpec: { spec: { block: 'Opposition', text: 'Zoë Martin' }, key: '1', label: 'PERSON', entry: 'Person: Zoë Martin' },
};
const MD_CASE = {
  file: MD_FILE, title: MD_TITLE, check: checkMdText, meta: {},
  tagSpec: { spec: { block: 'Taxes', text: '北京' }, key: '3', label: 'LOC', entry: 'Location: 北京' },
};

for (const c of [HTML_CASE, MD_CASE]) {
  test(`${c.file} chosen in the dialog: its readable text, title and metadata, tagged at exact offsets`, { timeout: TEST_TIMEOUT }, () =>
    withApp(env(), async (app) => {
      const { page } = app;
      const before = await storageSnapshot(page);
      const d = await showOpenDialog(app);
      await d.file.setInputFiles(join(FIXTURES, c.file));
      await d.preview.filter({ hasText: `from ${c.file}` }).waitFor();
      assert.equal(await d.title.inputValue(), c.title);
      const shown = await d.text.inputValue();
      c.check(shown);
      assert.match((await d.preview.textContent()).trim(), new RegExp(`^${previewLine(shown, c.file.replace('.', '\\.'))}`));
      assert.deepEqual(await storageSnapshot(page), before, 'nothing is stored before "Open"');
      await d.open.click();
      await d.dialog.waitFor({ state: 'hidden' });
      const { id } = await checkOpened(app, c);

      // Opened again (after another article): the stored copy, with its annotation, opens.
      await pasteText(page, PASTED_RAW);
      await openDialogUi(page).open.click();
      await waitForHeadline(page, PASTED_TITLE);
      const again = await showOpenDialog(app);
      await again.file.setInputFiles(join(FIXTURES, c.file));
      await again.dialog.getByRole('button', { name: 'Open the stored copy', exact: true }).waitFor();
      await again.open.click();
      await waitForHeadline(page, c.title);
      await app.ui.entry(c.tagSpec.entry).waitFor();
      await waitUntil(async () => (await readIndex(page)).current === id, { message: 'the index names it open' });
      assert.equal((await readIndex(page)).documents.filter((x) => x.title === c.title).length, 1, 'no duplicate');
    }));
}

test('a .html and a .md file dropped on the page open in the dialog, then as articles', { timeout: TEST_TIMEOUT }, () =>
  withApp(env(), async (app) => {
    const { page } = app;
    const ids = [];
    for (const [c, type] of [[HTML_CASE, 'text/html'], [MD_CASE, 'text/markdown']]) {
      const content = await readFile(join(FIXTURES, c.file), 'utf8');
      await dropFile(page, { name: c.file, content, type }, 'article');
      const d = openDialogUi(page);
      await d.dialog.waitFor({ state: 'visible' });
      await d.preview.filter({ hasText: `from ${c.file}` }).waitFor();
      assert.equal(await d.title.inputValue(), c.title);
      c.check(await d.text.inputValue());
      await d.open.click();
      await d.dialog.waitFor({ state: 'hidden' });
      ids.push((await checkOpened(app, c)).id);
    }
    const index = await readIndex(page);
    for (const id of ids) assert.ok(index.documents.some((x) => x.id === id), `${id} in the library`);
    await showLibrary(app);
    const titles = (await libraryRows(page)).map((r) => r.title);
    assert.ok(titles.includes(HTML_TITLE) && titles.includes(MD_TITLE), `listed: ${titles}`);
  }));

test('a dropped .json file is imported directly, without the dialog', { timeout: TEST_TIMEOUT }, () =>
  withApp(env(), async (app) => {
    const { page, ui } = app;
    const text = 'Dropped file 🌍\nMayor Ana Díaz opened the 北京 bridge.\n';
    const start = cpIndexOf(text, 'Ana Díaz');
    const file = {
      format: 'article-annotator', version: 1,
      document: { id: 'doc-dropped', title: 'Dropped file 🌍', text, offset_unit: 'codepoint' },
      annotations: [{ id: 'd1', kind: 'entity', label: 'PERSON', start, end: start + 8, quote: 'Ana Díaz' }],
    };
    await dropFile(page, { name: 'dropped.annotations.json', content: JSON.stringify(file), type: 'application/json' });
    await waitForMessage(app, 'status', '1 annotation imported');
    await waitForHeadline(page, 'Dropped file 🌍');
    await ui.entry('Person: Ana Díaz').waitFor();
    assert.equal(await openDialogUi(page).dialog.count(), 0, 'no dialog for the app\u2019s own JSON');
  }));

// --- bad input: refused in the dialog, nothing stored changes --------------------------------

const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0, 0x1f, 0x15, 0xc4, 0x89];
const LATIN1 = [...Buffer.from('Caf\u00e9 au lait and cr\u00e8me br\u00fbl\u00e9e in Minsk.\n', 'latin1')];
const NO_TEXT_PAGE =
  '<!DOCTYPE html><html><head><title>Menu</title><script>var a = "some script text that is long enough";</script></head>' +
  '<body><nav><a href="/">Home</a> <a href="/news">News</a></nav><div class="cookie-banner">We use cookies.</div>' +
  '<footer>© 2026 Example</footer></body></html>';

const BAD = [
  { what: 'no text at all', alert: /There is no text to open/, act: async (d) => d.open.click() },
  { what: 'white space only', alert: /There is no text to open/, act: async (d) => { await d.text.fill(' \r\n\t \n'); await d.open.click(); } },
  { what: 'a binary file', alert: /not text/, act: async (d) => d.file.setInputFiles({ name: 'photo.png', mimeType: 'image/png', buffer: Buffer.from(PNG) }) },
  { what: 'an HTML page with no article', alert: /no readable article text/, act: async (d) => d.file.setInputFiles({ name: 'menu.html', mimeType: 'text/html', buffer: Buffer.from(NO_TEXT_PAGE) }) },
  { what: 'a file that is not UTF-8', alert: /not UTF-8/, act: async (d) => d.file.setInputFiles({ name: 'latin1.txt', mimeType: 'text/plain', buffer: Buffer.from(LATIN1) }) },
  { what: 'a dropped binary file', alert: /not text/, drop: { name: 'scan.pdf', bytes: [...Buffer.from('%PDF-1.4\n'), 0, 0, 0, 1, 2, 3, 0, 0, 0x1b, 0x1c, 0, 0], type: 'application/pdf' } },
];

for (const c of BAD) {
  test(`the dialog refuses ${c.what} with an alert and changes nothing`, { timeout: TEST_TIMEOUT }, () =>
    withApp(env(), async (app) => {
      const { page, ui } = app;
      await tag(app, { block: 'President Xi Jinping', text: 'Xi Jinping' }, { key: '1' });
      await waitForStored(page, (x) => x.annotations.length === 1);
      await sleep(500); // past the save debounce
      const before = await storageSnapshot(page);
      assert.ok(before[INDEX_KEY], 'something is stored to be kept');

      let d;
      if (c.drop) {
        await dropFile(page, c.drop);
        d = openDialogUi(page);
        await d.dialog.waitFor({ state: 'visible' });
      } else {
        d = await showOpenDialog(app);
        await c.act(d);
      }
      await d.alert.filter({ hasText: c.alert }).waitFor({ state: 'visible' });
      const said = (await d.alert.textContent()).trim();
      assert.ok(said.length > 20, `the alert explains: "${said}"`);
      await d.dialog.waitFor({ state: 'visible' }); // still open, for another try
      await sleep(600);
      assert.deepEqual(await storageSnapshot(page), before, 'storage unchanged while the dialog shows the problem');
      await d.cancel.click();
      await d.dialog.waitFor({ state: 'hidden' });
      assert.equal((await ui.headline.textContent()).trim(), HEADLINE, 'the same article stays open');
      await ui.entry('Person: Xi Jinping').waitFor();
      await sleep(600);
      assert.deepEqual(await storageSnapshot(page), before, 'storage unchanged after the dialog closed');
    }));
}

// --- the dialog as a modal -------------------------------------------------------------------

/** A short description of the focused element, and whether it is inside the open dialog. */
const focused = (page) =>
  page.evaluate(() => {
    const el = document.activeElement;
    const dialog = document.querySelector('[role=dialog]');
    const name = (el?.getAttribute('aria-label') || el?.id || el?.textContent?.trim() || el?.tagName || '').slice(0, 40);
    return { inside: !!dialog && dialog.contains(el), tag: el?.tagName, name };
  });

test('the dialog keeps focus (Tab wraps both ways), Esc closes it and focus returns to the opener', { timeout: TEST_TIMEOUT }, () =>
  withApp(env(), async (app) => {
    const { page } = app;
    const opener = page.getByRole('toolbar', { name: 'Document' }).getByRole('button', { name: 'Open article', exact: true });
    await opener.focus();
    await page.keyboard.press('Enter');
    const d = openDialogUi(page);
    await d.dialog.waitFor({ state: 'visible' });
    assert.equal((await focused(page)).inside, true, 'focus moves into the dialog');

    const seen = new Set();
    for (let i = 0; i < 14; i++) {
      await page.keyboard.press('Tab');
      const f = await focused(page);
      assert.equal(f.inside, true, `Tab #${i + 1} stays in the dialog (focus on ${f.tag} ${f.name})`);
      seen.add(`${f.tag}:${f.name}`);
    }
    for (let i = 0; i < 14; i++) {
      await page.keyboard.press('Shift+Tab');
      const f = await focused(page);
      assert.equal(f.inside, true, `Shift+Tab #${i + 1} stays in the dialog (focus on ${f.tag} ${f.name})`);
    }
    assert.ok(seen.size >= 5, `Tab visits the dialog's controls: ${[...seen].join(', ')}`);
    // Wrapping: past the last control comes the first, and back.
    await d.open.focus();
    await page.keyboard.press('Tab');
    const first = await focused(page);
    assert.equal(first.inside, true);
    assert.notEqual(first.name, 'Open');
    await page.keyboard.press('Shift+Tab');
    assert.equal(await d.open.evaluate((el) => el === document.activeElement), true, 'Shift+Tab from the first goes to the last');

    await page.keyboard.press('Escape');
    await d.dialog.waitFor({ state: 'hidden' });
    assert.equal(await opener.evaluate((el) => el === document.activeElement), true, 'focus is back on "Open article"');

    // Cancel closes it too, and focus returns again.
    await opener.click();
    await d.dialog.waitFor({ state: 'visible' });
    await d.cancel.click();
    await d.dialog.waitFor({ state: 'hidden' });
    assert.equal(await opener.evaluate((el) => el === document.activeElement), true, 'focus back after Cancel');
  }));

test('Ctrl+O opens the dialog from the article, with focus inside; Esc closes it and nothing changes; typing stays in the text box', { timeout: TEST_TIMEOUT }, () =>
  withApp(env(), async (app) => {
    const { page, ui } = app;
    await page.mouse.click(5, 600); // nothing editable focused
    const before = await storageSnapshot(page);
    await page.keyboard.press('Control+o');
    const d = openDialogUi(page);
    await d.dialog.waitFor({ state: 'visible' });
    assert.equal((await focused(page)).inside, true);
    await page.keyboard.press('Escape');
    await d.dialog.waitFor({ state: 'hidden' });
    assert.equal((await ui.headline.textContent()).trim(), HEADLINE);
    assert.equal(await ui.entries.count(), 0);
    assert.deepEqual(await storageSnapshot(page), before);

    // A paste into a text field is the field's, not a new article.
    const lib = await showLibrary(app);
    await lib.filter.focus();
    await pasteText(page, 'Not an article');
    await sleep(300);
    assert.equal(await d.dialog.count(), 0, 'no dialog for a paste into a field');
    await lib.back.click();

    // Typed into the empty text box, every key stays there (not in the article's shortcuts).
    await page.keyboard.press('Control+o');
    await d.dialog.waitFor({ state: 'visible' });
    await d.text.click();
    await page.keyboard.type('1 Minsk');
    const after = await focused(page);
    assert.equal(await d.text.inputValue(), '1 Minsk',
      `typing into the empty "Article text" keeps every key (focus ended on ${after.tag} ${after.name})`);
    await page.keyboard.press('Escape');
    await d.dialog.waitFor({ state: 'hidden' });
    assert.equal(await ui.entries.count(), 0);
    assert.deepEqual(await storageSnapshot(page), before);
  }));

// --- a reload keeps the reader's place, the undo history and the settings --------------------

test('a reload restores the scroll position, undo history and "Snap to words"; the panel says "Paragraph N"', { timeout: TEST_TIMEOUT }, () =>
  withApp(env(), async (app) => {
    const { page, ui } = app;
    const paras = Array.from({ length: 40 }, (_, i) =>
      `Paragraph ${i + 1} 😀 tells of the 北京 delegation and of Minsk, at some length, so that the article needs scrolling to be read.`);
    const text = ['Long read 📜', ...paras].join('\n') + '\n';
    await pasteText(page, text);
    await openDialogUi(page).open.click();
    await waitForHeadline(page, 'Long read 📜');
    await tag(app, { block: 'Paragraph 2 ', text: 'Minsk' }, { key: '3' });
    await ui.entry('Location: Minsk').click();
    const panel = ui.sidebar.getByRole('region', { name: 'Selected annotation' });
    await panel.getByText(/Paragraph 3\b/).waitFor(); // the headline is paragraph 1
    const checkbox = page.getByRole('toolbar', { name: 'Document' }).getByRole('checkbox', { name: 'Snap to words' });
    assert.equal(await checkbox.isChecked(), true);
    await checkbox.uncheck();
    const id = docIdOf(text);
    await waitForDoc(page, id, (x) => x.annotations.length === 1);

    await page.evaluate(() => [...document.querySelectorAll('article p')][25]?.scrollIntoView());
    await sleep(300);
    const y = await page.evaluate(() => window.scrollY);
    assert.ok(y > 1000, `scrolled down (${y})`);
    await reload(app);
    await waitForHeadline(page, 'Long read 📜');
    const back = await waitUntil(async () => {
      const now = await page.evaluate(() => window.scrollY);
      return Math.abs(now - y) < 60 ? now : false;
    }, { message: `scroll back near ${y}` });
    assert.ok(Math.abs(back - y) < 60);
    assert.equal(await checkbox.isChecked(), false, '"Snap to words" stays off');
    await ui.entry('Location: Minsk').waitFor();
    assert.equal(await ui.undo.isEnabled(), true, 'the undo history is back');
    await ui.undo.click();
    await ui.entry('Location: Minsk').waitFor({ state: 'detached' });
    await waitForDoc(page, id, (x) => x.annotations.length === 0, 'the undone tag is saved');
    assert.equal(await ui.redo.isEnabled(), true);
  }));
