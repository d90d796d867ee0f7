//! Ratios ("3 to 1", "three-to-one", "3:1", "a 3-1 margin", "one in five") and sports
//! scores ("won 3-1", "2-2 on aggregate"), told apart by the words around them.

use super::claim::Kind;
use super::lexicon::After;
use super::number::{numeral, spelled, tag_ascii_no_case, ws, Number};
use nom::branch::alt;
use nom::Parser;

/// How the two sides are joined.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Joiner {
    /// "3 to 1", "three-to-one"
    To,
    /// "3:1"
    Colon,
    /// "3-1"
    Dash,
    /// "one in five", "1 in 10"
    In,
}

/// The right-hand side of a pair after the left number: returns the rest,
/// the right number and the joiner.
pub fn right_side<'a>(after: &After<'a>) -> Option<(&'a str, Number, Joiner)> {
    // Most numbers are followed by a space and some other word. After a
    // space only "to" and "in" can join a pair (the other joiners touch
    // the number), so anything else is turned away before it is parsed.
    let joins = |word: &str| word.eq_ignore_ascii_case("to") || word.eq_ignore_ascii_case("in");
    if after.has_space() && !after.spaced.text().get(..2).is_some_and(joins) {
        return votes_to(after.spaced.text());
    }
    let input = after.attached.text();
    let right = |i| alt((numeral, spelled)).parse(i);
    if let Some(r) = input.strip_prefix(':') {
        let (rest, n) = numeral(r).ok()?;
        return Some((rest, n, Joiner::Colon));
    }
    if let Ok((rest, (_, _, _, n))) = (
        alt((ws, tag_ascii_no_case("-"))),
        tag_ascii_no_case("to"),
        alt((ws, tag_ascii_no_case("-"))),
        right,
    )
        .parse(input)
    {
        return Some((rest, n, Joiner::To));
    }
    if let Ok((rest, (_, _, _, n))) = (ws, tag_ascii_no_case("in"), ws, right).parse(input) {
        // "one in 2019" is a date and "two in 10 years" a duration, not a proportion.
        let following = After::new(rest);
        let unit_follows = super::duration::suffix(&following).is_some()
            || super::measure::suffix(&following).is_some();
        if n.is_year_like() || unit_follows {
            return None;
        }
        return Some((rest, n, Joiner::In));
    }
    let r = input.strip_prefix(['-', '–', '‑'])?;
    let (rest, n) = numeral(r).ok()?;
    Some((rest, n, Joiner::Dash))
}

/// A tally written with its unit: "by 84 votes to 71".
fn votes_to(input: &str) -> Option<(&str, Number, Joiner)> {
    let (rest, (_, _, _, _, n)) = (
        tag_ascii_no_case("votes"),
        ws,
        tag_ascii_no_case("to"),
        ws,
        numeral,
    )
        .parse(input)
        .ok()?;
    Some((rest, n, Joiner::To))
}

/// Words of a legislature's votes: a tally among them is a ratio, even
/// after a word of games ("the amendment was defeated 79-76").
const LEGISLATIVE_CUES: &[&str] = &[
    "amendment",
    "amendments",
    "motion",
    "legislation",
    "resolution",
    "referendum",
    "lawmakers",
    "senators",
    "deputies",
    "mps",
    "parliament",
];

/// Results of a game: these settle it before any ratio cue ("won 3-1 against").
const RESULT_CUES: &[&str] = &[
    "won",
    "win",
    "wins",
    "beat",
    "beats",
    "beating",
    "defeated",
    "defeat",
    "defeats",
    "lost",
    "lose",
    "loses",
    "loss",
    "drew",
    "draw",
    "draws",
    "drawn",
    "victory",
    "victories",
    "aggregate",
    "half-time",
    "halftime",
];

const SCORE_CUES: &[&str] = &[
    "led",
    "lead",
    "leads",
    "leading",
    "trailed",
    "trailing",
    "aggregate",
    "series",
    "score",
    "scored",
    "scoreline",
    "halftime",
    "half-time",
    "thrashed",
    "edged",
    "routed",
    "rout",
    "match",
    "game",
    "final",
    "goals",
    "innings",
    "set",
    "sets",
];

const RATIO_CUES: &[&str] = &[
    "margin",
    "majority",
    "ratio",
    "vote",
    "voted",
    "votes",
    "ruled",
    "ruling",
    "decision",
    "split",
    "odds",
    "favourite",
    "favorite",
    "bookmakers",
    "outnumber",
    "outnumbers",
    "outnumbered",
    "outnumbering",
    "outvoted",
    "advantage",
    "against",
];

