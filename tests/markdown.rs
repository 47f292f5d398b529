//! Markdown import: every rule with its exact text, a realistic article, and never a panic.
#![cfg(not(target_arch = "wasm32"))]
use article_annotator::formats::markdown::to_text;
use proptest::prelude::*;

fn text(md: &str) -> String {
    to_text(md).1
}

fn title(md: &str) -> String {
    to_text(md).0
}

#[test]
fn atx_and_setext_headings() {
    assert_eq!(text("# One\n## Two ##\n###### Six\n####### seven"), "One\n\nTwo\n\nSix\n\n####### seven");
    assert_eq!(text("#hashtag\n# C# #\n# foo#"), "#hashtag\n\nC#\n\nfoo#");
    assert_eq!(text("Main\n====\nSub\ntitle\n---\ntext"), "Main\n\nSub title\n\ntext");
    assert_eq!(title("Intro line\n\n## The *real* title\n\n# Later"), "The real title");
}

#[test]
fn emphasis_and_strike() {
    assert_eq!(text("*a* _b_ **c** __d__ ***e*** ~~f~~ ~g~"), "a b c d e f g");
    assert_eq!(text("**bold with *nested* em**"), "bold with nested em");
    assert_eq!(text("snake_case_name and __init__ and 2 * 3 * 4"), "snake_case_name and init and 2 * 3 * 4");
    assert_eq!(text("an *unclosed star and a_b_c"), "an *unclosed star and a_b_c");
    assert_eq!(text("**a*"), "*a");
    assert_eq!(text("*emphasis across\nlines*"), "emphasis across lines");
}

#[test]
fn links_and_images() {
    let md = "See [the report](https://x.org/a_(b) \"Title\") and [that one][r1], [R2] and [r1][].\n\n\
              [r1]: https://x.org/1\n[R2]: <https://x.org/2> 'two'";
    assert_eq!(text(md), "See the report and that one, R2 and r1.");
    assert_eq!(
        text("Not a link: [sic] and [1], <https://x.org/a?b=1> and <me@x.org>."),
        "Not a link: [sic] and [1], https://x.org/a?b=1 and me@x.org."
    );
    assert_eq!(text("Footnote[^1].\n\n[^1]: The note."), "Footnote[^1].\n\n[^1]: The note.");
    assert_eq!(text("Photo: ![A *cat*](cat.png \"c\") here ![ref][r]\n\n[r]: r.png"), "Photo: here");
    assert_eq!(text("[![badge](b.svg)](https://ci) [**bold** link](u)"), "bold link");
}

#[test]
fn lists_one_paragraph_per_item() {
    let md = "Intro:\n- one\n- two\n  wrapped\n  - nested\n* star\n+ plus\n\n1. first\n2) second\n10. tenth\n\n- [ ] todo\n- [x] done";
    assert_eq!(
        text(md),
        "Intro:\n\none\n\ntwo wrapped\n\nnested\n\nstar\n\nplus\n\n1. first\n\n2) second\n\n10. tenth\n\ntodo\n\ndone"
    );
    assert_eq!(text("In\n2019. That year"), "In 2019. That year");
    assert_eq!(text("2019. A year\n\n3) Three"), "2019. A year\n\n3) Three");
    assert_eq!(text("> - quoted item\n> - another\n>\n> after"), "quoted item\n\nanother\n\nafter");
    assert_eq!(text("- item\n\n  second paragraph\n\n      code in item"), "item\n\nsecond paragraph\n\ncode in item");
}

