//! Figure agreement: the same quantity stated with values that cannot both
//! be true, within one article or between sources.
//!
//! A figure belongs to a rule when its kind and unit are the rule's and its
//! window of words is on the rule's topic. It is then keyed by unit,
//! qualifier ("new", "remaining"), actor (the nearest named donor, group or
//! army) and date (the nearest date in its window). Within an article a
//! figure without an actor or date takes those of the nearest figure that
//! has them, in its own or a neighbouring paragraph;
//! across articles only figures with the same actor are compared, and those
//! without their own date only within the rule's period of publication.
//! Every step is a grouping by key, so the cost grows linearly with the claims.

use std::borrow::Cow;
use std::collections::BTreeMap;

use super::{when, window, Article, Finding, Location};
use crate::extract::{Claim, Kind, Value};
use crate::rules::{FigureRule, Period, Rule};
use crate::span::Span;

/// Qualifiers modify the figure itself ("the remaining $7 billion", "a
/// new $60 million package"), so only words this close count.
const QUALIFIER_WINDOW: usize = 4;

/// A claim that belongs to the rule, with what tells it apart from others.
struct Mention<'a> {
    article: usize,
    claim: &'a Claim,
    unit: &'a str,
    qualifier: Option<&'a str>,
    actor: Option<Cow<'a, str>>,
    /// Whether the actor was written as a proper name ("the Contact Group",
    /// not "the group"): only those anchor a comparison between sources.
    named: bool,
    /// The paragraph the claim stands in.
    block: usize,
    /// The date of the nearest date claim in the window, at month precision.
    when: Option<String>,
    low: f64,
    high: f64,
}

pub fn check(rule: &Rule, figure: &FigureRule, articles: &[Article]) -> Vec<Finding> {
    let mut findings = Vec::new();
    // Consistent groups with an actor, gathered for the comparison between sources.
    let mut across: BTreeMap<(String, String, String, String), Vec<Vec<Mention>>> = BTreeMap::new();
    for (index, article) in articles.iter().enumerate() {
        let mentions = mentions(figure, index, article);
        for group in groups(mentions) {
            let in_one_sentence = group
                .iter()
                .all(|m| m.claim.sentence == group[0].claim.sentence);
            if group.len() > 1 && !in_one_sentence && agreed(&group, figure).is_none() {
                findings.push(disagreement(rule, &group, articles, false));
                continue;
            }
            let Some(actor) = group[0]
                .actor
                .as_deref()
                .filter(|_| group.iter().any(|m| m.named))
            else {
                continue;
            };
            let Some(period) = group[0]
                .when
                .clone()
                .or_else(|| publication_period(article, figure.period))
            else {
                continue;
            };
            let key = (
                group[0].unit.to_string(),
                group[0].qualifier.unwrap_or("").to_string(),
                actor.to_string(),
                period,
            );
            across.entry(key).or_default().push(group);
        }
    }
    for groups in across.into_values() {
        if groups.len() < 2 {
            continue;
        }
        let hulls: Vec<(f64, f64)> = groups.iter().filter_map(|g| agreed(g, figure)).collect();
        if intersect(&hulls).is_none() {
            let all: Vec<Mention> = groups.into_iter().flatten().collect();
            findings.push(disagreement(rule, &all, articles, true));
        }
    }
    findings
}

/// The article's claims that fall under the rule.
fn mentions<'a>(figure: &'a FigureRule, index: usize, article: &'a Article) -> Vec<Mention<'a>> {
    let text = article.doc.text.as_str();
    let dates: Vec<&Claim> = article
        .claims
        .iter()
        .filter(|c| c.kind == Kind::Date)
        .collect();
    article
        .claims
        .iter()
        .filter_map(|claim| {
            let unit = figure.scope.unit_of(claim.kind, claim.unit.as_deref())?;
            let span = window(text, claim.span, claim.sentence, figure.scope.topic.window);
            if !figure.scope.topic.matches(span.slice(text)) || is_part(text, claim) {
                return None;
            }
            let (low, high) = bounds(claim)?;
            let sentence = claim.sentence.cover(claim.span);
            let qualifier_span = window(text, claim.span, claim.sentence, QUALIFIER_WINDOW);
            let actor = figure
                .actors
                .as_ref()
                .and_then(|a| nearest_name(a, text, claim.span, sentence));
            let subject = if figure.by_subject {
                Some(Cow::Owned(subject_key(claim)?))
            } else {
                actor.map(|(name, _)| Cow::Borrowed(name))
            };
            Some(Mention {
                article: index,
                claim,
                unit,
                qualifier: figure
                    .qualifiers
                    .as_ref()
                    .and_then(|q| nearest_name(q, text, claim.span, qualifier_span))
                    .map(|(name, _)| name),
                actor: subject,
                named: actor.is_some_and(|(_, written)| written.starts_with(char::is_uppercase)),
                block: article
                    .doc
                    .blocks
                    .partition_point(|b| b.end <= claim.span.start),
                when: nearest_date(&dates, claim, span),
                low,
                high,
            })
        })
        .collect()
}

