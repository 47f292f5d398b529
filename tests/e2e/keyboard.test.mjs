// The keyboard, screen readers and touch: tagging without a mouse, every step said in the
// status region, the article's text never changing, and the tag menu on a touch screen.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  browserForFile, dragOver, open, readStore, textPoints, TEST_TIMEOUT, tag, ui as uiOf, violations, waitForStored, waitUntil, wholeText, withApp,
} from './helpers.mjs';

const env = browserForFile();

/** What the status region says now (its visible messages and what was said last). */
const said = (page) => page.evaluate(() => document.querySelector('[role=status]').textContent.trim());
const selected = (page) => page.evaluate(() => String(getSelection()));
const focusIsIn = (page, sel) => page.evaluate((s) => !!document.activeElement?.closest(s), sel);

/** Waits until the status region says `text` (a string it ends with, or a pattern). */
async function says(page, text) {
  const want = typeof text === 'string' ? (s) => s.endsWith(text) : (s) => text.test(s);
  for (let i = 0; i < 50; i++) {
    const s = await said(page);
    if (want(s)) return s;
    await page.waitForTimeout(100);
  }
  assert.fail(`the status region says ${JSON.stringify(await said(page))}, not ${text}`);
}

/** What axe-core finds against WCAG 2.1 A and AA. */
const wcag = (page) => violations(page, null, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });

/** Finds `text` with the find box (`/`, type, Enter): the match ends up selected in the article. */
async function find(page, text) {
  await page.keyboard.press('/');
  const box = page.getByRole('searchbox', { name: 'Find in the article' });
  await box.waitFor();
  await box.fill(text);
  await box.press('Enter');
  await says(page, `Found ‘${text.length > 40 ? text.slice(0, 40) : text}’`);
  assert.equal(await selected(page), text);
}

