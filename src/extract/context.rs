//! A sentence as the parsers see it (its words, tense markers and
//! publication date) and what a claim takes from the words around it: the
//! direction of a change and the subject it is about.

use std::cell::OnceCell;

use jiff::civil::Date;

use super::claim::Change;
use super::date::{Reach, Tense};
use super::lexicon::{is_determiner, is_possessive, WordSet};
use super::word_bytes::WordBytes;
use super::words::{each_token, is_capitalized, room_for, Token};
use crate::span::Span;

/// Room for a sentence's tokens and words, passed from sentence to
/// sentence so that a document's are allocated once, not once a sentence.
pub struct Buffers<'t> {
    tokens: Vec<Token>,
    words: Vec<&'t str>,
}

impl Buffers<'_> {
    /// Room for the longest of `sentences`, made at once: grown sentence
    /// by sentence, the lists would be copied each time a longer one came.
    pub fn for_sentences(sentences: &[Span]) -> Self {
        let room = sentences.iter().map(|&s| room_for(s)).max().unwrap_or(0);
        Buffers {
            tokens: Vec::with_capacity(room),
            words: Vec::with_capacity(room),
        }
    }
}

/// One sentence, tokenized.
pub struct Sentence<'t> {
    pub text: &'t str,
    pub span: Span,
    pub tokens: Vec<Token>,
    /// Lowercased text of every token, for cue lookups.
    pub words: Vec<&'t str>,
    pub published: Option<Date>,
    /// Where the tense words are; found when a date first asks.
    tense_markers: OnceCell<Vec<(usize, Tense)>>,
}

