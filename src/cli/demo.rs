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
    if stress.is_some() {
        return Ok(super::EXIT_OK);
    }
    // The reports of the demo, as of the end of its data.
    let as_of = demo_as_of();
    let args = super::report::ReportArgs {
        output: None,
        templates: None,
        pdf_standard: None,
        data_out: None,
    };
    let status = super::indicators::run_in(&dir, None, as_of, Some(lang), &args, false)?;
    if status != super::EXIT_OK {
        return Ok(status);
    }
    let period = crate::analysis::review::Period::last_full_year(as_of);
    let status = super::review::run_in(&dir, period, as_of, Some(lang), &args, false)?;
    if status != super::EXIT_OK {
        return Ok(status);
    }
    // The packs of the next audits: certification body and authority.
    for (kind, date) in DEMO_AUDITS {
        let req = crate::report::audit::AuditRequest {
            kind,
            date,
            scope: Vec::new(),
            seed: crate::analysis::sample::seed_of(date),
            pseudonymize: true,
        };
        let status = super::audit::run_in(&dir, &req, as_of, Some(lang), &args, false)?;
        if status != super::EXIT_OK {
            return Ok(status);
        }
    }
    Ok(super::EXIT_OK)
}

/// The audits the demo prepares packs for: the certification body's in
/// November 2026 and an ASN inspection in December.
const DEMO_AUDITS: [(crate::registers::vocab::AuditKind, chrono::NaiveDate); 2] = [
    (
        crate::registers::vocab::AuditKind::Certification,
        chrono::NaiveDate::from_ymd_opt(2026, 11, 17).expect("valid date"),
    ),
    (
        crate::registers::vocab::AuditKind::Asn,
        chrono::NaiveDate::from_ymd_opt(2026, 12, 8).expect("valid date"),
    ),
];

/// The demo data ends on 31 October 2026: its reports are dated then, so
/// they are the same whenever `smq demo` runs.
pub fn demo_as_of() -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(2026, 10, 31).expect("valid date")
}
