//! The management review's model (ISO 9001 §9.3): a summary page, one
//! section per §9.3.2 input with figures, charts and the previous period for
//! comparison, the opportunities for improvement proposed from the data, the
//! §9.3.3 outputs, the cross-reference to decision 2019-DC-0660 and the
//! appendix. Serialised to JSON for `review.typ` (and `--data-out`).

mod inputs;
mod performance;

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::Serialize;

use super::capped::{Capped, ROWS, SUMMARY_LINES};
use super::charts::{self, LegendItem, Tick, XAxis, YAxis};
use super::common::{Appendix, DocumentControl, labels};
use super::format;
use super::indicators::{BarItem, BarSpec, fill};
use crate::analysis::review::{InputGap, Period, gaps};
use crate::i18n::{self, Lang};
use crate::pipeline::Checked;
use crate::registers::RegisterKind;

/// Version of the review data model (see `docs/data-model.md`).
pub const SCHEMA_VERSION: u32 = 2;

/// Blank rows of the §9.3.3 outputs table, for the meeting to fill in.
pub const BLANK_OUTPUT_ROWS: usize = 4;

#[derive(Debug, Serialize)]
pub struct ReviewReport {
    pub schema_version: u32,
    pub report: &'static str,
    pub lang: &'static str,
    pub labels: BTreeMap<String, String>,
    pub document: DocumentControl,
    pub period: PeriodInfo,
    pub summary: Summary,
    pub previous_actions: ActionsSection,
    pub issues: inputs::IssuesSection,
    pub satisfaction: inputs::SatisfactionSection,
    pub objectives: performance::ObjectivesSection,
    pub performance: performance::PerformanceSection,
    pub nonconformities: performance::NonconformitySection,
    pub audits: inputs::AuditsSection,
    pub providers: inputs::ProvidersSection,
    pub resources: inputs::ResourcesSection,
    pub risks: ActionsSection,
    pub improvement: ImprovementSection,
    pub outputs: OutputsSection,
    pub asn: Vec<AsnRow>,
    pub appendix: Appendix,
}

#[derive(Debug, Serialize)]
pub struct PeriodInfo {
    pub from: String,
    pub to: String,
    pub label: String,
    pub previous_label: String,
    /// Column header for the period's figures ("2025") and the previous ("2024").
    pub short: String,
    pub previous_short: String,
}

/// What every section starts with.
#[derive(Debug, Serialize)]
pub struct SectionHead {
    pub number: u8,
    pub key: &'static str,
    pub title: String,
    /// The clause it answers (`§ 9.3.2 c) 4)`).
    pub clause: String,
    /// Registers it was computed from, with their files.
    pub sources: Vec<String>,
    /// Inputs missing or empty for the period, as sentences.
    pub missing: Vec<String>,
    /// The management's commentary for the section, as plain text.
    pub comment: Option<String>,
}