impl<'t> Sentence<'t> {
    /// [`Sentence::reusing`] with buffers of its own.
    #[cfg(test)]
    pub fn new(text: &'t str, lower: &'t str, span: Span, published: Option<Date>) -> Sentence<'t> {
        Sentence::reusing(
            Buffers::for_sentences(&[span]),
            text,
            lower,
            &WordBytes::new(text.as_bytes()),
            span,
            published,
        )
    }

    /// The sentence at `span` of `text`, its tokens and words made in the
    /// buffers [`Buffers::for_sentences`] sized for its document, as a
    /// previous sentence gave them back with [`Sentence::into_buffers`].
    /// `lower` is the whole of `text` with its ASCII letters lowered (the
    /// cue lists are ASCII), made once per document so that no word is
    /// copied to be lowered, and `word_bytes` its masks, made once too.
    pub fn reusing(
        buffers: Buffers<'t>,
        text: &'t str,
        lower: &'t str,
        word_bytes: &WordBytes,
        span: Span,
        published: Option<Date>,
    ) -> Sentence<'t> {
        let Buffers {
            mut tokens,
            mut words,
        } = buffers;
        tokens.clear();
        words.clear();
        // The buffers hold room for the document's longest sentence, so this
        // reserves nothing; without it the loop below runs 1.3% more of
        // extraction's instructions (the pushes compile less tightly).
        let room = room_for(span);
        tokens.reserve(room);
        words.reserve(room);
        // Each token's word is taken as it is made, in the one pass.
        each_token(text, word_bytes, span, |token| {
            tokens.push(token);
            words.push(token.text(lower));
        });
        Sentence {
            text,
            span,
            tokens,
            words,
            published,
            tense_markers: OnceCell::new(),
        }
    }

    /// The sentence's buffers, for the next sentence of the same text.
    pub fn into_buffers(self) -> Buffers<'t> {
        Buffers {
            tokens: self.tokens,
            words: self.words,
        }
    }

    fn tense_markers(&self) -> &[(usize, Tense)] {
        self.tense_markers.get_or_init(|| {
            self.words
                .iter()
                .enumerate()
                .filter_map(|(i, &word)| {
                    // A participle after "be" is passive: the tense is the
                    // auxiliary's ("are due to be certified", "will be held",
                    // "is cleared for launch").
                    let passive = i > 0
                        && matches!(
                            self.words[i - 1],
                            "be" | "been" | "being" | "is" | "are" | "was" | "were"
                        );
                    // "could not say on Thursday", "could have": the past of "can".
                    let can_past = word == "could"
                        && self
                            .words
                            .get(i + 1)
                            .is_some_and(|&w| w == "not" || w == "have");
                    // "hoped to graduate", "voted to stage", "unlikely to
                    // ease": what is intended or foreseen lies ahead of the
                    // verb, whatever its tense.
                    let intends = || {
                        is_intention_word(word) && self.words.get(i + 1).is_some_and(|&w| w == "to")
                    };
                    // "10,000 won": the currency, not the verb.
                    let currency = || {
                        word == "won"
                            && i > 0
                            && (self.tokens[i - 1].shape.has_digit()
                                || super::number::is_number_word(self.words[i - 1]))
                    };
                    let tense = if can_past {
                        Tense::Past
                    } else if intends() {
                        Tense::Future
                    } else if currency() {
                        return None;
                    } else {
                        tense_of(word)?
                    };
                    let passive_past = passive && tense == Tense::Past && !is_past_word(word);
                    // "will receive itemised statements", "will have
                    // finished", "want it signed": a participle in the verb
                    // phrase of a future auxiliary or of "want" marks no
                    // tense of its own.
                    let after_future = tense == Tense::Past
                        && !is_past_word(word)
                        && (1..=2).any(|k| {
                            i >= k
                                && (is_future_auxiliary(self.words[i - k])
                                    || matches!(self.words[i - k], "want" | "wants"))
                        });
                    // "a walkout, followed by another", "the bill, passed by
                    // parliament": a participle opening a phrase with its
                    // agent marks no tense ("prices rose by 3%" does).
                    let with_agent = tense == Tense::Past
                        && !is_past_word(word)
                        && i > 0
                        && self.words[i - 1] == ","
                        && self.words.get(i + 1).is_some_and(|&w| w == "by");
                    (!passive_past && !after_future && !with_agent).then_some((i, tense))
                })
                .collect()
        })
    }

    /// The tense of the verb governing token `i`: the nearest marker before
    /// it in its clause ("will sign ... on Thursday"), else the nearest
    /// after it in its clause ("and on Friday everyone will know"); with
    /// the sentence in reach, else the nearest before it in the sentence,
    /// else the nearest after it ("On Monday, Quinlan said"); with the
    /// clause in reach, else a future marker anywhere in the sentence
    /// ("plans to present the results, at the congress in August").
    pub fn tense_at(&self, i: usize, reach: Reach) -> Tense {
        let markers = self.tense_markers();
        let before = markers.iter().rev().find(|(at, _)| *at < i);
        let after = markers.iter().find(|(at, _)| *at > i);
        let clause = self.clause_around(i);
        let in_clause = |marker: &&(usize, Tense)| clause.contains(&marker.0);
        let own = before.filter(in_clause).or(after.filter(in_clause));
        let found = match reach {
            Reach::Clause => own.or_else(|| markers.iter().find(|(_, t)| *t == Tense::Future)),
            Reach::Sentence => own.or(before).or(after),
        };
        found.map_or(Tense::Neutral, |(_, t)| *t)
    }

    /// The tokens of the clause that token `i` stands in: those between the
    /// nearest clause marks (commas, semicolons, colons, dashes, brackets,
    /// quotation marks) before and after it.
    fn clause_around(&self, i: usize) -> std::ops::Range<usize> {
        let is_mark = |j: &usize| {
            !self.tokens[*j].is_word()
                && matches!(
                    self.words[*j],
                    "," | ";" | ":" | "—" | "–" | "(" | ")" | "“" | "”" | "\""
                )
        };
        let start = (0..i).rev().find(is_mark).map_or(0, |j| j + 1);
        let end = (i + 1..self.tokens.len())
            .find(is_mark)
            .unwrap_or(self.tokens.len());
        start..end
    }

    /// The lowercased word before token `i`, if that token is a word.
    pub fn word_before(&self, i: usize) -> Option<&str> {
        let j = i.checked_sub(1)?;
        self.tokens[j].is_word().then(|| self.words[j])
    }

    /// Whether token `i` opens the sentence (perhaps after a quote mark or bracket).
    pub fn starts_sentence(&self, i: usize) -> bool {
        self.tokens[..i].iter().all(|t| !t.is_word())
    }

    /// Whether token `i` is a capitalised word that names something, so a
    /// number right after it is part of the name ("Windows 11").
    pub fn is_name_word(&self, i: usize) -> bool {
        // Most words before a number have no capital: settled first.
        if !self.is_capitalized_word(i) {
            return false;
        }
        let word = self.tokens[i].text(self.text);
        // A possessive owns the figure, it does not name it: "NATO's 31 members".
        let possessive = is_possessive(word) || word.ends_with(['\'', '’']);
        if possessive || self.starts_sentence(i) {
            return false;
        }
        let lower = self.words[i];
        !super::date::may_start(lower, word) && !super::hedge::starts_hedge(lower)
    }

    /// Whether token `i` is a word with a capital letter anywhere ("Game", "iOS").
    pub fn is_capitalized_word(&self, i: usize) -> bool {
        let token = self.tokens[i];
        if !token.is_word() {
            return false;
        }
        // A word of ASCII letters has a capital exactly when the tokenizer
        // noted an ASCII one; only other words are read again.
        if token.shape.is_letters() {
            return token.shape.has_upper();
        }
        token.text(self.text).chars().any(char::is_uppercase)
    }

    /// How many tokens end at or before `offset` (tokens are in order).
    fn tokens_ending_by(&self, offset: usize) -> usize {
        self.tokens.partition_point(|t| t.span.end() <= offset)
    }

    /// The first token that starts at or after `offset`.
    fn first_token_from(&self, offset: usize) -> Option<usize> {
        let i = self.tokens.partition_point(|t| t.span.start() < offset);
        (i < self.tokens.len()).then_some(i)
    }

    /// The direction of change the words before `start` (or right after
    /// `end`) give a figure: "rose 5%", "fell by about 20 percent", "a 5% increase".
    pub fn change_around(&self, start: usize, end: usize) -> Option<Change> {
        let before = self.tokens_ending_by(start).checked_sub(1);
        if let Some(mut j) = before {
            for _ in 0..8 {
                let word = self.words[j];
                if let Some(change) = change_word(word) {
                    return Some(change);
                }
                if !is_transparent(word) {
                    break;
                }
                match j.checked_sub(1) {
                    Some(k) => j = k,
                    None => break,
                }
            }
        }
        let after = self.first_token_from(end)?;
        let word = self.words[after];
        matches!(
            word,
            "increase" | "rise" | "gain" | "jump" | "hike" | "growth" | "surge" | "boost" | "climb"
        )
        .then_some(Change::Up)
        .or_else(|| {
            matches!(
                word,
                "decrease"
                    | "drop"
                    | "decline"
                    | "cut"
                    | "fall"
                    | "reduction"
                    | "loss"
                    | "slump"
                    | "dip"
                    | "contraction"
                    | "slide"
            )
            .then_some(Change::Down)
        })
    }

    /// Whether "of" and a plural follow byte `end`: "of patients", "of
    /// the people asked", not "of Brazil" or "of the vote".
    pub fn population_after(&self, end: usize) -> bool {
        let Some(of) = self
            .first_token_from(end)
            .filter(|&j| self.words[j] == "of")
        else {
            return false;
        };
        let mut j = of + 1;
        while self
            .words
            .get(j)
            .is_some_and(|w| matches!(*w, "the" | "all" | "those" | "its" | "their"))
        {
            j += 1;
        }
        self.words.get(j).is_some_and(|&w| {
            let plural = w.len() > 3 && w.ends_with('s') && !w.ends_with("ss");
            self.tokens[j].is_word()
                && !is_capitalized(self.tokens[j].text(self.text))
                && (plural || matches!(w, "people" | "children" | "women" | "men"))
        })
    }

    /// The noun phrase after a figure ("military aid package") or in an
    /// "of"/"in" phrase after it ("of Brazil", "in aid").
    pub fn subject_after(&self, end: usize) -> Option<Span> {
        let first = self.first_token_from(end)?;
        let mut j = first;
        if matches!(self.words[j], "of" | "in") {
            j += 1;
        }
        let from = j;
        // Words, not numbers or dates: "in 2021", "in October", "two years".
        let is_subject_word = |k: usize| {
            let token = self.tokens[k];
            let word = token.text(self.text);
            token.is_word()
                && !token.shape.has_digit()
                && !is_subject_stop(self.words[k])
                && !super::number::is_number_word(self.words[k])
                && !super::date::names_month_or_weekday(word)
        };
        while j < self.tokens.len()
            && j < from + 3
            && is_subject_word(j)
            && (j == from || !is_capitalized(self.tokens[j].text(self.text)))
        {
            j += 1;
        }
        if j == from {
            return None;
        }
        Some(Span::new(
            self.tokens[from].span.start(),
            self.tokens[j - 1].span.end(),
        ))
    }

    /// Whether token `k` is a word of letters that may be a noun a figure
    /// is about.
    fn may_be_subject_noun(&self, k: usize) -> bool {
        let token = self.tokens[k];
        token.is_word()
            && token.text(self.text).chars().all(char::is_alphabetic)
            && is_subject_noun(self.words[k])
    }

    /// The noun phrase a figure is linked to before it: "Turnout was
    /// 64.1%", "the median wait for planned surgery reached 21 weeks", "a
    /// crowd of 61,482", "the project's budget now stands at $8.7 billion".
    /// The phrase's head is the noun the verb (or "of") follows, or the one
    /// a short "for"/"of"/"in" phrase hangs from; its modifiers run back to
    /// a determiner or possessive.
    pub fn subject_before(&self, start: usize) -> Option<Span> {
        let mut j = self.tokens_ending_by(start).checked_sub(1)?;
        let word = |k: usize| self.tokens[k].is_word().then(|| self.words[k]);
        // The link: "of" right after the noun, or a verb with its "at"/"to".
        let link = word(j)?;
        // "a crowd of", "a package worth": the noun's own words.
        let of_link = matches!(link, "of" | "worth");
        if matches!(link, "at" | "to") {
            j = j.checked_sub(1)?;
            let verb = word(j);
            // "will come in at 21.4 million tonnes".
            let comes_in = verb == Some("in")
                && j > 0
                && matches!(word(j - 1), Some("come" | "comes" | "came" | "coming"));
            if comes_in {
                j -= 1;
            } else if !verb.is_some_and(|v| is_level_verb(v) || is_change_verb(v)) {
                // "cut its cash rate by 25 basis points to 4.5%": what the
                // verb before it moved to the figure.
                return self.object_moved_to(j);
            }
        } else if !of_link && !is_linking_verb(link) {
            return None;
        }
        j = j.checked_sub(1)?;
        // "now stands at", "is now put at", "will rise to".
        while j > 0 && is_auxiliary(word(j)?) {
            j -= 1;
        }
        // "would raise the starting salary … and would cost £118m": the
        // verb's subject is that of the verb before, too far to read.
        if matches!(word(j)?, "and" | "or" | "but") {
            return None;
        }
        // Short phrases between the noun and the verb: "wait for planned
        // surgery reached", "the death toll from Sunday's earthquake in
        // Harzan province rose" (not after "of": "a crowd of" is the noun's own).
        if !of_link {
            for _ in 0..MAX_PHRASES_AFTER_SUBJECT {
                let reach = j.saturating_sub(5);
                let phrase = (reach..j).rev().find(|&k| {
                    matches!(word(k), Some("for" | "of" | "in" | "on" | "from" | "among"))
                });
                // The phrase runs unbroken to the noun: no comma between.
                let unbroken = |p: usize| (p..=j).all(|k| self.tokens[k].is_word());
                match phrase.filter(|&p| p > 0 && unbroken(p) && self.may_be_subject_noun(p - 1)) {
                    Some(p) => j = p - 1,
                    None => break,
                }
            }
        }
        let head = j;
        let is_noun = |k: usize| {
            self.may_be_subject_noun(k)
                && (!is_capitalized(self.tokens[k].text(self.text)) || self.starts_sentence(k))
        };
        if !is_noun(head) {
            return None;
        }
        // Modifiers: nouns, or a word of letters joined by hyphens, which
        // tells one quantity from another ("third-quarter revenue") and
        // opens the phrase.
        let is_compound = |k: usize| {
            let word = self.words[k];
            self.tokens[k].is_word()
                && word.contains('-')
                && word
                    .split('-')
                    .all(|part| !part.is_empty() && part.chars().all(char::is_alphabetic))
        };
        let mut first = head;
        while first > 0 && head - first < 2 && !self.starts_sentence(first) {
            if is_noun(first - 1) {
                first -= 1;
            } else {
                if is_compound(first - 1) {
                    first -= 1;
                }
                break;
            }
        }
        Some(Span::new(
            self.tokens[first].span.start(),
            self.tokens[head].span.end(),
        ))
    }

    /// The noun phrase ending at token `end` (perhaps before a "by" and the
    /// size of the move) that a verb of change before it moved: "lowered
    /// its cash rate by 25 basis points to", "taking the annual sticker
    /// price to", "cut this year's wheat harvest to".
    fn object_moved_to(&self, end: usize) -> Option<Span> {
        let word = |k: usize| self.tokens[k].is_word().then(|| self.words[k]);
        let by = (end.saturating_sub(MAX_MOVE_WORDS)..=end)
            .rev()
            .find(|&k| word(k) == Some("by"));
        let head = match by {
            Some(by) => by.checked_sub(1)?,
            None => end,
        };
        let is_noun = |k: usize| {
            self.may_be_subject_noun(k) && !is_capitalized(self.tokens[k].text(self.text))
        };
        if !is_noun(head) {
            return None;
        }
        let mut first = head;
        while first > 0 && head - first < 2 && is_noun(first - 1) {
            first -= 1;
        }
        // Back over a determiner or possessive to the verb.
        let mut verb = first.checked_sub(1)?;
        while verb > 0 && word(verb).is_some_and(|w| is_determiner(w) || is_possessive(w)) {
            verb -= 1;
        }
        word(verb).filter(|&w| moves_a_figure(w))?;
        Some(Span::new(
            self.tokens[first].span.start(),
            self.tokens[head].span.end(),
        ))
    }
}

