//! Cross-checking: runs every rule over the claims of every article and
//! returns [`Finding`]s. Claims are grouped by rule, unit and key before
//! anything is compared, so the work grows with the number of claims, not
//! with its square. Findings come out in one order whatever the thread count.

mod facts;
mod figures;
mod names;
mod quotes;
mod story;
mod style;
mod suppress;
mod swapped;
mod when;

use std::collections::{HashMap, HashSet};

use rayon::prelude::*;

use crate::document::Document;
use crate::extract::Claim;
use crate::rules::{Check, QuoteRule, Rule, RuleSet, Severity, StyleRule};
use crate::span::Span;
use quotes::Quotations;
use story::Stories;

/// An article with its claims.
pub struct Article {
    pub doc: Document,
    pub claims: Vec<Claim>,
}

impl Article {
    /// "CNN, 2024-10-21", or the file name when the outlet is unknown.
    pub fn source_label(&self) -> String {
        let source = self.doc.meta.source.clone().unwrap_or_else(|| {
            self.doc.path.file_name().map_or_else(
                || self.doc.path.display().to_string(),
                |n| n.to_string_lossy().into_owned(),
            )
        });
        match self.doc.meta.date {
            Some(date) => format!("{source}, {date}"),
            None => source,
        }
    }

    /// The raw text of a span, with runs of whitespace collapsed.
    pub fn quote_text(&self, span: Span) -> String {
        self.doc
            .raw_slice(span)
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    }
}

/// One place a finding points at.
#[derive(Clone, Debug, PartialEq)]
pub struct Location {
    /// Index of the article in the checked list.
    pub article: usize,
    pub span: Span,
    pub label: String,
}

/// A problem an editor should look at.
#[derive(Clone, Debug, PartialEq)]
pub struct Finding {
    pub rule: String,
    pub severity: Severity,
    pub message: String,
    pub help: String,
    pub locations: Vec<Location>,
}

impl Finding {
    fn new(rule: &Rule, message: String, locations: Vec<Location>) -> Finding {
        Finding {
            rule: rule.id.clone(),
            severity: rule.severity,
            message,
            help: rule.help.clone(),
            locations,
        }
    }

    fn sort_key(&self) -> (usize, usize, usize, &str, &str) {
        let first = self.locations.first();
        (
            first.map_or(usize::MAX, |l| l.article),
            first.map_or(0, |l| l.span.start()),
            first.map_or(0, |l| l.span.end()),
            &self.rule,
            &self.message,
        )
    }
}

/// Every finding of every rule, sorted by article, position and rule.
pub fn run(rules: &RuleSet, articles: &[Article]) -> Vec<Finding> {
    // House-style rules read each article once, together; the quote rules
    // share one set of quotations. Both run beside the other rules.
    let mut style: Vec<(&Rule, &StyleRule)> = Vec::new();
    let mut quote: Vec<(&Rule, &QuoteRule)> = Vec::new();
    for rule in &rules.rules {
        match &rule.check {
            Check::Style(check) => style.push((rule, check)),
            Check::Quote(check) => quote.push((rule, check)),
            _ => {}
        }
    }
    let (mut findings, (quote_findings, style_findings)) = rayon::join(
        || {
            // Which articles tell one story is found once, for every rule
            // that asks, before the rules run: a rule blocked waiting for
            // it would hold a thread that its finding needs.
            let wanted = rules.rules.iter().any(
                |rule| matches!(&rule.check, Check::Figure(f) if f.same_story || f.swapped_digits),
            );
            let stories = wanted.then(|| Stories::new(articles));
            rules
                .rules
                .par_iter()
                .flat_map_iter(|rule| check_rule(rule, articles, stories.as_ref()))
                .collect::<Vec<Finding>>()
        },
        || {
            rayon::join(
                || check_quotes(&quote, articles),
                || style::check(&style, articles),
            )
        },
    );
    findings.extend(quote_findings);
    findings.extend(style_findings);
    let mut findings = suppress::apply(findings, rules, articles);
    for finding in &mut findings {
        finding.locations.sort_by_key(|l| (l.article, l.span));
        finding
            .locations
            .dedup_by(|a, b| a.article == b.article && a.span == b.span);
    }
    findings.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    // Two figure rules reporting the same figures ("the 104 damaged
    // bridges" restated, and with digits swapped) tell of one slip: the
    // finding of the rule that reads the figures' subjects is kept.
    let swapped_rule: HashMap<&str, bool> = rules
        .rules
        .iter()
        .filter_map(|r| match &r.check {
            Check::Figure(figure) => Some((r.id.as_str(), figure.swapped_digits)),
            _ => None,
        })
        .collect();
    let places = |f: &Finding| -> Vec<(usize, Span)> {
        f.locations.iter().map(|l| (l.article, l.span)).collect()
    };
    let by_subject: HashSet<Vec<(usize, Span)>> = findings
        .iter()
        .filter(|f| swapped_rule.get(f.rule.as_str()) == Some(&false))
        .map(places)
        .collect();
    findings.retain(|f| {
        swapped_rule.get(f.rule.as_str()) != Some(&true) || !by_subject.contains(&places(f))
    });
    findings
}

