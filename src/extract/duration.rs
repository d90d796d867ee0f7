//! Durations: "the 26-month-old war", "two-and-a-half years", "a seven-year
//! extension", "within 10 days", "10 more years".

use super::lexicon::{after_spaces, phrase, After, Table};
use super::number::is_space;

pub(super) static UNITS: Table<&str> = Table::new(
    &[
        ("hours", "hour"),
        ("hour", "hour"),
        ("days", "day"),
        ("day", "day"),
        ("weeks", "week"),
        ("week", "week"),
        ("months", "month"),
        ("month", "month"),
        ("years", "year"),
        ("year", "year"),
        ("yrs", "year"),
        ("decades", "decade"),
        ("decade", "decade"),
        ("centuries", "century"),
        ("century", "century"),
    ],
    false,
);

/// Words allowed between a number and its time unit: "10 more years".
pub(super) static BETWEEN: Table<()> = Table::new(
    &[
        ("more", ()),
        ("full", ()),
        ("straight", ()),
        ("consecutive", ()),
        ("additional", ()),
        ("long", ()),
        ("whole", ()),
        ("further", ()),
        ("successive", ()),
        ("extra", ()),
    ],
    false,
);

/// The units of time, as written: "years", "decade".
pub fn unit_words() -> impl Iterator<Item = &'static str> {
    UNITS.entries().iter().map(|(w, _)| *w)
}

/// What follows a time unit.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tail {
    /// A length of time.
    Plain,
    /// "two years ago": a date.
    Ago,
}

/// The time unit after a number, with what follows it. Accepts "-year"
/// (adjective), "-year-old", " more years", " years ago".
pub fn suffix<'a>(after: &After<'a>) -> Option<(&'a str, &'static str, Tail)> {
    let (rest, unit) = if let Some(hyphenated) = &after.hyphenated {
        let (rest, unit) = UNITS.longest_at(hyphenated)?;
        (phrase(rest, "-old", false).unwrap_or(rest), *unit)
    } else {
        if !after.has_space() {
            return None;
        }
        let spaced = &after.spaced;
        // The unit straight after the number, as most are, or after a word
        // such as "more" (no unit starts with one of those words). A unit
        // must follow that word after spaces: looked up in a table, the word
        // "more" is matched in "more-or-less" and "more’s" too, but no unit
        // starts with a dash or an apostrophe.
        let (rest, unit) = UNITS.longest_at(spaced).or_else(|| {
            let (past, _) = BETWEEN.longest_at(spaced)?;
            UNITS.longest(past.trim_start_matches(is_space))
        })?;
        (rest, *unit)
    };
    if let Some(after) = phrase(rest.trim_start_matches(is_space), "ago", false)
        .filter(|_| rest.starts_with(is_space))
    {
        return Some((after, unit, Tail::Ago));
    }
    Some((rest, unit, Tail::Plain))
}

/// "a year and a half": returns the rest, the unit and the half.
pub fn and_a_half<'a>(after: &After<'a>) -> Option<(&'a str, &'static str)> {
    let (rest, unit) = UNITS.longest_at(&after.spaced)?;
    let rest = phrase(rest.trim_start_matches(is_space), "and a half", false)
        .filter(|_| rest.starts_with(is_space))?;
    Some((rest, unit))
}

/// A smaller unit after a whole one, "and" between or not: "eight years
/// and six months" is 8.5 years, "2 hours 4 minutes" 2.07 hours. Returns
/// the rest and the fraction of `unit` added; the smaller count must be
/// under one `unit` ("five years and 20 months" is two figures).
pub fn and_smaller<'a>(input: &'a str, unit: &str) -> Option<(&'a str, f64)> {
    let (smaller, per) = match unit {
        "year" => ("month", 12.0),
        "week" => ("day", 7.0),
        "day" => ("hour", 24.0),
        // Minutes are measured, not a unit of durations: read here by name.
        "hour" => ("minute", 60.0),
        _ => return None,
    };
    let spaced = after_spaces(input)?;
    let at = phrase(spaced, "and", false)
        .and_then(after_spaces)
        .unwrap_or(spaced);
    let (rest, n) = super::number::number(at).ok()?;
    let rest = if smaller == "minute" {
        let spaced = after_spaces(rest)?;
        phrase(spaced, "minutes", false).or_else(|| phrase(spaced, "minute", false))?
    } else {
        match suffix(&After::new(rest))? {
            (rest, next, Tail::Plain) if next == smaller => rest,
            _ => return None,
        }
    };
    let whole = n.value.fract() == 0.0 && n.value >= 1.0 && n.value < per;
    whole.then_some((rest, n.value / per))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forms() {
        let suffix = |text| suffix(&After::new(text));
        assert_eq!(
            suffix("-month-old war"),
            Some((" war", "month", Tail::Plain))
        );
        assert_eq!(
            suffix("-year extension"),
            Some((" extension", "year", Tail::Plain))
        );
        assert_eq!(suffix(" more years of"), Some((" of", "year", Tail::Plain)));
        assert_eq!(suffix(" Further\u{a0}days"), Some(("", "day", Tail::Plain)));
        assert_eq!(suffix(" moreover years"), None);
        assert_eq!(suffix(" more’s years"), None);
        assert_eq!(suffix(" more-years"), None);
        assert_eq!(suffix(" years ago."), Some((".", "year", Tail::Ago)));
        assert_eq!(suffix(" yearly"), None);
        assert_eq!(suffix("years"), None);
        assert_eq!(suffix("-\u{a0}year"), None);
        let and_a_half = |text| and_a_half(&After::new(text));
        assert_eq!(and_a_half(" year and a half,"), Some((",", "year")));
        assert_eq!(and_a_half("year and a half"), Some(("", "year")));
    }

    #[test]
    fn a_smaller_unit_added() {
        assert_eq!(
            and_smaller(" and six months on Tuesday", "year"),
            Some((" on Tuesday", 0.5))
        );
        assert_eq!(and_smaller(" and 3 days", "week"), Some(("", 3.0 / 7.0)));
        // Not less than one of the larger unit, not the next smaller unit, or no unit at all.
        assert_eq!(
            and_smaller(" 4 minutes in", "hour"),
            Some((" in", 4.0 / 60.0))
        );
        assert_eq!(and_smaller(" two months,", "year"), Some((",", 2.0 / 12.0)));
        assert_eq!(and_smaller(" 75 minutes", "hour"), None);
        assert_eq!(and_smaller(" and 20 months", "year"), None);
        assert_eq!(and_smaller(" and six weeks", "year"), None);
        assert_eq!(and_smaller(" and six officers", "year"), None);
        assert_eq!(and_smaller(" and six months ago", "year"), None);
    }
}
