//! Turning the paths on the command line into the list of articles to read.
//! Folders are walked with the `ignore` crate (so `.gitignore` is respected
//! and hidden files are skipped) and sorted, so output order is stable.
//! Symbolic links, pipes and devices named like articles are listed, so that
//! reading them reports what they are; links to folders are not followed.

use std::path::{Path, PathBuf};

use rayon::slice::ParallelSliceMut;

use crate::document::Format;
use crate::error::InputError;

/// The path that stands for standard input.
pub const STDIN: &str = "-";

/// The articles named by `paths`, and the errors for paths that name none.
pub fn articles(paths: &[PathBuf]) -> (Vec<PathBuf>, Vec<InputError>) {
    let mut files = Vec::new();
    let mut errors = Vec::new();
    for path in paths {
        if path.as_os_str() == STDIN {
            files.push(path.clone());
            continue;
        }
        match std::fs::metadata(path) {
            Err(err) => errors.push(InputError::io(path, err)),
            Ok(meta) if meta.is_dir() => {
                let found = walk(path, &mut errors);
                if found.is_empty() {
                    errors.push(InputError::NoArticles { path: path.clone() });
                }
                files.extend(found);
            }
            Ok(_) => files.push(path.clone()),
        }
    }
    (files, errors)
}

fn walk(dir: &Path, errors: &mut Vec<InputError>) -> Vec<PathBuf> {
    let mut found = Vec::new();
    for entry in ignore::WalkBuilder::new(dir).follow_links(false).build() {
        match entry {
            Ok(entry) => {
                // Anything but a folder named like an article is listed, so
                // reading it reports a dangling or looping link or a pipe
                // instead of skipping it; links are never followed into
                // folders, so a loop cannot trap the walk.
                let listed = entry.file_type().is_some_and(|t| !t.is_dir());
                if listed && Format::from_path(entry.path()).is_some() {
                    found.push(entry.into_path());
                }
            }
            Err(err) => errors.push(InputError::Io {
                path: dir.to_path_buf(),
                source: std::io::Error::other(err.to_string()),
            }),
        }
    }
    // Paths compare component by component: on a large folder, sorting
    // them is most of the walk, and it divides across the threads.
    found.par_sort_unstable();
    found
}
