//! From a parsed rule file to [`Rule`]s: every field checked against the
//! rule's type, every phrase and regex compiled, every unit checked against
//! the units claims are reported in. Errors point into the YAML.

use std::collections::HashMap;
use std::path::Path;

use rayon::prelude::*;
use rustc_hash::FxHashMap;

use super::schema::{Period, RuleFile, RuleSpec, RuleType, TimelineEntry, TopicSpec, UnitSpec};
use super::topic::{self, PhraseSet, Topic};
use super::{
    normalize_phrase, Check, Fact, FactRule, FigureRule, NameRule, Names, QuoteRule, Rule,
    RuleError, Scope, StyleRule, Tolerance,
};
use crate::error::parse_date;
use crate::extract::{units, Kind};

const DEFAULT_WINDOW: usize = 12;
const MAX_WINDOW: usize = 200;

/// The rules of one file, each with the byte offset of its id.
pub fn file(path: &Path, raw: &str) -> Result<Vec<(Rule, usize)>, Vec<RuleError>> {
    // Syntax first: a typed parse would report a mis-indented key as a
    // missing field, somewhere else.
    serde_yaml::from_str::<serde_yaml::Value>(raw)
        .map_err(|err| vec![yaml_error(path, raw, &err)])?;
    let parsed: RuleFile =
        serde_yaml::from_str(raw).map_err(|err| vec![yaml_error(path, raw, &err)])?;
    let layout = Layout::new(raw);
    // Compiling the phrase regexes is most of loading a pack: rules are
    // compiled in parallel, and kept in file order.
    let compiled: Vec<Result<(Rule, usize), RuleError>> = parsed
        .rules
        .into_par_iter()
        .enumerate()
        .map(|(index, spec)| {
            let start = layout.ids.get(index).copied().unwrap_or(0);
            let end = layout.ids.get(index + 1).copied().unwrap_or(raw.len());
            let here = Here {
                path,
                raw,
                layout: &layout,
                start,
                end,
            };
            rule(spec, &here).map(|rule| (rule, start))
        })
        .collect();
    let mut errors = Vec::new();
    let mut rules = Vec::new();
    for result in compiled {
        match result {
            Ok(rule) => rules.push(rule),
            Err(err) => errors.push(err),
        }
    }
    if errors.is_empty() {
        Ok(rules)
    } else {
        Err(errors)
    }
}

/// A YAML syntax or type error, at the place serde_yaml reports.
pub fn yaml_error(path: &Path, raw: &str, err: &serde_yaml::Error) -> RuleError {
    let offset = err.location().map_or(0, |l| l.index());
    let message = err.to_string();
    // serde_yaml appends " at line L column C" to the error it points at; the
    // diagnostic shows that position already. Later positions stay.
    let message = match err.location() {
        Some(l) => message.replacen(
            &format!(" at line {} column {}", l.line(), l.column()),
            "",
            1,
        ),
        None => message,
    };
    RuleError::at(
        path,
        raw,
        offset,
        1,
        message,
        Some("see docs/rules.md for the rule file format".to_string()),
    )
}

/// A line of the rule file that starts with `key:`.
struct KeyLine<'a> {
    key: &'a str,
    /// Offset of the key, and its column (indentation, list dashes included).
    offset: usize,
    column: usize,
    value: usize,
}

fn key_lines(raw: &str) -> Vec<KeyLine<'_>> {
    let mut keys = Vec::new();
    let mut line_start = 0;
    for line in raw.split_inclusive('\n') {
        let trimmed = line.trim_start_matches([' ', '\t', '-']);
        let column = line.len() - trimmed.len();
        let key_len = trimmed
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == '_'))
            .unwrap_or(trimmed.len());
        let after = trimmed[key_len..].trim_start_matches([' ', '\t']);
        if key_len > 0 && after.starts_with(':') {
            let value = &after[1..];
            keys.push(KeyLine {
                key: &trimmed[..key_len],
                offset: line_start + column,
                column,
                value: line_start + line.len() - value.trim_start().len(),
            });
        }
        line_start += line.len();
    }
    keys
}

/// Where the YAML holds rules: each rule's `id:` value and the byte ranges
/// of prose (summaries, descriptions, examples, help), where a word that
/// happens to match is never what an error is about.
struct Layout<'a> {
    ids: Vec<usize>,
    keys: Vec<KeyLine<'a>>,
    prose: Vec<(usize, usize)>,
}

