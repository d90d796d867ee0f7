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
//! A rule comparing articles on one story (`same-story`) keys figures by
//! the head noun of their subject instead, compares them only between
//! articles that [`Stories`] finds on one story and published a day apart
//! at most, and keeps apart figures beside different names. A rule keyed
//! by head noun within an article (`head-noun`) reports a figure that
//! takes up an earlier one ("the 231 damaged schools") with another value.
//! Every step is a grouping by key, so the cost grows linearly with the claims;
//! the articles are read in parallel, and their groups gathered in order.

use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet, HashSet};

use rayon::prelude::*;

use super::story::Stories;
use super::{when, window, Article, Finding, Location};
use crate::extract::{
    is_month_or_weekday, is_possessive, is_title_or_organisation_word, plural_lemma, Claim, Kind,
    Value,
};
use crate::rules::{FigureRule, Period, Rule};
use crate::span::Span;

/// Qualifiers modify the figure itself ("the remaining $7 billion", "a
/// new $60 million package"), so only words this close count.
const QUALIFIER_WINDOW: usize = 4;

/// Names this close to a figure tell whose it is ("Labour, led by Piet
/// Verhoeven, took 41 seats").
const NAME_WINDOW: usize = 6;

/// A claim that belongs to the rule, with what tells it apart from others.
#[derive(Clone)]
pub(super) struct Mention<'a> {
    pub(super) article: usize,
    pub(super) claim: &'a Claim,
    pub(super) unit: &'a str,
    pub(super) qualifier: Option<&'a str>,
    actor: Option<Cow<'a, str>>,
    /// Whether the actor was written as a proper name ("the Paris Club",
    /// not "the group"): only those anchor a comparison between sources.
    named: bool,
    /// The paragraph the claim stands in.
    block: usize,
    /// The date of the nearest date claim in the window, at month
    /// precision; when there is none, grouping lends one.
    pub(super) when: Option<String>,
    /// Whether `when` was written beside the figure.
    pub(super) dated: bool,
    /// For a rule keyed by head noun, the names written near the figure:
    /// figures of one noun beside different people or bodies are of
    /// different things.
    pub(super) names: Vec<&'a str>,
    /// Whether the figure is given as one the reader already knows ("the
    /// 231 damaged schools", "its 52 seats").
    pub(super) refers_back: bool,
    pub(super) low: f64,
    pub(super) high: f64,
}

/// `stories` are the articles' stories, for a rule comparing articles on
/// one story (`same_story`).
pub fn check(
    rule: &Rule,
    figure: &FigureRule,
    articles: &[Article],
    stories: Option<&Stories>,
) -> Vec<Finding> {
    // Articles are read in parallel; what they give is gathered in their
    // order, so the findings are those of reading them one by one.
    // Between articles on one story, only articles with another on their
    // story have figures worth reading.
    let per_article: Vec<(Vec<Finding>, Vec<Keyed>)> = articles
        .par_iter()
        .enumerate()
        .map(|(index, article)| {
            if stories.is_some_and(|s| s.of(index).is_none()) {
                return Default::default();
            }
            in_article(rule, figure, index, article, articles)
        })
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
    // A pair of groups met under two keys (a day and the next) is reported once.
    let mut reported = BTreeSet::new();
    for groups in across.into_values() {
        let conflicts = match stories {
            Some(stories) => conflicts_on_one_story(&groups, figure, stories, articles),
            None => conflict_between_articles(&groups, &hulls(&groups, figure))
                .map(|(a, b)| ((a, b), vec![a, b]))
                .into_iter()
                .collect(),
        };
        for ((a, b), told) in conflicts {
            let first = |g: &[Mention]| (g[0].article, g[0].claim.span);
            if reported.insert((first(&groups[a]), first(&groups[b]))) {
                let all: Vec<&Mention> = told.iter().flat_map(|&i| &groups[i]).collect();
                findings.push(disagreement(rule, &all, articles, true));
            }
        }
    }
    findings
}

