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
    /// Fields with no column that the sheet gives once.
    given: Vec<usize>,
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
    if config.ignored(spec.kind, header) {
        return None;
    }
    alias_index(spec.kind).get(folded).copied()
}

/// Maps one candidate header row for one register; `given` are the fields
/// the sheet gives once (its title, its name, `smq.toml`: see
/// [`super::constants`]), which count as present when they have no column.
fn map_row(
    row: u32,
    spec: &RegisterSpec,
    headers: &[(u32, String, String)],
    config: &ReadSettings,
    given: &[usize],
) -> Detection {
    let mut columns = vec![None; spec.fields.len()];
    let mut duplicates = Vec::new();
    let mut unmapped = Vec::new();
    // Headers the configuration maps come first: they win over detection.
    let configured = |text: &str| config.mapped_field(spec.kind, text).is_some();
    let ordered = headers
        .iter()
        .filter(|(_, t, _)| configured(t))
        .chain(headers.iter().filter(|(_, t, _)| !configured(t)));
    for (col, text, folded) in ordered {
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
    let given: Vec<usize> = given
        .iter()
        .copied()
        .filter(|i| columns[*i].is_none())
        .collect();
    // A value the sheet gives once is weaker evidence than a column.
    let given_required = given.iter().filter(|i| spec.fields[**i].required).count() as u32;
    Detection {
        kind: spec.kind,
        header_row: row,
        columns,
        duplicates,
        unmapped,
        // A second column naming a field already taken is evidence against
        // the register (another register has a field for it).
        score: (required * 3 + optional + given_required * 2).saturating_sub(duplicates_n as u32),
        given,
    }
}

/// Whether a mapping names enough of the register to be it.
fn plausible(spec: &RegisterSpec, d: &Detection) -> bool {
    let required_total = spec.fields.iter().filter(|f| f.required).count();
    let present = |(i, c): (usize, &Option<u32>)| c.is_some() || d.given.contains(&i);
    let required = d
        .columns
        .iter()
        .enumerate()
        .filter(|(i, c)| spec.fields[*i].required && present((*i, c)))
        .count();
    let total = d
        .columns
        .iter()
        .enumerate()
        .filter(|(i, c)| present((*i, c)))
        .count();
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
    file: &str,
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
            let given: Vec<usize> = super::constants::available(sheet, *kind, row, file, config)
                .iter()
                .filter(|c| c.evidence)
                .map(|c| c.field.index as usize)
                .collect();
            let mut d = map_row(row, spec, &headers, config, &given);
            if d.score == 0 || (forced.is_none() && !plausible(spec, &d)) {
                continue;
            }
            d.score += name_evidence(*kind, &sheet.name, file);
            if best.as_ref().is_none_or(|b| d.score > b.score) {
                best = Some(d);
            }
        }
    }
    best
}

/// Words of sheet and file names that name a register (folded, matched as
/// prefixes of the name's words).
fn register_words(kind: RegisterKind) -> &'static [&'static str] {
    match kind {
        RegisterKind::Rex => &[
            "rex",
            "fei",
            "ei",
            "eig",
            "evenement",
            "incident",
            "reclamation",
            "plainte",
            "signalement",
            "dysfonctionnement",
            "esr",
        ],
        RegisterKind::Actions => &["action", "paq", "paqs", "paqss", "capa"],
        RegisterKind::Suppliers => &["fournisseur", "supplier", "prestataire"],
        RegisterKind::Surveys => &["enquete", "satisfaction", "questionnaire", "survey"],
        RegisterKind::Indicators | RegisterKind::IndicatorValues => {
            &["indicateur", "indicator", "kpi", "tableau"]
        }
        RegisterKind::Objectives => &["objectif", "objective"],
        RegisterKind::Audits | RegisterKind::Findings => &["audit", "constat", "ecart", "finding"],
        RegisterKind::Documents => &["document", "procedure", "ged"],
        RegisterKind::Watch => &["veille", "reglementaire", "regulatory"],
        RegisterKind::Parties => &["partie", "stakeholder"],
        RegisterKind::Training => &["formation", "habilitation", "competence", "training"],
        RegisterKind::Comments => &["revue", "commentaire", "review"],
    }
}

/// A little evidence for `kind` when the sheet's or the file's name names
/// it (« Réclamations 2025.xlsx », « Plan d'actions »): it settles near
/// ties between registers with similar columns, never more.
fn name_evidence(kind: RegisterKind, sheet: &str, file: &str) -> u32 {
    let words = register_words(kind);
    let names = [sheet, file.rsplit(['/', '\\']).next().unwrap_or(file)];
    let hit = names.iter().any(|n| {
        crate::input::text::simplify(n).split(' ').any(|w| {
            words
                .iter()
                .any(|r| w.starts_with(r) && (w.len() - r.len()) <= 2)
        })
    });
    if hit { 2 } else { 0 }
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

/// The field an unmatched header most plausibly means, for a "did you
/// mean" in the `unmapped-column` warning (never used to read a column).
pub fn suggest_field(spec: &RegisterSpec, header: &str) -> Option<super::declare::FieldRef> {
    let key = fold(header);
    if key.is_empty() {
        return None;
    }
    let limit = (key.chars().count() / 4).max(1);
    let mut best: Option<(usize, usize)> = None;
    for (i, field) in spec.fields.iter().enumerate() {
        for s in [field.fr, field.en].iter().chain(field.aliases.iter()) {
            let d = crate::input::text::levenshtein(&key, &fold(s));
            if d <= limit && best.is_none_or(|(bd, _)| d < bd) {
                best = Some((d, i));
            }
        }
    }
    best.map(|(_, i)| spec.refs().nth(i).expect("field index"))
}
