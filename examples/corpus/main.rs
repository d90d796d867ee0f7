//! Writes a deterministic corpus of news articles with planted
//! disagreements, and checks claimlint's findings against what was planted.
//!
//! ```sh
//! cargo run --release --example corpus -- --articles 10000 --out /tmp/corpus --seed 1
//! claimlint check /tmp/corpus --format json > /tmp/findings.json
//! cargo run --release --example corpus -- verify --out /tmp/corpus --findings /tmp/findings.json
//! ```
//!
//! Articles go to `OUT/NNN/NNNNNN.md` (a thousand to a folder), and the
//! record of planted disagreements to `OUT/planted.jsonl`, one JSON object
//! a line: `{"rule": …, "files": […], "text": …}`. The same seed and count
//! give a byte-identical corpus.

mod generate;
mod verify;
mod words;

use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use clap::{Parser, Subcommand};

use generate::{Corpus, Planted};

/// The record of planted disagreements, beside the articles.
const RECORD: &str = "planted.jsonl";

#[derive(Parser)]
#[command(args_conflicts_with_subcommands = true)]
struct Args {
    #[command(subcommand)]
    command: Option<Command>,
    /// How many articles to write.
    #[arg(long, default_value_t = 1000)]
    articles: usize,
    /// The corpus folder.
    #[arg(long, global = true, default_value = "corpus")]
    out: PathBuf,
    /// Same seed, same corpus.
    #[arg(long, default_value_t = 1)]
    seed: u64,
}

#[derive(Subcommand)]
enum Command {
    /// Compare `claimlint check OUT --format json` output with the record.
    Verify {
        /// The JSON findings.
        #[arg(long)]
        findings: PathBuf,
    },
}

fn main() -> ExitCode {
    let args = Args::parse();
    let result = match &args.command {
        None => generate(&args),
        Some(Command::Verify { findings }) => verify(&args.out, findings),
    };
    match result {
        Ok(code) => code,
        Err(err) => {
            eprintln!("error: {err}");
            ExitCode::from(2)
        }
    }
}

fn generate(args: &Args) -> std::io::Result<ExitCode> {
    let started = Instant::now();
    std::fs::create_dir_all(&args.out)?;
    let mut record = BufWriter::new(std::fs::File::create(args.out.join(RECORD))?);
    let (mut bytes, mut planted) = (0, 0);
    for story in Corpus::new(args.seed, args.articles) {
        for article in &story.articles {
            let path = args.out.join(&article.path);
            if let Some(dir) = path.parent() {
                std::fs::create_dir_all(dir)?;
            }
            std::fs::write(&path, &article.text)?;
            bytes += article.text.len();
        }
        for p in &story.planted {
            serde_json::to_writer(&mut record, p)?;
            record.write_all(b"\n")?;
        }
        planted += story.planted.len();
    }
    record.flush()?;
    eprintln!(
        "{} articles, {:.1} MB, {planted} planted disagreements in {}, {:.2} s",
        args.articles,
        bytes as f64 / 1e6,
        args.out.join(RECORD).display(),
        started.elapsed().as_secs_f64()
    );
    Ok(ExitCode::SUCCESS)
}

fn verify(out: &Path, findings: &Path) -> std::io::Result<ExitCode> {
    let planted: Vec<Planted> = std::fs::read_to_string(out.join(RECORD))?
        .lines()
        .map(serde_json::from_str)
        .collect::<Result<_, _>>()?;
    let json = std::fs::read_to_string(findings)?;
    let report = verify::compare(&planted, verify::findings(&json, out)?);
    print!("{report}");
    let clean = report.missed.is_empty() && report.unexpected.is_empty();
    Ok(if clean {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}
