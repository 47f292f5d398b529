//! In-browser tests of reading a saved news page (browser::extract): realistic pages in, the
//! exact text and metadata out, and nothing of the page ever run or fetched.
#![cfg(target_arch = "wasm32")]

use article_annotator::browser::extract::{extract, Extracted};
use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const NEWS: &str = include_str!("fixtures/extract/news.html");
const TABLES: &str = include_str!("fixtures/extract/tables.html");

fn ok(html: &str) -> Extracted {
    extract(html).unwrap_or_else(|e| panic!("extraction failed: {e}"))
}

fn pwned() -> JsValue {
    js_sys::Reflect::get(&gloo::utils::window(), &"__pwned".into()).unwrap()
}

#[path = "web_extract/rules.rs"]
mod rules;

#[wasm_bindgen_test]
fn a_news_page_gives_its_article_and_nothing_else() {
    let body_before = gloo::utils::document().body().unwrap().child_element_count();
    let got = ok(NEWS);
    let expected = [
        "Floods force thousands from their homes in the north",
        "Rivers burst their banks after a week of rain, and more is forecast.",
        "More than 3,000 people were moved from their homes overnight as the River Ouse rose to its highest \
         level in 20 years.",
        "“We have never seen anything like it,” said Maria Lopez, who runs a café on the riverside. \
         “The water came in through the floor.”",
        "Rescue teams stretched",
        "Fire crews carried out more than 200 rescues, the EA said, and three severe flood warnings remain in place.",
        "York: 1,200 homes evacuated",
        "Selby: 900 homes evacuated",
        "The next 48 hours are critical.",
        "The Met Office said more rain was expected on Thursday.",
    ]
    .join("\n");
    assert_eq!(got.text, expected);
    assert_eq!(got.title, "Floods force thousands from their homes in the north");
    assert_eq!(got.url.as_deref(), Some("https://planet.example/news/2024/03/05/floods-north"));
    assert_eq!(got.authors, ["Jane Doe", "Omar Haddad"]);
    assert_eq!(got.published.as_deref(), Some("2024-03-05T08:30:00+00:00"));
    // Nothing of the page ran, and it never entered the live document.
    assert!(pwned().is_undefined(), "a script or handler of the page ran");
    assert_eq!(gloo::utils::document().body().unwrap().child_element_count(), body_before);
}

#[wasm_bindgen_test]
async fn no_handler_of_the_page_fires_later() {
    ok(NEWS);
    // An image's error handler would fire once its load failed: give it the time to.
    yew::platform::time::sleep(std::time::Duration::from_millis(200)).await;
    assert!(pwned().is_undefined(), "a handler of the page ran");
}

#[wasm_bindgen_test]
fn without_article_or_main_the_densest_block_of_paragraphs_wins() {
    let got = ok(TABLES);
    let expected = "Council approves new tram line\n\
        The city council voted on Tuesday, by 31 votes to 12, to build a new tram line from the station to the hospital.\n\
        Work will start next spring, the council said, and the line should open in 2027, if funding arrives on time.\n\
        Cost\n\
        The line will cost £120m, of which the government will pay, according to the plan, about two thirds.\n\
        Opponents said the money would be better spent on buses, roads, and repairs.";
    assert_eq!(got.text, expected);
    assert_eq!(got.title, "Council approves new tram line");
    assert_eq!((got.url, got.authors, got.published), (None, vec![], None));
}

#[wasm_bindgen_test]
fn line_breaks_split_paragraphs() {
    let page = "<html><head><title>Letter from Lisbon</title></head><body>\
        <div id=\"content\"><h1>Letter from Lisbon</h1>\n<div class=\"post\">The trams were full again this \
        morning.<br>\n  Nobody seemed to mind.<br><br>\nAt the market, <em>sardines</em> were back.<br/>   <br/>\n\
        Summer is near.</div></div></body></html>";
    assert_eq!(
        ok(page).text,
        "Letter from Lisbon\nThe trams were full again this morning.\nNobody seemed to mind.\n\
         At the market, sardines were back.\nSummer is near."
    );
    let poem = "<article><h1>Poem</h1><p>Roses are red,<br>violets are blue.</p>\
        <p>Sugar is sweet<br>\n and so are you.</p></article>";
    assert_eq!(ok(poem).text, "Poem\nRoses are red,\nviolets are blue.\nSugar is sweet\nand so are you.");
}

