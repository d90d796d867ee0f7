//! Masking Markdown: keep the bytes of prose, blank out the rest.
//!
//! pulldown-cmark reports each piece of text with its byte range in the
//! source; everything outside those ranges (heading marks, emphasis, link
//! URLs, code, HTML, front matter) becomes spaces, newlines stay put.
//! Paragraphs with no byte that could make Markdown syntax, most of an
//! article, are their own masked text: they are not given to the parser.

use memchr::{memchr, memmem};
use pulldown_cmark::{Event, LinkType, Options, Parser, Tag, TagEnd};

use super::sentences::trimmed_span;
use super::unmasked::Unmasked;
use crate::span::Span;

/// Returns the masked text (same length as `raw`), the prose blocks of the
/// body that starts at byte `body_start`, and the bytes of `raw` the masked
/// text blanked.
pub fn mask(raw: &str, body_start: usize) -> (String, Vec<Span>, Unmasked) {
    let plain = plain_paragraphs(&raw[body_start..], body_start);
    mask_around(raw, body_start, plain)
}

/// [`mask`], with the paragraphs `plain` (in order) copied as they are and
/// the Markdown before, between and after them parsed piece by piece.
fn mask_around(raw: &str, body_start: usize, plain: Vec<Span>) -> (String, Vec<Span>, Unmasked) {
    let mut text = String::with_capacity(raw.len());
    push_blank(&mut text, &raw[..body_start]);
    // Where the masked text may differ from `raw`: all but the plain paragraphs.
    let mut markup = Vec::with_capacity(plain.len() + 2);
    markup.push(Span::new(0, body_start));
    let paragraphs = plain.len();
    let mut blocks = plain;
    let mut from = body_start;
    for i in 0..=paragraphs {
        // The blocks of the Markdown parsed so far come after the paragraphs.
        let next = if i < paragraphs {
            blocks[i]
        } else {
            Span::new(raw.len(), raw.len())
        };
        let between = Span::new(from, next.start());
        mask_markdown(raw, between, &mut text, &mut blocks);
        markup.push(between);
        text.push_str(next.slice(raw));
        from = next.end();
    }
    blocks.sort();
    trim_blocks(&mut blocks, &text);
    let unmasked = Unmasked::within(raw, &text, &markup);
    (text, blocks, unmasked)
}

/// Narrows each block to its non-blank bytes and drops empty ones.
fn trim_blocks(blocks: &mut Vec<Span>, text: &str) {
    blocks.retain_mut(|b| match trimmed_span(b.start(), b.slice(text)) {
        Some(trimmed) => {
            *b = trimmed;
            true
        }
        None => false,
    });
}

/// Adds `raw` to `text` with every byte but newlines blanked.
fn push_blank(text: &mut String, raw: &str) {
    text.extend(raw.bytes().map(|b| if b == b'\n' { '\n' } else { ' ' }));
}

