//! Benchmarks of the pipeline's stages on news text: extraction per
//! article (the seeds, and the seeds repeated into one long article), rule
//! loading, and cross-checking the seeds. Run with `cargo bench`; the
//! end-to-end command and the figures are in docs/performance.md.

use std::path::{Path, PathBuf};

use claimlint::check::{self, Article};
use claimlint::document::{Document, Format, Meta, SourcesCache};
use claimlint::extract::extract;
use claimlint::rules::RuleSet;
use criterion::{black_box, criterion_group, criterion_main, Criterion, Throughput};

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
        .map(|a| a.doc.raw.as_str())
        .collect::<Vec<_>>()
        .join("\n");
    let long = text.repeat(50);
    let mut group = c.benchmark_group("extract");
    for (name, body) in [("seeds", &text), ("seeds x50", &long)] {
        group.throughput(Throughput::Bytes(body.len() as u64));
        group.bench_function(name, |b| {
            b.iter(|| {
                let doc = Document::parse(
                    "bench.txt".into(),
                    body.clone(),
                    Format::Text,
                    Meta::default(),
                );
                doc.map(|d| black_box(extract(&d)).len()).unwrap_or(0)
            })
        });
    }
    group.finish();
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

criterion_group!(benches, extraction, rules_and_check);
criterion_main!(benches);
