//! Direct quotations: pairs of quotation marks within one block, straight or
//! curly, double or (British style) single. A stray mark never swallows the
//! rest of the article: a quotation ends with its block, and an unmatched
//! mark is passed over.

use crate::span::Span;

/// A quotation: `span` includes the marks, `inner` is the quoted words.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Quotation {
    pub span: Span,
    pub inner: Span,
}

/// All quotations of two words or more, in order.
pub fn find(text: &str, blocks: &[Span]) -> Vec<Quotation> {
    let mut quotes = Vec::new();
    for &block in blocks {
        let doubles = pair_marks(text, block, &['“', '"'], &['”', '"'], &[]);
        let singles = pair_marks(text, block, &['‘'], &['’'], &doubles);
        let mut found: Vec<Quotation> = doubles
            .into_iter()
            .chain(singles)
            .filter(|q| word_count(q.inner.slice(text)) >= 2)
            .collect();
        found.sort_by_key(|q| q.span);
        quotes.extend(found);
    }
    quotes
}

fn word_count(text: &str) -> usize {
    text.split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .count()
}

/// Pairs opening and closing marks in `block`; quotations inside `outer` are skipped.
fn pair_marks(
    text: &str,
    block: Span,
    openers: &[char],
    closers: &[char],
    outer: &[Quotation],
) -> Vec<Quotation> {
    let body = block.slice(text);
    let mut quotes = Vec::new();
    let mut open: Option<usize> = None;
    // `outer` is in order and marks are visited in order: one pass over both.
    let mut outer = outer.iter().peekable();
    for i in mark_positions(body, openers, closers) {
        let Some(c) = body[i..].chars().next() else {
            continue;
        };
        let prev = body[..i].chars().next_back();
        let next = body[i + c.len_utf8()..].chars().next();
        let at = block.start + i;
        let is_opener = openers.contains(&c);
        let is_closer = closers.contains(&c);
        while outer.next_if(|q| q.span.end <= at).is_some() {}
        if !(is_opener || is_closer) || outer.peek().is_some_and(|q| q.span.contains(at)) {
            continue;
        }
        let space_before = prev.is_none_or(|p| {
            p.is_whitespace() || matches!(p, '(' | '[' | '—' | '–' | '-' | '“' | '‘')
        });
        let space_after = next.is_none_or(|n| n.is_whitespace());
        // An apostrophe inside a word ("Ukraine’s") is no closing mark.
        let inside_word =
            prev.is_some_and(char::is_alphanumeric) && next.is_some_and(char::is_alphanumeric);
        match open {
            Some(start) if is_closer && !inside_word && !prev.is_some_and(char::is_whitespace) => {
                let end = at + c.len_utf8();
                let mark_len = body[start - block.start..]
                    .chars()
                    .next()
                    .map_or(1, char::len_utf8);
                quotes.push(Quotation {
                    span: Span::new(start, end),
                    inner: Span::new(start + mark_len, at),
                });
                open = None;
            }
            // A second opener: the first was stray.
            _ if is_opener && !space_after && (space_before || c != '"') && !inside_word => {
                open = Some(at)
            }
            _ => {}
        }
    }
    quotes
}

/// Offsets in `body` where one of the marks may stand: memchr jumps to the
/// first UTF-8 byte of each mark, so text between marks is never decoded.
fn mark_positions<'b>(
    body: &'b str,
    openers: &[char],
    closers: &[char],
) -> Box<dyn Iterator<Item = usize> + 'b> {
    let mut leads: Vec<u8> = openers
        .iter()
        .chain(closers)
        .map(|c| c.encode_utf8(&mut [0; 4]).as_bytes()[0])
        .collect();
    leads.sort_unstable();
    leads.dedup();
    let bytes = body.as_bytes();
    match leads[..] {
        [a] => Box::new(memchr::memchr_iter(a, bytes)),
        [a, b] => Box::new(memchr::memchr2_iter(a, b, bytes)),
        [a, b, c] => Box::new(memchr::memchr3_iter(a, b, c, bytes)),
        _ => Box::new((0..bytes.len()).filter(move |&i| leads.contains(&bytes[i]))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quotes(text: &str) -> Vec<&str> {
        find(text, &[Span::new(0, text.len())])
            .into_iter()
            .map(|q| q.inner.slice(text))
            .collect()
    }

    #[test]
    fn pairs_curly_straight_and_mixed() {
        assert_eq!(
            quotes("“Our goal is simple,” he said."),
            ["Our goal is simple,"]
        );
        assert_eq!(quotes("to send a \"strong signal\" to"), ["strong signal"]);
        assert_eq!(
            quotes("in a \"very difficult” situation"),
            ["very difficult"]
        );
    }

    #[test]
    fn stray_marks_are_passed_over() {
        assert_eq!(
            quotes("He said ” then “It is fine,” she said."),
            ["It is fine,"]
        );
        assert_eq!(
            quotes("An “unclosed mark and “a real quote here” end"),
            ["a real quote here"]
        );
        assert_eq!(quotes("a “salesman” who"), Vec::<&str>::new());
    }

    #[test]
    fn british_single_quotes_and_apostrophes() {
        assert_eq!(
            quotes("He called it ‘a very good year’ for Ukraine’s firms."),
            ["a very good year"]
        );
        assert_eq!(
            quotes("“He said ‘no way’ to me,” she said."),
            ["He said ‘no way’ to me,"]
        );
    }
}
