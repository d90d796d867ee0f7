//! `claimlint.yaml` (or `.claimlint.yaml`): a project's settings, found by
//! walking up from the current directory, or named with `--config`. It says
//! which rule files to load, which rules to turn off or on, severities,
//! `fail-on`, and the outlet and date of files that carry none. Errors in it
//! are diagnostics pointing at the YAML line, like rule-file errors.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use clap::ValueEnum;
use serde::Deserialize;

use crate::document::Meta;
use crate::error::parse_date;
use crate::rules::{id_matches as matches, Check, Rule, RuleError, RuleSet, Severity, StyleRule};

pub const FILE_NAMES: [&str; 2] = ["claimlint.yaml", ".claimlint.yaml"];

/// When `check` exits with 1.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum FailOn {
    Error,
    Warning,
    Info,
    /// Exit 0 whatever is found.
    Never,
}

impl FailOn {
    pub fn threshold(self) -> Option<Severity> {
        match self {
            FailOn::Error => Some(Severity::Error),
            FailOn::Warning => Some(Severity::Warning),
            FailOn::Info => Some(Severity::Info),
            FailOn::Never => None,
        }
    }
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct ConfigSpec {
    rules: Option<Vec<String>>,
    default_rules: Option<bool>,
    enable: Option<Vec<String>>,
    disable: Option<Vec<String>>,
    severity: Option<BTreeMap<String, Severity>>,
    fail_on: Option<FailOn>,
    source: Option<String>,
    date: Option<String>,
    house_style: Option<BTreeMap<String, Vec<String>>>,
}

/// A loaded configuration.
#[derive(Debug, Default)]
pub struct Config {
    /// The file it came from.
    pub path: Option<PathBuf>,
    raw: String,
    /// Rule files and folders, relative to the configuration's folder.
    pub rules: Vec<PathBuf>,
    /// Whether the built-in pack is loaded too.
    pub default_rules: bool,
    enable: Vec<String>,
    disable: Vec<String>,
    severity: BTreeMap<String, Severity>,
    pub fail_on: Option<FailOn>,
    /// Outlet and date for files that give none.
    pub defaults: Meta,
    /// House-style choices: preferred form → forms to avoid.
    house_style: BTreeMap<String, Vec<String>>,
}

impl Config {
    /// The configuration named on the command line, else the first
    /// `claimlint.yaml` or `.claimlint.yaml` from `start` upwards, else none.
    pub fn find(explicit: Option<&Path>, start: &Path) -> Result<Config, RuleError> {
        if let Some(path) = explicit {
            return Config::load(path);
        }
        for dir in start.ancestors() {
            for name in FILE_NAMES {
                let candidate = dir.join(name);
                if candidate.is_file() {
                    return Config::load(&candidate);
                }
            }
        }
        Ok(Config {
            default_rules: true,
            ..Config::default()
        })
    }

    pub fn load(path: &Path) -> Result<Config, RuleError> {
        let raw = crate::rules::read_rule_file(path)?;
        let spec: ConfigSpec = if raw.trim().is_empty() {
            ConfigSpec::default()
        } else {
            serde_yaml::from_str(&raw).map_err(|err| crate::rules::yaml_error(path, &raw, &err))?
        };
        let at = |needle: &str, message: String| {
            let offset = raw.find(needle).unwrap_or(0);
            RuleError::at(path, &raw, offset, needle.len().max(1), message, None)
        };
        let base = path.parent().unwrap_or(Path::new(""));
        let date =
            match &spec.date {
                Some(text) => Some(parse_date(text).ok_or_else(|| {
                    at(text, format!("`{text}` is not a date in YYYY-MM-DD form"))
                })?),
                None => None,
            };
        let rules: Vec<PathBuf> = spec.rules.iter().flatten().map(|r| base.join(r)).collect();
        Ok(Config {
            path: Some(path.to_path_buf()),
            default_rules: spec.default_rules.unwrap_or(rules.is_empty()),
            rules,
            enable: spec.enable.unwrap_or_default(),
            disable: spec.disable.unwrap_or_default(),
            severity: spec.severity.unwrap_or_default(),
            fail_on: spec.fail_on,
            defaults: Meta {
                source: spec.source,
                date,
            },
            house_style: spec.house_style.unwrap_or_default(),
            raw,
        })
    }