/// `near` cut at the first clause mark after `figure`: a word after the
/// figure qualifies it only within its phrase ("$4.2bn in total"), not in
/// the clause that follows ("to 4.5%, the first cut since 2020").
fn ending_with_clause(text: &str, figure: Span, near: Span) -> Span {
    let after = &text[figure.end()..near.end().max(figure.end())];
    match after.find([',', ';', ':', '—', '–', '(']) {
        Some(at) => Span::new(near.start(), figure.end() + at),
        None => near,
    }
}

/// `figure` widened back over the move that reaches it, the word and the
/// "to" before it: the figure is the level reached, and that word tells of
/// the move, not of the level ("rose to 6.82 metres" is no change, the
/// $96 of "up from $84 last year to $96" is not last year's). Words further
/// back still qualify the level ("projected to rise to 1,500 officers",
/// "the previous total came to $3.84 billion").
fn with_move_to(text: &str, sentence: Span, figure: Span) -> Span {
    let from = sentence.start().min(figure.start());
    let head = text[from..figure.start()].trim_end();
    let to = head.len().checked_sub(2).filter(|&at| {
        head.get(at..).is_some_and(|w| w.eq_ignore_ascii_case("to"))
            && head[..at].ends_with(char::is_whitespace)
    });
    let Some(to) = to else {
        return figure;
    };
    let verb = head[..to].trim_end();
    let start = verb
        .char_indices()
        .rev()
        .find(|(_, c)| c.is_whitespace())
        .map_or(0, |(at, c)| at + c.len_utf8());
    figure.cover(Span::new(from + start, figure.start()))
}

/// The range a group's figures allow together, with the group's index.
type Hull = (usize, (f64, f64));

/// The hulls of the groups whose figures agree.
fn hulls(groups: &[Vec<Mention>], figure: &FigureRule) -> Vec<Hull> {
    groups
        .iter()
        .enumerate()
        .filter_map(|(i, g)| agreed(g, figure).map(|h| (i, h)))
        .collect()
}

/// For each story among the groups under one key: the first two groups,
/// from different articles, that disagree while within a factor of two, as
/// a figure restated wrongly is (see [`of_one_quantity`]), and every group
/// of the story near them, so the finding shows how each source put it
/// ("about 90 flights" on the next morning is another figure).
fn conflicts_on_one_story(
    groups: &[Vec<Mention>],
    figure: &FigureRule,
    stories: &Stories,
    articles: &[Article],
) -> Vec<((usize, usize), Vec<usize>)> {
    let article = |i: usize| groups[i][0].article;
    let mut by_story: BTreeMap<usize, Vec<Hull>> = BTreeMap::new();
    for (i, hull) in hulls(groups, figure) {
        if let Some(story) = stories.of(article(i)) {
            by_story.entry(story).or_default().push((i, hull));
        }
    }
    let near = |a: (f64, f64), b: (f64, f64)| overlap(a, b) || of_one_quantity(a, b);
    by_story
        .into_values()
        .filter_map(|told| {
            let (a, b) = told.iter().enumerate().find_map(|(k, &(i, hi))| {
                told[k + 1..].iter().find_map(|&(j, hj)| {
                    (article(i) != article(j)
                        && !overlap(hi, hj)
                        && of_one_quantity(hi, hj)
                        && may_be_of_one_thing(&groups[i], &groups[j])
                        && !moved_from(&groups[i], &groups[j], articles)
                        && !moved_from(&groups[j], &groups[i], articles))
                    .then_some(((i, hi), (j, hj)))
                })
            })?;
            let shown = told
                .iter()
                .filter(|&&(_, h)| near(h, a.1) || near(h, b.1))
                .map(|&(i, _)| i)
                .collect();
            Some(((a.0, b.0), shown))
        })
        .collect()
}

