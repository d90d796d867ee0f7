//! Findings for people: one miette diagnostic per finding, with a label on
//! every span and a related snippet for every other file involved.

use std::fmt;

use miette::{
    Diagnostic, GraphicalReportHandler, GraphicalTheme, LabeledSpan, MietteError,
    MietteSpanContents, SourceCode, SourceSpan, SpanContents,
};

use crate::check::{Article, Finding, Location};
use crate::document::Document;
use crate::rules::Severity;
use crate::span::Span;

/// Each finding as a miette diagnostic, then a one-line summary.
pub fn render(findings: &[Finding], articles: &[Article], color: bool) -> String {
    let theme = if color {
        GraphicalTheme::unicode()
    } else {
        GraphicalTheme::unicode_nocolor()
    };
    let handler = GraphicalReportHandler::new_themed(theme).with_width(100);
    let mut out = String::new();
    for finding in findings {
        let diagnostic = FindingDiagnostic::new(finding, articles);
        if handler.render_report(&mut out, &diagnostic).is_err() {
            out.push_str(&format!("{}: {}\n", finding.rule, finding.message));
        }
        out.push('\n');
    }
    out.push_str(&summary(findings, articles.len()));
    out
}

/// "3 findings (1 error, 2 warnings) in 5 articles".
pub fn summary(findings: &[Finding], articles: usize) -> String {
    let count = |s: Severity| findings.iter().filter(|f| f.severity == s).count();
    let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
    let mut parts = Vec::new();
    for (severity, word) in [
        (Severity::Error, "error"),
        (Severity::Warning, "warning"),
        (Severity::Info, "info"),
    ] {
        let n = count(severity);
        if n > 0 {
            parts.push(if severity == Severity::Info {
                format!("{n} info")
            } else {
                plural(n, word)
            });
        }
    }
    let detail = if parts.is_empty() {
        String::new()
    } else {
        format!(" ({})", parts.join(", "))
    };
    format!(
        "{}{detail} in {}\n",
        plural(findings.len(), "finding"),
        plural(articles, "article")
    )
}

/// A finding as miette sees it: labels in the first file, and one related
/// diagnostic per other file, each with its own snippet.
struct FindingDiagnostic<'a> {
    finding: &'a Finding,
    source: Source<'a>,
    labels: Vec<LabeledSpan>,
    elsewhere: Vec<FileSnippet<'a>>,
}

impl<'a> FindingDiagnostic<'a> {
    fn new(finding: &'a Finding, articles: &'a [Article]) -> FindingDiagnostic<'a> {
        let mut by_article: Vec<(usize, Vec<&Location>)> = Vec::new();
        for location in &finding.locations {
            match by_article.iter_mut().find(|(a, _)| *a == location.article) {
                Some((_, list)) => list.push(location),
                None => by_article.push((location.article, vec![location])),
            }
        }
        let mut files = by_article
            .into_iter()
            .map(|(article, locations)| (Source::new(&articles[article].doc), labels(&locations)));
        let (source, labels) = files.next().unwrap_or_default();
        let elsewhere = files
            .map(|(source, labels)| FileSnippet {
                message: format!("also in {}", source.name),
                severity: finding.severity,
                source,
                labels,
            })
            .collect();
        FindingDiagnostic {
            finding,
            source,
            labels,
            elsewhere,
        }
    }
}

fn labels(locations: &[&Location]) -> Vec<LabeledSpan> {
    locations
        .iter()
        .map(|l| LabeledSpan::new(Some(l.label.clone()), l.span.start(), l.span.len()))
        .collect()
}

fn miette_severity(severity: Severity) -> miette::Severity {
    match severity {
        Severity::Error => miette::Severity::Error,
        Severity::Warning => miette::Severity::Warning,
        Severity::Info => miette::Severity::Advice,
    }
}

impl fmt::Debug for FindingDiagnostic<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.finding.rule, self.finding.message)
    }
}

impl fmt::Display for FindingDiagnostic<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.finding.message)
    }
}

impl std::error::Error for FindingDiagnostic<'_> {}

impl Diagnostic for FindingDiagnostic<'_> {
    fn code<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        Some(Box::new(&self.finding.rule))
    }

    fn severity(&self) -> Option<miette::Severity> {
        Some(miette_severity(self.finding.severity))
    }

    fn help<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        Some(Box::new(&self.finding.help))
    }

    fn source_code(&self) -> Option<&dyn SourceCode> {
        Some(&self.source)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        Some(Box::new(self.labels.iter().cloned()))
    }

    fn related<'b>(&'b self) -> Option<Box<dyn Iterator<Item = &'b dyn Diagnostic> + 'b>> {
        if self.elsewhere.is_empty() {
            return None;
        }
        Some(Box::new(
            self.elsewhere.iter().map(|s| s as &dyn Diagnostic),
        ))
    }
}

/// The part of a finding that lies in another file.
struct FileSnippet<'a> {
    message: String,
    severity: Severity,
    source: Source<'a>,
    labels: Vec<LabeledSpan>,
}

impl fmt::Debug for FileSnippet<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl fmt::Display for FileSnippet<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for FileSnippet<'_> {}

