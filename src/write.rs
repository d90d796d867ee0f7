//! The only way claimlint writes a file (`init`'s claimlint.yaml,
//! `--write-baseline`): to a temporary file in the same folder, flushed to
//! disk, then renamed over the target. A failure at any point leaves the
//! original untouched and removes the temporary file.

use std::io::{self, Write};
use std::path::Path;

pub fn atomically(path: &Path, contents: &[u8]) -> io::Result<()> {
    atomically_with(path, |out| out.write_all(contents))
}

/// Like [`atomically`], with the contents written by `fill`; when `fill`
/// fails, the temporary file is removed and the target left as it was.
pub fn atomically_with(
    path: &Path,
    fill: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> io::Result<()> {
    let dir = match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    };
    let mut temp = tempfile::NamedTempFile::new_in(dir)?;
    fill(&mut temp)?;
    temp.as_file().sync_all()?;
    temp.persist(path).map_err(|err| err.error)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_the_file_whole() -> io::Result<()> {
        let dir = tempfile::tempdir()?;
        let path = dir.path().join("out.yaml");
        std::fs::write(&path, "old")?;
        atomically(&path, b"new")?;
        assert_eq!(std::fs::read_to_string(&path)?, "new");
        assert_eq!(std::fs::read_dir(dir.path())?.count(), 1);
        Ok(())
    }

    #[test]
    fn a_failed_write_leaves_the_original() -> io::Result<()> {
        let dir = tempfile::tempdir()?;
        let path = dir.path().join("out.yaml");
        std::fs::write(&path, "old")?;
        // The target's folder does not exist: nothing is written anywhere.
        let missing = dir.path().join("missing/out.yaml");
        assert!(atomically(&missing, b"new").is_err());
        assert_eq!(std::fs::read_to_string(&path)?, "old");
        Ok(())
    }

    #[test]
    fn a_write_failing_midway_leaves_the_original_and_no_temporary() -> io::Result<()> {
        let dir = tempfile::tempdir()?;
        let path = dir.path().join("baseline.json");
        std::fs::write(&path, "old contents")?;
        let result = atomically_with(&path, |out| {
            out.write_all(b"new cont")?;
            Err(io::Error::other("disk full"))
        });
        let err = result.expect_err("the failed fill is reported");
        assert_eq!(err.to_string(), "disk full");
        assert_eq!(std::fs::read_to_string(&path)?, "old contents");
        let names: Vec<_> = std::fs::read_dir(dir.path())?
            .map(|e| e.map(|e| e.file_name()))
            .collect::<io::Result<_>>()?;
        assert_eq!(names, ["baseline.json"]);
        Ok(())
    }
}
