//! Review sections on measured performance: quality objectives (c2),
//! process performance and monitoring (c3, c5), nonconformities and
//! corrective actions (c4).

use std::collections::BTreeMap;

use serde::Serialize;

use super::{ColumnSpec, Ctx, FigureRow, ParetoSpec, SectionHead, pareto_spec};
use crate::analysis::actions::{AGE_BUCKETS, stats};
use crate::analysis::events::{self, change, criticity_grid, median_days_to_close};
use crate::analysis::indicators::{MonthValue, Series, SeriesLookup, objective_status};
use crate::analysis::review::Period;
use crate::analysis::spc::ChartKind;
use crate::analysis::status::Standing;
use crate::analysis::trend::ALPHA;
use crate::analysis::trend::Trend;
use crate::input::parse::Month;
use crate::input::text::simplify;
use crate::registers::vocab::{Cause, EventType, SystemicAnalysis};
use crate::registers::{Event, RegisterKind};
use crate::report::capped::{CHARTS, Capped, ROWS};
use crate::report::charts;
use crate::report::common::Marked;
use crate::report::format;
use crate::report::indicators::{
    BarSpec, ControlChartSpec, HeatmapSpec, control_spec, criticity_band, long_unit, standing_key,
    standing_label, target_text, value_short, value_text,
};

/// Months on the control charts of the review.
pub const CHART_MONTHS: usize = 24;
/// Months on each side of an action for the before/after comparison.
pub const BEFORE_AFTER_MONTHS: usize = 6;

// ------------------------------------------------------------ (c2) objectives

#[derive(Debug, Serialize)]
pub struct ObjectivesSection {
    pub head: SectionHead,
    pub lines: Vec<String>,
    pub rows: Capped<ObjectiveRow>,
    #[serde(skip)]
    pub missed: Vec<String>,
    #[serde(skip)]
    pub figures: Vec<FigureRow>,
    #[serde(skip)]
    pub proposals: Vec<String>,
}

#[derive(Debug, Serialize)]
pub struct ObjectiveRow {
    pub year: String,
    pub objective: String,
    pub indicator: String,
    pub target: String,
    pub value: String,
    pub previous: String,
    pub standing: &'static str,
    pub standing_label: String,
}

fn months_of<'s>(s: &'s Series, p: &Period) -> Vec<&'s MonthValue> {
    let (first, last) = (Month::of(p.from), Month::of(p.to));
    s.values
        .iter()
        .filter(|v| v.month >= first && v.month <= last)
        .collect()
}

