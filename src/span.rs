//! Byte spans into a document's raw text, and the line/column lookup that
//! turns them into positions a person can find.

use serde::Serialize;

/// A half-open byte range `start..end` into a document's raw text.
///
/// Spans always lie on `char` boundaries of the text they were taken from.
/// Offsets are held in 32 bits, which keeps every token and claim small
/// (a corpus holds millions); no input may exceed [`MAX_TEXT_BYTES`].
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Span {
    start: u32,
    end: u32,
}

/// The largest text a span can point into: `--max-file-size` stops there.
pub const MAX_TEXT_BYTES: u64 = u32::MAX as u64;

impl Span {
    pub fn new(start: usize, end: usize) -> Span {
        debug_assert!(start <= end, "span {start}..{end} is reversed");
        Span {
            start: to_offset(start),
            end: to_offset(end),
        }
    }

    pub fn start(self) -> usize {
        self.start as usize
    }

    pub fn end(self) -> usize {
        self.end as usize
    }

    /// The span with its end moved to `end`.
    pub fn with_end(self, end: usize) -> Span {
        Span::new(self.start(), end)
    }

    pub fn len(self) -> usize {
        (self.end - self.start) as usize
    }

    pub fn is_empty(self) -> bool {
        self.start == self.end
    }

    /// The text this span covers.
    pub fn slice(self, text: &str) -> &str {
        &text[self.start()..self.end()]
    }

    pub fn contains(self, offset: usize) -> bool {
        self.start() <= offset && offset < self.end()
    }

    pub fn overlaps(self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// The bytes between the two, none when they touch or overlap.
    pub fn distance(self, other: Span) -> usize {
        if self.end() <= other.start() {
            other.start() - self.end()
        } else {
            self.start().saturating_sub(other.end())
        }
    }

    /// The smallest span covering both.
    pub fn cover(self, other: Span) -> Span {
        Span {
            start: self.start.min(other.start),
            end: self.end.max(other.end),
        }
    }
}

/// `at` as a span offset. Every text is at most [`MAX_TEXT_BYTES`] long
/// (larger input is refused before it is read), so every offset into one fits.
fn to_offset(at: usize) -> u32 {
    debug_assert!(at as u64 <= MAX_TEXT_BYTES, "offset {at} is past 4 GiB");
    at as u32
}

/// A 1-based line and column; the column counts characters, not bytes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Position {
    pub line: usize,
    pub column: usize,
}

/// Bytes between the character counts `LineIndex` keeps, so a column is
/// counted over at most this many bytes however long its line is.
const CHUNK: usize = 4096;

/// Offsets of line starts, and character counts at every [`CHUNK`] bytes,
/// for turning byte offsets into positions.
#[derive(Clone, Debug, Default)]
pub struct LineIndex {
    line_starts: Vec<usize>,
    /// `chars_at[k]`: the characters in the first `k * CHUNK` bytes.
    chars_at: Vec<usize>,
}

impl LineIndex {
    /// The index of UTF-8 `text`, given as bytes so that a text put
    /// together from parts need not be checked again.
    pub fn new(text: &[u8]) -> LineIndex {
        let mut line_starts = vec![0];
        line_starts.extend(memchr::memchr_iter(b'\n', text).map(|i| i + 1));
        // Kept for the whole run, one per article: no room to spare.
        line_starts.shrink_to_fit();
        let mut chars_at = vec![0];
        let mut total = 0;
        for chunk in text.chunks_exact(CHUNK) {
            total += char_starts(chunk);
            chars_at.push(total);
        }
        LineIndex {
            line_starts,
            chars_at,
        }
    }

    /// The line and column of `offset`, which must lie on a char boundary of
    /// the text; `chars_in(span)` counts the characters starting in the
    /// text's bytes of `span`, whose ends need not be char boundaries.
    /// Costs a binary search and a count over at most two chunks, so many
    /// positions on one very long line stay cheap.
    pub fn position(&self, offset: usize, chars_in: impl Fn(Span) -> usize) -> Position {
        let line = self.line_starts.partition_point(|&start| start <= offset) - 1;
        let line_start = self.line_starts[line];
        // Near the line's start, counting from it is cheapest; far into a
        // long line, the chunk counts bound the work.
        let column = if offset - line_start <= CHUNK {
            chars_in(Span::new(line_start, offset)) + 1
        } else {
            self.chars_before(offset, &chars_in) - self.chars_before(line_start, &chars_in) + 1
        };
        Position {
            line: line + 1,
            column,
        }
    }

