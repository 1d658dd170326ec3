//! Indicator series and what is computed on them for a given month: value,
//! standing against target, trend, control chart, year-on-year change, and
//! for objectives the year-to-date standing and the projected year end.
//!
//! A month's value is the value cell, or numerator / denominator (× 100 for
//! an indicator whose unit is `%`). A month with no value is a gap, never a
//! zero. Percentage indicators whose cells hold fractions (an Excel cell
//! formatted as percent stores 0,95 for 95 %) are put back on the percent
//! scale when every plain value of the indicator is between 0 and 1 and the
//! target is above 1 (or absent).

use std::collections::BTreeMap;

use serde::Serialize;

use super::spc::{self, ChartKind, ControlChart};
use super::status::{Standing, effective_direction, standing};
use super::trend::{MannKendall, mann_kendall};
use crate::input::parse::Month;
use crate::input::text::fold;
use crate::registers::vocab::{Direction, IndicatorKind};
use crate::registers::{IndicatorDef, Objective, Registers};

/// One month of an indicator.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct MonthValue {
    pub month: Month,
    pub value: f64,
    pub numerator: Option<f64>,
    pub denominator: Option<f64>,
}

/// An indicator with its monthly values, in month order, one per month.
#[derive(Debug, Clone)]
pub struct Series<'a> {
    pub def: &'a IndicatorDef,
    pub code: String,
    pub values: Vec<MonthValue>,
    /// Target and alert threshold on the values' scale.
    pub target: Option<f64>,
    pub alert: Option<f64>,
    pub direction: Option<Direction>,
    /// Control chart set by the configuration, if any.
    pub chart_override: Option<ChartKind>,
}

fn is_percent_unit(unit: Option<&str>) -> bool {
    unit.is_some_and(|u| u.contains('%'))
}

/// The multiplier a unit implies for a ratio: 100 for `%`, 1000 for `‰` or
/// "pour 1 000 …", 10 000 for "pour 10 000 …", else 1.
pub fn unit_multiplier(unit: Option<&str>) -> f64 {
    let Some(u) = unit else { return 1.0 };
    if u.contains('%') {
        return 100.0;
    }
    if u.contains('‰') {
        return 1000.0;
    }
    let digits: String = u.chars().filter(|c| c.is_ascii_digit()).collect();
    match digits.parse::<u64>() {
        Ok(n) if n >= 10 && (n as f64).log10().fract() == 0.0 => n as f64,
        _ => 1.0,
    }
}

/// Builds the series of every defined indicator, in definition order. When a
/// month appears twice, the later row wins (registers are read in order).
pub fn series(regs: &Registers) -> Vec<Series<'_>> {
    series_with(regs, &BTreeMap::new())
}

