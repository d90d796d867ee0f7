//! What the end-to-end tests share: running the `claimlint` binary, and
//! the official SARIF 2.1.0 schema (tests/sarif-schema-2.1.0.json, see
//! tests/formats.rs) compiled for validation.
//! Each test crate uses part of it, hence the `dead_code` allowances.

use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};

use serde_json::Value;

/// The repository root, where `seeds/` and `tests/` are.
#[allow(dead_code)]
pub fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// Runs the binary in `dir` with `args`, without colour, feeding `stdin`
/// when given.
#[allow(dead_code)]
pub fn run(dir: &Path, args: &[&str], stdin: Option<&str>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_claimlint"))
        .args(args)
        .env("NO_COLOR", "1")
        .current_dir(dir)
        .stdin(if stdin.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the claimlint binary runs");
    if let Some(text) = stdin {
        if let Some(mut pipe) = child.stdin.take() {
            pipe.write_all(text.as_bytes())
                .expect("the binary reads its standard input");
        }
    }
    child
        .wait_with_output()
        .expect("the binary's output is collected")
}

/// Runs the binary in `dir` with `args` and no input.
#[allow(dead_code)]
pub fn claimlint(args: &[&str], dir: &Path) -> Output {
    run(dir, args, None)
}

#[allow(dead_code)]
fn sarif_schema() -> Value {
    let text = std::fs::read_to_string(root().join("tests/sarif-schema-2.1.0.json"))
        .expect("the SARIF schema is in tests/");
    let schema: Value = serde_json::from_str(&text).expect("the SARIF schema is JSON");
    assert_eq!(
        schema["title"],
        "Static Analysis Results Format (SARIF) Version 2.1.0 JSON Schema"
    );
    assert!(schema["$id"]
        .as_str()
        .is_some_and(|id| id.ends_with("/sarif-schema-2.1.0.json")));
    schema
}

/// The official schema, compiled with format assertions on.
#[allow(dead_code)]
pub struct SarifValidator {
    schemas: boon::Schemas,
    index: boon::SchemaIndex,
}

#[allow(dead_code)]
pub fn sarif_validator() -> SarifValidator {
    const URL: &str = "file:///claimlint/tests/sarif-schema-2.1.0.json";
    let mut schemas = boon::Schemas::new();
    let mut compiler = boon::Compiler::new();
    compiler.enable_format_assertions();
    compiler
        .add_resource(URL, sarif_schema())
        .expect("the schema is added once");
    let index = compiler
        .compile(URL, &mut schemas)
        .unwrap_or_else(|err| panic!("the SARIF schema does not compile: {err:#}"));
    SarifValidator { schemas, index }
}

/// The schema's complaints about `log` (empty when valid).
#[allow(dead_code)]
pub fn schema_errors(validator: &SarifValidator, log: &Value) -> String {
    match validator.schemas.validate(log, validator.index) {
        Ok(()) => String::new(),
        Err(err) => format!("{err:#}"),
    }
}

/// A property test's configuration: `default` cases, unless
/// `PROPTEST_CASES` asks for more (a longer search than the suite's).
#[allow(dead_code)]
pub fn fuzz_cases(default: u32) -> proptest::test_runner::Config {
    let mut config = proptest::test_runner::Config::default();
    if std::env::var_os("PROPTEST_CASES").is_none() {
        config.cases = default;
    }
    config
}

/// The report in `format` as text, the way `claimlint check` writes it.
#[allow(dead_code)]
pub fn render(
    format: claimlint::report::findings::Format,
    findings: &[claimlint::check::Finding],
    articles: &[claimlint::check::Article],
    rules: &claimlint::rules::RuleSet,
) -> String {
    let mut out = Vec::new();
    claimlint::report::findings::write(format, findings, articles, rules, false, &mut out)
        .expect("writing to memory does not fail");
    String::from_utf8(out).expect("reports are UTF-8")
}
