//! File sizes as people write them on the command line (`500000`, `10MB`,
//! `64MiB`) and as claimlint prints them in errors.

use std::fmt;

use crate::span::MAX_TEXT_BYTES;

/// Articles larger than this are refused unread unless `--max-file-size`
/// says otherwise: about a thousand long features, far more than any one
/// article, small enough that time and memory stay bounded.
pub const DEFAULT_MAX_FILE_BYTES: u64 = 16 * MIB;

/// [`DEFAULT_MAX_FILE_BYTES`] as `--max-file-size` shows it in `--help`.
pub const DEFAULT_MAX_FILE_SIZE: &str = "16MiB";

const KIB: u64 = 1024;
const MIB: u64 = 1024 * KIB;

/// Suffixes and what they multiply by: decimal `KB`/`MB`/`GB`, binary
/// `KiB`/`MiB`/`GiB`, matched without regard to case.
const UNITS: &[(&str, u64)] = &[
    ("b", 1),
    ("kb", 1000),
    ("mb", 1000 * 1000),
    ("gb", 1000 * 1000 * 1000),
    ("kib", KIB),
    ("mib", MIB),
    ("gib", 1024 * MIB),
];

/// Parses `4096`, `10MB`, `64MiB` or `1 GiB` into bytes; at least one byte.
pub fn parse(value: &str) -> Result<u64, String> {
    let value = value.trim();
    let digits = value
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(value.len());
    let (number, unit) = value.split_at(digits);
    let unit = unit.trim().to_ascii_lowercase();
    let multiplier = if unit.is_empty() {
        Some(1)
    } else {
        UNITS
            .iter()
            .find(|(name, _)| *name == unit)
            .map(|(_, m)| *m)
    };
    let (Ok(number), Some(multiplier)) = (number.parse::<u64>(), multiplier) else {
        return Err(format!(
            "{value:?} is not a size: write bytes (`500000`) or a whole number with KB, MB, GB, KiB, MiB or GiB (`64MiB`)"
        ));
    };
    match number.checked_mul(multiplier) {
        Some(0) => Err("the size must be at least 1 byte".into()),
        Some(bytes) if bytes <= MAX_TEXT_BYTES => Ok(bytes),
        _ => Err(format!(
            "{value:?} is too large a size: an article may be at most {}",
            Bytes(MAX_TEXT_BYTES)
        )),
    }
}

/// A byte count for people: `104857600 bytes (100.0 MiB)`.
pub struct Bytes(pub u64);

impl fmt::Display for Bytes {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let bytes = self.0;
        if bytes < KIB {
            return write!(f, "{bytes} bytes");
        }
        let (scaled, unit) = if bytes < MIB {
            (bytes as f64 / KIB as f64, "KiB")
        } else if bytes < 1024 * MIB {
            (bytes as f64 / MIB as f64, "MiB")
        } else {
            (bytes as f64 / (1024 * MIB) as f64, "GiB")
        };
        write!(f, "{bytes} bytes ({scaled:.1} {unit})")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_in_bytes_and_units() {
        assert_eq!(parse("4096"), Ok(4096));
        assert_eq!(parse("10MB"), Ok(10_000_000));
        assert_eq!(parse("64MiB"), Ok(64 * MIB));
        assert_eq!(parse("1 gib"), Ok(1024 * MIB));
        assert_eq!(parse("3kb"), Ok(3000));
        assert_eq!(parse("12B"), Ok(12));
    }

    #[test]
    fn the_default_limit_reads_as_written() {
        assert_eq!(parse(DEFAULT_MAX_FILE_SIZE), Ok(DEFAULT_MAX_FILE_BYTES));
    }

    #[test]
    fn bad_sizes_say_why() {
        for bad in ["", "MB", "1.5MB", "-3", "10 MBs", "ten"] {
            let err = parse(bad).expect_err(bad);
            assert!(err.contains("not a size"), "{bad}: {err}");
        }
        assert!(parse("0").expect_err("zero").contains("at least 1 byte"));
        assert!(parse("99999999999GiB")
            .expect_err("overflow")
            .contains("too large"));
        // Spans are 32-bit offsets: 4 GiB less a byte is the most.
        assert_eq!(parse("4294967295"), Ok(u64::from(u32::MAX)));
        assert!(parse("4GiB").expect_err("past spans").contains("at most"));
    }

    #[test]
    fn sizes_print_with_their_bytes() {
        assert_eq!(Bytes(512).to_string(), "512 bytes");
        assert_eq!(
            Bytes(104_857_600).to_string(),
            "104857600 bytes (100.0 MiB)"
        );
        assert_eq!(Bytes(1536).to_string(), "1536 bytes (1.5 KiB)");
    }
}
