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
//! Every step is a grouping by key, so the cost grows linearly with the claims;
//! the articles are read in parallel, and their groups gathered in order.

use std::borrow::Cow;
use std::collections::BTreeMap;

use rayon::prelude::*;

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
    /// Whether the actor was written as a proper name ("the Paris Club",
    /// not "the group"): only those anchor a comparison between sources.
    named: bool,
    /// The paragraph the claim stands in.
    block: usize,
    /// The date of the nearest date claim in the window, at month
    /// precision; when there is none, grouping lends one.
    when: Option<String>,
    /// Whether `when` was written beside the figure.
    dated: bool,
    low: f64,
    high: f64,
}

pub fn check(rule: &Rule, figure: &FigureRule, articles: &[Article]) -> Vec<Finding> {
    // Articles are read in parallel; what they give is gathered in their
    // order, so the findings are those of reading them one by one.
    let per_article: Vec<(Vec<Finding>, Vec<Keyed>)> = articles
        .par_iter()
        .enumerate()
        .map(|(index, article)| in_article(rule, figure, index, article, articles))
        .collect();
    let mut findings = Vec::new();
    // Consistent groups with an actor, gathered for the comparison between sources.
    let mut across: BTreeMap<GroupKey, Vec<Vec<Mention>>> = BTreeMap::new();
    for (found, keyed) in per_article {
        findings.extend(found);
        for (key, group) in keyed {
            across.entry(key).or_default().push(group);
        }
    }
    for groups in across.into_values() {
        if let Some((a, b)) = conflict_between_articles(&groups, figure) {
            let pair: Vec<&Mention> = groups[a].iter().chain(&groups[b]).collect();
            findings.push(disagreement(rule, &pair, articles, true));
        }
    }
    findings
}

/// What a group is compared by between sources: unit, qualifier, actor and period.
type GroupKey = (String, String, String, String);

/// A consistent group of one article's mentions, with its key.
type Keyed<'a> = (GroupKey, Vec<Mention<'a>>);

/// One article's disagreements, and its consistent groups with an actor
/// for the comparison between sources.
fn in_article<'a>(
    rule: &Rule,
    figure: &'a FigureRule,
    index: usize,
    article: &'a Article,
    articles: &[Article],
) -> (Vec<Finding>, Vec<Keyed<'a>>) {
    let mut findings = Vec::new();
    let mut keyed = Vec::new();
    let mentions = mentions(figure, index, article);
    if mentions.is_empty() {
        return (findings, keyed);
    }
    let published = article
        .doc
        .meta
        .date
        .map(|d| d.strftime("%Y-%m").to_string());
    for group in groups(mentions, published) {
        let in_one_sentence = group
            .iter()
            .all(|m| m.claim.sentence == group[0].claim.sentence);
        if group.len() > 1 && !in_one_sentence && agreed(&group, figure).is_none() {
            let all: Vec<&Mention> = group.iter().collect();
            findings.push(disagreement(rule, &all, articles, false));
            continue;
        }
        let Some(actor) = group[0]
            .actor
            .as_deref()
            .filter(|_| group.iter().any(|m| m.named))
        else {
            continue;
        };
        // A date written beside the figure pins it; otherwise the
        // publication period does. The two never meet in one key.
        let dated = group
            .iter()
            .find_map(|m| m.dated.then(|| m.when.clone()).flatten());
        let Some(period) = dated.map(|d| format!("dated {d}")).or_else(|| {
            publication_period(article, figure.period).map(|p| format!("published {p}"))
        }) else {
            continue;
        };
        let key = (
            group[0].unit.to_string(),
            group[0].qualifier.unwrap_or("").to_string(),
            actor.to_string(),
            period,
        );
        keyed.push((key, group));
    }
    (findings, keyed)
}