impl<'a> Layout<'a> {
    fn new(raw: &'a str) -> Layout<'a> {
        let all = key_lines(raw);
        let mut prose = Vec::new();
        for (i, key) in all.iter().enumerate() {
            if matches!(key.key, "summary" | "description" | "example" | "help") {
                let end = all[i + 1..]
                    .iter()
                    .find(|k| k.column <= key.column)
                    .map_or(raw.len(), |k| k.offset);
                prose.push((key.value, end));
            }
        }
        let in_prose = |offset: usize| prose.iter().any(|&(s, e)| s <= offset && offset < e);
        let keys: Vec<KeyLine> = all.into_iter().filter(|k| !in_prose(k.offset)).collect();
        let id_column = keys.iter().find(|k| k.key == "id").map(|k| k.column);
        let ids = keys
            .iter()
            .filter(|k| k.key == "id" && Some(k.column) == id_column)
            .map(|k| k.value)
            .collect();
        Layout { ids, keys, prose }
    }

    fn in_prose(&self, offset: usize) -> bool {
        self.prose.iter().any(|&(s, e)| s <= offset && offset < e)
    }
}

/// Where one rule sits in its file, for pointing errors at it.
struct Here<'a> {
    path: &'a Path,
    raw: &'a str,
    layout: &'a Layout<'a>,
    start: usize,
    end: usize,
}

impl Here<'_> {
    /// An error at the first `needle` of this rule outside its prose, else at its id.
    fn error(&self, needle: &str, message: String, help: Option<String>) -> RuleError {
        let found = self.occurrences(self.start, needle).next();
        self.error_at(found, needle, message, help)
    }

    /// An error at the first `needle` in the value of `field`.
    fn error_in(
        &self,
        field: &str,
        needle: &str,
        message: String,
        help: Option<String>,
    ) -> RuleError {
        let found = self.in_field(field, needle).next();
        self.error_at(found, needle, message, help)
    }

    /// An error at the last `needle` in the value of `field`: the repeat, not the original.
    fn error_at_last(
        &self,
        field: &str,
        needle: &str,
        message: String,
        help: Option<String>,
    ) -> RuleError {
        let found = self.in_field(field, needle).last();
        self.error_at(found, needle, message, help)
    }

    /// Where `needle` stands from `field`'s key on (from the rule's id if
    /// the key is not found).
    fn in_field<'n>(&'n self, field: &str, needle: &'n str) -> impl Iterator<Item = usize> + 'n {
        let from = self.key(field).unwrap_or(self.start);
        self.occurrences(from, needle)
    }

    fn key(&self, field: &str) -> Option<usize> {
        self.layout
            .keys
            .iter()
            .find(|k| k.key == field && self.start <= k.offset && k.offset < self.end)
            .map(|k| k.offset)
    }

    fn occurrences<'n>(&'n self, from: usize, needle: &'n str) -> impl Iterator<Item = usize> + 'n {
        let end = self.end.max(from);
        self.raw[from..end]
            .match_indices(needle)
            .map(move |(i, _)| from + i)
            .filter(move |&at| !needle.is_empty() && !self.layout.in_prose(at))
    }

    fn error_at(
        &self,
        found: Option<usize>,
        needle: &str,
        message: String,
        help: Option<String>,
    ) -> RuleError {
        let (offset, len) = found.map_or((self.start, 1), |at| (at, needle.len()));
        RuleError::at(self.path, self.raw, offset, len, message, help)
    }
}

