//! The scanner: walks a sentence's words and, where a figure may start,
//! runs the parsers of each kind in turn (dates, then hedged quantities:
//! money, percent, durations, measures, ratios and scores, counts).

use std::borrow::Cow;
use std::sync::LazyLock;

use jiff::civil::Date;
use jiff::ToSpan;

use super::claim::{Claim, Hedge, Kind, Value};
use super::context::Sentence;
use super::date::{self, Setting};
use super::duration::{self, Tail};
use super::hedge::{self, hedge, starts_hedge};
use super::lexicon::{after_spaces, phrase, After, Openings, Table, WordIndex};
use super::number::{
    cardinal_openers, digits_scaled, is_space, number, number_words, numeral, opens_cardinal,
    short_scale, Form, Number,
};
use super::words::{is_currency_symbol, Token};
use super::{count, measure, money, percent, ratio};
use crate::span::Span;

/// How many tokens a figure may run before its anchor: "more than
/// two-and-a-half years", "in the past two weeks", "at least two more weeks".
const LEAD_REACH: usize = 6;

/// Every figure in the sentence, in order, onto the end of `claims`.
///
/// Every figure holds an anchor (see [`is_anchor`]); the words that only
/// lead into one ("more than", "in", "a") are tried only when an anchor
/// follows within [`LEAD_REACH`] tokens, so most words never reach a parser
/// and a sentence without an anchor costs one pass over its words.
pub fn scan(s: &Sentence, claims: &mut Vec<Claim>) {
    // The first anchor at or after token `from`; `i` only moves forward, so
    // each word is looked at once.
    let anchors = anchor_words();
    let anchor_from = |from: usize| {
        let mut words = s.tokens.get(from..)?.iter().zip(s.words.get(from..)?);
        let at =
            words.position(|(&t, lower)| t.is_word() && is_anchor(anchors, s.text, t, lower))?;
        Some(from + at)
    };
    let mut next_anchor = anchor_from(0);
    let mut i = 0;
    while i < s.tokens.len() {
        if next_anchor.is_some_and(|a| a < i) {
            next_anchor = anchor_from(i);
        }
        let Some(anchor) = next_anchor else {
            break;
        };
        if anchor > i + LEAD_REACH {
            i = anchor - LEAD_REACH;
            continue;
        }
        let token = s.tokens[i];
        if token.is_word() && may_start(token, token.text(s.text), s.words[i]) {
            if let Some(found) = figure_at(s, i) {
                let end = match found {
                    Found::Claim(claim) => {
                        let end = claim.span.end();
                        claims.push(claim);
                        end
                    }
                    Found::Code => token.span.end(),
                };
                while i < s.tokens.len() && s.tokens[i].span.start() < end {
                    i += 1;
                }
                continue;
            }
        }
        i += 1;
    }
}

/// The words that anchor a figure: number words, units of time and day
/// words. Fetched once a sentence, not once a word.
fn anchor_words() -> &'static WordIndex {
    static WORDS: LazyLock<WordIndex> = LazyLock::new(|| {
        WordIndex::new(
            number_words()
                .chain(duration::unit_words())
                .chain(date::DAY_WORDS)
                .chain(date::PERIOD_WORDS),
        )
    });
    &WORDS
}

/// Whether a word holds what no figure goes without: a digit, a currency
/// sign, a word of `words` (see [`anchor_words`]) or a month or weekday.
/// Hyphenated and possessive words are looked at by their parts:
/// "two-and-a-half", "five-year", "Friday’s". `token` is a word of `text`
/// and `lower` its lowercase form.
fn is_anchor(words: &WordIndex, text: &str, token: Token, lower: &str) -> bool {
    const JOINERS: [char; 6] = ['-', '\u{2011}', '–', '\'', '’', '/'];
    let is_word = |part: &str| words.contains(part);
    // Most words are plain letters: one lookup, and the month names for a
    // word with a capital. The tokenizer noted each word's shape, so the
    // text is read again only for the few words that need more.
    let shape = token.shape;
    if shape.has_digit() {
        return true;
    }
    if shape.is_letters() {
        return is_word(lower)
            || (shape.has_upper() && date::names_month_or_weekday(token.text(text)));
    }
    let word = token.text(text);
    if word.bytes().any(|b| b == b'$' || !b.is_ascii()) && word.chars().any(is_currency_symbol) {
        return true;
    }
    lower.split(JOINERS).any(is_word) || word.split(JOINERS).any(date::names_month_or_weekday)
}

/// Words of games, whose quarters are periods of play, not of a year.
const GAME_WORDS: [&str; 14] = [
    "game",
    "games",
    "match",
    "halftime",
    "half-time",
    "points",
    "three-pointers",
    "touchdown",
    "touchdowns",
    "goal",
    "goals",
    "overtime",
    "buzzer",
    "rout",
];

/// Words besides numbers, hedges and dates that open a figure: "between 5
/// and 10", "half a million", "dozens of".
const QUANTITY_WORDS: [&str; 11] = [
    "between",
    "minus",
    "magnitude",
    "half",
    "dozens",
    "hundreds",
    "thousands",
    "millions",
    "billions",
    "tens",
    "scores",
];

