// The app's compressed stored form of a large document (src/formats/packed.rs), made and read
// here independently of the app: "aa-lz4:", then blocks of at most 256 KiB of the JSON's UTF-8
// (whole characters), each its length (u32 little-endian) and an LZ4 block with its unpacked
// length first; a character U+0000–U+00FF a byte.

export const MARK = 'aa-lz4:';
/** JSON of at least this many UTF-8 bytes is stored compressed. */
export const PACK_FROM = 256 * 1024;
const BLOCK = 256 * 1024;

/** `json` as the app stores it: compressed when it is a large JSON value. */
export function packedForm(json) {
  if (!json.startsWith('{') || Buffer.byteLength(json, 'utf8') < PACK_FROM) return json;
  const utf8 = new TextEncoder().encode(json);
  let s = MARK;
  const chars = (bytes) => {
    for (let i = 0; i < bytes.length; i += 8192) s += String.fromCharCode(...bytes.subarray(i, i + 8192));
  };
  for (let at = 0; at < utf8.length; ) {
    let end = Math.min(at + BLOCK, utf8.length);
    while (end < utf8.length && (utf8[end] & 0xc0) === 0x80) end--;
    const block = lz4(utf8.subarray(at, end));
    chars(Uint8Array.of(...[0, 8, 16, 24].map((k) => (block.length >>> k) & 255)));
    chars(block);
    at = end;
  }
  return s;
}

/** The JSON a stored value holds (itself when it is not compressed). */
export function jsonOf(stored) {
  if (typeof stored !== 'string' || !stored.startsWith(MARK)) return stored;
  const bytes = Uint8Array.from(stored.slice(MARK.length), (c) => c.charCodeAt(0));
  const parts = [];
  for (let at = 0; at < bytes.length; ) {
    const len = bytes[at] | (bytes[at + 1] << 8) | (bytes[at + 2] << 16) | (bytes[at + 3] << 24);
    parts.push(new TextDecoder('utf-8', { fatal: true }).decode(unlz4(bytes.subarray(at + 4, at + 4 + len))));
    at += 4 + len;
  }
  return parts.join('');
}

/** A greedy LZ4 block of `src`, its length first. */
function lz4(src) {
  const n = src.length;
  const out = new Uint8Array(4 + n + Math.ceil(n / 255) + 16);
  let o = 0;
  const put = (b) => { out[o++] = b; };
  const length = (v) => { for (; v >= 255; v -= 255) put(255); put(v); };
  for (let k = 0; k < 4; k++) put((n >>> (8 * k)) & 255);
  const table = new Int32Array(1 << 16).fill(-1);
  const word = (p) => src[p] | (src[p + 1] << 8) | (src[p + 2] << 16) | (src[p + 3] << 24);
  const sequence = (anchor, at, offset, match) => {
    const lit = at - anchor;
    put((Math.min(lit, 15) << 4) | (offset ? Math.min(match - 4, 15) : 0));
    if (lit >= 15) length(lit - 15);
    out.set(src.subarray(anchor, at), o);
    o += lit;
    if (!offset) return;
    put(offset & 255);
    put(offset >>> 8);
    if (match - 4 >= 15) length(match - 4 - 15);
  };
  let anchor = 0;
  // (A match starts 12 bytes or more before the end, and ends 5 or more before it.)
  for (let i = 0; i + 12 < n; ) {
    const h = Math.imul(word(i), 2654435761) >>> 16;
    const ref = table[h];
    table[h] = i;
    if (ref >= 0 && i - ref < 65536 && word(ref) === word(i)) {
      let len = 4;
      while (i + len < n - 5 && src[ref + len] === src[i + len]) len++;
      sequence(anchor, i, i - ref, len);
      i += len;
      anchor = i;
    } else i++;
  }
  sequence(anchor, n, 0, 0);
  return out.subarray(0, o);
}

/** The bytes of an LZ4 block with its length first. */
function unlz4(b) {
  const out = new Uint8Array(b[0] | (b[1] << 8) | (b[2] << 16) | (b[3] << 24));
  let i = 4, o = 0;
  const more = (v) => { if (v === 15) for (let x = 255; x === 255; v += x) x = b[i++]; return v; };
  while (i < b.length) {
    const token = b[i++];
    const lit = more(token >> 4);
    out.set(b.subarray(i, i + lit), o);
    i += lit;
    o += lit;
    if (i >= b.length) break;
    const offset = b[i] | (b[i + 1] << 8);
    i += 2;
    const match = more(token & 15) + 4;
    for (let k = 0; k < match; k++, o++) out[o] = out[o - offset];
  }
  if (o !== out.length) throw new Error(`unpacked ${o} bytes of ${out.length}`);
  return out;
}