/// Adds the masked text of the Markdown of `span`, parsed on its own, to
/// `text`, and its blocks to `blocks`.
fn mask_markdown(raw: &str, span: Span, text: &mut String, blocks: &mut Vec<Span>) {
    let source = span.slice(raw);
    if is_blank(source.as_bytes()) {
        push_blank(text, source);
        return;
    }
    let mut masked: Vec<u8> = source
        .bytes()
        .map(|b| if b == b'\n' { b'\n' } else { b' ' })
        .collect();
    let mut open_blocks: Vec<usize> = Vec::new();
    // Depth of constructs whose text is not prose: code blocks, image alt text, autolinks.
    let mut hidden = 0usize;
    let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH;
    for (event, range) in Parser::new_ext(source, options).into_offset_iter() {
        match event {
            // Text that differs from its source (entities, escapes) stays masked:
            // its raw bytes are markup, not the words a reader sees.
            Event::Text(text) if hidden == 0 && *text == source[range.clone()] => {
                masked[range].copy_from_slice(text.as_bytes());
            }
            Event::Start(Tag::Image { .. } | Tag::CodeBlock(_)) => hidden += 1,
            Event::End(TagEnd::Image | TagEnd::CodeBlock) => hidden = hidden.saturating_sub(1),
            Event::Start(Tag::Link {
                link_type: LinkType::Autolink | LinkType::Email,
                ..
            }) => hidden += 1,
            Event::Start(Tag::Paragraph | Tag::Heading { .. } | Tag::TableCell | Tag::Item) => {
                open_blocks.push(blocks.len());
            }
            Event::End(TagEnd::Link) if hidden > 0 => hidden -= 1,
            Event::End(
                end @ (TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::TableCell | TagEnd::Item),
            ) => {
                let first_inner = open_blocks.pop().unwrap_or(blocks.len());
                // A loose list item's paragraphs are its blocks; a tight one is a block itself.
                let is_leaf = !matches!(end, TagEnd::Item) || first_inner == blocks.len();
                if is_leaf {
                    blocks.push(Span::new(
                        span.start() + range.start,
                        span.start() + range.end,
                    ));
                }
            }
            _ => {}
        }
    }
    // Masking replaced whole characters with ASCII and copied whole text runs,
    // so the bytes are still UTF-8.
    match String::from_utf8(masked) {
        Ok(masked) => text.push_str(&masked),
        Err(err) => text.push_str(&String::from_utf8_lossy(err.as_bytes())),
    }
}

/// The paragraphs of `body` (which starts at byte `at` of the file) that
/// pulldown-cmark reads as one paragraph of plain text whose masked text is
/// its own bytes, whatever the rest of the body holds. Such a paragraph
/// - has a blank line (or the start of the body) before it and one (or the
///   end) after it;
/// - has only lines that no block can start on (see [`opens_plain_line`]);
/// - holds no byte that pulldown-cmark reads as markup inside a paragraph,
///   and no control character but the newline (see [`is_markup_byte`]).
///
/// The parser reads it so, as a block of the top level, unless a fenced code
/// block or an HTML block before it is still open: only those run on past
/// a blank line and an unindented line that is no quote (lists, quotes and
/// indented code end there). Both open only on a line whose first byte
/// after its indentation is `` ` ``, `~` or `<`: no paragraph after the first
/// such line is plain. Reading the Markdown between plain paragraphs piece by
/// piece is reading it whole, but for reference definitions, which a link
/// anywhere may use: a body that may hold one (`]:`) has no plain paragraphs.
fn plain_paragraphs(body: &str, at: usize) -> Vec<Span> {
    let bytes = body.as_bytes();
    let mut plain = Vec::new();
    if memmem::find(bytes, b"]:").is_some() {
        return plain;
    }
    // The paragraph being read: where it starts and whether it is plain so far.
    let mut paragraph: Option<(usize, bool)> = None;
    let mut markup = find_markup_byte(bytes, 0);
    let mut start = 0;
    while start < bytes.len() {
        let end = memchr(b'\n', &bytes[start..]).map_or(bytes.len(), |k| start + k);
        let line = &bytes[start..end];
        if markup < start {
            markup = find_markup_byte(bytes, start);
        }
        if is_blank(line) {
            if let Some((first, true)) = paragraph.take() {
                plain.push(Span::new(at + first, at + start));
            }
        } else {
            let is_plain = markup >= end && opens_plain_line(line);
            if !is_plain && may_open_fence_or_html(line) {
                return plain;
            }
            let (first, was_plain) = paragraph.unwrap_or((start, true));
            paragraph = Some((first, was_plain && is_plain));
        }
        start = end + 1;
    }
    if let Some((first, true)) = paragraph {
        plain.push(Span::new(at + first, at + bytes.len()));
    }
    plain
}

/// Whether `text` is blank lines only: spaces, tabs and newlines, which
/// CommonMark reads as nothing.
fn is_blank(text: &[u8]) -> bool {
    text.iter().all(|&b| matches!(b, b' ' | b'\t' | b'\n'))
}

