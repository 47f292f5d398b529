// Shortens the names by which the wasm and its glue call each other. wasm-bindgen names each
// one like `__wbg_setAttribute_e9d4fc1f8bcf0b0a` under the module `./article-annotator_bg.js`,
// and the wasm's import section repeats both strings for all ~200 imports, as the glue's
// import object repeats the names: about 20 KB before compression, most of it hashes that
// do not compress. Each import gets a name of one or two letters, in both files; so do the
// exports wasm-bindgen names after itself (`__wbindgen_malloc`, closure invokers with names of
// a hundred characters), which the glue calls as `wasm.NAME`.

/** Reads an unsigned LEB128 at `at`: [value, next offset]. */
function leb(bytes, at) {
  let value = 0;
  let shift = 0;
  for (;;) {
    const b = bytes[at++];
    value += (b & 0x7f) * 2 ** shift;
    shift += 7;
    if (b < 0x80) return [value, at];
  }
}

function toLeb(value) {
  const out = [];
  do {
    let b = value % 128;
    value = Math.floor(value / 128);
    if (value > 0) b |= 0x80;
    out.push(b);
  } while (value > 0);
  return out;
}

const utf8 = new TextEncoder();
const text = new TextDecoder('utf-8', { fatal: true });
/** Reads a length-prefixed UTF-8 name at `at`: [name, next offset]. */
function readString(bytes, at) {
  const [len, start] = leb(bytes, at);
  return [text.decode(bytes.subarray(start, start + len)), start + len];
}

const str = (s) => [...toLeb(utf8.encode(s).length), ...utf8.encode(s)];

/** The section with this id: where it starts, where its body starts, where it ends. */
function findSection(bytes, id) {
  let at = 8;
  while (at < bytes.length) {
    const [size, body] = leb(bytes, at + 1);
    if (bytes[at] === id) return { id, start: at, body, end: body + size };
    at = body + size;
  }
  return null;
}

/** `bytes` with `section`'s body replaced by `body` (bytes). */
function replaceSection(bytes, section, body) {
  return new Uint8Array([
    ...bytes.subarray(0, section.start),
    section.id,
    ...toLeb(body.length),
    ...body,
    ...bytes.subarray(section.end),
  ]);
}

/** Short names: a … z, A … Z, then two letters. */
function shortName(i) {
  const letters = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
  return i < letters.length ? letters[i] : letters[Math.floor(i / letters.length) - 1] + letters[i % letters.length];
}

/** The length in bytes of an import's description of kind `kind` at `at` (after its names). */
function descriptionEnd(bytes, kind, at) {
  const limits = (p) => {
    const flags = bytes[p];
    let [, q] = leb(bytes, p + 1);
    if (flags & 1) [, q] = leb(bytes, q);
    return q;
  };
  switch (kind) {
    case 0: return leb(bytes, at)[1]; // function: type index
    case 1: return limits(at + 1); // table: reference type, limits
    case 2: return limits(at); // memory: limits
    case 3: return at + 2; // global: value type, mutability
    case 4: return leb(bytes, at + 1)[1]; // tag: attribute, type index
    default: throw new Error(`unknown import kind ${kind}`);
  }
}

/**
 * Renames the imports of `module` in `wasm` (bytes) and in the glue `js` (source text).
 * Returns { wasm, js, renamed }, or the inputs unchanged (renamed 0) when the glue does not
 * hold each name exactly once as an object key.
 */
export function shortenImports(wasm, js, module) {
  const bytes = new Uint8Array(wasm);
  const section = findSection(bytes, 2);
  if (!section) return { wasm, js, renamed: 0 };
  let [count, p] = leb(bytes, section.body);
  const entries = [];
  for (let i = 0; i < count; i++) {
    const [mod, f0] = readString(bytes, p);
    const [field, k] = readString(bytes, f0);
    const end = descriptionEnd(bytes, bytes[k], k + 1);
    entries.push({ mod, field, rest: bytes.subarray(k, end) });
    p = end;
  }
  const key = (name) => new RegExp(`(?<![\\w$])${name.replace(/\$/g, '\\$')}:`, 'g');
  const ours = entries.filter((e) => e.mod === module);
  const moduleKey = JSON.stringify(module);
  if (ours.length === 0 || js.split(moduleKey).length !== 2) return { wasm, js, renamed: 0 };
  if (ours.some((e) => (js.match(key(e.field)) || []).length !== 1)) return { wasm, js, renamed: 0 };
  let n = 0;
  const names = new Map(ours.map((e) => [e.field, shortName(n++)]));
  let out = js.replace(moduleKey, '"a"');
  for (const [long, short] of names) out = out.replace(key(long), `${short}:`);
  const body = [...toLeb(count)];
  for (const e of entries) {
    const ourModule = e.mod === module;
    body.push(...str(ourModule ? 'a' : e.mod), ...str(ourModule ? names.get(e.field) : e.field), ...e.rest);
  }
  return { wasm: replaceSection(bytes, section, body), js: out, renamed: names.size };
}

/**
 * Renames the wasm's exports that wasm-bindgen named (`__wbindgen…`, `wasm_bindgen…`, `__wbg…`)
 * to `$` and a short name, in `wasm` and where the glue `js` reads them (`.NAME`). Returns
 * { wasm, js, renamed }; unchanged when a name is not found in the glue.
 */
export function shortenExports(wasm, js) {
  const bytes = new Uint8Array(wasm);
  const section = findSection(bytes, 7);
  if (!section) return { wasm, js, renamed: 0 };
  let [count, p] = leb(bytes, section.body);
  const entries = [];
  for (let i = 0; i < count; i++) {
    const [name, k] = readString(bytes, p);
    const end = leb(bytes, k + 1)[1];
    entries.push({ name, rest: bytes.subarray(k, end) });
    p = end;
  }
  const read = (name) => new RegExp(`\\.${name}(?![\\w$])`, 'g');
  const ours = entries.filter((e) => /^(__wbindgen|wasm_bindgen|__wbg)/.test(e.name));
  if (ours.some((e) => !read(e.name).test(js))) return { wasm, js, renamed: 0 };
  let n = 0;
  const names = new Map(ours.map((e) => [e.name, `$${shortName(n++)}`]));
  let out = js;
  for (const [long, short] of names) out = out.replace(read(long), `.${short}`);
  const body = [...toLeb(count)];
  for (const e of entries) body.push(...str(names.get(e.name) ?? e.name), ...e.rest);
  return { wasm: replaceSection(bytes, section, body), js: out, renamed: names.size };
}

/** `wasm` without the custom sections `names` (e.g. the toolchain's `producers` record). */
export function dropCustomSections(wasm, names) {
  const bytes = new Uint8Array(wasm);
  const kept = [bytes.subarray(0, 8)];
  let at = 8;
  while (at < bytes.length) {
    const [size, body] = leb(bytes, at + 1);
    const custom = bytes[at] === 0 && names.includes(readString(bytes, body)[0]);
    if (!custom) kept.push(bytes.subarray(at, body + size));
    at = body + size;
  }
  return Buffer.concat(kept);
}
