//! Direct quotations: pairs of quotation marks within one block, straight or
//! curly, double or (British style) single. A stray mark never swallows the
//! rest of the article: a quotation ends with its block, and an unmatched
//! mark is passed over, unless the next block opens with a mark too, the
//! way a quotation running on into the next paragraph is written: then it
//! is quoted to the end of its block.

use crate::span::{take_within, Span};

/// A quotation: `span` includes the marks, `inner` is the quoted words.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Quotation {
    pub span: Span,
    pub inner: Span,
}

/// A quotation mark of the text and where it stands.
#[derive(Clone, Copy)]
struct Mark {
    at: usize,
    mark: char,
}

const DOUBLE_OPENERS: &[char] = &['“', '"'];
const DOUBLE_CLOSERS: &[char] = &['”', '"'];
const SINGLE_OPENERS: &[char] = &['‘'];
const SINGLE_CLOSERS: &[char] = &['’'];

/// All quotations of two words or more, in order; `blocks` are in order.
pub fn find(text: &str, blocks: &[Span]) -> Vec<Quotation> {
    let all_marks = marks(text);
    let mut unread = all_marks.as_slice();
    let mut quotes: Vec<Quotation> = Vec::new();
    // Reused from block to block.
    let (mut doubles, mut singles) = (Vec::new(), Vec::new());
    for (n, &block) in blocks.iter().enumerate() {
        let marks = take_within(&mut unread, block, |m| m.at);
        if marks.is_empty() {
            continue;
        }
        let next_opens_with = |openers: &[char]| {
            blocks
                .get(n + 1)
                .is_some_and(|next| next.slice(text).trim_start().starts_with(openers))
        };
        doubles.clear();
        singles.clear();
        let doubled = Openers {
            openers: DOUBLE_OPENERS,
            closers: DOUBLE_CLOSERS,
            run_on: next_opens_with(DOUBLE_OPENERS),
        };
        pair_marks(text, block, marks, doubled, &[], &mut doubles);
        // British single quotes are rare: most blocks hold no opener to pair.
        if marks.iter().any(|m| SINGLE_OPENERS.contains(&m.mark)) {
            let single = Openers {
                openers: SINGLE_OPENERS,
                closers: SINGLE_CLOSERS,
                run_on: next_opens_with(SINGLE_OPENERS),
            };
            pair_marks(text, block, marks, single, &doubles, &mut singles);
        }
        let first = quotes.len();
        quotes.extend(
            doubles
                .iter()
                .chain(&singles)
                .filter(|q| has_two_words(q.inner.slice(text))),
        );
        quotes[first..].sort_by_key(|q| q.span);
    }
    quotes
}

/// Every quotation mark of the text, straight or curly, in order: memchr
/// jumps to `"` and to 0xE2, the lead byte of every curly mark, so the
/// text between marks is never decoded.
fn marks(text: &str) -> Vec<Mark> {
    let is_mark = |c: &char| {
        [
            DOUBLE_OPENERS,
            DOUBLE_CLOSERS,
            SINGLE_OPENERS,
            SINGLE_CLOSERS,
        ]
        .iter()
        .any(|marks| marks.contains(c))
    };
    // Both bytes only ever start a character: `at` is a char boundary.
    memchr::memchr2_iter(b'"', 0xE2, text.as_bytes())
        .filter_map(|at| {
            let mark = text[at..].chars().next().filter(is_mark)?;
            Some(Mark { at, mark })
        })
        .collect()
}

/// Whether `text` holds two words or more (runs of non-whitespace with a
/// letter or digit in them); reading stops at the second, so a long
/// quotation is not read to its end.
fn has_two_words(text: &str) -> bool {
    let mut words = 0;
    // Whether the word being read has been counted.
    let mut counted = false;
    for c in text.chars() {
        if c.is_whitespace() {
            counted = false;
        } else if !counted && c.is_alphanumeric() {
            counted = true;
            words += 1;
            if words == 2 {
                return true;
            }
        }
    }
    false
}

/// One kind of quotation mark, and whether the next block opens with one.
#[derive(Clone, Copy)]
struct Openers {
    openers: &'static [char],
    closers: &'static [char],
    /// A quotation left open runs on to the end of the block.
    run_on: bool,
}

