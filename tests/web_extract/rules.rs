//! The rules of reading a page (white space, markup, headline and bylines, furniture by class
//! name, titles, authors, JSON-LD), one small page each.
use super::*;

/// A page with `head` in its head and `body` in its body.
fn page(head: &str, body: &str) -> String {
    format!("<html><head>{head}</head><body>{body}</body></html>")
}

/// A body without a headline.
const PLAIN: &str = "<main><p>The river rose again on Monday, for the third time this year.</p></main>";
const RIVER: &str = "The river rose again on Monday, for the third time this year.";

#[wasm_bindgen_test]
fn white_space_collapses_like_a_browser() {
    let page = "<article><p>  a \t\n b&nbsp;&nbsp;c  </p><p>co&shy;operate</p><p>😀  北京\n\n东京 </p>\
        <p>  Hello <b> world </b></p><div>   </div><p>next<span> </span></p><p><b>Wor</b><i>ld</i> cup</p>\
        <p>Code:</p><pre>fn main() {  \n    go();\n\n}\n</pre><p>after</p></article>";
    let expected =
        "a b c\ncooperate\n😀 北京 东京\nHello world\nnext\nWorld cup\nCode:\nfn main() {\n    go();\n}\nafter";
    assert_eq!(ok(page).text, expected);
}

#[wasm_bindgen_test]
fn markup_becomes_a_line_a_block() {
    let page = "<article><header><a href=\"/uk\">UK</a><h1 class=\"x\">Floods <em>hit</em>\n  the north</h1></header>\
        <!-- a <p>comment</p> --><p title=\"a > b &quot;c&quot;\">Tom&amp;Jerry&nbsp;&lt;3 &#8217;&#x1F30A;&bogus; &</p>\
        <div>Direct<p>para</p>tail<br>after break</div><ul><li>one</li><li>two</li></ul>\
        <script>if (a < b) document.write('<p>no</p>')</script><pre>\n  code  \n\n  more</pre>\
        <table><tbody><tr><td>A</td><td>B</td></tr></tbody></table><span>in</span><b>line</b><xmp><p>raw</p></xmp>\
        </article>";
    let got = ok(page);
    assert_eq!(
        got.text,
        "Floods hit the north\nTom&Jerry <3 ’🌊&bogus; &\nDirect\npara\ntail\nafter break\none\ntwo\n  code\n  more\n\
         A B\ninline"
    );
    assert_eq!(got.title, "Floods hit the north");
    // Without a headline or a title, the first line is the title.
    assert_eq!((ok("a < b <3").text, ok("<p>unclosed <b").title), ("a < b <3".into(), "unclosed".into()));
}

#[wasm_bindgen_test]
fn the_headline_comes_first_and_bylines_go() {
    let kicker = page(
        "<meta name=\"author\" content=\"Jane Doe\">",
        "<article><a href=\"/politics\">Politics</a><h1>Floods hit the north</h1><p>The rivers rose.</p>\
         <p>By Jane Doe</p><p>By the time help came, it was late.</p></article>",
    );
    assert_eq!(ok(&kicker).text, "Floods hit the north\nThe rivers rose.\nBy the time help came, it was late.");
    // A long text above the headline is kept after it.
    let x = "x".repeat(130);
    assert_eq!(ok(&format!("<article><p>{x}</p><h1>Head</h1><p>Body</p></article>")).text, format!("Head\n{x}\nBody"));
    // A headline whose text is not rendered (raw text of a <noembed>), last in the article.
    assert_eq!(ok(&format!("<article><p>{x}</p><h1><noembed>Head</noembed></h1></article>")).text, x);
    let pages = [
        // A headline above the article; a byline of capitalised words.
        ("<header><h1>Head</h1></header><main><p>Body</p><p>By Jim Bo in Paris</p></main>", "Head\nBody"),
        // A headline above the article that it repeats.
        ("<header><h1>Head</h1></header><main><h2>Head</h2><p>Body</p></main>", "Head\nBody"),
        // No h1 at all.
        ("<main><h2>Head</h2><p>By Ana Lima</p><p>By ten votes, they won.</p></main>", "Head\nBy ten votes, they won."),
        // Only the first six lines are looked at.
        (
            "<main><p>1</p><p>2</p><p>3</p><p>4</p><p>5</p><p>6</p><p>By Ana Lima</p></main>",
            "1\n2\n3\n4\n5\n6\nBy Ana Lima",
        ),
    ];
    for (body, text) in pages {
        assert_eq!(ok(body).text, text, "{body}");
    }
}

