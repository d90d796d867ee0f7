//! Hedges before a figure ("about", "more than", "nearly", "up to"...)
//! and after it ("or more", "or so").

use std::sync::LazyLock;

use nom::error::ErrorKind;
use nom::{IResult, Parser};
use rustc_hash::FxHashMap;

use super::claim::Hedge;
use super::lexicon::{after_spaces, lowercased, Table, WordIndex};
use super::number::{failure, word, ws};

/// Phrases in the order they are tried (longer phrases first).
const PHRASES: &[(&str, Hedge)] = &[
    ("a little more than", Hedge::MoreThan),
    ("a little over", Hedge::MoreThan),
    ("a little under", Hedge::Nearly),
    ("slightly more than", Hedge::MoreThan),
    ("slightly less than", Hedge::LessThan),
    ("no more than", Hedge::AtMost),
    ("no fewer than", Hedge::AtLeast),
    ("no less than", Hedge::AtLeast),
    ("not more than", Hedge::AtMost),
    ("in excess of", Hedge::MoreThan),
    ("as many as", Hedge::AtMost),
    ("as much as", Hedge::AtMost),
    ("as high as", Hedge::AtMost),
    ("an estimated", Hedge::About),
    ("more than", Hedge::MoreThan),
    ("well over", Hedge::MoreThan),
    ("well above", Hedge::MoreThan),
    ("just over", Hedge::MoreThan),
    ("upwards of", Hedge::MoreThan),
    ("less than", Hedge::LessThan),
    ("fewer than", Hedge::LessThan),
    ("just under", Hedge::Nearly),
    ("just below", Hedge::Nearly),
    ("just shy of", Hedge::Nearly),
    ("close to", Hedge::Nearly),
    ("at least", Hedge::AtLeast),
    ("at most", Hedge::AtMost),
    ("up to", Hedge::AtMost),
    ("about", Hedge::About),
    ("around", Hedge::About),
    ("roughly", Hedge::About),
    ("approximately", Hedge::About),
    ("some", Hedge::About),
    ("estimated", Hedge::About),
    ("nearly", Hedge::Nearly),
    ("almost", Hedge::Nearly),
    ("over", Hedge::MoreThan),
    ("above", Hedge::MoreThan),
    ("under", Hedge::LessThan),
    ("below", Hedge::LessThan),
    ("within", Hedge::AtMost),
];

/// A phrase's words after its first, and the hedge it makes.
type LaterWords = (Vec<&'static str>, Hedge);

/// The phrases by their first word, in the order they are tried.
static BY_FIRST_WORD: LazyLock<FxHashMap<&str, Vec<LaterWords>>> = LazyLock::new(|| {
    let mut phrases: FxHashMap<&str, Vec<LaterWords>> = FxHashMap::default();
    for (phrase, hedge) in PHRASES {
        let mut words = phrase.split(' ');
        if let Some(first) = words.next() {
            phrases
                .entry(first)
                .or_default()
                .push((words.collect(), *hedge));
        }
    }
    phrases
});

/// The most words a hedge phrase has ("a little more than").
pub const MOST_WORDS: usize = 4;

/// A hedge phrase followed by white space.
pub fn hedge(i: &str) -> IResult<&str, Hedge> {
    let (after_first, first) = word(i)?;
    // The phrases are lowercase; most words open none of them.
    let Some(phrases) = BY_FIRST_WORD.get(lowercased(first).as_ref()) else {
        return failure(i, ErrorKind::Tag);
    };
    'phrases: for (words, hedge) in phrases {
        let mut rest = after_first;
        for part in words {
            match ws(rest) {
                Ok((r, _)) => rest = r,
                Err(_) => continue 'phrases,
            }
            match word(rest) {
                Ok((r, w)) if w.eq_ignore_ascii_case(part) => rest = r,
                _ => continue 'phrases,
            }
        }
        if let Ok((r, _)) = ws.parse(rest) {
            return Ok((r, *hedge));
        }
    }
    failure(i, ErrorKind::Tag)
}

/// Hedges written after a figure: "$1m or more", "20 minutes or so".
static TRAILING: Table<Hedge> = Table::new(
    &[
        ("or more", Hedge::AtLeast),
        ("or higher", Hedge::AtLeast),
        ("or above", Hedge::AtLeast),
        ("or fewer", Hedge::AtMost),
        ("or less", Hedge::AtMost),
        ("or lower", Hedge::AtMost),
        ("or so", Hedge::About),
    ],
    false,
);

/// A hedge after a figure, from the text right after it: the rest past the
/// hedge, and the hedge.
pub fn trailing(after: &str) -> Option<(&str, Hedge)> {
    let spaced = after_spaces(after)?;
    // Every trailing hedge opens with "or": most figures are settled here.
    if !spaced.starts_with(['o', 'O']) {
        return None;
    }
    let (rest, hedge) = TRAILING.longest(spaced)?;
    // "or so-called experts", "or more than double": no hedge, other words.
    let whole_word = !rest.starts_with(|c: char| c.is_alphanumeric() || c == '-');
    let restates = after_spaces(rest).is_some_and(|r| r.starts_with("than"));
    (whole_word && !restates).then_some((rest, *hedge))
}

/// Words that can start a hedge, for the scanner's quick check.
pub fn starts_hedge(lower_word: &str) -> bool {
    static FIRST_WORDS: LazyLock<WordIndex> = LazyLock::new(|| WordIndex::new(first_words()));
    FIRST_WORDS.contains(lower_word)
}

/// Words that can end a hedge: the word before a figure is looked up
/// before a hedge is read back from it.
pub fn ends_hedge(lower_word: &str) -> bool {
    static LAST_WORDS: LazyLock<WordIndex> = LazyLock::new(|| {
        WordIndex::new(PHRASES.iter().filter_map(|(p, _)| p.split(' ').next_back()))
    });
    LAST_WORDS.contains(lower_word)
}

/// The first word of every hedge.
pub fn first_words() -> impl Iterator<Item = &'static str> {
    PHRASES.iter().filter_map(|(p, _)| p.split(' ').next())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn most_words_is_the_longest_phrase() {
        let longest = PHRASES.iter().map(|(p, _)| p.split(' ').count()).max();
        assert_eq!(longest, Some(MOST_WORDS));
    }

    #[test]
    fn longest_phrase_wins() {
        assert_eq!(hedge("more than 50"), Ok(("50", Hedge::MoreThan)));
        assert_eq!(hedge("no more than 5"), Ok(("5", Hedge::AtMost)));
        assert_eq!(hedge("a little over 4.5"), Ok(("4.5", Hedge::MoreThan)));
        assert_eq!(hedge("slightly less than 3"), Ok(("3", Hedge::LessThan)));
        assert_eq!(hedge("About 50"), Ok(("50", Hedge::About)));
        assert_eq!(hedge("an estimated 3"), Ok(("3", Hedge::About)));
        assert!(hedge("overall 5").is_err());
        assert!(hedge("an apple").is_err());
    }
}
