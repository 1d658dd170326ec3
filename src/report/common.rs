//! Parts every report carries: the document-control block, the appendix
//! listing each input file with its size and SHA-256, the validation summary
//! and the smq version, and the template labels from the catalogue.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::Serialize;

use super::format;
use crate::config::Config;
use crate::diagnostic::Severity;
use crate::i18n::{self, Lang};
use crate::pipeline::Checked;
use crate::registers::RegisterKind;

/// The document-control block.
#[derive(Debug, Clone, Serialize)]
pub struct DocumentControl {
    pub title: String,
    pub subtitle: String,
    pub service: String,
    pub reference: String,
    pub version: String,
    pub date: String,
    pub written_by: String,
    pub checked_by: String,
    pub approved_by: String,
    /// Path of the logo inside the renderer (`/assets/logo.png`), if any.
    pub logo: Option<String>,
}

impl DocumentControl {
    /// The block of a report, from the configuration; `kind` is the report's
    /// reference code (`IND`) and `period` its period (`2026-10`).
    pub fn new(
        config: &Config,
        title: String,
        subtitle: String,
        kind: &str,
        period: &str,
        as_of: NaiveDate,
        lang: Lang,
    ) -> Self {
        let doc = &config.document;
        let prefix = doc.reference_prefix.as_deref().unwrap_or("SMQ");
        let dash = || "—".to_owned();
        DocumentControl {
            title,
            subtitle,
            service: config
                .service
                .name
                .clone()
                .unwrap_or_else(|| i18n::text("report.unnamed-service", lang).to_owned()),
            reference: format!("{prefix}-{kind}-{period}"),
            version: doc.version.clone().unwrap_or_else(|| "1.0".to_owned()),
            date: format::date(as_of, lang),
            written_by: doc.written_by.clone().unwrap_or_else(dash),
            checked_by: doc.checked_by.clone().unwrap_or_else(dash),
            approved_by: doc.approved_by.clone().unwrap_or_else(dash),
            logo: config.service.logo.as_deref().and_then(|l| {
                let ext = std::path::Path::new(l)
                    .extension()?
                    .to_str()?
                    .to_lowercase();
                Some(format!("/assets/logo.{ext}"))
            }),
        }
    }
}

/// A figure as printed and the role that colours it: `missed` for a count
/// of overdue records, `muted` for a zero that needs no attention, empty
/// for plain text.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Marked {
    pub text: String,
    pub role: &'static str,
}

impl Marked {
    /// `n` as printed, with `role` when it is not zero and `zero` when it is.
    pub fn count(n: usize, role: &'static str, zero: &'static str, lang: Lang) -> Self {
        Marked {
            text: format::count(n, lang),
            role: if n > 0 { role } else { zero },
        }
    }
}

/// An input file, for the appendix.
#[derive(Debug, Clone, Serialize)]
pub struct FileEntry {
    pub file: String,
    pub size: String,
    pub sha256: String,
    pub readable: bool,
}

/// A count of diagnostics of one code.
#[derive(Debug, Clone, Serialize)]
pub struct CodeCount {
    pub code: String,
    pub severity: String,
    pub count: String,
}

/// A sheet read, for the appendix.
#[derive(Debug, Clone, Serialize)]
pub struct SourceEntry {
    pub register: String,
    pub file: String,
    pub sheet: String,
    pub rows: String,
}

/// Columns of one sheet that were not read, or fields it gave once for
/// every row.
#[derive(Debug, Clone, Serialize)]
pub struct SheetNote {
    pub register: String,
    pub file: String,
    pub sheet: String,
    /// "Coût (G3), Criticité (H3)" or "Année = 2025 (titre)".
    pub items: String,
}

/// The last appendix: sources, validation summary, version.
#[derive(Debug, Clone, Serialize)]
pub struct Appendix {
    pub files: Vec<FileEntry>,
    pub sources: Vec<SourceEntry>,
    /// Header cells of register sheets that no field reads.
    pub unread: Vec<SheetNote>,
    /// Fields a sheet gives once (title, sheet or file name, smq.toml).
    pub sheet_values: Vec<SheetNote>,
    pub missing_registers: Vec<String>,
    pub errors: usize,
    pub warnings: usize,
    /// The counts of errors and warnings as a sentence.
    pub validation: String,
    pub by_code: Vec<CodeCount>,
    pub smq_version: String,
    pub as_of: String,
    /// The closing sentence: smq's version, the as-of date, the sources.
    pub generated: String,
}

