//! Counts: a number and the thing counted ("57 countries" → country,
//! "the 47-nation group" → nation, "30,000 new troops per month"), or a bare
//! number whose unit is the noun it refers back to, if any.

use std::borrow::Cow;
use std::sync::LazyLock;

use rustc_hash::FxHashMap;

use super::lexicon::{lowercased, WordIndex, WordSet};
use super::number::spaces_len;

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

/// Plurals that do not end in "s", with their lemma, and nouns that are
/// their own plural.
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
    // Nouns in "-s" that are no plural.
    ("measles", "measles"),
    ("mumps", "mumps"),
    ("rabies", "rabies"),
    ("diabetes", "diabetes"),
];

/// The counted noun after a number: returns the offset in `input` where the
/// phrase ends, the lemma and the phrase itself ("new troops").
pub fn noun_after(input: &str) -> Option<(usize, String, &str)> {
    // "the 47-nation group": the noun is joined to the number.
    if let Some(joined) = input.strip_prefix(['-', '‑']) {
        let word = first_word(joined)?;
        if !word.plain {
            return None;
        }
        let start = input.len() - joined.len();
        let end = start + word.text.len();
        return Some((end, word.text.to_string(), &input[start..end]));
    }
    let mut at = spaces_len(input);
    if at == 0 {
        return None;
    }
    let phrase_start = at;
    for _ in 0..4 {
        let word = first_word(&input[at..])?;
        let lower = if word.plain {
            Cow::Borrowed(word.text)
        } else {
            lowercased(word.text)
        };
        // "Six more school clinics": a comparative right after the number
        // qualifies the noun after it ("more than" stops at "than").
        let comparative = at == phrase_start && matches!(lower.as_ref(), "more" | "fewer");
        if !comparative && (STOP.contains(&lower) || is_adverb(&lower)) {
            return None;
        }
        if let Some(lemma) = lemma_of(&word, &lower) {
            let end = at + word.text.len();
            if lemma == lower {
                // A noun that is its own plural often names the kind of
                // the noun after it: "police officers", "measles cases".
                if let Some((head_end, head)) = plural_after(&input[end..]) {
                    return Some((end + head_end, head, &input[phrase_start..end + head_end]));
                }
            }
            return Some((end, lemma, &input[phrase_start..end]));
        }
        at += word.text.len();
        let gap = spaces_len(&input[at..]);
        if gap == 0 {
            return None;
        }
        at += gap;
    }
    None
}

/// Whether a word in "-ly" is an adverb, which no counted phrase holds
/// ("40 staff quickly"); some are adjectives or nouns that do ("1,204
/// likely voters", "three family members", "two daily flights").
fn is_adverb(lower: &str) -> bool {
    lower.len() > 4
        && lower.ends_with("ly")
        && !matches!(
            lower,
            "likely"
                | "unlikely"
                | "elderly"
                | "early"
                | "daily"
                | "weekly"
                | "monthly"
                | "quarterly"
                | "yearly"
                | "nightly"
                | "family"
                | "assembly"
                | "supply"
                | "deadly"
                | "costly"
                | "friendly"
        )
}

/// The plural noun right after a space at the start of `input`, as where
/// it ends and its lemma.
fn plural_after(input: &str) -> Option<(usize, String)> {
    let gap = spaces_len(input);
    let word = first_word(input.get(gap..)?).filter(|w| gap > 0 && w.plain)?;
    // Adverbs in "-s" read as no plural: "40 staff sometimes covering".
    let adverb = matches!(
        word.text,
        "always" | "sometimes" | "perhaps" | "besides" | "afterwards" | "towards" | "whereas"
    );
    if adverb || STOP.contains(word.text) {
        return None;
    }
    let lemma = lemma_of(&word, word.text).filter(|lemma| lemma != word.text)?;
    Some((gap + word.text.len(), lemma))
}

/// A word of the text, and whether it is lowercase ASCII letters only, as
/// most words after a number are: such a word is its own lowercase form and
/// has no capital or apostrophe to look for.
struct Word<'a> {
    text: &'a str,
    plain: bool,
}

