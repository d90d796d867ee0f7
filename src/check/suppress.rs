//! Suppressions written in the article: `<!-- claimlint-disable RULE -->` …
//! `<!-- claimlint-enable RULE -->` around a passage, and
//! `<!-- claimlint-disable-next-line RULE -->` before a line. Without a
//! rule, every rule is meant; `group/*` names a group. A finding is
//! suppressed when one of its places is (the editor has vouched for that
//! figure). A suppression that suppresses nothing, or names no loaded rule,
//! is itself reported, so stale ones do not pile up.

use std::sync::OnceLock;

use rayon::prelude::*;
use regex::Regex;

use super::{Article, Finding, Location};
use crate::rules::{id_matches, RuleSet, Severity};
use crate::span::Span;

/// The rule id of findings about suppressions themselves.
pub const UNUSED: &str = "claimlint/unused-suppression";

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Action {
    Disable,
    Enable,
    NextLine,
}

struct Directive {
    article: usize,
    span: Span,
    action: Action,
    /// Rule patterns; empty means every rule.
    rules: Vec<String>,
}

/// A stretch of an article where some rules are off, and the directive that turned them off.
struct Region {
    article: usize,
    span: Span,
    directive: usize,
}

fn directive_regex() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"<!--\s*claimlint-(disable-next-line|disable|enable)\b([^>]*?)-->")
            .expect("the suppression pattern is a valid constant")
    })
}

/// Drops suppressed findings and adds one for each suppression that did nothing.
pub fn apply(findings: Vec<Finding>, rules: &RuleSet, articles: &[Article]) -> Vec<Finding> {
    // Every article's text is read: on all threads, not left to the last.
    let directives: Vec<Directive> = articles
        .par_iter()
        .enumerate()
        .flat_map_iter(|(i, a)| parse(i, &a.doc.raw_slice(a.doc.whole())))
        .collect();
    if directives.is_empty() {
        return findings;
    }
    let regions = regions(&directives, articles);
    let mut used = vec![false; directives.len()];
    let mut kept = Vec::with_capacity(findings.len());
    for finding in findings {
        let suppressor = regions.iter().find(|r| {
            names(&directives[r.directive].rules, &finding.rule)
                && finding
                    .locations
                    .iter()
                    .any(|l| l.article == r.article && r.span.contains(l.span.start()))
        });
        match suppressor {
            Some(region) => used[region.directive] = true,
            None => kept.push(finding),
        }
    }
    for (i, d) in directives.iter().enumerate() {
        if d.action == Action::Enable {
            continue;
        }
        let unknown: Vec<&String> = d
            .rules
            .iter()
            .filter(|p| {
                !rules
                    .rules
                    .iter()
                    .any(|r| names(std::slice::from_ref(p), &r.id))
            })
            .collect();
        let message = if !unknown.is_empty() {
            let list: Vec<&str> = unknown.iter().map(|s| s.as_str()).collect();
            format!("suppression names no loaded rule: {}", list.join(", "))
        } else if !used[i] {
            "suppression matches no finding".to_string()
        } else {
            continue;
        };
        let text = articles[d.article].quote_text(d.span);
        kept.push(Finding {
            rule: UNUSED.to_string(),
            severity: Severity::Warning,
            message,
            help: "remove the comment, or correct the rule id (`claimlint rules` lists them)"
                .to_string(),
            locations: vec![Location {
                article: d.article,
                span: d.span,
                label: text,
            }],
        });
    }
    kept
}

fn parse(article: usize, raw: &str) -> Vec<Directive> {
    directive_regex()
        .captures_iter(raw)
        .filter_map(|c| {
            let whole = c.get(0)?;
            let action = match c.get(1)?.as_str() {
                "disable" => Action::Disable,
                "enable" => Action::Enable,
                _ => Action::NextLine,
            };
            let rules = c
                .get(2)
                .map(|m| {
                    m.as_str()
                        .split([',', ' ', '\t', '\n'])
                        .filter(|s| !s.is_empty())
                        .map(str::to_string)
                        .collect()
                })
                .unwrap_or_default();
            Some(Directive {
                article,
                span: Span::new(whole.start(), whole.end()),
                action,
                rules,
            })
        })
        .collect()
}

/// Where each disabling directive applies: to the matching enable (or the
/// end of the article), or to the line after it.
fn regions(directives: &[Directive], articles: &[Article]) -> Vec<Region> {
    let mut regions = Vec::new();
    for (i, d) in directives.iter().enumerate() {
        let raw = articles[d.article].doc.raw();
        let span = match d.action {
            Action::Enable => continue,
            Action::NextLine => {
                let start = raw[d.span.end()..]
                    .find('\n')
                    .map_or(raw.len(), |n| d.span.end() + n + 1);
                let end = raw[start..].find('\n').map_or(raw.len(), |n| start + n);
                Span::new(start, end.max(start))
            }
            Action::Disable => {
                let end = directives[i + 1..]
                    .iter()
                    .find(|e| {
                        e.article == d.article
                            && e.action == Action::Enable
                            && (e.rules.is_empty() || d.rules.iter().all(|r| e.rules.contains(r)))
                    })
                    .map_or(raw.len(), |e| e.span.start());
                Span::new(d.span.end(), end)
            }
        };
        regions.push(Region {
            article: d.article,
            span,
            directive: i,
        });
    }
    regions
}

/// Whether a directive's patterns (empty: all) name `rule`.
fn names(patterns: &[String], rule: &str) -> bool {
    patterns.is_empty() || patterns.iter().any(|p| id_matches(p, rule))
}
