//! Cell values as people type them: real Excel dates and serial numbers (1900
//! and 1904 systems), text dates in French and English forms, months, numbers
//! with a decimal comma or thousands spaces, percentages and yes/no answers.
//! Each parser takes a calamine cell and says `Ok(None)` for an empty cell,
//! `Ok(Some(_))` for a value and `Err(_)` for something it cannot read — it
//! never guesses.

use std::fmt;

use calamine::Data;
use chrono::{Datelike, NaiveDate};
use serde::{Serialize, Serializer};

use super::text::{FoldedTable, simplify};

/// Why a cell could not be read as the expected type.
#[derive(Debug, Clone, PartialEq)]
pub enum CellError {
    /// The cell holds an Excel error value (`#DIV/0!`).
    Excel(String),
    /// The cell holds something of the wrong type; the text is what it shows.
    Invalid(String),
}

/// A calendar month (`2025-03`), the period of indicator values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Month {
    pub year: i32,
    pub month: u32,
}

impl Month {
    pub fn new(year: i32, month: u32) -> Option<Month> {
        (1..=12).contains(&month).then_some(Month { year, month })
    }

    pub fn of(date: NaiveDate) -> Month {
        Month {
            year: date.year(),
            month: date.month(),
        }
    }

    /// The first day of the month.
    pub fn first_day(self) -> NaiveDate {
        NaiveDate::from_ymd_opt(self.year, self.month, 1).expect("valid month")
    }

    /// The month `n` months later (or earlier when negative).
    pub fn plus(self, n: i32) -> Month {
        let idx = self.year * 12 + self.month as i32 - 1 + n;
        Month {
            year: idx.div_euclid(12),
            month: idx.rem_euclid(12) as u32 + 1,
        }
    }

    /// Months from `self` to `other` (positive when `other` is later).
    pub fn months_until(self, other: Month) -> i32 {
        (other.year - self.year) * 12 + other.month as i32 - self.month as i32
    }
}

impl fmt::Display for Month {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}", self.year, self.month)
    }
}

impl Serialize for Month {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// A number and whether it was written with a `%` sign (then it is in percent
/// points: `95 %` → 95).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Number {
    pub value: f64,
    pub percent: bool,
}

/// What a cell shows, for messages: text as typed, numbers without noise.
pub fn display(d: &Data) -> String {
    match d {
        Data::Empty => String::new(),
        Data::String(s) => s.clone(),
        Data::Int(i) => i.to_string(),
        Data::Float(f) => format_float(*f),
        Data::Bool(b) => (if *b { "VRAI" } else { "FAUX" }).to_owned(),
        Data::DateTime(dt) => {
            let (y, m, d, ..) = dt.to_ymd_hms_milli();
            format!("{y:04}-{m:02}-{d:02}")
        }
        Data::DateTimeIso(s) | Data::DurationIso(s) => s.clone(),
        Data::Error(e) => e.to_string(),
    }
}

fn format_float(f: f64) -> String {
    if f.fract() == 0.0 && f.abs() < 1e15 {
        format!("{}", f as i64)
    } else {
        format!("{f}")
    }
}

/// Text that people write to say "no value": treated as an empty cell.
fn is_blank_text(s: &str) -> bool {
    let t = s.trim();
    if t.is_empty() {
        return true;
    }
    // The markers are short ASCII words: compare their letters, lower-cased,
    // without allocating (this runs for every text cell).
    if t.len() > 16 {
        return false;
    }
    let mut key = [0u8; 16];
    let mut n = 0;
    for b in t.bytes() {
        if b.is_ascii_alphanumeric() {
            key[n] = b.to_ascii_lowercase();
            n += 1;
        } else if b == b' ' {
            if n > 0 && key[n - 1] != b' ' {
                key[n] = b' ';
                n += 1;
            }
        } else if !b.is_ascii() {
            // Accented letters and long dashes: only dashes alone are blank.
            return t
                .chars()
                .all(|c| matches!(c, '-' | '–' | '—' | '/' | '.' | '_' | ' '));
        }
    }
    if n == 0 {
        return t.chars().all(|c| matches!(c, '-' | '/' | '.' | '_' | ' '));
    }
    matches!(
        &key[..n],
        b"na" | b"nc" | b"so" | b"sans objet" | b"non applicable"
    )
}

