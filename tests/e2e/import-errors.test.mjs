// A broken import file is refused with a clear alert, and nothing already saved is touched.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  browserForFile,
  TEST_TIMEOUT, entryNames, importFile, readStore, sleep, tag, waitForMessage,
  waitForStored, withApp,
} from './helpers.mjs';

const env = browserForFile();

/** The open document as a native file, with its annotations replaced. */
function sameDocumentWith(stored, changes) {
  return JSON.stringify({ ...stored, exported_at: '2026-11-28T10:00:00Z', ...changes });
}

const CASES = [
  {
    what: 'not JSON at all',
    file: () => 'This is not JSON {"format": ',
    message: /JSON/i,
  },
  {
    what: 'JSON of another format',
    file: () => JSON.stringify({ name: 'some-package', version: '1.0.0', dependencies: {} }),
    message: /Article Annotator|format/i,
  },
  {
    what: 'a newer format version (99)',
    file: (stored) => sameDocumentWith(stored, { version: 99 }),
    message: /version[^]*99|99[^]*version/i,
  },
  {
    // (Without a quote: a quote found nowhere is kept as orphaned instead, see interchange.test.mjs.)
    what: 'a span outside the text',
    file: (stored) => {
      const len = stored.document.length;
      return sameDocumentWith(stored, {
        annotations: [
          {
            id: 'out-of-range', kind: 'entity', label: 'PERSON', start: len + 5, end: len + 12,
            quote: '', prefix: '', suffix: '', note: '', entity_ref: null,
            created: '2026-11-28T10:00:00Z', modified: '2026-11-28T10:00:00Z',
          },
        ],
        relations: [],
      });
    },
    message: /outside|out of range|beyond|bounds/i,
  },
];

for (const c of CASES) {
  test(`importing ${c.what} shows an alert and changes nothing`, { timeout: TEST_TIMEOUT }, () =>
    withApp(env(), async (app) => {
      const { page, ui } = app;
      await tag(app, { block: 'President Xi Jinping', text: 'Xi Jinping' }, { key: '1' });
      await tag(app, { block: 'The China-Belarus', text: 'Minsk' }, { key: '3' });
      await waitForStored(page, (d) => d.annotations.length === 2, 'two stored annotations');
      await sleep(800); // let any pending save settle
      const before = await readStore(page);
      const namesBefore = await entryNames(app);
      assert.equal(namesBefore.length, 2);

      await importFile(app, `broken-${CASES.indexOf(c) + 1}.json`, c.file(before.parsed));
      const text = await waitForMessage(app, 'alert', c.message);
      assert.ok(text.length > 10, `the alert explains the problem: "${text}"`);

      await sleep(800); // longer than the save debounce
      const afterImport = await readStore(page);
      assert.equal(afterImport.current, before.current, 'the same document stays open');
      assert.equal(afterImport.doc, before.doc, 'the stored document is byte-for-byte unchanged');
      assert.deepEqual(await entryNames(app), namesBefore, 'the annotations are unchanged');
      await ui.entry('Person: Xi Jinping').waitFor({ state: 'visible' });
      await ui.entry('Location: Minsk').waitFor({ state: 'visible' });
    }),
  );
}
