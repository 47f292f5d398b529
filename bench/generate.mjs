#!/usr/bin/env node
// Writes the benchmark's reference documents into bench/out/ (or BENCH_OUT):
//
//   reference-0.json      the article with no annotations        (native JSON, DESIGN.md §4)
//   reference-5000.json   the article with 5,000 annotations     (open, add, UI, scroll)
//   reference-10000.json  the article with 10,000 annotations    (save, export)
//   reference.txt         the plain text (LF newlines)
//   peer-5000.json        the same 5,000 annotations for @recogito/text-annotator
//   manifest.json         sizes, counts, seed and file names
//
// Everything is derived from one seeded PRNG (mulberry32), so the same seed gives the same
// bytes on every machine. Offsets are Unicode code points, half-open [start, end).
// The generator checks every span it wrote (`[...text].slice(start, end).join('') === quote`,
// prefix/suffix consistent with the text) and exits non-zero if any check fails.
//
// Options (environment):
//   BENCH_SMOKE=1         a small document: 20 paragraphs, 100 / 200 annotations
//   BENCH_SEED=<int>      PRNG seed (default 20261128)
//   BENCH_PARAGRAPHS, BENCH_CHARS, BENCH_ANNOTATIONS, BENCH_ANNOTATIONS_BIG  override sizes
//   BENCH_OUT=<dir>       output folder (default bench/out, or bench/out/smoke with BENCH_SMOKE)

import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const smoke = process.env.BENCH_SMOKE === '1';
const env = (name, fallback) => (process.env[name] ? Number(process.env[name]) : fallback);

export const config = {
  seed: env('BENCH_SEED', 20261128),
  paragraphs: env('BENCH_PARAGRAPHS', smoke ? 20 : 400),
  chars: env('BENCH_CHARS', smoke ? 10000 : 200000),
  annotations: env('BENCH_ANNOTATIONS', smoke ? 100 : 5000),
  annotationsBig: env('BENCH_ANNOTATIONS_BIG', smoke ? 200 : 10000),
  out: resolve(process.env.BENCH_OUT || join(here, 'out', smoke ? 'smoke' : '')),
};

export const DOC_ID = 'bench-reference';
const STAMP = '2026-11-28T10:00:00Z';
const CONTEXT = 32; // prefix/suffix length in code points

export const LABELS = [
  { id: 'PERSON', name: 'Person', kind: 'entity', color: '#fde68a', key: '1' },
  { id: 'ORG', name: 'Organization', kind: 'entity', color: '#bfdbfe', key: '2' },
  { id: 'LOC', name: 'Location', kind: 'entity', color: '#bbf7d0', key: '3' },
  { id: 'DATE', name: 'Date', kind: 'entity', color: '#fbcfe8', key: '4' },
  { id: 'EVENT', name: 'Event', kind: 'entity', color: '#ddd6fe', key: '5' },
  { id: 'QUANTITY', name: 'Quantity', kind: 'entity', color: '#fed7aa', key: '6' },
  { id: 'OTHER', name: 'Other', kind: 'entity', color: '#e5e7eb', key: '7' },
  { id: 'CLAIM', name: 'Claim', kind: 'claim', color: '#fecaca', key: '8' },
];
const ENTITY_LABELS = LABELS.filter((l) => l.kind === 'entity').map((l) => l.id);

/** mulberry32: a tiny, well-mixed 32-bit PRNG; returns floats in [0, 1). */
export function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function helpers(rng) {
  const int = (lo, hi) => lo + Math.floor(rng() * (hi - lo + 1));
  const pick = (xs) => xs[Math.floor(rng() * xs.length)];
  const chance = (p) => rng() < p;
  return { int, pick, chance };
}

