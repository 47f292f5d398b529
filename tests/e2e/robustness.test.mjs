// Bad storage, a full storage, another tab, another article, and selection by click and sidebar:
// the user is told plainly and nothing saved is lost.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  browserForFile,
  STORAGE_PREFIX, TEST_TIMEOUT, exportJson, importFile, isCurrent, readStore, reload,
  tag, ui, waitForMessage, waitForStored, withApp,
} from './helpers.mjs';

const env = browserForFile();

const SENTENCE = 'President Xi Jinping and his Belarusian counterpart Alexander Lukashenko made the commitment';

test('a stored value that cannot be read is reported and kept aside, not overwritten', { timeout: TEST_TIMEOUT }, () =>
  withApp(env(), async (app) => {
    const { page, ui } = app;
    await tag(app, { block: 'President Xi Jinping', text: 'Xi Jinping' }, { key: '1' });
    const { docKey } = await waitForStored(page, (d) => d.annotations.length === 1);
    await page.evaluate((k) => localStorage.setItem(k, '{"format": "article-annotator", broken'), docKey);
    await reload(app);
    const msg = await waitForMessage(app, 'alert', 'could not be read');
    assert.match(msg, /kept aside/);
    assert.doesNotMatch(msg, /article-annotator:/, 'no internal key names in the message');
    assert.equal(await page.evaluate((k) => localStorage.getItem(`${k}:corrupt`), docKey), '{"format": "article-annotator", broken');
    // Nothing readable was left (no earlier copy existed), so the article opens afresh; new work
    // is saved again while the unreadable value stays where it was put aside.
    assert.equal(await ui.entries.count(), 0);
    await tag(app, { block: 'President Xi Jinping', text: 'Alexander Lukashenko' }, { key: '1' });
    await waitForStored(page, (d) => d.annotations.length === 1 && d.annotations[0].quote === 'Alexander Lukashenko');
    assert.equal(await page.evaluate((k) => localStorage.getItem(`${k}:corrupt`), docKey), '{"format": "article-annotator", broken');
  }));

test('a full storage is reported, the work stays in the tab and can still be exported', { timeout: TEST_TIMEOUT }, () =>
  withApp(env(), async (app) => {
    const { page, ui } = app;
    await page.addInitScript((prefix) => {
      const real = Storage.prototype.setItem;
      Storage.prototype.setItem = function (k, v) {
        if (k.startsWith(`${prefix}doc:`)) throw new DOMException('full', 'QuotaExceededError');
        return real.call(this, k, v);
      };
    }, STORAGE_PREFIX);
    await reload(app);
    await tag(app, { block: 'President Xi Jinping', text: 'Xi Jinping' }, { key: '1' });
    const msg = await waitForMessage(app, 'alert', 'full');
    assert.match(msg, /export/i);
    await ui.entry('Person: Xi Jinping').waitFor({ state: 'visible' });
    const { json } = await exportJson(app);
    assert.equal(json.annotations.length, 1);
    assert.equal(json.annotations[0].quote, 'Xi Jinping');
  }));

test('a file for another article opens that article and keeps the first one stored', { timeout: TEST_TIMEOUT }, () =>
  withApp(env(), async (app) => {
    const { page, ui } = app;
    await tag(app, { block: 'President Xi Jinping', text: 'Xi Jinping' }, { key: '1' });
    const first = await waitForStored(page, (d) => d.annotations.length === 1);
    const text = 'Second article 🌍\nMayor Ana Díaz opened the 北京 bridge.';
    const file = {
      format: 'article-annotator', version: 1,
      document: { id: 'doc-second', title: 'Second article', text, offset_unit: 'codepoint' },
      annotations: [{ id: 'x1', kind: 'entity', label: 'PERSON', start: 24, end: 32, quote: 'Ana Díaz' }],
    };
    await importFile(app, 'second.annotations.json', JSON.stringify(file));
    await waitForMessage(app, 'status', '1 annotation imported');
    assert.equal((await ui.headline.textContent()).trim(), 'Second article 🌍');
    await ui.entry('Person: Ana Díaz').waitFor({ state: 'visible' });
    const now = await waitForStored(page, (d) => d.document.id === 'doc-second');
    assert.equal(now.current, 'doc-second');
    const index = JSON.parse(now.index);
    assert.deepEqual(index.documents.map((d) => d.id).sort(), [first.current, 'doc-second'].sort());
    assert.equal(await page.evaluate((k) => localStorage.getItem(k), first.docKey), first.doc);
    await reload(app);
    await ui.entry('Person: Ana Díaz').waitFor({ state: 'visible' });
  }));