fn rule(spec: RuleSpec, here: &Here) -> Result<Rule, RuleError> {
    let valid_id = !spec.id.is_empty()
        && spec.id.split('/').all(|part| {
            !part.is_empty()
                && part
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        });
    if !valid_id {
        return Err(here.error(
            &spec.id,
            format!("rule id `{}` is not of the form `group/name`", spec.id),
            Some(
                "ids are lowercase words with hyphens, grouped with `/`: `ukraine/aid-total`"
                    .into(),
            ),
        ));
    }
    refuse_foreign_fields(&spec, here)?;
    let check = match spec.kind {
        RuleType::FigureAgreement => Check::Figure(figure(&spec, here)?),
        RuleType::ReferenceFact => Check::Fact(fact(&spec, here)?),
        RuleType::QuoteFidelity => Check::Quote(quote(&spec, here)?),
        RuleType::NameConsistency => Check::Name(name(&spec, here)?),
        RuleType::HouseStyle => Check::Style(style(&spec, here)?),
    };
    let help = spec.help.clone().unwrap_or_else(|| match &spec.prefer {
        Some(prefer) if spec.kind == RuleType::HouseStyle => format!("write `{prefer}`"),
        _ => default_help(spec.kind).to_string(),
    });
    Ok(Rule {
        id: spec.id,
        severity: spec.severity,
        summary: spec.summary,
        description: spec.description,
        example: spec.example,
        help,
        origin: here.path.to_path_buf(),
        check,
    })
}

fn default_help(kind: RuleType) -> &'static str {
    match kind {
        RuleType::FigureAgreement => "check which figure is right, or say in the copy why they differ (different dates, scope or source)",
        RuleType::ReferenceFact => "check the figure against the record, or update the rule's reference table if the record is out of date",
        RuleType::QuoteFidelity => "check the quotation against the original statement or recording",
        RuleType::NameConsistency => "check which spelling is right and use it throughout",
        RuleType::HouseStyle => "use the house-style form",
    }
}

/// Fields that belong to other rule types are an error, not ignored.
fn refuse_foreign_fields(spec: &RuleSpec, here: &Here) -> Result<(), RuleError> {
    use RuleType::*;
    let fields: [(&str, bool, &[RuleType]); 22] = [
        (
            "kinds",
            spec.kinds.is_some(),
            &[FigureAgreement, ReferenceFact],
        ),
        (
            "units",
            spec.units.is_some(),
            &[FigureAgreement, ReferenceFact],
        ),
        (
            "topic",
            spec.topic.is_some(),
            &[FigureAgreement, ReferenceFact],
        ),
        (
            "tolerance",
            spec.tolerance.is_some(),
            &[FigureAgreement, ReferenceFact],
        ),
        ("actors", spec.actors.is_some(), &[FigureAgreement]),
        ("qualifiers", spec.qualifiers.is_some(), &[FigureAgreement]),
        ("period", spec.period.is_some(), &[FigureAgreement]),
        ("by-subject", spec.by_subject.is_some(), &[FigureAgreement]),
        ("same-story", spec.same_story.is_some(), &[FigureAgreement]),
        ("head-noun", spec.head_noun.is_some(), &[FigureAgreement]),
        (
            "swapped-digits",
            spec.swapped_digits.is_some(),
            &[FigureAgreement],
        ),
        ("timeline", spec.timeline.is_some(), &[ReferenceFact]),
        ("date", spec.date.is_some(), &[ReferenceFact]),
        ("check", spec.check.is_some(), &[QuoteFidelity]),
        ("min-words", spec.min_words.is_some(), &[QuoteFidelity]),
        ("similarity", spec.similarity.is_some(), &[QuoteFidelity]),
        ("min-length", spec.min_length.is_some(), &[NameConsistency]),
        ("allow", spec.allow.is_some(), &[NameConsistency]),
        (
            "corpus-severity",
            spec.corpus_severity.is_some(),
            &[NameConsistency],
        ),
        ("prefer", spec.prefer.is_some(), &[HouseStyle]),
        ("avoid", spec.avoid.is_some(), &[HouseStyle]),
        (
            "except",
            spec.except.is_some() || spec.in_quotes.is_some(),
            &[HouseStyle],
        ),
    ];
    for (field, present, types) in fields {
        if present && !types.contains(&spec.kind) {
            let owners: Vec<&str> = types.iter().map(|t| t.name()).collect();
            return Err(here.error(
                &format!("{field}:"),
                format!("`{field}` has no meaning in a {} rule", spec.kind.name()),
                Some(format!(
                    "`{field}` belongs to {} rules; remove it or change the type",
                    owners.join(" and ")
                )),
            ));
        }
    }
    Ok(())
}

fn required<'a, T>(
    value: &'a Option<T>,
    field: &str,
    spec: &RuleSpec,
    here: &Here,
) -> Result<&'a T, RuleError> {
    value.as_ref().ok_or_else(|| {
        here.error(
            "",
            format!("a {} rule needs `{field}`", spec.kind.name()),
            Some("see docs/rules.md for each rule type's fields".into()),
        )
    })
}

