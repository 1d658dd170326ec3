//! `smq export`: the computed tables, for services that want the figures
//! back in Excel (or as JSON). Each table is a list of rows whose columns
//! are declared once ([`Column`]): the JSON writes the rows as objects, the
//! workbook writes one sheet per table with those columns, so both carry the
//! same values. The workbook adds number and date formats, coloured
//! statuses, frozen headers, filters, and native Excel charts (each
//! indicator's monthly values against its target; events per month).

use std::collections::BTreeMap;
use std::path::Path;

use chrono::{Datelike, Months, NaiveDate};
use rust_xlsxwriter::{
    Chart, ChartFont, ChartType, Color, ConditionalFormatText, ConditionalFormatTextRule,
    DocProperties, ExcelDateTime, Format, Workbook,
};
use serde::Serialize;
use serde_json::{Value, json};

use crate::analysis::actions::{is_late, is_open};
use crate::analysis::audits::{self, needs_action};
use crate::analysis::indicators::{SeriesLookup, objective_status, series_with};
use crate::analysis::review::Origins;
use crate::analysis::spc::ChartKind;
use crate::analysis::status::Standing;
use crate::analysis::suppliers::summaries;
use crate::analysis::surveys::top_two_box;
use crate::analysis::trend::Trend;
use crate::i18n::{self, Lang};
use crate::input::parse::Month;
use crate::pipeline::Checked;
use crate::registers::vocab::EventType;

/// Version of the export's JSON (see `docs/data-model.md`).
pub const SCHEMA_VERSION: u32 = 1;

/// How a column's values are written in the workbook.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Text,
    Number,
    /// An ISO date `2026-10-31`, written as an Excel date.
    Date,
    /// A month `2026-10`, written as an Excel date shown `mm/yyyy`.
    Month,
    /// A share in 0..1, shown as a percentage.
    Share,
    /// A standing key (`met`, `alert`, `missed`…), coloured.
    Standing,
    Bool,
}

/// A column of a table: JSON key, headers, kind, width.
#[derive(Debug, Clone, Copy)]
pub struct Column {
    pub key: &'static str,
    pub fr: &'static str,
    pub en: &'static str,
    pub kind: Kind,
    pub width: f64,
}

const fn col(
    key: &'static str,
    fr: &'static str,
    en: &'static str,
    kind: Kind,
    width: f64,
) -> Column {
    Column {
        key,
        fr,
        en,
        kind,
        width,
    }
}

use Kind::*;

/// One table: its key, sheet names, columns and rows.
#[derive(Debug, Clone, Serialize)]
pub struct Table {
    pub key: &'static str,
    #[serde(skip)]
    pub sheet_fr: &'static str,
    #[serde(skip)]
    pub sheet_en: &'static str,
    #[serde(skip)]
    pub columns: &'static [Column],
    pub rows: Vec<Value>,
}

impl Table {
    pub fn sheet(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::Fr => self.sheet_fr,
            Lang::En => self.sheet_en,
        }
    }
}

const INDICATORS: &[Column] = &[
    col("code", "Code", "Code", Text, 10.0),
    col("label", "Indicateur", "Indicator", Text, 44.0),
    col("process", "Processus", "Process", Text, 24.0),
    col("unit", "Unité", "Unit", Text, 10.0),
    col("direction", "Sens", "Direction", Text, 12.0),
    col("target", "Cible", "Target", Number, 9.0),
    col("alert", "Seuil d'alerte", "Alert threshold", Number, 9.0),
    col("chart", "Carte de contrôle", "Control chart", Text, 10.0),
    col("last_month", "Dernier mois", "Last month", Month, 11.0),
    col("last_value", "Dernière valeur", "Last value", Number, 11.0),
    col("standing", "Statut", "Standing", Standing, 12.0),
    col(
        "trend",
        "Tendance (Mann–Kendall)",
        "Trend (Mann–Kendall)",
        Text,
        14.0,
    ),
    col("trend_p", "p", "p", Number, 8.0),
    col(
        "sen_slope",
        "Pente de Sen (par mois)",
        "Sen's slope (per month)",
        Number,
        12.0,
    ),
    col("centre", "Ligne centrale", "Centre line", Number, 10.0),
    col("ucl", "Limite haute", "Upper limit", Number, 10.0),
    col("lcl", "Limite basse", "Lower limit", Number, 10.0),
];

