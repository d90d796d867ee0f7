//! The command line: `claimlint claims PATH...`.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};
use rayon::prelude::*;

use crate::document::{Document, Meta, SourcesCache};
use crate::error::{parse_date, InputError};
use crate::extract::{extract, Claim};
use crate::report;
use crate::walk;

#[derive(Parser)]
#[command(
    name = "claimlint",
    version,
    about = "Claim extraction and cross-checking for news writing"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// List the claims (figures, dates, durations, quotations) of articles.
    Claims(ClaimsArgs),
}

#[derive(clap::Args)]
struct ClaimsArgs {
    /// Articles or folders of articles (.md, .markdown, .txt).
    #[arg(required = true)]
    paths: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = ClaimsFormat::Table)]
    format: ClaimsFormat,
    /// The outlet, for every file (overrides front matter and sources.yaml).
    #[arg(long)]
    source: Option<String>,
    /// The publication date, YYYY-MM-DD, for every file (overrides front matter and sources.yaml).
    #[arg(long, value_parser = date_arg)]
    date: Option<jiff::civil::Date>,
}

#[derive(Clone, Copy, ValueEnum)]
enum ClaimsFormat {
    /// A readable table.
    Table,
    /// The JSON document described in docs/claims-json.md.
    Json,
}

fn date_arg(value: &str) -> Result<jiff::civil::Date, String> {
    parse_date(value).ok_or_else(|| format!("{value:?} is not a date in YYYY-MM-DD form"))
}

/// Exit codes: 0 when all went well, 2 when some input could not be read.
pub fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Claims(args) => claims(args),
    }
}

fn claims(args: ClaimsArgs) -> ExitCode {
    let overrides = Meta {
        source: args.source,
        date: args.date,
    };
    let (files, mut errors) = walk::articles(&args.paths);
    let sources = SourcesCache::default();
    let loaded: Vec<Result<(Document, Vec<Claim>), InputError>> = files
        .par_iter()
        .map(|path| {
            let doc = Document::load(path, &sources, &overrides)?;
            let claims = extract(&doc);
            Ok((doc, claims))
        })
        .collect();
    let mut results = Vec::new();
    for item in loaded {
        match item {
            Ok(pair) => results.push(pair),
            Err(err) => errors.push(err),
        }
    }
    let views: Vec<(&Document, &[Claim])> =
        results.iter().map(|(d, c)| (d, c.as_slice())).collect();
    let out = match args.format {
        ClaimsFormat::Table => report::claims::table(&views),
        ClaimsFormat::Json => report::claims::json(&views),
    };
    let mut stdout = std::io::stdout().lock();
    if stdout
        .write_all(out.as_bytes())
        .and_then(|()| stdout.flush())
        .is_err()
    {
        return ExitCode::from(2);
    }
    let failed = !errors.is_empty();
    for err in errors {
        eprintln!("{:?}", miette::Report::new(err));
    }
    if !failed {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(2)
    }
}
