//! Masking HTML: keep the bytes of the text a reader sees, blank out the rest.
//!
//! A small scanner, linear in the input, that follows the WHATWG tokenizer
//! as far as masking needs it and never fails: whatever the markup, every
//! byte is either copied or blanked (a space; newlines stay put), so the
//! masked text has the raw file's length and its offsets are the file's.
//!
//! - Blanked: tags with their attributes (a quoted `>` does not end a tag),
//!   comments (an unterminated one runs to the end of the file, as in a
//!   browser), `<!DOCTYPE>` and other `<!…>`/`<?…>`, CDATA sections, and the
//!   whole content of elements that are not article prose: `script`,
//!   `style`, `title`, `textarea`, `xmp`, `iframe`, `noembed`, `noframes` and
//!   `noscript` (raw text: read up to their end tag, never parsed), and
//!   `head`, `template`, `svg`, `math`, `nav`, `select`, `datalist`, `audio`,
//!   `video`, `canvas`, `object` (parsed, so a `<script>` inside them is still
//!   skipped whole). A `head` whose end tag is missing ends where the body
//!   starts (a tag or text that cannot be in a head); `svg` and `math` end at
//!   an HTML block tag such as `<p>`, as in a browser; a `nav` ends at
//!   `<main>` or `<article>` at the latest.
//! - Kept: text in every other element, unknown and custom ones included. A
//!   `<` that does not open a tag (`5 < 7`, `<3`) and a stray `>` are text.
//! - Character references stay in the raw file. In the masked text each one
//!   becomes a run of the same length holding the closest ASCII for what it
//!   stands for, padded with spaces: `&amp;` → `&` and 4 spaces; `&nbsp;`,
//!   `&shy;` and other spaces or invisible marks → all spaces; `&ldquo;`
//!   `&rdquo;` `&#8220;` … → `"`; `&lsquo;` `&rsquo;` → `'`; `&ndash;`
//!   `&mdash;` `&minus;` → `-`; `&hellip;` → `...`; Latin letters with
//!   accents → the bare letter (`&eacute;` → `e`); `&euro;` `&pound;` `&yen;`
//!   → the ISO code and a space (`EUR `, so `&euro;5bn` still reads as
//!   money); anything else → spaces. Numeric references in 0x80–0x9F are read
//!   as Windows-1252 (`&#146;` is `’`), as browsers do. A one-character
//!   stand-in sits at the end of its run when the reference opens a word
//!   (blank before it, none after: ` &ldquo;We` → `      "We`) and at the
//!   start otherwise (`win.&rdquo;` → `win."      `), so quotation marks
//!   pair and figures stay whole. The text is ASCII wherever the raw file is,
//!   so char boundaries agree. [`Page::references`] lists the references
//!   with a visible stand-in, so spans ending inside one can be widened to
//!   the whole reference ([`super::Document::widen`]).
//! - Blocks: the text between block-level tags (`p`, `div`, `h1`–`h6`, `li`,
//!   `blockquote`, `br`, `tr`, `td`, `section`, `article`, …), trimmed of
//!   blanks in the masked text, so a block never starts or ends on masked
//!   bytes (it may on a reference's stand-in, as a claim may).
//! - Metadata from `<meta>` anywhere in the file: the outlet from
//!   `og:site_name`, the date from `date`, `pubdate`, `publish-date`,
//!   `article:published_time`, `datePublished`, `DC.date.issued`, … (the
//!   date part of a timestamp); the first valid one wins and an invalid one
//!   is ignored. Authors are not outlets and are not read.

use memchr::{memchr, memchr2};

use super::Meta;
use crate::error::parse_date;
use crate::span::Span;

/// An HTML article, read in one pass.
pub struct Page {
    /// The raw text with everything that is not prose blanked; same length.
    pub text: String,
    /// Paragraph-level blocks of prose, in order, trimmed.
    pub blocks: Vec<Span>,
    /// Character references whose stand-in in `text` is not blank, in order.
    pub references: Vec<Span>,
    /// The outlet and publication date the page's `<meta>` tags give.
    pub meta: Meta,
}

/// Returns the masked text (same length as `raw`) and the prose blocks.
pub fn mask(raw: &str) -> (String, Vec<Span>) {
    let page = read(raw);
    (page.text, page.blocks)
}

/// Masks `raw` and reads its blocks, character references and metadata.
pub fn read(raw: &str) -> Page {
    let mut scanner = Scanner::new(raw);
    scanner.run();
    scanner.finish()
}

/// Elements whose content is raw text up to their end tag and not prose.
const RAW_TEXT: &[&str] = &[
    "script", "style", "title", "textarea", "xmp", "iframe", "noembed", "noframes", "noscript",
];

/// Elements whose content is parsed but is not prose.
const HIDDEN: &[&str] = &[
    "head", "template", "svg", "math", "nav", "select", "datalist", "audio", "video", "canvas",
    "object",
];

/// Elements that may stand in a `head`; any other start tag ends it.
const IN_HEAD: &[&str] = &[
    "head", "base", "basefont", "bgsound", "link", "meta", "title", "noscript", "noframes",
    "style", "script", "template",
];

