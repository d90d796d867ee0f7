//! The output formats of `claimlint check`, tested from outside through the
//! binary: SARIF validated against the official SARIF 2.1.0 JSON schema
//! (tests/sarif-schema-2.1.0.json: the OASIS schema, draft-07, `$id`
//! …/oasis-tcs/sarif-spec/master/Schemata/sarif-schema-2.1.0.json, copied
//! unchanged from src/schema.json of the `serde-sarif` 0.8.0 crate; sha256
//! af47e7b67f24efe74076621fd3a5fbe7398add9e84fe820c971219a385895cea). The
//! validator is `boon`: the `jsonschema` crate (0.61) refuses to compile the
//! official schema, whose `run.language` pattern has a stray `]` that ECMA
//! regexes accept but its stricter regex check does not. Every SARIF region
//! is checked against the file's bytes; GitHub workflow commands and `short` lines
//! checked line by line against the JSON output; snapshots of sarif, github
//! and short on the seeds (human and json are in tests/snapshots.rs);
//! standard input; determinism across thread counts and runs (every format
//! of `check` and `claims`); exit codes.

mod common;

use common::{root, sarif_validator, schema_errors};

use std::path::Path;
use std::process::Output;

use regex::Regex;
use serde_json::Value;

fn run(args: &[&str]) -> Output {
    common::run(root(), args, None)
}

fn stdout(out: &Output) -> String {
    String::from_utf8(out.stdout.clone()).expect("output is UTF-8")
}

/// `claimlint check seeds/ --format FORMAT`: warnings are expected on the
/// seeds, so the exit code (at the default `--fail-on warning`) is 1.
fn check_seeds(format: &str) -> String {
    let out = run(&["check", "seeds/", "--format", format]);
    assert_eq!(
        out.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    stdout(&out)
}

fn parse_json(text: &str) -> Value {
    serde_json::from_str(text).unwrap_or_else(|err| panic!("not JSON ({err}):\n{text}"))
}

/// 1-based line and column (in Unicode code points, as claimlint counts) of
/// byte `offset` in `text`.
fn position(text: &str, offset: usize) -> (u64, u64) {
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = before[line_start..].chars().count() + 1;
    (line as u64, column as u64)
}

/// One location of the JSON output, flattened with its finding.
#[derive(Debug, Clone, PartialEq)]
struct Place {
    rule: String,
    severity: String,
    message: String,
    help: String,
    file: String,
    start: usize,
    end: usize,
    line: u64,
    column: u64,
    text: String,
    label: String,
}

fn str_of(value: &Value, key: &str) -> String {
    value[key]
        .as_str()
        .unwrap_or_else(|| panic!("{key} is not a string in {value}"))
        .to_string()
}

fn num_of(value: &Value, key: &str) -> u64 {
    value[key]
        .as_u64()
        .unwrap_or_else(|| panic!("{key} is not a number in {value}"))
}

/// Every location of a JSON findings document, in output order.
fn places(json: &Value) -> Vec<Place> {
    let mut out = Vec::new();
    for finding in json["findings"].as_array().expect("findings array") {
        for location in finding["locations"].as_array().expect("locations array") {
            out.push(Place {
                rule: str_of(finding, "rule"),
                severity: str_of(finding, "severity"),
                message: str_of(finding, "message"),
                help: str_of(finding, "help"),
                file: str_of(location, "file"),
                start: num_of(location, "start") as usize,
                end: num_of(location, "end") as usize,
                line: num_of(location, "line"),
                column: num_of(location, "column"),
                text: str_of(location, "text"),
                label: str_of(location, "label"),
            });
        }
    }
    out
}

fn read(dir: &Path, file: &str) -> String {
    std::fs::read_to_string(dir.join(file)).unwrap_or_else(|err| panic!("{file}: {err}"))
}

// ---------------------------------------------------------------- SARIF --

fn assert_valid_sarif(text: &str) -> Value {
    let log = parse_json(text);
    let errors = schema_errors(&sarif_validator(), &log);
    assert!(
        errors.is_empty(),
        "SARIF output does not validate against the 2.1.0 schema:\n{errors}\n\noutput:\n{text}"
    );
    log
}

/// `%XX` escapes decoded: the file path behind a relative SARIF URI.
fn percent_decode(uri: &str) -> String {
    let bytes = uri.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            let hex = std::str::from_utf8(&bytes[i + 1..i + 3]).unwrap();
            out.push(u8::from_str_radix(hex, 16).unwrap());
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).unwrap()
}

