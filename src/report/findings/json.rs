//! Findings as the JSON document scripts build on (documented in
//! `docs/rules.md`): `{"findings":[{"rule","severity","message","help","locations":[...]}]}`.

use std::borrow::Cow;
use std::io::{self, BufWriter, Write};

use serde::{Serialize, Serializer};

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

#[derive(Serialize)]
struct FindingsDocument<'a> {
    findings: Records<'a>,
}

/// The findings, made into records one at a time as they are written: a
/// large run's report is never held whole in memory.
struct Records<'a> {
    findings: &'a [Finding],
    articles: &'a [Article],
}

impl Serialize for Records<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.findings.iter().map(|f| {
            FindingRecord {
                rule: &f.rule,
                severity: f.severity.name(),
                message: &f.message,
                help: &f.help,
                locations: f
                    .locations
                    .iter()
                    .map(|l| {
                        let r = Resolved::new(l, self.articles);
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
            }
        }))
    }
}

/// Writes the findings document, pretty-printed, with a final newline.
pub fn write(findings: &[Finding], articles: &[Article], out: &mut dyn Write) -> io::Result<()> {
    let document = FindingsDocument {
        findings: Records { findings, articles },
    };
    // serde_json writes a few bytes at a time: into a buffer of a known
    // type they are copies, not calls through `dyn Write`.
    let mut buffered = BufWriter::with_capacity(1 << 16, out);
    serde_json::to_writer_pretty(&mut buffered, &document)?;
    buffered.write_all(b"\n")?;
    buffered.flush()
}