// ---------------------------------------------------------------- vocabulary
// Accented, decomposed (combining marks), CJK and astral text is deliberate: it is what breaks
// offsets in other tools.
const V = {
  PERSON: [
    'Xi Jinping', 'Alexander Lukashenko', 'Ursula von der Leyen', 'José María Álvarez',
    'Zoë Ångström', 'François Lefèvre', 'Małgorzata Kowalska', 'Nguyễn Thị Minh',
    'Đặng Văn Lâm', '李明', '習近平', 'Björk Guðmundsdóttir', 'Rene\u0301e Dubois',
    'Chloe\u0308 Martin', 'Ahmed Al-Sayed', 'Priya Raghunathan', 'Kwame Mensah',
    'Olga Shevchenko', 'Søren Højgaard', 'Tomás Ó Briain', 'Mariana Gonçalves',
    'Yuki Tanaka', '김민준', 'Amara Okafor', 'Jürgen Weiß', 'Ana Ivanović',
  ],
  ROLE: [
    'minister of finance', 'chief executive', 'spokesperson', 'president', 'mayor',
    'lead economist', 'head of research', 'foreign minister', 'chair', 'director general',
  ],
  ORG: [
    'United Nations', 'European Commission', 'Shanghai Cooperation Organization',
    'Crédit Agricole', 'Deutsche Bahn', '中国人民银行', 'World Health Organization',
    'Société Générale', 'Banco de Bogotá', 'Nordic Council', 'Øresund Consortium',
    'International Monetary Fund', 'トヨタ自動車', 'Red Cross', 'Académie française',
    'African Union', 'Eurostat', 'the Bundesbank',
  ],
  LOC: [
    'Beijing', 'Minsk', 'Brussels', 'São Paulo', 'Zürich', 'Kraków', '東京', 'Ürümqi',
    'Reykjavík', 'Montréal', 'Besanc\u0327on', 'Nairobi', 'Łódź', 'Hà Nội', '서울',
    'Antwerp', 'Lagos', 'Córdoba', 'Tromsø', 'Zhongnanhai',
  ],
  DATE: [
    'June 4', 'last Tuesday', '3 March 2025', 'January', 'the 1990s', '2026年11月',
    'Monday', '15 August', 'early December', 'the spring of 2024', 'Friday night',
    '1 October', 'the first quarter', 'last year',
  ],
  EVENT: [
    'Summit on Climate Finance', 'Shanghai International Film Festival', 'Winter Olympics',
    'G20 summit', 'general election', 'Belt and Road Forum', 'World Cup final',
    'Davos forum', 'Nobel ceremony', 'Expo 2030', 'Fête de la Musique', 'COP31 talks',
  ],
  QUANTITY: [
    '3.4 million', '12 per cent', '€45 billion', '1,200 tonnes', '¥3.2 trillion', '47 km',
    'two-thirds', '$18.5bn', '600 jobs', '0.25 percentage points', '9,000 hectares',
    '£1.7bn', '40,000 people', '15 times',
  ],
  OTHER: [
    'COVID-19 vaccine', 'iPhone 17', 'Treaty of Lisbon', 'Bitcoin', 'Nobel Prize',
    'Article 5', 'Schengen rules', 'Model 3', 'Hanzi', 'Kyoto Protocol', 'Œuvre Prize',
  ],
  EMOJI: ['😀', '🇧🇪', '👩‍🔬', '👍🏽', '🎉', '🚄', '🌍', '📈', '🇨🇳', '🙏'],
  CJK: ['（北京讯）', '「合作共赢」', '一带一路', '東京証券取引所', '记者 王芳', '한국어 자막', '人民日报'],
  VERB: ['said', 'told reporters', 'wrote in a statement', 'insisted', 'claimed', 'argued', 'noted'],
};

const CLAIMS = [
  ['the economy grew by ', 'QUANTITY', ' in ', 'DATE'],
  ['unemployment has fallen to its lowest level since ', 'DATE'],
  ['the new rail link will cut travel times by ', 'QUANTITY'],
  ['', 'ORG', ' never received the promised funds'],
  ['more than ', 'QUANTITY', ' were affected by the floods in ', 'LOC'],
  ['exports to ', 'LOC', ' doubled after the ', 'EVENT'],
  ['the ', 'OTHER', ' had been approved by ', 'ORG', ' in ', 'DATE'],
  ['crime in ', 'LOC', ' is down ', 'QUANTITY', ' compared with ', 'DATE'],
  ['the budget deficit will shrink to ', 'QUANTITY', ' by ', 'DATE'],
];

