//! Rule files end to end: loading and validation errors (each pointing at
//! the file, line and column of the YAML that is wrong, exit code 2), hostile
//! rule files (alias bombs, oversized files, pathological regexes), and the
//! `rules`, `explain` and `check --rules` commands.
//!
//! Fixtures are written into a temporary folder and the binary is run from
//! it with relative paths, so diagnostics name short, stable paths.

mod common;

use common::claimlint;

use std::path::{Path, PathBuf};
use std::process::Output;

use tempfile::TempDir;

/// Writes `contents` to `name` (which may include a folder) under `dir`.
fn write(dir: &Path, name: &str, contents: &str) -> PathBuf {
    let path = dir.join(name);
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).unwrap();
    }
    std::fs::write(&path, contents).unwrap();
    path
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// The findings of `check --format json` on `article` with the rules of
/// `rules`, run in `dir`, after checking that it found some (exit code 1);
/// and the whole report, for messages.
fn json_findings(
    dir: &Path,
    article: &str,
    rules: &str,
) -> (Vec<serde_json::Value>, serde_json::Value) {
    let out = claimlint(
        &["check", article, "--rules", rules, "--format", "json"],
        dir,
    );
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let findings = doc["findings"].as_array().unwrap().clone();
    (findings, doc)
}

/// The headline of the first diagnostic in `stderr`: the `×` line and its
/// wrapped continuation lines (`│ ...`), joined back into one line. The
/// report wraps at 80 columns, sometimes after a hyphen.
fn headline(stderr: &str) -> Option<String> {
    let mut lines = stderr
        .lines()
        .skip_while(|l| !l.trim_start().starts_with('×'));
    let first = lines.next()?.trim_start().trim_start_matches('×').trim();
    let mut text = first.to_string();
    for line in lines {
        let Some(rest) = line.trim_start().strip_prefix('│') else {
            break;
        };
        if !text.ends_with('-') {
            text.push(' ');
        }
        text.push_str(rest.trim());
    }
    Some(text)
}

/// Asserts a rule error: exit code 2, nothing on stdout, and a diagnostic
/// whose headline is `FILE:LINE:COLUMN: message` with `phrase` in it.
fn assert_rule_error(out: &Output, file: &str, line: usize, column: usize, phrase: &str) {
    let err = stderr(out);
    assert_eq!(
        out.status.code(),
        Some(2),
        "expected exit code 2\nstderr:\n{err}"
    );
    assert!(
        out.stdout.is_empty(),
        "nothing should be printed on stdout, got:\n{}",
        stdout(out)
    );
    let head = headline(&err).unwrap_or_else(|| panic!("no diagnostic in stderr:\n{err}"));
    let location = format!("{file}:{line}:{column}: ");
    assert!(
        head.starts_with(&location),
        "expected the error at {location}\ngot headline: {head}\nstderr:\n{err}"
    );
    assert!(
        head.contains(phrase),
        "expected {phrase:?} in the message\ngot headline: {head}\nstderr:\n{err}"
    );
}

/// A path as the binary prints it, `folder/file` with the platform's separator.
fn shown(folder: &str, file: &str) -> String {
    Path::new(folder).join(file).display().to_string()
}

/// The ids in `claimlint rules` output: the first column.
fn listed_ids(out: &Output) -> Vec<String> {
    stdout(out)
        .lines()
        .filter_map(|l| l.split_whitespace().next())
        .map(str::to_string)
        .collect()
}

// ---------------------------------------------------------------------------
// Errors in rule files

#[test]
fn unknown_key_is_an_error_at_its_line() {
    let dir = TempDir::new().unwrap();
    write(
        dir.path(),
        "typo.yaml",
        "\
rules:
  - id: test/style
    type: house-style
    severty: warning
    summary: Write percent as one word
    prefer: percent
    avoid: [per cent]
",
    );
    let out = claimlint(&["rules", "--rules", "typo.yaml"], dir.path());
    assert_rule_error(&out, "typo.yaml", 4, 5, "unknown field `severty`");
    assert!(
        headline(&stderr(&out)).unwrap().contains("`severity`"),
        "the known fields are suggested: {}",
        stderr(&out)
    );
}