/// A claim's subject phrase without its determiners, lowercased: "the
/// city's budget" and "the budget" are one subject.
fn subject_key(claim: &Claim) -> Option<String> {
    let subject = claim.subject.as_deref()?.to_lowercase();
    let words: Vec<&str> = subject
        .split_whitespace()
        .filter(|w| {
            !matches!(*w, "the" | "a" | "an" | "its" | "their" | "this" | "that")
                && !w.ends_with("'s")
                && !w.ends_with("’s")
        })
        .collect();
    (!words.is_empty()).then(|| words.join(" "))
}

/// A figure introduced as part of another ("including $400 million") is
/// not a rival statement of it.
fn is_part(text: &str, claim: &Claim) -> bool {
    let before = text[claim.sentence.start.min(claim.span.start)..claim.span.start]
        .trim_end()
        .to_lowercase();
    [
        "including",
        "includes",
        "included",
        "of which",
        "among them",
        "excluding",
        "of them",
    ]
    .iter()
    .any(|cue| before.ends_with(cue))
}

/// The range a claim stands for: its hedged interval, or a date's days.
fn bounds(claim: &Claim) -> Option<(f64, f64)> {
    if claim.kind == Kind::Date {
        let Value::Text(iso) = &claim.value else {
            return None;
        };
        let (first, last) = when::range(iso)?;
        return Some((when::day_number(first), when::day_number(last)));
    }
    let value = claim.value.as_number()?;
    Some(match claim.interval {
        Some(i) => (
            i.low.unwrap_or(f64::NEG_INFINITY),
            i.high.unwrap_or(f64::INFINITY),
        ),
        None => (value, value),
    })
}

/// The canonical name of the phrase nearest to the claim within `span`,
/// with the phrase as written.
fn nearest_name<'a, 't>(
    names: &'a crate::rules::Names,
    text: &'t str,
    claim: Span,
    span: Span,
) -> Option<(&'a str, &'t str)> {
    names
        .regex
        .find_iter(span.slice(text))
        .map(|m| {
            (
                Span::new(span.start + m.start(), span.start + m.end()),
                m.as_str(),
            )
        })
        .filter(|(found, _)| !found.overlaps(claim))
        .min_by_key(|(found, _)| distance(*found, claim))
        .and_then(|(_, matched)| names.canonical(matched).map(|name| (name, matched)))
}

fn distance(a: Span, b: Span) -> usize {
    if a.end <= b.start {
        b.start - a.end
    } else {
        a.start.saturating_sub(b.end)
    }
}

/// The nearest date claim in the window, as its month ("2024-04") or year.
fn nearest_date(dates: &[&Claim], claim: &Claim, span: Span) -> Option<String> {
    dates
        .iter()
        .filter(|d| d.span != claim.span && span.start <= d.span.start && d.span.end <= span.end)
        .min_by_key(|d| distance(d.span, claim.span))
        .and_then(|d| match &d.value {
            Value::Text(iso) if iso.contains("-W") => {
                when::range(iso).map(|(first, _)| first.strftime("%Y-%m").to_string())
            }
            Value::Text(iso) => Some(iso.chars().take(7).collect()),
            _ => None,
        })
}