/// The lowercase words besides numbers that a figure may start with.
fn start_words() -> impl Iterator<Item = &'static str> {
    hedge::first_words()
        .chain(date::OPENING_WORDS)
        .chain(date::DAY_WORDS)
        .chain(QUANTITY_WORDS)
}

/// A cheap look at a word (its token, text and lowercase form) before any
/// parser runs.
fn may_start(token: Token, word: &str, lower: &str) -> bool {
    // Lowercase words, most of a text, can open a figure only as one of a
    // few words (hashed together) or as a number word.
    if token.shape.is_letters() && !token.shape.has_upper() {
        static STARTS: LazyLock<WordIndex> = LazyLock::new(|| WordIndex::new(start_words()));
        // One lookup in both lists turns away the words that open nothing,
        // most of them. A word in them that is no start word is a cardinal
        // or an article: it opens a figure when it reads as a number.
        static EITHER: LazyLock<WordIndex> =
            LazyLock::new(|| WordIndex::new(start_words().chain(cardinal_openers())));
        return EITHER.contains(lower) && (STARTS.contains(lower) || number(word).is_ok());
    }
    let Some(first) = word.chars().next() else {
        return false;
    };
    if first.is_ascii_digit() || is_currency_symbol(first) {
        return true;
    }
    starts_hedge(lower)
        || date::may_start(lower, word)
        || (opens_cardinal(lower) && number(word).is_ok())
        || QUANTITY_WORDS.contains(&lower)
        || (word.bytes().any(|b| b.is_ascii_uppercase()) && money::may_open(word))
        || (word.len() == 3 && word.bytes().all(|b| b.is_ascii_uppercase()))
}

/// What the parsers found where a figure may start.
enum Found {
    Claim(Claim),
    /// Digits that are part of a code, not a figure: "(555) 014-2290", "24/7".
    Code,
}

