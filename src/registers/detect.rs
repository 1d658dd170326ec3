//! Recognising a register by its headers. The header row may sit below title
//! rows (smq looks at the first 30 rows), may be merged over two rows, and may
//! have blank or unknown columns. Each (row, register) pair is scored by the
//! fields its headers name; the best pair wins if it names enough of the
//! register's required fields to be more than a coincidence.

use std::collections::HashMap;
use std::sync::OnceLock;

use super::schema::{RegisterKind, RegisterSpec};
use super::settings::ReadSettings;
use crate::input::Sheet;
use crate::input::parse::display;
use crate::input::text::fold;

/// How many rows from the top of the used range may hold the header row.
pub const HEADER_SEARCH_ROWS: u32 = 30;
/// Headers further right than this are not looked at (a register has tens of columns).
pub const MAX_HEADER_COLUMNS: u32 = 512;

/// A sheet recognised as a register.
#[derive(Debug, Clone)]
pub struct Detection {
    pub kind: RegisterKind,
    /// Absolute, zero-based header row.
    pub header_row: u32,
    /// Column of each field of the spec, in spec order.
    pub columns: Vec<Option<u32>>,
    /// Columns whose header names a field already taken: (column, field index, first column).
    pub duplicates: Vec<(u32, usize, u32)>,
    /// Other non-empty header cells: (column, header text).
    pub unmapped: Vec<(u32, String)>,
    score: u32,
}

/// Folded header spelling → field index, per register, built once.
fn alias_index(kind: RegisterKind) -> &'static HashMap<String, usize> {
    static INDEX: OnceLock<Vec<HashMap<String, usize>>> = OnceLock::new();
    let all = INDEX.get_or_init(|| {
        RegisterKind::ALL
            .iter()
            .map(|k| {
                let mut map = HashMap::new();
                for (i, field) in k.spec().fields.iter().enumerate() {
                    for s in [field.fr, field.en].iter().chain(field.aliases.iter()) {
                        map.entry(fold(s)).or_insert(i);
                    }
                }
                map
            })
            .collect()
    });
    &all[RegisterKind::ALL
        .iter()
        .position(|k| *k == kind)
        .expect("known kind")]
}

/// The field a header names for `spec`, configuration first.
fn field_of(
    spec: &RegisterSpec,
    header: &str,
    folded: &str,
    config: &ReadSettings,
) -> Option<usize> {
    if let Some(key) = config.mapped_field(spec.kind, header) {
        return spec.fields.iter().position(|f| f.key == key);
    }
    alias_index(spec.kind).get(folded).copied()
}

/// Maps one candidate header row for one register.
fn map_row(
    row: u32,
    spec: &RegisterSpec,
    headers: &[(u32, String, String)],
    config: &ReadSettings,
) -> Detection {
    let mut columns = vec![None; spec.fields.len()];
    let mut duplicates = Vec::new();
    let mut unmapped = Vec::new();
    for (col, text, folded) in headers {
        match field_of(spec, text, folded, config) {
            Some(i) => match columns[i] {
                None => columns[i] = Some(*col),
                Some(first) => duplicates.push((*col, i, first)),
            },
            None => unmapped.push((*col, text.clone())),
        }
    }
    let required = spec
        .fields
        .iter()
        .zip(&columns)
        .filter(|(f, c)| f.required && c.is_some())
        .count() as u32;
    let optional = spec
        .fields
        .iter()
        .zip(&columns)
        .filter(|(f, c)| !f.required && c.is_some())
        .count() as u32;
    let duplicates_n = duplicates.len();
    Detection {
        kind: spec.kind,
        header_row: row,
        columns,
        duplicates,
        unmapped,
        // A second column naming a field already taken is evidence against
        // the register (another register has a field for it).
        score: (required * 3 + optional).saturating_sub(duplicates_n as u32),
    }
}

/// Whether a mapping names enough of the register to be it.
fn plausible(spec: &RegisterSpec, d: &Detection) -> bool {
    let required_total = spec.fields.iter().filter(|f| f.required).count();
    let required = spec
        .fields
        .iter()
        .zip(&d.columns)
        .filter(|(f, c)| f.required && c.is_some())
        .count();
    let total = d.columns.iter().filter(|c| c.is_some()).count();
    if required == required_total {
        total >= 2
    } else {
        required * 2 >= required_total && total >= 3
    }
}

/// The header cells of a row: (column, text, folded text).
fn header_cells(sheet: &Sheet, row: u32) -> Vec<(u32, String, String)> {
    let Some((c0, c1)) = sheet.cols() else {
        return Vec::new();
    };
    let c1 = c1.min(c0.saturating_add(MAX_HEADER_COLUMNS));
    (c0..=c1)
        .filter_map(|c| {
            let text = display(sheet.get_merged(row, c));
            let text = text.trim();
            if text.is_empty() || text.len() > 200 {
                return None;
            }
            Some((c, text.to_owned(), fold(text)))
        })
        .collect()
}

/// Finds which register `sheet` holds. `forced` restricts the search to one
/// register (the configuration named this sheet) and accepts its best row
/// even when few headers match, so that missing columns get reported.
pub fn detect(
    sheet: &Sheet,
    candidates: &[RegisterKind],
    forced: Option<RegisterKind>,
    config: &ReadSettings,
) -> Option<Detection> {
    let (r0, r1) = sheet.rows()?;
    let last = r1.min(r0.saturating_add(HEADER_SEARCH_ROWS - 1));
    let mut best: Option<Detection> = None;
    let kinds: Vec<RegisterKind> = match forced {
        Some(k) => vec![k],
        None => candidates.to_vec(),
    };
    for row in r0..=last {
        let headers = header_cells(sheet, row);
        if headers.is_empty() {
            continue;
        }
        for kind in &kinds {
            let spec = kind.spec();
            let d = map_row(row, spec, &headers, config);
            if d.score == 0 || (forced.is_none() && !plausible(spec, &d)) {
                continue;
            }
            if best.as_ref().is_none_or(|b| d.score > b.score) {
                best = Some(d);
            }
        }
    }
    best
}

/// Whether the header row found has an empty cell under a non-empty cell of
/// the rows above, inside the header's span: the sign of a header merged over
/// several rows, whose text only the merged area's first cell holds. Only
/// then are a sheet's merged areas worth reading.
pub fn needs_merged(sheet: &Sheet, det: &Detection) -> bool {
    let mapped = det
        .columns
        .iter()
        .flatten()
        .chain(det.unmapped.iter().map(|(c, _)| c));
    let (Some(c0), Some(c1)) = (mapped.clone().min().copied(), mapped.max().copied()) else {
        return false;
    };
    let Some((r0, _)) = sheet.rows() else {
        return false;
    };
    (c0..=c1).any(|c| {
        crate::input::parse::is_empty(sheet.get(det.header_row, c))
            && (r0..det.header_row).any(|r| !crate::input::parse::is_empty(sheet.get(r, c)))
    })
}
