// Shows the picture of the screen the reader left (see picture.js), before the app's code has
// come: inert and hidden from assistive technology (the app's first frame replaces it), only
// when the stored document is the one it was taken of (its stamp and fingerprint), the one
// the app opens, and the reader's place in it the same. Its markup is the page's own; anything
// in it that could run (a script, a handler, a javascript: link) is dropped all the same.
(() => {
  const P = 'article-annotator:v1:';
  // (The same as picture.js's.)
  const fingerprint = (s) => {
    let h = 2166136261 ^ s.length;
    for (let i = 0; i < 256; i++) h = Math.imul(h ^ s.charCodeAt(Math.floor((i * s.length) / 256)), 16777619);
    return `${s.length}.${(h >>> 0).toString(36)}`;
  };
  try {
    const s = JSON.parse(localStorage.getItem(`${P}picture`));
    if (!s || typeof s.html !== 'string') return;
    const doc = localStorage.getItem(`${P}doc:${s.id}`);
    const kept = sessionStorage.getItem(`${P}scroll:${s.id}`);
    if (JSON.parse(localStorage.getItem(`${P}index`))?.current !== s.id || doc === null || fingerprint(doc) !== s.print) return;
    if (localStorage.getItem(`${P}doc:${s.id}:stamp`) !== s.stamp || (kept === null ? !s.top : kept !== s.place)) return;
    const t = document.createElement('template');
    t.innerHTML = s.html;
    for (const el of t.content.querySelectorAll('*')) {
      if (/^(script|iframe|object|embed|frame|link|meta|base|form)$/.test(el.localName)) el.remove();
      else for (const a of [...el.attributes]) if (/^on/i.test(a.name) || /^\s*javascript:/i.test(a.value)) el.removeAttribute(a.name);
    }
    const pic = document.createElement('div');
    pic.id = 'aa-picture';
    pic.inert = true;
    pic.setAttribute('aria-hidden', 'true');
    pic.append(t.content);
    document.body.prepend(pic);
    // (At the top, as a page opens, there is nothing to scroll.)
    if (kept !== null && !s.top) {
      pic.dataset.place = kept;
      const [block, px] = kept.split(' ');
      pic.querySelector(`[data-p="${parseInt(block, 10)}"]`)?.scrollIntoView();
      scrollBy(0, parseInt(px, 10) || 0);
    }
    // The first screen is shown: marked as the app marks its own first frame.
    requestAnimationFrame(() => requestAnimationFrame(() => performance.mark('aa:painted')));
  } catch (e) {
    // (Nothing shown: the app draws its first frame as it would without.)
  }
})();
