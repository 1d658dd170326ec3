//! `smq indicators [DIR] --month YYYY-MM`: the monthly indicator report.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use super::report::{self, ReportArgs};
use crate::i18n::{self, Lang};
use crate::input::parse::Month;

/// Parses `--month`.
pub fn parse_month(s: &str) -> Result<Month, String> {
    crate::input::parse::parse_month_text(s)
        .filter(|_| s.trim().len() <= 8)
        .ok_or_else(|| format!("mois attendu au format AAAA-MM : {s}"))
}

/// The month reported by default: the last full month at the as-of date
/// (the as-of month itself when the as-of date is its last day).
pub fn default_month(as_of: NaiveDate) -> Month {
    Month::of(as_of + chrono::Duration::days(1)).plus(-1)
}

/// Builds and writes the report; shared with `smq demo`.
pub fn run_in(
    root: &Path,
    month: Option<Month>,
    as_of: NaiveDate,
    lang: Option<Lang>,
    args: &ReportArgs,
    quiet: bool,
) -> anyhow::Result<i32> {
    if let Some(status) = super::missing_workspace(root, lang) {
        return Ok(status);
    }
    let checked = super::term::read(root, as_of, quiet)?;
    let lang = lang.or(checked.config.lang).unwrap_or_default();
    let month = month.unwrap_or_else(|| default_month(as_of));
    let model = crate::report::indicators::build(&checked, month, as_of, lang)?;
    let out: PathBuf = args
        .output
        .clone()
        .unwrap_or_else(|| root.join(format!("{}-{month}.pdf", i18n::text("ind.file-stem", lang))));
    let ident = model.document.reference.clone();
    let ws = report::Workspace {
        root,
        config: &checked.config,
    };
    report::write(
        &model,
        "indicators.typ",
        &out,
        args,
        &ws,
        as_of,
        ident,
        lang,
        quiet,
    )
}
