//! Swapped digits: two figures of one unit written with the same digits
//! but two neighbouring ones swapped ("$12.4 billion" against "$14.2
//! billion", "6.82 metres" against "the 6.28-metre crest"), the commonest
//! slip in copying a figure. Such a pair is compared whatever the subjects
//! say: between articles on one story (see [`Stories`]) when their
//! paragraphs share a telling word and their names are not all different,
//! and within an article when the later figure takes up the earlier. Once
//! three digits are written, two figures of one unit rarely differ only so
//! by chance; shorter ones ("36 runs", "63 runs") often do, and are left to
//! the rules that key figures by subject.
//!
//! Figures are first paired by their digits alone, one value at a time
//! however often it is repeated, so only figures that could be swaps of
//! each other are read further, and a value's figures weighed against
//! another's are bounded: the work grows linearly with the claims.

use std::collections::{BTreeMap, BTreeSet, HashSet};

use rayon::prelude::*;

use super::figures::{disagreement, mentions, overlap, written_number, Mention};
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
    // Figures of one value are paired as one: a story told in a thousand
    // articles repeats its figures a thousand times.
    let mut paired: HashSet<(usize, Span)> = HashSet::new();
    for same in written.chunk_by(|a, b| (a.unit, a.sorted) == (b.unit, b.sorted)) {
        let values: Vec<&[Written]> = same.chunk_by(|a, b| a.digits == b.digits).collect();
        for (k, a) in values.iter().enumerate() {
            for b in &values[k + 1..] {
                if a[0].digits.swapped(&b[0].digits) {
                    paired.extend(a.iter().chain(b.iter()).map(|w| (w.article, w.span)));
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
/// 6.28-metre crest" after "rose to 6.82 metres") in another sentence
/// ("rose from 1,240 to 1,420" is a change): an article that states both
/// afresh ("$146 million on buses", "$416 million for the police") counts
/// two quantities, and is not set against another article either.
fn swaps_in(rule: &Rule, bucket: &[(Digits, Mention)], articles: &[Article]) -> Vec<Finding> {
    let mut by_value: BTreeMap<Digits, Vec<&Mention>> = BTreeMap::new();
    for (digits, m) in bucket {
        by_value.entry(*digits).or_default().push(m);
    }
    let values: Vec<(&Digits, &Vec<&Mention>)> = by_value.iter().collect();
    let mut findings = Vec::new();
    for (k, &(a, with_a)) in values.iter().enumerate() {
        for &(b, with_b) in &values[k + 1..] {
            if !a.swapped(b) {
                continue;
            }
            // Articles that state both values: one that takes up the other
            // is a slip; one that states both afresh counts two quantities.
            let of_b: BTreeSet<usize> = with_b.iter().map(|m| m.article).collect();
            let in_both: BTreeSet<usize> = with_a
                .iter()
                .map(|m| m.article)
                .filter(|article| of_b.contains(article))
                .collect();
            // Weighed in the first articles only, as between sources.
            let taken_up = in_both.iter().take(MOST_WEIGHED).any(|&article| {
                let ys: Vec<&&Mention> = with_b.iter().filter(|m| m.article == article).collect();
                let mut xs = with_a.iter().filter(|m| m.article == article);
                xs.any(|x| {
                    ys.iter().any(|y| {
                        let later = if x.claim.span < y.claim.span { y } else { x };
                        later.refers_back
                            && x.claim.sentence != y.claim.sentence
                            && !apart(x, y)
                            && !named_apart(x, y)
                    })
                })
            });
            let between = in_both.is_empty() && conflict_between(with_a, with_b, articles);
            if taken_up || between {
                let mut all: Vec<&Mention> = with_a.iter().chain(with_b).copied().collect();
                all.sort_by_key(|m| (m.article, m.claim.span));
                let across = all.iter().any(|m| m.article != all[0].article);
                findings.push(disagreement(rule, &all, articles, across));
            }
        }
    }
    findings
}

/// The figures of one value weighed against another's, at most: a story
/// told in a thousand articles repeats its figures a thousand times.
const MOST_WEIGHED: usize = 64;

/// Whether a figure of `xs` and one of `ys`, in different articles, cannot
/// both hold and may be of one thing: beside no different names, in
/// paragraphs that share a telling word ("for $12.4 billion including
/// debt" / "at $14.2 billion including debt"). Two sources' figures whose
/// paragraphs share none ("$138 million for road repairs" / "$183 million
/// to the school district") are two of the many figures a story holds.
fn conflict_between(xs: &[&Mention], ys: &[&Mention], articles: &[Article]) -> bool {
    let read = |ms: &[&Mention]| -> Vec<HashSet<String>> {
        ms.iter()
            .take(MOST_WEIGHED)
            .map(|m| telling_words(&articles[m.article], m.claim.span))
            .collect()
    };
    let (x_words, y_words) = (read(xs), read(ys));
    xs.iter().zip(&x_words).any(|(x, xw)| {
        ys.iter().zip(&y_words).any(|(y, yw)| {
            x.article != y.article && !apart(x, y) && !named_apart(x, y) && !xw.is_disjoint(yw)
        })
    })
}

/// The words of a figure's paragraph, other than the figure's own, that
/// tell what it is about: lowercase words of four letters or more, not
/// the commonest of news copy. Names are left out: every paragraph of a
/// story names its city and its people.
fn telling_words(article: &Article, figure: Span) -> HashSet<String> {
    let text = article.doc.text.as_str();
    let doc = &article.doc;
    let block = doc
        .block_at(figure.start())
        .map_or(figure, |i| doc.blocks[i].cover(figure));
    let (before, after) = (
        &text[block.start()..figure.start()],
        &text[figure.end()..block.end()],
    );
    before
        .split(|c: char| !c.is_alphabetic())
        .chain(after.split(|c: char| !c.is_alphabetic()))
        .filter(|word| word.starts_with(char::is_lowercase) && word.chars().count() >= 4)
        .filter(|word| !COMMON_WORDS.contains(word))
        .map(str::to_string)
        .collect()
}

/// Words of news copy too common to tell two figures' paragraphs alike.
const COMMON_WORDS: &[&str] = &[
    "about", "after", "also", "been", "before", "being", "billion", "from", "have", "into", "last",
    "million", "more", "most", "next", "over", "percent", "said", "says", "than", "that", "their",
    "them", "there", "these", "they", "this", "those", "thousand", "trillion", "were", "what",
    "when", "which", "while", "will", "with", "would", "year", "years",
];

/// Whether two figures are written beside names and share none ("Harlow
/// won 12,453 votes" / "Petrov took 12,543 votes"). Sharing one is enough
/// to be of one thing: the names near a figure are a few of its story's.
fn named_apart(x: &Mention, y: &Mention) -> bool {
    !x.names.is_empty() && !y.names.is_empty() && !x.names.iter().any(|n| y.names.contains(n))
}

/// Whether two figures are told apart: dated differently, or reconciled
/// by their hedges ("more than 1,240" allows 1,420).
fn apart(x: &Mention, y: &Mention) -> bool {
    let dated_apart = x.dated && y.dated && x.when != y.when;
    dated_apart || overlap((x.low, x.high), (y.low, y.high))
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
        let number = written_number(written)?;
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
        let mut counts = [0u8; 10];
        for i in 0..self.len {
            counts[self.digit(i) as usize] += 1;
        }
        // A leading 1 keeps the count of zeros among the sorted digits.
        let packed = (0..10u64).fold(1, |n, d| (0..counts[d as usize]).fold(n, |n, _| n * 10 + d));
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
        // Swaps of each other are bucketed together.
        assert!(!a.swapped(&b) || a.sorted() == b.sorted());
        a.swapped(&b)
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
