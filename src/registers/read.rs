//! Reading the data rows of a recognised sheet, cell by cell against the
//! register's schema. Each cell is parsed by its field's type; what cannot be
//! read becomes a diagnostic pointing at that cell and the field is left
//! empty, so one bad cell never hides the rest of the row.

use calamine::Data;
use chrono::NaiveDate;

use super::declare::FieldRef;
use super::detect::Detection;
use super::schema::{Extra, FieldType, RegisterKind};
use crate::diagnostic::{Code, Diagnostic, Location};
use crate::input::Sheet;
use crate::input::cellref::a1;
use crate::input::parse::{self, CellError, Month, Number, display};
use crate::input::text::{FoldedTable, fold};
use std::sync::OnceLock;

/// Dates before this are reported as implausible.
pub fn oldest_plausible() -> NaiveDate {
    NaiveDate::from_ymd_opt(1990, 1, 1).expect("valid date")
}

/// A parsed cell.
#[derive(Debug, Clone, Default, PartialEq)]
pub enum Value {
    #[default]
    Empty,
    Text(String),
    Date(NaiveDate),
    Month(Month),
    Number(Number),
    Int(i64),
    Bool(bool),
    Choice(u8),
    List(Vec<String>),
}

/// What a reader needs besides the sheet.
pub struct ReadContext<'a> {
    pub file: &'a str,
    pub as_of: NaiveDate,
    /// Configured Likert scale, if any.
    pub likert_scale: Option<u8>,
    /// Configured extra column headers (criteria or questions), if any.
    pub extra_headers: &'a [String],
}

/// One data row, parsed: values in spec order, then the open-set columns.
pub struct Row {
    pub row: u32,
    pub values: Vec<Value>,
    pub extras: Vec<Value>,
}

impl Row {
    fn take(&mut self, i: usize) -> Value {
        std::mem::take(&mut self.values[i])
    }

    pub fn text(&mut self, i: usize) -> Option<String> {
        match self.take(i) {
            Value::Text(s) => Some(s),
            _ => None,
        }
    }

    pub fn date(&mut self, i: usize) -> Option<NaiveDate> {
        match self.take(i) {
            Value::Date(d) => Some(d),
            _ => None,
        }
    }

    pub fn month(&mut self, i: usize) -> Option<Month> {
        match self.take(i) {
            Value::Month(m) => Some(m),
            _ => None,
        }
    }

    pub fn number(&mut self, i: usize) -> Option<Number> {
        match self.take(i) {
            Value::Number(n) => Some(n),
            _ => None,
        }
    }

    pub fn int(&mut self, i: usize) -> Option<i64> {
        match self.take(i) {
            Value::Int(n) => Some(n),
            _ => None,
        }
    }

    pub fn boolean(&mut self, i: usize) -> Option<bool> {
        match self.take(i) {
            Value::Bool(b) => Some(b),
            _ => None,
        }
    }

    pub fn choice(&mut self, i: usize) -> Option<u8> {
        match self.take(i) {
            Value::Choice(c) => Some(c),
            _ => None,
        }
    }

    pub fn list(&mut self, i: usize) -> Vec<String> {
        match self.take(i) {
            Value::List(l) => l,
            _ => Vec::new(),
        }
    }
}

/// The open-set columns a sheet contributes (supplier criteria, survey questions).
#[derive(Debug, Clone)]
pub struct ExtraColumns {
    pub columns: Vec<(u32, String)>,
    /// Likert scale of the sheet's answers (surveys only).
    pub scale: u8,
}