/// Phrases a subject may carry before its verb: "the share of the
/// country's market in China".
const MAX_PHRASES_AFTER_SUBJECT: usize = 3;

/// Words between a verb of change and the "to" of its new level: "by 25
/// basis points", "by a quarter of a percentage point".
const MAX_MOVE_WORDS: usize = 7;

/// Verbs that put a figure at a level: "stands at", "was put at".
fn is_level_verb(word: &str) -> bool {
    matches!(
        word,
        "stood" | "stands" | "stand" | "put" | "valued" | "estimated" | "set" | "came" | "amounted"
    )
}

/// Verbs of a figure's own change, its subject before them: "inflation
/// slowed to 3.4%", "tuition will rise to $13,480".
fn is_change_verb(word: &str) -> bool {
    matches!(
        word,
        "rose"
            | "rise"
            | "rises"
            | "risen"
            | "fell"
            | "fall"
            | "falls"
            | "fallen"
            | "slowed"
            | "slow"
            | "slows"
            | "climbed"
            | "climb"
            | "climbs"
            | "dropped"
            | "drop"
            | "drops"
            | "jumped"
            | "jump"
            | "grew"
            | "grow"
            | "grows"
            | "eased"
            | "ease"
            | "declined"
            | "decline"
            | "increased"
            | "increase"
            | "decreased"
            | "surged"
            | "slipped"
            | "edged"
            | "soared"
            | "sank"
            | "shrank"
            | "accelerated"
            | "quickened"
    )
}

