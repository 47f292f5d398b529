// Claims as fact-checkers' data and entities as real-world things, in the built app: the claim
// panel with the suggested speaker, verdicts and evidence kept over a reload and exported (native
// JSON and ClaimReview); mentions linked to an entity; tag all occurrences; the label editor.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { test } from 'node:test';
import {
  browserForFile, TEST_TIMEOUT, checkNativeFile, clickText, exportJson, pasteText, openDialogUi, reload, sleep, tag,
  twoFrames, waitForStored, waitUntil, withApp,
} from './helpers.mjs';

const env = browserForFile();
const LUKA_BLOCK = 'Lukashenko commended';
const CLAIM = 'Belarus is willing to work with China to jointly defend international fairness and justice';

/** The sidebar's panel of the selected annotation. */
const panel = (page) => page.getByRole('region', { name: 'Selected annotation' });

/** Downloads through the Export menu's item `name`. */
async function download(app, name) {
  await app.ui.exportMenu.click();
  const [file] = await Promise.all([
    app.page.waitForEvent('download', { timeout: 15_000 }),
    app.page.getByRole('menu', { name: 'Export' }).getByRole('menuitem', { name: new RegExp(`^${name}`) }).click(),
  ]);
  const body = await readFile(await file.path(), 'utf8');
  return { name: file.suggestedFilename(), json: JSON.parse(body) };
}

test('a claim gets its suggested speaker, attribution, check-worthiness, verdict and evidence; all of it is kept and exported', { timeout: TEST_TIMEOUT }, () =>
  withApp(env(), async (app) => {
    const { page } = app;
    await tag(app, { block: LUKA_BLOCK, text: 'Lukashenko' }, { key: '1' });
    await tag(app, { block: LUKA_BLOCK, text: CLAIM }, { key: '8' });
    const p = panel(page);
    // The speaker is suggested, with its rule, and taken with one click.
    const accept = p.getByRole('button', { name: /^Accept speaker Lukashenko/ });
    await accept.waitFor();
    assert.match(await p.getByRole('group', { name: 'Suggested speaker' }).textContent(), /Rule: /);
    await accept.click();
    await waitUntil(async () => (await p.getByLabel('Speaker', { exact: true }).inputValue()) !== '', { message: 'the speaker chosen' });
    assert.equal(await accept.count(), 0, 'the suggestion goes once taken');
    await p.getByLabel('Attribution').selectOption({ label: 'Indirect (reported)' });
    await p.getByLabel('Check-worthiness').selectOption({ label: 'Check-worthy' });
    await p.getByLabel('Verdict').selectOption({ label: 'Mostly true' });
    await p.getByLabel('Explanation').fill('Belarus signed the joint statement.');
    await p.getByLabel('Explanation').press('Tab');
    // A link that is not http(s) is refused with a reason; a good one is added.
    await p.getByLabel('Evidence link').fill('javascript:alert(1)');
    await p.getByRole('button', { name: 'Add evidence' }).click();
    await p.getByText('A link must be a web address').waitFor();
    await p.getByLabel('Evidence link').fill('https://example.org/statement');
    await p.getByLabel('Evidence note').fill('joint statement');
    await p.getByRole('button', { name: 'Add evidence' }).click();
    await p.getByRole('link', { name: 'https://example.org/statement' }).waitFor();
    const claimOf = (d) => d.annotations.find((a) => a.kind === 'claim')?.claim;
    await waitForStored(page, (d) => claimOf(d)?.evidence?.length === 1 && claimOf(d).explanation, 'the claim fields stored');

    // The claims list shows it at a glance, and filters by verdict.
    await app.ui.sidebar.getByText('Lukashenko · Check-worthy · Mostly true').waitFor();
    await page.getByLabel('Filter by verdict').selectOption({ label: 'False' });
    await app.ui.sidebar.getByText('No claim matches the filters.').waitFor();
    await page.getByLabel('Filter by verdict').selectOption({ label: 'Mostly true' });
    await app.ui.sidebar.getByText('Lukashenko · Check-worthy · Mostly true').waitFor();

    await reload(app);
    const { json, name } = await exportJson(app);
    assert.match(name, /\.annotations\.json$/);
    checkNativeFile(json);
    const claim = json.annotations.find((a) => a.kind === 'claim');
    const speaker = json.annotations.find((a) => a.kind === 'entity');
    assert.equal(claim.claim.speaker, speaker.id);
    assert.equal(claim.claim.speaker_text, 'Lukashenko');
    assert.equal(claim.claim.attribution, 'indirect');
    assert.equal(claim.claim.worthiness, 'check_worthy');
    assert.equal(claim.claim.verdict, 'mostly_true');
    assert.equal(claim.claim.explanation, 'Belarus signed the joint statement.');
    assert.deepEqual(claim.claim.evidence, [{ url: 'https://example.org/statement', note: 'joint statement' }]);
    assert.ok(json.relations.some((r) => r.type === 'said_by' && r.from === claim.id && r.to === speaker.id));
    assert.equal(json.rating_scale.length, 7);

    const review = await download(app, 'Export ClaimReview');
    assert.match(review.name, /\.claimreview\.json$/);
    assert.equal(review.json.length, 1);
    const r = review.json[0];
    assert.equal(r['@type'], 'ClaimReview');
    assert.equal(r.claimReviewed, claim.claim.reviewed);
    assert.ok(r.claimReviewed.length <= 75 && CLAIM.startsWith(r.claimReviewed.replace(/…$/, '')), r.claimReviewed);
    assert.equal(r.reviewRating.alternateName, 'Mostly true');
    assert.equal(r.reviewRating.ratingValue, 4);
    assert.equal(r.itemReviewed.author.name, 'Lukashenko');
    assert.equal(r.itemReviewed.author['@type'], 'Person');
    await app.ui.status('Exported 1 ClaimReview').waitFor();
  }),
);

