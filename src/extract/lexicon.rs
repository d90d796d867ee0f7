//! Matching words and phrases from the extractor's word lists.

use std::borrow::Cow;
use std::sync::OnceLock;

use rustc_hash::{FxHashMap, FxHashSet};

use super::number::{hyphen, is_space, spaces_len};

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
    let rest = if phrase.bytes().any(|b| b == b' ' || b == b'-') {
        after_pieces(input, pieces(phrase), case_sensitive)?
    } else {
        // One word: one comparison.
        starts_with(input, phrase, case_sensitive)?
    };
    whole_word(rest, ends_alphanumeric(phrase))
}

/// How a piece of a phrase is joined to the piece before it.
#[derive(Clone, Copy)]
enum Joint {
    /// The first piece: joined to nothing.
    Start,
    /// A space in the phrase: any run of spaces in the text.
    Space,
    /// A hyphen in the phrase: any hyphen or dash in the text.
    Hyphen,
}

/// The pieces of a phrase: its words, split at their hyphens.
fn pieces(phrase: &str) -> impl Iterator<Item = (Joint, &str)> {
    phrase.split(' ').enumerate().flat_map(|(n, word)| {
        word.split('-').enumerate().map(move |(m, piece)| {
            let joint = match (n, m) {
                (0, 0) => Joint::Start,
                (_, 0) => Joint::Space,
                _ => Joint::Hyphen,
            };
            (joint, piece)
        })
    })
}

/// What follows `pieces`, matched in turn with their joints at the start of `input`.
fn after_pieces<'a, 'p>(
    input: &'a str,
    pieces: impl IntoIterator<Item = (Joint, &'p str)>,
    case_sensitive: bool,
) -> Option<&'a str> {
    let mut rest = input;
    for (joint, piece) in pieces {
        rest = match joint {
            Joint::Start => rest,
            Joint::Space => after_spaces(rest)?,
            Joint::Hyphen => hyphen(rest).ok()?.0,
        };
        rest = starts_with(rest, piece, case_sensitive)?;
    }
    Some(rest)
}

/// Whether a phrase ends in a letter or digit, and so must end a word.
fn ends_alphanumeric(phrase: &str) -> bool {
    phrase.chars().last().is_some_and(char::is_alphanumeric)
}

/// `rest` if a match that ends as described may stop there: "km" must not
/// match the start of "kmph".
fn whole_word(rest: &str, ends_alphanumeric: bool) -> Option<&str> {
    let cut_word = ends_alphanumeric && rest.chars().next().is_some_and(char::is_alphanumeric);
    (!cut_word).then_some(rest)
}

/// What follows `prefix` at the start of `input`.
fn starts_with<'a>(input: &'a str, prefix: &str, case_sensitive: bool) -> Option<&'a str> {
    let head = input.get(..prefix.len())?;
    let same = if case_sensitive {
        head == prefix
    } else {
        head.eq_ignore_ascii_case(prefix)
    };
    same.then(|| &input[prefix.len()..])
}

/// What follows one or more spaces at the start of `input`; `None` when
/// `input` does not start with a space.
pub fn after_spaces(input: &str) -> Option<&str> {
    let spaced = input.trim_start_matches(is_space);
    (spaced.len() < input.len()).then_some(spaced)
}

/// A word list (surface form → value) with its entries grouped by how they
/// open, so that a lookup tries only the entries that can match, and split
/// into pieces once.
pub struct Table<T: 'static> {
    entries: &'static [(&'static str, T)],
    case_sensitive: bool,
    index: OnceLock<Index>,
}