fn figure_at(s: &Sentence, i: usize) -> Option<Found> {
    let token = s.tokens[i];
    let start = token.span.start();
    let input = &s.text[start..s.span.end()];
    let word = token.text(s.text);
    let lower = s.words[i];
    let previous = s.word_before(i);
    if let Some(claim) = the_next_unit(s, i, lower, previous) {
        return Some(Found::Claim(claim));
    }
    if lower == "magnitude" {
        return magnitude(input, start).map(Found::Claim);
    }
    if date::may_start(lower, word) {
        let setting = Setting {
            published: s.published,
            find_tense: &|reach| s.tense_at(i, reach),
            previous_word: date_lead(s, i),
        };
        if let Some(m) = date::parse(input, &setting) {
            // A lone year after a name word belongs to the name: "Vision 2040", "Euro 2028".
            let lone_year = m.len == word.len() && word.bytes().all(|b| b.is_ascii_digit());
            if lone_year && i > 0 && s.is_name_word(i - 1) {
                return None;
            }
            // "the third quarter" of a game is a period of play.
            let quarter = m.value.as_deref().is_some_and(|v| v.contains("-Q"));
            if quarter && s.words.iter().any(|w| GAME_WORDS.contains(w)) {
                return None;
            }
            let value = m.value.map_or(Value::Unknown, Value::Text);
            return Some(Found::Claim(Claim::new(
                Kind::Date,
                Span::new(start, start + m.len),
                value,
            )));
        }
    }
    // A hedge's first word is a word of its own, so this word is it: most
    // words are turned away by one lookup before the phrases are tried.
    let (body, hedge) = match starts_hedge(lower).then(|| hedge(input)) {
        // "at least another two years", "within the last 10,000 years": the
        // hedge bounds the figure after these words ("over the past two
        // years" is a period, not a hedge).
        Some(Ok((rest, h))) => {
            let period = |word| {
                let the = phrase(rest, "the", false).and_then(after_spaces)?;
                phrase(the, word, false).and_then(after_spaces)
            };
            let skipped = phrase(rest, "another", false)
                .and_then(after_spaces)
                .or_else(|| {
                    (lower == "within").then(|| period("last").or_else(|| period("next")))?
                });
            (skipped.unwrap_or(rest), Some(h))
        }
        _ => (input, None),
    };
    let between = lower == "between";
    let body = if between {
        input[7..].trim_start_matches(is_space)
    } else {
        body
    };
    if between && body.len() == input.len() - 7 {
        return None;
    }
    // "minus 20°C", "below minus 5C": a number under zero.
    let signed_from = start + (input.len() - body.len());
    // Most figures open with a digit: settled by one byte.
    let may_be_minus = body.starts_with(['m', 'M']);
    let (body, negative) = match may_be_minus
        .then(|| phrase(body, "minus", false))
        .flatten()
        .and_then(after_spaces)
    {
        Some(number) => (number, true),
        None => (body, false),
    };
    let hedged_from = if hedge.is_some() || between {
        Some(start)
    } else {
        negative.then_some(signed_from)
    };
    let body_start = start + (input.len() - body.len());
    // A capitalised word right before a number makes it part of a name:
    // "Windows 11", "Boeing 737", "Room 101", "Article 5".
    // A score after a team's name ("beat the Hawks 112-104") is no name;
    // looked at last, as few figures follow a name word.
    let is_pair = || {
        word.split(['-', '–'])
            .filter(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
            .count()
            == 2
    };
    // Names take digits, not words: "left Lyon two months later" is a duration.
    let digits = word.starts_with(|c: char| c.is_ascii_digit());
    // "the world No. 11", "No. 10 Downing Street": a rank or an address.
    let numbered = i >= 2 && s.words[i - 1] == "." && matches!(s.words[i - 2], "no" | "nos");
    if digits && numbered && s.is_capitalized_word(i - 2) {
        return Some(Found::Code);
    }
    // "type 2 diabetes", "a category 5 storm", "phase 3 trials": a class named by its number.
    if digits && i > 0 && names_class(s.words[i - 1]) {
        return Some(Found::Code);
    }

    if hedged_from.is_none() && i > 0 && digits && s.is_name_word(i - 1) && !is_pair() {
        return None;
    }
    let q = Quantity {
        s,
        i,
        start: hedged_from.unwrap_or(body_start),
        hedge,
        between,
        previous,
    };
    let mut found = q.parse(body, body_start);
    if negative {
        if let Some(Found::Claim(claim)) = &mut found {
            claim.negate_first();
        }
    }
    // A count after "per" is a rate's denominator, not a figure of its own:
    // "14.2 cases per 100,000 residents".
    let denominator = |found: &Found| matches!(found, Found::Claim(c) if c.kind == Kind::Count);
    if previous == Some("per") && found.as_ref().is_some_and(denominator) {
        return None;
    }
    // "about two-thirds of patients", "two thirds": fractions are no counts.
    // Quarters are also counted ("three straight quarters"): a fraction
    // only when joined to its number.
    if let Some(Found::Claim(claim)) = found.as_ref().filter(|_| !digits) {
        let hyphenated = || claim.span.slice(s.text).split('-').skip(1).any(is_fraction);
        let fraction = claim.kind == Kind::Count
            && claim
                .unit
                .as_deref()
                .is_some_and(|u| is_fraction(u) && (!u.starts_with('q') || hyphenated()));
        if fraction {
            return Some(Found::Code);
        }
    }
    // "cost £118m over two years", "walked out over five months": a period
    // the figure is spread across; the duration is read without a hedge
    // from its own number. After "for" or a verb of lasting it is one:
    // "for over two years", "took over a decade".
    let spread = |found: &Found| matches!(found, Found::Claim(c) if c.kind == Kind::Duration);
    if lower == "over" && !previous.is_some_and(lasts) && found.as_ref().is_some_and(spread) {
        return None;
    }
    found
}

/// The word that leads the date at token `i`, past a hedge between them:
/// "until at least December 1" is led by "until".
fn date_lead<'s>(s: &'s Sentence, i: usize) -> Option<&'s str> {
    let previous = s.word_before(i);
    if !previous.is_some_and(hedge::ends_hedge) {
        return previous;
    }
    let date_start = s.tokens[i].span.start();
    let ends_at_date = |k: usize| {
        let from = s.tokens[k].span.start();
        hedge(&s.text[from..s.span.end()])
            .is_ok_and(|(rest, _)| s.span.end() - rest.len() == date_start)
    };
    let hedge_start = (i.saturating_sub(hedge::MOST_WORDS)..i)
        .find(|&k| s.tokens[k].is_word() && starts_hedge(s.words[k]) && ends_at_date(k));
    s.word_before(hedge_start.unwrap_or(i))
}

/// Words that name a class by the number after them: "type 2", "stage 4".
fn names_class(word: &str) -> bool {
    matches!(
        word,
        "type" | "stage" | "category" | "phase" | "level" | "tier" | "grade" | "class"
    )
}

/// The denominators of fractions in words: "two-thirds", "three-quarters".
fn is_fraction(word: &str) -> bool {
    matches!(
        word,
        "third"
            | "thirds"
            | "quarter"
            | "quarters"
            | "fifth"
            | "fifths"
            | "sixth"
            | "sixths"
            | "seventh"
            | "sevenths"
            | "eighth"
            | "eighths"
            | "ninth"
            | "ninths"
            | "tenth"
            | "tenths"
    )
}

/// Words after which "over" a length of time bounds it: "lasted over a year".
fn lasts(word: &str) -> bool {
    matches!(
        word,
        "for"
            | "after"
            | "last"
            | "lasted"
            | "lasts"
            | "took"
            | "take"
            | "takes"
            | "taken"
            | "spent"
    )
}

/// "magnitude 7.1", "magnitude-6.4": the scale written before the number,
/// at byte `start` of the text, where `input` begins.
fn magnitude(input: &str, start: usize) -> Option<Claim> {
    let after = input.get("magnitude".len()..)?;
    let digits = after.trim_start_matches([' ', '-']);
    if digits.len() == after.len() {
        return None;
    }
    let (rest, n) = numeral(digits).ok()?;
    let end = start + input.len() - rest.len();
    let mut claim = Claim::new(Kind::Measure, Span::new(start, end), Value::Number(n.value));
    claim.unit = Some(Cow::Borrowed("magnitude"));
    claim.interval = Some(Hedge::interval(None, n.value, n.value));
    Some(claim)
}

