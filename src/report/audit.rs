//! The audit evidence pack's model: the evidence matrix of the standard(s)
//! the audit walks, previous findings, open and late actions, the last
//! twelve months of events, objectives and indicators, suppliers due,
//! documents, regulatory watch and training to follow up, a reproducible
//! sample of records for the auditor's trails, and the appendix. People are
//! pseudonymised and free text masked unless told otherwise. Serialised for
//! `audit.typ` (and `--data-out`).

use std::collections::BTreeMap;

use chrono::{Months, NaiveDate};
use serde::Serialize;

use super::capped::{AUDIT_ROWS, Capped};
use super::common::{Appendix, DocumentControl, labels};
use super::format;
use super::indicators::{HeatmapSpec, fill, standing_key, standing_label, value_text};
use super::pseudonym::{Pseudonymizer, names_of, pseudonymise, workspace_key};
use crate::analysis::actions::{is_late, is_open};
use crate::analysis::audits::{self, recurring};
use crate::analysis::evidence::{Assessment, Standard, Status, assess, window};
use crate::analysis::indicators::{SeriesLookup, objective_status, series_with};
use crate::analysis::resources::{TrainingState, latest_records, past_review, training_state};
use crate::analysis::sample::pick;
use crate::analysis::status::Standing;
use crate::analysis::suppliers::summaries;
use crate::i18n::{self, Lang};
use crate::input::parse::Month;
use crate::input::text::fold;
use crate::pipeline::Checked;
use crate::registers::vocab::{Applicability, AuditKind, DocStatus, EventType, Grade};
use crate::registers::{
    ActionField, DocumentField, EventField, FieldRef, FindingField, RegisterKind, Registers,
    RowRef, SupplierEvaluationField, TrainingField, WatchItemField,
};

/// Version of the audit pack data model (see `docs/data-model.md`).
pub const SCHEMA_VERSION: u32 = 2;

/// Records per register in the sample, unless configured.
pub const DEFAULT_SAMPLE: usize = 5;

/// What the pack is asked for.
#[derive(Debug, Clone)]
pub struct AuditRequest {
    pub kind: AuditKind,
    pub date: NaiveDate,
    /// Processes the audit covers (empty: all).
    pub scope: Vec<String>,
    pub seed: u64,
    pub pseudonymize: bool,
}

#[derive(Debug, Serialize)]
pub struct AuditPack {
    pub schema_version: u32,
    pub report: &'static str,
    pub lang: &'static str,
    pub labels: BTreeMap<String, String>,
    pub document: DocumentControl,
    pub audit: AuditInfo,
    pub summary: Vec<String>,
    /// What to complete before the audit: items missing or overdue.
    pub to_fix: Vec<String>,
    pub matrices: Vec<Matrix>,
    pub findings: Capped<FindingRow>,
    pub actions: ActionsBlock,
    pub events: EventsBlock,
    pub indicators: Capped<IndicatorRow>,
    pub objectives: Capped<ObjectiveRow>,
    pub suppliers: Capped<SupplierRow>,
    pub documents_past: Capped<DocRow>,
    pub documents_in_force: Capped<DocRow>,
    pub watch: Capped<WatchRow>,
    pub training: Capped<TrainingRow>,
    pub sample: SampleBlock,
    pub appendix: Appendix,
}

#[derive(Debug, Serialize)]
pub struct AuditInfo {
    pub kind: &'static str,
    pub kind_label: String,
    pub date: String,
    pub window: String,
    pub scope: String,
    pub standards: Vec<String>,
    pub auditor: Option<String>,
    pub audit_id: Option<String>,
    pub pseudonymised: bool,
    pub notice: String,
}

#[derive(Debug, Serialize)]
pub struct Matrix {
    pub standard: String,
    pub counts: Vec<StatusCount>,
    pub rows: Capped<MatrixRow>,
}

#[derive(Debug, Serialize)]
pub struct StatusCount {
    pub status: &'static str,
    pub label: String,
    pub count: String,
}

#[derive(Debug, Serialize)]
pub struct MatrixRow {
    pub id: String,
    pub title: String,
    pub summary: String,
    pub sources: String,
    pub recent: String,
    pub last: String,
    pub status: &'static str,
    pub status_label: String,
    pub reason: String,
}

#[derive(Debug, Serialize)]
pub struct FindingRow {
    pub id: String,
    pub audit: String,
    pub audit_date: String,
    pub grade: String,
    /// 0 major, 1 minor, 2 observation, 3 improvement track.
    pub rank: u8,
    pub clause: String,
    pub process: String,
    pub description: String,
    pub actions: String,
    pub status: String,
    pub age: String,
    pub effectiveness: String,
    pub recurring: bool,
}

