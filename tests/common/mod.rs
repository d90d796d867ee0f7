//! What the end-to-end tests share: running the `claimlint` binary.
//! Each test crate uses part of it, hence the `dead_code` allowances.

use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};

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
