//! Reading articles: the publication metadata, and the text masked so that
//! everything that is not prose (front matter, Markdown syntax, code, URLs,
//! HTML tags, scripts and styles) is blanked out byte for byte.
//!
//! The masked text has exactly the length of the raw text, so every offset
//! found in it is an offset into the raw file. The file's own bytes are kept
//! only where they differ from the masked text (`unmasked`).

mod frontmatter;
pub mod html;
mod markdown;
pub mod sentences;
mod sources;
mod unmasked;

use std::borrow::Cow;
use std::fmt;
use std::fs::{File, OpenOptions};
use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use jiff::civil::Date;

use crate::error::InputError;
use crate::size::DEFAULT_MAX_FILE_BYTES;
use crate::span::{char_starts, LineIndex, Position, Span, MAX_TEXT_BYTES};

pub use sources::SourcesCache;
use unmasked::Unmasked;

/// How a file's text is laid out.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// One paragraph per line.
    Text,
    /// CommonMark with optional YAML front matter.
    Markdown,
    /// An HTML page: its text content, with `<meta>` tags for outlet and date.
    Html,
}

impl Format {
    /// The format for a file name, or `None` when it is not an article.
    pub fn from_path(path: &Path) -> Option<Format> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "txt" => Some(Format::Text),
            "md" | "markdown" => Some(Format::Markdown),
            "html" | "htm" => Some(Format::Html),
            _ => None,
        }
    }
}

/// Where an article was published and when.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Meta {
    pub source: Option<String>,
    pub date: Option<Date>,
}

impl Meta {
    /// Fields of `over` win; the rest come from `self`.
    pub fn overridden_by(self, over: &Meta) -> Meta {
        Meta {
            source: over.source.clone().or(self.source),
            date: over.date.or(self.date),
        }
    }
}

/// One article, ready for extraction.
pub struct Document {
    /// The path as the user gave it (or `<stdin>`).
    pub path: PathBuf,
    /// The file's text with non-prose bytes replaced by spaces; as long as
    /// the file. [`Document::raw`] gives the file's own text.
    pub text: String,
    /// The file's bytes where `text` differs from them.
    unmasked: Unmasked,
    /// The whole file, put together on first use (a report's snippets).
    raw: OnceLock<String>,
    /// Paragraph-level blocks of prose; sentences and quotations never cross them.
    pub blocks: Vec<Span>,
    pub meta: Meta,
    /// Line starts and character counts, made on first use: only articles
    /// with something to report need them.
    lines: OnceLock<LineIndex>,
    /// HTML character references whose stand-in in `text` is visible, in order.
    references: Vec<Span>,
}

impl Document {
    /// Builds a document from text already in memory. Its front matter (or
    /// an HTML page's `<meta>` tags) wins over `meta` (what is known about the
    /// file from elsewhere).
    pub fn parse(
        path: PathBuf,
        raw: String,
        format: Format,
        meta: Meta,
    ) -> Result<Document, InputError> {
        // Spans are 32-bit offsets: a larger text could not be pointed into.
        if raw.len() as u64 > MAX_TEXT_BYTES {
            return Err(InputError::TooLarge {
                size: Some(raw.len() as u64),
                limit: MAX_TEXT_BYTES,
                path,
            });
        }
        let mut references = Vec::new();
        let (text, mut blocks, unmasked, front) = match format {
            // Plain text is its own masked text: nothing differs.
            Format::Text => {
                let blocks = text_blocks(&raw);
                (raw, blocks, Unmasked::default(), Meta::default())
            }
            Format::Markdown => {
                let front = frontmatter::read(&path, &raw)?;
                let body_start = front.as_ref().map_or(0, |f| f.end);
                let (text, blocks, unmasked) = markdown::mask(&raw, body_start);
                (
                    text,
                    blocks,
                    unmasked,
                    front.map(|f| f.meta).unwrap_or_default(),
                )
            }
            Format::Html => {
                let page = html::read(&raw);
                references = page.references;
                let unmasked = Unmasked::between(&raw, &page.text);
                (page.text, page.blocks, unmasked, page.meta)
            }
        };
        // Held for the whole run, one per article: no room to spare.
        blocks.shrink_to_fit();
        Ok(Document {
            path,
            text,
            unmasked,
            raw: OnceLock::new(),
            blocks,
            meta: meta.overridden_by(&front),
            lines: OnceLock::new(),
            references,
        })
    }