#[test]
fn code_spans_and_blocks() {
    assert_eq!(text("Use `a*b*c` and ``x ` y`` and `` `q` ``."), "Use a*b*c and x ` y and `q`.");
    assert_eq!(
        text("```rust\nfn main() {\n    let _x = 1;   \n\n}\n```\nafter"),
        "fn main() {\n    let _x = 1;\n\n}\n\nafter"
    );
    assert_eq!(text("~~~\n*not em*\n> not quote\n~~~"), "*not em*\n> not quote");
    assert_eq!(text("text\n\n    indented *code*\n      more\n\nback"), "text\n\nindented *code*\n  more\n\nback");
    assert_eq!(text("```\nunclosed\n# still code"), "unclosed\n# still code");
    assert_eq!(text("para\n\n\tcode\t*x*\n\u{3000}ideographic space"), "para\n\ncode\t*x*\n\nideographic space");
    assert_eq!(text("> ```\n> > kept\n> ```\n> text"), "> kept\n\ntext");
    assert_eq!(text("- a\n  - b\n\n    ```\n    x = 1\n    ```\n\nafter"), "a\n\nb\n\nx = 1\n\nafter");
}

#[test]
fn quotes_breaks_and_rules() {
    assert_eq!(text("> A quote\n> over lines\nlazy\n>\n> > nested"), "A quote over lines lazy\n\nnested");
    assert_eq!(text("hard  \nbreak\\\nagain\nsoft"), "hard\nbreak\nagain soft");
    assert_eq!(text("a\n\n---\n\n***\n___\n- - -\nb"), "a\n\nb");
}

#[test]
fn html_escapes_and_entities() {
    assert_eq!(text("a<br>b <em>c</em> <!-- hidden --> d<br/>e"), "a\nb c d\ne");
    assert_eq!(text("<!--\nmulti\nline\n-->\nshown"), "shown");
    assert_eq!(text("<a href=\"x.html\" class='c'>link</a><BR>next <b, c> and a <b>."), "link\nnext <b, c> and a .");
    assert_eq!(to_text("# Top<br>Sub"), ("Top Sub".to_string(), "Top\nSub".to_string()));
    assert_eq!(text("\\*lit\\* \\_x\\_ \\# \\[a\\](b) C:\\path"), "*lit* _x_ # [a](b) C:\\path");
    assert_eq!(
        text("&amp; &lt;b&gt; &quot;q&quot; &#39;s&#39; a&nbsp;b &#233; &#xE9; &bogus; & 3 < 4"),
        "& <b> \"q\" 's' a\u{a0}b é é &bogus; & 3 < 4"
    );
}

#[test]
fn front_matter() {
    let md = "---\ntitle: \"From the YAML\"\nauthor: A\n---\n# Heading\n\nBody";
    assert_eq!(to_text(md), ("From the YAML".to_string(), "Heading\n\nBody".to_string()));
    assert_eq!(
        to_text("---\ndate: 2026\n---\nFirst line\nsecond"),
        ("First line second".to_string(), "First line second".to_string())
    );
}

#[test]
fn tables() {
    let md = "| Name | Votes |\n|:-----|------:|\n| *Ann* | 1\\|2 |\n| Bo | 3 |\n\nafter";
    assert_eq!(text(md), "Name | Votes\n\nAnn | 1|2\n\nBo | 3\n\nafter");
    assert_eq!(text("a | b\nno delimiter"), "a | b no delimiter");
}

#[test]
fn title_falls_back_to_first_line() {
    assert_eq!(title("\n\n**Bold** opening\nline\n\nmore"), "Bold opening line");
    assert_eq!(title(""), "Untitled");
    assert_eq!(text("\n\n  \n"), "");
}

#[test]
fn crlf_bom_emoji_cjk_combining() {
    let md = "\u{feff}# 北京 😀\r\n\r\n*Zoë* and e\u{301}\u{301} **👩\u{200d}🔬**\r\nnext_line 李明\r";
    assert_eq!(
        to_text(md),
        ("北京 😀".to_string(), "北京 😀\n\nZoë and e\u{301}\u{301} 👩\u{200d}🔬 next_line 李明".to_string())
    );
    assert_eq!(text("*😀*_北_ ~~é\u{301}~~ `🇧🇪`"), "😀北 é\u{301} 🇧🇪");
}

