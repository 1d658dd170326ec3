//! Inputs found by the `cargo fuzz` targets (see docs/fuzzing.md), kept as
//! regression tests. Each runs the library's read → check pipeline on one
//! file in a temporary workspace, in a thread with a deadline so that a hang
//! fails the test instead of stalling the suite, and checks what a user gets:
//! an error naming the file, not a panic, a hang or a wall of memory.
//!
//! Every bug they found is fixed: the ODS hangs by the pre-scan of
//! `content.xml` (src/input/ods.rs), the slow suggestions by a length bound
//! (src/registers/vocab.rs); calamine's panics stay caught.

use std::path::Path;
use std::sync::mpsc;
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use smq::diagnostic::Severity;

/// What a check of a one-file workspace gave: (code, file) of each
/// diagnostic, whether the file was read, and how long it took.
struct Outcome {
    diagnostics: Vec<(String, Option<String>, String)>,
    readable: bool,
    elapsed: Duration,
}

impl Outcome {
    fn has(&self, code: &str, file: &str) -> bool {
        self.diagnostics
            .iter()
            .any(|(c, f, _)| c == code && f.as_deref() == Some(file))
    }

    fn errors_naming(&self, file: &str) -> Vec<&str> {
        self.diagnostics
            .iter()
            .filter(|(c, f, _)| {
                f.as_deref() == Some(file)
                    && smq::diagnostic::Code::from_id(c).map(|c| c.severity())
                        == Some(Severity::Error)
            })
            .map(|(c, _, _)| c.as_str())
            .collect()
    }
}

/// Writes `bytes` as `name` in a fresh workspace and checks it, failing the
/// test if the check takes longer than `deadline`.
fn check_file(name: &str, bytes: &[u8], deadline: Duration) -> Outcome {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join(name), bytes).unwrap();
    check_dir(dir.path(), deadline)
}

fn check_dir(dir: &Path, deadline: Duration) -> Outcome {
    let (tx, rx) = mpsc::channel();
    let root = dir.to_owned();
    // The worker is detached: if it hangs, the test fails at the deadline and
    // the process ends with the test run.
    std::thread::spawn(move || {
        let start = Instant::now();
        let as_of = NaiveDate::from_ymd_opt(2026, 10, 31).unwrap();
        let checked = smq::pipeline::read_and_check(&root, as_of).unwrap();
        let diagnostics = checked
            .diagnostics
            .iter()
            .map(|d| {
                (
                    d.code.id().to_owned(),
                    d.location.file.clone(),
                    d.message(smq::i18n::Lang::En),
                )
            })
            .collect();
        let readable = checked.files.iter().all(|f| f.readable);
        let _ = tx.send(Outcome {
            diagnostics,
            readable,
            elapsed: start.elapsed(),
        });
    });
    match rx.recv_timeout(deadline) {
        Ok(outcome) => outcome,
        Err(mpsc::RecvTimeoutError::Timeout) => {
            panic!("reading the workspace took more than {deadline:?} (a hang)")
        }
        Err(mpsc::RecvTimeoutError::Disconnected) => {
            panic!("reading the workspace panicked (see the message above)")
        }
    }
}

fn fixture(name: &str) -> Vec<u8> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/fuzz")
        .join(name);
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

const DEADLINE: Duration = Duration::from_secs(60);

// ---------------------------------------------------------------------------
// Hangs in calamine's OpenDocument reader (calamine 0.38, src/ods.rs).
// ---------------------------------------------------------------------------

/// `content.xml` ends inside `<table:table>`: calamine's `ods::read_table`
/// matches `Ok(_) => ()` on every other event, `Eof` included, so it loops
/// forever once the XML runs out. Found by the `workbook` target (a packed
/// .ods whose content.xml was crossed with sheet XML of an .xlsx), then cut
/// down by hand to `tests/fixtures/fuzz/ods-unclosed-table.ods`: `mimetype`,
/// `META-INF/manifest.xml` and a 318-byte content.xml.
#[test]
fn ods_ending_inside_a_table_is_unreadable_not_a_hang() {
    let out = check_file("registre.ods", &fixture("ods-unclosed-table.ods"), DEADLINE);
    assert!(!out.readable);
    assert!(
        out.has("unreadable-file", "registre.ods"),
        "{:?}",
        out.diagnostics
    );
}

/// The same loop one level down: a cell's `<office:annotation>` that is never
/// closed (`ods::get_datatype`, inner `loop` with `_ => ()`).
#[test]
fn ods_with_an_unclosed_annotation_is_unreadable_not_a_hang() {
    let out = check_file(
        "registre.ods",
        &fixture("ods-unclosed-annotation.ods"),
        DEADLINE,
    );
    assert!(!out.readable);
    assert!(
        out.has("unreadable-file", "registre.ods"),
        "{:?}",
        out.diagnostics
    );
}

// ---------------------------------------------------------------------------
// Quadratic "did you mean" on long list values (src/registers/vocab.rs).
// ---------------------------------------------------------------------------

