//! Extraction quality against hand-made gold (`tests/gold/`): precision and
//! recall per claim kind, on the seeds and on articles of other domains.
//!
//! A gold claim is found when the extractor reports a claim of the same kind
//! whose span overlaps it; an extracted claim that matches no gold claim is a
//! false positive. Values (with units and hedges) and speakers of the
//! found claims are compared too, each with a bar of its own.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use claimlint::document::{Document, Meta, SourcesCache};
use claimlint::extract::{extract, Claim, Kind, Value};
use claimlint::span::Span;
use serde::Deserialize;

#[derive(Deserialize)]
struct GoldFile {
    file: PathBuf,
    claims: Vec<GoldClaim>,
}

#[derive(Deserialize)]
struct GoldClaim {
    kind: String,
    text: String,
    #[serde(default = "first")]
    occurrence: usize,
    value: Option<serde_yaml::Value>,
    unit: Option<String>,
    hedge: Option<String>,
    speaker: Option<String>,
}

fn first() -> usize {
    1
}

#[derive(Default, Clone, Copy)]
struct Tally {
    found: usize,
    missed: usize,
    spurious: usize,
}

impl Tally {
    fn precision(self) -> f64 {
        ratio(self.found, self.found + self.spurious)
    }
    fn recall(self) -> f64 {
        ratio(self.found, self.found + self.missed)
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        1.0
    } else {
        a as f64 / b as f64
    }
}

#[derive(Default)]
struct Accuracy {
    checked: usize,
    right: usize,
    wrong: Vec<String>,
}

impl Accuracy {
    fn rate(&self) -> f64 {
        if self.checked == 0 {
            1.0
        } else {
            self.right as f64 / self.checked as f64
        }
    }
}

#[derive(Default)]
struct Group {
    kinds: BTreeMap<Kind, Tally>,
    problems: Vec<String>,
    values: Accuracy,
    speakers: Accuracy,
}

fn locate(raw: &str, text: &str, occurrence: usize) -> Option<Span> {
    raw.match_indices(text)
        .nth(occurrence.checked_sub(1)?)
        .map(|(at, _)| Span::new(at, at + text.len()))
}

fn value_matches(gold: &serde_yaml::Value, claim: &Claim) -> bool {
    match (gold, &claim.value) {
        (serde_yaml::Value::Number(n), Value::Number(v)) => n
            .as_f64()
            .is_some_and(|n| (n - v).abs() <= 1e-6 * n.abs().max(1.0)),
        (serde_yaml::Value::String(s), Value::Text(t)) => s == t,
        (serde_yaml::Value::Null, Value::Unknown) => true,
        _ => false,
    }
}

fn normalise_speaker(s: &str) -> String {
    s.trim()
        .trim_start_matches("the ")
        .trim_start_matches("The ")
        .to_lowercase()
}

fn score(gold_path: &Path, group: &mut Group) {
    let gold: GoldFile =
        serde_yaml::from_str(&std::fs::read_to_string(gold_path).unwrap()).unwrap();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let path = root.join(&gold.file);
    let doc = Document::load(&path, &SourcesCache::default(), &Meta::default()).unwrap();
    let claims = extract(&doc);
    let mut used = vec![false; claims.len()];
    let name = gold.file.display().to_string();
    for g in &gold.claims {
        let kind =
            Kind::from_name(&g.kind).unwrap_or_else(|| panic!("{name}: unknown kind {}", g.kind));
        let span = locate(doc.raw(), &g.text, g.occurrence)
            .unwrap_or_else(|| panic!("{name}: gold text {:?} not found", g.text));
        let tally = group.kinds.entry(kind).or_default();
        let hit = claims
            .iter()
            .enumerate()
            .position(|(i, c)| !used[i] && c.kind == kind && c.span.overlaps(span));
        let Some(i) = hit else {
            tally.missed += 1;
            let line = doc.position(span.start()).line;
            group
                .problems
                .push(format!("missed   {name}:{line} {} {:?}", g.kind, g.text));
            continue;
        };
        used[i] = true;
        tally.found += 1;
        let claim = &claims[i];
        if kind != Kind::Quote {
            if let Some(value) = &g.value {
                group.values.checked += 1;
                let unit_ok = g.unit.as_deref() == claim.unit.as_deref()
                    || g.unit.is_none() && claim.unit.is_none();
                let hedge_ok = g.hedge.as_deref() == claim.hedge.map(|h| h.name());
                if value_matches(value, claim) && unit_ok && hedge_ok {
                    group.values.right += 1;
                } else {
                    group.values.wrong.push(format!(
                        "{name}: {:?} gold {:?} {:?} {:?}, got {:?} {:?} {:?}",
                        g.text,
                        value,
                        g.unit,
                        g.hedge,
                        claim.value,
                        claim.unit,
                        claim.hedge.map(|h| h.name())
                    ));
                }
            }
        } else {
            group.speakers.checked += 1;
            let gold_speaker = g.speaker.as_deref().map(normalise_speaker);
            if gold_speaker == claim.speaker.as_deref().map(normalise_speaker) {
                group.speakers.right += 1;
            } else {
                group.speakers.wrong.push(format!(
                    "{name}: {:?} gold {:?}, got {:?}",
                    g.text, g.speaker, claim.speaker
                ));
            }
        }
    }
    for (claim, used) in claims.iter().zip(used) {
        if !used {
            group.kinds.entry(claim.kind).or_default().spurious += 1;
            let line = doc.position(claim.span.start()).line;
            group.problems.push(format!(
                "spurious {name}:{line} {} {:?}",
                claim.kind.name(),
                claim.span.slice(doc.raw())
            ));
        }
    }
}

