//! The evidence matrix of an audit: for each ISO 9001 sub-clause or article
//! of decision 2019-DC-0660 (listed, with their evidence sources and
//! freshness rules, in `data/*.toml`), the records on file over the twelve
//! months before the audit, the last record's date, and a status:
//! evidenced, thin (fewer records than the item expects), missing (no
//! register, or no record at all), overdue (a freshness rule fails: no
//! management review or internal audit in twelve months, a critical
//! supplier not re-evaluated, documents past review, training expired…).

use std::collections::BTreeSet;
use std::sync::OnceLock;

use chrono::{Datelike, Months, NaiveDate};
use serde::{Deserialize, Serialize};

use super::actions::{Origin, is_late};
use super::resources::{TrainingState, latest_records, past_review, training_state};
use super::review::Origins;
use super::suppliers::SuppliersConfig;
use crate::input::parse::Month;
use crate::registers::vocab::{
    ActionType, Applicability, AuditKind, Effectiveness, EventType, SystemicAnalysis,
};
use crate::registers::{RegisterKind, Registers};

/// One clause or article, as listed in the data files.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Item {
    pub id: String,
    pub title_fr: String,
    pub title_en: String,
    pub summary_fr: String,
    pub summary_en: String,
    pub evidence: Vec<Source>,
    pub checks: Vec<Check>,
    pub min: usize,
}

#[derive(Deserialize)]
struct ItemFile {
    item: Vec<Item>,
}

/// A standard the matrix walks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Standard {
    Iso9001,
    Dc0660,
}

impl Standard {
    /// Its items, from the embedded data file.
    pub fn items(self) -> &'static [Item] {
        static ISO: OnceLock<Vec<Item>> = OnceLock::new();
        static ASN: OnceLock<Vec<Item>> = OnceLock::new();
        let (cell, text) = match self {
            Standard::Iso9001 => (&ISO, include_str!("../../data/iso9001.toml")),
            Standard::Dc0660 => (&ASN, include_str!("../../data/dc0660.toml")),
        };
        cell.get_or_init(|| {
            toml::from_str::<ItemFile>(text)
                .expect("the embedded clause lists are valid (tested)")
                .item
        })
    }

    /// The standards an audit of `kind` walks: ISO 9001 for certification
    /// bodies, the decision for authority inspections, both for internal,
    /// cross and peer audits.
    pub fn for_kind(kind: AuditKind) -> &'static [Standard] {
        match kind {
            AuditKind::Certification | AuditKind::Surveillance | AuditKind::Renewal => {
                &[Standard::Iso9001]
            }
            AuditKind::Asn | AuditKind::Ars => &[Standard::Dc0660],
            AuditKind::Internal | AuditKind::Cross | AuditKind::Peer => {
                &[Standard::Iso9001, Standard::Dc0660]
            }
        }
    }
}

/// Records that evidence an item.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Source {
    Documents,
    Parties,
    Watch,
    Rex,
    Complaints,
    Esr,
    Systemic,
    Actions,
    ActionsCorrective,
    ActionsReview,
    ActionsRisk,
    Suppliers,
    Surveys,
    Indicators,
    Objectives,
    Audits,
    AuditsInternal,
    Findings,
    Training,
    Comments,
}

impl Source {
    /// The register the records are in.
    pub fn register(self) -> RegisterKind {
        use RegisterKind as R;
        match self {
            Source::Documents => R::Documents,
            Source::Parties => R::Parties,
            Source::Watch => R::Watch,
            Source::Rex | Source::Complaints | Source::Esr | Source::Systemic => R::Rex,
            Source::Actions
            | Source::ActionsCorrective
            | Source::ActionsReview
            | Source::ActionsRisk => R::Actions,
            Source::Suppliers => R::Suppliers,
            Source::Surveys => R::Surveys,
            Source::Indicators => R::IndicatorValues,
            Source::Objectives => R::Objectives,
            Source::Audits | Source::AuditsInternal => R::Audits,
            Source::Findings => R::Findings,
            Source::Training => R::Training,
            Source::Comments => R::Comments,
        }
    }