/// Verbs that move a figure they take as object: "cut the rate to 4%".
fn moves_a_figure(word: &str) -> bool {
    matches!(
        word,
        "cut"
            | "cuts"
            | "lowered"
            | "lowers"
            | "lower"
            | "raised"
            | "raises"
            | "raise"
            | "reduced"
            | "reduces"
            | "reduce"
            | "increased"
            | "increases"
            | "boosted"
            | "lifted"
            | "lifts"
            | "trimmed"
            | "slashed"
            | "hiked"
            | "revised"
            | "taking"
            | "took"
            | "takes"
            | "brought"
            | "bringing"
            | "pushed"
            | "pushing"
    )
}

/// Words between a subject and the verb that links it to a figure: "now
/// stands at", "was put at", "will rise to".
fn is_auxiliary(word: &str) -> bool {
    matches!(
        word,
        "now"
            | "currently"
            | "still"
            | "is"
            | "was"
            | "are"
            | "were"
            | "will"
            | "would"
            | "has"
            | "have"
            | "had"
            | "could"
            | "may"
            | "might"
            | "should"
    )
}

/// Verbs that link a figure to the noun before them: "turnout was 64%".
fn is_linking_verb(word: &str) -> bool {
    matches!(
        word,
        "was"
            | "is"
            | "were"
            | "are"
            | "reached"
            | "hit"
            | "totalled"
            | "totaled"
            | "totals"
            | "reaches"
            | "cost"
            | "costs"
    )
}