test('a claim edited from the keyboard keeps its panel and the focus: each arrow on the verdict list sets the next verdict', { timeout: TEST_TIMEOUT }, () =>
  withApp(env(), async (app) => {
    const { page } = app;
    await tag(app, { block: LUKA_BLOCK, text: 'Lukashenko' }, { key: '1' });
    await tag(app, { block: LUKA_BLOCK, text: CLAIM }, { key: '8' });
    const p = panel(page);
    const verdict = p.getByLabel('Verdict');
    await verdict.focus();
    // (The very element, marked: a panel drawn anew would hold another.)
    await verdict.evaluate((el) => (el.__kept = true));
    const claimOf = (d) => d.annotations.find((a) => a.kind === 'claim')?.claim;
    let last = claimOf((await waitForStored(page, (d) => claimOf(d), 'the claim stored')).parsed).verdict;
    const verdicts = [last];
    for (let i = 0; i < 3; i++) {
      await page.keyboard.press('ArrowDown');
      // Each change is an edit of the claim, drawn and stored: the list keeps the focus.
      last = claimOf((await waitForStored(page, (d) => claimOf(d)?.verdict !== last, `verdict ${i + 1} stored`)).parsed).verdict;
      verdicts.push(last);
      await twoFrames(page);
      assert.deepEqual(await page.evaluate(() => [document.activeElement?.__kept === true, document.activeElement?.labels?.[0]?.textContent]), [true, 'Verdict'], `the verdict list still has the focus after arrow ${i + 1}`);
    }
    assert.equal(new Set(verdicts).size, 4, `the first verdict, then three in turn: ${verdicts}`);
    // The speaker list, focused the same way, is whole and stays so through an edit.
    const speaker = p.getByLabel('Speaker', { exact: true });
    await speaker.focus();
    await waitUntil(async () => (await speaker.locator('option').count()) === 2, { message: 'no speaker, and Lukashenko' });
    await page.keyboard.press('ArrowDown');
    await waitForStored(page, (d) => claimOf(d)?.speaker, 'the speaker stored');
    await twoFrames(page);
    assert.equal(await page.evaluate(() => document.activeElement?.labels?.[0]?.textContent), 'Speaker');
    assert.equal(await speaker.locator('option:checked').textContent(), 'Lukashenko');
  }),
);

