// Interchange in the built app: every format of the Export menu downloaded from an article full
// of emoji, CJK and combining marks, each file checked in its own unit (Python reads the brat and
// doccano files, as users' pipelines do); the report rendered with no request; then the brat
// zip, the W3C file, a Hypothesis-style file counting UTF-16 units and the doccano file imported
// into a fresh page.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import {
  browserForFile, TEST_TIMEOUT, cpSlice, dragOver, openDialogUi, pasteText, tag, ui, waitForMessage, withApp,
} from './helpers.mjs';

const env = browserForFile();
const AXE = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** The violations axe-core finds in the page as it is now. */
async function violations(page) {
  await page.addScriptTag({ content: AXE });
  return page.evaluate(async () => {
    const r = await window.axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
  });
}

const ARTICLE = [
  'Emoji 😀 summit in 北京 ends 👩‍🔬',
  'Zoë Ångström met Rene\u0301e Dubois in 北京 on Monday 🇧🇪.',
  '“Prices will fall by 5 % next year,” the minister said 👍🏽 after the talks.',
].join('\n');

/** Downloads through the Export menu's item `name`: the file's name and bytes. */
async function download(app, name) {
  await app.ui.exportMenu.click();
  const [file] = await Promise.all([
    app.page.waitForEvent('download', { timeout: 15_000 }),
    app.page.getByRole('menu', { name: 'Export' }).getByRole('menuitem', { name: new RegExp(`^${name}`) }).click(),
  ]);
  return { name: file.suggestedFilename(), bytes: await readFile(await file.path()) };
}

