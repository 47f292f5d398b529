// A picture of the screen the reader leaves, kept for the next open of the page to show at
// once (index.html's `picture-show.js`), inert, until the app draws its own first frame and
// takes it down. It is the page's own markup (the article's blocks in view only, the sidebar
// without its lists, as the app's first frame draws it), kept under one key
// (`storage::picture_key`, which any write of a document removes) with what the stored
// document was when it was taken: its stamp and a fingerprint of its value. An open shows it
// only when the document is still that one, still the one to open, and the reader's place the
// same.

// (The same in picture-show.js.) The value's length and 256 of its characters, spread
// evenly, hashed (FNV-1a): a few microseconds for a book, where a hash of it all would take
// milliseconds; what it misses, the stamp written with every save catches.
export function fingerprint(s) {
  let h = 2166136261 ^ s.length;
  for (let i = 0; i < 256; i++) h = Math.imul(h ^ s.charCodeAt(Math.floor((i * s.length) / 256)), 16777619);
  return `${s.length}.${(h >>> 0).toString(36)}`;
}

export function keep_picture(key, docKey, id, stamp, print, place) {
  try {
    localStorage.removeItem(key);
    const root = document.querySelector('body > .app');
    const article = root && root.querySelector('article.article');
    const stored = localStorage.getItem(docKey);
    if (!article || stored === null || fingerprint(stored) !== print) return;
    if (localStorage.getItem(`${docKey}:stamp`) !== (stamp ?? null)) return;
    const inView = (el) => {
      const r = el.getBoundingClientRect();
      return r.bottom > 0 && r.top < innerHeight && r.height > 0;
    };
    // Only of the article as it opens: none while the library, a dialog or a menu is over it
    // (they do not open with the page).
    const shown = (el) => !el.closest('[hidden]') && el.getClientRects().length > 0;
    if (![...article.querySelectorAll('[data-p]')].some(inView)) return;
    if ([...root.querySelectorAll('dialog[open], [role=menu]')].some(shown)) return;
    // (The article's blocks in view only; elsewhere nothing hidden (closed dialogs, hidden
    // parts) and no message, which was about that moment.)
    const LEFT_OUT = 'dialog, [hidden], template, [role=alert], [role=status]';
    const copy = (n) => {
      if (n === article) {
        const c = n.cloneNode(false);
        for (const chunk of [...n.children].filter(inView)) {
          const d = chunk.cloneNode(false);
          for (const b of chunk.children) if (inView(b)) d.append(b.cloneNode(true));
          c.append(d);
        }
        return c;
      }
      if (n.nodeType === 1 && n.contains(article)) {
        const c = n.cloneNode(false);
        for (const k of n.childNodes) c.append(copy(k));
        return c;
      }
      if (n.nodeType === 1 && n.matches('aside.sidebar')) {
        // The sidebar as the app's first frame draws it: its counts and lists still empty.
        const c = n.cloneNode(false);
        for (const k of n.children) if (k.matches('.counts, .lists')) c.append(k.cloneNode(false));
        return c;
      }
      const c = n.cloneNode(true);
      if (c.nodeType !== 1) return c;
      // (What a control holds is a property, which a copy does not carry: as attributes.)
      const [from, to] = [n, c].map((e) => [...(e.matches('input') ? [e] : []), ...e.querySelectorAll('input')]);
      from.forEach((f, i) => {
        to[i].toggleAttribute('checked', f.checked);
        to[i].setAttribute('value', f.value);
      });
      for (const h of c.querySelectorAll(LEFT_OUT)) h.remove();
      return c.matches(LEFT_OUT) ? document.createTextNode('') : c;
    };
    const html = copy(root).outerHTML;
    if (html.length > 400_000) return;
    const top = scrollY === 0;
    localStorage.setItem(key, JSON.stringify({ id, stamp: stamp ?? null, print, place: place ?? null, top, html }));
  } catch (e) {
    // (A convenience: a full or blocked storage keeps none.)
  }
}

// Called as the app's first render begins (which empties the page for the app's own), has
// the window scrolled to the reader's place in the app's blocks once that render is in the
// page (in a microtask: after the render's own); whether there was a picture.
export function take_down() {
  const pic = document.getElementById('aa-picture');
  if (!pic) return false;
  queueMicrotask(() => {
    const place = pic.dataset.place;
    pic.remove();
    if (!place) return;
    const [block, px] = place.split(' ');
    const el = document.querySelector(`article.article [data-p="${parseInt(block, 10)}"]`);
    if (el) {
      el.scrollIntoView();
      scrollBy(0, parseInt(px, 10) || 0);
    }
  });
  return true;
}