/// Whether a lowercase word may be a noun a figure is about: no function
/// word, verb form or adverb.
fn is_subject_noun(word: &str) -> bool {
    word.len() >= 3
        && !is_subject_stop(word)
        && !matches!(
            word,
            "they"
                | "she"
                | "you"
                | "there"
                | "what"
                | "all"
                | "total"
                | "only"
                | "just"
                | "about"
                | "some"
        )
}

/// The tense a lowercased word marks, if any. The words are matched (or
/// hashed), so that most words are turned away by their length.
fn tense_of(word: &str) -> Option<Tense> {
    if is_future_word(word) || is_future_auxiliary(word) {
        Some(Tense::Future)
    } else if is_past_word(word)
        || IRREGULAR_PAST.contains(word)
        || (word.len() > 4
            && word.ends_with("ed")
            && word.bytes().all(|b| b.is_ascii_lowercase())
            && !is_ed_but_not_past(word))
    {
        Some(Tense::Past)
    } else if matches!(word, "is" | "are") {
        // The present: a day named after it is the nearest one ("Game 5 is
        // Wednesday"), whatever verbs other clauses hold.
        Some(Tense::Neutral)
    } else {
        None
    }
}

/// The auxiliaries of the future: "will", "shall", "would", "'ll", "won't".
fn is_future_auxiliary(word: &str) -> bool {
    matches!(word, "will" | "shall" | "would" | "won't" | "won’t")
        || word.ends_with("'ll")
        || word.ends_with("’ll")
}

fn is_future_word(word: &str) -> bool {
    matches!(
        word,
        "will"
            | "shall"
            | "won't"
            | "won’t"
            | "'ll"
            | "upcoming"
            | "scheduled"
            | "expected"
            | "plans"
            | "planning"
            | "going"
            | "would"
            | "ahead"
            | "later"
            | "next"
            | "due"
            | "intends"
            | "aims"
            | "could"
            | "forecast"
            // Not "projected", "predicted": most often past verbs.
            | "might"
            | "should"
            | "must"
            | "forecasts"
            | "expects"
            | "expect"
            // "Ministers want it signed into law by December 20".
            | "want"
            | "wants"
    )
}

/// Words of intending or foreseeing that look ahead when "to" follows them:
/// "hoped to", "plans to", "voted to", "is likely to", "are set to".
fn is_intention_word(word: &str) -> bool {
    matches!(
        word,
        "hope"
            | "hopes"
            | "hoped"
            | "hoping"
            | "plan"
            | "planned"
            | "aim"
            | "aimed"
            | "aiming"
            | "intend"
            | "intended"
            | "want"
            | "wants"
            | "wanted"
            | "voted"
            | "promised"
            | "pledged"
            | "vowed"
            | "threatened"
            | "likely"
            | "unlikely"
            | "set"
            | "poised"
            | "preparing"
    )
}

