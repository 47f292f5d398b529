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
