//! Phrase lists from rule files compiled into linear-time regular
//! expressions: topic keywords, exclusions, actor names, house-style words.

use std::borrow::Cow;
use std::cell::OnceCell;

use aho_corasick::{AhoCorasick, MatchKind};
use regex::{Regex, RegexBuilder};

use crate::span::Span;

/// Compiled regexes are capped so a rule file cannot ask for unbounded memory.
const REGEX_SIZE_LIMIT: usize = 1 << 22;

/// A phrase as a regex fragment: whole words, any run of spaces between
/// them, and a trailing `*` for any ending ("mobili*").
fn phrase_pattern(phrase: &str) -> String {
    let (stem, open_end) = stem_of(phrase);
    let words: Vec<String> = stem.split_whitespace().map(regex::escape).collect();
    let mut pattern = words.join(SPACES);
    if open_end {
        // An ASCII ending: a Unicode `\w` alone costs more to compile than
        // the rest of a rule pack.
        pattern.push_str(r"(?-u:\w)*");
    }
    let starts_word = stem.starts_with(|c: char| c.is_alphanumeric());
    let ends_word = open_end || stem.ends_with(|c: char| c.is_alphanumeric());
    // ASCII word boundaries, for the same reason.
    format!(
        "{}{pattern}{}",
        if starts_word { r"(?-u:\b)" } else { "" },
        if ends_word { r"(?-u:\b)" } else { "" }
    )
}

/// A phrase's words without the trailing `*`, and whether it had one.
fn stem_of(phrase: &str) -> (&str, bool) {
    match phrase.trim().strip_suffix('*') {
        Some(stem) => (stem, true),
        None => (phrase.trim(), false),
    }
}

/// Any run of white space between the words of a phrase.
const SPACES: &str = r"\s+";

/// A phrase with nothing in it but spaces and `*`: it would match everywhere.
pub fn is_blank(phrase: &str) -> bool {
    phrase.trim().trim_end_matches('*').trim().is_empty()
}

/// Compiles one pattern with the size cap; the error is regex's own message.
pub fn build(pattern: &str, case_insensitive: bool) -> Result<Regex, String> {
    RegexBuilder::new(pattern)
        .case_insensitive(case_insensitive)
        .size_limit(REGEX_SIZE_LIMIT)
        .dfa_size_limit(REGEX_SIZE_LIMIT)
        .build()
        .map_err(|err| err.to_string())
}

/// A list of phrases compiled into one regex, earlier phrases preferred
/// where two match at one place.
///
/// A list that ignores case is compiled in lower case and searched in
/// ASCII-lowercased text, which keeps every byte offset: compiling `(?i)`
/// over a rule pack's phrases took most of the time of loading it. Letters
/// outside ASCII match as written.
#[derive(Debug)]
pub struct PhraseSet {
    regex: Regex,
    ignores_case: bool,
}

impl PhraseSet {
    /// The set of `phrases`, or `None` for an empty list.
    pub fn new(phrases: &[String], ignores_case: bool) -> Result<Option<PhraseSet>, String> {
        if phrases.is_empty() {
            return Ok(None);
        }
        let joined = phrases
            .iter()
            .map(|phrase| {
                let phrase = if ignores_case {
                    Cow::Owned(phrase.to_ascii_lowercase())
                } else {
                    Cow::Borrowed(phrase.as_str())
                };
                format!("(?:{})", phrase_pattern(&phrase))
            })
            .collect::<Vec<_>>()
            .join("|");
        let regex = build(&joined, false)?;
        Ok(Some(PhraseSet {
            regex,
            ignores_case,
        }))
    }

    pub fn is_match(&self, text: &str) -> bool {
        self.is_match_in(&Haystack::new(text))
    }

    pub fn is_match_in(&self, haystack: &Haystack) -> bool {
        self.regex.is_match(haystack.for_set(self))
    }

    /// Where the phrases occur in `text`, as spans of `text`.
    pub fn find_all(&self, text: &str) -> Vec<Span> {
        self.find_all_in(&Haystack::new(text))
    }

