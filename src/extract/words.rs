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

/// Tokenizes `span` of `text`.
pub fn tokenize(text: &str, span: Span) -> Vec<Token> {
    let body = span.slice(text);
    let mut tokens = Vec::with_capacity(body.len() / 5);
    let mut word_start: Option<usize> = None;
    let mut i = 0;
    while let Some(c) = char_at(body, i) {
        let next_at = i + c.len_utf8();
        if is_word_char(c) {
            word_start.get_or_insert(i);
            i = next_at;
            continue;
        }
        let joins = word_start.is_some()
            && is_joiner(c)
            && char_at(body, next_at).is_some_and(|n| n.is_alphanumeric() || is_currency_symbol(n));
        if !joins {
            if let Some(start) = word_start.take() {
                tokens.push(Token {
                    span: Span::new(span.start + start, span.start + i),
                    kind: TokenKind::Word,
                });
            }
            if !c.is_whitespace() {
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
    tokens
}

/// The character at byte `i` (a char boundary) of `text`; ASCII without decoding.
fn char_at(text: &str, i: usize) -> Option<char> {
    match *text.as_bytes().get(i)? {
        b if b.is_ascii() => Some(char::from(b)),
        _ => text.get(i..)?.chars().next(),
    }
}

/// Whether a word starts with a capital letter.
pub fn is_capitalized(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        tokenize(text, Span::new(0, text.len()))
            .into_iter()
            .map(|t| t.text(text))
            .collect()
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
