//! Hostile input: files too big, too long, too odd or gone. Each case checks
//! the exact outcome: the exit code, an error naming the file, and that the
//! other files of the run were still checked. Large inputs are made in a
//! temporary folder at test time (a sparse file for the oversized one).

mod common;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Output;

use claimlint::check::{Article, Finding, Location};
use claimlint::document::{Document, Format, Meta, SourcesCache};
use claimlint::error::InputError;
use claimlint::report::findings::Format as OutputFormat;
use claimlint::rules::{RuleSet, Severity};
use claimlint::span::Span;
use serde_json::Value;

/// An article with one finding (`Kiev` against house style), so a run shows
/// whether it was checked.
const GOOD: &str = "Officials in Kiev said 57 countries had joined the coalition.\n";

/// A folder holding `good.md`.
fn folder_with_good_article() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("a temporary folder");
    fs::write(dir.path().join("good.md"), GOOD).expect("good.md is written");
    dir
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// stderr with miette's line wrapping undone: words joined by single spaces.
fn stderr_unwrapped(out: &Output) -> String {
    text(&out.stderr)
        .split_whitespace()
        .filter(|word| *word != "│")
        .collect::<Vec<_>>()
        .join(" ")
}

/// `claimlint check ARGS --format json` in `dir`.
fn check_json(dir: &Path, args: &[&str]) -> Output {
    let mut all = vec!["check", "--format", "json"];
    all.extend_from_slice(args);
    common::run(dir, &all, None)
}

/// The files the JSON findings point into.
fn files_with_findings(out: &Output) -> Vec<String> {
    let json: Value = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|err| panic!("stdout is not JSON ({err}): {}", text(&out.stdout)));
    let mut files: Vec<String> = json["findings"]
        .as_array()
        .expect("a findings array")
        .iter()
        .flat_map(|f| f["locations"].as_array().expect("a locations array"))
        .map(|l| l["file"].as_str().expect("a file name").to_string())
        .collect();
    files.dedup();
    files
}

/// Exit code 2, `message` on stderr, and good.md still checked.
fn assert_refused_and_rest_checked(out: &Output, message: &str) {
    let stderr = stderr_unwrapped(out);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains(message), "{message:?} not in:\n{stderr}");
    let files = files_with_findings(out);
    assert!(
        files.iter().any(|f| f.ends_with("good.md")),
        "good.md was not checked: {files:?}\n{stderr}"
    );
}

// ------------------------------------------------------------ size limit --

#[test]
fn a_100_mb_file_is_refused_unread() {
    let dir = folder_with_good_article();
    // Sparse: 100 MB on paper, nothing on disk. Were it read, its NUL bytes
    // would be reported as binary instead.
    let file = fs::File::create(dir.path().join("huge.txt")).expect("huge.txt is created");
    file.set_len(100 * 1024 * 1024).expect("huge.txt is grown");
    let out = check_json(dir.path(), &["."]);
    assert_refused_and_rest_checked(
        &out,
        "./huge.txt: the file is 104857600 bytes (100.0 MiB), over the limit of 16777216 bytes (16.0 MiB); it was not read",
    );
    assert!(stderr_unwrapped(&out).contains("raise the limit with --max-file-size"));
}

#[test]
fn max_file_size_sets_the_limit() {
    let dir = folder_with_good_article();
    fs::write(dir.path().join("long.md"), GOOD.repeat(40)).expect("long.md is written");
    let out = check_json(dir.path(), &["--max-file-size", "1KB", "."]);
    assert_refused_and_rest_checked(
        &out,
        "./long.md: the file is 2480 bytes (2.4 KiB), over the limit of 1000 bytes; it was not read",
    );
    let out = check_json(dir.path(), &["--max-file-size", "1MiB", "."]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stderr));
    assert_eq!(files_with_findings(&out), ["./good.md", "./long.md"]);

    let out = check_json(dir.path(), &["--max-file-size", "1.5MB", "."]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("\"1.5MB\" is not a size"));
}

/// A file of `size` bytes that takes no disk space.
fn sparse_file(path: &Path, size: u64) {
    fs::File::create(path)
        .and_then(|file| file.set_len(size))
        .expect("a sparse file is made");
}

