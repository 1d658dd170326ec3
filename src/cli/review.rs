//! `smq review [DIR] [--year YYYY | --from DATE --to DATE]`: the management
//! review report (ISO 9001 §9.3).

use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use super::report::{self, ReportArgs};
use crate::analysis::review::{Period, gaps};
use crate::i18n::{self, Lang};
use crate::report::review::gap_text;

/// The period asked for: a year, a range, or (default) the last full year.
pub fn period(
    year: Option<i32>,
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
    as_of: NaiveDate,
) -> Result<Period, &'static str> {
    match (year, from, to) {
        (Some(y), None, None) => Period::try_year(y).ok_or("review.bad-year"),
        (None, Some(from), Some(to)) if from <= to => Ok(Period { from, to }),
        (None, Some(_), Some(_)) => Err("review.bad-range"),
        (None, None, None) => Ok(Period::last_full_year(as_of)),
        _ => Err("review.bad-range"),
    }
}

/// Builds and writes the review; shared with `smq demo`.
pub fn run_in(
    root: &Path,
    period: Period,
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
    // An incomplete input is said here as well as in the report.
    if !quiet {
        for g in gaps(&checked.registers, &period) {
            eprintln!(
                "{}",
                i18n::fill(
                    i18n::text("review.gap-warning", lang),
                    &[
                        ("section", g.input.section().to_string()),
                        (
                            "input",
                            i18n::text(&format!("rev.s-{}", g.input.key()), lang).to_owned()
                        ),
                        ("gap", gap_text(&g, lang)),
                    ]
                )
            );
        }
    }
    let comments = crate::report::review::comments(&checked, &period);
    let model = crate::report::review::build(&checked, period, as_of, lang, comments)?;
    let stem = i18n::text("rev.file-stem", lang);
    let name = match period.calendar_year() {
        Some(y) => format!("{stem}-{y}.pdf"),
        None => format!("{stem}-{}_{}.pdf", period.from, period.to),
    };
    let out: PathBuf = args.output.clone().unwrap_or_else(|| root.join(name));
    let ident = model.document.reference.clone();
    let ws = report::Workspace {
        root,
        config: &checked.config,
    };
    report::write(
        &model,
        "review.typ",
        &out,
        args,
        &ws,
        as_of,
        ident,
        lang,
        quiet,
    )
}
