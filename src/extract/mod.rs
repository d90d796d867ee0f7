//! Claim extraction: from a document's masked text to typed, span-exact
//! claims. One module per claim kind; `figure` runs them over each sentence,
//! `quote` and `speaker` find quotations and who said them.

pub mod claim;
mod context;
mod count;
mod date;
mod duration;
mod figure;
mod hedge;
mod lexicon;
mod measure;
mod money;
mod number;
mod percent;
mod quote;
mod ratio;
mod speaker;
pub mod units;
mod word_bytes;
mod words;

use std::ops::Range;
use std::sync::{Arc, LazyLock};

use memchr::memmem::Finder;

use crate::document::{sentences, Document};
use crate::span::Span;
pub use claim::{Change, Claim, Hedge, Interval, Kind, Value};
use context::{Buffers, Sentence};
pub use count::plural_lemma;
pub use date::{is_month_or_weekday, names_month_or_weekday};
pub use lexicon::is_possessive;
use quote::Quotation;
pub use speaker::is_title_or_organisation_word;
use speaker::{Attribution, Speakers};
use word_bytes::WordBytes;
use words::is_capitalized;
pub use words::is_letter;

/// Every claim in the document, ordered by position.
pub fn extract(doc: &Document) -> Vec<Claim> {
    extract_kept(doc, &|_| true)
}

/// The claims of the document that `keep` keeps, ordered by position: those
/// of [`extract`], as every claim is still found (a quotation may take its
/// speaker from the one before it) and the others are left out at the end.
pub fn extract_kept(doc: &Document, keep: &dyn Fn(&Claim) -> bool) -> Vec<Claim> {
    let text = doc.text.as_str();
    let lower = text.to_ascii_lowercase();
    let word_bytes = WordBytes::new(text.as_bytes());
    let sentence_spans = sentences::split(text, &doc.blocks);
    let quotes = quote::find(text, &doc.blocks);
    let quoted = QuotedText::new(&quotes);
    let mut speakers = Speakers::default();
    // News text holds a figure every 100 to 200 bytes: room made once, not
    // by doubling a list of claims (this list is dropped once merged).
    let mut claims = Vec::with_capacity(text.len() / 64);
    let mut quote_claims: Vec<Claim> = Vec::with_capacity(quotes.len());
    // Each sentence seen, with the range of its attributions in `found`.
    let mut seen: Vec<(Span, Range<usize>)> = Vec::with_capacity(sentence_spans.len());
    let mut found: Vec<Attribution> = Vec::new();
    let mut next_quote = 0;

    let mut buffers = Buffers::for_sentences(&sentence_spans);
    for &span in &sentence_spans {
        let s = Sentence::reusing(buffers, text, &lower, &word_bytes, span, doc.meta.date);
        speakers.observe(&s);
        // Verbs inside a quotation are the quoted person's words, not attributions.
        let first_found = found.len();
        found.extend(speaker::attributions(&s).filter(|a| !quoted.contains(a.verb.start())));
        let sentence_speaker = found[first_found..]
            .first()
            .and_then(|a| speakers.resolve(a.phrase.slice(text)));

        let first_of_sentence = claims.len();
        figure::scan(&s, &mut claims);
        for at in first_of_sentence..claims.len() {
            let (before, found) = claims.split_at_mut(at);
            let claim = &mut found[0];
            claim.sentence = span;
            claim.speaker = sentence_speaker.clone();
            if is_figure(claim.kind) {
                claim.change = s.change_around(claim.span.start(), claim.span.end());
            }
            if claim.subject().is_none() {
                if let Some(subject) = subject_of(&s, claim) {
                    claim.set_subject(subject);
                }
            }
            if claim.kind == Kind::Count && claim.unit.is_none() {
                // A bare number set against a figure, or right after it,
                // counts what that figure counted: "12 cases, up from 8",
                // "rose to 15", "146 seats, five short of a majority".
                let counted = before[first_of_sentence..]
                    .iter()
                    .rev()
                    .find(|c: &&Claim| c.kind == Kind::Count && c.unit.is_some());
                let set_against = |c: &&Claim| {
                    compares(&s, claim.span)
                        || text
                            .get(c.span.end()..claim.span.start())
                            .is_some_and(|between| between.trim() == ",")
                };
                claim.unit = counted.filter(set_against).and_then(|c| c.unit.clone());
            }
        }
        seen.push((span, first_found..found.len()));
        buffers = s.into_buffers();

        while next_quote < quotes.len() && quotes[next_quote].span.end() <= span.end() {
            let q = quotes[next_quote];
            let speaker = quote_attribution(text, q, &seen, &found)
                .and_then(|phrase| speakers.resolve(phrase.slice(text)))
                .or_else(|| {
                    inherited_speaker(doc, &quotes, next_quote, &quote_claims, &seen, &found)
                });
            let value = collapse_spaces(q.inner.slice(text));
            let mut claim = Claim::new(Kind::Quote, q.span, Value::Text(value));
            claim.sentence = sentence_of(&seen, q.span.start()).map_or(span, |s| s.cover(span));
            claim.speaker = speaker;
            quote_claims.push(claim);
            next_quote += 1;
        }
    }
    // Figures inside a quotation are the quoted speaker's.
    let enclosers = Enclosers::new(quote_claims.iter().map(|q| q.span).collect());
    for claim in &mut claims {
        if let Some(q) = enclosers.first_around(claim.span) {
            claim.speaker = quote_claims[q].speaker.clone();
        }
    }
    // In HTML a claim may start or end on the stand-in of a character
    // reference (`&ldquo;`); its span takes the whole reference.
    for claim in claims.iter_mut().chain(&mut quote_claims) {
        claim.span = doc.widen(claim.span);
        claim.sentence = doc.widen(claim.sentence);
    }
    merged(claims, quote_claims, keep)
}

