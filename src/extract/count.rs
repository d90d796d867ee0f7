//! Counts: a number and the thing counted ("57 countries" → country,
//! "the 47-nation group" → nation, "30,000 new troops per month"), or a bare
//! number whose unit is the noun it refers back to, if any.

use std::sync::LazyLock;

use rustc_hash::FxHashMap;

use super::lexicon::{lowercased, WordSet};
use super::number::is_space;

/// Words that end the phrase after a number: function words and verbs that
/// never name what is counted.
static STOP: WordSet = WordSet::new(&[
    "of", "to", "in", "on", "at", "for", "from", "with", "by", "and", "or", "but", "as", "than",
    "that", "which", "who", "whom", "whose", "the", "a", "an", "this", "these", "those", "it",
    "its", "their", "his", "her", "our", "your", "my", "per", "each", "every", "will", "would",
    "could", "should", "may", "might", "must", "can", "is", "are", "was", "were", "be", "been",
    "being", "have", "has", "had", "do", "does", "did", "not", "no", "so", "if", "when", "while",
    "where", "since", "until", "after", "before", "because", "also", "only", "just", "about",
    "into", "over", "under", "against", "between", "through", "during", "across", "ago", "later",
    "earlier", "last", "next", "up", "down", "out", "off", "there", "here", "them", "they", "he",
    "she", "we", "you", "i", "all", "both", "more", "less", "fewer", "most", "least", "like",
    "said", "says",
]);

/// Plurals that do not end in "s", with their lemma.
const IRREGULAR: &[(&str, &str)] = &[
    ("people", "person"),
    ("persons", "person"),
    ("children", "child"),
    ("men", "man"),
    ("women", "woman"),
    ("police", "police"),
    ("personnel", "personnel"),
    ("staff", "staff"),
    ("cattle", "cattle"),
    ("feet", "foot"),
    ("teeth", "tooth"),
    ("mice", "mouse"),
    ("geese", "goose"),
    ("sheep", "sheep"),
    ("fish", "fish"),
    ("deer", "deer"),
    ("aircraft", "aircraft"),
    ("crew", "crew"),
    ("data", "data"),
    ("media", "media"),
    ("criteria", "criterion"),
    ("phenomena", "phenomenon"),
    ("lives", "life"),
    ("wives", "wife"),
    ("knives", "knife"),
    ("leaves", "leaf"),
    ("wolves", "wolf"),
    ("halves", "half"),
    ("shelves", "shelf"),
    ("thieves", "thief"),
    ("series", "series"),
    ("species", "species"),
    ("fours", "four"),
    ("sixes", "six"),
    ("buses", "bus"),
    ("gases", "gas"),
    ("viruses", "virus"),
    ("crises", "crisis"),
    ("analyses", "analysis"),
    ("theses", "thesis"),
    ("indices", "index"),
    ("matrices", "matrix"),
    ("movies", "movie"),
    ("cookies", "cookie"),
    ("ties", "tie"),
    ("lies", "lie"),
    ("pies", "pie"),
    ("dies", "die"),
    ("goalies", "goalie"),
    ("rookies", "rookie"),
    ("zombies", "zombie"),
    ("headquarters", "headquarters"),
    ("news", "news"),
];

/// The counted noun after a number: returns the offset in `input` where the
/// phrase ends, the lemma and the phrase itself ("new troops").
pub fn noun_after(input: &str) -> Option<(usize, String, &str)> {
    // "the 47-nation group": the noun is joined to the number.
    if let Some(joined) = input.strip_prefix(['-', '‑']) {
        let (word, len) = first_word(joined)?;
        if word.contains('-') || !word.chars().all(|c| c.is_ascii_lowercase()) {
            return None;
        }
        let start = input.len() - joined.len();
        let end = start + len;
        return Some((end, word.to_string(), &input[start..end]));
    }
    let mut at = input.len() - input.trim_start_matches(is_space).len();
    if at == 0 {
        return None;
    }
    let phrase_start = at;
    for _ in 0..4 {
        let rest = &input[at..];
        let (word, len) = first_word(rest)?;
        let lower = lowercased(word);
        if STOP.contains(&lower) || lower.ends_with("ly") && lower.len() > 4 {
            return None;
        }
        if let Some(lemma) = lemma_of(word, &lower) {
            let end = at + len;
            return Some((end, lemma, &input[phrase_start..end]));
        }
        at += len;
        let gap = input[at..].len() - input[at..].trim_start_matches(is_space).len();
        if gap == 0 {
            return None;
        }
        at += gap;
    }
    None
}

