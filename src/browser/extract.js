// The reading of a saved news page, run in the browser for extract.rs, whose documentation
// gives the rules. It ships as it is written, so its comments are few.

const NO_TEXT =
  'The page has no readable article text: once its navigation, scripts, adverts and other page ' +
  "furniture are set aside, no paragraphs remain. Is it the article's own page?";

// [title, text, url, published, ...authors]; throws a message when there is no article.
export function read_page(html) {
  let page;
  try {
    page = read(html, true) ?? read(html, false);
  } catch {
    throw 'The page could not be read as HTML.';
  }
  if (!page) throw NO_TEXT;
  return [page.title, page.text, page.url, page.published, ...page.authors];
}

function read(html, weak) {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  const meta = readMeta(doc);
  prune(doc, weak);
  const root = chooseRoot(doc);
  if (!root) return null;
  const [h, inside] = headline(doc, root, meta) ?? [];
  const head = h ? render(h)[0].replace(/\n/g, ' ') : '';
  const [body, at] = render(root, inside && h);
  const text = assemble(body, h ? (inside ? at : head) : null, meta.authors);
  if (!text || text === head) return null;
  const { url, authors, published, site, ogTitle } = meta;
  const title = ogTitle != null ? stripSiteName(ogTitle, site, false) : stripSiteName(meta.docTitle, site, true);
  return { title: head || title[0] || text.split('\n')[0], text, url, authors, published };
}

const W = '[\\t-\\r \\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000]';
const [ANY_W, EDGE_W, END_W] = [RegExp(W, 'g'), RegExp(`^${W}+|${W}+$`, 'g'), RegExp(`${W}+$`)];
const SPACES = /[\t\n\f\r \xa0]+/; // what CSS collapses, and the no-break space
const trim = (s) => s.replace(EDGE_W, '');
const chars = (s) => [...s].length;
const visible = (s) => chars(s.replace(ANY_W, ''));
const low = (s) => s.replace(/[A-Z]+/g, (m) => m.toLowerCase());
const tokens = (s) => s.split(/[\t\n\f\r ]+/).filter(Boolean); // of a class list or an id
const collapse = (s) => s.replace(/\xad/g, '').split(SPACES).filter(Boolean).join(' ');

// Metadata

const SLOTS = { __proto__: null, 'og:title': 'ogTitle', 'og:site_name': 'site', 'og:url': 'ogUrl' };
SLOTS['article:published_time'] = 'published';
const DATES = 'date pubdate publishdate publish-date publish_date dc.date dc.date.issued dcterms.created';
for (const k of `${DATES} parsely-pub-date sailthru.date`.split(' ')) SLOTS[k] = 'date';
const TIME =
  'article time[datetime], main time[datetime], [class*=byline i] time[datetime], ' +
  '[class*=dateline i] time[datetime], time[pubdate][datetime]';

function readMeta(doc) {
  const [tags, named, ld] = [{}, { author: [], 'article:author': [] }, { authors: [], published: null }];
  for (const m of doc.querySelectorAll('meta[content]')) {
    const key = low(trim(m.getAttribute('property') ?? m.getAttribute('name') ?? ''));
    const content = collapse(m.getAttribute('content'));
    if (!content) continue;
    if (key === 'author' || key === 'article:author') named[key].push(...splitAuthors(content));
    else if (SLOTS[key]) tags[SLOTS[key]] ??= content;
  }
  for (const s of doc.querySelectorAll("script[type='application/ld+json' i]")) {
    try {
      ldJson(JSON.parse(trim(s.textContent)), ld);
    } catch {} // not JSON: skipped
  }
  const authors = [];
  for (const n of [...named.author, ...named['article:author'], ...ld.authors, ...markedAuthors(doc)])
    pushUnique(authors, n);
  const canonical = doc.querySelector('link[rel~=canonical i]')?.getAttribute('href') ?? null;
  const og = tags.ogUrl ?? null;
  const url = canonical != null && og?.includes('://') && !canonical.includes('://') ? og : canonical ?? og;
  const item = doc.querySelector('[itemprop~=datePublished i]');
  const itemDate = item && (item.getAttribute('content') ?? item.getAttribute('datetime') ?? item.textContent);
  const time = doc.querySelector(TIME)?.getAttribute('datetime');
  const published = [tags.published, tags.date, ld.published, itemDate, time].map((d) => trim(d ?? '')).find(Boolean);
  const { ogTitle = null, site = null } = tags;
  return { url, authors, published: published ?? null, ogTitle, docTitle: doc.title, site };
}

