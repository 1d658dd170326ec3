//! The hostile and broken input corpus: every file a shared drive can hold
//! that is not a clean register. For each: no panic, no hang (a timeout), a
//! bounded peak memory (GNU time), a diagnostic naming the file (and the
//! cell where there is one), and an exit status that matches.

use std::io::{Read, Write};
use std::path::Path;
use std::time::Duration;

use crate::common::*;
use rust_xlsxwriter::{Format, Formula, Url, Workbook};
use serde_json::Value;

/// What `smq check` did on a workspace.
struct Run {
    status: i32,
    json: Value,
    peak_mb: f64,
}

impl Run {
    /// (code, file, sheet, cell) of every diagnostic but the completeness
    /// warnings (register-not-found, review-input-missing).
    fn diags(&self) -> Vec<(String, String, String, String)> {
        let s = |v: &Value| v.as_str().unwrap_or("").to_owned();
        self.json["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|d| d["code"] != "register-not-found" && d["code"] != "review-input-missing")
            .map(|d| (s(&d["code"]), s(&d["file"]), s(&d["sheet"]), s(&d["cell"])))
            .collect()
    }

    fn codes(&self) -> Vec<String> {
        self.diags().into_iter().map(|d| d.0).collect()
    }

    /// Rows read for a register, over all its sheets (None: not found).
    fn rows(&self, register: &str) -> Option<u64> {
        let sheets: Vec<u64> = self.json["registers"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|r| r["register"] == register)
            .map(|r| r["rows"].as_u64().unwrap())
            .collect();
        (!sheets.is_empty()).then(|| sheets.iter().sum())
    }
}

/// Runs `smq check --format json` under GNU time, with a timeout.
fn check_run(dir: &Path) -> Run {
    let peak = tempfile::NamedTempFile::new().unwrap();
    let out = assert_cmd::Command::new(gnu_time())
        .arg("-f")
        .arg("%M")
        .arg("-o")
        .arg(peak.path())
        .arg(env!("CARGO_BIN_EXE_smq"))
        .arg("check")
        .arg(dir)
        .args(["--as-of", "2026-10-31", "--format", "json", "--lang", "fr"])
        .timeout(Duration::from_secs(120))
        .output()
        .unwrap();
    let status = out.status.code().expect("killed: a hang or a crash");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("panicked"), "{stderr}");
    let json: Value = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&out.stdout)));
    let kb: f64 = std::fs::read_to_string(peak.path())
        .unwrap()
        .lines()
        .last()
        .unwrap()
        .trim()
        .parse()
        .unwrap();
    let run = Run {
        status,
        json,
        peak_mb: kb / 1024.0,
    };
    assert!(
        run.peak_mb < 300.0,
        "peak memory {:.0} MB on {}",
        run.peak_mb,
        dir.display()
    );
    run
}

fn rex_header() -> Vec<C> {
    vec![
        S("N°"),
        S("Date de détection"),
        S("Type"),
        S("Processus"),
        S("Gravité"),
        S("Fréquence"),
        S("Statut"),
        S("Description"),
    ]
}

fn rex_row(i: usize, description: &'static str) -> Vec<C> {
    vec![
        O(format!("E-{i}")),
        D(2025, 3, 12),
        S("Réclamation"),
        S("Accueil"),
        N(2.0),
        N(1.0),
        S("en cours"),
        S(description),
    ]
}

/// Rewrites one part of a zip (a workbook) through `f`.
fn patch_zip(path: &Path, part: &str, f: impl Fn(Vec<u8>) -> Vec<u8>) {
    let bytes = std::fs::read(path).unwrap();
    let mut zin = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let opts = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for i in 0..zin.len() {
        let mut e = zin.by_index(i).unwrap();
        let name = e.name().unwrap().into_owned();
        let mut data = Vec::new();
        e.read_to_end(&mut data).unwrap();
        if name == part {
            data = f(data);
        }
        out.start_file(name, opts).unwrap();
        out.write_all(&data).unwrap();
    }
    std::fs::write(path, out.finish().unwrap().into_inner()).unwrap();
}

