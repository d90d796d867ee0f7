//! Splitting a sentence into word and punctuation tokens.
//!
//! Tokens decide where a claim may start and give the parsers their context
//! (the words before and after a figure). A word keeps its inner joiners, so
//! "F-16", "G7", "24/7", "U.S.-led" and "1,000-km" are single words: a number
//! inside a name is never the start of a word and so never a claim.

use super::word_bytes::{self, WordBytes};
use crate::span::Span;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokenKind {
    Word,
    Punct,
}

#[derive(Clone, Copy, Debug)]
pub struct Token {
    pub span: Span,
    pub kind: TokenKind,
    pub shape: Shape,
}

impl Token {
    #[inline]
    pub fn text(self, text: &str) -> &str {
        self.span.slice(text)
    }

    pub fn is_word(self) -> bool {
        self.kind == TokenKind::Word
    }
}

/// What a word is made of, noted as the tokenizer reads it, so that the
/// scanner turns most words away without reading their bytes again.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Shape(u8);

impl Shape {
    const DIGIT: u8 = word_bytes::DIGIT;
    const UPPER: u8 = word_bytes::UPPER;
    /// Anything but an ASCII letter or digit: a joiner, a mark, a currency
    /// sign, a non-ASCII character (the signs a run of ASCII word
    /// characters may hold among them).
    const OTHER: u8 = word_bytes::SIGN;

    /// Whether the word holds an ASCII digit.
    pub fn has_digit(self) -> bool {
        self.0 & Shape::DIGIT != 0
    }

    /// Whether the word holds an ASCII capital.
    pub fn has_upper(self) -> bool {
        self.0 & Shape::UPPER != 0
    }

    /// Whether the word is ASCII letters only.
    pub fn is_letters(self) -> bool {
        self.0 & (Shape::DIGIT | Shape::OTHER) == 0
    }
}

pub fn is_currency_symbol(c: char) -> bool {
    matches!(
        c,
        '$' | '€' | '£' | '¥' | '₹' | '₩' | '₽' | '₴' | '₪' | '₺' | '₦' | '₱' | '฿'
    )
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || is_currency_symbol(c) || matches!(c, '%' | '°' | '#' | '+')
}

/// Characters that join two word characters into one word: "4.2", "1,250",
/// "Ukraine’s", "F-16", "3:1", "24/7", "S&P".
fn is_joiner(c: char) -> bool {
    matches!(
        c,
        '.' | ',' | '\'' | '’' | '-' | '‑' | '–' | ':' | '/' | '&'
    )
}

/// What a character does in a word.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Class {
    /// A letter, digit or currency sign: a word character that a joiner may precede.
    Alphanumeric,
    /// `%`, `°`, `#`, `+`: word characters that a joiner may not precede.
    WordMark,
    Joiner,
    Space,
    Punct,
}

fn class_of(c: char) -> Class {
    if is_joiner(c) {
        Class::Joiner
    } else if GENERAL_PUNCTUATION.contains(&c) {
        if c.is_whitespace() {
            Class::Space
        } else {
            Class::Punct
        }
    } else if c.is_alphanumeric() || is_currency_symbol(c) {
        Class::Alphanumeric
    } else if is_word_char(c) {
        Class::WordMark
    } else if c.is_whitespace() {
        Class::Space
    } else {
        Class::Punct
    }
}

/// Curly quotes, dashes and odd spaces, most of the characters beyond ASCII
/// in news text, are in the General Punctuation block, which has no letter or
/// digit: a range test settles them without a search of the Unicode tables.
const GENERAL_PUNCTUATION: std::ops::RangeInclusive<char> = '\u{2000}'..='\u{206F}';

/// Whether `c` is a letter, punctuation settled first (see [`GENERAL_PUNCTUATION`]).
pub fn is_letter(c: char) -> bool {
    !GENERAL_PUNCTUATION.contains(&c) && c.is_alphabetic()
}

/// [`class_of`] for every ASCII byte, so that most characters are settled
/// by one lookup without decoding.
static ASCII_CLASSES: [Class; 128] = {
    let mut classes = [Class::Punct; 128];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        classes[b] = if c.is_ascii_alphanumeric() || c == b'$' {
            Class::Alphanumeric
        } else if matches!(c, b'%' | b'#' | b'+') {
            Class::WordMark
        } else if matches!(c, b'.' | b',' | b'\'' | b'-' | b':' | b'/' | b'&') {
            Class::Joiner
        } else if matches!(c, b'\t'..=b'\r' | b' ') {
            Class::Space
        } else {
            Class::Punct
        };
        b += 1;
    }
    classes
};

/// The class and length of the character at byte `i` (a char boundary) of
/// `text`: one lookup for ASCII, a decoding only for the rest.
#[inline]
fn class_at(text: &str, i: usize) -> Option<(Class, usize)> {
    match *text.as_bytes().get(i)? {
        b if b.is_ascii() => Some((ASCII_CLASSES[usize::from(b)], 1)),
        _ => non_ascii_class_at(text, i),
    }
}

#[inline(never)]
fn non_ascii_class_at(text: &str, i: usize) -> Option<(Class, usize)> {
    let c = text.get(i..)?.chars().next()?;
    Some((class_of(c), c.len_utf8()))
}

/// For every byte: whether it is an ASCII word character ([`WORD_BYTE`]),
/// and whether a word may go on past it when it is not ([`READ_ON`]).
static BYTE_BITS: [u8; 256] = {
    let mut bits = [READ_ON; 256];
    let mut b = 0;
    while b < 128 {
        bits[b] = match ASCII_CLASSES[b] {
            Class::Alphanumeric | Class::WordMark => WORD_BYTE,
            Class::Joiner => READ_ON,
            Class::Space | Class::Punct => 0,
        };
        b += 1;
    }
    bits
};

