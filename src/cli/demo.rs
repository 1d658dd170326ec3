//! `smq demo [DIR]`: writes the demo workspace. It refuses to write into a
//! folder that holds anything else than a previous demo, so it can never
//! overwrite a service's own registers.

use std::path::PathBuf;

use crate::i18n::{self, Lang};

/// Marks a folder as written by `smq demo`.
const MARKER: &str = ".smq-demo";

pub fn run(dir: Option<PathBuf>, stress: Option<usize>, lang: Lang) -> anyhow::Result<i32> {
    let dir = dir.unwrap_or_else(|| PathBuf::from("demo"));
    let path = dir.display().to_string();
    if dir.exists() {
        let non_empty = std::fs::read_dir(&dir)?.next().is_some();
        if non_empty && !dir.join(MARKER).exists() {
            eprintln!(
                "{}",
                i18n::fill(i18n::text("demo.exists", lang), &[("path", path)])
            );
            return Ok(super::EXIT_USAGE);
        }
    }
    std::fs::create_dir_all(&dir)?;
    std::fs::write(
        dir.join(MARKER),
        b"Written by `smq demo`; safe to delete.\n",
    )?;
    let files = match stress {
        Some(events) => crate::demo::write_stress(&dir, events)?,
        None => crate::demo::write_demo(&dir)?,
    };
    println!(
        "{}",
        i18n::fill(
            i18n::text("demo.written", lang),
            &[("path", path), ("files", files.len().to_string())]
        )
    );
    Ok(super::EXIT_OK)
}