/// Whether a sentence of the group gives, beside its figure, a figure of
/// the other group: the one the other source gave, as the one this one
/// moved from ("had passed 1,650 signatures by Tuesday evening, up from the
/// 1,200 names presented"), so the two are of different times.
fn moved_from(group: &[Mention], other: &[Mention], articles: &[Article]) -> bool {
    let values: Vec<f64> = other
        .iter()
        .filter_map(|m| m.claim.value.as_number())
        .collect();
    let same = |a: f64, b: f64| (a - b).abs() <= 0.005 * a.abs().max(b.abs());
    group.iter().any(|m| {
        let claims = &articles[m.article].claims;
        let sentence = m.claim.sentence;
        let first = claims.partition_point(|c| c.span.start() < sentence.start());
        claims[first..]
            .iter()
            .take_while(|c| c.span.start() < sentence.end())
            .filter(|c| c.span != m.claim.span)
            .filter_map(|c| c.value.as_number())
            .any(|v| values.iter().any(|&w| same(v, w)))
    })
}

/// The capitalised words of some of a sentence's words that are names: not
/// a month, a weekday, a title, or the sentence's first word.
fn names_in(words: &str, opens_sentence: bool) -> Vec<&str> {
    words
        .split_whitespace()
        .skip(usize::from(opens_sentence))
        .map(|word| {
            let word = word.trim_matches(|c: char| !c.is_alphanumeric());
            word.split(['\'', '’']).next().unwrap_or(word)
        })
        .filter(|word| {
            word.len() > 1
                && word.starts_with(char::is_uppercase)
                && !is_month_or_weekday(word)
                && !is_title_or_organisation_word(word)
        })
        .collect()
}

/// Whether two groups' sentences may be of one thing: not when each names
/// someone the other does not ("the Civic Party won 57 seats" against
/// "Labour, led by Piet Verhoeven, took 41 seats"); a sentence that adds a
/// name to what the other says ("built by Hartwell Construction") may be.
fn may_be_of_one_thing(a: &[Mention], b: &[Mention]) -> bool {
    let names_more = |x: &[Mention], y: &[Mention]| {
        x.iter()
            .flat_map(|m| &m.names)
            .any(|name| !y.iter().any(|m| m.names.contains(name)))
    };
    !(names_more(a, b) && names_more(b, a))
}

pub(super) fn overlap(a: (f64, f64), b: (f64, f64)) -> bool {
    a.0 <= b.1 && b.0 <= a.1
}

/// Whether two groups that disagree may still state one quantity: a
/// figure restated wrongly is off by a digit, a rounding or an update,
/// not by a factor of two or more ("about 40 students" against "31,200
/// students" are two counts that share a noun).
fn of_one_quantity(a: (f64, f64), b: (f64, f64)) -> bool {
    const MOST: f64 = 2.0;
    let (lower, upper) = if a.1 < b.0 { (a.1, b.0) } else { (b.1, a.0) };
    lower > 0.0 && upper / lower < MOST
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
    let mentions = mentions(figure, index, article, &|_| true);
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
        if !figure.same_story
            && group.len() > 1
            && !in_one_sentence
            && agreed(&group, figure).is_none()
        {
            if !figure.head_noun {
                let all: Vec<&Mention> = group.iter().collect();
                findings.push(disagreement(rule, &all, articles, false));
            } else if let Some((a, b)) = restated_wrongly(&group, figure) {
                findings.push(disagreement(rule, &[a, b], articles, false));
            }
            continue;
        }
        let named = figure.same_story || group.iter().any(|m| m.named);
        let Some(actor) = group[0]
            .actor
            .as_deref()
            .filter(|_| named)
            .map(str::to_string)
        else {
            continue;
        };
        // A date written beside the figure pins it; otherwise the
        // publication period does. The two never meet in one key.
        let dated = group
            .iter()
            .find_map(|m| m.dated.then(|| m.when.clone()).flatten());
        let unit = group[0].unit.to_string();
        let qualifier = group[0].qualifier.unwrap_or("").to_string();
        if figure.same_story {
            // Figures of one article that disagree may be of several
            // things ("57 seats" and "41 seats" of two parties): such a
            // group has no hull and is compared with nothing.
            for time in story_times(article, figure.period, dated) {
                let key = (unit.clone(), qualifier.clone(), actor.clone(), time);
                keyed.push((key, group.clone()));
            }
            continue;
        }
        let Some(period) = dated.map(|d| format!("dated {d}")).or_else(|| {
            publication_period(article, figure.period).map(|p| format!("published {p}"))
        }) else {
            continue;
        };
        keyed.push(((unit, qualifier, actor, period), group));
    }
    (findings, keyed)
}