impl<'a> Word<'a> {
    fn new(text: &'a str) -> Word<'a> {
        Word {
            text,
            plain: text.bytes().all(|b| b.is_ascii_lowercase()),
        }
    }
}

/// The next word: letters with inner hyphens and apostrophes, capitalised or
/// not. ASCII letters are swept as bytes; a character is decoded only where
/// that sweep stops.
fn first_word(input: &str) -> Option<Word<'_>> {
    let bytes = input.as_bytes();
    let lowercase = bytes.iter().take_while(|b| b.is_ascii_lowercase()).count();
    let mut end = lowercase;
    loop {
        end += bytes[end..]
            .iter()
            .take_while(|b| b.is_ascii_alphabetic())
            .count();
        // Most words end at an ASCII byte that is no letter, hyphen or
        // apostrophe, and nothing is decoded.
        if !matches!(bytes.get(end), Some(b'-' | b'\'' | 0x80..)) {
            break;
        }
        let Some(c) = input[end..].chars().next() else {
            break;
        };
        let inner_mark = matches!(c, '-' | '\'' | '’')
            && end > 0
            && input[end + c.len_utf8()..].starts_with(char::is_alphabetic);
        if !(c.is_alphabetic() || inner_mark) {
            break;
        }
        end += c.len_utf8();
    }
    (end > 0).then(|| Word {
        text: &input[..end],
        plain: end == lowercase,
    })
}

/// The singular lemma of a plural noun, or `None` when the word is not a
/// plural noun. Acronyms count ("NGOs" → ngo).
pub fn plural_lemma(word: &str) -> Option<String> {
    lemma_of(&Word::new(word), &lowercased(word))
}

/// [`plural_lemma`] of a word whose lowercase form is already at hand.
fn lemma_of(word: &Word, lower: &str) -> Option<String> {
    if let Some(lemma) = irregular_lemma(lower) {
        return Some(lemma.to_string());
    }
    // A plain word has no capital, is no acronym and holds no apostrophe.
    if !word.plain {
        let capitalized = word.text.chars().next().is_some_and(char::is_uppercase);
        let acronym = word.text.len() > 2
            && word
                .text
                .strip_suffix('s')
                .is_some_and(|stem| stem.chars().all(|c| c.is_ascii_uppercase()));
        if acronym {
            return Some(lower.trim_end_matches('s').to_string());
        }
        if capitalized || lower.contains(['\'', '’']) {
            return None;
        }
    }
    regular_lemma(lower)
}

/// The lemma of an irregular plural ("people" → person).
fn irregular_lemma(lower: &str) -> Option<&'static str> {
    // Most words are no irregular plural: the index turns them away by their
    // ends and length, without hashing them; the map is asked for the rest.
    static PLURALS: LazyLock<WordIndex> =
        LazyLock::new(|| WordIndex::new(IRREGULAR.iter().map(|&(plural, _)| plural)));
    static LEMMAS: LazyLock<FxHashMap<&str, &str>> =
        LazyLock::new(|| IRREGULAR.iter().copied().collect());
    if !PLURALS.contains(lower) {
        return None;
    }
    LEMMAS.get(lower).copied()
}

/// The lemma of a lowercase plural in "-s", "-es" or "-ies", or `None` when
/// the word does not read as one ("bus", "class", "crisis").
fn regular_lemma(lower: &str) -> Option<String> {
    if lower.len() < 3
        || !lower.ends_with('s')
        || lower.ends_with("ss")
        || lower.ends_with("us")
        || lower.ends_with("is")
        || is_s_but_not_plural(lower)
    {
        return None;
    }
    Some(
        if let Some(base) = lower.strip_suffix("ies").filter(|b| b.len() > 1) {
            [base, "y"].concat()
        } else if sibilant_es(lower) {
            lower[..lower.len() - 2].to_string()
        } else {
            lower[..lower.len() - 1].to_string()
        },
    )
}