pub(super) fn objectives(ctx: &Ctx) -> ObjectivesSection {
    use chrono::Datelike;
    let regs = &ctx.checked.registers;
    let all = &ctx.series;
    let (y0, y1) = (ctx.period.from.year(), ctx.period.to.year());
    let last = Month::of(ctx.period.to);
    let mut rows = Vec::new();
    let mut missed = Vec::new();
    let mut counts: BTreeMap<Standing, usize> = BTreeMap::new();
    let mut prev_counts: BTreeMap<Standing, usize> = BTreeMap::new();
    let mut list: Vec<_> = regs
        .objectives
        .iter()
        .filter(|o| o.year.is_some_and(|y| y >= y0 - 1 && y <= y1))
        .collect();
    list.sort_by(|a, b| {
        a.year
            .cmp(&b.year)
            .then_with(|| a.objective.cmp(&b.objective))
    });
    let lookup = SeriesLookup::new(all);
    for o in list {
        let year = o.year.expect("filtered");
        let series = lookup.objective(o);
        let status =
            series.map(|s| objective_status(s, o, last.min(Month::new(year, 12).expect("valid"))));
        let standing = status
            .as_ref()
            .map_or(Standing::NotAssessed, |s| s.standing);
        if year < y0 {
            *prev_counts.entry(standing).or_default() += 1;
            continue;
        }
        *counts.entry(standing).or_default() += 1;
        let text = o.objective.clone().unwrap_or_default();
        let dash = || "—".to_owned();
        let (target, value, previous) = match (series, &status) {
            (Some(s), Some(st)) => {
                let prev_year = Period::year(year - 1);
                (
                    st.target.map_or_else(dash, |t| value_text(s, t, ctx.lang)),
                    st.ytd.map_or_else(dash, |v| value_text(s, v, ctx.lang)),
                    s.aggregate(&months_of(s, &prev_year))
                        .map_or_else(String::new, |v| value_text(s, v, ctx.lang)),
                )
            }
            _ => (
                o.target
                    .map_or_else(dash, |t| format::num(t.value, ctx.lang)),
                dash(),
                String::new(),
            ),
        };
        if standing == Standing::Missed {
            missed.push(ctx.fill(
                "rev.objective-missed",
                &[
                    ("objective", text.clone()),
                    ("value", value.clone()),
                    ("target", target.clone()),
                ],
            ));
        }
        rows.push(ObjectiveRow {
            year: year.to_string(),
            objective: text,
            indicator: series.map_or_else(
                || o.indicator.clone().unwrap_or_default(),
                |s| s.code.clone(),
            ),
            target,
            value,
            previous,
            standing: standing_key(standing),
            standing_label: if series.is_none() {
                ctx.t("standing.no-indicator")
            } else {
                standing_label(standing, ctx.lang)
            },
        });
    }
    let n = |m: &BTreeMap<Standing, usize>, s| m.get(&s).copied().unwrap_or(0);
    let lines = vec![ctx.fill(
        "rev.objectives-count",
        &[
            ("n", ctx.count(rows.len())),
            ("met", ctx.count(n(&counts, Standing::Met))),
            ("alert", ctx.count(n(&counts, Standing::Alert))),
            ("missed", ctx.count(n(&counts, Standing::Missed))),
            ("na", ctx.count(n(&counts, Standing::NotAssessed))),
            ("prev_met", ctx.count(n(&prev_counts, Standing::Met))),
            ("prev_n", ctx.count(prev_counts.values().sum::<usize>())),
            ("prev_label", ctx.previous_short()),
        ],
    )];
    let figures = vec![FigureRow {
        label: ctx.t("rev.fig-objectives-met"),
        current: format!(
            "{} / {}",
            ctx.count(n(&counts, Standing::Met)),
            ctx.count(rows.len())
        ),
        previous: format!(
            "{} / {}",
            ctx.count(n(&prev_counts, Standing::Met)),
            ctx.count(prev_counts.values().sum::<usize>())
        ),
        change: String::new(),
        tone: "neutral",
        p: String::new(),
    }];
    let proposals = missed
        .iter()
        .map(|m| ctx.fill("rev.prop-objective", &[("what", m.clone())]))
        .collect();
    ObjectivesSection {
        head: ctx.head(
            4,
            "c2",
            &[
                RegisterKind::Objectives,
                RegisterKind::Indicators,
                RegisterKind::IndicatorValues,
            ],
        ),
        lines,
        rows: Capped::cut(rows, ROWS, ctx.lang),
        missed,
        figures,
        proposals,
    }
}

// ------------------------------------------------------ (c3, c5) performance

#[derive(Debug, Serialize)]
pub struct PerformanceSection {
    pub head: SectionHead,
    pub lines: Vec<String>,
    pub groups: Vec<ProcessGroup>,
    pub alerts: Capped<IndicatorChart>,
    #[serde(skip)]
    pub indicator_count: usize,
    #[serde(skip)]
    pub trend_lines: Vec<String>,
    #[serde(skip)]
    pub changes: Vec<(f64, String)>,
    #[serde(skip)]
    pub proposals: Vec<String>,
}

#[derive(Debug, Serialize)]
pub struct ProcessGroup {
    pub process: String,
    pub rows: Capped<IndicatorRow>,
}