/** Runs a Python check on `files` (written to a temporary folder); it prints one JSON value. */
async function python(files, code) {
  const dir = await mkdtemp(join(tmpdir(), 'aa-interchange-'));
  try {
    for (const [name, bytes] of Object.entries(files)) await writeFile(join(dir, name), bytes);
    return JSON.parse(execFileSync('python3', ['-c', code, dir], { encoding: 'utf8' }));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function openArticle(app) {
  await pasteText(app.page, ARTICLE);
  const d = openDialogUi(app.page);
  await d.open.click();
  await d.dialog.waitFor({ state: 'hidden' });
  await app.ui.headline.filter({ hasText: 'Emoji' }).waitFor();
}

async function tagAll(app) {
  await tag(app, { block: 'Zoë', text: 'Zoë Ångström' }, { key: '1' });
  await tag(app, { block: 'Zoë', text: 'Rene\u0301e Dubois' }, { key: '1' });
  await tag(app, { block: 'Zoë', text: '北京', occurrence: 0 }, { key: '3' });
  await tag(app, { block: '“Prices', text: 'the minister' }, { key: '1' });
  await tag(app, { block: '“Prices', text: 'Prices will fall by 5 % next year' }, { key: '8' });
  await app.page.getByRole('button', { name: /^Accept speaker/ }).click().catch(() => {});
}

test('every export format downloads, and each file counts its offsets right after emoji, CJK and combining marks', { timeout: TEST_TIMEOUT * 2 }, () =>
  withApp(env(), async (app) => {
    await openArticle(app);
    await tagAll(app);
    const text = ARTICLE;
    const quotes = ['Zoë Ångström', 'Rene\u0301e Dubois', '北京', 'the minister', 'Prices will fall by 5 % next year'];

    // W3C: both selectors, code points.
    const w3c = await download(app, 'Export W3C Web Annotation');
    assert.match(w3c.name, /\.w3c\.jsonld$/);
    const coll = JSON.parse(w3c.bytes.toString('utf8'));
    const items = coll.items ?? coll.first?.items ?? [];
    assert.equal(items.length, 5);
    for (const item of items) {
      const sel = [item.target.selector].flat();
      const q = sel.find((s) => s.type === 'TextQuoteSelector');
      const p = sel.find((s) => s.type === 'TextPositionSelector');
      assert.equal(cpSlice(text, p.start, p.end), q.exact);
      assert.ok(quotes.includes(q.exact), q.exact);
    }

    // brat: Python opens the zip and checks every T line against the .txt, in code points.
    const brat = await download(app, 'Export brat');
    assert.match(brat.name, /\.brat\.zip$/);
    const bratCheck = await python({ 'a.zip': brat.bytes }, `
import sys, zipfile, json, os
z = zipfile.ZipFile(os.path.join(sys.argv[1], 'a.zip'))
names = z.namelist()
txt = [n for n in names if n.endswith('.txt')][0]
ann = [n for n in names if n.endswith('.ann')][0]
text = z.read(txt).decode('utf-8'); lines = z.read(ann).decode('utf-8').splitlines()
conf = z.read('annotation.conf').decode('utf-8')
ok = []
for l in lines:
    if l.startswith('T'):
        tid, mid, quote = l.split('\\t')
        frags = [f.split() for f in mid.split(' ', 1)[1].split(';')]
        got = ' '.join(text[int(s):int(e)] for s, e in frags)
        ok.append(got == quote)
print(json.dumps({'names': sorted(names), 'ok': ok, 'said_by': any(l.startswith('R') and 'said_by' in l for l in lines), 'conf': '[entities]' in conf and '[relations]' in conf}))
`);
    assert.equal(bratCheck.ok.length, 5);
    assert.ok(bratCheck.ok.every(Boolean), JSON.stringify(bratCheck));
    assert.ok(bratCheck.conf);

    // doccano: Python slices the text by each span.
    const doccano = await download(app, 'Export doccano');
    assert.match(doccano.name, /\.doccano\.jsonl$/);
    const doccanoCheck = await python({ 'a.jsonl': doccano.bytes }, `
import sys, json, os
rows = [json.loads(l) for l in open(os.path.join(sys.argv[1], 'a.jsonl'), encoding='utf-8') if l.strip()]
print(json.dumps([[r['text'][s:e] for s, e, _ in r['label']] for r in rows]))
`);
    assert.equal(doccanoCheck.length, 1);
    assert.deepEqual([...doccanoCheck[0]].sort(), [...quotes].sort());

    // Label Studio: its front end counts UTF-16 units, as JavaScript strings do.
    const ls = await download(app, 'Export Label Studio');
    const tasks = JSON.parse(ls.bytes.toString('utf8'));
    const task = [tasks].flat()[0];
    const regions = task.annotations[0].result;
    assert.equal(regions.length, 5);
    for (const r of regions) assert.equal(task.data.text.slice(r.value.start, r.value.end), r.value.text);

    // CoNLL: one token a line, IOB2 tags; the tagged words start with B-.
    const conll = (await download(app, 'Export CoNLL')).bytes.toString('utf8');
    const rows = conll.split('\n').filter((l) => l && !l.startsWith('-DOCSTART-')).map((l) => l.split(/\s+/));
    const tagOf = (word) => rows.find((r) => r[0] === word)?.at(-1);
    assert.equal(tagOf('Zoë'), 'B-PERSON');
    assert.equal(tagOf('Ångström'), 'I-PERSON');
    assert.ok(rows.every((r) => /^(O|[BI]-\S+)$/.test(r.at(-1))), 'every line ends with a tag');

    // The report: self-contained; rendered in Chromium it requests nothing.
    const report = await download(app, 'Export HTML report');
    const html = report.bytes.toString('utf8');
    assert.ok(!/<script/i.test(html));
    const page = await app.context.newPage();
    const requests = [];
    page.on('request', (r) => requests.push(r.url()));
    await page.setContent(html, { waitUntil: 'load' });
    assert.equal(await page.locator('mark').count() >= 5, true);
    assert.deepEqual(requests, [], 'the report asks for nothing');
    await page.close();

    // Into a fresh page: the brat zip opens its article with its annotations.
    await app.page.evaluate(() => localStorage.clear());
    await app.page.reload();
    await app.ui.headline.waitFor();
    await app.ui.importJson.setInputFiles({ name: brat.name, mimeType: 'application/zip', buffer: brat.bytes });
    await waitForMessage(app, 'status', /brat: 5 annotations imported/);
    await app.ui.headline.filter({ hasText: 'Emoji' }).waitFor();
    assert.equal(await app.ui.marks.filter({ hasText: 'Zoë Ångström' }).count(), 1);

    // The W3C file applies to the open article: the same annotations, nothing doubled.
    await app.ui.importJson.setInputFiles({ name: w3c.name, mimeType: 'application/ld+json', buffer: w3c.bytes });
    await waitForMessage(app, 'status', /0 annotations imported.*5 skipped|5 duplicates skipped/);

    // A Hypothesis-style file counting UTF-16 units after the emoji lands where it was.
    const u16 = (s) => ARTICLE.indexOf(s);
    const hyp = [{
      uri: 'urn:x-test', tags: ['Location'], text: 'a note',
      target: [{ selector: [
        { type: 'TextPositionSelector', start: u16('Monday'), end: u16('Monday') + 6 },
        { type: 'TextQuoteSelector', exact: 'Monday' },
      ] }],
    }];
    await app.ui.importJson.setInputFiles({ name: 'hypothesis.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(hyp)) });
    await waitForMessage(app, 'status', /1 annotation imported/);
    await app.ui.marks.filter({ hasText: /^Monday$/ }).waitFor();

    // The doccano file, in a browser profile of its own, opens as a document of its own.
    const other = await app.context.browser().newContext();
    try {
      const page2 = await other.newPage();
      await page2.goto(app.base);
      const ui2 = ui(page2);
      await ui2.headline.waitFor();
      await ui2.importJson.setInputFiles({ name: doccano.name, mimeType: 'application/jsonl', buffer: doccano.bytes });
      await waitForMessage({ page: page2 }, 'status', /doccano JSONL: 5 annotations imported/);
      await ui2.headline.filter({ hasText: 'Emoji' }).waitFor();
      assert.equal(await ui2.marks.filter({ hasText: 'Rene\u0301e Dubois' }).count(), 1);
    } finally {
      await other.close();
    }
  }));

test('a W3C file whose quotes are not in the open article changes nothing and says so; an unplaced span is orphaned and re-attached', { timeout: TEST_TIMEOUT }, () =>
  withApp(env(), async (app) => {
    const { page } = app;
    const item = (exact, start) => ({
      type: 'Annotation', motivation: 'tagging',
      body: [{ type: 'TextualBody', purpose: 'tagging', value: 'Person' }],
      target: { source: 'urn:x', selector: [{ type: 'TextQuoteSelector', exact }, { type: 'TextPositionSelector', start, end: start + [...exact].length }] },
    });
    const coll = (items) => Buffer.from(JSON.stringify({ '@context': 'http://www.w3.org/ns/anno.jsonld', type: 'AnnotationCollection', items }));
    await app.ui.importJson.setInputFiles({ name: 'other.jsonld', mimeType: 'application/ld+json', buffer: coll([item('Nowhere in this text', 0), item('Not here either', 40)]) });
    await waitForMessage(app, 'alert', /none of its 2 quotes is in this article/);
    assert.equal(await app.ui.marks.count(), 0);

    // One quote is here, one is not: the second is listed as orphaned, then re-attached.
    await app.ui.importJson.setInputFiles({ name: 'mixed.jsonld', mimeType: 'application/ld+json', buffer: coll([item('Xi Jinping', 0), item('Somebody Else', 10)]) });
    await waitForMessage(app, 'status', /1 annotation imported.*1 orphaned/);
    const orphans = app.ui.sidebar.getByRole('region', { name: /^Orphaned/ });
    await orphans.getByText('Somebody Else').waitFor();
    assert.deepEqual(await violations(page), [], 'the orphans list');
    await app.ui.exportMenu.click();
    await page.getByRole('menuitem', { name: /^Export CoNLL/ }).waitFor();
    assert.deepEqual(await violations(page), [], 'the export menu with every format');
    await page.keyboard.press('Escape');
    await orphans.getByRole('button', { name: 'Re-attach' }).click();
    await dragOver(page, { block: 'President Xi Jinping', text: 'Lukashenko' });
    await orphans.waitFor({ state: 'detached', timeout: 10_000 });
    assert.equal(await app.ui.marks.filter({ hasText: /^Lukashenko$/ }).count() >= 1, true);
  }));
