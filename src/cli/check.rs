//! `smq check [DIR]`: reads every register, runs every check and prints the
//! diagnostics grouped by file (human) or as one JSON object (json).

use std::collections::BTreeMap;
use std::io::Write;
use std::path::PathBuf;

use serde_json::{Value, json};

use super::{Common, EXIT_ERRORS, EXIT_OK, EXIT_USAGE, Format};
use crate::diagnostic::Severity;
use crate::i18n::{self, Lang};
use crate::pipeline::Checked;
use crate::registers::RegisterKind;

/// Version of the JSON output of `smq check --format json`.
pub const JSON_SCHEMA_VERSION: u32 = 1;

pub fn run(
    dir: Option<PathBuf>,
    format: Format,
    common: &Common,
    quiet: bool,
    suggest: bool,
) -> anyhow::Result<i32> {
    let root = dir.unwrap_or_else(|| PathBuf::from("."));
    let cli_lang: Option<Lang> = common.lang.map(Lang::from);
    if !root.is_dir() {
        let lang = cli_lang.unwrap_or_default();
        eprintln!(
            "smq: {}",
            i18n::fill(
                i18n::text("check.no-workspace", lang),
                &[("path", root.display().to_string())]
            )
        );
        return Ok(EXIT_USAGE);
    }
    let as_of = common.as_of.unwrap_or_else(super::today);
    let mut checked = super::term::read(&root, as_of, quiet || suggest || format == Format::Json)?;
    // The inputs of the next management review: the last full year.
    let review = crate::analysis::review::Period::last_full_year(as_of);
    checked
        .diagnostics
        .extend(crate::validate::review_inputs(&checked.registers, &review));
    crate::diagnostic::sort(&mut checked.diagnostics);
    let lang = cli_lang.or(checked.config.lang).unwrap_or_default();
    let out = match format {
        _ if suggest => match super::suggest::fragment(&checked, lang) {
            f if f.is_empty() => format!("# {}\n", i18n::text("suggest.nothing", lang)),
            f => f,
        },
        Format::Human => human(&checked, lang, super::term::colours(), quiet),
        Format::Json => serde_json::to_string_pretty(&json_report(&checked, lang, as_of))? + "\n",
    };
    std::io::stdout().lock().write_all(out.as_bytes())?;
    Ok(if checked.count(Severity::Error) > 0 {
        EXIT_ERRORS
    } else {
        EXIT_OK
    })
}

/// The human report; `quiet` keeps the errors only.
fn human(checked: &Checked, lang: Lang, colour: bool, quiet: bool) -> String {
    let mut out = String::new();
    // Group by file; diagnostics about no file in particular come last.
    let mut groups: BTreeMap<(bool, String), Vec<&crate::diagnostic::Diagnostic>> = BTreeMap::new();
    for d in &checked.diagnostics {
        if quiet && d.severity() != Severity::Error {
            continue;
        }
        let key = match &d.location.file {
            Some(f) => (false, f.clone()),
            None => (true, String::new()),
        };
        groups.entry(key).or_default().push(d);
    }
    for ((_, file), diags) in &groups {
        if !file.is_empty() {
            out.push_str(&format!("{}\n", super::term::paint(file, "1", colour)));
        }
        for d in diags {
            let loc = d.location.to_string();
            let prefix = if loc.is_empty() {
                String::new()
            } else {
                format!("{loc}: ")
            };
            out.push_str(&format!(
                "  {prefix}{}[{}] {}\n      {}{}{}\n",
                super::term::paint(
                    d.severity().as_str(),
                    if d.severity() == Severity::Error {
                        "1;31"
                    } else {
                        "33"
                    },
                    colour
                ),
                d.code.id(),
                d.message(lang),
                i18n::text("check.hint", lang),
                i18n::colon(lang),
                d.hint(lang)
            ));
        }
        out.push('\n');
    }
    if quiet {
        return out;
    }
    out.push_str(&format!("{}\n", i18n::text("check.registers", lang)));
    for kind in RegisterKind::ALL {
        let label = kind.label(lang);
        match checked.registers.sources.get(kind) {
            Some(sources) if !sources.is_empty() => {
                for s in sources {
                    out.push_str("  ");
                    out.push_str(&i18n::fill(
                        i18n::text("check.register-line", lang),
                        &[
                            ("register", label.to_owned()),
                            ("file", s.file.clone()),
                            ("sheet", s.sheet.clone()),
                            ("header_row", (s.header_row + 1).to_string()),
                            ("rows", s.rows.to_string()),
                        ],
                    ));
                    out.push('\n');
                    let unread: Vec<String> = s
                        .headers
                        .iter()
                        .filter(|c| c.read_as == crate::registers::ColumnUse::Unmapped)
                        .map(|c| format!("{} ({})", c.header, c.cell))
                        .collect();
                    if !unread.is_empty() {
                        out.push_str("    ");
                        out.push_str(&i18n::fill(
                            i18n::text("check.register-unread", lang),
                            &[
                                ("n", unread.len().to_string()),
                                ("columns", unread.join(", ")),
                            ],
                        ));
                        out.push('\n');
                    }
                }
            }
            _ if kind.optional() => {}
            _ => {
                out.push_str("  ");
                out.push_str(&i18n::fill(
                    i18n::text("check.register-missing", lang),
                    &[("register", label.to_owned())],
                ));
                out.push('\n');
            }
        }
    }
    out.push('\n');
    out.push_str(&i18n::fill(
        i18n::text("check.summary", lang),
        &[
            ("errors", checked.count(Severity::Error).to_string()),
            ("warnings", checked.count(Severity::Warning).to_string()),
            ("files", checked.files.len().to_string()),
        ],
    ));
    out.push('\n');
    out
}

/// The JSON document of `smq check --format json` (see the README).
pub fn json_report(checked: &Checked, lang: Lang, as_of: chrono::NaiveDate) -> Value {
    let diagnostics: Vec<Value> = checked
        .diagnostics
        .iter()
        .map(|d| {
            json!({
                "severity": d.severity().as_str(),
                "code": d.code.id(),
                "register": d.register.map(|r| r.key()),
                "file": d.location.file,
                "sheet": d.location.sheet,
                "cell": d.location.cell,
                "line": d.location.line,
                "message": d.message(lang),
                "hint": d.hint(lang),
            })
        })
        .collect();
    let registers: Vec<Value> = checked
        .registers
        .sources
        .values()
        .flatten()
        .map(|s| {
            json!({
                "register": s.register.key(),
                "file": s.file,
                "sheet": s.sheet,
                "header_row": s.header_row + 1,
                "rows": s.rows,
                "columns": s.headers,
                "constants": s.constants,
            })
        })
        .collect();
    let missing: Vec<&str> = RegisterKind::ALL
        .iter()
        .filter(|k| !checked.registers.found(**k) && !k.optional())
        .map(|k| k.key())
        .collect();
    let mut by_code: BTreeMap<&str, usize> = BTreeMap::new();
    for d in &checked.diagnostics {
        *by_code.entry(d.code.id()).or_default() += 1;
    }
    json!({
        "schema_version": JSON_SCHEMA_VERSION,
        "smq_version": env!("CARGO_PKG_VERSION"),
        "as_of": as_of.to_string(),
        "lang": lang.code(),
        "diagnostics": diagnostics,
        "registers": registers,
        "missing_registers": missing,
        "files": checked.files,
        "counts": {
            "errors": checked.count(Severity::Error),
            "warnings": checked.count(Severity::Warning),
            "files": checked.files.len(),
            "by_code": by_code,
        },
    })
}