#[test]
fn wrong_type_is_an_error_at_the_value() {
    let dir = TempDir::new().unwrap();
    write(
        dir.path(),
        "quotes.yaml",
        "\
rules:
  - id: test/quote
    type: quote-fidelity
    check: wording
    severity: warning
    summary: Quotes drift
    min-words: many
",
    );
    let out = claimlint(&["rules", "--rules", "quotes.yaml"], dir.path());
    assert_rule_error(
        &out,
        "quotes.yaml",
        7,
        16,
        "min-words: invalid type: string \"many\"",
    );
}

#[test]
fn invalid_topic_regex_points_at_the_pattern() {
    let dir = TempDir::new().unwrap();
    write(
        dir.path(),
        "topic.yaml",
        "\
rules:
  - id: test/aid
    type: figure-agreement
    severity: warning
    summary: Aid totals disagree
    kinds: [money]
    topic:
      keywords: [aid]
      patterns:
        - '\\baid\\b'
        - '(unclosed'
",
    );
    let out = claimlint(&["rules", "--rules", "topic.yaml"], dir.path());
    assert_rule_error(&out, "topic.yaml", 11, 12, "invalid regular expression");
    assert!(
        stderr(&out).contains("unclosed group"),
        "the regex error is given as help: {}",
        stderr(&out)
    );
}

#[test]
fn duplicate_id_across_files_points_at_the_second() {
    let dir = TempDir::new().unwrap();
    write(
        dir.path(),
        "pack/a.yaml",
        "\
rules:
  - id: test/same
    type: house-style
    severity: warning
    summary: First definition
    prefer: percent
    avoid: [per cent]
",
    );
    write(
        dir.path(),
        "pack/b.yaml",
        "\
# The second file of the pack.
rules:
  - id: test/other
    type: house-style
    severity: info
    summary: Another rule
    prefer: Kyiv
    avoid: [Kiev]

  - id: test/same
    type: house-style
    severity: warning
    summary: Second definition
    prefer: percent
    avoid: [pc]
",
    );
    let out = claimlint(&["rules", "--rules", "pack"], dir.path());
    assert_rule_error(
        &out,
        &shown("pack", "b.yaml"),
        10,
        9,
        "duplicate rule id `test/same`",
    );
    assert!(
        stderr(&out).contains(&format!("already defined in {}", shown("pack", "a.yaml"))),
        "the first definition is named: {}",
        stderr(&out)
    );
}

#[test]
fn plural_count_unit_suggests_the_singular() {
    let dir = TempDir::new().unwrap();
    write(
        dir.path(),
        "coalition.yaml",
        "\
rules:
  - id: test/coalition
    type: figure-agreement
    severity: warning
    summary: Coalition sizes disagree
    kinds: [count]
    units: [countries]
",
    );
    let out = claimlint(&["rules", "--rules", "coalition.yaml"], dir.path());
    assert_rule_error(&out, "coalition.yaml", 7, 13, "unknown unit `countries`");
    let head = headline(&stderr(&out)).unwrap();
    assert!(
        head.contains("\"country\""),
        "suggests the singular: {head}"
    );
}

#[test]
fn american_measure_unit_suggests_the_metric_spelling() {
    let dir = TempDir::new().unwrap();
    write(
        dir.path(),
        "front.yaml",
        "\
rules:
  - id: test/front-line
    type: figure-agreement
    severity: warning
    summary: Lengths of the front line disagree
    kinds: [measure]
    units: [kilometer]
",
    );
    let out = claimlint(&["rules", "--rules", "front.yaml"], dir.path());
    assert_rule_error(&out, "front.yaml", 7, 13, "unknown unit `kilometer`");
    let head = headline(&stderr(&out)).unwrap();
    assert!(head.contains("kilometre"), "suggests kilometre: {head}");
}

#[test]
fn reference_fact_with_timeline_and_date_is_refused() {
    let dir = TempDir::new().unwrap();
    write(
        dir.path(),
        "nato.yaml",
        "\
rules:
  - id: test/nato
    type: reference-fact
    severity: warning
    summary: NATO membership
    kinds: [count]
    units: [member]
    timeline:
      - {from: 2020-03-27, value: 30}
    date: 2022-02-24
",
    );
    let out = claimlint(&["rules", "--rules", "nato.yaml"], dir.path());
    assert_rule_error(
        &out,
        "nato.yaml",
        10,
        5,
        "either a `timeline` or a `date`, not both",
    );
}

