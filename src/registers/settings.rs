//! What the reader takes from the configuration: where each register is,
//! how unknown headers map, which extra columns are criteria or questions,
//! the Likert scale and the resource limits. `smq.toml` is parsed by the
//! configuration module, which composes these settings with those of the
//! other layers; the registers layer sees only them.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::schema::RegisterKind;
use crate::input::Limits;
use crate::input::text::fold;

/// Overrides for one register (`[registers.KEY]` in `smq.toml`).
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct RegisterConfig {
    /// Workbook(s) holding the register, relative to the workspace; when set,
    /// the register is looked for only there.
    pub files: Vec<String>,
    /// Sheet(s) holding the register; when set, these sheets are read as this
    /// register whatever their headers.
    pub sheets: Vec<String>,
    /// Header text → field key, for headers smq does not know.
    pub headers: BTreeMap<String, String>,
    /// Fields holding personal data beyond those smq marks (field keys, as
    /// `smq registers` lists them): pseudonymised in audit packs.
    pub personal: Vec<String>,
    /// Header texts of columns to leave unread, without a warning
    /// (`ignore = ["% réalisé", "Coût"]`).
    pub ignore: Vec<String>,
    /// Values given once for a whole sheet or file instead of in a column
    /// (`[[registers.rex.constants]]` with `field`, `value` and optionally
    /// `file` and `sheet`).
    pub constants: Vec<SheetConstant>,
}

/// A value every row of some sheets takes for a field with no column:
/// a complaints-only file's event type, an objectives sheet's year.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct SheetConstant {
    /// Only sheets of this workbook (file name or path relative to the
    /// workspace); every workbook when absent.
    pub file: Option<String>,
    /// Only this sheet; every sheet when absent.
    pub sheet: Option<String>,
    /// The field's key, as `smq registers` lists it.
    pub field: String,
    /// The value, as it would be typed in a cell.
    pub value: String,
}

/// The reader's settings, borrowed from the configuration.
#[derive(Debug, Clone, Copy)]
pub struct ReadSettings<'a> {
    /// Per-register overrides, by register key.
    pub registers: &'a BTreeMap<String, RegisterConfig>,
    /// Supplier criteria headers (empty: every other numeric column).
    pub criteria: &'a [String],
    /// Survey question headers (empty: every other column of answers).
    pub questions: &'a [String],
    /// Number of levels of the Likert scale, when configured.
    pub likert_scale: Option<u8>,
    pub limits: Limits,
}

impl ReadSettings<'_> {
    /// The overrides of register `kind`, if any.
    pub fn register(&self, kind: RegisterKind) -> Option<&RegisterConfig> {
        self.registers.get(kind.key())
    }

    /// Whether the configuration says to leave this header of `kind` unread.
    pub fn ignored(&self, kind: RegisterKind, header: &str) -> bool {
        self.register(kind).is_some_and(|rc| {
            let folded = fold(header);
            rc.ignore.iter().any(|h| fold(h) == folded)
        })
    }

    /// The constants the configuration gives the sheet `sheet` of `file`
    /// read as `kind`.
    pub fn constants(&self, kind: RegisterKind, file: &str, sheet: &str) -> Vec<&SheetConstant> {
        let Some(rc) = self.register(kind) else {
            return Vec::new();
        };
        rc.constants
            .iter()
            .filter(|c| c.file.as_deref().is_none_or(|f| same_file(f, file)))
            .filter(|c| c.sheet.as_deref().is_none_or(|s| s.trim() == sheet.trim()))
            .collect()
    }

    /// The field key a header maps to by configuration, for `kind`.
    pub fn mapped_field(&self, kind: RegisterKind, header: &str) -> Option<&str> {
        let headers = &self.register(kind)?.headers;
        if headers.is_empty() {
            return None;
        }
        let folded = fold(header);
        headers
            .iter()
            .find(|(h, _)| fold(h) == folded)
            .map(|(_, f)| f.as_str())
    }
}

/// Whether a configured file name designates the workbook at `rel` (a path
/// relative to the workspace, or its file name alone).
pub fn same_file(configured: &str, rel: &str) -> bool {
    let c = configured.trim().replace('\\', "/");
    c == rel || rel.rsplit('/').next() == Some(c.as_str())
}
