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
}

impl Token {
    pub fn text(self, text: &str) -> &str {
        self.span.slice(text)
    }

    pub fn is_word(self) -> bool {
        self.kind == TokenKind::Word
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
    if c.is_alphanumeric() || is_currency_symbol(c) {
        Class::Alphanumeric
    } else if is_word_char(c) {
        Class::WordMark
    } else if is_joiner(c) {
        Class::Joiner
    } else if c.is_whitespace() {
        Class::Space
    } else {
        Class::Punct
    }
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

/// The class and length of the character at byte `i` (a char boundary) of `text`.
fn class_at(text: &str, i: usize) -> Option<(Class, usize)> {
    match *text.as_bytes().get(i)? {
        b if b.is_ascii() => Some((ASCII_CLASSES[usize::from(b)], 1)),
        _ => text
            .get(i..)?
            .chars()
            .next()
            .map(|c| (class_of(c), c.len_utf8())),
    }
}

fn is_ascii_word_byte(b: &u8) -> bool {
    b.is_ascii()
        && matches!(
            ASCII_CLASSES[usize::from(*b)],
            Class::Alphanumeric | Class::WordMark
        )
}

/// Tokenizes `span` of `text` onto the end of `tokens`.
pub fn tokenize(text: &str, span: Span, tokens: &mut Vec<Token>) {
    let body = span.slice(text);
    let bytes = body.as_bytes();
    // A token and its space take four bytes or more in all but the odd
    // sentence: room enough to never grow the vector while filling it.
    tokens.reserve(body.len() / 4);
    let mut word_start: Option<usize> = None;
    let mut i = 0;
    while let Some((class, length)) = class_at(body, i) {
        let next_at = i + length;
        if matches!(class, Class::Alphanumeric | Class::WordMark) {
            word_start.get_or_insert(i);
            // The rest of a run of ASCII word characters in one sweep.
            i = next_at
                + bytes[next_at..]
                    .iter()
                    .position(|b| !is_ascii_word_byte(b))
                    .unwrap_or(bytes.len() - next_at);
            continue;
        }
        let joins = word_start.is_some()
            && class == Class::Joiner
            && class_at(body, next_at).is_some_and(|(next, _)| next == Class::Alphanumeric);
        if !joins {
            if let Some(start) = word_start.take() {
                tokens.push(Token {
                    span: Span::new(span.start + start, span.start + i),
                    kind: TokenKind::Word,
                });
            }
            if class != Class::Space {
                let at = span.start + i;
                tokens.push(Token {
                    span: Span::new(at, span.start + next_at),
                    kind: TokenKind::Punct,
                });
            }
        }
        i = next_at;
    }
    if let Some(start) = word_start {
        tokens.push(Token {
            span: Span::new(span.start + start, span.end),
            kind: TokenKind::Word,
        });
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
