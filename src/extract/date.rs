//! Dates: absolute ("April 24", "Sept. 1", "Feb. 24, 2022", "14 May 2024",
//! "2024-06-01", "August 2023", "in 1993", "mid-January") and relative ("on
//! Tuesday", "last month", "next year", "this week", "today"), resolved
//! against the publication date with the sentence's tense.
//!
//! Values are ISO 8601 at the precision the text states: "2024-04-24",
//! "2024-09", "2019", or a week "2024-W24".

use std::borrow::Cow;

use jiff::civil::{Date, Weekday};
use jiff::ToSpan;

use super::lexicon::{is_possessive, next_word_lower, phrase, Table, WordEnds, WordSet};
use super::number::{is_space, numeral};

/// Which way a relative date points.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tense {
    Past,
    Future,
    /// No telling verb: the nearest occurrence wins.
    Neutral,
}

/// How far from a date its tense is looked for. A weekday is placed within
/// a week, and a verb anywhere in the sentence is sign enough ("On Monday,
/// Quinlan said"); a month is placed within a year, and only a verb of its
/// own clause, or one of the future anywhere, may move it a year ("…for
/// launch on March 18, managers said" is the coming March 18).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reach {
    Clause,
    Sentence,
}

/// A date found at the start of the input.
#[derive(Clone, Debug, PartialEq)]
pub struct DateMatch {
    /// Bytes of the input the date covers.
    pub len: usize,
    /// ISO 8601 value, `None` when it cannot be resolved (no publication date).
    pub value: Option<String>,
}

const MONTHS: &[(&str, i8)] = &[
    ("January", 1),
    ("February", 2),
    ("March", 3),
    ("April", 4),
    ("May", 5),
    ("June", 6),
    ("July", 7),
    ("August", 8),
    ("September", 9),
    ("October", 10),
    ("November", 11),
    ("December", 12),
    ("Jan.", 1),
    ("Feb.", 2),
    ("Mar.", 3),
    ("Apr.", 4),
    ("Jun.", 6),
    ("Jul.", 7),
    ("Aug.", 8),
    ("Sept.", 9),
    ("Sep.", 9),
    ("Oct.", 10),
    ("Nov.", 11),
    ("Dec.", 12),
    ("Jan", 1),
    ("Feb", 2),
    ("Apr", 4),
    ("Aug", 8),
    ("Sept", 9),
    ("Oct", 10),
    ("Nov", 11),
    ("Dec", 12),
];

const WEEKDAYS: &[(&str, Weekday)] = &[
    ("Monday", Weekday::Monday),
    ("Tuesday", Weekday::Tuesday),
    ("Wednesday", Weekday::Wednesday),
    ("Thursday", Weekday::Thursday),
    ("Friday", Weekday::Friday),
    ("Saturday", Weekday::Saturday),
    ("Sunday", Weekday::Sunday),
];

/// The names of months and weekdays, looked up by their first letter.
static MONTH_NAMES: Table<i8> = Table::new(MONTHS, true);
static WEEKDAY_NAMES: Table<Weekday> = Table::new(WEEKDAYS, true);

/// Words that show a bare month or year is a date: "in May", "since 2014".
static CUES: WordSet = WordSet::new(&[
    "in", "into", "on", "since", "until", "till", "by", "from", "to", "through", "during",
    "before", "after", "of", "between", "and", "early", "late", "mid", "the", "last", "next",
    "this", "each", "every", "around", "about", "fiscal", "summer", "spring", "autumn", "fall",
    "winter", "end", "start",
]);

/// Prepositions kept as part of the date's text.
const LEADS: &[&str] = &["in", "on", "since"];

/// Words before a date that place it within its span: "mid-January", "early March".
const QUALIFIERS: &[&str] = &["mid", "early", "late"];

/// Context the parser needs: the publication date and the tense at this spot.
pub struct Setting<'w> {
    pub published: Option<Date>,
    /// Finds the tense at this spot, within the reach given. Called only
    /// for the dates that need it (a weekday, a month with no year), as it
    /// reads the whole sentence.
    pub find_tense: &'w dyn Fn(Reach) -> Tense,
    /// The lowercased word before the date, if any ("in", "the", "lisbon's").
    pub previous_word: Option<&'w str>,
}

impl Setting<'_> {
    /// The tense at this spot, unless the word before the date sets the
    /// direction whatever the verb's tense: "since March" looks back,
    /// "closed until December 1" and "a warning through Friday" ahead.
    fn tense(&self, reach: Reach) -> Tense {
        match self.previous_word {
            Some("since") => Tense::Past,
            Some("until" | "till" | "through") => Tense::Future,
            _ => (self.find_tense)(reach),
        }
    }

    /// Whether the word before shows that a bare month or year is a date.
    /// Asked only once one is found, as it looks the word up.
    fn cued(&self) -> bool {
        self.previous_word
            .is_some_and(|w| CUES.contains(w) || is_possessive(w))
    }
}