    /// Catalogue key of its name.
    pub fn key(self) -> &'static str {
        match self {
            Source::Documents => "documents",
            Source::Parties => "parties",
            Source::Watch => "watch",
            Source::Rex => "rex",
            Source::Complaints => "complaints",
            Source::Esr => "esr",
            Source::Systemic => "systemic",
            Source::Actions => "actions",
            Source::ActionsCorrective => "actions-corrective",
            Source::ActionsReview => "actions-review",
            Source::ActionsRisk => "actions-risk",
            Source::Suppliers => "suppliers",
            Source::Surveys => "surveys",
            Source::Indicators => "indicators",
            Source::Objectives => "objectives",
            Source::Audits => "audits",
            Source::AuditsInternal => "audits-internal",
            Source::Findings => "findings",
            Source::Training => "training",
            Source::Comments => "comments",
        }
    }
}

/// A freshness rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Check {
    #[serde(rename = "review-12m")]
    Review12m,
    #[serde(rename = "internal-audit-12m")]
    InternalAudit12m,
    SupplierReevaluation,
    DocumentsReview,
    TrainingValid,
    IndicatorsCurrent,
    #[serde(rename = "parties-reviewed-12m")]
    PartiesReviewed12m,
    WatchAssessed,
    ActionsLate,
    EffectivenessChecked,
}

impl Check {
    /// Catalogue key of its explanation.
    pub fn key(self) -> &'static str {
        match self {
            Check::Review12m => "review-12m",
            Check::InternalAudit12m => "internal-audit-12m",
            Check::SupplierReevaluation => "supplier-reevaluation",
            Check::DocumentsReview => "documents-review",
            Check::TrainingValid => "training-valid",
            Check::IndicatorsCurrent => "indicators-current",
            Check::PartiesReviewed12m => "parties-reviewed-12m",
            Check::WatchAssessed => "watch-assessed",
            Check::ActionsLate => "actions-late",
            Check::EffectivenessChecked => "effectiveness-checked",
        }
    }
}

/// Status of an item.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    Evidenced,
    Thin,
    Overdue,
    Missing,
    /// The item names no register: shown by other means at the audit.
    NotCovered,
}

/// The twelve months before `date`: `(date − 12 months, date]`.
pub fn window(date: NaiveDate) -> (NaiveDate, NaiveDate) {
    (date - Months::new(12), date)
}

fn within(d: Option<NaiveDate>, date: NaiveDate) -> bool {
    let (from, to) = window(date);
    d.is_some_and(|d| d > from && d <= to)
}

/// The records of one source: how many in the window, how many in all, the
/// last one's date (up to the audit date).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SourceFigure {
    pub source: Source,
    pub found: bool,
    pub recent: usize,
    pub total: usize,
    pub last: Option<NaiveDate>,
}