fn is_past_word(word: &str) -> bool {
    matches!(
        word,
        "said" | "told" | "was" | "were" | "had" | "did" | "ago" | "last" | "says" | "earlier"
    )
}

/// Past forms of irregular verbs, which mark the past as "-ed" does (and
/// like it, mark none as a participle after "be": "will be held"). Forms
/// that are as often something else are left out: "left", "saw", "set",
/// "put", "cut", "read", "cost" ("won" is the currency too, but far
/// more often the verb: "won 23 seats on Sunday").
static IRREGULAR_PAST: WordSet = WordSet::new(&[
    "rose", "fell", "grew", "came", "went", "took", "gave", "began", "ran", "wrote", "spoke",
    "broke", "chose", "drove", "flew", "knew", "threw", "drew", "became", "forgot", "sank",
    "shook", "stole", "froze", "fought", "held", "paid", "sold", "met", "kept", "lost", "led",
    "built", "sent", "spent", "made", "found", "brought", "bought", "thought", "sought", "struck",
    "stood", "heard", "felt", "meant", "fled", "got", "taught", "caught", "dealt", "hit", "won",
]);

/// Words in -ed that are not past-tense verbs.
fn is_ed_but_not_past(word: &str) -> bool {
    matches!(
        word,
        "need"
            | "speed"
            | "seed"
            | "feed"
            | "bed"
            | "red"
            | "united"
            | "based"
            | "indeed"
            | "hundred"
            | "proceed"
            | "exceed"
            | "succeed"
            | "armed"
            | "advanced"
            | "detailed"
            | "limited"
            | "expected"
    )
}

fn change_word(word: &str) -> Option<Change> {
    static UP: WordSet = WordSet::new(&[
        "rose",
        "rise",
        "rises",
        "risen",
        "rising",
        "increased",
        "increase",
        "increases",
        "grew",
        "grow",
        "grows",
        "grown",
        "climbed",
        "climb",
        "jumped",
        "jump",
        "soared",
        "surged",
        "gained",
        "gain",
        "up",
        "higher",
        "boosted",
        "raised",
        "raise",
        "raises",
        "added",
        "expanded",
        "doubled",
        "tripled",
        "spiked",
        "rebounded",
    ]);
    static DOWN: WordSet = WordSet::new(&[
        "fell",
        "fall",
        "falls",
        "fallen",
        "falling",
        "dropped",
        "drop",
        "drops",
        "declined",
        "decline",
        "declines",
        "decreased",
        "decrease",
        "slid",
        "slumped",
        "plunged",
        "plummeted",
        "tumbled",
        "sank",
        "lost",
        "down",
        "lower",
        "cut",
        "cuts",
        "reduced",
        "reduce",
        "shrank",
        "shrunk",
        "slashed",
        "dipped",
        "eased",
        "halved",
        "contracted",
        "retreated",
    ]);
    if UP.contains(word) {
        Some(Change::Up)
    } else if DOWN.contains(word) {
        Some(Change::Down)
    } else {
        None
    }
}

/// Words a change verb may reach across: "rose by about", "fell from $2.1 billion to".
fn is_transparent(word: &str) -> bool {
    matches!(
        word,
        "by" | "from"
            | "to"
            | "or"
            | ","
            | "a"
            | "an"
            | "the"
            | "about"
            | "around"
            | "nearly"
            | "almost"
            | "roughly"
            | "some"
            | "just"
            | "more"
            | "than"
            | "less"
            | "over"
            | "under"
            | "percent"
            | "per"
            | "cent"
            | "%"
            | "points"
            | "percentage"
            | "billion"
            | "million"
            | "trillion"
            | "thousand"
            | "bn"
            | "sharply"
            | "slightly"
            | "steadily"
            | "further"
            | "another"
            | "only"
    ) || word.starts_with(|c: char| c.is_ascii_digit() || super::words::is_currency_symbol(c))
}

fn is_subject_stop(word: &str) -> bool {
    matches!(
        word,
        "this"
            | "that"
            | "these"
            | "those"
            | "and"
            | "or"
            | "but"
            | "to"
            | "for"
            | "from"
            | "by"
            | "with"
            | "in"
            | "on"
            | "at"
            | "as"
            | "since"
            | "than"
            | "who"
            | "which"
            | "will"
            | "was"
            | "is"
            | "are"
            | "were"
            | "has"
            | "have"
            | "had"
            | "be"
            | "said"
            | "says"
            | "last"
            | "next"
            | "alone"
            | "a"
            | "an"
            | "the"
            | "its"
            | "their"
            | "his"
            | "her"
            | "per"
            | "each"
            | "every"
            | "of"
            | "ago"
            | "within"
            | "after"
            | "before"
            | "during"
            | "over"
            | "into"
            | "set"
            | "year"
            | "years"
            | "worth"
            | "includes"
            | "include"
            | "including"
            | "approved"
            | "could"
            | "would"
            | "may"
            | "can"
            | "must"
            | "should"
            | "might"
            | "shall"
            | "cannot"
            | "do"
            | "does"
            | "did"
            | "been"
            | "being"
            | "though"
            | "although"
            | "among"
            | "while"
            | "under"
            | "below"
            | "above"
            | "until"
            | "across"
            | "against"
            | "around"
            | "about"
            | "via"
            | "despite"
            | "when"
            | "where"
    ) || is_common_finite_verb(word)
        || word.ends_with("ly")
        || (word.len() > 4 && word.ends_with("ed"))
}

