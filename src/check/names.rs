//! Name consistency: a person or place spelled two ways, within an article
//! or across the articles checked together.
//!
//! Capitalised words are collected, per thread and then merged, into a
//! vocabulary of spellings with their neighbours in the name ("Jon" before
//! "Smyth"); where a spelling is used is looked up afterwards, only for the
//! spellings that turn out to vary. Candidate pairs come from a deletion index
//! (each spelling and every spelling one letter shorter), so only spellings
//! one edit apart (a letter added, dropped or changed) meet, in time linear
//! in the vocabulary.
//! A pair is a variant when the two stand beside the same word (short
//! names only when they are written apart in ways of writing one sound:
//! Luca / Luka, not Mark / Mary), or when both are long and one edit apart;
//! inflections (Russia / Russian) and the rule's allow-list are not.

use std::collections::{BTreeMap, BTreeSet};

use memchr::memmem::Finder;

use rayon::prelude::*;
use rustc_hash::{FxHashMap, FxHashSet};
use strsim::damerau_levenshtein;

use super::{Article, Finding, Location, UnionFind};
use crate::extract::is_letter;
use crate::rules::{NameRule, Rule};
use crate::span::Span;

/// Endings that make another word from a name, not another spelling of it.
const INFLECTIONS: &[&str] = &[
    "s", "es", "n", "an", "ian", "ians", "ans", "ns", "ese", "ish", "i", "is", "ic", "ics", "ism",
    "ist", "ists",
];
/// Deletion-index buckets larger than this are skipped.
const MAX_BUCKET: usize = 64;
/// Longer "words" are not names (and would make the deletion index large).
const MAX_NAME_LENGTH: usize = 40;
/// A differing word shorter than this is not compared, even beside a shared word ("Mark"/"Mary").
const MIN_CONTEXT_LENGTH: usize = 5;

/// One use of a spelling in an article.
struct Mention {
    article: usize,
    span: Span,
}

/// Which side of a name a neighbouring name stands on.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
enum Side {
    Before,
    After,
}

/// What the articles use, words borrowed from their text: each name
/// spelling with the names that stand beside it ("Jon" before "Smyth"),
/// and every word written in lower case. Built per thread, then merged.
#[derive(Default)]
struct Vocabulary<'a> {
    names: FxHashMap<&'a str, NameUse<'a>>,
    lowercase: WordSet<'a>,
}

/// A set of words, most of them short. Every lowercase word of every article
/// is put here, so a word of up to eight bytes is kept as a number, its bytes
/// packed, which hashes and compares in a few instructions; a longer one as
/// text.
struct WordSet<'a> {
    short: FxHashSet<u64>,
    long: FxHashSet<&'a str>,
    /// The short words last added, one a slot chosen by hash: a word met
    /// again soon after ("the", "said") is found here without a lookup.
    recent: Box<[u64; RECENT_SLOTS]>,
}

/// Slots of [`WordSet::recent`]: a power of two, chosen by the top bits of
/// a multiplicative hash.
const RECENT_SLOTS: usize = 1024;
const RECENT_SHIFT: u32 = 64 - RECENT_SLOTS.trailing_zeros();

impl Default for WordSet<'_> {
    fn default() -> Self {
        WordSet {
            short: FxHashSet::default(),
            long: FxHashSet::default(),
            recent: Box::new([0; RECENT_SLOTS]),
        }
    }
}

impl<'a> WordSet<'a> {
    /// The bytes of a word of up to eight, as a number. Words hold no zero
    /// byte, so the zeros after a shorter word keep it apart from longer ones.
    fn packed(word: &[u8]) -> Option<u64> {
        let mut packed = [0; 8];
        packed.get_mut(..word.len())?.copy_from_slice(word);
        Some(u64::from_le_bytes(packed))
    }