/// Reads every non-empty data row below the header row and hands it to
/// `sink`, with the open-set columns `extras` (see [`extra_columns`]).
/// Returns the number of rows read.
pub fn read_rows(
    sheet: &Sheet,
    det: &Detection,
    extras: &ExtraColumns,
    ctx: &ReadContext,
    diags: &mut Vec<Diagnostic>,
    mut sink: impl FnMut(Row),
) -> usize {
    let spec = det.kind.spec();
    let Some((_, last_row)) = sheet.rows() else {
        return 0;
    };
    let first_data = det.header_row + 1;
    let mut count = 0;
    for r in first_data..=last_row {
        // Read first, then tell blank rows apart: a row is blank when every
        // cell read as empty and none was worth a diagnostic.
        let before = diags.len();
        let mut filled = false;
        let mut values = Vec::with_capacity(spec.fields.len());
        for (field, col) in spec.refs().zip(&det.columns) {
            let value = match col {
                Some(c) => read_cell(sheet, r, *c, field, ctx, diags),
                None => Value::Empty,
            };
            filled |= value != Value::Empty;
            values.push(value);
        }
        let extra_values: Vec<Value> = extras
            .columns
            .iter()
            .map(|(c, header)| {
                read_extra(
                    sheet,
                    r,
                    *c,
                    header,
                    spec.extra,
                    extras.scale,
                    det.kind,
                    ctx,
                    diags,
                )
            })
            .collect();
        filled |= extra_values.iter().any(|v| *v != Value::Empty);
        if !filled && diags.len() == before {
            continue;
        }
        count += 1;
        for ((field, col), value) in spec.refs().zip(&det.columns).zip(&values) {
            if let Some(c) = col
                && field.field().required
                && *value == Value::Empty
                && parse::is_empty(sheet.get(r, *c))
            {
                diags.push(
                    Diagnostic::new(
                        Code::RequiredMissing,
                        Some(det.kind),
                        loc(ctx, sheet, r, *c),
                    )
                    .field("field", field),
                );
            }
        }
        sink(Row {
            row: r,
            values,
            extras: extra_values,
        });
    }
    count
}

fn loc(ctx: &ReadContext, sheet: &Sheet, r: u32, c: u32) -> Location {
    Location::cell(ctx.file, &sheet.name, a1(r, c))
}

/// Parses one cell for one field, reporting what is wrong with it.
fn read_cell(
    sheet: &Sheet,
    r: u32,
    c: u32,
    field: FieldRef,
    ctx: &ReadContext,
    diags: &mut Vec<Diagnostic>,
) -> Value {
    let kind = field.kind;
    let d = sheet.get(r, c);
    if matches!(d, Data::Empty) {
        return Value::Empty;
    }
    let here = || loc(ctx, sheet, r, c);
    let report = |diags: &mut Vec<Diagnostic>, code: Code, err: CellError| {
        let (code, value) = match err {
            CellError::Excel(v) => (Code::ExcelError, v),
            CellError::Invalid(v) => (code, v),
        };
        diags.push(
            Diagnostic::new(code, Some(kind), here())
                .field("field", field)
                .arg("value", value),
        );
        Value::Empty
    };
    match field.field().ty {
        FieldType::Id | FieldType::Text | FieldType::FreeText => match parse::text(d) {
            Ok(Some(s)) => Value::Text(s),
            Ok(None) => Value::Empty,
            Err(e) => report(diags, Code::InvalidNumber, e),
        },
        FieldType::Date { past } => match parse::date(d, sheet.is_1904) {
            Ok(Some(date)) => {
                if date < oldest_plausible() {
                    diags.push(
                        Diagnostic::new(Code::DateTooOld, Some(kind), here())
                            .field("field", field)
                            .arg("value", date.format("%d/%m/%Y").to_string())
                            .arg("min", oldest_plausible().format("%d/%m/%Y").to_string()),
                    );
                } else if past && date > ctx.as_of {
                    diags.push(
                        Diagnostic::new(Code::DateInFuture, Some(kind), here())
                            .field("field", field)
                            .arg("value", date.format("%d/%m/%Y").to_string())
                            .arg("as_of", ctx.as_of.format("%d/%m/%Y").to_string()),
                    );
                }
                Value::Date(date)
            }
            Ok(None) => Value::Empty,
            Err(e) => report(diags, Code::InvalidDate, e),
        },
        FieldType::Month => match parse::month(d, sheet.is_1904) {
            Ok(Some(m)) => Value::Month(m),
            Ok(None) => Value::Empty,
            Err(e) => report(diags, Code::InvalidMonth, e),
        },
        FieldType::Number => match parse::number(d) {
            Ok(Some(n)) => Value::Number(n),
            Ok(None) => Value::Empty,
            Err(e) => report(diags, Code::InvalidNumber, e),
        },
        FieldType::Scale { min, max } => match scale_value(d) {
            Ok(Some(n)) if (min..=max).contains(&n) => Value::Int(n),
            Ok(Some(n)) => {
                diags.push(
                    Diagnostic::new(Code::OutOfRange, Some(kind), here())
                        .field("field", field)
                        .arg("value", n.to_string())
                        .arg("min", min.to_string())
                        .arg("max", max.to_string()),
                );
                Value::Empty
            }
            Ok(None) => Value::Empty,
            Err(e) => report(diags, Code::InvalidNumber, e),
        },
        FieldType::Year => match year_value(d, sheet.is_1904) {
            Ok(Some(y)) => Value::Int(y),
            Ok(None) => Value::Empty,
            Err(e) => report(diags, Code::InvalidNumber, e),
        },
        FieldType::Bool => match parse::boolean(d) {
            Ok(Some(b)) => Value::Bool(b),
            Ok(None) => Value::Empty,
            Err(e) => report(diags, Code::InvalidBoolean, e),
        },
        FieldType::Choice(vocab) => match parse::text(d) {
            Ok(Some(s)) => match vocab.lookup(&s) {
                Some(i) => Value::Choice(i),
                None => {
                    let mut diag = Diagnostic::new(Code::UnknownValue, Some(kind), here())
                        .field("field", field)
                        .arg("value", s.clone())
                        .allowed("allowed", vocab);
                    if let Some(i) = vocab.closest(&s) {
                        diag = diag.choice("suggestion", vocab, i);
                    }
                    diags.push(diag);
                    Value::Empty
                }
            },
            Ok(None) => Value::Empty,
            Err(e) => report(diags, Code::UnknownValue, e),
        },
        FieldType::IdList => match parse::text(d) {
            Ok(Some(s)) => {
                let ids = split_ids(&s);
                if ids.is_empty() {
                    Value::Empty
                } else {
                    Value::List(ids)
                }
            }
            Ok(None) => Value::Empty,
            Err(e) => report(diags, Code::InvalidNumber, e),
        },
    }
}

