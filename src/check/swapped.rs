//! Swapped digits: two figures of one unit written with the same digits
//! but two neighbouring ones swapped ("$12.4 billion" against "$14.2
//! billion", "6.82 metres" against "the 6.28-metre crest"), the commonest
//! slip in copying a figure. Such a pair is compared whatever the subjects
//! say, within an article and between articles on one story (see
//! [`Stories`]). Once three digits are written, two figures of one unit
//! rarely differ only so by chance; shorter ones ("36 runs", "63 runs")
//! often do, and are left to the rules that key figures by subject.
//!
//! Figures are bucketed by story, unit, qualifier and their digits in
//! sorted order, so only figures that could be swaps of each other are
//! ever paired: the work grows linearly with the claims.

use std::collections::{BTreeMap, HashSet};

use rayon::prelude::*;

use super::figures::{disagreement, mentions, overlap, Mention};
use super::story::Stories;
use super::{Article, Finding};
use crate::extract::Claim;
use crate::rules::{FigureRule, Rule};
use crate::span::Span;

/// The significant digits a swap needs at least, in one of the two figures.
const MIN_DIGITS: usize = 3;

pub fn check(
    rule: &Rule,
    figure: &FigureRule,
    articles: &[Article],
    stories: &Stories,
) -> Vec<Finding> {
    // Each story's articles together, and each article on no story alone,
    // in the order of their first article.
    let mut reaches: BTreeMap<(usize, usize), Vec<usize>> = BTreeMap::new();
    let mut first_of_story: BTreeMap<usize, usize> = BTreeMap::new();
    for index in 0..articles.len() {
        let key = match stories.of(index) {
            Some(story) => (*first_of_story.entry(story).or_insert(index), 0),
            None => (index, 1),
        };
        reaches.entry(key).or_default().push(index);
    }
    let reaches: Vec<Vec<usize>> = reaches.into_values().collect();
    reaches
        .par_iter()
        .flat_map_iter(|members| in_reach(rule, figure, articles, members))
        .collect()
}

/// The findings among articles that may state one quantity: one story's,
/// or one article's. Figures are first paired by their digits alone, which
/// costs a few operations a figure; only those paired are read further.
fn in_reach(
    rule: &Rule,
    figure: &FigureRule,
    articles: &[Article],
    members: &[usize],
) -> Vec<Finding> {
    let mut written: Vec<Written> = members
        .iter()
        .flat_map(|&index| {
            let article = &articles[index];
            article.claims.iter().filter_map(move |claim| {
                let unit = figure.scope.unit_of(claim.kind, claim.unit.as_deref())?;
                // A figure without a unit ("a crowd of 37,600") says too
                // little of what it counts to be paired by its digits alone.
                if unit.is_empty() {
                    return None;
                }
                let text = claim.span.slice(&article.doc.text);
                let digits = Digits::of(text, claim.value.as_number()?)?;
                Some(Written {
                    unit,
                    sorted: digits.sorted(),
                    digits,
                    article: index,
                    span: claim.span,
                })
            })
        })
        .collect();
    written
        .sort_unstable_by(|a, b| (a.unit, a.sorted, a.digits).cmp(&(b.unit, b.sorted, b.digits)));
    let mut paired: HashSet<(usize, Span)> = HashSet::new();
    for same in written.chunk_by(|a, b| (a.unit, a.sorted) == (b.unit, b.sorted)) {
        for (k, a) in same.iter().enumerate() {
            for b in &same[k + 1..] {
                if a.digits.swapped(&b.digits) {
                    paired.insert((a.article, a.span));
                    paired.insert((b.article, b.span));
                }
            }
        }
    }
    if paired.is_empty() {
        return Vec::new();
    }
    let mut buckets: BTreeMap<Bucket, Vec<(Digits, Mention)>> = BTreeMap::new();
    for &index in members {
        let article = &articles[index];
        let keep = |claim: &Claim| paired.contains(&(index, claim.span));
        for m in mentions(figure, index, article, &keep) {
            let text = m.claim.span.slice(&article.doc.text);
            let Some(digits) = m.claim.value.as_number().and_then(|v| Digits::of(text, v)) else {
                continue;
            };
            let key = (m.unit, m.qualifier, digits.sorted());
            buckets.entry(key).or_default().push((digits, m));
        }
    }
    buckets
        .into_values()
        .flat_map(|bucket| swaps_in(rule, &bucket, articles))
        .collect()
}