#[test]
fn an_oversized_baseline_is_refused_unread() {
    let dir = folder_with_good_article();
    sparse_file(&dir.path().join("baseline.json"), 300 * 1024 * 1024);
    let out = check_json(dir.path(), &[".", "--baseline", "baseline.json"]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = stderr_unwrapped(&out);
    assert!(
        stderr.contains("baseline.json: the file is 314572800 bytes, over the limit of 268435456"),
        "{stderr}"
    );
}

#[test]
fn an_oversized_sources_list_is_refused_unread() {
    let dir = folder_with_good_article();
    sparse_file(&dir.path().join("sources.yaml"), 200 * 1024 * 1024);
    let out = check_json(dir.path(), &["."]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = stderr_unwrapped(&out);
    assert!(
        stderr.contains("sources.yaml:1: the file is 209715200 bytes, over the limit of 134217728"),
        "{stderr}"
    );
}

#[test]
fn standard_input_over_the_limit_is_refused() {
    let dir = folder_with_good_article();
    let out = common::run(
        dir.path(),
        &["check", "--max-file-size", "100", "-", "good.md"],
        Some(&GOOD.repeat(3)),
    );
    let stderr = stderr_unwrapped(&out);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains("<stdin>: the file is over the limit of 100 bytes; it was not read"),
        "{stderr}"
    );
    assert!(text(&out.stdout).contains("good.md"));
}

// ------------------------------------------------------------ long input --

/// A one-line document of `len` filler bytes with `Kiev` every `every` bytes.
fn one_line(len: usize, every: usize) -> (String, Vec<Span>) {
    let filler = "the quick brown fox jumps over the lazy dog ";
    let mut raw = String::with_capacity(len + every);
    let mut spans = Vec::new();
    while raw.len() < len {
        while raw.len() % every + filler.len() < every {
            raw.push_str(filler);
        }
        spans.push(Span::new(raw.len(), raw.len() + 4));
        raw.push_str("Kiev ");
    }
    (raw, spans)
}

/// A 10 MB single line with a thousand findings on it, rendered in every
/// format: each position is found without scanning the line from its start
/// (which took minutes), and human output shows a window, not the line.
#[test]
fn a_10_mb_single_line_renders_in_every_format() {
    let (raw, spans) = one_line(10 * 1024 * 1024, 10_000);
    let doc = Document::parse("line.txt".into(), raw, Format::Text, Meta::default())
        .expect("plain text parses");
    let findings: Vec<Finding> = spans
        .iter()
        .map(|&span| Finding {
            rule: "ukraine/style-kyiv".into(),
            severity: Severity::Warning,
            message: "`Kiev`: house style is `Kyiv`".into(),
            help: "write `Kyiv`".into(),
            locations: vec![Location {
                article: 0,
                span,
                label: "write `Kyiv`".into(),
            }],
        })
        .collect();
    let last = spans.last().expect("spans").start();
    let articles = [Article {
        doc,
        claims: Vec::new(),
    }];
    let rules = RuleSet::default_pack().expect("the default pack loads");
    let render = |format| common::render(format, &findings, &articles, &rules);

    let short = render(OutputFormat::Short);
    assert_eq!(short.lines().count(), findings.len());
    let end = format!("line.txt:1:{}: warning[ukraine/style-kyiv]", last + 1);
    assert!(short.lines().last().is_some_and(|l| l.starts_with(&end)));
    assert_eq!(render(OutputFormat::Github).lines().count(), findings.len());
    let json: Value = serde_json::from_str(&render(OutputFormat::Json)).expect("JSON");
    assert_eq!(
        json["findings"][findings.len() - 1]["locations"][0]["column"],
        last + 1
    );
    let sarif: Value = serde_json::from_str(&render(OutputFormat::Sarif)).expect("SARIF is JSON");
    assert_eq!(
        sarif["runs"][0]["results"].as_array().map(Vec::len),
        Some(findings.len())
    );
    let human = render(OutputFormat::Human);
    assert!(human.contains(&format!("[line.txt:1:{}]", last + 1)));
    assert!(
        human.len() < 1_000 * findings.len(),
        "{} bytes",
        human.len()
    );
}

/// The binary on a one-line 1 MB article: a finding at the end of the line
/// is reported at its column (miette used to panic past column 65,535).
#[test]
fn a_long_single_line_is_checked_end_to_end() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let (raw, spans) = one_line(1024 * 1024, 256 * 1024);
    fs::write(dir.path().join("line.txt"), raw).expect("line.txt is written");
    let out = common::run(dir.path(), &["check", "line.txt"], None);
    let stdout = text(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stderr));
    for span in &spans {
        assert!(stdout.contains(&format!("[line.txt:1:{}]", span.start() + 1)));
    }
    assert!(stdout.len() < 20_000, "{} bytes of output", stdout.len());
}