    /// Reads and parses the file at `path`, refusing it unread when it is
    /// larger than [`DEFAULT_MAX_FILE_BYTES`]; see [`Document::load_at_most`].
    pub fn load(
        path: &Path,
        sources: &SourcesCache,
        overrides: &Meta,
    ) -> Result<Document, InputError> {
        Document::load_at_most(path, sources, overrides, DEFAULT_MAX_FILE_BYTES)
    }

    /// Reads and parses the file at `path`. `overrides` (from the command line)
    /// win over the file's front matter, which wins over `sources.yaml`.
    /// Stdin (`-`) is read as one article. Input over `max_bytes` is refused
    /// with [`InputError::TooLarge`], never read whole into memory.
    pub fn load_at_most(
        path: &Path,
        sources: &SourcesCache,
        overrides: &Meta,
        max_bytes: u64,
    ) -> Result<Document, InputError> {
        if path.as_os_str() == crate::walk::STDIN {
            return Document::from_stdin(overrides, max_bytes);
        }
        let bytes = read_file(path, max_bytes)?;
        let raw = decode(path, bytes)?;
        let format = Format::from_path(path).unwrap_or(Format::Text);
        let listed = sources.lookup(path)?;
        let mut doc = Document::parse(path.to_path_buf(), raw, format, listed)?;
        doc.meta = doc.meta.clone().overridden_by(overrides);
        Ok(doc)
    }

    /// Reads one article from standard input: Markdown when it opens with
    /// front matter, HTML when it opens with `<!DOCTYPE html>` or `<html`,
    /// plain text otherwise.
    fn from_stdin(overrides: &Meta, max_bytes: u64) -> Result<Document, InputError> {
        let path = PathBuf::from("<stdin>");
        let bytes = read_at_most(std::io::stdin().lock(), &path, max_bytes)?;
        let raw = decode(&path, bytes)?;
        let format = if raw.starts_with("---") {
            Format::Markdown
        } else if looks_like_html(&raw) {
            Format::Html
        } else {
            Format::Text
        };
        let mut doc = Document::parse(path, raw, format, Meta::default())?;
        doc.meta = doc.meta.clone().overridden_by(overrides);
        Ok(doc)
    }

    /// `span` grown to whole character references where it starts or ends
    /// inside one, so that its raw text is whole (`&ldquo;…&rdquo;`, not
    /// `;…&`). Spans of Markdown and plain text are returned unchanged.
    pub fn widen(&self, span: Span) -> Span {
        let inside = |offset: usize| {
            let i = self.references.partition_point(|r| r.end() <= offset);
            self.references
                .get(i)
                .filter(|r| r.start() < offset && offset < r.end())
                .copied()
        };
        let start = inside(span.start()).map_or(span.start(), |r| r.start());
        let end = inside(span.end()).map_or(span.end(), |r| r.end());
        Span::new(start, end.max(start))
    }

    /// The file's text. Put together on first use and kept; to read a part
    /// of it, [`Document::raw_slice`] costs less.
    pub fn raw(&self) -> &str {
        if self.unmasked.is_empty() {
            return &self.text;
        }
        self.raw
            .get_or_init(|| self.unmasked.restore(&self.text, self.whole()).into_owned())
    }

    /// The file's text of `span`, which lies on the file's char boundaries.
    pub fn raw_slice(&self, span: Span) -> Cow<'_, str> {
        match self.raw.get() {
            Some(raw) => Cow::Borrowed(span.slice(raw)),
            None => self.unmasked.restore(&self.text, span),
        }
    }

    /// The file's bytes of `span`, whose ends need not be char boundaries.
    fn raw_bytes(&self, span: Span) -> Cow<'_, [u8]> {
        match self.raw.get() {
            Some(raw) => Cow::Borrowed(&raw.as_bytes()[span.start()..span.end()]),
            None => self.unmasked.restore_bytes(&self.text, span),
        }
    }

    fn line_index(&self) -> &LineIndex {
        self.lines
            .get_or_init(|| LineIndex::new(&self.raw_bytes(self.whole())))
    }

    /// The index of the block (paragraph) that holds byte `offset`, if any.
    pub fn block_at(&self, offset: usize) -> Option<usize> {
        let i = self.blocks.partition_point(|b| b.end() <= offset);
        self.blocks
            .get(i)
            .filter(|b| b.start() <= offset && offset < b.end().max(b.start() + 1))
            .map(|_| i)
    }

    /// The span of the whole file.
    pub fn whole(&self) -> Span {
        Span::new(0, self.text.len())
    }

    pub fn position(&self, offset: usize) -> Position {
        self.line_index()
            .position(offset, |span| char_starts(&self.raw_bytes(span)))
    }

    /// The 1-based line holding byte `offset`.
    pub fn line_of(&self, offset: usize) -> usize {
        self.line_index().line_of(offset)
    }

    /// The bytes of lines `first..=last` (1-based), newlines included.
    pub fn lines(&self, first: usize, last: usize) -> Span {
        self.line_index().lines(self.text.len(), first, last)
    }

    pub fn display_path(&self) -> impl fmt::Display + '_ {
        self.path.display()
    }
}