/// The times under which a group of an article is compared with the
/// articles on the same story: the publication period, or with a period of
/// a day, the publication day and the day before (articles a day apart
/// meet). A date written beside the figure is added unless it is the
/// story's own time ("on Saturday", "in October" written in November).
fn story_times(article: &Article, period: Period, dated: Option<String>) -> Vec<String> {
    let day = article.doc.meta.date;
    let periods = match period {
        Period::Day => vec![
            day.map(|d| d.to_string()),
            day.and_then(|d| d.yesterday().ok()).map(|d| d.to_string()),
        ],
        _ => vec![publication_period(article, period)],
    };
    let dated = dated.filter(|when| !is_story_time(article, when));
    periods
        .into_iter()
        .flatten()
        .map(|p| match &dated {
            Some(d) => format!("dated {d}, published {p}"),
            None => format!("published {p}"),
        })
        .collect()
}

/// Whether a date written beside a figure (a month "2025-10" or a year) is
/// the time of the article's story: the publication's year, or its month or
/// one next to it.
fn is_story_time(article: &Article, when: &str) -> bool {
    let Some(published) = article.doc.meta.date else {
        return false;
    };
    let month_number = |year: i32, month: i32| year * 12 + month;
    let mut parts = when.split('-').map(str::parse::<i32>);
    match (parts.next(), parts.next()) {
        (Some(Ok(year)), None) => year == i32::from(published.year()),
        (Some(Ok(year)), Some(Ok(month))) => {
            let now = month_number(published.year().into(), published.month().into());
            (month_number(year, month) - now).abs() <= 1
        }
        _ => false,
    }
}

