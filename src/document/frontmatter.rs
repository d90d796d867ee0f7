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
    let fields: Fields = serde_yaml::from_str(yaml).map_err(|err| {
        let offset = err
            .location()
            .map_or(yaml_start, |l| yaml_start + l.index());
        error(offset, err.to_string())
    })?;
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
    fn no_front_matter_is_fine() {
        assert!(matches!(
            read(Path::new("a.md"), "Just text.\n---\n"),
            Ok(None)
        ));
    }
}
