// How the page looks beyond a desktop window in light colours: dark colours (axe-core clean,
// muted text readable), the keyboard focus ring, paper (print), a phone's width, and touch.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import {
  browserForFile, dragOver, importFile, TEST_TIMEOUT, tag, waitForHeadline, waitForMessage, withApp,
} from './helpers.mjs';

const AXE = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const env = browserForFile();
const PHONE = { viewport: { width: 390, height: 844 } };
const BLOCK = 'Lukashenko commended';

/** The violations axe-core finds in the page as it is now, in a form that reads in a failure. */
async function violations(page) {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: AXE });
  return page.evaluate(async () => {
    const r = await window.axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map(
      (v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => `${n.target.join(' ')} ${n.any[0]?.message ?? ''}`).join(', ')}`,
    );
  });
}

/** A person, a place, a quantity and a claim in one paragraph. */
async function tagFour(app) {
  await tag(app, { block: BLOCK, text: 'Lukashenko' }, { key: '1' });
  await tag(app, { block: BLOCK, text: 'China’s' }, { key: '3' });
  await tag(app, { block: BLOCK, text: 'multilateralism' }, { key: '6' });
  await tag(app, { block: BLOCK, text: 'Belarus is willing to work with China' }, { key: '8' });
}

/**
 * In the page: colour functions (parse a computed colour, the opaque colour behind an element,
 * WCAG contrast), installed once as `window.look`.
 */
async function installLook(page) {
  await page.evaluate(() => {
    if (window.look) return;
    const parse = (c) => {
      let m = c.match(/^rgba?\(([^)]*)\)$/);
      if (m) {
        const p = m[1].split(/[\s,/]+/).filter(Boolean).map(Number);
        return [p[0], p[1], p[2], p[3] ?? 1];
      }
      m = c.match(/^color\(srgb ([^)]*)\)$/);
      if (m) {
        const p = m[1].split(/[\s/]+/).filter(Boolean).map(Number);
        return [p[0] * 255, p[1] * 255, p[2] * 255, p[3] ?? 1];
      }
      throw new Error(`unreadable colour ${c}`);
    };
    const over = ([r, g, b, a], [R, G, B]) => [r * a + R * (1 - a), g * a + G * (1 - a), b * a + B * (1 - a), 1];
    /** The opaque colour that `el`'s own background and its ancestors' make together. */
    const backdrop = (el) => {
      const layers = [];
      for (let e = el; e; e = e.parentElement) {
        const c = parse(getComputedStyle(e).backgroundColor);
        if (c[3] > 0) layers.push(c);
        if (c[3] >= 1) break;
      }
      let base = [255, 255, 255, 1];
      for (const c of layers.reverse()) base = over(c, base);
      return base;
    };
    const lum = ([r, g, b]) => {
      const f = (v) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
      return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
    };
    const ratio = (a, b) => {
      const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p);
      return (x + 0.05) / (y + 0.05);
    };
    /** Contrast of `el`'s text against what is behind it. */
    const text = (el) => {
      const bg = backdrop(el);
      return ratio(over(parse(getComputedStyle(el).color), bg), bg);
    };
    /** A computed colour as "r,g,b" (rgb() and color(srgb) alike), for comparing. */
    const key = (c) => window.look.parse(c).slice(0, 3).map(Math.round).join(',');
    window.look = { parse, backdrop, ratio, text, over, key };
  });
}

/** The focused element's ring: style, width and contrast against the page around it. */
async function focusRing(page) {
  await installLook(page);
  return page.evaluate(() => {
    const el = document.activeElement;
    const cs = getComputedStyle(el);
    // The ring is drawn outside the element, over its parent's background.
    const bg = window.look.backdrop(el.parentElement);
    const ring = window.look.over(window.look.parse(cs.outlineColor), bg);
    return {
      name: el.getAttribute('aria-label') || el.textContent.trim().slice(0, 30) || el.tagName,
      visible: el.matches(':focus-visible'),
      style: cs.outlineStyle,
      width: parseFloat(cs.outlineWidth),
      contrast: window.look.ratio(ring, bg),
    };
  });
}

/** Presses Tab until `pred(activeElement)` holds (at most 40 times); true when it did. */
async function tabTo(page, pred) {
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate(pred)) return true;
  }
  return false;
}

test('in dark colours axe-core finds no violations on highlights, a selected quantity and the open tag menu; zero counts read at 4.5:1', { timeout: TEST_TIMEOUT }, () =>
  withApp(
    env(),
    async (app) => {
      const { page } = app;
      assert.equal(await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches), true);
      await tagFour(app);
      // The page itself is dark (not only the browser's form controls).
      await installLook(page);
      const [paper] = await app.ui.article.evaluate((el) => window.look.backdrop(el));
      assert.ok(paper < 60, `the article's paper is dark (red channel ${paper})`);
      // A selected quantity presses its label's chip in the panel (blue under the text).
      await app.ui.entry('Quantity: multilateralism').click();
      await page.getByRole('group', { name: 'Retag' }).getByRole('button', { name: 'Quantity', pressed: true }).waitFor();
      assert.deepEqual(await violations(page), [], 'the article with highlights and a selected quantity');
      await dragOver(page, { block: BLOCK, text: 'international affairs' });
      await app.ui.menu.waitFor({ state: 'visible' });
      assert.deepEqual(await violations(page), [], 'the open tag menu');
      await page.keyboard.press('Escape');
      for (const colorScheme of ['dark', 'light']) {
        await page.emulateMedia({ colorScheme });
        const zero = page.getByRole('list', { name: 'Counts' }).getByRole('listitem').filter({ hasText: 'Date' });
        assert.match(await zero.textContent(), /0$/, 'Date has no annotations');
        const c = await zero.evaluate((el) => window.look.text(el.querySelector('span:not([aria-hidden])')));
        assert.ok(c >= 4.5, `a zero count's label reads at ${c.toFixed(2)}:1 in ${colorScheme} colours`);
      }
    },
    { colorScheme: 'dark' },
  ));

