// Work survives a reload: sidebar entries and highlights come back from localStorage, which
// holds the native JSON with code-point offsets.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  browserForFile,
  HEADLINE, INDEX_KEY, TEST_TIMEOUT, checkNativeFile, cpIndexOf, exportJson, findAnnotation, readStore, reload,
  tag, waitForStored, withApp,
} from './helpers.mjs';

const PARK = 'China-Belarus Industrial Park';
const CLAIM_START = 'Lukashenko commended China\u2019s role in international affairs';
const CLAIM = `${CLAIM_START}, noting that Beijing firmly upholds multilateralism and opposes unilateralism, sanctions, and coercion, setting an example for the world.`;

const env = browserForFile();

test('annotations survive a reload and are stored with code-point offsets', { timeout: TEST_TIMEOUT }, () =>
  withApp(env(), async (app) => {
    const { page, ui } = app;
    await tag(app, { block: 'President Xi Jinping', text: 'Xi Jinping' }, { key: '1' });
    await tag(app, { block: 'The China-Belarus', text: PARK }, { label: 'Location' });
    await tag(app, { block: 'Lukashenko commended', text: CLAIM }, { key: '8' });
    const names = ['Person: Xi Jinping', `Location: ${PARK}`];
    for (const n of names) await ui.entry(n).waitFor({ state: 'visible' });
    await ui.entry(new RegExp(`^Claim: ${CLAIM_START}`)).waitFor({ state: 'visible' });
    await waitForStored(page, (d) => d.annotations.length === 3, 'three stored annotations');

    await reload(app);
    assert.equal((await ui.headline.textContent()).trim(), HEADLINE);
    for (const n of names) await ui.entry(n).waitFor({ state: 'visible' });
    await ui.entry(new RegExp(`^Claim: ${CLAIM_START}`)).waitFor({ state: 'visible' });
    assert.equal(await ui.entries.count(), 3);
    for (const t of ['Xi Jinping', PARK, CLAIM_START]) {
      await ui.marks.filter({ hasText: t }).first().waitFor({ state: 'visible' });
    }

    const store = await readStore(page);
    assert.ok(store.index, `${INDEX_KEY} is set`);
    const index = JSON.parse(store.index);
    assert.equal(typeof index.current, 'string');
    assert.ok(
      index.documents.some((d) => d.id === index.current),
      'the index lists the open document',
    );
    const doc = store.parsed;
    checkNativeFile(doc);
    assert.equal(doc.document.id, index.current);
    assert.equal(doc.document.title, HEADLINE);
    assert.equal(doc.annotations.length, 3);
    const text = doc.document.text;
    const xi = findAnnotation(doc, 'Xi Jinping', 'PERSON');
    assert.equal(xi.start, cpIndexOf(text, 'President Xi Jinping') + 'President '.length);
    const park = findAnnotation(doc, PARK, 'LOC');
    assert.equal(park.start, cpIndexOf(text, PARK));
    const claim = findAnnotation(doc, CLAIM, 'CLAIM');
    assert.equal(claim.kind, 'claim');
    assert.equal(claim.start, cpIndexOf(text, CLAIM));
    // The stored copy leaves out prefix/suffix where they are just the text around the span;
    // when present they must be right, and an export carries them in full.
    for (const a of doc.annotations) {
      if (a.prefix === undefined && a.suffix === undefined) continue;
      assert.ok([...a.prefix].length <= 32 && [...a.suffix].length <= 32, 'context ≤ 32 code points');
      assert.ok(text.slice(0, text.indexOf(a.quote)).endsWith(a.prefix), `prefix of ${a.quote}`);
    }
    const { json } = await exportJson(app);
    for (const a of json.annotations) {
      const start = [...text].slice(0, a.start).join('');
      assert.equal(a.prefix, [...start].slice(-32).join(''), `exported prefix of ${a.quote}`);
      assert.equal(a.suffix, [...text].slice(a.end, a.end + 32).join(''), `exported suffix of ${a.quote}`);
    }
  }),
);

test('a fresh browser profile starts from the sample article with no annotations', { timeout: TEST_TIMEOUT }, () =>
  withApp(env(), async ({ page, ui }) => {
    assert.equal((await ui.headline.textContent()).trim(), HEADLINE);
    assert.equal(await ui.entries.count(), 0);
    assert.equal(await ui.marks.count(), 0);
    const { parsed } = await readStore(page);
    assert.equal(parsed?.annotations?.length ?? 0, 0);
  }),
);
