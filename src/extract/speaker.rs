//! Attribution: who said it. Finds "X said", "said X", "X told reporters",
//! "according to X" around a quotation or in a sentence, and resolves what
//! it finds: a bare surname to the full name mentioned earlier, "he" to the
//! known person its sentence or the one before opens with, else the person
//! last quoted, "the statement" to the body that issued it. Unnamed
//! speakers ("a US official") stay as written.

use std::sync::Arc;

use rustc_hash::FxHashMap;

use super::context::Sentence;
use super::lexicon::{is_determiner, is_possessive, lowercased, WordEnds, WordSet};
use super::number::is_number_word;
use super::words::{is_capitalized, is_currency_symbol};
use crate::span::Span;

/// The speech verbs: "said", "told", "added".
const SPEECH_VERBS: &[&str] = &[
    "said",
    "says",
    "say",
    "told",
    "tells",
    "telling",
    "added",
    "adds",
    "adding",
    "noted",
    "notes",
    "stated",
    "called",
    "wrote",
    "writes",
    "tweeted",
    "posted",
    "explained",
    "argued",
    "claimed",
    "insisted",
    "warned",
    "asked",
    "replied",
    "recalled",
    "acknowledged",
    "admitted",
    "conceded",
    "confirmed",
    "declared",
    "estimated",
    "reported",
    "suggested",
    "predicted",
    "cautioned",
    "emphasized",
    "emphasised",
    "stressed",
    "observed",
    "remarked",
    "commented",
    "countered",
    "vowed",
    "pledged",
    "promised",
    "urged",
    "quipped",
    "agreed",
    "boasted",
    "complained",
    "tell",
    "saying",
    "noting",
    "warning",
    "insisting",
];

static VERBS: WordSet = WordSet::new(SPEECH_VERBS);

/// The words an attribution opens at: a speech verb, or "according" (to).
static OPENERS: WordEnds = WordEnds::new(&[SPEECH_VERBS, &["according"]]);

/// Words between a speaker and the verb: "Hallam has said", "she also noted".
const AUXILIARIES: &[&str] = &[
    "has",
    "have",
    "had",
    "also",
    "reportedly",
    "previously",
    "later",
    "then",
    "again",
    "once",
    "further",
    "would",
    "will",
    "had",
    "repeatedly",
    "publicly",
    "recently",
    "now",
    "already",
    "just",
    "since",
];

/// Words that end a speaker phrase when reading away from the verb.
static PHRASE_STOPS: WordSet = WordSet::new(&[
    "that", "as", "and", "but", "while", "when", "which", "who", "because", "if", "so", "than",
    "after", "before", "with", "in", "on", "at", "to", "for", "from", "is", "are", "was", "were",
    "will", "would", "during", "where", "although", "though", "since", "until", "by", "it's",
    "it’s", "about", "what", "how", "why", "also", "not", "this", "these", "has", "have", "had",
    "there", "said", "told", "of", "be", "been", "being",
]);

const PRONOUNS: &[&str] = &["he", "she", "they", "it", "we", "i"];
const DOCUMENTS: &[&str] = &[
    "statement",
    "release",
    "report",
    "readout",
    "communique",
    "communiqué",
    "letter",
    "post",
    "tweet",
    "filing",
];

/// Titles that stand before a name: "Secretary Hallam", "Mr. Okonjo".
static TITLES: WordSet = WordSet::new(&[
    "Secretary",
    "President",
    "Minister",
    "Mr",
    "Mrs",
    "Ms",
    "Dr",
    "Sen",
    "Rep",
    "Gov",
    "Gen",
    "Prime",
    "Chancellor",
    "Senator",
    "Governor",
    "Mayor",
    "Judge",
    "Justice",
    "Coach",
    "Captain",
    "Capt",
    "Col",
    "Lt",
    "Sgt",
    "Adm",
    "Professor",
    "Prof",
    "Director",
    "Chairman",
    "Chairwoman",
    "Chair",
    "Chief",
    "Commissioner",
    "Ambassador",
    "Councillor",
    "Councilwoman",
    "Councilman",
    "Councilmember",
    "Spokesman",
    "Spokeswoman",
    "Spokesperson",
    "Pope",
    "King",
    "Queen",
    "Prince",
    "Princess",
    "Sheikh",
    "Deputy",
    "Vice",
    "General",
    "Leader",
    "Speaker",
    "Premier",
    "Manager",
    "Officer",
    "Executive",
    "Adviser",
    "Advisor",
    "Inspector",
    "Superintendent",
    "Detective",
    "Sergeant",
    "Colonel",
    "Lieutenant",
    "Admiral",
    "Marshal",
    "Father",
    "Sister",
    "Rabbi",
    "Imam",
    "Bishop",
    "Representative",
    "Congressman",
    "Congresswoman",
    "Assemblyman",
    "Assemblywoman",
    "Commander",
    "Dame",
    "Sir",
    "Lord",
    "Lady",
    "Baroness",
    "Attorney",
    "Treasurer",
    "Auditor",
]);

/// Whether a capitalised word is a title ("Minister") or a word of
/// organisations' names ("Council"): a word of many names, not one.
pub fn is_title_or_organisation_word(word: &str) -> bool {
    TITLES.contains(word) || ORGANISATION_WORDS.contains(word)
}

/// Words that make a capitalised phrase an organisation, not a person.
static ORGANISATION_WORDS: WordSet = WordSet::new(&[
    "House",
    "Ministry",
    "Department",
    "Office",
    "Council",
    "Agency",
    "Group",
    "Committee",
    "Commission",
    "Bank",
    "Fund",
    "Union",
    "Party",
    "Organization",
    "Organisation",
    "Institute",
    "University",
    "College",
    "Association",
    "Government",
    "Administration",
    "Police",
    "Service",
    "Court",
    "Army",
    "Navy",
    "Forces",
    "Force",
    "Company",
    "Inc",
    "Corp",
    "Ltd",
    "Post",
    "Times",
    "Journal",
    "News",
    "Press",
    "Kremlin",
    "Pentagon",
    "Congress",
    "Senate",
    "Parliament",
    "Board",
    "Authority",
    "Federation",
    "League",
    "Club",
    "Center",
    "Centre",
    "Hospital",
    "Network",
    "Foundation",
    "Bureau",
    "Secretariat",
    "Cabinet",
    "Command",
    "Corps",
    "Guard",
    "Assembly",
    "Republic",
    "States",
    "Nations",
    "Embassy",
    "Alliance",
    "Coalition",
    "Media",
    "Council",
    "Trust",
    "Society",
    "Agency",
    "Unit",
    "Team",
    "Airlines",
    "Motors",
    "Group",
    "Holdings",
    "Partners",
    "Capital",
    "Labs",
    "Technologies",
    "Systems",
    "Energy",
    "Health",
    "Insurance",
    "Exchange",
    "Reserve",
    "Treasury",
    "Statistics",
    "Survey",
    "Observatory",
    "Laboratory",
    "Lab",
    "Station",
    "Program",
    "Programme",
    "Consortium",
    "Partnership",
    "Front",
    "Movement",
    "Therapeutics",
    "Pharmaceuticals",
    "Industries",
    "Records",
    "Studios",
    "Pictures",
    "Entertainment",
    "Railways",
    "Rail",
    "Airways",
    "Bancorp",
    "Institution",
    "Chamber",
    "Tribunal",
    "Directorate",
    "Inspectorate",
    "Regulator",
]);