#[derive(Debug, Serialize)]
pub struct ActionsBlock {
    pub lines: Vec<String>,
    pub late: Capped<ActionRow>,
}

#[derive(Debug, Serialize)]
pub struct ActionRow {
    pub id: String,
    pub origin: String,
    pub description: String,
    pub owner: String,
    pub due: String,
    pub late: String,
}

#[derive(Debug, Serialize)]
pub struct EventsBlock {
    pub lines: Vec<String>,
    /// `[label, count]`, most frequent first.
    pub by_type: Vec<(String, String)>,
    pub heatmap: HeatmapSpec,
    pub esr: Capped<EsrRow>,
}

#[derive(Debug, Serialize)]
pub struct EsrRow {
    pub id: String,
    pub date: String,
    pub declared_on: String,
    pub process: String,
    pub status: String,
}

#[derive(Debug, Serialize)]
pub struct IndicatorRow {
    pub code: String,
    pub label: String,
    pub process: String,
    pub month: String,
    pub value: String,
    pub standing: &'static str,
    pub standing_label: String,
}

#[derive(Debug, Serialize)]
pub struct ObjectiveRow {
    pub objective: String,
    pub target: String,
    pub value: String,
    pub standing: &'static str,
    pub standing_label: String,
}

#[derive(Debug, Serialize)]
pub struct SupplierRow {
    pub name: String,
    pub category: String,
    pub last: String,
    pub due: String,
    pub overdue: bool,
}

#[derive(Debug, Serialize)]
pub struct DocRow {
    pub reference: String,
    pub title: String,
    pub version: String,
    pub effective: String,
    pub next_review: String,
}

#[derive(Debug, Serialize)]
pub struct WatchRow {
    pub reference: String,
    pub title: String,
    pub published: String,
}

#[derive(Debug, Serialize)]
pub struct TrainingRow {
    pub person: String,
    pub role: String,
    pub training: String,
    pub valid_until: String,
}

#[derive(Debug, Serialize)]
pub struct SampleBlock {
    pub seed: String,
    pub size: usize,
    /// How the sample was drawn, with its seed and size.
    pub intro: String,
    pub groups: Vec<SampleGroup>,
}

#[derive(Debug, Serialize)]
pub struct SampleGroup {
    pub register: String,
    pub population: usize,
    /// The population as a sentence ("1 250 enregistrement(s) éligible(s)").
    pub caption: String,
    pub rows: Capped<SampleRow>,
}

#[derive(Debug, Serialize)]
pub struct SampleRow {
    /// `REX-2025.xlsx › Événements › A14`: where to open the workbook.
    pub cell: String,
    pub id: String,
    pub date: String,
    pub text: String,
}

/// The command-line name of an audit kind.
pub fn kind_key(kind: AuditKind) -> &'static str {
    match kind {
        AuditKind::Internal => "internal",
        AuditKind::Cross => "cross",
        AuditKind::Certification => "certification",
        AuditKind::Surveillance => "surveillance",
        AuditKind::Renewal => "renewal",
        AuditKind::Asn => "asn",
        AuditKind::Ars => "ars",
        AuditKind::Peer => "peer",
    }
}

fn status_key(s: Status) -> &'static str {
    match s {
        Status::Evidenced => "evidenced",
        Status::Thin => "thin",
        Status::Overdue => "overdue",
        Status::Missing => "missing",
        Status::NotCovered => "not-covered",
    }
}

/// Whether a record's process is in the audit's scope.
fn in_scope(scope: &[String], process: Option<&str>) -> bool {
    scope.is_empty() || process.is_some_and(|p| scope.iter().any(|s| fold(s) == fold(p)))
}

/// The registers restricted to the scope's processes: events, actions,
/// indicators (and their values), objectives, findings and documents that
/// name another process are left out; the rest is kept.
pub fn scoped(regs: &Registers, scope: &[String]) -> Registers {
    let mut r = regs.clone();
    if scope.is_empty() {
        return r;
    }
    r.events.retain(|e| in_scope(scope, e.process.as_deref()));
    r.actions.retain(|a| in_scope(scope, a.process.as_deref()));
    r.indicators
        .retain(|i| in_scope(scope, i.process.as_deref()));
    let codes: Vec<String> = r
        .indicators
        .iter()
        .filter_map(|i| i.code.as_ref().map(|c| c.trim().to_lowercase()))
        .collect();
    r.indicator_values.retain(|v| {
        v.code
            .as_ref()
            .is_some_and(|c| codes.contains(&c.trim().to_lowercase()))
    });
    r.objectives
        .retain(|o| in_scope(scope, o.process.as_deref()));
    r.findings.retain(|f| in_scope(scope, f.process.as_deref()));
    r.documents
        .retain(|d| in_scope(scope, d.process.as_deref()));
    r
}

