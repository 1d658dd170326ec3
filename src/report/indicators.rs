//! The monthly indicator report's model: a dashboard of every indicator
//! (value of the month, target, standing, trend, sparkline), a control chart
//! and a reading for each indicator in alert or breaking a run rule, the
//! month's events and the actions now late, the year's objectives, what data
//! is missing, and the appendix. Serialised to JSON for the template
//! `indicators.typ` (and `--data-out`).

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::Serialize;

use super::capped::{CHARTS, Capped, ROWS};
use super::charts::{self, LegendItem, Role, XAxis, YAxis};
use super::common::{Appendix, DocumentControl, labels};
use super::format;
use crate::analysis::indicators::{Series, SeriesLookup, objective_status, series_with};
use crate::analysis::spc::ChartKind;
use crate::analysis::status::Standing;
use crate::analysis::trend::Trend;
use crate::i18n::{self, Lang};
use crate::input::parse::Month;
use crate::pipeline::Checked;
use crate::registers::RegisterKind;

/// Version of the report data model (see `docs/data-model.md`).
pub const SCHEMA_VERSION: u32 = 2;

/// Months in the dashboard sparklines.
pub const SPARK_MONTHS: usize = 12;
/// Months on a control chart.
pub const CHART_MONTHS: usize = 24;

#[derive(Debug, Serialize)]
pub struct IndicatorReport {
    pub schema_version: u32,
    pub report: &'static str,
    pub lang: &'static str,
    pub labels: BTreeMap<String, String>,
    pub document: DocumentControl,
    pub month: String,
    pub month_label: String,
    pub summary: Summary,
    pub dashboard: Vec<ProcessGroup>,
    pub alerts: Capped<AlertSection>,
    pub events: EventsSection,
    pub late_actions: Capped<ActionRow>,
    pub objectives: Capped<ObjectiveRow>,
    pub missing: Capped<String>,
    pub appendix: Appendix,
}

#[derive(Debug, Serialize)]
pub struct Summary {
    pub indicators: usize,
    pub met: usize,
    pub alert: usize,
    pub missed: usize,
    pub not_assessed: usize,
    pub no_value: usize,
    pub signals: usize,
    pub events: usize,
    pub late_actions: usize,
    /// One sentence per count, ready to print.
    pub lines: Vec<String>,
}

#[derive(Debug, Serialize)]
pub struct ProcessGroup {
    pub process: String,
    pub rows: Capped<DashRow>,
}

#[derive(Debug, Serialize)]
pub struct DashRow {
    pub code: String,
    pub label: String,
    /// The unit when it is too long to follow each number ("pour 1 000 examens").
    pub unit_note: Option<String>,
    pub value: String,
    pub target: String,
    pub standing: &'static str,
    pub standing_label: String,
    pub trend_arrow: &'static str,
    /// `good`, `bad` or `neutral`.
    pub trend_tone: &'static str,
    pub trend_label: String,
    pub spark: Spark,
}

#[derive(Debug, Serialize)]
pub struct Spark {
    pub values: Vec<Option<f64>>,
    pub min: f64,
    pub max: f64,
    pub target: Option<f64>,
    /// The standing of the last month, which colours the last point.
    pub role: &'static str,
}

#[derive(Debug, Serialize)]
pub struct AlertSection {
    pub code: String,
    pub label: String,
    pub process: String,
    pub standing: &'static str,
    pub standing_label: String,
    pub reading: Vec<String>,
    pub chart: ControlChartSpec,
}

#[derive(Debug, Serialize)]
pub struct ControlChartSpec {
    pub title: String,
    pub y: YAxis,
    pub x: XAxis,
    pub values: Vec<Option<f64>>,
    pub centre: f64,
    pub ucl: Vec<Option<f64>>,
    pub lcl: Vec<Option<f64>>,
    pub rules: Vec<Vec<u8>>,
    pub target: Option<f64>,
    pub legend: Vec<LegendItem>,
}

