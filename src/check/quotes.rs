//! Quote fidelity: the same quotation worded differently in two places
//! (drift), or put in two different speakers' mouths (misattribution).
//!
//! Quotations are reduced to lowercase words without editorial brackets,
//! interned, and indexed by their three-word shingles (once, for every
//! quote rule). Only quotations that share a shingle are compared: first by
//! counts (shared shingles, shared words) that bound the edits between
//! them, then, when those leave it possible, by an alignment word by word.
//! The similar pairs are found once too, at the loosest similarity the
//! rules ask for; a stricter rule keeps the pairs close enough for it.
//! The cost stays near-linear.

use std::collections::BTreeMap;

use rayon::prelude::*;
use rustc_hash::FxHashMap;

use super::{Article, Finding, Location, UnionFind};
use crate::extract::{Claim, Kind, Value};
use crate::rules::{QuoteCheck, QuoteRule, Rule};
use crate::span::Span;

const SHINGLE: usize = 3;
/// A shingle shared by more quotations than this is boilerplate ("at the
/// end of"), not evidence that two quotations are one.
const MAX_POSTINGS: usize = 64;
/// Words of a quotation that are compared; a longer one is cut here, so a
/// runaway quotation cannot make the comparison quadratic.
const MAX_WORDS: usize = 300;
/// Quotations normalized together before their words are interned.
const NORMALIZE_BATCH: usize = 4096;

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
            Value::Text(text) => normalized(text),
            _ => String::new(),
        }
    }
}

/// Every quotation of the articles, interned and indexed; built once and
/// shared by the quote rules.
pub struct Quotations<'a> {
    quoted: Vec<Quoted<'a>>,
    /// Per quotation: the first quotation worded exactly like it.
    first_alike: Vec<usize>,
    index: ShingleIndex,
    /// Similar pairs found once for the rules: per `min-words`, at the
    /// loosest similarity asked; a stricter rule keeps the closer pairs.
    found: Vec<FoundPairs>,
}

struct FoundPairs {
    min_words: usize,
    similarity: f64,
    pairs: Vec<(usize, usize, usize)>,
}

