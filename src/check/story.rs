//! Which articles tell the same story: those that lean on the same
//! distinctive names.
//!
//! An article's names are its capitalised words, other than months,
//! weekdays, titles, words of bodies' names ("Council") and words that
//! only open sentences. A name found in many of the articles checked
//! together ("Ukraine" in an archive of war coverage) tells no story
//! apart and is set aside. Two articles are on one story when the names
//! left to them overlap: they share two at least, and the shares of their
//! mentions those names take, compared name by name, add up to a quarter.
//! Two reports of one budget vote share the city, the mayor and the
//! councillor who opposed it; two match reports of one day share at most
//! a league.

use rayon::prelude::*;
use rustc_hash::{FxHashMap, FxHashSet};

use super::Article;
use crate::extract::{is_title_or_organisation_word, names_month_or_weekday};

/// The overlap of two articles' names, weighed by use, that makes one story.
const SAME_STORY: f64 = 0.25;

/// A name is common, and tells nothing, when more articles than this use it:
/// a hundredth of those checked, and never fewer than ten.
fn common_above(articles: usize) -> usize {
    (articles / 100).max(10)
}

/// The distinctive names of every article checked, with their uses.
pub struct Stories<'t> {
    names: Vec<Names<'t>>,
}

struct Names<'t> {
    uses: FxHashMap<&'t str, u32>,
    total: u32,
}

impl<'t> Stories<'t> {
    pub fn new(articles: &'t [Article]) -> Stories<'t> {
        let mut names: Vec<FxHashMap<&str, u32>> =
            articles.par_iter().map(|a| names_used(a)).collect();
        let mut articles_using: FxHashMap<&str, usize> = FxHashMap::default();
        for uses in &names {
            for &name in uses.keys() {
                *articles_using.entry(name).or_default() += 1;
            }
        }
        let limit = common_above(articles.len());
        let names = names
            .iter_mut()
            .map(|uses| {
                uses.retain(|name, _| articles_using[name] <= limit);
                Names {
                    total: uses.values().sum(),
                    uses: std::mem::take(uses),
                }
            })
            .collect();
        Stories { names }
    }

    /// Whether articles `a` and `b` (indices into those checked) are on one story.
    pub fn same(&self, a: usize, b: usize) -> bool {
        let (a, b) = (&self.names[a], &self.names[b]);
        if a.total == 0 || b.total == 0 {
            return false;
        }
        let mut shared = 0;
        let mut overlap = 0.0;
        for (name, &uses) in &a.uses {
            if let Some(&other) = b.uses.get(name) {
                shared += 1;
                overlap += (f64::from(uses) / f64::from(a.total))
                    .min(f64::from(other) / f64::from(b.total));
            }
        }
        shared >= 2 && overlap >= SAME_STORY
    }
}

/// An article's names and how often it uses each.
fn names_used(article: &Article) -> FxHashMap<&str, u32> {
    let doc = &article.doc;
    // Name → (uses, whether only ever seen opening a sentence).
    let mut seen: FxHashMap<&str, (u32, bool)> = FxHashMap::default();
    let mut lowercase: FxHashSet<&str> = FxHashSet::default();
    for block in &doc.blocks {
        let mut opens_sentence = true;
        for token in block.slice(&doc.text).split_whitespace() {
            let word = token.trim_start_matches(|c: char| !c.is_alphanumeric());
            let opens = opens_sentence || word.len() < token.len();
            opens_sentence = token.ends_with(['.', '!', '?', ':', '"', '”']);
            let word = word.split(['-', '\'', '’']).next().unwrap_or("");
            let word = word.trim_end_matches(|c: char| !c.is_alphanumeric());
            let mut chars = word.chars();
            match chars.next() {
                Some(first) if first.is_uppercase() => {}
                Some(first) if first.is_lowercase() => {
                    lowercase.insert(word);
                    continue;
                }
                _ => continue,
            }
            let is_name = chars.all(char::is_lowercase) && word.chars().count() >= 4;
            if !is_name
                || names_month_or_weekday(word)
                || is_title_or_organisation_word(word)
                || GENERIC_NAME_WORDS.contains(&word)
            {
                continue;
            }
            let entry = seen.entry(word).or_insert((0, true));
            entry.0 += 1;
            entry.1 &= opens;
        }
    }
    seen.into_iter()
        .filter(|&(name, (_, only_opening))| {
            !(only_opening
                && (SENTENCE_OPENERS.contains(&name)
                    || lowercase.contains(name.to_lowercase().as_str())))
        })
        .map(|(name, (uses, _))| (name, uses))
        .collect()
}

/// Capitalised words of the names of places and bodies in any story.
const GENERIC_NAME_WORDS: &[&str] = &[
    "Central",
    "City",
    "County",
    "East",
    "Emergency",
    "Federal",
    "General",
    "Health",
    "International",
    "National",
    "North",
    "Public",
    "Regional",
    "South",
    "State",
    "United",
    "West",
];

/// Capitalised words that open sentences of any story.
const SENTENCE_OPENERS: &[&str] = &[
    "After",
    "Also",
    "Although",
    "Among",
    "Because",
    "Before",
    "Both",
    "Despite",
    "During",
    "Each",
    "Even",
    "Every",
    "From",
    "However",
    "Meanwhile",
    "Many",
    "More",
    "Most",
    "Once",
    "Only",
    "Other",
    "Since",
    "Some",
    "Still",
    "That",
    "Their",
    "Then",
    "There",
    "These",
    "They",
    "This",
    "Those",
    "Under",
    "Until",
    "What",
    "When",
    "Where",
    "Which",
    "While",
    "With",
    "Without",
];
