//! YAML front matter at the top of a Markdown article: `source:` and `date:`.

use std::path::Path;

use serde::Deserialize;

use super::Meta;
use crate::error::{parse_date, InputError};
use crate::span::LineIndex;

/// Front matter found at the top of a file.
pub struct FrontMatter {
    pub meta: Meta,
    /// Byte offset just past the closing `---` line: where the body starts.
    pub end: usize,
}

#[derive(Deserialize)]
struct Fields {
    source: Option<serde_yaml::Value>,
    date: Option<serde_yaml::Value>,
}

/// Reads front matter if the file starts with a `---` line.
pub fn read(path: &Path, raw: &str) -> Result<Option<FrontMatter>, InputError> {
    let Some((yaml_start, yaml_end, end)) = locate(raw) else {
        if starts_front_matter(raw) {
            return Err(InputError::FrontMatter {
                path: path.to_path_buf(),
                line: 1,
                message: "the `---` opened on line 1 is never closed".into(),
            });
        }
        return Ok(None);
    };
    let yaml = &raw[yaml_start..yaml_end];
    // Lines are counted only for an error: most front matter has none.
    let error = |offset: usize, message: String| InputError::FrontMatter {
        path: path.to_path_buf(),
        line: LineIndex::new(raw.as_bytes()).line_of(offset),
        message,
    };
    if yaml.trim().is_empty() {
        return Ok(Some(FrontMatter {
            meta: Meta::default(),
            end,
        }));
    }
    let fields = match plain_fields(yaml) {
        Some(fields) => fields,
        None => serde_yaml::from_str(yaml).map_err(|err| {
            let offset = err
                .location()
                .map_or(yaml_start, |l| yaml_start + l.index());
            error(offset, err.to_string())
        })?,
    };
    let key_offset = |key: &str| {
        yaml.lines()
            .scan(yaml_start, |at, line| {
                let here = *at;
                *at += line.len() + 1;
                Some((here, line))
            })
            .find(|(_, line)| line.trim_start().starts_with(key))
            .map_or(yaml_start, |(at, _)| at)
    };
    let source = match fields.source {
        None | Some(serde_yaml::Value::Null) => None,
        Some(serde_yaml::Value::String(s)) => Some(s),
        Some(_) => return Err(error(key_offset("source:"), "`source` must be text".into())),
    };
    let date = match fields.date {
        None | Some(serde_yaml::Value::Null) => None,
        Some(serde_yaml::Value::String(s)) => Some(parse_date(&s).ok_or_else(|| {
            error(
                key_offset("date:"),
                format!("`date` is not a valid date in YYYY-MM-DD form: {s:?}"),
            )
        })?),
        Some(other) => {
            return Err(error(
                key_offset("date:"),
                format!(
                    "`date` must be a date in YYYY-MM-DD form, not {}",
                    yaml_kind(&other)
                ),
            ))
        }
    };
    Ok(Some(FrontMatter {
        meta: Meta { source, date },
        end,
    }))
}

/// The fields of front matter written the way nearly all of it is: one
/// `key: value` a line, each value plain text that YAML reads as a string.
/// `None` for anything else (quotes, lists, comments, continued lines, a
/// repeated key, a value YAML could read as a number, boolean or null),
/// which serde_yaml reads instead: this is only a shortcut, and reads no
/// front matter differently. It is there because serde_yaml took more of
/// reading a Markdown article than anything else.
fn plain_fields(yaml: &str) -> Option<Fields> {
    let mut keys: Vec<&str> = Vec::new();
    let mut fields = Fields {
        source: None,
        date: None,
    };
    for line in yaml.split_terminator('\n') {
        let (key, value) = line.split_once(": ")?;
        if !is_plain_key(key) || keys.contains(&key) || !is_plain_text(value) {
            return None;
        }
        keys.push(key);
        let text = || Some(serde_yaml::Value::String(value.to_string()));
        match key {
            // Not a word YAML reads as another type, nor a number.
            "source"
                if !is_yaml_word(value) && !value.starts_with(|c: char| c.is_ascii_digit()) =>
            {
                fields.source = text();
            }
            "source" => return None,
            "date" if is_iso_date(value) => fields.date = text(),
            "date" => return None,
            _ => {}
        }
    }
    Some(fields)
}

/// A key of letters, digits, `_` and `-`, starting with a letter, and
/// short: YAML refuses a key over 1,024 characters, so long ones are left
/// to serde_yaml and its error.
fn is_plain_key(key: &str) -> bool {
    key.len() <= 64
        && key.starts_with(|c: char| c.is_ascii_alphabetic())
        && key
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
        && !is_yaml_word(key)
}

/// Null and the booleans as YAML writes them.
fn is_yaml_word(text: &str) -> bool {
    matches!(
        text,
        "null" | "Null" | "NULL" | "true" | "True" | "TRUE" | "false" | "False" | "FALSE"
    )
}

