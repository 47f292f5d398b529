// "Export JSON" downloads <slug>.annotations.json whose offsets are Unicode code points, also for
// an imported article with emoji, CJK, combining marks and CRLF line ends.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { test } from 'node:test';
import {
  browserForFile,
  TEST_TIMEOUT, checkNativeFile, cpIndexOf, entryNames, exportJson, findAnnotation, importFile,
  tag, waitForMessage, waitForStored, withApp,
} from './helpers.mjs';

const env = browserForFile();

test('export of the sample article: file name, schema and code-point offsets', { timeout: TEST_TIMEOUT }, () =>
  withApp(env(), async (app) => {
    const { page, ui } = app;
    await tag(app, { block: 'President Xi Jinping', text: 'Xi Jinping' }, { key: '1' });
    await tag(app, { block: 'The China-Belarus', text: 'China-Belarus Industrial Park' }, { label: 'Location' });
    await tag(app, { block: 'On May 21', text: 'May 21' }, { key: '4' });
    await ui.entry('Date: May 21').waitFor({ state: 'visible' });

    const { name, json } = await exportJson(app);
    assert.match(name, /^[a-z0-9]+(?:-[a-z0-9]+)*\.annotations\.json$/, `file name ${name}`);
    assert.ok(name.startsWith('xi-and-lukashenko-agree'), `file name ${name} is the title's slug`);
    checkNativeFile(json);
    assert.equal(json.annotations.length, 3);
    assert.equal(typeof json.exported_at, 'string');
    assert.ok(!Number.isNaN(Date.parse(json.exported_at)), 'exported_at is a date');
    assert.equal(
      json.document.text_sha256,
      createHash('sha256').update(json.document.text, 'utf8').digest('hex'),
      'text_sha256 is the SHA-256 of the text',
    );
    assert.deepEqual(
      json.labels.map((l) => l.name),
      ['Person', 'Organization', 'Location', 'Date', 'Event', 'Quantity', 'Other', 'Claim'],
    );
    findAnnotation(json, 'Xi Jinping', 'PERSON');
    findAnnotation(json, 'China-Belarus Industrial Park', 'LOC');
    const date = findAnnotation(json, 'May 21', 'DATE');
    assert.equal(date.start, cpIndexOf(json.document.text, 'On May 21') + 3);
    assert.ok(Array.isArray(json.relations));

    // The export is what is stored.
    const { parsed } = await waitForStored(page, (d) => d.annotations.length === 3, 'three stored');
    assert.deepEqual(
      parsed.annotations.map((a) => [a.label, a.start, a.end, a.quote]),
      json.annotations.map((a) => [a.label, a.start, a.end, a.quote]),
    );
  }),
);

// --- an article with astral characters, grapheme clusters, CJK and CRLF ----------------------

const LINES = [
  'Unicode sample 😀 headline',
  'Standfirst: 北京 welcomes Zoë, and the crowd said e\u0301te\u0301 twice.',
  'Emoji 😀 test before Minsk and after 👩‍👩‍👧 family.',
  'Flags 🇧🇾 and 🇨🇳 come before Belarus in this line.',
];
const RAW_TEXT = LINES.join('\r\n') + '\r\n';
const TEXT = LINES.join('\n') + '\n';

function record(id, label, quote, kind = 'entity') {
  const start = cpIndexOf(TEXT, quote);
  const end = start + [...quote].length;
  const cps = [...TEXT];
  return {
    id, kind, label, start, end, quote,
    prefix: cps.slice(Math.max(0, start - 32), start).join(''),
    suffix: cps.slice(end, end + 32).join(''),
    note: '', entity_ref: null,
    created: '2026-11-28T10:00:00Z', modified: '2026-11-28T10:00:00Z',
  };
}