/// [`series`], with control charts chosen by configuration for some codes.
pub fn series_with<'a>(
    regs: &'a Registers,
    charts: &BTreeMap<String, ChartKind>,
) -> Vec<Series<'a>> {
    let overrides: BTreeMap<String, ChartKind> = charts
        .iter()
        .map(|(k, v)| (k.trim().to_lowercase(), *v))
        .collect();
    let mut by_code: BTreeMap<String, Vec<&crate::registers::IndicatorValue>> = BTreeMap::new();
    for v in &regs.indicator_values {
        if let Some(code) = &v.code {
            by_code
                .entry(code.trim().to_lowercase())
                .or_default()
                .push(v);
        }
    }
    let mut out = Vec::new();
    for def in &regs.indicators {
        let Some(code) = def.code.clone() else {
            continue;
        };
        let rows = by_code
            .get(&code.trim().to_lowercase())
            .cloned()
            .unwrap_or_default();
        let percent = is_percent_unit(def.unit.as_deref());
        let target_raw = def.target.map(|a| a.value);
        // Fractions in a percent indicator: every plain value within [0, 1].
        let plain: Vec<f64> = rows
            .iter()
            .filter_map(|r| r.value.filter(|a| !a.percent).map(|a| a.value))
            .collect();
        let fractions = percent
            && !plain.is_empty()
            && plain.iter().all(|v| (0.0..=1.0).contains(v))
            && target_raw.is_none_or(|t| def.target.is_some_and(|a| a.percent) || t > 1.0);
        let mut months: BTreeMap<Month, MonthValue> = BTreeMap::new();
        for r in rows {
            let Some(month) = r.period else { continue };
            let value = match (r.value, r.numerator, r.denominator) {
                (Some(a), _, _) => Some(if fractions && !a.percent {
                    a.value * 100.0
                } else {
                    a.value
                }),
                (None, Some(n), Some(d)) if d != 0.0 => {
                    Some(n / d * unit_multiplier(def.unit.as_deref()))
                }
                _ => None,
            };
            if let Some(value) = value {
                months.insert(
                    month,
                    MonthValue {
                        month,
                        value,
                        numerator: r.numerator,
                        denominator: r.denominator,
                    },
                );
            }
        }
        let values: Vec<MonthValue> = months.into_values().collect();
        let max_value = values
            .iter()
            .map(|v| v.value)
            .fold(f64::NEG_INFINITY, f64::max);
        // A target typed as a fraction in a percent indicator.
        let rescale = |a: Option<crate::registers::Amount>| {
            a.map(|a| {
                if percent && !a.percent && a.value <= 1.0 && max_value > 1.0 {
                    a.value * 100.0
                } else {
                    a.value
                }
            })
        };
        let target = rescale(def.target);
        let alert = rescale(def.alert);
        out.push(Series {
            def,
            chart_override: overrides.get(&code.trim().to_lowercase()).copied(),
            code,
            direction: effective_direction(def.direction, target, alert),
            values,
            target,
            alert,
        });
    }
    out
}