test('the keyboard focus ring is a solid line at 3:1 or more against the page, in light and dark colours', { timeout: TEST_TIMEOUT }, () =>
  withApp(env(), async (app) => {
    const { page } = app;
    await tag(app, { block: BLOCK, text: 'Lukashenko' }, { key: '1' });
    await page.keyboard.press('Escape');
    const targets = [
      ['a toolbar button', () => document.activeElement?.closest('[role=toolbar]') && document.activeElement.tagName === 'BUTTON'],
      ['a checkbox', () => document.activeElement?.type === 'checkbox'],
      ['an entry in the sidebar', () => /^Person: /.test(document.activeElement?.getAttribute('aria-label') || document.activeElement?.textContent || '')],
    ];
    for (const colorScheme of ['light', 'dark']) {
      await page.emulateMedia({ colorScheme });
      await page.evaluate(() => document.activeElement?.blur());
      for (const [what, pred] of targets) {
        assert.ok(await tabTo(page, pred), `Tab reaches ${what}`);
        const ring = await focusRing(page);
        assert.equal(ring.visible, true, `${what} (${ring.name}) shows focus`);
        assert.equal(ring.style, 'solid', `${what}: a solid outline`);
        assert.ok(ring.width >= 2, `${what}: outline ${ring.width}px wide`);
        assert.ok(ring.contrast >= 3, `${what} (${ring.name}) in ${colorScheme}: ring at ${ring.contrast.toFixed(2)}:1`);
      }
    }
  }));