#[derive(Debug, Serialize)]
pub struct EventsSection {
    pub count: usize,
    pub rows: Capped<EventRow>,
    /// The last 12 months: events by process (bars) and the criticity grid.
    pub by_process: BarSpec,
    pub heatmap: HeatmapSpec,
    pub period_label: String,
}

#[derive(Debug, Serialize)]
pub struct EventRow {
    pub id: String,
    pub date: String,
    pub kind: String,
    pub process: String,
    pub criticity: String,
    /// `acceptable`, `watch` or `unacceptable`; `None` when not rated.
    pub band: Option<&'static str>,
    pub status: String,
}

#[derive(Debug, Serialize)]
pub struct BarSpec {
    pub items: Vec<BarItem>,
    pub max: f64,
}

#[derive(Debug, Serialize)]
pub struct BarItem {
    pub label: String,
    pub value: f64,
    pub text: String,
}

#[derive(Debug, Serialize)]
pub struct HeatmapSpec {
    pub counts: Vec<Vec<u32>>,
    /// The counts as printed in the cells.
    pub texts: Vec<Vec<String>>,
    pub bands: Vec<Vec<&'static str>>,
    pub severity_label: String,
    pub frequency_label: String,
    pub legend: Vec<LegendItem>,
}

#[derive(Debug, Serialize)]
pub struct ActionRow {
    pub id: String,
    pub origin: String,
    pub process: String,
    pub due: String,
    pub days_late: String,
    pub status: String,
}

#[derive(Debug, Serialize)]
pub struct ObjectiveRow {
    pub objective: String,
    pub indicator: String,
    pub target: String,
    pub ytd: String,
    pub standing: &'static str,
    pub standing_label: String,
    pub projected: String,
    pub projected_standing: Option<&'static str>,
    pub projected_label: String,
}

/// The standing's role and catalogue key (see [`Standing::key`]), as a
/// function for `map`.
pub(crate) fn standing_key(s: Standing) -> &'static str {
    s.key()
}

pub(crate) fn standing_label(s: Standing, lang: Lang) -> String {
    i18n::text(&format!("standing.{}", standing_key(s)), lang).to_owned()
}

/// Criticity band of severity × frequency with the configured thresholds
/// (`[events]`, by default 1–4 acceptable, 5–9 to watch, 10–25
/// unacceptable): 0, 1 or 2.
pub fn criticity_band(c: u8, (watch, unacceptable): (u8, u8)) -> u8 {
    if c >= unacceptable {
        2
    } else if c >= watch {
        1
    } else {
        0
    }
}

/// The role of a criticity band: `acceptable`, `watch`, `unacceptable`.
pub fn band_role(band: u8) -> &'static str {
    match band {
        0 => "acceptable",
        1 => "watch",
        _ => "unacceptable",
    }
}

/// The bands of the 5×5 grid, `[severity − 1][frequency − 1]`.
pub fn criticity_bands(bands: (u8, u8)) -> Vec<Vec<&'static str>> {
    (1..=5u8)
        .map(|s| {
            (1..=5u8)
                .map(|f| band_role(criticity_band(s * f, bands)))
                .collect()
        })
        .collect()
}

/// The criticity grid of `counts` (`[severity − 1][frequency − 1]`), with
/// the bands of the configured thresholds.
pub fn heatmap(counts: Vec<Vec<u32>>, bands: (u8, u8), lang: Lang) -> HeatmapSpec {
    HeatmapSpec {
        texts: counts
            .iter()
            .map(|row| {
                row.iter()
                    .map(|n| format::count(*n as usize, lang))
                    .collect()
            })
            .collect(),
        counts,
        bands: criticity_bands(bands),
        severity_label: i18n::text("ind.severity", lang).to_owned(),
        frequency_label: i18n::text("ind.frequency", lang).to_owned(),
        legend: criticity_legend(bands, lang),
    }
}

