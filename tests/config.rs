//! Configuration: discovery from the current directory upwards, `--config`,
//! what each key changes, errors with the YAML line, and `claimlint init`.

mod common;

use common::claimlint;

use std::process::Output;

use serde_json::Value;

/// A project folder with a configuration at its root and an article two
/// folders down, without front matter.
fn project(config: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("desk/drafts")).unwrap();
    if !config.is_empty() {
        std::fs::write(dir.path().join("claimlint.yaml"), config).unwrap();
    }
    std::fs::write(
        dir.path().join("desk/drafts/a.txt"),
        "Antony Blinken arrived in Kiev on Tuesday.\n\nAnthony Blinken met officials.\n",
    )
    .unwrap();
    dir
}

fn findings(out: &Output) -> Vec<(String, String)> {
    let doc: Value = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|_| panic!("{}", String::from_utf8_lossy(&out.stderr)));
    doc["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["rule"].as_str().unwrap().to_string(),
                f["severity"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

fn drafts(dir: &tempfile::TempDir) -> std::path::PathBuf {
    dir.path().join("desk/drafts")
}

#[test]
fn without_a_configuration_the_default_pack_runs() {
    let dir = project("");
    let out = claimlint(&["check", "--format", "json", "a.txt"], &drafts(&dir));
    assert_eq!(out.status.code(), Some(1));
    let rules: Vec<String> = findings(&out).into_iter().map(|(r, _)| r).collect();
    assert_eq!(rules, ["names/spelling", "ukraine/style-kyiv"]);
}

#[test]
fn a_configuration_in_a_parent_folder_is_found_and_applied() {
    let dir = project("disable: [ukraine/*]\nseverity:\n  names/*: error\n");
    let out = claimlint(&["check", "--format", "json", "a.txt"], &drafts(&dir));
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(findings(&out), [("names/spelling".into(), "error".into())]);
}

#[test]
fn the_hidden_name_is_found_too() {
    let dir = project("");
    std::fs::write(
        dir.path().join(".claimlint.yaml"),
        "enable: [ukraine/style-kyiv]\n",
    )
    .unwrap();
    let out = claimlint(&["check", "--format", "json", "a.txt"], &drafts(&dir));
    let rules: Vec<String> = findings(&out).into_iter().map(|(r, _)| r).collect();
    assert_eq!(rules, ["ukraine/style-kyiv"]);
}

#[test]
fn an_explicit_config_wins_over_discovery() {
    let dir = project("disable: [ukraine/*]\n");
    let other = dir.path().join("other.yaml");
    std::fs::write(&other, "disable: [names/*]\n").unwrap();
    let out = claimlint(
        &[
            "--config",
            other.to_str().unwrap(),
            "check",
            "--format",
            "json",
            "a.txt",
        ],
        &drafts(&dir),
    );
    let rules: Vec<String> = findings(&out).into_iter().map(|(r, _)| r).collect();
    assert_eq!(rules, ["ukraine/style-kyiv"]);
}

#[test]
fn fail_on_comes_from_the_configuration_unless_given() {
    let dir = project("fail-on: error\n");
    let out = claimlint(&["check", "--format", "json", "a.txt"], &drafts(&dir));
    assert_eq!(
        out.status.code(),
        Some(0),
        "only warnings, and fail-on is error"
    );
    let out = claimlint(
        &["check", "--format", "json", "--fail-on", "warning", "a.txt"],
        &drafts(&dir),
    );
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn default_source_and_date_fill_in_for_files_without_them() {
    let dir = project("source: House Default\ndate: 2024-05-14\n");
    let out = claimlint(&["claims", "a.txt"], &drafts(&dir));
    let table = String::from_utf8_lossy(&out.stdout);
    assert!(table.contains("House Default, 2024-05-14"), "{table}");
    // Front matter wins over the configuration.
    std::fs::write(
        drafts(&dir).join("b.md"),
        "---\nsource: Own Outlet\ndate: 2023-01-02\n---\nHello on Tuesday.\n",
    )
    .unwrap();
    let out = claimlint(&["claims", "b.md"], &drafts(&dir));
    let table = String::from_utf8_lossy(&out.stdout);
    assert!(table.contains("Own Outlet, 2023-01-02"), "{table}");
}

#[test]
fn a_pattern_that_names_no_rule_is_an_error_at_its_line() {
    let dir = project("fail-on: warning\ndisable: [ukrain/*]\n");
    let out = claimlint(&["check", "a.txt"], &drafts(&dir));
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("claimlint.yaml:2:11: no loaded rule matches `ukrain/*`"),
        "{err}"
    );
}

#[test]
fn unknown_keys_and_bad_values_are_errors_at_their_line() {
    let dir = project("source: X\nfail_on: error\n");
    let out = claimlint(&["rules"], &drafts(&dir));
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("claimlint.yaml:2:1: unknown field `fail_on`"),
        "{err}"
    );

    let dir = project("date: June\n");
    let out = claimlint(&["rules"], &drafts(&dir));
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("`June` is not a date"));
}

