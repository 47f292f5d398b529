// A library of many stored documents, for the "library → listed" scenario: `count` articles of
// the generator's prose (seeded, so every machine stores the same bytes), each with a few dozen
// annotations, as the storage items the app reads: the index (one summary per document, DESIGN
// §7) and one native document per key, in the form the app keeps (`storedForm`).
import { createHash } from 'node:crypto';
import { check, chooseAnnotations, generateText, mulberry32, nativeDocument, toNative } from '../generate.mjs';
import { STORAGE_INDEX, storageDocKey, storedForm } from './page.mjs';

export const LIBRARY_SEED = 20261129;
const SOURCES = ['pasted', 'reuters-feed.txt', 'article.html', 'notes.md', 'wire-copy.txt'];
const HOUR = 3600 * 1000;
const iso = (ms) => new Date(ms).toISOString().replace('.000Z', 'Z');

/**
 * `count` native documents of `minChars`–`maxChars` code points with `annotations` annotations
 * each (about 9 % of them overlapping another, claims included); ids `bench-lib-000`…
 */
export function libraryDocuments({ count = 200, minChars = 5000, maxChars = 20000, annotations = 50, seed = LIBRARY_SEED } = {}) {
  const docs = [];
  const errors = [];
  for (let i = 0; i < count; i++) {
    const rng = mulberry32(seed + i * 7919);
    const chars = Math.round(minChars + rng() * (maxChars - minChars));
    const paragraphs = Math.max(4, Math.round(chars / 500));
    const b = generateText({ paragraphs, chars }, rng);
    const text = b.text();
    const cps = [...text];
    let picked;
    try {
      picked = chooseAnnotations(b, cps, annotations, rng);
    } catch {
      picked = chooseAnnotations(b, cps, annotations, rng, 0); // a small text: no overlapping ones
    }
    const doc = nativeDocument(text, toNative(picked.spans, picked.baseMention, cps, rng));
    doc.document.id = `bench-lib-${String(i).padStart(3, '0')}`;
    doc.document.source = SOURCES[i % SOURCES.length];
    errors.push(...check(doc).map((e) => `${doc.document.id}: ${e}`));
    docs.push(doc);
  }
  if (errors.length) throw new Error(`library documents fail their check: ${errors.slice(0, 3).join('; ')}`);
  return docs;
}

/** The index entry (summary) of a native document, changed at `modified`. */
export function entryOf(doc, modified, exported = '') {
  const claims = doc.annotations.filter((a) => a.kind === 'claim').length;
  return {
    id: doc.document.id,
    title: doc.document.title,
    source: doc.document.source,
    entities: doc.annotations.length - claims,
    claims,
    length: doc.document.length,
    modified,
    exported,
    sha256: doc.document.text_sha256 || createHash('sha256').update(doc.document.text, 'utf8').digest('hex'),
  };
}

/**
 * Storage items for a library of `docs`, with the one at `currentIndex` open: the index and
 * every document's key. Changes an hour apart, newest first; every third document exported.
 */
export function libraryStorage(docs, currentIndex = 0) {
  const newest = Date.UTC(2026, 10, 28, 10);
  const entries = docs.map((d, i) => {
    const modified = newest - i * HOUR;
    return entryOf(d, iso(modified), i % 3 === 0 ? iso(modified + HOUR / 2) : '');
  });
  const items = {
    [STORAGE_INDEX]: JSON.stringify({ current: docs[currentIndex].document.id, documents: entries }),
  };
  for (const d of docs) items[storageDocKey(d.document.id)] = JSON.stringify(storedForm(d));
  return items;
}

/** Total size of storage items in UTF-16 code units (what the quota counts). */
export const storageUnits = (items) => Object.entries(items).reduce((s, [k, v]) => s + k.length + v.length, 0);