/// The legend of the criticity grid, with the thresholds.
pub fn criticity_legend((watch, unacceptable): (u8, u8), lang: Lang) -> Vec<LegendItem> {
    let item = |role: Role, key: &str, from: u8, to: u8| LegendItem {
        kind: "bar",
        role,
        label: fill(
            key,
            lang,
            &[("from", from.to_string()), ("to", to.to_string())],
        ),
    };
    vec![
        item(Role::Met, "legend.acceptable", 1, watch - 1),
        item(Role::Alert, "legend.watch", watch, unacceptable - 1),
        item(Role::Missed, "legend.unacceptable", unacceptable, 25),
    ]
}

pub(crate) fn fill(key: &str, lang: Lang, args: &[(&str, String)]) -> String {
    i18n::fill(i18n::text(key, lang), args)
}

pub(crate) fn value_text(s: &Series, v: f64, lang: Lang) -> String {
    format::with_unit(v, s.def.unit.as_deref(), lang)
}

/// Units longer than this are shown under the label rather than after
/// every number, so the value columns stay narrow.
const SHORT_UNIT: usize = 4;

pub(crate) fn long_unit(s: &Series) -> Option<String> {
    s.def
        .unit
        .as_deref()
        .map(str::trim)
        .filter(|u| u.chars().count() > SHORT_UNIT)
        .map(format::keep_together)
}

/// A value for a narrow column: with its unit when the unit is short.
pub(crate) fn value_short(s: &Series, v: f64, lang: Lang) -> String {
    if long_unit(s).is_some() {
        format::num(v, lang)
    } else {
        value_text(s, v, lang)
    }
}

/// The target as shown next to values: `≥ 95 %`, `≤ 10 j`, or `—`.
pub(crate) fn target_text(s: &Series, lang: Lang) -> String {
    match (s.target, s.direction) {
        (Some(t), Some(d)) => format!(
            "{} {}",
            if d == crate::registers::vocab::Direction::Higher {
                "≥"
            } else {
                "≤"
            },
            value_short(s, t, lang)
        ),
        (Some(t), None) => value_short(s, t, lang),
        _ => "—".to_owned(),
    }
}