struct Ctx<'a> {
    checked: &'a Checked,
    regs: &'a Registers,
    date: NaiveDate,
    lang: Lang,
}

impl Ctx<'_> {
    fn t(&self, key: &str) -> String {
        i18n::text(key, self.lang).to_owned()
    }
    fn fill(&self, key: &str, args: &[(&str, String)]) -> String {
        fill(key, self.lang, args)
    }
    fn date(&self, d: Option<NaiveDate>) -> String {
        d.map_or_else(String::new, |d| format::date(d, self.lang))
    }
    fn days(&self, n: i64) -> String {
        self.fill("aud.days", &[("n", format::int(n, self.lang))])
    }
    fn count(&self, n: usize) -> String {
        format::count(n, self.lang)
    }
    fn cell(&self, at: RowRef, field: FieldRef) -> String {
        self.regs.cell(at, field).to_string()
    }
}

/// Builds the pack of an audit.
pub fn build(
    checked: &Checked,
    req: &AuditRequest,
    as_of: NaiveDate,
    lang: Lang,
) -> std::io::Result<AuditPack> {
    let appendix = Appendix::new(checked, as_of, lang);
    let p = if req.pseudonymize {
        let hashes: Vec<String> = appendix.files.iter().map(|f| f.sha256.clone()).collect();
        let key = workspace_key(&hashes, checked.config.audit.pseudonym_key.as_deref());
        let names = names_of(&checked.registers, &checked.config);
        Pseudonymizer::new(names.iter().map(String::as_str), &key, lang)
    } else {
        Pseudonymizer::off()
    };
    // Everything below reads registers already fit to leave the service.
    let clean = pseudonymise(&checked.registers, &checked.config, &p);
    let regs = scoped(&clean, &req.scope);
    let ctx = Ctx {
        checked,
        regs: &regs,
        date: req.date,
        lang,
    };
    let (from, _) = window(req.date);
    let kind_label = req.kind.label(lang).to_owned();
    // The audit itself, when the register holds it.
    let this = clean
        .audits
        .iter()
        .find(|a| a.kind == Some(req.kind) && a.date == Some(req.date));
    let standards = Standard::for_kind(req.kind);
    let mut matrices = Vec::new();
    let mut to_fix = Vec::new();
    let mut evidenced = 0;
    for std in standards {
        let std_label = ctx.t(match std {
            Standard::Iso9001 => "aud.std-iso",
            Standard::Dc0660 => "aud.std-asn",
        });
        let mut counts: BTreeMap<Status, usize> = BTreeMap::new();
        let mut rows = Vec::new();
        for item in std.items() {
            let a = assess(item, &regs, &checked.config.suppliers, req.date);
            *counts.entry(a.status).or_default() += 1;
            let (title, summary) = match lang {
                Lang::Fr => (&item.title_fr, &item.summary_fr),
                Lang::En => (&item.title_en, &item.summary_en),
            };
            let reason = reason(&ctx, item.min, &a);
            let id = match std {
                Standard::Iso9001 => format!("§ {}", item.id),
                Standard::Dc0660 => format!("Art. {}", item.id),
            };
            if matches!(a.status, Status::Missing | Status::Overdue) {
                to_fix.push(format!("{id} {title}{}{reason}", i18n::colon(lang)));
            }
            rows.push(MatrixRow {
                id,
                title: title.clone(),
                summary: summary.clone(),
                sources: item
                    .evidence
                    .iter()
                    .map(|s| ctx.t(&format!("aud.src-{}", s.key())))
                    .collect::<Vec<_>>()
                    .join(", "),
                recent: if item.evidence.is_empty() {
                    "—".to_owned()
                } else {
                    ctx.count(a.recent)
                },
                last: a
                    .last
                    .map_or_else(|| "—".to_owned(), |d| format::date(d, lang)),
                status: status_key(a.status),
                status_label: ctx.t(&format!("aud.status-{}", status_key(a.status))),
                reason,
            });
        }
        evidenced += counts.get(&Status::Evidenced).copied().unwrap_or(0);
        matrices.push(Matrix {
            standard: std_label,
            // The statuses the matrix holds, in the order of the legend.
            counts: [
                Status::Evidenced,
                Status::Thin,
                Status::Overdue,
                Status::Missing,
                Status::NotCovered,
            ]
            .iter()
            .filter_map(|s| Some((s, *counts.get(s)?)))
            .map(|(s, n)| StatusCount {
                status: status_key(*s),
                label: ctx.t(&format!("aud.status-{}", status_key(*s))),
                count: ctx.count(n),
            })
            .collect(),
            rows: Capped::cut(rows, AUDIT_ROWS, lang),
        });
    }
    to_fix.dedup();
    let findings = findings(&ctx, req.kind);
    // Counted on the whole lists, before they are cut for print.
    let open_findings = findings
        .iter()
        .filter(|f| f.status != ctx.t("aud.closed"))
        .count();
    let findings = Capped::cut(findings, AUDIT_ROWS, lang);
    let actions = actions(&ctx);
    let events = events(&ctx, from);
    let (indicators, objectives) = performance(&ctx);
    let suppliers = suppliers(&ctx, from);
    let overdue_suppliers = suppliers.iter().filter(|s| s.overdue).count();
    let suppliers = Capped::cut(suppliers, AUDIT_ROWS, lang);
    let (documents_past, documents_in_force) = documents(&ctx);
    let watch = watch(&ctx);
    let training = training(&ctx);
    let size = checked.config.audit.sample_size.unwrap_or(DEFAULT_SAMPLE);
    let sample = sample(&ctx, req.seed, size, from);
    let scope = if req.scope.is_empty() {
        ctx.t("aud.scope-all")
    } else {
        req.scope.join(", ")
    };
    let summary = vec![
        ctx.fill(
            "aud.summary-matrix",
            &[
                ("evidenced", ctx.count(evidenced)),
                (
                    "items",
                    ctx.count(matrices.iter().map(|m| m.rows.total()).sum::<usize>()),
                ),
                ("fix", ctx.count(to_fix.len())),
            ],
        ),
        ctx.fill(
            "aud.summary-follow",
            &[
                ("findings", ctx.count(open_findings)),
                ("late", ctx.count(actions.late.total())),
                ("docs", ctx.count(documents_past.total())),
                ("training", ctx.count(training.total())),
                ("suppliers", ctx.count(overdue_suppliers)),
            ],
        ),
    ];
    let period = req.date.to_string();
    let mut document = DocumentControl::new(
        &checked.config,
        ctx.t("aud.title"),
        format!("{kind_label} — {}", format::date(req.date, lang)),
        "AUD",
        &period,
        as_of,
        lang,
    );
    if !req.pseudonymize {
        document
            .subtitle
            .push_str(&format!(" — {}", ctx.t("aud.not-pseudonymised")));
    }
    Ok(AuditPack {
        schema_version: SCHEMA_VERSION,
        report: "audit",
        lang: lang.code(),
        labels: labels(&["report.", "aud."], lang),
        document,
        audit: AuditInfo {
            kind: kind_key(req.kind),
            kind_label,
            date: format::date(req.date, lang),
            window: ctx.fill(
                "aud.window",
                &[
                    ("from", format::date(from.succ_opt().unwrap_or(from), lang)),
                    ("to", format::date(req.date, lang)),
                ],
            ),
            scope,
            standards: matrices.iter().map(|m| m.standard.clone()).collect(),
            auditor: this.and_then(|a| a.auditor.as_deref()).map(str::to_owned),
            audit_id: this.and_then(|a| a.id.clone()),
            pseudonymised: req.pseudonymize,
            notice: ctx.t(if req.pseudonymize {
                "aud.notice-pseudonymised"
            } else {
                "aud.notice-clear"
            }),
        },
        summary,
        to_fix,
        matrices,
        findings,
        actions,
        events,
        indicators,
        objectives,
        suppliers,
        documents_past,
        documents_in_force,
        watch,
        training,
        sample,
        appendix,
    })
}

