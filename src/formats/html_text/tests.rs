//! Unit tests of the DOM-free page-reading helpers.
use super::*;

fn lines(f: impl FnOnce(&mut Lines)) -> String {
    let mut l = Lines::default();
    f(&mut l);
    l.finish()
}

#[test]
fn white_space_collapses_like_a_browser() {
    assert_eq!(collapse("  a \t\n b\u{a0}\u{a0}c  "), "a b c");
    assert_eq!(collapse("co\u{ad}operate"), "cooperate");
    assert_eq!(collapse("😀  北京\n\n东京 "), "😀 北京 东京");
    let t = lines(|l| {
        l.text("  Hello ");
        l.text(" world ");
        l.newline();
        l.newline();
        l.text("   ");
        l.newline();
        l.text("next");
        l.space();
        l.newline();
    });
    assert_eq!(t, "Hello world\nnext");
}

#[test]
fn inline_pieces_join_without_spaces() {
    assert_eq!(lines(|l| ["Wor", "ld", " cup"].iter().for_each(|s| l.text(s))), "World cup");
}

#[test]
fn preformatted_text_keeps_spaces_and_breaks() {
    let t = lines(|l| {
        l.text("Code:");
        l.newline();
        l.pre("fn main() {  \n    go();\n\n}\n");
        l.newline();
        l.text("after");
    });
    assert_eq!(t, "Code:\nfn main() {\n    go();\n}\nafter");
}

#[test]
fn mark_is_where_the_next_line_starts() {
    let mut l = Lines::default();
    l.text("Kicker");
    let at = l.mark();
    l.text("Head");
    assert_eq!(&l.finish()[at..], "Head");
}

#[test]
fn boilerplate_classes() {
    for (class, id) in [
        ("cookie-banner", ""),
        ("", "onetrust-consent-sdk"),
        ("share-bar js-share", ""),
        ("c-related-stories", ""),
        ("", "comments"),
        ("ad", ""),
        ("ad-slot ad-slot--top", ""),
        ("top-ad", ""),
        ("site-nav", ""),
        ("nav", ""),
        ("article-meta", ""),
        ("byline", ""),
        ("visually-hidden", ""),
        ("newsletter-signup", ""),
        ("sidebar", "right"),
        ("", "relatedStories"),
    ] {
        assert!(is_boilerplate(class, id, true), "{class:?} {id:?}");
        let lower = format!("{class} {id}").to_ascii_lowercase();
        assert!(HINTS.iter().any(|h| lower.contains(h)), "no hint for {class:?} {id:?}");
    }
    for (class, id) in [
        ("article-body", ""),
        ("story", "main"),
        ("content has-sidebar", ""),
        ("header", ""),
        ("lead", ""),
        ("standfirst", ""),
        ("headline", ""),
        ("shadow-lg rounded", ""),
        ("commentary-body", ""),
        ("", ""),
    ] {
        assert!(!is_boilerplate(class, id, true), "{class:?} {id:?}");
    }
    // Without the weak signs, a layout named after its sidebar survives; a cookie banner does not.
    assert!(!is_boilerplate("layout-with-sidebar", "", false));
    assert!(is_boilerplate("layout-with-sidebar", "", true));
    assert!(is_boilerplate("cookie-notice", "", false));
    // A modifier does not say what the element is; a noisy token does not protect.
    assert!(!is_boilerplate("has-comments", "", true));
    assert!(is_boilerplate("related-content", "", true));
}

#[test]
fn every_sign_of_furniture_has_a_hint() {
    for sign in STRONG.iter().chain(WEAK).chain(&["ad", "nav", "meta", "hidden", "hide", "d-none", "x-none"]) {
        assert!(HINTS.iter().any(|h| sign.contains(h)), "no hint for {sign:?}");
    }
}

#[test]
fn site_names_come_off_titles() {
    let strip = |t: &str, s: Option<&str>| strip_site_name(t, s, true).0;
    assert_eq!(strip("Floods hit the north | The Daily Planet", None), "Floods hit the north");
    assert_eq!(strip("Floods hit the north - Planet", None), "Floods hit the north");
    assert_eq!(strip("Floods hit the north — Planet News", None), "Floods hit the north");
    assert_eq!(strip("Planet News: Floods hit the north", Some("Planet News")), "Floods hit the north");
    assert_eq!(strip("Floods · Planet", Some("Planet")), "Floods");
    assert_eq!(strip("Opinion | Why the floods will come back", None), "Why the floods will come back");
    // What stays must be the longer part: a short headline keeps its dash.
    assert_eq!(strip("Rain - a history of the English weather", None), "Rain - a history of the English weather");
    assert_eq!(strip("Brexit: what happens next", None), "Brexit: what happens next");
    assert_eq!(strip("  Plain   title ", None), "Plain title");
    assert_eq!(strip_site_name("A | B site", None, false).0, "A | B site");
    assert_eq!(strip_site_name("Floods hit | Planet", None, true).1.as_deref(), Some("Planet"));
}