/// Whether a cell is empty for every purpose (blank, spaces, `-`, `n/a`).
pub fn is_empty(d: &Data) -> bool {
    match d {
        Data::Empty => true,
        Data::String(s) => is_blank_text(s),
        _ => false,
    }
}

fn error_or_invalid(d: &Data) -> CellError {
    match d {
        Data::Error(e) => CellError::Excel(e.to_string()),
        other => CellError::Invalid(display(other)),
    }
}

/// Excel's serial day number to a date, in the 1900 or 1904 system.
pub fn serial_to_date(serial: f64, is_1904: bool) -> Option<NaiveDate> {
    if !serial.is_finite() || !(1.0..2_958_466.0).contains(&serial) {
        return None;
    }
    let days = serial.floor() as i64;
    let epoch = if is_1904 {
        NaiveDate::from_ymd_opt(1904, 1, 1)?
    } else {
        // Excel counts 1900-02-29, which never existed: serials from 61 on are
        // one day ahead, so 1899-12-30 is the effective epoch for them.
        if days < 61 {
            NaiveDate::from_ymd_opt(1899, 12, 31)?
        } else {
            NaiveDate::from_ymd_opt(1899, 12, 30)?
        }
    };
    epoch.checked_add_signed(chrono::Duration::days(days))
}

/// Reads a date cell.
pub fn date(d: &Data, is_1904: bool) -> Result<Option<NaiveDate>, CellError> {
    match d {
        Data::DateTime(dt) if dt.is_datetime() => {
            let (y, m, day, ..) = dt.to_ymd_hms_milli();
            NaiveDate::from_ymd_opt(y as i32, m as u32, day as u32)
                .map(Some)
                .ok_or_else(|| CellError::Invalid(display(d)))
        }
        Data::DateTimeIso(s) => parse_date_text(s)
            .map(Some)
            .ok_or_else(|| CellError::Invalid(s.clone())),
        Data::Int(i) => serial_to_date(*i as f64, is_1904)
            .map(Some)
            .ok_or_else(|| CellError::Invalid(display(d))),
        Data::Float(f) => serial_to_date(*f, is_1904)
            .map(Some)
            .ok_or_else(|| CellError::Invalid(display(d))),
        Data::String(s) if is_blank_text(s) => Ok(None),
        Data::String(s) => parse_date_text(s)
            .map(Some)
            .ok_or_else(|| CellError::Invalid(s.clone())),
        Data::Empty => Ok(None),
        other => Err(error_or_invalid(other)),
    }
}

/// Month names in French and English, full and abbreviated, as [`simplify`] leaves them.
fn month_from_name(word: &str) -> Option<u32> {
    let m = match word {
        "janvier" | "janv" | "jan" | "january" => 1,
        "fevrier" | "fevr" | "fev" | "feb" | "february" => 2,
        "mars" | "mar" | "march" => 3,
        "avril" | "avr" | "apr" | "april" => 4,
        "mai" | "may" => 5,
        "juin" | "jun" | "june" => 6,
        "juillet" | "juil" | "jul" | "july" => 7,
        "aout" | "aou" | "aug" | "august" => 8,
        "septembre" | "sept" | "sep" | "september" => 9,
        "octobre" | "oct" | "october" => 10,
        "novembre" | "nov" | "november" => 11,
        "decembre" | "dec" | "december" => 12,
        _ => return None,
    };
    Some(m)
}

fn is_weekday(word: &str) -> bool {
    matches!(
        word,
        "lundi"
            | "mardi"
            | "mercredi"
            | "jeudi"
            | "vendredi"
            | "samedi"
            | "dimanche"
            | "monday"
            | "tuesday"
            | "wednesday"
            | "thursday"
            | "friday"
            | "saturday"
            | "sunday"
            | "lun"
            | "mer"
            | "jeu"
            | "ven"
            | "sam"
            | "dim"
            | "mon"
            | "tue"
            | "wed"
            | "thu"
            | "fri"
            | "sat"
            | "sun"
    )
}