/// Checks one SARIF location's region against the bytes of its file (read
/// relative to `dir`, or given as `content`). Returns (file, start, end).
fn check_region(location: &Value, dir: &Path, content: Option<&str>) -> (String, usize, usize) {
    let physical = &location["physicalLocation"];
    let uri = physical["artifactLocation"]["uri"]
        .as_str()
        .expect("artifactLocation.uri");
    let file = percent_decode(uri);
    let text = match content {
        Some(text) => text.to_string(),
        None => read(dir, &file),
    };
    let region = &physical["region"];
    let offset = num_of(region, "byteOffset") as usize;
    let length = num_of(region, "byteLength") as usize;
    let end = offset + length;
    assert!(end <= text.len(), "region past the end of {file}: {region}");
    assert!(
        text.is_char_boundary(offset) && text.is_char_boundary(end),
        "region of {file} cuts a character: {region}"
    );
    assert_eq!(
        region["snippet"]["text"].as_str(),
        Some(&text[offset..end]),
        "snippet is not the bytes at byteOffset..byteOffset+byteLength in {file}"
    );
    let (line, column) = position(&text, offset);
    let (end_line, end_column) = position(&text, end);
    assert_eq!(
        (
            num_of(region, "startLine"),
            num_of(region, "startColumn"),
            num_of(region, "endLine"),
            num_of(region, "endColumn")
        ),
        (line, column, end_line, end_column),
        "region of {file} does not match byte offsets {offset}..{end}: {region}"
    );
    (file, offset, end)
}

#[test]
fn sarif_schema_rejects_broken_logs() {
    // The validation below must not be vacuous: the schema, as compiled,
    // rejects a log with a wrong version and one with an unknown level.
    let validator = sarif_validator();
    let mut log = parse_json(&check_seeds("sarif"));
    assert!(schema_errors(&validator, &log).is_empty());
    log["version"] = Value::from("2.0.0");
    assert!(!schema_errors(&validator, &log).is_empty());
    let mut log = parse_json(&check_seeds("sarif"));
    log["runs"][0]["results"][0]["level"] = Value::from("fatal");
    assert!(!schema_errors(&validator, &log).is_empty());
    let mut log = parse_json(&check_seeds("sarif"));
    log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]["startLine"] =
        Value::from(0);
    assert!(!schema_errors(&validator, &log).is_empty());
}