fn report(title: &str, group: &Group) -> String {
    let mut out = format!("\n== {title}\nkind      found missed spurious precision recall\n");
    let mut total = Tally::default();
    for (kind, t) in &group.kinds {
        out += &format!(
            "{:<9} {:>5} {:>6} {:>8} {:>9.3} {:>6.3}\n",
            kind.name(),
            t.found,
            t.missed,
            t.spurious,
            t.precision(),
            t.recall()
        );
        total.found += t.found;
        total.missed += t.missed;
        total.spurious += t.spurious;
    }
    out += &format!(
        "{:<9} {:>5} {:>6} {:>8} {:>9.3} {:>6.3}\n",
        "all",
        total.found,
        total.missed,
        total.spurious,
        total.precision(),
        total.recall()
    );
    out += &format!(
        "values right: {}/{}   speakers right: {}/{}\n",
        group.values.right, group.values.checked, group.speakers.right, group.speakers.checked
    );
    out
}

fn gold_files() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/gold");
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "yaml"))
        .collect();
    files.sort();
    files
}

/// Fails when any kind falls below its bar; prints the whole picture either way.
#[test]
fn precision_and_recall_per_kind() {
    let mut seeds = Group::default();
    let mut others = Group::default();
    for path in gold_files() {
        let text = std::fs::read_to_string(&path).unwrap();
        let group = if text.contains("file: seeds/") {
            &mut seeds
        } else {
            &mut others
        };
        score(&path, group);
    }
    let mut out = report(
        "seeds (bar: precision and recall >= 0.95, values right >= 0.95, speakers right >= 0.85)",
        &seeds,
    );
    out += &report(
        "other articles (bar: precision >= 0.95, recall >= 0.90, values right >= 0.95, speakers right >= 0.90)",
        &others,
    );
    let mut failures = Vec::new();
    for (title, group, min_p, min_r, min_speakers) in [
        ("seeds", &seeds, 0.95, 0.95, 0.85),
        ("other articles", &others, 0.95, 0.90, 0.90),
    ] {
        for (what, accuracy, bar) in [
            ("values", &group.values, 0.95),
            ("speakers", &group.speakers, min_speakers),
        ] {
            if accuracy.rate() < bar {
                failures.push(format!(
                    "{title}: {what} right {}/{}",
                    accuracy.right, accuracy.checked
                ));
            }
        }
        for (kind, t) in &group.kinds {
            if t.precision() < min_p || t.recall() < min_r {
                failures.push(format!(
                    "{title}: {} precision {:.3} recall {:.3}",
                    kind.name(),
                    t.precision(),
                    t.recall()
                ));
            }
        }
    }
    let verbose = std::env::var_os("CLAIMLINT_QUALITY_DETAIL").is_some() || !failures.is_empty();
    if verbose {
        for group in [&seeds, &others] {
            out += "\n";
            for line in group
                .problems
                .iter()
                .chain(&group.values.wrong)
                .chain(&group.speakers.wrong)
            {
                out += line;
                out += "\n";
            }
        }
    }
    println!("{out}");
    assert!(
        failures.is_empty(),
        "below the bar:\n{}\n{out}",
        failures.join("\n")
    );
}