#[test]
fn broken_containers_are_named_and_the_run_goes_on() {
    let ws = Ws::new();
    let good = ws.book("REX.xlsx", &[("R", vec![rex_header(), rex_row(1, "ok")])]);
    let bytes = std::fs::read(&good).unwrap();
    std::fs::write(ws.file("tronque.xlsx"), &bytes[..bytes.len() * 2 / 3]).unwrap();
    // Damage the compressed data but keep the zip directory intact.
    let mut corrupt = bytes.clone();
    for b in corrupt.iter_mut().skip(60).step_by(7).take(bytes.len() / 9) {
        *b = !*b;
    }
    std::fs::write(ws.file("corrompu.xlsx"), &corrupt).unwrap();
    std::fs::write(ws.file("texte.xlsx"), "N°;Date\nE-1;12/03/2025\n").unwrap();
    std::fs::write(ws.file("vide.xlsx"), b"").unwrap();
    std::fs::write(ws.file("zip-ancien.xls"), &bytes).unwrap();
    let mut notbook = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    notbook
        .start_file("lisez-moi.txt", zip::write::SimpleFileOptions::default())
        .unwrap();
    notbook.write_all(b"pas un classeur").unwrap();
    std::fs::write(
        ws.file("archive.xlsx"),
        notbook.finish().unwrap().into_inner(),
    )
    .unwrap();
    std::fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/hostile/password.xlsx"),
        ws.file("mot-de-passe.xlsx"),
    )
    .unwrap();
    let run = check_run(ws.path());
    assert_eq!(run.status, 1);
    assert_eq!(run.rows("rex"), Some(1), "the good workbook is still read");
    let mut named: Vec<(String, String)> = run
        .diags()
        .into_iter()
        .map(|(code, file, _, _)| (file, code))
        .collect();
    named.sort();
    named.dedup();
    let files: Vec<&str> = named.iter().map(|(f, _)| f.as_str()).collect();
    assert_eq!(
        files,
        [
            "archive.xlsx",
            "corrompu.xlsx",
            "mot-de-passe.xlsx",
            "texte.xlsx",
            "tronque.xlsx",
            "vide.xlsx",
            "zip-ancien.xls"
        ],
        "{named:?}"
    );
    for (file, code) in &named {
        assert!(
            code == "unreadable-file" || code == "unreadable-sheet",
            "{file}: {code}"
        );
    }
    let protected = run.json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["file"] == "mot-de-passe.xlsx")
        .unwrap();
    assert!(
        protected["message"]
            .as_str()
            .unwrap()
            .contains("chiffré (protégé par mot de passe)"),
        "{protected}"
    );
}

#[test]
fn zip_bombs_are_refused_before_they_are_inflated() {
    let ws = Ws::new();
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/hostile");
    std::fs::copy(fixtures.join("bomb.xlsx"), ws.file("bombe.xlsx")).unwrap();
    std::fs::copy(fixtures.join("lying-bomb.xlsx"), ws.file("menteuse.xlsx")).unwrap();
    let run = check_run(ws.path());
    assert_eq!(run.status, 1);
    let d = run.diags();
    assert!(d.contains(&(
        "limit-size".into(),
        "bombe.xlsx".into(),
        "".into(),
        "".into()
    )));
    let bomb = run.json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["code"] == "limit-size")
        .unwrap();
    assert_eq!(
        bomb["message"],
        "ce classeur se décompresse en 601\u{a0}Mo, au-delà de la limite de 512\u{a0}Mo\u{a0}: il n'est pas lu"
    );
    // The lying archive declares 4 kB for 20 MB: stopped at the declared size.
    assert!(
        d.iter()
            .any(|x| x.0 == "unreadable-sheet" && x.1 == "menteuse.xlsx"),
        "{d:?}"
    );
    assert!(run.peak_mb < 100.0, "{:.0} MB", run.peak_mb);

    // The limit is configurable: a 2 MB sheet against 1 MB.
    let ws = Ws::new();
    let rows: Vec<Vec<C>> = std::iter::once(rex_header())
        .chain((0..8000).map(|i| rex_row(i, "une description de quelques dizaines de caractères")))
        .collect();
    ws.book("REX.xlsx", &[("R", rows)]);
    std::fs::write(ws.file("smq.toml"), "[limits]\nunpacked_mb = 1\n").unwrap();
    let run = check_run(ws.path());
    assert_eq!(run.codes(), ["limit-size"]);
    assert_eq!(run.status, 1);
}

