//! Fuzzing on stable Rust, with proptest and a bounded number of cases:
//! extraction on random and adversarial text (never a panic, every span on
//! char boundaries inside the text, start < end, sentences that hold their
//! claims); front matter of random YAML (a document or a clean error with a
//! line in the file); mutated rule files (rules or clean errors, never a
//! panic); and every output format of `check` on random news-like articles
//! (JSON that parses, SARIF that validates, well-formed github and short
//! lines, human output that renders).

mod common;

use std::path::PathBuf;

use claimlint::check::{self, Article};
use claimlint::document::{Document, Format, Meta};
use claimlint::error::InputError;
use claimlint::extract::extract;
use claimlint::report::findings::Format as OutputFormat;
use claimlint::rules::RuleSet;
use proptest::prelude::*;
use proptest::test_runner::TestRunner;
use regex::Regex;
use serde_json::Value;

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
        let (start, end) = (claim.span.start(), claim.span.end());
        assert!(start < end && end <= doc.raw().len(), "{start}..{end}");
        assert!(doc.raw().is_char_boundary(start) && doc.raw().is_char_boundary(end));
        assert!(claim.sentence.start() <= start && end <= claim.sentence.end().max(end));
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
        // Letters whose lowercase is longer or shorter: the Kelvin sign, "İ".
        "\u{212a}",
        "\u{130}",
        " week",
        "last ",
    ]);
    prop::collection::vec(pieces, 0..80).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(common::fuzz_cases(256))]

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
        // Words that change length when lowercased, where dates and
        // durations step over a word by its lowercase form.
        "Last wee\u{212a}, 5 wee\u{212a}s ago, next \u{130}n 3 \u{212a}m, this Wee\u{212a}. "
            .repeat(10),
    ];
    for raw in cases {
        check(raw.clone(), Format::Text);
        check(raw, Format::Markdown);
    }
}

// ---------------------------------------------------------- front matter --

/// Lines that look like front matter, some broken.
fn front_matter() -> impl Strategy<Value = String> {
    let lines = prop::sample::select(vec![
        "source: Daily Example",
        "source: [a, b]",
        "source: &s Wire",
        "source: *s",
        "date: 2024-06-12",
        "date: 2024-13-40",
        "date: 12",
        "date:",
        "title: \"unclosed",
        "  indented: x",
        "- item",
        "{",
        "key: |",
        "  block",
        "...",
        "---",
        "\u{feff}",
        ": :",
        "tags: [x, y",
    ]);
    (prop::collection::vec(lines, 0..8), any::<bool>()).prop_map(|(lines, close)| {
        let mut raw = String::from("---\n");
        for line in lines {
            raw.push_str(line);
            raw.push('\n');
        }
        if close {
            raw.push_str("---\n");
        }
        raw.push_str("Officials said 57 countries joined.\n");
        raw
    })
}

proptest! {
    #![proptest_config(common::fuzz_cases(256))]

    #[test]
    fn front_matter_reads_or_names_its_line(raw in front_matter()) {
        let lines = raw.lines().count();
        match Document::parse(PathBuf::from("fm.md"), raw.clone(), Format::Markdown, Meta::default()) {
            Ok(doc) => {
                for block in &doc.blocks {
                    prop_assert!(block.end() <= raw.len());
                    prop_assert!(raw.is_char_boundary(block.start()) && raw.is_char_boundary(block.end()));
                }
            }
            Err(InputError::FrontMatter { line, message, .. }) => {
                prop_assert!((1..=lines).contains(&line), "line {line} of {lines}: {message}");
                prop_assert!(!message.is_empty());
            }
            Err(other) => prop_assert!(false, "not a front matter error: {other}"),
        }
    }
}

// ------------------------------------------------------------ rule files --

