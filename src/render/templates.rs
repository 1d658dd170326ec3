//! Report templates: `.typ` files embedded in the binary, overridable file by
//! file from a folder (`--templates DIR`), and written out for customising
//! by `smq templates export DIR`. Templates receive their data only as
//! `json("/data.json")`.

use std::collections::BTreeMap;
use std::io;
use std::path::{Path, PathBuf};

/// The default templates, by path inside the template tree.
pub const DEFAULTS: &[(&str, &str)] = &[
    (
        "lib/style.typ",
        include_str!("../../templates/lib/style.typ"),
    ),
    (
        "lib/charts.typ",
        include_str!("../../templates/lib/charts.typ"),
    ),
    (
        "lib/report.typ",
        include_str!("../../templates/lib/report.typ"),
    ),
    (
        "indicators.typ",
        include_str!("../../templates/indicators.typ"),
    ),
    ("review.typ", include_str!("../../templates/review.typ")),
    ("audit.typ", include_str!("../../templates/audit.typ")),
];

/// Files in a template folder larger than this are not read.
pub const MAX_TEMPLATE_FILE: u64 = 16 * 1024 * 1024;

/// A set of template files, by `/`-separated path.
#[derive(Debug, Clone)]
pub struct TemplateSet {
    pub files: BTreeMap<String, Vec<u8>>,
    /// Paths that came from the override folder.
    pub overridden: Vec<String>,
}

impl TemplateSet {
    /// The defaults, overridden by every file found under `dir`.
    pub fn load(dir: Option<&Path>) -> io::Result<TemplateSet> {
        let mut files: BTreeMap<String, Vec<u8>> = DEFAULTS
            .iter()
            .map(|(p, t)| ((*p).to_owned(), t.as_bytes().to_vec()))
            .collect();
        let mut overridden = Vec::new();
        if let Some(dir) = dir {
            if !dir.is_dir() {
                return Err(io::Error::new(
                    io::ErrorKind::NotFound,
                    format!("{}", dir.display()),
                ));
            }
            let mut found = Vec::new();
            walk(dir, dir, &mut found, 0)?;
            for (rel, path) in found {
                files.insert(rel.clone(), std::fs::read(&path)?);
                overridden.push(rel);
            }
        }
        Ok(TemplateSet { files, overridden })
    }
}

fn walk(root: &Path, dir: &Path, out: &mut Vec<(String, PathBuf)>, depth: usize) -> io::Result<()> {
    if depth > 8 {
        return Ok(());
    }
    let mut entries: Vec<_> = std::fs::read_dir(dir)?.filter_map(Result::ok).collect();
    entries.sort_by_key(|e| e.file_name());
    for e in entries {
        let name = e.file_name().to_string_lossy().into_owned();
        if name.starts_with('.') {
            continue;
        }
        let path = e.path();
        let meta = std::fs::metadata(&path)?;
        if meta.is_dir() {
            walk(root, &path, out, depth + 1)?;
        } else if meta.is_file() && meta.len() <= MAX_TEMPLATE_FILE {
            let rel = path
                .strip_prefix(root)
                .unwrap_or(&path)
                .components()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect::<Vec<_>>()
                .join("/");
            out.push((rel, path));
        }
    }
    Ok(())
}

/// Writes the default templates into `dir`, refusing to overwrite a file.
/// Returns the files written.
pub fn export(dir: &Path) -> Result<Vec<PathBuf>, ExportError> {
    for (rel, _) in DEFAULTS {
        let path = dir.join(rel);
        if path.exists() {
            return Err(ExportError::Exists(path));
        }
    }
    let mut written = Vec::new();
    for (rel, text) in DEFAULTS {
        let path = dir.join(rel);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(ExportError::Io)?;
        }
        std::fs::write(&path, text).map_err(ExportError::Io)?;
        written.push(path);
    }
    Ok(written)
}

/// Why templates could not be exported.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error("{0} exists")]
    Exists(PathBuf),
    #[error(transparent)]
    Io(io::Error),
}
