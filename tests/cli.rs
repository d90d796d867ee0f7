//! The `claims` command end to end: output contract, exit codes, and bad
//! input reported with its file and line while the other files go on.

mod common;

use common::claimlint;

use std::path::Path;

#[test]
fn json_follows_the_contract() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let out = claimlint(
        &[
            "claims",
            "--format",
            "json",
            "seeds/004_0f9f2a1bdcd43f6e.txt",
        ],
        root,
    );
    assert!(out.status.success());
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let claims = doc["claims"].as_array().unwrap();
    let raw = std::fs::read_to_string(root.join("seeds/004_0f9f2a1bdcd43f6e.txt")).unwrap();
    let keys = [
        "file",
        "start",
        "end",
        "line",
        "column",
        "text",
        "kind",
        "value",
        "unit",
        "hedge",
        "interval",
        "change",
        "speaker",
        "subject",
        "sentence_start",
        "sentence_end",
    ];
    for claim in claims {
        let object = claim.as_object().unwrap();
        assert_eq!(object.len(), keys.len());
        for key in keys {
            assert!(object.contains_key(key), "missing {key}");
        }
        let (start, end) = (
            claim["start"].as_u64().unwrap() as usize,
            claim["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(&raw[start..end], claim["text"].as_str().unwrap());
    }
    let austin = claims
        .iter()
        .find(|c| c["text"] == "about 50 countries")
        .unwrap();
    assert_eq!(austin["value"], 50);
    assert_eq!(austin["unit"], "country");
    assert_eq!(austin["hedge"], "about");
    let interval: Vec<f64> = austin["interval"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_f64().unwrap())
        .collect();
    assert!(
        (interval[0] - 45.0).abs() < 1e-9 && (interval[1] - 55.0).abs() < 1e-9,
        "{interval:?}"
    );
    assert_eq!(austin["speaker"], "Lloyd Austin");
}

#[test]
fn bad_inputs_are_reported_and_the_rest_processed() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(
        d.join("good.md"),
        "---\nsource: Example\ndate: 2024-06-12\n---\nAid rose to $5 billion last month.\n",
    )
    .unwrap();
    std::fs::write(d.join("empty.txt"), "").unwrap();
    std::fs::write(d.join("binary.txt"), b"text\n\0\x01\x02").unwrap();
    std::fs::write(d.join("latin1.txt"), b"line one\ncaf\xe9 57 countries\n").unwrap();
    std::fs::write(
        d.join("baddate.md"),
        "---\nsource: X\ndate: 2024-02-30\n---\nText.\n",
    )
    .unwrap();
    let out = claimlint(&["claims", ".", "missing.md"], d);
    assert_eq!(out.status.code(), Some(2));
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stdout.contains("$5 billion") && stdout.contains("2024-05"),
        "{stdout}"
    );
    for expected in [
        "empty.txt",
        "binary.txt:2",
        "latin1.txt:2",
        "baddate.md:3",
        "missing.md",
    ] {
        assert!(
            stderr.contains(expected),
            "no error for {expected}:\n{stderr}"
        );
    }
    assert!(!stderr.contains("panicked"), "{stderr}");
}

#[test]
fn a_folder_without_articles_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("notes.csv"), "a,b\n").unwrap();
    let out = claimlint(&["claims", "."], dir.path());
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no articles found"));
}

#[test]
fn flags_override_the_publication_date() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("a.txt"),
        "The minister will visit on Friday.\n",
    )
    .unwrap();
    let out = claimlint(
        &[
            "claims",
            "--format",
            "json",
            "--date",
            "2024-06-12",
            "a.txt",
        ],
        dir.path(),
    );
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(doc["claims"][0]["value"], "2024-06-14");
    let out = claimlint(&["claims", "--format", "json", "a.txt"], dir.path());
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(doc["claims"][0]["kind"], "date");
    assert!(
        doc["claims"][0]["value"].is_null(),
        "no date: the relative date stays unresolved"
    );
}