const VALUES: &[Column] = &[
    col("code", "Code", "Code", Text, 10.0),
    col("month", "Mois", "Month", Month, 10.0),
    col("value", "Valeur", "Value", Number, 10.0),
    col("numerator", "Numérateur", "Numerator", Number, 11.0),
    col("denominator", "Dénominateur", "Denominator", Number, 12.0),
    col("target", "Cible", "Target", Number, 9.0),
    col("standing", "Statut", "Standing", Standing, 12.0),
    col("centre", "Ligne centrale", "Centre line", Number, 10.0),
    col("ucl", "Limite haute", "Upper limit", Number, 10.0),
    col("lcl", "Limite basse", "Lower limit", Number, 10.0),
    col("rules", "Règles enfreintes", "Rules broken", Text, 10.0),
];

const OBJECTIVES: &[Column] = &[
    col("year", "Année", "Year", Number, 8.0),
    col("objective", "Objectif", "Objective", Text, 50.0),
    col("indicator", "Indicateur", "Indicator", Text, 10.0),
    col("target", "Cible", "Target", Number, 9.0),
    col(
        "value",
        "Résultat (cumul de l'année)",
        "Result (year to date)",
        Number,
        12.0,
    ),
    col("standing", "Statut", "Standing", Standing, 12.0),
    col(
        "projected",
        "Projection fin d'année",
        "Projected year end",
        Number,
        12.0,
    ),
    col(
        "projected_standing",
        "Statut projeté",
        "Projected standing",
        Standing,
        12.0,
    ),
];

const ACTIONS: &[Column] = &[
    col("id", "N° action", "Action ID", Text, 13.0),
    col("origin", "Origine", "Origin", Text, 16.0),
    col(
        "origin_kind",
        "Nature de l'origine",
        "Origin kind",
        Text,
        12.0,
    ),
    col("type", "Type", "Type", Text, 13.0),
    col("process", "Processus", "Process", Text, 22.0),
    col("opened", "Ouverte le", "Opened", Date, 11.0),
    col("due", "Échéance", "Due", Date, 11.0),
    col("done", "Réalisée le", "Done", Date, 11.0),
    col("status", "Statut", "Status", Text, 11.0),
    col("effectiveness", "Efficacité", "Effectiveness", Text, 13.0),
    col("open", "Ouverte", "Open", Bool, 8.0),
    col("late", "En retard", "Late", Bool, 9.0),
    col("days_late", "Jours de retard", "Days late", Number, 9.0),
    col("age_days", "Âge (jours)", "Age (days)", Number, 9.0),
];

const EVENTS_MONTH: &[Column] = &[
    col("month", "Mois", "Month", Month, 10.0),
    col("events", "Événements", "Events", Number, 10.0),
    col("complaint", "Réclamations", "Complaints", Number, 11.0),
    col(
        "dysfunction",
        "Dysfonctionnements",
        "Dysfunctions",
        Number,
        13.0,
    ),
    col(
        "adverse_event",
        "Événements indésirables",
        "Adverse events",
        Number,
        13.0,
    ),
    col(
        "near_miss",
        "Presque accidents",
        "Near misses",
        Number,
        11.0,
    ),
    col("esr", "ESR", "ESRs", Number, 7.0),
];

const EVENTS_BY: &[Column] = &[
    col("dimension", "Axe", "Dimension", Text, 12.0),
    col("key", "Valeur", "Value", Text, 32.0),
    col(
        "count",
        "Événements (12 mois)",
        "Events (12 months)",
        Number,
        12.0,
    ),
    col("share", "Part", "Share", Share, 9.0),
];

const SUPPLIERS: &[Column] = &[
    col("supplier", "Fournisseur", "Supplier", Text, 26.0),
    col("category", "Catégorie", "Category", Text, 24.0),
    col("critical", "Critique", "Critical", Bool, 8.0),
    col("evaluated", "Évalué le", "Evaluated", Date, 11.0),
    col("score", "Score pondéré", "Weighted score", Number, 10.0),
    col(
        "decision",
        "Décision enregistrée",
        "Recorded decision",
        Text,
        20.0,
    ),
    col(
        "computed",
        "Décision selon les seuils",
        "Decision from thresholds",
        Text,
        20.0,
    ),
    col("due", "Réévaluation due", "Re-evaluation due", Date, 12.0),
    col("overdue", "En retard", "Overdue", Bool, 9.0),
    col(
        "events",
        "Événements (12 mois)",
        "Events (12 months)",
        Number,
        10.0,
    ),
];