fn reason(ctx: &Ctx, min: usize, a: &Assessment) -> String {
    match a.status {
        Status::NotCovered => ctx.t("aud.reason-not-covered"),
        Status::Missing => ctx.t("aud.reason-missing"),
        Status::Overdue => a
            .failing
            .iter()
            .map(|(c, n)| ctx.fill(&format!("aud.check-{}", c.key()), &[("n", ctx.count(*n))]))
            .collect::<Vec<_>>()
            .join(if ctx.lang == Lang::Fr {
                "\u{a0}; "
            } else {
                "; "
            }),
        Status::Thin => ctx.fill(
            "aud.reason-thin",
            &[("n", ctx.count(a.recent)), ("min", ctx.count(min))],
        ),
        Status::Evidenced => String::new(),
    }
}

fn grade_rank(g: Option<Grade>) -> u8 {
    match g {
        Some(Grade::MajorNc) => 0,
        Some(Grade::MinorNc) => 1,
        Some(Grade::Observation) => 2,
        Some(Grade::Improvement) => 3,
        Some(Grade::Strength) | None => 4,
    }
}

fn findings(ctx: &Ctx, kind: AuditKind) -> Vec<FindingRow> {
    let regs = ctx.regs;
    let by_id = audits::audits_by_id(&regs.audits);
    let audit_of = |f: &crate::registers::Finding| {
        f.audit
            .as_ref()
            .and_then(|a| by_id.get(&a.trim().to_lowercase()))
            .copied()
    };
    // The last audit of the same kind before this one (certification,
    // surveillance and renewal audits are one cycle).
    let family = |k: AuditKind| match k {
        AuditKind::Certification | AuditKind::Surveillance | AuditKind::Renewal => 0,
        AuditKind::Internal | AuditKind::Cross => 1,
        AuditKind::Asn => 2,
        AuditKind::Ars => 3,
        AuditKind::Peer => 4,
    };
    let last_of_kind = regs
        .audits
        .iter()
        .filter(|a| a.kind.is_some_and(|k| family(k) == family(kind)))
        .filter_map(|a| a.date)
        .filter(|d| *d < ctx.date)
        .max();
    let earlier: Vec<crate::registers::Finding> = regs
        .findings
        .iter()
        .filter(|f| {
            audit_of(f)
                .and_then(|a| a.date)
                .is_some_and(|d| d < ctx.date)
        })
        .cloned()
        .collect();
    let recurring_ids: Vec<usize> = recurring(&earlier).into_iter().flatten().collect();
    let actions_by_id: BTreeMap<String, &crate::registers::Action> = regs
        .actions
        .iter()
        .filter_map(|a| Some((a.id.as_ref()?.trim().to_lowercase(), a)))
        .collect();
    let mut rows: Vec<(u8, NaiveDate, FindingRow)> = Vec::new();
    for (i, f) in earlier.iter().enumerate() {
        if !f.grade.is_some_and(audits::needs_action) {
            continue;
        }
        let audit = audit_of(f).expect("earlier findings have an audit");
        let audit_date = audit.date.expect("dated");
        let open = audits::is_open(f, ctx.date);
        let closed_since = f
            .closed
            .is_some_and(|c| last_of_kind.is_none_or(|l| c >= l) && c <= ctx.date);
        if !open && !closed_since {
            continue;
        }
        let effectiveness: Vec<String> = f
            .actions
            .iter()
            .filter_map(|id| actions_by_id.get(&id.trim().to_lowercase()))
            .filter_map(|a| a.effectiveness.map(|e| e.label(ctx.lang).to_owned()))
            .collect();
        let end = if open {
            ctx.date
        } else {
            f.closed.expect("closed")
        };
        rows.push((
            grade_rank(f.grade),
            audit_date,
            FindingRow {
                id: f.id.clone().unwrap_or_default(),
                audit: f.audit.clone().unwrap_or_default(),
                audit_date: format::date(audit_date, ctx.lang),
                grade: f
                    .grade
                    .map(|g| g.label(ctx.lang).to_owned())
                    .unwrap_or_default(),
                rank: grade_rank(f.grade),
                clause: f.clause.clone().unwrap_or_default(),
                process: f.process.clone().unwrap_or_default(),
                description: f
                    .description
                    .as_deref()
                    .map(str::to_owned)
                    .unwrap_or_default(),
                actions: format::id_list(&f.actions),
                status: if open {
                    ctx.t("aud.open")
                } else {
                    ctx.t("aud.closed")
                },
                age: ctx.days((end - audit_date).num_days()),
                effectiveness: effectiveness.join(", "),
                recurring: recurring_ids.contains(&i),
            },
        ));
    }
    rows.sort_by(|a, b| {
        a.0.cmp(&b.0)
            .then(a.1.cmp(&b.1))
            .then_with(|| a.2.id.cmp(&b.2.id))
    });
    rows.into_iter().map(|(_, _, r)| r).collect()
}

