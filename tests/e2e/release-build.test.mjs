// The shipped page loads one script: the app's browser-side snippets are inside the glue
// (scripts/inline-snippets.mjs), and the glue and its wasm are named after their content.
// Checked on the build being tested, as any browser gets it, and on the inliner itself.

import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { test } from 'node:test';
import { inlineSnippets } from '../../scripts/inline-snippets.mjs';
import { appBase } from './helpers.mjs';

test('the page loads one script and its wasm, named after what they hold, and no snippet', async () => {
  const { base: root, close } = await appBase();
  const base = root.replace(/\/$/, '');
  try {
    const html = await (await fetch(`${base}/`)).text();
    const scripts = new Set([...html.matchAll(/\/[\w.-]+\.js\b/g)].map((m) => m[0]));
    assert.equal(scripts.size, 1, `scripts named in the page: ${[...scripts].join(', ')}`);
    assert.ok(!html.includes('/snippets/'), 'no snippet is linked');
    const [js] = scripts;
    const stem = js.slice(1, -'.js'.length);
    assert.ok(html.includes(`/${stem}_bg.wasm`), 'the wasm is named as the script');
    const glue = Buffer.from(await (await fetch(`${base}/${stem}.js`)).arrayBuffer());
    assert.ok(!/\bfrom\s*["']\.\/snippets\//.test(glue.toString('utf8')), 'the glue imports no snippet');
    const snippet = await fetch(`${base}/snippets/`);
    assert.notEqual(snippet.status, 200, 'no snippets folder is served');
    // (Only the release build is minified and renamed; a debug build keeps trunk's names.)
    if (/^article-annotator-[0-9a-f]{16}$/.test(stem) && !glue.toString('utf8').includes('\n    ')) {
      const wasm = Buffer.from(await (await fetch(`${base}/${stem}_bg.wasm`)).arrayBuffer());
      const hash = createHash('sha256').update(glue).update(wasm).digest('hex').slice(0, 16);
      assert.equal(stem, `article-annotator-${hash}`, 'named after its content');
    }
  } finally {
    await close();
  }
});

test('the inliner turns a snippet into a scope and refuses what it cannot inline', () => {
  const glue = [
    "import { a, b as c } from './snippets/x/one.js';",
    'import * as ns from "./snippets/x/one.js"',
    "import { d } from './snippets/x/two.js';",
    'export function use() { return [a(), c, ns.a(), d()]; }',
  ].join('\n');
  const files = {
    './snippets/x/one.js': 'const hidden = 2;\nexport function a() { return hidden; }\nexport const b = 3;\n',
    './snippets/x/two.js': 'export async function d() { return 4; }\n',
  };
  const { js, inlined } = inlineSnippets(glue, (spec) => files[spec]);
  assert.deepEqual(inlined, ['./snippets/x/one.js', './snippets/x/two.js']);
  assert.ok(!js.includes('./snippets/'), js);
  // Evaluated as the module would be: the names bound as the imports bound them.
  const run = new Function(`${js.replace('export function use', 'function use')}\nreturn use();`);
  const [a, c, nsA, d] = run();
  assert.deepEqual([a, c, nsA], [2, 3, 2]);
  assert.ok(d instanceof Promise);
  for (const bad of ['export default 1;', "import x from './y.js';\nexport function f() {}", 'export function f() { return import.meta.url; }', 'export function f() { return import("./z.js"); }', 'const f = 1;']) {
    assert.throws(() => inlineSnippets("import { f } from './snippets/x/bad.js';", () => bad), /cannot be inlined|exports nothing/, bad);
  }
});
