//! The report layer: one serialisable model per report, built from the
//! checked registers and the analysis layer, with every figure already
//! formatted for the report's language. Templates only lay it out.

pub mod audit;
pub mod capped;
pub mod charts;
pub mod common;
pub mod format;
pub mod indicators;
pub mod pseudonym;
pub mod review;
