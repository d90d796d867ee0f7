//! `check` keeps of each article only the claims its rules read
//! (`RuleSet::claims_read`). Dropping the others must change no finding:
//! the rules are run over every claim and over the kept ones, on the seeds,
//! the crafted cases, the test articles and generated articles, and must
//! find the same.

mod common;
#[allow(dead_code)]
#[path = "../examples/corpus/generate.rs"]
mod generate;
#[path = "../examples/corpus/words.rs"]
mod words;

use std::path::PathBuf;

use claimlint::check::{self, Article};
use claimlint::document::{Document, Format, Meta, SourcesCache};
use claimlint::extract::{extract, extract_kept, Kind};
use claimlint::rules::RuleSet;

use common::root;

/// Every article of the repository's test folders, read as `check` reads them.
fn repository_documents() -> Vec<Document> {
    let folders: Vec<PathBuf> = ["seeds", "tests/articles", "tests/html", "tests/check"]
        .iter()
        .map(|folder| root().join(folder))
        .collect();
    let (paths, _) = claimlint::walk::articles(&folders);
    let sources = SourcesCache::default();
    paths
        .iter()
        .filter_map(|path| Document::load(path, &sources, &Meta::default()).ok())
        .collect()
}

fn generated_documents() -> Vec<Document> {
    generate::Corpus::new(11, 300)
        .flat_map(|story| story.articles)
        .filter_map(|a| {
            Document::parse(a.path.into(), a.text, Format::Markdown, Meta::default()).ok()
        })
        .collect()
}

/// The default pack, whole and one rule at a time (a rule alone reads
/// fewer claims: the dates a figure rule reads may be read by no other).
fn rule_sets() -> Vec<(String, RuleSet)> {
    let pack = || RuleSet::default_pack().expect("the default pack loads");
    let mut sets = vec![("the default pack".to_string(), pack())];
    for i in 0..pack().rules.len() {
        let rule = pack().rules.swap_remove(i);
        sets.push((rule.id.clone(), RuleSet { rules: vec![rule] }));
    }
    sets
}

#[test]
fn the_rules_find_the_same_in_the_claims_they_read() {
    let documents = || {
        repository_documents()
            .into_iter()
            .chain(generated_documents())
    };
    let every: Vec<Article> = documents()
        .map(|doc| {
            let claims = extract(&doc);
            Article { doc, claims }
        })
        .collect();
    assert!(every.len() > 300, "only {} articles", every.len());
    let all_claims: usize = every.iter().map(|a| a.claims.len()).sum();
    let mut rules_with_findings = 0;
    // The whole pack reads nearly every figure with a subject (the rule
    // comparing sources on one story does); most rules alone read far fewer.
    let mut sets_dropping_a_quarter = 0;
    for (name, rules) in rule_sets() {
        let read = rules.claims_read();
        let kept: Vec<Article> = documents()
            .map(|doc| {
                let claims = extract_kept(&doc, &|claim| read.keeps(claim));
                Article { doc, claims }
            })
            .collect();
        let kept_claims: usize = kept.iter().map(|a| a.claims.len()).sum();
        assert!(
            kept_claims < all_claims,
            "{name}: every claim kept: the comparison would prove nothing"
        );
        sets_dropping_a_quarter += usize::from(kept_claims < all_claims * 3 / 4);
        let findings = check::run(&rules, &every);
        rules_with_findings += usize::from(!findings.is_empty());
        assert_eq!(check::run(&rules, &kept), findings, "{name}");
    }
    assert!(
        rules_with_findings > 10,
        "{rules_with_findings} rule sets found anything"
    );
    assert!(
        sets_dropping_a_quarter > 15,
        "only {sets_dropping_a_quarter} rule sets dropped a quarter of the claims"
    );
}

#[test]
fn the_default_pack_reads_its_scopes_dates_and_quotations() {
    let rules = RuleSet::default_pack().expect("the default pack loads");
    let read = rules.claims_read();
    let claim_of = |text: &str, kind: Kind| {
        let doc = Document::parse(
            "a.txt".into(),
            text.to_string(),
            Format::Text,
            Meta::default(),
        )
        .expect("plain text parses");
        let claims = extract(&doc);
        let claim = claims
            .iter()
            .find(|c| c.kind == kind)
            .unwrap_or_else(|| panic!("no {kind:?} in {text:?}: {claims:?}"))
            .clone();
        read.keeps(&claim)
    };
    // A coalition counts countries; a bare number about nothing named is
    // compared by no rule; a figure with a unit may have its digits
    // swapped in another.
    assert!(claim_of("The coalition has 57 countries.", Kind::Count));
    assert!(claim_of("The bill won 57 votes.", Kind::Count));
    assert!(!claim_of("It rose to 57, then fell.", Kind::Count));
    assert!(claim_of("It lies 40 km from the border.", Kind::Measure));
    assert!(!claim_of("Eastport won 2-1 at home.", Kind::Score));
    assert!(claim_of("Aid rose to $61 billion.", Kind::Money));
    assert!(claim_of("It met on March 3, 2024.", Kind::Date));
    assert!(claim_of("“We will win,” Quinlan said.", Kind::Quote));
}