/// "over the next year", "in the past week": a period of one unit, not a date.
fn the_next_unit(s: &Sentence, i: usize, lower: &str, previous: Option<&str>) -> Option<Claim> {
    if previous != Some("the") || !matches!(lower, "next" | "past" | "last" | "coming") {
        return None;
    }
    let unit_token = s.tokens.get(i + 1)?;
    let following = &s.text[s.tokens[i].span.end()..unit_token.span.end()];
    let (rest, unit, _) = duration::suffix(&After::new(following))?;
    if !rest.is_empty() {
        return None;
    }
    let mut claim = Claim::new(
        Kind::Duration,
        Span::new(s.tokens[i - 1].span.start(), unit_token.span.end()),
        Value::Number(1.0),
    );
    claim.unit = Some(Cow::Borrowed(unit));
    claim.interval = Some(Hedge::interval(None, 1.0, 1.0));
    Some(claim)
}

struct Quantity<'s, 't> {
    s: &'s Sentence<'t>,
    i: usize,
    /// Where the claim's text starts (at the hedge, if any).
    start: usize,
    hedge: Option<Hedge>,
    between: bool,
    previous: Option<&'s str>,
}

impl Quantity<'_, '_> {
    fn offset(&self, rest: &str) -> usize {
        self.s.span.end() - rest.len()
    }

    fn claim(
        &self,
        kind: Kind,
        rest: &str,
        value: f64,
        high: f64,
        unit: Option<Cow<'static, str>>,
    ) -> Claim {
        let (rest, hedge) = match self.hedge {
            Some(hedge) => (rest, Some(hedge)),
            None => hedge::trailing(rest).map_or((rest, None), |(r, h)| (r, Some(h))),
        };
        let mut claim = Claim::new(
            kind,
            Span::new(self.start, self.offset(rest)),
            Value::Number(value),
        );
        claim.unit = unit;
        claim.hedge = hedge;
        claim.interval = Some(Hedge::interval(hedge, value, high));
        claim
    }

    fn parse(&self, body: &str, body_start: usize) -> Option<Found> {
        if let Some(claim) = self.money_first(body) {
            return Some(Found::Claim(claim));
        }
        let (rest, n) = number(body).ok()?;
        if let Number {
            form: Form::Words {
                capitalized: true, ..
            },
            ..
        } = n
        {
            // "Group of Seven", "Article Five": a capitalised number word mid-sentence is a name.
            if !self.s.starts_sentence(self.i) && self.hedge.is_none() {
                return None;
            }
        }
        // The text after the number, read once for every unit and joiner tried there.
        let after = After::new(rest);
        if is_code_or_time(n.value, &after) || self.is_phone_or_code(body, rest) {
            // Consumed, and no claim: the digits are part of a code.
            return Some(Found::Code);
        }
        if let Some(claim) = self
            .with_unit(&after, n, n.value)
            .or_else(|| self.range_or_pair(&after, n))
        {
            return Some(Found::Claim(claim));
        }
        if n.is_bare_word() {
            return None;
        }
        let is_year = n.is_year_like() && (1900.0..=2100.0).contains(&n.value);
        let year = || {
            Claim::new(
                Kind::Date,
                Span::new(body_start, self.offset(rest)),
                Value::Text(format!("{}", n.value as i32)),
            )
        };
        // "below 2019 levels", "in 2015 prices": a year that dates a baseline.
        let baseline = || {
            after_spaces(rest).is_some_and(|r| r.starts_with("level") || r.starts_with("prices"))
        };
        if is_year && baseline() {
            return Some(Found::Claim(year()));
        }
        if let Some((end, lemma, phrase)) = count::noun_after(rest) {
            let claim = self.count(&rest[end..], n, n.value, lemma, phrase);
            return Some(Found::Claim(claim));
        }
        if rest.starts_with(|c: char| c.is_alphanumeric()) {
            return None; // "5G", "1990s", "14th"
        }
        if self.hedge.is_none() && self.i > 0 && self.s.is_capitalized_word(self.i - 1) {
            return None; // "Game 5": a bare number after a capitalised word names something
        }
        let next_is_code = self.s.tokens.get(self.i + 1).is_some_and(|t| {
            t.is_word()
                && t.text(self.s.text).chars().any(|c| c.is_ascii_digit())
                && t.text(self.s.text).chars().any(char::is_alphabetic)
        });
        if next_is_code {
            return Some(Found::Code); // "asteroid 2011 QF7"
        }
        if is_year && self.hedge.is_none() {
            return Some(Found::Claim(year()));
        }
        if n.lower_bound {
            return None; // "hundreds of" with no noun
        }
        let mut claim = self.claim(Kind::Count, rest, n.value, n.value, None);
        self.apply_lower_bound(&mut claim, n);
        Some(Found::Claim(claim))
    }

    /// "(555) 014-2290", "014", "0-60 mph": digits that are a code or a test's name.
    fn is_phone_or_code(&self, body: &str, rest: &str) -> bool {
        let leading_zero =
            body.starts_with('0') && body[1..].starts_with(|c: char| c.is_ascii_digit());
        let in_parens = self.i > 0
            && self.s.words[self.i - 1] == "("
            && rest.starts_with(')')
            && rest[1..]
                .trim_start_matches(is_space)
                .starts_with(|c: char| c.is_ascii_digit());
        let zero_to = body.starts_with("0-") || body.starts_with("0–");
        leading_zero || in_parens || zero_to
    }

