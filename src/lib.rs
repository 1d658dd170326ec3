//! smq turns the Excel registers of a quality-management system into
//! validated, analysed, audit-ready reports.
//!
//! The modules follow the pipeline, data flowing one way:
//! [`input`] (workbook bytes, sheets, cells with their A1 reference) →
//! [`registers`] (one declaration per register, typed records) →
//! [`validate`] (rules → diagnostics) → [`analysis`] (pure functions) →
//! [`report`] (one model per report) → [`render`] (Typst → PDF) and
//! [`export`] (xlsx, JSON), written by [`output`]. [`config`] composes each
//! layer's settings from `smq.toml`; [`pipeline`] is read → check; [`cli`]
//! only wires them. [`diagnostic`] and [`i18n`] are the shared vocabulary.
//! `docs/architecture.md` draws the layers and what each may import.

pub mod analysis;
pub mod cli;
pub mod config;
pub mod demo;
pub mod diagnostic;
pub mod export;
pub mod i18n;
pub mod init;
pub mod input;
pub mod output;
pub mod pipeline;
pub mod registers;
pub mod render;
pub mod report;
pub mod validate;