/// Verbs that follow a figure's noun as the verb of its clause ("the 64.8
/// percent turnout gives"), chosen from those that are never nouns; most
/// other third-person verbs in -s are also plural nouns ("sales", "works").
fn is_common_finite_verb(word: &str) -> bool {
    matches!(
        word,
        "gives"
            | "gave"
            | "makes"
            | "made"
            | "takes"
            | "took"
            | "means"
            | "meant"
            | "seems"
            | "goes"
            | "went"
            | "comes"
            | "came"
            | "brings"
            | "brought"
            | "puts"
            | "keeps"
            | "kept"
            | "becomes"
            | "became"
            | "remains"
            | "represents"
            | "requires"
    )
}

/// A whole text as one sentence, for the extractors' tests. The lowered
/// copy is leaked: it lives as long as the test.
#[cfg(test)]
pub(super) fn test_sentence(text: &str) -> Sentence<'_> {
    let lower = text.to_ascii_lowercase().leak();
    Sentence::new(text, lower, Span::new(0, text.len()), None)
}

#[cfg(test)]
mod tests {
    use super::test_sentence as sentence;
    use super::*;

    #[test]
    fn change_directions() {
        let text =
            "Prices rose from $2.1 billion to $2.5 billion and then fell by about 20 percent.";
        let s = sentence(text);
        let at = |needle: &str| text.find(needle).expect("the needle is in the sentence");
        assert_eq!(
            s.change_around(at("$2.1"), at("$2.1") + 12),
            Some(Change::Up)
        );
        assert_eq!(
            s.change_around(at("$2.5"), at("$2.5") + 12),
            Some(Change::Up)
        );
        assert_eq!(
            s.change_around(at("about"), at("about") + 16),
            Some(Change::Down)
        );
        let text = "It was a 5% increase.";
        assert_eq!(sentence(text).change_around(9, 11), Some(Change::Up));
    }

    #[test]
    fn a_figure_is_linked_to_the_noun_before_it() {
        let subject = |text: &str, figure: &str| {
            let s = sentence(text);
            let at = text.find(figure).expect("the figure is in the sentence");
            s.subject_before(at)
                .map(|span| span.slice(text).to_string())
        };
        assert_eq!(
            subject("Turnout was 64.1%, officials said.", "64.1%").as_deref(),
            Some("Turnout")
        );
        assert_eq!(
            subject(
                "The company reported third-quarter revenue of $4.27 billion.",
                "$4.27"
            )
            .as_deref(),
            Some("third-quarter revenue")
        );
        assert_eq!(
            subject("Third-quarter revenue rose to $4.27 billion.", "$4.27").as_deref(),
            Some("Third-quarter revenue")
        );
        assert_eq!(
            subject(
                "The median wait for planned surgery reached 21 weeks.",
                "21 weeks"
            )
            .as_deref(),
            Some("median wait")
        );
        assert_eq!(
            subject("It drew a crowd of 61,482 fans.", "61,482").as_deref(),
            Some("crowd")
        );
        assert_eq!(
            subject("It agreed a relief package worth $1.2 billion.", "$1.2").as_deref(),
            Some("relief package")
        );
        assert_eq!(
            subject("The project's budget now stands at $8.7 billion.", "$8.7").as_deref(),
            Some("budget")
        );
        // The level a change reaches is its subject's, whether the subject
        // moved ("rose to") or was moved ("cut … to").
        for (text, figure, subject_read) in [
            ("Revenue rose to $3 billion.", "$3", "Revenue"),
            (
                "Annual tuition will rise to $13,480.",
                "$13,480",
                "Annual tuition",
            ),
            (
                "The harvest will come in at 21.4 million tonnes.",
                "21.4",
                "harvest",
            ),
            (
                "The bank lowered its cash rate by 25 basis points to 4.5%.",
                "4.5%",
                "cash rate",
            ),
            (
                "The drought cut this year's wheat harvest to 24 million tonnes.",
                "24",
                "wheat harvest",
            ),
            (
                "The death toll from Sunday's earthquake in Harzan province rose to 2,460.",
                "2,460",
                "death toll",
            ),
        ] {
            assert_eq!(
                subject(text, figure).as_deref(),
                Some(subject_read),
                "{text}"
            );
        }
        // No link, a pronoun, a clause between, or a verb that moves nothing: no subject.
        assert_eq!(subject("It lies 40 km from the border.", "40 km"), None);
        assert_eq!(subject("It was 40 km away.", "40 km"), None);
        assert_eq!(
            subject(
                "The fire, which broke out near the town of Harlan, was 8% contained.",
                "8%"
            ),
            None
        );
        assert_eq!(subject("She walked the dog to 5 shops.", "5"), None);
    }

