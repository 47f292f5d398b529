//! A large stored value kept compressed. The browser reads the whole of an origin's
//! localStorage, synchronously, the first time a page of it touches it: every stored character
//! costs at the start of a visit in a new tab (about 12 ms a million, measured; a book of
//! 20,000 annotations is 3.4 million). A document's native JSON from `PACK_FROM` bytes on is
//! therefore stored as `MARK` and a run of LZ4 blocks, a character per byte, U+0000–U+00FF (a
//! string the browser keeps at one byte a character). Each block holds at most `BLOCK` bytes
//! of the JSON, whole characters, and is written as its length (4 bytes, little-endian) and
//! the LZ4 block with its unpacked length first: a value is packed and unpacked a few blocks a
//! task, and the start of a document read before the rest is unpacked. Smaller values stay
//! plain JSON.

/// What a compressed value starts with (no JSON text does).
pub const MARK: &str = "aa-lz4:";

/// The size of JSON, in bytes, from which it is stored compressed.
pub const PACK_FROM: usize = 256 * 1024;

/// The most bytes of JSON a block holds.
pub const BLOCK: usize = 256 * 1024;

/// Whether `json` is stored compressed.
pub fn worth_packing(json: &str) -> bool {
    json.len() >= PACK_FROM && json.starts_with('{')
}

/// `json` in its compressed stored form, at once.
pub fn pack(json: &str) -> String {
    let mut p = Packing::default();
    p.more(json, usize::MAX);
    p.done()
}

/// A compressed stored form being made a few blocks at a time (see `pack`).
pub struct Packing {
    /// Bytes of the JSON packed so far.
    at: usize,
    out: String,
    /// Its characters so far.
    units: usize,
}

impl Default for Packing {
    fn default() -> Self {
        Packing { at: 0, out: MARK.to_string(), units: MARK.len() }
    }
}

impl Packing {
    /// Pack up to `blocks` more blocks of `json` (the same each time); whether all of it is.
    pub fn more(&mut self, json: &str, blocks: usize) -> bool {
        for _ in 0..blocks {
            if self.at >= json.len() {
                break;
            }
            let mut end = (self.at + BLOCK).min(json.len());
            while !json.is_char_boundary(end) {
                end -= 1;
            }
            let block = lz4_flex::block::compress_prepend_size(&json.as_bytes()[self.at..end]);
            push_bytes(&mut self.out, &(block.len() as u32).to_le_bytes());
            push_bytes(&mut self.out, &block);
            self.units += 4 + block.len();
            self.at = end;
        }
        self.at >= json.len()
    }

    /// How many UTF-16 units the stored form takes so far (one a character).
    pub fn units(&self) -> usize {
        self.units
    }

    /// The stored form.
    pub fn done(self) -> String {
        self.out
    }
}

fn push_bytes(out: &mut String, bytes: &[u8]) {
    out.extend(bytes.iter().map(|&b| char::from(b)));
}

/// The bytes a string of characters U+0000–U+00FF stands for (a character each).
pub fn bytes_of(s: &str) -> Result<Vec<u8>, String> {
    let utf8 = s.as_bytes();
    let mut out = Vec::with_capacity(utf8.len());
    let mut i = 0;
    while let Some(&b) = utf8.get(i) {
        if b < 0x80 {
            out.push(b);
            i += 1;
        } else if b & 0xfe == 0xc2 {
            // (U+0080–U+00FF: 110000xx 10xxxxxx.)
            out.push((b & 0x03) << 6 | utf8.get(i + 1).map_or(0, |c| c & 0x3f));
            i += 2;
        } else {
            let c = s[i..].chars().next().map_or(0, u32::from);
            return Err(format!("a character U+{c:04X} in it"));
        }
    }
    Ok(out)
}

/// The length of the block whose 4-byte header is `header`.
pub fn block_len(header: &[u8]) -> Result<usize, String> {
    match header.first_chunk::<4>() {
        Some(len) => Ok(u32::from_le_bytes(*len) as usize),
        None => Err("it is cut short".into()),
    }
}

/// The JSON of one block (its LZ4 bytes, its unpacked length first).
pub fn unpack_block(block: &[u8]) -> Result<String, String> {
    let Some((size, lz4)) = block.split_first_chunk::<4>() else {
        return Err("it is cut short".into());
    };
    let size = u32::from_le_bytes(*size) as usize;
    // (LZ4 grows a byte to at most 255: a larger size is not this block's.)
    if size > BLOCK || size > lz4.len().saturating_mul(255).saturating_add(16) {
        return Err("a block's length is wrong".into());
    }
    let json = lz4_flex::block::decompress(lz4, size).map_err(|e| e.to_string())?;
    String::from_utf8(json).map_err(|_| "it is not text".into())
}

/// The whole JSON a compressed value holds; `None` when `stored` is not compressed (it is then
/// the JSON itself), the reason in words when it is damaged.
pub fn unpack(stored: &str) -> Option<Result<String, String>> {
    let body = stored.strip_prefix(MARK)?;
    Some(unpack_all(body).map_err(|why| format!("The compressed copy is damaged ({why}).")))
}

fn unpack_all(body: &str) -> Result<String, String> {
    let bytes = bytes_of(body)?;
    let mut json = String::new();
    let mut at = 0;
    while at < bytes.len() {
        let len = block_len(&bytes[at..])?;
        let end = at.saturating_add(4).saturating_add(len);
        json.push_str(&unpack_block(bytes.get(at + 4..end).ok_or("it is cut short")?)?);
        at = end;
    }
    Ok(json)
}
