// Minifies a release build in place: the wasm and its glue call each other by short names
// (short-imports.mjs) and the wasm keeps no record of the toolchain; the app's browser-side
// snippets are put into the glue (inline-snippets.mjs), their files and preload links removed;
// the scripts (trunk minifies only the stylesheet and the page) go through terser; index.html
// gets the new subresource-integrity hashes, and the glue and wasm names after their content.
//   node scripts/minify-dist.mjs [dist]
import { createHash } from 'node:crypto';
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { minify } from 'terser';
import { inlineSnippets } from './inline-snippets.mjs';
import { dropCustomSections, shortenExports, shortenImports } from './short-imports.mjs';

const dist = process.argv[2] ?? 'dist';
const page = join(dist, 'index.html');
let html = readFileSync(page, 'utf8');
const linked = [...html.matchAll(/href=("?)(\/[^"\s>]+\.(?:js|wasm))\1 integrity=("?)(sha384-[^"\s>]+)\3/g)].map(
  ([, , href, , hash]) => ({ href, hash, file: join(dist, href) }),
);
let scripts = linked.filter((l) => l.href.endsWith('.js'));
if (scripts.length === 0) throw new Error(`${page}: no script with an integrity hash`);
const contents = new Map(linked.map((l) => [l.file, readFileSync(l.file)]));

// The glue beside its wasm (`/name-HASH.js` and `/name-HASH_bg.wasm`).
const wasm = linked.find((l) => l.href.endsWith('_bg.wasm'));
const glue = wasm && scripts.find((l) => l.href === wasm.href.replace(/_bg\.wasm$/, '.js'));
let renamed = 0;
if (glue) {
  const js = contents.get(glue.file).toString('utf8');
  const module = js.match(/"(\.\/[^"]+_bg\.js)":\s*[\w$]+/)?.[1];
  if (module) {
    const imports = shortenImports(contents.get(wasm.file), js, module);
    const exports = shortenExports(imports.wasm, imports.js);
    contents.set(wasm.file, dropCustomSections(exports.wasm, ['producers', 'target_features']));
    contents.set(glue.file, Buffer.from(exports.js));
    renamed = imports.renamed + exports.renamed;
  }
  const inlined = inlineSnippets(contents.get(glue.file).toString('utf8'), (spec) =>
    readFileSync(join(dirname(glue.file), spec), 'utf8'),
  );
  contents.set(glue.file, Buffer.from(inlined.js));
  const gone = new Set(inlined.inlined.map((spec) => join(dirname(glue.file), spec)));
  // (A snippet the glue no longer imports, left in the bindings' output by an earlier build,
  // is linked for preloading all the same: gone with the others, as no import of one is left.)
  if (gone.size) {
    for (const s of scripts.filter((s) => s.href.startsWith('/snippets/'))) gone.add(s.file);
  }
  for (const s of scripts.filter((s) => gone.has(s.file))) {
    // (the preload link, minified or not: `<link crossorigin href=… integrity=… rel=modulepreload>`)
    const link = new RegExp(`<link[^>]*href=("?)${s.href.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\1[^>]*>`);
    if (!link.test(html)) throw new Error(`${page}: no link to ${s.href} to remove`);
    html = html.replace(link, '');
    rmSync(s.file);
    contents.delete(s.file);
  }
  scripts = scripts.filter((s) => !gone.has(s.file));
  if (gone.size) rmSync(join(dist, 'snippets'), { recursive: true, force: true });
}

let before = 0;
let after = 0;
for (const s of scripts) {
  const source = contents.get(s.file).toString('utf8');
  const out = await minify(source, { module: true, ecma: 2020, compress: { passes: 2 }, mangle: true });
  if (typeof out.code !== 'string') throw new Error(`${s.file}: terser gave no output`);
  contents.set(s.file, Buffer.from(out.code));
  before += source.length;
  after += out.code.length;
}
for (const l of linked.filter((l) => contents.has(l.file))) {
  const bytes = contents.get(l.file);
  writeFileSync(l.file, bytes);
  html = html.replace(l.hash, `sha384-${createHash('sha384').update(bytes).digest('base64')}`);
}
// The glue and its wasm named anew after what they now hold: trunk named them after its own
// output, and a host may have the browser keep a hashed name for a year, so a build whose
// minified files differ (a new version of these scripts) must not reuse the name.
if (glue) {
  const stem = glue.href.slice(1, -'.js'.length);
  const hash = createHash('sha256').update(contents.get(glue.file)).update(contents.get(wasm.file)).digest('hex').slice(0, 16);
  const fresh = stem.replace(/-[0-9a-f]{8,16}$/, `-${hash}`);
  if (fresh === stem) throw new Error(`${glue.href}: no hash in the name to replace`);
  renameSync(glue.file, join(dist, `${fresh}.js`));
  renameSync(wasm.file, join(dist, `${fresh}_bg.wasm`));
  html = html.split(`/${stem}.js`).join(`/${fresh}.js`).split(`/${stem}_bg.wasm`).join(`/${fresh}_bg.wasm`);
  if (html.includes(stem)) throw new Error(`${page}: ${stem} still named after renaming`);
}
writeFileSync(page, html);
console.log(`minify-dist: ${renamed} imports and exports renamed; snippets inlined; ${scripts.length} scripts, ${before} -> ${after} bytes`);
