// The tag menu closes on Esc and on a click elsewhere, without tagging anything.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TEST_TIMEOUT, browserForFile, dragOver, readStore, sleep, withApp } from './helpers.mjs';

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