/// Pairs opening and closing marks among `marks` (those of `block`) into
/// `quotes`; quotations inside `outer` are skipped.
fn pair_marks(
    text: &str,
    block: Span,
    marks: &[Mark],
    kind: Openers,
    outer: &[Quotation],
    quotes: &mut Vec<Quotation>,
) {
    let Openers {
        openers,
        closers,
        run_on,
    } = kind;
    let body = block.slice(text);
    let first = quotes.len();
    let mut open: Option<(usize, char)> = None;
    // `outer` is in order and marks are visited in order: one pass over both.
    let mut outer = outer.iter().peekable();
    for &Mark { at, mark: c } in marks {
        let is_opener = openers.contains(&c);
        let is_closer = closers.contains(&c);
        while outer.next_if(|q| q.span.end() <= at).is_some() {}
        if !(is_opener || is_closer) || outer.peek().is_some_and(|q| q.span.contains(at)) {
            continue;
        }
        let i = at - block.start();
        let prev = body[..i].chars().next_back();
        let next = body[i + c.len_utf8()..].chars().next();
        let space_before = prev.is_none_or(|p| {
            p.is_whitespace() || matches!(p, '(' | '[' | '—' | '–' | '-' | '“' | '‘')
        });
        let space_after = next.is_none_or(|n| n.is_whitespace());
        // An apostrophe inside a word ("Ukraine’s") is no closing mark.
        let inside_word =
            prev.is_some_and(char::is_alphanumeric) && next.is_some_and(char::is_alphanumeric);
        match open {
            Some((start, mark))
                if is_closer && !inside_word && !prev.is_some_and(char::is_whitespace) =>
            {
                quotes.push(Quotation {
                    span: Span::new(start, at + c.len_utf8()),
                    inner: Span::new(start + mark.len_utf8(), at),
                });
                open = None;
            }
            // A second opener: the first was stray.
            _ if is_opener && !space_after && (space_before || c != '"') && !inside_word => {
                open = Some((at, c))
            }
            _ => {}
        }
    }
    // A quotation runs on when it opens the block or follows one closed in
    // it ("“We will fight,” she said. “We will…"), and not on a mark that
    // stands for left-out digits ("the ‘90s").
    let opens_block = |start: usize| body.len() - body.trim_start().len() == start - block.start();
    let runs_on = |&(start, mark): &(usize, char)| {
        let elided = mark == '‘'
            && text[start + mark.len_utf8()..].starts_with(|c: char| c.is_ascii_digit());
        run_on && !elided && (opens_block(start) || quotes.len() > first)
    };
    if let Some((start, mark)) = open.filter(runs_on) {
        let end = block.start() + body.trim_end().len();
        quotes.push(Quotation {
            span: Span::new(start, end),
            inner: Span::new(start + mark.len_utf8(), end),
        });
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
    fn every_mark_opens_with_a_byte_the_search_jumps_to() {
        for marks in [
            DOUBLE_OPENERS,
            DOUBLE_CLOSERS,
            SINGLE_OPENERS,
            SINGLE_CLOSERS,
        ] {
            for mark in marks {
                let lead = mark.encode_utf8(&mut [0; 4]).as_bytes()[0];
                assert!(matches!(lead, b'"' | 0xE2), "{mark}");
            }
        }
    }

    #[test]
    fn two_words_have_a_letter_or_digit_each() {
        assert!(has_two_words("we win"));
        assert!(has_two_words(" — 12\u{a0}votes, "));
        assert!(!has_two_words("win"));
        assert!(!has_two_words("win — !"));
        assert!(!has_two_words("win\u{2009}"));
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

    /// A quotation running on into the next paragraph has no closing mark;
    /// the next paragraph opens with one. Without that sign an unclosed
    /// mark is stray.
    #[test]
    fn a_quotation_runs_on_into_a_paragraph_that_opens_with_a_mark() {
        let text = "“We have been through Ike and Harvey.\n\n“There are streets under water,” he said.\n\nAn “unclosed mark here.\n\nNo quote.";
        let block = |from: &str, to: &str| {
            let start = text.find(from).expect("block start");
            Span::new(start, text.find(to).expect("block end") + to.len())
        };
        let blocks = [
            block("“We", "Harvey."),
            block("“There", "said."),
            block("An", "here."),
            block("No", "quote."),
        ];
        let found: Vec<&str> = find(text, &blocks)
            .into_iter()
            .map(|q| q.inner.slice(text))
            .collect();
        assert_eq!(
            found,
            [
                "We have been through Ike and Harvey.",
                "There are streets under water,"
            ]
        );
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