    fn apply_lower_bound(&self, claim: &mut Claim, n: Number) {
        if n.lower_bound && claim.hedge.is_none() {
            claim.hedge = Some(Hedge::MoreThan);
            claim.interval = Some(Hedge::interval(claim.hedge, n.value, n.value));
        }
    }

    fn count(&self, rest: &str, n: Number, high: f64, lemma: String, phrase: &str) -> Claim {
        // The counted phrase ends where `rest` begins.
        let end = self.offset(rest) - (phrase.len() - phrase.trim_end().len());
        let subject = Span::new(end - phrase.trim().len(), end);
        let (rest, unit) = match measure::rate(rest) {
            Some((after, period)) => (after, format!("{lemma}-per-{period}")),
            None => (rest, lemma),
        };
        let mut claim = self.claim(Kind::Count, rest, n.value, high, Some(Cow::Owned(unit)));
        claim.set_subject(subject);
        self.apply_lower_bound(&mut claim, n);
        claim
    }

    /// "$61 billion", "€228 million", "$7 to $9 a share", "$750,000 to $1 million".
    fn money_first(&self, body: &str) -> Option<Claim> {
        let (after_mark, code) = money::prefix(body)?;
        let (mut rest, mut low) = money_amount(after_mark)?;
        let mut high = low;
        if let Some(r) = self.range_tail(rest) {
            let after = money::prefix(r).map_or(r, |(after, _)| after);
            if let Some((r, h)) = money_amount(after) {
                // "$7-9 million": the scale written once applies to both ends.
                let scaled_low = if h >= 1e3 && low < 1e3 {
                    low * scale_of(h)
                } else {
                    low
                };
                if h >= scaled_low {
                    (low, high, rest) = (scaled_low, h, r);
                }
            }
        }
        Some(self.claim(Kind::Money, rest, low, high, Some(Cow::Borrowed(code))))
    }

    /// "15% to 20%", "between 5% and 8%", "20C-25C": a range whose ends
    /// both carry `unit` (which `suffix` reads). The rest past the second
    /// end and the high end; `rest` and `high` as they were when no second
    /// end follows.
    fn closing_end<'a>(
        &self,
        rest: &'a str,
        n: Number,
        high: f64,
        suffix: fn(&After<'a>) -> Option<(&'a str, &'static str)>,
        unit: &str,
    ) -> (&'a str, f64) {
        let end = || {
            let tail = self.range_tail(rest)?;
            let (after, second) = numeral(tail).ok()?;
            let (after, second_unit) = suffix(&After::new(after))?;
            (second_unit == unit && second.value > n.value).then_some((after, second.value))
        };
        if high > n.value {
            return (rest, high);
        }
        end().unwrap_or((rest, high))
    }