/// A year as written: four digits, or two digits read as 1970–2069.
fn year_of(s: &str) -> Option<i32> {
    if !s.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    match s.len() {
        4 => s.parse().ok(),
        2 => {
            let y: i32 = s.parse().ok()?;
            Some(if y < 70 { 2000 + y } else { 1900 + y })
        }
        _ => None,
    }
}

fn small_number(s: &str, max_len: usize) -> Option<u32> {
    if s.is_empty() || s.len() > max_len || !s.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

/// Splits `12/03/2025 10:30` into its date part and numeric fields.
fn numeric_fields(s: &str) -> Option<(Vec<&str>, char)> {
    let date_part = s.trim().split([' ', 'T']).next()?;
    let sep = date_part.chars().find(|c| matches!(c, '/' | '-' | '.'))?;
    let parts: Vec<&str> = date_part.split(sep).collect();
    parts
        .iter()
        .all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_digit()))
        .then_some((parts, sep))
}

/// Parses a text date: `12/03/2025`, `12/03/25`, `12-03-2025`, `12.03.2025`,
/// `2025-03-12`, `2025/03/12`, `12 mars 2025`, `1er mars 2025`, `12-mars-25`,
/// `March 12, 2025`, with an optional weekday before and time after. Day-first
/// order, as in France and Britain; `03/25/2025` is not a date.
pub fn parse_date_text(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    if let Some((parts, _)) = numeric_fields(s) {
        if parts.len() != 3 {
            return None;
        }
        let (y, m, d) = if parts[0].len() == 4 {
            (
                year_of(parts[0])?,
                small_number(parts[1], 2)?,
                small_number(parts[2], 2)?,
            )
        } else {
            (
                year_of(parts[2])?,
                small_number(parts[1], 2)?,
                small_number(parts[0], 2)?,
            )
        };
        return NaiveDate::from_ymd_opt(y, m, d);
    }
    // Words: "12 mars 2025", "lundi 1er mars 2025", "March 12, 2025".
    let simple = simplify(s);
    let words: Vec<&str> = simple
        .split(' ')
        .filter(|w| !w.is_empty() && !is_weekday(w) && *w != "le" && *w != "the")
        .collect();
    let mut day = None;
    let mut month = None;
    let mut year = None;
    for w in words.iter().take(6) {
        if let Some(m) = month_from_name(w) {
            if month.replace(m).is_some() {
                return None;
            }
        } else if let Some(d) = w
            .strip_suffix("er")
            .or_else(|| w.strip_suffix("st"))
            .or_else(|| w.strip_suffix("nd"))
            .or_else(|| w.strip_suffix("rd"))
            .or_else(|| w.strip_suffix("th"))
            .and_then(|d| small_number(d, 2))
        {
            day.get_or_insert(d);
        } else if w.len() == 4 && year.is_none() {
            year = Some(year_of(w)?);
        } else if day.is_none() && w.len() <= 2 {
            day = Some(small_number(w, 2)?);
        } else if year.is_none() && w.len() == 2 {
            year = Some(year_of(w)?);
        } else if w.chars().all(|c| c.is_ascii_digit()) && w.len() <= 2 {
            // hours / minutes after the date
            break;
        } else {
            return None;
        }
    }
    NaiveDate::from_ymd_opt(year?, month?, day?)
}

/// Parses a text month: `2025-03`, `2025/03`, `03/2025`, `3-2025`,
/// `mars 2025`, `mars-25`, `March 2025`, or any text date (its month).
pub fn parse_month_text(s: &str) -> Option<Month> {
    let s = s.trim();
    if let Some((parts, _)) = numeric_fields(s) {
        return match parts.len() {
            2 if parts[0].len() == 4 => Month::new(year_of(parts[0])?, small_number(parts[1], 2)?),
            2 if parts[1].len() == 4 => Month::new(year_of(parts[1])?, small_number(parts[0], 2)?),
            3 => parse_date_text(s).map(Month::of),
            _ => None,
        };
    }
    let simple = simplify(s);
    let words: Vec<&str> = simple.split(' ').filter(|w| !w.is_empty()).collect();
    if words.len() == 2 {
        if let (Some(m), Some(y)) = (month_from_name(words[0]), year_of(words[1])) {
            return Month::new(y, m);
        }
        if let (Some(y), Some(m)) = (year_of(words[0]), month_from_name(words[1])) {
            return Month::new(y, m);
        }
    }
    parse_date_text(s).map(Month::of)
}