#[wasm_bindgen_test]
fn a_page_without_readable_text_is_refused() {
    let pages = [
        "<html><head><title>Just a moment...</title><script>window.__pwned = 1</script></head><body>\
         <nav><a href=\"/\">Home</a> <a href=\"/news\">News</a></nav>\
         <div class=\"cookie-consent\"><p>We use cookies to give you the best experience on our site, please \
         accept them.</p><button>OK</button></div>\
         <noscript>Please enable JavaScript to continue.</noscript><footer>© 2024 Example</footer></body></html>",
        "",
        "<html><body>   \n  <img src=\"x.png\" onerror=\"window.__pwned = 1\"></body></html>",
        "<article><h1>Only a headline</h1></article>",
    ];
    for page in pages {
        let err = extract(page).expect_err(page);
        assert!(err.starts_with("The page has no readable article text: "), "{err}");
    }
    assert!(pwned().is_undefined());
}

#[wasm_bindgen_test]
fn entities_white_space_emoji_and_cjk() {
    let page = "<!doctype html><html><head><title>x</title></head><body><article>\n\
        <h1>  Caf&eacute;&nbsp;culture &amp; the &lt;new&gt;\n normal  </h1>\n\
        <p>Tom&#8217;s   shop\n\t sells&nbsp;&nbsp;coffee &mdash; and tea.</p>\n\
        <p>  <span>Emoji</span><span> 😀👍🏽</span> and 中文 text: 北京欢迎你。  </p>\n\
        <p>日本語の文章、句読点も含む。</p>\n\
        <p>Zwischen&shy;raum: Fl&#252;sse &#x1F30A; wave</p>\n\
        <pre>line  one\n   line two  \n\n</pre>\n\
        <p>&nbsp;</p><p> \n </p>\n\
        <div>Direct <b>div</b> text<table><tr><td>Cell one</td><td>Cell two</td></tr></table></div>\n\
        </article></body></html>";
    let got = ok(page);
    assert_eq!(
        got.text,
        "Café culture & the <new> normal\nTom’s shop sells coffee — and tea.\nEmoji 😀👍🏽 and 中文 text: 北京欢迎你。\n\
         日本語の文章、句読点も含む。\nZwischenraum: Flüsse 🌊 wave\nline  one\n   line two\nDirect div text\n\
         Cell one Cell two"
    );
    assert_eq!(got.title, "Café culture & the <new> normal");
}

#[wasm_bindgen_test]
fn without_h1_the_title_comes_from_the_page_title() {
    let body = "<main><h2>A river that will not stop</h2><p>The river rose again on Monday, for the third time \
        this year, and the town's flood wall held, but only just.</p><p>Engineers say a higher wall is needed, \
        and soon.</p></main>";
    let page = format!(
        "<html><head><title>Why the river keeps rising — Northern Echo Weekly</title></head><body>{body}</body></html>"
    );
    let got = ok(&page);
    assert_eq!(got.title, "Why the river keeps rising");
    assert_eq!(
        got.text,
        "A river that will not stop\nThe river rose again on Monday, for the third time this year, and the \
         town's flood wall held, but only just.\nEngineers say a higher wall is needed, and soon."
    );
    let named = format!(
        "<html><head><title>Planet News: Markets rally as rates fall</title>\
         <meta property=\"og:site_name\" content=\"Planet News\"></head><body>{body}</body></html>"
    );
    assert_eq!(ok(&named).title, "Markets rally as rates fall");
    let og = format!(
        "<html><head><title>Ignored | Site</title><meta property=\"og:title\" content=\"From the og tag\">\
         </head><body>{body}</body></html>"
    );
    assert_eq!(ok(&og).title, "From the og tag");
}