/// Words that can never be part of a person's name.
static NOT_NAMES: WordSet = WordSet::new(&[
    "The",
    "A",
    "An",
    "In",
    "On",
    "At",
    "For",
    "But",
    "And",
    "Or",
    "It",
    "This",
    "That",
    "He",
    "She",
    "They",
    "We",
    "I",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
    "US",
    "U.S",
    "UK",
    "EU",
    "UN",
]);

/// Words that open a sentence before its subject: "Later Brandt added".
static OPENING_ADVERBS: WordSet = WordSet::new(&[
    "Later",
    "Earlier",
    "Then",
    "Meanwhile",
    "However",
    "Yesterday",
    "Today",
    "Tonight",
    "Also",
    "Still",
    "Now",
    "Separately",
    "Afterwards",
    "Instead",
    "Yet",
    "When",
    "After",
    "Before",
    "If",
    "As",
]);

/// Words that open a phrase before a sentence's subject: "At Wednesday's
/// hearing, Harwood…", "Speaking to reporters, Kowal…".
const OPENING_PHRASE_WORDS: &[&str] =
    &["On", "At", "In", "During", "Outside", "Inside", "Speaking"];

/// Words that open a sentence's subject without naming it: "My coach".
const POSSESSIVES: &[&str] = &["My", "Our", "Your", "His", "Her", "Their", "Its"];

/// What the document has said so far about who is who, and room for the
/// words of a sentence or phrase of its text `'t`, reused from one to the next.
#[derive(Default)]
pub struct Speakers<'t> {
    /// The latest full name mentioned for each surname ("Quinlan" → "Mara Quinlan").
    full_names: FxHashMap<&'t str, Arc<str>>,
    /// The last person a claim or quotation was attributed to.
    last_person: Option<Arc<str>>,
    /// The last speaker of any sort.
    last_speaker: Option<Arc<str>>,
    /// The last organisation quoted.
    last_organisation: Option<Arc<str>>,
    /// The latest full name given with each title ("judge" → "Helen Marsh"),
    /// for "the judge said".
    by_title: FxHashMap<String, Arc<str>>,
    /// The run of capitalised words [`Speakers::observe`] is reading.
    run: Vec<&'t str>,
    /// The words of the phrase [`Speakers::resolve`] is reading.
    words: Vec<&'t str>,
    /// The phrase resolved last and its speaker, until a sentence is observed.
    last_resolved: Option<(&'t str, Option<Arc<str>>)>,
    /// The sentence before the one observed last, and that one: a known
    /// person either opens with is whom "he" and "she" most likely stand for.
    sentences: [&'t str; 2],
    /// Room to write a new name in before it is shared.
    room: String,
}

impl<'t> Speakers<'t> {
    /// Notes the full names a sentence mentions.
    pub fn observe(&mut self, s: &Sentence<'t>) {
        // The names seen may change what a phrase resolves to.
        self.last_resolved = None;
        let Speakers {
            full_names,
            by_title,
            run,
            room,
            ..
        } = self;
        let mut flush = |run: &mut Vec<&'t str>| {
            // A full name takes two words at least.
            let name = (run.len() >= 2).then(|| person_name(run)).flatten();
            // A surname alone (after a title) is no full name.
            if let Some(name) = name.filter(|name| name.first.is_some()) {
                // A name is mentioned again and again: shared, not copied.
                let shared = match known_spelling(full_names, name) {
                    Some(known) => known.clone(),
                    None => {
                        let shared = name.shared(room);
                        full_names.insert(name.surname, shared.clone());
                        shared
                    }
                };
                if let Some(title) = name.first.and_then(|first| title_before(run, first)) {
                    // Titles are ASCII words: no Unicode lowering needed.
                    by_title.insert(title.to_ascii_lowercase(), shared);
                }
            }
            run.clear();
        };
        for token in &s.tokens {
            // Outside a run, only a capitalised word changes anything. The
            // shape tells most words apart unread: ASCII letters without an
            // ASCII capital are no such word, nor is punctuation (shapeless).
            if run.is_empty() && token.shape.is_letters() && !token.shape.has_upper() {
                continue;
            }
            let word = token.text(s.text);
            if !(token.is_word() && is_capitalized(word)) {
                // A particle may stand inside a name: "Ursula von der Leyen".
                if token.is_word() && is_particle(word) && !run.is_empty() {
                    run.push(word);
                    continue;
                }
                // A dot after a short word ("Gen.", "J.") keeps the run going.
                if run.last().is_some_and(|last| word != "." || last.len() > 3) {
                    // Particles the name did not go on after are none of it.
                    while run.last().is_some_and(|w| is_particle(w)) {
                        run.pop();
                    }
                    flush(run);
                }
                continue;
            }
            // Only a word of more than ASCII letters can hold an apostrophe.
            let apostrophe = !token.shape.is_letters() && word.contains(['’', '\'']);
            let possessive = || word.strip_suffix("’s").or(word.strip_suffix("'s"));
            if let Some(stem) = apostrophe.then(possessive).flatten() {
                // A possessive ends the name: "Quinlan’s".
                run.push(stem);
                flush(run);
            } else if !apostrophe && !NOT_NAMES.contains(word) && !OPENING_ADVERBS.contains(word) {
                run.push(word);
            } else {
                flush(run);
            }
        }
        flush(run);
        self.sentences = [self.sentences[1], s.span.slice(s.text)];
    }

    /// Turns the words of a speaker phrase into the speaker's name.
    pub fn resolve(&mut self, phrase: &'t str) -> Option<Arc<str>> {
        // A quotation is often attributed by the phrase that just named its
        // sentence's speaker. Resolved again, it gives that speaker and
        // changes nothing: the speakers remembered are the same.
        if let Some((last, speaker)) = &self.last_resolved {
            if *last == phrase {
                return speaker.clone();
            }
        }
        let speaker = self.resolve_anew(phrase);
        self.last_resolved = Some((phrase, speaker.clone()));
        speaker
    }

    fn resolve_anew(&mut self, phrase: &'t str) -> Option<Arc<str>> {
        let phrase = phrase.trim().trim_end_matches([',', '.', ':']);
        // The pronouns and "the " are ASCII: compared without lowering a copy.
        let pronoun = PRONOUNS.iter().find(|p| p.eq_ignore_ascii_case(phrase));
        let titled = || {
            let title = after_the(phrase)?;
            // Titles are single words: "the White House" is none, and needs no lowering.
            if title.contains(' ') {
                return None;
            }
            self.by_title.get(lowercased(title).as_ref())
        };
        let speaker = if let Some(&pronoun) = pronoun {
            match pronoun {
                "he" | "she" => {
                    let [before, this] = self.sentences;
                    self.person_opening(this)
                        .or_else(|| self.person_opening(before))
                        .or_else(|| self.last_person.clone())
                }
                "it" => self
                    .last_organisation
                    .clone()
                    .or_else(|| self.last_speaker.clone()),
                "they" => self.last_speaker.clone(),
                _ => None,
            }?
        } else if let Some(name) = titled() {
            // "the judge" after "Judge Helen Marsh": the person named with that title.
            name.clone()
        } else if let Some(organisation) = self
            .last_organisation
            .clone()
            .filter(|_| names_an_organisation(phrase))
        {
            // "the company said" after "Halberd Therapeutics said".
            organisation
        } else {
            self.words.clear();
            self.words.extend(phrase.split_whitespace());
            let words = &self.words;
            if words.len() <= 3
                // Names are capitalised: most phrases are settled before any word is lowercased.
                && !words.iter().any(|w| is_capitalized(w))
                && words
                    .iter()
                    .any(|w| DOCUMENTS.contains(&lowercased(w).as_ref()))
            {
                self.last_organisation
                    .clone()
                    .or_else(|| self.last_speaker.clone())?
            } else {
                name_in(&self.full_names, words, &mut self.room)
            }
        };
        self.remember(&speaker);
        Some(speaker)
    }

    /// The person a sentence opens with, when already known: a surname
    /// standing alone, of a full name seen before ("Okonkwo, who signed…",
    /// "Brandt said"), a full name after a title ("Chief executive Jonas
    /// Ekholm apologised") or described ("Callum Dreyer, president of…"),
    /// or "The" and a title given with a name ("The judge rejected…"). Two
    /// capitalised words alone may be a place ("New York lost").
    fn person_opening(&self, sentence: &str) -> Option<Arc<str>> {
        self.subject_opening(sentence).or_else(|| {
            // "Before the sentence was announced, Harwood read…": the
            // subject follows an opening phrase set off by a comma.
            const MOST_OPENING_BYTES: usize = 80;
            let first = word_of(sentence.split_whitespace().next()?);
            if !(OPENING_ADVERBS.contains(first) || OPENING_PHRASE_WORDS.contains(&first)) {
                return None;
            }
            let comma = sentence
                .char_indices()
                .take_while(|&(at, _)| at < MOST_OPENING_BYTES)
                .find(|&(_, c)| c == ',')?
                .0;
            self.subject_opening(&sentence[comma + 1..])
        })
    }

    /// The known person the words of `opening` start with; see
    /// [`Speakers::person_opening`].
    fn subject_opening(&self, opening: &str) -> Option<Arc<str>> {
        if let Some(person) = self.titled_opening(opening) {
            return Some(person);
        }
        let mut pieces = opening.split_whitespace();
        let first = pieces.next()?;
        let word = word_of(first);
        // A mark right after the word ends what it can name: "Okonkwo, who".
        let marked = word.len() < first.len();
        if word == "The" {
            let title = pieces
                .next()
                .map(word_of)
                .filter(|t| !marked && !t.is_empty())?;
            return self.by_title.get(lowercased(title).as_ref()).cloned();
        }
        if !is_capitalized(word) {
            return None;
        }
        // A full name, its surname perhaps opening with particles, set off
        // as a person's: "Mara Quinlan, who…", "Johan van der Merwe, 58,".
        // (Unmarked, two capitalised words may be a place: "New York lost".)
        let mut particles = Vec::new();
        let mut next = pieces.next().filter(|_| !marked);
        while let Some(particle) = next.filter(|&p| is_particle(p)) {
            particles.push(particle);
            next = pieces.next();
        }
        let after = pieces.next();
        // Set off as a person's: described ("Callum Dreyer, president
        // of…", "Mara Quinlan, who…"), or unmarked before where the person
        // works or what they said ("Nadia Ferreira of Halvorsen Capital
        // said", "Nadia Ferreira told").
        let described = |surname: &str| {
            if !surname.ends_with(',') {
                return after
                    .is_some_and(|w| matches!(w, "of" | "from" | "at") || VERBS.contains(w));
            }
            after.is_some_and(|w| {
                matches!(w, "who" | "the" | "a" | "an")
                    || w.starts_with(|c: char| c.is_ascii_digit())
                    || is_title_word(word_of(w))
            })
        };
        match next
            .filter(|&w| described(w))
            .map(word_of)
            .filter(|w| is_capitalized(w))
        {
            Some(surname) => {
                let name = Name {
                    first: Some(word),
                    particles: &particles,
                    surname,
                };
                known_spelling(&self.full_names, name).cloned()
            }
            None if particles.is_empty() => self.full_names.get(word).cloned(),
            None => None,
        }
    }

    /// A known full name after the title a sentence opens with: "Chief
    /// executive Jonas Ekholm apologised", "Health Minister Farah Siddiqui
    /// said". The title makes the name a person's.
    fn titled_opening(&self, sentence: &str) -> Option<Arc<str>> {
        const MOST_WORDS: usize = 6;
        let mut titled = false;
        // The last two capitalised words after the title.
        let mut name: [Option<&str>; 2] = [None, None];
        for piece in sentence.split_whitespace().take(MOST_WORDS) {
            let word = word_of(piece);
            if is_title_word(word) {
                titled = true;
                name = [None, None];
            } else if is_capitalized(word) {
                name = [name[1], Some(word)];
            } else {
                break;
            }
            if word.len() < piece.len() {
                // A mark ends the opening: "Chief executive Jonas Ekholm, 52,".
                break;
            }
        }
        let [Some(first), Some(surname)] = name else {
            return None;
        };
        let name = Name {
            first: Some(first),
            particles: &[],
            surname,
        };
        titled
            .then(|| known_spelling(&self.full_names, name).cloned())
            .flatten()
    }

    fn remember(&mut self, speaker: &Arc<str>) {
        // The speaker remembered last, remembered again, changes nothing.
        if self.last_speaker.as_ref() == Some(speaker) {
            return;
        }
        self.last_speaker = Some(speaker.clone());
        // Only a speaker with a capitalised word is a person or an organisation.
        if !speaker.split(' ').any(is_capitalized) {
            return;
        }
        let organisation = speaker.starts_with("the ")
            || speaker.split(' ').any(|w| ORGANISATION_WORDS.contains(w));
        // A person's name opens and ends with a capital ("Helen Marsh", "Ana
        // de Souza", "Abdel Fattah al-Sisi"), unlike a source described
        // ("NHS figures cited").
        let named = || {
            let first = speaker.split(' ').next().is_some_and(is_capitalized);
            let last = speaker.rsplit(' ').next();
            first && last.is_some_and(|w| w.chars().any(char::is_uppercase))
        };
        if organisation {
            self.last_organisation = Some(speaker.clone());
        } else if named() {
            self.last_person = Some(speaker.clone());
        }
    }
}