/// The claims of two lists that `keep` keeps, in one list ordered by
/// position and made to measure: an article's claims are held until the
/// report with no room to spare. Each list comes in order (but for the odd
/// widened span), so the stable sort is one merge of two runs.
fn merged(
    mut figures: Vec<Claim>,
    mut quotes: Vec<Claim>,
    keep: &dyn Fn(&Claim) -> bool,
) -> Vec<Claim> {
    figures.retain(keep);
    quotes.retain(keep);
    let mut all = Vec::with_capacity(figures.len() + quotes.len());
    all.extend(figures);
    all.extend(quotes);
    all.sort_by_key(|c| (c.span, c.kind));
    all
}

/// Whether the words around `span` set the figure there against another:
/// "from", "to", "than", "with" ("compared with"), "versus", "against",
/// "or", "and", "but", "while" before it ("12 were killed and 40
/// injured"), or "more" or "others" after it ("damaged 500 more").
fn compares(s: &Sentence, span: Span) -> bool {
    let i = s.tokens.partition_point(|t| t.span.end() <= span.start());
    let before = s.word_before(i).is_some_and(|word| {
        matches!(
            word,
            "from"
                | "to"
                | "than"
                | "with"
                | "versus"
                | "vs"
                | "against"
                | "or"
                | "and"
                | "but"
                | "while"
        )
    });
    let next = s.tokens.partition_point(|t| t.span.start() < span.end());
    let after = s
        .words
        .get(next)
        .is_some_and(|&word| matches!(word, "more" | "others"));
    before || after
}

/// The noun phrase a figure or length of time is about: the one after it
/// ("a $4.2bn budget"), else the one it is linked to before it ("turnout
/// was 64%", "the median wait was 18 weeks"). A count's noun is its unit,
/// so only a bare number is linked ("a crowd of 61,482").
fn subject_of(s: &Sentence, claim: &Claim) -> Option<Span> {
    let (start, end) = (claim.span.start(), claim.span.end());
    match claim.kind {
        Kind::Count if claim.unit.is_none() => s.subject_before(start),
        // "4.2% of patients" is a share of a population, which other
        // shares of it ("93% of patients") need not match: no subject.
        Kind::Percent if s.population_after(end) => None,
        Kind::Money | Kind::Percent | Kind::Measure => {
            s.subject_after(end).or_else(|| s.subject_before(start))
        }
        Kind::Duration => s.subject_before(start),
        _ => None,
    }
}

fn is_figure(kind: Kind) -> bool {
    matches!(
        kind,
        Kind::Money | Kind::Percent | Kind::Count | Kind::Measure
    )
}

