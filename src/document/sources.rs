//! `sources.yaml`: the outlet and publication date of files that have no
//! front matter, one line per file in the folder that holds them:
//!
//! ```yaml
//! 000_article.txt: {source: New York Post, date: 2024-06-12}
//! ```

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use serde::Deserialize;

use super::Meta;
use crate::error::{parse_date, InputError};
use crate::span::LineIndex;

pub const FILE_NAME: &str = "sources.yaml";

#[derive(Deserialize)]
struct Entry {
    source: Option<String>,
    date: Option<String>,
}

/// Each folder's `sources.yaml`, read once however many files ask for it,
/// over project-wide defaults (from `claimlint.yaml`).
#[derive(Default)]
pub struct SourcesCache {
    folders: Mutex<HashMap<PathBuf, Folder>>,
    defaults: Meta,
}

enum Folder {
    Listed(HashMap<String, Meta>),
    /// No sources.yaml, or one whose error has already been reported.
    Unlisted,
}

impl SourcesCache {
    /// A cache whose files fall back on `defaults` where `sources.yaml` is silent.
    pub fn with_defaults(defaults: Meta) -> SourcesCache {
        SourcesCache {
            defaults,
            ..SourcesCache::default()
        }
    }

    /// The metadata `sources.yaml` gives for `path`, if any. A broken
    /// `sources.yaml` is reported once, to the first file that asks.
    pub fn lookup(&self, path: &Path) -> Result<Meta, InputError> {
        let dir = path.parent().unwrap_or(Path::new("")).to_path_buf();
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default();
        let mut folders = self
            .folders
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        if !folders.contains_key(&dir) {
            let (folder, error) = match read_folder(&dir) {
                Ok(folder) => (folder, None),
                Err(err) => (Folder::Unlisted, Some(err)),
            };
            folders.insert(dir.clone(), folder);
            if let Some(err) = error {
                return Err(err);
            }
        }
        let listed = match folders.get(&dir) {
            Some(Folder::Listed(map)) => map.get(name).cloned().unwrap_or_default(),
            _ => Meta::default(),
        };
        Ok(self.defaults.clone().overridden_by(&listed))
    }
}

/// A `sources.yaml` is refused above this size: at about a hundred bytes an
/// entry, room for a million articles.
const MAX_SOURCES_BYTES: u64 = 128 * 1024 * 1024;

fn read_folder(dir: &Path) -> Result<Folder, InputError> {
    let path = dir.join(FILE_NAME);
    if let Ok(size) = std::fs::metadata(&path).map(|m| m.len()) {
        if size > MAX_SOURCES_BYTES {
            return Err(InputError::Sources {
                path,
                line: 1,
                message: format!("the file is {size} bytes, over the limit of {MAX_SOURCES_BYTES}"),
            });
        }
    }
    let raw = match std::fs::read_to_string(&path) {
        Ok(raw) => raw,
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => return Ok(Folder::Unlisted),
        Err(err) => return Err(InputError::io(&path, err)),
    };
    parse(&path, &raw).map(Folder::Listed)
}

fn parse(path: &Path, raw: &str) -> Result<HashMap<String, Meta>, InputError> {
    let lines = LineIndex::new(raw.as_bytes());
    let error = |line: usize, message: String| InputError::Sources {
        path: path.to_path_buf(),
        line,
        message,
    };
    let entries: BTreeMap<String, Entry> = serde_yaml::from_str(raw).map_err(|err| {
        let line = err.location().map_or(1, |l| l.line());
        error(line, err.to_string())
    })?;
    let mut map = HashMap::with_capacity(entries.len());
    for (name, entry) in entries {
        let date = match entry.date {
            None => None,
            Some(text) => Some(parse_date(&text).ok_or_else(|| {
                let line = raw.find(name.as_str()).map_or(1, |at| lines.line_of(at));
                error(
                    line,
                    format!("{name}: `date` is not a valid date in YYYY-MM-DD form: {text:?}"),
                )
            })?),
        };
        map.insert(
            name,
            Meta {
                source: entry.source,
                date,
            },
        );
    }
    Ok(map)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_the_seed_format() {
        let raw =
            "# comment\na.txt: {source: New York Post, date: 2024-06-12}\nb.txt: {source: TRT}\n";
        let map = parse(Path::new("sources.yaml"), raw).expect("the seed format parses");
        assert_eq!(map["a.txt"].source.as_deref(), Some("New York Post"));
        assert_eq!(
            map["a.txt"].date.map(|d| d.to_string()).as_deref(),
            Some("2024-06-12")
        );
        assert_eq!(map["b.txt"].date, None);
    }

    #[test]
    fn bad_date_names_the_line() {
        let raw = "a.txt: {date: 2024-06-12}\nb.txt: {date: June}\n";
        assert!(matches!(
            parse(Path::new("sources.yaml"), raw),
            Err(InputError::Sources { line: 2, .. })
        ));
    }
}
