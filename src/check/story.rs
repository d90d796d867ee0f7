//! Which articles tell the same story: those that lean on the same
//! distinctive names, published a day apart at most.
//!
//! An article's names are its capitalised words, other than months,
//! weekdays, titles, words of bodies' names ("Council") and words that
//! only open sentences. A name found on many days of those checked
//! ("Ukraine" in an archive of war coverage) runs through many stories,
//! tells none apart, and is set aside. Two articles are on one story when
//! the names left to them overlap: they share two at least, and the shares
//! of their mentions those names take, compared name by name, add up to a
//! quarter. Two reports of one budget vote share the city, the mayor and
//! the councillor who opposed it; two match reports of one day share at
//! most a league. Stories chain: an article on the story of another is on
//! the story of every article that one is on.
//!
//! Articles meet only through a distinctive name and a day, and each
//! weighs a bounded number of others, so the work grows linearly with the
//! articles however many tell one story.

use jiff::civil::Date;
use memchr::memmem;
use rayon::prelude::*;
use std::hash::BuildHasher;

use rustc_hash::{FxBuildHasher, FxHashMap, FxHashSet};

use super::{Article, UnionFind};
use crate::extract::{is_letter, is_month_or_weekday, is_title_or_organisation_word};

/// The overlap of two articles' names, weighed by use, that makes one story.
const SAME_STORY: f64 = 0.25;

/// A name used on more days than this runs through many stories.
const COMMON_AFTER_DAYS: usize = 7;

/// The articles another is weighed against at most: enough to find its
/// story among those published beside it, few enough that a story told a
/// thousand times costs no more than a thousand short ones.
const MOST_WEIGHED: usize = 64;

/// The story of every article checked that has another on its story.
pub struct Stories {
    story: Vec<Option<usize>>,
}

impl Stories {
    pub fn new(articles: &[Article]) -> Stories {
        let day = |i: usize| articles[i].doc.meta.date;
        // An undated article tells no story: its names are not read.
        let mut names: Vec<Names> = articles
            .par_iter()
            .map(|a| match a.doc.meta.date {
                Some(_) => Names::new(names_used(a)),
                None => Names::new(FxHashMap::default()),
            })
            .collect();
        let index = DayIndex::new(&names, articles);
        names.par_iter_mut().for_each(|article_names| {
            article_names.uses.retain(|name, _| !index.is_common(name));
            article_names.count_named();
        });
        // Each article's links to the later articles on its story.
        let links: Vec<Vec<usize>> = (0..articles.len())
            .into_par_iter()
            .map(|i| {
                let Some(date) = day(i) else {
                    return Vec::new();
                };
                let days = [date.yesterday().ok(), Some(date), date.tomorrow().ok()];
                let mut met: Vec<usize> = names[i]
                    .uses
                    .keys()
                    .flat_map(|&name| days.iter().flatten().map(move |&d| (name, d)))
                    .flat_map(|(name, d)| index.articles(name, d))
                    .copied()
                    .filter(|&j| j > i)
                    .collect();
                met.sort_unstable();
                met.dedup();
                met.truncate(MOST_WEIGHED);
                let mut shared = Vec::new();
                met.retain(|&j| names[i].overlaps(&names[j], &mut shared));
                met
            })
            .collect();
        let mut stories = UnionFind::new(articles.len());
        let mut linked = vec![false; articles.len()];
        for (i, later) in links.iter().enumerate() {
            for &j in later {
                stories.join(i, j);
                linked[i] = true;
                linked[j] = true;
            }
        }
        let story = (0..articles.len())
            .map(|i| linked[i].then(|| stories.root(i)))
            .collect();
        Stories { story }
    }

    /// The story of article `index` (an index into those checked), when
    /// another article is on it.
    pub fn of(&self, index: usize) -> Option<usize> {
        self.story[index]
    }
}

/// The articles using each name on each day of publication, and the names
/// used on too many days to tell a story. The names are split among
/// shards by their hash, each built on its own thread.
struct DayIndex<'t> {
    shards: Vec<FxHashMap<(&'t str, Date), Vec<usize>>>,
    common: Vec<FxHashSet<&'t str>>,
}