impl Appendix {
    /// The appendix of a report on `checked`; the file hashes are those of
    /// the bytes that were parsed.
    pub fn new(checked: &Checked, as_of: NaiveDate, lang: Lang) -> Self {
        let mut files = Vec::new();
        for f in &checked.files {
            files.push(FileEntry {
                file: f.file.clone(),
                size: format::size(f.size, lang),
                sha256: f.sha256.clone(),
                readable: f.readable,
            });
        }
        let sources = checked
            .registers
            .sources
            .values()
            .flatten()
            .map(|s| SourceEntry {
                register: s.register.label(lang).to_owned(),
                file: s.file.clone(),
                sheet: s.sheet.clone(),
                rows: format::count(s.rows, lang),
            })
            .collect();
        let note = |s: &crate::registers::Source, items: Vec<String>| SheetNote {
            register: s.register.label(lang).to_owned(),
            file: s.file.clone(),
            sheet: s.sheet.clone(),
            items: items.join(", "),
        };
        let all_sources = || checked.registers.sources.values().flatten();
        let unread = all_sources()
            .filter_map(|s| {
                let items: Vec<String> = s
                    .headers
                    .iter()
                    .filter(|c| c.read_as == crate::registers::ColumnUse::Unmapped)
                    .map(|c| format!("{} ({})", c.header, c.cell))
                    .collect();
                (!items.is_empty()).then(|| note(s, items))
            })
            .collect();
        let sheet_values = all_sources()
            .filter_map(|s| {
                let items: Vec<String> = s
                    .constants
                    .iter()
                    .map(|c| {
                        let label = s
                            .register
                            .spec()
                            .by_key(c.field)
                            .map_or(c.field, |f| f.field().label(lang));
                        format!(
                            "{label} = {} ({})",
                            c.value,
                            i18n::text(&format!("report.sheet-value-from-{}", c.from), lang)
                        )
                    })
                    .collect();
                (!items.is_empty()).then(|| note(s, items))
            })
            .collect();
        let missing_registers = RegisterKind::ALL
            .iter()
            .filter(|k| !checked.registers.found(**k) && !k.optional())
            .map(|k| k.label(lang).to_owned())
            .collect();
        let mut counts: BTreeMap<(std::cmp::Reverse<Severity>, &str), usize> = BTreeMap::new();
        for d in &checked.diagnostics {
            *counts
                .entry((std::cmp::Reverse(d.severity()), d.code.id()))
                .or_default() += 1;
        }
        let by_code = counts
            .into_iter()
            .map(|((sev, code), count)| CodeCount {
                code: code.to_owned(),
                severity: i18n::text(sev.0.as_str(), lang).to_owned(),
                count: format::count(count, lang),
            })
            .collect();
        let (errors, warnings) = (
            checked.count(Severity::Error),
            checked.count(Severity::Warning),
        );
        let smq_version = env!("CARGO_PKG_VERSION").to_owned();
        let as_of = format::date(as_of, lang);
        Appendix {
            files,
            sources,
            unread,
            sheet_values,
            missing_registers,
            errors,
            warnings,
            validation: i18n::fill(
                i18n::text("report.validation-counts", lang),
                &[
                    ("errors", format::count(errors, lang)),
                    ("warnings", format::count(warnings, lang)),
                ],
            ),
            by_code,
            generated: i18n::fill(
                i18n::text("report.generated", lang),
                &[("version", smq_version.clone()), ("as_of", as_of.clone())],
            ),
            smq_version,
            as_of,
        }
    }
}

/// Every catalogue entry whose key starts with one of `prefixes`, keyed by
/// the rest of the key in the model's snake case (`rev.h-next-review` →
/// `h_next_review`): what templates show as fixed text.
pub fn labels(prefixes: &[&str], lang: Lang) -> BTreeMap<String, String> {
    i18n::keys()
        .filter_map(|k| {
            prefixes
                .iter()
                .find_map(|p| k.strip_prefix(p))
                .map(|rest| (rest.replace('-', "_"), i18n::text(k, lang).to_owned()))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_take_the_models_snake_case() {
        let l = labels(&["report.", "rev."], Lang::En);
        assert!(l.len() > 100);
        assert!(
            l.keys().all(|k| k
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')),
            "{:?}",
            l.keys().find(|k| k.contains('-'))
        );
        assert_eq!(
            l["h_next_review"],
            i18n::text("rev.h-next-review", Lang::En)
        );
        assert_eq!(l["more"], i18n::text("report.more", Lang::En));
        // Writing `-` as `_` makes no two labels meet, in any report.
        for report in ["ind.", "rev.", "aud."] {
            let keys: std::collections::BTreeSet<&str> = i18n::keys()
                .filter_map(|k| k.strip_prefix("report.").or_else(|| k.strip_prefix(report)))
                .collect();
            assert_eq!(
                labels(&["report.", report], Lang::Fr).len(),
                keys.len(),
                "{report}"
            );
        }
    }

    #[test]
    fn a_marked_count_takes_its_role_only_when_not_zero() {
        let m = Marked::count(1_044, "missed", "muted", Lang::Fr);
        assert_eq!(
            m,
            Marked {
                text: "1\u{202f}044".into(),
                role: "missed"
            }
        );
        assert_eq!(Marked::count(0, "missed", "muted", Lang::Fr).role, "muted");
    }
}