#[derive(Debug, Serialize)]
pub struct Summary {
    /// The few things that changed most.
    pub changes: Vec<String>,
    pub objectives_missed: Vec<String>,
    pub late_actions: String,
    pub trends: Vec<String>,
    pub findings_open: String,
    /// What the review must decide.
    pub decisions: Vec<String>,
    /// Inputs missing or empty, by section.
    pub missing: Vec<String>,
    /// Key figures: (label, period, previous).
    pub figures: Vec<FigureRow>,
    /// The management's commentary on the whole review.
    pub comment: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct FigureRow {
    pub label: String,
    pub current: String,
    pub previous: String,
    /// Relative change, signed, or empty.
    pub change: String,
    /// `good`, `bad` or `neutral` for the change.
    pub tone: &'static str,
    /// The test's p-value when one applies.
    pub p: String,
}

/// An action in a table of the review.
#[derive(Debug, Clone, Serialize)]
pub struct ActionRow {
    pub id: String,
    pub origin: String,
    pub description: String,
    pub process: String,
    pub opened: String,
    pub due: String,
    pub status: String,
    /// Days late at the end of the period, or empty.
    pub late: String,
    pub effectiveness: String,
    /// `good`, `bad`, `neutral`: colour of the status cell.
    pub tone: &'static str,
}

/// Sections made of a set of actions: (a) previous reviews, (e) risks.
#[derive(Debug, Serialize)]
pub struct ActionsSection {
    pub head: SectionHead,
    pub lines: Vec<String>,
    pub rows: Capped<ActionRow>,
}

#[derive(Debug, Serialize)]
pub struct ImprovementSection {
    pub head: SectionHead,
    pub rows: Capped<ImprovementRow>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ImprovementRow {
    /// The section the proposal comes from.
    pub section: String,
    pub text: String,
}

#[derive(Debug, Serialize)]
pub struct OutputsSection {
    pub head: SectionHead,
    pub rows: Capped<OutputRow>,
    pub blank_rows: usize,
}

#[derive(Debug, Serialize)]
pub struct OutputRow {
    pub id: String,
    pub decision: String,
    pub nature: String,
    pub process: String,
    pub due: String,
}

#[derive(Debug, Serialize)]
pub struct AsnRow {
    pub article: String,
    pub subject: String,
    pub sections: String,
    pub evidence: String,
}

/// What section builders share.
pub(crate) struct Ctx<'a> {
    pub checked: &'a Checked,
    pub period: Period,
    pub previous: Period,
    pub as_of: NaiveDate,
    pub lang: Lang,
    pub gaps: Vec<InputGap>,
    pub comments: BTreeMap<u8, String>,
    /// Every indicator's series, built once for all the sections.
    pub series: Vec<crate::analysis::indicators::Series<'a>>,
}

impl Ctx<'_> {
    pub fn t(&self, key: &str) -> String {
        i18n::text(key, self.lang).to_owned()
    }

    pub fn fill(&self, key: &str, args: &[(&str, String)]) -> String {
        fill(key, self.lang, args)
    }

    pub fn date(&self, d: Option<NaiveDate>) -> String {
        d.map_or_else(String::new, |d| format::date(d, self.lang))
    }

    /// A count as printed (`1 044`).
    pub fn count(&self, n: usize) -> String {
        format::count(n, self.lang)
    }

    /// A number of days as printed (`1 517 j`).
    pub fn days(&self, n: i64) -> String {
        self.fill("rev.days", &[("n", format::int(n, self.lang))])
    }

    /// The head of a section.
    pub fn head(&self, number: u8, key: &'static str, kinds: &[RegisterKind]) -> SectionHead {
        let regs = &self.checked.registers;
        let mut sources = Vec::new();
        for k in kinds {
            let files: Vec<&str> = regs
                .sources
                .get(k)
                .map(|v| v.iter().map(|s| s.file.as_str()).collect())
                .unwrap_or_default();
            let mut files = files;
            files.dedup();
            if files.is_empty() {
                continue;
            }
            sources.push(format!("{} ({})", k.label(self.lang), files.join(", ")));
        }
        sources.dedup();
        let missing = self
            .gaps
            .iter()
            .filter(|g| g.input.key() == key)
            .map(|g| gap_text(g, self.lang))
            .collect();
        SectionHead {
            number,
            key,
            title: self.t(&format!("rev.s-{key}")),
            clause: self.t(&format!("rev.clause-{key}")),
            sources,
            missing,
            comment: self.comments.get(&number).cloned(),
        }
    }

    /// Relative change of two counts, signed (`+12 %`), empty without a base.
    pub fn change_text(&self, current: f64, previous: f64) -> String {
        if previous == 0.0 {
            return String::new();
        }
        let c = (current / previous - 1.0) * 100.0;
        let sign = if c > 0.0 { "+" } else { "" };
        format!("{sign}{}", format::percent(c, 0, self.lang))
    }

    /// The period's column header (`2025`).
    pub fn period_short(&self) -> String {
        short_label(&self.period, self.lang)
    }

    /// The previous period's column header (`2024`).
    pub fn previous_short(&self) -> String {
        short_label(&self.previous, self.lang)
    }