test('keyboard only: reach the article, tag by selection, by find and at the caret, move between annotations, grow, retag, delete, undo, export', { timeout: TEST_TIMEOUT }, () =>
  withApp(env(), async (app) => {
    const { page, ui } = app;
    const before = await wholeText(page, ui);
    // Tab reaches the article after the toolbar.
    for (let i = 0; i < 30 && !(await focusIsIn(page, 'article')); i++) await page.keyboard.press('Tab');
    assert.ok(await focusIsIn(page, 'article'), 'Tab reaches the article');

    // A name selected by words from the caret.
    await find(page, 'Alexander');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('Shift+Control+ArrowRight');
    await page.keyboard.press('Shift+Control+ArrowRight');
    assert.match(await selected(page), /^Alexander Lukashenko\s*$/);
    await page.keyboard.press('1');
    await says(page, 'Tagged ‘Alexander Lukashenko’ as Person');
    await ui.entry('Person: Alexander Lukashenko').waitFor();

    // A claim: a sentence selected with Alt+Shift+↓, tagged from the menu Enter opens.
    await find(page, 'China and Belarus are true friends');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('Alt+Shift+ArrowDown');
    assert.match(await selected(page), /^China and Belarus are true friends and good partners, .* trust\.\s*$/);
    await page.keyboard.press('Enter');
    await ui.menu.waitFor({ state: 'visible' });
    // The menu takes focus (the WAI-ARIA menu pattern): arrows move between its items.
    await page.waitForFunction(() => document.activeElement?.textContent.startsWith('Person'));
    await page.keyboard.press('ArrowDown');
    assert.match(await page.evaluate(() => document.activeElement.textContent), /^Organization/);
    await page.keyboard.press('End');
    assert.match(await page.evaluate(() => document.activeElement.textContent), /^Claim/);
    await page.keyboard.press('8');
    await says(page, /^Tagged ‘China and Belarus are true friends and…’ as Claim/);

    // A word at the caret (no selection): the caret into "Xi" of "President Xi Jinping".
    await find(page, 'President Xi');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('3');
    await says(page, 'Tagged ‘Xi’ as Location');
    await page.waitForFunction(() => document.activeElement?.closest('article') && getSelection().isCollapsed);

    // N and P go from annotation to annotation, in document order, selecting each.
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+Home');
    await page.keyboard.press('n');
    await says(page, 'Location ‘Xi’, 1 of 3');
    await page.keyboard.press('n');
    await says(page, 'Person ‘Alexander Lukashenko’, 2 of 3');
    await page.waitForFunction(() => String(getSelection()) === 'Alexander Lukashenko');
    await page.keyboard.press('n');
    await page.keyboard.press('p');
    await says(page, 'Person ‘Alexander Lukashenko’, 2 of 3');

    // Its start a word earlier, its end a word later and back; retag; delete; undo.
    await page.keyboard.press('Alt+BracketLeft');
    await says(page, 'Resized Person ‘counterpart Alexander Lukashenko’');
    await page.keyboard.press('Shift+BracketRight');
    await says(page, 'Resized Person ‘counterpart Alexander Lukashenko made’');
    await page.keyboard.press('Shift+BracketLeft');
    await says(page, 'Resized Person ‘counterpart Alexander Lukashenko’');
    await page.keyboard.press('2');
    await says(page, 'Retagged ‘counterpart Alexander Lukashenko’ as Organization');
    await page.keyboard.press('Delete');
    await says(page, 'Deleted Organization ‘counterpart Alexander Lukashenko’');
    assert.ok(await focusIsIn(page, 'article'), 'focus stays in the article');
    await page.keyboard.press('Control+z');
    await says(page, 'Undone: delete Organization');
    const { parsed } = await waitForStored(page, (d) => d.annotations.length === 3 && d.annotations.some((a) => a.label === 'ORG'), 'three stored, one retagged');
    const org = parsed.annotations.find((a) => a.label === 'ORG');
    assert.equal(org.quote, 'counterpart Alexander Lukashenko');
    assert.equal([...parsed.document.text].slice(org.start, org.end).join(''), org.quote, 'code points');

    // S goes to the sidebar entry; Enter there comes back with the highlight selected; Esc
    // from anywhere returns to the article.
    await page.keyboard.press('s');
    assert.ok(await focusIsIn(page, 'aside'), 'S: focus on the sidebar entry');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.activeElement?.closest('article') && String(getSelection()) === 'counterpart Alexander Lukashenko');
    await page.getByRole('button', { name: 'Open article' }).focus();
    await page.keyboard.press('Escape');
    assert.ok(await focusIsIn(page, 'article'), 'Esc: back in the article');

    // Single keys act only in the article or the menu: 6 on a toolbar button retags nothing.
    await page.getByRole('button', { name: 'Open article' }).focus();
    await page.keyboard.press('6');
    await page.waitForTimeout(300);
    assert.equal((await readStore(page)).parsed.annotations.find((a) => a.id === org.id).label, 'ORG');

    // The keyboard help lists the keys and holds the setting that turns single keys off.
    await page.keyboard.press('Escape');
    await page.keyboard.press('?');
    const help = page.getByRole('dialog', { name: 'Keyboard' });
    await help.waitFor();
    assert.deepEqual(await wcag(page), [], 'the keyboard help');
    await help.getByRole('checkbox', { name: /Single-key shortcuts/ }).uncheck();
    await page.keyboard.press('Escape');
    assert.ok(await focusIsIn(page, 'article'), 'focus back in the article after the help');
    await page.keyboard.press('n');
    await page.waitForTimeout(300);
    assert.doesNotMatch(await said(page), /of 3$/, 'N does nothing with single keys off');
    await page.keyboard.press('?');
    await page.waitForTimeout(200);
    assert.equal(await help.count(), 0);

    // Export from the keyboard.
    await page.getByRole('button', { name: 'Export', exact: true }).focus();
    await page.keyboard.press('Enter');
    const download = page.waitForEvent('download');
    await page.getByRole('menuitem', { name: /^Export JSON/ }).focus();
    await page.keyboard.press('Enter');
    assert.match((await download).suggestedFilename(), /\.annotations\.json$/);

    assert.equal(await ui.article.textContent(), before, 'the text never changed');
  }));

