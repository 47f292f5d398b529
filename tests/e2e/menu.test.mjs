// The tag menu closes on Esc and on a click elsewhere, without tagging anything.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TEST_TIMEOUT, browserForFile, dragOver, readStore, sleep, textPoints, withApp } from './helpers.mjs';

const LUKASHENKO = { block: 'President Xi Jinping', text: 'Alexander Lukashenko' };

const env = browserForFile();

async function expectNothingTagged({ page, ui }) {
  await sleep(600); // longer than the save debounce
  assert.equal(await ui.entries.count(), 0, 'no annotation in the sidebar');
  assert.equal(await ui.marks.count(), 0, 'no highlight in the article');
  const { parsed } = await readStore(page);
  assert.equal(parsed?.annotations?.length ?? 0, 0, 'no stored annotation');
}

test('Esc closes the tag menu', { timeout: TEST_TIMEOUT }, () =>
  withApp(env(), async (app) => {
    const { page, ui } = app;
    await dragOver(page, LUKASHENKO);
    await ui.menu.waitFor({ state: 'visible' });
    await page.keyboard.press('Escape');
    await ui.menu.waitFor({ state: 'hidden' });
    await expectNothingTagged(app);
  }),
);

test('a click elsewhere closes the tag menu', { timeout: TEST_TIMEOUT }, () =>
  withApp(env(), async (app) => {
    const { page, ui } = app;
    await dragOver(page, LUKASHENKO);
    await ui.menu.waitFor({ state: 'visible' });
    await ui.sidebar.getByRole('heading', { name: 'Entities' }).click();
    await ui.menu.waitFor({ state: 'hidden' });
    await expectNothingTagged(app);

    // And the menu comes back for the next selection, and works.
    await dragOver(page, LUKASHENKO);
    await ui.menu.waitFor({ state: 'visible' });
    await page.keyboard.press('1');
    await ui.entry('Person: Alexander Lukashenko').waitFor({ state: 'visible' });
  }),
);

test('the tag menu opens below the selection, or above it near the bottom of the window', { timeout: TEST_TIMEOUT }, () =>
  withApp(env(), async ({ page, ui }) => {
    const inWindow = async () => {
      const box = await ui.menu.boundingBox();
      const height = await page.evaluate(() => innerHeight);
      assert.ok(box.y >= 0 && box.y + box.height <= height, `menu at ${box.y}–${box.y + box.height} in ${height}`);
      return box;
    };
    // Plenty of room below: the menu's top is under the line the drag ended on.
    let { end } = await textPoints(page, LUKASHENKO);
    await dragOver(page, LUKASHENKO);
    await ui.menu.waitFor({ state: 'visible' });
    assert.ok((await inWindow()).y > end.y, 'below the selection');
    await page.keyboard.press('Escape');
    await ui.menu.waitFor({ state: 'hidden' });

    // Words scrolled to 40 px above the bottom edge: the menu opens above them.
    const pts = await textPoints(page, { block: 'With a total area', text: 'industrial park' });
    const dy = await page.evaluate((y) => {
      const before = scrollY;
      scrollBy(0, y - (innerHeight - 40));
      return scrollY - before;
    }, pts.end.y);
    await sleep(100);
    const [from, to] = [pts.start, pts.end].map((p) => ({ x: p.x, y: p.y - dy }));
    end = to;
    assert.ok(end.y > (await page.evaluate(() => innerHeight)) - 60, `near the bottom edge (${end.y})`);
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    await page.mouse.move(to.x, to.y, { steps: 8 });
    await page.mouse.up();
    await ui.menu.waitFor({ state: 'visible' });
    const box = await inWindow();
    assert.ok(box.y + box.height < end.y, `above the selection: menu ${JSON.stringify(box)}, line at ${end.y}`);
  }),
);
