//! The demo workspace generator (being written).

use std::path::{Path, PathBuf};

/// Writes the demo workspace into `dir`.
pub fn write_demo(dir: &Path) -> anyhow::Result<Vec<PathBuf>> {
    let _ = dir;
    anyhow::bail!("not yet")
}

/// Writes a stress workspace (being written).
pub fn write_stress(dir: &Path, events: usize) -> anyhow::Result<Vec<PathBuf>> {
    let _ = (dir, events);
    anyhow::bail!("not yet")
}