fn scope(spec: &RuleSpec, here: &Here, allowed: &[Kind]) -> Result<Scope, RuleError> {
    let kind_names = required(&spec.kinds, "kinds", spec, here)?;
    if kind_names.is_empty() {
        return Err(here.error(
            "kinds:",
            "`kinds` is empty, so the rule could never match".into(),
            None,
        ));
    }
    let mut kinds = Vec::new();
    for name in kind_names {
        let kind = Kind::from_name(name)
            .filter(|k| allowed.contains(k))
            .ok_or_else(|| {
                let names: Vec<&str> = allowed.iter().map(|k| k.name()).collect();
                here.error(
                    name,
                    format!(
                        "`{name}` is not a claim kind a {} rule can check",
                        spec.kind.name()
                    ),
                    Some(format!("use one of: {}", names.join(", "))),
                )
            })?;
        kinds.push(kind);
    }
    let mut units = FxHashMap::default();
    for entry in spec.units.iter().flatten() {
        let same: Vec<&String> = match entry {
            UnitSpec::One(unit) => vec![unit],
            UnitSpec::Same(list) => list.iter().collect(),
        };
        let Some(canonical) = same.first() else {
            return Err(here.error("units:", "an empty list of units".into(), None));
        };
        for unit in &same {
            let fits = kinds.iter().any(|&k| units::check(k, unit).is_ok());
            if !fits {
                let reason = kinds
                    .iter()
                    .filter_map(|&k| units::check(k, unit).err())
                    .next()
                    .unwrap_or_default();
                return Err(here.error_in(
                    "units",
                    unit,
                    format!("unknown unit `{unit}`: {reason}"),
                    None,
                ));
            }
            units.insert((*unit).clone(), (*canonical).clone());
        }
    }
    let topic = compile_topic(spec.topic.as_ref(), here)?;
    Ok(Scope {
        kinds,
        units,
        topic,
    })
}

/// The phrases of a topic list, compiled; an empty phrase would match
/// everywhere, so it is an error.
fn phrases(list: &[String], field: &str, here: &Here) -> Result<Option<PhraseSet>, RuleError> {
    if list.iter().any(|phrase| topic::is_blank(phrase)) {
        return Err(here.error_in(
            field,
            field,
            format!("an empty phrase in `{field}` would match everywhere"),
            None,
        ));
    }
    PhraseSet::new(list, true).map_err(|err| {
        here.error(
            "topic:",
            "the topic's phrases do not compile".into(),
            Some(first_line(&err)),
        )
    })
}

fn compile_topic(spec: Option<&TopicSpec>, here: &Here) -> Result<Topic, RuleError> {
    let empty = TopicSpec::default();
    let spec = spec.unwrap_or(&empty);
    let keywords = phrases(&spec.keywords, "keywords", here)?;
    let patterns = spec
        .patterns
        .iter()
        .map(|pattern| {
            topic::build(pattern, true).map_err(|err| {
                here.error(
                    pattern,
                    "invalid regular expression".into(),
                    Some(first_line(&err)),
                )
            })
        })
        .collect::<Result<Vec<_>, _>>()?;
    let exclude = phrases(&spec.exclude, "exclude", here)?;
    let window = spec.window.unwrap_or(DEFAULT_WINDOW);
    if window == 0 || window > MAX_WINDOW {
        return Err(here.error(
            "window:",
            format!("`window` must be between 1 and {MAX_WINDOW} words"),
            None,
        ));
    }
    Ok(Topic {
        keywords,
        patterns,
        exclude,
        window,
    })
}

fn first_line(text: &str) -> String {
    text.lines().last().unwrap_or(text).trim().to_string()
}

