//! External providers: each evaluation's weighted score (criteria weighted as
//! set in `smq.toml`, equally otherwise), the decision the thresholds give,
//! whether a critical supplier's re-evaluation is overdue, and how many
//! events name the supplier.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::input::text::fold;
use crate::registers::vocab::SupplierDecision;
use crate::registers::{Registers, SupplierEvaluation};

/// Supplier evaluation settings (`[suppliers]` in `smq.toml`).
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct SuppliersConfig {
    /// Criteria column headers; when empty, every other numeric column is a criterion.
    pub criteria: Vec<String>,
    /// Weight of each criterion, by header (relative; default 1 each).
    pub weights: BTreeMap<String, f64>,
    /// Weighted score from which a supplier is approved (on the criteria's scale).
    pub approve_at: Option<f64>,
    /// Weighted score from which a supplier is approved with reservations.
    pub conditional_at: Option<f64>,
    /// Months after which a critical supplier must be re-evaluated (default 12).
    pub reevaluation_months: Option<u32>,
}

/// Weighted mean of an evaluation's criteria scores; `None` without scores
/// (or when every present criterion weighs zero).
pub fn weighted_score(
    e: &SupplierEvaluation,
    criteria: &[String],
    cfg: &SuppliersConfig,
) -> Option<f64> {
    let weights: BTreeMap<String, f64> = cfg.weights.iter().map(|(k, v)| (fold(k), *v)).collect();
    let (mut sum, mut total) = (0.0, 0.0);
    for (i, score) in &e.criteria {
        let w = criteria
            .get(*i)
            .and_then(|c| weights.get(&fold(c)))
            .copied()
            .unwrap_or(1.0);
        sum += w * score;
        total += w;
    }
    (total > 0.0).then(|| sum / total)
}

/// The decision the configured thresholds give a score; `None` without thresholds.
pub fn decision(score: f64, cfg: &SuppliersConfig) -> Option<SupplierDecision> {
    let approve = cfg.approve_at?;
    Some(if score >= approve {
        SupplierDecision::Approved
    } else if cfg.conditional_at.is_some_and(|c| score >= c) {
        SupplierDecision::Conditional
    } else {
        SupplierDecision::Rejected
    })
}

/// One evaluation: date, weighted score, recorded decision, decision from
/// the thresholds.
pub type ScoredEvaluation = (
    Option<NaiveDate>,
    Option<f64>,
    Option<SupplierDecision>,
    Option<SupplierDecision>,
);

/// One supplier's picture.
#[derive(Debug, Clone, Serialize)]
pub struct SupplierSummary {
    pub name: String,
    pub category: Option<String>,
    pub critical: bool,
    /// (date, weighted score, recorded decision, decision from thresholds), oldest first.
    pub evaluations: Vec<ScoredEvaluation>,
    pub last_evaluated: Option<NaiveDate>,
    /// When the next evaluation is due (critical suppliers).
    pub due: Option<NaiveDate>,
    pub overdue: bool,
    /// Whether the last weighted score is below the one before.
    pub declining: bool,
    /// Events naming the supplier within the period.
    pub events: usize,
}

