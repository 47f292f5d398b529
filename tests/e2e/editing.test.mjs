// Selecting a highlight, retagging and deleting it by key, and undo / redo by keys and buttons.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  browserForFile,
  TEST_TIMEOUT, clickText, isCurrent, tag, waitForStored, waitUntil, withApp,
} from './helpers.mjs';

const XI = { block: 'President Xi Jinping', text: 'Xi Jinping' };

const env = browserForFile();

/** Waits until exactly the given annotation buttons (by accessible name) are in the sidebar. */
async function expectEntries(ui, present, absent = []) {
  for (const name of present) await ui.entry(name).waitFor({ state: 'visible' });
  for (const name of absent) await ui.entry(name).waitFor({ state: 'detached' });
}

test('click a highlight, retag with 2, delete, undo and redo by keys and buttons', { timeout: TEST_TIMEOUT }, () =>
  withApp(env(), async ({ page, ui }) => {
    await tag({ page, ui }, XI, { key: '1' });
    await expectEntries(ui, ['Person: Xi Jinping']);

    await clickText(page, XI);
    await waitUntil(() => isCurrent(ui.entry('Person: Xi Jinping')), {
      message: 'the clicked annotation to be current (aria-current="true") in the sidebar',
    });
    assert.equal(await ui.menu.count(), 0, 'a plain click on a highlight opens no tag menu');

    await page.keyboard.press('2');
    await expectEntries(ui, ['Organization: Xi Jinping'], ['Person: Xi Jinping']);
    assert.ok(await isCurrent(ui.entry('Organization: Xi Jinping')), 'still selected after retagging');

    await page.keyboard.press('Delete');
    await expectEntries(ui, [], ['Organization: Xi Jinping']);
    await ui.marks.filter({ hasText: 'Xi Jinping' }).first().waitFor({ state: 'detached' });

    await page.keyboard.press('Control+z');
    await expectEntries(ui, ['Organization: Xi Jinping']);
    await ui.marks.filter({ hasText: 'Xi Jinping' }).first().waitFor({ state: 'visible' });

    await page.keyboard.press('Control+Shift+z');
    await expectEntries(ui, [], ['Organization: Xi Jinping']);

    await ui.undo.click();
    await expectEntries(ui, ['Organization: Xi Jinping']);
    await ui.redo.click();
    await expectEntries(ui, [], ['Organization: Xi Jinping']);

    // Walk the whole history back: delete, retag, create.
    await ui.undo.click();
    await expectEntries(ui, ['Organization: Xi Jinping']);
    await ui.undo.click();
    await expectEntries(ui, ['Person: Xi Jinping'], ['Organization: Xi Jinping']);
    await ui.undo.click();
    await expectEntries(ui, [], ['Person: Xi Jinping']);
    await ui.marks.first().waitFor({ state: 'detached' });

    // Ctrl+Y redoes too.
    await page.keyboard.press('Control+y');
    await expectEntries(ui, ['Person: Xi Jinping']);
    await waitForStored(
      page,
      (d) => d.annotations.length === 1 && d.annotations[0].label === 'PERSON',
      'the redone annotation to be saved',
    );
  }),
);

test('Backspace deletes the selected annotation; "Delete annotation" in the panel does too', { timeout: TEST_TIMEOUT }, () =>
  withApp(env(), async ({ page, ui }) => {
    await tag({ page, ui }, XI, { key: '1' });
    await tag({ page, ui }, { block: 'The China-Belarus', text: 'Minsk' }, { key: '3' });
    await expectEntries(ui, ['Person: Xi Jinping', 'Location: Minsk']);

    await clickText(page, XI);
    await waitUntil(() => isCurrent(ui.entry('Person: Xi Jinping')), { message: 'Xi Jinping selected' });
    await page.keyboard.press('Backspace');
    await expectEntries(ui, ['Location: Minsk'], ['Person: Xi Jinping']);

    await ui.entry('Location: Minsk').click();
    await waitUntil(() => isCurrent(ui.entry('Location: Minsk')), { message: 'Minsk selected from the sidebar' });
    await page.getByRole('button', { name: 'Delete annotation', exact: true }).click();
    await expectEntries(ui, [], ['Location: Minsk']);
    await waitForStored(page, (d) => d.annotations.length === 0, 'no stored annotations');
  }),
);