/// A 1–5 rating: a whole number, or text starting with one (`3 - grave`).
fn scale_value(d: &Data) -> Result<Option<i64>, CellError> {
    match d {
        Data::String(s) if !parse::is_empty(d) => {
            let t = s.trim();
            if let Some(n) =
                parse::parse_number_text(t).filter(|n| !n.percent && n.value.fract() == 0.0)
            {
                return Ok(Some(n.value as i64));
            }
            let digits: String = t.chars().take_while(|c| c.is_ascii_digit()).collect();
            let rest = t[digits.len()..].trim_start();
            if !digits.is_empty()
                && digits.len() <= 2
                && rest.starts_with(['-', '–', ':', '.', ')', '='])
            {
                return Ok(Some(digits.parse().unwrap_or(0)));
            }
            Err(CellError::Invalid(s.clone()))
        }
        other => match parse::number(other)? {
            Some(n) if n.value.fract() == 0.0 && !n.percent => Ok(Some(n.value as i64)),
            Some(_) => Err(CellError::Invalid(display(other))),
            None => Ok(None),
        },
    }
}

/// A year: 2025, "2025", or a date in the year.
fn year_value(d: &Data, is_1904: bool) -> Result<Option<i64>, CellError> {
    use chrono::Datelike;
    let plausible = |y: i64| (1990..=2100).contains(&y);
    match d {
        Data::Int(i) if plausible(*i) => Ok(Some(*i)),
        Data::Float(f) if f.fract() == 0.0 && plausible(*f as i64) => Ok(Some(*f as i64)),
        Data::String(s) if s.trim().len() == 4 && s.trim().parse::<i64>().is_ok_and(plausible) => {
            Ok(Some(s.trim().parse().unwrap_or_default()))
        }
        other => match parse::date(other, is_1904) {
            Ok(Some(date)) => Ok(Some(date.year() as i64)),
            Ok(None) => Ok(None),
            Err(CellError::Excel(e)) => Err(CellError::Excel(e)),
            Err(_) => Err(CellError::Invalid(display(other))),
        },
    }
}

/// Splits "AC-12, AC-13 ; AC-14" into identifiers.
pub fn split_ids(s: &str) -> Vec<String> {
    s.split([',', ';', '\n', '\r', '|', '+', '\t', ' '])
        .map(str::trim)
        .filter(|t| !t.is_empty() && !matches!(t.to_lowercase().as_str(), "et" | "and" | "&"))
        .map(str::to_owned)
        .collect()
}

