//! Findings as SARIF 2.1.0: one run, the loaded rules as the driver's rule
//! metadata, one result per finding with its first place as the location
//! and the others as related locations. Columns count Unicode code points,
//! as claimlint's do, and the run says so.

use serde::Serialize;
use serde_json::{json, Value};

use super::Resolved;
use crate::check::{Article, Finding, Location};
use crate::rules::{RuleSet, Severity};

const SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";

pub fn render(findings: &[Finding], articles: &[Article], rules: &RuleSet) -> String {
    let rule_ids: Vec<&str> = rules.rules.iter().map(|r| r.id.as_str()).collect();
    let descriptors: Vec<Value> = rules
        .rules
        .iter()
        .map(|rule| {
            json!({
                "id": rule.id,
                "name": rule.id.replace(['/', '-'], "_"),
                "shortDescription": {"text": rule.summary},
                "fullDescription": {"text": rule.description.as_deref().unwrap_or(&rule.summary).trim_end()},
                "help": {"text": rule.help},
                "defaultConfiguration": {"level": level(rule.severity)},
                "properties": {"type": rule.rule_type().name()},
            })
        })
        .collect();
    let results: Vec<Value> = findings
        .iter()
        .map(|finding| {
            let mut locations = finding.locations.iter().map(|l| location(l, articles));
            let primary: Vec<Value> = locations.next().into_iter().collect();
            let related: Vec<Value> = locations
                .enumerate()
                .map(|(i, mut l)| {
                    l["id"] = json!(i + 1);
                    l
                })
                .collect();
            let mut result = json!({
                "ruleId": finding.rule,
                "level": level(finding.severity),
                "message": {"text": format!("{} — {}", finding.message, finding.help)},
                "locations": primary,
            });
            if let Some(index) = rule_ids.iter().position(|id| *id == finding.rule) {
                result["ruleIndex"] = json!(index);
            }
            if !related.is_empty() {
                result["relatedLocations"] = json!(related);
            }
            result
        })
        .collect();
    let log = Log {
        schema: SCHEMA,
        version: "2.1.0",
        runs: vec![json!({
            "tool": {"driver": {
                "name": "claimlint",
                "version": env!("CARGO_PKG_VERSION"),
                "rules": descriptors,
            }},
            "columnKind": "unicodeCodePoints",
            "results": results,
        })],
    };
    crate::report::to_json(&log)
}

#[derive(Serialize)]
struct Log {
    #[serde(rename = "$schema")]
    schema: &'static str,
    version: &'static str,
    runs: Vec<Value>,
}

fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

fn location(location: &Location, articles: &[Article]) -> Value {
    let r = Resolved::new(location, articles);
    let end = r.end();
    json!({
        "physicalLocation": {
            "artifactLocation": {"uri": uri(&r.file)},
            "region": {
                "startLine": r.start.line,
                "startColumn": r.start.column,
                "endLine": end.line,
                "endColumn": end.column,
                "byteOffset": location.span.start(),
                "byteLength": location.span.len(),
                "snippet": {"text": r.text},
            },
        },
        "message": {"text": location.label},
    })
}

/// A URI for a path as given: relative paths stay relative (forward
/// slashes, no leading `./`), absolute ones become `file://` URIs; reserved
/// characters are percent-encoded.
fn uri(path: &str) -> String {
    let path = path.replace('\\', "/");
    let path = path.strip_prefix("./").unwrap_or(&path);
    let mut out = String::with_capacity(path.len() + 7);
    if path.starts_with('/') {
        out.push_str("file://");
    }
    for byte in path.bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~/".contains(&byte) {
            out.push(byte as char);
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}