const WORD_BYTE: u8 = 128;
/// A joiner or a byte of a non-ASCII character: the word goes on past it
/// only if [`class_at`] says so. Any other byte that is not a word
/// character ends the word.
const READ_ON: u8 = 64;

/// Tokenizes `span` of `text` onto the end of `tokens`: the tests' way in
/// (a sentence takes its tokens and their words in one pass with [`each_token`]).
#[cfg(test)]
pub fn tokenize(text: &str, span: Span, tokens: &mut Vec<Token>) {
    tokens.reserve(room_for(span));
    let word_bytes = WordBytes::new(text.as_bytes());
    each_token(text, &word_bytes, span, |token| tokens.push(token));
}

/// Room for the tokens of `span`: a token and its space take four bytes or
/// more in all but the odd sentence, so a list this long never grows while
/// it is filled.
pub fn room_for(span: Span) -> usize {
    span.len() / 4
}

/// Hands each token of `span` of `text` to `push`, in order. `word_bytes`
/// are the masks of the whole of `text`.
#[inline]
pub fn each_token(text: &str, word_bytes: &WordBytes, span: Span, mut push: impl FnMut(Token)) {
    let body = span.slice(text);
    let bytes = body.as_bytes();
    let token = |start: usize, end: usize, kind: TokenKind, shape: Shape| Token {
        span: Span::new(span.start() + start, span.start() + end),
        kind,
        shape,
    };
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        // Most tokens are words that open with an ASCII word character,
        // which the one lookup settles; anything else goes by its class.
        if BYTE_BITS[usize::from(b)] & WORD_BYTE == 0 {
            match class_at(body, i) {
                Some((Class::Space, length)) => {
                    i += length;
                    continue;
                }
                Some((Class::Joiner | Class::Punct, length)) => {
                    push(token(i, i + length, TokenKind::Punct, Shape::default()));
                    i += length;
                    continue;
                }
                Some((Class::Alphanumeric | Class::WordMark, _)) => {}
                None => break,
            }
        }
        let (end, shape) = word_from(body, word_bytes, span.start(), i);
        push(token(i, end, TokenKind::Word, shape));
        // Most words have one space after them: stepped over here, not by
        // another turn of the loop.
        i = end + usize::from(bytes.get(end) == Some(&b' '));
    }
}

/// The end and shape of the word that starts at byte `start` of `body`
/// (which starts at byte `base` of the text `word_bytes` masks): word
/// characters, and joiners with a letter, digit or currency sign after them.
#[inline]
fn word_from(body: &str, word_bytes: &WordBytes, base: usize, start: usize) -> (usize, Shape) {
    let mut shape = 0;
    let mut i = start;
    loop {
        let (run_end, holds) = word_bytes.run(base + i, base + body.len());
        shape |= holds;
        i = run_end - base;
        match word_char_at(body, i) {
            Some(length) => {
                shape |= Shape::OTHER;
                i += length;
            }
            None => return (i, Shape(shape)),
        }
    }
}

/// The length of the character at byte `i` of `body` if it carries on a
/// word after an ASCII run: a non-ASCII word character, or a joiner with a
/// letter, digit or currency sign after it.
#[inline]
fn word_char_at(body: &str, i: usize) -> Option<usize> {
    // A space, the end of the text or a mark other than a joiner ends the
    // word at once, without a look at the character's class.
    let bytes = body.as_bytes();
    let b = *bytes.get(i)?;
    if BYTE_BITS[usize::from(b)] & READ_ON == 0 {
        return None;
    }
    // An ASCII joiner before an ASCII character, as in "4.2" or "said, ",
    // is settled by the table.
    match bytes.get(i + 1) {
        Some(&next) if b.is_ascii() && next.is_ascii() => {
            (ASCII_CLASSES[usize::from(next)] == Class::Alphanumeric).then_some(1)
        }
        _ => word_char_class_at(body, i),
    }
}

#[inline(never)]
fn word_char_class_at(body: &str, i: usize) -> Option<usize> {
    match class_at(body, i)? {
        (Class::Alphanumeric | Class::WordMark, length) => Some(length),
        (Class::Joiner, length) => class_at(body, i + length)
            .is_some_and(|(next, _)| next == Class::Alphanumeric)
            .then_some(length),
        _ => None,
    }
}

/// Whether a word starts with a capital letter.
pub fn is_capitalized(word: &str) -> bool {
    match word.as_bytes().first() {
        Some(b) if b.is_ascii() => b.is_ascii_uppercase(),
        _ => word.chars().next().is_some_and(char::is_uppercase),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        let mut tokens = Vec::new();
        tokenize(text, Span::new(0, text.len()), &mut tokens);
        tokens.into_iter().map(|t| t.text(text)).collect()
    }

    #[test]
    fn ascii_classes_are_the_characters_classes() {
        for b in 0..128u8 {
            assert!(
                ASCII_CLASSES[usize::from(b)] == class_of(char::from(b)),
                "byte {b}"
            );
        }
    }

    #[test]
    fn general_punctuation_has_no_word_character() {
        for c in GENERAL_PUNCTUATION {
            assert!(!is_word_char(c), "{c:?}");
        }
    }

    #[test]
    fn names_and_codes_stay_whole() {
        assert_eq!(
            words("F-16s, G7 and 24/7 “links” at $4.2bn, 1,000-km; Riga’s 20–25%."),
            [
                "F-16s", ",", "G7", "and", "24/7", "“", "links", "”", "at", "$4.2bn", ",",
                "1,000-km", ";", "Riga’s", "20–25%", "."
            ]
        );
    }
}
