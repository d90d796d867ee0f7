//! Suppression comments in articles and baselines of known findings.

mod common;

use common::claimlint;

use std::path::Path;
use std::process::Output;

use serde_json::Value;

/// (rule, line, text) of every location, in output order.
fn located(out: &Output) -> Vec<(String, u64, String)> {
    let doc: Value = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|_| panic!("{}", String::from_utf8_lossy(&out.stderr)));
    let mut all = Vec::new();
    for f in doc["findings"].as_array().unwrap() {
        for l in f["locations"].as_array().unwrap() {
            all.push((
                f["rule"].as_str().unwrap().to_string(),
                l["line"].as_u64().unwrap(),
                l["text"].as_str().unwrap().to_string(),
            ));
        }
    }
    all
}

fn article(dir: &Path, name: &str, body: &str) {
    let text = format!("---\nsource: Desk\ndate: 2024-05-14\n---\n{body}");
    std::fs::write(dir.join(name), text).unwrap();
}

fn kyiv(line: u64) -> (String, u64, String) {
    ("ukraine/style-kyiv".into(), line, "Kiev".into())
}

#[test]
fn next_line_suppression_covers_only_the_next_line() {
    let dir = tempfile::tempdir().unwrap();
    article(
        dir.path(),
        "a.md",
        "<!-- claimlint-disable-next-line ukraine/style-kyiv -->\nTrains reached Kiev.\n\nBuses reached Kiev.\n",
    );
    let out = claimlint(&["check", "--format", "json", "a.md"], dir.path());
    assert_eq!(located(&out), [kyiv(8)]);
}

#[test]
fn disable_and_enable_bound_a_passage() {
    let dir = tempfile::tempdir().unwrap();
    article(
        dir.path(),
        "a.md",
        "Kiev at dawn.\n\n<!-- claimlint-disable ukraine/* -->\nKiev at noon.\n\nKiev at dusk.\n<!-- claimlint-enable ukraine/* -->\n\nKiev at night.\n",
    );
    let out = claimlint(&["check", "--format", "json", "a.md"], dir.path());
    assert_eq!(located(&out), [kyiv(5), kyiv(13)]);
}

#[test]
fn a_disable_without_rules_silences_every_rule_to_the_end() {
    let dir = tempfile::tempdir().unwrap();
    article(
        dir.path(),
        "a.md",
        "Kiev at dawn.\n\n<!-- claimlint-disable -->\nKiev at noon. Anthony Blinken and Antony Blinken met.\n",
    );
    let out = claimlint(&["check", "--format", "json", "a.md"], dir.path());
    assert_eq!(located(&out), [kyiv(5)]);
}

#[test]
fn suppressing_one_place_of_a_disagreement_suppresses_the_finding() {
    let dir = tempfile::tempdir().unwrap();
    let body = "The coalition of 57 countries met on Monday.\n\nOfficials said about 50 countries had joined the coalition.\n";
    article(dir.path(), "a.md", body);
    let out = claimlint(&["check", "--format", "json", "a.md"], dir.path());
    assert_eq!(
        located(&out).len(),
        2,
        "the disagreement is found without a suppression"
    );
    let suppressed = format!("<!-- claimlint-disable-next-line ukraine/coalition-size -->\n{body}");
    article(dir.path(), "a.md", &suppressed);
    let out = claimlint(&["check", "--format", "json", "a.md"], dir.path());
    assert_eq!(located(&out), []);
    assert_eq!(out.status.code(), Some(0));
}

#[test]
fn suppressions_that_do_nothing_are_reported() {
    let dir = tempfile::tempdir().unwrap();
    article(
        dir.path(),
        "a.md",
        "<!-- claimlint-disable-next-line names/spelling -->\nNothing to see.\n\n<!-- claimlint-disable-next-line ukrain/style -->\nKiev.\n",
    );
    let out = claimlint(&["check", "--format", "json", "a.md"], dir.path());
    assert_eq!(out.status.code(), Some(1));
    let found = located(&out);
    assert_eq!(found.len(), 3, "{found:?}");
    assert_eq!(found[0].0, "claimlint/unused-suppression");
    assert_eq!(found[0].1, 5);
    assert_eq!(found[1].0, "claimlint/unused-suppression");
    assert_eq!(found[1].1, 8);
    assert_eq!(found[2], kyiv(9));
    let doc: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(doc["findings"][1]["message"]
        .as_str()
        .unwrap()
        .contains("names no loaded rule: ukrain/style"));
}

#[test]
fn a_baseline_hides_known_findings_and_shows_new_ones() {
    let dir = tempfile::tempdir().unwrap();
    article(dir.path(), "a.md", "Kiev at dawn.\n\nKiev at noon.\n");
    let out = claimlint(
        &["check", "--write-baseline", "base.json", "a.md"],
        dir.path(),
    );
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let recorded: Value =
        serde_json::from_str(&std::fs::read_to_string(dir.path().join("base.json")).unwrap())
            .unwrap();
    assert_eq!(recorded["version"], 1);

    let check = |dir: &Path| {
        claimlint(
            &[
                "check",
                "--format",
                "json",
                "--baseline",
                "base.json",
                "a.md",
            ],
            dir,
        )
    };
    let out = check(dir.path());
    assert_eq!(located(&out), []);
    assert_eq!(out.status.code(), Some(0));

    // Moving the old findings (new text above them) does not make them new.
    article(
        dir.path(),
        "a.md",
        "A new first paragraph.\n\nKiev at dawn.\n\nKiev at noon.\n",
    );
    assert_eq!(located(&check(dir.path())), []);

    // A third Kiev is one more than the baseline knows.
    article(
        dir.path(),
        "a.md",
        "A new first paragraph.\n\nKiev at dawn.\n\nKiev at noon.\n\nKiev at night.\n",
    );
    let out = check(dir.path());
    assert_eq!(located(&out).len(), 1);
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn a_broken_baseline_is_an_error_naming_the_file() {
    let dir = tempfile::tempdir().unwrap();
    article(dir.path(), "a.md", "Kiev.\n");
    std::fs::write(
        dir.path().join("base.json"),
        "{\"version\": 1, \"findings\": [}",
    )
    .unwrap();
    let out = claimlint(&["check", "--baseline", "base.json", "a.md"], dir.path());
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("base.json:1:"), "{err}");
    assert!(err.contains("not a claimlint baseline"), "{err}");
}

#[test]
fn writing_a_baseline_over_an_existing_one_replaces_it_whole() {
    let dir = tempfile::tempdir().unwrap();
    article(dir.path(), "a.md", "Kiev.\n");
    std::fs::write(dir.path().join("base.json"), "old").unwrap();
    let out = claimlint(
        &["check", "--write-baseline", "base.json", "a.md"],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(0));
    let text = std::fs::read_to_string(dir.path().join("base.json")).unwrap();
    assert!(serde_json::from_str::<Value>(&text).is_ok());
    // Only the baseline and the article: no temporary file left behind.
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 2);
}