impl<'t> DayIndex<'t> {
    fn new(names: &[Names<'t>], articles: &[Article]) -> DayIndex<'t> {
        let count = rayon::current_num_threads().max(1);
        let (shards, common) = (0..count)
            .into_par_iter()
            .map(|shard| {
                let mut by_name_and_day: FxHashMap<(&str, Date), Vec<usize>> = FxHashMap::default();
                for (i, article_names) in names.iter().enumerate() {
                    let Some(date) = articles[i].doc.meta.date else {
                        continue;
                    };
                    for &name in article_names.uses.keys() {
                        if shard_of(name, count) == shard {
                            by_name_and_day.entry((name, date)).or_default().push(i);
                        }
                    }
                }
                let mut days_used: FxHashMap<&str, usize> = FxHashMap::default();
                for &(name, _) in by_name_and_day.keys() {
                    *days_used.entry(name).or_default() += 1;
                }
                let common: FxHashSet<&str> = days_used
                    .into_iter()
                    .filter(|&(_, days)| days > COMMON_AFTER_DAYS)
                    .map(|(name, _)| name)
                    .collect();
                by_name_and_day.retain(|(name, _), _| !common.contains(name));
                (by_name_and_day, common)
            })
            .unzip();
        DayIndex { shards, common }
    }

    fn is_common(&self, name: &str) -> bool {
        self.common[shard_of(name, self.common.len())].contains(name)
    }

    /// The articles using a distinctive name on a day, in order.
    fn articles(&self, name: &'t str, day: Date) -> &[usize] {
        self.shards[shard_of(name, self.shards.len())]
            .get(&(name, day))
            .map_or(&[], Vec::as_slice)
    }
}

fn shard_of(name: &str, shards: usize) -> usize {
    (FxBuildHasher.hash_one(name) % shards as u64) as usize
}

/// How an article uses a name.
#[derive(Clone, Copy)]
struct Uses {
    count: u32,
    /// Whether the word is only ever seen opening a sentence, as a common
    /// word capitalised there is ("Households", "Unemployment").
    opening_only: bool,
}

/// An article's distinctive names and how often it uses each.
struct Names<'t> {
    uses: FxHashMap<&'t str, Uses>,
    /// The uses of the names seen inside a sentence at least once.
    named: u32,
}

impl<'t> Names<'t> {
    fn new(uses: FxHashMap<&'t str, Uses>) -> Names<'t> {
        let mut names = Names { uses, named: 0 };
        names.count_named();
        names
    }

    fn count_named(&mut self) {
        self.named = self
            .uses
            .values()
            .filter(|u| !u.opening_only)
            .map(|u| u.count)
            .sum();
    }

    /// Whether two articles with these names are on one story. A word
    /// only seen opening sentences counts when the other article uses it
    /// too ("Castellanos said…" in both); otherwise it is more likely a
    /// common word than a name, and is left out of the article's names.
    /// `shared` is room for the uses of the names both have.
    fn overlaps(&self, other: &Names, shared: &mut Vec<(u32, u32)>) -> bool {
        shared.clear();
        let (mut mine, mut theirs) = (self.named, other.named);
        for (name, uses) in &self.uses {
            if let Some(their_uses) = other.uses.get(name) {
                mine += if uses.opening_only { uses.count } else { 0 };
                theirs += if their_uses.opening_only {
                    their_uses.count
                } else {
                    0
                };
                shared.push((uses.count, their_uses.count));
            }
        }
        if shared.len() < 2 {
            return false;
        }
        let (mine, theirs) = (f64::from(mine), f64::from(theirs));
        let overlap: f64 = shared
            .iter()
            .map(|&(a, b)| (f64::from(a) / mine).min(f64::from(b) / theirs))
            .sum();
        overlap >= SAME_STORY
    }
}

/// An article's names and how often it uses each. The text is scanned a
/// byte at a time for capitals that open a word; only those are read.
fn names_used(article: &Article) -> FxHashMap<&str, Uses> {
    let doc = &article.doc;
    let mut seen: FxHashMap<&str, Uses> = FxHashMap::default();
    for block in &doc.blocks {
        let text = block.slice(&doc.text);
        let bytes = text.as_bytes();
        let mut at = 0;
        while at < bytes.len() {
            // Most bytes are lowercase letters, digits, spaces and marks:
            // eight of them are looked at at once, and passed over up to
            // the first that may be a capital.
            if let Some(eight) = bytes
                .get(at..at + 8)
                .and_then(|b| <[u8; 8]>::try_from(b).ok())
            {
                let capitals = may_be_capitals(u64::from_le_bytes(eight));
                if capitals == 0 {
                    at += 8;
                    continue;
                }
                at += capitals.trailing_zeros() as usize / 8;
            }
            let byte = bytes[at];
            if !(byte.is_ascii_uppercase() || byte >= 0xC0) {
                at += 1;
                continue;
            }
            let rest = &text[at..];
            let first = rest.chars().next().unwrap_or(' ');
            let word_len = rest
                .find(|c: char| !c.is_alphanumeric())
                .unwrap_or(rest.len());
            let starts_word = !text[..at]
                .chars()
                .next_back()
                .is_some_and(char::is_alphanumeric);
            let word = &rest[..word_len];
            at += word_len.max(first.len_utf8());
            if !starts_word || !first.is_uppercase() || !is_name(word) {
                continue;
            }
            let uses = seen.entry(word).or_insert(Uses {
                count: 0,
                opening_only: true,
            });
            uses.count += 1;
            uses.opening_only &= opens_sentence(&text[..at - word_len]);
        }
    }
    let openers: Vec<&str> = seen
        .iter()
        .filter(|(_, uses)| uses.opening_only)
        .map(|(&name, _)| name)
        .collect();
    let not_names = not_names(&doc.text, &openers);
    // The outlet's own name, in a dateline or a credit, tells no story.
    let outlet = doc.meta.source.as_deref().unwrap_or("");
    let of_outlet = |name: &str| outlet.split_whitespace().any(|word| word == name);
    seen.retain(|name, _| !not_names.contains(name) && !of_outlet(name));
    seen
}

/// Of the capitalised words that only open sentences, those that are no
/// names: words that open sentences of any story ("Meanwhile"), and words
/// written elsewhere in lower case, as words of their own ("Spending").
/// A few are searched for one by one; many, in one pass over the words of
/// the text, so the time stays linear whatever the text.
fn not_names<'t>(text: &str, openers: &[&'t str]) -> FxHashSet<&'t str> {
    const SEARCHED_ONE_BY_ONE: usize = 32;
    let lowercase: Vec<(&str, String)> = openers
        .iter()
        .filter(|name| SENTENCE_OPENERS.binary_search(name).is_err())
        .map(|&name| (name, name.to_lowercase()))
        .collect();
    let written: Box<dyn Fn(&str) -> bool> = if lowercase.len() <= SEARCHED_ONE_BY_ONE {
        Box::new(|lower| written_in_lower_case(text, lower))
    } else {
        let words: FxHashSet<&str> = text
            .split(|c: char| !is_letter(c))
            .filter(|word| word.starts_with(char::is_lowercase))
            .collect();
        Box::new(move |lower| words.contains(lower))
    };
    openers
        .iter()
        .copied()
        .filter(|name| SENTENCE_OPENERS.binary_search(name).is_ok())
        .chain(
            lowercase
                .iter()
                .filter(|(_, lower)| written(lower))
                .map(|&(name, _)| name),
        )
        .collect()
}

