//! The baseline of the `smq check` benchmark: a bare calamine read of every
//! workbook of a folder (every sheet, every cell touched once), with no
//! register logic. `smq check` is measured against this.
//!
//! Usage: `cargo run --release --example bare_read -- DIR`

use std::path::Path;

use calamine::{Data, Reader, open_workbook_auto};

fn walk(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .filter_map(Result::ok)
        .collect();
    entries.sort_by_key(|e| e.file_name());
    for e in entries {
        let p = e.path();
        let name = e.file_name().to_string_lossy().into_owned();
        if name.starts_with('.') || name.starts_with("~$") {
            continue;
        }
        if p.is_dir() {
            walk(&p, out);
        } else if matches!(
            p.extension()
                .and_then(|x| x.to_str())
                .map(str::to_ascii_lowercase)
                .as_deref(),
            Some("xlsx" | "xlsm" | "xls" | "xlsb" | "ods")
        ) {
            out.push(p);
        }
    }
}

fn main() {
    let dir = std::env::args().nth(1).expect("usage: bare_read DIR");
    let mut files = Vec::new();
    walk(Path::new(&dir), &mut files);
    let (mut cells, mut text_bytes) = (0u64, 0u64);
    for f in files {
        let Ok(mut wb) = open_workbook_auto(&f) else {
            continue;
        };
        for name in wb.sheet_names() {
            let Ok(range) = wb.worksheet_range(&name) else {
                continue;
            };
            for row in range.rows() {
                for c in row {
                    match c {
                        Data::Empty => {}
                        Data::String(s) => {
                            cells += 1;
                            text_bytes += s.len() as u64;
                        }
                        _ => cells += 1,
                    }
                }
            }
        }
    }
    println!("{cells} cells, {text_bytes} bytes of text");
}