impl<'a> Quotations<'a> {
    /// Interns and indexes the quotations of `articles`, and finds the similar
    /// pairs that `rules` ask for.
    pub fn new(articles: &'a [Article], rules: &[&QuoteRule]) -> Quotations<'a> {
        let claims: Vec<(usize, &Claim, &str)> = articles
            .iter()
            .enumerate()
            .flat_map(|(article, a)| {
                a.claims.iter().filter_map(move |claim| match &claim.value {
                    Value::Text(text) if claim.kind == Kind::Quote => {
                        Some((article, claim, text.as_str()))
                    }
                    _ => None,
                })
            })
            .collect();
        let quoted = interned(&claims);
        let mut first_of: FxHashMap<&[u32], usize> = FxHashMap::default();
        let first_alike: Vec<usize> = quoted
            .iter()
            .enumerate()
            .map(|(i, q)| *first_of.entry(&q.words).or_insert(i))
            .collect();
        drop(first_of);
        let index = ShingleIndex::new(&quoted, &first_alike);
        let mut quotations = Quotations {
            quoted,
            first_alike,
            index,
            found: Vec::new(),
        };
        let mut loosest: BTreeMap<usize, f64> = BTreeMap::new();
        for rule in rules {
            let similarity = loosest.entry(rule.min_words).or_insert(rule.similarity);
            *similarity = similarity.min(rule.similarity);
        }
        quotations.found = loosest
            .into_iter()
            .map(|(min_words, similarity)| FoundPairs {
                min_words,
                similarity,
                pairs: quotations.find_similar_pairs(min_words, similarity),
            })
            .collect();
        quotations
    }

    /// Pairs of distinct wordings (`i < j`), both of `min_words` words or
    /// more, as similar as `similarity` asks, with their word distance, in order.
    fn similar_pairs(&self, min_words: usize, similarity: f64) -> Vec<(usize, usize, usize)> {
        let found = self
            .found
            .iter()
            .find(|f| f.min_words == min_words && f.similarity <= similarity);
        let Some(found) = found else {
            return self.find_similar_pairs(min_words, similarity);
        };
        found
            .pairs
            .iter()
            .filter(|&&(i, j, distance)| {
                let shorter = self.quoted[i].words.len().min(self.quoted[j].words.len());
                is_similar(distance, shorter, similarity)
            })
            .copied()
            .collect()
    }

    /// [`Self::similar_pairs`], searched for. Comparisons run in parallel,
    /// each worker with its own counters; the pairs come back in order,
    /// whatever the thread count.
    fn find_similar_pairs(&self, min_words: usize, similarity: f64) -> Vec<(usize, usize, usize)> {
        let long_enough = |i: usize| self.quoted[i].words.len() >= min_words;
        let wordings: Vec<usize> = (0..self.quoted.len())
            .filter(|&i| self.first_alike[i] == i && long_enough(i))
            .collect();
        wordings
            .par_iter()
            .map_init(
                || {
                    let shared_with = vec![0usize; self.quoted.len()];
                    (shared_with, Vec::new(), Aligner::default())
                },
                |(shared_with, partners, aligner), &i| {
                    self.similar_later(i, min_words, similarity, shared_with, partners, aligner)
                },
            )
            .flatten_iter()
            .collect()
    }

    /// The later wordings (index above `i`) of `min_words` words or more as
    /// similar to wording `i` as `similarity` asks, with their word
    /// distance. `shared_with` (zeroed, one slot a quotation), `partners`
    /// and `aligner` are scratch space, left as they were found.
    fn similar_later(
        &self,
        i: usize,
        min_words: usize,
        similarity: f64,
        shared_with: &mut [usize],
        partners: &mut Vec<usize>,
        aligner: &mut Aligner,
    ) -> Vec<(usize, usize, usize)> {
        let index = &self.index;
        // Count, for every later wording, the shingles it shares with this one.
        for list in index.lists_of(i).filter(|l| l.len() <= MAX_POSTINGS) {
            for j in list.iter().map(|&j| j as usize).filter(|&j| j > i) {
                if shared_with[j] == 0 {
                    partners.push(j);
                }
                shared_with[j] += 1;
            }
        }
        let mut found = Vec::new();
        for j in partners.drain(..) {
            let shared = std::mem::take(&mut shared_with[j]);
            let (a, b) = (&self.quoted[i].words, &self.quoted[j].words);
            if b.len() < min_words {
                continue;
            }
            let shorter = a.len().min(b.len());
            let max = most_edits(similarity, shorter);
            // One edit removes at most SHINGLE distinct shingles of the shorter
            // one; boilerplate shingles were not counted but may be shared.
            let short = if a.len() <= b.len() { i } else { j };
            let possible = shared + index.boilerplate[i].min(index.boilerplate[j]);
            if possible + SHINGLE * max < index.shingles.row(short).len() {
                continue;
            }
            // Each word of the shorter one missing from the other costs an
            // edit: first counted roughly from the signatures, then exactly.
            let long = if short == i { j } else { i };
            if index.signatures[short].missing_from(&index.signatures[long]) > max
                || shorter - common_words(index.sorted.row(i), index.sorted.row(j)) > max
            {
                continue;
            }
            let distance = aligner.distance(a, b);
            if is_similar(distance, shorter, similarity) {
                found.push((i, j, distance));
            }
        }
        found
    }
}

/// The quotations with their words interned. Normalized in parallel a
/// batch at a time and interned in order, so the words of only one batch
/// are held as text at once. A quotation written exactly like an earlier
/// one (a line carried by many articles) takes that one's words instead of
/// being read again: the same text always normalizes to the same words.
fn interned<'a>(claims: &[(usize, &'a Claim, &str)]) -> Vec<Quoted<'a>> {
    let mut first_of: FxHashMap<&str, usize> = FxHashMap::default();
    let first_written: Vec<usize> = claims
        .iter()
        .enumerate()
        .map(|(i, &(_, _, text))| *first_of.entry(text).or_insert(i))
        .collect();
    drop(first_of);
    let mut vocabulary = Vocabulary::default();
    let mut quoted: Vec<Quoted> = Vec::with_capacity(claims.len());
    for (batch, firsts) in claims
        .chunks(NORMALIZE_BATCH)
        .zip(first_written.chunks(NORMALIZE_BATCH))
    {
        let start = quoted.len();
        let texts: Vec<Option<String>> = batch
            .par_iter()
            .zip(firsts)
            .enumerate()
            .map(|(k, (&(_, _, text), &first))| (first == start + k).then(|| normalized(text)))
            .collect();
        for ((&(article, claim, _), text), &first) in batch.iter().zip(&texts).zip(firsts) {
            let words = match text {
                Some(text) => vocabulary.ids(text),
                None => quoted[first].words.clone(),
            };
            quoted.push(Quoted {
                article,
                claim,
                words,
            });
        }
    }
    quoted
}

/// Word ids, given in the order words are first seen.
#[derive(Default)]
struct Vocabulary {
    ids: FxHashMap<String, u32>,
    /// The ids of the quotation being read, copied out at its end so each
    /// quotation's list is allocated once, at its size.
    read: Vec<u32>,
}

impl Vocabulary {
    /// The ids of the words of a normalized quotation. Its only ASCII white
    /// space is the one space between words, so the split is by bytes.
    fn ids(&mut self, text: &str) -> Vec<u32> {
        self.read.clear();
        for word in text.split_ascii_whitespace() {
            let id = match self.ids.get(word) {
                Some(&id) => id,
                None => {
                    let id = row_index(self.ids.len());
                    self.ids.insert(word.to_string(), id);
                    id
                }
            };
            self.read.push(id);
        }
        self.read.clone()
    }
}