fn names(
    map: &std::collections::BTreeMap<String, Vec<String>>,
    field: &str,
    case_insensitive: bool,
    here: &Here,
) -> Result<Option<Names>, RuleError> {
    let mut canonical = HashMap::new();
    let mut phrases = Vec::new();
    for (name, aliases) in map {
        for phrase in std::iter::once(name).chain(aliases) {
            if phrase.trim().is_empty() {
                return Err(here.error(
                    &format!("{field}:"),
                    format!("an empty phrase in `{field}`"),
                    None,
                ));
            }
            canonical.insert(normalize_phrase(phrase), name.clone());
            phrases.push(phrase.clone());
        }
    }
    // Longest first, so "Defense Department" wins over "Defense".
    phrases.sort_by_key(|p| std::cmp::Reverse(p.len()));
    let set = PhraseSet::new(&phrases, case_insensitive).map_err(|err| {
        here.error(
            &format!("{field}:"),
            format!("`{field}` does not compile"),
            Some(first_line(&err)),
        )
    })?;
    Ok(set.map(|phrases| Names { phrases, canonical }))
}

fn tolerance(spec: &RuleSpec, here: &Here) -> Result<Tolerance, RuleError> {
    let Some(t) = &spec.tolerance else {
        return Ok(Tolerance::default());
    };
    if let Some(r) = t.relative {
        if !(0.0..1.0).contains(&r) {
            return Err(here.error(
                "relative:",
                "`relative` is a fraction from 0 up to 1 (0.05 is 5%)".into(),
                None,
            ));
        }
    }
    if t.absolute.is_some_and(|a| a < 0.0 || !a.is_finite()) {
        return Err(here.error(
            "absolute:",
            "`absolute` must be a positive number".into(),
            None,
        ));
    }
    Ok(Tolerance {
        relative: t.relative.unwrap_or(0.0),
        absolute: t.absolute.unwrap_or(0.0),
        days: f64::from(t.days.unwrap_or(0)),
    })
}

const FIGURE_KINDS: [Kind; 8] = [
    Kind::Money,
    Kind::Percent,
    Kind::Count,
    Kind::Measure,
    Kind::Ratio,
    Kind::Duration,
    Kind::Score,
    Kind::Date,
];

fn figure(spec: &RuleSpec, here: &Here) -> Result<FigureRule, RuleError> {
    let scope = scope(spec, here, &FIGURE_KINDS)?;
    let tolerance = tolerance(spec, here)?;
    if tolerance.days > 0.0 && !scope.kinds.contains(&Kind::Date) {
        return Err(here.error(
            "days:",
            "`days` applies to dates, and the rule checks no dates".into(),
            None,
        ));
    }
    let swapped_digits = spec.swapped_digits.unwrap_or(false);
    if swapped_digits {
        let keyed_by = [
            ("by-subject", spec.by_subject == Some(true)),
            ("actors", spec.actors.is_some()),
            ("same-story", spec.same_story == Some(true)),
            ("head-noun", spec.head_noun == Some(true)),
            ("period", spec.period.is_some()),
            ("tolerance", spec.tolerance.is_some()),
        ];
        if let Some((key, _)) = keyed_by.iter().find(|(_, set)| *set) {
            return Err(here.error(
                &format!("{key}:"),
                format!(
                    "`swapped-digits` pairs figures by their digits alone, \
                     whatever their subject, actor, period or tolerance: drop `{key}`"
                ),
                None,
            ));
        }
    }
    if spec.by_subject == Some(true) && spec.actors.is_some() {
        return Err(here.error(
            "by-subject:",
            "`by-subject` and `actors` both say what tells figures apart; use one".into(),
            None,
        ));
    }
    let same_story = spec.same_story.unwrap_or(false);
    let head_noun = spec.head_noun.unwrap_or(false);
    for (key, set) in [("same-story", same_story), ("head-noun", head_noun)] {
        if set && spec.by_subject != Some(true) {
            return Err(here.error(
                &format!("{key}:"),
                format!("`{key}` compares figures by their subject: add `by-subject: true`"),
                None,
            ));
        }
    }
    let actors = match &spec.actors {
        Some(map) => names(map, "actors", true, here)?,
        None => None,
    };
    let qualifiers = match &spec.qualifiers {
        Some(map) => names(map, "qualifiers", true, here)?,
        None => None,
    };
    Ok(FigureRule {
        scope,
        actors,
        qualifiers,
        tolerance,
        period: spec.period.unwrap_or(Period::Month),
        by_subject: spec.by_subject.unwrap_or(false),
        same_story,
        head_noun: head_noun || same_story,
        swapped_digits,
    })
}

