//! Values given once for a whole sheet instead of in a column: the year of an
//! objectives sheet titled « Objectifs qualité 2025 », the population of a
//! survey whose title row says « Enquête patients », the type of every row of
//! a complaints-only file. `smq.toml` can give them
//! (`[[registers.KEY.constants]]`); otherwise a few are taken from the sheet's
//! title rows, its name or its file's name — only where a person would read
//! them without hesitation, and always announced with a `sheet-value`
//! warning that says where the value came from, so nothing is guessed
//! silently. A constant fills a field only when the sheet has no column for
//! it.

use super::declare::FieldRef;
use super::detect::Detection;
use super::read::{Value, split_ids};
use super::schema::{FieldType, RegisterKind};
use super::settings::ReadSettings;
use super::vocab::{EventType, POPULATION};
use crate::input::Sheet;
use crate::input::cellref::a1;
use crate::input::parse::{self, display};
use crate::input::text::fold;

/// Where a sheet's constant came from.
#[derive(Debug, Clone, PartialEq)]
pub enum Origin {
    /// `smq.toml`.
    Config,
    /// A title row above the header: its cell and text.
    Title { cell: String, text: String },
    /// The sheet's name.
    SheetName,
    /// The workbook's file name.
    FileName,
}

/// A value every row of a sheet takes for a field it has no column for.
#[derive(Debug, Clone)]
pub struct Constant {
    pub field: FieldRef,
    pub value: Value,
    /// The value as written where it was found.
    pub text: String,
    pub origin: Origin,
    /// Whether the value is evidence that the sheet is this register
    /// (detection counts the field as present). A survey's campaign, which
    /// any title or name provides, is evidence only when the same title or
    /// name also names the population.
    pub evidence: bool,
}

/// Reads `text` as a value of `field`, the way a cell holding it would be
/// read; `None` when it is not a valid value.
pub fn parse_value(field: FieldRef, text: &str) -> Option<Value> {
    let t = text.trim();
    if t.is_empty() {
        return None;
    }
    match field.field().ty {
        FieldType::Id | FieldType::Text | FieldType::FreeText => Some(Value::Text(t.to_owned())),
        FieldType::Date { .. } => parse::parse_date_text(t).map(Value::Date),
        FieldType::Month => parse::parse_month_text(t).map(Value::Month),
        FieldType::Number => parse::parse_number_text(t).map(Value::Number),
        FieldType::Scale { min, max } => t
            .parse::<i64>()
            .ok()
            .filter(|n| (min..=max).contains(n))
            .map(Value::Int),
        FieldType::Year => year_in(t).map(Value::Int),
        FieldType::Bool => parse::parse_bool_text(t).map(Value::Bool),
        FieldType::Choice(vocab) => vocab.lookup(t).map(Value::Choice),
        FieldType::IdList => {
            let ids = split_ids(t);
            (!ids.is_empty()).then_some(Value::List(ids))
        }
    }
}

/// The one plausible year (1990–2100) a text names (« Objectifs 2025 »,
/// « REX_2024 », « 2025 »), or none when it names none or several.
pub fn year_in(text: &str) -> Option<i64> {
    let mut found: Option<i64> = None;
    for word in text.split(|c: char| !c.is_ascii_digit()) {
        if word.len() != 4 {
            continue;
        }
        let Ok(y) = word.parse::<i64>() else {
            continue;
        };
        if !(1990..=2100).contains(&y) {
            continue;
        }
        match found {
            Some(f) if f != y => return None,
            _ => found = Some(y),
        }
    }
    found
}

/// The title rows above the header row — rows of one short text cell —
/// with their cell, top to bottom.
fn title_rows(sheet: &Sheet, header_row: u32) -> Vec<(String, String)> {
    let (Some((r0, _)), Some((c0, c1))) = (sheet.rows(), sheet.cols()) else {
        return Vec::new();
    };
    let c1 = c1.min(c0.saturating_add(64));
    (r0..header_row)
        .filter_map(|r| {
            // A title is one cell (maybe merged across the table), not too
            // long: a row of several cells is data or a table of notes.
            let mut filled = (c0..=c1).filter(|c| !parse::is_empty(sheet.get(r, *c)));
            let c = filled.next()?;
            if filled.next().is_some() {
                return None;
            }
            let text = display(sheet.get(r, c)).trim().to_owned();
            (text.chars().count() <= 120).then(|| (a1(r, c), text))
        })
        .collect()
}

/// The file name without its folders and extension.
fn file_stem(file: &str) -> &str {
    let name = file.rsplit(['/', '\\']).next().unwrap_or(file);
    name.rsplit_once('.').map_or(name, |(stem, _)| stem)
}

/// Whether a name or title says the rows are complaints only.
fn says_complaints(text: &str) -> bool {
    let folded = fold(text);
    ["reclamation", "plaint", "complaint", "doleanc"]
        .iter()
        .any(|w| folded.contains(w))
}

/// The one population a name or title names (« Enquête patients 2025 »).
fn population_in(text: &str) -> Option<u8> {
    let words: Vec<&str> = text
        .split(|c: char| !c.is_alphanumeric() && c != '\'')
        .filter(|w| !w.is_empty())
        .collect();
    let mut found: Option<u8> = None;
    for n in [1, 2] {
        for w in words.windows(n) {
            if let Some(i) = POPULATION.lookup(&w.join(" ")) {
                match found {
                    Some(f) if f != i => return None,
                    _ => found = Some(i),
                }
            }
        }
    }
    found
}