/// `stories` are found when a rule compares articles on one story.
fn check_rule(rule: &Rule, articles: &[Article], stories: Option<&Stories>) -> Vec<Finding> {
    match &rule.check {
        Check::Figure(figure) if figure.swapped_digits => stories
            .map(|stories| swapped::check(rule, figure, articles, stories))
            .unwrap_or_default(),
        Check::Figure(figure) => {
            let stories = stories.filter(|_| figure.same_story);
            figures::check(rule, figure, articles, stories)
        }
        Check::Fact(fact) => facts::check(rule, fact, articles),
        Check::Name(name) => names::check(rule, name, articles),
        // Run together by `check_quotes` and `style::check`.
        Check::Quote(_) | Check::Style(_) => Vec::new(),
    }
}

/// The quote rules, on quotations gathered once for all of them.
fn check_quotes(rules: &[(&Rule, &QuoteRule)], articles: &[Article]) -> Vec<Finding> {
    if rules.is_empty() {
        return Vec::new();
    }
    let checks: Vec<&QuoteRule> = rules.iter().map(|(_, check)| *check).collect();
    let quotations = Quotations::new(articles, &checks);
    rules
        .par_iter()
        .flat_map_iter(|(rule, check)| quotes::check(rule, check, &quotations, articles))
        .collect()
}

/// Disjoint sets over indices (of quotations, of name spellings), each
/// named by its smallest member.
struct UnionFind {
    parent: Vec<usize>,
}

impl UnionFind {
    fn new(n: usize) -> UnionFind {
        UnionFind {
            parent: (0..n).collect(),
        }
    }

    fn root(&mut self, mut i: usize) -> usize {
        while self.parent[i] != i {
            self.parent[i] = self.parent[self.parent[i]];
            i = self.parent[i];
        }
        i
    }

    fn join(&mut self, a: usize, b: usize) {
        let (ra, rb) = (self.root(a), self.root(b));
        if ra != rb {
            self.parent[ra.max(rb)] = ra.min(rb);
        }
    }
}

/// The span of up to `words` words either side of `claim`, within its
/// sentence. Words are counted by where they start, so runs of spaces (a
/// masked link, two spaces after a full stop) do not shrink the window.
/// Every figure of every rule asks for one, so a side with too few spaces
/// to hold that many words is settled by counting its spaces, and the
/// others are read a run of word or of spaces at a time.
fn window(text: &str, claim: Span, sentence: Span, words: usize) -> Span {
    let sentence = sentence.cover(claim);
    let bytes = text.as_bytes();
    let start = if too_few_spaces(&bytes[sentence.start()..claim.start()], words) {
        sentence.start()
    } else {
        window_start(text, sentence.start(), claim.start(), words)
    };
    let end = if too_few_spaces(&bytes[claim.end()..sentence.end()], words) {
        sentence.end()
    } else {
        window_end(text, claim.end(), sentence.end(), words)
    };
    Span::new(start, end)
}

/// Where the window starts: reading back from `to`, the start of the
/// `words`th word that has a space before it, or `from`.
fn window_start(text: &str, from: usize, to: usize, words: usize) -> usize {
    let mut at = to;
    let mut seen = 0;
    loop {
        at = run_start(text, from, at, true);
        at = run_start(text, from, at, false);
        if at == from {
            return from;
        }
        seen += 1;
        if seen == words {
            return at;
        }
    }
}

/// Where the window ends: reading on from `from`, where the word after its
/// `words`th starts, or `to`.
fn window_end(text: &str, from: usize, to: usize, words: usize) -> usize {
    let mut at = from;
    let mut seen = 0;
    loop {
        at = run_end(text, at, to, true);
        if at == to || seen == words {
            return at;
        }
        seen += 1;
        at = run_end(text, at, to, false);
    }
}

/// Where the run of white space (or of other characters, when `spaces` is
/// false) starting at `at` ends, at `to` at the latest. ASCII is settled a
/// byte at a time; a wider character is decoded at its first byte.
fn run_end(text: &str, mut at: usize, to: usize, spaces: bool) -> usize {
    let bytes = text.as_bytes();
    if !spaces {
        at += bytes[at..to]
            .iter()
            .take_while(|&&b| is_printable(b))
            .count();
    }
    while at < to {
        let byte = bytes[at];
        let (space, len) = if byte.is_ascii() {
            (is_ascii_space(byte), 1)
        } else {
            wide_char_at(text, at)
        };
        if space != spaces {
            break;
        }
        at += len;
    }
    at
}

/// Where the run of white space (or of other characters, when `spaces` is
/// false) ending at `at` starts, at `from` at the earliest.
fn run_start(text: &str, from: usize, mut at: usize, spaces: bool) -> usize {
    let bytes = text.as_bytes();
    if !spaces {
        at -= bytes[from..at]
            .iter()
            .rev()
            .take_while(|&&b| is_printable(b))
            .count();
    }
    while at > from {
        let byte = bytes[at - 1];
        let (space, len) = if byte.is_ascii() {
            (is_ascii_space(byte), 1)
        } else {
            // Back to the first byte of the character.
            let mut first = at - 1;
            while !text.is_char_boundary(first) {
                first -= 1;
            }
            wide_char_at(text, first)
        };
        if space != spaces {
            break;
        }
        at -= len;
    }
    at
}

