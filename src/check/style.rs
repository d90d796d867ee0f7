//! House style: a preferred form ("Kyiv") wherever an avoided one ("Kiev")
//! is written, outside quotations and fixed phrases.

use rayon::prelude::*;

use super::{Article, Finding, Location};
use crate::extract::Kind;
use crate::rules::{Haystack, Rule, StyleRule};
use crate::span::Span;

/// The findings of every house-style rule: each article is read once, for
/// all of them, in parallel.
pub fn check(rules: &[(&Rule, &StyleRule)], articles: &[Article]) -> Vec<Finding> {
    articles
        .par_iter()
        .enumerate()
        .flat_map_iter(|(index, article)| {
            let haystack = Haystack::new(article.doc.text.as_str());
            rules
                .iter()
                .flat_map(|(rule, style)| in_article(rule, style, index, article, &haystack))
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