/// A change to a rule file: cut a byte range, or insert a snippet at a place.
#[derive(Debug, Clone)]
enum Mutation {
    Cut(usize, usize),
    Insert(usize, &'static str),
}

fn mutations() -> impl Strategy<Value = Vec<Mutation>> {
    let snippet = prop::sample::select(vec![
        "\n",
        "  ",
        ": ",
        "- ",
        "\"",
        "'",
        "[",
        "]",
        "{",
        "&a ",
        "*a",
        "type: figure-agreement\n",
        "severity: fatal\n",
        "  - id: x/y\n",
        "tolerance: -1\n",
        "window: 100000\n",
        "regex: \"(\"\n",
        "units: [furlongs]\n",
        "date: 2024-02-30\n",
        "\t",
        "é",
        "🙂",
    ]);
    let mutation = prop_oneof![
        (any::<usize>(), 0..200usize).prop_map(|(at, len)| Mutation::Cut(at, len)),
        (any::<usize>(), snippet).prop_map(|(at, text)| Mutation::Insert(at, text)),
    ];
    prop::collection::vec(mutation, 1..6)
}

/// `text` with the mutations applied, every offset moved to a char boundary.
fn mutate(text: &str, mutations: &[Mutation]) -> String {
    let mut text = text.to_string();
    let boundary = |text: &str, at: usize| {
        let mut at = at % (text.len() + 1);
        while !text.is_char_boundary(at) {
            at -= 1;
        }
        at
    };
    for mutation in mutations {
        match *mutation {
            Mutation::Cut(at, len) => {
                let start = boundary(&text, at);
                let end = boundary(&text, (start + len).min(text.len()));
                text.replace_range(start..end.max(start), "");
            }
            Mutation::Insert(at, snippet) => {
                let at = boundary(&text, at);
                text.insert_str(at, snippet);
            }
        }
    }
    text
}

#[test]
fn mutated_rule_files_load_or_fail_cleanly() {
    let pack = std::fs::read_to_string(common::root().join("rules/general.yaml"))
        .expect("the default pack is in rules/");
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = dir.path().join("mutated.yaml");
    let mut runner = TestRunner::new(common::fuzz_cases(96));
    runner
        .run(&mutations(), |mutations| {
            std::fs::write(&path, mutate(&pack, &mutations)).expect("the rule file is written");
            match RuleSet::load(std::slice::from_ref(&path), false) {
                Ok(rules) => prop_assert!(rules.rules.iter().all(|r| !r.id.is_empty())),
                Err(errors) => {
                    prop_assert!(!errors.is_empty());
                    for err in errors {
                        let shown = format!("{:?}", miette::Report::new(err));
                        prop_assert!(shown.contains("mutated.yaml"), "{shown}");
                    }
                }
            }
            Ok(())
        })
        .expect("every mutated rule file loads or fails cleanly");
}

// --------------------------------------------------------------- outputs --

/// Two dated articles from different outlets: random news-like text around
/// sentences that disagree (so there are findings to render).
fn article_pair() -> impl Strategy<Value = [String; 2]> {
    (newsy(), newsy(), newsy(), newsy()).prop_map(|(a, b, c, d)| {
        [
            format!(
                "---\nsource: Wire One\ndate: 2024-06-12\n---\n{a} Officials in Kiev said 57 countries had joined the coalition, Anthony Blinken said. {b}"
            ),
            format!(
                "---\nsource: Wire Two\ndate: 2024-06-13\n---\n{c}\n\nAbout 50 countries had joined the coalition, Antony Blinken said. {d}"
            ),
        ]
    })
}

/// Every format of `check` on random articles: each parses or has the
/// shape its consumers expect, and every location is a span of its file.
#[test]
fn every_output_format_is_well_formed_on_random_articles() {
    let rules = RuleSet::default_pack().expect("the default pack loads");
    let validator = common::sarif_validator();
    let github = Regex::new(
        r"^::(error|warning|notice) file=[^,]+,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=[^:]+::.+$",
    )
    .expect("a regex");
    let short = Regex::new(r"^.+:\d+:\d+: (error|warning|info)\[[^\]]+\] .+$").expect("a regex");
    let mut runner = TestRunner::new(common::fuzz_cases(64));
    runner
        .run(&article_pair(), |texts| {
            let articles: Vec<Article> = texts
                .into_iter()
                .enumerate()
                .map(|(i, raw)| {
                    let path = PathBuf::from(format!("a{i}.md"));
                    let doc = Document::parse(path, raw, Format::Markdown, Meta::default())
                        .expect("the front matter is valid");
                    let claims = extract(&doc);
                    Article { doc, claims }
                })
                .collect();
            let findings = check::run(&rules, &articles);
            let locations: usize = findings.iter().map(|f| f.locations.len()).sum();
            for location in findings.iter().flat_map(|f| &f.locations) {
                let raw = articles[location.article].doc.raw();
                let span = location.span;
                prop_assert!(span.start() <= span.end() && span.end() <= raw.len());
                prop_assert!(
                    raw.is_char_boundary(span.start()) && raw.is_char_boundary(span.end())
                );
            }
            let out = |format| common::render(format, &findings, &articles, &rules);

            let json: Value = serde_json::from_str(&out(OutputFormat::Json))
                .map_err(|err| TestCaseError::fail(format!("JSON: {err}")))?;
            prop_assert_eq!(
                json["findings"].as_array().map(Vec::len),
                Some(findings.len())
            );
            let sarif: Value = serde_json::from_str(&out(OutputFormat::Sarif))
                .map_err(|err| TestCaseError::fail(format!("SARIF JSON: {err}")))?;
            let errors = common::schema_errors(&validator, &sarif);
            prop_assert!(errors.is_empty(), "invalid SARIF: {errors}");
            for (format, shape) in [
                (OutputFormat::Github, &github),
                (OutputFormat::Short, &short),
            ] {
                let text = out(format);
                prop_assert_eq!(text.lines().count(), locations, "{:?}", format);
                for line in text.lines() {
                    prop_assert!(shape.is_match(line), "{format:?}: {line}");
                }
            }
            let human = out(OutputFormat::Human);
            let summary = human.lines().last().unwrap_or_default();
            prop_assert!(summary.ends_with("in 2 articles"), "{human}");
            Ok(())
        })
        .expect("every output is well formed");
}