const SURVEYS: &[Column] = &[
    col("campaign", "Campagne", "Campaign", Text, 22.0),
    col("population", "Population", "Population", Text, 12.0),
    col("question", "Question", "Question", Text, 40.0),
    col("n", "Réponses", "Answers", Number, 9.0),
    col("top", "Satisfaits", "Satisfied", Number, 9.0),
    col("rate", "Taux de satisfaits", "Satisfied rate", Share, 10.0),
    col("low", "IC 95 % bas", "95% CI low", Share, 10.0),
    col("high", "IC 95 % haut", "95% CI high", Share, 10.0),
];

const FINDINGS: &[Column] = &[
    col("id", "N° constat", "Finding ID", Text, 16.0),
    col("audit", "N° audit", "Audit ID", Text, 14.0),
    col("audit_date", "Date de l'audit", "Audit date", Date, 11.0),
    col("grade", "Cotation", "Grade", Text, 22.0),
    col("clause", "Exigence", "Clause", Text, 10.0),
    col("process", "Processus", "Process", Text, 22.0),
    col("age_days", "Âge (jours)", "Age (days)", Number, 9.0),
    col("actions", "Actions", "Actions", Text, 16.0),
];

fn table(
    key: &'static str,
    fr: &'static str,
    en: &'static str,
    columns: &'static [Column],
    rows: Vec<Value>,
) -> Table {
    Table {
        key,
        sheet_fr: fr,
        sheet_en: en,
        columns,
        rows,
    }
}

fn iso(d: Option<NaiveDate>) -> Value {
    d.map_or(Value::Null, |d| Value::String(d.to_string()))
}

fn num(v: Option<f64>) -> Value {
    v.filter(|v| v.is_finite())
        .map_or(Value::Null, |v| json!(v))
}

fn standing_key(s: Standing) -> &'static str {
    s.key()
}