// Sentence templates: strings are literal text, upper-case names are entity slots,
// 'CLAIM' is a reported claim, 'EMOJI'/'CJK' insert unannotated special text.
const SENTENCES = [
  ['PERSON', ', the ', 'ROLE', ' of ', 'ORG', ', ', 'VERB', ' on ', 'DATE', ' that ', 'CLAIM', '.'],
  ['According to ', 'ORG', ', ', 'QUANTITY', ' attended the ', 'EVENT', ' in ', 'LOC', '.'],
  ['“', 'CLAIM', ',” ', 'PERSON', ' ', 'VERB', ' in ', 'LOC', '.'],
  ['The ', 'EVENT', ' drew ', 'QUANTITY', ' visitors to ', 'LOC', ', organisers said ', 'EMOJI', '.'],
  ['Officials in ', 'LOC', ' reported ', 'QUANTITY', ' in damages after the storm on ', 'DATE', '.'],
  ['PERSON', ' met ', 'PERSON', ' at the ', 'EVENT', ' to discuss the ', 'OTHER', '.'],
  ['In a report published on ', 'DATE', ', ', 'ORG', ' ', 'VERB', ' that ', 'CLAIM', '.'],
  ['Local media ', 'CJK', ' quoted ', 'PERSON', ' as saying the talks in ', 'LOC', ' went well.'],
  ['Researchers ', 'EMOJI', ' at ', 'ORG', ' counted ', 'QUANTITY', ' near ', 'LOC', ' during ', 'DATE', '.'],
  ['Critics of ', 'PERSON', ' say the ', 'OTHER', ' was rushed through before the ', 'EVENT', '.'],
  ['Shares in ', 'ORG', ' rose ', 'QUANTITY', ' on ', 'DATE', ' as investors cheered ', 'EMOJI', '.'],
  ['The agreement, signed in ', 'LOC', ' ', 'CJK', ', covers ', 'QUANTITY', ' of trade.'],
  ['Neither ', 'ORG', ' nor ', 'ORG', ' responded to requests for comment by ', 'DATE', '.'],
];

const HEADLINES = [
  ['PERSON', ' and ', 'PERSON', ' agree to deepen ties at ', 'EVENT', ' in ', 'LOC'],
];
const STANDFIRSTS = [
  ['ORG', ' says ', 'QUANTITY', ' at stake as leaders gather in ', 'LOC', ' ', 'EMOJI', ' ahead of ', 'DATE'],
];

// ---------------------------------------------------------------- text
/** Builds text while tracking code-point offsets of every entity slot and claim. */
class Builder {
  constructor() {
    this.parts = [];
    this.cp = 0;
    this.mentions = []; // {start, end, label}
    this.claims = []; // {start, end, speaker: mention index or null}
  }
  push(s) {
    this.parts.push(s);
    this.cp += [...s].length;
  }
  mention(label, s) {
    const start = this.cp;
    this.push(s);
    this.mentions.push({ start, end: this.cp, label });
    return this.mentions.length - 1;
  }
  text() {
    return this.parts.join('');
  }
}

function emitTemplate(b, tpl, h) {
  let claimStart = -1;
  let pendingClaim = null;
  const persons = [];
  for (const slot of tpl) {
    if (slot === 'CLAIM') {
      claimStart = b.cp;
      const c = h.pick(CLAIMS);
      for (const piece of c) {
        if (ENTITY_LABELS.includes(piece)) b.mention(piece, h.pick(V[piece]));
        else b.push(piece);
      }
      pendingClaim = { start: claimStart, end: b.cp, speaker: null };
      b.claims.push(pendingClaim);
    } else if (slot === 'ROLE' || slot === 'VERB') {
      b.push(h.pick(V[slot]));
    } else if (slot === 'EMOJI' || slot === 'CJK') {
      b.push(h.pick(V[slot]));
    } else if (ENTITY_LABELS.includes(slot)) {
      const m = b.mention(slot, h.pick(V[slot]));
      if (slot === 'PERSON') persons.push(m);
    } else {
      b.push(slot);
    }
  }
  if (pendingClaim && persons.length) pendingClaim.speaker = persons[0];
}

