//! Numbers as news copy writes them: "1,250", "4.2", "$4.2bn" (the scale),
//! "61 billion", "two-and-a-half", "a dozen", "Half a million", "hundreds of
//! thousands of".
//!
//! The parsers are nom parsers. The leaves tried at every anchor (`numeral`,
//! `digits_scaled`, `tag_ascii_no_case`) read bytes directly rather than
//! through combinators, for speed, and keep nom's interface so that they
//! combine with the rest.

use std::sync::LazyLock;

use nom::branch::alt;
use nom::bytes::complete::tag;
use nom::combinator::{map, value};
use nom::error::ErrorKind;
use nom::sequence::preceded;
use nom::{IResult, Parser};

use super::lexicon::{WordEnds, WordIndex};

/// A parsed number and what its wording says about it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Number {
    pub value: f64,
    pub form: Form,
    /// "thousands of": the value is a lower bound.
    pub lower_bound: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Form {
    /// Written with digits; `year_like` for a bare four-digit integer.
    Digits { year_like: bool, scaled: bool },
    /// Written in words; `bare` for a lone "a", "an" or "one".
    Words { bare: bool, capitalized: bool },
}

impl Number {
    pub fn is_bare_word(&self) -> bool {
        matches!(self.form, Form::Words { bare: true, .. })
    }

    pub fn is_year_like(&self) -> bool {
        matches!(
            self.form,
            Form::Digits {
                year_like: true,
                ..
            }
        )
    }

    pub fn is_words(&self) -> bool {
        matches!(self.form, Form::Words { .. })
    }
}

pub fn is_space(c: char) -> bool {
    matches!(
        c,
        ' ' | '\u{a0}' | '\u{2009}' | '\u{202f}' | '\u{2007}' | '\t'
    )
}

/// The length of the spaces (of any width) that open `i`. ASCII spaces
/// are swept as bytes; a character is decoded only at a non-ASCII byte.
pub fn spaces_len(i: &str) -> usize {
    let mut end = 0;
    loop {
        match i.as_bytes().get(end) {
            Some(b' ' | b'\t') => end += 1,
            Some(b) if !b.is_ascii() => match i[end..].chars().next() {
                Some(c) if is_space(c) => end += c.len_utf8(),
                _ => return end,
            },
            _ => return end,
        }
    }
}

/// One or more spaces of any width.
pub fn ws(i: &str) -> IResult<&str, &str> {
    match spaces_len(i) {
        0 => failure(i, ErrorKind::TakeWhile1),
        len => Ok((&i[len..], &i[..len])),
    }
}

/// A hyphen of any kind.
pub fn hyphen(i: &str) -> IResult<&str, &str> {
    match i.chars().next() {
        Some(c @ ('-' | '‑' | '–')) => Ok((&i[c.len_utf8()..], &i[..c.len_utf8()])),
        _ => failure(i, ErrorKind::Tag),
    }
}

/// The space or hyphen between the words of a number or unit.
pub fn sep(i: &str) -> IResult<&str, &str> {
    ws(i).or_else(|_| hyphen(i))
}

/// A run of ASCII letters, the unit of word matching.
pub fn word(i: &str) -> IResult<&str, &str> {
    match i.bytes().take_while(u8::is_ascii_alphabetic).count() {
        0 => failure(i, ErrorKind::TakeWhile1),
        len => Ok((&i[len..], &i[..len])),
    }
}

/// `tag` (ASCII) at the start of the input, in any ASCII case: nom's
/// `tag_no_case` without lowercasing every character of the input as a
/// Unicode one.
pub fn tag_ascii_no_case<'a>(tag: &'static str) -> impl Fn(&'a str) -> IResult<&'a str, &'a str> {
    debug_assert!(tag.is_ascii(), "{tag:?} is not ASCII");
    move |i: &'a str| match i.get(..tag.len()) {
        Some(head) if head.eq_ignore_ascii_case(tag) => Ok((&i[tag.len()..], head)),
        _ => failure(i, ErrorKind::Tag),
    }
}