#[test]
fn a_sheet_of_a_million_rows_stops_at_the_row_limit() {
    let ws = Ws::new();
    let mut wb = Workbook::new();
    let sheet = wb.add_worksheet_with_constant_memory().unwrap();
    sheet.set_name("Export").unwrap();
    for r in 0..1_048_576u32 {
        sheet.write_number(r, 0, r as f64).unwrap();
    }
    // A register with one stray value at the very bottom of its sheet.
    let rex = wb.add_worksheet();
    rex.set_name("REX").unwrap();
    write_rows(rex, 0, &[rex_header(), rex_row(1, "a"), rex_row(2, "b")]);
    rex.write_string(1_048_575, 3, "x").unwrap();
    wb.save(ws.file("Gros.xlsx")).unwrap();
    let run = check_run(ws.path());
    assert_eq!(run.status, 1);
    assert_eq!(
        run.diags(),
        [
            (
                "limit-rows".into(),
                "Gros.xlsx".into(),
                "Export".into(),
                "A500001".into()
            ),
            (
                "limit-rows".into(),
                "Gros.xlsx".into(),
                "REX".into(),
                "D1048576".into()
            ),
        ]
    );
    assert_eq!(
        run.rows("rex"),
        Some(2),
        "the rows above the limit are read"
    );
}

#[test]
fn sixteen_thousand_columns_stop_at_the_column_limit() {
    let ws = Ws::new();
    let mut wb = Workbook::new();
    let s = wb.add_worksheet();
    s.set_name("REX").unwrap();
    write_rows(s, 0, &[rex_header(), rex_row(1, "a")]);
    for c in 0..16_384u16 {
        s.write_number(2, c, c as f64).unwrap();
    }
    wb.save(ws.file("Large.xlsx")).unwrap();
    let run = check_run(ws.path());
    assert_eq!(run.status, 1);
    let d = run.diags();
    let wide: Vec<_> = d.iter().filter(|x| x.0 == "limit-columns").collect();
    assert_eq!(
        wide,
        [&(
            "limit-columns".to_owned(),
            "Large.xlsx".to_owned(),
            "REX".to_owned(),
            "SG3".to_owned()
        )],
        "reported once, at column 501 (SG)"
    );
    // The row's columns within the register are still read and checked.
    assert!(d.iter().any(|x| x.3 == "B3"), "{d:?}");
    assert_eq!(run.rows("rex"), Some(2));
}

#[test]
fn a_five_megabyte_cell_is_refused_at_its_cell() {
    let ws = Ws::new();
    let path = ws.book(
        "REX.xlsx",
        &[(
            "R",
            vec![rex_header(), rex_row(1, "ENORME"), rex_row(2, "court")],
        )],
    );
    patch_zip(&path, "xl/sharedStrings.xml", |xml| {
        let s = String::from_utf8(xml).unwrap();
        assert!(s.contains("ENORME"));
        s.replace("ENORME", &"é".repeat(2_500_000)).into_bytes()
    });
    let run = check_run(ws.path());
    assert_eq!(run.status, 1);
    assert_eq!(
        run.diags(),
        [(
            "limit-cell-length".into(),
            "REX.xlsx".into(),
            "R".into(),
            "H2".into()
        )]
    );
    let msg = run.json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["code"] == "limit-cell-length")
        .unwrap()["message"]
        .as_str()
        .unwrap()
        .to_owned();
    assert!(msg.contains("32767"), "{msg}");
    assert_eq!(run.rows("rex"), Some(2));
}

