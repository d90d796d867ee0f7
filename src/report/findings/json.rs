//! Findings as the JSON document scripts build on (documented in
//! `docs/rules.md`): `{"findings":[{"rule","severity","message","help","locations":[...]}]}`.

use std::borrow::Cow;
use std::io::{self, BufWriter, Write};

use rayon::prelude::*;
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
}

/// Findings serialised at once: enough to keep both threads busy, few
/// enough that a large run's report is never held whole in memory.
const CHUNK: usize = 4096;

/// Where a finding's record stands in the document: inside `"findings"`.
const INDENT: &[u8] = b"    ";

/// Writes the findings document, pretty-printed, with a final newline.
/// Records are resolved and serialised in parallel, each indented to its
/// place, and written in order: the bytes are those of serialising the
/// whole document at once.
pub fn write(findings: &[Finding], articles: &[Article], out: &mut dyn Write) -> io::Result<()> {
    let mut out = BufWriter::with_capacity(1 << 16, out);
    if findings.is_empty() {
        out.write_all(b"{\n  \"findings\": []\n}\n")?;
        return out.flush();
    }
    out.write_all(b"{\n  \"findings\": [")?;
    for (n, chunk) in findings.chunks(CHUNK).enumerate() {
        let records: Vec<serde_json::Result<Vec<u8>>> = chunk
            .par_iter()
            .map(|f| serde_json::to_vec_pretty(&record(f, articles)).map(|json| indented(&json)))
            .collect();
        for (k, json) in records.into_iter().enumerate() {
            out.write_all(if n == 0 && k == 0 { b"\n" } else { b",\n" })?;
            out.write_all(INDENT)?;
            out.write_all(&json?)?;
        }
    }
    out.write_all(b"\n  ]\n}\n")?;
    out.flush()
}

/// `json` with [`INDENT`] after each newline. JSON strings hold no raw
/// newline, so every newline is one the pretty printer put between lines.
fn indented(json: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(json.len() + json.len() / 8);
    for line in json.split_inclusive(|&b| b == b'\n') {
        out.extend_from_slice(line);
        if line.ends_with(b"\n") {
            out.extend_from_slice(INDENT);
        }
    }
    out
}
