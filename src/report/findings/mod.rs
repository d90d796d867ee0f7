//! Output of `claimlint check`: the one place findings become text, in
//! every format. People get miette diagnostics (`human`); machines get the
//! JSON contract (`json`), SARIF 2.1.0 for code scanning (`sarif`), GitHub
//! workflow commands (`github`), or one line per finding (`short`).

mod human;
mod json;
mod lines;
mod sarif;

use std::borrow::Cow;
use std::io::{self, Write};

use clap::ValueEnum;

use crate::check::{Article, Finding, Location};
use crate::document::Document;
use crate::rules::RuleSet;
use crate::span::{Position, Span};

pub use human::summary;

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Diagnostics with the text of every place involved (colour on a terminal).
    Human,
    /// The JSON document described in docs/rules.md.
    Json,
    /// SARIF 2.1.0, for GitHub code scanning and other SARIF viewers.
    Sarif,
    /// GitHub Actions workflow commands, which annotate the pull request.
    Github,
    /// `file:line:col: severity[rule] message`, one line per location.
    Short,
}

/// Writes `findings` in `format` to `out`. `rules` gives SARIF its rule
/// metadata.
pub fn write(
    format: Format,
    findings: &[Finding],
    articles: &[Article],
    rules: &RuleSet,
    color: bool,
    out: &mut dyn Write,
) -> io::Result<()> {
    let text = match format {
        Format::Json => return json::write(findings, articles, out),
        Format::Human => human::render(findings, articles, color),
        Format::Sarif => sarif::render(findings, articles, rules),
        Format::Github => lines::github(findings, articles),
        Format::Short => lines::short(findings, articles),
    };
    out.write_all(text.as_bytes())
}

/// A location with what every format needs: file name, positions, text.
struct Resolved<'a> {
    doc: &'a Document,
    span: Span,
    /// The path as `Document::display_path` shows it, borrowed when it is UTF-8.
    file: Cow<'a, str>,
    start: Position,
    text: Cow<'a, str>,
}

impl<'a> Resolved<'a> {
    fn new(location: &Location, articles: &'a [Article]) -> Resolved<'a> {
        let doc = &articles[location.article].doc;
        Resolved {
            doc,
            span: location.span,
            file: doc.path.to_string_lossy(),
            start: doc.position(location.span.start()),
            text: doc.raw_slice(location.span),
        }
    }

    /// Where the location ends; worked out only for the formats that show it.
    fn end(&self) -> Position {
        self.doc.position(self.span.end())
    }
}
