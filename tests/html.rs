//! HTML articles end to end: `claims` on a realistic news page
//! (tests/html/council_budget.html) reports spans into the raw file, nothing
//! from scripts, styles, navigation, comments or attributes, the right
//! values, and the publication date from the page's `<meta>`; the page gives
//! the same claims as its plain-text rendering; folders and standard input
//! pick HTML up; metadata precedence; and a property test of the masking on
//! random HTML-ish text.

mod common;

use common::{root, run};

use std::path::{Path, PathBuf};

use claimlint::document::{html, Document, Format, Meta};
use claimlint::extract::extract;
use proptest::prelude::*;
use serde_json::Value;

const FIXTURE: &str = "tests/html/council_budget.html";

/// The claims of `claims --format json ARGS`, run in `dir`.
fn claims(dir: &Path, args: &[&str], stdin: Option<&str>) -> Vec<Value> {
    let mut all = vec!["claims", "--format", "json"];
    all.extend_from_slice(args);
    let out = run(dir, &all, stdin);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let doc: Value = serde_json::from_slice(&out.stdout).unwrap();
    doc["claims"].as_array().unwrap().clone()
}

fn span(claim: &Value) -> (usize, usize) {
    (
        claim["start"].as_u64().unwrap() as usize,
        claim["end"].as_u64().unwrap() as usize,
    )
}

/// Byte ranges of every `open`…`close` region.
fn regions(raw: &str, open: &str, close: &str) -> Vec<(usize, usize)> {
    let mut found = Vec::new();
    let mut from = 0;
    while let Some(at) = raw[from..].find(open) {
        let start = from + at;
        let end = raw[start..]
            .find(close)
            .map_or(raw.len(), |k| start + k + close.len());
        found.push((start, end));
        from = end;
    }
    found
}

/// Byte ranges of every tag, attributes included (quotes honoured).
fn tags(raw: &str) -> Vec<(usize, usize)> {
    let bytes = raw.as_bytes();
    let mut found = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let opens_tag = bytes[i] == b'<'
            && bytes
                .get(i + 1)
                .is_some_and(|b| b.is_ascii_alphabetic() || matches!(b, b'/' | b'!'));
        if !opens_tag {
            i += 1;
            continue;
        }
        let start = i;
        let mut quote = None;
        while i < bytes.len() {
            match (quote, bytes[i]) {
                (None, b'"' | b'\'') => quote = Some(bytes[i]),
                (Some(q), b) if b == q => quote = None,
                (None, b'>') => break,
                _ => {}
            }
            i += 1;
        }
        found.push((start, i + 1));
        i += 1;
    }
    found
}