/// The dates of the records of a source (`None` for undated records).
fn dates(regs: &Registers, source: Source) -> Vec<Option<NaiveDate>> {
    let year_end = |y: Option<i32>| y.and_then(|y| NaiveDate::from_ymd_opt(y, 12, 31));
    match source {
        Source::Documents => regs.documents.iter().map(|d| d.effective).collect(),
        Source::Parties => regs.parties.iter().map(|p| p.reviewed).collect(),
        Source::Watch => regs
            .watch
            .iter()
            .map(|w| w.published.or(w.effective))
            .collect(),
        Source::Rex => regs.events.iter().map(|e| e.detected).collect(),
        Source::Complaints => regs
            .events
            .iter()
            .filter(|e| e.kind == Some(EventType::Complaint))
            .map(|e| e.detected)
            .collect(),
        Source::Esr => regs
            .events
            .iter()
            .filter(|e| e.kind == Some(EventType::Esr))
            .map(|e| e.detected)
            .collect(),
        Source::Systemic => regs
            .events
            .iter()
            .filter(|e| e.systemic.is_some_and(|s| s != SystemicAnalysis::None))
            .map(|e| e.detected)
            .collect(),
        Source::Actions => regs.actions.iter().map(|a| a.opened).collect(),
        Source::ActionsCorrective => regs
            .actions
            .iter()
            .filter(|a| a.kind == Some(ActionType::Corrective))
            .map(|a| a.opened)
            .collect(),
        Source::ActionsReview => {
            let origins = Origins::new(regs);
            regs.actions
                .iter()
                .filter(|a| origins.of(a) == Origin::Review)
                .map(|a| a.opened)
                .collect()
        }
        Source::ActionsRisk => {
            let origins = Origins::new(regs);
            regs.actions
                .iter()
                .filter(|a| matches!(origins.of(a), Origin::Risk | Origin::Opportunity))
                .map(|a| a.opened)
                .collect()
        }
        Source::Suppliers => regs
            .supplier_evaluations
            .iter()
            .map(|e| e.evaluated)
            .collect(),
        Source::Surveys => regs.survey_responses.iter().map(|r| r.date).collect(),
        // A month's value counts at the month's end.
        Source::Indicators => regs
            .indicator_values
            .iter()
            .map(|v| {
                v.period
                    .map(|m| m.plus(1).first_day().pred_opt().expect("a day"))
            })
            .collect(),
        Source::Objectives => regs.objectives.iter().map(|o| year_end(o.year)).collect(),
        Source::Audits => regs.audits.iter().map(|a| a.date).collect(),
        Source::AuditsInternal => regs
            .audits
            .iter()
            .filter(|a| a.kind == Some(AuditKind::Internal))
            .map(|a| a.date)
            .collect(),
        Source::Findings => {
            let by_id = super::audits::audits_by_id(&regs.audits);
            regs.findings
                .iter()
                .map(|f| {
                    f.audit
                        .as_ref()
                        .and_then(|a| by_id.get(&a.trim().to_lowercase()))
                        .and_then(|a| a.date)
                })
                .collect()
        }
        Source::Training => regs.training.iter().map(|t| t.date).collect(),
        Source::Comments => regs.comments.iter().map(|c| year_end(c.year)).collect(),
    }
}

/// The figures of a source at the audit date.
pub fn source_figure(regs: &Registers, source: Source, date: NaiveDate) -> SourceFigure {
    let ds = dates(regs, source);
    // Objectives and commentary are dated by their year's end: an objective
    // of the audit's year counts from the year's start.
    let yearly = matches!(source, Source::Objectives | Source::Comments);
    let counts = |d: Option<NaiveDate>| {
        if yearly {
            d.is_some_and(|d| d.year() == date.year() || within(Some(d), date))
        } else {
            within(d, date)
        }
    };
    SourceFigure {
        source,
        found: regs.found(source.register()),
        recent: ds.iter().filter(|d| counts(**d)).count(),
        total: ds.len(),
        last: ds
            .iter()
            .flatten()
            .filter(|d| yearly || **d <= date)
            .max()
            .copied(),
    }
}

/// How many records break a freshness rule at `date` (0: the rule holds).
pub fn failures(
    regs: &Registers,
    suppliers: &SuppliersConfig,
    check: Check,
    date: NaiveDate,
) -> usize {
    let (from, _) = window(date);
    match check {
        Check::Review12m => {
            let reviewed = dates(regs, Source::ActionsReview)
                .into_iter()
                .any(|d| within(d, date))
                || regs.comments.iter().any(|c| {
                    c.year
                        .is_some_and(|y| y == date.year() || y == date.year() - 1)
                });
            usize::from(!reviewed)
        }
        Check::InternalAudit12m => usize::from(
            !dates(regs, Source::AuditsInternal)
                .into_iter()
                .any(|d| within(d, date)),
        ),
        Check::SupplierReevaluation => {
            super::suppliers::summaries(regs, suppliers, date, from, date)
                .iter()
                .filter(|s| s.critical && s.overdue)
                .count()
        }
        Check::DocumentsReview => regs
            .documents
            .iter()
            .filter(|d| past_review(d, date))
            .count(),
        Check::TrainingValid => latest_records(&regs.training, date)
            .into_iter()
            .filter(|t| training_state(t, date) == TrainingState::Overdue)
            .count(),
        Check::IndicatorsCurrent => {
            let last = Month::of(date).plus(-1);
            let recent: BTreeSet<String> = regs
                .indicator_values
                .iter()
                .filter(|v| v.period.is_some_and(|m| m <= last && m > last.plus(-3)))
                .filter(|v| v.value.is_some() || v.numerator.is_some())
                .filter_map(|v| v.code.as_ref().map(|c| c.trim().to_lowercase()))
                .collect();
            regs.indicators
                .iter()
                .filter_map(|i| i.code.as_ref())
                .filter(|c| !recent.contains(&c.trim().to_lowercase()))
                .count()
        }
        Check::PartiesReviewed12m => regs
            .parties
            .iter()
            .filter(|p| p.reviewed.is_none_or(|d| d <= from))
            .count(),
        Check::WatchAssessed => regs
            .watch
            .iter()
            .filter(|w| w.applicable == Some(Applicability::ToAssess))
            .filter(|w| {
                w.published
                    .or(w.effective)
                    .is_none_or(|d| d <= date - Months::new(3))
            })
            .count(),
        Check::ActionsLate => regs.actions.iter().filter(|a| is_late(a, date)).count(),
        Check::EffectivenessChecked => regs
            .actions
            .iter()
            .filter(|a| a.done.is_some_and(|d| d <= date - Months::new(6)))
            .filter(|a| matches!(a.effectiveness, None | Some(Effectiveness::ToEvaluate)))
            .count(),
    }
}