/// A piece of text between spaces without the marks that end it: "Dreyer," → "Dreyer".
fn word_of(piece: &str) -> &str {
    piece.trim_end_matches(|c: char| !c.is_alphanumeric())
}

/// Whether a word is a title, capitalised or not: "Minister", "executive".
fn is_title_word(word: &str) -> bool {
    if TITLES.contains(word) {
        return true;
    }
    let mut chars = word.chars();
    match chars.next() {
        Some(first) if first.is_lowercase() => {
            let capitalised: String = first.to_uppercase().chain(chars).collect();
            TITLES.contains(&capitalised)
        }
        _ => false,
    }
}

/// Lowercase words inside a capitalised organisation's name: "Ministry of Defence".
const NAME_JOINERS: &[&str] = &["of", "for", "and"];

/// Lowercase words that open a surname: "Ana de Souza", "Ursula von der
/// Leyen", "Luiz Inácio Lula da Silva".
static PARTICLES: WordSet = WordSet::new(&[
    "van", "von", "der", "den", "de", "da", "du", "del", "della", "di", "dos", "das", "ter", "ten",
    "bin", "ibn", "al", "el",
]);

fn is_particle(word: &str) -> bool {
    PARTICLES.contains(word)
}

/// The speaker a phrase names, when it is no pronoun, title or document:
/// a person or organisation named at its end, else the phrase as written.
/// A new name is written in `room` first, then shared.
fn name_in(full_names: &FxHashMap<&str, Arc<str>>, words: &[&str], room: &mut String) -> Arc<str> {
    // The trailing capitalised run: "national security adviser Mara Quinlan".
    let mut start = words.len();
    while start > 0 {
        let w = words[start - 1];
        let joiner = NAME_JOINERS.contains(&w) && start < words.len();
        let particle = is_particle(w) && start < words.len();
        if is_capitalized(w)
            || particle
            || (joiner && start >= 2 && is_capitalized(words[start - 2]))
        {
            start -= 1;
        } else {
            break;
        }
    }
    while start < words.len()
        && (["The", "A", "An"].contains(&words[start]) || OPENING_ADVERBS.contains(words[start]))
    {
        start += 1;
    }
    let run = &words[start..];
    if run.is_empty() {
        return lowercase_article(words, room);
    }
    let with_article = start > 0 && words[start - 1].eq_ignore_ascii_case("the");
    if named_part(run, after_last_title(run))
        .iter()
        .any(|w| ORGANISATION_WORDS.contains(w.trim_end_matches(['’', '\'', 's'])))
        || run
            .iter()
            .all(|w| w.chars().all(|c| c.is_uppercase() || c == '.'))
    {
        let the = if with_article { "the " } else { "" };
        return Arc::from(&*joined(room, the, run));
    }
    match person_name(run) {
        Some(
            name @ Name {
                first: None,
                surname,
                ..
            },
        ) => match full_names.get(surname) {
            Some(full) => full.clone(),
            None if with_article => Arc::from(&*joined(room, "the ", &[surname])),
            None => name.shared(room),
        },
        // A full name is most often the one its sentence was seen to mention.
        Some(name) => match known_spelling(full_names, name) {
            Some(known) => known.clone(),
            None => name.shared(room),
        },
        None => lowercase_article(words, room),
    }
}