/// A date at the start of `input`.
pub fn parse(input: &str, setting: &Setting) -> Option<DateMatch> {
    // Most dates are tried on numbers, which open no word and so no lead.
    if opens_with_digit(input) {
        return core(input, "", setting);
    }
    let first = first_word(input);
    // "in 1993", "on Tuesday", "since 2014": keep the preposition.
    if LEADS.contains(&first.as_ref()) {
        let lead = first;
        let after = &input[lead.len()..];
        let body = after.trim_start_matches(is_space);
        if body.len() < after.len() {
            let inner = Setting {
                published: setting.published,
                find_tense: setting.find_tense,
                previous_word: Some(&lead),
            };
            let first = first_word(body);
            return core(body, &first, &inner).map(|m| DateMatch {
                len: input.len() - body.len() + m.len,
                value: m.value,
            });
        }
        return None;
    }
    core(input, &first, setting)
}

/// The first word of `input`, lowercased, or nothing. Most dates are tried
/// on numbers, which open no word: those are not read.
fn first_word(input: &str) -> Cow<'_, str> {
    if opens_with_digit(input) {
        return Cow::default();
    }
    next_word_lower(input).unwrap_or_default()
}

fn opens_with_digit(input: &str) -> bool {
    input.as_bytes().first().is_some_and(u8::is_ascii_digit)
}

/// A date at the start of `input`, whose first word, lowercased, is `first`.
fn core(input: &str, first: &str, setting: &Setting) -> Option<DateMatch> {
    let published = setting.published;
    let done = |rest: &str, value: Option<String>| {
        Some(DateMatch {
            len: input.len() - rest.len(),
            value,
        })
    };
    // Most calls are on numbers, which open no word: their forms are tried
    // first, without the words' tests.
    if opens_with_digit(input) {
        return digit_form(input, setting, false).and_then(|(rest, value)| done(rest, value));
    }
    match first {
        "today" | "tonight" => {
            return done(&input[first.len()..], published.map(|d| d.to_string()))
        }
        "yesterday" => {
            return done(
                &input[first.len()..],
                published.map(|d| shift_days(d, -1).to_string()),
            )
        }
        "tomorrow" => {
            return done(
                &input[first.len()..],
                published.map(|d| shift_days(d, 1).to_string()),
            )
        }
        "this" | "last" | "next" | "past" => return relative(input, first, setting),
        _ => {}
    }
    if let Some((rest, value)) = quarter_form(input, first, setting) {
        return done(rest, value);
    }
    // Every other date opens with a digit, a capital (month and weekday
    // names) or a qualifier: most words are turned away here.
    let may_open = input.starts_with(|c: char| c.is_ascii_digit() || c.is_uppercase())
        || QUALIFIERS.contains(&first)
        || first.starts_with("mid-");
    if !may_open {
        return None;
    }
    // "mid-January", "early March", "late 2023", "mid-2024". Most dates have
    // no qualifier: the phrases are tried only when the first word opens with one.
    let mut body = input;
    if QUALIFIERS.iter().any(|q| first.starts_with(q)) {
        for qualifier in ["mid-", "mid", "early", "late"] {
            let Some(rest) = phrase(input, qualifier, false) else {
                continue;
            };
            let rest = if qualifier == "mid-" {
                Some(rest)
            } else {
                rest.strip_prefix(['-', '‑']).or_else(|| {
                    Some(rest.trim_start_matches(is_space)).filter(|r| r.len() < rest.len())
                })
            };
            if let Some(rest) = rest {
                body = rest;
                break;
            }
        }
    }
    let qualified = body.len() < input.len();
    // Month and weekday names open with a letter, the other forms with a digit.
    if opens_with_digit(body) {
        return digit_form(body, setting, qualified).and_then(|(rest, value)| done(rest, value));
    }
    if let Some(m) = month_form(body, setting, qualified) {
        return done(&body[m.len..], m.value);
    }
    if qualified {
        return None;
    }
    weekday_form(body, setting).and_then(|(rest, value)| done(rest, value))
}

/// The forms that open with digits: numeric dates, a day before a month
/// and a year. A year needs a cue, a qualifier before it (`qualified`) or
/// to stand alone, to tell it from a count.
fn digit_form<'a>(
    body: &'a str,
    setting: &Setting,
    qualified: bool,
) -> Option<(&'a str, Option<String>)> {
    if !may_open_digits(body) {
        return None;
    }
    if let Some((rest, value)) = numeric_form(body) {
        return Some((rest, Some(value)));
    }
    let (rest, number) = numeral(body).ok()?;
    // "14 May 2024", "1 September"
    let spaced = rest.trim_start_matches(is_space);
    if spaced.len() < rest.len()
        && (1.0..=31.0).contains(&number.value)
        && number.value.fract() == 0.0
    {
        if let Some((after, month)) = month_name(spaced) {
            let day = number.value as i8;
            if let Some((after_year, year)) = year_after(after, false) {
                return Some((
                    after_year,
                    Date::new(year, month, day).ok().map(|d| d.to_string()),
                ));
            }
            let value =
                resolve_month_day(setting.published, month, day, setting.tense(Reach::Clause));
            return Some((after, value));
        }
    }
    // A year: "in 1993", "since 2014", "Lisbon's 2023 counter-offensive".
    if !number.is_year_like()
        || !(1800.0..=2199.0).contains(&number.value)
        || rest.starts_with(|c: char| c.is_alphanumeric() || c == '%')
    {
        return None;
    }
    if !qualified && !setting.cued() && !stands_alone(rest) {
        return None;
    }
    Some((rest, Some(format!("{:04}", number.value as i32))))
}

