// The floors the open and the scroll are measured against: static pages, served from the same
// origin as the app and styled by its own stylesheet, that hold
//   screen.html  the first screen of the document as the app shows it: the toolbar's words, the
//                headline, the standfirst and the paragraphs the app draws with highlights at
//                once (those starting within 2,700 code points, as `first_screen` in
//                src/components/article.rs counts for a 900 px window), with their highlights
//                (the entity and claim tints of the annotations that lie inside one paragraph
//                and overlap no other: a static page need not nest them);
//   whole.html   the whole text, one element a paragraph, no highlights and no script.
// Each ends with the same double requestAnimationFrame and mark ("aa:painted") as the app, so
// `waitPainted` measures both alike.

const FIRST_SCREEN_CODE_POINTS = 2700;
const PAINTED = "<script>requestAnimationFrame(()=>requestAnimationFrame(()=>performance.mark('aa:painted')))</script>";
const TOOLBAR = ['Undo', 'Redo', 'Open article', 'Library', 'Labels', 'Import', 'Export', 'Keyboard shortcuts'];

const escape = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The document's blocks (its lines) as [start, end) in code points, with their text. */
function blocks(text) {
  const out = [];
  let start = 0;
  for (const line of text.split('\n')) {
    const cps = Array.from(line);
    out.push({ start, end: start + cps.length, cps });
    start += cps.length + 1;
  }
  return out;
}

function page(title, css, body) {
  return `<!doctype html><html lang=en><meta charset=utf-8><meta name=viewport content="width=device-width,initial-scale=1">` +
    `<title>${escape(title)}</title><link rel=stylesheet href="${css}"><body><div class=app><div class=chrome><header class=toolbar>` +
    `<h1 class=doc-title>${escape(title)}</h1>${TOOLBAR.map((t) => `<button type=button>${t}</button>`).join('')}</header></div>` +
    `<main class=workspace><article class=article aria-label="Article text">${body}</article></main></div>`;
}

function element(i, inner) {
  if (i === 0) return `<h1 class=headline>${inner}</h1>`;
  return i === 1 ? `<p class=standfirst>${inner}</p>` : `<p>${inner}</p>`;
}

/** One block's text with the highlights of `anns` (sorted, non-overlapping, inside it). */
function highlighted(block, anns, colors) {
  let out = '';
  let at = block.start;
  for (const a of anns) {
    out += escape(block.cps.slice(at - block.start, a.start - block.start).join(''));
    const color = colors.get(a.label) || '#888888';
    const look = a.kind === 'claim' ? `class="hl claim" style="--claim:${color}"` : `class=hl style="--bg:${color}47"`;
    out += `<mark ${look}>${escape(block.cps.slice(a.start - block.start, a.end - block.start).join(''))}</mark>`;
    at = a.end;
  }
  return out + escape(block.cps.slice(at - block.start).join(''));
}

/** {screen, whole}: the two pages' HTML for native document `doc`, linking stylesheet `css`. */
export function staticPages(doc, css) {
  const text = doc.document.text;
  const all = blocks(text);
  const colors = new Map(doc.labels.map((l) => [l.id, l.color]));
  const first = all.filter((b) => b.start < FIRST_SCREEN_CODE_POINTS);
  const sorted = [...doc.annotations].sort((a, b) => a.start - b.start || b.end - a.end);
  const kept = first.map(() => []);
  let lastEnd = -1;
  for (const a of sorted) {
    const i = first.findIndex((b) => a.start >= b.start && a.end <= b.end);
    if (i < 0 || a.start < lastEnd) continue;
    kept[i].push(a);
    lastEnd = a.end;
  }
  const screen = first.map((b, i) => element(i, highlighted(b, kept[i], colors))).join('');
  const whole = all.map((b, i) => element(i, escape(b.cps.join('')))).join('');
  return {
    screen: page(doc.document.title, css, screen) + PAINTED,
    whole: page(doc.document.title, css, whole) + PAINTED,
  };
}