function markedAuthors(doc) {
  const out = [];
  for (const el of doc.querySelectorAll('a[rel~=author i], [itemprop~=author i]')) {
    if (inComments(el)) continue;
    const named = el.querySelector('[itemprop~=name i]') ?? el;
    const name = named.getAttribute('content') ?? (named.localName === 'link' ? null : named.textContent);
    if (name != null) splitAuthors(name).forEach((n) => pushUnique(out, n));
  }
  return out;
}

function inComments(el) {
  for (let e = el.parentElement; e; e = e.parentElement) {
    if (e.localName === 'aside' || e.localName === 'nav') return true;
    const names = tokens(`${e.getAttribute('class') ?? ''} ${e.id}`).map(low);
    if (names.some((t) => !t.startsWith('has-') && /comment|related/.test(t))) return true;
  }
  return false;
}

function ldJson(value, ld) {
  const objects = [];
  const flatten = (v, depth) => {
    if (depth > 4) return;
    if (Array.isArray(v)) v.forEach((x) => flatten(x, depth + 1));
    else if (v && typeof v === 'object') {
      objects.push(v);
      for (const k of ['@graph', 'mainEntity', 'mainEntityOfPage']) if (v[k] !== undefined) flatten(v[k], depth + 1);
    }
  };
  flatten(value, 0);
  const types = ({ '@type': t }) => [t].flat().filter((x) => typeof x === 'string');
  const found = objects.filter((o) => o.author !== undefined || o.datePublished !== undefined);
  const chosen =
    found.find((o) => types(o).some((t) => /Article$|^(BlogPosting|Report|LiveBlogPosting)$/.test(t))) ??
    found.find((o) => !types(o).some((t) => t === 'Comment' || t === 'Review'));
  if (!chosen) return;
  const date = chosen.datePublished;
  if (ld.published == null && typeof date === 'string') ld.published = trim(date) || null;
  const authors = (v) => {
    if (typeof v === 'string') splitAuthors(v).forEach((n) => pushUnique(ld.authors, n));
    else if (Array.isArray(v)) v.forEach(authors);
    else if (v && typeof v === 'object' && v.name !== undefined) authors(v.name);
  };
  authors(chosen.author);
}

function splitAuthors(field) {
  const s = collapse(field);
  let parts = [stripBy(s) ?? s];
  for (const sep of [', ', '; ', ' and ', ' & ']) {
    const next = parts.flatMap((p) => p.split(sep)).map((p) => trim(p));
    if (next.every((p) => p.includes(' '))) parts = next;
  }
  return parts.filter((p) => p && chars(p) <= 80 && !/^(\/|https?:\/\/)/.test(p));
}

const pushUnique = (list, name) => list.some((n) => low(n) === low(name)) || list.push(name);
// What follows "By " or the like, trimmed; null without it.
const stripBy = (s) => (/^(By:? |by:? |BY )/.test(s) ? trim(s.replace(/^\S+ /, '')) : null);

const SEPARATORS = [' | ', ' - ', ' – ', ' — ', ' · ', ' :: ', ' » '];

// [title without the site's name, what was cut]
function stripSiteName(title, site, generic) {
  const [t, s] = [collapse(title), collapse(site ?? '')];
  for (const sep of s && s !== t ? [...SEPARATORS, ': '] : []) {
    if (t.endsWith(sep + s)) return [trim(t.slice(0, t.length - (sep + s).length)), s];
    if (t.startsWith(s + sep)) return [trim(t.slice((s + sep).length)), s];
  }
  if (!generic) return [t, null];
  const at = (find, seps) => seps.map((sep) => [find(sep), sep.length]).filter(([i]) => i >= 0);
  const split = ([i, n]) => [t.slice(0, i), t.slice(i + n)];
  const [last] = at((sep) => t.lastIndexOf(sep), SEPARATORS).sort((a, b) => b[0] - a[0]);
  const [left, right] = last ? split(last) : [];
  if (last && chars(left) > chars(right)) return [trim(left), trim(right)];
  const [first] = at((sep) => t.indexOf(sep), [' | ', ' · ']).sort((a, b) => a[0] - b[0]);
  const [section, rest] = first ? split(first) : [];
  if (first && section.split(' ').length <= 3 && chars(section) < chars(rest)) return [trim(rest), trim(section)];
  return [t, null];
}