/// Whether text that opens with digits may open a date, by tests the forms
/// make later on the same bytes, so that most numbers ("57 percent",
/// "32,100", "4.2") are turned away before they are read as numbers. A
/// numeric date has a slash after its first digits ("6/1/2024") or a hyphen
/// after four ("2024-06-01"). A number written with a decimal point or a
/// thousands separator is a quantity, and three digits or more than four a
/// count or a code. A day ("14 May") is followed by spaces and a month name,
/// which opens with a capital; a year has four digits from 1800 to 2199, with
/// no letter or percent sign after them ("1990s", "2000%").
fn may_open_digits(body: &str) -> bool {
    let bytes = body.as_bytes();
    let run = bytes.iter().take_while(|b| b.is_ascii_digit()).count();
    let after = &body[run..];
    if after.starts_with('/') {
        return true;
    }
    let separated =
        after.starts_with([',', '.']) && bytes.get(run + 1).is_some_and(u8::is_ascii_digit);
    if separated || !matches!(run, 1 | 2 | 4) {
        return false;
    }
    let spaced = after.trim_start_matches(is_space);
    let month_follows =
        spaced.len() < after.len() && spaced.starts_with(|c: char| c.is_ascii_uppercase());
    let iso = run == 4 && after.starts_with('-');
    let year = run == 4
        && matches!(&bytes[..2], b"18" | b"19" | b"20" | b"21")
        && !after.starts_with(|c: char| c.is_alphanumeric() || c == '%');
    month_follows || iso || year
}

/// Whether a year with no cue before it stands alone (followed by punctuation
/// or a word that is not a counted noun).
fn stands_alone(rest: &str) -> bool {
    // "asteroid 2011 QF7": a code follows.
    let next = rest
        .trim_start_matches(is_space)
        .split(char::is_whitespace)
        .next()
        .unwrap_or("");
    if next.chars().any(|c| c.is_ascii_digit()) {
        return false;
    }
    match next_word_lower(rest) {
        None => true,
        Some(w) => super::count::plural_lemma(&w).is_none(),
    }
}

/// Quarters of a year: "the third quarter", "the fourth quarter of 2024",
/// "Q3", "Q1 2025". Without a year, the quarter is placed by the tense:
/// the latest begun by the publication date in the past, the first not
/// yet over in the future.
fn quarter_form<'a>(
    input: &'a str,
    first: &str,
    setting: &Setting,
) -> Option<(&'a str, Option<String>)> {
    let (rest, quarter) = match ORDINALS.iter().position(|&ordinal| ordinal == first) {
        Some(index) => {
            let after = input[first.len()..].strip_prefix([' ', '-'])?;
            (phrase(after, "quarter", false)?, index as i32 + 1)
        }
        None => {
            let code = input.get(..2).filter(|code| is_quarter_code(code))?;
            (&input[2..], i32::from(code.as_bytes()[1] - b'0'))
        }
    };
    if rest.starts_with(|c: char| c.is_alphanumeric()) {
        return None;
    }
    let published = setting.published;
    let in_year = |year: i32| quarter_name(year * 4 + quarter - 1);
    // "of 2024", "of last year", " 2024".
    if let Some(after_of) = phrase(rest.trim_start_matches(is_space), "of", false) {
        if let Some((after, year)) = year_after(after_of, false) {
            return Some((after, Some(in_year(year.into()))));
        }
        let body = after_of.trim_start_matches(is_space);
        if let Some((after, offset)) =
            named_year(body).or_else(|| phrase(body, "the year", false).map(|after| (after, 0)))
        {
            let value = published.map(|d| in_year(i32::from(d.year()) + offset));
            return Some((after, value));
        }
    }
    if let Some((after, year)) = year_after(rest, false) {
        return Some((after, Some(in_year(year.into()))));
    }
    let value = published.map(|d| resolve_quarter(d, quarter, setting.tense(Reach::Clause)));
    Some((rest, value))
}

/// The ordinals that name a quarter: "the third quarter".
const ORDINALS: [&str; 4] = ["first", "second", "third", "fourth"];

/// "last year", "this year" or "next year" at the start of `input`: the
/// rest, and the years from the publication's.
fn named_year(input: &str) -> Option<(&str, i32)> {
    [("last year", -1), ("this year", 0), ("next year", 1)]
        .into_iter()
        .find_map(|(words, offset)| phrase(input, words, false).map(|after| (after, offset)))
}

/// A date's quarter, counted from year 0: four a year.
fn quarter_index(date: Date) -> i32 {
    i32::from(date.year()) * 4 + (i32::from(date.month()) - 1) / 3
}