/// Two groups from different articles whose ranges cannot both hold: the
/// one ending lowest against the one starting highest elsewhere, and the
/// other way round. Groups of one article were kept apart for a reason.
fn conflict_between_articles(groups: &[Vec<Mention>], hulls: &[Hull]) -> Option<(usize, usize)> {
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
pub(super) fn mentions<'a>(
    figure: &'a FigureRule,
    index: usize,
    article: &'a Article,
    keep: &dyn Fn(&Claim) -> bool,
) -> Vec<Mention<'a>> {
    let text = article.doc.text.as_str();
    let dates: Vec<&Claim> = article
        .claims
        .iter()
        .filter(|c| c.kind == Kind::Date)
        .collect();
    let reads_back = figure.head_noun || figure.swapped_digits;
    // The claims of the rule's kinds and units, with whether each takes up
    // a figure given before (read only by rules keyed by head noun or
    // pairing swapped digits). Most
    // claims are of other kinds: turned away before the unit is looked up.
    let in_scope: Vec<(&Claim, &str, bool)> = article
        .claims
        .iter()
        .filter(|claim| figure.scope.kinds.contains(&claim.kind) && keep(claim))
        .filter_map(|claim| {
            let unit = figure.scope.unit_of(claim.kind, claim.unit.as_deref())?;
            Some((claim, unit, reads_back && refers_back(text, claim)))
        })
        .collect();
    // All the rule's figures in the article, before any test: a date
    // beyond one of them is that figure's.
    let figures: Vec<Span> = in_scope
        .iter()
        .filter(|(c, _, _)| c.kind != Kind::Date)
        .map(|(c, _, _)| c.span)
        .collect();
    // Within an article, a rule keyed by head noun reports only a figure
    // taken up again ("the 231 damaged schools"): only the nouns of those
    // are read further.
    let taken_up: Option<HashSet<String>> = (figure.head_noun && !figure.same_story).then(|| {
        in_scope
            .iter()
            .filter(|(_, _, refers_back)| *refers_back)
            .filter_map(|(c, _, _)| subject_head(text, c))
            .collect()
    });
    if taken_up.as_ref().is_some_and(HashSet::is_empty) {
        return Vec::new();
    }
    in_scope
        .into_iter()
        .filter_map(|(claim, unit, refers_back)| {
            let key = match (figure.by_subject, figure.head_noun) {
                (true, true) => Some(subject_head(text, claim)?),
                (true, false) => Some(subject_key(text, claim)?),
                _ => None,
            };
            if taken_up
                .as_ref()
                .is_some_and(|heads| key.as_ref().is_some_and(|k| !heads.contains(k)))
            {
                return None;
            }
            // Of the tests left, those that read no more than a few bytes come first.
            if is_part(text, claim) {
                return None;
            }
            let (low, high) = bounds(claim)?;
            // Compared by head noun, a figure stands for what its digits say:
            // "$4.2 billion" is $4.15 to $4.25 billion, and agrees with "$4.19 billion".
            let rounding = if figure.head_noun {
                rounding(text, claim)
            } else {
                0.0
            };
            let (low, high) = (low - rounding, high + rounding);
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
            let written = span.and_then(|span| nearest_date(text, &dates, &figures, claim, span));
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
                        let near = ending_with_clause(text, claim.span, near);
                        // Where the subject tells figures apart, a word of it
                        // is no qualifier: "a 4.5% pay rise" is a rise, not a
                        // change. Keyed by head noun, only the head is: "the 300
                        // new homes" are new.
                        let reached = with_move_to(text, claim.sentence, claim.span);
                        let figure_and_subject = match claim.subject() {
                            Some(subject) if figure.head_noun => {
                                reached.cover(head_of(text, subject))
                            }
                            Some(subject) if figure.by_subject => reached.cover(subject),
                            _ => reached,
                        };
                        nearest_name(q, text, figure_and_subject, near)
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
                names: if figure.head_noun || figure.swapped_digits {
                    let near = window(text, claim.span, claim.sentence, NAME_WINDOW);
                    let mut names =
                        names_in(near.slice(text), near.start() == claim.sentence.start());
                    // Who gave the figure is not whose it is ("Sheriff Dale
                    // Mercado urged the 11,500 residents").
                    if let Some(speaker) = &claim.speaker {
                        names.retain(|name| !speaker.split_whitespace().any(|w| w == *name));
                    }
                    names
                } else {
                    Vec::new()
                },
                refers_back,
                low,
                high,
            })
        })
        .collect()
}

/// Whether a definite word leads the figure: "the", a possessive ("its",
/// "the university's"), "these" or "those". Such a phrase takes up a
/// quantity the article has given ("With its 52 seats, the Civic Party"),
/// where "won 57 seats" or "all four parties" states one. A place or owner
/// after the noun picks out a part ("the 200 schools in the north", "her
/// 280 teachers at Ridgeview"), and "it's" is no possessive.
fn refers_back(text: &str, claim: &Claim) -> bool {
    let before = &text[claim.sentence.start().min(claim.span.start())..claim.span.start()];
    let definite = before.split_whitespace().next_back().is_some_and(|word| {
        let stem = word.strip_suffix("'s").or_else(|| word.strip_suffix("’s"));
        let contraction = stem.is_some_and(|stem| {
            ["it", "that", "there", "he", "she", "what", "who", "here"]
                .iter()
                .any(|w| stem.eq_ignore_ascii_case(w))
        });
        ["the", "its", "their", "his", "her", "our", "these", "those"]
            .iter()
            .any(|definite| word.eq_ignore_ascii_case(definite))
            || (is_possessive(word) && !contraction)
    });
    let end = claim
        .subject()
        .map_or(claim.span.end(), |s| s.end().max(claim.span.end()));
    let next = text[end..claim.sentence.end().max(end)]
        .split_whitespace()
        .next()
        .map(|w| w.trim_end_matches(|c: char| !c.is_alphanumeric()));
    let part = next.is_some_and(|w| {
        [
            "in", "at", "on", "of", "from", "with", "across", "outside", "inside", "near",
        ]
        .iter()
        .any(|p| w.eq_ignore_ascii_case(p))
    });
    definite && !part
}

