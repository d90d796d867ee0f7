//! Errors in rule files. Each points at the line and column of the YAML
//! that is wrong, so the fix is one look away.

use std::path::{Path, PathBuf};

use miette::{Diagnostic, NamedSource, SourceSpan};
use thiserror::Error;

/// A mistake at one place in a rule file.
#[derive(Debug, Error, Diagnostic)]
#[error("{file}:{line}:{column}: {message}")]
#[diagnostic(code(claimlint::rules::invalid))]
pub struct InvalidRule {
    pub file: String,
    pub line: usize,
    pub column: usize,
    pub message: String,
    #[source_code]
    source_code: NamedSource<String>,
    #[label("{label}")]
    span: SourceSpan,
    label: String,
    #[help]
    help: Option<String>,
}

#[derive(Debug, Error, Diagnostic)]
pub enum RuleError {
    #[error(transparent)]
    #[diagnostic(transparent)]
    Invalid(Box<InvalidRule>),

    #[error("{}: cannot be read: {source}", path.display())]
    #[diagnostic(code(claimlint::rules::io))]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },

    #[error("{}: the file is {size} bytes, over the limit of {limit}", path.display())]
    #[diagnostic(
        code(claimlint::rules::too_large),
        help(
            "rule files, configurations and baselines are short; check that it is the right file"
        )
    )]
    TooLarge {
        path: PathBuf,
        size: u64,
        limit: u64,
    },

    #[error("{}: no rule files (*.yaml, *.yml) here", path.display())]
    #[diagnostic(
        code(claimlint::rules::none),
        help("pass a rule file or a folder of them with --rules")
    )]
    NoRules { path: PathBuf },
}

impl RuleError {
    /// An error at byte `offset..offset + len` of the rule file `raw`.
    pub fn at(
        path: &Path,
        raw: &str,
        offset: usize,
        len: usize,
        message: impl Into<String>,
        help: Option<String>,
    ) -> RuleError {
        let offset = floor_char_boundary(raw, offset.min(raw.len()));
        let end = floor_char_boundary(raw, (offset + len).min(raw.len()));
        let before = &raw[..offset];
        let line = before.matches('\n').count() + 1;
        let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
        let message = message.into();
        let file = path.display().to_string();
        RuleError::Invalid(Box::new(InvalidRule {
            label: short_label(&message),
            source_code: NamedSource::new(&file, raw.to_string()),
            file,
            line,
            column,
            message,
            span: (offset, end - offset).into(),
            help,
        }))
    }
}

fn short_label(message: &str) -> String {
    message
        .split(';')
        .next()
        .unwrap_or(message)
        .trim()
        .to_string()
}

fn floor_char_boundary(text: &str, mut offset: usize) -> usize {
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}