/// The distinct wordings' three-word shingles, each with the wordings that
/// hold it (a list cut just past `MAX_POSTINGS`).
struct ShingleIndex {
    /// Per shingle: the wordings that hold it.
    lists: Rows,
    /// Per wording: its distinct shingles, as rows of `lists`.
    shingles: Rows,
    /// Per wording: how many of them are boilerplate (over the cap).
    boilerplate: Vec<usize>,
    /// Per wording: its words, sorted.
    sorted: Rows,
    /// Per wording: which words it holds, hashed.
    signatures: Vec<Signature>,
}

impl ShingleIndex {
    /// Indexes the quotations that are the first of their wording.
    fn new(quoted: &[Quoted], first_alike: &[usize]) -> ShingleIndex {
        let mut ids: FxHashMap<u128, u32> = FxHashMap::default();
        let mut shingles = Rows::default();
        let mut sorted = Rows::default();
        let mut wording_shingles: Vec<u32> = Vec::new();
        let mut sorted_words: Vec<u32> = Vec::new();
        let mut signatures = Vec::with_capacity(quoted.len());
        for (i, q) in quoted.iter().enumerate() {
            wording_shingles.clear();
            sorted_words.clear();
            if first_alike[i] == i {
                for shingle in q.words.windows(SHINGLE) {
                    let next = row_index(ids.len());
                    wording_shingles.push(*ids.entry(shingle_key(shingle)).or_insert(next));
                }
                wording_shingles.sort_unstable();
                wording_shingles.dedup();
                sorted_words.extend(&q.words);
                sorted_words.sort_unstable();
            }
            signatures.push(Signature::of(&sorted_words));
            shingles.push_row(wording_shingles.iter().copied());
            sorted.push_row(sorted_words.iter().copied());
        }
        let lists = shingles.inverted(ids.len(), MAX_POSTINGS + 1);
        drop(ids);
        let boilerplate = (0..quoted.len())
            .map(|i| {
                shingles
                    .row(i)
                    .iter()
                    .filter(|&&id| lists.row(id as usize).len() > MAX_POSTINGS)
                    .count()
            })
            .collect();
        ShingleIndex {
            lists,
            shingles,
            boilerplate,
            sorted,
            signatures,
        }
    }

    fn lists_of(&self, wording: usize) -> impl Iterator<Item = &[u32]> {
        self.shingles
            .row(wording)
            .iter()
            .map(|&id| self.lists.row(id as usize))
    }
}

/// A shingle's word ids in one number: hashed and compared as one key
/// rather than as a slice.
fn shingle_key(shingle: &[u32]) -> u128 {
    const _: () = assert!(SHINGLE * 32 <= 128, "a shingle's ids fit in the key");
    shingle
        .iter()
        .fold(0, |key, &word| key << 32 | u128::from(word))
}

/// The words of a quotation as a 256-bit set of hashed word ids: the words
/// of one missing from another are at least the bits of the first that the
/// second lacks, a bound found in a few instructions where counting the
/// words exactly takes a pass over both.
#[derive(Clone, Copy)]
struct Signature([u64; 4]);

impl Signature {
    fn of(words: &[u32]) -> Signature {
        let mut bits = [0u64; 4];
        for &word in words {
            // Fibonacci hashing: the top eight bits of the product.
            let bit = (word.wrapping_mul(0x9E37_79B9) >> 24) as usize;
            bits[bit / 64] |= 1 << (bit % 64);
        }
        Signature(bits)
    }

    /// At most how many of this signature's words `other` lacks.
    fn missing_from(&self, other: &Signature) -> usize {
        self.0
            .iter()
            .zip(other.0)
            .map(|(mine, theirs)| (mine & !theirs).count_ones() as usize)
            .sum()
    }
}

/// Rows of numbers kept end to end in one vector: a list per quotation or
/// shingle without a vector (and an allocation) for each.
#[derive(Default)]
struct Rows {
    /// Where each row ends in `items`.
    ends: Vec<u32>,
    items: Vec<u32>,
}

impl Rows {
    fn push_row(&mut self, row: impl IntoIterator<Item = u32>) {
        self.items.extend(row);
        self.ends.push(row_index(self.items.len()));
    }

    fn row(&self, n: usize) -> &[u32] {
        let start = n.checked_sub(1).map_or(0, |m| self.ends[m] as usize);
        &self.items[start..self.ends[n] as usize]
    }

    /// Per number below `count`: the rows that hold it, in order, at most
    /// `cap` of them. Counted first, so each list is written in place
    /// rather than sorted out of a list of pairs.
    fn inverted(&self, count: usize, cap: usize) -> Rows {
        let mut held = vec![0usize; count];
        for &n in &self.items {
            held[n as usize] += 1;
        }
        // `held` becomes where each list is filled up to, from its start.
        let mut ends = Vec::with_capacity(count);
        let mut end = 0;
        for slot in &mut held {
            let start = end;
            end += (*slot).min(cap);
            ends.push(row_index(end));
            *slot = start;
        }
        let mut items = vec![0; end];
        for row in 0..self.ends.len() {
            for &n in self.row(row) {
                let n = n as usize;
                if held[n] < ends[n] as usize {
                    items[held[n]] = row_index(row);
                    held[n] += 1;
                }
            }
        }
        Rows { ends, items }
    }
}