    /// The 1-based line holding byte `offset` (which need not be a char boundary).
    pub fn line_of(&self, offset: usize) -> usize {
        self.line_starts.partition_point(|&start| start <= offset)
    }

    /// The bytes of lines `first..=last` (1-based, clamped to the text),
    /// from the start of `first` to the start of the line after `last`.
    pub fn lines(&self, text_len: usize, first: usize, last: usize) -> Span {
        let start_of = |line: usize| {
            self.line_starts
                .get(line.saturating_sub(1))
                .copied()
                .unwrap_or(text_len)
        };
        Span::new(start_of(first.max(1)), start_of(last.max(first) + 1))
    }

    /// The characters before `offset`.
    fn chars_before(&self, offset: usize, chars_in: impl Fn(Span) -> usize) -> usize {
        let chunk = offset / CHUNK;
        self.chars_at[chunk] + chars_in(Span::new(chunk * CHUNK, offset))
    }
}

/// The items at the front of `items` (in order of `offset`) that lie inside
/// `span`; those before it are dropped, and `items` keeps those after it.
/// Spans taken in order so share out the items in one walk.
pub fn take_within<'a, T>(
    items: &mut &'a [T],
    span: Span,
    offset: impl Fn(&T) -> usize,
) -> &'a [T] {
    let before = items
        .iter()
        .take_while(|t| offset(t) < span.start())
        .count();
    let rest = &items[before..];
    let inside = rest.iter().take_while(|t| offset(t) < span.end()).count();
    let (within, after) = rest.split_at(inside);
    *items = after;
    within
}

/// Characters starting in UTF-8 bytes: every byte but continuation bytes starts one.
pub fn char_starts(bytes: &[u8]) -> usize {
    bytes.iter().filter(|&&b| b & 0xC0 != 0x80).count()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(index: &LineIndex, text: &str, offset: usize) -> Position {
        index.position(offset, |span| {
            char_starts(&text.as_bytes()[span.start()..span.end()])
        })
    }

    #[test]
    fn spans_in_order_take_their_items() {
        let mut items: &[usize] = &[1, 4, 5, 9, 12];
        assert_eq!(take_within(&mut items, Span::new(3, 6), |&i| i), [4, 5]);
        assert_eq!(
            take_within(&mut items, Span::new(6, 9), |&i| i),
            [] as [usize; 0]
        );
        assert_eq!(take_within(&mut items, Span::new(10, 20), |&i| i), [12]);
        assert!(items.is_empty());
    }

    #[test]
    fn positions_count_characters() {
        let text = "ab\n“c” d\n";
        let index = LineIndex::new(text.as_bytes());
        assert_eq!(at(&index, text, 0), Position { line: 1, column: 1 });
        assert_eq!(at(&index, text, 3), Position { line: 2, column: 1 });
        let d = text.find('d').expect("the text holds d");
        assert_eq!(at(&index, text, d), Position { line: 2, column: 5 });
        assert_eq!(index.line_of(d), 2);
    }

    #[test]
    fn line_ranges_are_whole_lines() {
        let text = "one\ntwo\nthree";
        let index = LineIndex::new(text.as_bytes());
        assert_eq!(index.lines(text.len(), 2, 2).slice(text), "two\n");
        assert_eq!(index.lines(text.len(), 1, 2).slice(text), "one\ntwo\n");
        assert_eq!(index.lines(text.len(), 3, 9).slice(text), "three");
        assert_eq!(index.lines(text.len(), 0, 1).slice(text), "one\n");
    }

    #[test]
    fn columns_on_a_long_line_count_across_chunks() {
        // Multi-byte characters straddle chunk edges; every column must
        // equal a plain count from the line start.
        let text = format!("x\n{}", "aé“中🙂".repeat(3 * CHUNK));
        let index = LineIndex::new(text.as_bytes());
        for (offset, _) in text.char_indices().step_by(997) {
            let start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
            let column = text[start..offset].chars().count() + 1;
            let line = text[..offset].matches('\n').count() + 1;
            assert_eq!(at(&index, &text, offset), Position { line, column });
        }
        let end = at(&index, &text, text.len());
        assert_eq!(end.column, text[2..].chars().count() + 1);
    }
}
