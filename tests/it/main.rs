//! smq's integration tests, as one test binary: each module was a test
//! executable of its own, and each linked typst (about 15 s of linking each
//! on two cores). One binary links once. Run one module with its path as a
//! filter, e.g. `cargo test --release --test it -- hostile::`.
//!
//! Fixtures are found from `CARGO_MANIFEST_DIR` (`tests/fixtures/…`,
//! `samples/`), and the `smq` binary through `CARGO_BIN_EXE_smq`.

mod common;

mod caps;
mod charts;
mod checks;
mod cli;
mod demo;
mod export;
mod formats;
mod fuzz_regressions;
mod hostile;
mod init;
mod layout_sheet;
mod reading;
mod report_audit;
mod report_indicators;
mod report_review;
mod safety;
mod snapshots;
