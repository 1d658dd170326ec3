//! Chart specifications handed to the templates' chart library: the numbers
//! to plot plus every label already formatted (axis ticks, month names,
//! legends), so templates only place them. Marks carry a [`Role`], never a
//! colour: `templates/lib/style.typ` gives each role its colour, once.

use serde::Serialize;

use super::format;
use crate::i18n::{self, Lang};
use crate::input::parse::Month;

/// A tick on a value axis.
#[derive(Debug, Clone, Serialize)]
pub struct Tick {
    pub value: f64,
    pub label: String,
}

/// A value axis.
#[derive(Debug, Clone, Serialize)]
pub struct YAxis {
    pub min: f64,
    pub max: f64,
    pub ticks: Vec<Tick>,
}

/// A category axis (months).
#[derive(Debug, Clone, Serialize)]
pub struct XAxis {
    pub labels: Vec<String>,
    /// Indices whose label is drawn (so labels never overlap).
    pub shown: Vec<usize>,
}

/// A legend entry.
#[derive(Debug, Clone, Serialize)]
pub struct LegendItem {
    pub kind: &'static str,
    pub role: Role,
    pub label: String,
}

/// What a chart mark stands for, which its colour shows. The templates map
/// each role to the palette in one place (`role-color` in
/// `templates/lib/style.typ`), the same place that colours standings.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    /// The data itself: values, bars, the current period.
    Accent,
    /// Plain text colour (the outer ring of the party map).
    Ink,
    /// Secondary marks: a previous campaign.
    Muted,
    /// What is on target: centre lines, the acceptable band.
    Met,
    /// What to watch: targets, the previous period, the band to watch.
    Alert,
    /// What is out: control limits, signals, cumulative shares.
    Missed,
}

/// A "nice" step (1, 2, 2.5 or 5 × 10^k) giving about `n` intervals over `span`.
pub fn nice_step(span: f64, n: usize) -> f64 {
    if span <= 0.0 || !span.is_finite() {
        return 1.0;
    }
    let raw = span / n.max(1) as f64;
    let mag = 10f64.powf(raw.log10().floor());
    let f = raw / mag;
    let nice = if f <= 1.0 {
        1.0
    } else if f <= 2.0 {
        2.0
    } else if f <= 2.5 {
        2.5
    } else if f <= 5.0 {
        5.0
    } else {
        10.0
    };
    nice * mag
}

/// A value axis covering every value given (and zero when `from_zero`),
/// with about four intervals; tick labels carry `unit` on the top tick.
pub fn y_axis(
    values: impl IntoIterator<Item = f64>,
    from_zero: bool,
    unit: Option<&str>,
    lang: Lang,
) -> YAxis {
    let mut lo = f64::INFINITY;
    let mut hi = f64::NEG_INFINITY;
    for v in values.into_iter().filter(|v| v.is_finite()) {
        lo = lo.min(v);
        hi = hi.max(v);
    }
    if !lo.is_finite() {
        lo = 0.0;
        hi = 1.0;
    }
    if from_zero {
        lo = lo.min(0.0);
    }
    if (hi - lo).abs() < 1e-12 {
        hi = lo + if lo == 0.0 { 1.0 } else { lo.abs() * 0.2 };
        lo -= if from_zero { 0.0 } else { (hi - lo) / 2.0 };
    }
    let step = nice_step(hi - lo, 4);
    let min = (lo / step).floor() * step;
    let max = (hi / step).ceil() * step;
    let decimals = if step.fract().abs() < 1e-9 {
        0
    } else if (step * 10.0).fract().abs() < 1e-9 {
        1
    } else {
        2
    };
    let count = ((max - min) / step).round() as usize;
    let ticks = (0..=count)
        .map(|i| {
            let value = min + step * i as f64;
            let mut label = format::number(value, decimals, lang);
            if i == count {
                match unit.map(str::trim).filter(|u| !u.is_empty()) {
                    Some("%") => label = format::percent(value, decimals, lang),
                    Some(u) if u.chars().count() <= 6 => {
                        label = format!("{label}{}{u}", format::NNBSP)
                    }
                    _ => {}
                }
            }
            Tick { value, label }
        })
        .collect();
    YAxis { min, max, ticks }
}

/// Month labels, with about `max_labels` of them shown.
pub fn month_axis(months: &[Month], max_labels: usize, lang: Lang) -> XAxis {
    let n = months.len();
    let every = n.div_ceil(max_labels.max(1)).max(1);
    // Show the last month, and every `every`-th month counting back from it.
    let mut shown: Vec<usize> = (0..n).rev().step_by(every).collect();
    shown.reverse();
    XAxis {
        labels: months
            .iter()
            .map(|m| format::month_short(*m, lang))
            .collect(),
        shown,
    }
}

/// A legend entry with a catalogue label.
pub fn legend(kind: &'static str, role: Role, key: &str, lang: Lang) -> LegendItem {
    LegendItem {
        kind,
        role,
        label: i18n::text(key, lang).to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nice_steps() {
        assert_eq!(nice_step(20.0, 4), 5.0);
        assert_eq!(nice_step(7.0, 4), 2.0);
        assert_eq!(nice_step(0.9, 4), 0.25);
        assert_eq!(nice_step(130.0, 4), 50.0);
    }

    #[test]
    fn axis_covers_values_with_round_ticks() {
        let y = y_axis([3.2, 17.9], true, Some("j"), Lang::Fr);
        assert_eq!((y.min, y.max), (0.0, 20.0));
        let labels: Vec<&str> = y.ticks.iter().map(|t| t.label.as_str()).collect();
        assert_eq!(labels, ["0", "5", "10", "15", "20\u{202f}j"]);
        let y = y_axis([92.5, 97.0], false, Some("%"), Lang::Fr);
        assert_eq!((y.min, y.max), (92.0, 98.0));
        assert_eq!(y.ticks.last().unwrap().label, "98\u{202f}%");
    }

    #[test]
    fn month_labels_never_crowd() {
        let months: Vec<Month> = (0..24)
            .map(|i| Month::new(2024, 11).unwrap().plus(i))
            .collect();
        let x = month_axis(&months, 8, Lang::Fr);
        assert_eq!(x.shown.len(), 8);
        assert_eq!(*x.shown.last().unwrap(), 23);
        assert_eq!(x.labels[23], "oct. 26");
    }
}