impl<T> Table<T> {
    pub const fn new(entries: &'static [(&'static str, T)], case_sensitive: bool) -> Table<T> {
        Table {
            entries,
            case_sensitive,
            index: OnceLock::new(),
        }
    }

    pub fn entries(&self) -> &'static [(&'static str, T)] {
        self.entries
    }

    /// The longest entry that matches at the start of `input`, with what follows it.
    #[inline]
    pub fn longest<'a>(&self, input: &'a str) -> Option<(&'a str, &'static T)> {
        // Most lookups end at the opening, read where they are made; the
        // entries are tried out of line.
        let opening = self.index().opening(input)?;
        self.longest_opening(opening, input)
    }

    /// [`Table::longest`] at a place whose opening is already read.
    #[inline]
    pub fn longest_at<'a>(&self, at: &At<'a>) -> Option<(&'a str, &'static T)> {
        if !self.openings().admits(at) {
            return None;
        }
        self.longest_opening((at.first, at.run), at.text)
    }

    /// [`Table::longest`] for `input`, which opens as `opening`.
    #[inline(never)]
    fn longest_opening<'a>(
        &self,
        opening: (u8, usize),
        input: &'a str,
    ) -> Option<(&'a str, &'static T)> {
        let index = self.index();
        index
            .buckets
            .get(&opening)?
            .iter()
            .filter_map(|&i| {
                let entry = &index.entries[i];
                let rest = after_pieces(input, entry.pieces.iter().copied(), self.case_sensitive)?;
                let (_, value) = &self.entries[i];
                whole_word(rest, entry.ends_alphanumeric).map(|rest| (rest, value))
            })
            .min_by_key(|(rest, _)| rest.len())
    }

    /// How the entries open, for turning places away before a lookup.
    pub fn openings(&self) -> &Openings {
        &self.index().openings
    }

    fn index(&self) -> &Index {
        self.index.get_or_init(|| {
            let mut buckets: FxHashMap<(u8, usize), Vec<usize>> = FxHashMap::default();
            let mut second_bytes = [0; 256];
            for (i, (surface, _)) in self.entries.iter().enumerate() {
                // An empty entry would match anything, whatever its opening.
                assert!(!surface.is_empty(), "a table entry is empty");
                let lead = ascii_alphanumeric_run(surface);
                match surface.as_bytes()[0] {
                    // A leading space or hyphen matches several characters (any
                    // space, any dash): filed under every first byte.
                    b' ' | b'-' => {
                        for byte in 0..=u8::MAX {
                            buckets.entry((byte, lead)).or_default().push(i);
                            second_bytes[usize::from(byte)] = u128::MAX;
                        }
                    }
                    byte => {
                        // Case-sensitive entries are looked up by their lowercased first byte too.
                        let first = byte.to_ascii_lowercase();
                        buckets.entry((first, lead)).or_default().push(i);
                        second_bytes[usize::from(first)] |= second_bits(surface);
                    }
                }
            }
            let entries = self
                .entries
                .iter()
                .map(|(surface, _)| Entry {
                    pieces: pieces(surface).collect(),
                    ends_alphanumeric: ends_alphanumeric(surface),
                })
                .collect();
            let mut opening_lengths = [0; 256];
            for &(byte, length) in buckets.keys() {
                opening_lengths[usize::from(byte)] |= length_bit(length);
            }
            Index {
                buckets,
                openings: Openings {
                    second_bytes,
                    opening_lengths,
                },
                entries,
            }
        })
    }
}

/// A table's entries grouped by how they open, and each entry taken apart.
struct Index {
    /// Entries by their lowercased first byte and the length of the run of
    /// ASCII letters and digits they open with: an entry can match only
    /// input whose lowercased first byte and opening run are the same.
    buckets: FxHashMap<(u8, usize), Vec<usize>>,
    openings: Openings,
    entries: Vec<Entry>,
}

/// How the entries of one table or more open, by their lowercased first
/// byte: a place that opens otherwise is turned away before any entry is tried.
pub struct Openings {
    /// For each lowercased first byte, the second bytes its entries allow
    /// (see [`second_bits`]); zero for a byte no entry opens with.
    second_bytes: [u128; 256],
    /// For each lowercased first byte, the opening lengths of its buckets
    /// as a bit each (see [`length_bit`]); zero for a byte no entry opens with.
    opening_lengths: [u64; 256],
}

impl Index {
    /// How `input` opens (its lowercased first byte and opening run), if
    /// some entry opens that way.
    #[inline]
    fn opening(&self, input: &str) -> Option<(u8, usize)> {
        let bytes = input.as_bytes();
        let first = bytes.first()?.to_ascii_lowercase();
        // Most lookups fail on the first two bytes: settle those before
        // reading the word, and most others on the opening's length, before
        // hashing. Input of one byte is taken as having a second byte 0:
        // only entries that allow any second byte can match it.
        let second = bytes.get(1).copied().unwrap_or(0);
        if !self.openings.allows_second(first, second) {
            return None;
        }
        let run = ascii_alphanumeric_run(input);
        self.openings.allows_run(first, run).then_some((first, run))
    }
}

