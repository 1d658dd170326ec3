//! `smq init [DIR]`: writes a blank workspace (one workbook per register and
//! a commented smq.toml). It never overwrites a file: if one of the files it
//! would write exists, it writes nothing and exits 2.

use std::path::Path;

use crate::i18n::{self, Lang};
use crate::init::{InitError, write_workspace};

pub fn run(dir: &Path, lang: Lang, quiet: bool) -> anyhow::Result<i32> {
    let path = dir.display().to_string();
    match write_workspace(dir, lang) {
        Ok(_) if quiet => Ok(super::EXIT_OK),
        Ok(files) => {
            println!(
                "{}",
                i18n::fill(
                    i18n::text("init.written", lang),
                    &[("n", files.len().to_string()), ("path", path.clone())]
                )
            );
            for f in &files {
                let name = f.file_name().map_or_else(
                    || f.display().to_string(),
                    |n| n.to_string_lossy().into_owned(),
                );
                println!("  {name}");
            }
            println!(
                "{}",
                i18n::fill(i18n::text("init.next", lang), &[("path", path)])
            );
            Ok(super::EXIT_OK)
        }
        Err(InitError::Exists(p)) => {
            eprintln!(
                "smq: {}",
                i18n::fill(
                    i18n::text("init.exists", lang),
                    &[("path", p.display().to_string())]
                )
            );
            Ok(super::EXIT_USAGE)
        }
        Err(InitError::NotAFolder(p)) => {
            eprintln!(
                "smq: {}",
                i18n::fill(
                    i18n::text("init.not-a-folder", lang),
                    &[("path", p.display().to_string())]
                )
            );
            Ok(super::EXIT_USAGE)
        }
        Err(e) => Err(e.into()),
    }
}