/// Likert labels → (level on a 4-level scale, level on a 5-level scale).
/// `None` on the 4-level side means the label only exists on a 5-level scale.
const LIKERT_LABELS: &[(&str, Option<u8>, u8)] = &[
    ("très satisfait", Some(4), 5),
    ("tout à fait satisfait", Some(4), 5),
    ("very satisfied", Some(4), 5),
    ("satisfait", Some(3), 4),
    ("plutôt satisfait", Some(3), 4),
    ("satisfied", Some(3), 4),
    ("moyennement satisfait", None, 3),
    ("ni satisfait ni insatisfait", None, 3),
    ("neutre", None, 3),
    ("assez satisfait", None, 3),
    ("neutral", None, 3),
    ("neither satisfied nor dissatisfied", None, 3),
    ("peu satisfait", Some(2), 2),
    ("plutôt insatisfait", Some(2), 2),
    ("insatisfait", Some(2), 2),
    ("dissatisfied", Some(2), 2),
    ("pas satisfait", Some(2), 2),
    ("pas du tout satisfait", Some(1), 1),
    ("très insatisfait", Some(1), 1),
    ("very dissatisfied", Some(1), 1),
    ("not at all satisfied", Some(1), 1),
];

/// Labels that mean "no answer".
const NO_ANSWER: &[&str] = &[
    "non concerné",
    "sans avis",
    "NSP",
    "ne sait pas",
    "ne se prononce pas",
    "sans objet",
    "N/A",
    "NA",
    "not applicable",
    "no opinion",
    "don't know",
];

enum Likert {
    Level(i64),
    Label(Option<u8>, u8),
    NoAnswer,
    Invalid,
}

/// What a Likert label means: (level on a 4-level scale, level on a 5-level
/// scale), or no answer.
#[derive(Debug, Clone, Copy)]
enum LikertLabel {
    Level(Option<u8>, u8),
    NoAnswer,
}

fn likert_labels() -> &'static FoldedTable<LikertLabel> {
    static TABLE: OnceLock<FoldedTable<LikertLabel>> = OnceLock::new();
    TABLE.get_or_init(|| {
        FoldedTable::new(
            LIKERT_LABELS
                .iter()
                .map(|(l, four, five)| (*l, LikertLabel::Level(*four, *five)))
                .chain(NO_ANSWER.iter().map(|l| (*l, LikertLabel::NoAnswer))),
        )
    })
}

fn likert_of(d: &Data) -> Likert {
    if parse::is_empty(d) {
        return Likert::NoAnswer;
    }
    if let Data::String(s) = d {
        match likert_labels().get(s) {
            Some(LikertLabel::Level(four, five)) => return Likert::Label(four, five),
            Some(LikertLabel::NoAnswer) => return Likert::NoAnswer,
            None => {}
        }
    }
    match parse::number(d) {
        Ok(Some(n)) if n.value.fract() == 0.0 && !n.percent => Likert::Level(n.value as i64),
        _ => Likert::Invalid,
    }
}

/// Filled cells looked at to decide whether a column is a criterion or a
/// question, and the scale of the answers.
const EXTRA_SAMPLE: u32 = 1000;