#[wasm_bindgen_test]
fn furniture_by_class_name_and_id() {
    let read = |class: &str, id: &str| {
        ok(&format!(
            "<article><h1>Head</h1><p>Body.</p><div class=\"{class}\" id=\"{id}\"><p>Block.</p></div></article>"
        ))
        .text
    };
    #[rustfmt::skip]
    let furniture = [
        ("cookie-banner", ""), ("", "onetrust-consent-sdk"), ("share-bar js-share", ""), ("c-related-stories", ""),
        ("", "comments"), ("ad", ""), ("ads", ""), ("ad-slot ad-slot--top", ""), ("top-ad", ""), ("ads_right", ""),
        ("x-ad-y", ""), ("site-nav", ""), ("nav", ""), ("article-meta", ""), ("byline", ""), ("visually-hidden", ""),
        ("newsletter-signup", ""), ("sidebar", "right"), ("", "relatedStories"), ("d-none", ""), ("is-hidden", ""),
        ("layout-with-sidebar", ""), ("related-content", ""), ("Cookie-Notice", ""),
    ];
    for (class, id) in furniture {
        assert_eq!(read(class, id), "Head\nBody.", "{class:?} {id:?}");
    }
    #[rustfmt::skip]
    let kept = [
        ("article-body", ""), ("story", "main"), ("content has-sidebar", ""), ("header", ""), ("lead", ""),
        ("standfirst", ""), ("headline", ""), ("shadow-lg rounded", ""), ("commentary-body", ""), ("", ""),
        ("has-comments", ""), ("road-map", ""),
    ];
    for (class, id) in kept {
        assert_eq!(read(class, id), "Head\nBody.\nBlock.", "{class:?} {id:?}");
    }
    // A weak sign gives way when it would leave nothing; a strong one does not.
    let only = |class: &str| extract(&format!("<div class=\"{class}\"><h2>Deal</h2><p>The deal holds.</p></div>"));
    assert_eq!(only("layout-with-sidebar").map(|e| e.text), Ok("Deal\nThe deal holds.".into()));
    assert!(only("cookie-notice").is_err());
}

#[wasm_bindgen_test]
fn site_names_come_off_titles() {
    let site = "<meta property=\"og:site_name\" content=\"Planet News\">";
    let titles = [
        ("<title>Floods hit the north | The Daily Planet</title>", "Floods hit the north"),
        ("<title>Floods hit the north - Planet</title>", "Floods hit the north"),
        ("<title>Floods hit the north — Planet News</title>", "Floods hit the north"),
        (&format!("<title>Planet News: Floods hit the north</title>{site}"), "Floods hit the north"),
        (&format!("<title>Floods · Planet News</title>{site}"), "Floods"),
        ("<title>Opinion | Why the floods will come back</title>", "Why the floods will come back"),
        // What stays must be the longer part: a short headline keeps its dash.
        ("<title>Rain - a history of the English weather</title>", "Rain - a history of the English weather"),
        ("<title>Brexit: what happens next</title>", "Brexit: what happens next"),
        ("<title>  Plain   title </title>", "Plain title"),
        // The og:title is taken as it is but for a known site name.
        ("<title>X</title><meta property=\"og:title\" content=\"A | B site\">", "A | B site"),
    ];
    for (head, title) in titles {
        assert_eq!(ok(&page(head, PLAIN)).title, title, "{head}");
    }
    // An h1 that only names the site (as the title shows it) is not the headline.
    let got =
        ok(&page("<title>Floods hit the north | Planet</title>", &format!("<header><h1>Planet</h1></header>{PLAIN}")));
    assert_eq!((got.title.as_str(), got.text.as_str()), ("Floods hit the north", RIVER));
}

#[wasm_bindgen_test]
fn author_fields_split_into_names() {
    let authors = |content: &str| ok(&page(&format!("<meta name=\"author\" content=\"{content}\">"), PLAIN)).authors;
    assert_eq!(authors("By Jane Doe and John Roe"), ["Jane Doe", "John Roe"]);
    assert_eq!(authors("Jane Doe, John Roe &amp; Ana Lima"), ["Jane Doe", "John Roe", "Ana Lima"]);
    assert_eq!(authors("Doe, Jane"), ["Doe, Jane"]);
    assert_eq!(authors("https://example.com/staff/jane"), Vec::<String>::new());
    assert_eq!(authors("  李明 "), ["李明"]);
    // The same name twice (in any ASCII case) counts once.
    let head = "<meta name=\"author\" content=\"Jane Doe\"><meta property=\"article:author\" content=\"JANE DOE\">\
        <script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"author\":\"John Roe\"}</script>";
    assert_eq!(ok(&page(head, PLAIN)).authors, ["Jane Doe", "John Roe"]);
}

#[wasm_bindgen_test]
fn json_ld_gives_authors_and_date() {
    let ld = |json: &str| format!("<script type=\"application/ld+json\">{json}</script>");
    let head = [
        ld(r#"{"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"Planet"},
            {"@type":"NewsArticle","datePublished":" 2024-03-05T08:00:00Z ",
             "author":[{"@type":"Person","name":"Jane Doe"},{"name":"John Roe"}, "Ana Lima"]}]}"#),
        // A second block adds authors and keeps the date; broken JSON is skipped.
        ld(r#"[{"@type":"Comment","author":"Troll Person"},{"@type":["Article"],"author":{"name":"Bo Ek"},"datePublished":"2020"}]"#),
        ld("{not json"),
    ]
    .concat();
    let got = ok(&page(&head, PLAIN));
    assert_eq!(got.authors, ["Jane Doe", "John Roe", "Ana Lima", "Bo Ek"]);
    assert_eq!(got.published.as_deref(), Some("2024-03-05T08:00:00Z"));
    let other =
        ld(r#"{"@type":"WebPage","mainEntity":{"@type":"Comment","author":"X Y"},"datePublished":"2021-01-01"}"#);
    let got = ok(&page(&other, PLAIN));
    assert_eq!((got.authors, got.published.as_deref()), (vec![], Some("2021-01-01")));
}
