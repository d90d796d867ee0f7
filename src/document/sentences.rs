//! Sentence splitting that survives the abbreviations of news copy
//! ("Sept. 1", "U.S. officials", "Mr. Okonjo", "Feb. 24, 2022").
//!
//! A sentence ends at `.`, `!`, `?` or `…` (with any closing quotes or
//! brackets after it) when the next word starts a new sentence: a capital,
//! a digit or an opening quote. A period after a known abbreviation or a
//! single initial does not end one. Sentences never cross a block.

use std::sync::LazyLock;

use memchr::memmem;

use crate::span::{take_within, Span};

/// Abbreviations whose period does not end a sentence (compared without the period).
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "st", "sen", "rep", "gov", "gen", "lt", "col", "capt", "sgt",
    "adm", "maj", "cmdr", "supt", "insp", "rev", "hon", "pres", "jr", "sr", "no", "nos", "vs", "v",
    "etc", "inc", "corp", "ltd", "co", "bros", "dept", "univ", "assn", "est", "approx", "fig",
    "vol", "ch", "art", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
    "nov", "dec", "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun", "a.m",
    "p.m", "e.g", "i.e", "u.s", "u.k", "u.n", "e.u", "d.c", "ft", "mt", "ave", "blvd", "rd", "op",
    "pp", "al",
];

/// The length of the longest of [`ABBREVIATIONS`].
const LONGEST_ABBREVIATION: usize = 6;

/// The searcher for '…', made once rather than for every document.
static ELLIPSIS: LazyLock<memmem::Finder<'static>> = LazyLock::new(|| memmem::Finder::new("…"));

/// Splits every block of `text` (blocks in order) into sentences.
pub fn split(text: &str, blocks: &[Span]) -> Vec<Span> {
    // Where a sentence may end, found for the whole text at once rather than
    // a search per block and per stop. '…' is rare: it seldom needs a sort.
    let bytes = text.as_bytes();
    // News prose has a mark every 40 to 80 bytes: room made once, not by doubling.
    let mut stops: Vec<usize> = Vec::with_capacity(bytes.len() / 32);
    stops.extend(memchr::memchr3_iter(b'.', b'!', b'?', bytes));
    let ascii_stops = stops.len();
    stops.extend(ELLIPSIS.find_iter(bytes));
    if stops.len() > ascii_stops {
        stops.sort_unstable();
    }
    let mut unread = stops.as_slice();
    let mut sentences = Vec::with_capacity(stops.len() + blocks.len());
    for &block in blocks {
        let block_stops = take_within(&mut unread, block, |&at| at);
        split_block(text, block, block_stops, &mut sentences);
    }
    sentences
}

/// Splits `block` into sentences; `stops` are its '.', '!', '?' and '…'.
fn split_block(text: &str, block: Span, stops: &[usize], out: &mut Vec<Span>) {
    let body = block.slice(text);
    let mut start = 0;
    let mut i = 0;
    for &stop in stops {
        let at = stop - block.start();
        if at < i {
            continue; // in the run just read: "?!", "..."
        }
        // Take the whole run of terminal punctuation and closing marks.
        let run = body[at..].find(|c: char| {
            !matches!(
                c,
                '.' | '!' | '?' | '…' | '"' | '”' | '’' | '\'' | ')' | ']'
            )
        });
        let end = run.map_or(body.len(), |k| at + k);
        i = end;
        let rest = &body[end..];
        let after_space = trim_start(rest);
        if after_space.len() == rest.len() && !rest.is_empty() {
            continue; // "4.2", "U.S.-led": no space after the mark
        }
        if !after_space.is_empty() && !starts_sentence(after_space) {
            continue;
        }
        if body.as_bytes()[at] == b'.' && end == at + 1 && is_abbreviation(&body[start..at]) {
            continue;
        }
        push_trimmed(out, block.start() + start, &body[start..end]);
        start = end;
    }
    push_trimmed(out, block.start() + start, &body[start..]);
}

fn starts_sentence(rest: &str) -> bool {
    rest.chars().next().is_some_and(|c| {
        c.is_uppercase() || c.is_ascii_digit() || matches!(c, '"' | '“' | '‘' | '(' | '[')
    })
}

/// Whether the word before a period is an abbreviation or an initial.
fn is_abbreviation(before: &str) -> bool {
    let word = last_word(before);
    let mut chars = word.chars();
    let Some(first) = chars.next() else {
        return false;
    };
    // Single capitals ("J. K. Rowling") and dotted forms ("U.S", "a.m").
    if chars.as_str().is_empty() && first.is_alphabetic() && first.is_uppercase() {
        return true;
    }
    if word.bytes().any(|b| b == b'.') && word.split('.').all(|part| part.chars().count() <= 2) {
        return true;
    }
    // The list is lowercase ASCII: an ASCII word is compared without a lowercased copy.
    let lowered;
    let word = if word.is_ascii() {
        word
    } else {
        lowered = word.to_lowercase();
        lowered.as_str()
    };
    is_listed_abbreviation(word)
}

/// The word at the end of `before`: what follows its last space, '(', '"'
/// or '“'.
fn last_word(before: &str) -> &str {
    // ASCII is read back a byte at a time; a non-ASCII character (a space or
    // '“' among them) sends the search to the characters.
    let bytes = before.as_bytes();
    match bytes
        .iter()
        .rposition(|&b| !b.is_ascii() || is_ascii_space(b) || matches!(b, b'(' | b'"'))
    {
        None => before,
        Some(k) if bytes[k].is_ascii() => &before[k + 1..],
        Some(_) => {
            let start = before
                .char_indices()
                .rev()
                .find(|&(_, c)| c.is_whitespace() || matches!(c, '(' | '"' | '“'))
                .map_or(0, |(k, c)| k + c.len_utf8());
            &before[start..]
        }
    }
}

