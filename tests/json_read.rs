//! The JSON reader: strict syntax, escapes, numbers, nesting, positions in errors, and
//! agreement with serde_json on a corpus and on generated values.
#![cfg(not(target_arch = "wasm32"))]
use article_annotator::formats::json_read::{read_all, Error, Reader, MAX_DEPTH};
use proptest::prelude::*;
use serde_json::{Map, Value};
use std::borrow::Cow;

/// Any value, as a serde_json `Value`, through the reader's pull interface. Numbers that are
/// not whole numbers from 0 to u64::MAX (which no stored field holds) become "<number>".
fn value(r: &mut Reader) -> Result<Value, Error> {
    Ok(match r.peek() {
        b'{' => {
            let mut map = Map::new();
            r.object()?;
            while let Some(key) = r.key()? {
                let v = value(r)?;
                map.insert(key.into_owned(), v);
            }
            Value::Object(map)
        }
        b'[' => Value::Array(r.list(value)?),
        b'"' => Value::String(r.string()?),
        b't' | b'f' => Value::Bool(r.bool()?),
        b'n' if r.null()? => Value::Null,
        _ => r.attempt(Reader::u64)?.map_or_else(|_| "<number>".into(), Value::from),
    })
}

/// serde_json's reading of `text`, numbers as `value` gives them.
fn serde(text: &str) -> Option<Value> {
    fn norm(v: Value) -> Value {
        match v {
            Value::Number(n) => n.as_u64().map_or_else(|| "<number>".into(), Value::from),
            Value::Array(a) => Value::Array(a.into_iter().map(norm).collect()),
            Value::Object(o) => Value::Object(o.into_iter().map(|(k, v)| (k, norm(v))).collect()),
            v => v,
        }
    }
    serde_json::from_str::<Value>(text).ok().map(norm)
}

fn ours(text: &str) -> Result<Value, Error> {
    read_all(text, value)
}

/// The error message with its position, as a user sees it.
fn refused(text: &str) -> String {
    let mut r = Reader::new(text);
    let e = value(&mut r).and_then(|_| r.finish()).expect_err(text);
    r.locate(&e)
}

#[test]
fn agrees_with_serde_json_on_a_corpus() {
    let corpus = [
        "{}",
        "[]",
        " { \"a\" : [1, 2, {\"b\": null}], \"c\": \"x\\ny\" } ",
        "\"\\ud83d\\ude00 and \\u00e9\\/\\b\\f\\n\\r\\t\\\"\\\\\"",
        "\"😀 北京 e\u{301} \u{7f} \u{2028}\"",
        "0",
        "123",
        "18446744073709551615",
        "18446744073709551616",
        "-5",
        "-0.5e-3",
        "1.5E+3",
        "true",
        "false",
        "null",
        "[[[[]]], {}]",
        "{\"a\":1,\"a\":2}",
        "{\"\\u0069d\": \"escaped key\"}",
        "",
        " ",
        "{",
        "[1,]",
        "{\"a\":1,}",
        "{\"a\" 1}",
        "{a:1}",
        "{\"a\":}",
        "[1 2]",
        "[,1]",
        "01",
        "1.",
        ".5",
        "-",
        "1e",
        "+1",
        "\"abc",
        "\"a\u{1}b\"",
        "\"a\tb\"",
        "\"\\x\"",
        "\"\\u12\"",
        "\"\\u12g4\"",
        "\"\\ud800\"",
        "\"\\udc00\"",
        "\"\\ud800\\u0041\"",
        "\"\\ud800x\"",
        "tru",
        "nul",
        "nulls",
        "[1] x",
        "{} {}",
        "[1]]",
        "NaN",
        "Infinity",
        "'a'",
        "[\"a\"\n,\n\"b\"]",
    ];
    for text in corpus {
        assert_eq!(ours(text).ok(), serde(text), "{text:?}");
    }
}