    pub fn p_text(&self, p: f64) -> String {
        if p < 0.001 {
            format!("p < {}", format::number(0.001, 3, self.lang))
        } else {
            format!(
                "p = {}",
                format::number(p, if p < 0.01 { 3 } else { 2 }, self.lang)
            )
        }
    }
}

/// One sentence naming an incomplete input.
pub fn gap_text(g: &InputGap, lang: Lang) -> String {
    fill(
        g.gap.key(),
        lang,
        &[("register", g.register.label(lang).to_owned())],
    )
}

/// A bar chart spec from (label, value) pairs, largest first.
pub(crate) fn bars(items: Vec<(String, usize)>, limit: usize, lang: Lang) -> BarSpec {
    let mut items = items;
    items.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    items.truncate(limit);
    let max = items.first().map_or(1, |i| i.1.max(1)) as f64;
    BarSpec {
        items: items
            .into_iter()
            .map(|(label, n)| BarItem {
                label,
                value: n as f64,
                text: format::count(n, lang),
            })
            .collect(),
        max,
    }
}

/// A Pareto chart's spec.
#[derive(Debug, Serialize)]
pub struct ParetoSpec {
    pub items: Vec<ParetoBar>,
    pub y: YAxis,
    pub cumulative: Vec<f64>,
    pub right_ticks: Vec<Tick>,
    pub legend: Vec<LegendItem>,
}

#[derive(Debug, Serialize)]
pub struct ParetoBar {
    pub label: String,
    pub value: f64,
}

/// Bars of a Pareto chart at most; the rest are grouped as "others", last.
pub const PARETO_BARS: usize = 8;

pub(crate) fn pareto_spec(counts: &BTreeMap<String, usize>, lang: Lang) -> ParetoSpec {
    let mut items = crate::analysis::events::pareto(counts);
    if items.len() > PARETO_BARS {
        let rest: Vec<_> = items.split_off(PARETO_BARS - 1);
        items.push(crate::analysis::events::ParetoItem {
            key: i18n::text("rev.others", lang).to_owned(),
            count: rest.iter().map(|i| i.count).sum(),
            cumulative: 100.0,
        });
    }
    let max = items.iter().map(|i| i.count).max().unwrap_or(1) as f64;
    ParetoSpec {
        y: charts::y_axis([0.0, max], true, None, lang),
        cumulative: items.iter().map(|i| i.cumulative).collect(),
        items: items
            .iter()
            .map(|i| ParetoBar {
                label: i.key.clone(),
                value: i.count as f64,
            })
            .collect(),
        right_ticks: [0.0, 50.0, 80.0, 100.0]
            .iter()
            .map(|v| Tick {
                value: *v,
                label: format::percent(*v, 0, lang),
            })
            .collect(),
        legend: vec![
            charts::legend("bar", charts::Role::Accent, "rev.legend-count", lang),
            charts::legend("line", charts::Role::Missed, "rev.legend-cumulative", lang),
        ],
    }
}

/// A column chart: one bar per month, the previous period as a line.
#[derive(Debug, Serialize)]
pub struct ColumnSpec {
    pub y: YAxis,
    pub x: XAxis,
    pub values: Vec<f64>,
    pub previous: Option<Vec<Option<f64>>>,
    pub legend: Vec<LegendItem>,
}

/// The management's commentary for each section (0 = summary) of the
/// review of `period`: rows whose year is empty or one of the period's
/// years, in register order, joined by blank lines. Rows naming no section
/// are left out (`smq check` reports them).
pub fn comments(checked: &Checked, period: &Period) -> BTreeMap<u8, String> {
    use chrono::Datelike;
    let (y0, y1) = (period.from.year(), period.to.year());
    let mut out: BTreeMap<u8, String> = BTreeMap::new();
    for c in &checked.registers.comments {
        if c.year.is_some_and(|y| y < y0 || y > y1) {
            continue;
        }
        let (Some(section), Some(text)) = (&c.section, &c.text) else {
            continue;
        };
        let Some(n) = crate::analysis::review::section_of(section) else {
            continue;
        };
        let e = out.entry(n).or_default();
        if !e.is_empty() {
            e.push_str("\n\n");
        }
        e.push_str(text.trim());
    }
    out
}