test('the article refuses typing, paste, drop and composition; its text and offsets stay exact', { timeout: TEST_TIMEOUT }, () =>
  withApp(env(), async (app) => {
    const { page, ui, context } = app;
    const before = await wholeText(page, ui);
    // (Counted, so that the test knows each kind of input reached the article.)
    await page.evaluate(() => {
      window.__inputs = {};
      for (const t of ['beforeinput', 'paste', 'drop', 'compositionend']) {
        document.addEventListener(t, (e) => { window.__inputs[t === 'beforeinput' ? e.inputType : t] = true; }, true);
      }
    });
    await ui.article.focus();
    await find(page, 'Zhongnanhai');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.type('typed ✍️ text');
    for (const k of ['Enter', 'Backspace', 'Delete', 'Tab']) {
      await ui.article.focus();
      await page.keyboard.press(k);
    }
    await ui.article.focus();
    await page.keyboard.insertText('inserted');
    // A real paste (it opens the "Open article" dialog with the text, as anywhere on the page).
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.evaluate(() => navigator.clipboard.writeText('pasted words'));
    await page.keyboard.press('Control+v');
    await page.getByRole('dialog', { name: 'Open article' }).waitFor();
    await page.keyboard.press('Escape');
    // A drop of text and an input method's composition, sent as the browser's own input.
    const cdp = await context.newCDPSession(page);
    const { center } = await textPoints(page, { block: 'President', text: 'Beijing' });
    const data = { items: [{ mimeType: 'text/plain', data: 'dropped' }], dragOperationsMask: 1 };
    for (const type of ['dragEnter', 'dragOver', 'drop']) {
      await cdp.send('Input.dispatchDragEvent', { type, x: center.x, y: center.y, data });
    }
    await find(page, 'Zhongnanhai');
    await page.keyboard.press('ArrowLeft');
    await cdp.send('Input.imeSetComposition', { text: 'にほん', selectionStart: 3, selectionEnd: 3 });
    await cdp.send('Input.insertText', { text: '日本' });
    await page.waitForTimeout(300);
    const seen = await page.evaluate(() => window.__inputs);
    for (const kind of ['insertText', 'deleteContentBackward', 'paste', 'drop', 'insertFromDrop', 'insertCompositionText', 'compositionend']) {
      assert.ok(seen[kind], `${kind} reached the article (${Object.keys(seen)})`);
    }
    assert.equal(await ui.article.textContent(), before, 'the article text is unchanged');
    // Offsets still hold: tag a word after the edits and check its stored code points.
    await tag(app, { block: 'President', text: 'Beijing' }, { key: '3' });
    const { parsed } = await waitForStored(page, (d) => d.annotations.length === 1, 'one stored');
    const a = parsed.annotations[0];
    assert.equal(a.quote, 'Beijing');
    assert.equal([...parsed.document.text].slice(a.start, a.end).join(''), 'Beijing');
  }));

test('mouse selections: the snapped span is shown, punctuation alone is refused, the same span is kept once, the menu sits below the selection, follows it and scrolls with the page', { timeout: TEST_TIMEOUT }, () =>
  withApp(env(), async (app) => {
    const { page, ui } = app;
    await dragOver(page, { block: 'President', text: 'Zhongnanhai', from: 2, to: 7 });
    await ui.menu.waitFor({ state: 'visible' });
    await page.waitForFunction(() => String(getSelection()) === 'Zhongnanhai');
    // Below the selection, and on the page: scrolling moves it with the text.
    const place = () => page.evaluate(() => {
      const r = getSelection().getRangeAt(0).getBoundingClientRect();
      const m = document.querySelector('[role=menu][aria-label="Tag selection"]').getBoundingClientRect();
      return { gap: m.top - r.bottom, overlap: m.top < r.bottom && m.bottom > r.top };
    });
    const first = await place();
    assert.ok(first.gap >= 0 && !first.overlap, `menu below the selection: ${JSON.stringify(first)}`);
    await page.mouse.wheel(0, 120);
    await page.waitForTimeout(300);
    assert.deepEqual(await place(), first, 'the menu scrolled with the text');
    // The keyboard extends the selection: the menu follows and tags the new span.
    await page.keyboard.press('Shift+ArrowRight');
    await page.keyboard.press('Shift+ArrowRight');
    await page.keyboard.press('Shift+ArrowRight');
    await page.waitForFunction(() => document.querySelector('.tag-quote').textContent === 'Zhongnanhai leadership');
    await page.keyboard.press('3');
    await says(page, 'Tagged ‘Zhongnanhai leadership’ as Location');

    // A lone comma opens no menu.
    await dragOver(page, { block: 'China and Belarus vowed', text: ',' });
    await page.waitForTimeout(400);
    assert.equal(await ui.menu.isVisible(), false, 'no menu for a comma');

    // The same span and label twice: said, and kept once.
    await tag(app, { block: 'Lukashenko commended', text: 'Lukashenko' }, { key: '1' });
    await tag(app, { block: 'Lukashenko commended', text: 'Lukashenko' }, { key: '1' });
    await ui.status('‘Lukashenko’ is already tagged as Person.').waitFor();
    assert.equal(await ui.entries.filter({ hasText: /^Person: Lukashenko$/ }).count(), 1);

    // Deleting from the panel keeps focus in the page's flow (the article), not on the body.
    await ui.entry('Person: Lukashenko').click();
    await page.getByRole('button', { name: 'Delete annotation' }).click();
    await page.waitForFunction(() => document.activeElement?.closest('article'));
  }));

