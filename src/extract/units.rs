//! The units each claim kind is reported in, so that rule files naming a
//! unit can be checked when they are loaded rather than silently match nothing.

use super::claim::Kind;
use super::count::plural_lemma;
use super::measure::is_unit_name;

/// Checks that `unit` is one a claim of `kind` can carry; the error says
/// what would be right.
pub fn check(kind: Kind, unit: &str) -> Result<(), String> {
    match kind {
        Kind::Money => {
            let iso = unit.len() == 3 && unit.bytes().all(|b| b.is_ascii_uppercase());
            ok_or(iso, || {
                format!("money is reported in ISO 4217 codes such as USD or EUR, not {unit:?}")
            })
        }
        Kind::Percent => ok_or(
            matches!(unit, "percent" | "percentage-point" | "basis-point"),
            || {
                format!("percentages are in `percent`, `percentage-point` or `basis-point`, not {unit:?}")
            },
        ),
        Kind::Measure => ok_or(is_unit_name(unit), || {
            format!("{unit:?} is not a measure unit claimlint reports (singular, metric spelling: kilometre, barrel-per-day)")
        }),
        Kind::Duration => ok_or(matches!(unit, "day" | "week" | "month" | "year"), || {
            format!("durations are in day, week, month or year, not {unit:?}")
        }),
        Kind::Ratio => ok_or(unit == "ratio", || {
            "ratios have the unit `ratio`".to_string()
        }),
        Kind::Score => ok_or(unit == "score", || {
            "scores have the unit `score`".to_string()
        }),
        Kind::Count => check_counted_noun(unit),
        Kind::Date | Kind::Quote => Err(format!("{} claims have no unit", kind.name())),
    }
}

/// A counted noun is a lowercase singular lemma, with an optional rate
/// ("casualty-per-day").
fn check_counted_noun(unit: &str) -> Result<(), String> {
    let noun = unit.split_once("-per-").map_or(unit, |(noun, _)| noun);
    let well_formed = !noun.is_empty()
        && noun
            .chars()
            .all(|c| c.is_lowercase() || c == '-' || c == ' ');
    if !well_formed {
        return Err(format!(
            "counted nouns are lowercase singular lemmas (country, troop), not {unit:?}"
        ));
    }
    match plural_lemma(noun) {
        Some(singular) if singular != noun => Err(format!(
            "{unit:?} is plural; counts are reported by their singular, {singular:?}"
        )),
        _ => Ok(()),
    }
}

fn ok_or(ok: bool, message: impl FnOnce() -> String) -> Result<(), String> {
    if ok {
        Ok(())
    } else {
        Err(message())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn units_by_kind() {
        assert!(check(Kind::Money, "USD").is_ok());
        assert!(check(Kind::Money, "dollar").is_err());
        assert!(check(Kind::Measure, "kilometre").is_ok());
        assert!(check(Kind::Measure, "barrel-per-day").is_ok());
        assert!(check(Kind::Measure, "kilometer").is_err());
        assert!(check(Kind::Count, "country").is_ok());
        assert!(check(Kind::Count, "casualty-per-day").is_ok());
        assert!(check(Kind::Count, "countries")
            .unwrap_err()
            .contains("\"country\""));
        assert!(check(Kind::Date, "day").is_err());
    }
}