/// The phrase as written, with a sentence-initial "The" or "A" lowercased,
/// written in `room` and shared.
fn lowercase_article(words: &[&str], room: &mut String) -> Arc<str> {
    let phrase = joined(room, "", words);
    if let Some(first) = words.first().filter(|w| ["The", "A", "An"].contains(w)) {
        phrase[..first.len()].make_ascii_lowercase();
    }
    Arc::from(&*phrase)
}

/// `words` joined by spaces after `prefix` ("the "), written in `room`: a
/// name is made once, in room reused from one to the next, and copied once
/// to be shared.
fn joined<'r, 'w, 'a: 'w>(
    room: &'r mut String,
    prefix: &str,
    words: impl IntoIterator<Item = &'w &'a str, IntoIter: Clone>,
) -> &'r mut str {
    let words = words.into_iter();
    room.clear();
    let (count, letters) = (
        words.clone().count(),
        words.clone().map(|w| w.len()).sum::<usize>(),
    );
    room.reserve(prefix.len() + count.saturating_sub(1) + letters);
    room.push_str(prefix);
    for (i, word) in words.enumerate() {
        if i > 0 {
            room.push(' ');
        }
        room.push_str(word);
    }
    room.as_mut_str()
}

/// The full name `full_names` holds for `name`'s surname, if it is `name`.
fn known_spelling<'f>(
    full_names: &'f FxHashMap<&str, Arc<str>>,
    name: Name,
) -> Option<&'f Arc<str>> {
    full_names
        .get(name.surname)
        .filter(|known| name.spells(known))
}

/// The words of `run` after its last title, or all of them without one.
fn after_last_title<'a, 'w>(run: &'a [&'w str]) -> &'a [&'w str] {
    let start = run
        .iter()
        .rposition(|w| TITLES.contains(undotted(w)))
        .map_or(0, |t| t + 1);
    &run[start..]
}

/// The words that tell a person from an organisation: those after the last
/// title when they are a full name (two words or more), as a department
/// before a title names no organisation ("Energy Minister Rafael Tan");
/// otherwise the whole run.
fn named_part<'a, 'w>(run: &'a [&'w str], after_title: &'a [&'w str]) -> &'a [&'w str] {
    if after_title.len() >= 2 {
        after_title
    } else {
        run
    }
}

/// The title written right before the name opening with `first` in `run`
/// ("Judge" in "Judge Helen Marsh KC").
fn title_before<'w>(run: &[&'w str], first: &str) -> Option<&'w str> {
    let at = run.iter().position(|w| *w == first)?;
    let title = run.get(at.checked_sub(1)?)?.trim_end_matches('.');
    TITLES.contains(title).then_some(title)
}

/// Letters after a name that are honours or offices, not part of it:
/// "Helen Marsh KC", "Ann Lee MP".
fn is_post_nominal(word: &str) -> bool {
    (2..=4).contains(&word.len()) && word.bytes().all(|b| b.is_ascii_uppercase())
}

/// A person's name: the last two words of a run ("Rafael Tan"), or a
/// surname alone when a title stands right before it ("Secretary Hallam");
/// the particles that open a surname ride along ("Ana de Souza"). Known
/// names are looked up by the surname's last word.
#[derive(Clone, Copy)]
struct Name<'r, 'w> {
    first: Option<&'w str>,
    particles: &'r [&'w str],
    surname: &'w str,
}

impl Name<'_, '_> {
    /// The name's words joined by a space, written in `room` and shared.
    fn shared(self, room: &mut String) -> Arc<str> {
        if self.first.is_none() && self.particles.is_empty() {
            return self.surname.into();
        }
        let words = self
            .first
            .iter()
            .chain(self.particles)
            .chain([&self.surname]);
        Arc::from(&*joined(room, "", words))
    }

    /// Whether `text` is the name's words joined by a space, told without joining.
    fn spells(self, text: &str) -> bool {
        let mut rest = Some(text);
        for word in self.first.iter().chain(self.particles) {
            rest = rest
                .and_then(|r| r.strip_prefix(word))
                .and_then(|r| r.strip_prefix(' '));
        }
        rest == Some(self.surname)
    }
}

/// A word without the dots after it: "Dr." → "Dr".
fn undotted(word: &str) -> &str {
    word.trim_end_matches('.')
}

/// A person's name in a run of capitalised words, titles and post-nominal
/// letters dropped: the last two words, or one (a surname) when a title
/// stands before it. Words are read [`undotted`]; none is dots alone, as
/// each is capitalised or a joiner ("of"), so the run is read in place.
fn person_name<'r, 'w>(run: &'r [&'w str]) -> Option<Name<'r, 'w>> {
    let after_title = after_last_title(run);
    if run.is_empty()
        || named_part(run, after_title)
            .iter()
            .any(|w| ORGANISATION_WORDS.contains(undotted(w)))
        || run.iter().all(|w| w.chars().all(|c| !c.is_lowercase()))
    {
        return None;
    }
    // Post-nominal letters go while more than two words are left. They are
    // never titles, so they all follow the last title.
    let start = run.len() - after_title.len();
    let mut end = run.len();
    while end > start.max(2) && is_post_nominal(undotted(run[end - 1])) {
        end -= 1;
    }
    let (surname, before) = run[start..end].split_last()?;
    // The particles before the surname, and a capitalised one opening the
    // run: "Van der Merwe said".
    let mut from = before.len();
    while from > 0 && (is_particle(before[from - 1]) || from == 1 && opens_surname(before[0])) {
        from -= 1;
    }
    Some(Name {
        first: from.checked_sub(1).map(|at| undotted(before[at])),
        particles: &before[from..],
        surname: undotted(surname),
    })
}

/// A capitalised particle that, opening a name, opens its surname: "Van
/// der Merwe", "De Souza". ("Al" is left out: "Al Gore".)
fn opens_surname(word: &str) -> bool {
    matches!(
        word,
        "Van"
            | "Von"
            | "De"
            | "Da"
            | "Du"
            | "Di"
            | "Del"
            | "Della"
            | "Dos"
            | "Das"
            | "Der"
            | "Den"
            | "Ter"
            | "Ten"
    )
}