/// Reads a period cell: a month, or a date in the month.
pub fn month(d: &Data, is_1904: bool) -> Result<Option<Month>, CellError> {
    match d {
        Data::String(s) if is_blank_text(s) => Ok(None),
        Data::String(s) => parse_month_text(s)
            .map(Some)
            .ok_or_else(|| CellError::Invalid(s.clone())),
        Data::DateTimeIso(s) => parse_month_text(s)
            .map(Some)
            .ok_or_else(|| CellError::Invalid(s.clone())),
        // A bare integer like 202503 is a common way to write a period.
        Data::Int(i) if (190_001..=210_012).contains(i) => {
            Month::new((*i / 100) as i32, (*i % 100) as u32)
                .map(Some)
                .ok_or_else(|| CellError::Invalid(display(d)))
        }
        Data::Float(f) if f.fract() == 0.0 && (190_001.0..=210_012.0).contains(f) => {
            let i = *f as i64;
            Month::new((i / 100) as i32, (i % 100) as u32)
                .map(Some)
                .ok_or_else(|| CellError::Invalid(display(d)))
        }
        other => date(other, is_1904).map(|o| o.map(Month::of)),
    }
}

/// Parses a text number: `1 234,5`, `1.234,5`, `1,234.5`, `12,5 %`, `-3`,
/// `+4`. A lone comma is a decimal comma (French convention).
pub fn parse_number_text(s: &str) -> Option<Number> {
    let mut t: String = s
        .trim()
        .chars()
        .filter(|c| !matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '\u{2009}' | '\'' | '’'))
        .collect();
    let percent = t.ends_with('%');
    if percent {
        t.pop();
    }
    if t.is_empty() {
        return None;
    }
    let commas = t.matches(',').count();
    let dots = t.matches('.').count();
    let normalized = match (commas, dots) {
        (0, 0) => t,
        (0, 1) => t,
        (1, 0) => t.replace(',', "."),
        (0, _) => t.replace('.', ""), // 1.234.567
        (_, 0) => return None,        // 1,234,567 would be ambiguous with decimals
        _ => {
            let last_comma = t.rfind(',')?;
            let last_dot = t.rfind('.')?;
            if last_comma > last_dot {
                if commas > 1 {
                    return None;
                }
                t.replace('.', "").replace(',', ".")
            } else {
                if dots > 1 {
                    return None;
                }
                t.replace(',', "")
            }
        }
    };
    let bytes = normalized.as_bytes();
    let body = normalized.strip_prefix(['+', '-']).unwrap_or(&normalized);
    if body.is_empty()
        || !body.chars().all(|c| c.is_ascii_digit() || c == '.')
        || body.starts_with('.') && body.len() == 1
        || bytes.is_empty()
    {
        return None;
    }
    let value: f64 = normalized.parse().ok()?;
    value.is_finite().then_some(Number { value, percent })
}

/// Reads a number cell.
pub fn number(d: &Data) -> Result<Option<Number>, CellError> {
    match d {
        Data::Int(i) => Ok(Some(Number {
            value: *i as f64,
            percent: false,
        })),
        Data::Float(f) if f.is_finite() => Ok(Some(Number {
            value: *f,
            percent: false,
        })),
        Data::String(s) if is_blank_text(s) => Ok(None),
        Data::String(s) => parse_number_text(s)
            .map(Some)
            .ok_or_else(|| CellError::Invalid(s.clone())),
        Data::Empty => Ok(None),
        other => Err(error_or_invalid(other)),
    }
}

