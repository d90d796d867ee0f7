//! Hedges before a figure: "about", "more than", "nearly", "up to"...

use std::sync::LazyLock;

use nom::{IResult, Parser};

use super::claim::Hedge;
use super::lexicon::WordIndex;
use super::number::{word, ws};

/// Phrases in the order they are tried (longer phrases first).
const PHRASES: &[(&str, Hedge)] = &[
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

/// The phrases split into words once.
static PHRASE_WORDS: LazyLock<Vec<(Vec<&str>, Hedge)>> = LazyLock::new(|| {
    PHRASES
        .iter()
        .map(|(phrase, hedge)| (phrase.split(' ').collect(), *hedge))
        .collect()
});

/// A hedge phrase followed by white space.
pub fn hedge(i: &str) -> IResult<&str, Hedge> {
    let fail = || nom::Err::Error(nom::error::Error::new(i, nom::error::ErrorKind::Tag));
    let (_, first) = word(i)?;
    'phrases: for (words, hedge) in PHRASE_WORDS.iter() {
        let mut rest = i;
        for (n, part) in words.iter().enumerate() {
            if n > 0 {
                match ws(rest) {
                    Ok((r, _)) => rest = r,
                    Err(_) => continue 'phrases,
                }
            } else if !first.eq_ignore_ascii_case(part) {
                continue 'phrases;
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
    Err(fail())
}

/// Words that can start a hedge, for the scanner's quick check.
pub fn starts_hedge(lower_word: &str) -> bool {
    static FIRST_WORDS: LazyLock<WordIndex> =
        LazyLock::new(|| WordIndex::new(PHRASES.iter().filter_map(|(p, _)| p.split(' ').next())));
    FIRST_WORDS.contains(lower_word)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn longest_phrase_wins() {
        assert_eq!(hedge("more than 50"), Ok(("50", Hedge::MoreThan)));
        assert_eq!(hedge("no more than 5"), Ok(("5", Hedge::AtMost)));
        assert_eq!(hedge("About 50"), Ok(("50", Hedge::About)));
        assert_eq!(hedge("an estimated 3"), Ok(("3", Hedge::About)));
        assert!(hedge("overall 5").is_err());
        assert!(hedge("an apple").is_err());
    }
}