/// The bytes of the file at `path`, refused by its size before any is read
/// when it is over `max_bytes`.
fn read_file(path: &Path, max_bytes: u64) -> Result<Vec<u8>, InputError> {
    let file = open_to_read(path)?;
    let meta = file.metadata().map_err(|err| InputError::io(path, err))?;
    if !meta.is_file() {
        return Err(InputError::NotAFile {
            path: path.to_path_buf(),
        });
    }
    let size = meta.len();
    if size > max_bytes {
        return Err(InputError::TooLarge {
            path: path.to_path_buf(),
            size: Some(size),
            limit: max_bytes,
        });
    }
    // A size of 0 may be a file the system cannot size (procfs): read to
    // the end, as a pipe is.
    if size == 0 {
        return read_at_most(file, path, max_bytes);
    }
    // The file as long as its size says when it is opened: one read call,
    // where reading on to the end takes a second call to find the end. A
    // file that grows meanwhile is read as it was, not refused as too large.
    let mut bytes = Vec::with_capacity(usize::try_from(size).unwrap_or(0));
    file.take(size)
        .read_to_end(&mut bytes)
        .map_err(|err| InputError::io(path, err))?;
    Ok(bytes)
}

/// Opens `path` to be read. A named pipe would wait for a writer on a plain
/// open: on Unix it is opened without waiting, and [`read_file`]'s look at
/// the open file refuses it unread. Looking after opening, not before,
/// spares each article a lookup of its path. A socket cannot be opened at
/// all; that failure is told as what it is.
fn open_to_read(path: &Path) -> Result<File, InputError> {
    let mut options = OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK);
    }
    options
        .open(path)
        .map_err(|err| match std::fs::metadata(path) {
            Ok(meta) if !meta.is_file() => InputError::NotAFile {
                path: path.to_path_buf(),
            },
            _ => InputError::io(path, err),
        })
}

/// Reads at most `max_bytes + 1` bytes: one more than allowed shows the
/// input is too large (a pipe, or a file whose size the system does not
/// know) without holding more of it.
fn read_at_most(input: impl Read, path: &Path, max_bytes: u64) -> Result<Vec<u8>, InputError> {
    let mut bytes = Vec::new();
    input
        .take(max_bytes.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|err| InputError::io(path, err))?;
    if bytes.len() as u64 > max_bytes {
        return Err(InputError::TooLarge {
            path: path.to_path_buf(),
            size: None,
            limit: max_bytes,
        });
    }
    Ok(bytes)
}

/// Checks that the bytes are an article we can read: text, UTF-8, not empty.
/// UTF-16 is named as such (by its byte order mark), not taken for binary.
fn decode(path: &Path, bytes: Vec<u8>) -> Result<String, InputError> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(InputError::Empty {
            path: path.to_path_buf(),
        });
    }
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Err(InputError::Utf16 {
            path: path.to_path_buf(),
        });
    }
    if let Some(nul) = memchr::memchr(0, &bytes) {
        let line = LineIndex::new(&bytes[..nul]).line_of(nul);
        return Err(InputError::Binary {
            path: path.to_path_buf(),
            line,
        });
    }
    String::from_utf8(bytes).map_err(|err| {
        let valid = err.utf8_error().valid_up_to();
        let bytes = err.as_bytes();
        let line = bytes[..valid].iter().filter(|&&b| b == b'\n').count() + 1;
        InputError::NotUtf8 {
            path: path.to_path_buf(),
            line,
        }
    })
}

/// Whether text read from standard input is an HTML page.
fn looks_like_html(raw: &str) -> bool {
    let head = raw.trim_start_matches('\u{feff}').trim_start().as_bytes();
    let opens = |p: &str| {
        head.get(..p.len())
            .is_some_and(|h| h.eq_ignore_ascii_case(p.as_bytes()))
    };
    opens("<!doctype html") || opens("<html")
}