fn actions(ctx: &Ctx) -> ActionsBlock {
    let regs = ctx.regs;
    let open = regs.actions.iter().filter(|a| is_open(a, ctx.date)).count();
    let mut late: Vec<_> = regs
        .actions
        .iter()
        .filter(|a| is_late(a, ctx.date))
        .collect();
    late.sort_by(|a, b| a.due.cmp(&b.due).then_with(|| a.id.cmp(&b.id)));
    ActionsBlock {
        lines: vec![ctx.fill(
            "aud.actions-line",
            &[
                ("open", ctx.count(open)),
                ("late", ctx.count(late.len())),
                ("date", format::date(ctx.date, ctx.lang)),
            ],
        )],
        late: Capped::cut(
            late.iter()
                .map(|a| ActionRow {
                    id: a.id.clone().unwrap_or_default(),
                    origin: a.origin.clone().unwrap_or_default(),
                    description: a
                        .description
                        .as_deref()
                        .map(str::to_owned)
                        .unwrap_or_default(),
                    owner: a.owner.as_deref().map(str::to_owned).unwrap_or_default(),
                    due: ctx.date(a.due),
                    late: ctx.days((ctx.date - a.due.expect("late has due")).num_days()),
                })
                .collect(),
            AUDIT_ROWS,
            ctx.lang,
        ),
    }
}