/// `text` with each run of whitespace made one space, and none at the ends.
fn collapse_spaces(text: &str) -> String {
    // Most quotations are already so: copied whole.
    if is_collapsed(text) {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// Whether `text` is as [`collapse_spaces`] leaves it: words parted by single
/// plain spaces. Each test is a vector search through the whole text, far
/// cheaper than reading it byte by byte.
fn is_collapsed(text: &str) -> bool {
    static DOUBLE_SPACE: LazyLock<Finder<'static>> = LazyLock::new(|| Finder::new("  "));
    let bytes = text.as_bytes();
    let plain_spaces = !bytes.starts_with(b" ")
        && !bytes.ends_with(b" ")
        && DOUBLE_SPACE.find(bytes).is_none()
        && memchr::memchr3(b'\t', b'\n', b'\r', bytes).is_none()
        && memchr::memchr2(0x0B, 0x0C, bytes).is_none();
    // Whitespace beyond ASCII starts with one of these lead bytes, each at a
    // char boundary: only there is a character decoded.
    let no_wide_space = || {
        memchr::memchr3_iter(0xC2, 0xE2, 0xE3, bytes)
            .chain(memchr::memchr_iter(0xE1, bytes))
            .all(|at| !text[at..].starts_with(char::is_whitespace))
    };
    plain_spaces && (text.is_ascii() || no_wide_space())
}

/// The parts of the text inside quotation marks, merged and in order, so
/// that "is this offset quoted?" is a binary search.
struct QuotedText(Vec<Span>);

impl QuotedText {
    fn new(quotes: &[Quotation]) -> QuotedText {
        let mut spans: Vec<Span> = quotes.iter().map(|q| q.span).collect();
        spans.sort();
        let mut merged: Vec<Span> = Vec::with_capacity(spans.len());
        for span in spans {
            match merged.last_mut() {
                Some(last) if span.start() < last.end() => *last = last.cover(span),
                _ => merged.push(span),
            }
        }
        QuotedText(merged)
    }

    fn contains(&self, offset: usize) -> bool {
        let i = self.0.partition_point(|s| s.end() <= offset);
        self.0.get(i).is_some_and(|s| s.contains(offset))
    }
}

/// Quotation spans in order of start, with the furthest end reached so far,
/// to find the quotation a claim sits in by binary search.
struct Enclosers {
    spans: Vec<Span>,
    reach: Vec<usize>,
}

impl Enclosers {
    fn new(spans: Vec<Span>) -> Enclosers {
        let reach = spans
            .iter()
            .scan(0, |furthest, s| {
                *furthest = s.end().max(*furthest);
                Some(*furthest)
            })
            .collect();
        Enclosers { spans, reach }
    }

    /// The first span that starts before `inner` and ends at or after its end.
    fn first_around(&self, inner: Span) -> Option<usize> {
        let before = self.spans.partition_point(|s| s.start() < inner.start());
        let first = self.reach[..before].partition_point(|&end| end < inner.end());
        (first < before).then_some(first)
    }
}

/// The sentences of `seen` (in order, disjoint) that share text with `span`
/// or hold its start. A quotation is placed as soon as its last sentence is
/// seen, so its sentences are the last few: the search runs back from the end.
fn touching(seen: &[(Span, Range<usize>)], span: Span) -> &[(Span, Range<usize>)] {
    let after = seen
        .iter()
        .rev()
        .take_while(|(s, _)| s.start() > span.end());
    let to = seen.len() - after.count();
    let sharing = seen[..to]
        .iter()
        .rev()
        .take_while(|(s, _)| s.end() >= span.start());
    &seen[to - sharing.count()..to]
}

fn sentence_of(seen: &[(Span, Range<usize>)], offset: usize) -> Option<Span> {
    touching(seen, Span::new(offset, offset))
        .iter()
        .map(|(s, _)| *s)
        .find(|s| s.start() <= offset && offset < s.end().max(s.start() + 1))
}

/// The speaker phrase of a quotation: a verb right after the closing mark
/// ("…,” Quinlan said), else right before the opening one (Okonjo said, “…”).
fn quote_attribution(
    text: &str,
    q: Quotation,
    seen: &[(Span, Range<usize>)],
    found: &[Attribution],
) -> Option<Span> {
    let sentences = touching(seen, q.span);
    let attributions = || {
        sentences
            .iter()
            .filter(|(s, _)| s.overlaps(q.span) || s.contains(q.span.start()))
            .flat_map(|(_, a)| &found[a.clone()])
    };
    let no_quote_between = |from: usize, to: usize| !text[from..to].contains(['“', '”', '"', '‘']);
    // Partial quotations joined in one sentence share the attribution after them.
    let after = attributions()
        .filter(|a| a.verb.start() >= q.span.end())
        .min_by_key(|a| a.verb.start());
    if let Some(a) = after {
        return Some(a.phrase);
    }
    let nearest = attributions()
        .filter(|a| {
            a.verb.end() <= q.span.start()
                && a.phrase.end() <= q.span.start()
                && no_quote_between(a.verb.end(), q.span.start())
        })
        .max_by_key(|a| a.verb.end())?;
    // An attribution to no one named, reported by an earlier one, is part
    // of what that one says when the quotation is a fragment further on:
    // in "Haugland said crews had complained about the drainage “…”" the
    // words are his. A quotation right after the verb (and its listener)
    // is what was said: "her doctor told her “…”", "residents warned “…”".
    // A name keeps its words: "told reporters that Okafor said “…”".
    let words_between = text[nearest.verb.end()..q.span.start()]
        .split_whitespace()
        .count();
    let names_no_one =
        words_between > 2 && !nearest.phrase.slice(text).split(' ').any(is_capitalized);
    let reporting = attributions().find(|a| {
        names_no_one
            && a.verb.end() <= nearest.phrase.start()
            && !text[a.verb.end()..nearest.phrase.start()]
                .contains([',', ';', ':', '“', '”', '"', '—', '('])
    });
    Some(reporting.unwrap_or(nearest).phrase)
}

/// A quotation standing on its own continues the last quoted speaker: the
/// previous quotation in its paragraph, or in the paragraph before when the
/// quotation opens its own.
fn inherited_speaker(
    doc: &Document,
    quotes: &[Quotation],
    index: usize,
    done: &[Claim],
    seen: &[(Span, Range<usize>)],
    found: &[Attribution],
) -> Option<Arc<str>> {
    let q = quotes[index];
    let previous = done.last()?;
    let speaker = previous.speaker.as_ref()?;
    let (here, there) = (
        doc.block_at(q.span.start())?,
        doc.block_at(previous.span.start())?,
    );
    let opens_block = doc.blocks[here].start() == q.span.start();
    let continues = here == there || (opens_block && here == there + 1);
    // Silent, or speaking only before the previous quotation, which this
    // one goes on from: "X said that A “…” and that B “…”".
    let quiet_since_previous = || {
        touching(seen, q.span)
            .iter()
            .filter(|(s, _)| s.overlaps(q.span))
            .all(|(_, a)| {
                found[a.clone()]
                    .iter()
                    .all(|a| a.verb.end() <= previous.span.start())
            })
    };
    (continues && quiet_since_previous()).then(|| speaker.clone())
}

#[cfg(test)]
mod tests {
    use super::{collapse_spaces, extract, merged, Claim, Hedge, Kind, Value};
    use crate::document::{Document, Format, Meta};
    use crate::span::Span;

    /// A change "from X to Y" is two figures of the unit or noun after the
    /// second, up or down, never a ratio of X to Y.
    #[test]
    fn a_change_from_one_figure_to_another_is_two_figures() {
        let text = "Ridership fell from 1,420 to 1,240 riders a day. \
                    Membership rose from 57 to 64 countries. \
                    The rate fell from 10 to 5 percent. \
                    The rebels outnumber them 3 to 1. \
                    Their edge grew from 5 to 1 to 10 to 1.";
        let doc = Document::parse("t.txt".into(), text.into(), Format::Text, Meta::default())
            .expect("plain text parses");
        let claims: Vec<(Kind, &str, Option<String>)> = extract(&doc)
            .into_iter()
            .map(|c| (c.kind, c.span.slice(text), c.unit.map(|u| u.into_owned())))
            .collect();
        let unit = |u: &str| Some(u.to_string());
        assert_eq!(
            claims,
            [
                (Kind::Count, "1,420", unit("rider-per-day")),
                (Kind::Count, "1,240 riders a day", unit("rider-per-day")),
                (Kind::Count, "57", unit("country")),
                (Kind::Count, "64 countries", unit("country")),
                (Kind::Percent, "10", unit("percent")),
                (Kind::Percent, "5 percent", unit("percent")),
                (Kind::Ratio, "3 to 1", unit("ratio")),
                (Kind::Ratio, "5 to 1", unit("ratio")),
                (Kind::Ratio, "10 to 1", unit("ratio")),
            ]
        );
    }

    /// A bare number takes the unit of the count before it only when set
    /// against it ("up from 8") or right after it ("146 seats, five short").
    #[test]
    fn a_bare_number_counts_what_it_is_set_against() {
        let text = "The county reported 12 cases, up from 8. \
                    We ran 61 sprints past 9 quietly. \
                    At least 12 people were killed and 40 injured. \
                    The parties hold 146 seats, five short of a majority.";
        let doc = Document::parse("t.txt".into(), text.into(), Format::Text, Meta::default())
            .expect("plain text parses");
        let unit_of = |figure: &str| {
            extract(&doc)
                .into_iter()
                .find(|c| c.span.slice(text) == figure)
                .map(|c| c.unit.map(|u| u.into_owned()))
        };
        assert_eq!(unit_of("8"), Some(Some("case".to_string())));
        assert_eq!(unit_of("9"), Some(None));
        assert_eq!(unit_of("40"), Some(Some("person".to_string())));
        assert_eq!(unit_of("five"), Some(Some("seat".to_string())));
    }

    /// What the tests below read of a claim.
    struct Read {
        text: String,
        kind: Kind,
        value: String,
        unit: Option<String>,
        hedge: Option<Hedge>,
        speaker: Option<String>,
    }

    /// The claims of `text`, published on `date`, in order.
    fn read(text: &str, date: &str) -> Vec<Read> {
        let meta = Meta {
            source: None,
            date: Some(date.parse().expect("a date")),
        };
        let doc = Document::parse("t.txt".into(), text.into(), Format::Text, meta)
            .expect("plain text parses");
        extract(&doc)
            .into_iter()
            .map(|c| Read {
                text: c.span.slice(text).to_string(),
                kind: c.kind,
                value: match &c.value {
                    Value::Number(n) => n.to_string(),
                    Value::Text(t) => t.clone(),
                    Value::Unknown => String::new(),
                },
                unit: c.unit.map(|u| u.into_owned()),
                hedge: c.hedge,
                speaker: c.speaker.map(|s| s.to_string()),
            })
            .collect()
    }

    /// Corrections of over-broad readings: "could not" looks back, a
    /// score no clock shows is a score, "or so-called" and "or more than"
    /// hedge nothing, a mark for left-out digits opens no quotation.
    #[test]
    fn readings_kept_narrow() {
        let claims = read(
            "Police could not say on Thursday how many were hurt. \
             The IMF projected in October that growth would slow. \
             The Lakers won 98:87 on Sunday. \
             Sales rose 5% or more than double the target.\n\n\
             Trade has been slow since the ‘90s, shop owner Jan Botha said, and 40 shops have closed.\n\n\
             ‘We are struggling,’ he said.",
            "2026-06-15",
        );
        let read: Vec<(&str, &str, Option<Hedge>)> = claims
            .iter()
            .map(|c| (c.text.as_str(), c.value.as_str(), c.hedge))
            .collect();
        assert_eq!(
            read,
            [
                ("on Thursday", "2026-06-11", None),
                ("in October", "2025-10", None),
                ("98:87", "98-87", None),
                ("on Sunday", "2026-06-14", None),
                ("5%", "5", None),
                ("40 shops", "40", None),
                ("‘We are struggling,’", "We are struggling,", None),
            ]
        );
        assert_eq!(claims[6].speaker.as_deref(), Some("Jan Botha"));
    }

    /// "two weeks ago" is a week, at the precision of its unit; "into"
    /// shows a bare month is a date.
    #[test]
    fn weeks_ago_and_months_into() {
        let claims = read(
            "The cases reflect exposures from two weeks ago. It could run into June.",
            "2025-03-12",
        );
        let read: Vec<(&str, &str)> = claims
            .iter()
            .map(|c| (c.text.as_str(), c.value.as_str()))
            .collect();
        assert_eq!(read, [("two weeks ago", "2025-W09"), ("June", "2025-06")]);
    }

    /// Spreads, fractions, classes, basis points and crowns: "over" before
    /// a length of time it is spread across hedges nothing, fractions and
    /// numbered classes are no counts.
    #[test]
    fn spreads_fractions_classes_and_more_currencies() {
        let claims = read(
            "It will cost £118m over two years, after talks that lasted over a year. \
             About two-thirds of patients, and two thirds of nurses, had type 2 diabetes. \
             Profits rose for three straight quarters. \
             The bank cut rates by 25 basis points. \
             Sales reached about 38 billion Danish crowns. \
             Nights fell below minus 5C after a magnitude 7.1 quake. \
             Two C-130J aircraft flew to 52 overseas markets. \
             Artists keep 15% to 20% of it, at 20C-25C. \
             It hires 40 to 45 recruits to cut emissions below 2019 levels. \
             Earnings were 26 cents a share. It takes three or four years. \
             It paid 45 US cents a share, a little over 4.5 hours.",
            "2025-11-06",
        );
        let figures: Vec<(&str, Kind, Option<&str>, Option<Hedge>)> = claims
            .iter()
            .map(|c| (c.text.as_str(), c.kind, c.unit.as_deref(), c.hedge))
            .collect();
        let below = claims.iter().find(|c| c.text.contains("minus"));
        assert_eq!(below.map(|c| c.value.as_str()), Some("-5"));
        assert_eq!(
            figures,
            [
                ("£118m", Kind::Money, Some("GBP"), None),
                ("two years", Kind::Duration, Some("year"), None),
                (
                    "over a year",
                    Kind::Duration,
                    Some("year"),
                    Some(Hedge::MoreThan)
                ),
                (
                    "three straight quarters",
                    Kind::Count,
                    Some("quarter"),
                    None
                ),
                ("25 basis points", Kind::Percent, Some("basis-point"), None),
                (
                    "about 38 billion Danish crowns",
                    Kind::Money,
                    Some("DKK"),
                    Some(Hedge::About)
                ),
                (
                    "below minus 5C",
                    Kind::Measure,
                    Some("degree-celsius"),
                    Some(Hedge::LessThan)
                ),
                ("magnitude 7.1", Kind::Measure, Some("magnitude"), None),
                ("52 overseas markets", Kind::Count, Some("market"), None),
                ("15% to 20%", Kind::Percent, Some("percent"), None),
                ("20C-25C", Kind::Measure, Some("degree-celsius"), None),
                ("40 to 45 recruits", Kind::Count, Some("recruit"), None),
                ("2019", Kind::Date, None, None),
                ("26 cents", Kind::Money, Some("USD"), None),
                ("three or four years", Kind::Duration, Some("year"), None),
                ("45 US cents", Kind::Money, Some("USD"), None),
                (
                    "a little over 4.5 hours",
                    Kind::Duration,
                    Some("hour"),
                    Some(Hedge::MoreThan)
                ),
            ]
        );
    }

    /// Figures as news writes them in other places and trades: rand, clock
    /// times, a scale written once for a range, a hedge before "another",
    /// "one-day", yields per hectare.
    #[test]
    fn figures_of_many_trades() {
        let claims = read(
            "Maize fell to R4,150 a tonne, and R850m was set aside. \
             Shares closed by the 4:30 p.m. bell. \
             Exporters expect to ship between 2.5 and 3 million tonnes. \
             It will take at least another two years. \
             Staff staged a one-day walkout. \
             Farmers harvested about 7.5 tonnes per hectare. \
             Homes sold for $1m or more. \
             The lava flowed within the last 10,000 years. \
             The final lasted 2 hours 4 minutes. \
             The tailwind was 1.2 metres per second on grains of 0.8 to 1.2 micrometres. \
             The world No. 11 won.",
            "2024-11-14",
        );
        let figures: Vec<(&str, &str, Option<&str>, Option<Hedge>)> = claims
            .iter()
            .map(|c| {
                (
                    c.text.as_str(),
                    c.value.as_str(),
                    c.unit.as_deref(),
                    c.hedge,
                )
            })
            .collect();
        assert_eq!(
            figures,
            [
                ("R4,150", "4150", Some("ZAR"), None),
                ("R850m", "850000000", Some("ZAR"), None),
                (
                    "between 2.5 and 3 million tonnes",
                    "2500000",
                    Some("tonne"),
                    None
                ),
                (
                    "at least another two years",
                    "2",
                    Some("year"),
                    Some(Hedge::AtLeast)
                ),
                ("one-day", "1", Some("day"), None),
                (
                    "about 7.5 tonnes per hectare",
                    "7.5",
                    Some("tonne-per-hectare"),
                    Some(Hedge::About)
                ),
                ("$1m or more", "1000000", Some("USD"), Some(Hedge::AtLeast)),
                (
                    "within the last 10,000 years",
                    "10000",
                    Some("year"),
                    Some(Hedge::AtMost)
                ),
                (
                    "2 hours 4 minutes",
                    &format!("{}", 2.0 + 4.0 / 60.0),
                    Some("hour"),
                    None
                ),
                (
                    "1.2 metres per second",
                    "1.2",
                    Some("metre-per-second"),
                    None
                ),
                ("0.8 to 1.2 micrometres", "0.8", Some("micrometre"), None),
            ]
        );
    }

    /// The tense that places a weekday or month: irregular past verbs,
    /// modals and forecasts, intentions, the present, and "since", which
    /// looks back.
    #[test]
    fn tense_words_place_days_and_months() {
        let date_of = |sentence: &str| {
            read(sentence, "2025-09-11")
                .into_iter()
                .find(|c| c.kind == Kind::Date)
                .map(|c| c.value)
        };
        // 2025-09-11 is a Thursday.
        for (sentence, date) in [
            ("Prices fell in January.", "2025-01"),
            ("Rivers could keep rising until Saturday.", "2025-09-13"),
            ("More rain was forecast through Friday.", "2025-09-12"),
            (
                "Game 5 is Wednesday night, where they have not lost.",
                "2025-09-10",
            ),
            (
                "The index will hit its highest level since March.",
                "2025-03",
            ),
            ("The rally will be held on Monday.", "2025-09-15"),
            // A month is placed by its own clause: the verb after the comma
            // does not move it a year back.
            (
                "It is cleared for launch on Oct. 2, managers said.",
                "2025-10-02",
            ),
            ("Rates it expects to fall by March helped.", "2026-03"),
            // What was hoped, voted or foreseen lies ahead, and a hedge
            // does not hide "until".
            (
                "She said they hoped to hire 40 officers by the end of June.",
                "2026-06",
            ),
            ("Staff voted to stage walkouts from Tuesday.", "2025-09-16"),
            (
                "Analysts said prices were unlikely to ease before May.",
                "2026-05",
            ),
            (
                "Schools were closed until at least October 1.",
                "2025-10-01",
            ),
            // "votes to" is a tally, not an intention.
            (
                "The bill passed on Wednesday by 84 votes to 71.",
                "2025-09-10",
            ),
        ] {
            assert_eq!(date_of(sentence).as_deref(), Some(date), "{sentence}");
        }
    }

    /// Who speaks: past a plural's possessive in an appositive, through a
    /// name joined by "for", and over a speech verb another one reports.
    #[test]
    fn speakers_past_possessives_joiners_and_reported_verbs() {
        let speakers = |text: &str| -> Vec<Option<String>> {
            read(text, "2025-01-22")
                .into_iter()
                .filter(|c| c.kind == Kind::Quote)
                .map(|c| c.speaker)
                .collect()
        };
        assert_eq!(
            speakers(
                "Sarah Mbeki, who chairs the Parents' Forum, said her son was worried. \
                 \"We back the teachers,\" she said."
            ),
            [Some("Sarah Mbeki".to_string())]
        );
        assert_eq!(
            speakers(
                "\"Strikes do not help pupils,\" said a Department for Education spokesperson."
            ),
            [Some("a Department for Education spokesperson".to_string())]
        );
        assert_eq!(
            speakers(
                "Anders Haugland, who chairs the pilots’ union, said crews had complained \
                 about the drainage “at least three times since 2022.”"
            ),
            [Some("Anders Haugland".to_string())]
        );
        // A second quotation the same verb governs, and organisations
        // named by words a person's name never ends in.
        assert_eq!(
            speakers(
                "The British Retail Consortium said the strikes would “hurt the very \
                 passengers” and that its offer was “the best the industry can afford.”"
            ),
            [
                Some("the British Retail Consortium".to_string()),
                Some("the British Retail Consortium".to_string())
            ]
        );
        // A phrase a preposition opens, or a figure ends, names no one.
        assert_eq!(
            speakers(
                "Under a pilot arrangement agreed last month, ministers call it “one in, one out”."
            ),
            [None]
        );
        // Right after the verb and its listener, the words are the one told of.
        assert_eq!(
            speakers("Okafor said her doctor told her “you will never walk again.”"),
            [Some("her doctor".to_string())]
        );
    }

    /// The speaker a figure's sentence gives, read past what stands between
    /// a subject and its verb, and never a passive's auxiliary, a noun in
    /// -ing, a time, a number or a thing named.
    #[test]
    fn speakers_of_figures_are_people_or_bodies() {
        let speaker_of = |sentence: &str| {
            read(sentence, "2025-08-14")
                .into_iter()
                .find(|c| c.kind != Kind::Quote)
                .and_then(|c| c.speaker)
        };
        for (sentence, speaker) in [
            ("Inspectors have now confirmed 305 homes destroyed.", Some("Inspectors")),
            ("No deaths have been reported among 2,000 residents.", None),
            ("The service issued a red flag warning through Thursday.", None),
            ("The drug, called orvesiran, cut events by 6.1%.", None),
            ("The extension, announced on Monday, adds 21 days and six clinics.", None),
            ("Damage was $87 million, a figure officials said would rise.", Some("officials")),
            ("Prosecutors in the capital said 12 people were held.", Some("Prosecutors in the capital")),
            ("Savers' groups warned that 40,000 retirees would lose out.", Some("Savers' groups")),
            (
                "Chief Renata Olszewski, who earlier in the week warned of three fronts, was hopeful.",
                Some("Renata Olszewski"),
            ),
            (
                "Rates fell, and UK Finance, the trade body, said borrowers faced £1,100 more.",
                Some("UK Finance"),
            ),
        ] {
            assert_eq!(speaker_of(sentence).as_deref(), speaker, "{sentence}");
        }
    }

    /// Merging gives what sorting both lists together by position would,
    /// a list out of order (a widened span) included; with a filter, the
    /// claims it keeps, in a list made to measure.
    #[test]
    fn merged_claims_are_in_order_of_position() {
        let claim = |kind, start, end| Claim::new(kind, Span::new(start, end), Value::Number(0.0));
        let figures = vec![
            claim(Kind::Count, 2, 5),
            claim(Kind::Money, 30, 40),
            claim(Kind::Date, 20, 24),
        ];
        let quotes = vec![claim(Kind::Quote, 10, 50), claim(Kind::Quote, 60, 70)];
        let mut sorted: Vec<Claim> = figures.iter().chain(&quotes).cloned().collect();
        sorted.sort_by_key(|c| (c.span.start(), c.span.end(), c.kind));
        let all = merged(figures.clone(), quotes.clone(), &|_| true);
        assert_eq!(all, sorted);
        let dates = merged(figures, quotes, &|c| c.kind == Kind::Date);
        assert_eq!(dates, [claim(Kind::Date, 20, 24)]);
        assert_eq!(dates.capacity(), 1, "the list is made to measure");
    }

    #[test]
    fn whitespace_runs_become_one_space() {
        assert_eq!(collapse_spaces("we will win"), "we will win");
        assert_eq!(collapse_spaces(" we  will\n\twin "), "we will win");
        assert_eq!(collapse_spaces("we\u{b}will\u{a0}win"), "we will win");
        assert_eq!(
            collapse_spaces("Kyiv’s  “own”\u{2009}words"),
            "Kyiv’s “own” words"
        );
        assert_eq!(collapse_spaces("  "), "");
        assert_eq!(collapse_spaces(""), "");
    }

    /// Text already collapsed is copied as it is: it must be exactly what
    /// collapsing word by word gives, around every character up to U+3000
    /// (past the last Unicode space) and at the ends.
    #[test]
    fn copied_text_is_collapsed_text() {
        let by_words = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
        for c in (0..=0x3001).filter_map(char::from_u32) {
            for text in [
                format!("we{c}win"),
                format!("we {c} win"),
                format!("{c}we’ll win{c}"),
                format!("“we{c}{c}win”"),
                format!("{c}"),
            ] {
                assert_eq!(collapse_spaces(&text), by_words(&text), "{text:?}");
            }
        }
    }
}