/// Where a speaker phrase was found.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Attribution {
    /// The phrase naming the speaker ("national security adviser Mara Quinlan").
    pub phrase: Span,
    /// The verb's position, to pick the attribution nearest a quotation.
    pub verb: Span,
}

/// Every attribution in a sentence, in order, made as they are read: the
/// caller keeps them all in one list, not a list per sentence.
pub fn attributions<'s>(s: &'s Sentence) -> impl Iterator<Item = Attribution> + 's {
    // Openers are few: the words between them are passed over in one loop
    // of their own, which keeps its place in registers.
    let mut from = 0;
    std::iter::from_fn(move || {
        while let Some(v) = next_opener(s, from) {
            from = v + 1;
            if let Some(attribution) = attribution_at(s, v) {
                return Some(attribution);
            }
        }
        None
    })
}

/// The first token from `from` on that may be a speech verb or "according":
/// a word of ASCII letters (every opener is one, so its token tells most
/// words apart before they are read) whose ends and length are an opener's.
fn next_opener(s: &Sentence, from: usize) -> Option<usize> {
    let tokens = s.tokens.get(from..)?.iter();
    let words = s.words.get(from..)?;
    tokens
        .zip(words)
        .position(|(token, word)| {
            token.is_word() && token.shape.is_letters() && OPENERS.may_hold(word)
        })
        .map(|at| from + at)
}

/// The attribution whose verb (or "according") is token `v`, if it has a phrase.
fn attribution_at(s: &Sentence, v: usize) -> Option<Attribution> {
    let word = s.words[v];
    let phrase = if word == "according" && s.words.get(v + 1).is_some_and(|&w| w == "to") {
        phrase_after(s, v + 2)
    } else if VERBS.contains(word) {
        phrase_before(s, v)
            .or_else(|| inverted_phrase(s, v))
            .or_else(|| subject_of_joined_verb(s, v))
    } else {
        None
    }?;
    Some(Attribution {
        phrase,
        verb: s.tokens[v].span,
    })
}

/// The speaker after the verb: "said the official", only after a quotation
/// or a comma, or opening a clause. "Told" and "telling" name the listener
/// after them, and a phrase a verb follows ("said Northsea’s numbers were")
/// opens the words reported.
fn inverted_phrase(s: &Sentence, v: usize) -> Option<Span> {
    let leads = v == 0 || matches!(s.words[v - 1], "," | "”" | "\"" | "’" | ":" | "—" | "–");
    // A participle is never inverted: "saying only that…" names no one after it.
    // "The chip, called the V1,": "called" after a comma names a thing.
    let naming_or_listening = matches!(s.words[v], "told" | "tells" | "tell" | "called");
    if !leads || naming_or_listening || s.words[v].ends_with("ing") {
        return None;
    }
    // "adds 21 days": a number after the verb is what it adds, not who.
    let counted = s
        .words
        .get(v + 1)
        .is_some_and(|&w| w.starts_with(|c: char| c.is_ascii_digit()) || is_number_word(w));
    if counted {
        return None;
    }
    let phrase = phrase_after(s, v + 1)?;
    let next = s.tokens.partition_point(|t| t.span.start() < phrase.end());
    let verb_follows = s.words.get(next).is_some_and(|&w| {
        matches!(
            w,
            "is" | "are" | "was" | "were" | "has" | "have" | "had" | "will" | "would"
        )
    });
    (!verb_follows).then_some(phrase)
}

/// "The agency closed the forest and said…", "Ellery declined to comment,
/// saying that…": a speech verb joined by "and" to the verb before it, or
/// a participle after a comma that reports ("saying that", "adding “…"),
/// has the speaker of an earlier speech verb of the sentence ("Ansah said,
/// adding that…"), else the name or pronoun opening the sentence.
fn subject_of_joined_verb(s: &Sentence, v: usize) -> Option<Span> {
    let end = before_auxiliaries(s, v);
    let before = end.checked_sub(1).map(|b| s.words[b]);
    let reports = || {
        let mut next = v + 1;
        if s.words.get(next) == Some(&"only") {
            next += 1;
        }
        s.words
            .get(next)
            .is_some_and(|&w| matches!(w, "that" | "“" | "\"" | ":"))
    };
    // Verbs that report words, not those that commit to deeds ("and has
    // promised to publish").
    let reporting = matches!(
        s.words[v],
        "said"
            | "says"
            | "told"
            | "tells"
            | "added"
            | "adds"
            | "noted"
            | "stated"
            | "wrote"
            | "explained"
            | "argued"
            | "insisted"
            | "warned"
            | "confirmed"
            | "saying"
            | "adding"
            | "noting"
            | "warning"
            | "insisting"
    );
    let joined =
        before == Some("and") || (before == Some(",") && s.words[v].ends_with("ing") && reports());
    if !(joined && reporting) {
        return None;
    }
    let earlier = (0..end)
        .rev()
        .filter(|&w| VERBS.contains(s.words[w]))
        .find_map(|w| phrase_before(s, w).or_else(|| inverted_phrase(s, w)));
    earlier.or_else(|| opening_subject(s))
}

/// The name or pronoun a sentence opens with: "The U.S. Forest Service",
/// "Catherine Ellery", "She"; not a word that opens sentences otherwise
/// ("In", "But", "Later").
fn opening_subject(s: &Sentence) -> Option<Span> {
    let first = s.tokens.first().filter(|t| t.is_word())?;
    let token_span = |from: usize, to: usize| {
        Span::new(s.tokens[from].span.start(), s.tokens[to - 1].span.end())
    };
    if PRONOUNS.contains(&s.words[0]) {
        return Some(first.span);
    }
    let from = usize::from(s.words[0] == "the");
    let mut end = from;
    while let Some(token) = s.tokens.get(end) {
        let word = token.text(s.text);
        // After "The" any capitalised word names: "The US Forest Service".
        let name_word = token.is_word()
            && is_capitalized(word)
            && (end > 0 || !NOT_NAMES.contains(word) && !OPENING_ADVERBS.contains(word))
            && !POSSESSIVES.contains(&word)
            && !is_possessive(word);
        let inside = end > from && (joins_names(s, end) || is_particle(word));
        // "U.S.", "Dr.": a dot after an initial or an abbreviation.
        let initial = |i: usize| s.tokens[i].span.len() == 1;
        let dot = word == "." && end > from && (is_abbreviation(s, end - 1) || initial(end - 1));
        if !(name_word || inside || dot) {
            break;
        }
        end += 1;
    }
    (end > from).then(|| token_span(0, end))
}

/// Where the words before verb `v` end once its auxiliaries are passed
/// over: "Hallam has said", "she also noted".
fn before_auxiliaries(s: &Sentence, v: usize) -> usize {
    let mut end = v;
    while end > 0 && AUXILIARIES.contains(&s.words[end - 1]) {
        end -= 1;
    }
    end
}

