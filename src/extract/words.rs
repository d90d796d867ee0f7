//! Splitting a sentence into word and punctuation tokens.
//!
//! Tokens decide where a claim may start and give the parsers their context
//! (the words before and after a figure). A word keeps its inner joiners, so
//! "F-16", "G7", "24/7", "U.S.-led" and "1,000-km" are single words: a number
//! inside a name is never the start of a word and so never a claim.

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
    const DIGIT: u8 = 1;
    const UPPER: u8 = 2;
    /// Anything but an ASCII letter or digit: a joiner, a mark, a currency
    /// sign, a non-ASCII character.
    const OTHER: u8 = 4;

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

/// For every byte: whether it is an ASCII word character (bit [`WORD_BYTE`])
/// and what it adds to a word's [`Shape`].
static BYTE_BITS: [u8; 256] = {
    let mut bits = [Shape::OTHER; 256];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        let word = matches!(ASCII_CLASSES[b], Class::Alphanumeric | Class::WordMark);
        let shape = if c.is_ascii_digit() {
            Shape::DIGIT
        } else if c.is_ascii_uppercase() {
            Shape::UPPER
        } else if c.is_ascii_lowercase() {
            0
        } else {
            Shape::OTHER
        };
        bits[b] = if word { shape | WORD_BYTE } else { shape };
        b += 1;
    }
    bits
};

const WORD_BYTE: u8 = 128;

/// Tokenizes `span` of `text` onto the end of `tokens`.
pub fn tokenize(text: &str, span: Span, tokens: &mut Vec<Token>) {
    let body = span.slice(text);
    // A token and its space take four bytes or more in all but the odd
    // sentence: room enough to never grow the vector while filling it.
    tokens.reserve(body.len() / 4);
    let token = |start: usize, end: usize, kind: TokenKind, shape: Shape| Token {
        span: Span::new(span.start() + start, span.start() + end),
        kind,
        shape,
    };
    let mut i = 0;
    while let Some((class, length)) = class_at(body, i) {
        match class {
            Class::Space => i += length,
            Class::Alphanumeric | Class::WordMark => {
                let (end, shape) = word_from(body, i);
                tokens.push(token(i, end, TokenKind::Word, shape));
                i = end;
            }
            Class::Joiner | Class::Punct => {
                tokens.push(token(i, i + length, TokenKind::Punct, Shape::default()));
                i += length;
            }
        }
    }
}

/// The end and shape of the word that starts at byte `start` of `body`: word
/// characters, and joiners with a letter, digit or currency sign after them.
fn word_from(body: &str, start: usize) -> (usize, Shape) {
    let bytes = body.as_bytes();
    let mut shape = 0;
    let mut i = start;
    loop {
        // Runs of ASCII word characters, the most of any word, in one sweep.
        while let Some(&b) = bytes.get(i) {
            let bits = BYTE_BITS[usize::from(b)];
            if bits & WORD_BYTE == 0 {
                break;
            }
            shape |= bits;
            i += 1;
        }
        match class_at(body, i) {
            Some((Class::Alphanumeric | Class::WordMark, length)) => i += length,
            Some((Class::Joiner, length))
                if class_at(body, i + length)
                    .is_some_and(|(next, _)| next == Class::Alphanumeric) =>
            {
                i += length
            }
            _ => return (i, Shape(shape & !WORD_BYTE)),
        }
        shape |= Shape::OTHER;
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