#[derive(Debug, Serialize)]
pub struct IndicatorRow {
    pub code: String,
    pub label: String,
    pub unit_note: Option<String>,
    pub value: String,
    pub previous: String,
    pub target: String,
    pub standing: &'static str,
    pub standing_label: String,
    pub trend_arrow: &'static str,
    pub trend_tone: &'static str,
    pub trend_label: String,
    /// Points of the period beyond a run rule: `missed` when any, else `muted`.
    pub signals: Marked,
}

#[derive(Debug, Serialize)]
pub struct IndicatorChart {
    pub code: String,
    pub label: String,
    pub process: String,
    pub standing: &'static str,
    pub standing_label: String,
    pub reading: Vec<String>,
    pub chart: ControlChartSpec,
}

pub(super) fn performance(ctx: &Ctx) -> PerformanceSection {
    let lang = ctx.lang;
    let all = &ctx.series;
    let last = Month::of(ctx.period.to);
    let period_months = ctx.period.months();
    let mut groups: BTreeMap<String, Vec<IndicatorRow>> = BTreeMap::new();
    let mut alerts = Vec::new();
    let mut trend_lines = Vec::new();
    let mut changes = Vec::new();
    let mut proposals = Vec::new();
    let mut counts: BTreeMap<&'static str, usize> = BTreeMap::new();
    for s in all {
        let now = s.level(&months_of(s, &ctx.period));
        let before = s.level(&months_of(s, &ctx.previous));
        let st = now.map_or(Standing::NotAssessed, |v| s.standing_of(v));
        let st_before = before.map(|v| s.standing_of(v));
        *counts
            .entry(if now.is_some() {
                standing_key(st)
            } else {
                "none"
            })
            .or_default() += 1;
        let mk = s.trend(last);
        let (arrow, tone, trend_label) = match &mk {
            Some(mk) if mk.trend != Trend::NoTrend => {
                let tone = match s.trend_is_good(mk) {
                    Some(true) => "good",
                    Some(false) => "bad",
                    None => "neutral",
                };
                let up = mk.trend == Trend::Increasing;
                (
                    if up { "↗" } else { "↘" },
                    tone,
                    ctx.t(if up { "trend.up" } else { "trend.down" }),
                )
            }
            Some(_) => ("→", "neutral", ctx.t("trend.flat")),
            None => ("", "neutral", ctx.t("trend.too-short")),
        };
        let label = s.def.label.clone().unwrap_or_default();
        if let Some(mk) = &mk
            && mk.trend != Trend::NoTrend
        {
            let line = ctx.fill(
                match tone {
                    "good" => "rev.trend-good",
                    "bad" => "rev.trend-bad",
                    _ => "rev.trend-neutral",
                },
                &[
                    ("code", s.code.clone()),
                    ("label", label.clone()),
                    ("trend", trend_label.to_lowercase()),
                    ("n", ctx.count(mk.n)),
                    ("p", ctx.p_text(mk.p)),
                ],
            );
            trend_lines.push(line);
            if tone == "bad" {
                proposals.push(ctx.fill(
                    "rev.prop-drift",
                    &[("code", s.code.clone()), ("label", label.clone())],
                ));
            }
        }
        let chart = s.control_chart(last, CHART_MONTHS);
        let signals = chart.as_ref().map_or(0, |(months, c)| {
            months
                .iter()
                .zip(&c.points)
                .filter(|(m, p)| period_months.contains(m) && !p.rules.is_empty())
                .count()
        });
        if let (Some(v), Some(b), Some(sb)) = (now, before, st_before)
            && sb != st
            && st != Standing::NotAssessed
            && sb != Standing::NotAssessed
        {
            // A change of standing: ranked after the significant tests.
            let worse = st > sb;
            changes.push((
                if worse { 0.045 } else { 0.049 },
                ctx.fill(
                    if worse {
                        "rev.change-indicator-worse"
                    } else {
                        "rev.change-indicator-better"
                    },
                    &[
                        ("code", s.code.clone()),
                        ("label", label.clone()),
                        ("from", value_text(s, b, lang)),
                        ("to", value_text(s, v, lang)),
                    ],
                ),
            ));
        }
        let process = s
            .def
            .process
            .clone()
            .unwrap_or_else(|| ctx.t("report.no-process"));
        groups
            .entry(process.clone())
            .or_default()
            .push(IndicatorRow {
                code: s.code.clone(),
                label: label.clone(),
                unit_note: long_unit(s),
                value: now.map_or_else(|| ctx.t("report.no-value"), |v| value_short(s, v, lang)),
                previous: before.map_or_else(String::new, |v| value_short(s, v, lang)),
                target: target_text(s, lang),
                standing: if now.is_some() {
                    standing_key(st)
                } else {
                    "none"
                },
                standing_label: if now.is_some() {
                    standing_label(st, lang)
                } else {
                    ctx.t("standing.no-value")
                },
                trend_arrow: arrow,
                trend_tone: tone,
                trend_label,
                signals: Marked::count(signals, "missed", "muted", lang),
            });
        let in_alert = matches!(st, Standing::Alert | Standing::Missed) || tone == "bad";
        if in_alert
            && now.is_some()
            && let Some((months, c)) = chart
        {
            let kind_key = match c.kind {
                ChartKind::Xmr => "chart.xmr",
                ChartKind::P => "chart.p",
                ChartKind::U => "chart.u",
                ChartKind::C => "chart.c",
            };
            let mut reading = vec![ctx.fill(
                "rev.reading-period",
                &[
                    ("period", ctx.period_short()),
                    ("value", value_text(s, now.unwrap_or_default(), lang)),
                    ("standing", standing_label(st, lang).to_lowercase()),
                    (
                        "previous",
                        before.map_or_else(|| "—".to_owned(), |b| value_text(s, b, lang)),
                    ),
                    ("prev_label", ctx.previous_short()),
                ],
            )];
            if signals > 0 {
                reading.push(ctx.fill(
                    "rev.reading-signals",
                    &[("n", ctx.count(signals)), ("chart", ctx.t(kind_key))],
                ));
            }
            alerts.push(IndicatorChart {
                code: s.code.clone(),
                label,
                process,
                standing: standing_key(st),
                standing_label: standing_label(st, lang),
                reading,
                chart: control_spec(s, &months, &c, crate::i18n::text(kind_key, lang), lang),
            });
        }
    }
    let c = |k: &str| counts.get(k).copied().unwrap_or(0);
    let lines = vec![ctx.fill(
        "rev.performance-count",
        &[
            ("n", ctx.count(all.len())),
            ("met", ctx.count(c("met"))),
            ("alert", ctx.count(c("alert"))),
            ("missed", ctx.count(c("missed"))),
            ("na", ctx.count(c("not-assessed") + c("none"))),
            ("trends", ctx.count(trend_lines.len())),
        ],
    )];
    PerformanceSection {
        head: ctx.head(
            5,
            "c3",
            &[RegisterKind::Indicators, RegisterKind::IndicatorValues],
        ),
        lines,
        groups: groups
            .into_iter()
            .map(|(process, rows)| ProcessGroup {
                process,
                rows: Capped::cut(rows, ROWS, lang),
            })
            .collect(),
        alerts: Capped::cut(alerts, CHARTS, lang),
        indicator_count: all.len(),
        trend_lines,
        changes,
        proposals,
    }
}

