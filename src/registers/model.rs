//! Typed records, one struct per register. A record keeps where it came from
//! ([`RowRef`]) so that every later check and every report line can point
//! back at its cell. Fields a row left empty, or that could not be read (and
//! got a diagnostic), are `None`.

use chrono::NaiveDate;
use serde::Serialize;

use super::vocab::{
    ActionType, Applicability, AuditKind, Cause, Direction, DocCategory, DocStatus, Effectiveness,
    EventType, Frequency, Grade, IndicatorKind, Population, Proximity, Status, SupplierDecision,
    SystemicAnalysis,
};
use crate::input::parse::{Month, Number};

/// Where a record came from: which sheet of its register (index into the
/// register's sources) and which row (zero-based, absolute).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct RowRef {
    pub source: u16,
    pub row: u32,
}

/// A number as written, with its `%` sign if it had one.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Amount {
    pub value: f64,
    pub percent: bool,
}

impl From<Number> for Amount {
    fn from(n: Number) -> Self {
        Amount {
            value: n.value,
            percent: n.percent,
        }
    }
}

/// An event of the REX register.
#[derive(Debug, Clone, Serialize)]
pub struct Event {
    pub at: RowRef,
    pub id: Option<String>,
    pub detected: Option<NaiveDate>,
    pub kind: Option<EventType>,
    pub process: Option<String>,
    pub description: Option<String>,
    pub patient: Option<String>,
    pub reporter: Option<String>,
    pub severity: Option<u8>,
    pub frequency: Option<u8>,
    pub cause: Option<Cause>,
    /// Declared to the ASN; an empty cell means not declared.
    pub declared: bool,
    pub declared_on: Option<NaiveDate>,
    pub systemic: Option<SystemicAnalysis>,
    pub supplier: Option<String>,
    pub actions: Vec<String>,
    pub status: Option<Status>,
    pub closed: Option<NaiveDate>,
}

impl Event {
    /// Severity × frequency, when both are known.
    pub fn criticity(&self) -> Option<u8> {
        Some(self.severity? * self.frequency?)
    }
}

/// An action of the improvement plan.
#[derive(Debug, Clone, Serialize)]
pub struct Action {
    pub at: RowRef,
    pub id: Option<String>,
    pub origin: Option<String>,
    pub kind: Option<ActionType>,
    pub process: Option<String>,
    pub description: Option<String>,
    pub owner: Option<String>,
    pub opened: Option<NaiveDate>,
    pub due: Option<NaiveDate>,
    pub done: Option<NaiveDate>,
    pub status: Option<Status>,
    pub effectiveness: Option<Effectiveness>,
    pub checked_on: Option<NaiveDate>,
    pub indicator: Option<String>,
}

/// One evaluation of one supplier.
#[derive(Debug, Clone, Serialize)]
pub struct SupplierEvaluation {
    pub at: RowRef,
    pub supplier: Option<String>,
    pub category: Option<String>,
    pub critical: Option<bool>,
    pub evaluated: Option<NaiveDate>,
    pub score: Option<f64>,
    pub decision: Option<SupplierDecision>,
    pub evaluator: Option<String>,
    pub comment: Option<String>,
    /// (criterion index into [`super::Registers::supplier_criteria`], score).
    pub criteria: Vec<(usize, f64)>,
}

/// One respondent's answers to a satisfaction survey.
#[derive(Debug, Clone, Serialize)]
pub struct SurveyResponse {
    pub at: RowRef,
    pub date: Option<NaiveDate>,
    pub campaign: Option<String>,
    pub population: Option<Population>,
    pub respondent: Option<String>,
    pub comment: Option<String>,
    /// (question index into [`super::Registers::survey_questions`], level 1..=scale).
    pub answers: Vec<(usize, u8)>,
    /// Number of levels of the scale the answers are on (4 or 5).
    pub scale: u8,
}