test('clicks cycle through overlapping highlights; the sidebar selects and marks', { timeout: TEST_TIMEOUT }, () =>
  withApp(env(), async (app) => {
    const { page, ui } = app;
    await tag(app, { block: 'President Xi Jinping', text: 'Xi Jinping' }, { key: '1' });
    await tag(app, { block: 'President Xi Jinping', text: SENTENCE }, { key: '8' });
    const person = ui.entry('Person: Xi Jinping');
    const claim = ui.entry(new RegExp('^Claim: President Xi Jinping'));
    await page.keyboard.press('Escape');
    const xi = ui.marks.filter({ hasText: /^Xi Jinping$/ }).first();
    await xi.click();
    assert.ok(await isCurrent(person), 'first click selects the innermost (Person)');
    await xi.click();
    assert.ok(await isCurrent(claim), 'second click selects the Claim around it');
    await xi.click();
    assert.ok(await isCurrent(person), 'third click cycles back');
    await ui.entry(new RegExp('^Claim: President')).click();
    assert.ok(await isCurrent(claim));
    assert.equal(await ui.marks.filter({ hasText: 'his Belarusian counterpart' }).first().evaluate((m) => m.classList.contains('sel')), true);
    const label = await xi.getAttribute('data-labels');
    assert.equal(label, 'Person · Claim');
    // Hovering shows the labels above the highlight.
    await xi.hover();
    await page.getByText('Person · Claim', { exact: true }).waitFor({ state: 'visible' });
    // While the page scrolls under a resting pointer, a highlight passing beneath it shows no
    // label (one a frame, each asking for layout); once the page is still, one does.
    const whileScrolling = await xi.evaluate(async (m) => {
      const label = document.querySelector('.hover-label');
      const scrolled = new Promise((r) => addEventListener('scroll', r, { once: true }));
      scrollTo(0, scrollY > 0 ? scrollY - 1 : scrollY + 1);
      await scrolled;
      m.dispatchEvent(new MouseEvent('mouseover', { bubbles: true }));
      return label.hidden;
    });
    assert.equal(whileScrolling, true, 'no label for a highlight met while the page scrolls');
    await page.waitForTimeout(300);
    await xi.evaluate((m) => m.dispatchEvent(new MouseEvent('mouseover', { bubbles: true })));
    assert.equal(await page.locator('.hover-label').evaluate((l) => l.hidden), false, 'a label once the page is still');
    assert.equal(await page.locator('.hover-label').textContent(), 'Person · Claim');
  }));

test('another tab tagging the same article: both tabs end with both edits, and so does storage', { timeout: TEST_TIMEOUT }, () =>
  withApp(env(), async (app) => {
    const { page, context } = app;
    const other = await context.newPage();
    await other.goto(app.base);
    await other.getByRole('heading', { level: 1 }).waitFor();
    await tag(app, { block: 'President Xi Jinping', text: 'Xi Jinping' }, { key: '1' });
    await waitForStored(page, (d) => d.annotations.length === 1);
    // The other tab shows this tab's edit without a reload.
    await other.getByRole('button', { name: 'Person: Xi Jinping' }).waitFor();
    await tag({ page: other, ui: ui(other) }, { block: 'President Xi Jinping', text: 'Alexander Lukashenko' }, { key: '1' });
    await page.getByRole('button', { name: 'Person: Alexander Lukashenko' }).waitFor();
    await other.getByRole('button', { name: 'Person: Xi Jinping' }).waitFor();
    const stored = await waitForStored(page, (d) => d.annotations.length === 2, 'both edits stored');
    assert.deepEqual(stored.parsed.annotations.map((a) => a.quote).sort(), ['Alexander Lukashenko', 'Xi Jinping']);
    assert.equal(await page.getByRole('alert').count(), 0, 'no warning: nothing was lost');
    await other.close();
  }));