/// Builds the review of `period`.
pub fn build(
    checked: &Checked,
    period: Period,
    as_of: NaiveDate,
    lang: Lang,
    comments: BTreeMap<u8, String>,
) -> std::io::Result<ReviewReport> {
    let previous = period.previous();
    let ctx = Ctx {
        checked,
        period,
        previous,
        as_of,
        lang,
        gaps: gaps(&checked.registers, &period),
        comments,
        series: crate::analysis::indicators::series_with(
            &checked.registers,
            &checked.config.indicators.charts,
        ),
    };
    let period_info = period_info(&period, &previous, lang);
    let previous_actions = inputs::previous_actions(&ctx);
    let issues = inputs::issues(&ctx);
    let satisfaction = inputs::satisfaction(&ctx);
    let objectives = performance::objectives(&ctx);
    let performance = performance::performance(&ctx);
    let nonconformities = performance::nonconformities(&ctx);
    let audits = inputs::audits(&ctx);
    let providers = inputs::providers(&ctx);
    let resources = inputs::resources(&ctx);
    let risks = inputs::risks(&ctx);
    let proposals = improvement_rows(
        &ctx,
        &satisfaction,
        &objectives,
        &performance,
        &nonconformities,
        &audits,
        &providers,
        &resources,
    );
    let improvement = ImprovementSection {
        head: ctx.head(11, "f", &[]),
        rows: Capped::cut(proposals, ROWS, lang),
    };
    let outputs = inputs::outputs(&ctx);
    let summary = summary(
        &ctx,
        &previous_actions,
        &objectives,
        &performance,
        &nonconformities,
        &audits,
        &providers,
        &satisfaction,
        &improvement,
    );
    let asn = asn_rows(
        &ctx,
        &nonconformities,
        &resources,
        &satisfaction,
        &performance,
    );
    let title = ctx.t("rev.title");
    let (ref_period, subtitle) = match period.calendar_year() {
        Some(y) => (
            y.to_string(),
            ctx.fill("rev.subtitle-year", &[("year", y.to_string())]),
        ),
        None => (
            format!("{}_{}", period.from, period.to),
            ctx.fill(
                "rev.subtitle-range",
                &[
                    ("from", format::date(period.from, lang)),
                    ("to", format::date(period.to, lang)),
                ],
            ),
        ),
    };
    let document = DocumentControl::new(
        &checked.config,
        title,
        subtitle,
        "RDD",
        &ref_period,
        as_of,
        lang,
    );
    Ok(ReviewReport {
        schema_version: SCHEMA_VERSION,
        report: "review",
        lang: lang.code(),
        labels: labels(&["report.", "rev."], lang),
        document,
        period: period_info,
        summary,
        previous_actions,
        issues,
        satisfaction,
        objectives,
        performance,
        nonconformities,
        audits,
        providers,
        resources,
        risks,
        improvement,
        outputs,
        asn,
        appendix: Appendix::new(checked, as_of, lang),
    })
}

/// Lines of the one-page summary: the first few, then how many more are in
/// their section.
fn summary_list(ctx: &Ctx, lines: &[String], section: u8) -> Vec<String> {
    let mut out: Vec<String> = lines.iter().take(SUMMARY_LINES).cloned().collect();
    if lines.len() > SUMMARY_LINES {
        out.push(ctx.fill(
            "rev.summary-more",
            &[
                ("n", ctx.count(lines.len() - SUMMARY_LINES)),
                ("section", section.to_string()),
            ],
        ));
    }
    out
}

/// A period as a column header: `2025`, or `au 30/06/2025`.
fn short_label(p: &Period, lang: Lang) -> String {
    match p.calendar_year() {
        Some(y) => y.to_string(),
        None => fill("rev.period-to", lang, &[("to", format::date(p.to, lang))]),
    }
}