/// A quotation, word, shingle or position as stored in the index. Each
/// word of a quotation is at least two bytes of an article's text and
/// eight more in the index, so whatever fits in memory counts fewer than
/// 2³² of any of them.
fn row_index(n: usize) -> u32 {
    u32::try_from(n).expect("fewer than 2^32 quotation words in memory")
}

pub fn check(
    rule: &Rule,
    quote: &QuoteRule,
    quotations: &Quotations,
    articles: &[Article],
) -> Vec<Finding> {
    let quoted = &quotations.quoted;
    let counted = |i: usize| quoted[i].words.len() >= quote.min_words.max(1);
    // Identical wordings are one quotation.
    let mut components = UnionFind::new(quoted.len());
    for (i, &first) in quotations.first_alike.iter().enumerate() {
        if first != i && counted(i) {
            components.join(first, i);
        }
    }
    let mut drifted = vec![false; quoted.len()];
    for (i, j, distance) in quotations.similar_pairs(quote.min_words, quote.similarity) {
        components.join(i, j);
        if distance > 0 {
            drifted[i] = true;
            drifted[j] = true;
        }
    }

    let mut groups: FxHashMap<usize, Vec<usize>> = FxHashMap::default();
    for i in (0..quoted.len()).filter(|&i| counted(i)) {
        groups.entry(components.root(i)).or_default().push(i);
    }
    let mut findings = Vec::new();
    for members in groups.into_values().filter(|m| m.len() > 1) {
        let finding = match quote.check {
            QuoteCheck::Wording if members.iter().any(|&i| drifted[i]) => {
                Some(drift(rule, &members, quoted, articles))
            }
            QuoteCheck::Speaker => misattribution(rule, &members, quoted, articles),
            QuoteCheck::Wording => None,
        };
        findings.extend(finding);
    }
    findings
}

/// The most edits the similarity threshold allows between quotations whose
/// shorter one has `shorter` words.
fn most_edits(similarity: f64, shorter: usize) -> usize {
    ((1.0 - similarity) * shorter as f64 + 1e-9).floor() as usize
}

/// Whether two quotations `distance` edits apart are as similar as asked.
fn is_similar(distance: usize, shorter: usize, similarity: f64) -> bool {
    distance <= most_edits(similarity, shorter)
        && 1.0 - distance as f64 / shorter as f64 >= similarity
}

/// How many words two sorted bags have in common, repeats counted.
fn common_words(a: &[u32], b: &[u32]) -> usize {
    let (mut i, mut j, mut common) = (0, 0, 0);
    // Without branches on the comparison, which no predictor guesses.
    while i < a.len() && j < b.len() {
        let (x, y) = (a[i], b[j]);
        common += usize::from(x == y);
        i += usize::from(x <= y);
        j += usize::from(y <= x);
    }
    common
}

/// A quotation's first `MAX_WORDS` words, lowercase and separated by one
/// space, without bracketed insertions. Read in one pass: brackets and what
/// they hold are skipped as if never written, and a comma or thin space
/// between two digits joins them ("5,000" and "5000" are one number).
fn normalized(text: &str) -> String {
    let mut out = Normalized {
        text: String::with_capacity(text.len()),
        ..Normalized::default()
    };
    let mut depth = 0usize;
    // A digit-group separator just read after a digit: whether it joins or
    // splits depends on the character after it.
    let mut held_separator = false;
    let mut rest = text;
    // Once the last word is read nothing more is written.
    while out.count < MAX_WORDS {
        // Most of a quotation is runs of ASCII letters and digits, taken a
        // run at a time: only the first character of a run can end a word
        // or join a number, and the rest are written as they are.
        let run = rest
            .bytes()
            .take_while(|&b| lower_alphanumeric(b) != 0)
            .count();
        if run > 0 {
            let (letters, after) = rest.split_at(run);
            rest = after;
            if depth == 0 {
                let joins = letters.as_bytes()[0].is_ascii_digit() && out.ends_with_digit();
                if held_separator && !joins {
                    out.end_word();
                }
                held_separator = false;
                out.push_ascii(letters);
            }
            continue;
        }
        let mut chars = rest.chars();
        let Some(c) = chars.next() else {
            break;
        };
        rest = chars.as_str();
        match c {
            '[' | '(' => depth += 1,
            ']' | ')' => depth = depth.saturating_sub(1),
            _ if depth > 0 => {}
            _ if c.is_alphanumeric() || is_apostrophe(c) => {
                if held_separator {
                    out.end_word();
                }
                held_separator = false;
                out.push(c);
            }
            ',' | '\u{2009}' | '\u{202F}' if !held_separator && out.ends_with_digit() => {
                held_separator = true;
            }
            _ => {
                held_separator = false;
                out.end_word();
            }
        }
    }
    out.end_word();
    out.text
}