test('on paper: no toolbar or panels, the counts as a legend, black text, and each highlight a line in its label colour', { timeout: TEST_TIMEOUT }, () =>
  withApp(env(), async (app) => {
    const { page } = app;
    await tagFour(app);
    // An entity inside another (an event around the person and the place).
    await tag(app, { block: BLOCK, text: 'Lukashenko commended China’s' }, { key: '5' });
    await page.keyboard.press('Escape');
    for (const colorScheme of ['light', 'dark']) {
      await page.emulateMedia({ media: 'print', colorScheme });
      assert.equal(await page.getByRole('toolbar', { name: 'Document' }).isVisible(), false, 'the toolbar is not printed');
      assert.equal(await page.getByRole('region', { name: 'Selected annotation' }).isVisible(), false, 'the panel is not printed');
      assert.equal(await app.ui.sidebar.getByRole('heading', { name: 'Entities' }).isVisible(), false, 'the lists are not printed');
      assert.equal(await page.getByRole('button').filter({ visible: true }).count(), 0, 'no button is printed');
      const legend = page.getByRole('list', { name: 'Counts' });
      assert.equal(await legend.isVisible(), true, 'the counts are printed as the legend');
      await installLook(page);
      // The legend: label name -> the colour of its line (borders print without backgrounds).
      const colours = await legend.evaluate((ul) =>
        Object.fromEntries(
          [...ul.querySelectorAll('li')].map((li) => {
            const sw = getComputedStyle(li.querySelector('[aria-hidden]'));
            const name = li.querySelector('span:not([aria-hidden])').textContent.trim();
            return [name, sw.borderBottomStyle === 'solid' && parseFloat(sw.borderBottomWidth) >= 2 ? window.look.key(sw.borderBottomColor) : 'none'];
          }),
        ),
      );
      assert.equal(Object.keys(colours).length, 8, 'eight labels in the legend');
      for (const [name, c] of Object.entries(colours)) assert.notEqual(c, 'none', `${name} has a line in the legend`);
      assert.equal(new Set(Object.values(colours)).size, 8, 'each label its own colour');
      const article = await app.ui.article.evaluate((el) => ({
        color: getComputedStyle(el).color,
        width: el.getBoundingClientRect().width,
        page: document.documentElement.clientWidth,
      }));
      assert.equal(article.color, 'rgb(0, 0, 0)', `black text in ${colorScheme}`);
      assert.ok(article.width >= article.page * 0.9, `the article takes the page's width (${article.width} of ${article.page})`);
      const marks = await app.ui.marks.evaluateAll((els) =>
        els.map((m) => {
          const cs = getComputedStyle(m);
          const lines = [];
          for (const side of ['Top', 'Bottom']) {
            if (cs[`border${side}Style`] === 'solid' && parseFloat(cs[`border${side}Width`]) >= 2) lines.push(window.look.key(cs[`border${side}Color`]));
          }
          if (cs.textDecorationLine.includes('underline')) lines.push(window.look.key(cs.textDecorationColor));
          return { text: m.textContent, labels: m.dataset.labels.split(' · '), lines };
        }),
      );
      assert.ok(marks.length >= 5, `highlights in the article (${marks.length})`);
      const shown = new Set();
      for (const m of marks) {
        assert.ok(m.lines.length > 0, `"${m.text}" has a line on paper`);
        const mine = m.labels.map((l) => colours[l]);
        for (const line of m.lines) {
          assert.ok(mine.includes(line), `"${m.text}": its line ${line} is the colour of one of its labels ${m.labels} (${mine})`);
        }
        m.labels.forEach((l) => m.lines.includes(colours[l]) && shown.add(l));
      }
      assert.deepEqual([...shown].sort(), ['Claim', 'Event', 'Location', 'Person', 'Quantity'], 'every tagged label shows');
      // The zero counts on paper stay readable.
      const zero = legend.getByRole('listitem').filter({ hasText: 'Date' });
      const c = await zero.evaluate((el) => window.look.text(el.querySelector('span:not([aria-hidden])')));
      assert.ok(c >= 4.5, `the legend reads at ${c.toFixed(2)}:1 on paper`);
    }
  }));