/// Builds the report of `month`.
pub fn build(
    checked: &Checked,
    month: Month,
    as_of: NaiveDate,
    lang: Lang,
) -> std::io::Result<IndicatorReport> {
    let regs = &checked.registers;
    let all = series_with(regs, &checked.config.indicators.charts);
    let month_label = format::month_long(month, lang);
    let mut groups: BTreeMap<String, Vec<DashRow>> = BTreeMap::new();
    let mut alerts = Vec::new();
    let (mut met, mut alert_n, mut missed, mut not_assessed, mut no_value, mut signals) =
        (0, 0, 0, 0, 0, 0);
    for s in &all {
        let now = s.at(month);
        let st = now.map_or(Standing::NotAssessed, |v| s.standing_of(v.value));
        match (now, st) {
            (None, _) => no_value += 1,
            (_, Standing::Met) => met += 1,
            (_, Standing::Alert) => alert_n += 1,
            (_, Standing::Missed) => missed += 1,
            (_, Standing::NotAssessed) => not_assessed += 1,
        }
        let mk = s.trend(month);
        let (arrow, tone, trend_label) = match &mk {
            Some(mk) if mk.trend != Trend::NoTrend => {
                let tone = match s.trend_is_good(mk) {
                    Some(true) => "good",
                    Some(false) => "bad",
                    None => "neutral",
                };
                let arrow = if mk.trend == Trend::Increasing {
                    "↗"
                } else {
                    "↘"
                };
                let key = if mk.trend == Trend::Increasing {
                    "trend.up"
                } else {
                    "trend.down"
                };
                (arrow, tone, i18n::text(key, lang).to_owned())
            }
            Some(_) => ("→", "neutral", i18n::text("trend.flat", lang).to_owned()),
            None => (
                "",
                "neutral",
                i18n::text("trend.too-short", lang).to_owned(),
            ),
        };
        let window = s.window(month, SPARK_MONTHS);
        let spark_values: Vec<Option<f64>> = window.iter().map(|(_, v)| *v).collect();
        let present: Vec<f64> = spark_values.iter().flatten().copied().collect();
        let (lo, hi) = present
            .iter()
            .fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), v| {
                (a.min(*v), b.max(*v))
            });
        let (lo, hi) = if lo.is_finite() {
            let pad = ((hi - lo) * 0.1).max(hi.abs() * 0.01).max(1e-9);
            (lo - pad, hi + pad)
        } else {
            (0.0, 1.0)
        };
        let process = s
            .def
            .process
            .clone()
            .unwrap_or_else(|| i18n::text("report.no-process", lang).to_owned());
        let label = s.def.label.clone().unwrap_or_default();
        let target_text = target_text(s, lang);
        groups.entry(process.clone()).or_default().push(DashRow {
            code: s.code.clone(),
            label: label.clone(),
            unit_note: long_unit(s),
            value: now.map_or_else(
                || i18n::text("report.no-value", lang).to_owned(),
                |v| value_short(s, v.value, lang),
            ),
            target: target_text,
            standing: if now.is_none() {
                "none"
            } else {
                standing_key(st)
            },
            standing_label: if now.is_none() {
                i18n::text("standing.no-value", lang).to_owned()
            } else {
                standing_label(st, lang)
            },
            trend_arrow: arrow,
            trend_tone: tone,
            trend_label,
            spark: Spark {
                values: spark_values,
                min: lo,
                max: hi,
                target: s.target,
                role: standing_key(st),
            },
        });
        // Control chart and reading for indicators in alert or signalling.
        let chart = s.control_chart(month, CHART_MONTHS);
        let signal_now = chart
            .as_ref()
            .and_then(|(months, c)| months.last().filter(|m| **m == month).map(|_| c))
            .and_then(|c| c.points.last())
            .map(|p| p.rules.clone())
            .unwrap_or_default();
        if !signal_now.is_empty() {
            signals += 1;
        }
        if now.is_some()
            && (matches!(st, Standing::Alert | Standing::Missed) || !signal_now.is_empty())
            && let Some((months, c)) = chart
        {
            let mut reading = vec![fill(
                "reading.value",
                lang,
                &[
                    ("month", month_label.clone()),
                    (
                        "value",
                        value_text(s, now.map(|v| v.value).unwrap_or_default(), lang),
                    ),
                    ("standing", standing_label(st, lang).to_lowercase()),
                ],
            )];
            if let Some(mk) = &mk {
                let key = match mk.trend {
                    Trend::Increasing => "reading.trend-up",
                    Trend::Decreasing => "reading.trend-down",
                    Trend::NoTrend => "reading.trend-none",
                };
                reading.push(fill(
                    key,
                    lang,
                    &[
                        ("n", format::count(mk.n, lang)),
                        (
                            "p",
                            if mk.p < 0.001 {
                                format!("< {}", format::number(0.001, 3, lang))
                            } else {
                                format!("= {}", format::number(mk.p, 3, lang))
                            },
                        ),
                        ("slope", format::number(mk.slope, 2, lang)),
                        ("unit", s.def.unit.clone().unwrap_or_default()),
                    ],
                ));
            }
            if let Some(prev) = s.year_before(month) {
                reading.push(fill(
                    "reading.yoy",
                    lang,
                    &[
                        ("month", format::month_long(month.plus(-12), lang)),
                        ("value", value_text(s, prev.value, lang)),
                    ],
                ));
            }
            let kind_key = match c.kind {
                ChartKind::Xmr => "chart.xmr",
                ChartKind::P => "chart.p",
                ChartKind::U => "chart.u",
                ChartKind::C => "chart.c",
            };
            let flagged: Vec<(Month, Vec<u8>)> = months
                .iter()
                .zip(&c.points)
                .filter(|(_, p)| !p.rules.is_empty())
                .map(|(m, p)| (*m, p.rules.clone()))
                .collect();
            if flagged.is_empty() {
                reading.push(fill(
                    "reading.in-control",
                    lang,
                    &[("chart", i18n::text(kind_key, lang).to_owned())],
                ));
            } else {
                let recent: Vec<String> = flagged
                    .iter()
                    .filter(|(m, _)| *m > month.plus(-6))
                    .map(|(m, r)| {
                        format!(
                            "{} ({})",
                            format::month_long(*m, lang),
                            r.iter()
                                .map(|x| x.to_string())
                                .collect::<Vec<_>>()
                                .join(", ")
                        )
                    })
                    .collect();
                let list = if recent.is_empty() {
                    i18n::text("reading.signals-old", lang).to_owned()
                } else {
                    recent.join(if lang == Lang::Fr { "\u{a0}; " } else { "; " })
                };
                reading.push(fill(
                    "reading.signals",
                    lang,
                    &[
                        ("chart", i18n::text(kind_key, lang).to_owned()),
                        ("n", format::count(flagged.len(), lang)),
                        ("total", format::count(months.len(), lang)),
                        ("list", list),
                    ],
                ));
            }
            alerts.push(AlertSection {
                code: s.code.clone(),
                label: label.clone(),
                process: process.clone(),
                standing: standing_key(st),
                standing_label: standing_label(st, lang),
                reading,
                chart: control_spec(s, &months, &c, i18n::text(kind_key, lang), lang),
            });
        }
    }
    let events = events_section(checked, month, lang);
    let late_actions = late_actions(checked, as_of, lang);
    let objectives = objective_rows(checked, &all, month, lang);
    let mut missing = Vec::new();
    for kind in [
        RegisterKind::Indicators,
        RegisterKind::IndicatorValues,
        RegisterKind::Rex,
        RegisterKind::Actions,
        RegisterKind::Objectives,
    ] {
        if !regs.found(kind) {
            missing.push(fill(
                "missing.register",
                lang,
                &[("register", kind.label(lang).to_owned())],
            ));
        }
    }
    for s in &all {
        if s.at(month).is_none() {
            missing.push(fill(
                "missing.value",
                lang,
                &[
                    ("code", s.code.clone()),
                    ("label", s.def.label.clone().unwrap_or_default()),
                    ("month", month_label.clone()),
                ],
            ));
        }
        if s.target.is_none() {
            missing.push(fill("missing.target", lang, &[("code", s.code.clone())]));
        }
    }
    let summary_counts = [
        ("summary.indicators", all.len()),
        ("summary.met", met),
        ("summary.alert", alert_n),
        ("summary.missed", missed),
        ("summary.no-value", no_value),
        ("summary.signals", signals),
        ("summary.events", events.count),
        ("summary.late-actions", late_actions.total()),
    ];
    let lines = summary_counts
        .iter()
        .map(|(k, n)| {
            fill(
                k,
                lang,
                &[
                    ("n", format::count(*n, lang)),
                    ("month", month_label.clone()),
                ],
            )
        })
        .collect();
    let title = i18n::text("ind.title", lang).to_owned();
    let document = DocumentControl::new(
        &checked.config,
        title,
        month_label.clone(),
        "IND",
        &month.to_string(),
        as_of,
        lang,
    );
    Ok(IndicatorReport {
        schema_version: SCHEMA_VERSION,
        report: "indicators",
        lang: lang.code(),
        labels: labels(&["report.", "ind."], lang),
        document,
        month: month.to_string(),
        month_label,
        summary: Summary {
            indicators: all.len(),
            met,
            alert: alert_n,
            missed,
            not_assessed,
            no_value,
            signals,
            events: events.count,
            late_actions: late_actions.total(),
            lines,
        },
        dashboard: groups
            .into_iter()
            .map(|(process, rows)| ProcessGroup {
                process,
                rows: Capped::cut(rows, ROWS, lang),
            })
            .collect(),
        alerts: Capped::cut(alerts, CHARTS, lang),
        events,
        late_actions,
        objectives,
        missing: Capped::cut(missing, ROWS, lang),
        appendix: Appendix::new(checked, as_of, lang),
    })
}