fn events(ctx: &Ctx, from: NaiveDate) -> EventsBlock {
    let regs = ctx.regs;
    let recent: Vec<&crate::registers::Event> = regs
        .events
        .iter()
        .filter(|e| e.detected.is_some_and(|d| d > from && d <= ctx.date))
        .collect();
    let mut by_type: Vec<(String, usize)> = EventType::ALL
        .iter()
        .map(|t| {
            (
                t.label(ctx.lang).to_owned(),
                recent.iter().filter(|e| e.kind == Some(*t)).count(),
            )
        })
        .filter(|(_, n)| *n > 0)
        .collect();
    by_type.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    let grid = crate::analysis::events::criticity_grid(&recent);
    let mut esr: Vec<_> = recent
        .iter()
        .filter(|e| e.kind == Some(EventType::Esr) || e.declared)
        .collect();
    esr.sort_by_key(|e| e.detected);
    let undeclared = esr
        .iter()
        .filter(|e| e.kind == Some(EventType::Esr) && !e.declared)
        .count();
    EventsBlock {
        lines: vec![ctx.fill(
            "aud.events-line",
            &[
                ("n", ctx.count(recent.len())),
                ("esr", ctx.count(esr.len())),
                ("undeclared", ctx.count(undeclared)),
            ],
        )],
        by_type: by_type
            .into_iter()
            .map(|(t, n)| (t, ctx.count(n)))
            .collect(),
        heatmap: crate::report::indicators::heatmap(
            grid.iter().map(|r| r.to_vec()).collect(),
            ctx.checked.config.events.bands(),
            ctx.lang,
        ),
        esr: Capped::cut(
            esr.iter()
                .map(|e| EsrRow {
                    id: e.id.clone().unwrap_or_default(),
                    date: ctx.date(e.detected),
                    declared_on: if e.declared {
                        ctx.date(e.declared_on)
                    } else {
                        ctx.t("aud.not-declared")
                    },
                    process: e.process.clone().unwrap_or_default(),
                    status: e
                        .status
                        .map(|s| s.label(ctx.lang).to_owned())
                        .unwrap_or_default(),
                })
                .collect(),
            AUDIT_ROWS,
            ctx.lang,
        ),
    }
}

fn performance(ctx: &Ctx) -> (Capped<IndicatorRow>, Capped<ObjectiveRow>) {
    let all = series_with(ctx.regs, &ctx.checked.config.indicators.charts);
    let month = Month::of(ctx.date).plus(-1);
    let mut indicators: Vec<IndicatorRow> = all
        .iter()
        .map(|s| {
            // The last measured month up to the month before the audit.
            let last = s.values.iter().rev().find(|v| v.month <= month);
            let st = last.map_or(Standing::NotAssessed, |v| s.standing_of(v.value));
            IndicatorRow {
                code: s.code.clone(),
                label: s.def.label.clone().unwrap_or_default(),
                process: s.def.process.clone().unwrap_or_default(),
                month: last.map_or_else(String::new, |v| format::month_short(v.month, ctx.lang)),
                value: last.map_or_else(|| "—".to_owned(), |v| value_text(s, v.value, ctx.lang)),
                standing: if last.is_some() {
                    standing_key(st)
                } else {
                    "none"
                },
                standing_label: if last.is_some() {
                    standing_label(st, ctx.lang)
                } else {
                    ctx.t("standing.no-value")
                },
            }
        })
        .collect();
    indicators.sort_by(|a, b| a.process.cmp(&b.process).then_with(|| a.code.cmp(&b.code)));
    let year = chrono::Datelike::year(&ctx.date);
    let lookup = SeriesLookup::new(&all);
    let objectives = ctx
        .regs
        .objectives
        .iter()
        .filter(|o| o.year == Some(year))
        .map(|o| {
            let dash = || "—".to_owned();
            match lookup.objective(o) {
                Some(s) => {
                    let st = objective_status(s, o, month);
                    ObjectiveRow {
                        objective: o.objective.clone().unwrap_or_default(),
                        target: st.target.map_or_else(dash, |t| value_text(s, t, ctx.lang)),
                        value: st.ytd.map_or_else(dash, |v| value_text(s, v, ctx.lang)),
                        standing: standing_key(st.standing),
                        standing_label: standing_label(st.standing, ctx.lang),
                    }
                }
                None => ObjectiveRow {
                    objective: o.objective.clone().unwrap_or_default(),
                    target: o
                        .target
                        .map_or_else(dash, |t| format::num(t.value, ctx.lang)),
                    value: dash(),
                    standing: "not-assessed",
                    standing_label: ctx.t("standing.no-indicator"),
                },
            }
        })
        .collect();
    (
        Capped::cut(indicators, AUDIT_ROWS, ctx.lang),
        Capped::cut(objectives, AUDIT_ROWS, ctx.lang),
    )
}

