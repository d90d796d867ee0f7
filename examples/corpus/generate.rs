//! A deterministic corpus of news articles with planted disagreements.
//!
//! The corpus is a run of stories (a council budget, an election, a health
//! service, a football match, military aid); each story is covered by one to
//! four outlets, each a Markdown article with `source:` and `date:` front
//! matter. The facts of a story are drawn once and shared by its articles;
//! the wording, the order of paragraphs and the relative dates are each
//! outlet's own. Some articles carry a planted disagreement (a misspelt name,
//! a drifted or misattributed quotation, a restated figure, an avoided
//! spelling, a wrong reference fact), and each is recorded as a [`Planted`]
//! with the rule that should report it.
//!
//! Quotations are built from twelve slots of 31 choices picked by a
//! Reed-Solomon code (a degree-2 polynomial over GF(31)), so two quotations
//! of one subject and frame share at most two slots, and differ in more than
//! a quarter of their words: never similar enough to be taken for one.

use jiff::civil::{Date, Weekday};
use jiff::ToSpan;
use serde::Serialize;

use crate::words::*;

/// splitmix64: small, fast and the same on every platform.
#[derive(Clone)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn between(&mut self, low: u64, high: u64) -> u64 {
        low + self.next() % (high - low + 1)
    }

    fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.below(items.len())]
    }

    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }
}

/// A seed derived from two numbers, for streams that must not overlap.
fn derive(a: u64, b: u64) -> u64 {
    Rng::new(a ^ b.wrapping_mul(0xD6E8_FEB8_6659_FD93)).next()
}

/// A disagreement written into the corpus on purpose, and the rule that
/// should report it: `text` is what the finding points at in one of `files`.
#[derive(Clone, Debug, Serialize, serde::Deserialize, PartialEq)]
pub struct Planted {
    pub rule: String,
    pub files: Vec<String>,
    pub text: String,
}

/// One generated article: its path relative to the corpus folder, and its text.
pub struct Article {
    pub path: String,
    pub text: String,
}

/// The articles of one story and what was planted in them.
pub struct Story {
    pub articles: Vec<Article>,
    pub planted: Vec<Planted>,
}

#[derive(Clone, Copy, PartialEq)]
enum Subject {
    Budget,
    Election,
    Health,
    Sport,
    Defense,
}

const SUBJECTS: [Subject; 5] = [
    Subject::Budget,
    Subject::Election,
    Subject::Health,
    Subject::Sport,
    Subject::Defense,
];

/// What a story can carry, at most one per article.
#[derive(Clone, Copy, PartialEq, Debug)]
enum Plant {
    /// A surname misspelt once, beside the first name.
    Misspelt,
    /// One outlet spells a surname its own way throughout.
    Variant,
    /// One outlet's copy of a quotation has a word more.
    Drift,
    /// One outlet gives the quotation to the other speaker.
    Speaker,
    /// The story's main figure restated with another value.
    Restated,
    /// An avoided place name in the narration.
    Style,
    /// A wrong reference fact: NATO's size, the invasion's date or the war's age.
    Fact,
    /// A coalition size or troop ratio restated with another value.
    Figure,
}

/// The stories of a corpus of `total` articles, in order.
pub struct Corpus {
    seed: u64,
    total: usize,
    made: usize,
    story: u64,
    /// Quotations handed out so far, per subject.
    quotations: [usize; 5],
}

impl Corpus {
    pub fn new(seed: u64, total: usize) -> Corpus {
        Corpus {
            seed,
            total,
            made: 0,
            story: 0,
            quotations: [0; 5],
        }
    }
}

impl Iterator for Corpus {
    type Item = Story;

    fn next(&mut self) -> Option<Story> {
        if self.made >= self.total {
            return None;
        }
        let seed = derive(self.seed, self.story);
        let mut rng = Rng::new(seed);
        let subject = SUBJECTS[rng.below(SUBJECTS.len())];
        let outlets = (1 + rng.below(4)).min(self.total - self.made);
        let slot = SUBJECTS.iter().position(|s| *s == subject).unwrap_or(0);
        let quotes = [self.quotations[slot], self.quotations[slot] + 1];
        self.quotations[slot] += 2;
        let facts = Facts::draw(seed, subject, quotes);
        let plant = choose_plant(&mut rng, subject, outlets);
        let planted_in = rng.below(outlets);
        let mut story = Story {
            articles: Vec::new(),
            planted: Vec::new(),
        };
        for n in 0..outlets {
            let index = self.made + n;
            let path = format!("{:03}/{index:06}.md", index / 1000);
            let plant = plant.filter(|_| n == planted_in);
            let mut writer = Writer::new(&facts, derive(seed, n as u64 + 1), plant);
            let text = writer.article(self.seed);
            story
                .planted
                .extend(writer.planted.into_iter().map(|(rule, text)| Planted {
                    rule,
                    files: vec![path.clone()],
                    text,
                }));
            story.articles.push(Article { path, text });
        }
        self.made += outlets;
        self.story += 1;
        Some(story)
    }
}

