//! Dates of the demo: the period it covers, the service's working days and
//! the ways people write a date.

use chrono::{Datelike, Days, NaiveDate, Weekday};

use super::rng::Rng;

/// First day the demo records.
pub fn start() -> NaiveDate {
    ymd(2022, 1, 1)
}

/// The demo's "today": nothing that records the past is later.
pub fn as_of() -> NaiveDate {
    ymd(2026, 10, 31)
}

pub fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("valid demo date")
}

pub fn add_days(d: NaiveDate, n: i64) -> NaiveDate {
    if n >= 0 {
        d.checked_add_days(Days::new(n as u64))
            .expect("date in range")
    } else {
        d.checked_sub_days(Days::new((-n) as u64))
            .expect("date in range")
    }
}

pub fn days_between(a: NaiveDate, b: NaiveDate) -> i64 {
    (b - a).num_days()
}

/// The next working day (Monday to Friday) on or after `d`.
pub fn workday(d: NaiveDate) -> NaiveDate {
    match d.weekday() {
        Weekday::Sat => add_days(d, 2),
        Weekday::Sun => add_days(d, 1),
        _ => d,
    }
}

/// The last working day on or before `d`.
pub fn workday_before(d: NaiveDate) -> NaiveDate {
    match d.weekday() {
        Weekday::Sat => add_days(d, -1),
        Weekday::Sun => add_days(d, -2),
        _ => d,
    }
}

/// A working day drawn in `from..=to`.
pub fn random_workday(rng: &mut Rng, from: NaiveDate, to: NaiveDate) -> NaiveDate {
    let span = days_between(from, to).max(0);
    let d = add_days(from, rng.range(0, span));
    let w = workday(d);
    if w > to {
        workday_before(d).max(from)
    } else {
        w
    }
}

/// The number of days in a month.
pub fn month_len(y: i32, m: u32) -> u32 {
    let next = if m == 12 {
        ymd(y + 1, 1, 1)
    } else {
        ymd(y, m + 1, 1)
    };
    (next - ymd(y, m, 1)).num_days() as u32
}

/// The months the demo covers, January 2022 to October 2026: (year, month).
pub fn months() -> Vec<(i32, u32)> {
    let mut out = Vec::new();
    let (mut y, mut m) = (start().year(), start().month());
    while (y, m) <= (as_of().year(), as_of().month()) {
        out.push((y, m));
        m += 1;
        if m == 13 {
            m = 1;
            y += 1;
        }
    }
    out
}

/// Excel's serial day number (1900 system) of a date.
pub fn serial(d: NaiveDate) -> f64 {
    (d - ymd(1899, 12, 30)).num_days() as f64
}

/// `12/03/2025`.
pub fn fr_short(d: NaiveDate) -> String {
    d.format("%d/%m/%Y").to_string()
}

/// `12 mars 2025`, `1er avril 2024`.
pub fn fr_long(d: NaiveDate) -> String {
    let day = if d.day() == 1 {
        "1er".to_owned()
    } else {
        d.day().to_string()
    };
    format!(
        "{day} {} {}",
        crate::report::format::MONTHS_FR[d.month0() as usize],
        d.year()
    )
}

/// `2025-03`.
pub fn iso_month(y: i32, m: u32) -> String {
    format!("{y:04}-{m:02}")
}

/// Relative weight of each calendar month for events: more in winter and
/// in the rush before the summer holidays, fewer in August.
pub const SEASON: [u32; 12] = [125, 115, 105, 95, 100, 115, 90, 60, 95, 100, 105, 110];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serials_and_text_forms() {
        assert_eq!(serial(ymd(2025, 3, 12)), 45728.0);
        assert_eq!(fr_short(ymd(2025, 3, 2)), "02/03/2025");
        assert_eq!(fr_long(ymd(2024, 4, 1)), "1er avril 2024");
        assert_eq!(fr_long(ymd(2023, 8, 15)), "15 août 2023");
        assert_eq!(months().len(), 58);
        assert_eq!(month_len(2024, 2), 29);
    }
}
