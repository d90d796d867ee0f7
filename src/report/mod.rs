//! Printing results: claims (`claims`) and findings (`check`).

pub mod claims;
pub mod findings;

use serde::Serialize;

/// Pretty JSON with a final newline; serialising our own structs cannot fail,
/// but if it did the output says so rather than being empty.
fn to_json<T: Serialize>(value: &T) -> String {
    let mut out = serde_json::to_string_pretty(value)
        .unwrap_or_else(|err| format!("{{\"error\":{:?}}}", err.to_string()));
    out.push('\n');
    out
}