fn phrase_before(s: &Sentence, v: usize) -> Option<Span> {
    let end = before_auxiliaries(s, v);
    if end > 0 && s.words[end - 1] == "," {
        return name_before_apposition(s, end - 1).or_else(|| name_in_apposition(s, end - 1));
    }
    // "a red flag warning": an -ing word right after a common noun is a
    // noun ("with Sergey Lavrov telling reporters" is a name's doing).
    let after_common_noun = end == v && end > 0 && !is_capitalized(s.tokens[end - 1].text(s.text));
    // "with operators warning that…" reports.
    let reports = || {
        s.words
            .get(v + 1)
            .is_some_and(|&w| matches!(w, "that" | "of" | "“" | "\"" | ":" | ","))
    };
    if after_common_noun && s.words[v].ends_with("ing") && !reports() {
        return None;
    }
    let mut j = phrase_start(s, end);
    // "On Tuesday she called": a time is no part of the speaker.
    if let Some(time) = (j..end).rev().find(|&k| is_time_word(s.words[k])) {
        j = time + 1;
    }
    if j == end {
        return antecedent_of_who(s, end);
    }
    // The phrase must end in a name, a pronoun or a noun, not a verb, a
    // number or a time ("earlier in the week warned").
    let last = s.words[end - 1];
    let figure = last.starts_with(|c: char| c.is_ascii_digit() || is_currency_symbol(c));
    // "Under a pilot arrangement agreed…": a phrase a preposition opens
    // names no one, nor does a verb after "to" ("voted to hold argued").
    let opened_by = |word: &str| j > 0 && s.words[j - 1] == word;
    if figure
        || is_number_word(last)
        || is_time_word(last)
        || is_determiner(last)
        || is_preposition(s.words[j])
        || opened_by("to")
    {
        return None;
    }
    // "a figure officials said": an article cannot lead a plural, so the
    // speaker is the plural after the noun it leads.
    let plural = |w: &str| w.len() > 3 && w.ends_with('s') && !w.ends_with("ss");
    if end - j >= 3
        && matches!(s.words[j], "a" | "an")
        && plural(last)
        && !is_capitalized(s.tokens[end - 1].text(s.text))
    {
        j += 2;
    }
    // "Prosecutors in the capital said", "two people familiar with the
    // matter said": the phrase a preposition ends is the speaker's place
    // or kind, and the speaker stands before it.
    if j > 0 && is_place_preposition(s.words[j - 1]) && !joins_names(s, j - 1) {
        let before = phrase_start(s, j - 1);
        let adverb = |w: &&str| w.ends_with("ly") || is_time_word(w);
        if s.words[before..j - 1].iter().any(adverb) {
            return antecedent_of_who(s, end);
        }
        // With nothing before it, the preposition opens a clause of its
        // own: "…, with Foreign Minister Sergey Lavrov telling".
        j = if before < j - 1 { before } else { j };
    }
    Some(Span::new(
        s.tokens[j].span.start(),
        s.tokens[end - 1].span.end(),
    ))
}

/// Words a "who" clause may hold before its speech verb.
const MAX_RELATIVE_WORDS: usize = 8;

/// "Renata Olszewski, who earlier in the week warned": the name a "who"
/// clause describes speaks, when the clause opens within a few words
/// before `end` with nothing but words between.
fn antecedent_of_who(s: &Sentence, end: usize) -> Option<Span> {
    let from = end.saturating_sub(MAX_RELATIVE_WORDS);
    let who = (from..end)
        .rev()
        .take_while(|&k| s.tokens[k].is_word())
        .find(|&k| s.words[k] == "who")?;
    let comma = who.checked_sub(1).filter(|&c| s.words[c] == ",")?;
    let start = phrase_start(s, comma);
    let named = start < comma && is_capitalized(s.tokens[comma - 1].text(s.text));
    named.then(|| Span::new(s.tokens[start].span.start(), s.tokens[comma - 1].span.end()))
}

/// Appositives one name may carry before its verb, and their length:
/// "Name, the defence minister, speaking in Kyiv, told".
const MAX_APPOSITIVES: usize = 2;
const MAX_APPOSITIVE_WORDS: usize = 16;

/// "Marisol Cardenas, the chief executive, told": the speaker is the name
/// before the appositives, each of which opens with a lowercase word (a
/// description, an age, a participle, a "who" clause), so the title is not
/// taken for the speaker. The name must fill its clause, from a punctuation
/// mark or the sentence start, so "officials in Kyiv, the capital, said"
/// names no one.
fn name_before_apposition(s: &Sentence, mut comma: usize) -> Option<Span> {
    for _ in 0..MAX_APPOSITIVES {
        let from = comma.saturating_sub(MAX_APPOSITIVE_WORDS + 1);
        // "&" joins the words of a name ("an analyst at Hartwell & Co").
        let open = mark_before(s, from, comma, "&")?;
        let appositive = &s.words[open + 1..comma];
        let is_appositive = s.words[open] == ","
            && !appositive.is_empty()
            && !is_capitalized(s.tokens[open + 1].text(s.text))
            && !appositive.iter().any(|w| VERBS.contains(w));
        if !is_appositive {
            return None;
        }
        let start = phrase_start(s, open);
        // The clause may open with a conjunction after a mark: "…next
        // year, and UK Finance, the banking trade body, said".
        let opens_clause = |at: usize| at == 0 || !s.tokens[at - 1].is_word();
        let conjunction = start > 0 && matches!(s.words[start - 1], "and" | "but" | "while");
        let fills_clause = opens_clause(start) || (conjunction && opens_clause(start - 1));
        let named = start < open && is_capitalized(s.tokens[open - 1].text(s.text));
        if fills_clause && named {
            return Some(Span::new(
                s.tokens[start].span.start(),
                s.tokens[open - 1].span.end(),
            ));
        }
        comma = open;
    }
    None
}

/// Longest name that stands in apposition before its verb.
const MAX_APPOSED_NAME_WORDS: usize = 5;

/// "The prosecutor, Tom Fairley, told": the speaker is a name set off by
/// commas after the description it names, two words or more, every word of
/// it capitalised (a title and its dot included: "Dr. Aisha Bello"); one
/// word there is more often a place ("officials in the capital, Kyiv, said").
fn name_in_apposition(s: &Sentence, comma: usize) -> Option<Span> {
    let from = comma.saturating_sub(MAX_APPOSED_NAME_WORDS * 2 + 1);
    let open = mark_before(s, from, comma, ".")?;
    let name = open + 1..comma;
    // The description ends in a lowercase noun ("The prosecutor, Tom
    // Fairley,"); after a name, a capitalised word is a place.
    let described = open > 0
        && s.tokens[open - 1].is_word()
        && !is_capitalized(s.tokens[open - 1].text(s.text));
    let words = name.clone().filter(|&j| s.tokens[j].is_word()).count();
    let all_capitalised = name.clone().all(|j| {
        let token = s.tokens[j];
        !token.is_word() || is_capitalized(token.text(s.text))
    });
    let is_name = s.words[open] == ","
        && described
        && (2..=MAX_APPOSED_NAME_WORDS).contains(&words)
        && all_capitalised
        && s.tokens[open + 1].is_word();
    is_name.then(|| {
        Span::new(
            s.tokens[open + 1].span.start(),
            s.tokens[comma - 1].span.end(),
        )
    })
}

/// The last mark among tokens `from..to`, passing over `joiner`, a mark
/// that stands inside the words read ("Hartwell & Co", "Dr. Aisha Bello"),
/// and over apostrophes, which end a plural's possessive ("the Parents'
/// Forum", "the pilots’ union").
fn mark_before(s: &Sentence, from: usize, to: usize, joiner: &str) -> Option<usize> {
    (from..to).rev().find(|&j| {
        !s.tokens[j].is_word() && !matches!(s.words[j], "'" | "’") && s.words[j] != joiner
    })
}

