//! The file formats made of several files or of markup: the ZIP container, brat standoff (its
//! code-point offsets, fragments, relations, notes and claim attributes, read back), CoNLL IOB2
//! (nests, words, sentences, what it leaves out) and the HTML report (escaped, self-contained).
#![cfg(not(target_arch = "wasm32"))]
use article_annotator::formats::zip;

#[test]
fn zip_stores_and_lists_its_files() {
    let files: [(&str, &[u8]); 3] =
        [("a.txt", b"hello"), ("\u{fc}n\u{ef}/\u{674e}\u{660e} \u{1f600}.txt", "x\ny 😀".as_bytes()), ("empty", b"")];
    let bytes = zip::store(&files, zip::dos_time("2026-11-29T11:05:30Z"));
    let list = zip::entries(&bytes).unwrap();
    assert_eq!(list.len(), 3);
    for (e, (name, data)) in list.iter().zip(files) {
        assert_eq!((e.name.as_str(), e.method, e.size as usize), (name, 0, data.len()));
        assert_eq!(&bytes[e.data.clone()], data);
        assert_eq!(e.crc, zip::crc32(data));
    }
    assert_eq!(list[0].crc, 0x3610_a686, "the CRC-32 of \"hello\"");
    // UTF-8 names are flagged (bit 11) in the local header and the central directory.
    assert_eq!(bytes[6..8], [0, 8]);
    assert!(zip::entries(&zip::store(&[], (0, 0x21))).unwrap().is_empty());
}

#[test]
fn zip_says_what_is_wrong_with_a_file() {
    let good = zip::store(&[("a.txt", b"hello")], (0, 0x21));
    let err = |b: &[u8]| zip::entries(b).unwrap_err();
    assert!(err(b"just some text, long enough to look for an end record in").contains("not a ZIP"));
    assert!(err(b"").contains("not a ZIP"));
    assert!(err(&good[..good.len() - 10]).contains("incomplete"));
    assert!(err(&good[..20]).contains("incomplete"));
    let end = good.len() - 22;
    let mut zip64 = good.clone();
    zip64[end + 10..end + 12].copy_from_slice(&[0xff, 0xff]);
    assert!(err(&zip64).contains("ZIP64"));
    let mut locked = good.clone();
    let dir = u32::from_le_bytes(good[end + 16..end + 20].try_into().unwrap()) as usize;
    locked[dir + 8] |= 1;
    assert!(err(&locked).contains("encrypted"), "{}", err(&locked));
}

/// Made by Python's zipfile with ZIP_DEFLATED: "a.txt" (30 bytes of "hello ") and an empty
/// "ü/北京.txt".
const DEFLATED: &str = "504b03041400000008002c5a7d5d680231660c0000001e00000005000000612e747874cb48cdc9c957c8c04e720100504b03041400000808002c5a7d5d0000000002000000000000000d000000c3bc2fe58c97e4baac2e7478740300504b010214031400000008002c5a7d5d680231660c0000001e000000050000000000000000000000800100000000612e747874504b010214031400000808002c5a7d5d0000000002000000000000000d000000000000000000000080012f000000c3bc2fe58c97e4baac2e747874504b050600000000020002006e0000005c0000000000";

#[test]
fn zip_lists_deflated_entries_for_the_browser_to_inflate() {
    let bytes: Vec<u8> =
        (0..DEFLATED.len()).step_by(2).map(|i| u8::from_str_radix(&DEFLATED[i..i + 2], 16).unwrap()).collect();
    let list = zip::entries(&bytes).unwrap();
    assert_eq!(list.len(), 2);
    assert_eq!((list[0].name.as_str(), list[0].method, list[0].size, list[0].crc), ("a.txt", 8, 30, 0x6631_0268));
    assert_eq!(list[0].data, 35..47);
    assert_eq!((list[1].name.as_str(), list[1].method, list[1].size), ("ü/北京.txt", 8, 0));
    assert_eq!(list[1].data, 90..92);
}
