//! `smq init`: a blank workspace — one workbook per register, generated from
//! the register schemas (so the templates and the reader agree by
//! construction), and a commented `smq.toml`.
//!
//! One workbook per register, because several people keep the registers at
//! the same time (CREX members the events, the quality manager the action
//! plan) and a shared drive locks whole files; a register may later span one
//! file per year. The two registers of two sheets (indicators: definitions
//! and values; audits: audits and findings) keep both sheets in one workbook.
//!
//! Nothing is ever overwritten: every target is checked before anything is
//! written, and each file is created with `create_new`.

mod book;

use std::fs::OpenOptions;
use std::io::Write;
use std::path::{Path, PathBuf};

use crate::i18n::{self, Lang};
use crate::registers::RegisterKind;

/// One workbook of the blank workspace.
#[derive(Debug, Clone, Copy)]
pub struct BookPlan {
    /// Names its catalogue entries (`init.file.<key>`, `init.book.<key>`).
    pub key: &'static str,
    /// The registers it holds, one sheet each, in sheet order.
    pub kinds: &'static [RegisterKind],
}

impl BookPlan {
    /// The workbook's file name in `lang`.
    pub fn file_name(&self, lang: Lang) -> &'static str {
        i18n::text(&format!("init.file.{}", self.key), lang)
    }

    /// The workbook's title (document properties, instructions sheet).
    pub fn title(&self, lang: Lang) -> &'static str {
        i18n::text(&format!("init.book.{}", self.key), lang)
    }
}

/// The workbooks `smq init` writes, in the order they are listed.
pub const BOOKS: &[BookPlan] = &[
    BookPlan {
        key: "rex",
        kinds: &[RegisterKind::Rex],
    },
    BookPlan {
        key: "actions",
        kinds: &[RegisterKind::Actions],
    },
    BookPlan {
        key: "suppliers",
        kinds: &[RegisterKind::Suppliers],
    },
    BookPlan {
        key: "surveys",
        kinds: &[RegisterKind::Surveys],
    },
    BookPlan {
        key: "indicators",
        kinds: &[RegisterKind::Indicators, RegisterKind::IndicatorValues],
    },
    BookPlan {
        key: "objectives",
        kinds: &[RegisterKind::Objectives],
    },
    BookPlan {
        key: "audits",
        kinds: &[RegisterKind::Audits, RegisterKind::Findings],
    },
    BookPlan {
        key: "documents",
        kinds: &[RegisterKind::Documents],
    },
    BookPlan {
        key: "watch",
        kinds: &[RegisterKind::Watch],
    },
    BookPlan {
        key: "parties",
        kinds: &[RegisterKind::Parties],
    },
    BookPlan {
        key: "training",
        kinds: &[RegisterKind::Training],
    },
    BookPlan {
        key: "comments",
        kinds: &[RegisterKind::Comments],
    },
];

/// The commented `smq.toml` written by `smq init`: every setting, commented
/// out with its default and an example.
pub fn config_text(lang: Lang) -> &'static str {
    match lang {
        Lang::Fr => include_str!("smq.fr.toml"),
        Lang::En => include_str!("smq.en.toml"),
    }
}