impl Series<'_> {
    /// The value of `month`, if measured.
    pub fn at(&self, month: Month) -> Option<&MonthValue> {
        self.values
            .binary_search_by(|v| v.month.cmp(&month))
            .ok()
            .map(|i| &self.values[i])
    }

    /// Values of the `n` months ending with `month` (gaps as `None`).
    pub fn window(&self, month: Month, n: usize) -> Vec<(Month, Option<f64>)> {
        (0..n as i32)
            .rev()
            .map(|k| {
                let m = month.plus(-k);
                (m, self.at(m).map(|v| v.value))
            })
            .collect()
    }

    /// Measured values up to `month`, at most `n` of the last months.
    pub fn points_upto(&self, month: Month, n: usize) -> Vec<&MonthValue> {
        let first = month.plus(-(n as i32) + 1);
        self.values
            .iter()
            .filter(|v| v.month >= first && v.month <= month)
            .collect()
    }

    /// Standing of a value against this indicator's target and alert threshold.
    pub fn standing_of(&self, value: f64) -> Standing {
        standing(value, self.direction, self.target, self.alert)
    }

    /// Which control chart suits the indicator: the declared data type, else
    /// proportions for percentages computed from a numerator and denominator,
    /// rates for other ratios, counts for a "nombre" unit, XmR otherwise.
    pub fn chart_kind(&self) -> ChartKind {
        if let Some(k) = self.chart_override {
            return k;
        }
        let has_ratio = self
            .values
            .iter()
            .any(|v| v.numerator.is_some() && v.denominator.is_some());
        match self.def.kind {
            Some(IndicatorKind::Proportion) if has_ratio => ChartKind::P,
            Some(IndicatorKind::Rate) if has_ratio => ChartKind::U,
            Some(IndicatorKind::Count) => ChartKind::C,
            Some(IndicatorKind::Measurement) => ChartKind::Xmr,
            _ => {
                let unit = self.def.unit.as_deref().map(fold).unwrap_or_default();
                if has_ratio && is_percent_unit(self.def.unit.as_deref()) {
                    ChartKind::P
                } else if has_ratio {
                    ChartKind::U
                } else if ["nb", "nombre", "count", "number", "n"]
                    .iter()
                    .any(|u| fold(u) == unit)
                {
                    ChartKind::C
                } else {
                    ChartKind::Xmr
                }
            }
        }
    }

    /// The control chart over the last `n` measured months up to `month`,
    /// with the months plotted. Values on the chart are on the indicator's
    /// scale (percent points for percentage p-charts).
    pub fn control_chart(&self, month: Month, n: usize) -> Option<(Vec<Month>, ControlChart)> {
        let pts = self.points_upto(month, n);
        let months: Vec<Month> = pts.iter().map(|p| p.month).collect();
        let chart = match self.chart_kind() {
            ChartKind::P | ChartKind::U => {
                let samples: Option<Vec<(f64, f64)>> = pts
                    .iter()
                    .map(|p| Some((p.numerator?, p.denominator?)))
                    .collect();
                match samples {
                    Some(s) if !s.is_empty() => {
                        let mut chart = if self.chart_kind() == ChartKind::P {
                            spc::p_chart(&s)?
                        } else {
                            spc::u_chart(&s)?
                        };
                        scale_chart(&mut chart, self.ratio_scale());
                        chart
                    }
                    // Some months without numerator/denominator: individuals.
                    _ => spc::xmr(&pts.iter().map(|p| p.value).collect::<Vec<_>>())?,
                }
            }
            ChartKind::C => spc::c_chart(&pts.iter().map(|p| p.value).collect::<Vec<_>>())?,
            ChartKind::Xmr => spc::xmr(&pts.iter().map(|p| p.value).collect::<Vec<_>>())?,
        };
        Some((months, chart))
    }

    /// The factor between numerator / denominator and the values shown: read
    /// from the months that have both a value and a ratio (a rate "pour 1 000
    /// examens" gives 1000), else 100 for a percentage, else 1.
    pub fn ratio_scale(&self) -> f64 {
        let mut ks: Vec<f64> = self
            .values
            .iter()
            .filter_map(|v| {
                let r = v.numerator? / v.denominator?;
                (r.is_finite() && r > 0.0 && v.value > 0.0).then(|| v.value / r)
            })
            .collect();
        if let Some(k) = super::trend::median(&mut ks) {
            // Snap to the power of ten it is meant to be.
            let p = 10f64.powf(k.log10().round());
            if (k / p - 1.0).abs() < 0.05 {
                return p;
            }
            return k;
        }
        if is_percent_unit(self.def.unit.as_deref()) {
            100.0
        } else {
            1.0
        }
    }

    /// Mann–Kendall trend over the last 12–36 measured months up to `month`;
    /// `None` with fewer than 12 points.
    pub fn trend(&self, month: Month) -> Option<MannKendall> {
        let pts = self.points_upto(month, 36);
        if pts.len() < 12 {
            return None;
        }
        let origin = pts[0].month;
        let xy: Vec<(f64, f64)> = pts
            .iter()
            .map(|p| (origin.months_until(p.month) as f64, p.value))
            .collect();
        mann_kendall(&xy, super::trend::ALPHA)
    }

    /// Whether a trend goes the good way (`Some(true)`), the bad way, or the
    /// direction is unknown.
    pub fn trend_is_good(&self, mk: &MannKendall) -> Option<bool> {
        use super::trend::Trend;
        let up = match mk.trend {
            Trend::Increasing => true,
            Trend::Decreasing => false,
            Trend::NoTrend => return None,
        };
        Some(match self.direction? {
            Direction::Higher => up,
            Direction::Lower => !up,
        })
    }

    /// The aggregate of a set of months: the sum for counts, Σ numerators /
    /// Σ denominators for ratios, the mean otherwise.
    pub fn aggregate(&self, months: &[&MonthValue]) -> Option<f64> {
        if months.is_empty() {
            return None;
        }
        match self.chart_kind() {
            ChartKind::C => Some(months.iter().map(|m| m.value).sum()),
            ChartKind::P | ChartKind::U
                if months
                    .iter()
                    .all(|m| m.numerator.is_some() && m.denominator.is_some()) =>
            {
                let n: f64 = months.iter().filter_map(|m| m.numerator).sum();
                let d: f64 = months.iter().filter_map(|m| m.denominator).sum();
                (d > 0.0).then(|| n / d * self.ratio_scale())
            }
            _ => Some(months.iter().map(|m| m.value).sum::<f64>() / months.len() as f64),
        }
    }

    /// The level of a set of months on the scale of the target: the monthly
    /// mean for counts (a count's target is per month), else as
    /// [`Series::aggregate`].
    pub fn level(&self, months: &[&MonthValue]) -> Option<f64> {
        if self.chart_kind() == ChartKind::C {
            (!months.is_empty())
                .then(|| months.iter().map(|v| v.value).sum::<f64>() / months.len() as f64)
        } else {
            self.aggregate(months)
        }
    }

    /// Same month a year earlier.
    pub fn year_before(&self, month: Month) -> Option<&MonthValue> {
        self.at(month.plus(-12))
    }

    /// The level of the indicator over the `n` months before an action was
    /// opened and the `n` months after it was done (up to `last`): monthly
    /// mean for counts, the ratio of sums for ratios, the mean otherwise.
    /// `None` unless both sides have at least [`BEFORE_AFTER_MIN`] months.
    pub fn before_after(
        &self,
        opened: Month,
        done: Month,
        last: Month,
        n: usize,
    ) -> Option<BeforeAfter> {
        let before: Vec<&MonthValue> = self
            .values
            .iter()
            .filter(|v| v.month < opened && v.month >= opened.plus(-(n as i32)))
            .collect();
        let after: Vec<&MonthValue> = self
            .values
            .iter()
            .filter(|v| v.month > done && v.month <= done.plus(n as i32) && v.month <= last)
            .collect();
        if before.len() < BEFORE_AFTER_MIN || after.len() < BEFORE_AFTER_MIN {
            return None;
        }
        let (b, a) = (self.level(&before)?, self.level(&after)?);
        let improved = effective_direction(self.direction, self.target, self.alert).and_then(|d| {
            (a != b).then_some(match d {
                Direction::Higher => a > b,
                Direction::Lower => a < b,
            })
        });
        Some(BeforeAfter {
            before: b,
            after: a,
            months_before: before.len(),
            months_after: after.len(),
            improved,
        })
    }
}