#[test]
fn a_million_quotation_marks_and_huge_numbers_are_read() {
    let dir = folder_with_good_article();
    fs::write(dir.path().join("straight.txt"), "\"".repeat(1_000_000)).expect("written");
    fs::write(dir.path().join("curly.txt"), "“”".repeat(500_000)).expect("written");
    let digits = format!(
        "It cost ${}. Later 57 countries joined, and {}.5% agreed.\n",
        "9".repeat(100_000),
        "1".repeat(100_000)
    );
    fs::write(dir.path().join("digits.txt"), digits).expect("written");
    let out = common::run(dir.path(), &["claims", "--format", "json", "."], None);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let json: Value = serde_json::from_slice(&out.stdout).expect("claims JSON");
    let claims: Vec<(&str, &str)> = json["claims"]
        .as_array()
        .expect("a claims array")
        .iter()
        .map(|c| {
            (
                c["file"].as_str().expect("a file"),
                c["text"].as_str().expect("a text"),
            )
        })
        .collect();
    // 100,000-digit figures are not claims; the sentence between them is.
    assert_eq!(
        claims,
        [
            ("./digits.txt", "57 countries"),
            ("./good.md", "57 countries")
        ]
    );
}

// ------------------------------------------------------------- encodings --

#[test]
fn nul_bytes_are_refused_with_their_line() {
    let dir = folder_with_good_article();
    fs::write(dir.path().join("nul.txt"), b"One.\nTwo.\nThree \0 four.\n").expect("written");
    assert_refused_and_rest_checked(
        &check_json(dir.path(), &["."]),
        "./nul.txt:3: the file holds a NUL byte; it looks binary, not an article",
    );
}

#[test]
fn utf16_is_named_as_such() {
    let dir = folder_with_good_article();
    let utf16: Vec<u8> = "\u{feff}Officials in Kiev said so.\n"
        .encode_utf16()
        .flat_map(u16::to_le_bytes)
        .collect();
    fs::write(dir.path().join("utf16.txt"), utf16).expect("written");
    let out = check_json(dir.path(), &["."]);
    assert_refused_and_rest_checked(
        &out,
        "./utf16.txt: the file is UTF-16 (it opens with a UTF-16 byte order mark), not UTF-8",
    );
    assert!(stderr_unwrapped(&out).contains("save the article as UTF-8"));
}

#[test]
fn invalid_utf8_is_refused_with_its_line() {
    let dir = folder_with_good_article();
    fs::write(
        dir.path().join("bad.md"),
        b"Fine.\nBad \xff\xfe here.\nMore.\n",
    )
    .expect("written");
    assert_refused_and_rest_checked(
        &check_json(dir.path(), &["."]),
        "./bad.md:2: the file is not valid UTF-8",
    );
}

// ------------------------------------------------------------------ YAML --

/// Ten levels of nine-fold aliases: a billion strings if expanded.
fn alias_bomb() -> String {
    let mut yaml = String::from("a0: &a0 [x, x, x, x, x, x, x, x, x]\n");
    for level in 1..10 {
        let refs = vec![format!("*a{}", level - 1); 9].join(", ");
        yaml.push_str(&format!("a{level}: &a{level} [{refs}]\n"));
    }
    yaml
}

#[test]
fn an_alias_bomb_in_a_rule_file_is_refused() {
    let dir = folder_with_good_article();
    fs::write(dir.path().join("bomb.yaml"), alias_bomb() + "rules: []\n").expect("written");
    let out = common::run(
        dir.path(),
        &["check", "--rules", "bomb.yaml", "good.md"],
        None,
    );
    let stderr = text(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains("bomb.yaml:1:1: repetition limit exceeded"),
        "{stderr}"
    );
}

#[test]
fn an_alias_bomb_in_front_matter_is_refused() {
    let dir = folder_with_good_article();
    let article = format!("---\n{}source: *a9\n---\n{GOOD}", alias_bomb());
    fs::write(dir.path().join("bomb.md"), article).expect("written");
    assert_refused_and_rest_checked(
        &check_json(dir.path(), &["."]),
        "./bomb.md:2: front matter: repetition limit exceeded",
    );
}

#[test]
fn front_matter_that_never_closes_is_refused() {
    let dir = folder_with_good_article();
    let article = format!("---\nsource: Wire\ndate: 2024-06-12\n{GOOD}");
    fs::write(dir.path().join("open.md"), article).expect("written");
    assert_refused_and_rest_checked(
        &check_json(dir.path(), &["."]),
        "./open.md:1: front matter: the `---` opened on line 1 is never closed",
    );
}

// ------------------------------------------------------------ file system --

