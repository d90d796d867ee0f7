//! Printing results: claims (`claims`) and findings (`check`).

pub mod claims;
pub mod findings;

use std::io::{self, BufWriter, Write};
use std::ops::Range;

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

/// The work one thread serialises into one buffer: records of about this
/// much weight in all (a record weighs 1, and a finding 1 more for each
/// of its locations).
const PART: usize = 64;

/// Writes `{"<field>": [...]}` pretty-printed with a final newline, one
/// record for each item. Records are made and serialised in parallel, a
/// chunk at a time, each by a pretty printer standing where the record
/// stands in the document, and written in order: the bytes are those of
/// serialising the whole document at once. `weight` is how much work an
/// item's record is: a chunk is cut into parts of about equal work, so a
/// finding with ten thousand locations is not left to one thread with
/// sixty others.
fn write_json_records<'a, T: Sync, R: Serialize>(
    field: &str,
    items: &'a [T],
    weight: impl Fn(&T) -> usize,
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
        let parts: Vec<io::Result<Vec<u8>>> = parts_of(chunk, &weight)
            .into_par_iter()
            // One job a part: rayon would otherwise hand a thread runs of
            // parts, which heavy records make unequal.
            .with_max_len(1)
            .map(|part| {
                let mut json = Vec::new();
                for (k, item) in chunk[part.clone()].iter().enumerate() {
                    let mut formatter = in_array();
                    let first = n == 0 && part.start + k == 0;
                    formatter.begin_array_value(&mut json, first)?;
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

/// `items` cut into runs of about [`PART`] weight each, in order; an item
/// heavier than that is a run of its own.
fn parts_of<T>(items: &[T], weight: impl Fn(&T) -> usize) -> Vec<Range<usize>> {
    let mut parts = Vec::new();
    let mut start = 0;
    let mut load = 0;
    for (k, item) in items.iter().enumerate() {
        let weight = weight(item);
        if load > 0 && load + weight > PART {
            parts.push(start..k);
            (start, load) = (k, 0);
        }
        load += weight;
    }
    parts.push(start..items.len());
    parts
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parts_share_the_weight_and_keep_the_order() {
        let weights = [1, 1, 100, 1, 30, 30, 30, 1];
        let parts = parts_of(&weights, |&w| w);
        assert_eq!(parts, [0..2, 2..3, 3..6, 6..8]);
        // Light records go sixty-four to a part, as before weights.
        assert_eq!(parts_of(&[1; 130], |&w| w), [0..64, 64..128, 128..130]);
    }

    #[test]
    fn records_in_parts_make_the_document_serialised_whole() {
        #[derive(Serialize)]
        struct Record {
            n: usize,
            locations: Vec<usize>,
        }
        let items: Vec<Record> = (0..5000)
            .map(|n| Record {
                n,
                locations: vec![n; n % 97],
            })
            .collect();
        let mut out = Vec::new();
        write_json_records(
            "records",
            &items,
            |r| 1 + r.locations.len(),
            |r| r,
            &mut out,
        )
        .expect("writing to memory");
        #[derive(Serialize)]
        struct Document<'a> {
            records: &'a [Record],
        }
        let whole = to_json(&Document { records: &items });
        assert_eq!(String::from_utf8(out).expect("JSON is UTF-8"), whole);
    }
}