/// Months needed on each side of an action to compare before and after.
pub const BEFORE_AFTER_MIN: usize = 3;

/// An indicator before and after an action.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BeforeAfter {
    pub before: f64,
    pub after: f64,
    pub months_before: usize,
    pub months_after: usize,
    /// Whether the change goes the indicator's good way; `None` when the
    /// direction is unknown or nothing changed.
    pub improved: Option<bool>,
}

fn scale_chart(chart: &mut ControlChart, k: f64) {
    chart.centre *= k;
    for p in &mut chart.points {
        p.value *= k;
        p.centre *= k;
        p.sigma *= k;
        p.ucl *= k;
        p.lcl *= k;
    }
}

/// An objective judged at a month of its year.
#[derive(Debug, Clone, Serialize)]
pub struct ObjectiveStatus {
    /// Value of the year so far (aggregate of the measured months).
    pub ytd: Option<f64>,
    pub months_measured: usize,
    pub target: Option<f64>,
    pub standing: Standing,
    /// For a year in progress: the projected year-end value and its standing.
    pub projected: Option<f64>,
    pub projected_standing: Option<Standing>,
}

/// The series of many objectives: indexes built once (an objective names
/// its indicator by code or, failing that, by label).
pub struct SeriesLookup<'s, 'a> {
    all: &'s [Series<'a>],
    by_code: std::collections::HashMap<String, usize>,
    by_label: std::collections::HashMap<String, usize>,
}

impl<'s, 'a> SeriesLookup<'s, 'a> {
    pub fn new(all: &'s [Series<'a>]) -> Self {
        let mut by_code = std::collections::HashMap::new();
        let mut by_label = std::collections::HashMap::new();
        for (i, s) in all.iter().enumerate() {
            // The first series of a code or label wins, as a scan would.
            by_code.entry(s.code.trim().to_lowercase()).or_insert(i);
            if let Some(l) = s.def.label.as_deref() {
                by_label.entry(fold(l)).or_insert(i);
            }
        }
        SeriesLookup {
            all,
            by_code,
            by_label,
        }
    }

    /// The series an objective follows.
    pub fn objective(&self, o: &Objective) -> Option<&'s Series<'a>> {
        let name = o.indicator.as_deref()?;
        let i = self
            .by_code
            .get(&name.trim().to_lowercase())
            .or_else(|| self.by_label.get(&fold(name)))?;
        self.all.get(*i)
    }
}