// -------------------------------------------------- (c4) nonconformities

#[derive(Debug, Serialize)]
pub struct NonconformitySection {
    pub head: SectionHead,
    pub lines: Vec<String>,
    pub by_type: Vec<FigureRow>,
    pub by_month: ColumnSpec,
    pub process_pareto: ParetoSpec,
    pub cause_pareto: ParetoSpec,
    pub heatmap: HeatmapSpec,
    pub systemic: Vec<FigureRow>,
    pub action_lines: Vec<String>,
    pub actions: Vec<FigureRow>,
    pub ageing: BarSpec,
    pub before_after: Capped<BeforeAfterRow>,
    #[serde(skip)]
    pub total: usize,
    #[serde(skip)]
    pub esr: usize,
    #[serde(skip)]
    pub systemic_total: usize,
    #[serde(skip)]
    pub late_count: usize,
    #[serde(skip)]
    pub changes: Vec<(f64, String)>,
    #[serde(skip)]
    pub figures: Vec<FigureRow>,
    #[serde(skip)]
    pub proposals: Vec<String>,
}

#[derive(Debug, Serialize)]
pub struct BeforeAfterRow {
    pub action: String,
    pub description: String,
    pub indicator: String,
    pub done: String,
    pub before: String,
    pub after: String,
    /// `good`, `bad`, `neutral`.
    pub tone: &'static str,
}