#[test]
fn head_noun_without_by_subject_is_refused() {
    let dir = TempDir::new().unwrap();
    write(
        dir.path(),
        "counts.yaml",
        "\
rules:
  - id: test/counts
    type: figure-agreement
    severity: warning
    summary: Counts restated
    kinds: [count]
    head-noun: true
",
    );
    let out = claimlint(&["rules", "--rules", "counts.yaml"], dir.path());
    assert_rule_error(
        &out,
        "counts.yaml",
        7,
        5,
        "`head-noun` compares figures by their subject: add `by-subject: true`",
    );
}

#[test]
fn swapped_digits_keyed_by_subject_is_refused() {
    let dir = TempDir::new().unwrap();
    write(
        dir.path(),
        "swaps.yaml",
        "\
rules:
  - id: test/swaps
    type: figure-agreement
    severity: warning
    summary: Digits swapped
    kinds: [money]
    swapped-digits: true
    by-subject: true
",
    );
    let out = claimlint(&["rules", "--rules", "swaps.yaml"], dir.path());
    assert_rule_error(
        &out,
        "swaps.yaml",
        8,
        5,
        "`swapped-digits` pairs figures by their digits alone, whatever their subject, actor, period or tolerance: drop `by-subject`",
    );
}

#[test]
fn quote_rule_with_prefer_is_refused() {
    let dir = TempDir::new().unwrap();
    write(
        dir.path(),
        "quotes.yaml",
        "\
rules:
  - id: test/quote
    type: quote-fidelity
    severity: warning
    summary: Quotes drift
    check: wording
    prefer: exact
",
    );
    let out = claimlint(&["rules", "--rules", "quotes.yaml"], dir.path());
    assert_rule_error(
        &out,
        "quotes.yaml",
        7,
        5,
        "`prefer` has no meaning in a quote-fidelity rule",
    );
}

#[test]
fn house_style_avoiding_its_prefer_points_at_the_avoided_entry() {
    let dir = TempDir::new().unwrap();
    write(
        dir.path(),
        "style.yaml",
        "\
rules:
  - id: test/style
    type: house-style
    severity: warning
    summary: One word
    prefer: percent
    avoid: [per cent, percent]
",
    );
    let out = claimlint(&["rules", "--rules", "style.yaml"], dir.path());
    // The contradiction is the `percent` inside `avoid`, line 7 column 23.
    assert_rule_error(
        &out,
        "style.yaml",
        7,
        23,
        "`percent` is both preferred and avoided",
    );
}

#[test]
fn bad_indentation_is_a_syntax_error_at_its_line() {
    let dir = TempDir::new().unwrap();
    // `severity` is indented by three spaces instead of four.
    write(
        dir.path(),
        "indent.yaml",
        "\
rules:
  - id: test/style
    type: house-style
   severity: warning
    summary: One word
    prefer: percent
    avoid: [per cent]
",
    );
    let out = claimlint(&["rules", "--rules", "indent.yaml"], dir.path());
    assert_rule_error(&out, "indent.yaml", 4, 4, "did not find expected");
}