#[test]
fn sarif_on_seeds_is_valid_and_consistent() {
    let sarif = check_seeds("sarif");
    let log = assert_valid_sarif(&sarif);
    assert_eq!(log["version"], "2.1.0");
    let runs = log["runs"].as_array().unwrap();
    assert_eq!(runs.len(), 1);
    let run = &runs[0];
    assert_eq!(run["tool"]["driver"]["name"], "claimlint");
    assert_eq!(run["columnKind"], "unicodeCodePoints");

    let rules: Vec<&str> = run["tool"]["driver"]["rules"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_str().unwrap())
        .collect();
    let results = run["results"].as_array().unwrap();
    assert!(!results.is_empty());

    let json = parse_json(&check_seeds("json"));
    let findings = json["findings"].as_array().unwrap();
    assert_eq!(results.len(), findings.len(), "one result per finding");

    for (result, finding) in results.iter().zip(findings) {
        let rule = result["ruleId"].as_str().unwrap();
        assert!(
            rules.contains(&rule),
            "ruleId {rule} is not among the driver's rules {rules:?}"
        );
        let index = result["ruleIndex"]
            .as_u64()
            .unwrap_or_else(|| panic!("result without ruleIndex: {result}"));
        assert_eq!(
            rules.get(index as usize).copied(),
            Some(rule),
            "ruleIndex {index} does not point at {rule}"
        );
        assert_eq!(rule, finding["rule"]);
        let level = match finding["severity"].as_str().unwrap() {
            "error" => "error",
            "warning" => "warning",
            "info" => "note",
            other => panic!("unknown severity {other}"),
        };
        assert_eq!(result["level"], level);

        // The primary location, then the related ones, are the finding's
        // locations in order, and every region matches the file's bytes.
        let primary = result["locations"].as_array().unwrap();
        assert_eq!(primary.len(), 1);
        let related = result["relatedLocations"]
            .as_array()
            .cloned()
            .unwrap_or_default();
        let sarif_locations: Vec<&Value> = primary.iter().chain(related.iter()).collect();
        let json_locations = finding["locations"].as_array().unwrap();
        assert_eq!(sarif_locations.len(), json_locations.len());
        for (i, rel) in related.iter().enumerate() {
            assert_eq!(rel["id"].as_u64(), Some(i as u64 + 1));
        }
        for (s, j) in sarif_locations.iter().zip(json_locations) {
            let (file, start, end) = check_region(s, root(), None);
            assert_eq!(file, str_of(j, "file"));
            assert_eq!(start as u64, num_of(j, "start"));
            assert_eq!(end as u64, num_of(j, "end"));
            assert_eq!(s["message"]["text"], j["label"]);
        }
    }
}

// ------------------------------------------------------------ snapshots --

#[test]
fn seed_check_sarif() {
    insta::with_settings!({ snapshot_path => "../snapshots", prepend_module_to_snapshot => false }, {
        insta::assert_snapshot!("check_seeds_sarif", check_seeds("sarif"));
    });
}

#[test]
fn seed_check_github() {
    insta::with_settings!({ snapshot_path => "../snapshots", prepend_module_to_snapshot => false }, {
        insta::assert_snapshot!("check_seeds_github", check_seeds("github"));
    });
}

#[test]
fn seed_check_short() {
    insta::with_settings!({ snapshot_path => "../snapshots", prepend_module_to_snapshot => false }, {
        insta::assert_snapshot!("check_seeds_short", check_seeds("short"));
    });
}

// ---------------------------------------------------- github and short --

/// Undoes the workflow-command escapes of data and properties.
fn unescape_command(text: &str) -> String {
    text.replace("%0D", "\r")
        .replace("%0A", "\n")
        .replace("%3A", ":")
        .replace("%2C", ",")
        .replace("%25", "%")
}

/// A GitHub workflow command line, parsed.
#[derive(Debug)]
struct Annotation {
    command: String,
    file: String,
    line: u64,
    col: u64,
    end_line: u64,
    end_column: u64,
    title: String,
    /// Still escaped.
    data: String,
}

fn parse_github(output: &str) -> Vec<Annotation> {
    let shape = Regex::new(
        r"^::(error|warning|notice) file=([^,]+),line=(\d+),col=(\d+),endLine=(\d+),endColumn=(\d+),title=([^:]+)::(.+)$",
    )
    .unwrap();
    assert!(output.is_empty() || output.ends_with('\n'));
    output
        .lines()
        .map(|line| {
            let caps = shape
                .captures(line)
                .unwrap_or_else(|| panic!("not a workflow command of the expected shape: {line}"));
            let number = |i: usize| caps[i].parse::<u64>().unwrap();
            // Escaped data holds no raw CR/LF; escaped properties no `,`/`:`.
            assert!(!caps[8].contains(['\r', '\n']));
            Annotation {
                command: caps[1].to_string(),
                file: unescape_command(&caps[2]),
                line: number(3),
                col: number(4),
                end_line: number(5),
                end_column: number(6),
                title: unescape_command(&caps[7]),
                data: caps[8].to_string(),
            }
        })
        .collect()
}

