//! The command line: `claims` lists what articles claim, `check` cross-checks
//! them against the rules, `rules` and `explain` show the rules.
//!
//! Exit codes: 0 when all went well (and `check` found nothing at or above
//! `--fail-on`), 1 when `check` found something that is, 2 on usage, rule or
//! input errors.

use std::io::{BufWriter, IsTerminal, Write};
use std::mem::ManuallyDrop;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::OnceLock;

use clap::{Parser, Subcommand, ValueEnum};
use indicatif::{ParallelProgressIterator, ProgressBar, ProgressStyle};
use rayon::prelude::*;

use crate::baseline::Baseline;
use crate::check::{self, Article};
use crate::config::{Config, FailOn, STARTER};
use crate::document::{Document, Meta, SourcesCache};
use crate::error::{parse_date, InputError};
use crate::extract::{extract_kept, Claim};
use crate::report;
use crate::report::findings::Format;
use crate::rules::{ClaimsRead, RuleError, RuleSet};
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
    /// The configuration file (default: the first claimlint.yaml or
    /// .claimlint.yaml from the current directory up).
    #[arg(long, global = true, value_name = "FILE")]
    config: Option<PathBuf>,
    /// Threads for reading and checking (default: one per core). Output is
    /// the same whatever the number.
    #[arg(long, global = true, value_name = "N")]
    threads: Option<usize>,
}

#[derive(Subcommand)]
enum Command {
    /// Cross-check the claims of articles against the rules and each other.
    Check(CheckArgs),
    /// List the claims (figures, dates, durations, quotations) of articles.
    Claims(ClaimsArgs),
    /// List the loaded rules: id, severity, type and what each checks.
    Rules(RulesArgs),
    /// Print a rule's full description, with an example.
    Explain(ExplainArgs),
    /// Write a commented starter claimlint.yaml in the current directory.
    Init(InitArgs),
}

#[derive(clap::Args)]
struct InitArgs {
    /// Replace an existing claimlint.yaml.
    #[arg(long)]
    force: bool,
}

/// The articles to read, and what to assume about them.
#[derive(clap::Args)]
struct Inputs {
    /// Articles or folders of articles (.md, .markdown, .txt, .html); `-` reads
    /// one article from standard input.
    #[arg(required = true)]
    paths: Vec<PathBuf>,
    /// The outlet, for every file (overrides front matter and sources.yaml).
    #[arg(long)]
    source: Option<String>,
    /// The publication date, YYYY-MM-DD, for every file (overrides front matter and sources.yaml).
    #[arg(long, value_parser = date_arg)]
    date: Option<jiff::civil::Date>,
    /// Refuse, unread, articles larger than this: bytes, or a whole number
    /// with KB, MB, GB, KiB, MiB or GiB.
    #[arg(long, value_name = "SIZE", default_value = crate::size::DEFAULT_MAX_FILE_SIZE, value_parser = crate::size::parse)]
    max_file_size: u64,
}

#[derive(clap::Args)]
struct RuleFiles {
    /// Rule files or folders of them, instead of the built-in default pack.
    #[arg(long = "rules", value_name = "FILE|DIR")]
    rules: Vec<PathBuf>,
}

#[derive(clap::Args)]
struct CheckArgs {
    #[command(flatten)]
    inputs: Inputs,
    #[command(flatten)]
    rules: RuleFiles,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    format: Format,
    /// Report only findings that are not in this baseline (written with --write-baseline).
    #[arg(long, value_name = "FILE")]
    baseline: Option<PathBuf>,
    /// Record today's findings in FILE, so later runs with --baseline report only new ones.
    #[arg(long, value_name = "FILE", conflicts_with = "baseline")]
    write_baseline: Option<PathBuf>,
    /// Exit with 1 when a finding of this severity or above is reported
    /// (default: the configuration's `fail-on`, else warning).
    #[arg(long, value_enum)]
    fail_on: Option<FailOn>,
}

#[derive(clap::Args)]
struct ClaimsArgs {
    #[command(flatten)]
    inputs: Inputs,
    /// Output format.
    #[arg(long, value_enum, default_value_t = ClaimsFormat::Table)]
    format: ClaimsFormat,
}

#[derive(clap::Args)]
struct RulesArgs {
    #[command(flatten)]
    rules: RuleFiles,
}

