//! Inputs found by the `cargo fuzz` targets (see docs/fuzzing.md), kept as
//! regression tests. Each runs the library's read → check pipeline on one
//! file in a temporary workspace, in a thread with a deadline so that a hang
//! fails the test instead of stalling the suite, and checks what a user gets:
//! an error naming the file, not a panic, a hang or a wall of memory.
//!
//! The ODS hangs are fixed by the pre-scan of `content.xml`
//! (src/input/ods.rs), the slow suggestions by a length bound
//! (src/registers/vocab.rs), the copies of a shared string by the `text_mb`
//! limit (src/input/limits.rs), the `.xls` whose FAT loops by a cycle check
//! before calamine opens it (src/input/cfb.rs); calamine's panics stay
//! caught. A memory guard aborts the test binary when its resident memory
//! passes 1 GiB, so a memory regression fails instead of taking the
//! machine's memory.

use std::io::Write;
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
    // Wait in short steps, watching memory: a reader that allocates without
    // bound would take the machine's memory long before the deadline.
    let start = Instant::now();
    loop {
        match rx.recv_timeout(Duration::from_millis(20)) {
            Ok(outcome) => return outcome,
            Err(mpsc::RecvTimeoutError::Disconnected) => {
                panic!("reading the workspace panicked (see the message above)")
            }
            Err(mpsc::RecvTimeoutError::Timeout) => {}
        }
        if let Some(rss) = resident_bytes()
            && rss > MEMORY_GUARD
        {
            // The worker cannot be stopped and would go on allocating:
            // end the whole test binary, loudly.
            // Straight to stderr: the test harness captures `eprintln!`,
            // and its buffer is lost when the process aborts.
            let _ = writeln!(
                std::io::stderr(),
                "memory blow-up: the test process holds {} MiB (guard: {} MiB) \
                 while reading the workspace; aborting",
                rss >> 20,
                MEMORY_GUARD >> 20
            );
            std::process::abort();
        }
        if start.elapsed() > deadline {
            panic!("reading the workspace took more than {deadline:?} (a hang)")
        }
    }
}

/// Resident memory of the test process past which it is aborted. The
/// process runs every module of the integration tests (tests/it/main.rs),
/// whose whole run peaks at about 370 MB: only a blow-up reaches 1 GiB.
const MEMORY_GUARD: u64 = 1 << 30;

/// Resident memory of this process (Linux; `None` elsewhere).
fn resident_bytes() -> Option<u64> {
    let statm = std::fs::read_to_string("/proc/self/statm").ok()?;
    let pages: u64 = statm.split_whitespace().nth(1)?.parse().ok()?;
    Some(pages * 4096)
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

// ---------------------------------------------------------------------------
// Unbounded memory in calamine's compound-file reader (src/cfb.rs).
// ---------------------------------------------------------------------------

/// A 1,536-byte `.xls`: an OLE header, one FAT sector, and a directory chain
/// that starts at sector 1 whose FAT entry points back to sector 1. calamine
/// 0.38 `cfb::Sectors::get_chain` (src/cfb.rs:328) follows a chain with no
/// check for a loop, and `Cfb::new` reads the directory chain with
/// `len = usize::MAX`, so it appends the same 512 bytes forever: gigabytes a
/// second until the machine runs out of memory (the fuzzer's input, a
/// mutated rex-libreoffice.xls of 6,310 bytes, passed 16 GB in 16 s). It
/// happens in `open_workbook_auto`, where no smq limit applies yet.
#[test]
fn xls_whose_fat_loops_is_unreadable_not_a_memory_blow_up() {
    let out = check_file("registre.xls", &fixture("xls-fat-loop.xls"), DEADLINE);
    assert!(!out.readable);
    assert!(
        out.has("unreadable-file", "registre.xls"),
        "{:?}",
        out.diagnostics
    );
}

// ---------------------------------------------------------------------------
// Memory multiplied by shared strings (src/input/workbook.rs).
// ---------------------------------------------------------------------------

/// A minimal `.xlsx` whose one sheet has `rows` cells in column L, each a
/// reference to the same shared string `shared`.
fn shared_string_xlsx(rows: u32, shared: &str) -> Vec<u8> {
    use zip::write::SimpleFileOptions;
    let mut sheet = String::from(
        r#"<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>"#,
    );
    for r in 1..=rows {
        sheet.push_str(&format!(
            r#"<row r="{r}"><c r="L{r}" t="s"><v>0</v></c></row>"#
        ));
    }
    sheet.push_str("</sheetData></worksheet>");
    let parts: [(&str, String); 6] = [
        (
            "[Content_Types].xml",
            r#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>"#.into(),
        ),
        (
            "_rels/.rels",
            r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#.into(),
        ),
        (
            "xl/workbook.xml",
            r#"<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Feuil1" sheetId="1" r:id="rId1"/></sheets></workbook>"#.into(),
        ),
        (
            "xl/_rels/workbook.xml.rels",
            r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>"#.into(),
        ),
        ("xl/worksheets/sheet1.xml", sheet),
        (
            "xl/sharedStrings.xml",
            format!(
                r#"<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="{rows}" uniqueCount="1"><si><t>{shared}</t></si></sst>"#
            ),
        ),
    ];
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    for (name, content) in parts {
        zip.start_file(name, options).unwrap();
        zip.write_all(content.as_bytes()).unwrap();
    }
    zip.finish().unwrap().into_inner()
}

/// One 32,000-character shared string referenced by 60,000 cells: a 300 kB
/// `.xlsx` that stays within every default limit (cells, rows, cell length,
/// unpacked size) yet made the check peak at 1.9 GB, because
/// `Workbook::sheet` stores an owned copy of the string in every cell
/// (`Data::from(cell.get_value().clone())`). At the 500,000-row limit it
/// would be ~16 GB. Found while building inputs for the fuzzer, not by a
/// run; bounded since by the `text_mb` limit (text of one sheet's cells,
/// default 256 MB). The check must end under the test's 1 GiB memory guard,
/// with the file readable or refused by an error naming it.
#[test]
fn a_long_shared_string_repeated_down_a_sheet_does_not_multiply_memory() {
    let shared: String = (0..32_000)
        .map(|i| (b'a' + (i * 7 % 26) as u8) as char)
        .collect();
    let bytes = shared_string_xlsx(60_000, &shared);
    assert!(bytes.len() < 1 << 20, "{} bytes", bytes.len());
    let out = check_file("registre.xlsx", &bytes, DEADLINE);
    if !out.readable {
        assert!(
            !out.errors_naming("registre.xlsx").is_empty(),
            "{:?}",
            out.diagnostics
        );
    }
}