    /// The connector of a range: " to ", " or " ("three or four years"),
    /// "-", "–", or " and " after "between".
    /// `rest` is the text right after the first figure; most is turned
    /// away by its first bytes.
    fn range_tail<'a>(&self, rest: &'a str) -> Option<&'a str> {
        if self.previous == Some("from") {
            return None;
        }
        if let Some(text) = after_spaces(rest) {
            let joined = if self.between {
                phrase(text, "and", false)
            } else {
                phrase(text, "to", false).or_else(|| phrase(text, "or", false))
            };
            return after_spaces(joined?);
        }
        if self.between {
            return None;
        }
        rest.strip_prefix(['-', '–', '‑'])
    }

    /// A number followed directly by its unit: percent, currency word,
    /// time unit, measure.
    fn with_unit(&self, after: &After, n: Number, high: f64) -> Option<Claim> {
        if !may_take_unit(after) {
            return None;
        }
        let words_only = n.is_words();
        if let Some((r, unit)) = percent::suffix(after) {
            if !n.is_bare_word() {
                let (r, high) = self.closing_end(r, n, high, percent::suffix, unit);
                return Some(self.claim(
                    Kind::Percent,
                    r,
                    n.value,
                    high,
                    Some(Cow::Borrowed(unit)),
                ));
            }
        }
        if let Some((r, code)) = money::suffix(after) {
            if !n.is_bare_word() {
                let mut claim =
                    self.claim(Kind::Money, r, n.value, high, Some(Cow::Borrowed(code)));
                self.apply_lower_bound(&mut claim, n);
                return Some(claim);
            }
        }
        if let Some((r, code)) = money::hundredths_suffix(after) {
            if !n.is_bare_word() {
                let (low, high) = (n.value / 100.0, high / 100.0);
                return Some(self.claim(Kind::Money, r, low, high, Some(Cow::Borrowed(code))));
            }
        }
        if matches!(n.form, Form::Digits { scaled: true, .. }) {
            if let Some(r) = money::pounds_suffix(after) {
                return Some(self.claim(Kind::Money, r, n.value, high, Some(Cow::Borrowed("GBP"))));
            }
        }
        if let Some((r, unit, tail)) = duration::suffix(after) {
            let bare_ok = !n.is_bare_word()
                || tail == Tail::Ago
                || self.hedge.is_some()
                || word_is_one(self.s, self.i);
            if bare_ok {
                // "3.5 billion years ago" is geological time, not a calendar date.
                if tail == Tail::Ago && n.value.fract() == 0.0 && n.value <= 10_000.0 {
                    let value = self
                        .s
                        .published
                        .and_then(|d| ago(d, n.value, unit))
                        .map_or(Value::Unknown, Value::Text);
                    let mut claim =
                        Claim::new(Kind::Date, Span::new(self.start, self.offset(r)), value);
                    claim.hedge = self.hedge;
                    return Some(claim);
                }
                let (r, extra) = match duration::and_smaller(r, unit) {
                    Some((after, fraction)) if tail == Tail::Plain => (after, fraction),
                    _ => (r, 0.0),
                };
                return Some(self.claim(
                    Kind::Duration,
                    r,
                    n.value + extra,
                    high + extra,
                    Some(Cow::Borrowed(unit)),
                ));
            }
        }
        if n.is_bare_word() {
            if let Some((r, unit)) = duration::and_a_half(after) {
                return Some(self.claim(
                    Kind::Duration,
                    r,
                    n.value + 0.5,
                    high + 0.5,
                    Some(Cow::Borrowed(unit)),
                ));
            }
            return None;
        }
        if !(after.touches() && words_only) {
            if let Some((r, unit)) = measure::suffix(after) {
                let (r, high) = self.closing_end(r, n, high, measure::suffix, unit);
                let (r, unit) = match measure::rate_of(r) {
                    Some((after, period)) if !unit.contains("-per-") => {
                        (after, Cow::Owned(format!("{unit}-per-{period}")))
                    }
                    _ => (r, Cow::Borrowed(unit)),
                };
                return Some(self.claim(Kind::Measure, r, n.value, high, Some(unit)));
            }
        }
        None
    }

    /// "20–25%", "between 7 and 9 percent", "from 5 to 10 percent" (the
    /// first figure; the scan finds the second), or a ratio or score "3 to
    /// 1", "won 3-1".
    fn range_or_pair(&self, following: &After, n: Number) -> Option<Claim> {
        // "from 5 to 1 to 10 to 1" moves between two ratios, read below.
        if let Some(r) = self.after_from(following).filter(|r| !opens_a_ratio(r)) {
            return self.first_of_change(following, n, r);
        }
        if let Some(r) = self.range_tail(following.attached.text()) {
            if let Ok((after, high)) = number(r) {
                let n = scaled_like(n, high);
                if high.value >= n.value && !high.is_bare_word() {
                    if let Some(claim) = self.with_unit(&After::new(after), n, high.value) {
                        return Some(claim);
                    }
                    // "between 40 and 45 recruits", "40 to 45 recruits": a counted range.
                    if let Some((end, lemma, phrase)) = count::noun_after(after) {
                        return Some(self.count(&after[end..], n, high.value, lemma, phrase));
                    }
                    if self.between {
                        return Some(self.claim(Kind::Count, after, n.value, high.value, None));
                    }
                }
            }
        }
        if self.between || n.lower_bound {
            return None;
        }
        let (after, right, joiner) = ratio::right_side(following)?;
        if after.starts_with(|c: char| c.is_alphanumeric()) {
            return None;
        }
        let kind = ratio::classify(joiner, &self.s.words, n.value, right.value)?;
        let mut claim = Claim::new(
            kind,
            Span::new(self.start, self.offset(after)),
            Value::Unknown,
        );
        if kind == Kind::Score {
            claim.value = Value::Text(format!(
                "{}-{}",
                super::claim::format_number(n.value),
                super::claim::format_number(right.value)
            ));
            claim.unit = Some(Cow::Borrowed("score"));
        } else {
            if right.value == 0.0 {
                return None;
            }
            let value = n.value / right.value;
            claim.value = Value::Number(value);
            claim.unit = Some(Cow::Borrowed("ratio"));
            claim.hedge = self.hedge;
            claim.interval = Some(Hedge::interval(self.hedge, value, value));
        }
        Some(claim)
    }

    /// The first figure of a change, `second` the text of the second: "from
    /// 5 to 10 percent", "fell from 1,420 to 1,240 riders" (never a ratio).
    /// It stands alone, in the unit or of the noun written after the second;
    /// a change of bare numbers leaves each a figure of its own.
    fn first_of_change(&self, following: &After, n: Number, second: &str) -> Option<Claim> {
        let (after, high) = number(second).ok()?;
        if high.is_bare_word() {
            return None;
        }
        let n = scaled_like(n, high);
        let mut claim = self.with_unit(&After::new(after), n, n.value).or_else(|| {
            let (end, lemma, phrase) = count::noun_after(after)?;
            Some(self.count(&after[end..], n, n.value, lemma, phrase))
        })?;
        claim.span = claim.span.with_end(self.offset(following.attached.text()));
        claim.interval = Some(Hedge::interval(self.hedge, n.value, n.value));
        Some(claim)
    }

    /// "from 5 to 10 percent": the connector after the first figure.
    fn after_from<'a>(&self, after: &After<'a>) -> Option<&'a str> {
        if self.previous != Some("from") || !after.has_space() {
            return None;
        }
        after_spaces(phrase(after.spaced.text(), "to", false)?)
    }
}