/// An ASCII letter or digit in lowercase, or 0 for any other byte: the
/// one table that measures a run and lowers the bytes it writes.
fn lower_alphanumeric(byte: u8) -> u8 {
    const TABLE: [u8; 256] = {
        let mut table = [0; 256];
        let mut byte = 0;
        while byte < 256 {
            let b = byte as u8;
            if b.is_ascii_alphanumeric() {
                table[byte] = b.to_ascii_lowercase();
            }
            byte += 1;
        }
        table
    };
    TABLE[usize::from(byte)]
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '’'
}

/// The words of a quotation as they are normalized: the words read so far,
/// then the one being read, written straight into `text` (ASCII lowercased
/// as it comes) so that a word is not copied again when it ends.
#[derive(Default)]
struct Normalized {
    text: String,
    /// Where the word being read starts in `text`, from its first
    /// character that is not an apostrophe.
    word: Option<usize>,
    /// Whether the word being read has characters beyond ASCII, which are
    /// lowercased (and ’ made ') when it ends.
    wide: bool,
    count: usize,
}

impl Normalized {
    /// Whether a character can be written: a word is being read, or one
    /// starts here. Apostrophes before a word are trimmed, so never
    /// written; nor is a word past the last one kept.
    fn starts_or_continues(&mut self, c: char) -> bool {
        if self.word.is_some() {
            return true;
        }
        if is_apostrophe(c) || self.count == MAX_WORDS {
            return false;
        }
        if !self.text.is_empty() {
            self.text.push(' ');
        }
        self.word = Some(self.text.len());
        true
    }

    fn push(&mut self, c: char) {
        if self.starts_or_continues(c) {
            self.wide |= !c.is_ascii();
            self.text.push(c.to_ascii_lowercase());
        }
    }

    /// Writes a run of ASCII letters and digits, as [`Self::push`] would
    /// one character at a time.
    fn push_ascii(&mut self, letters: &str) {
        let Some(first) = letters.chars().next() else {
            return;
        };
        if self.starts_or_continues(first) {
            let lower = letters.bytes().map(|b| char::from(lower_alphanumeric(b)));
            self.text.extend(lower);
        }
    }

    /// Whether the word being read ends with a digit.
    fn ends_with_digit(&self) -> bool {
        self.word.is_some() && self.text.as_bytes().last().is_some_and(u8::is_ascii_digit)
    }

    fn end_word(&mut self) {
        let Some(start) = self.word.take() else {
            return;
        };
        // The word starts with another character, so only its own
        // apostrophes are trimmed. A word can only end in one if its last
        // byte is ' or the last byte of ’, so most are not searched.
        if matches!(self.text.as_bytes().last(), Some(b'\'' | 0x99)) {
            let trimmed = self.text.trim_end_matches(is_apostrophe).len();
            self.text.truncate(trimmed);
        }
        if std::mem::take(&mut self.wide) {
            let word = self.text[start..].to_lowercase().replace('’', "'");
            self.text.truncate(start);
            self.text.push_str(&word);
        }
        self.count += 1;
    }
}

/// Word edit distance between the shorter quotation and the stretch of the
/// longer one it matches best, so a partial quote of a longer statement
/// counts as identical: edit distance with the longer one's ends free.
///
/// Computed with Myers' bit-vector algorithm (1999): a column of the edit
/// table (one cell per word of the shorter quotation) is kept as the bits
/// of its steps up and down from one cell to the next, 64 cells to a
/// block, and a word of the longer one advances the whole column in a few
/// operations a block instead of one cell at a time.
#[derive(Default)]
struct Aligner {
    /// Per word id: its row in `masks` plus one, or 0 for a word the
    /// shorter quotation lacks (set for one alignment, then cleared).
    slot: Vec<u32>,
    /// Per distinct word of the shorter quotation, its blocks: a bit for
    /// every place it stands.
    masks: Vec<u64>,
    /// The column, a block at a time.
    steps: Vec<Steps>,
}

/// One block of a column of the edit table: the cells one more (`up`)
/// and one less (`down`) than the cell above them, a bit each.
#[derive(Clone, Copy)]
struct Steps {
    up: u64,
    down: u64,
}

impl Aligner {
    /// The distance of the shorter wording to its closest stretch of the longer.
    fn distance(&mut self, a: &[u32], b: &[u32]) -> usize {
        let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
        let Some(last_row) = short.len().checked_sub(1) else {
            return 0;
        };
        let blocks = short.len().div_ceil(64);
        self.mark(short, blocks);
        // The first column: the cells count the words of `short` deleted.
        self.steps.clear();
        self.steps.resize(blocks, Steps { up: !0, down: 0 });
        let last = 1u64 << (last_row % 64);
        let mut score = short.len();
        let mut best = score;
        for &word in long {
            let slot = self.slot.get(word as usize).map_or(0, |&s| s as usize);
            let mut carry = 0i8;
            for (block, steps) in self.steps.iter_mut().enumerate() {
                let equal = match slot {
                    0 => 0,
                    s => self.masks[(s - 1) * blocks + block],
                };
                let high = if block + 1 == blocks { last } else { 1 << 63 };
                carry = steps.advance(equal, carry, high);
            }
            score = (score + usize::from(carry > 0)) - usize::from(carry < 0);
            best = best.min(score);
        }
        for &word in short {
            self.slot[word as usize] = 0;
        }
        best
    }

