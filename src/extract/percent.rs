//! Percentages: "18 percent", "18%", "71 per cent", "2 percentage points",
//! "25 basis points".

use super::lexicon::{After, Table};

pub(super) static UNITS: Table<&str> = Table::new(
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
        ("basis points", "basis-point"),
        ("basis point", "basis-point"),
        ("basis-point", "basis-point"),
        ("bps", "basis-point"),
    ],
    false,
);

/// The percent unit after a number, spaced ("18 percent"), attached ("18%")
/// or hyphenated ("a 5-percent rise").
pub fn suffix<'a>(after: &After<'a>) -> Option<(&'a str, &'static str)> {
    UNITS
        .longest_at(&after.gapped)
        .map(|(rest, unit)| (rest, *unit))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn units() {
        let suffix = |text| suffix(&After::new(text));
        assert_eq!(suffix("% of"), Some((" of", "percent")));
        assert_eq!(suffix(" per cent."), Some((".", "percent")));
        assert_eq!(suffix(" percentage points"), Some(("", "percentage-point")));
        assert_eq!(suffix("-percent rise"), Some((" rise", "percent")));
        assert_eq!(suffix("-basis-point cut"), Some((" cut", "basis-point")));
        assert_eq!(suffix("bps on"), Some((" on", "basis-point")));
        assert_eq!(suffix(" people"), None);
    }
}