/// A claim's subject phrase without its determiners, lowercased. The
/// owner stays: "the city's budget" is not "the school district's budget".
fn subject_key(text: &str, claim: &Claim) -> Option<String> {
    let subject = claim.subject()?.slice(text).to_lowercase();
    let words: Vec<&str> = subject
        .split_whitespace()
        .filter(|w| !is_subject_determiner(w))
        .collect();
    (!words.is_empty()).then(|| words.join(" "))
}

/// The head of a claim's subject phrase, singular and lowercased: "the
/// $4.2bn operating budget" and "a $4.8 billion budget" are both of a
/// budget, "57 seats" and "52 seats" of a seat.
fn subject_head(text: &str, claim: &Claim) -> Option<String> {
    let head = head_of(text, claim.subject()?).slice(text).to_lowercase();
    if head.is_empty() || is_subject_determiner(&head) {
        return None;
    }
    Some(plural_lemma(&head).unwrap_or(head))
}

/// The last word of a subject phrase, where its head stands.
fn head_of(text: &str, subject: Span) -> Span {
    let phrase = subject.slice(text).trim_end();
    let last = phrase.rsplit(char::is_whitespace).next().unwrap_or(phrase);
    let start = subject.start() + phrase.len() - last.len();
    Span::new(start, start + last.len())
}

