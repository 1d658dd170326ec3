//! The read → check pipeline every command starts with: configuration, then
//! registers, then the cross-register rules, with all diagnostics gathered and
//! sorted in one list.

use std::path::Path;

use chrono::NaiveDate;

use crate::config::Config;
use crate::diagnostic::{self, Diagnostic, Severity};
use crate::registers::{self, FileRead, LoadOptions, Registers};
use crate::validate;

/// A workspace read and checked.
pub struct Checked {
    pub config: Config,
    pub registers: Registers,
    pub files: Vec<FileRead>,
    /// Every diagnostic, in display order.
    pub diagnostics: Vec<Diagnostic>,
}

impl Checked {
    pub fn count(&self, severity: Severity) -> usize {
        self.diagnostics
            .iter()
            .filter(|d| d.severity() == severity)
            .count()
    }
}

/// Reads and checks the workspace at `root` as of `as_of`.
pub fn read_and_check(root: &Path, as_of: NaiveDate) -> std::io::Result<Checked> {
    read_and_check_with(root, as_of, None)
}

/// [`read_and_check`], reporting progress (bytes read, bytes in all).
pub fn read_and_check_with(
    root: &Path,
    as_of: NaiveDate,
    progress: Option<&dyn Fn(u64, u64)>,
) -> std::io::Result<Checked> {
    let (config, mut diags) = Config::load(root);
    let loaded = registers::load(
        root,
        &LoadOptions {
            settings: config.read_settings(),
            as_of,
            progress,
        },
    )?;
    diags.extend(loaded.diagnostics);
    diags.extend(validate::check(&loaded.registers));
    diags.extend(validate::processes(&loaded.registers, &config.processes));
    diagnostic::sort(&mut diags);
    Ok(Checked {
        config,
        registers: loaded.registers,
        files: loaded.files,
        diagnostics: diags,
    })
}