#[test]
fn formulas_and_error_values_everywhere() {
    let ws = Ws::new();
    let errors = [
        "#N/A", "#DIV/0!", "#REF!", "#VALUE!", "#NAME?", "#NUM!", "#NULL!",
    ];
    let mut rows = vec![rex_header()];
    for i in 0..7 {
        rows.push((0..8).map(|c| E("=1/0", errors[(i + c) % 7])).collect());
    }
    // Formulas with good cached results read as their values.
    rows.push(vec![
        F("=\"E-\"&1", 0.0),
        F("=DATE(2025,3,12)", 45728.0),
        S("Réclamation"),
        S("Accueil"),
        F("=1+1", 2.0),
        F("=2-1", 1.0),
        S("en cours"),
        S("x"),
    ]);
    ws.book("REX.xlsx", &[("R", rows)]);
    let run = check_run(ws.path());
    assert_eq!(run.status, 1);
    let d = run.diags();
    let errs: Vec<&String> = d
        .iter()
        .filter(|x| x.0 == "excel-error")
        .map(|x| &x.3)
        .collect();
    // Every cell of the seven error rows, each named.
    assert_eq!(errs.len(), 7 * 8, "{d:?}");
    assert!(errs.contains(&&"A2".to_owned()) && errs.contains(&&"H8".to_owned()));
    assert!(
        !d.iter().any(|x| x.3.ends_with('9')),
        "the formula row reads clean: {d:?}"
    );
    assert_eq!(run.rows("rex"), Some(8));
}

#[test]
fn merged_duplicate_and_bare_headers() {
    let ws = Ws::new();
    let mut wb = Workbook::new();
    // A title merged over the header row's first cells: the header is
    // below it.
    let s = wb.add_worksheet();
    s.set_name("Fusion").unwrap();
    s.merge_range(0, 0, 1, 7, "Registre des événements 2025", &Format::new())
        .unwrap();
    write_rows(s, 2, &[rex_header(), rex_row(1, "a")]);
    // A merged block over the header itself: the register is not there,
    // and nothing breaks.
    let s = wb.add_worksheet();
    s.set_name("Bloc").unwrap();
    write_rows(s, 0, &[rex_header(), rex_row(9, "b")]);
    s.merge_range(0, 0, 3, 7, "Fusion sur l'en-tête", &Format::new())
        .unwrap();
    wb.save(ws.file("REX.xlsx")).unwrap();
    let mut dup = rex_header();
    dup.push(S("Gravité"));
    ws.book(
        "Actions.xlsx",
        &[
            ("Doublons", vec![dup, rex_row(2, "c")]),
            (
                "Entêtes",
                vec![vec![
                    S("N° action"),
                    S("Origine"),
                    S("Description"),
                    S("Pilote"),
                    S("Date d'ouverture"),
                    S("Échéance"),
                    S("Statut"),
                ]],
            ),
        ],
    );
    let run = check_run(ws.path());
    assert_eq!(run.status, 0, "{:?}", run.diags());
    assert_eq!(
        run.diags(),
        [(
            "duplicate-column".into(),
            "Actions.xlsx".into(),
            "Doublons".into(),
            "I1".into()
        )]
    );
    assert_eq!(run.rows("rex"), Some(2));
    assert_eq!(run.rows("actions"), Some(0), "headers only: found, no rows");
}

#[test]
fn every_data_type_in_every_column() {
    let ws = Ws::new();
    let kinds = |i: usize| -> C {
        match i % 7 {
            0 => S("texte ; «\u{a0}#x\u{a0}»"),
            1 => N(-1e308),
            2 => B(true),
            3 => D(1900, 1, 1),
            4 => E("=NA()", "#N/A"),
            5 => F("=1/3", 1.0 / 3.0),
            _ => X,
        }
    };
    let mut rows = vec![rex_header()];
    for r in 0..14 {
        rows.push((0..8).map(|c| kinds(r + c)).collect());
    }
    ws.book("REX.xlsx", &[("R", rows)]);
    let run = check_run(ws.path());
    assert_eq!(run.status, 1);
    let d = run.diags();
    assert!(!d.is_empty());
    for (code, file, sheet, cell) in &d {
        assert_eq!((file.as_str(), sheet.as_str()), ("REX.xlsx", "R"), "{code}");
        assert!(!cell.is_empty(), "{code} names its cell");
    }
    // Two of every seven rows are a type the identifier column accepts…
    // every row is read, none is dropped silently.
    assert_eq!(run.rows("rex"), Some(14));
}