    /// Where the phrases occur in the haystack's text.
    pub fn find_all_in(&self, haystack: &Haystack) -> Vec<Span> {
        self.regex
            .find_iter(haystack.for_set(self))
            .map(|m| Span::new(m.start(), m.end()))
            .collect()
    }
}

/// The first word of a phrase, which every match of the phrase holds as
/// written when case counts ("Ivory" of "Ivory Coast", "Kiev" of "Kiev*").
pub fn first_word(phrase: &str) -> &str {
    stem_of(phrase).0.split_whitespace().next().unwrap_or("")
}

/// Which of several phrase sets where case counts may match a text, told
/// in one pass over it: a set none of whose phrases' first words (see
/// [`first_word`]) the text holds need not be searched.
pub struct FirstWords {
    /// The first words of every set, searched for together; `None` when
    /// they could not be compiled.
    searcher: Option<AhoCorasick>,
    /// Each searched word and the set it opens a phrase of.
    words: Vec<(String, usize)>,
    /// The sets that may match any text (a phrase without a first word).
    always: Vec<bool>,
}

impl FirstWords {
    /// From each set's phrases' first words.
    pub fn new<'a>(sets: impl IntoIterator<Item = &'a [String]>) -> FirstWords {
        let mut words = Vec::new();
        let mut always = Vec::new();
        for (index, first_words) in sets.into_iter().enumerate() {
            let searchable = first_words.iter().all(|w| !w.is_empty());
            if searchable {
                words.extend(first_words.iter().map(|w| (w.clone(), index)));
            }
            always.push(!searchable);
        }
        let searcher = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostFirst)
            .build(words.iter().map(|(word, _)| word))
            .ok();
        if searcher.is_none() {
            always.fill(true);
        }
        FirstWords {
            searcher,
            words,
            always,
        }
    }

    /// For each set, in order, whether it may match `text`.
    pub fn may_match(&self, text: &str) -> Vec<bool> {
        let mut may = self.always.clone();
        let Some(searcher) = &self.searcher else {
            return may;
        };
        let bytes = text.as_bytes();
        // The search resumes after each match, so a word that starts
        // inside one is passed over: looked for at each of its bytes.
        for found in searcher.find_iter(text) {
            for start in found.start()..found.end() {
                for (word, set) in &self.words {
                    may[*set] |= bytes[start..].starts_with(word.as_bytes());
                }
            }
        }
        may
    }
}

/// A text to search with several phrase sets: lowercased once, when the
/// first set that ignores case asks.
pub struct Haystack<'t> {
    text: &'t str,
    lowercase: OnceCell<Cow<'t, str>>,
}

impl<'t> Haystack<'t> {
    pub fn new(text: &'t str) -> Haystack<'t> {
        Haystack {
            text,
            lowercase: OnceCell::new(),
        }
    }

    fn for_set(&self, set: &PhraseSet) -> &str {
        if !set.ignores_case {
            return self.text;
        }
        self.lowercase.get_or_init(|| {
            if self.text.bytes().any(|b| b.is_ascii_uppercase()) {
                Cow::Owned(self.text.to_ascii_lowercase())
            } else {
                Cow::Borrowed(self.text)
            }
        })
    }
}

/// What a figure must be near to belong to a rule's topic.
#[derive(Debug)]
pub struct Topic {
    /// Keywords, any case.
    pub keywords: Option<PhraseSet>,
    /// Regular expressions from the rule file, any case.
    pub patterns: Vec<Regex>,
    pub exclude: Option<PhraseSet>,
    /// Words either side of the figure that are searched.
    pub window: usize,
}

impl Topic {
    /// Whether every text is on topic: no keywords, patterns or exclusions.
    pub fn takes_all(&self) -> bool {
        self.keywords.is_none() && self.patterns.is_empty() && self.exclude.is_none()
    }