pub(crate) fn control_spec(
    s: &Series,
    months: &[Month],
    c: &crate::analysis::spc::ControlChart,
    kind: &str,
    lang: Lang,
) -> ControlChartSpec {
    let values: Vec<Option<f64>> = c.points.iter().map(|p| Some(p.value)).collect();
    let mut span: Vec<f64> = c
        .points
        .iter()
        .flat_map(|p| [p.value, p.ucl, p.lcl])
        .collect();
    span.extend(s.target);
    let from_zero = matches!(c.kind, ChartKind::C);
    let mut legend = vec![
        charts::legend("line", Role::Accent, "legend.value", lang),
        charts::legend("line", Role::Met, "legend.centre", lang),
        charts::legend("dash", Role::Missed, "legend.limits", lang),
    ];
    if s.target.is_some() {
        legend.push(charts::legend("dash", Role::Alert, "legend.target", lang));
    }
    legend.push(charts::legend("dot", Role::Missed, "legend.signal", lang));
    ControlChartSpec {
        title: kind.to_owned(),
        y: charts::y_axis(span, from_zero, s.def.unit.as_deref(), lang),
        x: charts::month_axis(months, 8, lang),
        values,
        centre: c.centre,
        ucl: c.points.iter().map(|p| Some(p.ucl)).collect(),
        lcl: c.points.iter().map(|p| Some(p.lcl)).collect(),
        rules: c.points.iter().map(|p| p.rules.clone()).collect(),
        target: s.target,
        legend,
    }
}

