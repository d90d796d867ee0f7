//! Extraction on random and adversarial text: never a panic, every span on
//! char boundaries inside the text, start < end, and sentences that hold
//! their claims.

use std::path::PathBuf;

use claimlint::document::{Document, Format, Meta};
use claimlint::extract::extract;
use proptest::prelude::*;

fn check(raw: String, format: Format) {
    let Ok(doc) = Document::parse(
        PathBuf::from("prop.md"),
        raw,
        format,
        Meta {
            source: None,
            date: "2024-06-12".parse().ok(),
        },
    ) else {
        return; // front matter errors are reported, not panics
    };
    for claim in extract(&doc) {
        let (start, end) = (claim.span.start, claim.span.end);
        assert!(start < end && end <= doc.raw.len(), "{start}..{end}");
        assert!(doc.raw.is_char_boundary(start) && doc.raw.is_char_boundary(end));
        assert!(claim.sentence.start <= start && end <= claim.sentence.end.max(end));
    }
}

fn newsy() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "$",
        "4.2bn",
        "€",
        "57",
        " countries",
        "“",
        "”",
        "\"",
        "’",
        "‘",
        " said",
        " Sullivan",
        "about ",
        "more than ",
        "-",
        "–",
        " to ",
        "1",
        ",",
        "000",
        ".",
        " ",
        "\n",
        "\n\n",
        "%",
        " percent",
        "Sept. ",
        "Monday",
        " last month",
        "two-and-a-half",
        " years",
        "3:1",
        "F-16",
        "24/7",
        "# ",
        "**",
        "[x](http://a/2024)",
        "`9`",
        "---\n",
        "ü",
        "中",
        "🙂",
        "\u{a0}",
        "mid-",
        "January",
        "between ",
        " and ",
        "hundreds of thousands of",
        "a dozen",
        "½",
    ]);
    prop::collection::vec(pieces, 0..80).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn news_like_text_never_breaks(raw in newsy()) {
        check(raw.clone(), Format::Text);
        check(raw, Format::Markdown);
    }

    #[test]
    fn arbitrary_text_never_breaks(raw in "\\PC{0,300}") {
        check(raw.clone(), Format::Text);
        check(raw, Format::Markdown);
    }
}

#[test]
fn adversarial_inputs() {
    let cases = [
        "9".repeat(10_000),
        "“".repeat(100_000),
        "\"".repeat(100_000),
        format!("{} $5 billion", "word ".repeat(2_000_000)),
        "Ukraine Україна 乌克兰 57 countries $61 billion “quote here” said he. ".repeat(10_000),
        "1,".repeat(50_000),
        "---\n".repeat(1000),
    ];
    for raw in cases {
        check(raw.clone(), Format::Text);
        check(raw, Format::Markdown);
    }
}