/// ASCII letters, digits and marks: most of a word, and never white space,
/// so they are passed over without being told apart.
fn is_printable(byte: u8) -> bool {
    matches!(byte, b'!'..=b'~')
}

/// The ASCII bytes `char::is_whitespace` takes.
fn is_ascii_space(byte: u8) -> bool {
    matches!(byte, b'\t'..=b'\r' | b' ')
}

/// Whether the character beyond ASCII starting at `at` is white space, and
/// its length.
#[inline(never)]
fn wide_char_at(text: &str, at: usize) -> (bool, usize) {
    text[at..]
        .chars()
        .next()
        .map_or((false, 1), |c| (c.is_whitespace(), c.len_utf8()))
}

/// Whether `side` holds fewer than `words` white space characters, so that
/// a window of that many words reaches past it: each word it counts is set
/// apart by a space of its own. A white space character opens with an
/// ASCII space byte or, beyond ASCII, with a byte from 0xC0 up, so counting
/// those bytes is an upper bound found without decoding. A side longer
/// than an ordinary word and its space for each word is not counted: it
/// has the spaces, as a rule.
fn too_few_spaces(side: &[u8], words: usize) -> bool {
    side.len() <= words.saturating_mul(BYTES_A_WORD)
        && side
            .chunks(CHUNK)
            .map(|chunk| {
                // Summed as bytes, a chunk at a time, so the compiler can
                // count many bytes at once.
                let opening: u8 = chunk
                    .iter()
                    .map(|&b| u8::from(is_ascii_space(b) || b >= 0xC0))
                    .sum();
                usize::from(opening)
            })
            .sum::<usize>()
            < words
}

/// Bytes an ordinary word and its space take, about: a side that is longer
/// for its words is not counted.
const BYTES_A_WORD: usize = 6;

/// The piece of text `too_few_spaces` counts at once; its count fits in a byte.
const CHUNK: usize = 64;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn windows_stop_at_the_word_count_and_the_sentence() {
        let text = "One two three four FIGURE five six seven. Next";
        let claim = Span::new(19, 25);
        let sentence = Span::new(0, 41);
        assert_eq!(
            window(text, claim, sentence, 2).slice(text),
            "three four FIGURE five six "
        );
        let spaced = "One    two FIGURE";
        let figure = Span::new(11, 17);
        assert_eq!(
            window(spaced, figure, Span::new(0, 17), 2).slice(spaced),
            spaced
        );
        assert_eq!(
            window(text, claim, sentence, 9).slice(text),
            "One two three four FIGURE five six seven."
        );
        // Spaces beyond ASCII separate words; quotation marks and dashes do not.
        let wide = "Un\u{a0}deux “trois”\u{2009}quatre FIGURE—cinq\u{3000}six sept.";
        let figure = wide
            .find("FIGURE")
            .map(|at| Span::new(at, at + 6))
            .expect("a figure");
        assert_eq!(
            window(wide, figure, Span::new(0, wide.len()), 2).slice(wide),
            "“trois”\u{2009}quatre FIGURE—cinq\u{3000}six "
        );
    }

    /// Word starts, as a reader would mark them: a character that is not
    /// white space, after one that is (or after `first`, when `at_first`).
    fn word_starts(text: &str, first: usize, to: usize, at_first: bool) -> Vec<usize> {
        let mut starts = Vec::new();
        let mut after_space = at_first;
        for (at, c) in text[first..to].char_indices() {
            if !c.is_whitespace() && after_space {
                starts.push(first + at);
            }
            after_space = c.is_whitespace();
        }
        starts
    }

    proptest::proptest! {
        #[test]
        fn windows_count_the_words_a_reader_sees(
            pieces in proptest::collection::vec(
                proptest::sample::select(vec![
                    "a", "Zürich", "é", "12", ".", " ", "  ", "\t", "\n", "\u{b}", "\u{1}",
                    "\u{a0}", "\u{3000}", "\u{2009}", "—", "“",
                ]),
                0..80,
            ),
            split in 0usize..80,
            words in 1usize..6,
        ) {
            let before: String = pieces[..split.min(pieces.len())].concat();
            let after: String = pieces[split.min(pieces.len())..].concat();
            let text = format!("{before}FIGURE{after}");
            let claim = Span::new(before.len(), before.len() + 6);
            let sentence = Span::new(0, text.len());
            let back = word_starts(&text, 0, claim.start(), false);
            let start = back.iter().rev().nth(words - 1).copied().unwrap_or(0);
            let on = word_starts(&text, claim.end(), text.len(), true);
            let end = on.get(words).copied().unwrap_or(text.len());
            proptest::prop_assert_eq!(window(&text, claim, sentence, words), Span::new(start, end));
        }
    }
}