/// The indicator counting exams: the configured code, else one whose unit
/// is "examens" / "exams" or whose label starts "Nombre d'examens".
pub fn exams_series<'s, 'a>(all: &'s [Series<'a>], code: Option<&str>) -> Option<&'s Series<'a>> {
    if let Some(code) = code {
        return all
            .iter()
            .find(|s| s.code.trim().eq_ignore_ascii_case(code.trim()));
    }
    all.iter().find(|s| {
        let unit = s.def.unit.as_deref().map(simplify).unwrap_or_default();
        let label = s.def.label.as_deref().map(simplify).unwrap_or_default();
        matches!(
            unit.as_str(),
            "examens" | "exams" | "examen" | "exam" | "actes"
        ) || label.starts_with("nombre d examens")
            || label.starts_with("number of exams")
    })
}

/// Exams over a period, when every month of it has a value.
fn exams_in(s: &Series, p: &Period) -> Option<f64> {
    let months = months_of(s, p);
    (months.len() == p.months().len() && !months.is_empty())
        .then(|| months.iter().map(|m| m.value).sum())
}

fn events_in<'a>(events: &'a [Event], p: &Period) -> Vec<&'a Event> {
    events::within(events, p.from, p.to)
}

pub(super) fn nonconformities(ctx: &Ctx) -> NonconformitySection {
    let regs = &ctx.checked.registers;
    let lang = ctx.lang;
    let now = events_in(&regs.events, &ctx.period);
    let before = events_in(&regs.events, &ctx.previous);
    let all = &ctx.series;
    let exams = exams_series(all, ctx.checked.config.review.exams.as_deref());
    let (ex_now, ex_before) = match exams {
        Some(s) => (exams_in(s, &ctx.period), exams_in(s, &ctx.previous)),
        None => (None, None),
    };
    // Counts are compared per exam when both periods have their exams,
    // else per day.
    let (expo_now, expo_before) = match (ex_now, ex_before) {
        (Some(a), Some(b)) => (a, b),
        _ => (ctx.period.days(), ctx.previous.days()),
    };
    let total = change(now.len(), before.len(), expo_now, expo_before);
    // Without events up to the previous period's end, its counts are unknown.
    let known = crate::analysis::review::events_cover(regs, &ctx.previous);
    let mut changes = Vec::new();
    let mut figures = Vec::new();
    let fig = |label: String, a: usize, b: usize, p: Option<f64>, lower_better: bool| FigureRow {
        label,
        current: ctx.count(a),
        previous: if known {
            ctx.count(b)
        } else {
            "—".to_owned()
        },
        change: if known {
            ctx.change_text(a as f64, b as f64)
        } else {
            String::new()
        },
        tone: match p.filter(|_| known) {
            Some(p) if p < ALPHA && a != b => {
                if (a < b) == lower_better {
                    "good"
                } else {
                    "bad"
                }
            }
            _ => "neutral",
        },
        p: p.filter(|_| known)
            .map_or_else(String::new, |p| ctx.p_text(p)),
    };
    figures.push(fig(
        ctx.t("rev.fig-events"),
        now.len(),
        before.len(),
        Some(total.p),
        true,
    ));
    if known && total.significant() {
        changes.push((
            total.p,
            ctx.fill(
                "rev.change-events",
                &[
                    ("from", ctx.count(before.len())),
                    ("to", ctx.count(now.len())),
                    ("p", ctx.p_text(total.p)),
                ],
            ),
        ));
    }
    let mut by_type = vec![fig(
        ctx.t("rev.all-events"),
        now.len(),
        before.len(),
        Some(total.p),
        true,
    )];
    for t in EventType::ALL {
        let a = now.iter().filter(|e| e.kind == Some(*t)).count();
        let b = before.iter().filter(|e| e.kind == Some(*t)).count();
        if a == 0 && b == 0 {
            continue;
        }
        let c = change(a, b, expo_now, expo_before);
        by_type.push(fig(t.label(lang).to_owned(), a, b, Some(c.p), true));
        if known && c.significant() && *t != EventType::Complaint {
            changes.push((
                c.p,
                ctx.fill(
                    "rev.change-type",
                    &[
                        ("type", t.label(lang).to_owned()),
                        ("from", ctx.count(b)),
                        ("to", ctx.count(a)),
                        ("p", ctx.p_text(c.p)),
                    ],
                ),
            ));
        }
    }
    // By month, with the same months of the previous period.
    let months = ctx.period.months();
    let counts = events::by_month(
        &now,
        months[0],
        *months.last().expect("a period has a month"),
    );
    let prev_months = ctx.previous.months();
    let prev_counts = events::by_month(
        &before,
        prev_months[0],
        *prev_months.last().expect("a period has a month"),
    );
    let values: Vec<f64> = counts.iter().map(|(_, n)| *n as f64).collect();
    let previous: Vec<Option<f64>> = if known && prev_counts.len() == counts.len() {
        prev_counts.iter().map(|(_, n)| Some(*n as f64)).collect()
    } else {
        vec![None; counts.len()]
    };
    let span = values
        .iter()
        .chain(previous.iter().flatten())
        .copied()
        .fold(1.0f64, f64::max);
    let by_month = ColumnSpec {
        y: charts::y_axis([0.0, span], true, None, lang),
        x: charts::month_axis(&months, 6, lang),
        values,
        previous: Some(previous),
        legend: vec![
            crate::report::charts::LegendItem {
                kind: "bar",
                role: charts::Role::Accent,
                label: ctx.period_short(),
            },
            crate::report::charts::LegendItem {
                kind: "line",
                role: charts::Role::Alert,
                label: ctx.previous_short(),
            },
        ],
    };
    // Pareto of processes and causes.
    let mut processes: BTreeMap<String, usize> = BTreeMap::new();
    let mut causes: BTreeMap<String, usize> = BTreeMap::new();
    for e in &now {
        *processes
            .entry(
                e.process
                    .clone()
                    .unwrap_or_else(|| ctx.t("report.no-process")),
            )
            .or_default() += 1;
        *causes
            .entry(
                e.cause
                    .map_or_else(|| ctx.t("rev.no-cause"), |c| c.label(lang).to_owned()),
            )
            .or_default() += 1;
    }
    let mut proposals = Vec::new();
    for c in Cause::ALL {
        let a = now.iter().filter(|e| e.cause == Some(*c)).count();
        let b = before.iter().filter(|e| e.cause == Some(*c)).count();
        let t = change(a, b, expo_now, expo_before);
        let share = if now.is_empty() {
            0.0
        } else {
            a as f64 / now.len() as f64
        };
        if (known && t.rose()) || (share >= 0.3 && a >= 5) {
            proposals.push(ctx.fill(
                "rev.prop-cause",
                &[
                    ("cause", c.label(lang).to_owned()),
                    ("n", ctx.count(a)),
                    ("share", format::percent(share * 100.0, 0, lang)),
                    ("previous", ctx.count(b)),
                ],
            ));
        }
    }
    let grid = criticity_grid(&now);
    let heatmap = crate::report::indicators::heatmap(
        grid.iter().map(|r| r.to_vec()).collect(),
        ctx.checked.config.events.bands(),
        lang,
    );
    let unacceptable = now
        .iter()
        .filter(|e| {
            e.criticity()
                .is_some_and(|c| criticity_band(c, ctx.checked.config.events.bands()) == 2)
        })
        .count();
    // ESR and systemic analyses.
    let esr = now
        .iter()
        .filter(|e| e.kind == Some(EventType::Esr))
        .count();
    let esr_before = before
        .iter()
        .filter(|e| e.kind == Some(EventType::Esr))
        .count();
    let declared = now.iter().filter(|e| e.declared).count();
    let mut systemic = Vec::new();
    let mut systemic_total = 0;
    for m in SystemicAnalysis::ALL {
        if *m == SystemicAnalysis::None {
            continue;
        }
        let a = now.iter().filter(|e| e.systemic == Some(*m)).count();
        let b = before.iter().filter(|e| e.systemic == Some(*m)).count();
        systemic_total += a;
        if a + b > 0 {
            systemic.push(fig(m.label(lang).to_owned(), a, b, None, false));
        }
    }
    let basis = ctx.t(if ex_now.is_some() && ex_before.is_some() {
        "rev.basis-exams"
    } else {
        "rev.basis-days"
    });
    let details = [
        ctx.change_text(now.len() as f64, before.len() as f64),
        format!("{}, {basis}", ctx.p_text(total.p)),
    ]
    .into_iter()
    .filter(|s| !s.is_empty())
    .collect::<Vec<_>>()
    .join(if lang == crate::i18n::Lang::Fr {
        "\u{a0}; "
    } else {
        "; "
    });
    let mut lines = vec![if known {
        ctx.fill(
            "rev.events-count",
            &[
                ("n", ctx.count(now.len())),
                ("previous", ctx.count(before.len())),
                ("prev_label", ctx.previous_short()),
                ("details", details),
            ],
        )
    } else {
        ctx.fill(
            "rev.events-count-new",
            &[
                ("n", ctx.count(now.len())),
                ("prev_label", ctx.previous_short()),
            ],
        )
    }];
    match (ex_now, exams) {
        (Some(x), Some(_)) => {
            let rate = events::per_thousand(now.len(), x).unwrap_or_default();
            let prev_rate = ex_before.and_then(|b| events::per_thousand(before.len(), b));
            lines.push(ctx.fill(
                "rev.events-rate",
                &[
                    ("rate", format::number(rate, 2, lang)),
                    ("exams", format::number(x, 0, lang)),
                    (
                        "previous",
                        prev_rate.map_or_else(|| "—".to_owned(), |r| format::number(r, 2, lang)),
                    ),
                ],
            ));
        }
        _ => lines.push(ctx.t("rev.events-no-exams")),
    }
    lines.push(ctx.fill(
        "rev.events-esr",
        &[
            ("esr", ctx.count(esr)),
            ("declared", ctx.count(declared)),
            ("previous", ctx.count(esr_before)),
            ("systemic", ctx.count(systemic_total)),
            ("unacceptable", ctx.count(unacceptable)),
        ],
    ));
    if let Some(days) = median_days_to_close(&now) {
        lines.push(ctx.fill("rev.events-close", &[("days", format::num(days, lang))]));
    }
    figures.push(fig(ctx.t("rev.fig-esr"), esr, esr_before, None, true));
    // Actions.
    let st = stats(&regs.actions, ctx.period.from, ctx.period.to);
    let sb = stats(&regs.actions, ctx.previous.from, ctx.previous.to);
    let rate = |s: &crate::analysis::actions::ActionStats| {
        s.on_time_rate()
            .map_or_else(|| "—".to_owned(), |r| format::percent(r * 100.0, 0, lang))
    };
    let actions = vec![
        fig(ctx.t("rev.act-opened"), st.opened, sb.opened, None, false),
        fig(ctx.t("rev.act-closed"), st.closed, sb.closed, None, false),
        fig(ctx.t("rev.act-late"), st.late, sb.late, None, true),
        FigureRow {
            label: ctx.t("rev.act-on-time"),
            current: rate(&st),
            previous: rate(&sb),
            change: String::new(),
            tone: "neutral",
            p: String::new(),
        },
        fig(
            ctx.t("rev.act-checked"),
            st.effectiveness_checked,
            sb.effectiveness_checked,
            None,
            false,
        ),
        fig(
            ctx.t("rev.act-effective"),
            st.effective,
            sb.effective,
            None,
            false,
        ),
    ];
    figures.push(fig(
        ctx.t("rev.fig-late-actions"),
        st.late,
        sb.late,
        None,
        true,
    ));
    let bucket_labels = AGE_BUCKETS.iter().map(|(lo, hi)| {
        if *hi == i64::MAX {
            ctx.fill("rev.age-over", &[("n", format::int(lo - 1, lang))])
        } else {
            ctx.fill(
                "rev.age-range",
                &[
                    ("lo", format::int(*lo, lang)),
                    ("hi", format::int(*hi, lang)),
                ],
            )
        }
    });
    let ageing_items: Vec<crate::report::indicators::BarItem> = bucket_labels
        .zip(st.open_by_age)
        .map(|(label, n)| crate::report::indicators::BarItem {
            label,
            value: n as f64,
            text: ctx.count(n),
        })
        .collect();
    let ageing = BarSpec {
        max: ageing_items.iter().map(|i| i.value).fold(1.0, f64::max),
        items: ageing_items,
    };
    let action_lines = vec![ctx.fill(
        "rev.actions-line",
        &[
            ("open", ctx.count(st.open_by_age.iter().sum::<usize>())),
            ("late", ctx.count(st.late)),
            ("date", format::date(ctx.period.to, lang)),
        ],
    )];
    if st.late > 0 {
        proposals.push(ctx.fill("rev.prop-late", &[("n", ctx.count(st.late))]));
    }
    // Before / after for actions done in this or the previous period.
    let data_end = Month::of(ctx.as_of);
    let mut before_after = Vec::new();
    let mut done: Vec<_> = regs
        .actions
        .iter()
        .filter(|a| {
            a.done
                .is_some_and(|d| d >= ctx.previous.from && d <= ctx.period.to)
        })
        .filter(|a| a.indicator.is_some() && a.opened.is_some())
        .collect();
    done.sort_by(|a, b| a.done.cmp(&b.done).then_with(|| a.id.cmp(&b.id)));
    for a in done {
        let code = a.indicator.as_deref().expect("filtered");
        let Some(s) = all
            .iter()
            .find(|s| s.code.trim().eq_ignore_ascii_case(code.trim()))
        else {
            continue;
        };
        let (Some(opened), Some(d)) = (a.opened, a.done) else {
            continue;
        };
        let Some(ba) = s.before_after(
            Month::of(opened),
            Month::of(d),
            data_end,
            BEFORE_AFTER_MONTHS,
        ) else {
            continue;
        };
        before_after.push(BeforeAfterRow {
            action: a.id.clone().unwrap_or_default(),
            description: a.description.clone().unwrap_or_default(),
            indicator: s.code.clone(),
            done: ctx.date(a.done),
            before: value_text(s, ba.before, lang),
            after: value_text(s, ba.after, lang),
            tone: match ba.improved {
                Some(true) => "good",
                Some(false) => "bad",
                None => "neutral",
            },
        });
    }
    NonconformitySection {
        head: ctx.head(6, "c4", &[RegisterKind::Rex, RegisterKind::Actions]),
        lines,
        by_type,
        by_month,
        process_pareto: pareto_spec(&processes, lang),
        cause_pareto: pareto_spec(&causes, lang),
        heatmap,
        systemic,
        action_lines,
        actions,
        ageing,
        before_after: Capped::cut(before_after, ROWS, lang),
        total: now.len(),
        esr,
        systemic_total,
        late_count: st.late,
        changes,
        figures,
        proposals,
    }
}