test('on paper, a highlight far below anything the reader has scrolled to is printed too', { timeout: TEST_TIMEOUT }, () =>
  withApp(env(), async (app) => {
    const { page } = app;
    const lines = Array.from({ length: 120 }, (_, i) => `Paragraph ${i + 1}: the council met again on a Tuesday to weigh the budget, the roads and the schools.`);
    const text = ['A long article', ...lines, 'At the end Margaret Thatcher spoke.'].join('\n');
    const start = text.indexOf('Margaret Thatcher'); // (ASCII: code points and UTF-16 units agree)
    const file = {
      format: 'article-annotator', version: 1,
      document: { id: 'doc-long-print', title: 'A long article', text, offset_unit: 'codepoint' },
      annotations: [{ id: 'far', kind: 'entity', label: 'PERSON', start, end: start + 17, quote: 'Margaret Thatcher' }],
    };
    // (No idle moment comes here, as on a page kept busy: the blocks far from the window stay
    // plain text until printed. Otherwise they are drawn in idle moments: first-screen.test.mjs.)
    await page.evaluate(() => {
      window.requestIdleCallback = () => 0;
    });
    await importFile(app, 'long.annotations.json', JSON.stringify(file));
    await waitForMessage(app, 'status', '1 annotation imported');
    await waitForHeadline(page, 'A long article');
    const far = app.ui.marks.filter({ hasText: 'Margaret Thatcher' });
    assert.equal(await far.count(), 0, 'far from the window, its paragraph is still plain text');
    // Printing (to PDF here) fires beforeprint: every paragraph is drawn with its highlights.
    await page.pdf();
    await far.waitFor({ state: 'attached' });
    assert.equal(await far.count(), 1, 'the far highlight is drawn for the printout');
  }));

test('on a phone (390 px): a short toolbar, the annotations one tap away in a sheet, axe-core clean', { timeout: TEST_TIMEOUT }, () =>
  withApp(
    env(),
    async (app) => {
      const { page } = app;
      const toolbar = page.getByRole('banner');
      const bar = await toolbar.boundingBox();
      assert.ok(bar.height <= 844 * 0.12, `the toolbar is ${bar.height}px of 844`);
      await tag(app, { block: BLOCK, text: 'Lukashenko' }, { key: '1' });
      await page.keyboard.press('Escape');
      await page.evaluate(() => window.scrollTo(0, 0));
      // Closed: the sidebar is out of the way; the button says it controls it, collapsed.
      assert.equal(await app.ui.sidebar.isVisible(), false, 'the sheet starts closed');
      const button = page.getByRole('toolbar', { name: 'Document' }).getByRole('button', { name: 'Annotations', exact: true });
      const b = await button.boundingBox();
      assert.ok(b && b.y >= 0 && b.y + b.height <= 844 && b.x + b.width <= 390, 'the Annotations button is on the first screen');
      assert.equal(await expanded(page, 'Annotations'), false, 'collapsed');
      await button.click();
      await app.ui.sidebar.waitFor({ state: 'visible' });
      assert.equal(await button.getAttribute('aria-controls'), await app.ui.sidebar.getAttribute('id'), 'the button controls the sidebar');
      assert.equal(await expanded(page, 'Annotations'), true, 'expanded');
      const entry = app.ui.entry('Person: Lukashenko');
      const e = await entry.boundingBox();
      const s = await app.ui.sidebar.boundingBox();
      assert.ok(s.y >= 0 && s.y + s.height <= 844 + 1, `the sheet lies within the window (${s.y}..${s.y + s.height})`);
      assert.ok(e && e.y >= 0 && e.y + e.height <= 844, `the entry is in view without scrolling (${e?.y})`);
      assert.equal(await page.evaluate(() => window.scrollY), 0, 'the page did not scroll');
      assert.deepEqual(await violations(page), [], 'the open sheet');
      await page.emulateMedia({ colorScheme: 'dark' });
      assert.deepEqual(await violations(page), [], 'the open sheet in dark colours');
      await page.emulateMedia({ colorScheme: 'light' });
      // An entry in the sheet selects its annotation.
      await entry.click();
      await page.getByRole('region', { name: 'Selected annotation' }).getByText('Paragraph').first().waitFor();
      // Esc closes the sheet (and leaves the selection alone).
      await page.keyboard.press('Escape');
      await app.ui.sidebar.waitFor({ state: 'hidden' });
      // The export menu opens below the toolbar, whole, although the tools scroll sideways.
      await page.getByRole('button', { name: 'Export', exact: true }).click();
      const menu = page.getByRole('menu', { name: 'Export' });
      await menu.waitFor();
      const m = await menu.boundingBox();
      assert.ok(m.x >= 0 && m.x + m.width <= 390 && m.y + m.height <= 844, 'the export menu is inside the window');
      const hit = await menu.evaluate((el) => {
        const r = el.getBoundingClientRect();
        return el.contains(document.elementFromPoint(r.left + r.width / 2, r.bottom - 8));
      });
      assert.ok(hit, 'the export menu is not clipped by the toolbar');
      assert.deepEqual(await violations(page), [], 'the export menu on a phone');
    },
    PHONE,
  ));

