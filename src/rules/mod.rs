//! Rules: the YAML files that say what to cross-check, loaded, validated and
//! compiled into [`Rule`]s. The default pack (`rules/` in the repository) is
//! built into the binary, so `claimlint check` works anywhere.

mod compile;
mod error;
pub mod schema;
pub mod topic;

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

use jiff::civil::Date;
use rustc_hash::{FxHashMap, FxHashSet};

use crate::extract::{Claim, Kind};
pub use compile::yaml_error;
pub use error::RuleError;
pub use schema::{Period, QuoteCheck, RuleType, Severity};
pub use topic::{FirstWords, Haystack, PhraseSet, Topic};

/// Rule files larger than this are refused before they are parsed.
pub const MAX_RULE_FILE_BYTES: u64 = 4 * 1024 * 1024;

/// The default pack, as shipped in `rules/`.
const DEFAULT_PACK: &[(&str, &str)] = &[
    (
        "rules/general.yaml",
        include_str!("../../rules/general.yaml"),
    ),
    (
        "rules/ukraine.yaml",
        include_str!("../../rules/ukraine.yaml"),
    ),
];

/// One loaded rule.
#[derive(Debug)]
pub struct Rule {
    pub id: String,
    pub severity: Severity,
    pub summary: String,
    pub description: Option<String>,
    pub example: Option<String>,
    /// What the editor should verify.
    pub help: String,
    /// The rule file it came from.
    pub origin: PathBuf,
    pub check: Check,
}

impl Rule {
    pub fn rule_type(&self) -> RuleType {
        match self.check {
            Check::Figure(_) => RuleType::FigureAgreement,
            Check::Fact(_) => RuleType::ReferenceFact,
            Check::Quote(_) => RuleType::QuoteFidelity,
            Check::Name(_) => RuleType::NameConsistency,
            Check::Style(_) => RuleType::HouseStyle,
        }
    }
}

/// What a rule checks, by type.
#[derive(Debug)]
pub enum Check {
    Figure(FigureRule),
    Fact(FactRule),
    Quote(QuoteRule),
    Name(NameRule),
    Style(StyleRule),
}

/// Which claims a figure rule looks at: kinds, units and topic.
#[derive(Debug)]
pub struct Scope {
    pub kinds: Vec<Kind>,
    /// Unit → the unit it is compared as; empty means any unit. Looked
    /// up for every claim under every figure rule, so hashed the fast way.
    pub units: FxHashMap<String, String>,
    pub topic: Topic,
}

impl Scope {
    /// The unit a claim is compared in, or `None` when the rule ignores it.
    pub fn unit_of<'a>(&'a self, kind: Kind, unit: Option<&'a str>) -> Option<&'a str> {
        if !self.kinds.contains(&kind) {
            return None;
        }
        if self.units.is_empty() {
            return Some(unit.unwrap_or(""));
        }
        self.units.get(unit?).map(String::as_str)
    }
}

/// The claims that a set of rules reads: every claim of some kinds, and
/// claims of other kinds only in some units. Told as the articles are
/// read, so that a large run holds in memory only the claims it checks.
#[derive(Debug, Default)]
pub struct ClaimsRead {
    /// Kinds read whatever their unit, a bit each (`1 << kind`).
    every_unit: u16,
    /// Kinds read whatever their unit when they have a subject (the rules
    /// that tell figures apart by subject read no others).
    with_subject: u16,
    /// Kinds read whatever their unit when they have one (a rule pairing
    /// figures by their digits reads no others).
    with_unit: u16,
    /// For each kind, the units it is read in when not in every unit.
    some_units: [FxHashSet<String>; Kind::ALL.len()],
}

impl ClaimsRead {
    pub fn keeps(&self, claim: &Claim) -> bool {
        let kind = claim.kind as usize;
        self.every_unit & (1 << kind) != 0
            || (self.with_subject & (1 << kind) != 0 && claim.subject().is_some())
            || (self.with_unit & (1 << kind) != 0 && claim.unit.is_some())
            || claim
                .unit
                .as_deref()
                .is_some_and(|unit| self.some_units[kind].contains(unit))
    }

    fn add_kind(&mut self, kind: Kind) {
        self.every_unit |= 1 << kind as usize;
    }