/// Whether `text` opens with a pair "N to M": the second side of "from 5
/// to 1 to 10 to 1".
fn opens_a_ratio(text: &str) -> bool {
    number(text)
        .ok()
        .and_then(|(after, _)| after_spaces(after))
        .and_then(|after| phrase(after, "to", false))
        .and_then(after_spaces)
        .is_some_and(|rest| number(rest).is_ok())
}

/// Whether a unit may follow a number, as `after` reads: most numbers are
/// followed by a word no unit table opens with ("45 points"), and this turns
/// them away with one test of each place instead of one for each table.
/// Exact: every unit [`Quantity::with_unit`] finds is first looked up in one
/// of these tables at one of these places ("pounds" after a scaled amount
/// is a word of `measure::WORDS`), and each lookup starts by this test of
/// its own table's openings.
fn may_take_unit(after: &After) -> bool {
    static OPENINGS: LazyLock<Openings> = LazyLock::new(|| {
        Openings::of_all([
            percent::UNITS.openings(),
            money::WORDS.openings(),
            duration::UNITS.openings(),
            duration::BETWEEN.openings(),
            measure::SYMBOLS.openings(),
            measure::WORDS.openings(),
        ])
    });
    let openings = &*OPENINGS;
    openings.admits(&after.attached)
        || openings.admits(&after.spaced)
        || openings.admits(&after.gapped)
        || after.hyphenated.is_some_and(|at| openings.admits(&at))
}

/// Whether the word at token `i` is literally "one" (which, unlike "a",
/// can stand for a single unit of time: "one year").
fn word_is_one(s: &Sentence, i: usize) -> bool {
    s.tokens.get(i).is_some_and(|t| {
        let word = t.text(s.text);
        // "a one-day walkout": the joined unit makes "one" a number.
        let one = word.get(..3).is_some_and(|w| w.eq_ignore_ascii_case("one"));
        one && (word.len() == 3 || word[3..].starts_with(['-', '‑']))
    })
}

/// An amount after a currency mark, with long or one-letter scales.
fn money_amount(input: &str) -> Option<(&str, f64)> {
    let (rest, n) = digits_scaled(input).ok()?;
    if let Some((r, s)) = (matches!(n.form, Form::Digits { scaled: false, .. }))
        .then(|| short_scale(rest).ok())
        .flatten()
    {
        return Some((r, n.value * s));
    }
    if rest.starts_with(|c: char| c.is_alphanumeric()) {
        return None;
    }
    Some((rest, n.value))
}

/// The low end of a range whose scale is written once, after the high end:
/// "between 2.5 and 3 million tonnes" runs from 2.5 million.
fn scaled_like(low: Number, high: Number) -> Number {
    let written_scale = |n: Number| matches!(n.form, Form::Digits { scaled: true, .. });
    let scaled = low.value * scale_of(high.value);
    if written_scale(high) && !written_scale(low) && low.value < 1e3 && scaled <= high.value {
        Number {
            value: scaled,
            ..low
        }
    } else {
        low
    }
}

/// The scale (1e3, 1e6, ...) a large amount was written with.
fn scale_of(value: f64) -> f64 {
    [1e12, 1e9, 1e6, 1e3]
        .into_iter()
        .find(|s| value >= *s)
        .unwrap_or(1.0)
}

/// After the number `value`: "/7" (24/7), ".0" (versions), clock times "a.m.".
fn is_code_or_time(value: f64, after: &After) -> bool {
    let mut chars = after.attached.text().chars();
    let first = chars.next();
    let second = chars.next();
    if matches!(first, Some('/' | '.' | ',')) && second.is_some_and(|c| c.is_ascii_digit()) {
        return true;
    }
    // "4:30": minutes after a colon make a clock time; one digit makes a
    // ratio ("3:1"), and what no clock shows a score ("98:87", "25:23").
    let minutes = after.attached.text().as_bytes();
    if minutes.len() >= 3
        && minutes[0] == b':'
        && value <= 24.0
        && (b'0'..=b'5').contains(&minutes[1])
        && minutes[2].is_ascii_digit()
        && minutes.get(3).is_none_or(|b| !b.is_ascii_digit())
    {
        return true;
    }
    static TIMES: Table<()> = Table::new(
        &[
            ("a.m.", ()),
            ("p.m.", ()),
            ("a.m", ()),
            ("p.m", ()),
            ("am", ()),
            ("pm", ()),
            ("GMT", ()),
            ("BST", ()),
            ("ET", ()),
            ("EST", ()),
            ("PT", ()),
            ("o'clock", ()),
            ("o’clock", ()),
            ("hrs", ()),
        ],
        true,
    );
    // Only "am" and "pm", dotted or not, may touch the digits: "5pm", not "5GMT".
    TIMES.longest_at(&after.spaced).is_some()
        && (after.has_space() || after.spaced.text().starts_with(['a', 'p']))
}

