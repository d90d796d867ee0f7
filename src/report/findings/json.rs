//! Findings as the JSON document scripts build on (documented in
//! `docs/rules.md`): `{"findings":[{"rule","severity","message","help","locations":[...]}]}`.

use std::borrow::Cow;

use serde::Serialize;

use super::Resolved;
use crate::check::{Article, Finding};

/// One location as the JSON contract lays it out.
#[derive(Serialize)]
struct LocationRecord<'a> {
    file: String,
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

#[derive(Serialize)]
struct FindingsDocument<'a> {
    findings: Vec<FindingRecord<'a>>,
}

pub fn render(findings: &[Finding], articles: &[Article]) -> String {
    let findings = findings
        .iter()
        .map(|f| FindingRecord {
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
                        start: l.span.start,
                        end: l.span.end,
                        line: r.start.line,
                        column: r.start.column,
                        text: r.text,
                        label: &l.label,
                    }
                })
                .collect(),
        })
        .collect();
    super::to_json(&FindingsDocument { findings })
}