    /// Whether `text` (the figure's window) is on topic. A topic with no
    /// keywords or patterns takes every figure of the rule's kinds and units.
    pub fn matches(&self, text: &str) -> bool {
        // Nothing to search for: the text is not lowercased to be searched.
        if self.takes_all() {
            return true;
        }
        let haystack = Haystack::new(text);
        let included = (self.keywords.is_none() && self.patterns.is_empty())
            || self
                .keywords
                .as_ref()
                .is_some_and(|k| k.is_match_in(&haystack))
            || self.patterns.iter().any(|p| p.is_match(text));
        included
            && !self
                .exclude
                .as_ref()
                .is_some_and(|e| e.is_match_in(&haystack))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phrases_are_whole_words() {
        let phrases = ["aid".to_string(), "mobili*".to_string()];
        let set = PhraseSet::new(&phrases, true)
            .expect("the phrases compile")
            .expect("the list is not empty");
        assert!(set.is_match("military Aid package"));
        assert!(set.is_match("we MOBILIZED"));
        assert!(!set.is_match("aide said"));
        let committee = PhraseSet::new(&["Budget  committee".to_string()], true)
            .expect("a phrase compiles")
            .expect("the list is not empty");
        assert!(committee.is_match("the budget\nCommittee"));
        assert_eq!(
            committee.find_all("A Budget Committee."),
            [Span::new(2, 18)]
        );
    }

    /// A set may match only text holding one of its first words, found
    /// even inside another set's word.
    #[test]
    fn first_words_tell_which_sets_may_match() {
        let lists: [&[&str]; 3] = [&["Ivory Coast", "Kiev*"], &["Nikolayev"], &["kolay"]];
        let phrases =
            |list: &[&str]| -> Vec<String> { list.iter().map(|p| p.to_string()).collect() };
        let sets: Vec<PhraseSet> = lists
            .iter()
            .map(|list| {
                PhraseSet::new(&phrases(list), false)
                    .expect("the phrases compile")
                    .expect("the list is not empty")
            })
            .collect();
        let firsts: Vec<Vec<String>> = lists
            .iter()
            .map(|list| list.iter().map(|p| first_word(p).to_string()).collect())
            .collect();
        let first_words = FirstWords::new(firsts.iter().map(Vec::as_slice));
        let may = |text: &str| first_words.may_match(text);
        assert_eq!(may("in Kievan Rus"), [true, false, false]);
        assert_eq!(may("the ivory coast"), [false, false, false]);
        // "kolay" inside "Nikolayev", where the search passed over it.
        assert_eq!(may("Nikolayev"), [false, true, true]);
        assert_eq!(may("NIKOLAYEV and Kolay"), [false, false, false]);
        for text in [
            "in Kievan Rus",
            "the ivory coast",
            "Nikolayev",
            "an Ivory tower",
        ] {
            for (set, may) in sets.iter().zip(may(text)) {
                assert!(may || !set.is_match(text), "{text}");
            }
        }
    }

    #[test]
    fn case_is_kept_when_asked() {
        let kiev = PhraseSet::new(&["Kiev".to_string()], false)
            .expect("a phrase compiles")
            .expect("the list is not empty");
        assert_eq!(kiev.find_all("Kiev, not kiev"), [Span::new(0, 4)]);
        let city = PhraseSet::new(&["Zürich".to_string()], true)
            .expect("a phrase compiles")
            .expect("the list is not empty");
        assert!(city.is_match("in ZüRICH,"));
    }

    #[test]
    fn one_haystack_serves_every_set() {
        let text = "Kiev and KIEV";
        let haystack = Haystack::new(text);
        let any_case = PhraseSet::new(&["kiev".to_string()], true)
            .expect("a phrase compiles")
            .expect("the list is not empty");
        let as_written = PhraseSet::new(&["Kiev".to_string()], false)
            .expect("a phrase compiles")
            .expect("the list is not empty");
        assert_eq!(
            any_case.find_all_in(&haystack),
            [Span::new(0, 4), Span::new(9, 13)]
        );
        assert_eq!(as_written.find_all_in(&haystack), [Span::new(0, 4)]);
    }
}
