//! Test helpers: workbooks written in the test with rust_xlsxwriter, and the
//! smq binary run in a temporary folder.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

use rust_xlsxwriter::{ExcelDateTime, Format, Workbook, Worksheet};

/// A cell to write.
#[derive(Clone, Debug)]
pub enum C {
    /// Text.
    S(&'static str),
    /// Owned text.
    O(String),
    /// Number.
    N(f64),
    /// A real Excel date (y, m, d).
    D(u16, u8, u8),
    /// A formula with its cached result.
    F(&'static str, f64),
    /// A formula whose cached result is an error value.
    E(&'static str, &'static str),
    /// Boolean.
    B(bool),
    /// Blank.
    X,
}

pub use C::*;

pub fn write_rows(ws: &mut Worksheet, first_row: u32, rows: &[Vec<C>]) {
    let date_fmt = Format::new().set_num_format("dd/mm/yyyy");
    for (r, row) in rows.iter().enumerate() {
        let r = first_row + r as u32;
        for (c, cell) in row.iter().enumerate() {
            let c = c as u16;
            match cell {
                S(s) => {
                    ws.write_string(r, c, *s).unwrap();
                }
                O(s) => {
                    ws.write_string(r, c, s).unwrap();
                }
                N(n) => {
                    ws.write_number(r, c, *n).unwrap();
                }
                D(y, m, d) => {
                    let dt = ExcelDateTime::from_ymd(*y, *m, *d).unwrap();
                    ws.write_datetime_with_format(r, c, &dt, &date_fmt).unwrap();
                }
                F(f, v) => {
                    ws.write_formula(
                        r,
                        c,
                        rust_xlsxwriter::Formula::new(*f).set_result(v.to_string()),
                    )
                    .unwrap();
                }
                E(f, e) => {
                    ws.write_formula(r, c, rust_xlsxwriter::Formula::new(*f).set_result(*e))
                        .unwrap();
                }
                B(b) => {
                    ws.write_boolean(r, c, *b).unwrap();
                }
                X => {}
            }
        }
    }
}

/// Writes `path` with one sheet per (name, rows), data starting at row 1.
pub fn book(path: &Path, sheets: &[(&str, Vec<Vec<C>>)]) {
    let mut wb = Workbook::new();
    for (name, rows) in sheets {
        let ws = wb.add_worksheet();
        ws.set_name(*name).unwrap();
        write_rows(ws, 0, rows);
    }
    wb.save(path).unwrap();
}

/// A temporary workspace folder.
pub struct Ws {
    pub dir: tempfile::TempDir,
}

impl Ws {
    pub fn new() -> Ws {
        Ws {
            dir: tempfile::tempdir().unwrap(),
        }
    }

    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    pub fn file(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    /// Writes one workbook into the workspace.
    pub fn book(&self, name: &str, sheets: &[(&str, Vec<Vec<C>>)]) -> PathBuf {
        let p = self.file(name);
        book(&p, sheets);
        p
    }
}

pub fn as_of() -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(2026, 10, 31).unwrap()
}

/// Reads and checks a workspace as of 2026-10-31.
pub fn check(ws: &Ws) -> smq::pipeline::Checked {
    smq::pipeline::read_and_check(ws.path(), as_of()).unwrap()
}

/// The (code, cell) pairs of a check, for compact assertions.
pub fn codes(c: &smq::pipeline::Checked) -> Vec<(String, String)> {
    c.diagnostics
        .iter()
        .filter(|d| d.code.id() != "register-not-found")
        .map(|d| {
            (
                d.code.id().to_owned(),
                d.location.cell.clone().unwrap_or_default(),
            )
        })
        .collect()
}

/// Shorthand for expected (code, cell) pairs.
pub fn exp(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
    pairs
        .iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect()
}

/// The path of an external program a test needs (`program` on the PATH, or
/// an absolute path). When it is missing the test fails saying which Debian
/// package to install, not with an unexplained "No such file or directory".
/// `.ci/run` installs them all.
pub fn tool(program: &str, package: &str) -> PathBuf {
    let found = if program.contains('/') {
        Some(PathBuf::from(program)).filter(|p| p.is_file())
    } else {
        std::env::var_os("PATH").and_then(|paths| {
            std::env::split_paths(&paths)
                .map(|dir| dir.join(program))
                .find(|p| p.is_file())
        })
    };
    found.unwrap_or_else(|| panic!("{program} not found: apt-get install {package}"))
}

/// `pdftotext`, from poppler-utils.
pub fn pdftotext() -> PathBuf {
    tool("pdftotext", "poppler-utils")
}

/// GNU time, for peak memory (`-f %M`).
pub fn gnu_time() -> PathBuf {
    tool("/usr/bin/time", "time")
}

/// The text of a PDF (pdftotext, from poppler-utils), whitespace collapsed.
pub fn pdf_text(pdf: &Path) -> String {
    let out = std::process::Command::new(pdftotext())
        .args(["-enc", "UTF-8"])
        .arg(pdf)
        .arg("-")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "pdftotext {}: {}",
        pdf.display(),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout)
        .unwrap()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn a_tool_is_found_on_the_path() {
    assert!(tool("sh", "dash").is_file());
}

#[test]
#[should_panic(expected = "smq-no-such-tool not found: apt-get install smq-package")]
fn a_missing_tool_names_its_package() {
    tool("smq-no-such-tool", "smq-package");
}
