//! Quote fidelity: the same quotation worded differently in two places
//! (drift), or put in two different speakers' mouths (misattribution).
//!
//! Quotations are reduced to lowercase words without editorial brackets and
//! indexed by their three-word shingles; only quotations that share a
//! shingle are compared, word by word, so the cost stays near-linear.

use std::collections::HashMap;

use rayon::prelude::*;

use super::{Article, Finding, Location};
use crate::extract::{Claim, Kind, Value};
use crate::rules::{QuoteCheck, QuoteRule, Rule};

const SHINGLE: usize = 3;
/// A shingle shared by more quotations than this is boilerplate ("the
/// United States"), not evidence that two quotations are one.
const MAX_POSTINGS: usize = 64;
/// Words of a quotation that are compared; a longer one is cut here, so a
/// runaway quotation cannot make the comparison quadratic.
const MAX_WORDS: usize = 300;

struct Quoted<'a> {
    article: usize,
    claim: &'a Claim,
    /// Interned words, so comparing them is comparing integers.
    words: Vec<u32>,
}

impl Quoted<'_> {
    /// The compared words as text, for messages (made only for findings, so
    /// a large corpus does not hold a second copy of every quotation).
    fn text(&self) -> String {
        match &self.claim.value {
            Value::Text(text) => {
                let mut words = normalized_words(text);
                words.truncate(MAX_WORDS);
                words.join(" ")
            }
            _ => String::new(),
        }
    }
}

pub fn check(rule: &Rule, quote: &QuoteRule, articles: &[Article]) -> Vec<Finding> {
    let mut vocabulary: HashMap<String, u32> = HashMap::new();
    let quoted: Vec<Quoted> = articles
        .iter()
        .enumerate()
        .flat_map(|(article, a)| a.claims.iter().map(move |claim| (article, claim)))
        .filter(|(_, c)| c.kind == Kind::Quote)
        .filter_map(|(article, claim)| {
            let Value::Text(text) = &claim.value else {
                return None;
            };
            let mut words = normalized_words(text);
            words.truncate(MAX_WORDS);
            let words: Vec<u32> = words
                .into_iter()
                .map(|w| {
                    let next = u32::try_from(vocabulary.len()).unwrap_or(u32::MAX);
                    *vocabulary.entry(w).or_insert(next)
                })
                .collect();
            (words.len() >= quote.min_words).then_some(Quoted {
                article,
                claim,
                words,
            })
        })
        .collect();

    // Identical wordings are one quotation: only the first of each is
    // indexed and compared, the others join it.
    let mut components = UnionFind::new(quoted.len());
    let mut first_of: HashMap<&[u32], usize> = HashMap::new();
    let mut distinct = Vec::new();
    for (i, q) in quoted.iter().enumerate() {
        let first = *first_of.entry(&q.words).or_insert(i);
        if first == i {
            distinct.push(i);
        } else {
            components.join(first, i);
        }
    }
    let index = ShingleIndex::new(&quoted, &distinct);
    // Comparisons run in parallel, each worker with its own counters; the
    // matches come back in order, so the groups never depend on threads.
    let matches: Vec<(usize, usize, usize)> = distinct
        .par_iter()
        .map_init(
            || (vec![0usize; quoted.len()], Vec::new()),
            |(shared_with, partners), &i| {
                similar_later(i, &quoted, &index, quote.similarity, shared_with, partners)
            },
        )
        .flatten_iter()
        .collect();
    let mut drifted = vec![false; quoted.len()];
    for (i, j, distance) in matches {
        components.join(i, j);
        if distance > 0 {
            drifted[i] = true;
            drifted[j] = true;
        }
    }

    let mut groups: HashMap<usize, Vec<usize>> = HashMap::new();
    for i in 0..quoted.len() {
        groups.entry(components.root(i)).or_default().push(i);
    }
    let mut findings = Vec::new();
    for members in groups.into_values().filter(|m| m.len() > 1) {
        let finding = match quote.check {
            QuoteCheck::Wording if members.iter().any(|&i| drifted[i]) => {
                Some(drift(rule, &members, &quoted, articles))
            }
            QuoteCheck::Speaker => misattribution(rule, &members, &quoted, articles),
            QuoteCheck::Wording => None,
        };
        findings.extend(finding);
    }
    findings
}