    #[test]
    fn tense_is_the_nearest_marker() {
        let s = sentence("Biden will sign a deal on Thursday, officials said.");
        let thursday = s
            .words
            .iter()
            .position(|&w| w == "thursday")
            .expect("the sentence names Thursday");
        assert_eq!(s.tense_at(thursday, Reach::Sentence), Tense::Future);
        let s = sentence("Ostrova told reporters Tuesday that it works.");
        assert_eq!(s.tense_at(3, Reach::Sentence), Tense::Past);
    }

    /// A marker in the date's own clause comes first, before or after it;
    /// a passive participle marks no tense.
    #[test]
    fn tense_is_read_in_the_clause_first() {
        let tense = |text: &str, word: &str| {
            let s = sentence(text);
            let i = s
                .words
                .iter()
                .position(|&w| w == word)
                .expect("the sentence holds the word");
            s.tense_at(i, Reach::Sentence)
        };
        let quoted = "She noted that it had slowed, adding: “We are short, and the table on Friday will know it.”";
        assert_eq!(tense(quoted, "friday"), Tense::Future);
        assert_eq!(
            tense(
                "He will speak to reporters on Friday, officials said.",
                "friday"
            ),
            Tense::Future
        );
        assert_eq!(
            tense("On Monday, Quinlan said it works.", "monday"),
            Tense::Past
        );
        assert_eq!(
            tense("Results are due to be certified on Nov. 12.", "nov"),
            Tense::Future
        );
        assert_eq!(
            tense("The vote was postponed on Friday.", "friday"),
            Tense::Past
        );
        assert_eq!(
            tense("The vote has been scheduled for Monday.", "monday"),
            Tense::Future
        );
        assert_eq!(
            tense(
                "Students will receive itemised fee statements in June.",
                "june"
            ),
            Tense::Future
        );
        assert_eq!(
            tense("The work will have finished by June.", "june"),
            Tense::Future
        );
        assert_eq!(
            tense("It could have happened in June.", "june"),
            Tense::Past
        );
        assert_eq!(
            tense(
                "The union will strike on Tuesday, followed by a walkout starting on February 26.",
                "february"
            ),
            Tense::Future
        );
        assert_eq!(
            tense(
                "The party won 23 seats on Sunday, and will lead talks.",
                "sunday"
            ),
            Tense::Past
        );
        assert_eq!(
            tense(
                "Ministers want it signed into law by December 20.",
                "december"
            ),
            Tense::Future
        );
        assert_eq!(
            tense("Consumer prices rose by 3.1% in March.", "march"),
            Tense::Past
        );
        assert_eq!(
            tense("Exports increased by 12% in March.", "march"),
            Tense::Past
        );
        assert_eq!(
            tense("Hours later police arrested 12 people on Friday.", "friday"),
            Tense::Past
        );
        assert_eq!(
            tense("Tickets will cost 10,000 won from March.", "march"),
            Tense::Future
        );
    }

    #[test]
    fn subjects() {
        let text = "Congress passed a $61 billion military aid package for Ukraine.";
        let s = sentence(text);
        let end = text
            .find(" military")
            .expect("the sentence has \"military\"");
        assert_eq!(
            s.subject_after(end).map(|span| span.slice(text)),
            Some("military aid package")
        );
    }

    /// The subject right after the first `figure` of `text`.
    fn subject_of<'t>(text: &'t str, figure: &str) -> Option<&'t str> {
        let end = text.find(figure).expect("the figure is in the sentence") + figure.len();
        sentence(text)
            .subject_after(end)
            .map(|span| span.slice(text))
    }

    #[test]
    fn subjects_end_before_the_verb() {
        for (text, figure, subject) in [
            (
                "The $8.1 billion operating budget must be approved by June.",
                "$8.1 billion",
                "operating budget",
            ),
            (
                "The 64.8 percent turnout gives the party a mandate.",
                "64.8 percent",
                "turnout",
            ),
            (
                "The 5 percent sales tax should rise.",
                "5 percent",
                "sales tax",
            ),
            (
                "A $3 million works programme opened.",
                "$3 million",
                "works programme",
            ),
        ] {
            assert_eq!(subject_of(text, figure), Some(subject), "{text}");
        }
    }
}