/// An item assessed at the audit date.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Assessment {
    pub status: Status,
    pub sources: Vec<SourceFigure>,
    /// Rules that fail, with the number of records breaking each.
    pub failing: Vec<(Check, usize)>,
    /// Records over the last 12 months, all sources together.
    pub recent: usize,
    pub last: Option<NaiveDate>,
}

/// Assesses an item: not covered without sources; missing when no source's
/// register is found or none holds a record; overdue when a rule fails;
/// thin under the item's minimum of recent records; evidenced otherwise.
pub fn assess(
    item: &Item,
    regs: &Registers,
    suppliers: &SuppliersConfig,
    date: NaiveDate,
) -> Assessment {
    let sources: Vec<SourceFigure> = item
        .evidence
        .iter()
        .map(|s| source_figure(regs, *s, date))
        .collect();
    let recent = sources.iter().map(|s| s.recent).sum();
    let last = sources.iter().filter_map(|s| s.last).max();
    let failing: Vec<(Check, usize)> = item
        .checks
        .iter()
        .map(|c| (*c, failures(regs, suppliers, *c, date)))
        .filter(|(_, n)| *n > 0)
        .collect();
    let status = if sources.is_empty() {
        Status::NotCovered
    } else if !sources.iter().any(|s| s.found && s.total > 0) {
        Status::Missing
    } else if !failing.is_empty() {
        Status::Overdue
    } else if recent < item.min {
        Status::Thin
    } else {
        Status::Evidenced
    };
    Assessment {
        status,
        sources,
        failing,
        recent,
        last,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::registers::{Action, Audit, RowRef, Source as Sheet};

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn found(regs: &mut Registers, kind: RegisterKind) {
        regs.sources.entry(kind).or_default().push(Sheet {
            register: kind,
            file: "x.xlsx".into(),
            sheet: "s".into(),
            header_row: 0,
            columns: vec![],
            rows: 1,
            headers: vec![],
            constants: vec![],
        });
    }

    fn audit(kind: AuditKind, date: NaiveDate) -> Audit {
        Audit {
            at: RowRef { source: 0, row: 1 },
            id: Some(format!("A-{date}")),
            kind: Some(kind),
            date: Some(date),
            auditor: None,
            scope: None,
            standard: None,
            status: None,
        }
    }

    fn action(origin: &str, opened: NaiveDate, due: NaiveDate, done: Option<NaiveDate>) -> Action {
        Action {
            at: RowRef { source: 0, row: 1 },
            id: Some(format!("AC-{opened}")),
            origin: Some(origin.into()),
            kind: None,
            process: None,
            description: None,
            owner: None,
            opened: Some(opened),
            due: Some(due),
            done,
            status: None,
            effectiveness: None,
            checked_on: None,
            indicator: None,
        }
    }

    fn item(evidence: Vec<Source>, checks: Vec<Check>, min: usize) -> Item {
        Item {
            id: "9.2".into(),
            title_fr: String::new(),
            title_en: String::new(),
            summary_fr: String::new(),
            summary_en: String::new(),
            evidence,
            checks,
            min,
        }
    }

    #[test]
    fn the_data_files_parse_and_cover_clauses_4_to_10() {
        let iso = Standard::Iso9001.items();
        assert_eq!(iso.first().unwrap().id, "4.1");
        assert_eq!(iso.last().unwrap().id, "10.3");
        assert!(
            iso.iter()
                .any(|i| i.id == "9.3" && i.checks.contains(&Check::Review12m))
        );
        let ids: BTreeSet<&str> = iso.iter().map(|i| i.id.as_str()).collect();
        assert_eq!(ids.len(), iso.len(), "unique ids");
        for major in 4..=10 {
            assert!(iso.iter().any(|i| i.id.starts_with(&format!("{major}."))));
        }
        let asn = Standard::Dc0660.items();
        assert_eq!(asn.len(), 10);
        assert!(
            asn.iter()
                .all(|i| !i.title_fr.is_empty() && !i.summary_en.is_empty())
        );
    }

    #[test]
    fn each_status() {
        let cfg = SuppliersConfig::default();
        let date = d(2026, 11, 17);
        let internal = item(
            vec![Source::AuditsInternal],
            vec![Check::InternalAudit12m],
            1,
        );
        // No audits register: missing.
        let mut regs = Registers::default();
        assert_eq!(assess(&internal, &regs, &cfg, date).status, Status::Missing);
        // An internal audit 14 months ago: on file, but the rule fails.
        found(&mut regs, RegisterKind::Audits);
        regs.audits.push(audit(AuditKind::Internal, d(2025, 9, 10)));
        let a = assess(&internal, &regs, &cfg, date);
        assert_eq!(a.status, Status::Overdue);
        assert_eq!(a.failing, vec![(Check::InternalAudit12m, 1)]);
        assert_eq!((a.recent, a.last), (0, Some(d(2025, 9, 10))));
        // One 11 months ago: evidenced; with a minimum of two: thin.
        regs.audits
            .push(audit(AuditKind::Internal, d(2025, 12, 18)));
        let a = assess(&internal, &regs, &cfg, date);
        assert_eq!((a.status, a.recent), (Status::Evidenced, 1));
        let two = item(vec![Source::AuditsInternal], vec![], 2);
        assert_eq!(assess(&two, &regs, &cfg, date).status, Status::Thin);
        // An audit after the audit date does not count.
        regs.audits.push(audit(AuditKind::Internal, d(2026, 12, 1)));
        let a = assess(&two, &regs, &cfg, date);
        assert_eq!((a.status, a.last), (Status::Thin, Some(d(2025, 12, 18))));
        // No source: not covered by registers.
        assert_eq!(
            assess(&item(vec![], vec![], 0), &regs, &cfg, date).status,
            Status::NotCovered
        );
    }

    #[test]
    fn review_and_late_action_rules() {
        let cfg = SuppliersConfig::default();
        let date = d(2026, 3, 1);
        let mut regs = Registers::default();
        found(&mut regs, RegisterKind::Actions);
        let review = item(vec![Source::ActionsReview], vec![Check::Review12m], 1);
        // The last review decided its actions 13 months before.
        regs.actions.push(action(
            "RDD-2025",
            d(2025, 1, 20),
            d(2025, 6, 30),
            Some(d(2025, 6, 1)),
        ));
        assert_eq!(assess(&review, &regs, &cfg, date).status, Status::Overdue);
        regs.actions
            .push(action("RDD-2026", d(2026, 1, 22), d(2026, 2, 15), None));
        assert_eq!(assess(&review, &regs, &cfg, date).status, Status::Evidenced);
        // That action is late on 1 March 2026.
        assert_eq!(failures(&regs, &cfg, Check::ActionsLate, date), 1);
        assert_eq!(failures(&regs, &cfg, Check::ActionsLate, d(2026, 2, 15)), 0);
        // Done 9 months before without an effectiveness verdict.
        assert_eq!(failures(&regs, &cfg, Check::EffectivenessChecked, date), 1);
    }
}