/// Where the speaker phrase that ends before token `end` starts: reading
/// back to a stop word or punctuation, at most 12 words.
fn phrase_start(s: &Sentence, end: usize) -> usize {
    let mut j = end;
    while j > 0 && end - j < 12 {
        let mut k = j - 1;
        if s.words[k] == ")" {
            // "(NATO)": step over a parenthetical inside the phrase.
            match s.words[..k].iter().rposition(|&w| w == "(") {
                Some(open) if open > 0 && k - open <= 4 => k = open - 1,
                _ => break,
            }
        }
        let token = s.tokens[k];
        let word = s.words[k];
        let abbreviation_dot = word == "." && k > 0 && is_abbreviation(s, k - 1);
        // A plural's possessive: "Savers' groups", "the Farmers’ Union".
        let possessive = matches!(word, "'" | "’")
            && k > 0
            && k + 1 < end
            && s.tokens[k - 1].is_word()
            && s.words[k - 1].ends_with('s');
        if !(token.is_word() || abbreviation_dot || possessive)
            || (PHRASE_STOPS.contains(word) && !joins_names(s, k))
        {
            break;
        }
        if token.is_word() && word.ends_with("ly") && k + 1 == end {
            break; // "has repeatedly said" is handled above; "quickly said" has no speaker
        }
        j = k;
    }
    j
}

fn phrase_after(s: &Sentence, from: usize) -> Option<Span> {
    if s.words.get(from).is_none_or(|w| PHRASE_STOPS.contains(w)) {
        return None;
    }
    let mut j = from;
    while j < s.tokens.len() && j - from < 8 {
        let token = s.tokens[j];
        let word = s.words[j];
        let abbreviation_dot =
            word == "." && j > from && is_abbreviation(s, j - 1) && j + 1 < s.tokens.len();
        if !(token.is_word() || abbreviation_dot)
            || (j > from
                && ((PHRASE_STOPS.contains(word) && !joins_names(s, j)) || is_time_word(word)))
            || word == "reporters"
        {
            break;
        }
        j += 1;
    }
    (j > from).then(|| Span::new(s.tokens[from].span.start(), s.tokens[j - 1].span.end()))
}

/// Whether token `k` joins the capitalised words either side of it into
/// one name: "the Ministry of Foreign Affairs", "a Department for
/// Education spokesperson".
fn joins_names(s: &Sentence, k: usize) -> bool {
    let capitalized = |i: usize| {
        s.tokens
            .get(i)
            .is_some_and(|t| is_capitalized(t.text(s.text)))
    };
    matches!(s.words[k], "of" | "for") && k > 0 && capitalized(k - 1) && capitalized(k + 1)
}

/// "Dr", "Mr", "U.S": a word whose period does not end the phrase.
fn is_abbreviation(s: &Sentence, i: usize) -> bool {
    let word = s.tokens[i].text(s.text);
    s.tokens[i].is_word() && (word.contains('.') || TITLES.contains(word)) && word.len() <= 5
}

/// "the company", "the organisation": a phrase standing for the
/// organisation last quoted.
fn names_an_organisation(phrase: &str) -> bool {
    after_the(phrase).is_some_and(|noun| {
        matches!(
            noun,
            "company"
                | "organisation"
                | "organization"
                | "group"
                | "firm"
                | "agency"
                | "union"
                | "association"
                | "charity"
                | "body"
                | "ministry"
                | "department"
        )
    })
}

/// The words of a phrase after an opening "the " or "The ".
fn after_the(phrase: &str) -> Option<&str> {
    let the = phrase.get(..4)?;
    the.eq_ignore_ascii_case("the ").then(|| &phrase[4..])
}

/// Prepositions that place or describe the noun before them: "officials
/// in the capital", "negotiators from 200 countries", "a diplomat familiar
/// with the talks".
fn is_place_preposition(word: &str) -> bool {
    matches!(
        word,
        "in" | "from" | "with" | "at" | "across" | "near" | "inside" | "outside"
    )
}

fn is_preposition(word: &str) -> bool {
    matches!(
        word,
        "under"
            | "in"
            | "on"
            | "at"
            | "after"
            | "before"
            | "with"
            | "for"
            | "from"
            | "during"
            | "since"
            | "until"
            | "over"
            | "through"
            | "into"
            | "against"
            | "among"
            | "between"
            | "without"
            | "despite"
    )
}

fn is_time_word(word: &str) -> bool {
    matches!(
        word,
        "monday"
            | "tuesday"
            | "wednesday"
            | "thursday"
            | "friday"
            | "saturday"
            | "sunday"
            | "today"
            | "yesterday"
            | "last"
            | "earlier"
            | "later"
    )
}

#[cfg(test)]
mod tests {
    use super::super::context::test_sentence as sentence;
    use super::*;

