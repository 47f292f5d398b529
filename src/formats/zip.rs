//! A minimal ZIP: written with STORED entries (the files it packs are small text), and read as
//! a list of entries whose data the browser inflates (DecompressionStream) when deflated.
use std::ops::Range;

/// One file of an archive, as its central directory describes it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    pub name: String,
    /// 0: stored as is; 8: deflated (raw DEFLATE, for `DecompressionStream("deflate-raw")`).
    pub method: u16,
    /// Where its (possibly compressed) bytes lie in the archive.
    pub data: Range<usize>,
    /// Its size once inflated.
    pub size: u32,
    /// The CRC-32 of its inflated bytes, to check them with `crc32`.
    pub crc: u32,
}

/// The CRC-32 (IEEE, as ZIP and gzip use it) of `bytes`.
pub fn crc32(bytes: &[u8]) -> u32 {
    let mut table = [0u32; 256];
    for (i, t) in table.iter_mut().enumerate() {
        let mut c = i as u32;
        for _ in 0..8 {
            c = (c >> 1) ^ (0xEDB8_8320 & (c & 1).wrapping_neg());
        }
        *t = c;
    }
    !bytes.iter().fold(!0u32, |c, &b| table[((c ^ b as u32) & 0xff) as usize] ^ (c >> 8))
}

fn put(out: &mut Vec<u8>, v: u32, n: usize) {
    out.extend_from_slice(&v.to_le_bytes()[..n]);
}

/// A ZIP archive holding `files` (name, content) uncompressed, each dated `dos_time`
/// (MS-DOS time, date: see `dos_time`). Names are marked as UTF-8.
pub fn store(files: &[(&str, &[u8])], dos_time: (u16, u16)) -> Vec<u8> {
    let mut out = Vec::new();
    let mut dir = Vec::new();
    for (name, data) in files {
        // The fields a local header and its central directory record share, from "version
        // needed" to "extra field length": version 2.0, UTF-8 names (bit 11), stored.
        let mut common = Vec::with_capacity(26);
        for (v, n) in [
            (20, 2),
            (0x0800, 2),
            (0, 2),
            (dos_time.0 as u32, 2),
            (dos_time.1 as u32, 2),
            (crc32(data), 4),
            (data.len() as u32, 4),
            (data.len() as u32, 4),
            (name.len() as u32, 2),
            (0, 2),
        ] {
            put(&mut common, v, n);
        }
        put(&mut dir, 0x0201_4b50, 4);
        put(&mut dir, 20, 2);
        dir.extend_from_slice(&common);
        // Comment length, disk, internal and external attributes, then where the entry starts.
        put(&mut dir, 0, 2);
        put(&mut dir, 0, 4);
        put(&mut dir, 0, 4);
        put(&mut dir, out.len() as u32, 4);
        dir.extend_from_slice(name.as_bytes());
        put(&mut out, 0x0403_4b50, 4);
        out.extend_from_slice(&common);
        out.extend_from_slice(name.as_bytes());
        out.extend_from_slice(data);
    }
    let at = out.len() as u32;
    out.extend_from_slice(&dir);
    put(&mut out, 0x0605_4b50, 4);
    put(&mut out, 0, 4);
    put(&mut out, files.len() as u32 * 0x1_0001, 4);
    put(&mut out, dir.len() as u32, 4);
    put(&mut out, at, 4);
    put(&mut out, 0, 2);
    out
}

/// The MS-DOS (time, date) of an ISO 8601 time ("2026-11-29T11:05:30Z"), as ZIP dates its
/// entries; 1980-01-01 00:00 when it cannot be read.
pub fn dos_time(iso: &str) -> (u16, u16) {
    // Parsed as brat's offsets are (one parser in the bundle): a field of at most 4 digits fits.
    let n = |r: Range<usize>| iso.get(r).and_then(|s| s.parse::<usize>().ok()).unwrap_or(0) as u16;
    let (y, mo, d) = (n(0..4), n(5..7), n(8..10));
    if !(1980..2108).contains(&y) || !(1..=12).contains(&mo) || !(1..=31).contains(&d) {
        return (0, 0x21);
    }
    let time = n(11..13).min(23) << 11 | n(14..16).min(59) << 5 | (n(17..19).min(59) / 2);
    (time, (y - 1980) << 9 | mo << 5 | d)
}

