//! `smq export [DIR] --format xlsx|json [-o FILE]`: the computed tables.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use clap::ValueEnum;

use crate::i18n::{self, Lang};

/// `--format` values of `smq export`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    Xlsx,
    Json,
}

pub fn run(
    root: &Path,
    format: ExportFormat,
    output: Option<PathBuf>,
    as_of: NaiveDate,
    lang: Option<Lang>,
    quiet: bool,
) -> anyhow::Result<i32> {
    if let Some(status) = super::missing_workspace(root, lang) {
        return Ok(status);
    }
    let checked = super::term::read(root, as_of, quiet)?;
    let lang = lang.or(checked.config.lang).unwrap_or_default();
    let tables = crate::export::tables(&checked, as_of, lang);
    let ext = match format {
        ExportFormat::Xlsx => "xlsx",
        ExportFormat::Json => "json",
    };
    let out = output.unwrap_or_else(|| {
        root.join(format!(
            "{}-{as_of}.{ext}",
            i18n::text("export.file-stem", lang)
        ))
    });
    match format {
        ExportFormat::Xlsx => crate::export::write_xlsx(&tables, &out, as_of, lang)?,
        ExportFormat::Json => {
            let doc = crate::export::to_json(&tables, as_of, lang);
            let mut bytes = serde_json::to_vec_pretty(&doc)?;
            bytes.push(b'\n');
            crate::output::write_atomic(&out, &bytes)?;
        }
    }
    if !quiet {
        println!(
            "{}",
            i18n::fill(
                i18n::text("export.written", lang),
                &[
                    ("path", out.display().to_string()),
                    ("tables", tables.len().to_string()),
                    (
                        "rows",
                        tables
                            .iter()
                            .map(|t| t.rows.len())
                            .sum::<usize>()
                            .to_string()
                    ),
                ]
            )
        );
    }
    Ok(super::EXIT_OK)
}