/// A nom error at `i`.
pub fn failure<T>(i: &str, kind: ErrorKind) -> IResult<&str, T> {
    Err(nom::Err::Error(nom::error::Error::new(i, kind)))
}

/// Succeeds when the input does not continue a word.
pub fn boundary(i: &str) -> IResult<&str, ()> {
    match i.chars().next() {
        Some(c) if c.is_alphanumeric() => failure(i, ErrorKind::Verify),
        _ => Ok((i, ())),
    }
}

/// Matches one of `words` (case-insensitive) as a whole word.
pub fn keyword<'a>(
    words: &'static [&'static str],
) -> impl Fn(&'a str) -> IResult<&'a str, &'a str> {
    move |i: &'a str| {
        let (rest, w) = word(i)?;
        if words.iter().any(|k| k.eq_ignore_ascii_case(w)) {
            Ok((rest, w))
        } else {
            failure(i, ErrorKind::Tag)
        }
    }
}

/// A number in digits or words, with its scale.
pub fn number(i: &str) -> IResult<&str, Number> {
    alt((digits_scaled, spelled)).parse(i)
}

/// Digits with an optional scale word: "61 billion", "4.2bn", "1.8 billion-".
pub fn digits_scaled(i: &str) -> IResult<&str, Number> {
    let (rest, n) = numeral(i)?;
    let after_sep = sep(rest).map_or(rest, |(after, _)| after);
    let Ok((after_scale, scale)) = scale_word(after_sep) else {
        return Ok((rest, n));
    };
    let scaled = Number {
        value: n.value * scale,
        form: Form::Digits {
            year_like: false,
            scaled: true,
        },
        ..n
    };
    Ok((after_scale, scaled))
}

/// Digits with thousands separators and decimals: "1,250", "0.65", "2024".
pub fn numeral(i: &str) -> IResult<&str, Number> {
    // Read bytewise: digits, then groups of a comma and three digits, then
    // a decimal point and digits.
    let bytes = i.as_bytes();
    let digits_at = |at: usize| {
        bytes
            .get(at..)
            .map_or(0, |b| b.iter().take_while(|b| b.is_ascii_digit()).count())
    };
    let first_digits = digits_at(0);
    let mut end = first_digits;
    if end == 0 {
        return failure(i, ErrorKind::Digit);
    }
    while bytes.get(end) == Some(&b',') && digits_at(end + 1) >= 3 {
        end += 4;
    }
    if bytes.get(end) == Some(&b'.') {
        let decimals = digits_at(end + 1);
        if decimals > 0 {
            end += 1 + decimals;
        }
    }
    let (text, rest) = i.split_at(end);
    // A digit right after a group ("1,2345") or a second decimal point
    // ("2.3.1") means this is not a number but a code or version.
    let next = bytes.get(end);
    let next2 = bytes.get(end + 1);
    if next.is_some_and(u8::is_ascii_digit)
        || (matches!(next, Some(b'.' | b',')) && next2.is_some_and(u8::is_ascii_digit))
        || text.len() > 24
    {
        return failure(i, ErrorKind::Digit);
    }
    let value = parse_digits(text);
    // Digits alone when the number ends where its first run of digits does.
    let year_like = text.len() == 4 && first_digits == 4;
    Ok((
        rest,
        Number {
            value,
            form: Form::Digits {
                year_like,
                scaled: false,
            },
            lower_bound: false,
        },
    ))
}

/// The value of validated digits; commas are thousands separators.
fn parse_digits(text: &str) -> f64 {
    // A whole number of up to 15 digits, most figures, is read digit by
    // digit: it and every step of reading it are exact in an f64, so the
    // value is the one a parse gives.
    let mut value = 0.0;
    let mut digits = 0;
    for b in text.bytes() {
        match b {
            b',' => {}
            b'0'..=b'9' => {
                value = value * 10.0 + f64::from(b - b'0');
                digits += 1;
            }
            _ => return parse_decimal(text),
        }
    }
    if digits <= 15 {
        value
    } else {
        parse_decimal(text)
    }
}

