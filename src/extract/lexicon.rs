//! Matching words and phrases from the extractor's word lists.

use super::number::{hyphen, is_space};

/// Matches `phrase` at the start of `input` as whole words: a space in the
/// phrase matches any run of spaces, a hyphen any hyphen or dash. Returns what
/// follows the phrase.
pub fn phrase<'a>(input: &'a str, phrase: &str, case_sensitive: bool) -> Option<&'a str> {
    // Most lookups fail on the first byte; settle those before splitting the
    // phrase. A leading space or hyphen stands for several characters.
    if let (Some(&want), Some(&have)) = (phrase.as_bytes().first(), input.as_bytes().first()) {
        let literal = want != b' ' && want != b'-';
        if literal && !want.eq_ignore_ascii_case(&have) {
            return None;
        }
    }
    let mut rest = input;
    for (n, part) in phrase.split(' ').enumerate() {
        if n > 0 {
            let trimmed = rest.trim_start_matches(is_space);
            if trimmed.len() == rest.len() {
                return None;
            }
            rest = trimmed;
        }
        for (m, piece) in part.split('-').enumerate() {
            if m > 0 {
                rest = hyphen(rest).ok()?.0;
            }
            let head = rest.get(..piece.len())?;
            let same = if case_sensitive {
                head == piece
            } else {
                head.eq_ignore_ascii_case(piece)
            };
            if !same {
                return None;
            }
            rest = &rest[piece.len()..];
        }
    }
    // Whole words only: "km" must not match the start of "kmph".
    let ends_word = phrase.chars().last().is_none_or(|c| !c.is_alphanumeric());
    if !ends_word && rest.chars().next().is_some_and(char::is_alphanumeric) {
        return None;
    }
    Some(rest)
}

/// What follows one or more spaces at the start of `input`; `None` when
/// `input` does not start with a space.
pub fn after_spaces(input: &str) -> Option<&str> {
    let spaced = input.trim_start_matches(is_space);
    (spaced.len() < input.len()).then_some(spaced)
}

/// The longest entry of `table` that matches at the start of `input`.
pub fn longest<'a, 't, T>(
    input: &'a str,
    table: &'t [(&'static str, T)],
    case_sensitive: bool,
) -> Option<(&'a str, &'t T)> {
    table
        .iter()
        .filter_map(|(surface, value)| {
            phrase(input, surface, case_sensitive).map(|rest| (rest, value))
        })
        .min_by_key(|(rest, _)| rest.len())
}

/// The first word of `input` (letters, apostrophes and inner hyphens), lowercased.
pub fn next_word_lower(input: &str) -> Option<String> {
    let trimmed = input.trim_start_matches(is_space);
    let end = trimmed
        .char_indices()
        .find(|&(_, c)| !(c.is_alphabetic() || c == '-' || c == '\'' || c == '’'))
        .map_or(trimmed.len(), |(i, _)| i);
    (end > 0).then(|| trimmed[..end].to_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phrases_match_whole_words() {
        assert_eq!(phrase("per cent of", "per cent", false), Some(" of"));
        assert_eq!(phrase("per  cent", "per cent", false), Some(""));
        assert_eq!(phrase("pound–feet", "pound-feet", false), Some(""));
        assert_eq!(phrase("kmph", "km", false), None);
        assert_eq!(phrase("C.", "C", true), Some("."));
        assert_eq!(phrase("–old", "-old", false), Some(""));
        assert_eq!(phrase("€5", "€", true), Some("5"));
        let table = [("mile", 1), ("miles per hour", 2), ("miles", 3)];
        assert_eq!(
            longest("miles per hour.", &table, false).map(|(_, v)| *v),
            Some(2)
        );
    }
}