/// Two groups from different articles whose ranges cannot both hold: the
/// one ending lowest against the one starting highest elsewhere, and the
/// other way round. Groups of one article were kept apart for a reason.
fn conflict_between_articles(
    groups: &[Vec<Mention>],
    figure: &FigureRule,
) -> Option<(usize, usize)> {
    let hulls: Vec<(usize, (f64, f64))> = groups
        .iter()
        .enumerate()
        .filter_map(|(i, g)| agreed(g, figure).map(|h| (i, h)))
        .collect();
    let article = |i: usize| groups[i][0].article;
    let lowest_top = hulls.iter().min_by(|a, b| a.1 .1.total_cmp(&b.1 .1))?;
    let highest_bottom = hulls.iter().max_by(|a, b| a.1 .0.total_cmp(&b.1 .0))?;
    let above = hulls
        .iter()
        .filter(|h| article(h.0) != article(lowest_top.0))
        .max_by(|a, b| a.1 .0.total_cmp(&b.1 .0))
        .filter(|h| h.1 .0 > lowest_top.1 .1);
    if let Some(h) = above {
        return Some((lowest_top.0, h.0));
    }
    hulls
        .iter()
        .filter(|h| article(h.0) != article(highest_bottom.0))
        .min_by(|a, b| a.1 .1.total_cmp(&b.1 .1))
        .filter(|h| highest_bottom.1 .0 > h.1 .1)
        .map(|h| (h.0, highest_bottom.0))
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
        // Most claims are of other kinds: turned away before the unit is looked up.
        .filter(|claim| figure.scope.kinds.contains(&claim.kind))
        .filter_map(|claim| {
            let unit = figure.scope.unit_of(claim.kind, claim.unit.as_deref())?;
            // The tests that read no more than a few bytes come first.
            if is_part(text, claim) {
                return None;
            }
            let (low, high) = bounds(claim)?;
            let key = if figure.by_subject {
                Some(subject_key(text, claim)?)
            } else {
                None
            };
            let sentence = claim.sentence.cover(claim.span);
            let topic = &figure.scope.topic;
            // The window serves the topic and the date; a topic that takes
            // every figure does not read it, and a date outside the
            // sentence is outside the window.
            let span = (!topic.takes_all() || has_date_in(&dates, sentence))
                .then(|| window(text, claim.span, claim.sentence, topic.window));
            if span.is_some_and(|span| !topic.matches(span.slice(text))) {
                return None;
            }
            let written = span.and_then(|span| nearest_date(&dates, claim, span));
            let actor = figure
                .actors
                .as_ref()
                .and_then(|a| nearest_name(a, text, claim.span, sentence));
            let subject = match key {
                Some(key) => Some(Cow::Owned(key)),
                None => actor.map(|(name, _)| Cow::Borrowed(name)),
            };
            Some(Mention {
                article: index,
                claim,
                unit,
                qualifier: figure
                    .qualifiers
                    .as_ref()
                    .and_then(|q| {
                        let near = window(text, claim.span, claim.sentence, QUALIFIER_WINDOW);
                        nearest_name(q, text, claim.span, near)
                    })
                    .map(|(name, _)| name),
                actor: subject,
                named: actor.is_some_and(|(name, _)| name.starts_with(char::is_uppercase)),
                block: article
                    .doc
                    .blocks
                    .partition_point(|b| b.end() <= claim.span.start()),
                dated: written.is_some(),
                when: written,
                low,
                high,
            })
        })
        .collect()
}

/// A claim's subject phrase without its determiners, lowercased. The
/// owner stays: "the city's budget" is not "the school district's budget".
fn subject_key(text: &str, claim: &Claim) -> Option<String> {
    let subject = claim.subject()?.slice(text).to_lowercase();
    let words: Vec<&str> = subject
        .split_whitespace()
        .filter(|w| !matches!(*w, "the" | "a" | "an" | "its" | "their" | "this" | "that"))
        .collect();
    (!words.is_empty()).then(|| words.join(" "))
}

/// A figure introduced as part of another ("including $400 million") is
/// not a rival statement of it.
fn is_part(text: &str, claim: &Claim) -> bool {
    // Only the few words before the figure matter; a long sentence is not re-read.
    let mut from = claim
        .sentence
        .start()
        .min(claim.span.start())
        .max(claim.span.start().saturating_sub(32));
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let before = text[from..claim.span.start()].trim_end().as_bytes();
    // The cues are ASCII, and of the characters beyond ASCII only the Kelvin
    // sign lowercases to ASCII alone (to k, in no cue): the text is compared
    // as written, ignoring ASCII case, without a lowercased copy.
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
    .any(|cue| {
        before
            .len()
            .checked_sub(cue.len())
            .is_some_and(|at| before[at..].eq_ignore_ascii_case(cue.as_bytes()))
    })
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
    claim.bounds()
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
        .phrases
        .find_all(span.slice(text))
        .into_iter()
        .map(|m| {
            let found = Span::new(span.start() + m.start(), span.start() + m.end());
            (found, found.slice(text))
        })
        .filter(|(found, _)| !found.overlaps(claim))
        .min_by_key(|(found, _)| distance(*found, claim))
        .and_then(|(_, matched)| names.canonical(matched).map(|name| (name, matched)))
}

fn distance(a: Span, b: Span) -> usize {
    if a.end() <= b.start() {
        b.start() - a.end()
    } else {
        a.start().saturating_sub(b.end())
    }
}

/// Whether a date claim starts in `span`.
fn has_date_in(dates: &[&Claim], span: Span) -> bool {
    let first = dates.partition_point(|d| d.span.start() < span.start());
    dates
        .get(first)
        .is_some_and(|d| d.span.start() < span.end())
}