/// The value of validated digits as floating point parsing gives it.
fn parse_decimal(text: &str) -> f64 {
    let parsed = if text.contains(',') {
        text.replace(',', "").parse()
    } else {
        text.parse()
    };
    parsed.unwrap_or(f64::NAN)
}

/// Words with their values ("million" → 1e6), looked up ignoring ASCII
/// case. A word is read only when some entry has its first letter (a bit
/// tells), and compared with the entries only when some entry has its
/// ends and length ([`WordEnds`]).
struct Valued {
    entries: &'static [(&'static str, f64)],
    /// Bit `b % 32` of each entry's first byte `b`. The two cases of an
    /// ASCII letter differ only in bit 5 (32), so they have the same bit.
    firsts: u32,
    /// The entries' ends and lengths, which ignore ASCII case.
    ends: WordEnds,
}

impl Valued {
    const fn new(entries: &'static [(&'static str, f64)]) -> Valued {
        let (mut firsts, mut ends) = (0, WordEnds::empty());
        let mut at = 0;
        while at < entries.len() {
            let word = entries[at].0;
            assert!(word.as_bytes()[0].is_ascii_lowercase());
            firsts |= 1 << (word.as_bytes()[0] % 32);
            ends.add(word);
            at += 1;
        }
        Valued {
            entries,
            firsts,
            ends,
        }
    }

    /// The value of the word at the start of `i` (a [`word`]), as a nom
    /// parser.
    fn word_at<'a>(&self, i: &'a str) -> IResult<&'a str, f64> {
        // Most words after a number open with a letter no entry opens
        // with, and are turned away before they are read; a word that is
        // an entry has the entry's bit, so none is turned away wrongly.
        let opens = i
            .as_bytes()
            .first()
            .is_some_and(|b| self.firsts & 1 << (b % 32) != 0);
        if !opens {
            return failure(i, ErrorKind::Tag);
        }
        let (rest, w) = word(i)?;
        match self.value(w) {
            Some(v) => Ok((rest, v)),
            None => failure(i, ErrorKind::Tag),
        }
    }

    /// The value of `w`, if it is an entry in any ASCII case.
    fn value(&self, w: &str) -> Option<f64> {
        // An entry that `w` matches has `w`'s ends and length.
        if !self.ends.may_hold(w) {
            return None;
        }
        self.entries
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(w))
            .map(|&(_, v)| v)
    }

    fn words(&self) -> impl Iterator<Item = &'static str> {
        self.entries.iter().map(|&(w, _)| w)
    }
}

/// Scale words after a number: "million", "bn", "crore".
const SCALES: Valued = Valued::new(&[
    ("thousand", 1e3),
    ("million", 1e6),
    ("mn", 1e6),
    ("mln", 1e6),
    ("billion", 1e9),
    ("bn", 1e9),
    ("trillion", 1e12),
    ("tn", 1e12),
    ("trn", 1e12),
    ("crore", 1e7),
    ("crores", 1e7),
    ("lakh", 1e5),
    ("lakhs", 1e5),
]);

/// Plural scales that make a lower bound: "hundreds of", "dozens of".
const PLURALS: Valued = Valued::new(&[
    ("dozens", 12.0),
    ("scores", 20.0),
    ("tens", 10.0),
    ("hundreds", 100.0),
    ("thousands", 1e3),
    ("millions", 1e6),
    ("billions", 1e9),
    ("trillions", 1e12),
]);

/// A scale word after a number: "million", "bn", "crore".
pub fn scale_word(i: &str) -> IResult<&str, f64> {
    SCALES.word_at(i)
}

/// The words a figure written in words cannot do without: "seven",
/// "forty", "hundred", "million", "dozens", "half".
pub fn number_words() -> impl Iterator<Item = &'static str> {
    UNITS
        .words()
        .chain(TENS.words())
        .chain(["hundred", "dozen", "half"])
        .chain(SCALES.words())
        .chain(PLURALS.words())
}

/// Whether a lowercased word is one of [`number_words`].
pub fn is_number_word(lower: &str) -> bool {
    static WORDS: LazyLock<WordIndex> = LazyLock::new(|| WordIndex::new(number_words()));
    WORDS.contains(lower)
}