/// Every line of `github` output against the JSON output of the same run:
/// one line per location, in order, at the location's positions.
fn check_github_against_json(github: &str, json: &Value, dir: &Path) {
    let annotations = parse_github(github);
    let places = places(json);
    assert_eq!(
        annotations.len(),
        places.len(),
        "one workflow command per JSON location:\n{github}"
    );
    for (a, p) in annotations.iter().zip(&places) {
        let command = match p.severity.as_str() {
            "error" => "error",
            "warning" => "warning",
            "info" => "notice",
            other => panic!("unknown severity {other}"),
        };
        let content = read(dir, &p.file);
        let (end_line, end_column) = position(&content, p.end);
        assert_eq!(a.command, command, "{a:?}");
        assert_eq!(a.file, p.file, "{a:?}");
        assert_eq!((a.line, a.col), (p.line, p.column), "{a:?}");
        assert_eq!((a.line, a.col), position(&content, p.start), "{a:?}");
        assert_eq!((a.end_line, a.end_column), (end_line, end_column), "{a:?}");
        assert_eq!(a.title, p.rule, "{a:?}");
        let data = unescape_command(&a.data);
        assert!(
            data.starts_with(&p.message) && data.contains(&p.label) && data.contains(&p.help),
            "message, label and help missing from {:?} (want {p:?})",
            a.data
        );
        // `%` in the data is escaped, and nothing but `%XX` escapes follow it.
        for (i, _) in a.data.match_indices('%') {
            let escape = a.data.get(i..i + 3).unwrap_or("");
            assert!(
                ["%25", "%0D", "%0A"].contains(&escape),
                "unescaped % in {:?}",
                a.data
            );
        }
    }
}

/// A `short` line, parsed.
#[derive(Debug)]
struct ShortLine {
    file: String,
    line: u64,
    column: u64,
    severity: String,
    rule: String,
    message: String,
}

fn parse_short(output: &str) -> Vec<ShortLine> {
    let shape = Regex::new(r"^(.+):(\d+):(\d+): (error|warning|info)\[([^\]]+)\] (.+)$").unwrap();
    assert!(output.is_empty() || output.ends_with('\n'));
    output
        .lines()
        .map(|line| {
            let caps = shape.captures(line).unwrap_or_else(|| {
                panic!("not a `file:line:col: severity[rule] message` line: {line}")
            });
            ShortLine {
                file: caps[1].to_string(),
                line: caps[2].parse().unwrap(),
                column: caps[3].parse().unwrap(),
                severity: caps[4].to_string(),
                rule: caps[5].to_string(),
                message: caps[6].to_string(),
            }
        })
        .collect()
}

fn check_short_against_json(short: &str, json: &Value) {
    let lines = parse_short(short);
    let places = places(json);
    assert_eq!(
        lines.len(),
        places.len(),
        "one short line per JSON location:\n{short}"
    );
    for (s, p) in lines.iter().zip(&places) {
        assert_eq!(s.file, p.file, "{s:?}");
        assert_eq!((s.line, s.column), (p.line, p.column), "{s:?}");
        assert_eq!(s.severity, p.severity, "{s:?}");
        assert_eq!(s.rule, p.rule, "{s:?}");
        let message = p.message.replace(['\n', '\r'], " ");
        assert!(
            s.message.starts_with(&message) && s.message.contains(&p.label),
            "{s:?} does not carry the message and label of {p:?}"
        );
    }
}

#[test]
fn github_lines_match_json_locations_on_seeds() {
    let github = check_seeds("github");
    let json = parse_json(&check_seeds("json"));
    assert!(!github.is_empty());
    check_github_against_json(&github, &json, root());
}

#[test]
fn short_lines_match_json_locations_on_seeds() {
    let short = check_seeds("short");
    let json = parse_json(&check_seeds("json"));
    assert!(!short.is_empty());
    check_short_against_json(&short, &json);
}

