// Puts the app's browser-side snippets (the modules wasm-bindgen writes under snippets/, from
// `#[wasm_bindgen(module = ...)]` and `inline_js`) into the glue module itself, so that the
// page loads one script instead of four: the glue's imports of a snippet wait for it to come,
// and a snippet's name is not a hash of its content, so a host has the browser ask for it
// again on every open (a round trip before the app can start, even when nothing changed).
//
// A snippet becomes a function scope whose exported declarations are returned as an object,
// which stands where the module did: `import { a, b as c } from './snippets/…'` becomes
// `const { a, b: c } = snippet0;` and `import * as m from …` becomes `const m = snippet0;`
// (the glue hands such an object to the wasm as the import module of that name). Snippets
// that are not plain modules of exported declarations are refused, not guessed at.
//   inlineSnippets(glueSource, readSnippet) -> { js, inlined: [specifier, ...] }

const IMPORT = /^import\s*(\{[^}]*\}|\*\s*as\s+[\w$]+)\s*from\s*(["'])(\.\/snippets\/[^"']+\.js)\2;?[ \t]*$/gm;
const EXPORTED = /^export\s+((?:async\s+)?function\*?|class|const|let|var)\s+([\w$]+)/gm;

/** The snippet's source as a function scope's body, returning its exports by name. */
function scoped(spec, source) {
  const names = [];
  const body = source.replace(EXPORTED, (_, kind, name) => {
    names.push(name);
    return `${kind} ${name}`;
  });
  for (const [what, re] of [
    ['an export', /^\s*export\b/m],
    ['an import', /^\s*import\b/m],
    ['import.meta', /\bimport\.meta\b/],
    ['a dynamic import', /\bimport\s*\(/],
  ]) {
    if (re.test(body)) throw new Error(`${spec}: ${what} that cannot be inlined`);
  }
  if (names.length === 0) throw new Error(`${spec}: exports nothing`);
  return `(() => {\n${body}\nreturn { ${names.join(', ')} };\n})()`;
}

/** The import clause as a declaration of the same names from `object`. */
function bindings(clause, object) {
  const ns = clause.match(/^\*\s*as\s+([\w$]+)$/);
  if (ns) return `const ${ns[1]} = ${object};`;
  const parts = clause
    .slice(1, -1)
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => {
      const m = p.match(/^([\w$]+)(?:\s+as\s+([\w$]+))?$/);
      if (!m) throw new Error(`import clause not understood: ${clause}`);
      return m[2] ? `${m[1]}: ${m[2]}` : m[1];
    });
  return `const { ${parts.join(', ')} } = ${object};`;
}

export function inlineSnippets(js, readSnippet) {
  const objects = new Map();
  const scopes = [];
  const out = js.replace(IMPORT, (_, clause, _q, spec) => {
    if (!objects.has(spec)) {
      const name = `__aa_snippet${objects.size}`;
      objects.set(spec, name);
      scopes.push(`const ${name} = ${scoped(spec, readSnippet(spec))};`);
    }
    return bindings(clause.trim(), objects.get(spec));
  });
  if (/^\s*import\b[^(]*\.\/snippets\//m.test(out)) throw new Error('an import of a snippet was left in the glue');
  // (Declared before the imports' bindings, which read them; the glue's own code follows.)
  return { js: `${scopes.join('\n')}\n${out}`, inlined: [...objects.keys()] };
}