#[test]
fn claims_on_a_news_page_are_spans_into_the_raw_file() {
    let raw = std::fs::read_to_string(root().join(FIXTURE)).unwrap();
    let claims = claims(root(), &[FIXTURE], None);

    // Every claim is the page's own bytes, on char boundaries, inside its sentence,
    // at the line and column its offset has.
    for claim in &claims {
        let (start, end) = span(claim);
        assert!(start < end && raw.is_char_boundary(start) && raw.is_char_boundary(end));
        assert_eq!(&raw[start..end], claim["text"].as_str().unwrap());
        let sentence_start = claim["sentence_start"].as_u64().unwrap() as usize;
        let sentence_end = claim["sentence_end"].as_u64().unwrap() as usize;
        assert!(sentence_start <= start && end <= sentence_end, "{claim}");
        let line = raw[..start].matches('\n').count() + 1;
        let column = raw[raw[..start].rfind('\n').map_or(0, |n| n + 1)..start]
            .chars()
            .count()
            + 1;
        assert_eq!(claim["line"], line);
        assert_eq!(claim["column"], column);
    }

    // Nothing from the head, scripts, styles, navigation or comments, and no
    // claim starts or ends inside a tag (its attributes).
    let mut hidden = regions(&raw, "<head>", "</head>");
    hidden.extend(regions(&raw, "<script", "</script>"));
    hidden.extend(regions(&raw, "<style", "</style>"));
    hidden.extend(regions(&raw, "<nav", "</nav>"));
    hidden.extend(regions(&raw, "<!--", "-->"));
    assert!(hidden.len() >= 6, "{hidden:?}");
    let tags = tags(&raw);
    for claim in &claims {
        let (start, end) = span(claim);
        for &(a, b) in &hidden {
            assert!(end <= a || b <= start, "{claim} overlaps {:?}", &raw[a..b]);
        }
        for &(a, b) in &tags {
            assert!(
                !(a <= start && start < b),
                "{claim} starts in {:?}",
                &raw[a..b]
            );
            assert!(!(a < end && end <= b), "{claim} ends in {:?}", &raw[a..b]);
        }
    }
    let decoys = [
        57.0, 99.0, 88.0, 45.0, 71.0, 33.0, 123_456.0, 612.0, 1887.0, 14.0, 10.0, 1.99, 1200.0,
    ];
    for claim in &claims {
        if let Some(value) = claim["value"].as_f64() {
            assert!(!decoys.contains(&value), "{claim}");
        }
        // "Top 10 of 2023" is in the navigation; "last year" (2023) is prose.
        assert!(!claim["text"].as_str().unwrap().contains("2023"), "{claim}");
    }

    // The whole list, in order.
    let found: Vec<(&str, &str)> = claims
        .iter()
        .map(|c| (c["kind"].as_str().unwrap(), c["text"].as_str().unwrap()))
        .collect();
    assert_eq!(
        found,
        [
            ("date", "on Tuesday"),
            ("money", "$4.1 billion"),
            ("percent", "6.5%"),
            ("date", "last year"),
            (
                "quote",
                "&ldquo;This budget keeps our promises to every neighborhood,&rdquo;"
            ),
            ("percent", "12 percent"),
            ("money", "$310 million"),
            ("count", "about 40&nbsp;new buses"),
            ("quote", "&ldquo;slow down and count the cost first.&rdquo;"),
        ]
    );
    let by_text = |text: &str| claims.iter().find(|c| c["text"] == text).unwrap();

    let budget = by_text("$4.1 billion");
    assert_eq!(budget["unit"], "USD");
    assert!((budget["value"].as_f64().unwrap() - 4.1e9).abs() < 1.0);
    let transit = by_text("$310 million");
    assert_eq!(transit["unit"], "USD");
    assert!((transit["value"].as_f64().unwrap() - 310e6).abs() < 1e-3);
    assert_eq!(by_text("6.5%")["value"], 6.5);
    assert_eq!(by_text("6.5%")["unit"], "percent");
    assert_eq!(by_text("12 percent")["value"], 12.0);
    let buses = by_text("about 40&nbsp;new buses");
    assert_eq!(
        (&buses["value"], &buses["hedge"]),
        (&40.into(), &"about".into())
    );

    let promise = by_text("&ldquo;This budget keeps our promises to every neighborhood,&rdquo;");
    assert_eq!(
        promise["value"],
        "This budget keeps our promises to every neighborhood,"
    );
    assert_eq!(promise["speaker"], "Elena Park");
    assert_eq!(
        by_text("&ldquo;slow down and count the cost first.&rdquo;")["value"],
        "slow down and count the cost first."
    );

    // "on Tuesday" is resolved against the article:published_time meta
    // (2024-06-12, a Wednesday): no sources.yaml or --date says otherwise.
    assert!(!root().join("tests/html/sources.yaml").exists());
    assert_eq!(by_text("on Tuesday")["value"], "2024-06-11");
    assert_eq!(by_text("last year")["value"], "2023");
    let table = run(root(), &["claims", FIXTURE], None);
    let table = String::from_utf8(table.stdout).unwrap();
    assert!(
        table.starts_with(&format!(
            "{FIXTURE} (9 claims, The Harbor Ledger, 2024-06-12)"
        )),
        "{table}"
    );
}

/// What the page's article says, as a plain-text article.
const PLAIN: &str = "Council approves budget after long debate

By Ana Ruiz | City Hall reporter

Council members debate the spending plan. Photo: Ledger staff

The city council on Tuesday approved a $4.1 billion budget for the coming year, an increase of 6.5% over last year’s plan.

“This budget keeps our promises to every neighborhood,” Mayor Elena Park said after the vote.

Transit spending rises 12 percent to $310 million, enough for about 40 new buses — the largest order since the network opened.

Councilmember Omar Haddad, who voted against the plan, said the city should “slow down and count the cost first.”

Send tips to our newsroom.
";

