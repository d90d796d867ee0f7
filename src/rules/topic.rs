//! Phrase lists from rule files compiled into linear-time regular
//! expressions: topic keywords, exclusions, actor names, house-style words.

use regex::{Regex, RegexBuilder};

/// Compiled regexes are capped so a rule file cannot ask for unbounded memory.
const REGEX_SIZE_LIMIT: usize = 1 << 22;

/// A phrase as a regex fragment: whole words, any run of spaces between
/// them, and a trailing `*` for any ending ("mobili*").
pub fn phrase_pattern(phrase: &str) -> String {
    let (stem, open_end) = match phrase.trim().strip_suffix('*') {
        Some(stem) => (stem, true),
        None => (phrase.trim(), false),
    };
    let words: Vec<String> = stem.split_whitespace().map(regex::escape).collect();
    let mut pattern = words.join(r"\s+");
    if open_end {
        pattern.push_str(r"\w*");
    }
    let starts_word = stem.starts_with(|c: char| c.is_alphanumeric());
    let ends_word = open_end || stem.ends_with(|c: char| c.is_alphanumeric());
    format!(
        "{}{pattern}{}",
        if starts_word { r"\b" } else { "" },
        if ends_word { r"\b" } else { "" }
    )
}

/// A phrase with nothing in it but spaces and `*`: it would match everywhere.
pub fn is_blank(phrase: &str) -> bool {
    phrase.trim().trim_end_matches('*').trim().is_empty()
}

/// One regex matching any of the fragments, or `None` for an empty list.
pub fn any_of(fragments: &[String], case_insensitive: bool) -> Result<Option<Regex>, String> {
    if fragments.is_empty() {
        return Ok(None);
    }
    let joined = fragments
        .iter()
        .map(|f| format!("(?:{f})"))
        .collect::<Vec<_>>()
        .join("|");
    build(&joined, case_insensitive).map(Some)
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

/// What a figure must be near to belong to a rule's topic.
#[derive(Debug)]
pub struct Topic {
    pub include: Option<Regex>,
    pub exclude: Option<Regex>,
    /// Words either side of the figure that are searched.
    pub window: usize,
}

impl Topic {
    /// Whether `text` (the figure's window) is on topic. A topic with no
    /// keywords takes every figure of the rule's kinds and units.
    pub fn matches(&self, text: &str) -> bool {
        let included = self.include.as_ref().is_none_or(|re| re.is_match(text));
        let excluded = self.exclude.as_ref().is_some_and(|re| re.is_match(text));
        included && !excluded
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phrases_are_whole_words() {
        let re = any_of(&[phrase_pattern("aid"), phrase_pattern("mobili*")], true)
            .expect("the phrases compile")
            .expect("the list is not empty");
        assert!(re.is_match("military Aid package"));
        assert!(re.is_match("we mobilized"));
        assert!(!re.is_match("aide said"));
        let contact = build(&phrase_pattern("contact  group"), true).expect("a phrase compiles");
        assert!(contact.is_match("the Contact\nGroup"));
    }
}
