//! Resource limits of the input layer. A register typed by hand never comes
//! near them; a corrupt, generated or hostile file does, and is then stopped
//! with a diagnostic naming the file, the sheet and the first cell beyond the
//! limit, before it can take the machine's memory or time.
//!
//! | limit         | default     | why that much                                   |
//! |---------------|-------------|-------------------------------------------------|
//! | `rows`        | 500,000     | 100 years of a busy service's events fit 10×    |
//! | `columns`     | 500         | the widest register has ~40 columns             |
//! | `cells`       | 10,000,000  | filled cells of one sheet (~400 MB of memory)   |
//! | `cell_length` | 32,767      | Excel's own maximum for one cell                |
//! | `text_mb`     | 256         | text of one sheet's cells (one shared string    |
//! |               |             | repeated in 60,000 cells took 1.9 GB; fuzzing)  |
//! | `unpacked_mb` | 512         | a workbook's XML once decompressed (zip bombs)  |

use serde::{Deserialize, Serialize};

/// The effective limits (see the module documentation).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Rows of a sheet: a filled cell at or below row `rows + 1` is refused.
    pub rows: u32,
    /// Columns of a sheet: a filled cell right of column `columns` is refused.
    pub columns: u32,
    /// Filled cells kept for one sheet.
    pub cells: u64,
    /// Characters of one cell.
    pub cell_length: usize,
    /// Bytes of a workbook's parts once decompressed.
    pub unpacked_bytes: u64,
    /// Bytes of text in one sheet's cells (a shared string is copied into
    /// every cell that names it).
    pub text_bytes: u64,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            rows: 500_000,
            columns: 500,
            cells: 10_000_000,
            cell_length: 32_767,
            unpacked_bytes: 512 << 20,
            text_bytes: 256 << 20,
        }
    }
}

/// `[limits]` of `smq.toml`: each setting overrides one default.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct LimitsConfig {
    /// Rows of a sheet (default 500000).
    pub rows: Option<u32>,
    /// Columns of a sheet (default 500).
    pub columns: Option<u32>,
    /// Filled cells of a sheet (default 10000000).
    pub cells: Option<u64>,
    /// Characters of one cell (default 32767).
    pub cell_length: Option<usize>,
    /// Megabytes of a workbook once decompressed (default 512).
    pub unpacked_mb: Option<u64>,
    /// Megabytes of text in one sheet's cells (default 256).
    pub text_mb: Option<u64>,
}

impl LimitsConfig {
    /// The limits with the configured values in place of the defaults.
    pub fn limits(&self) -> Limits {
        let d = Limits::default();
        Limits {
            rows: self.rows.unwrap_or(d.rows),
            columns: self.columns.unwrap_or(d.columns),
            cells: self.cells.unwrap_or(d.cells),
            cell_length: self.cell_length.unwrap_or(d.cell_length),
            unpacked_bytes: self
                .unpacked_mb
                .map(|mb| mb.saturating_mul(1 << 20))
                .unwrap_or(d.unpacked_bytes),
            text_bytes: self
                .text_mb
                .map(|mb| mb.saturating_mul(1 << 20))
                .unwrap_or(d.text_bytes),
        }
    }

    /// The settings that are zero (a zero limit would refuse every file).
    pub fn zeros(&self) -> Vec<&'static str> {
        let mut out = Vec::new();
        if self.rows == Some(0) {
            out.push("rows");
        }
        if self.columns == Some(0) {
            out.push("columns");
        }
        if self.cells == Some(0) {
            out.push("cells");
        }
        if self.cell_length == Some(0) {
            out.push("cell_length");
        }
        if self.unpacked_mb == Some(0) {
            out.push("unpacked_mb");
        }
        if self.text_mb == Some(0) {
            out.push("text_mb");
        }
        out
    }
}

/// Which limit a sheet ran into.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LimitKind {
    Rows,
    Columns,
    Cells,
    CellLength,
    /// The text of the sheet's cells, in megabytes.
    Text,
}

/// A limit a sheet ran into, at the first cell beyond it (absolute, zero-based).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LimitHit {
    pub kind: LimitKind,
    pub row: u32,
    pub col: u32,
    /// The limit in force.
    pub limit: u64,
}
