// Accessibility: axe-core, injected into the page, finds no violations on the article, the open
// dialog and the library.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { browserForFile, TEST_TIMEOUT, withApp } from './helpers.mjs';

const AXE = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const env = browserForFile();

/** The violations axe-core finds in the page as it is now, in a form that reads in a failure. */
async function violations(page) {
  await page.addScriptTag({ content: AXE });
  return page.evaluate(async () => {
    const r = await window.axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
  });
}

test('axe-core finds no violations on the article, the open dialog and the library', { timeout: TEST_TIMEOUT }, () =>
  withApp(env(), async (app) => {
    const { page } = app;
    assert.deepEqual(await violations(page), [], 'the article');
    await page.getByRole('button', { name: 'Open article' }).click();
    await page.getByRole('textbox', { name: 'Article text' }).fill('A title 😀\n\nA first paragraph with 北京 in it.');
    assert.deepEqual(await violations(page), [], 'the open dialog with a preview');
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Library' }).click();
    await page.getByRole('heading', { name: 'Library', level: 1 }).waitFor();
    assert.deepEqual(await violations(page), [], 'the library');
  }));