/// Judges an objective of `year` at `month` (its last month of data). The
/// objective's own target wins over the indicator's; the alert threshold and
/// direction are the indicator's. A year in progress is projected to its end
/// by extending the Sen line of the last 12 measured months over the months
/// left, then aggregating as for the whole year.
pub fn objective_status(s: &Series, o: &Objective, month: Month) -> ObjectiveStatus {
    let year = o.year.unwrap_or(month.year);
    let last = if year < month.year {
        Month::new(year, 12).expect("valid")
    } else {
        month
    };
    let months: Vec<&MonthValue> = s
        .values
        .iter()
        .filter(|v| v.month.year == year && v.month <= last)
        .collect();
    let target = o.target.map(|t| t.value).or(s.target);
    let judge = |v: f64| {
        standing(
            v,
            s.direction,
            target,
            s.alert.filter(|_| o.target.is_none() || s.target == target),
        )
    };
    let ytd = s.aggregate(&months);
    let standing_now = ytd.map_or(Standing::NotAssessed, judge);
    let (mut projected, mut projected_standing) = (None, None);
    if year == month.year && month.month < 12 && !months.is_empty() {
        let recent = s.points_upto(month, 12);
        let mut filled: Vec<MonthValue> = months.iter().map(|m| **m).collect();
        let fit = if recent.len() >= 6 {
            let origin = recent[0].month;
            let xy: Vec<(f64, f64)> = recent
                .iter()
                .map(|p| (origin.months_until(p.month) as f64, p.value))
                .collect();
            mann_kendall(&xy, super::trend::ALPHA).map(|mk| (origin, mk.slope, mk.intercept))
        } else {
            None
        };
        let mean = months.iter().map(|m| m.value).sum::<f64>() / months.len() as f64;
        let mut m = month.plus(1);
        while m.year == year {
            let v = match fit {
                Some((origin, slope, intercept)) => {
                    intercept + slope * origin.months_until(m) as f64
                }
                None => mean,
            };
            let v = if s.chart_kind() == ChartKind::C {
                v.max(0.0)
            } else {
                v
            };
            filled.push(MonthValue {
                month: m,
                value: v,
                numerator: None,
                denominator: None,
            });
            m = m.plus(1);
        }
        let refs: Vec<&MonthValue> = filled.iter().collect();
        // Ratios cannot be projected without denominators: use the mean of values.
        projected = if matches!(s.chart_kind(), ChartKind::C) {
            Some(refs.iter().map(|m| m.value).sum())
        } else {
            Some(refs.iter().map(|m| m.value).sum::<f64>() / refs.len() as f64)
        };
        projected_standing = projected.map(judge);
    }
    ObjectiveStatus {
        ytd,
        months_measured: months.len(),
        target,
        standing: standing_now,
        projected,
        projected_standing,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::registers::{Amount, IndicatorValue, RowRef};

    fn def(
        code: &str,
        unit: &str,
        dir: Option<Direction>,
        target: Option<f64>,
        alert: Option<f64>,
    ) -> IndicatorDef {
        IndicatorDef {
            at: RowRef { source: 0, row: 0 },
            code: Some(code.into()),
            label: Some(format!("Label {code}")),
            process: None,
            unit: Some(unit.into()),
            direction: dir,
            target: target.map(|v| Amount {
                value: v,
                percent: false,
            }),
            alert: alert.map(|v| Amount {
                value: v,
                percent: false,
            }),
            frequency: None,
            owner: None,
            kind: None,
        }
    }

    fn val(
        code: &str,
        y: i32,
        m: u32,
        v: Option<f64>,
        num: Option<f64>,
        den: Option<f64>,
    ) -> IndicatorValue {
        IndicatorValue {
            at: RowRef { source: 0, row: 0 },
            code: Some(code.into()),
            period: Month::new(y, m),
            value: v.map(|v| Amount {
                value: v,
                percent: false,
            }),
            numerator: num,
            denominator: den,
            comment: None,
        }
    }

    #[test]
    fn values_ratios_gaps_and_fractions() {
        let mut regs = Registers::default();
        regs.indicators.push(def(
            "A",
            "%",
            Some(Direction::Higher),
            Some(95.0),
            Some(90.0),
        ));
        regs.indicators
            .push(def("B", "%", Some(Direction::Higher), Some(95.0), None));
        regs.indicator_values.extend([
            val("A", 2025, 1, None, Some(45.0), Some(50.0)),
            val("A", 2025, 3, Some(92.0), None, None),
            // Fractions, as a percent-formatted cell stores them.
            val("B", 2025, 1, Some(0.93), None, None),
            val("B", 2025, 2, Some(0.97), None, None),
        ]);
        let s = series(&regs);
        let a = &s[0];
        assert_eq!(a.values.len(), 2, "February is a gap");
        assert!((a.values[0].value - 90.0).abs() < 1e-12);
        assert_eq!(a.standing_of(a.values[1].value), Standing::Alert);
        assert!(a.at(Month::new(2025, 2).unwrap()).is_none());
        let b = &s[1];
        assert!((b.values[0].value - 93.0).abs() < 1e-9);
        assert_eq!(b.standing_of(b.values[1].value), Standing::Met);
    }

    #[test]
    fn ratio_scales_from_values_or_units() {
        assert_eq!(unit_multiplier(Some("%")), 100.0);
        assert_eq!(unit_multiplier(Some("pour 1 000 examens")), 1000.0);
        assert_eq!(unit_multiplier(Some("‰")), 1000.0);
        assert_eq!(unit_multiplier(Some("j")), 1.0);
        assert_eq!(unit_multiplier(Some("pour 12 examens")), 1.0);
        let mut regs = Registers::default();
        regs.indicators.push(def(
            "R",
            "pour 1 000 examens",
            Some(Direction::Lower),
            Some(1.0),
            None,
        ));
        regs.indicator_values
            .push(val("R", 2026, 1, Some(1.84), Some(2.0), Some(1087.0)));
        regs.indicator_values
            .push(val("R", 2026, 2, None, Some(1.0), Some(1000.0)));
        let s = series(&regs);
        assert_eq!(s[0].ratio_scale(), 1000.0);
        assert!((s[0].values[1].value - 1.0).abs() < 1e-12);
    }

    #[test]
    fn configured_chart_wins_over_the_data_type() {
        let mut regs = Registers::default();
        regs.indicators
            .push(def("M", "j", Some(Direction::Lower), Some(10.0), None));
        regs.indicator_values
            .push(val("M", 2026, 1, Some(4.0), None, None));
        assert_eq!(series(&regs)[0].chart_kind(), ChartKind::Xmr);
        let charts = BTreeMap::from([("m".to_owned(), ChartKind::C)]);
        assert_eq!(series_with(&regs, &charts)[0].chart_kind(), ChartKind::C);
    }

    #[test]
    fn counts_aggregate_by_sum_and_project_to_year_end() {
        let mut regs = Registers::default();
        regs.indicators
            .push(def("E", "nb", Some(Direction::Lower), Some(100.0), None));
        for m in 1..=10 {
            regs.indicator_values
                .push(val("E", 2026, m, Some(8.0), None, None));
        }
        let s = series(&regs);
        assert_eq!(s[0].chart_kind(), ChartKind::C);
        let o = Objective {
            at: RowRef { source: 0, row: 0 },
            year: Some(2026),
            objective: Some("Moins de 100 événements".into()),
            indicator: Some("E".into()),
            target: None,
            deadline: None,
            owner: None,
            process: None,
        };
        let st = objective_status(&s[0], &o, Month::new(2026, 10).unwrap());
        assert_eq!(st.ytd, Some(80.0));
        assert_eq!(st.standing, Standing::Met);
        // Flat series: the Sen line is 8 a month, so 80 + 2 × 8 = 96.
        assert!((st.projected.unwrap() - 96.0).abs() < 1e-9);
        assert_eq!(st.projected_standing, Some(Standing::Met));
    }

    #[test]
    fn trend_needs_twelve_points_and_reads_direction() {
        let mut regs = Registers::default();
        regs.indicators.push(def(
            "D",
            "j",
            Some(Direction::Lower),
            Some(10.0),
            Some(15.0),
        ));
        for (i, m) in (1..=12).enumerate() {
            regs.indicator_values
                .push(val("D", 2025, m, Some(8.0 + i as f64 * 0.5), None, None));
        }
        let s = series(&regs);
        let mk = s[0].trend(Month::new(2025, 12).unwrap()).unwrap();
        assert_eq!(mk.trend, super::super::trend::Trend::Increasing);
        assert_eq!(s[0].trend_is_good(&mk), Some(false));
        assert!(s[0].trend(Month::new(2025, 11).unwrap()).is_none());
    }

    #[test]
    fn before_and_after_an_action() {
        let mut regs = Registers::default();
        // Delay in days, lower is better; a ratio indicator with counts.
        regs.indicators
            .push(def("D", "j", Some(Direction::Lower), Some(10.0), None));
        regs.indicators
            .push(def("P", "%", Some(Direction::Higher), Some(95.0), None));
        for (m, v) in [
            (1, 14.0),
            (2, 12.0),
            (3, 16.0),
            (4, 20.0),
            (7, 9.0),
            (8, 8.0),
            (9, 10.0),
            (10, 30.0),
        ] {
            regs.indicator_values
                .push(val("D", 2025, m, Some(v), None, None));
        }
        for (m, n, d) in [
            (1, 45.0, 50.0),
            (2, 40.0, 50.0),
            (3, 47.0, 50.0),
            (6, 98.0, 100.0),
            (7, 49.0, 50.0),
            (8, 99.0, 100.0),
        ] {
            regs.indicator_values
                .push(val("P", 2025, m, None, Some(n), Some(d)));
        }
        let s = series(&regs);
        let mo = |m| Month::new(2025, m).unwrap();
        // Opened in April, done in June: before = Jan–Mar (mean 14),
        // after = Jul–Sep (mean 9); October is past `last`.
        let ba = s[0].before_after(mo(4), mo(6), mo(9), 6).unwrap();
        assert_eq!((ba.before, ba.after), (14.0, 9.0));
        assert_eq!((ba.months_before, ba.months_after), (3, 3));
        assert_eq!(ba.improved, Some(true));
        // Two months after only: not enough.
        assert!(s[0].before_after(mo(4), mo(7), mo(9), 6).is_none());
        // Ratio of sums: before 132/150 = 88 %, after 246/250 = 98.4 %.
        let ba = s[1].before_after(mo(4), mo(5), mo(12), 6).unwrap();
        assert!((ba.before - 88.0).abs() < 1e-9, "{}", ba.before);
        assert!((ba.after - 98.4).abs() < 1e-9, "{}", ba.after);
        assert_eq!(ba.improved, Some(true));
    }

    #[test]
    fn level_is_the_monthly_mean_for_counts() {
        let mut regs = Registers::default();
        regs.indicators
            .push(def("N", "nombre", Some(Direction::Lower), Some(1.0), None));
        for (m, v) in [(1, 0.0), (2, 3.0), (3, 1.0), (4, 2.0)] {
            regs.indicator_values
                .push(val("N", 2025, m, Some(v), None, None));
        }
        let s = &series(&regs)[0];
        assert_eq!(s.chart_kind(), ChartKind::C);
        let months: Vec<&MonthValue> = s.values.iter().collect();
        // Sum for the year's aggregate (objectives), mean per month against
        // the monthly target.
        assert_eq!(s.aggregate(&months), Some(6.0));
        assert_eq!(s.level(&months), Some(1.5));
        assert_eq!(s.standing_of(s.level(&months).unwrap()), Standing::Missed);
        assert_eq!(s.level(&[]), None);
    }
}