/// Every computed table of a workspace at `as_of`.
pub fn tables(checked: &Checked, as_of: NaiveDate, lang: Lang) -> Vec<Table> {
    let regs = &checked.registers;
    let all = series_with(regs, &checked.config.indicators.charts);
    let last_full = Month::of(as_of.succ_opt().unwrap_or(as_of)).plus(-1);
    let mut indicators = Vec::new();
    let mut values = Vec::new();
    for s in &all {
        let last = s.values.iter().rev().find(|v| v.month <= last_full);
        let chart = last.and_then(|l| s.control_chart(l.month, 24));
        let by_month: BTreeMap<Month, &crate::analysis::spc::ControlPoint> = chart
            .as_ref()
            .map(|(months, c)| months.iter().copied().zip(c.points.iter()).collect())
            .unwrap_or_default();
        let mk = last.and_then(|l| s.trend(l.month));
        let last_point = last.and_then(|l| by_month.get(&l.month));
        indicators.push(json!({
            "code": s.code,
            "label": s.def.label,
            "process": s.def.process,
            "unit": s.def.unit,
            "direction": s.direction.map(|d| d.label(lang)),
            "target": num(s.target),
            "alert": num(s.alert),
            "chart": match s.chart_kind() { ChartKind::Xmr => "XmR", ChartKind::P => "p", ChartKind::U => "u", ChartKind::C => "c" },
            "last_month": last.map(|l| l.month.to_string()),
            "last_value": num(last.map(|l| l.value)),
            "standing": last.map(|l| standing_key(s.standing_of(l.value))),
            "trend": mk.as_ref().map(|m| match m.trend {
                Trend::Increasing => i18n::text("trend.up", lang),
                Trend::Decreasing => i18n::text("trend.down", lang),
                Trend::NoTrend => i18n::text("trend.flat", lang),
            }),
            "trend_p": num(mk.as_ref().map(|m| m.p)),
            "sen_slope": num(mk.as_ref().map(|m| m.slope)),
            "centre": num(last_point.map(|p| p.centre)),
            "ucl": num(last_point.map(|p| p.ucl)),
            "lcl": num(last_point.map(|p| p.lcl)),
        }));
        for v in &s.values {
            let p = by_month.get(&v.month);
            values.push(json!({
                "code": s.code,
                "month": v.month.to_string(),
                "value": num(Some(v.value)),
                "numerator": num(v.numerator),
                "denominator": num(v.denominator),
                "target": num(s.target),
                "standing": standing_key(s.standing_of(v.value)),
                "centre": num(p.map(|p| p.centre)),
                "ucl": num(p.map(|p| p.ucl)),
                "lcl": num(p.map(|p| p.lcl)),
                "rules": p.filter(|p| !p.rules.is_empty()).map(|p| p.rules.iter().map(|r| r.to_string()).collect::<Vec<_>>().join(",")),
            }));
        }
    }
    let lookup = SeriesLookup::new(&all);
    let objectives = regs
        .objectives
        .iter()
        .map(|o| {
            let s = lookup.objective(o);
            let year = o.year.unwrap_or(last_full.year);
            let at = if year < last_full.year { Month::new(year, 12).expect("valid") } else { last_full };
            let st = s.map(|s| objective_status(s, o, at));
            json!({
                "year": o.year,
                "objective": o.objective,
                "indicator": s.map(|s| s.code.clone()).or(o.indicator.clone()),
                "target": num(st.as_ref().and_then(|t| t.target).or(o.target.map(|t| t.value))),
                "value": num(st.as_ref().and_then(|t| t.ytd)),
                "standing": st.as_ref().map_or("not-assessed", |t| standing_key(t.standing)),
                "projected": num(st.as_ref().and_then(|t| t.projected)),
                "projected_standing": st.as_ref().and_then(|t| t.projected_standing).map(standing_key),
            })
        })
        .collect();
    let origins = Origins::new(regs);
    let actions = regs
        .actions
        .iter()
        .map(|a| {
            let late = is_late(a, as_of);
            let open = is_open(a, as_of);
            json!({
                "id": a.id,
                "origin": a.origin,
                "origin_kind": serde_json::to_value(origins.of(a)).unwrap_or(Value::Null),
                "type": a.kind.map(|k| k.label(lang)),
                "process": a.process,
                "opened": iso(a.opened),
                "due": iso(a.due),
                "done": iso(a.done),
                "status": a.status.map(|s| s.label(lang)),
                "effectiveness": a.effectiveness.map(|e| e.label(lang)),
                "open": open,
                "late": late,
                "days_late": if late { a.due.map(|d| (as_of - d).num_days()) } else { None },
                "age_days": if open { a.opened.map(|o| (as_of - o).num_days()) } else { None },
            })
        })
        .collect();
    // Events by month, from the first event's month to the as-of month.
    let mut months: BTreeMap<Month, [usize; 6]> = BTreeMap::new();
    if let Some(first) = regs.events.iter().filter_map(|e| e.detected).min() {
        let mut m = Month::of(first);
        while m <= Month::of(as_of) {
            months.insert(m, [0; 6]);
            m = m.plus(1);
        }
    }
    for e in &regs.events {
        if let Some(c) = e.detected.and_then(|d| months.get_mut(&Month::of(d))) {
            c[0] += 1;
            if let Some(k) = e.kind {
                let i = match k {
                    EventType::Complaint => 1,
                    EventType::Dysfunction => 2,
                    EventType::AdverseEvent => 3,
                    EventType::NearMiss => 4,
                    EventType::Esr => 5,
                };
                c[i] += 1;
            }
        }
    }
    let events_month = months
        .iter()
        .map(|(m, c)| {
            json!({"month": m.to_string(), "events": c[0], "complaint": c[1], "dysfunction": c[2],
                   "adverse_event": c[3], "near_miss": c[4], "esr": c[5]})
        })
        .collect();
    let from = as_of - Months::new(12);
    let recent: Vec<&crate::registers::Event> = regs
        .events
        .iter()
        .filter(|e| e.detected.is_some_and(|d| d > from && d <= as_of))
        .collect();
    let none = i18n::text("export.none", lang).to_owned();
    let mut events_by = Vec::new();
    for (dimension, key_of) in [
        (
            "process",
            Box::new(|e: &crate::registers::Event| e.process.clone())
                as Box<dyn Fn(&crate::registers::Event) -> Option<String>>,
        ),
        (
            "cause",
            Box::new(move |e: &crate::registers::Event| e.cause.map(|c| c.label(lang).to_owned())),
        ),
        (
            "type",
            Box::new(move |e: &crate::registers::Event| e.kind.map(|k| k.label(lang).to_owned())),
        ),
    ] {
        let counts = crate::analysis::events::count_by(&recent, |e| key_of(e));
        let mut list: Vec<(String, usize)> = counts
            .into_iter()
            .map(|(k, n)| (k.unwrap_or_else(|| none.clone()), n))
            .collect();
        list.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        for (k, n) in list {
            events_by.push(json!({
                "dimension": dimension,
                "key": k,
                "count": n,
                "share": n as f64 / recent.len().max(1) as f64,
            }));
        }
    }
    let suppliers = summaries(regs, &checked.config.suppliers, as_of, from, as_of)
        .iter()
        .map(|s| {
            let last = s.evaluations.last();
            json!({
                "supplier": s.name,
                "category": s.category,
                "critical": s.critical,
                "evaluated": iso(s.last_evaluated),
                "score": num(last.and_then(|e| e.1)),
                "decision": last.and_then(|e| e.2).map(|d| d.label(lang)),
                "computed": last.and_then(|e| e.3).map(|d| d.label(lang)),
                "due": iso(s.due),
                "overdue": s.overdue,
                "events": s.events,
            })
        })
        .collect();
    let surveys = top_two_box(&regs.survey_responses)
        .iter()
        .map(|((campaign, pop, q), b)| {
            json!({
                "campaign": campaign,
                "population": pop.map(|p| p.label(lang)),
                "question": regs.survey_questions.get(*q),
                "n": b.n, "top": b.top, "rate": b.rate, "low": b.low, "high": b.high,
            })
        })
        .collect();
    let by_id = audits::audits_by_id(&regs.audits);
    let mut open: Vec<(Option<NaiveDate>, Value)> = regs
        .findings
        .iter()
        .filter(|f| f.grade.is_some_and(needs_action) && audits::is_open(f, as_of))
        .map(|f| {
            let date = f
                .audit
                .as_ref()
                .and_then(|a| by_id.get(&a.trim().to_lowercase()))
                .and_then(|a| a.date);
            (
                date,
                json!({
                    "id": f.id, "audit": f.audit, "audit_date": iso(date),
                    "grade": f.grade.map(|g| g.label(lang)), "clause": f.clause, "process": f.process,
                    "age_days": date.map(|d| (as_of - d).num_days()),
                    "actions": f.actions.join(", "),
                }),
            )
        })
        .collect();
    open.sort_by_key(|a| a.0);
    vec![
        table(
            "indicators",
            "Indicateurs",
            "Indicators",
            INDICATORS,
            indicators,
        ),
        table(
            "indicator_values",
            "Valeurs mensuelles",
            "Monthly values",
            VALUES,
            values,
        ),
        table(
            "objectives",
            "Objectifs",
            "Objectives",
            OBJECTIVES,
            objectives,
        ),
        table("actions", "Actions", "Actions", ACTIONS, actions),
        table(
            "events_by_month",
            "Événements par mois",
            "Events by month",
            EVENTS_MONTH,
            events_month,
        ),
        table(
            "events_by",
            "Événements 12 mois",
            "Events 12 months",
            EVENTS_BY,
            events_by,
        ),
        table(
            "suppliers",
            "Fournisseurs",
            "Suppliers",
            SUPPLIERS,
            suppliers,
        ),
        table("surveys", "Satisfaction", "Satisfaction", SURVEYS, surveys),
        table(
            "findings_open",
            "Constats ouverts",
            "Open findings",
            FINDINGS,
            open.into_iter().map(|(_, v)| v).collect(),
        ),
    ]
}

