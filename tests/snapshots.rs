//! Snapshots of the claims of every seed article, one line per claim
//! (position, kind, value and unit, hedge, change, speaker, subject, text).
//! Reviewed line by line before acceptance: a snapshot of wrong output is a
//! wrong test. Also the findings of `claimlint check seeds/`, human and JSON.

use std::path::Path;

use claimlint::document::{Document, Meta, SourcesCache};
use claimlint::extract::extract;
use claimlint::report::claims::row;

fn claims_of(path: &Path) -> String {
    let doc = Document::load(path, &SourcesCache::default(), &Meta::default()).unwrap();
    extract(&doc)
        .iter()
        .map(|c| row(&doc, c).trim_end().to_string() + "\n")
        .collect()
}

#[test]
fn seed_claims() {
    let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    let mut names: Vec<_> = std::fs::read_dir(&seeds)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    names.sort();
    assert_eq!(names.len(), 5);
    for path in names {
        let stem = path.file_stem().unwrap().to_string_lossy().into_owned();
        insta::with_settings!({ snapshot_path => "../snapshots", prepend_module_to_snapshot => false }, {
            insta::assert_snapshot!(format!("claims_{stem}"), claims_of(&path));
        });
    }
}

/// `claimlint check seeds/` as a person and as a machine sees it.
fn check_seeds(format: &str) -> String {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_claimlint"))
        .args(["check", "seeds/", "--format", format])
        .env("NO_COLOR", "1")
        .current_dir(root)
        .output()
        .unwrap();
    // Findings at warning level are expected on the seeds: exit code 1.
    assert_eq!(
        out.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn seed_check_human() {
    insta::with_settings!({ snapshot_path => "../snapshots", prepend_module_to_snapshot => false }, {
        insta::assert_snapshot!("check_seeds_human", check_seeds("human"));
    });
}

#[test]
fn seed_check_json() {
    insta::with_settings!({ snapshot_path => "../snapshots", prepend_module_to_snapshot => false }, {
        insta::assert_snapshot!("check_seeds_json", check_seeds("json"));
    });
}
