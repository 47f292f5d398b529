// Minifies a release build in place: the wasm and its glue call each other by short names
// (short-imports.mjs) and the wasm keeps no record of the toolchain; the scripts (the
// wasm-bindgen glue and the app's browser-side snippets; trunk minifies only the stylesheet
// and the page) go through terser; index.html gets the new subresource-integrity hashes.
//   node scripts/minify-dist.mjs [dist]
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { minify } from 'terser';
import { dropCustomSections, shortenExports, shortenImports } from './short-imports.mjs';

const dist = process.argv[2] ?? 'dist';
const page = join(dist, 'index.html');
let html = readFileSync(page, 'utf8');
const linked = [...html.matchAll(/href=("?)(\/[^"\s>]+\.(?:js|wasm))\1 integrity=("?)(sha384-[^"\s>]+)\3/g)].map(
  ([, , href, , hash]) => ({ href, hash, file: join(dist, href) }),
);
const scripts = linked.filter((l) => l.href.endsWith('.js'));
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
for (const l of linked) {
  const bytes = contents.get(l.file);
  writeFileSync(l.file, bytes);
  html = html.replace(l.hash, `sha384-${createHash('sha384').update(bytes).digest('base64')}`);
}
writeFileSync(page, html);
console.log(`minify-dist: ${renamed} imports and exports renamed; ${scripts.length} scripts, ${before} -> ${after} bytes`);
