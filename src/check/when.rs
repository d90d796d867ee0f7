//! Dates as the checks need them: a date claim's ISO value ("2024",
//! "2024-04", "2024-04-24", "2024-W20") as the range of days it covers.

use jiff::civil::{Date, ISOWeekDate, Weekday};

/// The first and last day an ISO value at any precision covers.
pub fn range(iso: &str) -> Option<(Date, Date)> {
    let parts: Vec<&str> = iso.split('-').collect();
    let year: i16 = parts.first()?.parse().ok()?;
    match parts.as_slice() {
        [_] => Some((Date::new(year, 1, 1).ok()?, Date::new(year, 12, 31).ok()?)),
        [_, quarter] if quarter.starts_with('Q') => {
            let quarter: i8 = quarter[1..].parse().ok()?;
            let first = Date::new(year, 3 * quarter - 2, 1).ok()?;
            let last = Date::new(year, 3 * quarter, 1).ok()?.last_of_month();
            Some((first, last))
        }
        [_, week] if week.starts_with('W') => {
            let week: i8 = week[1..].parse().ok()?;
            let monday = ISOWeekDate::new(year, week, Weekday::Monday).ok()?.date();
            Some((monday, monday.checked_add(jiff::Span::new().days(6)).ok()?))
        }
        [_, month] => {
            let first = Date::new(year, month.parse().ok()?, 1).ok()?;
            Some((first, first.last_of_month()))
        }
        [_, month, day] => {
            let date = Date::new(year, month.parse().ok()?, day.parse().ok()?).ok()?;
            Some((date, date))
        }
        _ => None,
    }
}

/// Days since 1970-01-01, for comparing dates as numbers.
pub fn day_number(date: Date) -> f64 {
    let epoch = Date::constant(1970, 1, 1);
    (date - epoch).get_days() as f64
}

/// The date `days` (fractional) before `date`.
pub fn days_before(date: Date, days: f64) -> Option<Date> {
    let whole = days.round();
    if !whole.is_finite() || whole.abs() > 3_000_000.0 {
        return None;
    }
    date.checked_sub(jiff::Span::new().days(whole as i64)).ok()
}

/// Days in one duration unit.
pub fn unit_days(unit: &str) -> Option<f64> {
    match unit {
        "day" => Some(1.0),
        "week" => Some(7.0),
        "month" => Some(30.436875),
        "year" => Some(365.2425),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_quarter_spans_its_three_months() {
        let (first, last) = range("2025-Q4").expect("a quarter");
        assert_eq!(
            (first.to_string(), last.to_string()),
            ("2025-10-01".into(), "2025-12-31".into())
        );
        assert!(range("2025-Q5").is_none());
    }

    #[test]
    fn ranges_at_every_precision() {
        let d = |s: &str| s.parse::<Date>().expect("test dates are ISO dates");
        assert_eq!(range("2024"), Some((d("2024-01-01"), d("2024-12-31"))));
        assert_eq!(range("2024-02"), Some((d("2024-02-01"), d("2024-02-29"))));
        assert_eq!(
            range("2024-06-12"),
            Some((d("2024-06-12"), d("2024-06-12")))
        );
        assert_eq!(range("2024-W24"), Some((d("2024-06-10"), d("2024-06-16"))));
        assert_eq!(range("spring"), None);
    }
}