/// "2025-Q4" for a quarter counted by [`quarter_index`].
fn quarter_name(index: i32) -> String {
    format!("{:04}-Q{}", index.div_euclid(4), index.rem_euclid(4) + 1)
}

/// Quarter `quarter` (1 to 4) of the publication's year, or of the year
/// before or after as the tense places it.
fn resolve_quarter(published: Date, quarter: i32, tense: Tense) -> String {
    let now = quarter_index(published);
    let this = now - now.rem_euclid(4) + quarter - 1;
    quarter_name(match tense {
        Tense::Future if this < now => this + 4,
        Tense::Future => this,
        _ if this > now => this - 4,
        _ => this,
    })
}

/// "this week", "last month", "next year", "last Tuesday", "this past week".
fn relative(input: &str, first: &str, setting: &Setting) -> Option<DateMatch> {
    let mut rest = input[first.len()..].trim_start_matches(is_space);
    let mut which = first;
    if first == "this" {
        if let Some(r) = phrase(rest, "past", false) {
            rest = r.trim_start_matches(is_space);
            which = "last";
        }
    }
    let offset = match which {
        "this" => 0,
        "last" | "past" => -1,
        _ => 1,
    };
    let published = setting.published;
    if let Some((after, month)) = month_name(rest) {
        // "last March 3" names a day: left to the month forms.
        let day_follows = after
            .trim_start_matches(is_space)
            .starts_with(|c: char| c.is_ascii_digit());
        if which != "past" && !day_follows {
            return Some(DateMatch {
                len: input.len() - after.len(),
                value: published.map(|d| relative_month(d, month, offset)),
            });
        }
    }
    let word = next_word_lower(rest)?;
    // "last year's crop": the possessive is no part of the date (in a web
    // page, "year&rsquo;s" reads "year'" and, apart, "s").
    let word = word
        .strip_suffix("'s")
        .or_else(|| word.strip_suffix("’s"))
        .unwrap_or_else(|| word.trim_end_matches(['\'', '’']));
    let after = &rest[word.len()..];
    let value = match word {
        "week" => published.map(|d| iso_week(shift_days(d, 7 * offset))),
        // The week of the weekend's Saturday: on a weekday "this weekend"
        // is the coming one, on a Sunday the one ending that day.
        "weekend" => published.map(|d| {
            let from_monday = i64::from(d.weekday().to_monday_zero_offset());
            let saturday = shift_days(d, 5 - from_monday);
            iso_week(shift_days(saturday, 7 * offset))
        }),
        "month" => published.map(|d| {
            let (y, m) = shift_month(d.year(), d.month(), offset);
            format!("{y:04}-{m:02}")
        }),
        "year" => published.map(|d| format!("{:04}", i32::from(d.year()) + offset as i32)),
        "quarter" => published.map(|d| quarter_name(quarter_index(d) + offset as i32)),
        _ => {
            if which == "past" {
                return None;
            }
            let capitalized = &rest[..word.len()];
            let (_, weekday) = WEEKDAYS.iter().find(|(name, _)| *name == capitalized)?;
            let back_or_forth = match offset {
                -1 => Direction::Before,
                1 => Direction::After,
                _ => Direction::Nearest(setting.tense(Reach::Sentence)),
            };
            published.map(|d| resolve_weekday(d, *weekday, back_or_forth).to_string())
        }
    };
    if which == "past" && !matches!(word, "week" | "month" | "quarter" | "year") {
        return None;
    }
    Some(DateMatch {
        len: input.len() - after.len(),
        value,
    })
}

/// Month forms: "April 24", "Sept. 1, 2024", "August 2023", "July last year",
/// "in May". A bare month needs a cue or a qualifier before it (`qualified`).
fn month_form(input: &str, setting: &Setting, qualified: bool) -> Option<DateMatch> {
    let (rest, month) = month_name(input)?;
    let done = |rest: &str, value: Option<String>| {
        Some(DateMatch {
            len: input.len() - rest.len(),
            value,
        })
    };
    let spaced = rest.trim_start_matches(is_space);
    let has_space = spaced.len() < rest.len();
    // "the December quarter": the quarter that month ends.
    if let Some(after) = phrase(spaced, "quarter", false).filter(|_| has_space) {
        let quarter = (i32::from(month) + 2) / 3;
        let value = setting
            .published
            .map(|d| resolve_quarter(d, quarter, setting.tense(Reach::Clause)));
        return done(after, value);
    }
    // "April 24", "April 24th", "April 24, 2024"
    if has_space {
        if let Ok((after_day, day)) = numeral(spaced) {
            let after_day = ["st", "nd", "rd", "th"]
                .iter()
                .find_map(|s| after_day.strip_prefix(s))
                .unwrap_or(after_day);
            let is_day = (1.0..=31.0).contains(&day.value)
                && day.value.fract() == 0.0
                && !after_day.starts_with(|c: char| c.is_alphanumeric());
            if is_day {
                let day = day.value as i8;
                if let Some((after_year, year)) = year_after(after_day, true) {
                    return done(
                        after_year,
                        Date::new(year, month, day).ok().map(|d| d.to_string()),
                    );
                }
                return done(
                    after_day,
                    resolve_month_day(setting.published, month, day, setting.tense(Reach::Clause)),
                );
            }
            // "August 2023"
            if day.is_year_like() && !after_day.starts_with(|c: char| c.is_alphanumeric()) {
                return done(
                    after_day,
                    Some(format!("{:04}-{month:02}", day.value as i32)),
                );
            }
        }
        // "July last year", "March this year"
        if let Some((after, offset)) = named_year(spaced) {
            let value = setting
                .published
                .map(|d| format!("{:04}-{month:02}", i32::from(d.year()) + offset));
            return done(after, value);
        }
    }
    // A bare month needs a cue; "May" and "March" also need one as verbs.
    if !qualified && !setting.cued() {
        return None;
    }
    done(
        rest,
        resolve_month(setting.published, month, setting.tense(Reach::Clause)),
    )
}