/// The next word: letters with inner hyphens and apostrophes, capitalised or not.
fn first_word(input: &str) -> Option<(&str, usize)> {
    let end = input
        .char_indices()
        .find(|&(i, c)| {
            !(c.is_alphabetic()
                || ((c == '-' || c == '\'' || c == '’')
                    && i > 0
                    && input[i + c.len_utf8()..].starts_with(char::is_alphabetic)))
        })
        .map_or(input.len(), |(i, _)| i);
    (end > 0).then(|| (&input[..end], end))
}

/// The singular lemma of a plural noun, or `None` when the word is not a
/// plural noun. Acronyms count ("NGOs" → ngo).
pub fn plural_lemma(word: &str) -> Option<String> {
    lemma_of(word, &lowercased(word))
}

/// [`plural_lemma`] of a word whose lowercase form is already at hand.
fn lemma_of(word: &str, lower: &str) -> Option<String> {
    static IRREGULARS: LazyLock<FxHashMap<&str, &str>> =
        LazyLock::new(|| IRREGULAR.iter().copied().collect());
    if let Some(lemma) = IRREGULARS.get(lower) {
        return Some((*lemma).to_string());
    }
    let capitalized = word.chars().next().is_some_and(char::is_uppercase);
    let acronym = word.len() > 2
        && word
            .strip_suffix('s')
            .is_some_and(|stem| stem.chars().all(|c| c.is_ascii_uppercase()));
    if capitalized && !acronym {
        return None;
    }
    if acronym {
        return Some(lower.trim_end_matches('s').to_string());
    }
    if lower.len() < 3
        || !lower.ends_with('s')
        || lower.ends_with("ss")
        || lower.ends_with("us")
        || lower.ends_with("is")
        || lower.contains('\'')
        || lower.contains('’')
    {
        return None;
    }
    let stem = &lower[..lower.len() - 1];
    Some(
        if let Some(base) = lower.strip_suffix("ies").filter(|b| b.len() > 1) {
            format!("{base}y")
        } else if ["ches", "shes", "sses", "xes", "zes"]
            .iter()
            .any(|s| lower.ends_with(s))
        {
            lower[..lower.len() - 2].to_string()
        } else {
            stem.to_string()
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn irregular_plurals_are_listed_once() {
        let mut plurals: Vec<&str> = IRREGULAR.iter().map(|(plural, _)| *plural).collect();
        plurals.sort_unstable();
        plurals.dedup();
        assert_eq!(plurals.len(), IRREGULAR.len(), "a plural is listed twice");
    }

    #[test]
    fn lemmas() {
        assert_eq!(plural_lemma("countries").as_deref(), Some("country"));
        assert_eq!(plural_lemma("lives").as_deref(), Some("life"));
        assert_eq!(plural_lemma("matches").as_deref(), Some("match"));
        assert_eq!(plural_lemma("troops").as_deref(), Some("troop"));
        assert_eq!(plural_lemma("people").as_deref(), Some("person"));
        assert_eq!(plural_lemma("NGOs").as_deref(), Some("ngo"));
        assert_eq!(plural_lemma("bus"), None);
        assert_eq!(plural_lemma("Russians"), None);
    }

    #[test]
    fn nouns_after_numbers() {
        assert_eq!(
            noun_after(" new troops per month").map(|(_, l, p)| (l, p)),
            Some(("troop".into(), "new troops"))
        );
        assert_eq!(
            noun_after(" Ukrainian lives,").map(|(_, l, _)| l),
            Some("life".into())
        );
        assert_eq!(
            noun_after("-nation group").map(|(e, l, _)| (e, l)),
            Some((7, "nation".into()))
        );
        assert_eq!(noun_after(" who came"), None);
        // The noun must touch the hyphen, whatever its width.
        assert_eq!(noun_after("-\u{a0}x"), None);
        assert_eq!(
            noun_after("‑nation group").map(|(e, l, p)| (e, l, p.to_string())),
            Some((9, "nation".to_string(), "nation".to_string()))
        );
        assert_eq!(
            noun_after(" munitions annually").map(|(_, l, _)| l),
            Some("munition".into())
        );
        assert_eq!(noun_after(" annually"), None);
    }
}