/// The constants of a recognised sheet: those `smq.toml` gives, then those
/// read from the title rows, the sheet name or the file name, for fields
/// the sheet has no column for. Configured constants that do not parse are
/// reported by the configuration's own check and skipped here.
pub fn find(sheet: &Sheet, det: &Detection, file: &str, settings: &ReadSettings) -> Vec<Constant> {
    available(sheet, det.kind, det.header_row, file, settings)
        .into_iter()
        .filter(|c| det.columns[c.field.index as usize].is_none())
        .collect()
}

/// Default sheet names, which say nothing about their contents.
fn is_default_sheet_name(name: &str) -> bool {
    let f = fold(name);
    let stem = f.trim_end_matches(|c: char| c.is_ascii_digit());
    matches!(stem, "feuil" | "feuille" | "sheet" | "tabelle" | "hoja")
}

/// Every constant the sheet could give register `kind` with its header on
/// `header_row`, whether or not it has the column: detection counts them
/// as present fields, reading keeps those with no column ([`find`]).
pub fn available(
    sheet: &Sheet,
    kind: RegisterKind,
    header_row: u32,
    file: &str,
    settings: &ReadSettings,
) -> Vec<Constant> {
    let spec = kind.spec();
    let mut out: Vec<Constant> = Vec::new();
    for c in settings.constants(kind, file, &sheet.name) {
        let Some(field) = spec.by_key(c.field.trim()) else {
            continue;
        };
        if out.iter().any(|o| o.field == field) {
            continue;
        }
        if let Some(value) = parse_value(field, &c.value) {
            out.push(Constant {
                field,
                value,
                text: c.value.trim().to_owned(),
                origin: Origin::Config,
                evidence: true,
            });
        }
    }
    let auto_fields: Vec<FieldRef> = spec
        .refs()
        .filter(|f| {
            matches!(
                (kind, f.field().ty, f.key()),
                (_, FieldType::Year, _)
                    | (RegisterKind::Rex, _, "type")
                    | (RegisterKind::Surveys, _, "population" | "campaign")
            ) && !out.iter().any(|o| o.field == *f)
        })
        .collect();
    if auto_fields.is_empty() {
        return out;
    }
    // Where to look, in order: title rows, sheet name, file name.
    let mut places: Vec<(Origin, String)> = title_rows(sheet, header_row)
        .into_iter()
        .map(|(cell, text)| {
            (
                Origin::Title {
                    cell,
                    text: text.clone(),
                },
                text,
            )
        })
        .collect();
    if !is_default_sheet_name(&sheet.name) {
        places.push((Origin::SheetName, sheet.name.clone()));
    }
    places.push((Origin::FileName, file_stem(file).to_owned()));
    for field in auto_fields {
        let pick = |text: &str| -> Option<(Value, String)> {
            match (kind, field.field().ty, field.key()) {
                (_, FieldType::Year, _) => year_in(text).map(|y| (Value::Int(y), y.to_string())),
                (RegisterKind::Rex, _, _) => says_complaints(text).then(|| {
                    let i = EventType::Complaint as u8;
                    let label = EventType::vocab().entries[i as usize].fr;
                    (Value::Choice(i), label.to_owned())
                }),
                (_, _, "population") => population_in(text).map(|i| {
                    let label = POPULATION.entries[i as usize].fr;
                    (Value::Choice(i), label.to_owned())
                }),
                // A survey's campaign is what its title or name calls it.
                _ => Some((Value::Text(text.to_owned()), text.to_owned())),
            }
        };
        if let Some((origin, (value, text))) = places
            .iter()
            .find_map(|(origin, text)| pick(text).map(|v| (origin.clone(), v)))
        {
            out.push(Constant {
                field,
                value,
                text,
                origin,
                evidence: field.key() != "campaign",
            });
        }
    }
    if kind == RegisterKind::Surveys {
        let population = out
            .iter()
            .find(|c| c.field.key() == "population")
            .map(|c| c.origin.clone());
        for c in out.iter_mut().filter(|c| c.field.key() == "campaign") {
            c.evidence |= population.as_ref() == Some(&c.origin);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_year_or_none() {
        assert_eq!(year_in("Objectifs qualité 2025"), Some(2025));
        assert_eq!(year_in("REX_2024"), Some(2024));
        assert_eq!(year_in("2025 (révisé en 2025)"), Some(2025));
        assert_eq!(year_in("Bilan 2024-2025"), None);
        assert_eq!(year_in("Salle 1204"), None);
        assert_eq!(year_in("Registre"), None);
    }

    #[test]
    fn complaints_and_populations_from_names() {
        assert!(says_complaints("Réclamations 2025"));
        assert!(says_complaints("Registre des plaintes"));
        assert!(!says_complaints("FEI 2025"));
        assert_eq!(
            population_in("Enquête de satisfaction patients 2025"),
            Some(super::super::vocab::Population::Patient as u8)
        );
        assert_eq!(
            population_in("Questionnaire médecins correspondants"),
            Some(super::super::vocab::Population::Prescriber as u8)
        );
        assert_eq!(population_in("Enquête patients et personnel"), None);
        assert_eq!(population_in("Enquête 2025"), None);
    }

    #[test]
    fn values_parse_like_cells() {
        use super::super::objectives::ObjectiveField;
        use super::super::rex::EventField;
        assert_eq!(
            parse_value(ObjectiveField::Year.into(), "2025"),
            Some(Value::Int(2025))
        );
        assert_eq!(
            parse_value(EventField::Type.into(), "plainte"),
            Some(Value::Choice(EventType::Complaint as u8))
        );
        assert_eq!(parse_value(EventField::Type.into(), "truc"), None);
        assert_eq!(parse_value(EventField::Severity.into(), "7"), None);
    }
}