    /// Sets the masks of the words of `short`.
    fn mark(&mut self, short: &[u32], blocks: usize) {
        self.masks.clear();
        for (place, &word) in short.iter().enumerate() {
            let word = word as usize;
            if word >= self.slot.len() {
                self.slot.resize(word + 1, 0);
            }
            if self.slot[word] == 0 {
                self.masks.resize(self.masks.len() + blocks, 0);
                self.slot[word] = row_index(self.masks.len() / blocks);
            }
            let row = self.slot[word] as usize - 1;
            self.masks[row * blocks + place / 64] |= 1 << (place % 64);
        }
    }
}

impl Steps {
    /// Moves the block one column on: `equal` marks the cells whose word
    /// is the column's, `carry` is the step into the block's first cell
    /// from the block above (-1, 0 or 1; 0 above the first block, where
    /// the longer quotation's start is free), and `high` marks the block's
    /// last cell. Returns the step out of that cell.
    fn advance(&mut self, equal: u64, carry: i8, high: u64) -> i8 {
        let Steps { up, down } = *self;
        let vertical = equal | down;
        let equal = if carry < 0 { equal | 1 } else { equal };
        let horizontal = (((equal & up).wrapping_add(up)) ^ up) | equal;
        let mut right_up = down | !(horizontal | up);
        let mut right_down = up & horizontal;
        let out = if right_up & high != 0 {
            1
        } else {
            -i8::from(right_down & high != 0)
        };
        right_up <<= 1;
        right_down <<= 1;
        if carry < 0 {
            right_down |= 1;
        } else if carry > 0 {
            right_up |= 1;
        }
        self.up = right_down | !(vertical | right_up);
        self.down = right_up & vertical;
        out
    }
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
        .flat_map(|&(i, speaker)| {
            let q = &quoted[i];
            let article = &articles[q.article];
            let quotation = Location {
                article: q.article,
                span: q.claim.span,
                label: format!("attributed to {speaker} ({})", article.source_label()),
            };
            let named_at = speaker_named(article, q.claim.span, speaker).map(|span| Location {
                article: q.article,
                span,
                label: speaker.to_string(),
            });
            std::iter::once(quotation).chain(named_at)
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

/// Where the article names the speaker of the quotation at `quote`: the
/// occurrence of the name nearest the quotation in its paragraph ("…,"
/// said Gordon Tully"), else the last before it (the speaker of "he
/// said" named earlier); the surname alone when the full name is not
/// written ("Dr Aalto-Baines said"). Shown beside the quotation, so that a
/// misattribution points at both attributions.
fn speaker_named(article: &Article, quote: Span, speaker: &str) -> Option<Span> {
    let text = article.doc.text.as_str();
    let find = |name: &str| -> Vec<Span> {
        memchr::memmem::find_iter(text.as_bytes(), name.as_bytes())
            .map(|at| Span::new(at, at + name.len()))
            .filter(|found| !found.overlaps(quote))
            .collect()
    };
    let mut occurrences = find(speaker);
    if occurrences.is_empty() {
        let surname = speaker.split_whitespace().next_back()?;
        occurrences = find(surname);
    }
    let doc = &article.doc;
    let block = doc.block_at(quote.start()).map_or(quote, |i| doc.blocks[i]);
    occurrences
        .iter()
        .filter(|name| block.start() <= name.start() && name.end() <= block.end())
        .min_by_key(|name| name.distance(quote))
        .or_else(|| {
            occurrences
                .iter()
                .rev()
                .find(|name| name.end() <= quote.start())
        })
        .copied()
}

/// A named speaker: a proper name, not "a US official", "the statement"
/// or someone described by whose they are ("Meridian's head").
fn is_named(speaker: &str) -> bool {
    let first = speaker.split_whitespace().next().unwrap_or("");
    let possessive = speaker.contains("'s ") || speaker.contains("’s ");
    first.starts_with(char::is_uppercase)
        && !possessive
        && !matches!(first, "The" | "A" | "An" | "He" | "She" | "They" | "It")
}

/// "Okafor" and "Ada Okafor" are one speaker: one's words are all in the
/// other's. So are "Amina Rahel" and "Amina Rahell" (a surname one letter
/// apart), and "Luca Brandt" and "Luka Brandt" (first names that sound
/// alike): a name spelled two ways is one person's, which the name check
/// reports as a spelling; a different first name ("Mark" / "Mary Kelly") is
/// another person.
fn same_speaker(a: &str, b: &str) -> bool {
    let words = |s: &str| {
        s.split_whitespace()
            .map(str::to_lowercase)
            .collect::<Vec<_>>()
    };
    let (a, b) = (words(a), words(b));
    if a.iter().all(|w| b.contains(w)) || b.iter().all(|w| a.contains(w)) {
        return true;
    }
    let (Some((surname_a, given_a)), Some((surname_b, given_b))) = (a.split_last(), b.split_last())
    else {
        return false;
    };
    let within = |x: &[String], y: &[String]| {
        x.iter()
            .all(|w| y.iter().any(|v| v == w || super::names::sounds_alike(v, w)))
    };
    let given_agree = within(given_a, given_b) || within(given_b, given_a);
    // Short surnames ("Lee" / "Lei") are too often two people's.
    const SHORTEST: usize = 5;
    given_agree
        && (surname_a == surname_b || super::names::is_respelling(surname_a, surname_b, SHORTEST))
}

fn short(text: &str) -> String {
    const MAX: usize = 60;
    match text.char_indices().nth(MAX) {
        Some((cut, _)) => format!("{}…", &text[..cut]),
        None => text.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{Document, Format, Meta};

    #[test]
    fn a_partial_quote_aligns_with_no_edit() {
        let statement = [1, 2, 3, 4, 5, 6, 7, 8];
        let mut aligner = Aligner::default();
        assert_eq!(aligner.distance(&[3, 4, 5, 6], &statement), 0);
        // One word changed inside the stretch is one edit.
        assert_eq!(aligner.distance(&[3, 9, 5, 6], &statement), 1);
        // Two are two.
        assert_eq!(aligner.distance(&[3, 9, 9, 6], &statement), 2);
        // Equal lengths: a word dropped at one end and added at the other.
        assert_eq!(aligner.distance(&[1, 2, 3, 4], &[2, 3, 4, 5]), 1);
        assert_eq!(aligner.distance(&[], &statement), 0);
    }

    /// The edit table filled a cell at a time, as the bit vectors stand for it.
    fn table_distance(short: &[u32], long: &[u32]) -> usize {
        let mut row = vec![0usize; long.len() + 1];
        for (i, &word) in short.iter().enumerate() {
            let mut diagonal = row[0];
            row[0] = i + 1;
            for j in 1..=long.len() {
                let above = row[j];
                row[j] = (diagonal + usize::from(long[j - 1] != word))
                    .min(above + 1)
                    .min(row[j - 1] + 1);
                diagonal = above;
            }
        }
        row.into_iter().min().unwrap_or(0)
    }

    #[test]
    fn bit_vectors_give_the_distance_of_the_table_in_blocks_of_any_count() {
        let mut seed = 12345u64;
        let mut next = |n: u64| {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (seed >> 33) % n
        };
        let mut aligner = Aligner::default();
        for _ in 0..300 {
            let short_len = next(200) as usize;
            let long_len = short_len + next(40) as usize;
            // A small vocabulary, so words repeat and match often.
            let vocabulary = 2 + next(12);
            let long: Vec<u32> = (0..long_len).map(|_| next(vocabulary) as u32).collect();
            let start = next(long_len as u64 - short_len as u64 + 1) as usize;
            let mut short = long[start..start + short_len].to_vec();
            for _ in 0..next(8) {
                if !short.is_empty() {
                    let at = next(short.len() as u64) as usize;
                    short[at] = next(vocabulary + 2) as u32;
                }
            }
            let expected = table_distance(&short, &long);
            assert_eq!(aligner.distance(&short, &long), expected);
            if long_len > short_len {
                assert_eq!(aligner.distance(&long, &short), expected);
            }
        }
    }

    #[test]
    fn shared_words_count_repeats() {
        assert_eq!(common_words(&[1, 1, 2, 5], &[1, 2, 2, 5, 7]), 3);
        assert_eq!(common_words(&[1, 2], &[3, 4]), 0);
    }

    /// The signature's count of missing words is a bound: never more than
    /// the words of one bag that the other lacks, repeats counted.
    #[test]
    fn signatures_never_count_more_missing_words_than_there_are() {
        let bags: Vec<Vec<u32>> = (0..200u32)
            .map(|n| {
                let mut bag: Vec<u32> = (0..n % 40).map(|k| (k * 7919 + n * 31) % 500).collect();
                bag.sort_unstable();
                bag
            })
            .collect();
        for a in &bags {
            for b in &bags {
                let missing = a.len() - common_words(a, b);
                let bound = Signature::of(a).missing_from(&Signature::of(b));
                assert!(bound <= missing, "{a:?} {b:?}");
            }
        }
        let (a, b) = ([1, 2, 3], [1, 2, 3, 4]);
        assert_eq!(Signature::of(&a).missing_from(&Signature::of(&b)), 0);
        assert_eq!(Signature::of(&b).missing_from(&Signature::of(&a)), 1);
    }

    #[test]
    fn wording_is_compared_without_brackets_case_or_digit_groups() {
        assert_eq!(
            normalized("We [the government] will spend 5,000 — “NOT” less."),
            "we will spend 5000 not less"
        );
        assert_eq!(normalized("Harbour’s ‘plan’"), "harbour's plan");
        // Only one separator between two digits joins them, brackets unseen.
        assert_eq!(
            normalized("5,,000 5, 000 5,[sic]000 x,000"),
            "5 000 5 000 5000 x 000"
        );
        assert_eq!(normalized("1\u{2009}200\u{202F}300"), "1200300");
    }

    #[test]
    fn letters_beyond_ascii_are_read_inside_runs_of_ascii_ones() {
        assert_eq!(
            normalized("CAFÉS, Ökonomie and ’Twas"),
            "cafés ökonomie and twas"
        );
        assert_eq!(normalized("l’ÉTAT [Ça] 2,5"), "l'état 25");
        let long = "Word ".repeat(MAX_WORDS + 10);
        assert_eq!(normalized(&long), vec!["word"; MAX_WORDS].join(" "));
    }

    #[test]
    fn shingle_keys_keep_every_word_in_its_place() {
        assert_eq!(shingle_key(&[1, 2, 3]), 1 << 64 | 2 << 32 | 3);
        let max = u32::MAX;
        assert_ne!(shingle_key(&[max, 0, 0]), shingle_key(&[0, max, 0]));
        assert_ne!(shingle_key(&[0, 0, max]), shingle_key(&[0, 1, 0]));
    }

    #[test]
    fn words_are_numbered_in_the_order_first_seen() {
        let mut vocabulary = Vocabulary::default();
        assert_eq!(vocabulary.ids("we will we"), [0, 1, 0]);
        assert_eq!(vocabulary.ids("will win"), [1, 2]);
        assert_eq!(vocabulary.ids(""), [] as [u32; 0]);
    }

    #[test]
    fn inverted_rows_list_the_rows_holding_each_number_in_order() {
        let mut rows = Rows::default();
        for row in [&[0, 2][..], &[], &[2], &[1, 2]] {
            rows.push_row(row.iter().copied());
        }
        let lists = rows.inverted(3, 2);
        assert_eq!(lists.row(0), [0]);
        assert_eq!(lists.row(1), [3]);
        // Cut at two: the third row holding 2 is left out.
        assert_eq!(lists.row(2), [0, 2]);
    }

    fn article(name: &str, text: &str) -> Article {
        let doc = Document::parse(name.into(), text.into(), Format::Text, Meta::default())
            .expect("plain text always parses");
        let claims = crate::extract::extract(&doc);
        Article { doc, claims }
    }

    #[test]
    fn a_speaker_described_by_whose_they_are_is_not_named() {
        assert!(is_named("Olivia Sandstrom"));
        assert!(is_named("Okafor"));
        assert!(!is_named("Meridian's head"));
        assert!(!is_named("the statement"));
    }

    #[test]
    fn a_respelt_surname_is_the_same_speaker_and_another_first_name_is_not() {
        assert!(same_speaker("Okafor", "Ada Okafor"));
        assert!(same_speaker("Amina Rahel", "Amina Rahell"));
        assert!(same_speaker("Rahell", "Amina Rahel"));
        assert!(same_speaker("Luca Brandt", "Luka Brandt"));
        assert!(!same_speaker("Zara Khan", "Sara Khan"));
        assert!(!same_speaker("Mark Kelly", "Mary Kelly"));
        assert!(!same_speaker("Amina Rahel", "Amina Rashid"));
        assert!(!same_speaker("Li Lee", "Li Lei"));
    }

    #[test]
    fn a_stricter_rule_keeps_the_closer_pairs_found_for_a_looser_one() {
        let articles = [
            article(
                "a.txt",
                "“We will not allow them to win this war at any cost,” she said.",
            ),
            // One word changed: 10 of 11 alike.
            article(
                "b.txt",
                "“We will never allow them to win this war at any cost,” she said.",
            ),
            // Three words changed from the first: 8 of 11 alike.
            article(
                "c.txt",
                "“We shall never allow them to win the war at any cost,” she said.",
            ),
        ];
        let rule = |check, similarity| QuoteRule {
            check,
            min_words: 5,
            similarity,
        };
        let loose = rule(QuoteCheck::Wording, 0.7);
        let strict = rule(QuoteCheck::Speaker, 0.85);
        let shared = Quotations::new(&articles, &[&loose, &strict]);
        let searched = Quotations::new(&articles, &[]);
        for similarity in [0.7, 0.85] {
            assert_eq!(
                shared.similar_pairs(5, similarity),
                searched.similar_pairs(5, similarity)
            );
        }
        assert_eq!(shared.similar_pairs(5, 0.7).len(), 3);
        assert_eq!(shared.similar_pairs(5, 0.85).len(), 1);
    }
}
