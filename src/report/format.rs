//! How numbers and dates are written in reports: French typography by
//! default (decimal comma, narrow no-break space between thousands and before
//! `%`, `31/10/2026`, `octobre 2026`), English with `--lang en`.

use chrono::NaiveDate;

use super::capped::IDS_IN_A_CELL;
use crate::i18n::Lang;
use crate::input::parse::Month;

/// Narrow no-break space (French thousands separator and before `%`).
pub const NNBSP: char = '\u{202f}';

/// Decimals to show for a value: none for whole numbers, fewer for large ones.
pub fn auto_decimals(v: f64) -> usize {
    let a = v.abs();
    if (v - v.round()).abs() < 1e-9 || a >= 100.0 {
        0
    } else if a >= 10.0 {
        1
    } else {
        2
    }
}

/// `1 234,5` (fr) or `1,234.5` (en), with `decimals` digits after the mark.
pub fn number(v: f64, decimals: usize, lang: Lang) -> String {
    if !v.is_finite() {
        return "—".to_owned();
    }
    let s = format!("{:.*}", decimals, v.abs());
    let (int, frac) = match s.split_once('.') {
        Some((i, f)) => (i.to_owned(), Some(f.to_owned())),
        None => (s, None),
    };
    let (group, mark) = match lang {
        Lang::Fr => (NNBSP, ','),
        Lang::En => (',', '.'),
    };
    let mut grouped = String::new();
    for (i, ch) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            grouped.push(group);
        }
        grouped.push(ch);
    }
    let negative = v < 0.0
        && (grouped.chars().any(|c| c.is_ascii_digit() && c != '0')
            || frac.as_ref().is_some_and(|f| f.chars().any(|c| c != '0')));
    let mut out = String::new();
    if negative {
        out.push('−');
    }
    out.push_str(&grouped);
    if let Some(f) = frac {
        out.push(mark);
        out.push_str(&f);
    }
    out
}

/// A number with automatic decimals.
pub fn num(v: f64, lang: Lang) -> String {
    number(v, auto_decimals(v), lang)
}

/// A count: `1 044` (fr) or `1,044` (en).
pub fn count(n: usize, lang: Lang) -> String {
    number(n as f64, 0, lang)
}

/// A whole number that may be negative (days): `−1 517`.
pub fn int(n: i64, lang: Lang) -> String {
    number(n as f64, 0, lang)
}

/// `12,5 %` (fr) or `12.5%` (en), from percent points.
pub fn percent(v: f64, decimals: usize, lang: Lang) -> String {
    match lang {
        Lang::Fr => format!("{}{NNBSP}%", number(v, decimals, lang)),
        Lang::En => format!("{}%", number(v, decimals, lang)),
    }
}

/// A value with its unit: `12,3 j`, `95,2 %`, `1 012`.
pub fn with_unit(v: f64, unit: Option<&str>, lang: Lang) -> String {
    match unit.map(str::trim).filter(|u| !u.is_empty()) {
        Some("%") => percent(v, auto_decimals(v).min(1), lang),
        Some(u) => format!("{}{NNBSP}{}", num(v, lang), keep_together(u)),
        None => num(v, lang),
    }
}

/// Joins the digits of a number written with spaces (`1 000`) with narrow
/// no-break spaces, so a line never breaks inside it.
pub fn keep_together(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    for (i, c) in chars.iter().enumerate() {
        let between_digits = *c == ' '
            && i > 0
            && chars[i - 1].is_ascii_digit()
            && chars.get(i + 1).is_some_and(|n| n.is_ascii_digit());
        out.push(if between_digits { NNBSP } else { *c });
    }
    out
}

/// `31/10/2026` (fr) or `2026-10-31` (en).
pub fn date(d: NaiveDate, lang: Lang) -> String {
    match lang {
        Lang::Fr => d.format("%d/%m/%Y").to_string(),
        Lang::En => d.format("%Y-%m-%d").to_string(),
    }
}

/// French month names.
pub const MONTHS_FR: [&str; 12] = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
];
const MONTHS_FR_SHORT: [&str; 12] = [
    "janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.",
    "déc.",
];
const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// `octobre 2026` / `October 2026`.
pub fn month_long(m: Month, lang: Lang) -> String {
    let i = m.month as usize - 1;
    match lang {
        Lang::Fr => format!("{} {}", MONTHS_FR[i], m.year),
        Lang::En => format!("{} {}", MONTHS_EN[i], m.year),
    }
}