/// The one-letter scales that only follow a currency: "$5m", "$4.2B", "$300k".
pub fn short_scale(i: &str) -> IResult<&str, f64> {
    let (rest, s) = alt((
        value(1e6, alt((tag("m"), tag("M")))),
        value(1e9, alt((tag("b"), tag("B")))),
        value(1e3, alt((tag("k"), tag("K")))),
    ))
    .parse(i)?;
    boundary(rest)?;
    Ok((rest, s))
}

const UNITS: Valued = Valued::new(&[
    ("zero", 0.0),
    ("one", 1.0),
    ("two", 2.0),
    ("three", 3.0),
    ("four", 4.0),
    ("five", 5.0),
    ("six", 6.0),
    ("seven", 7.0),
    ("eight", 8.0),
    ("nine", 9.0),
    ("ten", 10.0),
    ("eleven", 11.0),
    ("twelve", 12.0),
    ("thirteen", 13.0),
    ("fourteen", 14.0),
    ("fifteen", 15.0),
    ("sixteen", 16.0),
    ("seventeen", 17.0),
    ("eighteen", 18.0),
    ("nineteen", 19.0),
]);
const TENS: Valued = Valued::new(&[
    ("twenty", 20.0),
    ("thirty", 30.0),
    ("forty", 40.0),
    ("fifty", 50.0),
    ("sixty", 60.0),
    ("seventy", 70.0),
    ("eighty", 80.0),
    ("ninety", 90.0),
]);

/// The value of a number word under a hundred, and whether it is a tens word.
fn small_word(w: &str) -> Option<(f64, bool)> {
    if let Some(n) = UNITS.value(w) {
        return Some((n, false));
    }
    TENS.value(w).map(|n| (n, true))
}

/// The words [`opens_cardinal`] looks for: the cardinals and the articles.
pub fn cardinal_openers() -> impl Iterator<Item = &'static str> {
    ["a", "an"]
        .into_iter()
        .chain(UNITS.words())
        .chain(TENS.words())
}

/// Whether a lowercased word opens with a cardinal or an article, the
/// only way a number in words can start on a single word: a quick look
/// before `spelled`.
pub fn opens_cardinal(lower: &str) -> bool {
    static OPENERS: LazyLock<WordIndex> = LazyLock::new(|| WordIndex::new(cardinal_openers()));
    let letters = lower.bytes().take_while(u8::is_ascii_alphabetic).count();
    OPENERS.contains(&lower[..letters])
}

/// A number in words: "seven", "twenty-five", "a dozen", "three hundred",
/// "two-and-a-half", "Half a million", "hundreds of thousands of".
pub fn spelled(i: &str) -> IResult<&str, Number> {
    let capitalized = i.chars().next().is_some_and(char::is_uppercase);
    let (rest, (value, bare, lower_bound)) = alt((
        map(plural_of, |v| (v, false, true)),
        map(half_scale, |v| (v, false, false)),
        cardinal,
    ))
    .parse(i)?;
    boundary(rest)?;
    Ok((
        rest,
        Number {
            value,
            form: Form::Words { bare, capitalized },
            lower_bound,
        },
    ))
}

/// "hundreds of", "tens of thousands of", "dozens of": a lower bound.
fn plural_of(i: &str) -> IResult<&str, f64> {
    let plural = |i| PLURALS.word_at(i);
    let of = |i| (ws, tag_ascii_no_case("of"), boundary).parse(i);
    let (mut rest, mut v) = (plural, of).map(|(v, _)| v).parse(i)?;
    // "hundreds of thousands of", "tens of millions of"
    while let Ok((r, more)) = preceded(ws, (plural, of).map(|(v, _)| v)).parse(rest) {
        if more <= v {
            break;
        }
        v *= more;
        rest = r;
    }
    // "tens of" and "hundreds of" alone need a following scale or noun; the caller decides.
    Ok((rest, v))
}