/// Whether `word` is in [`ABBREVIATIONS`], ignoring ASCII case. Only the
/// entries with its initial are compared: one period is not worth a walk
/// through the whole list.
fn is_listed_abbreviation(word: &str) -> bool {
    static BY_INITIAL: LazyLock<[Vec<&str>; 256]> = LazyLock::new(|| {
        std::array::from_fn(|initial| {
            ABBREVIATIONS
                .iter()
                .copied()
                .filter(|a| {
                    a.as_bytes()
                        .first()
                        .is_some_and(|&b| usize::from(b) == initial)
                })
                .collect()
        })
    });
    // Most words before a period are longer than any abbreviation.
    word.len() <= LONGEST_ABBREVIATION
        && word.as_bytes().first().is_some_and(|&b| {
            BY_INITIAL[usize::from(b.to_ascii_lowercase())]
                .iter()
                .any(|a| a.eq_ignore_ascii_case(word))
        })
}

fn push_trimmed(out: &mut Vec<Span>, at: usize, piece: &str) {
    out.extend(trimmed_span(at, piece));
}

/// The span of `piece` (which starts at byte `at`) without its white space
/// at either end, or `None` when nothing else is left.
pub(super) fn trimmed_span(at: usize, piece: &str) -> Option<Span> {
    let trimmed = trim_start(piece);
    let lead = piece.len() - trimmed.len();
    let trimmed = trim_end(trimmed);
    (!trimmed.is_empty()).then(|| Span::new(at + lead, at + lead + trimmed.len()))
}

/// `s.trim_start()`: the ASCII spaces that open most pieces are stepped
/// over a byte at a time, and the Unicode test is made only when a
/// non-ASCII character follows them.
fn trim_start(s: &str) -> &str {
    let rest = &s[s.bytes().take_while(|&b| is_ascii_space(b)).count()..];
    match rest.as_bytes().first() {
        Some(b) if !b.is_ascii() => rest.trim_start(),
        _ => rest,
    }
}

/// `s.trim_end()`, ASCII spaces stepped over as in [`trim_start`].
fn trim_end(s: &str) -> &str {
    let rest = &s[..s.len() - s.bytes().rev().take_while(|&b| is_ascii_space(b)).count()];
    match rest.as_bytes().last() {
        Some(b) if !b.is_ascii() => rest.trim_end(),
        _ => rest,
    }
}

/// Whether `b` is an ASCII character that `char::is_whitespace` holds to be a space.
fn is_ascii_space(b: u8) -> bool {
    matches!(b, b'\t'..=b'\r' | b' ')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentences(text: &str) -> Vec<&str> {
        split(text, &[Span::new(0, text.len())])
            .into_iter()
            .map(|s| s.slice(text))
            .collect()
    }

    #[test]
    fn abbreviations_do_not_end_sentences() {
        assert_eq!(
            sentences("On Sept. 1, U.S. officials met Mr. Smith. The war began Feb. 24, 2022. It goes on."),
            ["On Sept. 1, U.S. officials met Mr. Smith.", "The war began Feb. 24, 2022.", "It goes on."]
        );
    }

    #[test]
    fn abbreviations_are_listed_in_lowercase_ascii() {
        for a in ABBREVIATIONS {
            assert!(
                !a.is_empty() && a.bytes().all(|b| b.is_ascii() && !b.is_ascii_uppercase()),
                "{a}"
            );
            assert!(is_listed_abbreviation(&a.to_ascii_uppercase()), "{a}");
        }
        assert_eq!(
            ABBREVIATIONS.iter().map(|a| a.len()).max(),
            Some(LONGEST_ABBREVIATION)
        );
        assert!(!is_listed_abbreviation("mx"));
    }

    #[test]
    fn ascii_spaces_are_the_whitespace_characters() {
        for b in 0..128u8 {
            assert_eq!(is_ascii_space(b), char::from(b).is_whitespace(), "byte {b}");
        }
    }

    #[test]
    fn trims_are_the_standard_ones() {
        for s in [
            "",
            " ",
            "  a b  ",
            "\t\n\x0b\x0ca\r",
            "\u{a0} a \u{2009}",
            " \u{3000}\u{85} “a” \u{200a}\t",
            "é ",
            " …",
        ] {
            assert_eq!(trim_start(s), s.trim_start(), "{s:?}");
            assert_eq!(trim_end(s), s.trim_end(), "{s:?}");
        }
    }

    #[test]
    fn last_words() {
        for (before, word) in [
            ("met Mr", "Mr"),
            ("(U.S", "U.S"),
            ("he said “Sen", "Sen"),
            ("at\u{a0}St", "St"),
            ("in Zürich", "Zürich"),
            ("\"Dr", "Dr"),
            ("Prof", "Prof"),
        ] {
            assert_eq!(last_word(before), word, "{before:?}");
        }
    }

    #[test]
    fn quotes_close_with_their_sentence() {
        assert_eq!(
            sentences("“We will win.” He left. “Why?” she asked. Fine"),
            ["“We will win.”", "He left.", "“Why?” she asked.", "Fine"]
        );
    }

    #[test]
    fn decimals_and_lowercase_continuations_stay() {
        assert_eq!(
            sentences("It rose 4.2 percent to Lisbon. on Sunday."),
            ["It rose 4.2 percent to Lisbon. on Sunday."]
        );
        assert_eq!(
            sentences("J. K. Rowling wrote it."),
            ["J. K. Rowling wrote it."]
        );
    }
}