/// A figure's digits, as first read to pair figures.
struct Written<'a> {
    unit: &'a str,
    sorted: (i32, u64),
    digits: Digits,
    article: usize,
    span: Span,
}

/// Figures that could be swaps of each other: unit, qualifier and digits
/// in sorted order.
type Bucket<'a> = (&'a str, Option<&'a str>, (i32, u64));

/// The findings of one bucket: each pair of values that are swaps of each
/// other and cannot both hold, with every figure written with either.
/// Within an article the later figure must take up the earlier ("the
/// 6.28-metre crest" after "rose to 6.82 metres"): an article that states
/// both afresh ("$146 million on buses", "$416 million for the police")
/// counts two quantities, and is not set against another article either.
fn swaps_in(rule: &Rule, bucket: &[(Digits, Mention)], articles: &[Article]) -> Vec<Finding> {
    let mut values: Vec<Digits> = bucket.iter().map(|(d, _)| *d).collect();
    values.sort_unstable();
    values.dedup();
    let mut findings = Vec::new();
    for (k, &a) in values.iter().enumerate() {
        for &b in &values[k + 1..] {
            if !a.swapped(&b) {
                continue;
            }
            let with = |d: Digits| -> Vec<&Mention> {
                bucket
                    .iter()
                    .filter(|(digits, _)| *digits == d)
                    .map(|(_, m)| m)
                    .collect()
            };
            let (with_a, with_b) = (with(a), with(b));
            let pairs = || {
                with_a
                    .iter()
                    .flat_map(|x| with_b.iter().map(move |y| (*x, *y)))
                    .filter(|(x, y)| cannot_both_hold(x, y))
            };
            let taken_up = pairs().any(|(x, y)| {
                let (earlier, later) = if x.claim.span < y.claim.span {
                    (x, y)
                } else {
                    (y, x)
                };
                earlier.article == later.article && later.refers_back
            });
            let both_in_one = with_a
                .iter()
                .any(|x| with_b.iter().any(|y| x.article == y.article));
            let between = pairs().any(|(x, y)| x.article != y.article);
            if taken_up || (between && !both_in_one) {
                let mut all: Vec<&Mention> = with_a.into_iter().chain(with_b).collect();
                all.sort_by_key(|m| (m.article, m.claim.span));
                let across = all.iter().any(|m| m.article != all[0].article);
                findings.push(disagreement(rule, &all, articles, across));
            }
        }
    }
    findings
}

/// Whether two figures are stated as one quantity that cannot be both:
/// not one sentence's ("rose from 1,240 to 1,420"), not dated apart, and
/// not reconciled by their hedges ("more than 1,240" allows 1,420).
fn cannot_both_hold(x: &Mention, y: &Mention) -> bool {
    let one_sentence = x.article == y.article && x.claim.sentence == y.claim.sentence;
    let dated_apart = x.dated && y.dated && x.when != y.when;
    !one_sentence && !dated_apart && !overlap((x.low, x.high), (y.low, y.high))
}

/// A figure's digits as written, without leading zeros, and the power of
/// ten of the first: "$12.4 billion" is 1, 2, 4 at 10^10; "1,050 homes" 1,
/// 0, 5, 0 at 10^3. Written digits, as a slip swaps what is written: "1,050"
/// and "1,500" are swaps of each other, "$10.5 million" and "$15 million" not.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
struct Digits {
    magnitude: i32,
    /// How many digits are written.
    len: u8,
    /// The digits, read as one number.
    digits: u64,
}

/// The most digits read: more than any figure is written with.
const MOST_DIGITS: u8 = 18;