/// HTML start tags that end `svg` and `math` content (WHATWG "breakout" tags).
#[rustfmt::skip]
const BREAKOUT: &[&str] = &[
    "b", "big", "blockquote", "body", "br", "center", "code", "dd", "div", "dl", "dt", "em",
    "embed", "h1", "h2", "h3", "h4", "h5", "h6", "head", "hr", "i", "img", "li", "listing",
    "menu", "meta", "nobr", "ol", "p", "pre", "ruby", "s", "small", "span", "strong", "strike",
    "sub", "sup", "table", "tt", "u", "ul", "var",
];

/// Tags that start or end a block of prose.
#[rustfmt::skip]
const BLOCK: &[&str] = &[
    "address", "article", "aside", "blockquote", "body", "br", "caption", "center", "dd",
    "details", "dialog", "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer",
    "form", "h1", "h2", "h3", "h4", "h5", "h6", "head", "header", "hgroup", "hr", "html",
    "legend", "li", "main", "menu", "nav", "ol", "optgroup", "option", "p", "pre", "search",
    "section", "summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul",
];

/// `<meta>` keys (`name`, `property` or `itemprop`) that give the publication date.
#[rustfmt::skip]
const DATE_KEYS: &[&str] = &[
    "date", "pubdate", "publishdate", "publish-date", "publish_date", "publication_date",
    "article:published_time", "datepublished", "dc.date", "dc.date.issued", "dcterms.date",
    "dcterms.issued", "sailthru.date", "parsely-pub-date",
];

/// `<meta>` keys that give the outlet.
const SOURCE_KEYS: &[&str] = &["og:site_name"];

/// Finds `name` in `list`, ignoring ASCII case.
fn find(list: &[&'static str], name: &[u8]) -> Option<&'static str> {
    list.iter()
        .copied()
        .find(|entry| entry.as_bytes().eq_ignore_ascii_case(name))
}

fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0c)
}

/// An element whose content is being blanked.
#[derive(Clone, Copy)]
struct Hidden {
    name: &'static str,
    /// Open elements of that name, nested.
    depth: usize,
}

/// A tag as scanned: its name and the byte just past it.
struct Tag {
    name: Span,
    end: usize,
    self_closing: bool,
}

struct Scanner<'a> {
    src: &'a str,
    raw: &'a [u8],
    /// The masked text being built; starts blank, prose is copied in.
    out: Vec<u8>,
    hidden: Option<Hidden>,
    block_start: usize,
    /// Untrimmed blocks; trimmed once the text is done.
    blocks: Vec<Span>,
    references: Vec<Span>,
    meta: Meta,
    /// Attributes of the last tag scanned: name and value (empty when none).
    attributes: Vec<(Span, Span)>,
    /// Where the last search for `]]>` found one (`Some(None)`: nowhere).
    cdata_close: Option<Option<usize>>,
}