/// About two stories in five carry a plant; those that need a second
/// outlet to disagree with only where there is one.
fn choose_plant(rng: &mut Rng, subject: Subject, outlets: usize) -> Option<Plant> {
    if !rng.chance(40) {
        return None;
    }
    let mut kinds = vec![Plant::Misspelt, Plant::Restated, Plant::Style];
    if outlets > 1 {
        kinds.extend([Plant::Variant, Plant::Drift, Plant::Speaker]);
    }
    if subject == Subject::Defense {
        kinds.extend([Plant::Fact, Plant::Figure]);
    }
    Some(rng.pick(&kinds))
}

/// A named person in a story.
#[derive(Clone)]
struct Person {
    first: &'static str,
    last: String,
    role: String,
}

impl Person {
    fn full(&self) -> String {
        format!("{} {}", self.first, self.last)
    }
}

/// The facts of a story, the same in every article about it.
struct Facts {
    subject: Subject,
    seed: u64,
    town: &'static str,
    rival: &'static str,
    event: Date,
    people: [Person; 2],
    quotes: [String; 2],
}

impl Facts {
    fn draw(seed: u64, subject: Subject, quotes: [usize; 2]) -> Facts {
        let mut rng = Rng::new(derive(seed, 0xFAC7));
        let town = rng.pick(TOWNS);
        let mut rival = rng.pick(TOWNS);
        if rival == town {
            rival = TOWNS[(TOWNS.iter().position(|t| *t == town).unwrap_or(0) + 1) % TOWNS.len()];
        }
        let start = Date::constant(2023, 3, 1);
        let event = start
            .checked_add((rng.below(940) as i64).days())
            .expect("the corpus dates stay within the calendar");
        let first = rng.below(SURNAMES.len());
        let second = (first + 1 + rng.below(SURNAMES.len() - 1)) % SURNAMES.len();
        let (role_a, role_b) = roles(subject, town);
        let people = [
            Person {
                first: rng.pick(FIRST_NAMES),
                last: SURNAMES[first].to_string(),
                role: role_a,
            },
            Person {
                first: rng.pick(FIRST_NAMES),
                last: SURNAMES[second].to_string(),
                role: role_b,
            },
        ];
        Facts {
            subject,
            seed,
            town,
            rival,
            event,
            people,
            quotes: [
                quotation(subject, 0, quotes[0]),
                quotation(subject, 1, quotes[1]),
            ],
        }
    }
}

fn roles(subject: Subject, town: &str) -> (String, String) {
    let (a, b) = match subject {
        Subject::Budget => (
            "the mayor of",
            "a council member who voted against the plan in",
        ),
        Subject::Election => ("the winning candidate in", "the runner-up in"),
        Subject::Health => (
            "the chief executive of the health authority in",
            "a union representative for nurses in",
        ),
        Subject::Sport => ("the head coach of", "the captain of"),
        Subject::Defense => (
            "the defence minister on a visit to",
            "a senior adviser on a visit to",
        ),
    };
    (format!("{a} {town}"), format!("{b} {town}"))
}

