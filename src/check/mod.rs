//! Cross-checking: runs every rule over the claims of every article and
//! returns [`Finding`]s. Claims are grouped by rule, unit and key before
//! anything is compared, so the work grows with the number of claims, not
//! with its square. Findings come out in one order whatever the thread count.

mod facts;
mod figures;
mod names;
mod quotes;
mod style;
mod suppress;
mod when;

use rayon::prelude::*;

use crate::document::Document;
use crate::extract::Claim;
use crate::rules::{Check, QuoteRule, Rule, RuleSet, Severity, StyleRule};
use crate::span::Span;
use quotes::Quotations;

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
            rules
                .rules
                .par_iter()
                .flat_map_iter(|rule| check_rule(rule, articles))
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
    findings
}

fn check_rule(rule: &Rule, articles: &[Article]) -> Vec<Finding> {
    match &rule.check {
        Check::Figure(figure) => figures::check(rule, figure, articles),
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
/// Every figure of every rule asks for one, so the bytes are read in a
/// plain loop: ASCII is settled a byte at a time, a wider character is
/// decoded at its first byte, and its other bytes are passed over.
fn window(text: &str, claim: Span, sentence: Span, words: usize) -> Span {
    let sentence = sentence.cover(claim);
    let bytes = text.as_bytes();
    // Backwards from the claim: a word starts where a space (or the
    // sentence's start) comes before something that is not a space.
    let mut start = sentence.start();
    let mut seen = 0;
    let mut word_follows = false;
    // Where the character being read ends.
    let mut char_end = claim.start();
    for (at, &byte) in (sentence.start()..claim.start())
        .zip(&bytes[sentence.start()..claim.start()])
        .rev()
    {
        let Some(space) = is_space_at(text, at, byte) else {
            continue;
        };
        if space && word_follows {
            seen += 1;
            if seen == words {
                start = char_end;
                break;
            }
        }
        word_follows = !space;
        char_end = at;
    }
    // Forwards: the window ends where the word after its last one starts.
    let mut end = sentence.end();
    let mut seen = 0;
    let mut after_space = true;
    for (at, &byte) in (claim.end()..).zip(&bytes[claim.end()..sentence.end()]) {
        let Some(space) = is_space_at(text, at, byte) else {
            continue;
        };
        if !space && after_space {
            if seen == words {
                end = at;
                break;
            }
            seen += 1;
        }
        after_space = space;
    }
    Span::new(start, end)
}

/// Whether the character starting at `at` (whose first byte is `byte`) is
/// white space; `None` when `at` is inside a character.
#[inline(always)]
fn is_space_at(text: &str, at: usize, byte: u8) -> Option<bool> {
    if byte.is_ascii() {
        Some(char::from(byte).is_whitespace())
    } else if byte & 0xC0 == 0x80 {
        None
    } else {
        Some(is_wide_space_at(text, at))
    }
}

/// Whether the character beyond ASCII starting at `at` is white space.
#[inline(never)]
fn is_wide_space_at(text: &str, at: usize) -> bool {
    text[at..].chars().next().is_some_and(char::is_whitespace)
}

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
}