/// The JSON document of the tables.
pub fn to_json(tables: &[Table], as_of: NaiveDate, lang: Lang) -> Value {
    let mut t = serde_json::Map::new();
    for table in tables {
        t.insert(table.key.to_owned(), Value::Array(table.rows.clone()));
    }
    json!({
        "schema_version": SCHEMA_VERSION,
        "report": "export",
        "lang": lang.code(),
        "as_of": as_of.to_string(),
        "tables": t,
    })
}

fn excel_date(s: &str) -> Option<ExcelDateTime> {
    let d = NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .ok()
        .or_else(|| NaiveDate::parse_from_str(&format!("{s}-01"), "%Y-%m-%d").ok())?;
    ExcelDateTime::from_ymd(d.year() as u16, d.month() as u8, d.day() as u8).ok()
}

/// Writes the tables as a workbook at `path` (atomically), with charts.
pub fn write_xlsx(
    tables: &[Table],
    path: &Path,
    as_of: NaiveDate,
    lang: Lang,
) -> anyhow::Result<()> {
    let mut wb = Workbook::new();
    let created =
        ExcelDateTime::from_ymd(as_of.year() as u16, as_of.month() as u8, as_of.day() as u8)?
            .and_hms(12, 0, 0)?;
    wb.set_properties(
        &DocProperties::new()
            .set_title(i18n::text("export.title", lang))
            .set_comment(format!("smq {}", env!("CARGO_PKG_VERSION")))
            .set_creation_datetime(&created),
    );
    let header = Format::new()
        .set_bold()
        .set_text_wrap()
        .set_background_color(Color::RGB(0x1f5f8b))
        .set_font_color(Color::White);
    let date_fmt = Format::new().set_num_format(match lang {
        Lang::Fr => "dd/mm/yyyy",
        Lang::En => "yyyy-mm-dd",
    });
    let month_fmt = Format::new().set_num_format("mm/yyyy");
    let share_fmt = Format::new().set_num_format("0.0%");
    let num_fmt = Format::new().set_num_format("#,##0.###");
    let fills = [
        ("met", Color::RGB(0xc8e6c9)),
        ("alert", Color::RGB(0xffe0b2)),
        ("missed", Color::RGB(0xffcdd2)),
    ];
    let yes = i18n::text("export.yes", lang);
    let no = i18n::text("export.no", lang);
    for t in tables {
        let ws = wb.add_worksheet();
        ws.set_name(t.sheet(lang))?;
        for (c, column) in t.columns.iter().enumerate() {
            let c = c as u16;
            ws.set_column_width(c, column.width)?;
            ws.write_string_with_format(
                0,
                c,
                match lang {
                    Lang::Fr => column.fr,
                    Lang::En => column.en,
                },
                &header,
            )?;
        }
        ws.set_row_height(0, 30)?;
        ws.set_freeze_panes(1, 0)?;
        for (r, row) in t.rows.iter().enumerate() {
            let r = r as u32 + 1;
            for (c, column) in t.columns.iter().enumerate() {
                let c = c as u16;
                let v = &row[column.key];
                match (column.kind, v) {
                    (_, Value::Null) => {}
                    (Date, Value::String(s)) => match excel_date(s) {
                        Some(d) => {
                            ws.write_datetime_with_format(r, c, &d, &date_fmt)?;
                        }
                        None => {
                            ws.write_string(r, c, s)?;
                        }
                    },
                    (Month, Value::String(s)) => match excel_date(s) {
                        Some(d) => {
                            ws.write_datetime_with_format(r, c, &d, &month_fmt)?;
                        }
                        None => {
                            ws.write_string(r, c, s)?;
                        }
                    },
                    (Share, Value::Number(n)) => {
                        ws.write_number_with_format(
                            r,
                            c,
                            n.as_f64().unwrap_or_default(),
                            &share_fmt,
                        )?;
                    }
                    (_, Value::Number(n)) => {
                        ws.write_number_with_format(
                            r,
                            c,
                            n.as_f64().unwrap_or_default(),
                            &num_fmt,
                        )?;
                    }
                    (Standing, Value::String(s)) => {
                        ws.write_string(r, c, i18n::text(&format!("export.standing-{s}"), lang))?;
                    }
                    (_, Value::Bool(b)) => {
                        ws.write_string(r, c, if *b { yes } else { no })?;
                    }
                    (_, Value::String(s)) => {
                        ws.write_string(r, c, s)?;
                    }
                    (_, other) => {
                        ws.write_string(r, c, other.to_string())?;
                    }
                }
            }
        }
        let last_row = t.rows.len() as u32;
        let last_col = t.columns.len() as u16 - 1;
        ws.autofilter(0, 0, last_row.max(1), last_col)?;
        for (c, column) in t.columns.iter().enumerate() {
            if column.kind != Standing || t.rows.is_empty() {
                continue;
            }
            for (key, color) in fills {
                let cf = ConditionalFormatText::new()
                    .set_rule(ConditionalFormatTextRule::Contains(
                        i18n::text(&format!("export.standing-{key}"), lang).to_owned(),
                    ))
                    .set_format(Format::new().set_background_color(color));
                ws.add_conditional_format(1, c as u16, last_row, c as u16, &cf)?;
            }
        }
    }
    // Charts: one line chart per indicator (values and target), and the
    // events per month.
    let values = tables.iter().find(|t| t.key == "indicator_values");
    let indicators = tables.iter().find(|t| t.key == "indicators");
    let events = tables.iter().find(|t| t.key == "events_by_month");
    let chart_sheet = i18n::text("export.charts-sheet", lang);
    let mut charts: Vec<Chart> = Vec::new();
    if let (Some(values), Some(indicators)) = (values, indicators) {
        let sheet = values.sheet(lang);
        let col_of = |key: &str| {
            values
                .columns
                .iter()
                .position(|c| c.key == key)
                .expect("column") as u16
        };
        let (mc, vc, tc) = (col_of("month"), col_of("value"), col_of("target"));
        let mut start = 0usize;
        while start < values.rows.len() {
            let code = values.rows[start]["code"].clone();
            let mut end = start;
            while end + 1 < values.rows.len() && values.rows[end + 1]["code"] == code {
                end += 1;
            }
            let (r0, r1) = (start as u32 + 1, end as u32 + 1);
            let label = indicators
                .rows
                .iter()
                .find(|r| r["code"] == code)
                .and_then(|r| r["label"].as_str())
                .unwrap_or_default();
            let mut chart = Chart::new(ChartType::Line);
            let title = format!("{} — {label}", code.as_str().unwrap_or_default());
            chart
                .title()
                .set_name(&title)
                .set_font(ChartFont::new().set_size(10).set_bold());
            chart
                .add_series()
                .set_name(i18n::text("export.value", lang))
                .set_categories((sheet, r0, mc, r1, mc))
                .set_values((sheet, r0, vc, r1, vc));
            if values.rows[start]["target"] != Value::Null {
                chart
                    .add_series()
                    .set_name(i18n::text("export.target", lang))
                    .set_categories((sheet, r0, mc, r1, mc))
                    .set_values((sheet, r0, tc, r1, tc));
            }
            chart.x_axis().set_num_format("mm/yyyy");
            chart.set_width(560).set_height(260);
            charts.push(chart);
            start = end + 1;
        }
    }
    if let Some(events) = events
        && !events.rows.is_empty()
    {
        let sheet = events.sheet(lang);
        let n = events.rows.len() as u32;
        let mut chart = Chart::new(ChartType::Column);
        chart
            .title()
            .set_name(i18n::text("export.events-chart", lang));
        chart
            .add_series()
            .set_name(i18n::text("export.events", lang))
            .set_categories((sheet, 1, 0, n, 0))
            .set_values((sheet, 1, 1, n, 1));
        chart.x_axis().set_num_format("mm/yyyy");
        chart.set_width(1140).set_height(300);
        charts.insert(0, chart);
    }
    if !charts.is_empty() {
        let ws = wb.add_worksheet();
        ws.set_name(chart_sheet)?;
        let mut row = 0u32;
        for (i, chart) in charts.iter().enumerate() {
            if i == 0 && events.is_some_and(|e| !e.rows.is_empty()) {
                ws.insert_chart(row, 0, chart)?;
                row += 16;
                continue;
            }
            let k = if events.is_some_and(|e| !e.rows.is_empty()) {
                i - 1
            } else {
                i
            };
            let (r, c) = (row + (k / 2) as u32 * 14, if k % 2 == 0 { 0 } else { 9 });
            ws.insert_chart(r, c, chart)?;
        }
    }
    let bytes = wb.save_to_buffer()?;
    crate::output::write_atomic(path, &bytes)?;
    Ok(())
}