test('screen readers: each highlight points to its sidebar entry and carries its label outside the text; every action is said', { timeout: TEST_TIMEOUT }, () =>
  withApp(env(), async (app) => {
    const { page, ui } = app;
    await tag(app, { block: 'President', text: 'Xi Jinping' }, { key: '1' });
    await says(page, 'Tagged ‘Xi Jinping’ as Person');
    const mark = ui.article.locator('mark').first();
    // (Linked a task after the highlight and its entry are drawn.)
    const details = await waitUntil(() => mark.getAttribute('aria-details'), { message: 'aria-details on the highlight' });
    const entry = page.locator(`[id="${details}"]`);
    assert.equal(await entry.getAttribute('role'), 'comment');
    assert.match(await entry.textContent(), /^Person: Xi Jinping/);
    // The label is read after the text, drawn by CSS (the text nodes are the article's own).
    // (As the alternative text of empty content: no box is laid out or painted for it.)
    const label = await mark.evaluate((m) => getComputedStyle(m, '::after').content);
    assert.match(label, /^"" \/ .*Person/);
    assert.equal(await mark.textContent(), 'Xi Jinping');
    const snap = await ui.article.ariaSnapshot();
    assert.match(snap, /Xi Jinping \(Person\)/, snap.slice(0, 400));
    assert.deepEqual(await wcag(page), [], 'the page with a highlight and its entry');
    // The accessibility tree links the highlight to its entry.
    const cdp = await app.context.newCDPSession(page);
    const { nodes } = await cdp.send('Accessibility.getFullAXTree');
    const node = nodes.find((n) => n.role?.value === 'mark' && n.name?.value !== undefined && (n.properties || []).some((p) => p.name === 'details'));
    assert.ok(node, 'a mark with a details relation in the accessibility tree');
    // Enter with the caret on a highlight selects it, then the claim around it.
    await tag(app, { block: 'President', text: 'President Xi Jinping and his' }, { key: '8' });
    await ui.article.focus();
    await find(page, 'Jinping');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('Escape');
    await page.keyboard.press('Enter');
    await says(page, 'Selected Person ‘Xi Jinping’');
    await page.keyboard.press('Enter');
    await says(page, 'Selected Claim ‘President Xi Jinping and his’');
    await page.keyboard.press('Escape');
    // The switch turns the spoken labels off.
    await page.keyboard.press('?');
    await page.getByRole('dialog', { name: 'Keyboard' }).getByRole('checkbox', { name: /read each highlight/ }).uncheck();
    await page.keyboard.press('Escape');
    assert.equal(await mark.evaluate((m) => getComputedStyle(m, '::after').content), 'none');
    // Undo and redo are said.
    await page.keyboard.press('Control+z');
    await says(page, 'Undone: tag Claim');
    await page.keyboard.press('Control+Shift+z');
    await says(page, 'Redone: tag Claim');
  }));

test('touch: a selection made without a mouse-up opens the menu below it, and a tap tags it', { timeout: TEST_TIMEOUT }, async () => {
  const context = await env().browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true, locale: 'en-US' });
  try {
    const page = await context.newPage();
    const app = { page, context, base: env().base, ui: uiOf(page), problems: [] };
    await open(app);
    const { center } = await textPoints(page, { block: 'President', text: 'Beijing' });
    await page.touchscreen.tap(center.x, center.y);
    // A long press selects a word: here the selection is made as the system would, with no
    // mouse event.
    await page.evaluate(() => {
      const p = [...document.querySelectorAll('article p')].find((e) => e.textContent.startsWith('President'));
      const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const i = n.data.indexOf('Beijing');
        if (i >= 0) return getSelection().setBaseAndExtent(n, i, n, i + 7);
      }
    });
    await app.ui.menu.waitFor({ state: 'visible' });
    const below = await page.evaluate(() => {
      const r = getSelection().getRangeAt(0).getBoundingClientRect();
      return document.querySelector('.tag-menu').getBoundingClientRect().top >= r.bottom;
    });
    assert.ok(below, 'the menu opens below the selection');
    const item = await app.ui.menuItem('Location').boundingBox();
    assert.ok(item.height >= 44, `menu items are at least 44 px high (${item.height})`);
    await page.touchscreen.tap(item.x + item.width / 2, item.y + item.height / 2);
    const { parsed } = await waitForStored(page, (d) => d.annotations.length === 1, 'one stored');
    assert.equal(parsed.annotations[0].quote, 'Beijing');
  } finally {
    await context.close();
  }
});