fn period_info(p: &Period, prev: &Period, lang: Lang) -> PeriodInfo {
    let label = |p: &Period| match p.calendar_year() {
        Some(y) => y.to_string(),
        None => format!(
            "{} – {}",
            format::date(p.from, lang),
            format::date(p.to, lang)
        ),
    };
    let short = |p: &Period| short_label(p, lang);
    PeriodInfo {
        from: format::date(p.from, lang),
        to: format::date(p.to, lang),
        label: label(p),
        previous_label: label(prev),
        short: short(p),
        previous_short: short(prev),
    }
}

#[allow(clippy::too_many_arguments)]
fn improvement_rows(
    ctx: &Ctx,
    satisfaction: &inputs::SatisfactionSection,
    objectives: &performance::ObjectivesSection,
    performance: &performance::PerformanceSection,
    nonconformities: &performance::NonconformitySection,
    audits: &inputs::AuditsSection,
    providers: &inputs::ProvidersSection,
    resources: &inputs::ResourcesSection,
) -> Vec<ImprovementRow> {
    let mut rows = Vec::new();
    let mut push = |number: u8, key: &str, texts: &[String]| {
        for t in texts {
            rows.push(ImprovementRow {
                section: format!("{number}. {}", ctx.t(&format!("rev.s-{key}"))),
                text: t.clone(),
            });
        }
    };
    push(3, "c1", &satisfaction.proposals);
    push(4, "c2", &objectives.proposals);
    push(5, "c3", &performance.proposals);
    push(6, "c4", &nonconformities.proposals);
    push(7, "c6", &audits.proposals);
    push(8, "c7", &providers.proposals);
    push(9, "d", &resources.proposals);
    rows
}

#[allow(clippy::too_many_arguments)]
fn summary(
    ctx: &Ctx,
    previous_actions: &ActionsSection,
    objectives: &performance::ObjectivesSection,
    performance: &performance::PerformanceSection,
    nonconformities: &performance::NonconformitySection,
    audits: &inputs::AuditsSection,
    providers: &inputs::ProvidersSection,
    satisfaction: &inputs::SatisfactionSection,
    improvement: &ImprovementSection,
) -> Summary {
    // The changes: every significant change the sections found, most
    // significant first, at most six.
    let mut changes: Vec<(f64, String)> = Vec::new();
    changes.extend(nonconformities.changes.iter().cloned());
    changes.extend(satisfaction.changes.iter().cloned());
    changes.extend(performance.changes.iter().cloned());
    changes.sort_by(|a, b| a.0.total_cmp(&b.0).then_with(|| a.1.cmp(&b.1)));
    changes.truncate(6);
    let mut decisions = Vec::new();
    if !objectives.missed.is_empty() {
        decisions.push(ctx.fill(
            "rev.decide-objectives-missed",
            &[("n", ctx.count(objectives.missed.len()))],
        ));
    }
    if let Some(y) = ctx.period.calendar_year() {
        decisions.push(ctx.fill(
            "rev.decide-objectives-next",
            &[("year", (y + 1).to_string())],
        ));
    }
    if nonconformities.late_count > 0 {
        decisions.push(ctx.fill(
            "rev.decide-late-actions",
            &[("n", ctx.count(nonconformities.late_count))],
        ));
    }
    if audits.open_count > 0 {
        decisions.push(ctx.fill(
            "rev.decide-open-findings",
            &[("n", ctx.count(audits.open_count))],
        ));
    }
    if providers.overdue_count > 0 {
        decisions.push(ctx.fill(
            "rev.decide-suppliers",
            &[("n", ctx.count(providers.overdue_count))],
        ));
    }
    if !improvement.rows.is_empty() {
        decisions.push(ctx.fill(
            "rev.decide-opportunities",
            &[("n", ctx.count(improvement.rows.total()))],
        ));
    }
    decisions.push(ctx.t("rev.decide-resources"));
    let missing = ctx
        .gaps
        .iter()
        .map(|g| {
            format!(
                "{}. {}{}{}",
                g.input.section(),
                ctx.t(&format!("rev.s-{}", g.input.key())),
                i18n::colon(ctx.lang),
                gap_text(g, ctx.lang)
            )
        })
        .collect();
    let mut figures = Vec::new();
    figures.extend(nonconformities.figures.iter().cloned());
    figures.extend(previous_actions_figure(ctx, previous_actions));
    figures.extend(objectives.figures.iter().cloned());
    figures.extend(audits.figures.iter().cloned());
    Summary {
        changes: changes.into_iter().map(|(_, s)| s).collect(),
        objectives_missed: summary_list(ctx, &objectives.missed, objectives.head.number),
        late_actions: ctx.fill(
            "rev.summary-late",
            &[
                ("n", ctx.count(nonconformities.late_count)),
                ("date", format::date(ctx.period.to, ctx.lang)),
            ],
        ),
        trends: summary_list(ctx, &performance.trend_lines, performance.head.number),
        findings_open: ctx.fill(
            "rev.summary-findings-open",
            &[("n", ctx.count(audits.open_count))],
        ),
        decisions,
        missing,
        figures,
        comment: ctx.comments.get(&0).cloned(),
    }
}