#[test]
fn unclosed_bracket_is_a_syntax_error() {
    let dir = TempDir::new().unwrap();
    write(
        dir.path(),
        "bracket.yaml",
        "\
rules:
  - id: test/style
    type: house-style
    severity: warning
    summary: One word
    prefer: percent
    avoid: [per cent, pc

  - id: test/kyiv
    type: house-style
    severity: warning
    summary: Kyiv
    prefer: Kyiv
    avoid: [Kiev]
",
    );
    let out = claimlint(&["rules", "--rules", "bracket.yaml"], dir.path());
    // The parser notices at the `:` of the next rule's `id:`.
    assert_rule_error(
        &out,
        "bracket.yaml",
        9,
        7,
        "did not find expected ',' or ']'",
    );
}

// ---------------------------------------------------------------------------
// Errors point at the offending node, not at an earlier mention of the same
// text in the rule (a summary, a description, an earlier entry).

#[test]
fn unknown_unit_mentioned_in_the_summary_points_at_units() {
    let dir = TempDir::new().unwrap();
    write(
        dir.path(),
        "coalition.yaml",
        "\
rules:
  - id: test/coalition
    type: figure-agreement
    severity: warning
    summary: Counts of countries in a coalition disagree
    kinds: [count]
    units: [countries]
",
    );
    let out = claimlint(&["rules", "--rules", "coalition.yaml"], dir.path());
    assert_rule_error(&out, "coalition.yaml", 7, 13, "unknown unit `countries`");
}

#[test]
fn repeated_timeline_date_points_at_the_repeat() {
    let dir = TempDir::new().unwrap();
    write(
        dir.path(),
        "nato.yaml",
        "\
rules:
  - id: test/nato
    type: reference-fact
    severity: warning
    summary: NATO membership
    kinds: [count]
    units: [member]
    timeline:
      - {from: 2020-03-27, value: 30}
      - {from: 2023-04-04, value: 31}
      - {from: 2023-04-04, value: 32}
",
    );
    let out = claimlint(&["rules", "--rules", "nato.yaml"], dir.path());
    assert_rule_error(
        &out,
        "nato.yaml",
        11,
        16,
        "timeline dates must be in increasing order",
    );
}

#[test]
fn an_id_line_inside_a_description_does_not_shift_errors() {
    let dir = TempDir::new().unwrap();
    write(
        dir.path(),
        "style.yaml",
        "\
rules:
  - id: test/percent
    type: house-style
    severity: warning
    summary: One word
    description: |
      Each rule has these fields:
      id: the rule's id
    prefer: percent
    avoid: [per cent]

  - id: test/kyiv
    type: house-style
    severity: warning
    summary: The capital
    prefer: Kyiv
    avoid: [Kyiv]
",
    );
    let out = claimlint(&["rules", "--rules", "style.yaml"], dir.path());
    assert_rule_error(
        &out,
        "style.yaml",
        17,
        13,
        "`Kyiv` is both preferred and avoided",
    );
}

// ---------------------------------------------------------------------------
// Several errors, missing rule files

#[test]
fn every_bad_file_in_a_folder_is_reported() {
    let dir = TempDir::new().unwrap();
    write(
        dir.path(),
        "pack/a.yaml",
        "\
rules:
  - id: test/a
    type: house-style
    severty: warning
    summary: A
    prefer: percent
    avoid: [per cent]
",
    );
    write(
        dir.path(),
        "pack/b.yaml",
        "\
rules:
  - id: test/b
    type: figure-agreement
    severity: warning
    summary: B
    kinds: [measure]
    units: [kilometer]
",
    );
    let out = claimlint(&["rules", "--rules", "pack"], dir.path());
    assert_rule_error(&out, &shown("pack", "a.yaml"), 4, 5, "severty");
    let err = stderr(&out);
    assert!(
        err.contains(&format!("{}:7:13: ", shown("pack", "b.yaml"))),
        "the second file's error is reported too:\n{err}"
    );
}

#[test]
fn a_folder_without_rule_files_is_an_error() {
    let dir = TempDir::new().unwrap();
    write(dir.path(), "empty/notes.txt", "not a rule file\n");
    let out = claimlint(&["rules", "--rules", "empty"], dir.path());
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    let head = headline(&stderr(&out)).unwrap();
    assert!(
        head.starts_with("empty: no rule files"),
        "got headline: {head}"
    );
}

// ---------------------------------------------------------------------------
// Hostile rule files

#[test]
fn alias_bomb_is_refused() {
    let dir = TempDir::new().unwrap();
    // Nine levels of ten aliases each: a naive expansion is 10^9 scalars.
    let mut yaml = format!("a0: &a0 [{}]\n", ["lol"; 10].join(", "));
    for level in 1..9 {
        let refs = vec![format!("*a{}", level - 1); 10].join(", ");
        yaml.push_str(&format!("a{level}: &a{level} [{refs}]\n"));
    }
    yaml.push_str("rules: *a8\n");
    write(dir.path(), "bomb.yaml", &yaml);
    let out = claimlint(&["rules", "--rules", "bomb.yaml"], dir.path());
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(out.stdout.is_empty(), "{}", stdout(&out));
    let head = headline(&err).unwrap_or_else(|| panic!("no diagnostic:\n{err}"));
    assert!(head.starts_with("bomb.yaml:1:1: "), "got headline: {head}");
    // Refused either for the unknown top-level key before any alias is
    // followed, or by the YAML parser's limit on alias expansion.
    assert!(
        head.contains("unknown field `a0`") || head.contains("repetition limit"),
        "got headline: {head}"
    );
}

#[test]
fn oversized_rule_file_is_refused() {
    let dir = TempDir::new().unwrap();
    let comment = format!("# {}\n", "x".repeat(97));
    let yaml = format!("rules: []\n{}", comment.repeat(50_000));
    assert!(yaml.len() > 4 * 1024 * 1024);
    write(dir.path(), "big.yaml", &yaml);
    let out = claimlint(&["rules", "--rules", "big.yaml"], dir.path());
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(out.stdout.is_empty(), "{}", stdout(&out));
    let head = headline(&err).unwrap_or_else(|| panic!("no diagnostic:\n{err}"));
    assert!(
        head.starts_with(&format!("big.yaml: the file is {} bytes", yaml.len())),
        "got headline: {head}"
    );
    assert!(
        head.contains("over the limit of 4194304"),
        "names the limit: {head}"
    );
}

#[test]
fn pathological_regex_is_accepted_and_runs() {
    let dir = TempDir::new().unwrap();
    write(
        dir.path(),
        "redos.yaml",
        "\
rules:
  - id: test/redos
    type: figure-agreement
    severity: warning
    summary: Member counts near a run of a's disagree
    kinds: [count]
    topic:
      patterns: ['(a+)+$']
",
    );
    let out = claimlint(&["rules", "--rules", "redos.yaml"], dir.path());
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(listed_ids(&out), ["test/redos"]);

    // A backtracking engine would take exponential time on these runs.
    let run = "a".repeat(30_000);
    write(
        dir.path(),
        "aaa.md",
        &format!(
            "The committee counted 12 members {run}\n\nThe committee counted 14 members {run}\n"
        ),
    );
    let (findings, doc) = json_findings(dir.path(), "aaa.md", "redos.yaml");
    assert_eq!(findings.len(), 1, "{doc:#}");
    assert_eq!(findings[0]["rule"], "test/redos");
}

// ---------------------------------------------------------------------------
// A valid custom rule file

const STYLE_RULES: &str = "\
# House style for a test newsroom.
rules:
  - id: style/percent
    type: house-style
    severity: warning
    summary: Write \"percent\", not \"per cent\"
    description: |
      The stylebook spells the word as one word, in copy and in headlines.
    example: |
      Prices rose 3 per cent in May.
    help: write percent as one word
    prefer: percent
    avoid: [per cent]

  - id: style/zyzzyva
    type: house-style
    severity: info
    summary: A word no article uses
    prefer: zyzzyva
    avoid: [qwxqwx]
";

#[test]
fn rules_lists_exactly_the_custom_ids() {
    let dir = TempDir::new().unwrap();
    write(dir.path(), "style.yaml", STYLE_RULES);
    let out = claimlint(&["rules", "--rules", "style.yaml"], dir.path());
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(listed_ids(&out), ["style/percent", "style/zyzzyva"]);
    let text = stdout(&out);
    let percent = text.lines().next().unwrap();
    assert!(percent.contains("warning"), "{text}");
    assert!(percent.contains("house-style"), "{text}");
    assert!(
        percent.contains("Write \"percent\", not \"per cent\""),
        "{text}"
    );
}

#[test]
fn explain_prints_description_and_example() {
    let dir = TempDir::new().unwrap();
    write(dir.path(), "style.yaml", STYLE_RULES);
    let out = claimlint(
        &["explain", "style/percent", "--rules", "style.yaml"],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.starts_with("style/percent"), "{text}");
    assert!(
        text.contains("The stylebook spells the word as one word, in copy and in headlines."),
        "{text}"
    );
    assert!(text.contains("Example:"), "{text}");
    assert!(text.contains("Prices rose 3 per cent in May."), "{text}");
    assert!(text.contains("write percent as one word"), "{text}");
}

#[test]
fn explain_unknown_rule_is_an_error() {
    let dir = TempDir::new().unwrap();
    write(dir.path(), "style.yaml", STYLE_RULES);
    let out = claimlint(
        &["explain", "no/such-rule", "--rules", "style.yaml"],
        dir.path(),
    );
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(out.stdout.is_empty(), "{}", stdout(&out));
    assert!(err.contains("no rule `no/such-rule` is loaded"), "{err}");
    assert!(
        err.contains("style/percent") && err.contains("style/zyzzyva"),
        "the loaded rules are listed: {err}"
    );

    // The same with the default pack.
    let out = claimlint(&["explain", "no/such-rule"], dir.path());
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(err.contains("no rule `no/such-rule` is loaded"), "{err}");
    assert!(err.contains("ukraine/war-age"), "{err}");
}

#[test]
fn check_with_custom_rules_flags_the_avoided_form() {
    let dir = TempDir::new().unwrap();
    write(dir.path(), "style.yaml", STYLE_RULES);
    write(
        dir.path(),
        "prices.md",
        "Prices rose 3 per cent in May, the statistics office said.\n",
    );
    let (findings, doc) = json_findings(dir.path(), "prices.md", "style.yaml");
    assert_eq!(findings.len(), 1, "{doc:#}");
    let finding = &findings[0];
    assert_eq!(finding["rule"], "style/percent");
    assert_eq!(finding["severity"], "warning");
    let location = &finding["locations"][0];
    assert_eq!(location["file"], "prices.md");
    assert_eq!(location["text"], "per cent");
    assert_eq!(location["line"], 1);
    assert_eq!(location["column"], 15);

    // The human report names the rule and the place too.
    let out = claimlint(&["check", "prices.md", "--rules", "style.yaml"], dir.path());
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.contains("style/percent"), "{text}");
    assert!(text.contains("prices.md:1:15"), "{text}");
}