/// Of eight bytes, those that may be a capital: ASCII capitals, and every
/// byte that is not ASCII, each marked by its top bit. Each byte is
/// compared at once, in one word: adding to its low seven bits sets its top
/// bit when they reach a bound.
fn may_be_capitals(bytes: u64) -> u64 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const TOPS: u64 = ONES * 0x80;
    let low = bytes & !TOPS;
    let from_a = (low + ONES * (0x80 - u64::from(b'A'))) & TOPS;
    let past_z = (low + ONES * (0x80 - u64::from(b'Z') - 1)) & TOPS;
    (from_a & !past_z & !bytes) | (bytes & TOPS)
}

/// Whether a capitalised word is a name: four letters at least, the rest
/// lower case, and no month, weekday, title or word of many names.
fn is_name(word: &str) -> bool {
    word.chars().skip(1).all(char::is_lowercase)
        && word.chars().count() >= 4
        && !is_month_or_weekday(word)
        && !is_title_or_organisation_word(word)
        && GENERIC_NAME_WORDS.binary_search(&word).is_err()
}

/// Whether a word after `before` (its block up to the word) opens a
/// sentence: it opens the block, follows a mark ("(Meanwhile"), or
/// follows a word that ends a sentence, a clause before a colon or a
/// quotation.
fn opens_sentence(before: &str) -> bool {
    match before.chars().next_back() {
        None => true,
        Some(c) if !c.is_whitespace() => true,
        Some(_) => before
            .trim_end()
            .chars()
            .next_back()
            .is_none_or(|c| matches!(c, '.' | '!' | '?' | ':' | '"' | '”')),
    }
}

/// Whether a lowercase word is written in `text` as a word of its own.
fn written_in_lower_case(text: &str, lower: &str) -> bool {
    memmem::find_iter(text.as_bytes(), lower.as_bytes()).any(|at| {
        let end = at + lower.len();
        !text[..at].chars().next_back().is_some_and(is_letter)
            && !text[end..].chars().next().is_some_and(is_letter)
    })
}

/// Capitalised words of the names of places and bodies in any story, sorted.
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