/// Why `smq init` wrote nothing.
#[derive(Debug, thiserror::Error)]
pub enum InitError {
    /// A file it would write already exists; nothing was written.
    #[error("{} already exists: nothing was written", .0.display())]
    Exists(PathBuf),
    /// The target exists and is not a folder.
    #[error("{} is not a folder", .0.display())]
    NotAFolder(PathBuf),
    #[error("writing {}: {source}", path.display())]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("building a workbook: {0}")]
    Xlsx(#[from] rust_xlsxwriter::XlsxError),
}

/// The files `smq init` writes into `dir`, with their contents.
pub fn workspace_files(dir: &Path, lang: Lang) -> Result<Vec<(PathBuf, Vec<u8>)>, InitError> {
    let mut files = Vec::with_capacity(BOOKS.len() + 1);
    for plan in BOOKS {
        files.push((dir.join(plan.file_name(lang)), book::workbook(plan, lang)?));
    }
    files.push((
        dir.join(crate::config::FILE_NAME),
        config_text(lang).as_bytes().to_vec(),
    ));
    Ok(files)
}

/// Writes the blank workspace into `dir` (created if needed) and returns the
/// files written. Every target is checked first: if one exists, nothing is
/// written and the error names it.
pub fn write_workspace(dir: &Path, lang: Lang) -> Result<Vec<PathBuf>, InitError> {
    if dir.exists() && !dir.is_dir() {
        return Err(InitError::NotAFolder(dir.to_path_buf()));
    }
    let files = workspace_files(dir, lang)?;
    // `symlink_metadata` sees a dangling link too: never write through one.
    if let Some((path, _)) = files.iter().find(|(p, _)| p.symlink_metadata().is_ok()) {
        return Err(InitError::Exists(path.clone()));
    }
    std::fs::create_dir_all(dir).map_err(|source| InitError::Io {
        path: dir.to_path_buf(),
        source,
    })?;
    let mut written: Vec<PathBuf> = Vec::with_capacity(files.len());
    for (path, bytes) in files {
        if let Err(e) = write_new(&path, &bytes) {
            // Something appeared meanwhile, or the disk failed: take back
            // what this run wrote, so that it wrote nothing.
            for p in &written {
                let _ = std::fs::remove_file(p);
            }
            return Err(if e.kind() == std::io::ErrorKind::AlreadyExists {
                InitError::Exists(path)
            } else {
                InitError::Io { path, source: e }
            });
        }
        written.push(path);
    }
    Ok(written)
}

/// Creates `path` with `bytes`; fails if it exists.
fn write_new(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let mut f = OpenOptions::new().write(true).create_new(true).open(path)?;
    if let Err(e) = f.write_all(bytes).and_then(|()| f.sync_all()) {
        drop(f);
        let _ = std::fs::remove_file(path);
        return Err(e);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Config;

    #[test]
    fn every_register_has_one_workbook() {
        for kind in RegisterKind::ALL {
            let n = BOOKS.iter().filter(|b| b.kinds.contains(kind)).count();
            assert_eq!(n, 1, "{kind:?}");
        }
        for lang in [Lang::Fr, Lang::En] {
            let mut names: Vec<&str> = BOOKS.iter().map(|b| b.file_name(lang)).collect();
            assert!(
                names
                    .iter()
                    .all(|n| n.ends_with(".xlsx") && !n.contains('?'))
            );
            names.sort_unstable();
            names.dedup();
            assert_eq!(names.len(), BOOKS.len(), "{lang:?}");
        }
    }

    /// The file parses to the defaults (but for `lang`), and uncommenting
    /// every example gives a valid configuration that sets every setting.
    #[test]
    fn config_files_parse_and_document_every_setting() {
        for lang in [Lang::Fr, Lang::En] {
            let text = config_text(lang);
            let (cfg, diags) = Config::parse(text);
            assert!(diags.is_empty(), "{lang:?}: {diags:?}");
            assert_eq!(cfg.lang, Some(lang));
            let mut bare = serde_json::to_value(&cfg).unwrap();
            bare["lang"] = serde_json::Value::Null;
            assert_eq!(bare, serde_json::to_value(Config::default()).unwrap());

            let example = uncomment(text);
            let (cfg, diags) = Config::parse(&example);
            assert!(diags.is_empty(), "{lang:?}: {diags:?}\n{example}");
            assert!(cfg.service.name.is_some() && cfg.service.address.is_some());
            let d = &cfg.document;
            assert!(d.reference_prefix.is_some() && d.version.is_some());
            assert!(d.written_by.is_some() && d.checked_by.is_some() && d.approved_by.is_some());
            let rex = cfg.register(RegisterKind::Rex).expect("[registers.rex]");
            assert!(!rex.files.is_empty() && !rex.sheets.is_empty() && !rex.headers.is_empty());
            let s = &cfg.suppliers;
            assert!(!s.criteria.is_empty() && !s.weights.is_empty());
            assert!(s.approve_at.is_some() && s.conditional_at.is_some());
            assert!(s.reevaluation_months.is_some());
            assert!(cfg.surveys.scale.is_some() && !cfg.surveys.questions.is_empty());
            assert!(!cfg.indicators.charts.is_empty());
            assert!(cfg.review.exams.is_some() && cfg.review.survey_comments);
            assert!(cfg.audit.sample_size.is_some() && cfg.audit.pseudonym_key.is_some());
            // A setting added to `Config` but not to these files shows up
            // here as a default left in the uncommented example.
            let full = serde_json::to_value(&cfg).unwrap();
            assert_no_default(&full, &serde_json::to_value(Config::default()).unwrap(), "");
        }
    }

    /// Every leaf of `cfg` differs from the default.
    fn assert_no_default(cfg: &serde_json::Value, default: &serde_json::Value, path: &str) {
        match (cfg, default) {
            (serde_json::Value::Object(a), serde_json::Value::Object(b)) if !b.is_empty() => {
                for (k, v) in b {
                    let sub = format!("{path}.{k}");
                    assert_no_default(a.get(k).unwrap_or(&serde_json::Value::Null), v, &sub);
                }
            }
            _ => assert_ne!(cfg, default, "setting {path} is not documented"),
        }
    }

    /// Turns `# key = value`, `# [section]` and `# [[array]]` lines into settings.
    fn uncomment(text: &str) -> String {
        let setting =
            regex::Regex::new(r#"^# (\[\[?[a-z.\-]+\]\]?\s*$|[a-z_]+ = |"[^"]+" = )"#).unwrap();
        text.lines()
            .map(|l| {
                if setting.is_match(l) {
                    l[2..].to_owned()
                } else {
                    l.to_owned()
                }
            })
            .collect::<Vec<_>>()
            .join("\n")
    }
}
