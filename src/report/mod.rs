//! Printing results: claims (`claims`) and findings (`check`).

pub mod claims;
pub mod findings;

use std::io::{self, BufWriter, Write};

use rayon::prelude::*;
use serde::Serialize;
use serde_json::ser::{Formatter, PrettyFormatter, Serializer};

/// Pretty JSON with a final newline; serialising our own structs cannot fail,
/// but if it did the output says so rather than being empty.
fn to_json<T: Serialize>(value: &T) -> String {
    let mut out = serde_json::to_string_pretty(value)
        .unwrap_or_else(|err| format!("{{\"error\":{:?}}}", err.to_string()));
    out.push('\n');
    out
}

/// Records serialised at once by [`write_json_records`]: few enough that a
/// large run's report is never held whole in memory.
const CHUNK: usize = 4096;

/// Records serialised one after another into one buffer, by one thread.
const PART: usize = 64;

/// Writes `{"<field>": [...]}` pretty-printed with a final newline, one
/// record for each item. Records are made and serialised in parallel, a
/// chunk at a time, each by a pretty printer standing where the record
/// stands in the document, and written in order: the bytes are those of
/// serialising the whole document at once.
fn write_json_records<'a, T: Sync, R: Serialize>(
    field: &str,
    items: &'a [T],
    record: impl Fn(&'a T) -> R + Sync,
    out: &mut dyn Write,
) -> io::Result<()> {
    let mut out = BufWriter::with_capacity(1 << 16, out);
    if items.is_empty() {
        write!(out, "{{\n  \"{field}\": []\n}}\n")?;
        return out.flush();
    }
    write!(out, "{{\n  \"{field}\": [")?;
    for (n, chunk) in items.chunks(CHUNK).enumerate() {
        let parts: Vec<io::Result<Vec<u8>>> = chunk
            .par_chunks(PART)
            .enumerate()
            .map(|(p, part)| {
                let mut json = Vec::new();
                for (k, item) in part.iter().enumerate() {
                    let mut formatter = in_array();
                    formatter.begin_array_value(&mut json, n == 0 && p == 0 && k == 0)?;
                    record(item)
                        .serialize(&mut Serializer::with_formatter(&mut json, formatter))?;
                }
                Ok(json)
            })
            .collect();
        for part in parts {
            out.write_all(&part?)?;
        }
    }
    out.write_all(b"\n  ]\n}\n")?;
    out.flush()
}

/// A pretty printer standing where a record of the document's one array
/// does, two levels in: it has been through `{`, the first key and `[`.
fn in_array() -> PrettyFormatter<'static> {
    let mut formatter = PrettyFormatter::new();
    let mut preamble = io::sink();
    // Writing to a sink cannot fail.
    let _ = formatter.begin_object(&mut preamble);
    let _ = formatter.begin_object_key(&mut preamble, true);
    let _ = formatter.begin_object_value(&mut preamble);
    let _ = formatter.begin_array(&mut preamble);
    formatter
}