impl Digits {
    /// The digits of the first number written in `written`, a figure's
    /// text, whose value is `value`.
    fn of(written: &str, value: f64) -> Option<Digits> {
        if !(value.is_finite() && value > 0.0) {
            return None;
        }
        let start = written.find(|c: char| c.is_ascii_digit())?;
        let number = written[start..]
            .split(|c: char| !(c.is_ascii_digit() || c == ',' || c == '.'))
            .next()?;
        let (mut len, mut digits) = (0u8, 0u64);
        for b in number.bytes().filter(u8::is_ascii_digit) {
            if len == 0 && b == b'0' {
                continue;
            }
            if len == MOST_DIGITS {
                return None;
            }
            len += 1;
            digits = digits * 10 + u64::from(b - b'0');
        }
        // Nudged up so that a value read a hair under a power of ten in
        // floating point ("$4.19 billion" is 4190000000.0000005, 1,000 may
        // be 999.9999999) keeps its magnitude.
        let magnitude = (value.log10() + 1e-9).floor() as i32;
        (len > 0).then_some(Digits {
            magnitude,
            len,
            digits,
        })
    }

    /// Digit `i`, counted from the first.
    fn digit(&self, i: u8) -> u64 {
        self.digits / 10u64.pow(u32::from(self.len - 1 - i)) % 10
    }

    /// The magnitude and the digits in order, read as one number: what two
    /// swaps of each other share.
    fn sorted(&self) -> (i32, u64) {
        let mut digits: Vec<u64> = (0..self.len).map(|i| self.digit(i)).collect();
        digits.sort_unstable();
        // A leading 1 keeps the count of zeros among the sorted digits.
        let packed = digits.iter().fold(1, |n, &d| n * 10 + d);
        (self.magnitude, packed)
    }

    /// The digits written other than trailing zeros.
    fn significant(&self) -> usize {
        (0..self.len)
            .rposition(|i| self.digit(i) != 0)
            .map_or(0, |i| i + 1)
    }

    /// Whether `other` is these digits with two neighbours swapped, one of
    /// the two with three significant digits at least.
    fn swapped(&self, other: &Digits) -> bool {
        if self.magnitude != other.magnitude
            || self.len != other.len
            || self.significant().max(other.significant()) < MIN_DIGITS
        {
            return false;
        }
        let differ: Vec<u8> = (0..self.len)
            .filter(|&i| self.digit(i) != other.digit(i))
            .collect();
        match differ[..] {
            [i, j] => {
                j == i + 1 && self.digit(i) == other.digit(j) && self.digit(j) == other.digit(i)
            }
            _ => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn swapped(a: (&str, f64), b: (&str, f64)) -> bool {
        let (a, b) = (Digits::of(a.0, a.1).unwrap(), Digits::of(b.0, b.1).unwrap());
        a.swapped(&b) && a.sorted() == b.sorted()
    }

    #[test]
    fn neighbouring_digits_swapped_are_a_swap() {
        assert!(swapped(("$12.4 billion", 12.4e9), ("$14.2bn", 14.2e9)));
        assert!(swapped(("6.84 metres", 6.84), ("the 6.48-metre", 6.48)));
        assert!(swapped(("$13,480", 13_480.0), ("$13,840", 13_840.0)));
        assert!(swapped(("1,050 homes", 1_050.0), ("1,500 homes", 1_500.0)));
        assert!(swapped(("0.415 points", 0.415), ("0.451 points", 0.451)));
    }

    #[test]
    fn other_differences_are_no_swap() {
        // Two significant digits are too few: such pairs meet by chance.
        assert!(!swapped(("36 runs", 36.0), ("63 runs", 63.0)));
        assert!(!swapped(("4,600", 4_600.0), ("6,400", 6_400.0)));
        // Digits apart, another magnitude, a third digit changed, one value.
        assert!(!swapped(("124", 124.0), ("421", 421.0)));
        assert!(!swapped(("$1.24bn", 1.24e9), ("$12.4bn", 12.4e9)));
        assert!(!swapped(("124", 124.0), ("143", 143.0)));
        assert!(!swapped(("124", 124.0), ("124", 124.0)));
        // A zero only one of them writes is no swap.
        assert!(!swapped(("$10.5 million", 10.5e6), ("$15 million", 15e6)));
        assert!(Digits::of("0", 0.0).is_none());
        assert!(Digits::of("twelve", 12.0).is_none());
    }
}
