//! A workspace is a folder of workbooks, walked recursively. Office lock files
//! (`~$Registre.xlsx`) and hidden files or folders are skipped. The listing is
//! sorted so that every run sees the files in the same order.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

/// Extensions calamine can read.
pub const WORKBOOK_EXTENSIONS: &[&str] = &["xlsx", "xlsm", "xlsb", "xls", "ods"];

/// A workbook file of the workspace.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct InputFile {
    /// Path relative to the workspace root, `/`-separated: what messages show.
    pub rel: String,
    pub path: PathBuf,
    pub size: u64,
}

fn is_workbook(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .map(|e| WORKBOOK_EXTENSIONS.contains(&e.to_ascii_lowercase().as_str()))
        .unwrap_or(false)
}

fn skipped(name: &str) -> bool {
    name.starts_with('.') || name.starts_with("~$") || name.starts_with(".~lock")
}

/// Lists the workbooks under `root`, sorted by relative path.
pub fn list_workbooks(root: &Path) -> io::Result<Vec<InputFile>> {
    let mut out = Vec::new();
    walk(root, root, &mut out, 0)?;
    out.sort();
    Ok(out)
}

fn walk(root: &Path, dir: &Path, out: &mut Vec<InputFile>, depth: usize) -> io::Result<()> {
    // Symlink loops or absurd trees: a real workspace is a few levels deep.
    if depth > 16 {
        return Ok(());
    }
    let mut entries: Vec<_> = fs::read_dir(dir)?.filter_map(Result::ok).collect();
    entries.sort_by_key(|e| e.file_name());
    for entry in entries {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if skipped(&name) {
            continue;
        }
        let path = entry.path();
        let Ok(meta) = fs::metadata(&path) else {
            continue;
        };
        if meta.is_dir() {
            // Sub-folders that cannot be listed are skipped, not fatal.
            let _ = walk(root, &path, out, depth + 1);
        } else if meta.is_file() && is_workbook(&path) {
            let rel = path
                .strip_prefix(root)
                .unwrap_or(&path)
                .components()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect::<Vec<_>>()
                .join("/");
            out.push(InputFile {
                rel,
                path,
                size: meta.len(),
            });
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn walks_recursively_and_skips_lock_and_hidden_files() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        fs::create_dir_all(root.join("2025/sub")).unwrap();
        fs::create_dir_all(root.join(".cache")).unwrap();
        for f in [
            "REX.xlsx",
            "~$REX.xlsx",
            ".hidden.xlsx",
            "notes.txt",
            "2025/Actions.XLSX",
            "2025/sub/old.xls",
            "2025/sub/b.ods",
            ".cache/x.xlsx",
        ] {
            fs::write(root.join(f), b"x").unwrap();
        }
        let rels: Vec<String> = list_workbooks(root)
            .unwrap()
            .into_iter()
            .map(|f| f.rel)
            .collect();
        assert_eq!(
            rels,
            [
                "2025/Actions.XLSX",
                "2025/sub/b.ods",
                "2025/sub/old.xls",
                "REX.xlsx"
            ]
        );
    }
}