impl Openings {
    /// The openings of every entry of `tables`: a place that this turns
    /// away, each of the tables turns away.
    pub fn of_all<'a>(tables: impl IntoIterator<Item = &'a Openings>) -> Openings {
        let mut all = Openings {
            second_bytes: [0; 256],
            opening_lengths: [0; 256],
        };
        for table in tables {
            for byte in 0..256 {
                all.second_bytes[byte] |= table.second_bytes[byte];
                all.opening_lengths[byte] |= table.opening_lengths[byte];
            }
        }
        all
    }

    /// Whether some entry opens as `at` does: [`Index::opening`] on what
    /// was read beforehand.
    #[inline]
    pub fn admits(&self, at: &At<'_>) -> bool {
        !at.text.is_empty()
            && self.allows_second(at.first, at.second)
            && self.allows_run(at.first, at.run)
    }

    /// Whether an entry opening with the (lowercased) byte `first` may have `second` after it.
    #[inline]
    fn allows_second(&self, first: u8, second: u8) -> bool {
        self.second_bytes[usize::from(first)] & second_bit(second) != 0
    }

    /// Whether an entry opening with `first` has an opening run `run` bytes long.
    #[inline]
    fn allows_run(&self, first: u8, run: usize) -> bool {
        self.opening_lengths[usize::from(first)] & length_bit(run) != 0
    }
}

/// A place in the text where several tables are looked up, with how it
/// opens read once: its lowercased first byte, its second byte (0 when it
/// has none) and the length of its opening run, as [`Index::opening`] reads them.
#[derive(Clone, Copy)]
pub struct At<'a> {
    text: &'a str,
    first: u8,
    second: u8,
    run: usize,
}

impl<'a> At<'a> {
    pub fn new(text: &'a str) -> At<'a> {
        let bytes = text.as_bytes();
        At {
            text,
            first: bytes.first().map_or(0, u8::to_ascii_lowercase),
            second: bytes.get(1).copied().unwrap_or(0),
            run: ascii_alphanumeric_run(text),
        }
    }

    pub fn text(&self) -> &'a str {
        self.text
    }
}

/// The text after a number, read once for the unit tables tried there:
/// where the next word starts touching the number ("64GB"), past spaces
/// ("18 percent"), past a hyphen ("five-year") and past either or both.
/// A hyphen here is '-' or '‑'; an en dash makes a range ("5–10"), not a unit.
#[derive(Clone, Copy)]
pub struct After<'a> {
    /// The text itself.
    pub attached: At<'a>,
    /// Past the spaces the text opens with; the text itself when it opens with none.
    pub spaced: At<'a>,
    /// Past the hyphen the text opens with, if it does.
    pub hyphenated: Option<At<'a>>,
    /// Past the hyphen the text opens with, if any, and then past any spaces.
    pub gapped: At<'a>,
}