fn events_section(checked: &Checked, month: Month, lang: Lang) -> EventsSection {
    let regs = &checked.registers;
    let mut rows: Vec<(NaiveDate, EventRow)> = regs
        .events
        .iter()
        .filter(|e| e.detected.is_some_and(|d| Month::of(d) == month))
        .map(|e| {
            let d = e.detected.expect("filtered");
            let crit = e.criticity();
            (
                d,
                EventRow {
                    id: e.id.clone().unwrap_or_default(),
                    date: format::date(d, lang),
                    kind: e.kind.map(|k| k.label(lang).to_owned()).unwrap_or_default(),
                    process: e.process.clone().unwrap_or_default(),
                    criticity: match (crit, e.severity, e.frequency) {
                        (Some(c), Some(s), Some(f)) => format!("{c} ({s}×{f})"),
                        _ => "—".to_owned(),
                    },
                    band: crit.map(|c| band_role(criticity_band(c, checked.config.events.bands()))),
                    status: e
                        .status
                        .map(|s| s.label(lang).to_owned())
                        .unwrap_or_default(),
                },
            )
        })
        .collect();
    rows.sort_by(|a, b| a.0.cmp(&b.0).then_with(|| a.1.id.cmp(&b.1.id)));
    let first = month.plus(-11);
    let recent: Vec<&crate::registers::Event> = regs
        .events
        .iter()
        .filter(|e| {
            e.detected
                .is_some_and(|d| Month::of(d) >= first && Month::of(d) <= month)
        })
        .collect();
    let mut by_process: BTreeMap<String, usize> = BTreeMap::new();
    let mut counts = vec![vec![0u32; 5]; 5];
    for e in &recent {
        let p = e
            .process
            .clone()
            .unwrap_or_else(|| i18n::text("report.no-process", lang).to_owned());
        *by_process.entry(p).or_default() += 1;
        if let (Some(s), Some(f)) = (e.severity, e.frequency) {
            counts[s as usize - 1][f as usize - 1] += 1;
        }
    }
    let mut items: Vec<(String, usize)> = by_process.into_iter().collect();
    items.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    let max = items.first().map_or(1, |i| i.1) as f64;
    EventsSection {
        count: rows.len(),
        rows: Capped::cut(rows.into_iter().map(|(_, r)| r).collect(), ROWS, lang),
        by_process: BarSpec {
            items: items
                .into_iter()
                .map(|(label, n)| BarItem {
                    label,
                    value: n as f64,
                    text: format::count(n, lang),
                })
                .collect(),
            max,
        },
        heatmap: heatmap(counts, checked.config.events.bands(), lang),
        period_label: fill(
            "ind.last-12-months",
            lang,
            &[
                ("from", format::month_long(first, lang)),
                ("to", format::month_long(month, lang)),
            ],
        ),
    }
}