/// Decides whether a pair is a score, a ratio, or neither (a lone "3-1"
/// with no telling context is left alone). `words` are the sentence's
/// lowercased words.
pub fn classify<W: AsRef<str>>(joiner: Joiner, words: &[W], left: f64, right: f64) -> Option<Kind> {
    let has = |cues: &[&str]| words.iter().any(|w| cues.contains(&w.as_ref()));
    if joiner == Joiner::In {
        // "one in five" is a share of a whole; "five in two" is no proportion.
        return (left <= right).then_some(Kind::Ratio);
    }
    if joiner == Joiner::Dash && (left >= 1000.0 || right >= 1000.0) {
        return None; // years, phone numbers, codes
    }
    if joiner == Joiner::Colon && right >= 10.0 && left <= 24.0 {
        return None; // a clock time: "10:30"
    }
    if has(LEGISLATIVE_CUES) {
        return Some(Kind::Ratio);
    }
    if has(RESULT_CUES) {
        return Some(Kind::Score);
    }
    if has(RATIO_CUES) {
        return Some(Kind::Ratio);
    }
    if has(SCORE_CUES) {
        return Some(Kind::Score);
    }
    match joiner {
        Joiner::To | Joiner::Colon => Some(Kind::Ratio),
        Joiner::Dash | Joiner::In => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(s: &str) -> Vec<String> {
        s.split_whitespace().map(str::to_lowercase).collect()
    }

    #[test]
    fn pairs() {
        let right_side = |text| right_side(&After::new(text));
        assert_eq!(
            right_side(" to 1 on").map(|(r, n, j)| (r, n.value, j)),
            Some((" on", 1.0, Joiner::To))
        );
        assert_eq!(
            right_side("-to-one").map(|(r, n, j)| (r, n.value, j)),
            Some(("", 1.0, Joiner::To))
        );
        assert_eq!(
            right_side(":1").map(|(_, n, j)| (n.value, j)),
            Some((1.0, Joiner::Colon))
        );
        assert_eq!(
            right_side("-1 margin").map(|(_, n, j)| (n.value, j)),
            Some((1.0, Joiner::Dash))
        );
        assert_eq!(
            right_side(" in five of them").map(|(r, n, j)| (r, n.value, j)),
            Some((" of them", 5.0, Joiner::In))
        );
        assert_eq!(
            right_side(" in 10,000 births").map(|(_, n, j)| (n.value, j)),
            Some((10000.0, Joiner::In))
        );
        // Years and durations after "in" are no proportions.
        assert!(right_side(" in 2019 and").is_none());
        assert!(right_side(" in 10 years").is_none());
        assert!(right_side(" inches").is_none());
        assert!(right_side(" people").is_none());
        assert_eq!(
            right_side(" votes to 71, after").map(|(r, n, j)| (r, n.value, j)),
            Some((", after", 71.0, Joiner::To))
        );
        assert_eq!(
            right_side("\u{a0}To 3").map(|(_, n, j)| (n.value, j)),
            Some((3.0, Joiner::To))
        );
    }

    #[test]
    fn context_decides() {
        assert_eq!(
            classify(Joiner::Dash, &words("they won 3-1"), 3.0, 1.0),
            Some(Kind::Score)
        );
        assert_eq!(
            classify(Joiner::Dash, &words("by a 3-1 margin"), 3.0, 1.0),
            Some(Kind::Ratio)
        );
        assert_eq!(
            classify(Joiner::To, &words("the council voted 9 to 4"), 9.0, 4.0),
            Some(Kind::Ratio)
        );
        assert_eq!(
            classify(
                Joiner::Dash,
                &words("the amendment was defeated 79-76"),
                79.0,
                76.0
            ),
            Some(Kind::Ratio)
        );
        assert_eq!(
            classify(Joiner::Dash, &words("a 1-4 favourite to hold on"), 1.0, 4.0),
            Some(Kind::Ratio)
        );
        assert_eq!(
            classify(Joiner::Colon, &words("at 10:30"), 10.0, 30.0),
            None
        );
        assert_eq!(
            classify(Joiner::Dash, &words("the 2022-23 season"), 2022.0, 23.0),
            None
        );
        // A proportion even among result words, but only a part of a whole.
        assert_eq!(
            classify(Joiner::In, &words("they won one in five"), 1.0, 5.0),
            Some(Kind::Ratio)
        );
        assert_eq!(classify(Joiner::In, &words("five in two"), 5.0, 2.0), None);
    }
}