/// The `index`-th quotation of a subject's `frame`: the slots are the
/// values at 0..12 of the polynomial whose coefficients are `index` in base 31.
fn quotation(subject: Subject, frame: usize, index: usize) -> String {
    let p = SLOT_SIZE;
    let code = index % (p * p * p);
    let (a, b, c) = (code % p, code / p % p, code / (p * p));
    let s: Vec<usize> = (0..12).map(|x| (a + b * x + c * x * x) % p).collect();
    let number = |slot: usize, base: usize, step: usize| (base + step * s[slot]).to_string();
    let (n1, n2) = (number(8, 40, 7), number(9, 3, 2));
    let people = PEOPLE[s[5]];
    let mut capital = people.chars();
    let people_cap: String = capital
        .next()
        .map(|c| c.to_uppercase().chain(capital).collect())
        .unwrap_or_default();
    let (opener, verb, adjective, noun) =
        (OPENERS[s[0]], VERBS[s[1]], ADJECTIVES[s[2]], NOUNS[s[3]]);
    let (adverb, manner, closer) = (ADVERBS[s[4]], MANNERS[s[6]], CLOSERS[s[7]]);
    let (noun2, adjective2) = (NOUNS[s[10]], ADJECTIVES[s[11]]);
    match (subject, frame) {
        (Subject::Budget, 0) => format!("{opener}. We will {verb} {adjective} {noun} {adverb}, {manner}, for {people}. We have {n1} {noun2} and {n2} {adjective2} projects waiting. {closer}"),
        (Subject::Budget, _) => format!("{opener}: this plan will {verb} {adjective} {noun} {manner}. {people_cap} wrote {n1} letters about {n2} {adjective2} {noun2}, and we moved {adverb}. {closer}"),
        (Subject::Election, 0) => format!("{opener}. Tonight {people} chose to {verb} {adjective} {noun} {manner}. We knocked on {n1} doors near {n2} {adjective2} {noun2}, {adverb}. {closer}"),
        (Subject::Election, _) => format!("{opener}. We lost, but {people} still want to {verb} {adjective} {noun} {adverb}. We held {n1} meetings beside {n2} {adjective2} {noun2}, {manner}. {closer}"),
        (Subject::Health, 0) => format!("{opener}. Our staff {verb} {adjective} {noun} {adverb} for {people}. We saw {n1} patients a night and {n2} {adjective2} {noun2} closed, {manner}. {closer}"),
        (Subject::Health, _) => format!("{opener}. Nurses cannot {verb} {adjective} {noun} alone, {manner}. {people_cap} waited {n1} minutes near {n2} {adjective2} {noun2}, and we said so {adverb}. {closer}"),
        (Subject::Sport, 0) => format!("{opener}. We wanted to {verb} {adjective} {noun} {adverb}, {manner}. The {people} saw {n1} passes and {n2} chances at our {adjective2} {noun2}. {closer}"),
        (Subject::Sport, _) => format!("{opener}. They let us {verb} {adjective} {noun} {manner}, and {people} deserved more. We ran {n1} sprints past {n2} {adjective2} {noun2}, {adverb}. {closer}"),
        (Subject::Defense, 0) => format!("{opener}. Our partners help us {verb} {adjective} {noun} {adverb}, {manner}. Engineers repaired {n1} substations and {n2} {adjective2} {noun2}, and {people} saw it. {closer}"),
        (Subject::Defense, _) => format!("{opener}. We asked our friends to {verb} {adjective} {noun} {manner}. {people_cap} in {n1} villages wait for {n2} {adjective2} {noun2}, we said {adverb}. {closer}"),
    }
}

/// An outlet's article about a story: what it writes, and what it plants.
struct Writer<'f> {
    facts: &'f Facts,
    rng: Rng,
    plant: Option<Plant>,
    published: Date,
    planted: Vec<(String, String)>,
}

