//! Findings for people: one miette diagnostic per finding, with a label on
//! every span and a related snippet for every other file involved.

use std::collections::HashMap;
use std::fmt;
use std::sync::Arc;

use miette::{
    Diagnostic, GraphicalReportHandler, GraphicalTheme, LabeledSpan, NamedSource, SourceCode,
};

use crate::check::{Article, Finding, Location};
use crate::rules::Severity;

/// Each finding as a miette diagnostic, then a one-line summary.
pub fn render(findings: &[Finding], articles: &[Article], color: bool) -> String {
    let theme = if color {
        GraphicalTheme::unicode()
    } else {
        GraphicalTheme::unicode_nocolor()
    };
    let handler = GraphicalReportHandler::new_themed(theme).with_width(100);
    // Only the articles a finding points into are copied for miette.
    let mut sources: HashMap<usize, Arc<NamedSource<String>>> = HashMap::new();
    for location in findings.iter().flat_map(|f| &f.locations) {
        sources.entry(location.article).or_insert_with(|| {
            let doc = &articles[location.article].doc;
            Arc::new(NamedSource::new(
                doc.display_path().to_string(),
                doc.raw.clone(),
            ))
        });
    }
    let mut out = String::new();
    for finding in findings {
        let diagnostic = FindingDiagnostic::new(finding, &sources);
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
    source: Arc<NamedSource<String>>,
    labels: Vec<LabeledSpan>,
    elsewhere: Vec<FileSnippet>,
}

impl<'a> FindingDiagnostic<'a> {
    fn new(
        finding: &'a Finding,
        sources: &HashMap<usize, Arc<NamedSource<String>>>,
    ) -> FindingDiagnostic<'a> {
        let mut by_article: Vec<(usize, Vec<&Location>)> = Vec::new();
        for location in &finding.locations {
            match by_article.iter_mut().find(|(a, _)| *a == location.article) {
                Some((_, list)) => list.push(location),
                None => by_article.push((location.article, vec![location])),
            }
        }
        let mut files = by_article
            .into_iter()
            .map(|(article, locations)| (Arc::clone(&sources[&article]), labels(&locations)));
        let (source, labels) = files
            .next()
            .unwrap_or_else(|| (Arc::new(NamedSource::new("", String::new())), Vec::new()));
        let elsewhere = files
            .map(|(source, labels)| FileSnippet {
                message: format!("also in {}", source.name()),
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
        .map(|l| LabeledSpan::new(Some(l.label.clone()), l.span.start, l.span.len()))
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
        Some(self.source.as_ref())
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
struct FileSnippet {
    message: String,
    severity: Severity,
    source: Arc<NamedSource<String>>,
    labels: Vec<LabeledSpan>,
}

impl fmt::Debug for FileSnippet {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl fmt::Display for FileSnippet {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for FileSnippet {}

impl Diagnostic for FileSnippet {
    fn severity(&self) -> Option<miette::Severity> {
        Some(miette_severity(self.severity))
    }

    fn source_code(&self) -> Option<&dyn SourceCode> {
        Some(self.source.as_ref())
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        Some(Box::new(self.labels.iter().cloned()))
    }
}