fn previous_actions_figure(ctx: &Ctx, s: &ActionsSection) -> Option<FigureRow> {
    (!s.rows.is_empty()).then(|| FigureRow {
        label: ctx.t("rev.fig-review-actions"),
        current: ctx.count(s.rows.total()),
        previous: String::new(),
        change: String::new(),
        tone: "neutral",
        p: String::new(),
    })
}

fn asn_rows(
    ctx: &Ctx,
    nc: &performance::NonconformitySection,
    resources: &inputs::ResourcesSection,
    satisfaction: &inputs::SatisfactionSection,
    performance: &performance::PerformanceSection,
) -> Vec<AsnRow> {
    let regs = &ctx.checked.registers;
    let row = |article: &str, key: &str, sections: &str, evidence: String| AsnRow {
        article: article.to_owned(),
        subject: ctx.t(&format!("rev.asn-{key}")),
        sections: sections.to_owned(),
        evidence,
    };
    let origins = crate::analysis::review::Origins::new(regs);
    let risk_actions = regs
        .actions
        .iter()
        .filter(|a| {
            matches!(
                origins.of(a),
                crate::analysis::actions::Origin::Risk
                    | crate::analysis::actions::Origin::Opportunity
            )
        })
        .count();
    vec![
        row(
            "3",
            "3",
            "0–12",
            ctx.fill(
                "rev.asn-ev-3",
                &[(
                    "n",
                    RegisterKind::ALL
                        .iter()
                        .filter(|k| regs.found(**k))
                        .count()
                        .to_string(),
                )],
            ),
        ),
        row(
            "4",
            "4",
            "2, 10",
            ctx.fill(
                "rev.asn-ev-4",
                &[
                    ("parties", ctx.count(regs.parties.len())),
                    ("actions", ctx.count(risk_actions)),
                ],
            ),
        ),
        row(
            "5",
            "5",
            "1, 4, 5, 7, 11, 12",
            ctx.fill(
                "rev.asn-ev-5",
                &[("indicators", ctx.count(performance.indicator_count))],
            ),
        ),
        row("6", "6", "5, 6", ctx.t("rev.asn-ev-6")),
        row("7", "7", "5, 6, 8", ctx.t("rev.asn-ev-7")),
        row(
            "8",
            "8",
            "3",
            ctx.fill(
                "rev.asn-ev-8",
                &[("n", ctx.count(satisfaction.respondents))],
            ),
        ),
        row(
            "9",
            "9",
            "9",
            ctx.fill(
                "rev.asn-ev-9",
                &[
                    ("records", ctx.count(resources.training_records)),
                    ("overdue", ctx.count(resources.training_overdue)),
                ],
            ),
        ),
        row(
            "10",
            "10",
            "6, 11",
            ctx.fill(
                "rev.asn-ev-10",
                &[
                    ("events", ctx.count(nc.total)),
                    ("systemic", ctx.count(nc.systemic_total)),
                    ("esr", ctx.count(nc.esr)),
                ],
            ),
        ),
    ]
}