#[wasm_bindgen_test]
fn the_fullest_article_wins_and_a_headline_above_main_comes_first() {
    let page = "<html><head><title>Vote delayed | Planet</title></head><body>\
        <header class=\"page-head\"><h1>Vote on the budget delayed</h1></header>\
        <main>\
        <article class=\"teaser\"><h3>Other story</h3><p>A short teaser about another story.</p></article>\
        <article><p>The vote on the budget, due on Friday, was put off until next week, the speaker said.</p>\
        <p>Members had asked for more time to read the amendments, of which there are more than forty.</p></article>\
        </main></body></html>";
    let got = ok(page);
    assert_eq!(got.title, "Vote on the budget delayed");
    assert_eq!(
        got.text,
        "Vote on the budget delayed\nThe vote on the budget, due on Friday, was put off until next week, the \
         speaker said.\nMembers had asked for more time to read the amendments, of which there are more than forty."
    );
}

#[wasm_bindgen_test]
fn wrappers_that_look_like_furniture_keep_the_article() {
    let para = "<p>The ministry said on Monday, after a long night of talks, that the deal would hold.</p>\
        <p>Both sides, the statement added, had agreed to meet again in June.</p>";
    // A whole page inside a <form> (ASP.NET), and one saved with a cookie dialog open (the rest
    // of the page aria-hidden), and a layout named after its sidebar.
    let pages = [
        format!("<body><form id=\"aspnetForm\"><div class=\"page\"><h1>Deal holds</h1>{para}</div></form></body>"),
        format!(
            "<body><div id=\"app\" aria-hidden=\"true\"><main><h1>Deal holds</h1>{para}</main></div>\
             <div role=\"dialog\" class=\"consent-modal\"><p>We value your privacy, and so do our partners.</p></div></body>"
        ),
        format!("<body><div class=\"layout-with-sidebar\"><h1>Deal holds</h1>{para}</div></body>"),
    ];
    let expected = "Deal holds\nThe ministry said on Monday, after a long night of talks, that the deal would hold.\n\
        Both sides, the statement added, had agreed to meet again in June.";
    for page in &pages {
        assert_eq!(ok(page).text, expected, "{page}");
    }
    // A section's own header (its subheading) is the article's, not the page's.
    let sections = format!(
        "<article><h1>Deal holds</h1>{para}<section><header><h2>What comes next</h2></header>\
         <p>Talks resume in June.</p></section></article>"
    );
    assert_eq!(ok(&sections).text, format!("{expected}\nWhat comes next\nTalks resume in June."));
}

/// A 200 KB page (the news page's body repeated): the time to read it, beside the time the
/// browser's parser alone takes for the same page (measured in turns, so both see the same
/// machine). The bound only catches a blunder (say, work quadratic in the page's size).
#[wasm_bindgen_test]
fn a_large_page_is_read_quickly() {
    let start = NEWS.find("<p>More than").unwrap();
    let end = NEWS.find("<aside class=\"related\">").unwrap();
    let block = &NEWS[start..end];
    let copies = 200_000 / block.len() + 1;
    let page = NEWS.replacen(block, &block.repeat(copies), 1);
    let perf = gloo::utils::window().performance().unwrap();
    let parser = web_sys::DomParser::new().unwrap();
    let (mut read, mut parse) = (vec![], vec![]);
    for _ in 0..9 {
        let t0 = perf.now();
        let got = ok(&page);
        let t1 = perf.now();
        let doc = parser.parse_from_string(&page, web_sys::SupportedType::TextHtml).unwrap();
        parse.push(perf.now() - t1);
        read.push(t1 - t0);
        assert_eq!(got.text.matches("\nRescue teams stretched\n").count(), copies);
        assert!(doc.body().is_some());
    }
    read.sort_by(f64::total_cmp);
    parse.sort_by(f64::total_cmp);
    console_log!(
        "extract of a {} KB page: median {:.1} ms (min {:.1}); DOMParser alone: median {:.1} ms (min {:.1})",
        page.len() / 1024,
        read[4],
        read[0],
        parse[4],
        parse[0]
    );
    let bound = if cfg!(debug_assertions) { 2000.0 } else { 250.0 };
    assert!(read[4] < bound, "took {} ms", read[4]);
}