fn publication_period(article: &Article, period: Period) -> Option<String> {
    let date = article.doc.meta.date?;
    Some(match period {
        Period::Day => date.to_string(),
        Period::Week => {
            let week = date.iso_week_date();
            format!("{}-W{:02}", week.year(), week.week())
        }
        Period::Month => date.strftime("%Y-%m").to_string(),
        Period::Year => date.year().to_string(),
        Period::Any => String::new(),
    })
}

/// Splits an article's mentions into groups that state the same quantity.
fn groups(mentions: Vec<Mention>) -> Vec<Vec<Mention>> {
    let mut by_kind: BTreeMap<(&str, Option<&str>), Vec<Mention>> = BTreeMap::new();
    for m in mentions {
        by_kind.entry((m.unit, m.qualifier)).or_default().push(m);
    }
    let mut out = Vec::new();
    for group in by_kind.into_values() {
        for by_actor in split_merging_unknown(group, |m| m.actor.clone(), |m, a| m.actor = a) {
            out.extend(split_merging_unknown(
                by_actor,
                |m| m.when.clone(),
                |m, w| m.when = w,
            ));
        }
    }
    out
}

/// Splits by `key`. A mention with no key takes the key of the nearest
/// mention that has one in its own or a neighbouring paragraph, the way a
/// reader carries "the coalition" from one paragraph into the next.
fn split_merging_unknown<'a, K: Ord + Clone>(
    mentions: Vec<Mention<'a>>,
    key: impl Fn(&Mention<'a>) -> Option<K>,
    set: impl Fn(&mut Mention<'a>, Option<K>),
) -> Vec<Vec<Mention<'a>>> {
    let anchors: Vec<(usize, usize, K)> = mentions
        .iter()
        .filter_map(|m| key(m).map(|k| (m.claim.span.start, m.block, k)))
        .collect();
    let mut parts: BTreeMap<Option<K>, Vec<Mention>> = BTreeMap::new();
    for mut m in mentions {
        if key(&m).is_none() {
            // Anchors are in text order: the nearest is next to the insertion point.
            let at = m.claim.span.start;
            let i = anchors.partition_point(|(start, _, _)| *start < at);
            let nearest = anchors[i.saturating_sub(1)..(i + 1).min(anchors.len())]
                .iter()
                .filter(|(_, block, _)| block.abs_diff(m.block) <= 1)
                .min_by_key(|(start, _, _)| start.abs_diff(at));
            if let Some((_, _, k)) = nearest {
                set(&mut m, Some(k.clone()));
            }
        }
        parts.entry(key(&m)).or_default().push(m);
    }
    parts.into_values().collect()
}

/// The range every mention of the group allows, or `None` when they conflict.
fn agreed(group: &[Mention], figure: &FigureRule) -> Option<(f64, f64)> {
    let widened: Vec<(f64, f64)> = group
        .iter()
        .map(|m| {
            let t = figure.tolerance;
            let slack = |v: f64| {
                if v.is_finite() {
                    t.absolute.max(t.relative * v.abs()) + t.days
                } else {
                    0.0
                }
            };
            (m.low - slack(m.low), m.high + slack(m.high))
        })
        .collect();
    intersect(&widened)
}

fn intersect(ranges: &[(f64, f64)]) -> Option<(f64, f64)> {
    let low = ranges.iter().map(|r| r.0).fold(f64::NEG_INFINITY, f64::max);
    let high = ranges.iter().map(|r| r.1).fold(f64::INFINITY, f64::min);
    (low <= high).then_some((low, high))
}

fn disagreement(rule: &Rule, group: &[Mention], articles: &[Article], across: bool) -> Finding {
    let mut values: Vec<String> = Vec::new();
    let mut locations = Vec::new();
    for m in group {
        let article = &articles[m.article];
        let text = article.quote_text(m.claim.span);
        let label = if across {
            format!("{text} ({})", article.source_label())
        } else {
            text.clone()
        };
        if !values.contains(&label) {
            values.push(label.clone());
        }
        locations.push(Location {
            article: m.article,
            span: m.claim.span,
            label,
        });
    }
    let topic = rule.summary.trim_end_matches('.');
    let message = if across {
        format!("{topic} between sources: {}", values.join(" vs "))
    } else {
        format!("{topic}: {}", values.join(" vs "))
    };
    Finding::new(rule, message, locations)
}