fn fact(spec: &RuleSpec, here: &Here) -> Result<FactRule, RuleError> {
    let tolerance = tolerance(spec, here)?;
    let fact = match (&spec.timeline, &spec.date) {
        (Some(_), Some(_)) => {
            return Err(here.error(
                "date:",
                "a reference fact has either a `timeline` or a `date`, not both".into(),
                None,
            ))
        }
        (None, None) => return Err(here.error(
            "",
            "a reference-fact rule needs a `timeline` (values over time) or a `date` (an event)"
                .into(),
            None,
        )),
        (Some(timeline), None) => Fact::Timeline(timeline_entries(timeline, here)?),
        (None, Some(date)) => Fact::Event(parse_date(date).ok_or_else(|| {
            here.error(
                date,
                format!("`{date}` is not a date in YYYY-MM-DD form"),
                None,
            )
        })?),
    };
    let allowed: &[Kind] = match fact {
        Fact::Timeline(_) => &FIGURE_KINDS[..7],
        Fact::Event(_) => &[Kind::Date, Kind::Duration],
    };
    let scope = scope(spec, here, allowed)?;
    if matches!(fact, Fact::Timeline(_)) && tolerance.days > 0.0 {
        return Err(here.error(
            "days:",
            "`days` applies to event dates, not to a timeline of values".into(),
            None,
        ));
    }
    Ok(FactRule {
        scope,
        fact,
        tolerance,
    })
}

fn timeline_entries(
    entries: &[TimelineEntry],
    here: &Here,
) -> Result<Vec<(jiff::civil::Date, f64)>, RuleError> {
    if entries.is_empty() {
        return Err(here.error("timeline:", "the timeline is empty".into(), None));
    }
    let mut out = Vec::with_capacity(entries.len());
    for entry in entries {
        let date = parse_date(&entry.from).ok_or_else(|| {
            here.error_at_last(
                "timeline",
                &entry.from,
                format!("`{}` is not a date in YYYY-MM-DD form", entry.from),
                None,
            )
        })?;
        if out.last().is_some_and(|(last, _)| *last >= date) {
            return Err(here.error_at_last(
                "timeline",
                &entry.from,
                "timeline dates must be in increasing order".into(),
                None,
            ));
        }
        out.push((date, entry.value));
    }
    Ok(out)
}

fn quote(spec: &RuleSpec, here: &Here) -> Result<QuoteRule, RuleError> {
    let check = *required(&spec.check, "check", spec, here)?;
    let similarity = spec.similarity.unwrap_or(0.75);
    if !(similarity > 0.0 && similarity <= 1.0) {
        return Err(here.error(
            "similarity:",
            "`similarity` is a fraction above 0 and at most 1".into(),
            None,
        ));
    }
    let min_words = spec.min_words.unwrap_or(5);
    // Quotations are indexed by three-word shingles: shorter ones never meet.
    if min_words < 3 {
        return Err(here.error("min-words:", "`min-words` must be at least 3".into(), None));
    }
    Ok(QuoteRule {
        check,
        min_words,
        similarity,
    })
}

fn name(spec: &RuleSpec, here: &Here) -> Result<NameRule, RuleError> {
    let mut allow: HashMap<String, Vec<usize>> = HashMap::new();
    for (index, group) in spec.allow.iter().flatten().enumerate() {
        if group.len() < 2 {
            return Err(here.error(
                "allow:",
                "each `allow` entry lists two or more names".into(),
                None,
            ));
        }
        for name in group {
            allow.entry(name.to_lowercase()).or_default().push(index);
        }
    }
    Ok(NameRule {
        min_length: spec.min_length.unwrap_or(7),
        allow,
        corpus_severity: spec.corpus_severity.unwrap_or(spec.severity),
    })
}

fn style(spec: &RuleSpec, here: &Here) -> Result<StyleRule, RuleError> {
    let prefer = required(&spec.prefer, "prefer", spec, here)?;
    let avoid = required(&spec.avoid, "avoid", spec, here)?;
    let except = spec.except.as_deref().unwrap_or_default();
    StyleRule::new(prefer, avoid, except, spec.in_quotes.unwrap_or(false)).map_err(|e| {
        here.error_in(
            e.field,
            &e.needle,
            e.message,
            e.help.map(|h| first_line(&h)),
        )
    })
}
