//! The YAML rule file as written by people: plain serde structs that refuse
//! unknown keys, so a typo is an error with a line number, never a rule that
//! silently does nothing. `rules::compile` turns these into checkable rules.

use std::collections::BTreeMap;

use serde::Deserialize;

/// One rule file: a list of rules.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RuleFile {
    pub rules: Vec<RuleSpec>,
}

#[derive(Clone, Copy, Debug, Deserialize, PartialEq, Eq, PartialOrd, Ord)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Severity {
    pub fn name(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

/// One rule as written. Every type's fields live in this one struct so that
/// serde can refuse unknown keys with a line number; `rules::compile` then
/// checks that each rule sets what its type needs and nothing it ignores.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct RuleSpec {
    /// Stable identifier, `group/name`.
    pub id: String,
    #[serde(rename = "type")]
    pub kind: RuleType,
    pub severity: Severity,
    /// One line for `claimlint rules`.
    pub summary: String,
    /// The full explanation for `claimlint explain`.
    pub description: Option<String>,
    /// An example of text the rule flags.
    pub example: Option<String>,
    /// What the editor should verify; each type has a default.
    pub help: Option<String>,

    // Figures (figure-agreement, reference-fact).
    /// Claim kinds the rule looks at: money, percent, count, ...
    pub kinds: Option<Vec<String>>,
    /// Units, or lists of units that name the same thing (the first is shown).
    pub units: Option<Vec<UnitSpec>>,
    pub topic: Option<TopicSpec>,
    /// Names that tell one quantity from another (figure-agreement): the
    /// nearest one in the sentence is the figure's actor. Name → aliases.
    pub actors: Option<BTreeMap<String, Vec<String>>>,
    /// Cue words that make a figure a different quantity (figure-agreement):
    /// name → phrases ("remaining", "since", "new").
    pub qualifiers: Option<BTreeMap<String, Vec<String>>>,
    pub tolerance: Option<ToleranceSpec>,
    /// Across sources, figures without their own date are compared only
    /// with figures published in the same period (figure-agreement).
    pub period: Option<Period>,
    /// Figures are one quantity only when their subject phrases are the
    /// same ("the $4.2bn budget" / "the $4.5bn budget"), and only within an
    /// article unless `same-story` (figure-agreement).
    pub by_subject: Option<bool>,
    /// With `by-subject`: figures are compared between articles on the same
    /// story (leaning on the same names; see `check::story`) instead of
    /// within one.
    pub same_story: Option<bool>,
    /// With `by-subject`: figures are one quantity when their subjects
    /// share a head noun, and two of them disagree only when they could
    /// state one quantity (see `check::figures`). Implied by `same-story`.
    pub head_noun: Option<bool>,
    /// Figures are compared whatever their subjects, and two disagree
    /// when their digits are the same but two neighbouring ones swapped
    /// ("$12.4 billion" / "$14.2 billion"), within an article and between
    /// articles on one story (figure-agreement; see `check::swapped`).
    pub swapped_digits: Option<bool>,
    /// A figure that changed over time (reference-fact).
    pub timeline: Option<Vec<TimelineEntry>>,
    /// The day an event happened (reference-fact); dates naming it and
    /// durations counting from it ("the 26-month-old war") are checked.
    pub date: Option<String>,

    // Quotations (quote-fidelity).
    pub check: Option<QuoteCheck>,
    /// Shorter quotations are fragments, too common to compare.
    pub min_words: Option<usize>,
    /// Word-level similarity (0-1) from which two quotations are one.
    pub similarity: Option<f64>,

    // Names (name-consistency).
    /// Single names shorter than this are compared only beside a shared word.
    pub min_length: Option<usize>,
    /// Groups of distinct names that merely look alike.
    pub allow: Option<Vec<Vec<String>>>,
    /// Severity of a spelling that differs only between documents.
    pub corpus_severity: Option<Severity>,

    // House style (house-style).
    pub prefer: Option<String>,
    pub avoid: Option<Vec<String>>,
    /// Phrases where the avoided form is right ("Chicken Kiev").
    pub except: Option<Vec<String>>,
    /// Whether quotations are checked too (default: no, quotes stay verbatim).
    pub in_quotes: Option<bool>,
}

#[derive(Clone, Copy, Debug, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "kebab-case")]
pub enum RuleType {
    FigureAgreement,
    ReferenceFact,
    QuoteFidelity,
    NameConsistency,
    HouseStyle,
}

impl RuleType {
    pub fn name(self) -> &'static str {
        match self {
            RuleType::FigureAgreement => "figure-agreement",
            RuleType::ReferenceFact => "reference-fact",
            RuleType::QuoteFidelity => "quote-fidelity",
            RuleType::NameConsistency => "name-consistency",
            RuleType::HouseStyle => "house-style",
        }
    }
}

/// Words around a figure that say what it is about.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TopicSpec {
    /// Phrases, matched case-insensitively as whole words; a trailing `*`
    /// matches any ending ("mobili*").
    #[serde(default)]
    pub keywords: Vec<String>,
    /// Regular expressions (Rust `regex` syntax), for what phrases cannot say.
    #[serde(default)]
    pub patterns: Vec<String>,
    /// Phrases that veto the topic when they stand in the window.
    #[serde(default)]
    pub exclude: Vec<String>,
    /// How many words either side of the figure are searched, within its sentence.
    #[serde(default)]
    pub window: Option<usize>,
}

/// A unit, or a list of units that name the same thing (the first is shown).
#[derive(Debug, Deserialize)]
#[serde(untagged)]
pub enum UnitSpec {
    One(String),
    Same(Vec<String>),
}

/// How far apart two figures may be and still agree.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ToleranceSpec {
    /// A fraction of the larger value: 0.05 is 5%.
    #[serde(default)]
    pub relative: Option<f64>,
    /// In the claim's unit.
    #[serde(default)]
    pub absolute: Option<f64>,
    /// For dates and durations.
    #[serde(default)]
    pub days: Option<u32>,
}

/// How long a figure stays "the same figure" across sources.
#[derive(Clone, Copy, Debug, Default, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum Period {
    Day,
    Week,
    #[default]
    Month,
    Year,
    Any,
}

/// A value that held from a date on.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TimelineEntry {
    pub from: String,
    pub value: f64,
}

#[derive(Clone, Copy, Debug, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum QuoteCheck {
    /// The same quotation worded differently.
    Wording,
    /// The same quotation given to different speakers.
    Speaker,
}