    /// The claims [`Scope::unit_of`] takes.
    fn add_scope(&mut self, scope: &Scope) {
        for &kind in &scope.kinds {
            if scope.units.is_empty() {
                self.add_kind(kind);
            } else {
                let units = &mut self.some_units[kind as usize];
                units.extend(scope.units.keys().cloned());
            }
        }
    }
}

/// How far apart two values may be and still agree.
#[derive(Clone, Copy, Debug, Default)]
pub struct Tolerance {
    pub relative: f64,
    pub absolute: f64,
    pub days: f64,
}

#[derive(Debug)]
pub struct FigureRule {
    pub scope: Scope,
    pub actors: Option<Names>,
    pub qualifiers: Option<Names>,
    pub tolerance: Tolerance,
    pub period: Period,
    /// The subject phrase, not an actor, tells quantities apart.
    pub by_subject: bool,
    /// Figures are compared between articles on the same story, by the
    /// head of their subject, and not within an article.
    pub same_story: bool,
    /// Figures are keyed by the head noun of their subject, and two
    /// disagree only when one could be the other restated wrongly: within a
    /// factor of two, beside no different names. Always so with `same_story`.
    pub head_noun: bool,
    /// Figures are compared whatever their subjects, only when their digits
    /// are the same but two neighbouring ones swapped.
    pub swapped_digits: bool,
}

/// A set of phrases, each standing for a canonical name.
#[derive(Debug)]
pub struct Names {
    pub phrases: PhraseSet,
    /// Lowercased phrase (spaces collapsed) → canonical name.
    pub canonical: HashMap<String, String>,
}

impl Names {
    /// The canonical name of a matched phrase.
    pub fn canonical(&self, matched: &str) -> Option<&str> {
        let key = normalize_phrase(matched);
        self.canonical.get(&key).map(String::as_str).or_else(|| {
            // A phrase with a trailing `*` matched a longer word.
            self.canonical
                .iter()
                .filter(|(phrase, _)| key.starts_with(phrase.as_str()))
                .max_by_key(|(phrase, _)| phrase.len())
                .map(|(_, name)| name.as_str())
        })
    }
}

pub fn normalize_phrase(text: &str) -> String {
    text.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
        .trim_end_matches('*')
        .to_string()
}

#[derive(Debug)]
pub struct FactRule {
    pub scope: Scope,
    pub fact: Fact,
    pub tolerance: Tolerance,
}

#[derive(Debug)]
pub enum Fact {
    /// Values from dates on, sorted by date.
    Timeline(Vec<(Date, f64)>),
    /// The day an event happened.
    Event(Date),
}

impl Fact {
    /// The value in force on `day`, or `None` before the timeline starts.
    pub fn value_on(timeline: &[(Date, f64)], day: Date) -> Option<f64> {
        timeline
            .iter()
            .rev()
            .find(|(from, _)| *from <= day)
            .map(|(_, v)| *v)
    }
}

#[derive(Debug)]
pub struct QuoteRule {
    pub check: QuoteCheck,
    pub min_words: usize,
    pub similarity: f64,
}

#[derive(Debug)]
pub struct NameRule {
    pub min_length: usize,
    /// Lowercased name → the `allow` groups it is in.
    pub allow: HashMap<String, Vec<usize>>,
    pub corpus_severity: Severity,
}

impl NameRule {
    /// Whether two lowercased names are listed together as distinct.
    pub fn allows(&self, a: &str, b: &str) -> bool {
        match (self.allow.get(a), self.allow.get(b)) {
            (Some(ga), Some(gb)) => ga.iter().any(|g| gb.contains(g)),
            _ => false,
        }
    }
}

#[derive(Debug)]
pub struct StyleRule {
    pub prefer: String,
    pub avoid: PhraseSet,
    /// The first word of each avoided form, as written: an article holding
    /// none of them holds no avoided form.
    pub avoid_first_words: Vec<String>,
    pub except: Option<PhraseSet>,
    pub in_quotes: bool,
}

/// Why a house-style rule cannot be built, and where: the field and the
/// text in it that is wrong.
#[derive(Debug)]
pub struct StyleError {
    pub field: &'static str,
    pub needle: String,
    pub message: String,
    pub help: Option<String>,
}

