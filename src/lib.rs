//! claimlint: extracts the claims of news articles (money, percentages,
//! counts, measures, ratios, dates, durations, quotations) with exact byte
//! spans, so they can be cross-checked between sources.
//!
//! The pipeline: [`document`] reads an article and masks what is not prose,
//! [`extract`] turns its text into [`extract::Claim`]s, [`report`] prints them.

pub mod baseline;
pub mod check;
pub mod cli;
pub mod config;
pub mod document;
pub mod error;
pub mod extract;
pub mod report;
pub mod rules;
pub mod size;
pub mod span;
pub mod walk;
pub mod write;
