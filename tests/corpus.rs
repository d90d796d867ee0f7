//! The generated corpus end to end: 200 articles written by the corpus
//! generator (`examples/corpus`), checked by the `claimlint` binary; every
//! planted disagreement must be reported and nothing else.

mod common;
#[path = "../examples/corpus/generate.rs"]
mod generate;
#[path = "../examples/corpus/verify.rs"]
mod verify;
#[path = "../examples/corpus/words.rs"]
mod words;

use generate::{Corpus, Planted};

const ARTICLES: usize = 200;

#[test]
fn every_planted_disagreement_is_reported_and_nothing_else() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let mut planted: Vec<Planted> = Vec::new();
    for story in Corpus::new(7, ARTICLES) {
        for article in &story.articles {
            let path = dir.path().join(&article.path);
            std::fs::create_dir_all(path.parent().expect("articles are in folders"))
                .expect("the folder is made");
            std::fs::write(&path, &article.text).expect("the article is written");
        }
        planted.extend(story.planted);
    }
    assert!(planted.len() > 20, "only {} planted", planted.len());

    let output = common::run(dir.path(), &["check", ".", "--format", "json"], None);
    let json = String::from_utf8(output.stdout).expect("JSON is UTF-8");
    assert!(
        !json.is_empty(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let findings = verify::findings(&json, std::path::Path::new(".")).expect("valid findings JSON");
    let report = verify::compare(&planted, findings);
    assert!(
        report.missed.is_empty() && report.unexpected.is_empty(),
        "{report}"
    );
    assert_eq!(report.found(), planted.len());
}

#[test]
fn the_same_seed_gives_the_same_corpus() {
    let texts = |seed| -> Vec<String> {
        Corpus::new(seed, 60)
            .flat_map(|s| s.articles)
            .map(|a| format!("{}\n{}", a.path, a.text))
            .collect()
    };
    assert_eq!(texts(3), texts(3));
    assert_ne!(texts(3), texts(4));
    assert_eq!(texts(3).len(), 60);
}
