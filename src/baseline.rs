//! Baselines: the findings an archive already has, recorded so that `check`
//! fails only on new ones. A finding's fingerprint is its rule, its files
//! and the normalised text at each of its places, never offsets, so edits
//! elsewhere in an article do not make old findings look new. Identical
//! fingerprints are counted: a tenth "Kiev" where the baseline has nine is new.

use std::collections::BTreeMap;
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::check::{Article, Finding};
use crate::rules::RuleError;

const VERSION: u32 = 1;

/// A baseline is refused above this size: at a few hundred bytes a
/// finding, room for about a million findings.
const MAX_BASELINE_BYTES: u64 = 256 * 1024 * 1024;

#[derive(Debug, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Baseline {
    version: u32,
    /// Fingerprint → how many findings have it.
    findings: BTreeMap<String, usize>,
}

impl Baseline {
    pub fn of(findings: &[Finding], articles: &[Article]) -> Baseline {
        let mut counts = BTreeMap::new();
        for finding in findings {
            *counts.entry(fingerprint(finding, articles)).or_insert(0) += 1;
        }
        Baseline {
            version: VERSION,
            findings: counts,
        }
    }

    pub fn load(path: &Path) -> Result<Baseline, RuleError> {
        let raw = crate::rules::read_capped(path, MAX_BASELINE_BYTES)?;
        let baseline: Baseline = serde_json::from_str(&raw).map_err(|err| {
            let offset = raw
                .split_inclusive('\n')
                .take(err.line().saturating_sub(1))
                .map(str::len)
                .sum::<usize>()
                + err.column().saturating_sub(1);
            RuleError::at(
                path,
                &raw,
                offset,
                1,
                format!("not a claimlint baseline: {err}"),
                Some("write one with `claimlint check --write-baseline FILE`".into()),
            )
        })?;
        if baseline.version != VERSION {
            return Err(RuleError::at(
                path,
                &raw,
                0,
                1,
                format!("baseline version {} is not {VERSION}", baseline.version),
                Some("write it again with `claimlint check --write-baseline FILE`".into()),
            ));
        }
        Ok(baseline)
    }

    /// The baseline as pretty JSON, one fingerprint per line.
    pub fn to_json(&self) -> String {
        let mut out = serde_json::to_string_pretty(self).unwrap_or_default();
        out.push('\n');
        out
    }

    /// The findings the baseline does not account for.
    pub fn new_findings(&self, findings: Vec<Finding>, articles: &[Article]) -> Vec<Finding> {
        let mut left = self.findings.clone();
        findings
            .into_iter()
            .filter(|f| match left.get_mut(&fingerprint(f, articles)) {
                Some(n) if *n > 0 => {
                    *n -= 1;
                    false
                }
                _ => true,
            })
            .collect()
    }
}

/// `rule | file… | text…`, texts lowercased with whitespace collapsed.
pub fn fingerprint(finding: &Finding, articles: &[Article]) -> String {
    let mut parts = vec![finding.rule.clone()];
    for location in &finding.locations {
        let article = &articles[location.article];
        let text = article.quote_text(location.span).to_lowercase();
        parts.push(format!("{}:{text}", article.doc.display_path()));
    }
    parts.join(" | ")
}
