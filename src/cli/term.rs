//! The terminal: colours only for a terminal and without `NO_COLOR`, and a
//! progress bar on stderr while a large workspace is read, only when stderr
//! is a terminal and the run is not `--quiet`.

use std::io::IsTerminal;
use std::path::Path;

use chrono::NaiveDate;

use crate::pipeline::{Checked, read_and_check_with};

/// Workspaces smaller than this read in well under a second: no bar.
const BAR_FROM_BYTES: u64 = 8 * 1024 * 1024;

/// Whether to colour standard output: a terminal, and `NO_COLOR` unset or empty
/// (<https://no-color.org>).
pub fn colours() -> bool {
    std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
}

/// `text` in an ANSI style (`1` bold, `31` red, `33` yellow, `2` dim) when `on`.
pub fn paint(text: &str, style: &str, on: bool) -> String {
    if on {
        format!("\u{1b}[{style}m{text}\u{1b}[0m")
    } else {
        text.to_owned()
    }
}

/// Reads and checks a workspace, with a progress bar for long reads.
pub fn read(root: &Path, as_of: NaiveDate, quiet: bool) -> std::io::Result<Checked> {
    if quiet || !std::io::stderr().is_terminal() {
        return read_and_check_with(root, as_of, None);
    }
    let bar = indicatif::ProgressBar::hidden();
    bar.set_style(
        indicatif::ProgressStyle::with_template("{bar:40} {bytes}/{total_bytes} {elapsed}")
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
    );
    let shown = std::cell::Cell::new(false);
    let progress = |done: u64, total: u64| {
        if total >= BAR_FROM_BYTES && !shown.get() {
            bar.set_draw_target(indicatif::ProgressDrawTarget::stderr());
            bar.set_length(total);
            shown.set(true);
        }
        bar.set_position(done);
    };
    let checked = read_and_check_with(root, as_of, Some(&progress));
    bar.finish_and_clear();
    checked
}
