// What the app asks of the page, in one module: each module of its own would be one more
// request before the app can start.
let left = null;
export function leaving() {
  const s = getSelection();
  left = s.rangeCount ? s.getRangeAt(0) : null;
}
export function back(root) {
  root.focus();
  if (left && left.startContainer.isConnected) {
    const s = getSelection();
    s.removeAllRanges();
    s.addRange(left);
  }
}
export function take_focus(root) {
  if (document.activeElement !== root) root.focus({ preventScroll: true });
}
export function reveal() {
  const s = getSelection();
  if (!s.rangeCount) return;
  const r = s.getRangeAt(0).getBoundingClientRect();
  if (r.top < 80 || r.bottom > innerHeight - 40) scrollBy(0, r.top - innerHeight / 3);
}
export function modify(extend, forward, unit) {
  getSelection().modify(extend ? 'extend' : 'move', forward ? 'forward' : 'backward', unit);
}
export function find_in(root, query) {
  const sel = getSelection();
  for (let i = 0; i < 64; i++) {
    if (!window.find(query, false, false, true, false, false, false)) return false;
    if (sel.rangeCount && root.contains(sel.getRangeAt(0).commonAncestorContainer)) {
      take_focus(root);
      return true;
    }
  }
  return false;
}
export function focus(selector) {
  const el = document.querySelector(selector);
  el?.focus();
  el?.select?.();
}
// Focus the first element inside `scope` whose attribute `name` is `value`.
export function focus_by(scope, name, value) {
  for (const b of scope.querySelectorAll(`[${name}]`)) if (b.getAttribute(name) === value) return b.focus();
}
export function focus_entry(id) {
  focus_by(document, 'data-id', id);
}
// The children of `el` replaced by `html` parsed; an element of it that had the focus (found
// again by its first data attribute) has it again.
export function fill(el, html) {
  const a = document.activeElement;
  const key = a && a !== el && el.contains(a) ? [...a.attributes].find((x) => x.name.startsWith('data-')) : null;
  el.innerHTML = html;
  if (key) focus_by(el, key.name, key.value);
}
export function show_modal(id) {
  const d = document.getElementById(id);
  if (d && !d.open) d.showModal();
}
export function far_off(reach) {
  queueMicrotask(() => {
    const root = document.querySelector('article.article');
    if (!root) return;
    for (const p of root.querySelectorAll('p[data-p]')) if (+p.dataset.s >= reach) p.classList.add('far');
    const step = () => {
      const far = root.querySelectorAll('.far');
      for (let i = 0; i < 48 && i < far.length; i++) far[i].classList.remove('far');
      if (far.length > 48) requestAnimationFrame(() => setTimeout(step));
    };
    requestAnimationFrame(() => setTimeout(step));
  });
}
const still = matchMedia('(prefers-reduced-motion: reduce)');
export function show(selector, by, smooth) {
  const el = document.querySelector(selector);
  if (!el) return;
  el.classList.remove('far');
  // (A glide only for a reader who has not asked for less motion.)
  if (smooth) return el.scrollIntoView({ block: 'center', behavior: still.matches ? 'instant' : 'smooth' });
  el.scrollIntoView();
  scrollBy(0, by);
}
export function menu_keys(e) {
  const step = { ArrowDown: 1, ArrowRight: 1, ArrowUp: -1, ArrowLeft: -1, Home: -99, End: 99 }[e.key];
  if (!step) return;
  e.preventDefault();
  const items = [...e.currentTarget.querySelectorAll('[role=menuitem]')];
  const at = items.indexOf(document.activeElement);
  const next = at < 0 ? (step > 0 ? 0 : items.length - 1) : Math.max(0, Math.min(items.length - 1, at + step));
  items[next]?.focus();
}
export function back_up(key) {
  try {
    const v = localStorage.getItem(key);
    if (v === null || localStorage.getItem(key + ':backup') === v) return;
    // (A value kept aside as unreadable is no good copy.)
    for (let n = 1, k = key + ':corrupt'; localStorage.getItem(k) !== null; k = key + ':corrupt' + ++n) {
      if (localStorage.getItem(k) === v) return;
    }
    localStorage.setItem(key + ':backup', v);
  } catch (e) {}
}
// Tasks posted to the page itself (see `post`), in order.
const posted = [];
let channel;
export function post(f) {
  if (!channel) {
    channel = new MessageChannel();
    channel.port1.onmessage = () => posted.shift()();
  }
  posted.push(f);
  channel.port2.postMessage(0);
}
// `text` laid out once, unseen, as the article shows it (see `lay_out_unseen`).
export function lay_out_unseen(tag, cls, text) {
  let host = document.getElementById('aa-unseen');
  if (!host) {
    host = document.createElement('article');
    host.id = 'aa-unseen';
    host.className = 'article';
    host.setAttribute('aria-hidden', 'true');
    host.style.cssText = 'position:fixed;left:0;top:0;visibility:hidden;pointer-events:none';
    document.body.append(host);
  }
  const el = document.createElement(tag);
  el.className = cls;
  el.textContent = text;
  host.append(el);
  el.getBoundingClientRect();
  el.remove();
}
export function unseen_done() {
  document.getElementById('aa-unseen')?.remove();
}
export function stored(key) {
  return localStorage.getItem(key);
}
const encoder = new TextEncoder();
// UTF-16 units [from, from + units) of `s` as UTF-8 into `view`, as far as it fits: one unit
// fewer where the piece would end inside a surrogate pair, one more where the piece is that one
// unit. Only the piece is handed to the encoder, which copies what it is given.
export function utf8_piece(s, from, units, view) {
  let to = Math.min(s.length, from + units);
  if (to < s.length && (s.charCodeAt(to - 1) & 0xfc00) === 0xd800) to += to - 1 > from ? -1 : 1;
  const r = encoder.encodeInto(from || to < s.length ? s.slice(from, to) : s, view);
  return [r.read, r.written];
}
export function put(key, value) {
  localStorage.setItem(key, value);
}
export function download(name, mime, content) {
  const url = URL.createObjectURL(new Blob([content], { type: mime }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
export function typing_in_field() {
  const el = document.activeElement;
  return !!el && (['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName) || (el.hasAttribute('contenteditable') && el.tagName !== 'ARTICLE'));
}
export function reading_position() {
  const article = document.querySelector('article.article');
  if (!article) return;
  const r = article.getBoundingClientRect();
  for (const y of [120, 200, 300]) {
    const block = document.elementFromPoint(r.left + r.width / 2, y)?.closest('[data-p]');
    if (block) return `${block.dataset.p} ${Math.trunc(-block.getBoundingClientRect().top)}`;
  }
}
export function hover_labels(root, label) {
  let shown = '';
  const show = (text, x, y) => {
    const now = text ? `${text}|${x}|${y}` : '';
    if (now === shown) return;
    shown = now;
    if (text) {
      label.textContent = text;
      label.style.cssText = `left:${x}px;top:${y}px`;
    }
    label.hidden = !text;
  };
  let scrolled = -1e9;
  root.addEventListener('mouseover', (e) => {
    // (While the page scrolls under a resting pointer, highlights pass beneath it every frame:
    // no label then, and no layout asked for its place.)
    if (e.timeStamp - scrolled < 200) return show();
    const mark = e.target.closest?.('mark[data-labels]');
    const first = mark?.getClientRects()[0];
    if (first) show(mark.dataset.labels, Math.trunc(first.left), Math.trunc(first.top));
    else show();
  });
  root.addEventListener('mouseleave', () => show());
  addEventListener('scroll', (e) => {
    scrolled = e.timeStamp;
    show();
  });
}
// Each highlight's `aria-details` names the sidebar entries (`n-` and the annotation's id) of
// its annotations that are drawn: the lists are virtual, and an entry not drawn is not there
// to point at. Kept up to date as highlights and entries come and go, a task after they do
// (so the first frame waits for none of it).
export function link_details(root) {
  const COMMENT = '[role="comment"][id^="n-"]';
  const MARK = 'mark[data-ids]';
  // Annotation id → the highlights showing it, and each highlight's ids as last seen.
  const marks = new Map();
  const known = new WeakMap();
  const fresh = new Set();
  const entries = new Set();
  const forget = (m) => {
    for (const id of known.get(m) || []) {
      const shown = marks.get(id);
      if (shown?.delete(m) && !shown.size) marks.delete(id);
    }
    known.delete(m);
  };
  const remember = (m) => {
    forget(m);
    const ids = m.dataset.ids.split(' ');
    known.set(m, ids);
    for (const id of ids) (marks.get(id) || marks.set(id, new Set()).get(id)).add(m);
    fresh.add(m);
  };
  const link = (m) => {
    const ids = known.get(m);
    if (!ids || !m.isConnected) return;
    const to = ids.filter((id) => document.getElementById(`n-${id}`)).map((id) => `n-${id}`).join(' ');
    if (to) {
      if (m.getAttribute('aria-details') !== to) m.setAttribute('aria-details', to);
    } else m.removeAttribute('aria-details');
  };
  const each = (n, selector, f) => {
    if (n.nodeType !== 1) return;
    if (n.matches(selector)) f(n);
    for (const c of n.querySelectorAll(selector)) f(c);
  };
  const entry = (e) => entries.add(e.id.slice(2));
  let queued = 0;
  const flush = () => {
    queued = 0;
    for (const id of entries) marks.get(id)?.forEach((m) => fresh.add(m));
    entries.clear();
    fresh.forEach(link);
    fresh.clear();
  };
  const seen = new MutationObserver((ms) => {
    for (const r of ms) {
      if (r.type === 'attributes') {
        if (r.target.matches(MARK)) remember(r.target);
        continue;
      }
      // Highlights are in the article, entries outside it.
      const inside = root.contains(r.target);
      r.removedNodes.forEach((n) => (inside ? each(n, MARK, forget) : each(n, COMMENT, entry)));
      r.addedNodes.forEach((n) => (inside ? each(n, MARK, remember) : each(n, COMMENT, entry)));
    }
    if (!queued && (fresh.size || entries.size)) queued = setTimeout(flush);
  });
  root.querySelectorAll(MARK).forEach(remember);
  document.querySelectorAll(COMMENT).forEach(entry);
  queued = setTimeout(flush);
  // (The article and the sidebar share the workspace: what is drawn outside it, the library
  // listing a table of hundreds of elements, is none of this.)
  seen.observe(root.closest('main') || document.body, { childList: true, subtree: true, attributes: true, attributeFilter: ['data-ids'] });
  return () => {
    clearTimeout(queued);
    seen.disconnect();
  };
}
let segmenter;
export function cluster_starts(line) {
  if (typeof Intl === 'undefined' || !Intl.Segmenter) return new Uint32Array(0);
  segmenter ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  return Uint32Array.from(segmenter.segment(line), (s) => s.index);
}
// Word-like and punctuation segments, or sentences, as (start, end) pairs of UTF-16 offsets
// (for interchange.rs), and a ZIP entry's raw DEFLATE data inflated.
export function segments(text, sentences) {
  if (typeof Intl === 'undefined' || !Intl.Segmenter) return new Uint32Array(0);
  const seg = new Intl.Segmenter(undefined, { granularity: sentences ? 'sentence' : 'word' });
  const out = [];
  for (const s of seg.segment(text)) {
    if (sentences || s.isWordLike || /\S/.test(s.segment)) out.push(s.index, s.index + s.segment.length);
  }
  return Uint32Array.from(out);
}
export function inflate(bytes) {
  const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
  return new Response(stream).arrayBuffer().then((b) => new Uint8Array(b));
}
// The browser loads the Unicode tables a segmenter or a dates' formatter reads once a process,
// when the first is made: 20-60 ms each, on the page's thread. A worker that makes one of each
// first has them loaded on its own thread, and the page's then take under a millisecond. `then`
// runs once the worker is done (or could not run: the page then pays as it would have).
const INTL = "new Intl.Segmenter(undefined,{granularity:'grapheme'}).segment('a');" +
  "new Intl.DateTimeFormat([],{dateStyle:'medium',timeStyle:'short'}).format(0);postMessage(0)";
export function warm_intl(then) {
  let w, url;
  // (Once only, whichever of the worker's message or error comes.)
  const done = () => {
    w?.terminate();
    if (url) URL.revokeObjectURL(url);
    const f = then;
    then = url = null;
    f?.();
  };
  try {
    url = URL.createObjectURL(new Blob([INTL], { type: 'text/javascript' }));
    w = new Worker(url);
    w.onmessage = w.onerror = done;
  } catch {
    done();
  }
}
const margin = { rootMargin: '1200px 0px 1200px 0px' };

// Watches elements until they come within a screen or so of the view, then tells `on_near` the
// number `key` reads from each (once: each is watched no longer), PACE a frame at most: the
// sixteen paragraphs of a chunk drawn at once made a long frame while scrolling.
const PACE = 4;
function nearing(key, on_near) {
  const queue = [];
  let frame = 0;
  const send = () => {
    frame = 0;
    on_near(Uint32Array.from(queue.splice(0, PACE)));
    if (queue.length) frame = requestAnimationFrame(send);
  };
  const o = new IntersectionObserver((es) => {
    for (const e of es) {
      if (!e.isIntersecting) continue;
      o.unobserve(e.target);
      queue.push(key(e.target));
    }
    if (queue.length && !frame) send();
  }, margin);
  const disconnect = o.disconnect.bind(o);
  o.disconnect = () => {
    cancelAnimationFrame(frame);
    queue.length = 0;
    disconnect();
  };
  return o;
}

export function watch_blocks(root, view, on_near) {
  // (A copy: the view into wasm memory does not outlive this call.)
  const watched = view.slice();
  const blocks = nearing((b) => +b.dataset.p, on_near);
  const chunks = new IntersectionObserver((es, o) => {
    for (const e of es) {
      if (!e.isIntersecting) continue;
      o.unobserve(e.target);
      for (const b of e.target.querySelectorAll('[data-p]')) {
        // (Only where it is: a removal writes the attribute even when the class is not there,
        // and every block of the chunk would be styled anew.)
        if (b.classList.contains('far')) b.classList.remove('far');
        if (watched[+b.dataset.p]) blocks.observe(b);
      }
    }
  }, margin);
  root.querySelectorAll('.chunk').forEach((c) => chunks.observe(c));
  // Chunks drawn anew (after an input method's composition) are new elements: watched too.
  const added = new MutationObserver((ms) => ms.forEach((m) => m.addedNodes.forEach((n) => n.classList?.contains('chunk') && chunks.observe(n))));
  added.observe(root, { childList: true });
  return () => {
    added.disconnect();
    chunks.disconnect();
    blocks.disconnect();
  };
}

export function watch_runs(block, on_near) {
  const all = [...block.querySelectorAll(':scope > .run')];
  const runs = nearing((r) => +r.dataset.s, on_near);
  all.forEach((r) => runs.observe(r));
  // Paper shows every run with its highlights.
  const print = () => on_near(Uint32Array.from(all, (r) => +r.dataset.s));
  addEventListener('beforeprint', print);
  return () => {
    removeEventListener('beforeprint', print);
    runs.disconnect();
  };
}

export function watch_list(list, on_range) {
  let queued = 0;
  // Whether the list scrolls in the sidebar's own box (in wide windows) or with what holds it.
  const scroller = list.closest('.lists');
  let own = false;
  const look = () => {
    queued = 0;
    own = !!scroller && getComputedStyle(scroller).overflowY !== 'visible';
    const box = list.getBoundingClientRect();
    if (!box.height) return;
    // The part of the window the list can be seen in: the sidebar's scrolling box, or the page.
    let top = 0;
    let bottom = innerHeight;
    if (own) {
      const v = scroller.getBoundingClientRect();
      top = Math.max(top, v.top);
      bottom = Math.min(bottom, v.bottom);
    }
    top -= box.top;
    bottom -= box.top;
    let at = 0;
    let first = -1;
    let last = -1;
    let sum = 0;
    let n = 0;
    for (const li of list.children) {
      const r = li.getBoundingClientRect();
      const y0 = r.top - box.top;
      const y1 = r.bottom - box.top;
      const seen = y1 > top && y0 < bottom;
      if (li.classList.contains('spacer')) {
        // A spacer stands for entries [from, to), evenly.
        const from = +li.dataset.from;
        const to = +li.dataset.to;
        if (seen && y1 > y0) {
          const k = (to - from) / (y1 - y0);
          if (first < 0) first = from + Math.floor((Math.max(top, y0) - y0) * k);
          last = Math.min(to - 1, from + Math.ceil((Math.min(bottom, y1) - y0) * k));
        }
        at = to;
      } else {
        if (seen) {
          if (first < 0) first = at;
          last = at;
        }
        sum += y1 - y0;
        n++;
        at++;
      }
    }
    // Out of view: the end nearest the view.
    if (first < 0) first = last = bottom <= 0 ? 0 : Math.max(at - 1, 0);
    on_range(first, last, n ? sum / n : 0);
  };
  const soon = () => {
    if (!queued) queued = requestAnimationFrame(look);
  };
  // Only scrolling that moves the list is looked at: the article's is not, in a wide window.
  const scrolled = (e) => {
    if (own ? e.target === scroller : e.target === document || e.target.contains?.(list)) soon();
  };
  const sizes = new ResizeObserver(soon);
  sizes.observe(list);
  addEventListener('scroll', scrolled, { capture: true, passive: true });
  addEventListener('resize', soon);
  return () => {
    cancelAnimationFrame(queued);
    sizes.disconnect();
    removeEventListener('scroll', scrolled, { capture: true });
    removeEventListener('resize', soon);
  };
}

// Work done in the page's idle moments, once a document is open: the article laid out ahead
// of the reader (see `components::near::use_ahead`).

// The end of the idle moment the last `idle` call ran in (see `idle_left`).
let idleUntil = 0;
// `f` run once the page is idle (where the browser has no idle callbacks, after a timeout, with
// 10 ms to use).
export function idle(f) {
  const run = (ms) => {
    idleUntil = performance.now() + ms;
    f();
  };
  if (typeof requestIdleCallback === 'function') requestIdleCallback((d) => run(d.timeRemaining()));
  else setTimeout(() => run(10), 50);
}
export function idle_left() {
  return Math.max(0, idleUntil - performance.now());
}
// Lays the article's blocks out ahead of the reader in idle moments (at most STEP_MS of each),
// chunk by chunk: first the chunk after the last one near the view (see `watch_blocks`; at the
// start, the chunk holding block `from`), so that a reader who scrolls on finds the chunks ahead
// laid out, then the others. A chunk out of view is skipped by the browser
// (`content-visibility: auto`); asking for the size of a block inside it lays that chunk out
// there and then, and the browser keeps what it laid out. With the chunk's other blocks `far`
// (each a placeholder), that lays out only the blocks let in: as many a time as fit the moment
// (a long paragraph alone). A scroll that brings the chunk into view then paints what is there:
// it does not lay out sixteen paragraphs in a frame, nor make the allocations whose collecting
// the frames of a scroll waited for. (Changing the chunk's own `content-visibility` instead
// restyled all of it at once, and kept every chunk in the page's paint and hit tests.)
const STEP_MS = 8;
export function lay_out_ahead(from) {
  const root = document.querySelector('article.article');
  if (!root) return;
  const all = [...root.children].filter((c) => c.classList.contains('chunk'));
  const start = Math.max(0, all.findIndex((c) => c.querySelector(`[data-p="${from}"]`)));
  let first = true;
  const pick = () => {
    const near = all.findLastIndex((c) => c.classList.contains('shown'));
    const at = first || near < 0 ? start : near + 1;
    first = false;
    for (let k = 0; k < all.length; k++) {
      const c = all[(at + k) % all.length];
      if (c.isConnected && !c.classList.contains('shown') && !c.classList.contains('ahead')) return c;
    }
    return null;
  };
  // The chunk being laid out, and its blocks still to lay out.
  let chunk = null;
  let pending = [];
  // What a block took to lay out (ms), measured on the last batch: as many a batch as fit
  // what is left of the moment (a chunk's sixteen at once when they are short, one when it
  // is a long one).
  let per = 2;
  const step = (until) => {
    while (performance.now() < until) {
      if (!pending.length) {
        // (The last chunk laid out: says so to whoever looks, and to `pick`; no style of its own.)
        chunk?.classList.add('ahead');
        chunk = pick();
        if (!chunk) return;
        // (In view already, as a chunk is a moment before the observer says so: laid out.)
        if (chunk.firstElementChild?.checkVisibility({ contentVisibilityAuto: true })) continue;
        pending = [...chunk.children];
        pending.forEach((b) => b.classList.contains('far') || b.classList.add('far'));
        continue;
      }
      const n = Math.max(1, Math.floor((until - performance.now()) / per));
      const batch = pending.splice(0, n).filter((b) => b.isConnected && b.classList.contains('far'));
      if (!batch.length) continue;
      const t = performance.now();
      batch.forEach((b) => b.classList.remove('far'));
      // (Laid out now, inside this moment.)
      void batch[0].offsetHeight;
      per = Math.max(0.05, (performance.now() - t) / batch.length);
    }
    next();
  };
  const next = () => idle(() => step(performance.now() + Math.min(STEP_MS, idle_left())));
  next();
}