/// Whether no block can start on `line` and no list item can interrupt a
/// paragraph there: it opens unindented with a letter, a character beyond
/// ASCII, a quote, a parenthesis or a dollar sign, or with digits that no
/// `.` or `)` follows ("1. ", "2) " start list items).
fn opens_plain_line(line: &[u8]) -> bool {
    let digits = line.iter().take_while(|b| b.is_ascii_digit()).count();
    if digits > 0 {
        return !matches!(line.get(digits), Some(b'.' | b')'));
    }
    line.first().is_some_and(|&b| {
        b.is_ascii_alphabetic() || !b.is_ascii() || matches!(b, b'"' | b'\'' | b'(' | b'$')
    })
}

/// Where the first byte at or after `from` is one pulldown-cmark may read
/// inside a paragraph as more than text, or `bytes.len()` (see
/// [`is_markup_byte`]). Runs of 32 bytes are tested whole, which the compiler
/// turns into vector code: prose has none of these bytes.
fn find_markup_byte(bytes: &[u8], from: usize) -> usize {
    let clean = bytes[from..]
        .chunks_exact(32)
        .take_while(|run| !run.iter().fold(false, |any, &b| any | is_markup_byte(b)))
        .count();
    let start = from + 32 * clean;
    bytes[start..]
        .iter()
        .position(|&b| is_markup_byte(b))
        .map_or(bytes.len(), |k| start + k)
}

/// Whether pulldown-cmark may read `b` inside a paragraph as more than text
/// (its own list: `*`, `_`, `~`, `` ` ``, `[`, `]`, `!`, `<`, `&`, `\`, `|`;
/// `^` is taken with the brackets), or `b` is a control character, which tabs
/// and carriage returns are: they may be masked or end a line. Written
/// without branches, so that it runs on many bytes at once.
fn is_markup_byte(b: u8) -> bool {
    (b < b' ') & (b != b'\n')
        | (b.wrapping_sub(b'[') <= b'`' - b'[')
        | (b | 2 == b'~')
        | (b == b'!')
        | (b == b'&')
        | (b == b'*')
        | (b == b'<')
}