test('at 800 and 1280 px the sidebar stands beside the article, and no Annotations button shows', { timeout: TEST_TIMEOUT }, () =>
  withApp(env(), async (app) => {
    const { page } = app;
    for (const width of [800, 1280]) {
      await page.setViewportSize({ width, height: 900 });
      const a = await app.ui.article.boundingBox();
      const s = await app.ui.sidebar.boundingBox();
      assert.ok(s && s.x >= a.x + a.width, `at ${width}: the sidebar (x ${s?.x}) is right of the article (ends ${a.x + a.width})`);
      assert.ok(s.y < 900, `at ${width}: the sidebar starts on the first screen`);
      assert.equal(await page.getByRole('button', { name: 'Annotations', exact: true }).isVisible(), false);
    }
  }));

test('with touch, every button, menu item and checkbox label is at least 44 × 44 px', { timeout: TEST_TIMEOUT }, () =>
  withApp(
    env(),
    async (app) => {
      const { page } = app;
      assert.equal(await page.evaluate(() => matchMedia('(pointer: coarse)').matches), true);
      const small = () =>
        page.evaluate(() =>
          [...document.querySelectorAll('button, [role=menuitem], label:has(input[type=checkbox]), .button')]
            .filter((e) => e.getClientRects().length && getComputedStyle(e).visibility === 'visible')
            .map((e) => [e.getAttribute('aria-label') || e.textContent.trim().slice(0, 24), e.getBoundingClientRect()])
            .filter(([, r]) => r.width < 44 || r.height < 44)
            .map(([n, r]) => `${n} ${Math.round(r.width)}×${Math.round(r.height)}`),
        );
      assert.deepEqual(await small(), [], 'the toolbar and the page');
      await tag(app, { block: BLOCK, text: 'Lukashenko' }, { key: '1' });
      await dragOver(page, { block: BLOCK, text: 'China’s' });
      await app.ui.menu.waitFor({ state: 'visible' });
      assert.ok((await app.ui.menu.getByRole('menuitem').count()) >= 8);
      assert.deepEqual(await small(), [], 'the tag menu');
      await page.keyboard.press('Escape');
      await page.getByRole('button', { name: 'Annotations', exact: true }).click();
      await app.ui.sidebar.waitFor({ state: 'visible' });
      assert.deepEqual(await small(), [], 'the annotations sheet');
    },
    { ...PHONE, hasTouch: true, isMobile: true },
  ));

/** Whether the button named `name` is exposed as expanded (from the browser's accessibility tree). */
async function expanded(page, name) {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { nodes } = await cdp.send('Accessibility.getFullAXTree');
    const hits = nodes.filter((n) => n.role?.value === 'button' && n.name?.value === name && !n.ignored);
    assert.equal(hits.length, 1, `one button named ${name}`);
    return hits[0].properties?.find((p) => p.name === 'expanded')?.value.value ?? null;
  } finally {
    await cdp.detach();
  }
}