/// A list cell (here *Statut*) holding a long unknown value: `Vocab::suggest`
/// runs a full Levenshtein matrix between the folded value and every spelling
/// of the list, twice (French and English), for every such cell. With one
/// 32,000-character shared string repeated down 100 rows (a 20 kB file), that
/// is ~10^10 matrix cells. A value more than a third longer than the longest
/// spelling can never be within the suggestion's distance limit, so the
/// answer (no suggestion) is known without the matrix.
#[test]
fn long_unknown_list_values_get_their_diagnostic_without_stalling() {
    let dir = tempfile::tempdir().unwrap();
    let long: String = (0..32_000)
        .map(|i| (b'a' + (i * 7 % 26) as u8) as char)
        .collect();
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name("REX").unwrap();
    for (c, h) in ["N°", "Date de détection", "Type", "Statut"]
        .iter()
        .enumerate()
    {
        ws.write_string(0, c as u16, *h).unwrap();
    }
    for r in 1..=100u32 {
        ws.write_string(r, 0, format!("E-{r}")).unwrap();
        ws.write_number(r, 1, 45_728.0).unwrap();
        ws.write_string(r, 2, "Incident").unwrap();
        ws.write_string(r, 3, &long).unwrap();
    }
    wb.save(dir.path().join("REX.xlsx")).unwrap();

    let out = check_dir(dir.path(), Duration::from_secs(30));
    let unknown = out
        .diagnostics
        .iter()
        .filter(|(c, f, _)| c == "unknown-value" && f.as_deref() == Some("REX.xlsx"))
        .count();
    assert_eq!(unknown, 100, "one unknown-value per row");
    assert!(
        out.elapsed < Duration::from_secs(10),
        "took {:?}",
        out.elapsed
    );
}

// ---------------------------------------------------------------------------
// Panics inside calamine that smq catches (src/input/workbook.rs wraps every
// reader call in `catch_unwind`). They must stay caught and named.
// ---------------------------------------------------------------------------

/// Errors a user may get for a cell reference calamine cannot hold in a u32:
/// with overflow checks (debug builds, `cargo test`) calamine panics in
/// `xlsx::get_row_and_optional_column` and smq reports the sheet unreadable;
/// in release builds the multiplication wraps and the cell lands beyond the
/// row or column limit.
const OVERFLOW_ERRORS: &[&str] = &["unreadable-sheet", "limit-rows", "limit-columns"];

/// `<c r="B99999999999">`: `row * 10` overflows (calamine 0.38
/// src/xlsx/mod.rs:3112, "attempt to multiply with overflow"). Found by the
/// `workbook` target; rebuilt by hand from tests/fixtures/rex-libreoffice.xlsx.
#[test]
fn xlsx_row_number_overflowing_u32_is_an_error_not_a_crash() {
    let out = check_file(
        "registre.xlsx",
        &fixture("xlsx-row-overflow.xlsx"),
        DEADLINE,
    );
    let errors = out.errors_naming("registre.xlsx");
    assert!(
        errors.iter().any(|c| OVERFLOW_ERRORS.contains(c)),
        "{:?}",
        out.diagnostics
    );
}

/// `<c r="BBBBBBBBBBBB4">`: `col * 26` overflows (src/xlsx/mod.rs:3096).
#[test]
fn xlsx_column_letters_overflowing_u32_are_an_error_not_a_crash() {
    let out = check_file(
        "registre.xlsx",
        &fixture("xlsx-column-overflow.xlsx"),
        DEADLINE,
    );
    let errors = out.errors_naming("registre.xlsx");
    assert!(
        errors.iter().any(|c| OVERFLOW_ERRORS.contains(c)),
        "{:?}",
        out.diagnostics
    );
}

/// An `.xls` cut at 5,120 bytes (the first 5,120 bytes of
/// tests/fixtures/rex-libreoffice.xls): calamine's compound-file reader
/// (src/cfb.rs:320, `Sectors::get`) slices `data[start..len]` with
/// `start > len` when the file ends before a sector it was pointed to:
/// "slice index starts at 5120 but ends at 4608". It panics in release
/// builds too; smq catches it.
#[test]
fn xls_ending_before_a_sector_is_unreadable_not_a_crash() {
    let out = check_file(
        "registre.xls",
        &fixture("xls-truncated-sector.xls"),
        DEADLINE,
    );
    let errors = out.errors_naming("registre.xls");
    assert!(
        errors
            .iter()
            .any(|c| *c == "unreadable-file" || *c == "unreadable-sheet"),
        "{:?}",
        out.diagnostics
    );
}

/// An OLE header and one byte (513 bytes, minimised by `cargo fuzz tmin` from
/// a mutated rex-libreoffice.xls): the FAT sector it names holds 1 byte, and
/// calamine's `utils::to_u32` (src/utils.rs:29, called from src/cfb.rs:130)
/// asserts `s.len() % 4 == 0`: "assertion `left == right` failed, left: 1,
/// right: 0". Panics in release builds too; smq catches it.
#[test]
fn xls_with_a_partial_fat_sector_is_unreadable_not_a_crash() {
    let out = check_file("registre.xls", &fixture("xls-partial-sector.xls"), DEADLINE);
    assert!(!out.readable);
    assert!(
        out.has("unreadable-file", "registre.xls"),
        "{:?}",
        out.diagnostics
    );
}