    /// [`WordSet::packed`] of the word `span` of `text`. Where the text goes
    /// on for eight bytes from the word's start, they are read at once and
    /// those past its end cleared, instead of copied a word's length.
    fn packed_in(text: &[u8], span: Span) -> Option<u64> {
        let past_end = 8usize.checked_sub(span.len())?;
        match text.get(span.start()..).and_then(<[u8]>::first_chunk::<8>) {
            Some(&eight) => {
                let kept = u64::MAX.checked_shr(8 * past_end as u32).unwrap_or(0);
                Some(u64::from_le_bytes(eight) & kept)
            }
            None => WordSet::packed(&text[span.start()..span.end()]),
        }
    }

    /// Adds the word `span` of `text`, read as text only when it is long.
    fn insert(&mut self, text: &'a str, span: Span) {
        match WordSet::packed_in(text.as_bytes(), span) {
            Some(packed) => {
                // A word's bytes are never all zero: an empty slot holds no word.
                let slot = (packed.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> RECENT_SHIFT) as usize;
                if self.recent[slot] != packed {
                    self.recent[slot] = packed;
                    self.short.insert(packed);
                }
            }
            None => {
                self.long.insert(span.slice(text));
            }
        }
    }

    fn contains(&self, word: &str) -> bool {
        match WordSet::packed(word.as_bytes()) {
            Some(packed) => self.short.contains(&packed),
            None => self.long.contains(word),
        }
    }

    fn extend(&mut self, other: WordSet<'a>) {
        self.short.extend(other.short);
        self.long.extend(other.long);
    }
}

/// Where a name spelling is used and what stands beside it.
#[derive(Default)]
struct NameUse<'a> {
    neighbours: FxHashSet<(Side, &'a str)>,
    /// The articles that use it (in runs of order, one run per worker),
    /// four bytes each: a corpus has millions of these.
    articles: Vec<u32>,
}