#[cfg(unix)]
#[test]
fn symbolic_link_loops_are_reported_not_followed() {
    use std::os::unix::fs::symlink;
    let dir = folder_with_good_article();
    symlink(".", dir.path().join("loop")).expect("a link to its own folder");
    symlink("self.md", dir.path().join("self.md")).expect("a link to itself");
    symlink("good.md", dir.path().join("alias.md")).expect("a link to good.md");
    let out = check_json(dir.path(), &["."]);
    assert_refused_and_rest_checked(
        &out,
        "./self.md: cannot be read: Too many levels of symbolic links",
    );
    // The link to an article is read; the folder loop is not walked into.
    assert_eq!(files_with_findings(&out), ["./alias.md", "./good.md"]);
}

#[cfg(unix)]
#[test]
fn an_unreadable_file_is_reported() {
    use std::os::unix::fs::PermissionsExt;
    let dir = folder_with_good_article();
    let locked = dir.path().join("locked.md");
    fs::write(&locked, GOOD).expect("written");
    fs::set_permissions(&locked, fs::Permissions::from_mode(0o000)).expect("chmod 000");
    let out = check_json(dir.path(), &["."]);
    if fs::read(&locked).is_ok() {
        // Privileged (root in a container): mode 000 does not stop reads,
        // so the file is an ordinary article.
        assert_eq!(out.status.code(), Some(1), "{}", text(&out.stderr));
        assert_eq!(files_with_findings(&out), ["./good.md", "./locked.md"]);
    } else {
        assert_refused_and_rest_checked(&out, "./locked.md: cannot be read: Permission denied");
    }
}

/// Opening a named pipe waits for a writer; it is refused before that.
#[cfg(unix)]
#[test]
fn a_named_pipe_is_refused_without_waiting() {
    let dir = folder_with_good_article();
    let made = std::process::Command::new("mkfifo")
        .arg(dir.path().join("pipe.md"))
        .status()
        .expect("mkfifo runs");
    assert!(made.success(), "mkfifo made the pipe");
    let message = "./pipe.md: not a regular file (a pipe, device or socket); it was not read";
    assert_refused_and_rest_checked(&check_json(dir.path(), &["."]), message);
    assert_refused_and_rest_checked(
        &check_json(dir.path(), &["./pipe.md", "./good.md"]),
        message,
    );
}

#[cfg(unix)]
#[test]
fn a_dangling_link_is_reported_missing() {
    let dir = folder_with_good_article();
    std::os::unix::fs::symlink("deleted.md", dir.path().join("gone.md")).expect("a link");
    assert_refused_and_rest_checked(
        &check_json(dir.path(), &["."]),
        "./gone.md: no such file or folder",
    );
}

/// A file listed by the walk and deleted before it is read.
#[test]
fn a_file_gone_between_listing_and_reading_is_reported() {
    let dir = folder_with_good_article();
    fs::write(dir.path().join("gone.md"), GOOD).expect("written");
    let (files, errors) = claimlint::walk::articles(&[dir.path().to_path_buf()]);
    assert!(errors.is_empty());
    let gone: PathBuf = dir.path().join("gone.md");
    assert!(files.contains(&gone));
    fs::remove_file(&gone).expect("gone.md is deleted");
    let sources = SourcesCache::default();
    let loaded: Vec<_> = files
        .iter()
        .map(|path| Document::load(path, &sources, &Meta::default()))
        .collect();
    match &loaded[..] {
        [Err(err @ InputError::Missing { path }), Ok(good)] => {
            assert_eq!(path, &gone);
            assert!(err.to_string().ends_with("gone.md: no such file or folder"));
            assert!(good.path.ends_with("good.md"));
        }
        other => panic!(
            "expected gone.md missing and good.md read: {:?}",
            other.len()
        ),
    }
}

#[test]
fn ten_thousand_small_files_are_all_read() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    for i in 0..10_000 {
        let name = format!("a{i:05}.txt");
        fs::write(
            dir.path().join(name),
            format!("Report {i}: 57 countries joined.\n"),
        )
        .expect("written");
    }
    let out = common::run(dir.path(), &["claims", "--format", "json", "."], None);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let json: Value = serde_json::from_slice(&out.stdout).expect("claims JSON");
    let mut files: Vec<&str> = json["claims"]
        .as_array()
        .expect("a claims array")
        .iter()
        .filter(|c| c["text"] == "57 countries")
        .map(|c| c["file"].as_str().expect("a file"))
        .collect();
    files.dedup();
    assert_eq!(files.len(), 10_000);
    assert_eq!(files.first(), Some(&"./a00000.txt"));
    assert_eq!(files.last(), Some(&"./a09999.txt"));
}