/// The words a subject phrase's key leaves out.
fn is_subject_determiner(word: &str) -> bool {
    matches!(word, "the" | "a" | "an" | "its" | "their" | "this" | "that")
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

/// Half the place of the last digit written of an unhedged figure with a
/// fraction or a magnitude word ("4.2 billion": 0.05 billion; "€18m": half
/// a million); nothing for whole numbers written out ("13,480"), which are
/// taken as exact.
fn rounding(text: &str, claim: &Claim) -> f64 {
    let Some(value) = claim.value.as_number().filter(|_| claim.hedge.is_none()) else {
        return 0.0;
    };
    let Some(number) = written_number(claim.span.slice(text)) else {
        return 0.0;
    };
    let decimals = number
        .split_once('.')
        .map_or(0, |(_, fraction)| fraction.len());
    let Ok(read) = number.replace(',', "").parse::<f64>() else {
        return 0.0;
    };
    let scale = if read > 0.0 { value / read } else { 1.0 };
    if decimals == 0 && scale < 1.5 {
        return 0.0;
    }
    0.5 * 10f64.powi(-(decimals as i32)) * scale
}

/// The first number written in a figure's text, digits with their
/// separators: "13,480" of "$13,480", "4.2" of "about $4.2bn".
pub(super) fn written_number(written: &str) -> Option<&str> {
    let start = written.find(|c: char| c.is_ascii_digit())?;
    let digits = &written[start..];
    let end = digits
        .find(|c: char| !(c.is_ascii_digit() || c == ',' || c == '.'))
        .unwrap_or(digits.len());
    Some(digits[..end].trim_end_matches(['.', ',']))
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
        .min_by_key(|(found, _)| found.distance(claim))
        .and_then(|(_, matched)| names.canonical(matched).map(|name| (name, matched)))
}

/// Whether a date claim starts in `span`.
fn has_date_in(dates: &[&Claim], span: Span) -> bool {
    let first = dates.partition_point(|d| d.span.start() < span.start());
    dates
        .get(first)
        .is_some_and(|d| d.span.start() < span.end())
}

/// The nearest date claim in the window, as its month ("2024-04") or year,
/// unless another of `figures` stands between (in "21.4 million tonnes this
/// season, down from 29.8 million tonnes last year" the year is the
/// second's) or the date ends a stretch of time ("repairs to the 231
/// schools could run until the end of next year" are not a count of next
/// year).
fn nearest_date(
    text: &str,
    dates: &[&Claim],
    figures: &[Span],
    claim: &Claim,
    span: Span,
) -> Option<String> {
    // A date before the figures ("In 2022, the county had 40 schools and
    // 12,000 pupils") is all of theirs.
    let figure_between = |date: Span| {
        let (from, to) = (claim.span.end(), date.start());
        // Figures are in text order: the first starting at `from` is the one to test.
        let first = figures.partition_point(|f| f.start() < from);
        date.start() >= claim.span.end() && figures.get(first).is_some_and(|f| f.end() <= to)
    };
    // Dates are in text order: only those inside the window are looked at.
    let first = dates.partition_point(|d| d.span.start() < span.start());
    dates[first..]
        .iter()
        .take_while(|d| d.span.start() < span.end())
        .filter(|d| d.span != claim.span && d.span.end() <= span.end())
        .filter(|d| !figure_between(d.span) && !ends_a_stretch(text, span, d.span))
        .min_by_key(|d| d.span.distance(claim.span))
        .and_then(|d| match &d.value {
            Value::Text(iso) if iso.contains("-W") => {
                when::range(iso).map(|(first, _)| first.strftime("%Y-%m").to_string())
            }
            Value::Text(iso) => Some(iso.chars().take(7).collect()),
            _ => None,
        })
}

/// Whether "until" or "till" leads a date, a few words before it in its
/// clause ("until the end of next year"); `within` bounds the words read.
fn ends_a_stretch(text: &str, within: Span, date: Span) -> bool {
    const LEAD_WORDS: usize = 4;
    let before = &text[within.start().min(date.start())..date.start()];
    // The clause marks are ASCII: the cut is on a char boundary.
    let clause = before
        .rfind([',', ';'])
        .map_or(before, |at| &before[at + 1..]);
    clause
        .split_whitespace()
        .rev()
        .take(LEAD_WORDS)
        .any(|word| word.eq_ignore_ascii_case("until") || word.eq_ignore_ascii_case("till"))
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

/// The first two figures of an article's group, in different sentences,
/// that disagree while the second takes up the first restated wrongly: it
/// refers back ("With its 52 seats, the Civic Party" after "the Civic Party
/// won 57 seats"), within a factor of two, beside no different names.
fn restated_wrongly<'g, 'a>(
    group: &'g [Mention<'a>],
    figure: &FigureRule,
) -> Option<(&'g Mention<'a>, &'g Mention<'a>)> {
    let ranges: Vec<(f64, f64)> = group.iter().map(|m| widened(m, figure)).collect();
    (0..group.len()).find_map(|i| {
        (i + 1..group.len()).find_map(|j| {
            let (a, b) = (&group[i], &group[j]);
            (b.refers_back
                && a.claim.sentence != b.claim.sentence
                && !overlap(ranges[i], ranges[j])
                && of_one_quantity(ranges[i], ranges[j])
                && may_be_of_one_thing(std::slice::from_ref(a), std::slice::from_ref(b)))
            .then_some((a, b))
        })
    })
}

/// The range every mention of the group allows, or `None` when they conflict.
fn agreed(group: &[Mention], figure: &FigureRule) -> Option<(f64, f64)> {
    let ranges: Vec<(f64, f64)> = group.iter().map(|m| widened(m, figure)).collect();
    intersect(&ranges)
}

/// The range a mention allows, widened by half the tolerance, so two
/// figures agree when they are at most one tolerance apart.
fn widened(m: &Mention, figure: &FigureRule) -> (f64, f64) {
    let t = figure.tolerance;
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
}

fn intersect(ranges: &[(f64, f64)]) -> Option<(f64, f64)> {
    let low = ranges.iter().map(|r| r.0).fold(f64::NEG_INFINITY, f64::max);
    let high = ranges.iter().map(|r| r.1).fold(f64::INFINITY, f64::min);
    (low <= high).then_some((low, high))
}

/// Values listed in a message; the locations still hold every figure.
const MAX_LISTED: usize = 10;

pub(super) fn disagreement(
    rule: &Rule,
    group: &[&Mention],
    articles: &[Article],
    across: bool,
) -> Finding {
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