    fn speaker<'t>(speakers: &mut Speakers<'t>, text: &'t str) -> Option<Arc<str>> {
        let s = sentence(text);
        speakers.observe(&s);
        let a = attributions(&s).next()?;
        speakers.resolve(a.phrase.slice(text))
    }

    /// Reads `steps` in order, as the sentences of one article, and checks
    /// the speaker each one resolves to.
    fn resolves_in_turn(steps: &[(&str, Option<&str>)]) {
        let mut speakers = Speakers::default();
        for &(text, expected) in steps {
            assert_eq!(speaker(&mut speakers, text).as_deref(), expected, "{text}");
        }
    }

    #[test]
    fn names_titles_and_surnames() {
        resolves_in_turn(&[
            (
                "“It works,” national security adviser Mara Quinlan told reporters Wednesday.",
                Some("Mara Quinlan"),
            ),
            ("The deal is done, Quinlan said.", Some("Mara Quinlan")),
            ("“They asked,” she said.", Some("Mara Quinlan")),
            (
                "“It is,” said a US official who briefed reporters.",
                Some("a US official"),
            ),
            ("Defense Secretary Peter Hallam arrived.", None),
            (
                "Secretary Hallam said the war goes on.",
                Some("Peter Hallam"),
            ),
        ]);
    }

    #[test]
    fn titles_before_names_and_letters_after() {
        resolves_in_turn(&[
            (
                "“We will close it,” Energy Minister Rafael Tan told reporters.",
                Some("Rafael Tan"),
            ),
            (
                "Sentencing him, Judge Helen Marsh KC said the harm was grave.",
                Some("Helen Marsh"),
            ),
            ("“Stand up,” the judge told him.", Some("Helen Marsh")),
            // An indefinite role, or a title nobody was named with, stays as written.
            ("“It was wrong,” a judge told him.", Some("a judge")),
            ("“It was wrong,” the mayor told him.", Some("the mayor")),
            // A department alone is still an organisation.
            (
                "“Prices will fall,” Northsea Energy said.",
                Some("Northsea Energy"),
            ),
        ]);
    }

    #[test]
    fn a_name_keeps_the_speech_across_its_appositives() {
        for text in [
            "“We keep the wards open,” Marisol Cardenas, the chief executive, told reporters.",
            "“We hold,” Marisol Cardenas, the defence minister, speaking in Kyiv, told reporters.",
            "Marisol Cardenas, the head coach of Upton, said: “We listened to the fans.”",
            "Dr. Marisol Cardenas, 54, who runs the clinic, said: “We listened.”",
            "“We will fix the roads,” said Marisol Cardenas, a union representative.",
        ] {
            assert_eq!(
                speaker(&mut Speakers::default(), text).as_deref(),
                Some("Marisol Cardenas"),
                "{text}"
            );
        }
    }

    /// A name set off by commas after the description of who it is; a
    /// name joined by "&" in a description before the verb.
    #[test]
    fn a_name_after_its_description_speaks() {
        for (text, expected) in [
            (
                "The prosecutor, Tom Fairley, told the court that it paid for a yacht.",
                "Tom Fairley",
            ),
            (
                "The trust’s chief executive, Dr Aisha Bello, said the money was lost.",
                "Aisha Bello",
            ),
            (
                "Sophie Mercer, an analyst at Hartwell & Co, said the numbers were “a beat”.",
                "Sophie Mercer",
            ),
        ] {
            assert_eq!(
                speaker(&mut Speakers::default(), text).as_deref(),
                Some(expected),
                "{text}"
            );
        }
    }

    /// After "told" stands the listener, and a phrase a verb follows opens
    /// the words reported: neither is a speaker.
    #[test]
    fn listeners_and_reported_subjects_do_not_speak() {
        assert_eq!(
            speaker(
                &mut Speakers::default(),
                "Officials in the capital, Kyiv, said 12 people were killed."
            ),
            None
        );
        for text in [
            "Results came in, telling cheering supporters that it was over.",
            "“It was a beat,” said the company’s numbers were strong.",
        ] {
            assert_eq!(attributions(&sentence(text)).next(), None, "{text}");
        }
        assert!(
            attributions(&sentence("“It works,” said the minister, smiling."))
                .next()
                .is_some()
        );
    }

    /// "He" and "she" stand first for the known person the sentence, or the
    /// one before it, opens with; else for the last person quoted.
    #[test]
    fn a_pronoun_stands_for_the_person_a_sentence_opened_with() {
        resolves_in_turn(&[
            ("Elena Ruiz said the team played well.", Some("Elena Ruiz")),
            ("Asked about the striker, she smiled.", None),
            ("“Not yet,” she said.", Some("Elena Ruiz")),
            ("Daniel Okonkwo scored twice.", None),
            ("New York lost 40 jobs last year.", None),
            ("“It hurts,” he said.", Some("Elena Ruiz")),
            ("Okonkwo, 24, has 14 goals.", None),
            (
                "“I’m thinking about the next game,” he said.",
                Some("Daniel Okonkwo"),
            ),
            (
                "Judge Helen Marsh said it was planned.",
                Some("Helen Marsh"),
            ),
            ("Tom Fairley said it was not.", Some("Tom Fairley")),
            ("The judge rejected that.", None),
            ("“It grew,” she said.", Some("Helen Marsh")),
            ("Lumora said it had found the intrusion.", Some("Lumora")),
            ("Chief executive Jonas Ekholm apologised.", None),
            ("“We failed,” he said.", Some("Jonas Ekholm")),
            ("Piotr Kowal said it was late.", Some("Piotr Kowal")),
            (
                "Callum Dreyer, president of the growers, welcomed it.",
                None,
            ),
            ("“It is the worst,” he said.", Some("Callum Dreyer")),
            (
                "Ruth Achterberg said he should serve eight years.",
                Some("Ruth Achterberg"),
            ),
            (
                "Before the sentence was announced, Kowal read a statement.",
                None,
            ),
            ("“I am ashamed,” he said.", Some("Piotr Kowal")),
            (
                "Ruth Achterberg said he should serve eight years.",
                Some("Ruth Achterberg"),
            ),
            (
                "Nadia Ferreira of Halvorsen Capital welcomed the results.",
                None,
            ),
            ("“The guidance is fine,” she said.", Some("Nadia Ferreira")),
        ]);
    }

    #[test]
    fn particles_open_surnames() {
        resolves_in_turn(&[
            (
                "European Commission President Ursula von der Leyen said it was time.",
                Some("Ursula von der Leyen"),
            ),
            ("“Now,” von der Leyen told reporters.", Some("Ursula von der Leyen")),
            ("Later de Souza added that it was late.", Some("de Souza")),
            ("“Soon,” said Ana de Souza, the mayor.", Some("Ana de Souza")),
            ("Later de Souza added that it was late.", Some("Ana de Souza")),
            ("Al Gore said it was warm.", Some("Al Gore")),
            (
                "Johan van der Merwe, who farms near Bothaville, harvested early. “The best,” he said.",
                Some("Johan van der Merwe"),
            ),
        ]);
    }

    #[test]
    fn a_generic_noun_stands_for_the_organisation_last_quoted() {
        resolves_in_turn(&[
            ("“Sales will rise,” the company said.", Some("the company")),
            (
                "Halberd Therapeutics said the trial had worked.",
                Some("Halberd Therapeutics"),
            ),
            (
                "“It is a turning point,” the company said.",
                Some("Halberd Therapeutics"),
            ),
            ("“It is late,” the judge said.", Some("the judge")),
        ]);
    }

    #[test]
    fn a_verb_joined_to_another_has_its_subject() {
        resolves_in_turn(&[
            (
                "The U.S. Forest Service closed the forest and said that it was dangerous.",
                Some("the U.S. Forest Service"),
            ),
            (
                "Catherine Ellery declined to comment, saying only that rates would “fall.”",
                Some("Catherine Ellery"),
            ),
            (
                "My coach told me, saying that it was back.",
                Some("My coach"),
            ),
            ("Prices rose, adding to the pressure.", None),
            (
                "Mara Quinlan will take office and has promised to act.",
                None,
            ),
        ]);
    }

    /// Only a speaker named word by word in capitals is the person "he"
    /// and "she" stand for; a source described is not.
    #[test]
    fn a_described_source_is_no_person() {
        resolves_in_turn(&[
            (
                "Judge Helen Marsh said the harm was done.",
                Some("Helen Marsh"),
            ),
            (
                "Waits grew, according to NHS figures cited in court.",
                Some("NHS figures cited"),
            ),
            ("“It grew,” she said.", Some("Helen Marsh")),
        ]);
    }

    #[test]
    fn an_appositive_after_no_name_gives_no_speaker() {
        for text in [
            // The capitalised word does not fill its clause: no one is named.
            "Officials in Kyiv, the capital, said on Monday that power was back.",
            // A capitalised word after the comma is no appositive.
            "“We hold,” Marisol Cardenas, Kyiv, told reporters.",
            // Three appositives are more than one name carries.
            "“We hold,” Marisol Cardenas, the minister, in Kyiv, on Monday, told reporters.",
        ] {
            assert_eq!(attributions(&sentence(text)).next(), None, "{text}");
        }
    }

    #[test]
    fn a_full_name_seen_before_is_shared_not_copied() {
        let mut speakers = Speakers::default();
        let text = "“It works,” Mara Quinlan said.";
        let said = speaker(&mut speakers, text).expect("a speaker");
        assert_eq!(&*said, "Mara Quinlan");
        assert!(Arc::ptr_eq(&said, &speakers.full_names["Quinlan"]));
    }

    #[test]
    fn names_are_written_in_room_reused() {
        let mut room = String::new();
        assert_eq!(
            joined(&mut room, "the ", &["White", "House"]),
            "the White House"
        );
        assert_eq!(joined(&mut room, "", &["Quinlan"]), "Quinlan");
        assert_eq!(joined(&mut room, "the ", &[]), "the ");
        assert_eq!(joined(&mut room, "", &[]), "");
    }

    #[test]
    fn statements_resolve_to_their_issuer() {
        resolves_in_turn(&[
            (
                "“It grew,” said the White House in the statement.",
                Some("the White House"),
            ),
            ("“We agree,” the statement said.", Some("the White House")),
            (
                "Prices rose, according to the Ministry of Finance.",
                Some("the Ministry of Finance"),
            ),
        ]);
    }
}
