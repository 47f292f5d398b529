// A large document is kept compressed in localStorage (src/formats/packed.rs), which the
// browser loads whole at the start of every visit: a copy in the plain form of earlier builds
// is read and written back compressed with the next change, a compressed one made elsewhere
// (bench/lib/packed.mjs, written independently of the app) reads back the same, and a damaged
// one is said to be so, kept aside unchanged, with the last good copy opened instead.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { generate } from '../../bench/generate.mjs';
import { appStorage } from '../../bench/lib/page.mjs';
import { MARK } from '../../bench/lib/packed.mjs';
import {
  browserForFile, TEST_TIMEOUT, cpSlice, readIndex, readStore, reopenWith, tag, waitForMessage, waitForStored, waitUntil, whenRead, withApp,
} from './helpers.mjs';

const env = browserForFile();

// About 90,000 code points (emoji, CJK, accents) with 1,500 annotations: over 256 KiB of JSON.
const DOC = generate({ seed: 21, paragraphs: 120, chars: 90_000, annotations: 1500, annotationsBig: 1500 }).variants[1500];
const LINES = DOC.document.text.split('\n');
const spans = (annotations) => annotations.map((a) => `${a.start}-${a.end}-${a.label}`).sort();

test('a large document kept in the plain form of earlier builds is written back compressed with the next change, and reads back the same', { timeout: TEST_TIMEOUT }, () =>
  withApp(env(), async (app) => {
    const { page } = app;
    await reopenWith(app, appStorage(DOC, { packed: false }), { waitUntil: 'load' });
    await whenRead(page);
    const before = await readStore(page);
    assert.ok(before.doc.startsWith('{'), 'stored as plain JSON to begin with');
    // A word of the second paragraph (emoji and CJK before it in the text), tagged anew as a
    // person (it is a place already).
    await tag(app, { block: LINES[1].slice(0, 40), text: 'Reykjavík' }, { key: '1' });
    const after = await waitForStored(page, (d) => d.annotations.length === DOC.annotations.length + 1, 'the tag saved');
    assert.ok(after.doc.startsWith(MARK), `stored compressed: ${after.doc.slice(0, 12)}`);
    assert.ok([...after.doc].every((c) => c.charCodeAt(0) <= 0xff), 'one byte a character');
    const json = JSON.stringify(after.stored);
    assert.ok(after.doc.length * 3 < json.length, `${after.doc.length} characters for ${json.length} of JSON`);
    assert.equal(after.stored.document.text, DOC.document.text, 'the text, code point for code point');
    const added = after.parsed.annotations.filter((a) => !DOC.annotations.some((d) => d.id === a.id));
    assert.equal(added.length, 1, 'one annotation added');
    assert.equal(cpSlice(DOC.document.text, added[0].start, added[0].end), 'Reykjavík');
    assert.deepEqual(spans(after.stored.annotations.filter((a) => a.id !== added[0].id)), spans(DOC.annotations), 'every earlier annotation as it was');
    const entry = (await readIndex(page)).documents.find((d) => d.id === DOC.document.id);
    assert.equal(entry.size, after.doc.length, 'the library counts the compressed size');
    // Reopened: read from the compressed copy, every highlight back, and nothing rewritten.
    await page.reload({ waitUntil: 'load' });
    await whenRead(page);
    await page.locator(`article mark[data-ids~="${added[0].id}"]`).first().waitFor();
    await page.waitForTimeout(1800);
    assert.equal((await readStore(page)).doc, after.doc, 'an unchanged document is not written again');
  }));

test('a compressed copy made elsewhere opens; a damaged one is said to be so, kept aside unchanged, and the last good copy opened', { timeout: TEST_TIMEOUT }, () =>
  withApp(env(), async (app) => {
    const { page } = app;
    const items = appStorage(DOC);
    const key = Object.keys(items).find((k) => k.includes(':doc:'));
    assert.ok(items[key].startsWith(MARK));
    await reopenWith(app, items, { waitUntil: 'load' });
    await whenRead(page);
    const ids = await page.locator('article mark[data-ids]').evaluateAll((ms) => [...new Set(ms.flatMap((m) => m.dataset.ids.split(' ')))]);
    assert.ok(ids.length > 10, `highlights drawn from the compressed copy: ${ids.length}`);
    assert.ok(ids.every((id) => DOC.annotations.some((a) => a.id === id)));
    // The stored copy cut short, a good one as the backup.
    const damaged = items[key].slice(0, Math.floor(items[key].length / 2));
    await page.evaluate(([k, bad, good]) => {
      localStorage.setItem(`${k}:backup`, good);
      localStorage.setItem(k, bad);
    }, [key, damaged, items[key]]);
    await page.reload({ waitUntil: 'load' });
    await waitForMessage(app, 'alert', 'The compressed copy is damaged');
    await waitForMessage(app, 'alert', 'The last good copy was opened instead.');
    assert.equal(await page.evaluate((k) => localStorage.getItem(`${k}:corrupt`), key), damaged, 'kept aside unchanged');
    await whenRead(page);
    await waitUntil(async () => (await page.locator('article mark[data-ids]').count()) > 10, { message: 'the backup’s highlights' });
  }));
