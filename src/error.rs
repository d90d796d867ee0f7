//! Errors about the user's input files, each naming the file (and the line,
//! where there is one) and saying what to do about it.

use std::io;
use std::path::{Path, PathBuf};

use miette::Diagnostic;
use thiserror::Error;

use crate::size::Bytes;

#[derive(Debug, Error, Diagnostic)]
pub enum InputError {
    #[error("{}: no such file or folder", path.display())]
    #[diagnostic(
        code(claimlint::input::missing),
        help(
            "check the path; folders are searched for .md, .markdown, .txt, .html and .htm files"
        )
    )]
    Missing { path: PathBuf },

    #[error("{}: cannot be read: {source}", path.display())]
    #[diagnostic(code(claimlint::input::io))]
    Io { path: PathBuf, source: io::Error },

    #[error("{}: the file {}; it was not read", path.display(), over_limit(*size, *limit))]
    #[diagnostic(
        code(claimlint::input::too_large),
        help("check that it is an article; to read it anyway, raise the limit with --max-file-size (e.g. --max-file-size 64MiB)")
    )]
    TooLarge {
        path: PathBuf,
        /// `None` when only part was read (standard input).
        size: Option<u64>,
        limit: u64,
    },

    #[error("{}: not a regular file (a pipe, device or socket); it was not read", path.display())]
    #[diagnostic(
        code(claimlint::input::not_a_file),
        help("name the article's file, or pipe it in with `-` as the path")
    )]
    NotAFile { path: PathBuf },

    #[error("{}: the file is empty", path.display())]
    #[diagnostic(
        code(claimlint::input::empty),
        help("an article needs some text to check")
    )]
    Empty { path: PathBuf },

    #[error("{}:{line}: the file holds a NUL byte; it looks binary, not an article", path.display())]
    #[diagnostic(
        code(claimlint::input::binary),
        help("only plain text, Markdown and HTML articles are read")
    )]
    Binary { path: PathBuf, line: usize },

    #[error("{}:{line}: the file is not valid UTF-8", path.display())]
    #[diagnostic(
        code(claimlint::input::encoding),
        help("save the article as UTF-8 (for example with `iconv -t UTF-8`)")
    )]
    NotUtf8 { path: PathBuf, line: usize },

    #[error("{}: the file is UTF-16 (it opens with a UTF-16 byte order mark), not UTF-8", path.display())]
    #[diagnostic(
        code(claimlint::input::encoding),
        help("save the article as UTF-8 (for example with `iconv -f UTF-16 -t UTF-8`)")
    )]
    Utf16 { path: PathBuf },

    #[error("{}:{line}: front matter: {message}", path.display())]
    #[diagnostic(code(claimlint::input::front_matter), help("front matter is YAML between two `---` lines, e.g. `source: Example Post` and `date: 2024-06-12`"))]
    FrontMatter {
        path: PathBuf,
        line: usize,
        message: String,
    },

    #[error("{}:{line}: {message}", path.display())]
    #[diagnostic(
        code(claimlint::input::sources),
        help("sources.yaml maps file names to `{{source: OUTLET, date: YYYY-MM-DD}}`")
    )]
    Sources {
        path: PathBuf,
        line: usize,
        message: String,
    },

    #[error("{}: no articles found (looked for .md, .markdown, .txt, .html and .htm files)", path.display())]
    #[diagnostic(code(claimlint::input::no_articles))]
    NoArticles { path: PathBuf },
}

impl InputError {
    pub fn io(path: &Path, source: io::Error) -> InputError {
        if source.kind() == io::ErrorKind::NotFound {
            InputError::Missing {
                path: path.to_path_buf(),
            }
        } else {
            InputError::Io {
                path: path.to_path_buf(),
                source,
            }
        }
    }
}

/// "is N bytes, over the limit of L", or without the size when only part
/// was read.
fn over_limit(size: Option<u64>, limit: u64) -> String {
    match size {
        Some(size) => format!("is {}, over the limit of {}", Bytes(size), Bytes(limit)),
        None => format!("is over the limit of {}", Bytes(limit)),
    }
}

/// Parses a publication date written as `YYYY-MM-DD`.
pub fn parse_date(value: &str) -> Option<jiff::civil::Date> {
    let value = value.trim();
    if value.len() != 10 {
        return None;
    }
    value.parse().ok()
}