fn suppliers(ctx: &Ctx, from: NaiveDate) -> Vec<SupplierRow> {
    let horizon = ctx.date + Months::new(3);
    summaries(
        ctx.regs,
        &ctx.checked.config.suppliers,
        ctx.date,
        from,
        ctx.date,
    )
    .into_iter()
    .filter(|s| s.critical && s.due.is_none_or(|d| d <= horizon))
    .map(|s| SupplierRow {
        name: s.name.clone(),
        category: s.category.clone().unwrap_or_default(),
        last: ctx.date(s.last_evaluated),
        due: ctx.date(s.due),
        overdue: s.overdue,
    })
    .collect()
}

fn documents(ctx: &Ctx) -> (Capped<DocRow>, Capped<DocRow>) {
    let row = |d: &crate::registers::Document| DocRow {
        reference: d.reference.clone().unwrap_or_default(),
        title: d.title.clone().unwrap_or_default(),
        version: d.version.clone().unwrap_or_default(),
        effective: ctx.date(d.effective),
        next_review: ctx.date(d.next_review),
    };
    let mut past: Vec<_> = ctx
        .regs
        .documents
        .iter()
        .filter(|d| past_review(d, ctx.date))
        .collect();
    past.sort_by(|a, b| {
        a.next_review
            .cmp(&b.next_review)
            .then_with(|| a.reference.cmp(&b.reference))
    });
    let mut in_force: Vec<_> = ctx
        .regs
        .documents
        .iter()
        .filter(|d| d.status == Some(DocStatus::InForce))
        .filter(|d| d.effective.is_none_or(|e| e <= ctx.date))
        .collect();
    in_force.sort_by(|a, b| a.reference.cmp(&b.reference));
    (
        Capped::cut(past.into_iter().map(row).collect(), AUDIT_ROWS, ctx.lang),
        Capped::cut(
            in_force.into_iter().map(row).collect(),
            AUDIT_ROWS,
            ctx.lang,
        ),
    )
}

fn watch(ctx: &Ctx) -> Capped<WatchRow> {
    let mut items: Vec<_> = ctx
        .regs
        .watch
        .iter()
        .filter(|w| w.applicable == Some(Applicability::ToAssess))
        .filter(|w| w.published.is_none_or(|d| d <= ctx.date))
        .collect();
    items.sort_by(|a, b| {
        a.published
            .cmp(&b.published)
            .then_with(|| a.reference.cmp(&b.reference))
    });
    let rows = items
        .iter()
        .map(|w| WatchRow {
            reference: w.reference.clone().unwrap_or_default(),
            title: w.title.clone().unwrap_or_default(),
            published: ctx.date(w.published.or(w.effective)),
        })
        .collect();
    Capped::cut(rows, AUDIT_ROWS, ctx.lang)
}

fn training(ctx: &Ctx) -> Capped<TrainingRow> {
    let mut rows: Vec<TrainingRow> = latest_records(&ctx.regs.training, ctx.date)
        .into_iter()
        .filter(|t| training_state(t, ctx.date) == TrainingState::Overdue)
        .map(|t| TrainingRow {
            person: t.person.as_deref().map(str::to_owned).unwrap_or_default(),
            role: t.role.clone().unwrap_or_default(),
            training: t.training.clone().unwrap_or_default(),
            valid_until: ctx.date(t.valid_until),
        })
        .collect();
    rows.sort_by(|a, b| {
        a.valid_until
            .cmp(&b.valid_until)
            .then_with(|| a.person.cmp(&b.person))
    });
    Capped::cut(rows, AUDIT_ROWS, ctx.lang)
}

/// One candidate record of a sample: where it is and what to print.
struct Candidate {
    at: RowRef,
    field: FieldRef,
    id: String,
    date: Option<NaiveDate>,
    text: String,
}

