//! House style: a preferred form ("Kyiv") wherever an avoided one ("Kiev")
//! is written, outside quotations and fixed phrases.

use rayon::prelude::*;

use super::{Article, Finding, Location};
use crate::extract::Kind;
use crate::rules::{FirstWords, Haystack, Rule, StyleRule};
use crate::span::Span;

/// The findings of every house-style rule: each article is read once, for
/// all of them, in parallel, and searched only for the rules whose avoided
/// forms' first words it holds (most articles hold none).
pub fn check(rules: &[(&Rule, &StyleRule)], articles: &[Article]) -> Vec<Finding> {
    // Avoided forms match as written, and their first words are searched for so.
    let first_words = FirstWords::new(
        rules
            .iter()
            .map(|(_, style)| style.avoid_first_words.as_slice()),
    );
    articles
        .par_iter()
        .enumerate()
        .flat_map_iter(|(index, article)| {
            let text = article.doc.text.as_str();
            let haystack = Haystack::new(text);
            rules
                .iter()
                .zip(first_words.may_match(text))
                .filter(|(_, may)| *may)
                .flat_map(|((rule, style), _)| in_article(rule, style, index, article, &haystack))
                .collect::<Vec<_>>()
        })
        .collect()
}

fn in_article(
    rule: &Rule,
    style: &StyleRule,
    index: usize,
    article: &Article,
    haystack: &Haystack,
) -> Vec<Finding> {
    let avoided = style.avoid.find_all_in(haystack);
    if avoided.is_empty() {
        return Vec::new();
    }
    let excepted: Vec<Span> = style
        .except
        .iter()
        .flat_map(|set| set.find_all_in(haystack))
        .collect();
    let mut findings = Vec::new();
    for span in avoided {
        if span.is_empty() {
            continue;
        }
        let quoted = || {
            article
                .claims
                .iter()
                .any(|c| c.kind == Kind::Quote && c.span.overlaps(span))
        };
        if (!style.in_quotes && quoted()) || excepted.iter().any(|e| e.overlaps(span)) {
            continue;
        }
        let written = article.quote_text(span);
        findings.push(Finding::new(
            rule,
            format!("`{written}`: house style is `{}`", style.prefer),
            vec![Location {
                article: index,
                span,
                label: format!("write `{}`", style.prefer),
            }],
        ));
    }
    findings
}