#[test]
fn author_fields_split_into_names() {
    assert_eq!(split_authors("By Jane Doe and John Roe"), ["Jane Doe", "John Roe"]);
    assert_eq!(split_authors("Jane Doe, John Roe & Ana Lima"), ["Jane Doe", "John Roe", "Ana Lima"]);
    assert_eq!(split_authors("Doe, Jane"), ["Doe, Jane"]);
    assert_eq!(split_authors("https://example.com/staff/jane"), Vec::<String>::new());
    assert_eq!(split_authors("  李明 "), ["李明"]);
    let mut list = vec!["Jane Doe".to_string()];
    push_unique(&mut list, "JANE DOE".into());
    push_unique(&mut list, "John Roe".into());
    assert_eq!(list, ["Jane Doe", "John Roe"]);
}

#[test]
fn json_ld_gives_authors_and_date() {
    let mut meta = LdMeta::default();
    ld_json(
        r#"{"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"Planet"},
            {"@type":"NewsArticle","datePublished":" 2024-03-05T08:00:00Z ",
             "author":[{"@type":"Person","name":"Jane Doe"},{"name":"John Roe"}, "Ana Lima"]}]}"#,
        &mut meta,
    );
    assert_eq!(meta.authors, ["Jane Doe", "John Roe", "Ana Lima"]);
    assert_eq!(meta.published.as_deref(), Some("2024-03-05T08:00:00Z"));
    // A second block adds authors, keeps the date; broken JSON is skipped.
    ld_json(
        r#"[{"@type":"Comment","author":"Troll Person"},{"@type":["Article"],"author":{"name":"Bo Ek"},"datePublished":"2020"}]"#,
        &mut meta,
    );
    ld_json("{not json", &mut meta);
    assert_eq!(meta.authors, ["Jane Doe", "John Roe", "Ana Lima", "Bo Ek"]);
    assert_eq!(meta.published.as_deref(), Some("2024-03-05T08:00:00Z"));
    let mut other = LdMeta::default();
    ld_json(
        r#"{"@type":"WebPage","mainEntity":{"@type":"Comment","author":"X Y"},"datePublished":"2021-01-01"}"#,
        &mut other,
    );
    assert_eq!(other, LdMeta { authors: vec![], published: Some("2021-01-01".into()) });
}

#[test]
fn headline_comes_first_and_bylines_go() {
    let authors = vec!["Jane Doe".to_string()];
    let body = "Politics\nFloods hit the north\nThe rivers rose.\nBy Jane Doe\nBy the time help came, it was late.";
    let at = body.find("Floods").unwrap();
    assert_eq!(
        assemble(body, Headline::At(at), &authors),
        "Floods hit the north\nThe rivers rose.\nBy the time help came, it was late."
    );
    let long = format!("{}\nHead\nBody", "x".repeat(130));
    assert_eq!(assemble(&long, Headline::At(131), &[]), format!("Head\n{}\nBody", "x".repeat(130)));
    assert_eq!(assemble("Body\nBy Jim Bo in Paris", Headline::Outside("Head".into()), &[]), "Head\nBody");
    assert_eq!(assemble("", Headline::Outside("Head".into()), &[]), "Head");
    assert_eq!(assemble("Head\nBody", Headline::Outside("Head".into()), &[]), "Head\nBody");
    assert_eq!(
        assemble("Head\nBy Ana Lima\nBy ten votes, they won.", Headline::None, &[]),
        "Head\nBy ten votes, they won."
    );
    assert_eq!(assemble("Body", Headline::None, &[]), "Body");
}

#[test]
fn serialised_markup_becomes_lines() {
    let html = "<header><a href=\"/uk\">UK</a><h1 class=\"x\" data-aa-headline=\"\">Floods <em>hit</em>\n  the north</h1>\
        </header><!-- a <p>comment</p> --><p title=\"a > b &quot;c&quot;\">Tom&amp;Jerry&nbsp;&lt;3 &#8217;&#x1F30A;&bogus; &</p>\
        <div>Direct<p>para</p>tail<br>after break</div><ul><li>one</li><li>two</li></ul>\
        <script>if (a < b) document.write('<p>no</p>')</script><pre>\n  code  \n\n  more</pre>\
        <table><tbody><tr><td>A</td><td>B</td></tr></tbody></table><span>in</span><b>line</b>";
    let (text, at) = text_of(html);
    assert_eq!(
        text,
        "UK\nFloods hit the north\nTom&Jerry <3 ’🌊&bogus; &\nDirect\npara\ntail\nafter break\none\ntwo\n  code\n  more\n\
         A B\ninline"
    );
    assert_eq!(&text[at.unwrap()..at.unwrap() + 6], "Floods");
    assert_eq!(text_of("<h1>No mark</h1>"), ("No mark".to_string(), None));
    assert_eq!(text_of("a < b <3"), ("a < b <3".to_string(), None));
    assert_eq!(text_of("<p>unclosed <b"), ("unclosed".to_string(), None));
}
