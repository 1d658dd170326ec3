//! The input layer end to end: fuzz bytes become one workbook in a workspace
//! folder, `smq::pipeline::read_and_check` reads and checks it, and every
//! diagnostic is rendered in both languages.
//!
//! Two input modes:
//!
//! - **raw**: the bytes are the file. The extension follows the content
//!   (OLE → `.xls`; zip holding `mimetype` → `.ods`, holding `workbook.bin` →
//!   `.xlsb`, else `.xlsx`); anything else picks an extension from its first
//!   byte, so the "not a workbook" paths of every format are reached.
//! - **packed** (input starts with `SMQZ\n`): a plain-text list of parts,
//!   each introduced by a line `@@ part/name.xml` and followed by its bytes.
//!   The harness zips them (stored, correct CRCs) into `.xlsx`, `.xlsb` or
//!   `.ods`. Deflated XML is opaque to mutation and a flipped byte in a stored
//!   zip fails its CRC, so this mode is what lets libFuzzer edit the sheet XML
//!   itself. `fuzz/seeds/workbook/*.smqz` are the sample workbooks in this form
//!   (made by `fuzz/pack_seeds.py`).
//!
//! Panics: smq catches panics raised inside calamine (`Workbook::open`,
//! `Workbook::sheet`, `Workbook::merged`) and turns them into diagnostics.
//! libfuzzer-sys' own panic hook would abort on those too, so the harness
//! installs a hook that only records them (printing each new panic site once);
//! a panic that escapes `read_and_check` still aborts and is a crash. Set
//! `SMQ_FUZZ_STRICT_PANICS=1` to keep libfuzzer-sys' hook and treat caught
//! panics as crashes as well.

#![no_main]

use std::collections::HashSet;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, OnceLock};

use chrono::NaiveDate;
use libfuzzer_sys::fuzz_target;
use smq::diagnostic::Diagnostic;
use smq::i18n::Lang;

