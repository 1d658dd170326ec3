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