impl<'a> Vocabulary<'a> {
    fn add(mut self, (index, article): (usize, &'a Article)) -> Vocabulary<'a> {
        let text = article.doc.text.as_str();
        let index = u32::try_from(index).expect("fewer than 2^32 articles in memory");
        for block in &article.doc.blocks {
            // The word before when it is a name.
            let mut previous: Option<(Span, &'a str)> = None;
            for span in Words::new(text, *block) {
                // Most words start with a lowercase ASCII letter: no name,
                // told without reading the word as text.
                let lowercase = text.as_bytes()[span.start()].is_ascii_lowercase();
                let word = (!lowercase).then(|| span.slice(text));
                let Some(word) = word.filter(|word| is_name(word)) else {
                    // Shorter than any name, a word cannot be a name's common form.
                    if span.len() >= 3
                        && word.is_none_or(|word| word.starts_with(char::is_lowercase))
                    {
                        self.lowercase.insert(text, span);
                    }
                    previous = None;
                    continue;
                };
                let name = self.names.entry(word).or_default();
                if name.articles.last() != Some(&index) {
                    name.articles.push(index);
                }
                if let Some((before, before_word)) = previous {
                    if side_by_side(text, before, span) {
                        name.neighbours.insert((Side::Before, before_word));
                        if let Some(before) = self.names.get_mut(before_word) {
                            before.neighbours.insert((Side::After, word));
                        }
                    }
                }
                previous = Some((span, word));
            }
        }
        self
    }

    fn merge(mut self, mut other: Vocabulary<'a>) -> Vocabulary<'a> {
        if self.names.len() < other.names.len() {
            std::mem::swap(&mut self, &mut other);
        }
        for (word, other) in other.names {
            let name = self.names.entry(word).or_default();
            name.neighbours.extend(other.neighbours);
            name.articles.extend(other.articles);
        }
        self.lowercase.extend(other.lowercase);
        self
    }
}

/// Whether two words of a name stand side by side: nothing but spaces or a
/// hyphen between them ("Jon Smyth", "Jean-Luc").
fn side_by_side(text: &str, before: Span, after: Span) -> bool {
    text.as_bytes()[before.end()..after.start()]
        .iter()
        .all(|&b| b == b' ' || b == b'-')
}

pub fn check(rule: &Rule, names: &NameRule, articles: &[Article]) -> Vec<Finding> {
    let vocabulary = articles
        .par_iter()
        .enumerate()
        .fold(Vocabulary::default, Vocabulary::add)
        .reduce(Vocabulary::default, Vocabulary::merge);
    // Capitalised only at the start of a sentence, the word is a common one.
    let mut spellings: Vec<(&str, String)> = vocabulary
        .names
        .keys()
        .map(|&word| (word, word.to_lowercase()))
        .filter(|(_, lower)| !vocabulary.lowercase.contains(lower.as_str()))
        .collect();
    spellings.sort_unstable();
    let (words, lower): (Vec<&str>, Vec<String>) = spellings.into_iter().unzip();
    let neighbours = |word: &str| &vocabulary.names[word].neighbours;

    let mut index: FxHashMap<String, Vec<usize>> = FxHashMap::default();
    for (i, word) in lower.iter().enumerate() {
        for key in deletions(word) {
            let bucket = index.entry(key).or_default();
            // Deleting either of two like letters gives one key: keep the word once.
            if bucket.last() != Some(&i) {
                bucket.push(i);
            }
        }
    }
    // Variant pairs joined into clusters: Tchaikovsky, Tchaikovskiy and Tchaikovskyy
    // are one name, reported once per article.
    let mut variants = UnionFind::new(words.len());
    // A crowded bucket is a pattern of the language, not one misspelt name.
    for bucket in index
        .values()
        .filter(|b| b.len() > 1 && b.len() <= MAX_BUCKET)
    {
        for (n, &i) in bucket.iter().enumerate() {
            for &j in &bucket[n + 1..] {
                let (a, b) = (words[i], words[j]);
                if is_variant(&lower[i], &lower[j], names, neighbours(a), neighbours(b)) {
                    variants.join(i, j);
                }
            }
        }
    }
    let mut clusters: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for i in 0..words.len() {
        clusters.entry(variants.root(i)).or_default().push(i);
    }
    clusters.retain(|_, spellings| spellings.len() > 1);
    let mentions = mentions_of(&words, &clusters, &vocabulary, articles);

    let mut findings = Vec::new();
    // Each article's source, labelled once however many names it spells two ways.
    let mut sources: FxHashMap<usize, String> = FxHashMap::default();
    for spellings in clusters.into_values() {
        let mut by_article: BTreeMap<usize, BTreeSet<&str>> = BTreeMap::new();
        for &w in &spellings {
            for m in &mentions[&w] {
                by_article.entry(m.article).or_default().insert(words[w]);
            }
        }
        let mixed: Vec<usize> = by_article
            .iter()
            .filter(|(_, ws)| ws.len() > 1)
            .map(|(a, _)| *a)
            .collect();
        let words = &words;
        let all = || {
            spellings
                .iter()
                .flat_map(|&w| mentions[&w].iter().map(move |m| (words[w], m)))
        };
        // Across articles: the first use of each spelling in each article.
        if by_article.len() > 1 {
            let mut firsts: BTreeSet<(usize, &str)> = BTreeSet::new();
            let locations = all()
                .filter(|(w, m)| firsts.insert((m.article, w)))
                .map(|(_, m)| {
                    let source = sources
                        .entry(m.article)
                        .or_insert_with(|| articles[m.article].source_label());
                    location(m, articles, Some(source))
                })
                .collect();
            let message = format!(
                "one name spelled {} ways across articles: {}",
                spellings.len(),
                counts(all())
            );
            findings.push(Finding {
                severity: names.corpus_severity,
                ..Finding::new(rule, message, locations)
            });
        }
        for article in mixed {
            let here = || all().filter(move |(_, m)| m.article == article);
            let locations = here().map(|(_, m)| location(m, articles, None)).collect();
            let message = format!(
                "one name spelled {} ways in this article: {}",
                by_article[&article].len(),
                counts(here())
            );
            findings.push(Finding::new(rule, message, locations));
        }
    }
    findings
}

/// "Gorbachev (1×), Gorbachov (4×)".
fn counts<'m>(mentions: impl Iterator<Item = (&'m str, &'m Mention)>) -> String {
    let mut tally: BTreeMap<&str, usize> = BTreeMap::new();
    for (word, _) in mentions {
        *tally.entry(word).or_insert(0) += 1;
    }
    tally
        .into_iter()
        .map(|(w, n)| format!("{w} ({n}×)"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// A mention's location, labelled with its article's source when the
/// finding spans articles.
fn location(m: &Mention, articles: &[Article], source: Option<&str>) -> Location {
    let written = articles[m.article].quote_text(m.span);
    Location {
        article: m.article,
        span: m.span,
        label: match source {
            // Joined: formatting costs several times as much, once a location.
            Some(source) => [&written, " (", source, ")"].concat(),
            None => written,
        },
    }
}

/// Where each spelling of the clusters is used, in article order. Each
/// spelling is searched for only in the articles that use it, and a place
/// it is found counts when the words of its paragraph hold it there whole.
fn mentions_of(
    spellings: &[&str],
    clusters: &BTreeMap<usize, Vec<usize>>,
    vocabulary: &Vocabulary,
    articles: &[Article],
) -> FxHashMap<usize, Vec<Mention>> {
    let finders: FxHashMap<usize, Finder> = clusters
        .values()
        .flatten()
        .map(|&w| (w, Finder::new(spellings[w])))
        .collect();
    // (article, spelling) for each article that uses a spelling, by article.
    let mut wanted: Vec<(usize, usize)> = finders
        .keys()
        .flat_map(|&w| {
            let users = &vocabulary.names[spellings[w]].articles;
            users.iter().map(move |&article| (article as usize, w))
        })
        .collect();
    wanted.sort_unstable();
    let per_article: Vec<Vec<(usize, Mention)>> = wanted
        .par_chunk_by(|a, b| a.0 == b.0)
        .map(|here| {
            let index = here[0].0;
            let doc = &articles[index].doc;
            // Each spelling's hits come in order of position, and the
            // articles in order: each spelling's mentions are in order.
            here.iter()
                .flat_map(|&(_, w)| {
                    let length = spellings[w].len();
                    // Hits do not overlap, and lose nothing by it: a hit
                    // overlapping another follows a letter, so starts no word.
                    finders[&w]
                        .find_iter(doc.text.as_bytes())
                        .map(move |at| Span::new(at, at + length))
                        .filter(|&span| is_whole_word(&doc.text, &doc.blocks, span))
                        .map(move |span| {
                            (
                                w,
                                Mention {
                                    article: index,
                                    span,
                                },
                            )
                        })
                })
                .collect::<Vec<(usize, Mention)>>()
        })
        .collect();
    let mut mentions: FxHashMap<usize, Vec<Mention>> = FxHashMap::default();
    for (w, mention) in per_article.into_iter().flatten() {
        mentions.entry(w).or_default().push(mention);
    }
    mentions
}

/// Whether `span` is one of the words of the paragraph it stands in. The
/// span starts with a letter, so it starts a word unless a letter, or an
/// apostrophe after one, stands before it; then the word read from there
/// must end where the span does. Each hit costs only its own word, so a
/// run of letters holding many hits is not read again for each.
fn is_whole_word(text: &str, blocks: &[Span], span: Span) -> bool {
    let Some(block) = blocks
        .get(blocks.partition_point(|b| b.end() <= span.start()))
        .filter(|b| b.start() <= span.start() && span.end() <= b.end())
    else {
        return false;
    };
    let mut before = text[block.start()..span.start()].chars().rev();
    let joins_word_before = match before.next() {
        Some('\'' | '’') => before.next().is_some_and(is_letter),
        Some(c) => is_letter(c),
        None => false,
    };
    !joins_word_before
        && Words::new(text, Span::new(span.start(), block.end())).next() == Some(span)
}

/// The words of a block, as spans: letters and inner apostrophes, without a
/// possessive ending. Every byte of every article passes through here, so
/// each byte is first settled by a table lookup, and only characters beyond
/// ASCII and apostrophes are looked at closer, out of the way of the loop
/// over letters.
struct Words<'t> {
    text: &'t str,
    at: usize,
    end: usize,
}

/// What a byte can be in a word.
#[derive(Clone, Copy)]
enum ByteClass {
    /// An ASCII letter.
    Letter,
    /// `'`, inside a word when a letter follows it ("O'Brien").
    Apostrophe,
    /// The first byte of a character beyond ASCII: decoded to tell.
    Wide,
    /// Any other ASCII, and the later bytes of characters beyond it.
    Other,
}

/// [`ByteClass`] of every byte.
const BYTE_CLASSES: [ByteClass; 256] = {
    let mut classes = [ByteClass::Other; 256];
    let mut b = 0;
    while b < 256 {
        classes[b] = match b as u8 {
            b'A'..=b'Z' | b'a'..=b'z' => ByteClass::Letter,
            b'\'' => ByteClass::Apostrophe,
            0xC0.. => ByteClass::Wide,
            _ => ByteClass::Other,
        };
        b += 1;
    }
    classes
};

impl<'t> Words<'t> {
    fn new(text: &'t str, block: Span) -> Words<'t> {
        Words {
            text,
            at: block.start(),
            end: block.end(),
        }
    }

    /// The character at `at` beyond ASCII, within the block.
    fn wide_char_at(&self, at: usize) -> Option<char> {
        self.text.get(at..self.end)?.chars().next()
    }

    /// The length of the letter at `at`, if a letter starts there.
    fn letter_at(&self, at: usize) -> Option<usize> {
        let byte = *self.text.as_bytes()[..self.end].get(at)?;
        if byte.is_ascii() {
            return byte.is_ascii_alphabetic().then_some(1);
        }
        self.wide_char_at(at)
            .filter(|&c| is_letter(c))
            .map(char::len_utf8)
    }

    /// The length of the character beyond ASCII at `at` when it is no
    /// letter (`None` for a letter): what the search for a word steps over.
    /// A whole character at a time: a byte at a time would land inside one.
    fn wide_non_letter_at(&self, at: usize) -> Option<usize> {
        match self.wide_char_at(at) {
            Some(c) if is_letter(c) => None,
            Some(c) => Some(c.len_utf8()),
            None => Some(1),
        }
    }

    /// The length of what goes on with a word at `at`, past its ASCII
    /// letters: a letter beyond ASCII, or an apostrophe that a letter
    /// follows ("O'Brien"); and whether it is the apostrophe.
    fn joined_at(&self, at: usize) -> Option<(usize, bool)> {
        if let Some(length) = self.letter_at(at) {
            return Some((length, false));
        }
        let rest = &self.text.as_bytes()[at..self.end];
        let length = if rest.starts_with(b"'") {
            1
        } else if rest.starts_with("’".as_bytes()) {
            3
        } else {
            return None;
        };
        self.letter_at(at + length).map(|_| (length, true))
    }

    /// The end of the word `start..end` without a possessive ending.
    fn without_possessive(&self, start: usize, end: usize) -> usize {
        let word = &self.text.as_bytes()[start..end];
        let bare = word
            .strip_suffix(b"'s")
            .or_else(|| word.strip_suffix("’s".as_bytes()))
            .unwrap_or(word);
        start + bare.len()
    }
}

impl Iterator for Words<'_> {
    type Item = Span;

    // Inlined into the loops over words: a call per word costs as much as
    // reading the word.
    #[inline(always)]
    fn next(&mut self) -> Option<Span> {
        let bytes = &self.text.as_bytes()[..self.end];
        let mut at = self.at;
        // To the next letter.
        let start = loop {
            at += run(&bytes[at..], |class| {
                matches!(class, ByteClass::Apostrophe | ByteClass::Other)
            });
            let Some(&byte) = bytes.get(at) else {
                self.at = at;
                return None;
            };
            if !matches!(BYTE_CLASSES[usize::from(byte)], ByteClass::Wide) {
                break at;
            }
            match self.wide_non_letter_at(at) {
                Some(length) => at += length,
                None => break at,
            }
        };
        // Letters, and apostrophes with a letter after them; any other
        // ASCII ends the word.
        let mut apostrophes = false;
        loop {
            at += run(&bytes[at..], |class| matches!(class, ByteClass::Letter));
            let Some(&byte) = bytes.get(at) else {
                break;
            };
            if matches!(BYTE_CLASSES[usize::from(byte)], ByteClass::Other) {
                break;
            }
            let Some((length, apostrophe)) = self.joined_at(at) else {
                break;
            };
            apostrophes |= apostrophe;
            at += length;
        }
        self.at = at;
        // Only a word with an apostrophe in it can end in a possessive.
        let end = if apostrophes {
            self.without_possessive(start, at)
        } else {
            at
        };
        Some(Span::new(start, end))
    }
}

/// How many bytes at the start of `bytes` are of classes `wanted` accepts.
fn run(bytes: &[u8], wanted: impl Fn(ByteClass) -> bool) -> usize {
    bytes
        .iter()
        .take_while(|&&b| wanted(BYTE_CLASSES[usize::from(b)]))
        .count()
}

/// A capitalised word that is not an acronym: "Okafor", not "NATO".
fn is_name(word: &str) -> bool {
    let mut chars = word.chars();
    let length = word.chars().count();
    chars.next().is_some_and(char::is_uppercase)
        && chars.any(char::is_lowercase)
        && (3..=MAX_NAME_LENGTH).contains(&length)
}

/// The word and each way of deleting one letter from it.
fn deletions(word: &str) -> Vec<String> {
    let mut keys = vec![word.to_string()];
    for (i, c) in word.char_indices() {
        keys.push(format!("{}{}", &word[..i], &word[i + c.len_utf8()..]));
    }
    keys
}

/// Whether two spellings, given in lower case, are one name's.
fn is_variant(
    la: &str,
    lb: &str,
    names: &NameRule,
    beside_a: &FxHashSet<(Side, &str)>,
    beside_b: &FxHashSet<(Side, &str)>,
) -> bool {
    if names.allows(la, lb) || is_inflection(la, lb) || is_inflection(lb, la) {
        return false;
    }
    if la.chars().next() != lb.chars().next() {
        return false;
    }
    if la == lb {
        // Only the capitals differ: DeSantis / Desantis.
        return true;
    }
    if is_respelling(la, lb, names.min_length) {
        return true;
    }
    let shorter = la.chars().count().min(lb.chars().count());
    !beside_a.is_disjoint(beside_b)
        && (sounds_alike(la, lb)
            || (shorter >= MIN_CONTEXT_LENGTH && damerau_levenshtein(la, lb) <= 2))
}

/// Whether two lowercase names are spelled apart only in ways of writing
/// one sound after the same first letter: a hard "c", "ck" or "k" ("Luca" /
/// "Luka", "Eric" / "Erik"), "ph" or "f", "th" or "t" ("Kathrin" /
/// "Katrin"), "z" or "s" ("Ruiz" / "Ruis"), a letter once or twice ("Ana" /
/// "Anna"). Short names that differ otherwise ("Mark" / "Mary") are two names.
pub(super) fn sounds_alike(a: &str, b: &str) -> bool {
    // Names that open with other letters are other names ("Zara" / "Sara").
    a != b && a.chars().next() == b.chars().next() && sound_key(a) == sound_key(b)
}

fn sound_key(name: &str) -> String {
    let mut key = String::with_capacity(name.len());
    let mut chars = name.chars().peekable();
    while let Some(c) = chars.next() {
        let next = chars.peek().copied();
        let sound = match (c, next) {
            ('p', Some('h')) => {
                chars.next();
                'f'
            }
            ('c', Some('k')) => {
                chars.next();
                'k'
            }
            ('t', Some('h')) => {
                chars.next();
                't'
            }
            ('z', _) => 's',
            ('c', next) if !matches!(next, Some('e' | 'i' | 'y')) => 'k',
            _ => c,
        };
        if !key.ends_with(sound) {
            key.push(sound);
        }
    }
    key
}

/// Whether two lowercase names are one spelled two ways by their letters
/// alone: the same first letter, one edit apart, and `shortest` letters
/// long at least, so that short names ("Lee" / "Lei") stay apart.
pub(super) fn is_respelling(a: &str, b: &str, shortest: usize) -> bool {
    a.chars().count().min(b.chars().count()) >= shortest
        && a.chars().next() == b.chars().next()
        && damerau_levenshtein(a, b) == 1
}

fn is_inflection(stem: &str, word: &str) -> bool {
    word.strip_prefix(stem).is_some_and(|ending| INFLECTIONS.contains(&ending))
        // "Ukraine" / "Ukrainian": a final e gives way to the ending. One
        // letter in its place is a respelling of the name's end, as in
        // Grimalde / Grimaldi, not an ending.
        || stem.strip_suffix('e').is_some_and(|s| {
            word.strip_prefix(s)
                .is_some_and(|ending| ending.len() > 1 && INFLECTIONS.contains(&ending))
        })
}

#[cfg(test)]
mod tests {
    use super::{is_inflection, is_whole_word, sounds_alike, WordSet, Words};
    use crate::span::Span;

    #[test]
    fn names_sound_alike_only_through_spellings_of_one_sound() {
        for (a, b) in [
            ("luca", "luka"),
            ("eric", "erik"),
            ("ana", "anna"),
            ("nicolai", "nikolai"),
            ("kathrin", "katrin"),
            ("ruiz", "ruis"),
        ] {
            assert!(sounds_alike(a, b), "{a} / {b}");
        }
        for (a, b) in [
            ("mark", "mary"),
            ("jane", "june"),
            ("luca", "luca"),
            ("lucy", "luky"),
            ("zara", "sara"),
            ("carl", "karl"),
        ] {
            assert!(!sounds_alike(a, b), "{a} / {b}");
        }
    }

    #[test]
    fn a_word_is_packed_alike_read_in_its_text_or_alone() {
        let text = "ab Lagos abcdefgh abcdefghi xy".as_bytes();
        for start in 0..=text.len() {
            for end in start..=text.len() {
                let span = Span::new(start, end);
                let alone = WordSet::packed(&text[start..end]);
                assert_eq!(WordSet::packed_in(text, span), alone, "{start}..{end}");
            }
        }
        assert_eq!(WordSet::packed(b"ab"), Some(0x6261));
        assert_eq!(WordSet::packed(b"abcdefghi"), None);
    }

    #[test]
    fn words_keep_inner_apostrophes_and_drop_possessives() {
        let text = "O’Brien met Okonjo's aide in Kraków, 2024.";
        let found: Vec<&str> = Words::new(text, Span::new(0, text.len()))
            .map(|s| s.slice(text))
            .collect();
        assert_eq!(found, ["O’Brien", "met", "Okonjo", "aide", "in", "Kraków"]);
    }

    #[test]
    fn a_spelling_found_in_the_text_counts_only_as_a_whole_word() {
        let text = "Brien met O'Brien, Briens and Brien's aide.\n\nBrien";
        let blocks = [Span::new(0, 43), Span::new(45, 50)];
        let found: Vec<usize> = text
            .match_indices("Brien")
            .map(|(at, _)| at)
            .filter(|&at| is_whole_word(text, &blocks, Span::new(at, at + 5)))
            .collect();
        // Not inside O'Brien or Briens; the possessive and the second paragraph count.
        assert_eq!(found, [0, 30, 45]);
        let outside = [Span::new(0, 40)];
        assert!(!is_whole_word(text, &outside, Span::new(45, 50)));
    }

    fn either_way(a: &str, b: &str) -> bool {
        is_inflection(a, b) || is_inflection(b, a)
    }

    #[test]
    fn demonyms_and_plurals_are_inflections() {
        for (a, b) in [
            ("ukraine", "ukrainian"),
            ("ukraine", "ukrainians"),
            ("russia", "russian"),
            ("israel", "israeli"),
            ("russian", "russians"),
        ] {
            assert!(either_way(a, b), "{a} / {b}");
            assert!(either_way(b, a), "{b} / {a}");
        }
    }

    #[test]
    fn a_different_last_letter_is_no_inflection() {
        for (a, b) in [("grimaldi", "grimalde"), ("jablonski", "jablonske")] {
            assert!(!either_way(a, b), "{a} / {b}");
            assert!(!either_way(b, a), "{b} / {a}");
        }
    }
}