/// Every supplier of the register, by name (folded), as of `as_of`; events
/// counted within `[from, to]`.
pub fn summaries(
    regs: &Registers,
    cfg: &SuppliersConfig,
    as_of: NaiveDate,
    from: NaiveDate,
    to: NaiveDate,
) -> Vec<SupplierSummary> {
    let mut by_name: BTreeMap<String, Vec<&SupplierEvaluation>> = BTreeMap::new();
    for e in &regs.supplier_evaluations {
        if let Some(n) = &e.supplier {
            by_name.entry(fold(n)).or_default().push(e);
        }
    }
    // Events of the period by supplier, folded once (not once per supplier).
    let mut events_of: BTreeMap<String, usize> = BTreeMap::new();
    for ev in &regs.events {
        if let Some(s) = ev.supplier.as_deref()
            && ev.detected.is_some_and(|d| d >= from && d <= to)
        {
            *events_of.entry(fold(s)).or_default() += 1;
        }
    }
    let months = cfg.reevaluation_months.unwrap_or(12);
    by_name
        .into_iter()
        .map(|(key, mut evals)| {
            evals.sort_by_key(|e| e.evaluated);
            let last = evals.last().expect("grouped from at least one");
            let critical = evals.iter().any(|e| e.critical == Some(true));
            let scored: Vec<_> = evals
                .iter()
                .map(|e| {
                    let s = weighted_score(e, &regs.supplier_criteria, cfg).or(e.score);
                    (e.evaluated, s, e.decision, s.and_then(|s| decision(s, cfg)))
                })
                .collect();
            let last_evaluated = evals
                .iter()
                .filter_map(|e| e.evaluated)
                .filter(|d| *d <= as_of)
                .max();
            let due = if critical {
                last_evaluated.and_then(|d| d.checked_add_months(chrono::Months::new(months)))
            } else {
                None
            };
            let scores: Vec<f64> = scored.iter().filter_map(|s| s.1).collect();
            let declining =
                scores.len() >= 2 && scores[scores.len() - 1] < scores[scores.len() - 2];
            let events = events_of.get(&key).copied().unwrap_or(0);
            SupplierSummary {
                name: last.supplier.clone().unwrap_or_default(),
                category: last.category.clone(),
                critical,
                evaluations: scored,
                last_evaluated,
                overdue: due.is_some_and(|d| d < as_of) || (critical && last_evaluated.is_none()),
                due,
                declining,
                events,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::registers::RowRef;

    fn eval(
        name: &str,
        date: (i32, u32, u32),
        critical: bool,
        scores: &[(usize, f64)],
    ) -> SupplierEvaluation {
        SupplierEvaluation {
            at: RowRef { source: 0, row: 0 },
            supplier: Some(name.into()),
            category: None,
            critical: Some(critical),
            evaluated: NaiveDate::from_ymd_opt(date.0, date.1, date.2),
            score: None,
            decision: None,
            evaluator: None,
            comment: None,
            criteria: scores.to_vec(),
        }
    }

    #[test]
    fn weights_thresholds_and_due_dates() {
        let cfg = SuppliersConfig {
            weights: BTreeMap::from([("qualite".to_owned(), 2.0)]),
            approve_at: Some(3.0),
            conditional_at: Some(2.0),
            ..SuppliersConfig::default()
        };
        let regs = Registers {
            supplier_criteria: vec!["Qualité".into(), "Délais".into()],
            supplier_evaluations: vec![
                eval("Curium", (2024, 1, 10), true, &[(0, 4.0), (1, 1.0)]),
                eval("CURIUM", (2025, 1, 12), true, &[(0, 2.0), (1, 3.0)]),
                eval("Veolia", (2025, 6, 1), false, &[(0, 4.0), (1, 4.0)]),
            ],
            ..Registers::default()
        };
        // (2·4 + 1) / 3 = 3 → approved; (2·2 + 3) / 3 = 2.33 → with reservations.
        assert_eq!(
            weighted_score(&regs.supplier_evaluations[0], &regs.supplier_criteria, &cfg),
            Some(3.0)
        );
        assert_eq!(decision(3.0, &cfg), Some(SupplierDecision::Approved));
        assert_eq!(
            decision(7.0 / 3.0, &cfg),
            Some(SupplierDecision::Conditional)
        );
        assert_eq!(decision(1.9, &cfg), Some(SupplierDecision::Rejected));
        assert_eq!(decision(3.0, &SuppliersConfig::default()), None);
        let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
        let s = summaries(&regs, &cfg, d(2026, 3, 1), d(2025, 1, 1), d(2025, 12, 31));
        assert_eq!(s.len(), 2);
        let curium = &s[0];
        assert!(curium.critical && curium.declining);
        assert_eq!(curium.due, Some(d(2026, 1, 12)));
        assert!(curium.overdue);
        assert_eq!(curium.evaluations[1].3, Some(SupplierDecision::Conditional));
        assert!(!s[1].critical && !s[1].overdue && s[1].due.is_none());
    }
}