/** A native file as another installation would export it, but with CRLF line ends. */
function unicodeFile() {
  return {
    format: 'article-annotator',
    version: 1,
    exported_at: '2026-11-28T10:00:00Z',
    document: {
      id: 'unicode-sample',
      title: LINES[0],
      text: RAW_TEXT,
      offset_unit: 'codepoint',
      text_sha256: createHash('sha256').update(TEXT, 'utf8').digest('hex'),
      length: [...TEXT].length,
      source: 'e2e test',
    },
    labels: [
      ['PERSON', 'Person', 'entity', '#e69f00'], ['ORG', 'Organization', 'entity', '#56b4e9'],
      ['LOC', 'Location', 'entity', '#009e73'], ['DATE', 'Date', 'entity', '#f0e442'],
      ['EVENT', 'Event', 'entity', '#cc79a7'], ['QUANTITY', 'Quantity', 'entity', '#0072b2'],
      ['OTHER', 'Other', 'entity', '#8c8c8c'], ['CLAIM', 'Claim', 'claim', '#d55e00'],
    ].map(([id, name, kind, color], i) => ({ id, name, kind, color, key: String(i + 1) })),
    annotations: [
      record('u-beijing', 'LOC', '北京'),
      record('u-zoe', 'PERSON', 'Zoë'),
      record('u-ete', 'OTHER', 'e\u0301te\u0301'),
    ],
    relations: [],
  };
}

test('import an article with emoji, CJK, combining marks and CRLF; tag after the emoji; export in code points', { timeout: TEST_TIMEOUT }, () =>
  withApp(env(), async (app) => {
    const { page, ui } = app;
    await importFile(app, 'unicode-sample.annotations.json', JSON.stringify(unicodeFile(), null, 2));
    await ui.headline.filter({ hasText: LINES[0] }).waitFor({ state: 'visible' });
    for (const n of ['Location: 北京', 'Person: Zoë', 'Other: e\u0301te\u0301']) {
      await ui.entry(n).waitFor({ state: 'visible' });
    }
    await waitForMessage(app, 'status', /\b3\b[^]*import|import[^]*\b3\b/i);

    await tag(app, { block: 'Emoji', text: 'Minsk' }, { key: '3' });
    await ui.entry('Location: Minsk').waitFor({ state: 'visible' });
    await tag(app, { block: 'Flags', text: 'Belarus' }, { label: 'Location' });
    await ui.entry('Location: Belarus').waitFor({ state: 'visible' });
    // A drag inside the word after the family emoji (a ZWJ sequence) snaps to the whole word.
    await tag(app, { block: 'Emoji', text: 'family', from: 1, to: 4 }, { key: '7' });
    await ui.entry('Other: family').waitFor({ state: 'visible' });

    const { name, json } = await exportJson(app);
    assert.match(name, /^unicode-sample(?:-[a-z0-9]+)*\.annotations\.json$/, `file name ${name}`);
    checkNativeFile(json);
    assert.equal(json.document.text, TEXT, 'CRLF became LF, nothing else changed (no NFC)');
    assert.equal(json.document.length, [...TEXT].length);
    assert.equal(json.annotations.length, 6, `annotations: ${JSON.stringify(await entryNames(app))}`);

    const expect = [
      ['北京', 'LOC'], ['Zoë', 'PERSON'], ['e\u0301te\u0301', 'OTHER'],
      ['Minsk', 'LOC'], ['Belarus', 'LOC'], ['family', 'OTHER'],
    ];
    for (const [quote, label] of expect) {
      const a = findAnnotation(json, quote, label);
      assert.equal(a.start, cpIndexOf(TEXT, quote), `start of "${quote}" in code points`);
      assert.equal(a.end, a.start + [...quote].length, `end of "${quote}" in code points`);
    }
    // The UTF-16 position differs: a wrong unit would have been caught above.
    assert.notEqual(TEXT.indexOf('Minsk'), cpIndexOf(TEXT, 'Minsk'));
    assert.notEqual(TEXT.indexOf('Belarus'), cpIndexOf(TEXT, 'Belarus'));

    const { parsed } = await waitForStored(page, (d) => d.annotations.length === 6, 'six stored');
    checkNativeFile(parsed);
    assert.equal(parsed.document.text, TEXT);
  }),
);