fn le(zip: &[u8], at: usize, n: usize) -> Option<u32> {
    let b = zip.get(at..at + n)?;
    Some(b.iter().rev().fold(0, |v, &x| v << 8 | x as u32))
}

const CUT: &str = "The ZIP archive is incomplete (cut short while downloading or copying?).";

/// The entries of a ZIP archive, from its central directory.
pub fn entries(zip: &[u8]) -> Result<Vec<Entry>, String> {
    // The end record is the last thing in the file, followed only by a comment (< 64 KB).
    let lowest = zip.len().saturating_sub(22 + 0xffff);
    let end = (lowest..zip.len().saturating_sub(21)).rev().find(|&i| le(zip, i, 4) == Some(0x0605_4b50));
    let Some(end) = end else {
        return Err(if zip.starts_with(b"PK\x03\x04") { CUT } else { "This file is not a ZIP archive." }.into());
    };
    let field = |at: usize, n: usize| le(zip, end + at, n).unwrap_or(0);
    let (count, size, start) = (field(10, 2), field(12, 4), field(16, 4));
    let zip64 = "The ZIP archive is in the ZIP64 form (over 4 GB or 65,535 files), which cannot be read here.";
    if count == 0xffff || start == u32::MAX || end >= 20 && le(zip, end - 20, 4) == Some(0x0706_4b50) {
        return Err(zip64.into());
    }
    let (mut at, stop) = (start as usize, start as usize + size as usize);
    if stop > end {
        return Err(CUT.into());
    }
    let mut out = Vec::new();
    for _ in 0..count {
        let f = |off: usize, n: usize| le(zip, at + off, n).filter(|_| at + 46 <= stop);
        let (Some(0x0201_4b50), Some(flags), Some(method), Some(crc)) = (f(0, 4), f(8, 2), f(10, 2), f(16, 4)) else {
            return Err("The ZIP archive's list of files is damaged.".into());
        };
        let (csize, usize_, nlen) = (f(20, 4).unwrap_or(0), f(24, 4).unwrap_or(0), f(28, 2).unwrap_or(0) as usize);
        let skip = nlen + f(30, 2).unwrap_or(0) as usize + f(32, 2).unwrap_or(0) as usize;
        let local = f(42, 4).unwrap_or(0) as usize;
        let name = String::from_utf8_lossy(zip.get(at + 46..at + 46 + nlen).ok_or(CUT)?).into_owned();
        if flags & 1 != 0 {
            return Err(format!("“{name}” in the ZIP archive is encrypted: save the archive without a password."));
        }
        if csize == u32::MAX || usize_ == u32::MAX || local == u32::MAX as usize {
            return Err(zip64.into());
        }
        // The data follows the local header, whose name and extra field may differ in length.
        if le(zip, local, 4) != Some(0x0403_4b50) {
            return Err(format!("“{name}” in the ZIP archive is damaged."));
        }
        let from =
            local + 30 + le(zip, local + 26, 2).unwrap_or(0) as usize + le(zip, local + 28, 2).unwrap_or(0) as usize;
        let data = from..from + csize as usize;
        if data.end > zip.len() {
            return Err(CUT.into());
        }
        out.push(Entry { name, method: method as u16, data, size: usize_, crc });
        at += 46 + skip;
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crc_of_the_check_string() {
        assert_eq!(crc32(b"123456789"), 0xCBF4_3926);
        assert_eq!(crc32(b""), 0);
    }

    #[test]
    fn dos_times() {
        assert_eq!(dos_time("2026-11-29T11:05:30Z"), (11 << 11 | 5 << 5 | 15, 46 << 9 | 11 << 5 | 29));
        assert_eq!(dos_time("garbage"), (0, 0x21));
    }
}