/// `oct. 26` / `Oct 26`, for chart axes.
pub fn month_short(m: Month, lang: Lang) -> String {
    let i = m.month as usize - 1;
    let yy = m.year.rem_euclid(100);
    match lang {
        Lang::Fr => format!("{} {yy:02}", MONTHS_FR_SHORT[i]),
        Lang::En => format!("{} {yy:02}", &MONTHS_EN[i][..3]),
    }
}

/// A file size: `12,4 ko` / `12.4 kB`.
pub fn size(bytes: u64, lang: Lang) -> String {
    let (k, m) = match lang {
        Lang::Fr => ("ko", "Mo"),
        Lang::En => ("kB", "MB"),
    };
    if bytes >= 1_000_000 {
        format!("{}{NNBSP}{m}", number(bytes as f64 / 1e6, 1, lang))
    } else {
        format!("{}{NNBSP}{k}", number(bytes as f64 / 1e3, 1, lang))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn french_typography() {
        assert_eq!(number(1234.5, 1, Lang::Fr), "1\u{202f}234,5");
        assert_eq!(number(1234567.0, 0, Lang::Fr), "1\u{202f}234\u{202f}567");
        assert_eq!(percent(12.5, 1, Lang::Fr), "12,5\u{202f}%");
        assert_eq!(number(-0.5, 1, Lang::Fr), "−0,5");
        assert_eq!(number(-0.001, 1, Lang::Fr), "0,0");
        assert_eq!(
            date(NaiveDate::from_ymd_opt(2026, 10, 31).unwrap(), Lang::Fr),
            "31/10/2026"
        );
        assert_eq!(
            month_long(Month::new(2026, 10).unwrap(), Lang::Fr),
            "octobre 2026"
        );
        assert_eq!(
            month_short(Month::new(2026, 2).unwrap(), Lang::Fr),
            "févr. 26"
        );
        assert_eq!(with_unit(12.34, Some("j"), Lang::Fr), "12,3\u{202f}j");
    }

    #[test]
    fn english_typography() {
        assert_eq!(number(1234.5, 1, Lang::En), "1,234.5");
        assert_eq!(percent(12.5, 1, Lang::En), "12.5%");
        assert_eq!(
            month_long(Month::new(2026, 10).unwrap(), Lang::En),
            "October 2026"
        );
        assert_eq!(
            date(NaiveDate::from_ymd_opt(2026, 10, 31).unwrap(), Lang::En),
            "2026-10-31"
        );
    }

    #[test]
    fn counts_are_grouped_like_every_number() {
        assert_eq!(count(1_044, Lang::Fr), "1\u{202f}044");
        assert_eq!(count(1_044, Lang::En), "1,044");
        assert_eq!(count(7, Lang::Fr), "7");
        assert_eq!(int(-1_517, Lang::Fr), "−1\u{202f}517");
    }

    #[test]
    fn decimals_follow_magnitude() {
        assert_eq!(num(12.0, Lang::Fr), "12");
        assert_eq!(num(12.345, Lang::Fr), "12,3");
        assert_eq!(num(0.1234, Lang::Fr), "0,12");
        assert_eq!(num(1234.4, Lang::Fr), "1\u{202f}234");
    }
}

/// Identifiers in one cell: at most [`IDS_IN_A_CELL`], then how many more
/// (`F-1, F-2, … +37`), so a cell never runs over pages.
pub fn id_list<S: AsRef<str>>(ids: &[S]) -> String {
    let mut out = ids
        .iter()
        .take(IDS_IN_A_CELL)
        .map(|s| s.as_ref())
        .collect::<Vec<_>>()
        .join(", ");
    if ids.len() > IDS_IN_A_CELL {
        out.push_str(&format!(", … +{}", ids.len() - IDS_IN_A_CELL));
    }
    out
}

#[cfg(test)]
mod id_list_tests {
    #[test]
    fn long_lists_of_identifiers_are_cut_with_a_count() {
        let ids: Vec<String> = (1..=15).map(|i| format!("F-{i}")).collect();
        assert_eq!(super::id_list(&ids[..2]), "F-1, F-2");
        assert_eq!(
            super::id_list(&ids),
            "F-1, F-2, F-3, F-4, F-5, F-6, F-7, F-8, F-9, F-10, F-11, F-12, … +3"
        );
    }
}