/// "half a million", "half a billion".
fn half_scale(i: &str) -> IResult<&str, f64> {
    let (rest, (_, _, _, _, scale)) = (
        tag_ascii_no_case("half"),
        ws,
        keyword(&["a", "an"]),
        ws,
        scale_word,
    )
        .parse(i)?;
    Ok((rest, scale / 2.0))
}

/// (value, bare, lower_bound) of a cardinal in words.
fn cardinal(i: &str) -> IResult<&str, (f64, bool, bool)> {
    let (mut rest, first) = word(i)?;
    let mut value;
    let article = first.eq_ignore_ascii_case("a") || first.eq_ignore_ascii_case("an");
    if article {
        value = 1.0;
    } else {
        let Some((v, is_tens)) = small_word(first) else {
            return failure(i, ErrorKind::Tag);
        };
        value = v;
        if is_tens {
            // "twenty-five", "twenty five"
            if let Ok((r, (_, unit))) = (sep, word).parse(rest) {
                if let Some((u, false)) = small_word(unit).filter(|(u, _)| (1.0..10.0).contains(u))
                {
                    value += u;
                    rest = r;
                }
            }
        }
    }
    let mut multiplied = false;
    if let Ok((r, _)) = (sep, tag_ascii_no_case("hundred"), boundary).parse(rest) {
        value *= 100.0;
        rest = r;
        multiplied = true;
    }
    // "two-and-a-half", "two and a half"
    if !article {
        if let Ok((r, _)) = (
            sep,
            tag_ascii_no_case("and"),
            sep,
            keyword(&["a"]),
            sep,
            tag_ascii_no_case("half"),
            boundary,
        )
            .parse(rest)
        {
            value += 0.5;
            rest = r;
            multiplied = true;
        }
    }
    if let Ok((r, (_, scale))) = (ws, scale_word).parse(rest) {
        value *= scale;
        rest = r;
        multiplied = true;
    } else if let Ok((r, _)) = (ws, tag_ascii_no_case("dozen"), boundary).parse(rest) {
        value *= 12.0;
        rest = r;
        multiplied = true;
    }
    let bare = !multiplied && (article || value == 1.0);
    Ok((rest, (value, bare, false)))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Digits read one by one give what parsing the text without its commas gives.
    #[test]
    fn digits_read_as_parsed() {
        let parsed = |text: &str| text.replace(',', "").parse::<f64>().ok();
        let mut texts: Vec<String> = (0..20_000u64)
            .chain([
                999_999_999_999_999,
                123_456_789_012_345,
                9_007_199_254_740_993,
            ])
            .map(|n| n.to_string())
            .collect();
        texts.extend(
            [
                "1,250",
                "12,345,678",
                "007",
                "4.2",
                "0.65",
                "1,250.75",
                "1234567890123456",
                "99,999,999,999,999",
                "999,999,999,999,999,999",
            ]
            .map(String::from),
        );
        for text in &texts {
            assert_eq!(Some(parse_digits(text)), parsed(text), "{text}");
        }
    }

    fn parse(text: &str) -> Option<(f64, &str)> {
        number(text).ok().map(|(rest, n)| (n.value, rest))
    }

    #[test]
    fn numerals_read_groups_and_decimals_or_refuse_codes() {
        let read = |text| numeral(text).ok().map(|(rest, n)| (n.value, rest));
        assert_eq!(read("1,250 troops"), Some((1250.0, " troops")));
        assert_eq!(read("0.65."), Some((0.65, ".")));
        assert_eq!(read("1."), Some((1.0, ".")));
        assert_eq!(read("1,23"), None);
        assert_eq!(read("1,234,5678"), None);
        assert_eq!(read("2.3.1"), None);
        assert_eq!(read("a1"), None);
    }

    #[test]
    fn numerals_of_four_digits_alone_are_year_like() {
        let year_like = |text| numeral(text).map(|(_, n)| n.is_year_like());
        assert_eq!(year_like("2024 budget"), Ok(true));
        assert_eq!(year_like("2,024"), Ok(false));
        assert_eq!(year_like("20.5"), Ok(false));
        assert_eq!(year_like("202"), Ok(false));
    }

    #[test]
    fn spaces_of_any_width_are_measured() {
        assert_eq!(spaces_len("  \u{a0}\tx"), 5);
        assert_eq!(spaces_len("\u{2009}\u{202f}5"), 6);
        assert_eq!(spaces_len(" é"), 1);
        assert_eq!(spaces_len("x "), 0);
        assert_eq!(spaces_len(""), 0);
        assert_eq!(ws("\u{a0}km"), Ok(("km", "\u{a0}")));
        assert!(ws("km").is_err());
    }

    #[test]
    fn separators_are_spaces_or_hyphens() {
        assert_eq!(sep(" - x"), Ok(("- x", " ")));
        assert_eq!(sep("-x"), Ok(("x", "-")));
        assert_eq!(sep("‑nation"), Ok(("nation", "‑")));
        assert_eq!(sep("–5"), Ok(("5", "–")));
        assert!(sep("—5").is_err());
        assert!(sep("x").is_err());
        assert_eq!(word("Bn."), Ok((".", "Bn")));
        assert!(word("é").is_err());
    }

    #[test]
    fn valued_words_are_found_in_any_case_and_others_turned_away() {
        for table in [&SCALES, &PLURALS, &UNITS, &TENS] {
            for &(entry, value) in table.entries {
                let upper = entry.to_ascii_uppercase();
                let capital = format!("{}{}", &upper[..1], &entry[1..]);
                for w in [entry, &upper, &capital] {
                    assert_eq!(table.value(w), Some(value), "{w}");
                    let text = format!("{w} of");
                    assert_eq!(table.word_at(&text), Ok((" of", value)), "{w}");
                }
            }
        }
        assert_eq!(SCALES.value("bnx"), None);
        assert_eq!(SCALES.value("b"), None);
        assert_eq!(SCALES.value(""), None);
        assert_eq!(SCALES.value(&"m".repeat(40)), None);
        assert!(SCALES.word_at("votes").is_err());
        assert!(SCALES.word_at("millions").is_err());
        assert!(SCALES.word_at("").is_err());
        assert!(UNITS.word_at("/ne").is_err());
    }

    #[test]
    fn ascii_tags_ignore_case_and_nothing_else() {
        let of = tag_ascii_no_case("of");
        assert_eq!(of("OF them"), Ok((" them", "OF")));
        assert!(of("o").is_err());
        assert!(of("\u{212a}of").is_err());
        assert!(of("öf").is_err());
    }

    #[test]
    fn digits_and_scales() {
        assert_eq!(parse("1,250 casualties"), Some((1250.0, " casualties")));
        assert_eq!(parse("61 billion military"), Some((61e9, " military")));
        assert_eq!(parse("4.2bn."), Some((4.2e9, ".")));
        assert_eq!(parse("1.8 billion-mile"), Some((1.8e9, "-mile")));
        assert_eq!(parse("0.65 per cent"), Some((0.65, " per cent")));
        assert_eq!(parse("500 crore"), Some((5e9, "")));
    }

    #[test]
    fn codes_are_not_numbers() {
        assert_eq!(parse("2.3.1"), None);
        assert_eq!(parse("1,2345"), None);
        assert_eq!(parse(&"9".repeat(100)), None);
    }

    #[test]
    fn words() {
        assert_eq!(parse("twenty-five men"), Some((25.0, " men")));
        assert_eq!(parse("a dozen towns"), Some((12.0, " towns")));
        assert_eq!(parse("Half a million people"), Some((500_000.0, " people")));
        assert_eq!(parse("two-and-a-half years"), Some((2.5, " years")));
        assert_eq!(
            parse("hundreds of thousands of rounds"),
            Some((100_000.0, " rounds"))
        );
        assert_eq!(parse("three hundred"), Some((300.0, "")));
        assert_eq!(parse("seventeen"), Some((17.0, "")));
        assert_eq!(parse("seventh"), None);
        let (_, a) = number("a year").expect("\"a\" is a number word");
        assert!(a.is_bare_word());
        let (_, one) = number("one of").expect("\"one\" is a number word");
        assert!(one.is_bare_word());
    }
}
