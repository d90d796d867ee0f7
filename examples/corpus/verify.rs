//! Planted disagreements against the findings of `claimlint check --format
//! json`: which were found, which were missed, and which findings point at
//! nothing that was planted.
//!
//! A planted disagreement is found when a finding of its rule has a location
//! in one of its files whose words contain the planted text's words or are
//! contained in them ("about 50 countries" / "50 countries"; a quotation
//! with its marks and closing comma / the quotation as planted). A finding of another rule
//! that points at a planted text is a side effect (NATO's wrong size is also
//! a coalition size that disagrees with other sources); a finding that
//! points at no planted text is unexpected.

use std::collections::{BTreeMap, HashMap};
use std::fmt;
use std::path::Path;

use serde::Deserialize;

use crate::generate::Planted;

#[derive(Deserialize)]
struct Output {
    findings: Vec<Finding>,
}

/// One finding as the JSON output gives it.
#[derive(Deserialize, Debug)]
pub struct Finding {
    pub rule: String,
    pub message: String,
    pub locations: Vec<Location>,
}

#[derive(Deserialize, Debug)]
pub struct Location {
    pub file: String,
    pub text: String,
}

/// Reads the findings of `claimlint check DIR --format json`, with file
/// paths made relative to `root` (the corpus folder) as the record has them.
pub fn findings(json: &str, root: &Path) -> serde_json::Result<Vec<Finding>> {
    let mut output: Output = serde_json::from_str(json)?;
    for location in output.findings.iter_mut().flat_map(|f| &mut f.locations) {
        if let Ok(relative) = Path::new(&location.file).strip_prefix(root) {
            location.file = relative.to_string_lossy().replace('\\', "/");
        }
    }
    Ok(output.findings)
}

/// The comparison of a record with the findings.
#[derive(Default)]
pub struct Report {
    /// Per rule: (found, planted).
    pub rules: BTreeMap<String, (usize, usize)>,
    pub missed: Vec<Planted>,
    /// Per rule: findings that point at a text planted for another rule.
    pub side_effects: BTreeMap<String, usize>,
    pub unexpected: Vec<Finding>,
}

impl Report {
    pub fn found(&self) -> usize {
        self.rules.values().map(|r| r.0).sum()
    }

    pub fn planted(&self) -> usize {
        self.rules.values().map(|r| r.1).sum()
    }
}

fn same_text(a: &str, b: &str) -> bool {
    let (a, b) = (words(a), words(b));
    a.len() > 2 && b.len() > 2 && (a.contains(&b) || b.contains(&a))
}

/// " about 50 countries ": lowercase words and numbers, space-delimited.
fn words(text: &str) -> String {
    let mut out = String::from(" ");
    for word in text
        .split(|c: char| !(c.is_alphanumeric() || c == '.' || c == '$' || c == '€' || c == '£'))
        .map(|w| w.trim_matches('.'))
        .filter(|w| !w.is_empty())
    {
        out.push_str(&word.to_lowercase());
        out.push(' ');
    }
    out
}

pub fn compare(planted: &[Planted], findings: Vec<Finding>) -> Report {
    let mut by_file: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, p) in planted.iter().enumerate() {
        for file in &p.files {
            by_file.entry(file.as_str()).or_default().push(i);
        }
    }
    let mut found = vec![false; planted.len()];
    let mut report = Report::default();
    for finding in findings {
        let pointed: Vec<usize> = finding
            .locations
            .iter()
            .flat_map(|l| {
                by_file
                    .get(l.file.as_str())
                    .into_iter()
                    .flatten()
                    .copied()
                    .filter(|&i| same_text(&l.text, &planted[i].text))
            })
            .collect();
        let mut own = pointed
            .iter()
            .filter(|&&i| planted[i].rule == finding.rule)
            .peekable();
        if own.peek().is_some() {
            own.for_each(|&i| found[i] = true);
        } else if pointed.is_empty() {
            report.unexpected.push(finding);
        } else {
            *report.side_effects.entry(finding.rule).or_default() += 1;
        }
    }
    for (p, found) in planted.iter().zip(found) {
        let tally = report.rules.entry(p.rule.clone()).or_default();
        tally.1 += 1;
        if found {
            tally.0 += 1;
        } else {
            report.missed.push(p.clone());
        }
    }
    report
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "{:<26} {:>6} {:>8}", "rule", "found", "planted")?;
        for (rule, (found, planted)) in &self.rules {
            writeln!(f, "{rule:<26} {found:>6} {planted:>8}")?;
        }
        writeln!(f, "{:<26} {:>6} {:>8}", "all", self.found(), self.planted())?;
        for (rule, n) in &self.side_effects {
            writeln!(
                f,
                "side effect: {n} {rule} finding(s) at texts planted for another rule"
            )?;
        }
        for p in &self.missed {
            writeln!(f, "missed: {} {} {:?}", p.rule, p.files.join(", "), p.text)?;
        }
        for finding in &self.unexpected {
            let at = finding
                .locations
                .iter()
                .take(3)
                .map(|l| format!("{} {:?}", l.file, l.text))
                .collect::<Vec<_>>()
                .join("; ");
            writeln!(f, "unexpected: {} {} [{at}]", finding.rule, finding.message)?;
        }
        Ok(())
    }
}
