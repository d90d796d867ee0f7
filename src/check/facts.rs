//! Reference facts: figures checked against a dated table of what was true
//! at each article's publication date, and dates and ages of an event
//! checked against the day it happened.

use jiff::civil::Date;
use rayon::prelude::*;

use super::{when, window, Article, Finding, Location};
use crate::extract::claim::format_number;
use crate::extract::{Claim, Kind, Value};
use crate::rules::{Fact, FactRule, Rule};

pub fn check(rule: &Rule, fact: &FactRule, articles: &[Article]) -> Vec<Finding> {
    // The articles are read in parallel: a rule may be the last one left
    // running, with a thread to spare. The findings keep the articles' order.
    articles
        .par_iter()
        .enumerate()
        .flat_map_iter(|(index, article)| in_article(rule, fact, index, article))
        .collect()
}

/// The findings of one fact rule in one article, the article at `index`.
fn in_article<'a>(
    rule: &'a Rule,
    fact: &'a FactRule,
    index: usize,
    article: &'a Article,
) -> impl Iterator<Item = Finding> + 'a {
    let text = article.doc.text.as_str();
    let published = article.doc.meta.date;
    // Most claims are of other kinds: turned away before the unit is looked up.
    let kinds = &fact.scope.kinds;
    article
        .claims
        .iter()
        .filter(|c| kinds.contains(&c.kind))
        .filter_map(move |claim| {
            fact.scope.unit_of(claim.kind, claim.unit.as_deref())?;
            // A topic that takes every figure needs no window read.
            let topic = &fact.scope.topic;
            let on_topic = topic.takes_all()
                || topic
                    .matches(window(text, claim.span, claim.sentence, topic.window).slice(text));
            if !on_topic {
                return None;
            }
            let problem = match &fact.fact {
                Fact::Timeline(timeline) => {
                    published.and_then(|day| against_timeline(claim, timeline, day, fact))
                }
                Fact::Event(event) => match claim.kind {
                    Kind::Date => against_event_date(claim, *event, fact),
                    Kind::Duration => {
                        published.and_then(|day| against_event_age(claim, *event, day, fact))
                    }
                    _ => None,
                },
            }?;
            Some(Finding::new(
                rule,
                format!("{}: {problem}", rule.summary.trim_end_matches('.')),
                vec![Location {
                    article: index,
                    span: claim.span,
                    label: article.quote_text(claim.span),
                }],
            ))
        })
}

fn against_timeline(
    claim: &Claim,
    timeline: &[(Date, f64)],
    published: Date,
    fact: &FactRule,
) -> Option<String> {
    let expected = Fact::value_on(timeline, published)?;
    let value = claim.value.as_number()?;
    let (low, high) = claim.bounds()?;
    let t = fact.tolerance;
    let slack = t.absolute.max(t.relative * expected.abs());
    let fits = low - slack <= expected && expected <= high + slack;
    if fits {
        return None;
    }
    let since = timeline
        .iter()
        .rev()
        .find(|(from, _)| *from <= published)
        .map(|(from, _)| *from)?;
    Some(format!(
        "the article says {}, but on {published} the figure was {} (since {since})",
        format_number(value),
        format_number(expected)
    ))
}

fn against_event_date(claim: &Claim, event: Date, fact: &FactRule) -> Option<String> {
    let Value::Text(iso) = &claim.value else {
        return None;
    };
    let (first, last) = when::range(iso)?;
    let slack = fact.tolerance.days;
    let day = when::day_number(event);
    let fits = when::day_number(first) - slack <= day && day <= when::day_number(last) + slack;
    (!fits).then(|| format!("the article dates it {iso}; the reference date is {event}"))
}

fn against_event_age(
    claim: &Claim,
    event: Date,
    published: Date,
    fact: &FactRule,
) -> Option<String> {
    let value = claim.value.as_number()?;
    let unit = claim.unit.as_deref()?;
    let days = when::unit_days(unit)?;
    let (shortest, longest) = claim.bounds()?;
    let age = when::day_number(published) - when::day_number(event);
    let slack = fact.tolerance.days;
    // An open end is infinite, and so are its days: it always fits.
    let fits = shortest * days - slack <= age && age <= longest * days + slack;
    if fits {
        return None;
    }
    let implied = when::days_before(published, value * days)?;
    Some(format!(
        "{} {unit}s before publication ({published}) is {}, but the reference date is {event}",
        format_number(value),
        implied.strftime("%Y-%m")
    ))
}
