//! Cross-checking at scale: `check::run` with the default rule pack over
//! articles of the generated corpus (`examples/corpus`) holding about 10k,
//! 100k and 1M claims. Claims are extracted once, outside the timed loop;
//! the figures are in docs/performance.md.

// The benchmark reads the generated articles, not the record of what was planted.
#[allow(dead_code)]
#[path = "../examples/corpus/generate.rs"]
mod generate;
#[path = "../examples/corpus/words.rs"]
mod words;

use std::time::Duration;

use claimlint::check::{self, Article};
use claimlint::document::{Document, Format, Meta};
use claimlint::extract::extract;
use claimlint::rules::RuleSet;
use criterion::{black_box, criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use rayon::prelude::*;

const SIZES: [usize; 3] = [10_000, 100_000, 1_000_000];

/// Articles of the corpus, read and extracted, until they hold `claims` claims.
fn articles(claims: usize) -> Vec<Article> {
    let mut stories = generate::Corpus::new(1, usize::MAX);
    let mut out: Vec<Article> = Vec::new();
    let mut total = 0;
    while total < claims {
        let batch: Vec<generate::Article> = stories
            .by_ref()
            .take(512)
            .flat_map(|s| s.articles)
            .collect();
        let read: Vec<Article> = batch
            .into_par_iter()
            .map(|a| {
                let doc = Document::parse(a.path.into(), a.text, Format::Markdown, Meta::default())
                    .expect("generated articles are valid Markdown");
                let claims = extract(&doc);
                Article { doc, claims }
            })
            .collect();
        for article in read {
            if total >= claims {
                break;
            }
            total += article.claims.len();
            out.push(article);
        }
    }
    out
}

fn cross_checking(c: &mut Criterion) {
    let rules = RuleSet::default_pack().expect("the default pack loads");
    let all = articles(SIZES[SIZES.len() - 1]);
    let mut group = c.benchmark_group("check/scale");
    group.sample_size(10);
    for size in SIZES {
        let (mut n, mut claims) = (0, 0);
        while n < all.len() && claims < size {
            claims += all[n].claims.len();
            n += 1;
        }
        let slice = &all[..n];
        group.throughput(Throughput::Elements(claims as u64));
        group.measurement_time(Duration::from_secs(if size >= 1_000_000 { 60 } else { 10 }));
        group.bench_with_input(BenchmarkId::new("claims", size), slice, |b, articles| {
            b.iter(|| black_box(check::run(&rules, articles)).len())
        });
    }
    group.finish();
}

criterion_group!(benches, cross_checking);
criterion_main!(benches);
