//! Durations: "the 26-month-old war", "two-and-a-half years", "a seven-year
//! extension", "within 10 days", "10 more years".

use super::lexicon::{phrase, Table};
use super::number::is_space;

static UNITS: Table<&str> = Table::new(
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
const BETWEEN: &[&str] = &[
    "more",
    "full",
    "straight",
    "consecutive",
    "additional",
    "long",
    "whole",
    "further",
    "successive",
    "extra",
];

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
pub fn suffix(input: &str) -> Option<(&str, &'static str, Tail)> {
    let hyphenated = input.strip_prefix(['-', '‑']);
    let spaced = input.trim_start_matches(is_space);
    let (rest, unit) = if let Some(h) = hyphenated {
        let (rest, unit) = UNITS.longest(h)?;
        (phrase(rest, "-old", false).unwrap_or(rest), *unit)
    } else {
        if spaced.len() == input.len() {
            return None;
        }
        let mut at = spaced;
        if let Some(w) = super::lexicon::next_word_lower(at) {
            if BETWEEN.contains(&w.as_str()) {
                at = at[w.len()..].trim_start_matches(is_space);
            }
        }
        let (rest, unit) = UNITS.longest(at)?;
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
pub fn and_a_half(input: &str) -> Option<(&str, &'static str)> {
    let spaced = input.trim_start_matches(is_space);
    let (rest, unit) = UNITS.longest(spaced)?;
    let rest = phrase(rest.trim_start_matches(is_space), "and a half", false)
        .filter(|_| rest.starts_with(is_space))?;
    Some((rest, unit))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forms() {
        assert_eq!(
            suffix("-month-old war"),
            Some((" war", "month", Tail::Plain))
        );
        assert_eq!(
            suffix("-year extension"),
            Some((" extension", "year", Tail::Plain))
        );
        assert_eq!(suffix(" more years of"), Some((" of", "year", Tail::Plain)));
        assert_eq!(suffix(" years ago."), Some((".", "year", Tail::Ago)));
        assert_eq!(suffix(" yearly"), None);
        assert_eq!(and_a_half(" year and a half,"), Some((",", "year")));
    }
}