/// Parses yes/no text in French and English.
pub fn parse_bool_text(s: &str) -> Option<bool> {
    static TABLE: std::sync::OnceLock<FoldedTable<bool>> = std::sync::OnceLock::new();
    TABLE
        .get_or_init(|| {
            FoldedTable::new(
                [
                    "oui", "o", "yes", "y", "x", "vrai", "true", "1", "ok", "✓", "✔", "☑", "☒",
                ]
                .into_iter()
                .map(|w| (w, true))
                .chain(
                    ["non", "n", "no", "faux", "false", "0", "✗", "✘", "☐"]
                        .into_iter()
                        .map(|w| (w, false)),
                ),
            )
        })
        .get(s)
}

/// Reads a yes/no cell.
pub fn boolean(d: &Data) -> Result<Option<bool>, CellError> {
    match d {
        Data::Bool(b) => Ok(Some(*b)),
        Data::Int(1) => Ok(Some(true)),
        Data::Int(0) => Ok(Some(false)),
        Data::Float(f) if *f == 1.0 => Ok(Some(true)),
        Data::Float(f) if *f == 0.0 => Ok(Some(false)),
        Data::String(s) if s.trim().is_empty() => Ok(None),
        Data::String(s) => parse_bool_text(s)
            .map(Some)
            .ok_or_else(|| CellError::Invalid(s.clone())),
        Data::Empty => Ok(None),
        other => Err(error_or_invalid(other)),
    }
}

