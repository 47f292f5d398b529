// Accessibility: axe-core, injected into the page, finds no violations on the article, the open
// dialog and the library.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { browserForFile, TEST_TIMEOUT, tag, violations, withApp } from './helpers.mjs';

const env = browserForFile();

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

test('axe-core finds no violations on the claim panel, the entity panel, the export menu and the labels dialog', { timeout: TEST_TIMEOUT }, () =>
  withApp(env(), async (app) => {
    const { page } = app;
    await tag(app, { block: 'Lukashenko commended', text: 'Lukashenko' }, { key: '1' });
    await page.getByRole('region', { name: 'Selected annotation' }).getByLabel('Link to…').selectOption({ label: 'New entity “Lukashenko”' });
    await page.getByRole('region', { name: 'Selected annotation' }).getByLabel('Wikidata id').waitFor();
    assert.deepEqual(await violations(page), [], 'the entity panel and the entity index');
    await tag(app, { block: 'Lukashenko commended', text: 'Belarus is willing to work with China' }, { key: '8' });
    await page.getByRole('button', { name: /^Accept speaker/ }).waitFor();
    assert.deepEqual(await violations(page), [], 'the claim panel with a suggestion, and the claims filters');
    await page.getByRole('button', { name: 'Export', exact: true }).click();
    await page.getByRole('menu', { name: 'Export' }).waitFor();
    assert.deepEqual(await violations(page), [], 'the export menu');
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Labels', exact: true }).click();
    await page.getByRole('dialog', { name: 'Labels and ratings' }).waitFor();
    assert.deepEqual(await violations(page), [], 'the labels dialog');
  }));