#[derive(clap::Args)]
struct ExplainArgs {
    /// The rule id, as `claimlint rules` lists it.
    rule: String,
    #[command(flatten)]
    rules: RuleFiles,
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

const USAGE_ERROR: u8 = 2;

pub fn main() -> ExitCode {
    let cli = Cli::parse();
    if let Some(threads) = cli.threads {
        // Fails only if a pool exists already, and none does this early.
        let _ = rayon::ThreadPoolBuilder::new()
            .num_threads(threads.max(1))
            .build_global();
    }
    if let Command::Init(args) = &cli.command {
        return init(args);
    }
    let here = std::env::current_dir().unwrap_or_else(|_| PathBuf::from("."));
    let config = match Config::find(cli.config.as_deref(), &here) {
        Ok(config) => config,
        Err(err) => {
            eprintln!("{:?}", miette::Report::new(err));
            return ExitCode::from(USAGE_ERROR);
        }
    };
    match cli.command {
        Command::Check(args) => check(args, &config),
        Command::Claims(args) => claims(args, &config),
        Command::Rules(args) => list_rules(args, &config),
        Command::Explain(args) => explain(args, &config),
        Command::Init(_) => ExitCode::SUCCESS,
    }
}

fn check(args: CheckArgs, config: &Config) -> ExitCode {
    // Compiling the rules and reading the articles do not wait on each
    // other. Once the rules are ready, an article keeps only the claims
    // they read: the others would be held to the end for nothing.
    let read_by_rules = OnceLock::new();
    let (rules, (articles, errors)) = rayon::join(
        || {
            let rules = load_rules(&args.rules, config);
            if let Some(rules) = &rules {
                read_by_rules.get_or_init(|| rules.claims_read());
            }
            rules
        },
        || {
            read_articles(&args.inputs, config, &|claim| {
                read_by_rules
                    .get()
                    .is_none_or(|read: &ClaimsRead| read.keeps(claim))
            })
        },
    );
    let articles = held_to_the_end(articles);
    let Some(rules) = rules else {
        return ExitCode::from(USAGE_ERROR);
    };
    let baseline = match args.baseline.as_deref().map(Baseline::load).transpose() {
        Ok(baseline) => baseline,
        Err(err) => {
            eprintln!("{:?}", miette::Report::new(err));
            return ExitCode::from(USAGE_ERROR);
        }
    };
    let mut findings = check::run(&rules, &articles);
    if let Some(path) = &args.write_baseline {
        let recorded = Baseline::of(&findings, &articles);
        if let Err(err) = crate::write::atomically(path, recorded.to_json().as_bytes()) {
            eprintln!("error: {}: cannot be written: {err}", path.display());
            return ExitCode::from(USAGE_ERROR);
        }
        eprintln!("recorded {} findings in {}", findings.len(), path.display());
        let input_failed = report_input_errors(errors);
        return ExitCode::from(if input_failed { USAGE_ERROR } else { 0 });
    }
    if let Some(baseline) = &baseline {
        findings = baseline.new_findings(findings, &articles);
    }
    let color = color_wanted();
    let written = write_stdout(|out| {
        report::findings::write(args.format, &findings, &articles, &rules, color, out)
    });
    if !written {
        return ExitCode::from(USAGE_ERROR);
    }
    if report_input_errors(errors) {
        return ExitCode::from(USAGE_ERROR);
    }
    let failing = args
        .fail_on
        .or(config.fail_on)
        .unwrap_or(FailOn::Warning)
        .threshold()
        .is_some_and(|t| findings.iter().any(|f| f.severity >= t));
    if failing {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

fn claims(args: ClaimsArgs, config: &Config) -> ExitCode {
    let (articles, errors) = read_articles(&args.inputs, config, &|_| true);
    let articles = held_to_the_end(articles);
    let views: Vec<_> = articles
        .iter()
        .map(|a| (&a.doc, a.claims.as_slice()))
        .collect();
    let written = match args.format {
        ClaimsFormat::Table => print(&report::claims::table(&views)),
        ClaimsFormat::Json => write_stdout(|out| report::claims::write_json(&views, out)),
    };
    if !written || report_input_errors(errors) {
        ExitCode::from(USAGE_ERROR)
    } else {
        ExitCode::SUCCESS
    }
}

fn list_rules(args: RulesArgs, config: &Config) -> ExitCode {
    let Some(rules) = load_rules(&args.rules, config) else {
        return ExitCode::from(USAGE_ERROR);
    };
    let width = rules.rules.iter().map(|r| r.id.len()).max().unwrap_or(0);
    let mut out = String::new();
    for rule in &rules.rules {
        out.push_str(&format!(
            "{:width$}  {:7}  {:16}  {}\n",
            rule.id,
            rule.severity.name(),
            rule.rule_type().name(),
            rule.summary
        ));
    }
    if print(&out) {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(USAGE_ERROR)
    }
}

fn explain(args: ExplainArgs, config: &Config) -> ExitCode {
    let Some(rules) = load_rules(&args.rules, config) else {
        return ExitCode::from(USAGE_ERROR);
    };
    let Some(rule) = rules.get(&args.rule) else {
        let known: Vec<&str> = rules.rules.iter().map(|r| r.id.as_str()).collect();
        eprintln!(
            "error: no rule `{}` is loaded\n  help: the loaded rules are: {}",
            args.rule,
            known.join(", ")
        );
        return ExitCode::from(USAGE_ERROR);
    };
    let mut out = format!(
        "{}  ({} {}, from {})\n\n{}\n",
        rule.id,
        rule.severity.name(),
        rule.rule_type().name(),
        rule.origin.display(),
        rule.summary
    );
    if let Some(description) = &rule.description {
        out.push_str(&format!("\n{}\n", description.trim_end()));
    }
    if let Some(example) = &rule.example {
        out.push_str("\nExample:\n");
        for line in example.trim_end().lines() {
            out.push_str(&format!("    {line}\n"));
        }
    }
    out.push_str(&format!("\nWhat to verify: {}\n", rule.help));
    if print(&out) {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(USAGE_ERROR)
    }
}

/// The rules named on the command line, else those of the configuration
/// (by default the built-in pack), adjusted by the configuration. Errors
/// are printed.
fn load_rules(files: &RuleFiles, config: &Config) -> Option<RuleSet> {
    let loaded = if !files.rules.is_empty() {
        RuleSet::load(&files.rules, false)
    } else if config.rules.is_empty() {
        RuleSet::default_pack()
    } else {
        RuleSet::load(&config.rules, config.default_rules)
    };
    let print = |errors: Vec<RuleError>| {
        for err in errors {
            eprintln!("{:?}", miette::Report::new(err));
        }
    };
    let mut rules = loaded.map_err(print).ok()?;
    config.apply(&mut rules).map_err(print).ok()?;
    Some(rules)
}

/// Writes the starter configuration, atomically, never over an existing
/// file unless `--force`.
fn init(args: &InitArgs) -> ExitCode {
    let path = Path::new(crate::config::FILE_NAMES[0]);
    if path.exists() && !args.force {
        eprintln!(
            "error: {} already exists\n  help: edit it, or pass --force to replace it with the starter",
            path.display()
        );
        return ExitCode::from(USAGE_ERROR);
    }
    match crate::write::atomically(path, STARTER.as_bytes()) {
        Ok(()) => {
            println!(
                "wrote {}; `claimlint rules` shows what it loads",
                path.display()
            );
            ExitCode::SUCCESS
        }
        Err(err) => {
            eprintln!("error: {}: cannot be written: {err}", path.display());
            ExitCode::from(USAGE_ERROR)
        }
    }
}

/// Reads, parses and extracts every article in parallel, keeping input
/// order and the claims that `keep` keeps.
fn read_articles(
    inputs: &Inputs,
    config: &Config,
    keep: &(dyn Fn(&Claim) -> bool + Sync),
) -> (Vec<Article>, Vec<InputError>) {
    let overrides = Meta {
        source: inputs.source.clone(),
        date: inputs.date,
    };
    let (files, mut errors) = walk::articles(&inputs.paths);
    let sources = SourcesCache::with_defaults(config.defaults.clone());
    let progress = progress_bar(files.len());
    // Left to itself, rayon hands each thread a few long runs of files,
    // and a thread that finishes first has nothing left to take: in runs of
    // a few files, the threads finish together.
    let loaded: Vec<Result<Article, InputError>> = files
        .par_iter()
        .with_max_len(FILES_A_JOB)
        .progress_with(progress.clone())
        .map(|path| {
            let doc = Document::load_at_most(path, &sources, &overrides, inputs.max_file_size)?;
            let claims = extract_kept(&doc, keep);
            Ok(Article { doc, claims })
        })
        .collect();
    progress.finish_and_clear();
    // An article and a result take the same room, so the articles are
    // collected in the list of results itself, not moved to another as long.
    let articles = loaded
        .into_iter()
        .filter_map(|item| match item {
            Ok(article) => Some(article),
            Err(err) => {
                errors.push(err);
                None
            }
        })
        .collect();
    (articles, errors)
}

/// The most files one rayon job reads, parses and extracts.
const FILES_A_JOB: usize = 16;

/// The articles, never freed: the process ends when they are done with,
/// and freeing every text and claim one by one would be a last pass, on
/// one thread, that only delays the exit (a twentieth of a large run).
fn held_to_the_end(articles: Vec<Article>) -> ManuallyDrop<Vec<Article>> {
    ManuallyDrop::new(articles)
}

/// Runs with fewer files finish before a bar would help.
const PROGRESS_FROM_FILES: usize = 200;

/// A progress bar on stderr for long runs on a terminal; hidden in pipes and CI.
fn progress_bar(files: usize) -> ProgressBar {
    if files < PROGRESS_FROM_FILES || !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::new(files as u64);
    if let Ok(style) =
        ProgressStyle::with_template("{bar:40} {pos}/{len} articles read ({eta} left)")
    {
        bar.set_style(style);
    }
    bar
}

/// Prints input errors; true when there were any.
fn report_input_errors(errors: Vec<InputError>) -> bool {
    let failed = !errors.is_empty();
    for err in errors {
        eprintln!("{:?}", miette::Report::new(err));
    }
    failed
}

/// Writes to stdout; false when stdout is gone.
fn print(out: &str) -> bool {
    write_stdout(|stdout| stdout.write_all(out.as_bytes()))
}

/// Runs `write` on buffered stdout and flushes it; false when stdout is
/// gone (a closed pipe).
fn write_stdout(write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>) -> bool {
    let mut stdout = BufWriter::new(std::io::stdout().lock());
    write(&mut stdout).and_then(|()| stdout.flush()).is_ok()
}

/// Colour on a terminal, unless `NO_COLOR` is set.
fn color_wanted() -> bool {
    std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()) && std::io::stdout().is_terminal()
}