test('"Xi" links to the entity "Xi Jinping"; choosing the entity marks both mentions', { timeout: TEST_TIMEOUT }, () =>
  withApp(env(), async (app) => {
    const { page } = app;
    await tag(app, { block: 'President Xi Jinping', text: 'Xi Jinping' }, { key: '1' });
    await panel(page).getByLabel('Link to…').selectOption({ label: 'New entity “Xi Jinping”' });
    await panel(page).getByLabel('Wikidata id').fill('Xi');
    await panel(page).getByLabel('Wikidata id').press('Enter');
    await panel(page).getByText('is not a Wikidata id').waitFor();
    await panel(page).getByLabel('Wikidata id').fill('q15031');
    await panel(page).getByLabel('Wikidata id').press('Enter');
    await panel(page).getByRole('link', { name: 'Q15031' }).waitFor();
    await tag(app, { block: 'Xi highlighted', text: 'Xi' }, { key: '1' });
    // (The sidebar shows the new mention a frame after the article: wait for its panel.)
    await panel(page).getByText('Not linked to an entity.').waitFor();
    // "Xi" is not the entity's name: it is linked by hand, best match first in the list.
    const options = await panel(page).getByLabel('Link to…').locator('option').allTextContents();
    assert.equal(options[1], 'Xi Jinping');
    await panel(page).getByLabel('Link to…').selectOption({ label: 'Xi Jinping' });
    await panel(page).getByText('2 mentions').waitFor();
    const { parsed } = await waitForStored(page, (d) => d.annotations.filter((a) => a.entity_ref).length === 2, 'both linked');
    assert.deepEqual(parsed.entities.map((e) => [e.name, e.kb_id, e.aliases]), [['Xi Jinping', 'Q15031', ['Xi']]]);
    // A later "Xi" links by itself (its text is now an alias); undo unlinks it with its tag.
    await tag(app, { block: 'During the meeting, he told Xi', text: 'Xi' }, { key: '1' });
    await panel(page).getByText('3 mentions').waitFor();
    await app.ui.undo.click();
    await waitForStored(page, (d) => d.annotations.length === 2, 'the third mention undone');
    // The entity index marks every mention.
    await app.ui.sidebar.getByRole('button', { name: /^Xi Jinping Q15031/ }).click();
    await waitUntil(async () => (await page.locator('style').allTextContents()).some((t) => t.includes('outline')), { message: 'mentions marked' });
    const marked = await page.evaluate(() => [...document.querySelectorAll('mark')].filter((m) => getComputedStyle(m).outlineStyle === 'solid').length);
    assert.equal(marked, 2);
  }),
);