/// Words in "-s" that are no plural noun: "52 overseas markets".
fn is_s_but_not_plural(lower: &str) -> bool {
    matches!(
        lower,
        "overseas"
            | "whereas"
            | "besides"
            | "towards"
            | "afterwards"
            | "sometimes"
            | "always"
            | "perhaps"
            | "nowadays"
            | "indoors"
            | "outdoors"
    )
}

/// Whether a word ends in "es" after a sibilant ("ches", "shes", "sses",
/// "xes", "zes": "matches", "boxes"), the plurals that drop both letters.
fn sibilant_es(lower: &str) -> bool {
    matches!(
        lower.as_bytes(),
        [.., b'c' | b's', b'h', b'e', b's']
            | [.., b's', b's', b'e', b's']
            | [.., b'x' | b'z', b'e', b's']
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
    fn words_take_inner_marks_and_know_when_plain() {
        let word = |text| first_word(text).map(|w| (w.text, w.plain));
        assert_eq!(word("troops per month"), Some(("troops", true)));
        assert_eq!(word("Ukrainian lives"), Some(("Ukrainian", false)));
        assert_eq!(word("long-range missiles"), Some(("long-range", false)));
        assert_eq!(word("children’s homes"), Some(("children’s", false)));
        assert_eq!(word("cafés,"), Some(("cafés", false)));
        assert_eq!(word("votes- and"), Some(("votes", true)));
        assert_eq!(word("votes' share"), Some(("votes", true)));
        assert_eq!(word("a-1"), Some(("a", true)));
        assert_eq!(word("-nation"), None);
        assert_eq!(word(" votes"), None);
        assert_eq!(word(""), None);
    }

    #[test]
    fn plurals_in_es_after_a_sibilant_drop_both_letters() {
        for plural in ["matches", "aches", "wishes", "classes", "boxes", "quizzes"] {
            assert!(sibilant_es(plural), "{plural}");
        }
        for plural in ["votes", "games", "hes", "es", "s", ""] {
            assert!(!sibilant_es(plural), "{plural}");
        }
        assert_eq!(regular_lemma("boxes").as_deref(), Some("box"));
        assert_eq!(regular_lemma("games").as_deref(), Some("game"));
        assert_eq!(regular_lemma("agencies").as_deref(), Some("agency"));
        assert_eq!(regular_lemma("class"), None);
    }

    #[test]
    fn irregular_plurals_are_found_and_no_other_word() {
        for &(plural, lemma) in IRREGULAR {
            assert_eq!(irregular_lemma(plural), Some(lemma));
        }
        assert_eq!(irregular_lemma("troops"), None);
        assert_eq!(irregular_lemma("peoples"), None);
        assert_eq!(irregular_lemma(""), None);
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
        assert_eq!(
            noun_after(" likely voters were").map(|(_, l, _)| l),
            Some("voter".to_string())
        );
        assert_eq!(
            noun_after(" family members").map(|(_, l, _)| l),
            Some("member".to_string())
        );
        assert_eq!(
            noun_after(" more school clinics are").map(|(_, l, p)| (l, p)),
            Some(("clinic".into(), "more school clinics"))
        );
        assert_eq!(noun_after(" more than second-placed Hallam"), None);
        assert_eq!(noun_after(" more"), None);
    }

    /// A noun that is its own plural gives way to a plural noun after it;
    /// a plural noun keeps the word after it out.
    #[test]
    fn nouns_that_name_a_kind_give_way_to_the_noun_counted() {
        for (text, phrase, lemma) in [
            (
                " new police officers on patrol",
                "new police officers",
                "officer",
            ),
            (
                " confirmed measles cases",
                "confirmed measles cases",
                "case",
            ),
            (" staff sometimes covering two shifts", "staff", "staff"),
            (" staff were", "staff", "staff"),
            (" goals means a win", "goals", "goal"),
            (" crew, members", "crew", "crew"),
        ] {
            let (end, found_lemma, found_phrase) = noun_after(text).expect("a noun is counted");
            assert_eq!(
                (&text[..end], found_lemma.as_str(), found_phrase),
                (&text[..1 + phrase.len()], lemma, phrase),
                "{text}"
            );
        }
    }
}
