//! The claim model: what the extractor reports for each figure, date,
//! duration and quotation it finds.

use std::borrow::Cow;
use std::sync::Arc;

use serde::{Serialize, Serializer};

use crate::span::Span;

/// What sort of claim a span of text makes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Money,
    Percent,
    Count,
    Measure,
    Ratio,
    /// A sports result ("won 3-1"), kept apart from ratios.
    Score,
    Date,
    Duration,
    Quote,
}

impl Kind {
    pub const ALL: [Kind; 9] = [
        Kind::Money,
        Kind::Percent,
        Kind::Count,
        Kind::Measure,
        Kind::Ratio,
        Kind::Score,
        Kind::Date,
        Kind::Duration,
        Kind::Quote,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Kind::Money => "money",
            Kind::Percent => "percent",
            Kind::Count => "count",
            Kind::Measure => "measure",
            Kind::Ratio => "ratio",
            Kind::Score => "score",
            Kind::Date => "date",
            Kind::Duration => "duration",
            Kind::Quote => "quote",
        }
    }

    pub fn from_name(name: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.name() == name)
    }
}

/// How a figure is qualified: "about 50", "more than $400 million".
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Hedge {
    About,
    MoreThan,
    AtLeast,
    LessThan,
    AtMost,
    Nearly,
}

impl Hedge {
    pub fn name(self) -> &'static str {
        match self {
            Hedge::About => "about",
            Hedge::MoreThan => "more-than",
            Hedge::AtLeast => "at-least",
            Hedge::LessThan => "less-than",
            Hedge::AtMost => "at-most",
            Hedge::Nearly => "nearly",
        }
    }

    /// The interval a hedged value stands for. "About" is read as ±10% and
    /// "nearly" as up to 10% short.
    pub fn interval(hedge: Option<Hedge>, low: f64, high: f64) -> Interval {
        let (low, high) = match hedge {
            None => (low, high),
            Some(Hedge::About) => (low * 0.9, high * 1.1),
            Some(Hedge::Nearly) => (low * 0.9, high),
            Some(Hedge::MoreThan | Hedge::AtLeast) => (low, f64::INFINITY),
            Some(Hedge::LessThan | Hedge::AtMost) => (f64::NEG_INFINITY, high),
        };
        // Below zero, scaling turns the ends round: about -5 is -5.5 to -4.5.
        Interval {
            low: low.min(high),
            high: high.max(low),
        }
    }
}

/// The direction of a stated movement: "rose 5%", "cut by $3 billion".
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Change {
    Up,
    Down,
}

/// The closed range a figure stands for. An open end is infinite, which
/// keeps the interval two numbers wide (a corpus holds millions of claims).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Interval {
    low: f64,
    high: f64,
}

impl Interval {
    /// Both ends, an open one infinite: what comparisons want.
    pub fn bounds(self) -> (f64, f64) {
        (self.low, self.high)
    }

    /// The lower end, `None` when open ("less than 5").
    pub fn low(self) -> Option<f64> {
        (self.low != f64::NEG_INFINITY).then_some(self.low)
    }

    /// The upper end, `None` when open ("more than 5").
    pub fn high(self) -> Option<f64> {
        (self.high != f64::INFINITY).then_some(self.high)
    }
}

impl Serialize for Interval {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        [self.low().map(Number), self.high().map(Number)].serialize(s)
    }
}

/// A claim's value: a number, an ISO date, a quotation's words, or nothing
/// (a relative date with no publication date to resolve it against).
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    Number(f64),
    Text(String),
    Unknown,
}

impl Value {
    pub fn as_number(&self) -> Option<f64> {
        match self {
            Value::Number(n) => Some(*n),
            _ => None,
        }
    }
}

impl Serialize for Value {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Value::Number(n) => Number(*n).serialize(s),
            Value::Text(t) => s.serialize_str(t),
            Value::Unknown => s.serialize_none(),
        }
    }
}

/// A number that prints whole values without a fraction ("61000000000", not "61000000000.0").
struct Number(f64);

impl Serialize for Number {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let n = self.0;
        if n.fract() == 0.0 && n.abs() < 9.0e15 {
            s.serialize_i64(n as i64)
        } else {
            s.serialize_f64(n)
        }
    }
}

/// Formats a number the way the table and messages show it.
pub fn format_number(n: f64) -> String {
    if n.fract() == 0.0 && n.abs() < 9.0e15 {
        format!("{}", n as i64)
    } else {
        let s = format!("{n:.6}");
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    }
}

/// One claim found in a document.
#[derive(Clone, Debug, PartialEq)]
pub struct Claim {
    pub kind: Kind,
    /// The claim's text, hedge and unit words included.
    pub span: Span,
    /// The sentence the claim stands in.
    pub sentence: Span,
    pub value: Value,
    pub unit: Option<Cow<'static, str>>,
    pub hedge: Option<Hedge>,
    pub interval: Option<Interval>,
    pub change: Option<Change>,
    /// Who the claim is attributed to (shared by the claims of a sentence).
    pub speaker: Option<Arc<str>>,
    /// The short noun phrase the figure is about, in the document's text;
    /// empty when there is none (an `Option` would cost every claim 8 bytes).
    subject: Span,
}

impl Claim {
    pub fn new(kind: Kind, span: Span, value: Value) -> Claim {
        Claim {
            kind,
            span,
            sentence: span,
            value,
            unit: None,
            hedge: None,
            interval: None,
            change: None,
            speaker: None,
            subject: Span::default(),
        }
    }

    /// The range a figure stands for: its hedged interval, or its value
    /// exactly; `None` when the claim is no number. Open ends are infinite.
    pub fn bounds(&self) -> Option<(f64, f64)> {
        let value = self.value.as_number()?;
        Some(self.interval.map_or((value, value), Interval::bounds))
    }

    /// The short noun phrase the figure is about, if one was found.
    pub fn subject(&self) -> Option<Span> {
        (!self.subject.is_empty()).then_some(self.subject)
    }

    /// Makes the figure's first number negative, as "minus" before it
    /// says: "minus 20°C", "between minus 20°C and 40°C" (the range's
    /// other end stays).
    pub fn negate_first(&mut self) {
        let Value::Number(value) = self.value else {
            return;
        };
        self.value = Value::Number(-value);
        if let Some(Interval { low, high }) = self.interval {
            // A range keeps its high end; a single number, hedged or not, is
            // made again about its negative.
            let range = self.hedge.is_none() && low != high;
            let high = if range { high } else { -value };
            self.interval = Some(Hedge::interval(self.hedge, -value, high));
        }
    }

    /// Records the noun phrase the figure is about; an empty span is none.
    pub fn set_subject(&mut self, subject: Span) {
        self.subject = subject;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn open_ends_read_as_none_and_print_as_null() {
        let more = Hedge::interval(Some(Hedge::MoreThan), 5.0, 5.0);
        assert_eq!((more.low(), more.high()), (Some(5.0), None));
        let less = Hedge::interval(Some(Hedge::LessThan), 5.0, 5.0);
        assert_eq!((less.low(), less.high()), (None, Some(5.0)));
        let json = serde_json::to_string(&[more, less]).expect("intervals serialize");
        assert_eq!(json, "[[5,null],[null,5]]");
    }

    #[test]
    fn a_claim_stays_small() {
        // A corpus holds millions of claims: every byte here is megabytes there.
        assert!(std::mem::size_of::<Claim>() <= 120);
    }
}
