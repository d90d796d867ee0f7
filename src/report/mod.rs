//! Printing results for people and for machines.

pub mod claims;
