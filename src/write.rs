//! The only way claimlint writes a file: to a temporary file in the same
//! folder, flushed to disk, then renamed over the target. A failure at any
//! point leaves the original untouched.

use std::io::{self, Write};
use std::path::Path;

pub fn atomically(path: &Path, contents: &[u8]) -> io::Result<()> {
    let dir = match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    };
    let mut temp = tempfile::NamedTempFile::new_in(dir)?;
    temp.write_all(contents)?;
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
}
