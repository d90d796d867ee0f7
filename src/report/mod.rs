//! Printing results: claims (`claims`) and findings (`check`).

pub mod claims;
pub mod findings;