#[test]
fn strings_are_borrowed_unless_they_hold_an_escape() {
    let mut r = Reader::new(r#"["plain 😀", "esc\"aped"]"#);
    r.array().unwrap();
    assert!(r.item().unwrap());
    assert!(matches!(r.str().unwrap(), Cow::Borrowed("plain 😀")));
    assert!(r.item().unwrap());
    assert_eq!(r.str().unwrap(), Cow::<str>::Owned("esc\"aped".into()));
    assert!(!r.item().unwrap());
    r.finish().unwrap();
}

#[test]
fn surrogate_pairs_decode_to_one_character() {
    assert_eq!(ours(r#""\ud83d\ude00\uD83D\uDC4D\ud83c\udffd""#).unwrap(), "😀👍🏽");
    assert_eq!(ours(r#""x\u0000y""#).unwrap(), "x\u{0}y");
    // Long strings take the eight-bytes-at-a-time path; an escape at every offset of a chunk.
    for at in 0..20 {
        let text = format!("{}\\n{}", "a".repeat(at), "é".repeat(at));
        assert_eq!(ours(&format!("\"{text}\"")).unwrap(), format!("{}\n{}", "a".repeat(at), "é".repeat(at)));
    }
}

#[test]
fn a_lone_surrogate_is_refused_in_a_string_read_but_not_in_one_passed_over() {
    let mut r = Reader::new(r#"{"a": "\ud800", "b": 1}"#);
    r.object().unwrap();
    r.key().unwrap();
    let e = r.attempt(Reader::string).unwrap().unwrap_err();
    assert!(e.what.contains("surrogate"), "{}", e.what);
    assert_eq!(r.key().unwrap().as_deref(), Some("b"));
    assert_eq!(r.u64().unwrap(), 1);
    assert_eq!(r.key().unwrap(), None);
    r.finish().unwrap();
    read_all(r#"{"ignored": "\udc00"}"#, Reader::skip).unwrap();
}

#[test]
fn whole_numbers() {
    let read = |text: &str| read_all(text, Reader::u64);
    assert_eq!(read("0").unwrap(), 0);
    assert_eq!(read(" 42 ").unwrap(), 42);
    assert_eq!(read("18446744073709551615").unwrap(), u64::MAX);
    for (text, says) in [
        ("18446744073709551616", "from 0 to 18446744073709551615, not 18446744073709551616"),
        ("-1", "a whole number, not -1"),
        ("1.0", "a whole number, not 1.0"),
        ("1e2", "a whole number, not 1e2"),
        ("\"7\"", "a whole number, not a string"),
        ("null", "a whole number, not null"),
    ] {
        let e = read(text).unwrap_err();
        assert!(!e.syntax && e.what.contains(says), "{text}: {}", e.what);
    }
    assert!(read_all("4294967296", Reader::u32).is_err());
    assert_eq!(read_all("4294967295", Reader::u32).unwrap(), u32::MAX);
    assert!(read("01").unwrap_err().syntax);
}

#[test]
fn errors_say_where_in_lines_and_characters() {
    assert_eq!(refused("{\n  \"a\": 1\n  \"b\": 2\n}"), "line 3, column 3: expected ',' or '}'");
    assert_eq!(refused("[\"😀\", tru]"), "line 1, column 7: expected a value");
    assert_eq!(refused("[1, 2,]"), "line 1, column 7: a comma before ']' is not allowed");
    assert_eq!(refused("{\"a\": 1,}"), "line 1, column 9: a comma before '}' is not allowed");
    assert_eq!(refused("{\"a\": [1, 2"), "line 1, column 12: the text ends where ',' or ']' should be");
    assert_eq!(
        refused("\"line\nbreak\""),
        "line 1, column 6: a control character (such as a line break) in a string must be escaped"
    );
    assert_eq!(refused("{} x"), "line 1, column 4: more text follows the end of the JSON value");
    assert_eq!(refused("\"\\q\""), "line 1, column 2: unknown escape (after '\\' come only \" \\ / b f n r t or u)");
    assert_eq!(refused(""), "line 1, column 1: the text ends where a value should be");
}

#[test]
fn a_value_of_the_wrong_kind_is_named_by_its_key() {
    let read = |text| {
        read_all(text, |r| {
            r.object()?;
            while let Some(_key) = r.key()? {
                r.usize()?;
            }
            Ok(())
        })
    };
    let e = read("{\"start\": \"x\"}").unwrap_err();
    assert_eq!((e.what.as_str(), e.syntax), ("\"start\" should be a whole number, not a string", false));
    let e = read_all("[{\"kind\": \"alien\"}]", |r| r.list(|r| r.list(Reader::string))).unwrap_err();
    assert_eq!(e.what, "expected a list, not an object");
    let e = read_all("{\"kind\": \"alien\"}", |r| {
        r.object()?;
        r.key()?;
        r.choice(&["entity", "claim"])
    })
    .unwrap_err();
    assert_eq!(e.what, "\"kind\" should be one of \"entity\", \"claim\", not \"alien\"");
}

#[test]
fn unknown_keys_are_passed_over() {
    let text = r#"{"skip": {"deep": [1, "two", {"three": null}], "t": true}, "want": "yes", "more": -1.5e3}"#;
    let want = read_all(text, |r| {
        let mut want = None;
        r.object()?;
        while let Some(key) = r.key()? {
            match &*key {
                "want" => want = Some(r.string()?),
                _ => r.skip()?,
            }
        }
        Ok(want)
    });
    assert_eq!(want.unwrap().as_deref(), Some("yes"));
}

#[test]
fn nesting_deeper_than_the_limit_is_refused_without_exhausting_the_stack() {
    let depth = MAX_DEPTH as usize;
    let deep = |n: usize| format!("{}{}", "[".repeat(n), "]".repeat(n));
    assert!(ours(&deep(depth)).is_ok());
    let e = ours(&deep(depth + 1)).unwrap_err();
    assert!(e.syntax && e.what.contains("deeper than 128"), "{}", e.what);
    assert!(read_all(&deep(depth + 1), Reader::skip).is_err());
    let hostile = "[{\"a\":".repeat(200_000);
    assert!(read_all(&hostile, Reader::skip).unwrap_err().what.contains("deeper"));
}

#[test]
fn attempt_passes_over_a_value_of_another_shape_and_goes_on() {
    let mut r = Reader::new(r#"[{"a": [1, 2]}, 3]"#);
    r.array().unwrap();
    assert!(r.item().unwrap());
    let e = r.attempt(Reader::u64).unwrap().unwrap_err();
    assert_eq!(e.what, "expected a whole number, not an object");
    assert!(r.item().unwrap());
    assert_eq!(r.u64().unwrap(), 3);
    assert!(!r.item().unwrap());
    // A syntax error inside the value passed over still ends reading.
    let mut r = Reader::new(r#"[{"a": [1 2]}]"#);
    r.array().unwrap();
    r.item().unwrap();
    assert!(r.attempt(Reader::u64).unwrap_err().syntax);
}

/// Any JSON value serde_json can write (objects with any keys, any strings).
fn arb_json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<u64>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        (-1e9f64..1e9).prop_map(Value::from),
        any::<String>().prop_map(Value::String),
    ];
    leaf.prop_recursive(4, 48, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::vec((any::<String>(), inner), 0..6)
                .prop_map(|kv| Value::Object(kv.into_iter().collect())),
        ]
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// Whatever serde_json writes (compact or pretty), the reader reads as serde_json does.
    #[test]
    fn reads_what_serde_json_writes(v in arb_json()) {
        for text in [serde_json::to_string(&v).unwrap(), serde_json::to_string_pretty(&v).unwrap()] {
            prop_assert_eq!(ours(&text).ok(), serde(&text));
            prop_assert!(read_all(&text, Reader::skip).is_ok());
        }
    }

    /// Any string written by the project's writer or by serde_json reads back as itself.
    #[test]
    fn strings_round_trip(s in any::<String>(), t in "[a\"\\\\\n\t\u{1}\u{1f}😀é/]{0,40}") {
        for s in [s, t] {
            let mut ours_written = String::new();
            article_annotator::formats::json_write::string(&mut ours_written, &s);
            prop_assert_eq!(read_all(&ours_written, Reader::string).unwrap(), s.clone());
            prop_assert_eq!(read_all(&serde_json::to_string(&s).unwrap(), Reader::string).unwrap(), s);
        }
    }

    /// Arbitrary bytes turned text: the reader never panics, and agrees with serde_json on
    /// whether it is JSON.
    #[test]
    fn arbitrary_text_never_panics(text in "[\\[\\]{}\",:0-9a-z\\\\. \n\u{1}-]{0,30}") {
        prop_assert_eq!(ours(&text).ok(), serde(&text));
    }
}