// [the headline's h1, whether it is inside root], or null
function headline(doc, root, meta) {
  const first = root.querySelector('h1');
  if (first && collapse(first.textContent)) return [first, true];
  const title = low(meta.ogTitle ?? meta.docTitle);
  const sites = [meta.site, stripSiteName(meta.docTitle, meta.site, true)[1]].filter((s) => s != null).map(low);
  let [best, bestKey] = [null, -1];
  for (const h of doc.querySelectorAll('h1')) {
    const t = low(collapse(h.textContent));
    if (!t || sites.includes(t)) continue;
    const key = title.includes(t) ? new TextEncoder().encode(t).length : 0;
    if (key > bestKey) [best, bestKey] = [h, key];
  }
  return best && [best, root.contains(best)];
}

// Page furniture and the root of the article

const ALWAYS = `script style noscript template svg math iframe frame object embed canvas video audio picture img figure
  figcaption button input select textarea rt rp`.split(/\s+/);
const FURNITURE = 'form nav aside footer dialog address menu header'.split(' ');
const ROLES = 'navigation complementary contentinfo banner dialog alertdialog search menu menubar toolbar';
const DROP_ATTRS = `[hidden],[aria-hidden=true i],[aria-modal=true i],${ROLES.split(' ').map((r) => `[role=${r} i]`)}`;
const HOLDS = 'h1, main, [itemprop~=articleBody i], [role=main i]';

function prune(doc, weak) {
  const spared = (el) => /^(html|body|main)$/.test(el.localName) || !!el.querySelector(HOLDS);
  const remove = (selector, drop) => doc.querySelectorAll(selector).forEach((el) => drop(el) && el.remove());
  remove(`${ALWAYS},${FURNITURE},${DROP_ATTRS},[style*=none i],[style*=hidden i]`, (el) => {
    const name = el.localName;
    if (ALWAYS.includes(name)) return true;
    const byTag = name === 'header' ? !el.closest('article, section') : FURNITURE.includes(name);
    const style = low((el.getAttribute('style') ?? '').replace(ANY_W, ''));
    return (byTag || el.matches(DROP_ATTRS) || /display:none|visibility:hidden/.test(style)) && !spared(el);
  });
  remove('[class],[id]', (el) => boilerplate(el.getAttribute('class') ?? '', el.id, weak) && !spared(el));
}

const STRONG = RegExp(`cookie|consent|gdpr|share|sharing|social|related|recommend|comment|newsletter|subscri|signup|\
sign-up|promo|advert|sponsor|popup|modal|byline|author|outbrain|taboola|disqus|sr-only|visually-hidden|screen-reader|\
skip-link|adslot|adunit|adcontainer|ad-slot|dfp-`);
const WEAK = RegExp(`banner|sidebar|breadcrumb|footer|menu|masthead|trending|popular|pagination|toolbar|tags|navbar|\
navigation|^(nav|meta|hidden|hide|d-none)$|^(nav[-_]|meta-)|([-_]nav|-meta|-hidden|-none)$|-nav-`);

function boilerplate(cls, id, weak) {
  let noisy = false;
  for (const t of tokens(`${cls} ${id}`).map(low)) {
    if (/^(has|with|no)-/.test(t)) continue;
    const strong = (STRONG.test(t) && !t.includes('commentary')) || /^ads?$|^ads?[-_]|[-_]ads?$|-ad-/.test(t);
    if (strong || (weak && WEAK.test(t))) noisy = true;
    else if (/article|content|story|main/.test(t) && !WEAK.test(t)) return false;
  }
  return noisy;
}

function chooseRoot(doc) {
  let [fallback, most] = [null, 0];
  for (const selector of ['article', 'main', '[itemprop~=articleBody i]', '[role=main i]']) {
    let [best, n] = [null, -1];
    for (const el of doc.querySelectorAll(selector)) {
      const ps = [...el.querySelectorAll('p')];
      const c = ps.length ? ps.reduce((s, p) => s + chars(trim(p.textContent)), 0) : chars(collapse(el.textContent));
      if (c > n) [best, n] = [el, c];
    }
    if (best && n >= 140) return best;
    if (best && n > most) [fallback, most] = [best, n];
  }
  return densest(doc) ?? fallback ?? doc.body;
}