fn late_actions(checked: &Checked, as_of: NaiveDate, lang: Lang) -> Capped<ActionRow> {
    let mut rows: Vec<(i64, ActionRow)> = checked
        .registers
        .actions
        .iter()
        .filter_map(|a| {
            let due = a.due?;
            if !crate::analysis::actions::is_late(a, as_of) {
                return None;
            }
            let late = (as_of - due).num_days();
            Some((
                late,
                ActionRow {
                    id: a.id.clone().unwrap_or_default(),
                    origin: a.origin.clone().unwrap_or_default(),
                    process: a.process.clone().unwrap_or_default(),
                    due: format::date(due, lang),
                    days_late: format::int(late, lang),
                    status: a
                        .status
                        .map(|s| s.label(lang).to_owned())
                        .unwrap_or_default(),
                },
            ))
        })
        .collect();
    rows.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.id.cmp(&b.1.id)));
    Capped::cut(rows.into_iter().map(|(_, r)| r).collect(), ROWS, lang)
}

fn objective_rows(
    checked: &Checked,
    all: &[Series],
    month: Month,
    lang: Lang,
) -> Capped<ObjectiveRow> {
    let lookup = SeriesLookup::new(all);
    let rows = checked
        .registers
        .objectives
        .iter()
        .filter(|o| o.year == Some(month.year))
        .map(|o| {
            let dash = || "—".to_owned();
            match lookup.objective(o) {
                Some(s) => {
                    let st = objective_status(s, o, month);
                    ObjectiveRow {
                        objective: o.objective.clone().unwrap_or_default(),
                        indicator: s.code.clone(),
                        target: st.target.map_or_else(dash, |t| value_text(s, t, lang)),
                        ytd: st.ytd.map_or_else(dash, |v| value_text(s, v, lang)),
                        standing: standing_key(st.standing),
                        standing_label: standing_label(st.standing, lang),
                        projected: st.projected.map_or_else(dash, |v| value_text(s, v, lang)),
                        projected_standing: st.projected_standing.map(standing_key),
                        projected_label: st
                            .projected_standing
                            .map_or_else(String::new, |p| standing_label(p, lang)),
                    }
                }
                None => ObjectiveRow {
                    objective: o.objective.clone().unwrap_or_default(),
                    indicator: o.indicator.clone().unwrap_or_else(dash),
                    target: o.target.map_or_else(dash, |t| format::num(t.value, lang)),
                    ytd: dash(),
                    standing: "not-assessed",
                    standing_label: i18n::text("standing.no-indicator", lang).to_owned(),
                    projected: dash(),
                    projected_standing: None,
                    projected_label: String::new(),
                },
            }
        })
        .collect();
    Capped::cut(rows, ROWS, lang)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn criticity_bands_follow_the_thresholds() {
        let g = criticity_bands((5, 10));
        let (a, w, u) = ("acceptable", "watch", "unacceptable");
        // Severity 1 × frequency 4 = 4: acceptable; 1 × 5 = 5: to watch;
        // 2 × 5 = 10: unacceptable.
        assert_eq!(g[0], vec![a, a, a, a, w]);
        assert_eq!(g[1][4], u);
        assert_eq!(g[4], vec![w, u, u, u, u]);
        let g = criticity_bands((4, 15));
        assert_eq!(g[0][3], w);
        assert_eq!(g[2][4], u);
        assert_eq!(g[1][4], w);
        let l = criticity_legend((4, 15), Lang::Fr);
        assert_eq!(l[0].label, "acceptable (1–3)");
        assert_eq!(l[1].label, "à surveiller (4–14)");
        assert_eq!(l[2].label, "inacceptable (15–25)");
    }
}