/// Text YAML takes as written on one line: starting with an ASCII letter
/// or digit or a non-ASCII character (no indicator such as a quote, `-`,
/// `&`, `!`), holding no comment,
/// no `: ` and no character YAML refuses or reads as a line break, and not
/// ending in a space or a colon.
fn is_plain_text(value: &str) -> bool {
    let printable = |c: char| {
        c == ' '
            || (c > ' '
                && !('\u{7f}'..='\u{9f}').contains(&c)
                && !matches!(
                    c,
                    '\u{2028}' | '\u{2029}' | '\u{feff}' | '\u{fffe}' | '\u{ffff}'
                ))
    };
    value.starts_with(|c: char| c.is_ascii_alphanumeric() || !c.is_ascii())
        && value.chars().all(|c| printable(c) && c != '#')
        && !value.contains(": ")
        && !value.ends_with([' ', ':'])
}

/// `YYYY-MM-DD`, which YAML reads as a string.
fn is_iso_date(value: &str) -> bool {
    let bytes = value.as_bytes();
    bytes.len() == 10
        && bytes.iter().enumerate().all(|(i, b)| match i {
            4 | 7 => *b == b'-',
            _ => b.is_ascii_digit(),
        })
}

fn yaml_kind(value: &serde_yaml::Value) -> &'static str {
    match value {
        serde_yaml::Value::Bool(_) => "a boolean",
        serde_yaml::Value::Number(_) => "a number",
        serde_yaml::Value::Sequence(_) => "a list",
        serde_yaml::Value::Mapping(_) => "a mapping",
        _ => "that value",
    }
}

fn starts_front_matter(raw: &str) -> bool {
    let first = raw.strip_prefix('\u{feff}').unwrap_or(raw).lines().next();
    first.is_some_and(|line| line.trim_end() == "---")
}

/// Finds `(yaml_start, yaml_end, body_start)` of a front matter block.
fn locate(raw: &str) -> Option<(usize, usize, usize)> {
    if !starts_front_matter(raw) {
        return None;
    }
    let first_len = raw.find('\n')? + 1;
    let yaml_start = first_len;
    let mut at = yaml_start;
    for line in raw[yaml_start..].split_inclusive('\n') {
        let trimmed = line.trim_end();
        if trimmed == "---" || trimmed == "..." {
            return Some((yaml_start, at, at + line.len()));
        }
        at += line.len();
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_source_and_date() {
        let raw = "---\ntitle: X\nsource: Daily Example\ndate: 2024-06-12\n---\nBody.\n";
        let front = read(Path::new("a.md"), raw)
            .expect("valid front matter")
            .expect("the file opens with front matter");
        assert_eq!(front.meta.source.as_deref(), Some("Daily Example"));
        assert_eq!(
            front.meta.date.map(|d| d.to_string()).as_deref(),
            Some("2024-06-12")
        );
        assert_eq!(&raw[front.end..], "Body.\n");
    }

    #[test]
    fn invalid_date_names_its_line() {
        let raw = "---\nsource: X\ndate: 2024-13-40\n---\nBody.\n";
        match read(Path::new("a.md"), raw) {
            Err(InputError::FrontMatter { line, message, .. }) => {
                assert_eq!(line, 3);
                assert!(message.contains("2024-13-40"), "{message}");
            }
            _ => panic!("expected a front matter error"),
        }
    }

    #[test]
    fn unclosed_front_matter_is_an_error() {
        assert!(matches!(
            read(Path::new("a.md"), "---\nsource: X\nno end\n"),
            Err(InputError::FrontMatter { line: 1, .. })
        ));
    }

    #[test]
    fn plain_front_matter_is_read_as_serde_yaml_reads_it() {
        let plain = [
            "title: Budget, explained\nsource: Daily Example\ndate: 2024-06-12\n",
            "title: 5 things\nsource: Le Monde diplomatique\n",
            "source: Ukrayinska Pravda — Київ\ndate: 2024-02-30\n",
            "author: A. N. Other\ntags: a, b [c]\nsource: CNN\n",
        ];
        let other = [
            "title: Budget: what it means\n",
            "source: 2024\n",
            "source: null\n",
            "source: TRUE\n",
            "source: 1e5\n",
            "date: 20240612\n",
            "date: June 12, 2024\n",
            "source: 'Quoted'\n",
            "source: X # a comment\n",
            "source: X\nsource: Y\n",
            "source: X\n  continued\n",
            "source:\n",
            "source: Ends with a colon:\n",
            "tags:\n  - a\n",
            "- a\n",
            "source: tab\there\n",
            "null: x\n",
            "\"source\": X\n",
        ];
        for yaml in plain.iter().chain(&other) {
            let fast = plain_fields(yaml).map(|f| (f.source, f.date));
            if let Some(fields) = &fast {
                let slow: Fields = serde_yaml::from_str(yaml).expect("valid YAML");
                assert_eq!(fields, &(slow.source, slow.date), "{yaml:?}");
            }
            assert_eq!(fast.is_some(), plain.contains(yaml), "{yaml:?}");
        }
        // YAML refuses a key this long; its error is serde_yaml's to give.
        assert!(plain_fields(&format!("{}: x\n", "a".repeat(1100))).is_none());
    }

    #[test]
    fn no_front_matter_is_fine() {
        assert!(matches!(
            read(Path::new("a.md"), "Just text.\n---\n"),
            Ok(None)
        ));
    }
}
