//! One line per location: GitHub workflow commands, which GitHub turns into
//! annotations on the pull request's lines, and a `short` form for editors
//! and grep.

use std::fmt::Write as _;

use super::Resolved;
use crate::check::{Article, Finding};
use crate::rules::Severity;

/// `::warning file=F,line=L,col=C,endLine=L,endColumn=C,title=RULE::message`.
pub fn github(findings: &[Finding], articles: &[Article]) -> String {
    let mut out = String::new();
    for finding in findings {
        let command = match finding.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "notice",
        };
        for location in &finding.locations {
            let r = Resolved::new(location, articles);
            let message = if location.label == finding.help {
                format!("{} — {}", finding.message, finding.help)
            } else {
                format!(
                    "{} [{}] — {}",
                    finding.message, location.label, finding.help
                )
            };
            let file = r.file.strip_prefix("./").unwrap_or(&r.file);
            let end = r.end();
            let _ = writeln!(
                out,
                "::{command} file={},line={},col={},endLine={},endColumn={},title={}::{}",
                escape_property(file),
                r.start.line,
                r.start.column,
                end.line,
                end.column,
                escape_property(&finding.rule),
                escape_data(&message)
            );
        }
    }
    out
}

/// `file:line:col: severity[rule] message (label)`.
pub fn short(findings: &[Finding], articles: &[Article]) -> String {
    let mut out = String::new();
    for finding in findings {
        for location in &finding.locations {
            let r = Resolved::new(location, articles);
            let one_line = |text: &str| text.replace(['\n', '\r'], " ");
            let _ = writeln!(
                out,
                "{}:{}:{}: {}[{}] {} ({})",
                r.file,
                r.start.line,
                r.start.column,
                finding.severity.name(),
                finding.rule,
                one_line(&finding.message),
                one_line(&location.label)
            );
        }
    }
    out
}

/// Workflow command data: `%`, CR and LF are escaped.
fn escape_data(text: &str) -> String {
    text.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Workflow command properties also escape `:` and `,`.
fn escape_property(text: &str) -> String {
    escape_data(text).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn workflow_commands_are_escaped() {
        assert_eq!(escape_data("50% of\nvotes"), "50%25 of%0Avotes");
        assert_eq!(escape_property("a:b,c"), "a%3Ab%2Cc");
    }
}