fn sample(ctx: &Ctx, seed: u64, size: usize, from: NaiveDate) -> SampleBlock {
    let regs = ctx.regs;
    let lang = ctx.lang;
    let recent = |d: Option<NaiveDate>| d.is_some_and(|d| d > from && d <= ctx.date);
    let label = |o: Option<String>| o.unwrap_or_default();
    let mut groups = Vec::new();
    let mut add = |kind: RegisterKind, cands: Vec<Candidate>| {
        if cands.is_empty() {
            return;
        }
        let picked = pick(cands.len(), size, seed, kind.key());
        groups.push(SampleGroup {
            register: kind.label(lang).to_owned(),
            population: cands.len(),
            caption: ctx.fill("aud.population", &[("n", ctx.count(cands.len()))]),
            rows: Capped::cut(
                picked
                    .into_iter()
                    .map(|i| {
                        let c = &cands[i];
                        SampleRow {
                            cell: ctx.cell(c.at, c.field),
                            id: c.id.clone(),
                            date: ctx.date(c.date),
                            text: c.text.clone(),
                        }
                    })
                    .collect(),
                AUDIT_ROWS,
                lang,
            ),
        });
    };
    add(
        RegisterKind::Rex,
        regs.events
            .iter()
            .filter(|e| recent(e.detected))
            .map(|e| Candidate {
                at: e.at,
                field: EventField::Id.into(),
                id: label(e.id.clone()),
                date: e.detected,
                text: [
                    e.kind.map(|k| k.label(lang).to_owned()),
                    e.process.clone(),
                    e.status.map(|s| s.label(lang).to_owned()),
                ]
                .into_iter()
                .flatten()
                .collect::<Vec<_>>()
                .join(" · "),
            })
            .collect(),
    );
    add(
        RegisterKind::Actions,
        regs.actions
            .iter()
            .filter(|a| recent(a.opened) || recent(a.done))
            .map(|a| Candidate {
                at: a.at,
                field: ActionField::Id.into(),
                id: label(a.id.clone()),
                date: a.opened,
                text: a
                    .description
                    .as_deref()
                    .map(str::to_owned)
                    .unwrap_or_default(),
            })
            .collect(),
    );
    let by_id = audits::audits_by_id(&regs.audits);
    add(
        RegisterKind::Findings,
        regs.findings
            .iter()
            .filter(|f| {
                recent(
                    f.audit
                        .as_ref()
                        .and_then(|a| by_id.get(&a.trim().to_lowercase()))
                        .and_then(|a| a.date),
                )
            })
            .map(|f| Candidate {
                at: f.at,
                field: FindingField::Id.into(),
                id: label(f.id.clone()),
                date: None,
                text: [
                    f.grade.map(|g| g.label(lang).to_owned()),
                    f.clause.clone(),
                    f.process.clone(),
                ]
                .into_iter()
                .flatten()
                .collect::<Vec<_>>()
                .join(" · "),
            })
            .collect(),
    );
    add(
        RegisterKind::Suppliers,
        regs.supplier_evaluations
            .iter()
            .filter(|e| recent(e.evaluated))
            .map(|e| Candidate {
                at: e.at,
                field: SupplierEvaluationField::Supplier.into(),
                id: label(e.supplier.clone()),
                date: e.evaluated,
                text: e
                    .decision
                    .map(|d| d.label(lang).to_owned())
                    .unwrap_or_default(),
            })
            .collect(),
    );
    add(
        RegisterKind::Documents,
        regs.documents
            .iter()
            .filter(|d| d.status == Some(DocStatus::InForce))
            .map(|d| Candidate {
                at: d.at,
                field: DocumentField::Reference.into(),
                id: label(d.reference.clone()),
                date: d.effective,
                text: format!(
                    "{} (v{})",
                    d.title.clone().unwrap_or_default(),
                    d.version.clone().unwrap_or_default()
                ),
            })
            .collect(),
    );
    add(
        RegisterKind::Training,
        regs.training
            .iter()
            .filter(|t| recent(t.date))
            .map(|t| Candidate {
                at: t.at,
                field: TrainingField::Person.into(),
                id: t.person.as_deref().map(str::to_owned).unwrap_or_default(),
                date: t.date,
                text: t.training.clone().unwrap_or_default(),
            })
            .collect(),
    );
    add(
        RegisterKind::Watch,
        regs.watch
            .iter()
            .map(|w| Candidate {
                at: w.at,
                field: WatchItemField::Reference.into(),
                id: label(w.reference.clone()),
                date: w.published,
                text: w.title.clone().unwrap_or_default(),
            })
            .collect(),
    );
    SampleBlock {
        seed: seed.to_string(),
        size,
        intro: ctx.fill(
            "aud.sample-intro",
            &[("seed", seed.to_string()), ("size", ctx.count(size))],
        ),
        groups,
    }
}