#[test]
fn the_page_gives_the_claims_of_its_plain_text() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("plain.txt"), PLAIN).unwrap();
    let page = std::fs::read_to_string(root().join(FIXTURE)).unwrap();
    std::fs::write(dir.path().join("page.html"), page).unwrap();
    let all = claims(
        dir.path(),
        &["--date", "2024-06-12", "page.html", "plain.txt"],
        None,
    );
    let of = |file: &str| -> Vec<Vec<Value>> {
        all.iter()
            .filter(|c| c["file"] == file)
            .map(|c| {
                [
                    "kind", "value", "unit", "hedge", "interval", "change", "speaker", "subject",
                ]
                .iter()
                .map(|k| c[*k].clone())
                .collect()
            })
            .collect()
    };
    let (page, plain) = (of("page.html"), of("plain.txt"));
    assert_eq!(page.len(), 9);
    assert_eq!(page, plain);
}

#[test]
fn folders_and_standard_input_pick_up_html() {
    let dir = tempfile::tempdir().unwrap();
    let page = |body: &str| {
        format!("<!DOCTYPE html><html><head><script>var x = 57;</script></head><body><p>{body}</p></body></html>")
    };
    std::fs::write(dir.path().join("a.HTM"), page("Prices rose 3.5%.")).unwrap();
    std::fs::write(dir.path().join("b.html"), page("It cost $12 million.")).unwrap();
    std::fs::write(dir.path().join("c.css"), "p { width: 40% }").unwrap();
    let found = claims(dir.path(), &["."], None);
    let files: Vec<(&str, &str)> = found
        .iter()
        .map(|c| (c["file"].as_str().unwrap(), c["text"].as_str().unwrap()))
        .collect();
    assert_eq!(
        files,
        [("./a.HTM", "3.5%"), ("./b.html", "$12 million")],
        "{found:?}"
    );

    let piped = claims(
        dir.path(),
        &["-"],
        Some(&page("Unemployment fell to 4.1%.")),
    );
    let texts: Vec<&str> = piped.iter().map(|c| c["text"].as_str().unwrap()).collect();
    assert_eq!(texts, ["4.1%"]);
}

#[test]
fn the_meta_date_gives_way_to_flags_and_an_invalid_one_to_sources_yaml() {
    let dir = tempfile::tempdir().unwrap();
    let page = |date: &str| {
        format!(
            "<html><head><meta name=\"date\" content=\"{date}\"></head>\
             <body><p>The board met on Tuesday.</p></body></html>"
        )
    };
    std::fs::write(dir.path().join("valid.html"), page("2024-06-12")).unwrap();
    std::fs::write(dir.path().join("invalid.html"), page("2024-02-30")).unwrap();
    std::fs::write(dir.path().join("unlisted.html"), page("soon")).unwrap();
    std::fs::write(
        dir.path().join("sources.yaml"),
        "valid.html: {source: Wire, date: 2024-01-03}\ninvalid.html: {source: Wire, date: 2024-07-03}\n",
    )
    .unwrap();
    let tuesday = |args: &[&str]| -> Vec<(String, Value)> {
        claims(dir.path(), args, None)
            .iter()
            .map(|c| (c["file"].as_str().unwrap().to_string(), c["value"].clone()))
            .collect()
    };
    // The page's own meta wins over sources.yaml, as front matter does; an
    // invalid one is ignored, so sources.yaml applies; with neither, no date.
    assert_eq!(
        tuesday(&["valid.html", "invalid.html", "unlisted.html"]),
        [
            ("valid.html".to_string(), Value::from("2024-06-11")),
            ("invalid.html".to_string(), Value::from("2024-07-02")),
            ("unlisted.html".to_string(), Value::Null),
        ]
    );
    // --date wins over everything.
    let flagged = tuesday(&["--date", "2024-03-06", "valid.html", "unlisted.html"]);
    assert!(
        flagged.iter().all(|(_, v)| v == "2024-03-05"),
        "{flagged:?}"
    );
}

#[test]
fn quotations_and_sentences_stay_in_their_block() {
    let raw = "<div><p>&ldquo;We will not stop here</p><li>and the 5 cats agree,&rdquo; she said\
               </li><p>The mayor said &ldquo;we have 3 weeks left&rdquo; on Monday.</p></div>";
    let doc = Document::parse(
        PathBuf::from("q.html"),
        raw.to_string(),
        Format::Html,
        Meta::default(),
    )
    .unwrap();
    // Blocks are trimmed in the masked text, so one may start on a stand-in.
    let blocks: Vec<&str> = doc
        .blocks
        .iter()
        .map(|b| doc.widen(*b).slice(doc.raw()))
        .collect();
    assert_eq!(
        blocks,
        [
            "&ldquo;We will not stop here",
            "and the 5 cats agree,&rdquo; she said",
            "The mayor said &ldquo;we have 3 weeks left&rdquo; on Monday.",
        ]
    );
    let claims = extract(&doc);
    let quotes: Vec<&str> = claims
        .iter()
        .filter(|c| c.kind == claimlint::extract::Kind::Quote)
        .map(|c| c.span.slice(doc.raw()))
        .collect();
    assert_eq!(quotes, ["&ldquo;we have 3 weeks left&rdquo;"]);
    for claim in &claims {
        let block = doc
            .blocks
            .iter()
            .find(|b| b.start() <= claim.span.start() && claim.span.start() < b.end())
            .unwrap();
        assert!(claim.span.end() <= doc.widen(*block).end(), "{claim:?}");
        assert!(
            block.start() <= claim.sentence.start()
                && claim.sentence.end() <= doc.widen(*block).end()
        );
    }
}