/// The nearest date claim in the window, as its month ("2024-04") or year.
fn nearest_date(dates: &[&Claim], claim: &Claim, span: Span) -> Option<String> {
    // Dates are in text order: only those inside the window are looked at.
    let first = dates.partition_point(|d| d.span.start() < span.start());
    dates[first..]
        .iter()
        .take_while(|d| d.span.start() < span.end())
        .filter(|d| d.span != claim.span && d.span.end() <= span.end())
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
/// An undated figure with no dated neighbour is taken to be of its
/// publication month.
fn groups<'a>(mentions: Vec<Mention<'a>>, published: Option<String>) -> Vec<Vec<Mention<'a>>> {
    let mut by_kind: BTreeMap<(&str, Option<&str>), Vec<Mention>> = BTreeMap::new();
    for m in mentions {
        by_kind.entry((m.unit, m.qualifier)).or_default().push(m);
    }
    let mut out = Vec::new();
    for group in by_kind.into_values() {
        for by_actor in split_merging_unknown(group, |m| m.actor.clone(), |m, a| m.actor = a, None)
        {
            out.extend(split_merging_unknown(
                by_actor,
                |m| m.when.clone(),
                |m, w| m.when = w,
                published.clone(),
            ));
        }
    }
    out
}

/// Splits by `key`. A mention with no key takes the key of the nearest
/// mention that has one in its own or a neighbouring paragraph, the way a
/// reader carries "the coalition" from one paragraph into the next; failing
/// that, `fallback`.
fn split_merging_unknown<'a, K: Ord + Clone>(
    mentions: Vec<Mention<'a>>,
    key: impl Fn(&Mention<'a>) -> Option<K>,
    set: impl Fn(&mut Mention<'a>, Option<K>),
    fallback: Option<K>,
) -> Vec<Vec<Mention<'a>>> {
    let anchors: Vec<(usize, usize, K)> = mentions
        .iter()
        .filter_map(|m| key(m).map(|k| (m.claim.span.start(), m.block, k)))
        .collect();
    let mut parts: BTreeMap<Option<K>, Vec<Mention>> = BTreeMap::new();
    for mut m in mentions {
        if key(&m).is_none() {
            // Anchors are in text order: the nearest is next to the insertion point.
            let at = m.claim.span.start();
            let i = anchors.partition_point(|(start, _, _)| *start < at);
            let nearest = anchors[i.saturating_sub(1)..(i + 1).min(anchors.len())]
                .iter()
                .filter(|(_, block, _)| block.abs_diff(m.block) <= 1)
                .min_by_key(|(start, _, _)| start.abs_diff(at));
            match nearest {
                Some((_, _, k)) => set(&mut m, Some(k.clone())),
                None => set(&mut m, fallback.clone()),
            }
        }
        parts.entry(key(&m)).or_default().push(m);
    }
    parts.into_values().collect()
}

/// The range every mention of the group allows, or `None` when they conflict.
/// Each range is widened by half the tolerance, so two figures agree when
/// they are at most one tolerance apart.
fn agreed(group: &[Mention], figure: &FigureRule) -> Option<(f64, f64)> {
    let t = figure.tolerance;
    let widened: Vec<(f64, f64)> = group
        .iter()
        .map(|m| {
            let days = if m.claim.kind == Kind::Date {
                t.days
            } else {
                0.0
            };
            let slack = |v: f64| {
                if v.is_finite() {
                    (t.absolute.max(t.relative * v.abs()) + days) / 2.0
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

/// Values listed in a message; the locations still hold every figure.
const MAX_LISTED: usize = 10;

fn disagreement(rule: &Rule, group: &[&Mention], articles: &[Article], across: bool) -> Finding {
    let mut values: Vec<String> = Vec::new();
    let mut seen = std::collections::HashSet::new();
    let mut locations = Vec::new();
    for m in group {
        let article = &articles[m.article];
        let text = article.quote_text(m.claim.span);
        let label = if across {
            format!("{text} ({})", article.source_label())
        } else {
            text.clone()
        };
        if seen.insert(label.clone()) {
            values.push(label.clone());
        }
        locations.push(Location {
            article: m.article,
            span: m.claim.span,
            label,
        });
    }
    let topic = rule.summary.trim_end_matches('.');
    let more = values.len().saturating_sub(MAX_LISTED);
    values.truncate(MAX_LISTED);
    let mut listed = values.join(" vs ");
    if more > 0 {
        listed.push_str(&format!(" and {more} more"));
    }
    let message = if across {
        format!("{topic} between sources: {listed}")
    } else {
        format!("{topic}: {listed}")
    };
    Finding::new(rule, message, locations)
}