/// Capitalised words that open sentences of any story, sorted.
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
    "Many",
    "Meanwhile",
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{Document, Format, Meta};

    fn article(date: &str, text: &str) -> Article {
        from_outlet(None, date, text)
    }

    fn from_outlet(outlet: Option<&str>, date: &str, text: &str) -> Article {
        let meta = Meta {
            source: outlet.map(str::to_string),
            date: Some(date.parse().expect("test dates are ISO dates")),
        };
        let doc = Document::parse("a.txt".into(), text.into(), Format::Text, meta)
            .expect("plain text always parses");
        Article {
            doc,
            claims: Vec::new(),
        }
    }

    /// Two outlets' reports of one rate decision, each quoting people of
    /// its own and opening sentences with common words the other does not
    /// use, and one naming itself in its dateline: one story.
    #[test]
    fn common_words_and_the_outlet_do_not_dilute_a_story() {
        let courier = "Governor Helena Marchetti cut the rate. Households welcomed it. \
                       Savings fell. Unemployment rose. Commerce groups met Deborah Kwan. \
                       Marchetti said more was needed.";
        let wire = "WELLPORT (Market Wire) - Governor Helena Marchetti cut the rate, \
                    Market Wire reported. Economists were split. Stocks rose. Swaps \
                    moved. Priyanka Desai of Harbourline agreed.";
        let articles = [
            from_outlet(Some("Financial Courier"), "2025-11-05", courier),
            from_outlet(Some("Market Wire"), "2025-11-05", wire),
        ];
        let stories = Stories::new(&articles);
        assert!(stories.of(0).is_some());
        assert_eq!(stories.of(0), stories.of(1));
    }

    #[test]
    fn a_story_told_many_times_on_one_day_is_one_story() {
        let vote = "Carrowmere council approved the plant. Mayor Elena Voss \
                    welcomed it; Ravi Okonjo voted against. Hartwell will build it.";
        let fire = "Firefighters near Gullstone held the Kestrel blaze. Chief \
                    Dermot Quaile said Saltmarsh was safe.";
        let mut articles: Vec<Article> = (0..14).map(|_| article("2026-03-04", vote)).collect();
        articles.push(article("2026-03-04", fire));
        articles.push(article("2026-03-20", vote));
        let stories = Stories::new(&articles);
        let first = stories.of(0);
        assert!(first.is_some());
        assert!((1..14).all(|i| stories.of(i) == first));
        // Another story, and the same names more than a day later, stand alone.
        assert_eq!(stories.of(14), None);
        assert_eq!(stories.of(15), None);
    }

    #[test]
    fn the_word_lists_are_sorted_for_binary_search() {
        assert!(GENERIC_NAME_WORDS.is_sorted());
        assert!(SENTENCE_OPENERS.is_sorted());
    }

    #[test]
    fn the_bytes_that_may_be_capitals_are_marked() {
        let holds = |text: &[u8; 8]| may_be_capitals(u64::from_le_bytes(*text)) != 0;
        assert_eq!(
            may_be_capitals(u64::from_le_bytes(*b"r of Bre")),
            0x80 << 40
        );
        assert!(!holds(b"the mayo"));
        assert!(!holds(b"@[`{ 09z"));
        assert!(holds(b"r of Bre"));
        assert!(holds(b"zzzzzzzA"));
        assert!(holds(b"Zzzzzzzz"));
        assert!(holds(&[b'a', 0xC3, 0x89, b'a', b'a', b'a', b'a', b'a']));
        for byte in 0..=u8::MAX {
            let expected = byte.is_ascii_uppercase() || !byte.is_ascii();
            assert_eq!(holds(&[byte; 8]), expected, "{byte:#x}");
        }
    }

    #[test]
    fn openers_written_in_lower_case_are_no_names_however_many() {
        let text = "Spending rose. Kestrel burned. Meanwhile spending fell, and \
                    paving began. Paving ended. Quaile spoke.";
        let few = ["Spending", "Kestrel", "Meanwhile", "Paving", "Quaile"];
        let expected: FxHashSet<&str> = ["Spending", "Meanwhile", "Paving"].into_iter().collect();
        assert_eq!(not_names(text, &few), expected);
        // Past the few searched one by one, the text's words are read once.
        let many: Vec<&str> = few.iter().copied().chain((0..40).map(|_| "Aaaa")).collect();
        assert_eq!(not_names(text, &many), expected);
    }

    #[test]
    fn a_word_opens_a_sentence_after_a_stop_a_mark_or_nothing() {
        assert!(opens_sentence(""));
        assert!(opens_sentence("It rained. "));
        assert!(opens_sentence("he said: “"));
        assert!(opens_sentence("("));
        assert!(!opens_sentence("the mayor of "));
    }
}