impl<'a> Scanner<'a> {
    fn new(src: &'a str) -> Scanner<'a> {
        let out = src
            .bytes()
            .map(|b| if b == b'\n' { b'\n' } else { b' ' })
            .collect();
        Scanner {
            src,
            raw: src.as_bytes(),
            out,
            hidden: None,
            block_start: 0,
            blocks: Vec::new(),
            references: Vec::new(),
            meta: Meta::default(),
            attributes: Vec::new(),
            cdata_close: None,
        }
    }

    fn run(&mut self) {
        let len = self.raw.len();
        // A byte order mark is not prose.
        let mut pos = if self.src.starts_with('\u{feff}') {
            3
        } else {
            0
        };
        while pos < len {
            let Some(k) = memchr2(b'<', b'&', &self.raw[pos..]) else {
                self.text(pos, len);
                break;
            };
            let at = pos + k;
            self.text(pos, at);
            pos = if self.raw[at] == b'&' {
                self.reference(at)
            } else {
                self.markup(at)
            };
        }
        self.end_block(len, len);
    }

    fn finish(self) -> Page {
        // Prose is copied whole and everything else is ASCII, so this is UTF-8.
        let text = String::from_utf8(self.out)
            .unwrap_or_else(|err| String::from_utf8_lossy(err.as_bytes()).into_owned());
        let blocks = self.blocks.iter().filter_map(|b| trim(&text, *b)).collect();
        Page {
            text,
            blocks,
            references: self.references,
            meta: self.meta,
        }
    }

    /// Plain text from `start` to `end`: copied unless hidden.
    fn text(&mut self, start: usize, end: usize) {
        if start >= end {
            return;
        }
        if let Some(h) = self.hidden {
            // Text that is not blank cannot be in a head: the body has begun.
            if h.name == "head" && !self.raw[start..end].iter().all(|&b| is_space(b)) {
                self.hidden = None;
            } else {
                return;
            }
        }
        self.out[start..end].copy_from_slice(&self.raw[start..end]);
    }

    /// Closes the block running up to `end`; the next one starts at `next`.
    fn end_block(&mut self, end: usize, next: usize) {
        if self.block_start < end {
            self.blocks.push(Span::new(self.block_start, end));
        }
        self.block_start = next;
    }

    /// A `&` at `at`: a character reference, or a literal `&`. Returns where
    /// scanning goes on.
    fn reference(&mut self, at: usize) -> usize {
        let Some((end, c)) = reference_at(self.raw, at) else {
            self.text(at, at + 1);
            return at + 1;
        };
        if let Some(h) = self.hidden {
            if h.name != "head" {
                return end;
            }
            self.hidden = None;
        }
        let len = end - at;
        let (bytes, right) = match stand_in(c) {
            StandIn::Blank => return end,
            StandIn::Char(b) => {
                let blank_before = self.char_before(at).is_none_or(char::is_whitespace);
                let blank_after = self.raw.get(end).is_none_or(|&b| is_space(b));
                (vec![b], blank_before && !blank_after)
            }
            StandIn::Text(s) => (s.as_bytes().to_vec(), false),
            StandIn::Code(code) => (format!("{code} ").into_bytes(), true),
        };
        if bytes.len() > len {
            return end;
        }
        let from = if right { end - bytes.len() } else { at };
        self.out[from..from + bytes.len()].copy_from_slice(&bytes);
        self.references.push(Span::new(at, end));
        end
    }

    /// The last char of the masked text before `at`.
    fn char_before(&self, at: usize) -> Option<char> {
        let from = at.saturating_sub(4);
        let tail = &self.out[from..at];
        (0..tail.len())
            .find_map(|i| std::str::from_utf8(&tail[i..]).ok())
            .and_then(|s| s.chars().next_back())
    }

    /// A `<` at `at`: a tag, comment or declaration, or a literal `<`.
    /// Returns where scanning goes on.
    fn markup(&mut self, at: usize) -> usize {
        let raw = self.raw;
        let len = raw.len();
        match raw.get(at + 1) {
            Some(b'!') => {
                let rest = &raw[at..];
                if rest.starts_with(b"<!--") {
                    // `<!-->` and `<!--->` are (empty) comments too.
                    if raw[at + 4..].starts_with(b">") {
                        return at + 5;
                    }
                    if raw[at + 4..].starts_with(b"->") {
                        return at + 6;
                    }
                    memchr::memmem::find(&raw[at + 4..], b"-->").map_or(len, |k| at + 4 + k + 3)
                } else if rest.starts_with(b"<![CDATA[") {
                    self.cdata_close(at + 9)
                        .map(|close| close + 3)
                        .or_else(|| memchr(b'>', &raw[at + 9..]).map(|k| at + 9 + k + 1))
                        .unwrap_or(len)
                } else {
                    memchr(b'>', &raw[at + 2..]).map_or(len, |k| at + 2 + k + 1)
                }
            }
            Some(b'?') => memchr(b'>', &raw[at + 2..]).map_or(len, |k| at + 2 + k + 1),
            Some(b'/') => match raw.get(at + 2) {
                Some(b) if b.is_ascii_alphabetic() => {
                    let tag = self.scan_tag(at + 2);
                    self.end_tag(at, &tag);
                    tag.end
                }
                Some(b'>') => at + 3,
                // `</` at the end of the file is text.
                None => {
                    self.text(at, len);
                    len
                }
                Some(_) => memchr(b'>', &raw[at + 2..]).map_or(len, |k| at + 2 + k + 1),
            },
            Some(b) if b.is_ascii_alphabetic() => {
                let tag = self.scan_tag(at + 1);
                self.start_tag(at, &tag)
            }
            _ => {
                self.text(at, at + 1);
                at + 1
            }
        }
    }

    /// The next `]]>` at or after `from`. Searches never cover the same
    /// bytes twice (a failed one means there is none further on), so CDATA
    /// sections without their `]]>` cannot make the scan quadratic.
    fn cdata_close(&mut self, from: usize) -> Option<usize> {
        match self.cdata_close {
            Some(Some(close)) if close >= from => return Some(close),
            Some(None) => return None,
            _ => {}
        }
        let found = memchr::memmem::find(&self.raw[from..], b"]]>").map(|k| from + k);
        self.cdata_close = Some(found);
        found
    }

    /// Scans a tag whose name starts at `from` up to its closing `>` (or the
    /// end of the file), collecting its attributes.
    fn scan_tag(&mut self, from: usize) -> Tag {
        let raw = self.raw;
        let len = raw.len();
        let mut i = from;
        while i < len && !is_space(raw[i]) && raw[i] != b'/' && raw[i] != b'>' {
            i += 1;
        }
        let name = Span::new(from, i);
        self.attributes.clear();
        let mut self_closing = false;
        loop {
            while i < len && (is_space(raw[i]) || raw[i] == b'/') {
                self_closing = raw[i] == b'/' && raw.get(i + 1) == Some(&b'>');
                i += 1;
            }
            if i >= len {
                // The file ends inside the tag: a browser drops it.
                return Tag {
                    name,
                    end: len,
                    self_closing: false,
                };
            }
            if raw[i] == b'>' {
                return Tag {
                    name,
                    end: i + 1,
                    self_closing,
                };
            }
            self_closing = false;
            // An attribute name; its first byte may be anything but a blank, `/` or `>`.
            let name_start = i;
            i += 1;
            while i < len && !is_space(raw[i]) && !matches!(raw[i], b'/' | b'>' | b'=') {
                i += 1;
            }
            let attribute = Span::new(name_start, i);
            let mut j = i;
            while j < len && is_space(raw[j]) {
                j += 1;
            }
            if j >= len || raw[j] != b'=' {
                self.attributes.push((attribute, Span::new(i, i)));
                i = j;
                continue;
            }
            j += 1;
            while j < len && is_space(raw[j]) {
                j += 1;
            }
            let value = match raw.get(j) {
                Some(&quote @ (b'"' | b'\'')) => match memchr(quote, &raw[j + 1..]) {
                    Some(k) => {
                        i = j + 1 + k + 1;
                        Span::new(j + 1, j + 1 + k)
                    }
                    None => {
                        return Tag {
                            name,
                            end: len,
                            self_closing: false,
                        }
                    }
                },
                _ => {
                    let start = j;
                    while j < len && !is_space(raw[j]) && raw[j] != b'>' {
                        j += 1;
                    }
                    i = j;
                    Span::new(start, j)
                }
            };
            self.attributes.push((attribute, value));
        }
    }

    /// Handles a start tag that begins at `at`; returns where scanning goes on.
    fn start_tag(&mut self, at: usize, tag: &Tag) -> usize {
        let name = &self.raw[tag.name.start()..tag.name.end()];
        if name.eq_ignore_ascii_case(b"meta") {
            self.read_meta();
        }
        if find(BLOCK, name).is_some() {
            self.end_block(at, tag.end);
        }
        if let Some(h) = self.hidden {
            let ends = match h.name {
                "head" => find(IN_HEAD, name).is_none(),
                "svg" | "math" => find(BREAKOUT, name).is_some(),
                "nav" => find(&["main", "article"], name).is_some(),
                _ => false,
            };
            if ends {
                self.hidden = None;
            } else if h.name.as_bytes().eq_ignore_ascii_case(name)
                && !(tag.self_closing && matches!(h.name, "svg" | "math"))
            {
                self.hidden = Some(Hidden {
                    depth: h.depth + 1,
                    ..h
                });
            }
        }
        if let Some(element) = find(RAW_TEXT, name) {
            // Raw text runs to the element's end tag, whatever it holds.
            return self.raw_text_end(tag.end, element);
        }
        if self.hidden.is_none() {
            if let Some(element) = find(HIDDEN, name) {
                // Foreign elements may close themselves; HTML ones may not.
                if !(tag.self_closing && matches!(element, "svg" | "math")) {
                    self.hidden = Some(Hidden {
                        name: element,
                        depth: 1,
                    });
                }
            }
        }
        tag.end
    }

    /// Handles an end tag that begins at `at`.
    fn end_tag(&mut self, at: usize, tag: &Tag) {
        let name = &self.raw[tag.name.start()..tag.name.end()];
        if find(BLOCK, name).is_some() {
            self.end_block(at, tag.end);
        }
        let Some(h) = self.hidden else { return };
        if h.name.as_bytes().eq_ignore_ascii_case(name) {
            self.hidden = (h.depth > 1).then_some(Hidden {
                depth: h.depth - 1,
                ..h
            });
        } else if name.eq_ignore_ascii_case(b"body") || name.eq_ignore_ascii_case(b"html") {
            self.hidden = None;
        }
    }

    /// The end of the raw text element `element` whose content starts at
    /// `from`: just past its end tag, or the end of the file.
    fn raw_text_end(&mut self, from: usize, element: &str) -> usize {
        let raw = self.raw;
        let mut i = from;
        while let Some(k) = memchr(b'<', &raw[i..]) {
            let at = i + k;
            let name_start = at + 2;
            let name_end = name_start + element.len();
            if raw.get(at + 1) == Some(&b'/')
                && name_end <= raw.len()
                && raw[name_start..name_end].eq_ignore_ascii_case(element.as_bytes())
                && raw
                    .get(name_end)
                    .is_none_or(|&b| is_space(b) || b == b'/' || b == b'>')
            {
                let tag = self.scan_tag(name_start);
                self.end_tag(at, &tag);
                return tag.end;
            }
            i = at + 1;
        }
        raw.len()
    }

    /// Takes the outlet or the date from the `<meta>` tag just scanned.
    fn read_meta(&mut self) {
        let mut key = None;
        let mut content = None;
        for &(name, value) in &self.attributes {
            let name = &self.raw[name.start()..name.end()];
            if ["name", "property", "itemprop"]
                .iter()
                .any(|k| k.as_bytes().eq_ignore_ascii_case(name))
            {
                key.get_or_insert(value);
            } else if name.eq_ignore_ascii_case(b"content") {
                content.get_or_insert(value);
            }
        }
        let (Some(key), Some(content)) = (key, content) else {
            return;
        };
        let key = self.src[key.start()..key.end()].trim().as_bytes();
        if self.meta.date.is_none() && find(DATE_KEYS, key).is_some() {
            let value = decode(&self.src[content.start()..content.end()]);
            let day = value.trim().split(['T', ' ']).next().unwrap_or_default();
            self.meta.date = parse_date(day);
        } else if self.meta.source.is_none() && find(SOURCE_KEYS, key).is_some() {
            let value = decode(&self.src[content.start()..content.end()]);
            let value = value.split_whitespace().collect::<Vec<_>>().join(" ");
            if !value.is_empty() {
                self.meta.source = Some(value);
            }
        }
    }
}

/// `span` of `text` without the blanks at its ends, or `None` when all blank.
fn trim(text: &str, span: Span) -> Option<Span> {
    let slice = span.slice(text);
    let lead = slice.len() - slice.trim_start().len();
    let trimmed = slice.trim();
    (!trimmed.is_empty())
        .then(|| Span::new(span.start() + lead, span.start() + lead + trimmed.len()))
}

/// An attribute value with its character references decoded.
fn decode(value: &str) -> String {
    let bytes = value.as_bytes();
    let mut out = String::with_capacity(value.len());
    let mut pos = 0;
    while let Some(k) = memchr(b'&', &bytes[pos..]) {
        let at = pos + k;
        out.push_str(&value[pos..at]);
        match reference_at(bytes, at) {
            Some((end, c)) => {
                out.push(c);
                pos = end;
            }
            None => {
                out.push('&');
                pos = at + 1;
            }
        }
    }
    out.push_str(&value[pos..]);
    out
}

/// The character reference starting with the `&` at `at`: where it ends and
/// the char it stands for. Named references need their `;` (but for a few
/// common ones written without), numeric ones do not, as in a browser.
fn reference_at(raw: &[u8], at: usize) -> Option<(usize, char)> {
    let len = raw.len();
    if raw.get(at + 1) == Some(&b'#') {
        let hex = matches!(raw.get(at + 2), Some(b'x' | b'X'));
        let digits = if hex { at + 3 } else { at + 2 };
        let mut i = digits;
        let mut value: u32 = 0;
        while i < len {
            let digit = if hex {
                (raw[i] as char).to_digit(16)
            } else {
                (raw[i] as char).to_digit(10)
            };
            let Some(digit) = digit else { break };
            value = value
                .saturating_mul(if hex { 16 } else { 10 })
                .saturating_add(digit);
            i += 1;
        }
        if i == digits {
            return None;
        }
        if raw.get(i) == Some(&b';') {
            i += 1;
        }
        return Some((i, numeric(value)));
    }
    // The longest entity name has 31 letters.
    let start = at + 1;
    let mut i = start;
    while i < len && i - start <= 32 && raw[i].is_ascii_alphanumeric() {
        i += 1;
    }
    if i == start || i - start > 32 {
        return None;
    }
    let name = std::str::from_utf8(&raw[start..i]).ok()?;
    if raw.get(i) == Some(&b';') {
        return named(name).map(|c| (i + 1, c));
    }
    // Written without `;` by sloppy pages; only when the name is all there is.
    matches!(name, "amp" | "lt" | "gt" | "quot" | "nbsp")
        .then(|| named(name).map(|c| (i, c)))
        .flatten()
}

/// The char of a numeric reference, with the browser's repairs.
fn numeric(value: u32) -> char {
    /// Windows-1252 for 0x80–0x9F; `\u{fffd}` where it has no char.
    const CP1252: [char; 32] = [
        '€', '\u{fffd}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{fffd}', 'Ž',
        '\u{fffd}', '\u{fffd}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ',
        '\u{fffd}', 'ž', 'Ÿ',
    ];
    match value {
        0x80..=0x9f => CP1252[(value - 0x80) as usize],
        0 => '\u{fffd}',
        _ => char::from_u32(value).unwrap_or('\u{fffd}'),
    }
}

/// Latin-1 entity names, U+00A0 to U+00FF in order.
const LATIN1: [&str; 96] = [
    "nbsp", "iexcl", "cent", "pound", "curren", "yen", "brvbar", "sect", "uml", "copy", "ordf",
    "laquo", "not", "shy", "reg", "macr", "deg", "plusmn", "sup2", "sup3", "acute", "micro",
    "para", "middot", "cedil", "sup1", "ordm", "raquo", "frac14", "frac12", "frac34", "iquest",
    "Agrave", "Aacute", "Acirc", "Atilde", "Auml", "Aring", "AElig", "Ccedil", "Egrave", "Eacute",
    "Ecirc", "Euml", "Igrave", "Iacute", "Icirc", "Iuml", "ETH", "Ntilde", "Ograve", "Oacute",
    "Ocirc", "Otilde", "Ouml", "times", "Oslash", "Ugrave", "Uacute", "Ucirc", "Uuml", "Yacute",
    "THORN", "szlig", "agrave", "aacute", "acirc", "atilde", "auml", "aring", "aelig", "ccedil",
    "egrave", "eacute", "ecirc", "euml", "igrave", "iacute", "icirc", "iuml", "eth", "ntilde",
    "ograve", "oacute", "ocirc", "otilde", "ouml", "divide", "oslash", "ugrave", "uacute", "ucirc",
    "uuml", "yacute", "thorn", "yuml",
];

/// The char a named reference stands for (names are case-sensitive).
fn named(name: &str) -> Option<char> {
    let c = match name {
        "amp" | "AMP" => '&',
        "lt" | "LT" => '<',
        "gt" | "GT" => '>',
        "quot" | "QUOT" => '"',
        "apos" => '\'',
        "num" => '#',
        "dollar" => '$',
        "percnt" => '%',
        "lpar" => '(',
        "rpar" => ')',
        "comma" => ',',
        "period" => '.',
        "colon" => ':',
        "semi" => ';',
        "excl" => '!',
        "quest" => '?',
        "sol" => '/',
        "plus" => '+',
        "equals" => '=',
        "commat" => '@',
        "lsqb" | "lbrack" => '[',
        "rsqb" | "rbrack" => ']',
        "NonBreakingSpace" => '\u{a0}',
        "ensp" => '\u{2002}',
        "emsp" => '\u{2003}',
        "thinsp" | "ThinSpace" => '\u{2009}',
        "hairsp" | "VeryThinSpace" => '\u{200a}',
        "numsp" => '\u{2007}',
        "puncsp" => '\u{2008}',
        "zwnj" => '\u{200c}',
        "zwj" => '\u{200d}',
        "lrm" => '\u{200e}',
        "rlm" => '\u{200f}',
        "NoBreak" => '\u{2060}',
        "hyphen" | "dash" => '‐',
        "ndash" => '–',
        "mdash" => '—',
        "horbar" => '―',
        "minus" => '−',
        "lsquo" | "OpenCurlyQuote" => '‘',
        "rsquo" | "rsquor" | "CloseCurlyQuote" => '’',
        "sbquo" | "lsquor" => '‚',
        "ldquo" | "OpenCurlyDoubleQuote" => '“',
        "rdquo" | "rdquor" | "CloseCurlyDoubleQuote" => '”',
        "bdquo" | "ldquor" => '„',
        "lsaquo" => '‹',
        "rsaquo" => '›',
        "prime" => '′',
        "Prime" => '″',
        "hellip" | "mldr" => '…',
        "bull" | "bullet" => '•',
        "dagger" => '†',
        "Dagger" => '‡',
        "permil" => '‰',
        "euro" => '€',
        "trade" | "TRADE" => '™',
        "OElig" => 'Œ',
        "oelig" => 'œ',
        "Scaron" => 'Š',
        "scaron" => 'š',
        "Yuml" => 'Ÿ',
        "fnof" => 'ƒ',
        "circ" => 'ˆ',
        "tilde" => '˜',
        "COPY" => '©',
        "REG" => '®',
        _ => {
            let i = LATIN1.iter().position(|&n| n == name)?;
            char::from_u32(0xa0 + i as u32)?
        }
    };
    Some(c)
}

/// What a character reference shows in the masked text.
enum StandIn {
    Blank,
    /// One ASCII char, placed by context.
    Char(u8),
    /// ASCII text at the start of the run.
    Text(&'static str),
    /// A currency's ISO code and a space, at the end of the run.
    Code(&'static str),
}

fn stand_in(c: char) -> StandIn {
    use StandIn::*;
    match c {
        '\0'..='\u{1f}' | '\u{7f}' => Blank,
        c if c.is_ascii() => Char(c as u8),
        '‘' | '’' | '‚' | '‛' | '′' => Char(b'\''),
        '“' | '”' | '„' | '‟' | '″' => Char(b'"'),
        '‐' | '‑' | '‒' | '–' | '—' | '―' | '−' => Char(b'-'),
        '…' => Text("..."),
        '×' => Char(b'x'),
        '€' => Code("EUR"),
        '£' => Code("GBP"),
        '¥' => Code("JPY"),
        '₹' => Code("INR"),
        '₽' => Code("RUB"),
        '₴' => Code("UAH"),
        '₪' => Code("ILS"),
        'Æ' => Text("AE"),
        'æ' => Text("ae"),
        'Œ' => Text("OE"),
        'œ' => Text("oe"),
        'ß' => Text("ss"),
        '\u{c0}'..='\u{17f}' => latin_letter(c).map_or(Blank, Char),
        _ => Blank,
    }
}

/// The bare ASCII letter of an accented Latin letter (U+00C0–U+017F).
fn latin_letter(c: char) -> Option<u8> {
    const LATIN1: &[u8; 64] = b"AAAAAAACEEEEIIIIDNOOOOO OUUUUY  aaaaaaaceeeeiiiidnooooo ouuuuy y";
    const EXTENDED_A: &[u8; 128] =
        b"AaAaAaCcCcCcCcDdDdEeEeEeEeEeGgGgGgGgHhHhIiIiIiIiIi  JjKkkLlLlLlLlLlNnNnNnn  OoOoOo  RrRrRrSsSsSsSsTtTtTtUuUuUuUuUuUuWwYyYZzZzZzs";
    let code = c as usize;
    let letter = match code {
        0xc0..=0xff => LATIN1[code - 0xc0],
        0x100..=0x17f => EXTENDED_A[code - 0x100],
        _ => return None,
    };
    (letter != b' ').then_some(letter)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every raw char boundary is one in `text`, and every visible char of
    /// `text` sits on raw char boundaries.
    fn assert_aligned(raw: &str, text: &str) {
        assert_eq!(text.len(), raw.len());
        for i in 0..=raw.len() {
            if raw.is_char_boundary(i) {
                assert!(text.is_char_boundary(i), "{i} in {text:?}");
            }
        }
        for (i, c) in text.char_indices() {
            if c != ' ' && c != '\n' {
                assert!(raw.is_char_boundary(i) && raw.is_char_boundary(i + c.len_utf8()));
            }
        }
    }

    fn blocks(raw: &str) -> Vec<String> {
        let (text, blocks) = mask(raw);
        assert_aligned(raw, &text);
        blocks.iter().map(|b| b.slice(&text).to_string()).collect()
    }

    #[test]
    fn tags_are_blanked_and_offsets_kept() {
        let raw = "<p class=\"lede\" data-x='a > b'>Aid of <b>$61 billion</b> “passed” über</p>\n";
        let (text, _) = mask(raw);
        assert_aligned(raw, &text);
        let at = raw.find("$61").expect("the page holds the figure");
        assert_eq!(&text[at..at + 11], "$61 billion");
        assert!(!text.contains("lede") && !text.contains('<') && !text.contains('>'));
        assert_eq!(blocks(raw), ["Aid of    $61 billion     “passed” über"]);
    }

    #[test]
    fn multibyte_chars_in_markup_become_as_many_spaces() {
        let raw = "<p title=\"“ü” €\">x</p><!-- ünï --><p>ok</p>";
        let (text, _) = mask(raw);
        assert_aligned(raw, &text);
        assert!(text.is_ascii());
        assert_eq!(text.split_whitespace().collect::<Vec<_>>(), ["x", "ok"]);
    }

    #[test]
    fn scripts_styles_and_other_non_prose_are_skipped() {
        let raw = "<!DOCTYPE html><html><head><title>57 dead</title>\
            <meta charset=utf-8><style>p { width: 12px }</style>\
            <script>var x = 57; if (a < b && c) { s = \"</p>\"; }</script></head>\
            <body><nav><a href=\"/2024/99\">Top 10</a></nav>\
            <noscript><p>Enable 3 scripts</p></noscript>\
            <template><p>7 hidden</p><script>\"</template>\"</script></template>\
            <svg><text>42</text><title>9 icons</title></svg>\
            <select><option>2023</option></select>\
            <p>Only 5 words here.</p><![CDATA[ 8 ]]><?php echo 6; ?></body></html>";
        let (text, blocks) = mask(raw);
        assert_aligned(raw, &text);
        let digits: String = text.chars().filter(char::is_ascii_digit).collect();
        assert_eq!(digits, "5", "{text}");
        assert_eq!(blocks.len(), 1);
        assert_eq!(blocks[0].slice(&text), "Only 5 words here.");
    }

    #[test]
    fn unknown_and_custom_elements_keep_their_text() {
        assert_eq!(
            blocks("<article><x-byline>By Ann Lee</x-byline> <foo>wrote 3</foo></article>"),
            ["By Ann Lee                 wrote 3"]
        );
    }

    #[test]
    fn a_head_without_its_end_tag_ends_where_the_body_starts() {
        assert_eq!(
            blocks("<html><head><title>T</title><p>Body 1</p>"),
            ["Body 1"]
        );
        assert_eq!(
            blocks("<head><meta charset=utf-8>\nLoose text 2"),
            ["Loose text 2"]
        );
        assert_eq!(blocks("<svg><path d=1><p>Out 3</p>"), ["Out 3"]);
        assert_eq!(blocks("<nav><a>Menu</a><main><p>Story 4</p>"), ["Story 4"]);
    }

    #[test]
    fn references_keep_their_length_and_read_as_ascii() {
        let raw = "<p>AT&amp;T &lt;b&gt; a&nbsp;b &#8217;x&#x2019; &#146; &eacute;t&eacute; &hellip; &bogus; & &#; &amp</p>";
        let (text, _) = mask(raw);
        assert_aligned(raw, &text);
        let text = &text[3..text.len() - 4];
        assert_eq!(
            text,
            "AT&    T    <b>    a      b       'x'        '             ete        ...      &bogus; & &#;    &"
        );
    }

    #[test]
    fn quotation_marks_sit_against_their_words() {
        let raw = "<p>He said &ldquo;we will win&rdquo; and &quot;so it is&quot;.</p>";
        let (text, _) = mask(raw);
        assert_eq!(
            &text[3..text.len() - 4],
            "He said       \"we will win\"       and      \"so it is\"     ."
        );
        let page = read(raw);
        let spans: Vec<&str> = page.references.iter().map(|r| r.slice(raw)).collect();
        assert_eq!(spans, ["&ldquo;", "&rdquo;", "&quot;", "&quot;"]);
    }

    #[test]
    fn currencies_become_codes_before_the_amount() {
        let (text, _) = mask("<p>&euro;5bn and &pound;3 and &#36;4</p>");
        assert_eq!(
            &text[3..text.len() - 4],
            "  EUR 5bn and    GBP 3 and     $4"
        );
    }

    #[test]
    fn accented_letters_fold_to_their_base() {
        let pairs = [
            ('À', b'A'),
            ('Ç', b'C'),
            ('Ñ', b'N'),
            ('Ø', b'O'),
            ('Ý', b'Y'),
            ('é', b'e'),
            ('ÿ', b'y'),
            ('ā', b'a'),
            ('Č', b'C'),
            ('đ', b'd'),
            ('ğ', b'g'),
            ('ı', b'i'),
            ('ķ', b'k'),
            ('Ł', b'L'),
            ('ń', b'n'),
            ('ő', b'o'),
            ('ř', b'r'),
            ('ş', b's'),
            ('Ť', b'T'),
            ('ű', b'u'),
            ('Ŵ', b'W'),
            ('Ÿ', b'Y'),
            ('ž', b'z'),
            ('ſ', b's'),
        ];
        for (c, base) in pairs {
            assert_eq!(latin_letter(c), Some(base), "{c}");
        }
        assert_eq!(latin_letter('×'), None);
        assert_eq!(latin_letter('Ĳ'), None);
    }

    #[test]
    fn numeric_references_are_repaired_like_a_browser() {
        assert_eq!(reference_at(b"&#0;", 0), Some((4, '\u{fffd}')));
        assert_eq!(reference_at(b"&#xD800;", 0), Some((8, '\u{fffd}')));
        assert_eq!(
            reference_at(b"&#99999999999999999999;", 0).map(|r| r.1),
            Some('\u{fffd}')
        );
        assert_eq!(reference_at(b"&#150", 0), Some((5, '–')));
        assert_eq!(reference_at(b"&#x;", 0), None);
        assert_eq!(reference_at(b"&ampx", 0), None);
        assert_eq!(decode("Smith &amp; Sons &copy; &x"), "Smith & Sons © &x");
    }

    #[test]
    fn blocks_break_at_block_tags_only() {
        assert_eq!(
            blocks(
                "<h1>Title 1</h1>\n<div>Lead <em>2</em><br>next</div><ul><li>a 3</li><li> b </li></ul>\
                 <table><tr><td>c</td><td>4</td></tr></table><blockquote><p>q</p></blockquote>"
            ),
            ["Title 1", "Lead     2", "next", "a 3", "b", "c", "4", "q"]
        );
        let (text, blocks) = mask("<p>  <b> x </b>  </p>");
        assert_eq!(blocks, [Span::new(9, 10)]);
        assert_eq!(blocks[0].slice(&text), "x");
    }

    #[test]
    fn malformed_markup_never_panics_and_stays_aligned() {
        let cases = [
            "<",
            "<p",
            "</",
            "</p",
            "<!",
            "<!-",
            "<!--",
            "<!-- x",
            "<!--->",
            "<!-->x",
            "<?",
            "&",
            "&#",
            "&#x",
            "&#x1",
            "&am",
            "<p a=\"",
            "<p a='x",
            "<p a=",
            "<p a",
            "<script>x",
            "<script>x</scr",
            "<script>x</script",
            "<style>a</style  b",
            "<svg/>text",
            "<svg",
            "x > y",
            "a < b and 1<2",
            "<<p>>",
            "</ p>",
            "</>",
            "<a href=x>>y</a>",
            "<p>unclosed <b>bold",
            "<head>",
            "<head><title>x",
            "<nav>x",
            "<p/>y",
            "\u{feff}<p>é",
            "<p>é&eacute;&#233;<b é='é'>é</b>é",
            "<![CDATA[x",
            "<![CDATA[x>y",
            "<textarea>a<p>b",
            "&#x110000;",
            "&#55296;",
            "&ldquo",
            "x&nbsp",
            "<br/><br />",
        ];
        for raw in cases {
            let page = read(raw);
            assert_aligned(raw, &page.text);
            for b in &page.blocks {
                assert!(b.start() < b.end() && b.end() <= raw.len());
                assert!(raw.is_char_boundary(b.start()) && raw.is_char_boundary(b.end()));
                assert_eq!(b.slice(&page.text), b.slice(&page.text).trim());
            }
        }
        assert_eq!(blocks("a < b and 1<2 > 0"), ["a < b and 1<2 > 0"]);
        assert_eq!(blocks("<p>unclosed <b>bold"), ["unclosed    bold"]);
        assert_eq!(blocks("<!-- never closed <p>77</p>"), Vec::<String>::new());
        assert_eq!(blocks("<script>x = 1"), Vec::<String>::new());
        assert_eq!(blocks("<svg/>text 5"), ["text 5"]);
    }

    #[test]
    fn metadata_comes_from_meta_tags() {
        let page = read(
            "<head><meta name=\"author\" content=\"Ann Lee\">\
             <meta property=\"og:site_name\" content=\"Daily &amp; Co\">\
             <meta property=\"article:published_time\" content=\"2024-06-12T10:00:00Z\">\
             <meta name=\"date\" content=\"2023-01-01\"></head>",
        );
        assert_eq!(page.meta.source.as_deref(), Some("Daily & Co"));
        assert_eq!(
            page.meta.date.map(|d| d.to_string()).as_deref(),
            Some("2024-06-12")
        );

        let page =
            read("<meta name=DATE content=2024-13-40><meta name=pubdate content=' 2024-06-01 '>");
        assert_eq!(
            page.meta.date.map(|d| d.to_string()).as_deref(),
            Some("2024-06-01")
        );
        let page =
            read("<meta name=\"date\" content=\"June 12\"><meta name=\"author\" content=\"X\">");
        assert_eq!(page.meta, Meta::default());
    }
}