#[test]
fn configured_rule_folders_replace_or_extend_the_pack() {
    let dir = project("rules: [house/]\n");
    std::fs::create_dir(dir.path().join("house")).unwrap();
    std::fs::write(
        dir.path().join("house/style.yaml"),
        "rules:\n  - id: house/tuesday\n    type: house-style\n    severity: info\n    summary: Weekday names are capitalised\n    prefer: Tuesday\n    avoid: [tuesday]\n",
    )
    .unwrap();
    let out = claimlint(&["rules"], &drafts(&dir));
    let listed = String::from_utf8_lossy(&out.stdout);
    assert!(listed.starts_with("house/tuesday"), "{listed}");
    assert_eq!(listed.lines().count(), 1, "{listed}");

    std::fs::write(
        dir.path().join("claimlint.yaml"),
        "rules: [house/]\ndefault-rules: true\n",
    )
    .unwrap();
    let out = claimlint(&["rules"], &drafts(&dir));
    let listed = String::from_utf8_lossy(&out.stdout);
    assert!(
        listed.contains("house/tuesday") && listed.contains("names/spelling"),
        "{listed}"
    );
}

#[test]
fn init_writes_a_starter_once() {
    let dir = tempfile::tempdir().unwrap();
    let out = claimlint(&["init"], dir.path());
    assert_eq!(out.status.code(), Some(0));
    let written = std::fs::read_to_string(dir.path().join("claimlint.yaml")).unwrap();
    assert!(written.contains("fail-on: warning"));
    // The starter is a valid configuration.
    assert_eq!(claimlint(&["rules"], dir.path()).status.code(), Some(0));

    std::fs::write(dir.path().join("claimlint.yaml"), "# mine\n").unwrap();
    let out = claimlint(&["init"], dir.path());
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        std::fs::read_to_string(dir.path().join("claimlint.yaml")).unwrap(),
        "# mine\n",
        "an existing configuration is left alone"
    );
    assert_eq!(
        claimlint(&["init", "--force"], dir.path()).status.code(),
        Some(0)
    );
    assert_eq!(
        std::fs::read_to_string(dir.path().join("claimlint.yaml")).unwrap(),
        written
    );
}

#[test]
fn house_style_choices_add_rules_and_replace_the_packs_opposite() {
    // A newsroom that keeps "Kiev" (say, for an archive) and writes "percent".
    let dir = project("house-style:\n  Kiev: [Kyiv]\n  percent: [per cent]\n");
    std::fs::write(
        drafts(&dir).join("b.md"),
        "---\nsource: Desk\ndate: 2024-05-14\n---\nKyiv grew 3 per cent. Kiev is quiet.\n",
    )
    .unwrap();
    let out = claimlint(&["check", "--format", "json", "b.md"], &drafts(&dir));
    let rules: Vec<String> = findings(&out).into_iter().map(|(r, _)| r).collect();
    assert_eq!(
        rules,
        ["house-style/kiev", "house-style/percent"],
        "the pack's Kyiv rule is replaced"
    );
    let listed = String::from_utf8_lossy(&claimlint(&["rules"], &drafts(&dir)).stdout).into_owned();
    assert!(!listed.contains("ukraine/style-kyiv"), "{listed}");
    assert!(listed.contains("house-style/percent"), "{listed}");

    let dir = project("house-style:\n  percent: []\n");
    let out = claimlint(&["rules"], &drafts(&dir));
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("claimlint.yaml:2:3: house style `percent`: list the forms"),
        "{err}"
    );
}