/// A file whose name needs escaping in a workflow-command property (`,`,
/// `:` and `%`), with `%` in figures (escaped in the data) and a quotation
/// wrapped over two lines (a multi-line region).
#[test]
fn github_escapes_properties_and_data() {
    let dir = tempfile::tempdir().unwrap();
    let name = "a,b:c%d.md";
    std::fs::write(
        dir.path().join(name),
        "---\nsource: Wire One\ndate: 2024-06-01\n---\n\
         Russia controls about 18% of Ukraine, officials in Kiev said. \
         Later, officials said Russia occupies 26% of Ukraine's territory.\n\n\
         \"We will never give up our land to the invaders\n\
         no matter how long it takes,\" the minister said.\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("other.md"),
        "---\nsource: Wire Two\ndate: 2024-06-02\n---\n\
         \"We will never give up our land to the occupiers no matter how long it takes,\" \
         the minister said.\n",
    )
    .unwrap();
    let output = |format: &str| {
        let out = common::run(
            dir.path(),
            &["check", name, "other.md", "--format", format],
            None,
        );
        assert_eq!(
            out.status.code(),
            Some(1),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        stdout(&out)
    };
    let github = output("github");
    let json = parse_json(&output("json"));
    let rules: Vec<String> = places(&json).into_iter().map(|p| p.rule).collect();
    for rule in [
        "ukraine/territory-share",
        "ukraine/style-kyiv",
        "quotes/drift",
    ] {
        assert!(
            rules.iter().any(|r| r == rule),
            "{rule} not found: {rules:?}"
        );
    }
    assert!(
        github.contains("file=a%2Cb%3Ac%25d.md,"),
        "file property not escaped:\n{github}"
    );
    assert!(
        github.contains("18%25"),
        "`%` in data not escaped:\n{github}"
    );
    check_github_against_json(&github, &json, dir.path());
    // The wrapped quotation spans two lines.
    assert!(
        parse_github(&github)
            .iter()
            .any(|a| a.title == "quotes/drift" && a.end_line == a.line + 1),
        "{github}"
    );
    check_short_against_json(&output("short"), &json);

    // SARIF: valid, and the URI is the percent-encoded relative path.
    let sarif = output("sarif");
    let log = assert_valid_sarif(&sarif);
    for result in log["runs"][0]["results"].as_array().unwrap() {
        let related = result["relatedLocations"]
            .as_array()
            .cloned()
            .unwrap_or_default();
        for location in result["locations"]
            .as_array()
            .unwrap()
            .iter()
            .chain(&related)
        {
            check_region(location, dir.path(), None);
        }
    }
    assert!(sarif.contains("\"uri\": \"a%2Cb%3Ac%25d.md\""), "{sarif}");
}

// ---------------------------------------------------------------- stdin --

const ARTICLE_BODY: &str = "Economists say the two-year-old war has cost Ukraine more than a \
third of its prewar output. Officials in Kiev said 57 countries had joined the coalition.\n\n\
A diplomat said only about 50 countries had joined the coalition, and Antony Blinken \
agreed with Anthony Blinken.\n";

/// The findings of a JSON document with every file name replaced by `file`.
fn findings_in(json: &Value, file: &str) -> Value {
    let mut json = json.clone();
    for finding in json["findings"].as_array_mut().unwrap() {
        for location in finding["locations"].as_array_mut().unwrap() {
            location["file"] = Value::from(file);
        }
    }
    json
}

/// `check -` with `text` on standard input against `check FILE` with the
/// same text in a file named `name`, both with `extra` arguments.
fn stdin_matches_file(text: &str, name: &str, extra: &[&str]) -> Value {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join(name), text).unwrap();
    let with = |path: &str, input: Option<&str>| {
        let mut args = vec!["check", path, "--format", "json"];
        args.extend_from_slice(extra);
        let out = common::run(dir.path(), &args, input);
        assert_eq!(
            out.status.code(),
            Some(1),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        parse_json(&stdout(&out))
    };
    let from_stdin = with("-", Some(text));
    let from_file = with(name, None);
    let files: Vec<String> = places(&from_stdin).into_iter().map(|p| p.file).collect();
    assert!(!files.is_empty());
    assert!(files.iter().all(|f| f == "<stdin>"), "{files:?}");
    assert_eq!(from_stdin, findings_in(&from_file, "<stdin>"));

    // The other formats name `<stdin>` too.
    let mut args = vec!["check", "-", "--format", "short"];
    args.extend_from_slice(extra);
    let short = stdout(&common::run(dir.path(), &args, Some(text)));
    check_short_against_json(&short, &from_stdin);
    assert!(short.lines().all(|l| l.starts_with("<stdin>:")), "{short}");
    args[3] = "sarif";
    let sarif = stdout(&common::run(dir.path(), &args, Some(text)));
    let log = assert_valid_sarif(&sarif);
    for result in log["runs"][0]["results"].as_array().unwrap() {
        for location in result["locations"].as_array().unwrap() {
            check_region(location, dir.path(), Some(text));
        }
    }
    from_stdin
}

fn rules_of(json: &Value) -> Vec<String> {
    json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| str_of(f, "rule"))
        .collect()
}