/// The later quotations (index above `i`) as similar to quotation `i` as
/// the rule asks, with their word distance. `shared_with` (zeroed, one slot
/// a quotation) and `partners` are scratch space, left as they were found.
fn similar_later(
    i: usize,
    quoted: &[Quoted],
    index: &ShingleIndex,
    similarity: f64,
    shared_with: &mut [usize],
    partners: &mut Vec<usize>,
) -> Vec<(usize, usize, usize)> {
    // Count, for every later quotation, the shingles it shares with this one.
    for list in index.lists_of(i).filter(|l| l.len() <= MAX_POSTINGS) {
        for &j in list.iter().filter(|&&j| j > i) {
            if shared_with[j] == 0 {
                partners.push(j);
            }
            shared_with[j] += 1;
        }
    }
    let mut found = Vec::new();
    for j in partners.drain(..) {
        let shared = std::mem::take(&mut shared_with[j]);
        let (a, b) = (&quoted[i].words, &quoted[j].words);
        let shorter = a.len().min(b.len());
        // The most edits the similarity threshold allows.
        let max = ((1.0 - similarity) * shorter as f64 + 1e-9).floor() as usize;
        // One edit removes at most SHINGLE distinct shingles of the shorter
        // quotation; boilerplate shingles were not counted but may be shared.
        let short = if a.len() <= b.len() { i } else { j };
        let possible = shared + index.boilerplate[i].min(index.boilerplate[j]);
        if possible + SHINGLE * max < index.distinct[short] {
            continue;
        }
        // Each word of the shorter one missing from the other costs an edit.
        if shorter - common_words(&index.bags[i], &index.bags[j]) > max {
            continue;
        }
        if let Some(distance) = aligned_distance(a, b, max) {
            if 1.0 - distance as f64 / shorter as f64 >= similarity {
                found.push((i, j, distance));
            }
        }
    }
    found
}

/// The distinct quotations' three-word shingles, each with the quotations
/// that hold it (a list cut just past `MAX_POSTINGS`).
struct ShingleIndex {
    lists: Vec<Vec<usize>>,
    /// Per quotation: its distinct shingles, as indices into `lists`.
    shingles: Vec<Vec<usize>>,
    /// Per quotation: how many distinct shingles it has.
    distinct: Vec<usize>,
    /// Per quotation: how many of them are boilerplate (over the cap).
    boilerplate: Vec<usize>,
    /// Per quotation: its words, sorted.
    bags: Vec<Vec<u32>>,
}

impl ShingleIndex {
    fn new(quoted: &[Quoted], distinct: &[usize]) -> ShingleIndex {
        let mut ids: HashMap<&[u32], usize> = HashMap::new();
        let mut lists: Vec<Vec<usize>> = Vec::new();
        let mut shingles = vec![Vec::new(); quoted.len()];
        let mut bags = vec![Vec::new(); quoted.len()];
        for &i in distinct {
            bags[i].clone_from(&quoted[i].words);
            bags[i].sort_unstable();
            for shingle in quoted[i].words.windows(SHINGLE) {
                let id = *ids.entry(shingle).or_insert_with(|| {
                    lists.push(Vec::new());
                    lists.len() - 1
                });
                let list = &mut lists[id];
                shingles[i].push(id);
                // A quotation's windows come one after another: a repeat is the last entry.
                if list.last() != Some(&i) && list.len() <= MAX_POSTINGS {
                    list.push(i);
                }
            }
            shingles[i].sort_unstable();
            shingles[i].dedup();
        }
        let distinct = shingles.iter().map(Vec::len).collect();
        let boilerplate = shingles
            .iter()
            .map(|ids| {
                ids.iter()
                    .filter(|&&id| lists[id].len() > MAX_POSTINGS)
                    .count()
            })
            .collect();
        ShingleIndex {
            lists,
            shingles,
            distinct,
            boilerplate,
            bags,
        }
    }

    fn lists_of(&self, quotation: usize) -> impl Iterator<Item = &Vec<usize>> {
        self.shingles[quotation].iter().map(|&id| &self.lists[id])
    }
}

/// How many words two sorted bags have in common, repeats counted.
fn common_words(a: &[u32], b: &[u32]) -> usize {
    let (mut i, mut j, mut common) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                common += 1;
                i += 1;
                j += 1;
            }
        }
    }
    common
}

/// Lowercase words of a quotation, without bracketed insertions.
fn normalized_words(text: &str) -> Vec<String> {
    let mut depth = 0usize;
    let mut kept = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '[' | '(' => depth += 1,
            ']' | ')' => depth = depth.saturating_sub(1),
            _ if depth == 0 => kept.push(c),
            _ => {}
        }
    }
    // "5,000" and "5000" are one number.
    let kept = join_digit_groups(&kept);
    kept.split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’'))
        .map(|w| w.trim_matches(['\'', '’']).to_lowercase().replace('’', "'"))
        .filter(|w| !w.is_empty())
        .collect()
}

/// Drops the commas and thin spaces inside numbers.
fn join_digit_groups(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    for (i, &c) in chars.iter().enumerate() {
        let between_digits = i > 0
            && chars[i - 1].is_ascii_digit()
            && chars.get(i + 1).is_some_and(char::is_ascii_digit);
        if !(between_digits && matches!(c, ',' | '\u{2009}' | '\u{202F}')) {
            out.push(c);
        }
    }
    out
}

