//! smq turns the Excel registers of a quality-management system into
//! validated, analysed, audit-ready reports.
//!
//! The modules follow the pipeline, data flowing one way:
//! [`input`] (workbooks, sheets, cells with their A1 reference) →
//! [`registers`] (one typed schema per register) → [`validate`] (rules →
//! diagnostics). [`cli`] only wires them. [`diagnostic`] and [`i18n`] are
//! shared by every layer.

pub mod analysis;
pub mod cli;
pub mod config;
pub mod demo;
pub mod diagnostic;
pub mod export;
pub mod i18n;
pub mod init;
pub mod input;
pub mod pipeline;
pub mod registers;
pub mod render;
pub mod report;
pub mod validate;