impl<'f> Writer<'f> {
    fn new(facts: &'f Facts, seed: u64, plant: Option<Plant>) -> Writer<'f> {
        let mut rng = Rng::new(seed);
        // Within the event's month, so a story's figures share one period.
        let left = facts.event.last_of_month().day() - facts.event.day();
        let published = facts
            .event
            .checked_add(i64::from(left.min(rng.below(3) as i8)).days())
            .expect("the corpus dates stay within the calendar");
        Writer {
            facts,
            rng,
            plant,
            published,
            planted: Vec::new(),
        }
    }

    fn plants(&self, plant: Plant) -> bool {
        self.plant == Some(plant)
    }

    fn record(&mut self, rule: &str, text: &str) {
        self.planted.push((rule.to_string(), text.to_string()));
    }

    fn article(&mut self, corpus_seed: u64) -> String {
        let outlet = self.rng.pick(OUTLETS);
        let (headline, lede, mut body) = match self.facts.subject {
            Subject::Budget => self.budget(),
            Subject::Election => self.election(),
            Subject::Health => self.health(),
            Subject::Sport => self.sport(),
            Subject::Defense => self.defense(corpus_seed),
        };
        body.push(self.quote_paragraph(0));
        body.push(self.quote_paragraph(1));
        body.push(self.abroad());
        self.shuffle(&mut body);
        let reporter = format!("{} {}", self.rng.pick(FIRST_NAMES), self.rng.pick(SURNAMES));
        let mut out = format!(
            "---\ntitle: {headline}\nsource: {outlet}\ndate: {}\n---\n\n# {headline}\n\n*By {reporter}*\n\n{lede}\n",
            self.published
        );
        for paragraph in body {
            out.push('\n');
            out.push_str(&paragraph);
            out.push('\n');
        }
        out
    }

    /// The body keeps its first paragraph; the rest come in the outlet's order.
    fn shuffle(&mut self, body: &mut [String]) {
        for i in (2..body.len()).rev() {
            let j = 1 + self.rng.below(i);
            body.swap(i, j);
        }
    }

    /// "on Tuesday" within the week of publication, else "on March 4".
    fn when(&self) -> String {
        let days = (self.published - self.facts.event).get_days();
        if days < 6 {
            format!("on {}", weekday(self.facts.event.weekday()))
        } else {
            format!("on {}", self.facts.event.strftime("%B %-d"))
        }
    }

    /// The person as this outlet writes them, with a misspelling planted
    /// when the outlet has one.
    fn name(&mut self, who: usize) -> String {
        let person = &self.facts.people[who];
        if who == 0 && self.plants(Plant::Variant) {
            let variant = doubled(&person.last);
            let full = format!("{} {variant}", person.first);
            if self.planted.is_empty() {
                self.record("names/spelling", &variant);
            }
            return full;
        }
        person.full()
    }

    fn surname(&mut self, who: usize) -> String {
        let person = &self.facts.people[who];
        if who == 0 && self.plants(Plant::Variant) {
            return doubled(&person.last);
        }
        person.last.clone()
    }

    /// The principal's full name a second time, misspelt where planted.
    fn name_again(&mut self) -> String {
        let person = &self.facts.people[0];
        if self.plants(Plant::Misspelt) {
            let wrong = misspelt(&person.last);
            self.record("names/spelling", &wrong);
            return format!("{} {wrong}", person.first);
        }
        self.name(0)
    }

    fn quote_paragraph(&mut self, which: usize) -> String {
        let mut quote = self.facts.quotes[which].clone();
        if which == 0 && self.plants(Plant::Drift) {
            quote = and_then(&quote);
            self.record("quotes/drift", &quote);
        }
        // A speaker's surname spelled two ways (`Plant::Variant`) is one
        // speaker: the spelling is reported, not the quotation.
        let mut speaker = which;
        if which == 0 && self.plants(Plant::Speaker) {
            speaker = 1;
            self.record("quotes/speaker", &quote);
        }
        let name = self.name(speaker);
        let role = self.facts.people[speaker].role.clone();
        // Never split: half a quotation shares too much with other halves.
        // Before the attribution, the last full stop becomes a comma.
        let trailing = quote.strip_suffix('.').unwrap_or(&quote);
        match self.rng.below(3) {
            0 => format!("“{trailing},” said {name}, {role}."),
            1 => format!("“{trailing},” {name} told reporters."),
            _ => format!("{name} said: “{quote}”"),
        }
    }

    /// A paragraph about a place abroad, where the house-style spelling is planted.
    fn abroad(&mut self) -> String {
        const PLACES: [(&str, &str, &str); 5] = [
            ("Mumbai", "Bombay", "style/mumbai"),
            ("Beijing", "Peking", "style/beijing"),
            ("Kolkata", "Calcutta", "style/kolkata"),
            ("Chennai", "Madras", "style/chennai"),
            ("Eswatini", "Swaziland", "style/eswatini"),
        ];
        let facts = self.facts;
        let (good, bad, rule) = PLACES[(facts.seed % 5) as usize];
        let place = if self.plants(Plant::Style) && facts.subject != Subject::Defense {
            self.record(rule, bad);
            bad
        } else {
            good
        };
        let town = facts.town;
        match facts.subject {
            Subject::Sport => format!("The club has scouted widely this season, sending analysts to {place} and to a youth tournament in {}, and it plays a friendly abroad before the winter break.", facts.rival),
            Subject::Defense => format!("Diplomats from {place} and several Gulf states have offered to host further talks, though no date has been set and officials in {town} played down expectations."),
            _ => format!("Officials from {town} visited {place} in the spring to study how large cities organise the same work, and a delegation from {} is expected to follow them there.", facts.rival),
        }
    }

    fn budget(&mut self) -> (String, String, Vec<String>) {
        let f = self.facts;
        let mut r = Rng::new(derive(f.seed, 1));
        let total = r.between(12, 98) as f64 / 10.0;
        let previous = total - r.between(3, 9) as f64 / 10.0;
        let votes = (r.between(7, 11), r.between(2, 5));
        let years = r.between(3, 12);
        let jobs = r.between(80, 400);
        let rate = r.between(90, 160) as f64 / 100.0;
        let rise = r.between(2, 9) as f64 / 100.0;
        let police = r.between(300, 900);
        let parks = r.between(12, 60) as f64 / 2.0;
        let reserves = r.between(12, 40);
        let employees = r.between(40, 160) * 100;
        let raise = r.between(20, 45) as f64 / 10.0;
        let when = self.when();
        let mayor = self.name(0);
        let critic = self.name(1);
        let critic_surname = self.surname(1);
        let mayor_surname = self.surname(0);
        let mayor_again = self.name_again();
        let restated = if self.plants(Plant::Restated) {
            let wrong = format!("${:.1} billion", total + 0.4);
            self.record("figures/restated", &wrong);
            wrong
        } else {
            format!("${total:.1} billion")
        };
        let town = f.town;
        let headline =
            format!("{town} council passes ${total:.1}bn budget and raises property tax");
        let lede = format!("The {town} city council approved a ${total:.1}bn operating budget {when}, voting {} to {} to raise the property tax rate for the first time in {years} years and to add {jobs} jobs across city departments.", votes.0, votes.1);
        let body = vec![
            format!("The plan takes effect when the fiscal year begins on July 1. Officials said spending had grown from ${previous:.1} billion to ${total:.1} billion over four years, mostly because of pension contributions, insurance for city workers and the cost of running a larger bus fleet."),
            format!("Under the plan the property tax rate rises from {rate:.2} percent to {:.2} percent of assessed value, an increase of {rise:.2} percentage points. The finance department expects the change to bring in about ${} million a year.", rate + rise, r.between(20, 60)),
            format!("{mayor}, who proposed the increase in March, has said the city cannot keep drawing down its reserves, which fell by {reserves} percent over the past two years. {mayor_surname} told the council that the alternative was a hiring freeze across every department."),
            format!("Public safety remains the largest expense. The police department will receive ${police} million, and the city will hire {} new officers and {} paramedics for a station on the east side.", r.between(20, 90), r.between(10, 40)),
            format!("Parks will get ${parks:.1} million for maintenance, and libraries whose hours were cut two years ago will again open on Sundays at {} branches.", r.between(3, 12)),
            format!("{critic}, who voted against the plan, said the increase would fall hardest on older homeowners on fixed incomes. {critic_surname} backed an amendment that would have delayed the renovation of the city hall, but it failed by {} votes.", r.between(1, 3)),
            format!("The largest item outside public safety is transit. The city will spend ${} million on buses and the light-rail extension to the airport, and fares stay unchanged for a fourth year.", r.between(40, 200)),
            format!("Road repairs get ${} million, enough to resurface about {} miles of streets, according to the public works department, which has a long backlog of complaints about potholes on the north side.", r.between(10, 45), r.between(20, 90)),
            format!("Dozens of residents spoke during a public hearing that lasted more than {} hours. Some opposed the tax increase, while others urged the council to protect after-school programmes and the city's two public pools.", r.between(3, 6)),
            "The city's credit rating was affirmed by two agencies last year, and officials hope the plan will keep borrowing costs low as the city prepares to issue bonds for a new water treatment plant.".to_string(),
            format!("Unions representing about {} city employees have warned that the plan leaves little room for raises. The largest of them is seeking a {raise:.1} percent raise in each of the next three years.", thousands(employees)),
            format!("{mayor_again} is expected to sign the plan within days. The {restated} operating budget is the largest in the city's history, and state law requires the city to certify it with the county assessor within 15 days of adoption."),
        ];
        (headline, lede, body)
    }

    fn election(&mut self) -> (String, String, Vec<String>) {
        let f = self.facts;
        let mut r = Rng::new(derive(f.seed, 2));
        let winner = r.between(480, 580) as f64 / 10.0;
        let loser = 97.0 - winner - r.between(0, 20) as f64 / 10.0;
        let turnout = r.between(450, 720) as f64 / 10.0;
        let votes = r.between(18, 160) * 1000 + r.between(100, 999);
        let margin = r.between(1200, 9800);
        let precincts = r.between(60, 240);
        let polls = r.between(2, 6);
        let spending = r.between(12, 90) as f64 / 10.0;
        let when = self.when();
        let winner_name = self.name(0);
        let winner_surname = self.surname(0);
        let winner_again = self.name_again();
        let runner_up = self.name(1);
        let runner_surname = self.surname(1);
        let restated = if self.plants(Plant::Restated) {
            let wrong = format!("{:.1} percent", turnout + 3.0);
            self.record("figures/restated", &wrong);
            wrong
        } else {
            format!("{turnout:.1} percent")
        };
        let town = f.town;
        let headline = format!("{winner_surname} wins {town} mayoral race as turnout climbs");
        let lede = format!("{winner_name} won the race for mayor of {town} {when}, taking {winner:.1}% of the vote against {loser:.1}% for {runner_up}, according to unofficial results released by the county clerk.");
        let body = vec![
            format!("{winner_surname} received {} votes and led by {} votes with all {precincts} precincts reporting. The county will certify the result within two weeks.", thousands(votes), thousands(margin)),
            format!("The {turnout:.1} percent turnout was the highest for a city election in two decades, election officials said, after a campaign dominated by housing costs and the future of the bus network."),
            format!("Polls in the final week had shown the race within {polls} points. {runner_surname} conceded shortly before midnight and called {winner_surname} to offer congratulations."),
            format!("The two campaigns and outside groups spent about ${spending:.1} million on the race, a record for {town}, according to filings with the state ethics commission."),
            format!("{winner_again} will take office in January and has promised to publish a housing plan within her first hundred days. The {restated} turnout was a clear mandate for the new mayor, supporters said."),
            format!("Voters also approved a measure to extend library hours and rejected a proposal to move city elections to even-numbered years, by {} votes to {}.", thousands(r.between(20, 40) * 1000 + r.between(0, 999)), thousands(r.between(10, 19) * 1000 + r.between(0, 999))),
            format!("Election officials said {} ballots had been cast before election day, and lines at several polling places stretched around the block after work.", thousands(r.between(8, 60) * 1000 + r.between(0, 999))),
            format!("{winner_surname}'s campaign focused on rents and on a promise to build {} affordable homes within four years, while {runner_surname} ran on her record as a watchdog of city spending.", r.between(8, 40) * 100),
            "Turnout was highest in the northern wards and lowest near the university, where students had been asked to vote at a new polling place, the clerk's office said.".to_string(),
            "The new mayor inherits a city under financial strain, a police contract that expires next summer and a transit agency that wants to cut evening service.".to_string(),
            format!("{runner_surname}, a former school board member, said the campaign had brought new volunteers into local politics and that she would stay involved in the debate over rents."),
        ];
        (headline, lede, body)
    }

    fn health(&mut self) -> (String, String, Vec<String>) {
        let f = self.facts;
        let mut r = Rng::new(derive(f.seed, 3));
        let wing = r.between(18, 240);
        let beds = r.between(40, 220);
        let wait = r.between(3, 14);
        let vaccinated = r.between(61, 93);
        let nurses = r.between(60, 400);
        let distance = r.between(12, 85);
        let heat = r.between(33, 41);
        let when = self.when();
        let chief = self.name(0);
        let chief_surname = self.surname(0);
        let chief_again = self.name_again();
        let union = self.name(1);
        let restated = if self.plants(Plant::Restated) {
            let wrong = format!("${} million", wing + 12);
            self.record("figures/restated", &wrong);
            wrong
        } else {
            format!("${wing} million")
        };
        let town = f.town;
        let headline = format!("{town} hospital to add {beds} beds in ${wing}m emergency wing");
        let lede = format!("The health authority in {town} will build a ${wing} million emergency wing with {beds} beds, {chief} announced {when}, after a winter in which patients waited up to {wait} hours for a bed.");
        let body = vec![
            format!("The ${wing} million emergency wing is due to open in two years. The authority said it would hire {nurses} nurses over the same period and reopen a closed ward at the old infirmary."),
            format!("Ambulance crews in the district cover up to {distance} kilometres to reach the nearest emergency department, and the new wing is meant to shorten those journeys for patients in outlying villages."),
            format!("{chief_surname} said the authority had reached {vaccinated} percent of children with routine vaccinations this year, and that the flu season had been shorter than the last."),
            format!("{union} welcomed the plan but said staffing had to come first. Nurses worked through a heatwave in July, when temperatures on some wards reached {heat}C."),
            format!("{chief_again} said construction would begin in the spring. The {restated} emergency wing will be built next to the main entrance, on land the authority already owns."),
            format!("Emergency departments across the region have struggled since the pandemic. At the main hospital, the average wait for a bed rose to {} hours last winter, and some patients were treated in corridors.", r.between(5, 16)),
            format!("The authority will also spend ${} million on scanners and other equipment, and it has asked the regional government to share the cost of training new staff.", r.between(4, 30)),
            "Staff at the hospital have voted twice in two years on strike action over pay, though both ballots fell short of the turnout the law requires.".to_string(),
            format!("A review published in the spring found that {} percent of ambulance handovers took longer than an hour, against a target of none. Patients' groups said the authority should also publish how long people wait to see a family doctor.", r.between(8, 35)),
            format!("The authority runs {} clinics and {} hospitals across the district, and it plans to publish waiting times for each of them every month from next year.", r.between(8, 30), r.between(2, 6)),
        ];
        (headline, lede, body)
    }

    fn sport(&mut self) -> (String, String, Vec<String>) {
        let f = self.facts;
        let mut r = Rng::new(derive(f.seed, 4));
        let goals = (r.between(1, 4), r.between(0, 1));
        let crowd = r.between(80, 520) * 100;
        let fee = r.between(4, 60);
        let points = r.between(30, 70);
        let possession = r.between(51, 68);
        let distance = r.between(105, 121);
        let when = self.when();
        let coach = self.name(0);
        let coach_surname = self.surname(0);
        let coach_again = self.name_again();
        let captain = self.name(1);
        let restated = if self.plants(Plant::Restated) {
            let wrong = format!("€{} million", fee + 5);
            self.record("figures/restated", &wrong);
            wrong
        } else {
            format!("€{fee} million")
        };
        let (town, rival) = (f.town, f.rival);
        let headline = format!(
            "{town} beat {rival} {}-{} to stay in the title race",
            goals.0, goals.1
        );
        let lede = format!("{town} beat {rival} {}-{} {when} in front of a crowd of {} at their home ground, keeping alive their hopes of a first league title in a generation.", goals.0, goals.1, thousands(crowd));
        let body = vec![
            format!("The home side had {possession} percent of possession and ran a combined {distance} kilometres, according to the league's tracking data. {coach_surname} made three changes at half-time."),
            format!("The winning goal came from the striker signed in the summer for a fee of €{fee}m. The €{fee} million striker has now scored in four games running."),
            format!("{coach}, who took over in the summer, has lost only twice this season. The side has {points} points from {} games and sits {} points behind the leaders.", r.between(20, 30), r.between(1, 6)),
            format!("{captain} said the dressing room had believed the title was possible since the autumn. The squad travels for two away games before the winter break."),
            format!("{coach_again} defended the club's spending after the match. The {restated} striker was signed to score goals like these, the coach said, and the board had backed the decision."),
            format!("Both sides had chances in a scrappy first half. The visitors hit the post after {} minutes, and the home goalkeeper made two saves from close range before the break.", r.between(5, 40)),
            format!("The club's average attendance this season is {}, up from last year, and the board has approved plans to add {} seats to the stadium.", thousands(crowd - r.between(5, 30) * 100), thousands(r.between(20, 80) * 100)),
            "The visitors' coach said his side had been undone by set pieces and that the referee had missed a foul in the build-up to the second goal.".to_string(),
            format!("The top of the table is tight: {} points separate the first four clubs with {} games left, and the leaders play away at the champions next weekend.", r.between(3, 8), r.between(6, 14)),
            format!("Tickets for the next home game sold out within {} hours, the club said, and it is considering a request to add temporary seating behind one goal.", r.between(2, 9)),
        ];
        (headline, lede, body)
    }

    fn defense(&mut self, corpus_seed: u64) -> (String, String, Vec<String>) {
        const DONORS: [(&str, &str); 3] = [
            ("Germany", "€"),
            ("the European Union", "€"),
            ("Britain", "£"),
        ];
        let f = self.facts;
        let mut r = Rng::new(derive(f.seed, 5));
        let (donor, currency) = DONORS[r.below(DONORS.len())];
        // A donor's package in a month is one figure, whichever story reports it.
        let month = i64::from(self.published.year()) * 12 + i64::from(self.published.month());
        let mut monthly = Rng::new(derive(corpus_seed, month as u64 * 8 + donor.len() as u64));
        let package = monthly.between(4, 40) as f64 / 10.0;
        let coalition = r.between(40, 58);
        let ratio = r.between(3, 8);
        let substations = r.between(12, 90);
        let invasion_months = months_between(Date::constant(2022, 2, 24), self.published);
        let nato = nato_members(self.published);
        let when = self.when();
        let minister = self.name(0);
        let minister_surname = self.surname(0);
        let minister_again = self.name_again();
        let adviser = self.name(1);
        let city = ["Kyiv", "Kharkiv", "Odesa", "Lviv", "Dnipro", "Mykolaiv"][r.below(6)];
        let mut facts_text = (
            format!("{invasion_months}-month-old"),
            nato.to_string(),
            "on Feb. 24, 2022".to_string(),
        );
        let mut second_count = coalition;
        let mut second_ratio = ratio;
        if self.plants(Plant::Fact) {
            match r.below(3) {
                0 => {
                    facts_text.0 = format!("{}-month-old", invasion_months.saturating_sub(9));
                    self.record("ukraine/war-age", &facts_text.0);
                }
                1 => {
                    facts_text.1 = (nato - 1).to_string();
                    self.record("ukraine/nato-members", &format!("{} members", facts_text.1));
                }
                _ => {
                    facts_text.2 = "on Feb. 22, 2022".to_string();
                    self.record("ukraine/war-start", &facts_text.2);
                }
            }
        }
        if self.plants(Plant::Figure) {
            if r.chance(50) {
                second_count = coalition + 4;
                self.record(
                    "ukraine/coalition-size",
                    &format!("{second_count} countries"),
                );
            } else {
                second_ratio = ratio + 3;
                self.record("ukraine/troop-ratio", &format!("{second_ratio} to 1"));
            }
        }
        let mut place = city.to_string();
        if self.plants(Plant::Style) {
            let (avoided, rule) = match city {
                "Kyiv" => ("Kiev", "ukraine/style-kyiv"),
                "Kharkiv" => ("Kharkov", "ukraine/style-kharkiv"),
                "Odesa" => ("Odessa", "ukraine/style-odesa"),
                "Lviv" => ("Lvov", "ukraine/style-lviv"),
                "Dnipro" => ("Dnepr", "ukraine/style-dnipro"),
                _ => ("Nikolaev", "ukraine/style-mykolaiv"),
            };
            self.record(rule, avoided);
            place = avoided.to_string();
        }
        let aid = if self.plants(Plant::Restated) {
            let wrong = format!("{currency}{:.1} billion", package + 0.5);
            self.record("ukraine/aid-total", &wrong);
            wrong
        } else {
            format!("{currency}{package:.1} billion")
        };
        let (war_age, nato_count, invaded) = facts_text;
        let headline =
            format!("{donor} pledges {currency}{package:.1}bn in air defence aid for Ukraine");
        let lede = format!("{donor} pledged {currency}{package:.1}bn in military aid to Ukraine {when}, most of it for air defence systems, as Russian strikes on power plants intensified ahead of the cold months.");
        let mut body = vec![
            format!("{minister}, {}, said the first deliveries would arrive within weeks. {minister_surname} thanked {donor} and said the systems would protect {place} and other cities from missile and drone attacks.", f.people[0].role),
            format!("The coalition of {coalition} countries backing Ukraine meets again next month. Officials expect the coalition, now {second_count} countries strong, to discuss long-range weapons and training."),
            format!("Russia invaded {invaded}, and the {war_age} war has settled into grinding battles in the east. Russian forces outnumber Ukrainian troops {ratio} to 1 along parts of the front, commanders say."),
            format!("Near Pokrovsk, commanders say Russian troops outnumber their units {second_ratio} to 1 on some days, though the gap is narrower elsewhere on the front."),
            format!("Air raid alerts sounded across the country overnight. Officials said {} drones and {} missiles had been launched, and that most of them were shot down.", r.between(20, 140), r.between(3, 30)),
            "The new systems come on top of training courses for Ukrainian crews in several European countries, where instructors say the courses have been shortened to a few weeks.".to_string(),
            "Energy officials said rolling blackouts could return if the strikes continue, and they urged households to cut consumption during the evening peak.".to_string(),
            format!("Russia controls about {} percent of Ukraine's territory, according to estimates by military analysts, and talks on a ceasefire remain stalled.", r.between(17, 20)),
            format!("{adviser} said repair crews had restored {substations} substations since the last wave of strikes. {minister_again} said the {aid} package from {donor} would arrive before the coldest weeks."),
        ];
        // In the months NATO grew, sources a week apart rightly differ on
        // its size, and the month-wide comparison between sources would
        // report them: those months leave NATO's size out unless it is planted.
        let grew = matches!(
            self.published.strftime("%Y-%m").to_string().as_str(),
            "2023-04" | "2024-03"
        );
        if !grew
            || self
                .planted
                .iter()
                .any(|(rule, _)| rule == "ukraine/nato-members")
        {
            body.push(format!("NATO's {nato_count} members have pledged to keep supplying Ukraine, and several allies announced training missions for Ukrainian pilots this year."));
        }
        (headline, lede, body)
    }
}

/// The quotation with "And" opening its second sentence: a word added in transcription.
fn and_then(quote: &str) -> String {
    let Some((first, rest)) = quote.split_once(". ") else {
        return format!("And {quote}");
    };
    let mut rest = rest.chars();
    let lowered: String = rest
        .next()
        .map(|c| c.to_lowercase().chain(rest).collect())
        .unwrap_or_default();
    format!("{first}. And {lowered}")
}

/// 41200 → "41,200".
fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// The surname with one interior vowel changed: Okafor → Okafur. The last
/// letter stays, so the misspelling never looks like an inflection.
fn misspelt(name: &str) -> String {
    let chars: Vec<char> = name.chars().collect();
    let at = (1..chars.len() - 1)
        .rev()
        .find(|&i| "aeiou".contains(chars[i]))
        .unwrap_or(chars.len() - 1);
    let swap = match chars[at] {
        'a' => 'e',
        'e' => 'a',
        'i' => 'e',
        'o' => 'u',
        _ => 'o',
    };
    chars
        .iter()
        .enumerate()
        .map(|(i, &c)| if i == at { swap } else { c })
        .collect()
}

/// The surname with its last interior consonant doubled: Okafor → Okaffor.
fn doubled(name: &str) -> String {
    let chars: Vec<char> = name.chars().collect();
    let at = (1..chars.len() - 1)
        .rev()
        .find(|&i| {
            !"aeiou".contains(chars[i]) && chars[i] != chars[i + 1] && chars[i] != chars[i - 1]
        })
        .unwrap_or(1);
    let mut out: String = chars[..=at].iter().collect();
    out.extend(&chars[at..]);
    out
}

fn weekday(day: Weekday) -> &'static str {
    match day {
        Weekday::Monday => "Monday",
        Weekday::Tuesday => "Tuesday",
        Weekday::Wednesday => "Wednesday",
        Weekday::Thursday => "Thursday",
        Weekday::Friday => "Friday",
        Weekday::Saturday => "Saturday",
        Weekday::Sunday => "Sunday",
    }
}

/// Whole months from `start` to `end`.
fn months_between(start: Date, end: Date) -> i32 {
    let months = (i32::from(end.year()) - i32::from(start.year())) * 12 + i32::from(end.month())
        - i32::from(start.month());
    months - i32::from(end.day() < start.day())
}

/// NATO's membership on `day`, for the dates the corpus covers.
fn nato_members(day: Date) -> i32 {
    if day >= Date::constant(2024, 3, 7) {
        32
    } else if day >= Date::constant(2023, 4, 4) {
        31
    } else {
        30
    }
}
