//! Sentence splitting that survives the abbreviations of news copy
//! ("Sept. 1", "U.S. officials", "Mr. Okonjo", "Feb. 24, 2022").
//!
//! A sentence ends at `.`, `!`, `?` or `…` (with any closing quotes or
//! brackets after it) when the next word starts a new sentence: a capital,
//! a digit or an opening quote. A period after a known abbreviation or a
//! single initial does not end one. Sentences never cross a block.

use std::sync::LazyLock;

use memchr::memmem::Finder;

use crate::span::Span;

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

/// Splits every block of `text` into sentences.
pub fn split(text: &str, blocks: &[Span]) -> Vec<Span> {
    let mut sentences = Vec::new();
    for &block in blocks {
        split_block(text, block, &mut sentences);
    }
    sentences
}

fn split_block(text: &str, block: Span, out: &mut Vec<Span>) {
    let body = block.slice(text);
    let bytes = body.as_bytes();
    let mut start = 0;
    let mut i = 0;
    // '…' is rare: searched for once, and again only once passed.
    let mut ellipsis = find_ellipsis(bytes, 0);
    loop {
        if ellipsis.is_some_and(|e| e < i) {
            ellipsis = find_ellipsis(bytes, i);
        }
        let ascii = memchr::memchr3(b'.', b'!', b'?', &bytes[i..]).map(|k| i + k);
        let Some(found) = [ascii, ellipsis].into_iter().flatten().min() else {
            break;
        };
        i = found;
        let c = match bytes[i] {
            b'.' => '.',
            b'!' => '!',
            b'?' => '?',
            _ => '…',
        };
        // Take the whole run of terminal punctuation and closing marks.
        let mut end = i + c.len_utf8();
        for next in body[end..].chars() {
            if !matches!(
                next,
                '.' | '!' | '?' | '…' | '"' | '”' | '’' | '\'' | ')' | ']'
            ) {
                break;
            }
            end += next.len_utf8();
        }
        let at = i;
        i = end;
        let rest = &body[end..];
        let after_space = rest.trim_start();
        if after_space.len() == rest.len() && !rest.is_empty() {
            continue; // "4.2", "U.S.-led": no space after the mark
        }
        if !after_space.is_empty() && !starts_sentence(after_space) {
            continue;
        }
        if c == '.' && end == at + 1 && is_abbreviation(&body[start..at]) {
            continue;
        }
        push_trimmed(out, block.start + start, &body[start..end]);
        start = end;
    }
    push_trimmed(out, block.start + start, &body[start..]);
}

/// Where the first '…' at or after `from` starts.
fn find_ellipsis(bytes: &[u8], from: usize) -> Option<usize> {
    static ELLIPSIS: LazyLock<Finder<'static>> = LazyLock::new(|| Finder::new("…"));
    ELLIPSIS.find(&bytes[from..]).map(|k| from + k)
}

fn starts_sentence(rest: &str) -> bool {
    rest.chars().next().is_some_and(|c| {
        c.is_uppercase() || c.is_ascii_digit() || matches!(c, '"' | '“' | '‘' | '(' | '[')
    })
}

/// Whether the word before a period is an abbreviation or an initial.
fn is_abbreviation(before: &str) -> bool {
    let word = before
        .rsplit(|c: char| c.is_whitespace() || c == '(' || c == '"' || c == '“')
        .next()
        .unwrap_or("");
    if word.is_empty() {
        return false;
    }
    // Single letters ("J. K. Rowling") and dotted forms ("U.S", "a.m").
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    if letters == 1
        && word.chars().all(|c| c.is_alphabetic())
        && word.chars().all(char::is_uppercase)
    {
        return true;
    }
    if word.contains('.') && word.split('.').all(|part| part.chars().count() <= 2) {
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
    word.as_bytes().first().is_some_and(|&b| {
        BY_INITIAL[usize::from(b.to_ascii_lowercase())]
            .iter()
            .any(|a| a.eq_ignore_ascii_case(word))
    })
}

fn push_trimmed(out: &mut Vec<Span>, at: usize, piece: &str) {
    let lead = piece.len() - piece.trim_start().len();
    let trimmed = piece.trim();
    if !trimmed.is_empty() {
        out.push(Span::new(at + lead, at + lead + trimmed.len()));
    }
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
        assert!(!is_listed_abbreviation("mx"));
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