    /// Adds the house-style choices, turns rules off and on and overrides
    /// severities. A pattern that
    /// names no loaded rule is an error: it is a typo, not a no-op.
    pub fn apply(&self, rules: &mut RuleSet) -> Result<(), Vec<RuleError>> {
        let mut errors = Vec::new();
        let path = self.path.clone().unwrap_or_default();
        for (prefer, avoid) in &self.house_style {
            match house_style_rule(prefer, avoid, &path) {
                Ok(rule) => {
                    // The newsroom's choice replaces pack rules that avoid it.
                    rules.rules.retain(|r| match &r.check {
                        Check::Style(style) => !style.avoid.is_match(prefer),
                        _ => true,
                    });
                    rules.rules.push(rule);
                }
                Err(message) => {
                    let offset = self.raw.find(prefer.as_str()).unwrap_or(0);
                    errors.push(RuleError::at(
                        &path,
                        &self.raw,
                        offset,
                        prefer.len().max(1),
                        message,
                        None,
                    ));
                }
            }
        }
        let unknown = |pattern: &str| {
            let offset = self.raw.find(pattern).unwrap_or(0);
            RuleError::at(
                &path,
                &self.raw,
                offset,
                pattern.len().max(1),
                format!("no loaded rule matches `{pattern}`"),
                Some(
                    "`claimlint rules` lists the loaded rules; `group/*` names a whole group"
                        .into(),
                ),
            )
        };
        let patterns = self
            .enable
            .iter()
            .chain(&self.disable)
            .chain(self.severity.keys());
        for pattern in patterns {
            if !rules.rules.iter().any(|r| matches(pattern, &r.id)) {
                errors.push(unknown(pattern));
            }
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        rules.rules.retain(|r| {
            let enabled = self.enable.is_empty() || self.enable.iter().any(|p| matches(p, &r.id));
            enabled && !self.disable.iter().any(|p| matches(p, &r.id))
        });
        for rule in &mut rules.rules {
            // The most specific pattern wins: an id over its group.
            if let Some((_, severity)) = self
                .severity
                .iter()
                .filter(|(p, _)| matches(p, &rule.id))
                .max_by_key(|(p, _)| p.len())
            {
                rule.severity = *severity;
            }
        }
        Ok(())
    }
}

/// A house-style rule from a `house-style:` choice of the configuration.
fn house_style_rule(prefer: &str, avoid: &[String], origin: &Path) -> Result<Rule, String> {
    let style = StyleRule::new(prefer, avoid, &[], false)
        .map_err(|e| format!("house style `{prefer}`: {}", e.message))?;
    let slug: String = prefer
        .to_lowercase()
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { '-' })
        .collect();
    let quoted: Vec<String> = avoid.iter().map(|a| format!("\"{a}\"")).collect();
    Ok(Rule {
        id: format!("house-style/{slug}"),
        severity: Severity::Warning,
        summary: format!("Use \"{prefer}\", not {}", quoted.join(" or ")),
        description: Some("A house-style choice made in the configuration.".to_string()),
        example: Some(format!("... {} ...", avoid[0])),
        help: format!("write `{prefer}`"),
        origin: origin.to_path_buf(),
        check: Check::Style(style),
    })
}

/// The starter file `claimlint init` writes.
pub const STARTER: &str = r#"# claimlint configuration. claimlint finds this file by walking up from
# the current directory; `claimlint check --config FILE` names another.

# Rule files or folders, relative to this file. Without `rules`, the
# built-in pack is used; with it, set `default-rules: true` to keep it too.
# rules: [rules/]
# default-rules: true

# Turn rules off, or keep only some. `group/*` names a whole group;
# `claimlint rules` lists them.
# disable: [ukraine/*]
# enable: [names/*, quotes/*, figures/*]

# Severity overrides: error, warning or info.
# severity:
#   quotes/speaker: error
#   names/*: info

# When `check` exits with 1: error, warning (default), info or never.
fail-on: warning

# House-style choices: the preferred form and the forms to avoid. A choice
# replaces built-in rules that avoid the preferred form.
# house-style:
#   Kyiv: [Kiev]
#   percent: [per cent]

# Outlet and publication date for files with no front matter and no
# sources.yaml entry (YYYY-MM-DD).
# source: Example Daily
# date: 2024-06-12
"#;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn group_patterns() {
        assert!(matches("names/*", "names/spelling"));
        assert!(!matches("name/*", "names/spelling"));
        assert!(matches("names/spelling", "names/spelling"));
        assert!(!matches("names", "names/spelling"));
    }

    #[test]
    fn the_starter_parses() {
        let spec: ConfigSpec = serde_yaml::from_str(STARTER).expect("the starter is valid YAML");
        assert_eq!(spec.fail_on, Some(FailOn::Warning));
    }
}
