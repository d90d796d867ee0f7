//! The file's own bytes where the masked text differs from them.
//!
//! A document keeps one copy of its text, the masked one, which extraction
//! and checking read. The file's bytes are needed only to show what it says
//! (snippets, quoted text, columns); they are the masked text with the
//! blanked runs put back, and those runs (front matter, Markdown marks,
//! tags) are a small part of an article.

use std::borrow::Cow;

use crate::span::Span;

/// Equal bytes that may join two runs into one: the size of a `Run`.
const MERGE_GAP: usize = std::mem::size_of::<Run>();

/// The runs of bytes where the file and its masked text differ (with the
/// few equal bytes between close runs), and the file's bytes for each.
#[derive(Debug, Default)]
pub struct Unmasked {
    runs: Vec<Run>,
    /// The file's bytes of every run, one after the other.
    bytes: Vec<u8>,
}

#[derive(Debug)]
struct Run {
    span: Span,
    /// Where the run's bytes start in `bytes`.
    at: usize,
}

impl Unmasked {
    /// The differences between `raw` and `masked`, which have one length.
    pub fn between(raw: &str, masked: &str) -> Unmasked {
        Unmasked::within(raw, masked, &[Span::new(0, raw.len())])
    }

    /// The differences between `raw` and `masked`, which have one length and
    /// differ only inside `spans` (in order, not overlapping).
    pub fn within(raw: &str, masked: &str, spans: &[Span]) -> Unmasked {
        let (raw, masked) = (raw.as_bytes(), masked.as_bytes());
        debug_assert_eq!(raw.len(), masked.len());
        let mut unmasked = Unmasked::default();
        // The run being read: kept once no close run follows it.
        let mut run: Option<Span> = None;
        for span in spans {
            let (mut i, end) = (span.start(), span.end());
            while i < end {
                i += equal_prefix(&raw[i..end], &masked[i..end]);
                let start = i;
                while i < end && raw[i] != masked[i] {
                    i += 1;
                }
                if start == i {
                    continue;
                }
                // Runs a few equal bytes apart (the words of front matter, the
                // marks around a link) are kept as one: the bytes between cost
                // less than a run.
                run = match run {
                    Some(last) if start - last.end() <= MERGE_GAP => Some(last.with_end(i)),
                    last => {
                        if let Some(last) = last {
                            unmasked.keep(raw, last);
                        }
                        Some(Span::new(start, i))
                    }
                };
            }
        }
        if let Some(last) = run {
            unmasked.keep(raw, last);
        }
        unmasked.runs.shrink_to_fit();
        unmasked.bytes.shrink_to_fit();
        unmasked
    }

    /// Keeps the file's bytes of `span`, which lies after every run kept so far.
    fn keep(&mut self, raw: &[u8], span: Span) {
        self.runs.push(Run {
            span,
            at: self.bytes.len(),
        });
        self.bytes.extend_from_slice(&raw[span.start()..span.end()]);
    }

    pub fn is_empty(&self) -> bool {
        self.runs.is_empty()
    }

    /// The file's text of `span` (on char boundaries of the file), from the
    /// masked text with the runs inside `span` put back. Borrowed when no
    /// run touches it.
    pub fn restore<'t>(&self, masked: &'t str, span: Span) -> Cow<'t, str> {
        match self.restore_bytes(masked, span) {
            Cow::Borrowed(_) => Cow::Borrowed(span.slice(masked)),
            // The file's own bytes between two of its char boundaries.
            Cow::Owned(bytes) => {
                let text = String::from_utf8(bytes);
                debug_assert!(
                    text.is_ok(),
                    "{span:?} is not on the file's char boundaries"
                );
                Cow::Owned(
                    text.unwrap_or_else(|err| String::from_utf8_lossy(err.as_bytes()).into_owned()),
                )
            }
        }
    }

    /// The file's bytes of `span`, which may start or end inside a character.
    pub fn restore_bytes<'t>(&self, masked: &'t str, span: Span) -> Cow<'t, [u8]> {
        let masked = &masked.as_bytes()[span.start()..span.end()];
        let first = self.runs.partition_point(|r| r.span.end() <= span.start());
        let touching = self.runs[first..]
            .iter()
            .take_while(|r| r.span.start() < span.end());
        let mut bytes = Cow::Borrowed(masked);
        for run in touching {
            let from = run.span.start().max(span.start());
            let to = run.span.end().min(span.end());
            let source = run.at + (from - run.span.start());
            bytes.to_mut()[from - span.start()..to - span.start()]
                .copy_from_slice(&self.bytes[source..source + (to - from)]);
        }
        bytes
    }
}

/// How many leading bytes `a` and `b` share, compared eight at a time.
fn equal_prefix(a: &[u8], b: &[u8]) -> usize {
    let words = a.chunks_exact(8).zip(b.chunks_exact(8));
    let mut n = 0;
    for (x, y) in words {
        if x != y {
            break;
        }
        n += 8;
    }
    n + a[n..]
        .iter()
        .zip(&b[n..])
        .take_while(|(x, y)| x == y)
        .count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_file_comes_back_whole_and_in_part() {
        let raw = "---\ntitle: “Ré”\n---\n# A *big* “day”\n\nNo marks here.\n";
        let masked: String = raw
            .char_indices()
            .map(|(i, c)| {
                let keep = i >= 25 && !matches!(c, '#' | '*');
                match c {
                    '\n' => "\n".to_string(),
                    c if keep => c.to_string(),
                    c => " ".repeat(c.len_utf8()),
                }
            })
            .collect();
        assert_eq!(masked.len(), raw.len());
        let unmasked = Unmasked::between(raw, &masked);
        assert!(!unmasked.is_empty());
        let whole = Span::new(0, raw.len());
        assert_eq!(unmasked.restore(&masked, whole), raw);
        for (start, _) in raw.char_indices() {
            for (end, _) in raw.char_indices().chain([(raw.len(), ' ')]) {
                if start <= end {
                    let span = Span::new(start, end);
                    assert_eq!(unmasked.restore(&masked, span), span.slice(raw));
                }
            }
        }
        for start in 0..=raw.len() {
            for end in start..=raw.len() {
                let span = Span::new(start, end);
                assert_eq!(
                    unmasked.restore_bytes(&masked, span),
                    &raw.as_bytes()[start..end]
                );
            }
        }
        let plain = raw.find("No marks").expect("the last line");
        let span = Span::new(plain, plain + 8);
        assert!(matches!(unmasked.restore(&masked, span), Cow::Borrowed(_)));
    }

    #[test]
    fn an_unmasked_file_has_no_runs() {
        let text = "Nothing was blanked.";
        let unmasked = Unmasked::between(text, text);
        assert!(unmasked.is_empty());
        assert_eq!(unmasked.restore(text, Span::new(0, 7)), "Nothing");
    }
}
