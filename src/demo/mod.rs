//! The demo workspace generator (being written).

use std::path::{Path, PathBuf};

/// Writes the demo workspace into `dir`.
pub fn write_demo(dir: &Path) -> anyhow::Result<Vec<PathBuf>> {
    let _ = dir;
    anyhow::bail!("not yet")
}