#[test]
fn stdin_with_front_matter_is_checked_like_a_file() {
    let text = format!("---\nsource: Test Wire\ndate: 2025-06-01\n---\n{ARTICLE_BODY}");
    let json = stdin_matches_file(&text, "article.md", &[]);
    let rules = rules_of(&json);
    // The date of the front matter is used: the war's age is checked.
    for rule in [
        "ukraine/war-age",
        "ukraine/style-kyiv",
        "ukraine/coalition-size",
        "names/spelling",
    ] {
        assert!(
            rules.iter().any(|r| r == rule),
            "{rule} not found: {rules:?}"
        );
    }
}

#[test]
fn stdin_without_front_matter_takes_the_date_option() {
    let json = stdin_matches_file(ARTICLE_BODY, "article.txt", &["--date", "2025-06-01"]);
    let rules = rules_of(&json);
    assert!(rules.iter().any(|r| r == "ukraine/war-age"), "{rules:?}");
    let war_age = &json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["rule"] == "ukraine/war-age")
        .unwrap()["message"];
    assert!(
        war_age.as_str().unwrap().contains("2025-06-01"),
        "{war_age}"
    );
}

// ---------------------------------------------------------- determinism --

#[test]
fn output_is_the_same_whatever_the_threads() {
    // Every output: `check` in each format (exit 1: the inputs have
    // warnings) and `claims` in each (exit 0).
    let outputs = [
        ("check", "json", 1),
        ("check", "sarif", 1),
        ("check", "github", 1),
        ("check", "short", 1),
        ("check", "human", 1),
        ("claims", "table", 0),
        ("claims", "json", 0),
    ];
    for (command, format, code) in outputs {
        let with = |threads: Option<&str>| {
            let mut args = Vec::new();
            if let Some(n) = threads {
                args.extend(["--threads", n]);
            }
            args.extend([command, "seeds/", "tests/articles/", "--format", format]);
            let out = run(&args);
            assert_eq!(
                out.status.code(),
                Some(code),
                "{}",
                String::from_utf8_lossy(&out.stderr)
            );
            out.stdout
        };
        let one = with(Some("1"));
        assert!(!one.is_empty());
        assert!(
            one == with(Some("2")),
            "--threads 1 and --threads 2 differ in {command} {format}"
        );
        let default = with(None);
        assert!(
            default == with(None),
            "two runs differ in {command} {format}"
        );
        assert!(
            default == one,
            "default threads differ in {command} {format}"
        );
    }
}

// ----------------------------------------------------------- exit codes --

#[test]
fn fail_on_sets_the_exit_code() {
    let json = parse_json(&check_seeds("json"));
    let severities: Vec<String> = json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| str_of(f, "severity"))
        .collect();
    assert!(severities.iter().all(|s| s != "error"), "{severities:?}");
    assert!(severities.iter().any(|s| s == "warning"));
    assert!(severities.iter().any(|s| s == "info"));

    let expected = [("error", 0), ("warning", 1), ("info", 1), ("never", 0)];
    let mut outputs = Vec::new();
    for (fail_on, code) in expected {
        let out = run(&["check", "seeds/", "--format", "json", "--fail-on", fail_on]);
        assert_eq!(
            out.status.code(),
            Some(code),
            "--fail-on {fail_on}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        outputs.push(out.stdout);
    }
    // The threshold changes the exit code, not the report.
    assert!(outputs.windows(2).all(|w| w[0] == w[1]));
}
