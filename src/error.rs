//! Errors about the user's input files, each naming the file (and the line,
//! where there is one) and saying what to do about it.

use std::io;
use std::path::{Path, PathBuf};

use miette::Diagnostic;
use thiserror::Error;

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

/// Parses a publication date written as `YYYY-MM-DD`.
pub fn parse_date(value: &str) -> Option<jiff::civil::Date> {
    let value = value.trim();
    if value.len() != 10 {
        return None;
    }
    value.parse().ok()
}