export function generateText(cfg, rng) {
  const h = helpers(rng);
  const b = new Builder();
  emitTemplate(b, h.pick(HEADLINES), h);
  b.push('\n');
  emitTemplate(b, h.pick(STANDFIRSTS), h);
  for (let p = 2; p < cfg.paragraphs; p++) {
    b.push('\n');
    const left = cfg.paragraphs - p;
    const target = Math.max(120, ((cfg.chars - b.cp) / left) * (0.75 + 0.5 * rng()));
    const paraStart = b.cp;
    let first = true;
    while (b.cp - paraStart < target) {
      if (!first) b.push(' ');
      first = false;
      emitTemplate(b, h.pick(SENTENCES), h);
      if (h.chance(0.04)) b.push(' ' + h.pick(V.EMOJI));
    }
  }
  return b;
}

// ---------------------------------------------------------------- annotations
const isWordCp = (c) => /[\p{L}\p{N}\p{M}\p{Extended_Pictographic}\u200d\u{1F1E6}-\u{1F1FF}\u{1F3FB}-\u{1F3FF}'’-]/u.test(c);

/** Word spans [start, end) in code points. */
function words(cps) {
  const out = [];
  let s = -1;
  for (let i = 0; i <= cps.length; i++) {
    const w = i < cps.length && isWordCp(cps[i]);
    if (w && s < 0) s = i;
    if (!w && s >= 0) {
      out.push([s, i]);
      s = -1;
    }
  }
  return out;
}

/** Index of the first word starting at or after `pos` (binary search). */
function firstWordAt(ws, pos) {
  let lo = 0;
  let hi = ws.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ws[mid][0] < pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Words lying wholly inside [s, e). */
function wordsIn(ws, s, e) {
  const out = [];
  for (let i = firstWordAt(ws, s); i < ws.length && ws[i][1] <= e; i++) out.push(ws[i]);
  return out;
}

/** A simple occupancy map over code points, for choosing non-overlapping base spans. */
function makeOccupancy(n) {
  const used = new Uint8Array(n);
  return {
    free: (s, e) => {
      for (let i = s; i < e; i++) if (used[i]) return false;
      return true;
    },
    take: (s, e) => used.fill(1, s, e),
  };
}

/**
 * Chooses `n` annotations: non-overlapping "base" spans (entity mentions first, then word runs)
 * and a share (`extraShare`) of deliberately overlapping or nested ones (claims around entities,
 * spans that straddle two base spans, words nested inside a longer span). Each of those touches
 * about two others, so ~9% of them make about a fifth of all annotations overlap another.
 */
export function chooseAnnotations(b, cps, n, rng, extraShare = 0.09) {
  const h = helpers(rng);
  const occ = makeOccupancy(cps.length);
  const ws = words(cps);
  // each extra span overlaps about two others, so ~9% extras make about a fifth overlapping
  const nOverlap = Math.round(n * extraShare);
  const nBase = n - nOverlap;
  const base = [];
  const mentionOrder = b.mentions.map((m, i) => i);
  shuffle(mentionOrder, rng);
  const baseMention = new Map(); // mention index -> base span
  for (const i of mentionOrder) {
    if (base.length >= nBase) break;
    const m = b.mentions[i];
    if (!occ.free(m.start, m.end)) continue;
    occ.take(m.start, m.end);
    const span = { start: m.start, end: m.end, label: m.label };
    baseMention.set(i, span);
    base.push(span);
  }
  // fill with runs of 1-3 words, labelled at random
  let guard = 0;
  while (base.length < nBase && guard++ < n * 200) {
    const wi = h.int(0, ws.length - 1);
    const len = h.int(1, 3);
    const last = Math.min(ws.length - 1, wi + len - 1);
    const s = ws[wi][0];
    const e = ws[last][1];
    if (cps.slice(s, e).includes('\n')) continue;
    if (!occ.free(Math.max(0, s - 1), Math.min(cps.length, e + 1))) continue;
    occ.take(s, e);
    base.push({ start: s, end: e, label: h.pick(ENTITY_LABELS) });
  }
  if (base.length < nBase) throw new Error(`document too small for ${n} annotations`);

  const extra = [];
  const claimOrder = b.claims.map((c, i) => i);
  shuffle(claimOrder, rng);
  const keys = new Set(base.map((s) => `${s.start}:${s.end}`));
  const add = (span) => {
    const k = `${span.start}:${span.end}`;
    if (keys.has(k) || span.end <= span.start) return false;
    keys.add(k);
    extra.push(span);
    return true;
  };
  // claims (they contain entity mentions: nested)
  for (const ci of claimOrder) {
    if (extra.length >= Math.round(nOverlap * 0.4)) break;
    const c = b.claims[ci];
    const sp = c.speaker != null ? b.mentions[c.speaker] : null;
    add({
      start: c.start,
      end: c.end,
      label: 'CLAIM',
      speakerMention: c.speaker,
      speakerText: sp ? cps.slice(sp.start, sp.end).join('') : '',
    });
  }
  // straddling spans: from inside one base span to inside the next one
  const sorted = [...base].sort((x, y) => x.start - y.start);
  guard = 0;
  while (extra.length < Math.round(nOverlap * 0.75) && guard++ < n * 50) {
    const i = h.int(0, sorted.length - 2);
    const a = sorted[i];
    const c = sorted[i + 1];
    if (c.start - a.end > 60) continue;
    const wa = wordsIn(ws, a.start, a.end);
    const wc = wordsIn(ws, c.start, c.end);
    if (!wa.length || !wc.length) continue;
    const s = h.pick(wa)[0];
    const e = h.pick(wc)[1];
    if (s <= a.start && e >= c.end) continue; // would only nest, keep it a real overlap
    if (cps.slice(s, e).includes('\n')) continue;
    add({ start: s, end: e, label: h.pick(LABELS).id });
  }
  // nested: a word inside a multi-word base span, or a span wrapping a base span and a neighbour word
  guard = 0;
  while (extra.length < nOverlap && guard++ < n * 50) {
    const a = h.pick(base);
    const inner = wordsIn(ws, a.start, a.end);
    if (inner.length >= 2) {
      const w = h.pick(inner);
      add({ start: w[0], end: w[1], label: h.pick(ENTITY_LABELS) });
    } else {
      const after = ws[firstWordAt(ws, a.end + 1)];
      if (!after || cps.slice(a.start, after[1]).includes('\n')) continue;
      add({ start: a.start, end: after[1], label: h.pick(ENTITY_LABELS) });
    }
  }
  if (extra.length < nOverlap) throw new Error(`could not place ${nOverlap} overlapping spans`);
  const all = [...base, ...extra].sort((x, y) => x.start - y.start || y.end - x.end);
  return { spans: all, baseMention };
}

function shuffle(xs, rng) {
  for (let i = xs.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [xs[i], xs[j]] = [xs[j], xs[i]];
  }
}

const VERDICTS = ['unverified', 'true', 'mostly_true', 'mixed', 'mostly_false', 'false', 'unverifiable'];
const ATTRIBUTIONS = ['direct', 'indirect', 'author'];

export function toNative(spans, baseMention, cps, rng) {
  const h = helpers(rng);
  const slice = (s, e) => cps.slice(s, e).join('');
  const ids = new Map();
  spans.forEach((s, i) => ids.set(s, `a${i + 1}`));
  return spans.map((s) => {
    const id = ids.get(s);
    const label = LABELS.find((l) => l.id === s.label);
    const a = {
      id,
      kind: label.kind,
      label: s.label,
      start: s.start,
      end: s.end,
      quote: slice(s.start, s.end),
      prefix: slice(Math.max(0, s.start - CONTEXT), s.start),
      suffix: slice(s.end, Math.min(cps.length, s.end + CONTEXT)),
      note: '',
      created: STAMP,
      modified: STAMP,
    };
    if (label.kind === 'entity') {
      a.entity_ref = null;
    } else {
      const speakerSpan = s.speakerMention != null ? baseMention.get(s.speakerMention) : null;
      a.claim = {
        speaker: speakerSpan ? ids.get(speakerSpan) : null,
        speaker_text: s.speakerText || '',
        attribution: h.pick(ATTRIBUTIONS),
        check_worthy: h.chance(0.6),
        verdict: h.pick(VERDICTS),
        evidence: h.chance(0.3) ? [{ url: `https://example.org/evidence/${id}`, note: 'source' }] : [],
      };
    }
    return a;
  });
}

export function nativeDocument(text, annotations) {
  const cps = [...text];
  const title = text.slice(0, text.indexOf('\n'));
  const relations = annotations
    .filter((a) => a.claim && a.claim.speaker)
    .map((a, i) => ({ id: `r${i + 1}`, type: 'said_by', from: a.id, to: a.claim.speaker }));
  return {
    format: 'article-annotator',
    version: 1,
    exported_at: STAMP,
    document: {
      id: DOC_ID,
      title,
      text,
      offset_unit: 'codepoint',
      text_sha256: createHash('sha256').update(text, 'utf8').digest('hex'),
      length: cps.length,
      source: 'generated benchmark reference',
    },
    labels: LABELS,
    annotations,
    relations,
  };
}

/** Code point offset -> UTF-16 offset table (length cps + 1). */
function utf16Offsets(cps) {
  const t = new Uint32Array(cps.length + 1);
  for (let i = 0; i < cps.length; i++) t[i + 1] = t[i] + cps[i].length;
  return t;
}

/**
 * @recogito/text-annotator's own annotation format: selectors {quote, start, end} in UTF-16
 * code units of the container's textContent. The peer page lays the text out so that the
 * container's textContent equals the text exactly (a "\n" text node between blocks).
 */
export function peerAnnotations(annotations, cps) {
  const u16 = utf16Offsets(cps);
  const name = Object.fromEntries(LABELS.map((l) => [l.id, l.name]));
  return annotations.map((a) => ({
    id: a.id,
    bodies: [{ id: `${a.id}-b`, annotation: a.id, purpose: 'tagging', value: name[a.label] }],
    target: {
      annotation: a.id,
      selector: [{ quote: a.quote, start: u16[a.start], end: u16[a.end] }],
    },
  }));
}

// ---------------------------------------------------------------- checks
export function check(doc) {
  const errors = [];
  const text = doc.document.text;
  const cps = [...text];
  if (doc.document.length !== cps.length) errors.push('document.length is not the code point count');
  const ids = new Set();
  for (const a of doc.annotations) {
    if (ids.has(a.id)) errors.push(`duplicate id ${a.id}`);
    ids.add(a.id);
    if (!(a.start >= 0 && a.start < a.end && a.end <= cps.length)) {
      errors.push(`${a.id}: bad span ${a.start}..${a.end}`);
      continue;
    }
    if (cps.slice(a.start, a.end).join('') !== a.quote) errors.push(`${a.id}: quote differs from text`);
    if (cps.slice(Math.max(0, a.start - CONTEXT), a.start).join('') !== a.prefix) errors.push(`${a.id}: prefix`);
    if (cps.slice(a.end, a.end + CONTEXT).join('') !== a.suffix) errors.push(`${a.id}: suffix`);
    if ([...a.prefix].length > CONTEXT || [...a.suffix].length > CONTEXT) errors.push(`${a.id}: context too long`);
    if (!LABELS.some((l) => l.id === a.label && l.kind === a.kind)) errors.push(`${a.id}: label/kind`);
    if (a.kind === 'claim' && !a.claim) errors.push(`${a.id}: claim without claim object`);
  }
  for (const a of doc.annotations) {
    if (a.claim && a.claim.speaker && !ids.has(a.claim.speaker)) errors.push(`${a.id}: dangling speaker`);
  }
  return errors;
}

function checkPeer(peer, text) {
  const errors = [];
  for (const p of peer) {
    const s = p.target.selector[0];
    if (text.slice(s.start, s.end) !== s.quote) errors.push(`peer ${p.id}: UTF-16 span differs from quote`);
  }
  return errors;
}

/** How many annotations intersect at least one other (exact, O(n log n)). */
export function countOverlapping(annotations) {
  const xs = [...annotations].sort((a, b) => a.start - b.start || a.end - b.end);
  let count = 0;
  let maxEnd = -1; // largest end among earlier spans
  for (let i = 0; i < xs.length; i++) {
    const before = maxEnd > xs[i].start;
    const after = i + 1 < xs.length && xs[i + 1].start < xs[i].end;
    if (before || after) count++;
    maxEnd = Math.max(maxEnd, xs[i].end);
  }
  return count;
}

// ---------------------------------------------------------------- main
export function generate(cfg = config) {
  const rng = mulberry32(cfg.seed);
  const b = generateText(cfg, rng);
  const text = b.text();
  const cps = [...text];
  const variants = {};
  for (const n of [0, cfg.annotations, cfg.annotationsBig]) {
    if (n === 0) {
      variants[n] = nativeDocument(text, []);
      continue;
    }
    // aim for a fifth of the annotations overlapping or nested in another: adjust the share of
    // deliberately overlapping spans until the measured fraction is within 19-21%
    let share = 0.09;
    for (let attempt = 0; ; attempt++) {
      const r = mulberry32(cfg.seed + n);
      const { spans, baseMention } = chooseAnnotations(b, cps, n, r, share);
      const fraction = countOverlapping(spans) / n;
      if (attempt === 5 || Math.abs(fraction - 0.2) <= 0.01) {
        variants[n] = nativeDocument(text, toNative(spans, baseMention, cps, r));
        break;
      }
      share *= 0.2 / fraction;
    }
  }
  return { text, cps, variants };
}

function main() {
  const t0 = performance.now();
  const cfg = config;
  const { text, cps, variants } = generate(cfg);
  mkdirSync(cfg.out, { recursive: true });
  const errors = [];
  const files = {};
  const counts = {};
  for (const [n, doc] of Object.entries(variants)) {
    errors.push(...check(doc));
    const name = `reference-${n}.json`;
    writeFileSync(join(cfg.out, name), JSON.stringify(doc));
    files[n] = name;
    const byLabel = {};
    for (const a of doc.annotations) byLabel[a.label] = (byLabel[a.label] || 0) + 1;
    counts[n] = { annotations: doc.annotations.length, overlapping: countOverlapping(doc.annotations), byLabel };
  }
  const peer = peerAnnotations(variants[cfg.annotations].annotations, cps);
  errors.push(...checkPeer(peer, text));
  writeFileSync(join(cfg.out, `peer-${cfg.annotations}.json`), JSON.stringify(peer));
  writeFileSync(join(cfg.out, 'reference.txt'), text);
  const manifest = {
    seed: cfg.seed,
    docId: DOC_ID,
    title: variants[0].document.title,
    codePoints: cps.length,
    utf16: text.length,
    bytes: Buffer.byteLength(text),
    paragraphs: text.split('\n').length,
    astral: cps.filter((c) => c.length === 2).length,
    annotations: cfg.annotations,
    annotationsBig: cfg.annotationsBig,
    files: { ...files, text: 'reference.txt', peer: `peer-${cfg.annotations}.json` },
    counts,
  };
  writeFileSync(join(cfg.out, 'manifest.json'), JSON.stringify(manifest, null, 2));
  if (errors.length) {
    console.error(`generate: ${errors.length} check(s) failed:`);
    for (const e of errors.slice(0, 20)) console.error('  ' + e);
    process.exit(1);
  }
  const ms = (performance.now() - t0).toFixed(0);
  console.log(
    `generate: ${manifest.codePoints} code points, ${manifest.paragraphs} paragraphs, ` +
      `${manifest.astral} astral; annotations ${Object.keys(files).join('/')} ` +
      `(${counts[cfg.annotations].overlapping} of ${cfg.annotations} overlap another); ` +
      `all spans check out; ${cfg.out} in ${ms} ms`,
  );
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