/// Pieces of tag soup, prose and references to build random pages from.
fn html_ish() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "<p>",
        "</p>",
        "<p class=\"a>b\">",
        "<div>",
        "</div>",
        "<br/>",
        "<li>",
        "<td>",
        "<b>",
        "</b>",
        "<x-y z=1>",
        "<script>",
        "</script>",
        "<style>",
        "</style>",
        "<title>",
        "</title>",
        "<head>",
        "</head>",
        "<body>",
        "<svg>",
        "</svg>",
        "<svg/>",
        "<nav>",
        "</nav>",
        "<template>",
        "</template>",
        "<noscript>",
        "<!--",
        "-->",
        "<!DOCTYPE html>",
        "<![CDATA[",
        "]]>",
        "<?x",
        "<!",
        "</",
        "<",
        ">",
        "/>",
        "=",
        "\"",
        "'",
        " a=",
        " ",
        "\n",
        "&",
        "&amp;",
        "&amp",
        "&nbsp;",
        "&ldquo;",
        "&rdquo;",
        "&rsquo;",
        "&#8217;",
        "&#x201C;",
        "&#146;",
        "&#",
        "&#x",
        "&#99999999999;",
        "&euro;",
        "&pound;",
        "&hellip;",
        "&eacute;",
        "&bogus;",
        "é",
        "“",
        "”",
        "’",
        "—",
        "€",
        "日本",
        "\u{feff}",
        "$4.1 billion",
        "57",
        " percent",
        "6.5%",
        " said",
        " Elena Park",
        "We will win.",
        "on Tuesday",
        "<meta name=date content=2024-06-12>",
        "<meta property=og:site_name content='X &amp; Y'>",
    ]);
    prop::collection::vec(pieces, 0..60).prop_map(|p| p.concat())
}

fn assert_masked(raw: &str) {
    let (text, blocks) = html::mask(raw);
    assert_eq!(text.len(), raw.len());
    // Offsets from either text are valid in the other, and what is visible
    // in the masked text stands on the raw text's char boundaries.
    for i in 0..=raw.len() {
        if raw.is_char_boundary(i) {
            assert!(text.is_char_boundary(i), "{i}");
        }
    }
    for (i, c) in text.char_indices() {
        if c != ' ' && c != '\n' {
            assert!(raw.is_char_boundary(i) && raw.is_char_boundary(i + c.len_utf8()));
        }
    }
    let mut last = 0;
    for b in &blocks {
        assert!(
            last <= b.start() && b.start() < b.end() && b.end() <= raw.len(),
            "{blocks:?}"
        );
        assert!(raw.is_char_boundary(b.start()) && raw.is_char_boundary(b.end()));
        let slice = b.slice(&text);
        assert_eq!(slice, slice.trim());
        last = b.end();
    }
}

proptest! {
    #![proptest_config(common::fuzz_cases(512))]

    #[test]
    fn masking_random_html_keeps_length_and_boundaries(raw in html_ish()) {
        assert_masked(&raw);
        let Ok(doc) = Document::parse(PathBuf::from("p.html"), raw.clone(), Format::Html, Meta::default()) else {
            panic!("HTML never fails to parse");
        };
        for claim in extract(&doc) {
            let (start, end) = (claim.span.start(), claim.span.end());
            prop_assert!(start < end && end <= raw.len(), "{start}..{end}");
            prop_assert!(raw.is_char_boundary(start) && raw.is_char_boundary(end));
            prop_assert!(claim.sentence.start() <= start && end <= claim.sentence.end().max(end));
        }
    }

    #[test]
    fn masking_any_text_keeps_length_and_boundaries(raw in "\\PC*") {
        assert_masked(&raw);
    }
}
