//! House style: a preferred form ("Kyiv") wherever an avoided one ("Kiev")
//! is written, outside quotations and fixed phrases.

use super::{Article, Finding, Location};
use crate::extract::Kind;
use crate::rules::{Rule, StyleRule};
use crate::span::Span;

pub fn check(rule: &Rule, style: &StyleRule, articles: &[Article]) -> Vec<Finding> {
    let mut findings = Vec::new();
    for (index, article) in articles.iter().enumerate() {
        let text = article.doc.text.as_str();
        let quotes: Vec<Span> = article
            .claims
            .iter()
            .filter(|c| c.kind == Kind::Quote)
            .map(|c| c.span)
            .collect();
        let excepted: Vec<Span> = style
            .except
            .iter()
            .flat_map(|set| set.find_all(text))
            .collect();
        for span in style.avoid.find_all(text) {
            if span.is_empty() {
                continue;
            }
            let quoted = quotes.iter().any(|q| q.overlaps(span));
            if (quoted && !style.in_quotes) || excepted.iter().any(|e| e.overlaps(span)) {
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
    }
    findings
}