impl StyleRule {
    /// A house-style rule, from a rule file or a configuration's choice.
    /// Avoided forms match with their capitals; `except` phrases in any case
    /// ("chicken Kiev" is as fixed a phrase as "Chicken Kiev").
    pub fn new(
        prefer: &str,
        avoid: &[String],
        except: &[String],
        in_quotes: bool,
    ) -> Result<StyleRule, StyleError> {
        let error = |field, needle: &str, message: String| StyleError {
            field,
            needle: needle.to_string(),
            message,
            help: None,
        };
        if avoid.is_empty() {
            return Err(error(
                "avoid",
                "avoid",
                "list the forms to avoid (`avoid` is empty, so the rule could never match)".into(),
            ));
        }
        if let Some(same) = avoid.iter().find(|a| a.trim() == prefer.trim()) {
            return Err(error(
                "avoid",
                same,
                format!("`{same}` is both preferred and avoided"),
            ));
        }
        let patterns = |field: &'static str, list: &[String]| {
            if list.iter().any(|p| topic::is_blank(p)) {
                return Err(error(
                    field,
                    field,
                    format!("an empty phrase in `{field}` would match everywhere"),
                ));
            }
            PhraseSet::new(list, field == "except").map_err(|err| StyleError {
                help: Some(err),
                ..error(field, field, format!("`{field}` does not compile"))
            })
        };
        // Avoided forms match as written, so their first words do too.
        let avoid_first_words = avoid
            .iter()
            .map(|phrase| topic::first_word(phrase).to_string())
            .collect();
        let avoid = patterns("avoid", avoid)?
            .ok_or_else(|| error("avoid", "avoid", "`avoid` is empty".into()))?;
        Ok(StyleRule {
            prefer: prefer.to_string(),
            avoid,
            avoid_first_words,
            except: patterns("except", except)?,
            in_quotes,
        })
    }
}

/// Whether a rule pattern names `id`: `group/*` every rule of the group,
/// anything else one id.
pub fn id_matches(pattern: &str, id: &str) -> bool {
    match pattern.strip_suffix("/*") {
        Some(group) => id
            .strip_prefix(group)
            .is_some_and(|rest| rest.starts_with('/')),
        None => pattern == id,
    }
}

/// The loaded rules, in file order.
#[derive(Debug, Default)]
pub struct RuleSet {
    pub rules: Vec<Rule>,
}

impl RuleSet {
    /// What the rules read: the claims in their scopes; every date for a
    /// figure rule (a figure is dated by the dates around it); every
    /// quotation for a quote rule, and for a house-style rule (which may
    /// leave quoted words alone). Name rules read the text, not claims.
    pub fn claims_read(&self) -> ClaimsRead {
        let mut read = ClaimsRead::default();
        for rule in &self.rules {
            match &rule.check {
                Check::Figure(figure) if figure.by_subject && figure.scope.units.is_empty() => {
                    for &kind in &figure.scope.kinds {
                        read.with_subject |= 1 << kind as usize;
                    }
                    read.add_kind(Kind::Date);
                }
                Check::Figure(figure) if figure.swapped_digits && figure.scope.units.is_empty() => {
                    for &kind in &figure.scope.kinds {
                        read.with_unit |= 1 << kind as usize;
                    }
                    read.add_kind(Kind::Date);
                }
                Check::Figure(figure) => {
                    read.add_scope(&figure.scope);
                    read.add_kind(Kind::Date);
                }
                Check::Fact(fact) => read.add_scope(&fact.scope),
                Check::Quote(_) | Check::Style(_) => read.add_kind(Kind::Quote),
                Check::Name(_) => {}
            }
        }
        read
    }

    /// The default pack built into the binary.
    pub fn default_pack() -> Result<RuleSet, Vec<RuleError>> {
        let files = DEFAULT_PACK
            .iter()
            .map(|(path, raw)| (PathBuf::from(path), (*raw).to_string()));
        RuleSet::from_files(files)
    }