test('tag all occurrences of "Lukashenko" adds every whole-word one; one undo removes them all', { timeout: TEST_TIMEOUT }, () =>
  withApp(env(), async (app) => {
    const { page } = app;
    await tag(app, { block: LUKA_BLOCK, text: 'Lukashenko' }, { key: '1' });
    const text = await page.evaluate(() => document.querySelector('article').textContent);
    const whole = text.match(/(?<![\p{L}\p{N}_])Lukashenko(?![\p{L}\p{N}_])/gu).length;
    const button = panel(page).getByRole('button', { name: /^Tag all occurrences \(\d/ });
    assert.equal(await button.textContent(), `Tag all occurrences (${whole - 1} more of “Lukashenko”)`);
    await button.click();
    await waitForStored(page, (d) => d.annotations.length === whole, `${whole} mentions`);
    assert.equal(await app.ui.entries.count(), whole);
    await app.ui.undo.click();
    await waitForStored(page, (d) => d.annotations.length === 1, 'one undo: back to the first');
  }),
);

test('renaming and recolouring a label: highlights and sidebar follow; deleting a label in use asks first', { timeout: TEST_TIMEOUT }, () =>
  withApp(env(), async (app) => {
    const { page } = app;
    await tag(app, { block: 'President Xi Jinping', text: 'Xi Jinping' }, { key: '1' });
    await page.getByRole('toolbar', { name: 'Document' }).getByRole('button', { name: 'Labels' }).click();
    const dialog = page.getByRole('dialog', { name: 'Labels and ratings' });
    // (The dialog moves the focus into itself once shown: typing waits for that, as a user does.)
    await waitUntil(() => dialog.evaluate((d) => d.contains(document.activeElement)), { message: 'focus in the dialog' });
    await dialog.getByLabel('Name of label Person').fill('Human');
    await dialog.getByLabel('Name of label Person').press('Enter');
    await dialog.getByLabel('Colour of Human').evaluate((el) => {
      el.value = '#117733';
      el.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await dialog.getByRole('button', { name: 'Delete label Human' }).click();
    await dialog.getByText('Delete “Human” and its 1 annotation?').waitFor();
    await dialog.getByRole('button', { name: 'Keep' }).click();
    await dialog.getByRole('button', { name: 'Done' }).click();
    await app.ui.sidebar.getByRole('button', { name: /^Human: Xi Jinping/ }).waitFor();
    const mark = app.ui.marks.filter({ hasText: 'Xi Jinping' }).first();
    await waitUntil(async () => (await mark.evaluate((m) => getComputedStyle(m).getPropertyValue('--bg')))?.includes('#117733'), { message: 'the new colour' });
    assert.equal(await mark.getAttribute('data-labels'), 'Human');
    const { parsed } = await waitForStored(page, (d) => d.labels[0].name === 'Human', 'the label renamed');
    assert.equal(parsed.annotations[0].label, 'PERSON', 'the annotation keeps its label id');
    await app.ui.undo.click();
    await app.ui.undo.click();
    await app.ui.sidebar.getByRole('button', { name: /^Person: Xi Jinping/ }).waitFor();
    await sleep(50);
  }),
);

test('the speaker is picked by clicking a highlight; the cue is set from the menu', { timeout: TEST_TIMEOUT }, () =>
  withApp(env(), async (app) => {
    const { page } = app;
    await tag(app, { block: 'Xi highlighted', text: 'Xi' }, { key: '1' });
    await tag(app, { block: 'Xi highlighted', text: 'China and Belarus are true friends and good partners' }, { key: '8' });
    await panel(page).getByRole('button', { name: 'Pick the speaker in the article' }).click();
    await clickText(page, { block: 'Xi highlighted', text: 'Xi' });
    await waitUntil(async () => (await panel(page).getByLabel('Speaker', { exact: true }).locator('option:checked').textContent()) === 'Xi', { message: 'Xi picked' });
    // Back on the claim: select the reporting word, "Cue of the claim".
    await app.ui.entry(/^Claim: China and Belarus/).click();
    await tag(app, { block: 'Xi highlighted', text: 'highlighted' }, { label: 'Cue of the claim' });
    await panel(page).getByText('Cue: highlighted').waitFor();
    const { parsed } = await waitForStored(page, (d) => d.annotations.find((a) => a.kind === 'claim')?.claim?.cue, 'the cue stored');
    const c = parsed.annotations.find((a) => a.kind === 'claim').claim;
    assert.equal([...parsed.document.text].slice(c.cue.start, c.cue.end).join(''), 'highlighted');
  }),
);

// A news article with quotes, as a new user brings one in: three claims, three speakers.
const STRIKE = [
  'Port strike talks collapse as union and ministry trade blame',
  'Talks to end the three-week port strike collapsed on Tuesday. 🚢',
  '“The ministry never put a real offer on the table,” said Maria Keller, the union’s general secretary.',
  'Transport Minister Jonas Berg told reporters that the union had rejected a 6 % pay rise.',
  'According to the Port Authority, cargo volumes have fallen by 40 % since the strike began.',
].join('\n');

test('as a new user: tag the speakers, tag three claims, each with the right speaker suggested; two verdicts make two ClaimReviews naming their speakers', { timeout: TEST_TIMEOUT }, () =>
  withApp(env(), async (app) => {
    const { page } = app;
    await pasteText(page, STRIKE);
    const d = openDialogUi(page);
    await d.open.click();
    await d.dialog.waitFor({ state: 'hidden' });
    await app.ui.headline.filter({ hasText: 'Port strike talks collapse' }).waitFor();
    await tag(app, { block: '“The ministry', text: 'Maria Keller' }, { key: '1' });
    await tag(app, { block: 'Transport Minister', text: 'Jonas Berg' }, { key: '1' });
    await tag(app, { block: 'According to', text: 'Port Authority' }, { key: '2' });
    const claims = [
      ['“The ministry', 'The ministry never put a real offer on the table', 'Maria Keller', 'Mostly false'],
      ['Transport Minister', 'the union had rejected a 6 % pay rise', 'Jonas Berg', null],
      ['According to', 'cargo volumes have fallen by 40 % since the strike began', 'Port Authority', 'True'],
    ];
    const p = panel(page);
    for (const [block, text, speaker, verdict] of claims) {
      await tag(app, { block, text }, { key: '8' });
      const accept = p.getByRole('button', { name: new RegExp(`^Accept speaker ${speaker}`) });
      await accept.waitFor();
      await page.keyboard.press('a');
      await accept.waitFor({ state: 'detached' });
      if (verdict) await p.getByLabel('Verdict').selectOption({ label: verdict });
    }
    // The speaker list: "no speaker", then each person and organisation once (the whole list
    // comes a frame after the panel, and is drawn once the list takes the focus).
    const speakers = p.getByLabel('Speaker', { exact: true });
    await speakers.focus();
    const names = ['No speaker chosen', 'Maria Keller', 'Jonas Berg', 'Port Authority'];
    // (Read whole in one call, again until it is whole: the whole list comes a frame after the
    // panel.)
    let listed = [];
    await waitUntil(async () => (listed = await speakers.locator('option').allTextContents()).length === names.length, { message: 'every speaker listed' });
    assert.deepEqual(listed, names);
    assert.equal(await speakers.locator('option:checked').textContent(), 'Port Authority');
    await waitForStored(page, (x) => x.annotations.filter((a) => a.claim?.speaker).length === 3, 'three speakers kept');
    const review = await download(app, 'Export ClaimReview');
    await app.ui.status('1 claim without a verdict was skipped').waitFor();
    assert.equal(review.json.length, 2);
    const byClaim = Object.fromEntries(review.json.map((r) => [r.claimReviewed, r]));
    const first = byClaim['The ministry never put a real offer on the table'];
    assert.equal(first.itemReviewed.author.name, 'Maria Keller');
    assert.equal(first.itemReviewed.author['@type'], 'Person');
    assert.equal(first.reviewRating.alternateName, 'Mostly false');
    const third = byClaim['cargo volumes have fallen by 40 % since the strike began'];
    assert.equal(third.itemReviewed.author.name, 'Port Authority');
    assert.equal(third.itemReviewed.author['@type'], 'Organization');
    assert.equal(third.reviewRating.ratingValue, 5);
    for (const r of review.json) {
      assert.equal(r['@context'], 'https://schema.org');
      assert.equal(r.itemReviewed.appearance.headline, 'Port strike talks collapse as union and ministry trade blame');
      assert.match(r.datePublished, /^\d{4}-\d{2}-\d{2}$/);
    }
  }),
);