/// "the 12.4-kilometre tunnel" takes up "a 14.2-kilometre rail tunnel":
/// subjects of one head noun, which `by-subject` alone keeps apart.
#[test]
fn a_custom_head_noun_rule_reports_a_measure_taken_up_again() {
    let dir = TempDir::new().unwrap();
    write(
        dir.path(),
        "tunnels.yaml",
        "\
rules:
  - id: local/lengths
    type: figure-agreement
    severity: error
    summary: A length is restated
    kinds: [measure]
    by-subject: true
    head-noun: true
",
    );
    write(
        dir.path(),
        "tunnel.md",
        "---\nsource: Rail Weekly\ndate: 2026-03-05\n---\n\
         Crews finished a 14.2-kilometre rail tunnel on Thursday.\n\n\
         Trains will run through the 12.4-kilometre tunnel.\n",
    );
    let (findings, doc) = json_findings(dir.path(), "tunnel.md", "tunnels.yaml");
    assert_eq!(findings.len(), 1, "{doc:#}");
    assert_eq!(findings[0]["rule"], "local/lengths");
    let texts: Vec<&str> = findings[0]["locations"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|l| l["text"].as_str())
        .collect();
    assert_eq!(texts, ["14.2-kilometre", "12.4-kilometre"], "{doc:#}");
}

