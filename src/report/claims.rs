//! Output of `claimlint claims`: a readable table, or the JSON document
//! scripts build on (documented in `docs/claims-json.md`).

use std::borrow::Cow;
use std::fmt::Write as _;
use std::io::{self, Write};

use serde::Serialize;

use crate::document::Document;
use crate::extract::claim::{format_number, Change, Claim, Hedge, Interval, Kind, Value};

/// One claim as the JSON contract lays it out.
#[derive(Serialize)]
pub struct ClaimRecord<'a> {
    pub file: Cow<'a, str>,
    pub start: usize,
    pub end: usize,
    pub line: usize,
    pub column: usize,
    pub text: Cow<'a, str>,
    pub kind: Kind,
    pub value: &'a Value,
    pub unit: Option<&'a str>,
    pub hedge: Option<Hedge>,
    pub interval: Option<Interval>,
    pub change: Option<Change>,
    pub speaker: Option<&'a str>,
    pub subject: Option<&'a str>,
    pub sentence_start: usize,
    pub sentence_end: usize,
}

impl<'a> ClaimRecord<'a> {
    pub fn new(doc: &'a Document, claim: &'a Claim) -> ClaimRecord<'a> {
        let position = doc.position(claim.span.start());
        ClaimRecord {
            file: doc.path.to_string_lossy(),
            start: claim.span.start(),
            end: claim.span.end(),
            line: position.line,
            column: position.column,
            text: doc.raw_slice(claim.span),
            kind: claim.kind,
            value: &claim.value,
            unit: claim.unit.as_deref(),
            hedge: claim.hedge,
            interval: claim.interval,
            change: claim.change,
            speaker: claim.speaker.as_deref(),
            subject: claim.subject().map(|s| s.slice(&doc.text)),
            sentence_start: claim.sentence.start(),
            sentence_end: claim.sentence.end(),
        }
    }
}

/// Writes the JSON document of all claims of all documents, in input order.
pub fn write_json(results: &[(&Document, &[Claim])], out: &mut dyn Write) -> io::Result<()> {
    let claims: Vec<(&Document, &Claim)> = results
        .iter()
        .flat_map(|&(doc, claims)| claims.iter().map(move |c| (doc, c)))
        .collect();
    super::write_json_records(
        "claims",
        &claims,
        |_| 1,
        |&(doc, c)| ClaimRecord::new(doc, c),
        out,
    )
}

/// A table with one line per claim: where, kind, value and unit, hedge,
/// change, speaker, and the text.
pub fn table(results: &[(&Document, &[Claim])]) -> String {
    let mut out = String::new();
    for (doc, claims) in results {
        let _ = writeln!(
            out,
            "{} ({} claims{})",
            doc.display_path(),
            claims.len(),
            meta_note(doc)
        );
        for claim in *claims {
            let _ = writeln!(out, "  {}", row(doc, claim));
        }
    }
    out
}

fn meta_note(doc: &Document) -> String {
    match (&doc.meta.source, doc.meta.date) {
        (Some(s), Some(d)) => format!(", {s}, {d}"),
        (Some(s), None) => format!(", {s}, no date"),
        (None, Some(d)) => format!(", {d}"),
        (None, None) => ", no source or date".into(),
    }
}

/// One claim on one line, for the table and for snapshot tests.
pub fn row(doc: &Document, claim: &Claim) -> String {
    let position = doc.position(claim.span.start());
    let value = match (&claim.value, claim.kind) {
        (Value::Text(_), Kind::Quote) => String::new(),
        (Value::Text(t), _) => t.clone(),
        (Value::Number(n), _) => format_number(*n),
        (Value::Unknown, _) => "?".into(),
    };
    let mut value = match &claim.unit {
        Some(unit) if claim.kind != Kind::Score => format!("{value} {unit}"),
        _ => value,
    };
    if let Some(interval) = claim.interval {
        let (low, high) = interval.bounds();
        if claim.hedge.is_some() || low != high {
            let end = |v: Option<f64>| v.map_or("…".to_string(), format_number);
            let _ = write!(
                value,
                " [{}, {}]",
                end(interval.low()),
                end(interval.high())
            );
        }
    }
    let mut extras = Vec::new();
    if let Some(h) = claim.hedge {
        extras.push(h.name().to_string());
    }
    if let Some(c) = claim.change {
        extras.push(if c == Change::Up {
            "up".into()
        } else {
            "down".into()
        });
    }
    if let Some(s) = &claim.speaker {
        extras.push(format!("by {s}"));
    }
    if let Some(s) = claim.subject() {
        extras.push(format!("re {}", s.slice(&doc.text)));
    }
    let text = doc.raw_slice(claim.span).replace('\n', " ");
    let text = if text.chars().count() > 60 {
        format!("{}…", text.chars().take(59).collect::<String>())
    } else {
        text
    };
    format!(
        "{:>4}:{:<3} {:<8} {:<28} {:<44} {text:?}",
        position.line,
        position.column,
        claim.kind.name(),
        value,
        extras.join("; ")
    )
}