/// `n` units before the publication date, at the unit's precision.
fn ago(published: Date, n: f64, unit: &str) -> Option<String> {
    if n.fract() != 0.0 || n > 10_000.0 {
        return None;
    }
    let n = n as i64;
    Some(match unit {
        "year" => format!("{:04}", i64::from(published.year()) - n),
        "decade" => format!("{:04}", i64::from(published.year()) - 10 * n),
        "month" => {
            let d = published.checked_sub(n.months()).ok()?;
            format!("{:04}-{:02}", d.year(), d.month())
        }
        // "two weeks ago" names a week, at the precision of its unit.
        "week" => date::iso_week(published.checked_sub((7 * n).days()).ok()?),
        "day" => published.checked_sub(n.days()).ok()?.to_string(),
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::words::tokenize;

    #[test]
    fn anchors_are_the_words_no_figure_goes_without() {
        let anchor = |word: &str| {
            let mut tokens = Vec::new();
            tokenize(word, Span::new(0, word.len()), &mut tokens);
            let lower = word.to_ascii_lowercase();
            match tokens[..] {
                [token] => is_anchor(anchor_words(), word, token, token.text(&lower)),
                _ => false,
            }
        };
        for word in [
            "1,250",
            "$4.2bn",
            "€5",
            "two-and-a-half",
            "Dozens",
            "five-year",
            "Friday’s",
            "mid-January",
            "years",
            "tonight",
            "twenty",
        ] {
            assert!(anchor(word), "{word} is an anchor");
        }
        for word in [
            "more", "than", "a", "in", "last", "about", "between", "said", "",
        ] {
            assert!(!anchor(word), "{word} is no anchor");
        }
    }

    #[test]
    fn no_unit_is_turned_away_before_its_tables() {
        let tables = [
            percent::UNITS.entries(),
            money::WORDS.entries(),
            duration::UNITS.entries(),
            measure::SYMBOLS.entries(),
            measure::WORDS.entries(),
        ];
        for (unit, _) in tables.into_iter().flatten() {
            for text in [unit.to_string(), format!(" {unit}"), format!("-{unit}")] {
                assert!(may_take_unit(&After::new(&text)), "{text:?}");
            }
        }
        assert!(may_take_unit(&After::new(" more years")));
        assert!(may_take_unit(&After::new(" Pounds")));
        for text in [" of", ", said", "", " 2019", " and"] {
            assert!(!may_take_unit(&After::new(text)), "{text:?}");
        }
    }

    #[test]
    fn a_lead_word_reaches_its_anchor() {
        // The hedge is four tokens before the number: still one claim.
        let found = figures("Losses rose by more than half a million dollars.");
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].1, "more than half a million dollars");
        // Lead words far from any anchor are never tried.
        assert!(
            figures("More than ever, the talks in the capital were about the future.").is_empty()
        );
    }

    /// Each figure of `text` as (kind, text, value).
    fn figures(text: &str) -> Vec<(Kind, String, Value)> {
        let published = Date::new(2025, 3, 12).expect("a valid date");
        let lower = text.to_ascii_lowercase();
        let s = Sentence::new(text, &lower, Span::new(0, text.len()), Some(published));
        let mut claims = Vec::new();
        scan(&s, &mut claims);
        claims
            .into_iter()
            .map(|c| (c.kind, c.span.slice(text).to_string(), c.value))
            .collect()
    }

    #[test]
    fn a_year_after_a_name_word_is_part_of_the_name() {
        assert!(figures("It is the biggest auction under its Vision 2040 strategy.").is_empty());
        // Months and date words are not names: the year stays a date.
        assert_eq!(
            figures("The plan was drafted in March 2022 and revised."),
            vec![(
                Kind::Date,
                "in March 2022".into(),
                Value::Text("2022-03".into())
            )]
        );
        assert_eq!(
            figures("Vision began in 2019."),
            vec![(Kind::Date, "in 2019".into(), Value::Text("2019".into()))]
        );
    }

    #[test]
    fn a_rate_denominator_is_no_count() {
        let found = figures("The rate is 14.2 cases per 100,000 residents, up from 9.");
        let texts: Vec<&str> = found.iter().map(|(_, text, _)| text.as_str()).collect();
        assert_eq!(texts, ["14.2 cases", "9"]);
    }

    #[test]
    fn one_in_five_is_a_ratio() {
        let found = figures("About one in five patients waited longer.");
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].0, Kind::Ratio);
        assert_eq!(found[0].1, "About one in five");
        assert_eq!(found[0].2, Value::Number(0.2));
        // A count followed by a year stays a count and a date.
        let found = figures("Officials counted 3 in 2019.");
        assert!(found.iter().all(|f| f.0 != Kind::Ratio), "{found:?}");
    }

    #[test]
    fn years_and_months_are_one_duration() {
        assert_eq!(
            figures("He was jailed for eight years and six months on Tuesday."),
            vec![
                (
                    Kind::Duration,
                    "eight years and six months".into(),
                    Value::Number(8.5)
                ),
                (
                    Kind::Date,
                    "on Tuesday".into(),
                    Value::Text("2025-03-11".into())
                ),
            ]
        );
        // Two separate figures when the months make more than a year.
        assert_eq!(figures("It took two years and 14 months.").len(), 2);
    }
}