#[test]
fn a_rule_that_matches_nothing_is_fine() {
    let dir = TempDir::new().unwrap();
    write(
        dir.path(),
        "quiet.yaml",
        "\
rules:
  - id: style/zyzzyva
    type: house-style
    severity: error
    summary: A word no article uses
    prefer: zyzzyva
    avoid: [qwxqwx]
",
    );
    write(
        dir.path(),
        "prices.md",
        "Prices rose 3 per cent in May, the statistics office said.\n",
    );
    let out = claimlint(
        &[
            "check",
            "prices.md",
            "--rules",
            "quiet.yaml",
            "--format",
            "json",
        ],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(out.stderr.is_empty(), "{}", stderr(&out));
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(doc["findings"].as_array().unwrap().len(), 0, "{doc:#}");
}

// ---------------------------------------------------------------------------
// The default pack

#[test]
fn default_pack_is_listed() {
    let dir = TempDir::new().unwrap();
    let out = claimlint(&["rules"], dir.path());
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let ids = listed_ids(&out);
    for id in [
        "ukraine/coalition-size",
        "names/spelling",
        "ukraine/war-age",
    ] {
        assert!(ids.iter().any(|i| i == id), "{id} missing from {ids:?}");
    }
}

#[test]
fn default_pack_explains_war_age() {
    let dir = TempDir::new().unwrap();
    let out = claimlint(&["explain", "ukraine/war-age"], dir.path());
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.starts_with("ukraine/war-age"), "{text}");
    assert!(text.contains("2022-02-24"), "{text}");
    assert!(text.contains("Example:"), "{text}");
}
