//! Percentages: "18 percent", "18%", "71 per cent", "2 percentage points".

use super::lexicon::Table;
use super::number::is_space;

static UNITS: Table<&str> = Table::new(
    &[
        ("%", "percent"),
        ("percent", "percent"),
        ("per cent", "percent"),
        ("pct", "percent"),
        ("percentage points", "percentage-point"),
        ("percentage point", "percentage-point"),
        ("% points", "percentage-point"),
        ("% point", "percentage-point"),
        ("pc", "percent"),
    ],
    false,
);

/// The percent unit after a number, spaced ("18 percent"), attached ("18%")
/// or hyphenated ("a 5-percent rise").
pub fn suffix(input: &str) -> Option<(&str, &'static str)> {
    let rest = input
        .strip_prefix(['-', '‑'])
        .unwrap_or(input)
        .trim_start_matches(is_space);
    UNITS.longest(rest).map(|(rest, unit)| (rest, *unit))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn units() {
        assert_eq!(suffix("% of"), Some((" of", "percent")));
        assert_eq!(suffix(" per cent."), Some((".", "percent")));
        assert_eq!(suffix(" percentage points"), Some(("", "percentage-point")));
        assert_eq!(suffix("-percent rise"), Some((" rise", "percent")));
        assert_eq!(suffix(" people"), None);
    }
}