/// Whether a fenced code block or an HTML block may open on `line`, or on
/// one of the lines its carriage returns end.
fn may_open_fence_or_html(line: &[u8]) -> bool {
    line.split(|&b| b == b'\r').any(|line| {
        let first = line.iter().find(|&&b| b != b' ' && b != b'\t');
        matches!(first, Some(b'`' | b'~' | b'<'))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_is_blanked_and_offsets_kept() {
        let raw = "# Aid of $5 billion\n\nThe **$61 billion** [package](https://x.org/2024/17) `v2.0`.\n\n```\n57 lines\n```\n";
        let (text, blocks, _) = mask(raw, 0);
        assert_eq!(text.len(), raw.len());
        let at = raw.find("$61").expect("the text holds the figure");
        assert_eq!(&text[at..at + 11], "$61 billion");
        assert!(!text.contains("2024"));
        assert!(!text.contains("v2.0"));
        assert!(!text.contains("57 lines"));
        assert!(!text.contains('#'));
        let texts: Vec<_> = blocks.iter().map(|b| b.slice(&text)).collect();
        assert_eq!(texts.len(), 2, "{texts:?}");
        assert_eq!(texts[0], "Aid of $5 billion");
        assert!(texts[1].starts_with("The"));
    }

    #[test]
    fn tight_list_items_are_blocks() {
        let raw = "- one item with 5 cats\n- another with 6 dogs\n";
        let (text, blocks, _) = mask(raw, 0);
        assert_eq!(blocks.len(), 2);
        assert!(blocks[0].slice(&text).ends_with("5 cats"));
    }

    #[test]
    fn multibyte_markup_stays_utf8() {
        let raw = "![“ünïcode” 5](x.png) and “text”\n";
        let (text, _, _) = mask(raw, 0);
        assert_eq!(text.len(), raw.len());
        assert!(text.contains("“text”"));
        assert!(!text.contains('5'));
    }

    /// Pieces of Markdown that open, close or run across blocks.
    const PIECES: &[&str] = &[
        "Plain words, 2-1 and #5 > 4 = 3 + 1 - 2.",
        "“Quoted” words cost $5 (or 'less') at 9:30.",
        "2023 was a year",
        "1. ordered",
        "2) ordered",
        "10. item",
        "- bullet",
        "+ bullet",
        "* bullet",
        "  - nested",
        "-",
        "# Heading",
        "Setext\n===",
        "Setext\n---",
        "---",
        "***",
        "___",
        "> quote",
        "> ```",
        "   > lazy",
        "```",
        "```rust",
        "~~~",
        "- ```",
        "1. <div>",
        "    indented code",
        "\tindented by a tab",
        "   three spaces",
        "<div>",
        "</div>",
        "<!-- comment",
        "-->",
        "<script>",
        "</script>",
        "<pre>",
        "<?php",
        "?>",
        "<![CDATA[",
        "]]>",
        "<!DOCTYPE x",
        ">",
        "| a | b |\n|---|---|",
        "| 1 | 2 |",
        "a | b",
        "[x]: /url",
        "[x]",
        "[link](http://x.org) text",
        "![image 5](x.png)",
        "<http://auto.link>",
        "*em* and **strong**",
        "_em_",
        "~~struck~~",
        "`code`",
        "a \\*b",
        "&amp; &copy; AT&T",
        "two spaces  ",
        "carriage\r",
        "\u{a0}starts with a no-break space",
        "Words\nand a second line",
        "Prose\n    indented continuation",
        "",
    ];

    const BREAKS: &[&str] = &["\n", "\n\n", "\n\n\n", " \n\n", "\n \t\n", "\r\n\r\n", " "];

    #[test]
    fn plain_paragraphs_are_masked_as_the_parser_masks_them() {
        let mut state = 0x2545_f491_4f6c_dd1d_u64;
        let mut next = |n: usize| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            (state % n as u64) as usize
        };
        let mut copied = 0;
        for _ in 0..20_000 {
            let mut raw = String::new();
            for _ in 0..=next(8) {
                // Prose most of the time, as in an article.
                let piece = match next(3) {
                    0 => PIECES[next(PIECES.len())],
                    _ => PIECES[next(3)],
                };
                raw.push_str(piece);
                raw.push_str(BREAKS[next(BREAKS.len())]);
            }
            let plain = plain_paragraphs(&raw, 0);
            copied += plain.len();
            let (text, blocks, unmasked) = mask_around(&raw, 0, plain);
            let (whole_text, whole_blocks, _) = mask_around(&raw, 0, Vec::new());
            assert_eq!(text, whole_text, "{raw:?}");
            assert_eq!(blocks, whole_blocks, "{raw:?}");
            assert_eq!(unmasked.restore(&text, Span::new(0, raw.len())), raw);
        }
        assert!(copied > 10_000, "{copied}");
    }

    #[test]
    fn markup_bytes_are_found_in_long_runs_and_short() {
        let prose = "Plain prose of many words, 2-1, $5 and “quotes”. ".repeat(3);
        assert_eq!(find_markup_byte(prose.as_bytes(), 0), prose.len());
        for mark in [
            "*", "_", "~", "`", "[", "]", "!", "<", "&", "\\", "|", "\t", "\r",
        ] {
            for at in [0, 5, 31, 32, 38, prose.len()] {
                let text = format!("{}{mark}{}", &prose[..at], &prose[at..]);
                assert_eq!(find_markup_byte(text.as_bytes(), 0), at, "{mark:?} at {at}");
                assert_eq!(find_markup_byte(text.as_bytes(), at + 1), text.len());
            }
        }
    }
}