/// Which columns beyond the schema this sheet contributes, and the survey scale.
pub fn extra_columns(sheet: &Sheet, det: &Detection, ctx: &ReadContext) -> ExtraColumns {
    let spec = det.kind.spec();
    let mut scale = ctx.likert_scale.unwrap_or(4);
    let (first, last) = match sheet.rows() {
        Some((_, last)) if spec.extra != Extra::None => (det.header_row + 1, last),
        _ => {
            return ExtraColumns {
                columns: vec![],
                scale,
            };
        }
    };
    let configured: Vec<String> = ctx.extra_headers.iter().map(|h| fold(h)).collect();
    let mut columns = Vec::new();
    let mut five_level = false;
    for (c, header) in &det.unmapped {
        if !configured.is_empty() {
            if configured.contains(&fold(header)) {
                columns.push((*c, header.clone()));
            }
            continue;
        }
        // Without configuration, a column belongs to the open set when most
        // of its filled cells read as scores / answers.
        let (mut filled, mut fitting) = (0u32, 0u32);
        for r in first..=last {
            let d = sheet.get(r, *c);
            if parse::is_empty(d) {
                continue;
            }
            // A sample decides; a later answer off the scale is still
            // reported when its row is read.
            if filled >= EXTRA_SAMPLE {
                break;
            }
            filled += 1;
            let fits = match spec.extra {
                Extra::Criteria => matches!(parse::number(d), Ok(Some(_))),
                Extra::Questions => match likert_of(d) {
                    Likert::Level(n) => {
                        five_level |= n == 5;
                        (0..=10).contains(&n)
                    }
                    Likert::Label(four, _) => {
                        five_level |= four.is_none();
                        true
                    }
                    Likert::NoAnswer => true,
                    Likert::Invalid => false,
                },
                Extra::None => false,
            };
            fitting += u32::from(fits);
        }
        if filled > 0 && fitting * 2 >= filled {
            columns.push((*c, header.clone()));
        }
    }
    if ctx.likert_scale.is_none() && five_level {
        scale = 5;
    }
    ExtraColumns { columns, scale }
}

#[allow(clippy::too_many_arguments)]
fn read_extra(
    sheet: &Sheet,
    r: u32,
    c: u32,
    header: &str,
    extra: Extra,
    scale: u8,
    kind: RegisterKind,
    ctx: &ReadContext,
    diags: &mut Vec<Diagnostic>,
) -> Value {
    let d = sheet.get(r, c);
    if let Data::Error(e) = d {
        diags.push(
            Diagnostic::new(Code::ExcelError, Some(kind), loc(ctx, sheet, r, c))
                .arg("field", header)
                .arg("value", e.to_string()),
        );
        return Value::Empty;
    }
    match extra {
        Extra::Criteria => match parse::number(d) {
            Ok(Some(n)) => Value::Number(n),
            Ok(None) => Value::Empty,
            Err(CellError::Excel(_) | CellError::Invalid(_)) => {
                diags.push(
                    Diagnostic::new(Code::InvalidNumber, Some(kind), loc(ctx, sheet, r, c))
                        .arg("field", header)
                        .arg("value", display(d)),
                );
                Value::Empty
            }
        },
        Extra::Questions => {
            let level = match likert_of(d) {
                Likert::NoAnswer => return Value::Empty,
                Likert::Level(n) => Some(n),
                Likert::Label(four, five) => match scale {
                    5 => Some(five as i64),
                    _ => four.map(i64::from),
                },
                Likert::Invalid => None,
            };
            match level {
                Some(n) if (1..=scale as i64).contains(&n) => Value::Int(n),
                _ => {
                    diags.push(
                        Diagnostic::new(Code::LikertOutOfRange, Some(kind), loc(ctx, sheet, r, c))
                            .arg("field", header)
                            .arg("max", scale.to_string())
                            .arg("value", display(d)),
                    );
                    Value::Empty
                }
            }
        }
        Extra::None => Value::Empty,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_split_on_usual_separators() {
        assert_eq!(
            split_ids("AC-1, AC-2;AC-3\nAC-4 et AC-5"),
            ["AC-1", "AC-2", "AC-3", "AC-4", "AC-5"]
        );
        assert!(split_ids(" , ").is_empty());
    }

    #[test]
    fn ratings_accept_numbers_and_labelled_numbers() {
        assert_eq!(scale_value(&Data::Int(3)), Ok(Some(3)));
        assert_eq!(scale_value(&Data::String("4 - majeur".into())), Ok(Some(4)));
        assert_eq!(scale_value(&Data::String("2".into())), Ok(Some(2)));
        assert!(scale_value(&Data::String("grave".into())).is_err());
        assert!(scale_value(&Data::Float(2.5)).is_err());
    }

    #[test]
    fn years_from_numbers_text_and_dates() {
        assert_eq!(year_value(&Data::Int(2025), false), Ok(Some(2025)));
        assert_eq!(
            year_value(&Data::String("2024".into()), false),
            Ok(Some(2024))
        );
        assert_eq!(
            year_value(&Data::String("01/06/2023".into()), false),
            Ok(Some(2023))
        );
        assert!(year_value(&Data::String("l'an dernier".into()), false).is_err());
    }
}