#[test]
fn realistic_article() {
    let md = "\
---
layout: post
---

# Leaders agree on *new* trade deal

_A standfirst in italics: what happened, and why it matters._

![Leaders shake hands](https://cdn.example.com/photo.jpg \"Photo: Agency\")

BRUSSELS — The two leaders met on Tuesday and, according to
[officials](https://example.com/officials), agreed to cut tariffs by **20%**
within a year. \"It is a good day,\" one said.

Key points:

1. Tariffs fall by 20%
2. A review in *2027*
3. No change for [farmers][f]

> \"We will not be rushed,\" said the minister,
> speaking to reporters.

The agreement's code name is `TRADE_2026`; the text reads:

```
Article 1. Tariffs shall be reduced.
```

---

*Reporting by A. Writer; editing by B. Editor.*

[f]: https://example.com/farmers
";
    let expected = "\
Leaders agree on new trade deal

A standfirst in italics: what happened, and why it matters.

BRUSSELS — The two leaders met on Tuesday and, according to officials, agreed to cut tariffs by 20% \
within a year. \"It is a good day,\" one said.

Key points:

1. Tariffs fall by 20%

2. A review in 2027

3. No change for farmers

\"We will not be rushed,\" said the minister, speaking to reporters.

The agreement's code name is TRADE_2026; the text reads:

Article 1. Tariffs shall be reduced.

Reporting by A. Writer; editing by B. Editor.";
    assert_eq!(to_text(md), ("Leaders agree on new trade deal".to_string(), expected.to_string()));
}

/// Every line of the output is clean: no trailing or leading blank lines, no trailing spaces.
fn assert_clean(text: &str) -> Result<(), TestCaseError> {
    prop_assert!(!text.starts_with('\n') && !text.ends_with('\n'), "blank edge in {text:?}");
    prop_assert!(!text.contains("\n\n\n"), "double blank in {text:?}");
    for line in text.split('\n') {
        prop_assert_eq!(line.trim_end(), line);
    }
    Ok(())
}

/// Inputs that make naive parsers quadratic (each unclosed `[` searching to the end) finish in
/// well under a second each; were they quadratic, this test would take minutes. (No timing is
/// asserted: a timing never fails a test run.)
#[test]
fn pathological_input_finishes() {
    let units = ["[", "`", "*a ", "_a ", "<", "&", "![", "[a](", "> ", "- ", "|", "<a '", "` ``", "<!--", "(", "~~"];
    for unit in units {
        let md = unit.repeat(40_000 / unit.len());
        assert_clean(&to_text(&md).1).unwrap();
        assert_clean(&to_text(&md.replace(' ', "\n")).1).unwrap();
    }
    let brackets = "[".repeat(20_000) + &"]".repeat(20_000) + "\n\n[x]: y";
    let nested = "[".repeat(3000) + "x" + &"](u)".repeat(3000);
    for md in [brackets, nested] {
        assert_clean(&to_text(&md).1).unwrap();
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]
    /// Whatever the input, no panic, and the text is clean.
    #[test]
    fn never_panics_and_stays_clean(md in "[-#*_~`!\\[\\]()<>&;:|>=+.1 \\\\\n\r\tax19😀北é\u{301}\u{a0}\u{3000}\"')]{0,120}") {
        let (title, text) = to_text(&md);
        prop_assert!(!title.is_empty());
        assert_clean(&text)?;
    }

    /// Plain words come out as they went in, whatever markup surrounds them.
    #[test]
    fn words_survive(words in proptest::collection::vec("[a-zA-Z0-9😀北]{1,8}", 1..10), mark in "[*_~]{0,2}") {
        let md = format!("{mark}{}{mark}", words.join(" "));
        let text = to_text(&md).1;
        for w in &words {
            prop_assert!(text.contains(w.as_str()), "{w} lost from {text:?}");
        }
    }
}