/// A capitalised month name or abbreviation, with its full stop if it has one.
fn month_name(input: &str) -> Option<(&str, i8)> {
    MONTH_NAMES
        .longest(input)
        .map(|(rest, month)| (rest, *month))
}

/// ", 2024" or " 2024" after a day.
fn year_after(input: &str, comma_allowed: bool) -> Option<(&str, i16)> {
    let rest = if comma_allowed {
        input.strip_prefix(',').unwrap_or(input)
    } else {
        input
    };
    let spaced = super::lexicon::after_spaces(rest)?;
    let (after, year) = numeral(spaced).ok()?;
    if !year.is_year_like() || after.starts_with(|c: char| c.is_alphanumeric()) {
        return None;
    }
    Some((after, year.value as i16))
}

/// "Tuesday", "Tuesday's", "Monday night".
fn weekday_form<'a>(input: &'a str, setting: &Setting) -> Option<(&'a str, Option<String>)> {
    let (mut rest, &weekday) = WEEKDAY_NAMES.longest(input)?;
    for part in ["'s", "’s"] {
        if let Some(r) = rest.strip_prefix(part) {
            rest = r;
        }
    }
    let value = setting.published.map(|d| {
        resolve_weekday(
            d,
            weekday,
            Direction::Nearest(setting.tense(Reach::Sentence)),
        )
        .to_string()
    });
    Some((rest, value))
}