/// In plain text every non-blank line is a paragraph.
fn text_blocks(raw: &str) -> Vec<Span> {
    let mut blocks = Vec::new();
    let mut start = 0;
    for line in raw.split_inclusive('\n') {
        let end = start + line.len();
        let trimmed = line.trim_end();
        let lead = line.len() - line.trim_start().len();
        if !trimmed.trim_start().is_empty() {
            blocks.push(Span::new(start + lead, start + trimmed.len()));
        }
        start = end;
    }
    blocks
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A file is read as long as its size says, and one whose size the
    /// system gives as 0 (procfs) to its end.
    #[test]
    fn files_are_read_whole_whatever_size_they_report() {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let path = dir.path().join("a.txt");
        let text = "Aid rose to $61 billion. ".repeat(1000);
        std::fs::write(&path, &text).expect("the article is written");
        assert_eq!(read_file(&path, 1 << 20).ok(), Some(text.into_bytes()));
        #[cfg(target_os = "linux")]
        {
            let status = Path::new("/proc/self/status");
            let reported = std::fs::metadata(status).map(|m| m.len()).ok();
            let read = read_file(status, 1 << 20).map(|b| b.len()).unwrap_or(0);
            assert_eq!(reported, Some(0));
            assert!(read > 100, "{read} bytes read");
        }
    }

    #[test]
    fn text_lines_are_blocks() {
        let raw = "First line.\n\n  Second line. \n";
        let blocks = text_blocks(raw);
        let texts: Vec<_> = blocks.iter().map(|b| b.slice(raw)).collect();
        assert_eq!(texts, ["First line.", "Second line."]);
    }

    #[test]
    fn html_files_are_articles() {
        for name in ["a.html", "b.HTM", "c.Html"] {
            assert_eq!(Format::from_path(Path::new(name)), Some(Format::Html));
        }
        assert_eq!(Format::from_path(Path::new("d.xhtml")), None);
        assert!(looks_like_html("\u{feff}\n<!DOCTYPE HTML>\n<html>"));
        assert!(looks_like_html("<HTML lang=en>"));
        assert!(!looks_like_html("<p>not a page</p>"));
    }

    #[test]
    fn spans_widen_to_whole_references() {
        let raw = "<p>He said &ldquo;we won&rdquo; and &euro;5bn.</p>".to_string();
        let doc = Document::parse("a.html".into(), raw, Format::Html, Meta::default())
            .expect("the page parses");
        let open = doc.text.find('"').expect("an opening quote");
        let close = doc.text.rfind('"').expect("a closing quote") + 1;
        let quote = doc.widen(Span::new(open, close));
        assert_eq!(doc.raw_slice(quote), "&ldquo;we won&rdquo;");
        let code = doc.text.find("EUR").expect("the euro sign becomes EUR");
        let money = doc.widen(Span::new(code, code + 7));
        assert_eq!(doc.raw_slice(money), "&euro;5bn");
        assert_eq!(
            doc.raw(),
            "<p>He said &ldquo;we won&rdquo; and &euro;5bn.</p>"
        );
        let plain = Span::new(3, 7);
        assert_eq!(doc.widen(plain), plain);
    }

    #[test]
    fn positions_count_the_files_characters_not_the_masks() {
        // Masked runs (front matter, link URLs) hold characters of several
        // bytes; a long line makes columns count across chunk edges.
        let link = "[é](https://example.org/“é”) ";
        let raw = format!("---\ntitle: “Ré”\n---\n{}end “x”\n", link.repeat(400));
        let doc = Document::parse(
            "a.md".into(),
            raw.clone(),
            Format::Markdown,
            Meta::default(),
        )
        .expect("the article parses");
        for (offset, _) in raw.char_indices().step_by(7) {
            let start = raw[..offset].rfind('\n').map_or(0, |i| i + 1);
            let column = raw[start..offset].chars().count() + 1;
            let line = raw[..offset].matches('\n').count() + 1;
            assert_eq!(doc.position(offset), Position { line, column }, "{offset}");
        }
        // The same from the whole file, once it has been put together.
        assert_eq!(doc.raw(), raw);
        let end = raw.len();
        assert_eq!(doc.position(end).column, 1);
    }

    #[test]
    fn empty_and_binary_files_are_refused() {
        let path = Path::new("a.txt");
        assert!(matches!(
            decode(path, b" \n".to_vec()),
            Err(InputError::Empty { .. })
        ));
        assert!(matches!(
            decode(path, b"ok\nbad\0".to_vec()),
            Err(InputError::Binary { line: 2, .. })
        ));
        assert!(matches!(
            decode(path, b"one\ntwo \xff three".to_vec()),
            Err(InputError::NotUtf8 { line: 2, .. })
        ));
        assert!(matches!(
            decode(path, b"\xff\xfeo\0k\0".to_vec()),
            Err(InputError::Utf16 { .. })
        ));
    }
}
