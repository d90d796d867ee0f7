//! Benchmarks of the pipeline's stages on news text: extraction per
//! article (the seeds, the seeds repeated into one long article, and
//! articles of the generated corpus), extraction per claim kind (the
//! paragraphs that hold a hand-annotated claim of that kind), rule
//! loading, and cross-checking the seeds. Run with `cargo bench`; the
//! end-to-end command and the figures are in docs/performance.md.

// The benchmark reads the generated articles, not the record of what was planted.
#[allow(dead_code)]
#[path = "../examples/corpus/generate.rs"]
mod generate;
#[path = "../examples/corpus/words.rs"]
mod words;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use claimlint::check::{self, Article};
use claimlint::document::{Document, Format, Meta, SourcesCache};
use claimlint::extract::extract;
use claimlint::rules::RuleSet;
use criterion::measurement::WallTime;
use criterion::{
    black_box, criterion_group, criterion_main, BenchmarkGroup, Criterion, Throughput,
};

// The allocator the `claimlint` binary runs with, so that the figures are its.
#[cfg(not(target_env = "msvc"))]
#[global_allocator]
static GLOBAL: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

fn seeds() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|entries| entries.filter_map(Result::ok).map(|e| e.path()).collect())
        .unwrap_or_default();
    paths.retain(|p| p.extension().is_some_and(|e| e == "txt"));
    paths.sort();
    paths
}

fn articles() -> Vec<Article> {
    let sources = SourcesCache::default();
    seeds()
        .iter()
        .filter_map(|p| Document::load(p, &sources, &Meta::default()).ok())
        .map(|doc| {
            let claims = extract(&doc);
            Article { doc, claims }
        })
        .collect()
}

fn extraction(c: &mut Criterion) {
    let text: String = articles()
        .iter()
        .map(|a| a.doc.raw())
        .collect::<Vec<_>>()
        .join("\n");
    let long = text.repeat(50);
    let mut group = c.benchmark_group("extract");
    for (name, body) in [("seeds", &text), ("seeds x50", &long)] {
        bench_extract(&mut group, name, body, Meta::default());
    }
    group.finish();
}

/// Generated articles of about 1 MB in all, read beforehand: extraction
/// alone, article by article, as `check` runs it.
fn extraction_of_corpus(c: &mut Criterion) {
    let docs: Vec<Document> = generate::Corpus::new(1, CORPUS_ARTICLES)
        .flat_map(|story| story.articles)
        .filter_map(|a| {
            Document::parse(a.path.into(), a.text, Format::Markdown, Meta::default()).ok()
        })
        .collect();
    let bytes: usize = docs.iter().map(|d| d.text.len()).sum();
    let mut group = c.benchmark_group("extract");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.bench_function("corpus", |b| {
        b.iter(|| {
            docs.iter()
                .map(|d| black_box(extract(d)).len())
                .sum::<usize>()
        })
    });
    group.finish();
}

/// The articles `extract/corpus` generates: about 1 MB at 2.9 KB each.
const CORPUS_ARTICLES: usize = 350;

/// One hand-annotated claim of `tests/gold/*.yaml`.
#[derive(serde::Deserialize)]
struct GoldClaim {
    kind: String,
    text: String,
}

#[derive(serde::Deserialize)]
struct GoldFile {
    file: String,
    claims: Vec<GoldClaim>,
}

/// For each claim kind, the paragraphs of the annotated articles that hold
/// a claim of that kind, repeated to about 256 KB.
fn paragraphs_by_kind() -> BTreeMap<String, String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut by_kind: BTreeMap<String, Vec<String>> = BTreeMap::new();
    let gold_files = std::fs::read_dir(root.join("tests/gold"))
        .map(|entries| entries.filter_map(Result::ok).map(|e| e.path()).collect())
        .unwrap_or_else(|_| Vec::new());
    for path in gold_files {
        let Some(gold) = std::fs::read_to_string(&path)
            .ok()
            .and_then(|yaml| serde_yaml::from_str::<GoldFile>(&yaml).ok())
        else {
            continue;
        };
        let Ok(article) = std::fs::read_to_string(root.join(&gold.file)) else {
            continue;
        };
        for claim in gold.claims {
            let paragraph = article
                .split("\n\n")
                .find(|p| p.contains(claim.text.as_str()));
            let list = by_kind.entry(claim.kind).or_default();
            if let Some(p) = paragraph.filter(|p| !list.iter().any(|seen| seen == p)) {
                list.push(p.to_string());
            }
        }
    }
    by_kind
        .into_iter()
        .map(|(kind, paragraphs)| {
            let once = paragraphs.join("\n\n");
            let times = (256 * 1024 / once.len().max(1)).max(1);
            (kind, vec![once; times].join("\n\n"))
        })
        .collect()
}

fn extraction_by_kind(c: &mut Criterion) {
    let mut group = c.benchmark_group("extract by kind");
    for (kind, body) in paragraphs_by_kind() {
        let meta = Meta {
            source: None,
            date: "2024-06-12".parse().ok(),
        };
        bench_extract(&mut group, &kind, &body, meta);
    }
    group.finish();
}

/// Extraction of `body` as one plain-text article, with its throughput.
fn bench_extract(group: &mut BenchmarkGroup<WallTime>, name: &str, body: &str, meta: Meta) {
    group.throughput(Throughput::Bytes(body.len() as u64));
    group.bench_function(name, |b| {
        b.iter(|| {
            let doc = Document::parse(
                "bench.txt".into(),
                body.to_string(),
                Format::Text,
                meta.clone(),
            );
            doc.map(|d| black_box(extract(&d)).len()).unwrap_or(0)
        })
    });
}

fn rules_and_check(c: &mut Criterion) {
    c.bench_function("rules/load default pack", |b| {
        b.iter(|| RuleSet::default_pack().map(|r| r.rules.len()).unwrap_or(0))
    });
    let Ok(rules) = RuleSet::default_pack() else {
        return;
    };
    let articles = articles();
    c.bench_function("check/seeds", |b| {
        b.iter(|| black_box(check::run(&rules, &articles)).len())
    });
}

criterion_group!(
    benches,
    extraction,
    extraction_of_corpus,
    extraction_by_kind,
    rules_and_check
);
criterion_main!(benches);