/// "2024-06-01" and "6/1/2024".
fn numeric_form(input: &str) -> Option<(&str, String)> {
    let bytes = input.as_bytes();
    let digits = |range: std::ops::Range<usize>| {
        bytes
            .get(range.clone())
            .is_some_and(|b| b.iter().all(u8::is_ascii_digit))
    };
    if digits(0..4)
        && bytes.get(4) == Some(&b'-')
        && digits(5..7)
        && bytes.get(7) == Some(&b'-')
        && digits(8..10)
    {
        let rest = &input[10..];
        if !rest.starts_with(|c: char| c.is_alphanumeric()) {
            let date: Date = input[..10].parse().ok()?;
            return Some((rest, date.to_string()));
        }
    }
    let end = input
        .find(|c: char| !(c.is_ascii_digit() || c == '/'))
        .unwrap_or(input.len());
    let mut parts = input[..end].split('/');
    if let (Some(month), Some(day), Some(year), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    {
        if year.len() != 4 || input[end..].starts_with(|c: char| c.is_alphanumeric()) {
            return None;
        }
        let month: i8 = month.parse().ok()?;
        let day: i8 = day.parse().ok()?;
        let year: i16 = year.parse().ok()?;
        let date = Date::new(year, month, day).ok()?;
        return Some((&input[end..], date.to_string()));
    }
    None
}

/// Where to look for a weekday relative to the publication date.
#[derive(Clone, Copy, Debug)]
enum Direction {
    /// Strictly before ("last Tuesday").
    Before,
    /// Strictly after ("next Tuesday").
    After,
    /// On or before in the past tense, on or after in the future, else the nearest.
    Nearest(Tense),
}

fn resolve_weekday(published: Date, weekday: Weekday, direction: Direction) -> Date {
    let today = i64::from(published.weekday().to_monday_zero_offset());
    let target = i64::from(weekday.to_monday_zero_offset());
    let back = (today - target).rem_euclid(7);
    let forth = (target - today).rem_euclid(7);
    let offset = match direction {
        Direction::Before => -(if back == 0 { 7 } else { back }),
        Direction::After => {
            if forth == 0 {
                7
            } else {
                forth
            }
        }
        Direction::Nearest(Tense::Past) => -back,
        Direction::Nearest(Tense::Future) => forth,
        Direction::Nearest(Tense::Neutral) => {
            if back <= forth {
                -back
            } else {
                forth
            }
        }
    };
    shift_days(published, offset)
}

fn resolve_month_day(published: Option<Date>, month: i8, day: i8, tense: Tense) -> Option<String> {
    let published = published?;
    let year = published.year();
    let candidates: Vec<Date> = [year - 1, year, year + 1]
        .into_iter()
        .filter_map(|y| Date::new(y, month, day).ok())
        .collect();
    let chosen = match tense {
        Tense::Past => candidates.iter().rev().find(|d| **d <= published),
        Tense::Future => candidates.iter().find(|d| **d >= published),
        Tense::Neutral => candidates
            .iter()
            .min_by_key(|d| days_between(published, **d).abs()),
    };
    chosen.map(|d| d.to_string())
}

/// "last March" is the latest March before the publication month, "next
/// March" the first after it, "this March" the one of the publication year.
fn relative_month(published: Date, month: i8, offset: i64) -> String {
    let now = i32::from(published.year()) * 12 + i32::from(published.month()) - 1;
    let this = i32::from(published.year()) * 12 + i32::from(month) - 1;
    let chosen = match offset {
        0 => this,
        o if o < 0 => {
            if this < now {
                this
            } else {
                this - 12
            }
        }
        _ => {
            if this > now {
                this
            } else {
                this + 12
            }
        }
    };
    format!("{:04}-{:02}", chosen / 12, chosen % 12 + 1)
}

fn resolve_month(published: Option<Date>, month: i8, tense: Tense) -> Option<String> {
    let published = published?;
    let now = i32::from(published.year()) * 12 + i32::from(published.month()) - 1;
    let candidates =
        [-1, 0, 1].map(|dy| (i32::from(published.year()) + dy) * 12 + i32::from(month) - 1);
    let chosen = match tense {
        Tense::Past => candidates.iter().rev().find(|c| **c <= now),
        Tense::Future => candidates.iter().find(|c| **c >= now),
        Tense::Neutral => candidates.iter().min_by_key(|c| (**c - now).abs()),
    }?;
    Some(format!("{:04}-{:02}", chosen / 12, chosen % 12 + 1))
}

fn shift_days(date: Date, days: i64) -> Date {
    date.checked_add(days.days()).unwrap_or(date)
}

fn days_between(a: Date, b: Date) -> i64 {
    let to_days =
        |d: Date| i64::from(d.year()) * 372 + i64::from(d.month()) * 31 + i64::from(d.day());
    to_days(b) - to_days(a)
}

fn shift_month(year: i16, month: i8, offset: i64) -> (i32, i32) {
    let index = i64::from(year) * 12 + i64::from(month) - 1 + offset;
    (
        (index.div_euclid(12)) as i32,
        (index.rem_euclid(12) + 1) as i32,
    )
}

pub fn iso_week(date: Date) -> String {
    let week = date.iso_week_date();
    format!("{:04}-W{:02}", week.year(), week.week())
}

/// Whether a lowercased word can start a date, for the scanner's quick check.
pub fn may_start(lower: &str, original: &str) -> bool {
    // Numbers, most of the words asked about, are settled by their first
    // byte; most other words are turned away by their ends and length.
    static ENDS: WordEnds = WordEnds::new(&[&OPENING_WORDS, &DAY_WORDS]);
    opens_with_digit(original)
        || (ENDS.may_hold(lower) && (OPENING_WORDS.contains(&lower) || DAY_WORDS.contains(&lower)))
        || lower.starts_with("mid-")
        || names_month_or_weekday(original)
        || is_quarter_code(original)
}

/// "Q1" to "Q4".
fn is_quarter_code(word: &str) -> bool {
    matches!(word.as_bytes(), [b'Q', b'1'..=b'4'])
}

/// Lowercase words a date may open with, besides [`DAY_WORDS`]: "last
/// month", "in 1993", "early March", "third quarter".
pub const OPENING_WORDS: [&str; 14] = [
    "this", "last", "next", "past", "in", "on", "since", "early", "late", "mid", "first", "second",
    "third", "fourth",
];

/// Words that anchor a date though they open none: "the third quarter".
pub const PERIOD_WORDS: [&str; 1] = ["quarter"];

/// The days named relative to today, and "weekend" ("this weekend"), words
/// that anchor a date.
pub const DAY_WORDS: [&str; 5] = ["today", "tonight", "yesterday", "tomorrow", "weekend"];

/// Whether a word opens with a month or weekday name, written (as they
/// are) with a capital.
/// Whether a word is, whole, a month or weekday name or a month's
/// abbreviation ("Sept"): "Marchetti" and "Maynard" are not.
pub fn is_month_or_weekday(word: &str) -> bool {
    // The opening settles most words; the lists are read for the rest.
    names_month_or_weekday(word)
        && (MONTHS
            .iter()
            .any(|(month, _)| month.strip_suffix('.').unwrap_or(month) == word)
            || WEEKDAYS.iter().any(|(weekday, _)| *weekday == word))
}

pub fn names_month_or_weekday(original: &str) -> bool {
    // The first three letters of every month's forms ("Sept." and
    // "September" open alike) settle a month; those of a weekday turn away
    // most other capitalised words before the names are compared.
    let Some(opening) = original.as_bytes().get(..3) else {
        return false;
    };
    match opening {
        b"Jan" | b"Feb" | b"Mar" | b"Apr" | b"May" | b"Jun" | b"Jul" | b"Aug" | b"Sep" | b"Oct"
        | b"Nov" | b"Dec" => true,
        b"Mon" | b"Tue" | b"Wed" | b"Thu" | b"Fri" | b"Sat" | b"Sun" => {
            WEEKDAYS.iter().any(|(w, _)| original.starts_with(w))
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(published: &str, tense: Tense, text: &str) -> Option<(String, Option<String>)> {
        let setting = Setting {
            published: Some(published.parse().expect("test dates are ISO dates")),
            find_tense: &|_| tense,
            previous_word: None,
        };
        parse(text, &setting).map(|m| (text[..m.len].to_string(), m.value))
    }

    fn value(published: &str, tense: Tense, text: &str) -> Option<String> {
        at(published, tense, text).and_then(|(_, v)| v)
    }

    #[test]
    fn months_and_weekdays_are_named_by_their_openings() {
        for (name, _) in MONTHS {
            assert!(names_month_or_weekday(name), "{name}");
            assert!(names_month_or_weekday(&format!("{name}’s")), "{name}");
        }
        for (name, _) in WEEKDAYS {
            assert!(names_month_or_weekday(name), "{name}");
        }
        for word in ["Ma", "march", "Thursby", "The", "Mayor", "Jé", ""] {
            let month = MONTHS.iter().any(|(m, _)| word.get(..3) == m.get(..3));
            assert_eq!(names_month_or_weekday(word), month, "{word}");
        }
    }

    #[test]
    fn quantities_and_codes_open_no_date() {
        // A decimal or three digits is a quantity or a code, not a day.
        assert_eq!(at("2024-06-01", Tense::Past, "4.0 May 2024 in"), None);
        assert_eq!(at("2024-06-01", Tense::Past, "014 May in"), None);
        assert_eq!(
            value("2024-06-01", Tense::Past, "14 May in"),
            Some("2024-05-14".to_string())
        );
    }

    #[test]
    fn digits_no_date_can_open_are_turned_away_before_parsing() {
        // After a cue, as the years need one.
        let cued = Setting {
            published: Some(Date::constant(2024, 6, 1)),
            find_tense: &|_| Tense::Past,
            previous_word: Some("in"),
        };
        for date in [
            "14 May 2024",
            "1 September",
            "2024-06-01",
            "6/1/2024",
            "1993,",
            "2014",
            "1800 and",
            "2199.",
        ] {
            assert!(may_open_digits(date), "{date}");
            assert!(parse(date, &cued).is_some(), "{date}");
        }
        for number in [
            "57 percent",
            "32,100",
            "4.2 May",
            "109 kilometres",
            "12345",
            "1990s",
            "2000%",
            "1799",
            "2200",
            "2024,5",
            "14 may",
            "40 passes",
            "3-1",
        ] {
            assert!(!may_open_digits(number), "{number}");
            assert!(parse(number, &cued).is_none(), "{number}");
        }
    }

    #[test]
    fn absolute() {
        assert_eq!(
            value("2024-05-14", Tense::Past, "April 24 were"),
            Some("2024-04-24".into())
        );
        assert_eq!(
            value("2021-09-02", Tense::Past, "Sept. 1, said"),
            Some("2021-09-01".into())
        );
        assert_eq!(
            value("2021-09-02", Tense::Neutral, "Feb. 24, 2022."),
            Some("2022-02-24".into())
        );
        assert_eq!(
            value("2021-09-02", Tense::Neutral, "14 May 2024"),
            Some("2024-05-14".into())
        );
        assert_eq!(
            value("2021-09-02", Tense::Neutral, "2024-06-01"),
            Some("2024-06-01".into())
        );
        assert_eq!(
            value("2021-09-02", Tense::Neutral, "August 2023"),
            Some("2023-08".into())
        );
        assert_eq!(
            value("2021-09-02", Tense::Neutral, "in 1993,"),
            Some("1993".into())
        );
        assert_eq!(
            value("2024-12-03", Tense::Future, "mid-January"),
            Some("2025-01".into())
        );
        assert_eq!(
            value("2024-12-03", Tense::Neutral, "in January"),
            Some("2025-01".into())
        );
        assert_eq!(
            value("2024-12-03", Tense::Neutral, "mid-2024"),
            Some("2024".into())
        );
        assert_eq!(
            value("2024-12-03", Tense::Past, "early March"),
            Some("2024-03".into())
        );
        assert_eq!(
            value("2024-12-03", Tense::Past, "May 14"),
            Some("2024-05-14".into())
        );
        assert_eq!(
            value("2024-12-03", Tense::Neutral, "6/1/2024"),
            Some("2024-06-01".into())
        );
        assert_eq!(
            value("2024-12-03", Tense::Neutral, "since 2014,"),
            Some("2014".into())
        );
    }

    #[test]
    fn months_and_weekdays_are_whole_words() {
        for word in ["March", "Sept", "Dec", "Friday"] {
            assert!(is_month_or_weekday(word), "{word}");
        }
        // Names the anchor test lets through, as they open like a month.
        for word in ["Marchetti", "Maynard", "Junior", "Augustine"] {
            assert!(!is_month_or_weekday(word), "{word}");
            assert!(names_month_or_weekday(word), "{word}");
        }
    }

    #[test]
    fn relative_with_tense() {
        // 2024-06-12 is a Wednesday.
        assert_eq!(
            value("2024-06-12", Tense::Future, "on Thursday"),
            Some("2024-06-13".into())
        );
        assert_eq!(
            value("2024-06-12", Tense::Past, "Tuesday that"),
            Some("2024-06-11".into())
        );
        assert_eq!(
            value("2024-06-12", Tense::Past, "Thursday"),
            Some("2024-06-06".into())
        );
        assert_eq!(
            value("2024-06-12", Tense::Past, "Wednesday."),
            Some("2024-06-12".into())
        );
        assert_eq!(
            value("2024-06-12", Tense::Neutral, "this week"),
            Some("2024-W24".into())
        );
        assert_eq!(
            value("2024-05-14", Tense::Neutral, "last month"),
            Some("2024-04".into())
        );
        assert_eq!(
            value("2024-10-21", Tense::Neutral, "next year"),
            Some("2025".into())
        );
        assert_eq!(
            value("2024-05-14", Tense::Neutral, "July last year"),
            Some("2023-07".into())
        );
        assert_eq!(
            value("2024-05-14", Tense::Neutral, "last year’s crop"),
            Some("2023".into())
        );
        assert_eq!(
            value("2024-05-14", Tense::Neutral, "last year'      s crop"),
            Some("2023".into())
        );
        // "since" looks back whatever the verb.
        assert_eq!(
            value("2024-11-14", Tense::Future, "since March"),
            Some("2024-03".into())
        );
        assert_eq!(
            value("2024-06-12", Tense::Neutral, "today"),
            Some("2024-06-12".into())
        );
    }

    #[test]
    fn quarters_take_the_year_the_tense_gives() {
        // Written in February 2026, in the year's first quarter.
        let published = "2026-02-05";
        let cases = [
            (Tense::Past, "fourth quarter", "fourth quarter", "2025-Q4"),
            (Tense::Past, "first quarter", "first quarter", "2026-Q1"),
            (Tense::Future, "third quarter", "third quarter", "2026-Q3"),
            (
                Tense::Past,
                "second quarter of last year, when",
                "second quarter of last year",
                "2025-Q2",
            ),
            (Tense::Neutral, "Q3 2024 sales", "Q3 2024", "2024-Q3"),
            (Tense::Past, "last quarter", "last quarter", "2025-Q4"),
            (
                Tense::Past,
                "December quarter sales",
                "December quarter",
                "2025-Q4",
            ),
        ];
        for (tense, input, text, quarter) in cases {
            assert_eq!(
                at(published, tense, input),
                Some((text.into(), Some(quarter.into()))),
                "{input}"
            );
        }
        assert_eq!(value(published, Tense::Neutral, "Q5"), None);
        assert_eq!(value(published, Tense::Neutral, "third-party"), None);
    }

    #[test]
    fn relative_months() {
        // Written in March: "last March" is a year back, "last January" this year.
        assert_eq!(
            at("2025-03-12", Tense::Past, "last March, when"),
            Some(("last March".into(), Some("2024-03".into())))
        );
        assert_eq!(
            value("2025-03-12", Tense::Past, "last January"),
            Some("2025-01".into())
        );
        assert_eq!(
            value("2025-03-12", Tense::Future, "next March"),
            Some("2026-03".into())
        );
        assert_eq!(
            value("2025-03-12", Tense::Future, "next June"),
            Some("2025-06".into())
        );
        assert_eq!(
            value("2025-03-12", Tense::Neutral, "this December"),
            Some("2025-12".into())
        );
        // A day after the month is left to the month forms.
        assert_ne!(
            at("2025-03-12", Tense::Past, "last March 3").map(|(text, _)| text),
            Some("last March".into())
        );
    }

    #[test]
    fn unresolved_without_publication_date() {
        let setting = Setting {
            published: None,
            find_tense: &|_| Tense::Past,
            previous_word: None,
        };
        assert_eq!(
            parse("last month", &setting),
            Some(DateMatch {
                len: 10,
                value: None
            })
        );
    }

    #[test]
    fn not_dates() {
        assert_eq!(at("2024-06-12", Tense::Past, "May we"), None);
        assert_eq!(at("2024-06-12", Tense::Past, "2000 troops"), None);
        assert_eq!(at("2024-06-12", Tense::Past, "this plan"), None);
        assert_eq!(at("2024-06-12", Tense::Past, "in 1990s"), None);
        assert_eq!(at("2024-06-12", Tense::Past, "in 57 percent"), None);
        assert_eq!(at("2024-06-12", Tense::Past, "mid-Tuesday"), None);
    }
}