#[test]
fn odd_names_hidden_sheets_and_links() {
    use std::os::unix::ffi::OsStrExt;
    let ws = Ws::new();
    let mut wb = Workbook::new();
    let visible = wb.add_worksheet();
    visible.set_name("Accueil ›‹ «»").unwrap();
    visible
        .write_string(0, 0, "Voir la feuille masquée")
        .unwrap();
    let hidden = wb.add_worksheet();
    hidden.set_name("Événements 🧪").unwrap();
    hidden.set_hidden(true);
    write_rows(hidden, 0, &[rex_header(), rex_row(1, "a")]);
    // A value linked from another workbook, with its cached result, and a
    // hyperlink: both read as what the cell shows.
    hidden
        .write_formula(
            2,
            0,
            Formula::new("='C:\\Qualité\\[Autre.xlsx]REX'!A2").set_result("E-2"),
        )
        .unwrap();
    write_rows(
        hidden,
        2,
        &[vec![
            X,
            D(2025, 4, 1),
            S("ESR"),
            S("Accueil"),
            N(3.0),
            N(1.0),
            S("clos"),
            X,
        ]],
    );
    hidden
        .write_url(
            2,
            7,
            Url::new("https://intranet/ged/E-2").set_text("fiche E-2"),
        )
        .unwrap();
    let name = std::ffi::OsStr::from_bytes(b"REX-\xff\xfe.xlsx");
    wb.save(ws.path().join(name)).unwrap();
    let run = check_run(ws.path());
    assert_eq!(run.rows("rex"), Some(2), "{:?}", run.diags());
    let d = run.diags();
    assert!(
        d.iter()
            .all(|x| x.1 == "REX-\u{fffd}\u{fffd}.xlsx" && x.2 == "Événements 🧪"),
        "{d:?}"
    );
    // Closed without a closing date: a warning at its cell, exit 0.
    assert_eq!(run.status, 0, "{d:?}");
}

/// An OpenDocument spreadsheet whose only sheet is `rows` (table-row XML).
fn ods(path: &Path, sheet: &str, rows: &str) {
    let mut z = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let stored =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    z.start_file("mimetype", stored).unwrap();
    z.write_all(b"application/vnd.oasis.opendocument.spreadsheet")
        .unwrap();
    z.start_file("content.xml", zip::write::SimpleFileOptions::default())
        .unwrap();
    write!(
        z,
        r#"<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2"><office:body><office:spreadsheet><table:table table:name="{sheet}">{rows}</table:table></office:spreadsheet></office:body></office:document-content>"#
    )
    .unwrap();
    std::fs::write(path, z.finish().unwrap().into_inner()).unwrap();
}

#[test]
fn repeated_rows_of_an_ods_are_not_expanded_past_the_limits() {
    let ws = Ws::new();
    // One row of 400 filled cells repeated 1,000,000 times: 400 million
    // cells once expanded.
    ods(
        &ws.file("Bombe.ods"),
        "Feuille1",
        r#"<table:table-row table:number-rows-repeated="1000000"><table:table-cell table:number-columns-repeated="400" office:value-type="float" office:value="1"><text:p>1</text:p></table:table-cell></table:table-row>"#,
    );
    // 6,000 × 400 = 2.4 million cells, within rows and columns.
    ods(
        &ws.file("Dense.ods"),
        "Feuille1",
        r#"<table:table-row table:number-rows-repeated="6000"><table:table-cell table:number-columns-repeated="400" office:value-type="float" office:value="1"><text:p>1</text:p></table:table-cell></table:table-row>"#,
    );
    std::fs::write(ws.file("smq.toml"), "[limits]\ncells = 1000000\n").unwrap();
    let run = check_run(ws.path());
    assert_eq!(run.status, 1);
    assert_eq!(
        run.diags(),
        [
            (
                "limit-rows".into(),
                "Bombe.ods".into(),
                "Feuille1".into(),
                "A500001".into()
            ),
            (
                "limit-cells".into(),
                "Dense.ods".into(),
                "Feuille1".into(),
                "OJ6000".into()
            ),
        ]
    );
}