/// An indicator's definition.
#[derive(Debug, Clone, Serialize)]
pub struct IndicatorDef {
    pub at: RowRef,
    pub code: Option<String>,
    pub label: Option<String>,
    pub process: Option<String>,
    pub unit: Option<String>,
    pub direction: Option<Direction>,
    pub target: Option<Amount>,
    pub alert: Option<Amount>,
    pub frequency: Option<Frequency>,
    pub owner: Option<String>,
    pub kind: Option<IndicatorKind>,
}

/// One period's value of one indicator.
#[derive(Debug, Clone, Serialize)]
pub struct IndicatorValue {
    pub at: RowRef,
    pub code: Option<String>,
    pub period: Option<Month>,
    pub value: Option<Amount>,
    pub numerator: Option<f64>,
    pub denominator: Option<f64>,
    pub comment: Option<String>,
}

/// A quality objective of a year.
#[derive(Debug, Clone, Serialize)]
pub struct Objective {
    pub at: RowRef,
    pub year: Option<i32>,
    pub objective: Option<String>,
    pub indicator: Option<String>,
    pub target: Option<Amount>,
    pub deadline: Option<NaiveDate>,
    pub owner: Option<String>,
    pub process: Option<String>,
}

/// An audit or inspection.
#[derive(Debug, Clone, Serialize)]
pub struct Audit {
    pub at: RowRef,
    pub id: Option<String>,
    pub kind: Option<AuditKind>,
    pub date: Option<NaiveDate>,
    pub auditor: Option<String>,
    pub scope: Option<String>,
    pub standard: Option<String>,
    pub status: Option<Status>,
}

/// A finding of an audit.
#[derive(Debug, Clone, Serialize)]
pub struct Finding {
    pub at: RowRef,
    pub id: Option<String>,
    pub audit: Option<String>,
    pub grade: Option<Grade>,
    pub clause: Option<String>,
    pub process: Option<String>,
    pub description: Option<String>,
    pub actions: Vec<String>,
    pub status: Option<Status>,
    pub closed: Option<NaiveDate>,
}

/// A controlled document.
#[derive(Debug, Clone, Serialize)]
pub struct Document {
    pub at: RowRef,
    pub reference: Option<String>,
    pub title: Option<String>,
    pub process: Option<String>,
    pub category: Option<DocCategory>,
    pub version: Option<String>,
    pub effective: Option<NaiveDate>,
    pub next_review: Option<NaiveDate>,
    pub author: Option<String>,
    pub reviewer: Option<String>,
    pub approver: Option<String>,
    pub status: Option<DocStatus>,
}

/// A regulatory text under watch.
#[derive(Debug, Clone, Serialize)]
pub struct WatchItem {
    pub at: RowRef,
    pub reference: Option<String>,
    pub title: Option<String>,
    pub published: Option<NaiveDate>,
    pub effective: Option<NaiveDate>,
    pub theme: Option<String>,
    pub applicable: Option<Applicability>,
    pub impact: Option<String>,
    pub actions: Vec<String>,
    pub status: Option<Status>,
    pub source: Option<String>,
}

/// An interested party.
#[derive(Debug, Clone, Serialize)]
pub struct Party {
    pub at: RowRef,
    pub name: Option<String>,
    pub category: Option<String>,
    pub proximity: Option<Proximity>,
    pub expectations: Option<String>,
    pub risks: Option<String>,
    pub reviewed: Option<NaiveDate>,
}

/// One training or habilitation of one person.
#[derive(Debug, Clone, Serialize)]
pub struct Training {
    pub at: RowRef,
    pub person: Option<String>,
    pub role: Option<String>,
    pub training: Option<String>,
    pub date: Option<NaiveDate>,
    pub valid_until: Option<NaiveDate>,
    pub habilitation: Option<bool>,
}

/// The management's commentary on one section of a review.
#[derive(Debug, Clone, Serialize)]
pub struct ReviewComment {
    pub at: RowRef,
    /// The review's year; `None` applies to every review.
    pub year: Option<i32>,
    pub section: Option<String>,
    pub text: Option<String>,
}