impl<'a> After<'a> {
    pub fn new(text: &'a str) -> After<'a> {
        let attached = At::new(text);
        let spaced = past_spaces(attached);
        let hyphenated = text
            .strip_prefix('-')
            .or_else(|| text.strip_prefix('‑'))
            .map(At::new);
        let gapped = hyphenated.map_or(spaced, past_spaces);
        After {
            attached,
            spaced,
            hyphenated,
            gapped,
        }
    }

    /// Whether the text opens with a space.
    pub fn has_space(&self) -> bool {
        self.spaced.text.len() < self.attached.text.len()
    }

    /// Whether the next word touches the number: no space or hyphen between ("64GB").
    pub fn touches(&self) -> bool {
        !self.has_space() && self.hyphenated.is_none()
    }
}

/// `at` past the spaces it opens with; `at` itself, read already, when there are none.
fn past_spaces(at: At<'_>) -> At<'_> {
    match spaces_len(at.text) {
        0 => at,
        spaces => At::new(&at.text[spaces..]),
    }
}

/// A bit for an opening's length; lengths from 63 on share the last bit.
fn length_bit(length: usize) -> u64 {
    1 << length.min(63)
}

/// A bit for a byte, lowercased; a byte over 127 shares one with an ASCII byte.
fn second_bit(byte: u8) -> u128 {
    1 << (byte.to_ascii_lowercase() % 128)
}

/// The second bytes input that `surface` matches may have, a bit each: the
/// entry's own, in either case, when its first piece holds it; any byte when
/// a joint (any space or dash) or nothing follows its first byte.
fn second_bits(surface: &str) -> u128 {
    let first_piece = surface.split([' ', '-']).next().unwrap_or_default();
    first_piece
        .as_bytes()
        .get(1)
        .map_or(u128::MAX, |&b| second_bit(b))
}

/// A table entry as [`phrase`] would take it apart on every lookup.
struct Entry {
    pieces: Box<[(Joint, &'static str)]>,
    ends_alphanumeric: bool,
}

/// How many ASCII letters and digits `text` opens with.
fn ascii_alphanumeric_run(text: &str) -> usize {
    text.bytes().take_while(u8::is_ascii_alphanumeric).count()
}

/// A word list for exact, case-sensitive membership tests on the hot path
/// (a test per word of the text): hashed on first use.
pub struct WordSet {
    words: &'static [&'static str],
    index: OnceLock<WordIndex>,
}

impl WordSet {
    pub const fn new(words: &'static [&'static str]) -> WordSet {
        WordSet {
            words,
            index: OnceLock::new(),
        }
    }

    #[inline]
    pub fn contains(&self, word: &str) -> bool {
        self.index
            .get_or_init(|| WordIndex::new(self.words.iter().copied()))
            .contains(word)
    }
}

/// Hashed words for exact, case-sensitive membership tests. Most words of a
/// text are in no list, and their ends and length are no word's of the
/// list: [`WordEnds`] tells them apart without hashing them.
pub struct WordIndex {
    set: FxHashSet<&'static str>,
    ends: WordEnds,
}

impl WordIndex {
    pub fn new(words: impl IntoIterator<Item = &'static str>) -> WordIndex {
        let mut index = WordIndex {
            set: FxHashSet::default(),
            ends: WordEnds::empty(),
        };
        for word in words {
            index.ends.add(word);
            index.set.insert(word);
        }
        index
    }

    #[inline]
    pub fn contains(&self, word: &str) -> bool {
        self.ends.may_hold(word) && self.set.contains(word)
    }
}

/// The words of some lists told apart by their first and last bytes and
/// their length, one bit for each length a pair of end bytes has: a test
/// that every word of the lists passes and most other words fail, settled
/// without hashing (and made at compile time for lists known then).
pub struct WordEnds([u32; 1024]);

impl WordEnds {
    pub const fn empty() -> WordEnds {
        WordEnds([0; 1024])
    }

    pub const fn new(lists: &[&[&str]]) -> WordEnds {
        let mut ends = WordEnds::empty();
        let mut l = 0;
        while l < lists.len() {
            let mut w = 0;
            while w < lists[l].len() {
                ends.add(lists[l][w]);
                w += 1;
            }
            l += 1;
        }
        ends
    }

    pub const fn add(&mut self, word: &str) {
        self.0[end_slot(word)] |= end_length_bit(word.len());
    }

    /// Whether `word` may be a word of the lists; it is so for each of them.
    #[inline]
    pub fn may_hold(&self, word: &str) -> bool {
        self.0[end_slot(word)] & end_length_bit(word.len()) != 0
    }
}

/// A slot for a word's first and last bytes, of five bits each: a slot
/// apiece for pairs of ASCII letters, whatever their case (so the test
/// holds for lists matched ignoring ASCII case too).
const fn end_slot(word: &str) -> usize {
    match (word.as_bytes().first(), word.as_bytes().last()) {
        (Some(&first), Some(&last)) => ((first as usize & 31) << 5) | (last as usize & 31),
        _ => 0,
    }
}

/// A bit for a word's length; lengths from 31 on share the last.
const fn end_length_bit(length: usize) -> u32 {
    1 << if length < 31 { length } else { 31 }
}

/// Whether a lowercase word opens a noun phrase as a determiner or
/// possessive pronoun: "the", "its", "their".
pub fn is_determiner(word: &str) -> bool {
    matches!(
        word,
        "the" | "a" | "an" | "this" | "that" | "its" | "their" | "his" | "her"
    )
}

/// Whether a word is a possessive in "'s", straight or curly ("NATO's").
pub fn is_possessive(word: &str) -> bool {
    word.ends_with("'s") || word.ends_with("’s")
}

/// `word` lowercased; borrowed when lowering changes nothing, as for most
/// words ("budget", "it’s"; not "Kyiv’s").
pub fn lowercased(word: &str) -> Cow<'_, str> {
    let lowers_to_itself = |c: char| {
        let mut lower = c.to_lowercase();
        lower.next() == Some(c) && lower.next().is_none()
    };
    let unchanged = !word.bytes().any(|b| b.is_ascii_uppercase())
        && (word.is_ascii() || word.chars().all(lowers_to_itself));
    if unchanged {
        Cow::Borrowed(word)
    } else if word.is_ascii() {
        Cow::Owned(word.to_ascii_lowercase())
    } else {
        Cow::Owned(word.to_lowercase())
    }
}

/// The first word of `input` (letters, apostrophes and inner hyphens),
/// lowercased. Callers step over the word by the length of what this
/// returns, so it has the word's length: a word with a letter whose
/// lowercase is longer or shorter (the Kelvin sign, "İ") has only its
/// ASCII letters lowered.
pub fn next_word_lower(input: &str) -> Option<Cow<'_, str>> {
    let trimmed = &input[spaces_len(input)..];
    // Most words are ASCII: read bytes, and decode characters only from
    // the first non-ASCII byte on.
    let ascii = trimmed
        .bytes()
        .take_while(|&b| b.is_ascii_alphabetic() || b == b'-' || b == b'\'')
        .count();
    if trimmed.as_bytes().get(ascii).is_none_or(u8::is_ascii) {
        return (ascii > 0).then(|| lowercased(&trimmed[..ascii]));
    }
    let end = trimmed[ascii..]
        .char_indices()
        .find(|&(_, c)| !(matches!(c, '-' | '\'' | '’') || c.is_alphabetic()))
        .map_or(trimmed.len(), |(i, _)| ascii + i);
    let word = &trimmed[..end];
    (end > 0).then(|| match lowercased(word) {
        Cow::Owned(lower) if lower.len() != word.len() => Cow::Owned(word.to_ascii_lowercase()),
        lower => lower,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_copied_only_when_lowering_changes_them() {
        assert!(matches!(lowercased("it’s"), Cow::Borrowed("it’s")));
        assert!(matches!(lowercased("budget"), Cow::Borrowed("budget")));
        assert_eq!(lowercased("Kyiv’s"), "kyiv’s");
        assert_eq!(lowercased("\u{1c5}"), "\u{1c6}");
    }

    #[test]
    fn next_words_are_lowered_to_the_same_length() {
        assert_eq!(next_word_lower("  Kyiv’s army").as_deref(), Some("kyiv’s"));
        assert_eq!(next_word_lower("naïve plan").as_deref(), Some("naïve"));
        assert_eq!(next_word_lower("ÉTÉ 2024").as_deref(), Some("été"));
        assert_eq!(
            next_word_lower("wee\u{212a}s").as_deref(),
            Some("wee\u{212a}s")
        );
        assert_eq!(next_word_lower("42"), None);
        assert!(matches!(
            next_word_lower(" in 1993"),
            Some(Cow::Borrowed("in"))
        ));
        assert!(matches!(next_word_lower("O'Neill's"), Some(Cow::Owned(w)) if w == "o'neill's"));
    }

    #[test]
    fn phrases_match_whole_words() {
        assert_eq!(phrase("per cent of", "per cent", false), Some(" of"));
        assert_eq!(phrase("per  cent", "per cent", false), Some(""));
        assert_eq!(phrase("pound–feet", "pound-feet", false), Some(""));
        assert_eq!(phrase("kmph", "km", false), None);
        assert_eq!(phrase("C.", "C", true), Some("."));
        assert_eq!(phrase("–old", "-old", false), Some(""));
        assert_eq!(phrase("€5", "€", true), Some("5"));
        static TABLE: Table<i32> =
            Table::new(&[("mile", 1), ("miles per hour", 2), ("miles", 3)], false);
        assert_eq!(TABLE.longest("Miles per hour.").map(|(_, v)| *v), Some(2));
        assert_eq!(TABLE.longest("kilometres"), None);
    }

    #[test]
    fn second_bytes_are_fixed_only_by_a_first_piece_of_two_bytes() {
        assert_eq!(second_bits("per cent"), second_bit(b'e'));
        assert_eq!(second_bits("MW"), second_bit(b'w'));
        assert_eq!(second_bits("lb-ft"), second_bit(b'b'));
        assert_eq!(second_bits("°C"), second_bit("°".as_bytes()[1]));
        for surface in ["m", "% points", "a day", "-old", " x"] {
            assert_eq!(second_bits(surface), u128::MAX, "{surface}");
        }
    }

    #[test]
    fn tables_turn_away_only_what_cannot_match() {
        static TABLE: Table<i32> = Table::new(
            &[
                ("m", 1),
                ("km", 2),
                ("km/h", 3),
                ("% points", 4),
                ("°C", 5),
                ("-old", 6),
                ("a day", 7),
                ("MW", 8),
            ],
            true,
        );
        let found = |input| TABLE.longest(input).map(|(rest, v)| (rest, *v));
        assert_eq!(found("m"), Some(("", 1)));
        assert_eq!(found("km/h."), Some((".", 3)));
        assert_eq!(found("%\u{a0}points"), Some(("", 4)));
        assert_eq!(found("°C,"), Some((",", 5)));
        assert_eq!(found("–old"), Some(("", 6)));
        assert_eq!(found("a\tday"), Some(("", 7)));
        assert_eq!(found("MW"), Some(("", 8)));
        // Case counts in a case-sensitive table; the rest is turned away by
        // its first byte, its second or the length of its opening.
        assert_eq!(found("mw"), None);
        assert_eq!(found("k"), None);
        assert_eq!(found("kg"), None);
        assert_eq!(found("°F"), None);
        assert_eq!(found("kmh"), None);
    }

    #[test]
    fn word_ends_pass_their_words_and_turn_most_others_away() {
        static OPENERS: WordEnds = WordEnds::new(&[&["said", "told"], &["according"]]);
        for word in ["said", "told", "according"] {
            assert!(OPENERS.may_hold(word), "{word}");
        }
        // Other ends, or the ends of a word at another length.
        for word in ["budget", "the", "sad", "sai", "tod", "accordingly", ""] {
            assert!(!OPENERS.may_hold(word), "{word}");
        }
        static LONG: WordEnds = WordEnds::new(&[&["a", "thirty-two-bytes-long-or-longer-word"]]);
        assert!(LONG.may_hold("a"));
        assert!(LONG.may_hold("thirty-two-bytes-long-or-longer-word"));
        // Lengths from 31 on share a bit.
        assert!(LONG.may_hold("two-words-of-thirty-one-bytes-or-more-share-a-bit-word"));
        assert!(!LONG.may_hold("ad"));
    }

    #[test]
    fn lookups_at_a_place_read_beforehand_find_what_lookups_in_text_find() {
        static TABLE: Table<i32> = Table::new(
            &[
                ("m", 1),
                ("km", 2),
                ("% points", 3),
                ("°C", 4),
                ("-old", 5),
                (" x", 6),
                ("MW", 7),
                ("a day", 8),
            ],
            true,
        );
        for text in [
            "",
            "m",
            "m.",
            "km",
            "kmh",
            "k",
            "%",
            "%\u{a0}points",
            "°C,",
            "°F",
            "-old",
            "–old",
            "\tx",
            " x",
            "x",
            "MW",
            "mw",
            "Mw",
            "a day",
            "a\u{2009}day",
            "a",
            "ab",
        ] {
            assert_eq!(
                TABLE.longest_at(&At::new(text)),
                TABLE.longest(text),
                "{text:?}"
            );
        }
    }

    #[test]
    fn the_text_after_a_number_is_read_at_each_place_a_unit_may_start() {
        let places = |text| {
            let after = After::new(text);
            (
                after.attached.text(),
                after.spaced.text(),
                after.hyphenated.map(|at| at.text()),
                after.gapped.text(),
                after.has_space(),
            )
        };
        assert_eq!(places("GB of"), ("GB of", "GB of", None, "GB of", false));
        assert_eq!(
            places(" \u{a0}percent"),
            (" \u{a0}percent", "percent", None, "percent", true)
        );
        assert_eq!(
            places("-year-old"),
            (
                "-year-old",
                "-year-old",
                Some("year-old"),
                "year-old",
                false
            )
        );
        assert_eq!(
            places("‑ percent"),
            ("‑ percent", "‑ percent", Some(" percent"), "percent", false)
        );
        // An en dash makes a range, not a unit.
        assert_eq!(places("–10"), ("–10", "–10", None, "–10", false));
        assert_eq!(places(""), ("", "", None, "", false));
    }

    #[test]
    fn word_sets_hold_their_words_only() {
        static SET: WordSet = WordSet::new(&[
            "said",
            "told",
            "",
            "a-very-long-word-that-is-over-sixty-four-bytes-long-to-share-a-bit",
        ]);
        for word in SET.words {
            assert!(SET.contains(word), "{word}");
        }
        for word in [
            "sai",
            "Said",
            "tolled",
            "x",
            "a-very-long-word-that-is-over-sixty-four-bytes-long-to-share-a-bi",
        ] {
            assert!(!SET.contains(word), "{word}");
        }
    }
}