/// Word edit distance between the shorter quotation and the stretch of the
/// longer one it matches best, so a partial quote of a longer statement
/// counts as identical: edit distance with the longer one's ends free.
/// `None` when it is over `max`, known as soon as a whole row of the table
/// is (a row's minimum never falls).
fn aligned_distance(a: &[u32], b: &[u32], max: usize) -> Option<usize> {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    // row[j]: the fewest edits matching the words of `short` seen so far
    // with a stretch of `long` that ends before word j.
    let mut row = vec![0usize; long.len() + 1];
    for (i, &word) in short.iter().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        let mut row_min = row[0];
        for j in 1..=long.len() {
            let above = row[j];
            let substitute = diagonal + usize::from(long[j - 1] != word);
            row[j] = substitute.min(above + 1).min(row[j - 1] + 1);
            diagonal = above;
            row_min = row_min.min(row[j]);
        }
        if row_min > max {
            return None;
        }
    }
    row.into_iter().min().filter(|&distance| distance <= max)
}

fn drift(rule: &Rule, members: &[usize], quoted: &[Quoted], articles: &[Article]) -> Finding {
    let locations = members
        .iter()
        .map(|&i| {
            let q = &quoted[i];
            Location {
                article: q.article,
                span: q.claim.span,
                label: format!("worded this way ({})", articles[q.article].source_label()),
            }
        })
        .collect();
    let first = &quoted[members[0]];
    Finding::new(
        rule,
        format!(
            "quotation worded differently in {} places: \"{}\"",
            members.len(),
            short(&first.text())
        ),
        locations,
    )
}

fn misattribution(
    rule: &Rule,
    members: &[usize],
    quoted: &[Quoted],
    articles: &[Article],
) -> Option<Finding> {
    let named: Vec<(usize, &str)> = members
        .iter()
        .filter_map(|&i| {
            quoted[i]
                .claim
                .speaker
                .as_deref()
                .filter(|s| is_named(s))
                .map(|s| (i, s))
        })
        .collect();
    // Speakers are compared as distinct names, not once per quotation: a
    // line quoted in a thousand articles has a handful of speakers.
    let distinct: std::collections::BTreeSet<&str> = named.iter().map(|(_, s)| *s).collect();
    let mut speakers: Vec<&str> = Vec::new();
    for speaker in distinct {
        if !speakers.iter().any(|s| same_speaker(s, speaker)) {
            speakers.push(speaker);
        }
    }
    if speakers.len() < 2 {
        return None;
    }
    let locations = named
        .iter()
        .map(|&(i, speaker)| {
            let q = &quoted[i];
            Location {
                article: q.article,
                span: q.claim.span,
                label: format!(
                    "attributed to {speaker} ({})",
                    articles[q.article].source_label()
                ),
            }
        })
        .collect();
    Some(Finding::new(
        rule,
        format!(
            "the same quotation is attributed to {}: \"{}\"",
            speakers.join(" and "),
            short(&quoted[members[0]].text())
        ),
        locations,
    ))
}

/// A named speaker: a proper name, not "a US official" or "the statement".
fn is_named(speaker: &str) -> bool {
    let first = speaker.split_whitespace().next().unwrap_or("");
    first.starts_with(char::is_uppercase)
        && !matches!(first, "The" | "A" | "An" | "He" | "She" | "They" | "It")
}

/// "Okafor" and "Ada Okafor" are one speaker: one's words are all in the other's.
fn same_speaker(a: &str, b: &str) -> bool {
    let words = |s: &str| {
        s.split_whitespace()
            .map(str::to_lowercase)
            .collect::<Vec<_>>()
    };
    let (a, b) = (words(a), words(b));
    a.iter().all(|w| b.contains(w)) || b.iter().all(|w| a.contains(w))
}

fn short(text: &str) -> String {
    const MAX: usize = 60;
    match text.char_indices().nth(MAX) {
        Some((cut, _)) => format!("{}…", &text[..cut]),
        None => text.to_string(),
    }
}

/// Disjoint sets over quotation indices.
struct UnionFind {
    parent: Vec<usize>,
}

impl UnionFind {
    fn new(n: usize) -> UnionFind {
        UnionFind {
            parent: (0..n).collect(),
        }
    }

    fn root(&mut self, mut i: usize) -> usize {
        while self.parent[i] != i {
            self.parent[i] = self.parent[self.parent[i]];
            i = self.parent[i];
        }
        i
    }

    fn join(&mut self, a: usize, b: usize) {
        let (ra, rb) = (self.root(a), self.root(b));
        if ra != rb {
            self.parent[ra.max(rb)] = ra.min(rb);
        }
    }
}