function densest(doc) {
  const scores = new Map();
  for (const p of doc.querySelectorAll('p, pre')) {
    const len = visible(p.textContent);
    if (len < 25) continue;
    const score = 1 + (p.textContent.match(/[,，、،]/g)?.length ?? 0) + Math.min(len / 100, 3);
    for (const [el, share] of [[p.parentElement, 1], [p.parentElement?.parentElement, 0.5]])
      if (el) scores.set(el, (scores.get(el) ?? 0) + score * share);
  }
  let [best, top] = [null, 0];
  for (const [el, score] of scores) {
    const all = visible(el.textContent);
    const linked = [...el.querySelectorAll('a')].reduce((s, a) => s + visible(a.textContent), 0);
    const s = score * (1 - (all ? Math.min(linked / all, 1) : 1));
    if (!best || s > top) [best, top] = [el, s];
  }
  return best;
}

// Text

const BLOCK = new Set(`p div h1 h2 h3 h4 h5 h6 li ul ol dl dt dd blockquote section article header main hgroup table
  caption thead tbody tfoot tr center details summary fieldset legend hr body html figure figcaption aside nav footer
  form address menu dialog`.split(/\s+/));
const RAW = new Set('script style xmp iframe noembed noframes plaintext template textarea'.split(' '));

// [the text below root, where the line of mark starts]
function render(root, mark) {
  let [out, pending, fresh, pre, at] = ['', '', true, 0, null];
  // pending: white space since the last visible character, written if another follows;
  // fresh: at a line's start; pre: how many <pre> we are in.
  const newline = () => {
    if (!fresh) out += '\n';
    pending = '';
    fresh = true;
  };
  const word = (w) => {
    if (!w) return;
    out += pending + w;
    pending = '';
    fresh = false;
  };
  const space = () => {
    if (!pending && !fresh) pending = ' ';
  };
  const tag = (name, closing) => {
    if (name === 'br' || BLOCK.has(name)) newline();
    else if (name === 'td' || name === 'th') space();
    else if (name === 'pre' || name === 'listing') {
      newline();
      pre += closing ? -1 : 1;
    }
  };
  const walk = (node) => {
    for (let n = node.firstChild; n; n = n.nextSibling) {
      if (n.nodeType === 1 && !RAW.has(n.localName)) {
        tag(n.localName, false);
        if (n === mark) at = out.length;
        walk(n);
        tag(n.localName, true);
      } else if (n.nodeType === 3 && pre) {
        for (const c of n.data.replace(/\xad/g, '')) {
          if (c === '\n') newline();
          else if (c === ' ' || c === '\t' || c === '\xa0') pending += c === '\t' ? c : ' ';
          else if (c !== '\r') word(c);
        }
      } else if (n.nodeType === 3) {
        const words = n.data.replace(/\xad/g, '').split(SPACES);
        words.forEach((w, i) => {
          if (i) space();
          word(w);
        });
      }
    }
  };
  walk(root);
  return [fresh && out ? out.slice(0, -1) : out, at];
}

// place: where the headline's line starts in body, the headline when it is outside, or null
function assemble(body, place, authors) {
  let text = body;
  if (typeof place === 'number' && place > 0) {
    const [before, [head, ...after]] = [body.slice(0, place), body.slice(place).split('\n')];
    const kept = [head, before.replace(END_W, ''), after.join('\n')].filter(Boolean).join('\n');
    text = chars(before) < 120 ? body.slice(place) : kept;
  } else if (typeof place === 'string' && place && body !== place && !body.startsWith(`${place}\n`)) {
    text = body ? `${place}\n${body}` : place;
  }
  return text.split('\n').filter((line, i) => i >= 6 || !byline(line, authors)).join('\n');
}

function byline(line, authors) {
  const rest = stripBy(line);
  if (!rest || chars(line) >= 100) return false;
  const word = /^([A-Z]|[^\0-\x7f])|^(and|&|in|for|\|)$/;
  return authors.some((a) => rest.includes(a)) || rest.split(' ').every((w) => word.test(w));
}
