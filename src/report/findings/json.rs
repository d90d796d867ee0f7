//! Findings as the JSON document scripts build on (documented in
//! `docs/rules.md`): `{"findings":[{"rule","severity","message","help","locations":[...]}]}`.

use std::borrow::Cow;
use std::io::{self, Write};

use serde::Serialize;

use super::Resolved;
use crate::check::{Article, Finding};

/// One location as the JSON contract lays it out.
#[derive(Serialize)]
struct LocationRecord<'a> {
    file: Cow<'a, str>,
    start: usize,
    end: usize,
    line: usize,
    column: usize,
    text: Cow<'a, str>,
    label: &'a str,
}

#[derive(Serialize)]
struct FindingRecord<'a> {
    rule: &'a str,
    severity: &'static str,
    message: &'a str,
    help: &'a str,
    locations: Vec<LocationRecord<'a>>,
}

/// The record of one finding, with its locations resolved to lines and text.
fn record<'a>(f: &'a Finding, articles: &'a [Article]) -> FindingRecord<'a> {
    FindingRecord {
        rule: &f.rule,
        severity: f.severity.name(),
        message: &f.message,
        help: &f.help,
        locations: f
            .locations
            .iter()
            .map(|l| {
                let r = Resolved::new(l, articles);
                LocationRecord {
                    file: r.file,
                    start: l.span.start(),
                    end: l.span.end(),
                    line: r.start.line,
                    column: r.start.column,
                    text: r.text,
                    label: &l.label,
                }
            })
            .collect(),
    }
}

/// Writes the findings document, pretty-printed, with a final newline.
pub fn write(findings: &[Finding], articles: &[Article], out: &mut dyn Write) -> io::Result<()> {
    crate::report::write_json_records(
        "findings",
        findings,
        |f| 1 + f.locations.len(),
        |f| record(f, articles),
        out,
    )
}