/// Reads a text cell: numbers and dates become their displayed text (an ID
/// typed as 12 is "12"); error values are errors.
pub fn text(d: &Data) -> Result<Option<String>, CellError> {
    match d {
        Data::Empty => Ok(None),
        Data::Error(e) => Err(CellError::Excel(e.to_string())),
        Data::String(s) => {
            let t = s.trim();
            Ok((!is_blank_text(t)).then(|| t.to_owned()))
        }
        other => Ok(Some(display(other))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use calamine::{ExcelDateTime, ExcelDateTimeType};

    fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn serials_in_both_date_systems() {
        // Reference values from Excel: 45728 is 2025-03-12 in the 1900 system;
        // the 1904 system is 1462 days behind.
        assert_eq!(serial_to_date(45728.0, false), Some(ymd(2025, 3, 12)));
        assert_eq!(
            serial_to_date(45728.0 - 1462.0, true),
            Some(ymd(2025, 3, 12))
        );
        assert_eq!(serial_to_date(1.0, false), Some(ymd(1900, 1, 1)));
        assert_eq!(serial_to_date(59.0, false), Some(ymd(1900, 2, 28)));
        assert_eq!(serial_to_date(61.0, false), Some(ymd(1900, 3, 1)));
        assert_eq!(serial_to_date(45728.75, false), Some(ymd(2025, 3, 12)));
        assert_eq!(serial_to_date(0.0, false), None);
        assert_eq!(serial_to_date(-3.0, false), None);
        let dt = Data::DateTime(ExcelDateTime::new(
            45728.0 - 1462.0,
            ExcelDateTimeType::DateTime,
            true,
        ));
        assert_eq!(date(&dt, true), Ok(Some(ymd(2025, 3, 12))));
    }

    #[test]
    fn text_dates_in_every_common_form() {
        let want = ymd(2025, 3, 12);
        for s in [
            "12/03/2025",
            "12/03/25",
            "12-03-2025",
            "12.03.2025",
            "2025-03-12",
            "2025/03/12",
            "12 mars 2025",
            "12 Mars 2025",
            "mercredi 12 mars 2025",
            "12-mars-25",
            "12 March 2025",
            "March 12, 2025",
            "12/03/2025 10:30",
            "2025-03-12T08:00:00",
            " 12/3/2025 ",
        ] {
            assert_eq!(parse_date_text(s), Some(want), "{s}");
        }
        assert_eq!(parse_date_text("1er avril 2024"), Some(ymd(2024, 4, 1)));
        assert_eq!(parse_date_text("15 août 2023"), Some(ymd(2023, 8, 15)));
        for s in [
            "31/02/2025",
            "03/25/2025",
            "hier",
            "12 mars",
            "2025",
            "12/03",
            "mars 2025 bis",
        ] {
            assert_eq!(parse_date_text(s), None, "{s}");
        }
    }

    #[test]
    fn months_in_every_common_form() {
        let want = Month::new(2025, 3).unwrap();
        for s in [
            "2025-03",
            "2025/03",
            "03/2025",
            "3/2025",
            "03-2025",
            "mars 2025",
            "Mars-25",
            "March 2025",
            "mar. 2025",
            "12/03/2025",
            "2025-03-31",
        ] {
            assert_eq!(parse_month_text(s), Some(want), "{s}");
        }
        assert_eq!(month(&Data::Int(202503), false), Ok(Some(want)));
        assert_eq!(month(&Data::Float(45728.0), false), Ok(Some(want)));
        assert!(parse_month_text("T1 2025").is_none());
        assert!(parse_month_text("2025-13").is_none());
    }

    #[test]
    fn numbers_in_french_and_english_forms() {
        let n = |s: &str| parse_number_text(s).map(|n| (n.value, n.percent));
        assert_eq!(n("1 234,5"), Some((1234.5, false)));
        assert_eq!(n("1\u{a0}234,5"), Some((1234.5, false)));
        assert_eq!(n("1\u{202f}234"), Some((1234.0, false)));
        assert_eq!(n("1.234,5"), Some((1234.5, false)));
        assert_eq!(n("1,234.5"), Some((1234.5, false)));
        assert_eq!(n("0,95"), Some((0.95, false)));
        assert_eq!(n("95 %"), Some((95.0, true)));
        assert_eq!(n("12,5%"), Some((12.5, true)));
        assert_eq!(n("-3"), Some((-3.0, false)));
        assert_eq!(n("1.234.567"), Some((1234567.0, false)));
        for s in [
            "env. 12", "12 ans", "", "%", "1,2,3", "--1", "1e5", "NaN", "inf",
        ] {
            assert_eq!(n(s), None, "{s}");
        }
    }

    #[test]
    fn numbers_from_cells() {
        assert_eq!(number(&Data::Int(4)).unwrap().unwrap().value, 4.0);
        assert_eq!(number(&Data::String("n/a".into())), Ok(None));
        assert_eq!(
            number(&Data::Error(calamine::CellErrorType::Div0)),
            Err(CellError::Excel("#DIV/0!".into()))
        );
        assert_eq!(
            number(&Data::Bool(true)),
            Err(CellError::Invalid("VRAI".into()))
        );
    }

    #[test]
    fn no_value_markers_are_empty_cells() {
        for s in [
            "",
            "  ",
            "-",
            "—",
            "/",
            "n/a",
            "N/A",
            "NA",
            "n.a.",
            "NC",
            "sans objet",
            "S/O",
            "Non applicable",
        ] {
            assert!(is_empty(&Data::String(s.into())), "{s:?}");
        }
        for s in [
            "Non",
            "nan",
            "Soldé",
            "?",
            "0",
            "Sophie",
            "non concerné",
            "x",
        ] {
            assert!(!is_empty(&Data::String(s.into())), "{s:?}");
        }
    }

    #[test]
    fn booleans() {
        for s in ["oui", "Oui", "O", "x", "X", "yes", "vrai", "1"] {
            assert_eq!(parse_bool_text(s), Some(true), "{s}");
        }
        for s in ["non", "N", "no", "faux", "0"] {
            assert_eq!(parse_bool_text(s), Some(false), "{s}");
        }
        assert_eq!(parse_bool_text("peut-être"), None);
        assert_eq!(boolean(&Data::Float(1.0)), Ok(Some(true)));
        assert_eq!(boolean(&Data::Int(2)), Err(CellError::Invalid("2".into())));
    }

    #[test]
    fn month_arithmetic() {
        let m = Month::new(2025, 11).unwrap();
        assert_eq!(m.plus(3), Month::new(2026, 2).unwrap());
        assert_eq!(m.plus(-11), Month::new(2024, 12).unwrap());
        assert_eq!(m.months_until(Month::new(2026, 2).unwrap()), 3);
        assert_eq!(m.to_string(), "2025-11");
    }
}
