// Minifies the scripts of a release build in place (the wasm-bindgen glue and the app's
// browser-side snippets; trunk minifies only the stylesheet and the page) and writes their new
// subresource-integrity hashes into index.html.
//   node scripts/minify-dist.mjs [dist]
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { minify } from 'terser';

const dist = process.argv[2] ?? 'dist';
const page = join(dist, 'index.html');
let html = readFileSync(page, 'utf8');
const scripts = [...html.matchAll(/href=("?)(\/[^"\s>]+\.js)\1 integrity=("?)(sha384-[^"\s>]+)\3/g)];
if (scripts.length === 0) throw new Error(`${page}: no script with an integrity hash`);
let before = 0;
let after = 0;
for (const [, , href, , hash] of scripts) {
  const file = join(dist, href);
  const source = readFileSync(file, 'utf8');
  const out = await minify(source, { module: true, ecma: 2020, compress: { passes: 2 }, mangle: true });
  if (typeof out.code !== 'string') throw new Error(`${file}: terser gave no output`);
  writeFileSync(file, out.code);
  const digest = createHash('sha384').update(out.code).digest('base64');
  html = html.replace(hash, `sha384-${digest}`);
  before += source.length;
  after += out.code.length;
}
writeFileSync(page, html);
console.log(`minify-dist: ${scripts.length} scripts, ${before} -> ${after} bytes`);
