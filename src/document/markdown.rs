//! Masking Markdown: keep the bytes of prose, blank out the rest.
//!
//! pulldown-cmark reports each piece of text with its byte range in the
//! source; everything outside those ranges (heading marks, emphasis, link
//! URLs, code, HTML, front matter) becomes spaces, newlines stay put.

use pulldown_cmark::{Event, LinkType, Options, Parser, Tag, TagEnd};

use crate::span::Span;

/// Returns the masked text (same length as `raw`) and the prose blocks of the
/// body that starts at byte `body_start`.
pub fn mask(raw: &str, body_start: usize) -> (String, Vec<Span>) {
    let mut masked: Vec<u8> = raw
        .bytes()
        .map(|b| if b == b'\n' { b'\n' } else { b' ' })
        .collect();
    let body = &raw[body_start..];
    let mut blocks = Vec::new();
    let mut open_blocks: Vec<usize> = Vec::new();
    // Depth of constructs whose text is not prose: code blocks, image alt text, autolinks.
    let mut hidden = 0usize;
    let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH;
    for (event, range) in Parser::new_ext(body, options).into_offset_iter() {
        let span = Span::new(body_start + range.start, body_start + range.end);
        match event {
            // Text that differs from its source (entities, escapes) stays masked:
            // its raw bytes are markup, not the words a reader sees.
            Event::Text(text) if hidden == 0 && *text == raw[span.start()..span.end()] => {
                masked[span.start()..span.end()].copy_from_slice(text.as_bytes());
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
                    blocks.push(span);
                }
            }
            _ => {}
        }
    }
    blocks.sort();
    // Masking replaced whole characters with ASCII and copied whole text runs,
    // so the bytes are still UTF-8.
    let text = String::from_utf8(masked)
        .unwrap_or_else(|err| String::from_utf8_lossy(err.as_bytes()).into_owned());
    let blocks = trim_blocks(&blocks, &text);
    (text, blocks)
}

/// Narrows each block to its non-blank bytes and drops empty ones.
fn trim_blocks(blocks: &[Span], text: &str) -> Vec<Span> {
    blocks
        .iter()
        .filter_map(|b| {
            let slice = b.slice(text);
            let lead = slice.len() - slice.trim_start().len();
            let trimmed = slice.trim();
            (!trimmed.is_empty())
                .then(|| Span::new(b.start() + lead, b.start() + lead + trimmed.len()))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_is_blanked_and_offsets_kept() {
        let raw = "# Aid of $5 billion\n\nThe **$61 billion** [package](https://x.org/2024/17) `v2.0`.\n\n```\n57 lines\n```\n";
        let (text, blocks) = mask(raw, 0);
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
        let (text, blocks) = mask(raw, 0);
        assert_eq!(blocks.len(), 2);
        assert!(blocks[0].slice(&text).ends_with("5 cats"));
    }

    #[test]
    fn multibyte_markup_stays_utf8() {
        let raw = "![“ünïcode” 5](x.png) and “text”\n";
        let (text, _) = mask(raw, 0);
        assert_eq!(text.len(), raw.len());
        assert!(text.contains("“text”"));
        assert!(!text.contains('5'));
    }
}