/// The workspace folder, made once per process.
fn workspace() -> &'static Path {
    static DIR: OnceLock<PathBuf> = OnceLock::new();
    DIR.get_or_init(|| {
        let dir = std::env::temp_dir().join(format!("smq-fuzz-workbook-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("create the fuzz workspace");
        dir
    })
}

/// The file written by the previous run, removed when the extension changes.
static LAST: Mutex<Option<PathBuf>> = Mutex::new(None);

const OLE_MAGIC: [u8; 8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
const PACKED_MAGIC: &[u8] = b"SMQZ\n";
const EXTENSIONS: [&str; 5] = ["xlsx", "xls", "ods", "xlsb", "xlsm"];

fn contains(hay: &[u8], needle: &[u8]) -> bool {
    hay.windows(needle.len()).any(|w| w == needle)
}

/// The extension a raw input is saved under.
fn raw_extension(data: &[u8]) -> &'static str {
    if data.starts_with(&OLE_MAGIC) {
        "xls"
    } else if data.starts_with(b"PK\x03\x04") {
        if contains(data, b"mimetype") {
            "ods"
        } else if contains(data, b"workbook.bin") {
            "xlsb"
        } else {
            "xlsx"
        }
    } else {
        EXTENSIONS[data.first().map_or(0, |b| *b as usize) % EXTENSIONS.len()]
    }
}

/// Splits a packed input into (part name, bytes).
fn unpack(body: &[u8]) -> Vec<(String, &[u8])> {
    let mut parts = Vec::new();
    // Each part starts at the beginning of the input or after a "\n", with "@@ ".
    let mut starts = Vec::new();
    if body.starts_with(b"@@ ") {
        starts.push(0);
    }
    for (i, w) in body.windows(4).enumerate() {
        if w == b"\n@@ " {
            starts.push(i + 1);
        }
    }
    for (k, &s) in starts.iter().enumerate() {
        let end = starts.get(k + 1).map_or(body.len(), |&e| e - 1);
        let block = &body[s + 3..end.max(s + 3)];
        let nl = block
            .iter()
            .position(|&b| b == b'\n')
            .unwrap_or(block.len());
        let name = String::from_utf8_lossy(&block[..nl]).trim().to_owned();
        let content = block.get(nl + 1..).unwrap_or(&[]);
        if !name.is_empty() {
            parts.push((name, content));
        }
    }
    parts
}

/// Zips packed parts (stored, so no time goes into deflate).
fn pack(parts: &[(String, &[u8])]) -> (Vec<u8>, &'static str) {
    let ext = if parts.iter().any(|(n, _)| n == "mimetype") {
        "ods"
    } else if parts.iter().any(|(n, _)| n.ends_with(".bin")) {
        "xlsb"
    } else {
        "xlsx"
    };
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let opts =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    let mut seen = HashSet::new();
    for (name, content) in parts {
        // A duplicate name is an error for the writer: keep the first.
        if !seen.insert(name.as_str()) {
            continue;
        }
        if zip.start_file(name.as_str(), opts).is_err() {
            continue;
        }
        let _ = zip.write_all(content);
    }
    let bytes = zip.finish().map(|c| c.into_inner()).unwrap_or_default();
    (bytes, ext)
}

fn install_panic_hook() {
    if std::env::var_os("SMQ_FUZZ_STRICT_PANICS").is_some() {
        return;
    }
    static SEEN: Mutex<Option<HashSet<String>>> = Mutex::new(None);
    std::panic::set_hook(Box::new(|info| {
        let site = info
            .location()
            .map(|l| format!("{}:{}", l.file(), l.line()))
            .unwrap_or_default();
        let mut seen = SEEN.lock().unwrap_or_else(|e| e.into_inner());
        if seen.get_or_insert_with(HashSet::new).insert(site.clone()) {
            eprintln!("[smq-fuzz] panic at {site}: {info}");
        }
    }));
}

fn render(d: &Diagnostic) -> usize {
    let mut n = d.location.to_string().len() + d.code.id().len() + d.severity().as_str().len();
    for lang in [Lang::Fr, Lang::En] {
        let message = d.message(lang);
        let hint = d.hint(lang);
        n += message.len() + hint.len();
    }
    n
}

fuzz_target!(
    init: {
        install_panic_hook();
        let _ = workspace();
    },
    |data: &[u8]| {
        let (bytes, ext): (std::borrow::Cow<[u8]>, &str) =
            if let Some(body) = data.strip_prefix(PACKED_MAGIC) {
                let parts = unpack(body);
                let (b, e) = pack(&parts);
                (b.into(), e)
            } else {
                (data.into(), raw_extension(data))
            };
        let dir = workspace();
        let path = dir.join(format!("Registre.{ext}"));
        {
            let mut last = LAST.lock().unwrap_or_else(|e| e.into_inner());
            if let Some(prev) = last.as_ref().filter(|p| **p != path) {
                let _ = std::fs::remove_file(prev);
            }
            *last = Some(path.clone());
        }
        std::fs::write(&path, &bytes).expect("write the fuzz workbook");

        let as_of = NaiveDate::from_ymd_opt(2026, 10, 31).expect("valid date");
        let checked = smq::pipeline::read_and_check(dir, as_of).expect("the workspace is listable");

        let mut total = 0;
        for d in &checked.diagnostics {
            total += render(d);
        }
        std::hint::black_box(total);

        // The one file is always accounted for, and a file that could not be
        // read is never silent: an error names it.
        assert_eq!(checked.files.len(), 1, "one workbook in the workspace");
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or_default();
        assert_eq!(checked.files[0].file, name);
        if !checked.files[0].readable {
            assert!(
                checked.diagnostics.iter().any(|d| {
                    d.severity() == smq::diagnostic::Severity::Error
                        && d.location.file.as_deref() == Some(name)
                }),
                "an unreadable file without an error naming it: {:?}",
                checked.diagnostics
            );
        }
        for d in &checked.diagnostics {
            if d.code.id() == "unreadable-file" {
                assert!(!checked.files[0].readable, "unreadable-file on a file that was read");
                assert_eq!(d.location.file.as_deref(), Some(name));
            }
        }
    }
);