    /// Rules from files and folders of `*.yaml` / `*.yml` files, after the
    /// default pack when `with_default_pack`. Every file is read and every
    /// error reported, not just the first.
    pub fn load(paths: &[PathBuf], with_default_pack: bool) -> Result<RuleSet, Vec<RuleError>> {
        let mut errors = Vec::new();
        let mut files: Vec<(PathBuf, String)> = Vec::new();
        if with_default_pack {
            files.extend(
                DEFAULT_PACK
                    .iter()
                    .map(|(path, raw)| (PathBuf::from(path), (*raw).to_string())),
            );
        }
        for path in paths {
            match rule_files(path) {
                Ok(found) => {
                    for file in found {
                        match read_rule_file(&file) {
                            Ok(raw) => files.push((file, raw)),
                            Err(err) => errors.push(err),
                        }
                    }
                }
                Err(err) => errors.push(err),
            }
        }
        match RuleSet::from_files(files) {
            Ok(set) if errors.is_empty() => Ok(set),
            Ok(_) => Err(errors),
            Err(more) => {
                errors.extend(more);
                Err(errors)
            }
        }
    }

    fn from_files(
        files: impl IntoIterator<Item = (PathBuf, String)>,
    ) -> Result<RuleSet, Vec<RuleError>> {
        let mut errors = Vec::new();
        let mut rules: Vec<Rule> = Vec::new();
        let mut seen: BTreeMap<String, PathBuf> = BTreeMap::new();
        for (path, raw) in files {
            match compile::file(&path, &raw) {
                Ok(compiled) => {
                    for (rule, id_offset) in compiled {
                        if let Some(first) = seen.get(&rule.id) {
                            errors.push(RuleError::at(
                                &path,
                                &raw,
                                id_offset,
                                rule.id.len(),
                                format!("duplicate rule id `{}`", rule.id),
                                Some(format!(
                                    "`{}` is already defined in {}; ids must be unique",
                                    rule.id,
                                    first.display()
                                )),
                            ));
                            continue;
                        }
                        seen.insert(rule.id.clone(), path.clone());
                        rules.push(rule);
                    }
                }
                Err(errs) => errors.extend(errs),
            }
        }
        if errors.is_empty() {
            Ok(RuleSet { rules })
        } else {
            Err(errors)
        }
    }

    pub fn get(&self, id: &str) -> Option<&Rule> {
        self.rules.iter().find(|r| r.id == id)
    }
}

fn rule_files(path: &Path) -> Result<Vec<PathBuf>, RuleError> {
    let meta = std::fs::metadata(path).map_err(|source| RuleError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    if !meta.is_dir() {
        return Ok(vec![path.to_path_buf()]);
    }
    let entries = std::fs::read_dir(path).map_err(|source| RuleError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    let mut files: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.is_file() && p.extension().is_some_and(|e| e == "yaml" || e == "yml"))
        .collect();
    files.sort();
    if files.is_empty() {
        return Err(RuleError::NoRules {
            path: path.to_path_buf(),
        });
    }
    Ok(files)
}

/// Reads a rule file, refusing oversized ones without reading past the limit.
pub(crate) fn read_rule_file(path: &Path) -> Result<String, RuleError> {
    read_capped(path, MAX_RULE_FILE_BYTES)
}

/// Reads a UTF-8 file of claimlint's own (rules, configuration, baseline)
/// without holding more than `limit` bytes of it.
pub(crate) fn read_capped(path: &Path, limit: u64) -> Result<String, RuleError> {
    use std::io::Read;
    let io = |source| RuleError::Io {
        path: path.to_path_buf(),
        source,
    };
    let file = std::fs::File::open(path).map_err(io)?;
    let too_large = |size| RuleError::TooLarge {
        path: path.to_path_buf(),
        size,
        limit,
    };
    if let Some(size) = file.metadata().ok().map(|m| m.len()).filter(|&n| n > limit) {
        return Err(too_large(size));
    }
    let mut bytes = Vec::new();
    file.take(limit + 1).read_to_end(&mut bytes).map_err(io)?;
    if bytes.len() as u64 > limit {
        // The file grew while it was read.
        return Err(too_large(bytes.len() as u64));
    }
    String::from_utf8(bytes).map_err(|_| {
        io(std::io::Error::new(
            std::io::ErrorKind::InvalidData,
            "the file is not valid UTF-8",
        ))
    })
}