impl Diagnostic for FileSnippet<'_> {
    fn severity(&self) -> Option<miette::Severity> {
        Some(miette_severity(self.severity))
    }

    fn source_code(&self) -> Option<&dyn SourceCode> {
        Some(&self.source)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        Some(Box::new(self.labels.iter().cloned()))
    }
}

/// Lines longer than this (with their context lines) are shown as a window
/// around the label: miette prints whole lines, which on a one-line
/// megabyte file would repeat the file for every finding, and it cannot pad
/// a label to a column past 65,535.
const MAX_SNIPPET_BYTES: usize = 16 * 1024;

/// Bytes shown either side of a label in such a window.
const WINDOW_MARGIN: usize = 120;

/// An article as miette reads it. Only the lines around a label are handed
/// to miette's own reader, so each snippet costs its lines, not the whole
/// file up to them; over-long lines are cut to a window.
#[derive(Default)]
struct Source<'a> {
    name: String,
    doc: Option<&'a Document>,
}

impl<'a> Source<'a> {
    fn new(doc: &'a Document) -> Source<'a> {
        Source {
            name: doc.display_path().to_string(),
            doc: Some(doc),
        }
    }
}

impl SourceCode for Source<'_> {
    fn read_span<'b>(
        &'b self,
        span: &SourceSpan,
        before: usize,
        after: usize,
    ) -> Result<Box<dyn SpanContents<'b> + 'b>, MietteError> {
        let doc = self.doc.ok_or(MietteError::OutOfBounds)?;
        let (start, end) = (span.offset(), span.offset() + span.len());
        if end > doc.text.len() {
            return Err(MietteError::OutOfBounds);
        }
        // The whole file, put together before the line index is made from it.
        let raw = doc.raw();
        let (first, last) = (doc.line_of(start), doc.line_of(end));
        // One line more than asked for, so miette's reader stops where it
        // would in the whole file.
        let lines = doc.lines(first.saturating_sub(before), last + after + 1);
        if lines.len() > MAX_SNIPPET_BYTES {
            return self.window(doc, start, end, first, last);
        }
        let local = SourceSpan::new((start - lines.start()).into(), span.len());
        let inner = lines.slice(raw).read_span(&local, before, after)?;
        // The newlines before the slice, which miette did not see.
        let skipped = doc.line_of(lines.start()) - 1;
        Ok(Box::new(MietteSpanContents::new_named(
            self.name.clone(),
            inner.data(),
            SourceSpan::new(
                (inner.span().offset() + lines.start()).into(),
                inner.span().len(),
            ),
            inner.line() + skipped,
            inner.column(),
            inner.line_count() + skipped,
        )))
    }
}

impl<'a> Source<'a> {
    /// `start..end` with [`WINDOW_MARGIN`] bytes either side, within its
    /// lines; refused (so miette does not merge labels into it) when the
    /// span alone is too long to show.
    fn window<'b>(
        &'b self,
        doc: &'a Document,
        start: usize,
        end: usize,
        first: usize,
        last: usize,
    ) -> Result<Box<dyn SpanContents<'b> + 'b>, MietteError> {
        if end - start > MAX_SNIPPET_BYTES {
            return Err(MietteError::OutOfBounds);
        }
        let lines = doc.lines(first, last);
        let raw = doc.raw();
        let line_end = raw[..lines.end()]
            .trim_end_matches(['\n', '\r'])
            .len()
            .max(end);
        let mut from = start.saturating_sub(WINDOW_MARGIN).max(lines.start());
        while !raw.is_char_boundary(from) {
            from -= 1;
        }
        let mut to = (end + WINDOW_MARGIN).min(line_end);
        while !raw.is_char_boundary(to) {
            to += 1;
        }
        let window = Span::new(from, to);
        Ok(Box::new(MietteSpanContents::new_named(
            self.name.clone(),
            window.slice(raw).as_bytes(),
            SourceSpan::new(from.into(), window.len()),
            first - 1,
            start - lines.start(),
            last - first,
        )))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{Format, Meta};

    fn finding_at(span: Span) -> Finding {
        Finding {
            rule: "test/rule".into(),
            severity: Severity::Warning,
            message: "a message".into(),
            help: "a help".into(),
            locations: vec![Location {
                article: 0,
                span,
                label: "here".into(),
            }],
        }
    }

    #[test]
    fn labels_far_into_a_long_line_show_a_window() {
        // Past column 65,535 miette would panic padding the label.
        let raw = format!("{}Kiev and more text.\n", "filler ".repeat(20_000));
        let at = raw.find("Kiev").expect("the line holds Kiev");
        let doc = Document::parse("long.txt".into(), raw, Format::Text, Meta::default())
            .expect("plain text parses");
        let article = Article {
            doc,
            claims: Vec::new(),
        };
        let out = render(&[finding_at(Span::new(at, at + 4))], &[article], false);
        assert!(out.contains(&format!("[long.txt:1:{}]", at + 1)), "{out}");
        assert!(out.contains("filler Kiev and more text."), "{out}");
        assert!(out.len() < 2_000, "the whole line was printed:\n{out}");
    }
}
