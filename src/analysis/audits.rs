//! Audits: findings by grade, open findings and their age, findings that
//! recur across audits, and where the certification cycle stands
//! (ISO/IEC 17021-1: certification, surveillance in years 1 and 2 — the first
//! within 12 months of certification — renewal in year 3).

use std::collections::{BTreeMap, BTreeSet};

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

use crate::input::text::{fold, simplify};
use crate::registers::vocab::{AuditKind, Grade};
use crate::registers::{Audit, Finding};

/// The audit of each finding, by identifier (case-insensitive).
pub fn audits_by_id(audits: &[Audit]) -> BTreeMap<String, &Audit> {
    audits
        .iter()
        .filter_map(|a| Some((a.id.as_ref()?.trim().to_lowercase(), a)))
        .collect()
}

/// Whether a finding is open at `as_of`: not closed by then, and its status
/// (if any) not finished.
pub fn is_open(f: &Finding, as_of: NaiveDate) -> bool {
    f.closed.is_none_or(|c| c > as_of)
        && !(f.closed.is_none() && f.status.is_some_and(|s| s.is_finished()))
}

/// Whether a grade needs follow-up (not a strength).
pub fn needs_action(g: Grade) -> bool {
    g != Grade::Strength
}

/// A finding's clause reduced to its key: `§ 8.5.1` and `8.5.1 ` compare equal,
/// and so do `Art. 9` and `article 9`.
pub fn clause_key(clause: &str) -> String {
    simplify(clause)
        .split(' ')
        .filter(|w| {
            !w.is_empty()
                && !matches!(
                    *w,
                    "article"
                        | "art"
                        | "chapitre"
                        | "chap"
                        | "clause"
                        | "exigence"
                        | "iso"
                        | "9001"
                        | "2015"
                        | "n"
                )
        })
        .collect::<Vec<_>>()
        .join(".")
}

/// Groups of findings that recur: same clause (and same process when both
/// name one) raised by at least two different audits. Returns the finding
/// indices of each group, groups in clause order.
pub fn recurring(findings: &[Finding]) -> Vec<Vec<usize>> {
    let mut groups: BTreeMap<(String, String), Vec<usize>> = BTreeMap::new();
    for (i, f) in findings.iter().enumerate() {
        let (Some(clause), Some(grade)) = (&f.clause, f.grade) else {
            continue;
        };
        if !needs_action(grade) {
            continue;
        }
        let process = f.process.as_deref().map(fold).unwrap_or_default();
        groups
            .entry((clause_key(clause), process))
            .or_default()
            .push(i);
    }
    groups
        .into_values()
        .filter(|ids| {
            let audits: BTreeSet<String> = ids
                .iter()
                .filter_map(|&i| findings[i].audit.as_ref().map(|a| a.trim().to_lowercase()))
                .collect();
            audits.len() >= 2
        })
        .collect()
}

/// Where the certification cycle stands at a date.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Cycle {
    /// Last certification or renewal audit.
    pub certified: Option<NaiveDate>,
    /// Surveillance audits since then.
    pub surveillances: Vec<NaiveDate>,
    /// The next audit the cycle expects, and by when.
    pub next: Option<(AuditKind, NaiveDate)>,
    /// Whether that date has passed.
    pub overdue: bool,
}

fn add_months(d: NaiveDate, months: u32) -> NaiveDate {
    d.checked_add_months(chrono::Months::new(months))
        .unwrap_or(d)
}

/// The certification cycle as of `as_of`, from the audits held until then.
pub fn cycle(audits: &[Audit], as_of: NaiveDate) -> Cycle {
    let held: Vec<&Audit> = audits
        .iter()
        .filter(|a| a.date.is_some_and(|d| d <= as_of))
        .collect();
    let certified = held
        .iter()
        .filter(|a| matches!(a.kind, Some(AuditKind::Certification | AuditKind::Renewal)))
        .filter_map(|a| a.date)
        .max();
    let Some(cert) = certified else {
        return Cycle {
            certified: None,
            surveillances: vec![],
            next: None,
            overdue: false,
        };
    };
    let mut surveillances: Vec<NaiveDate> = held
        .iter()
        .filter(|a| a.kind == Some(AuditKind::Surveillance))
        .filter_map(|a| a.date)
        .filter(|d| *d > cert)
        .collect();
    surveillances.sort();
    // Surveillance 1 within 12 months of certification, surveillance 2 the
    // year after, renewal before the certificate's third anniversary.
    let next = match surveillances.len() {
        0 => (AuditKind::Surveillance, add_months(cert, 12)),
        1 => (
            AuditKind::Surveillance,
            NaiveDate::from_ymd_opt(cert.year() + 2, 12, 31).unwrap_or(cert),
        ),
        _ => (AuditKind::Renewal, add_months(cert, 36)),
    };
    Cycle {
        certified: Some(cert),
        surveillances,
        overdue: next.1 < as_of,
        next: Some(next),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::registers::RowRef;
    use crate::registers::vocab::Status;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn audit(id: &str, kind: AuditKind, date: NaiveDate) -> Audit {
        Audit {
            at: RowRef { source: 0, row: 0 },
            id: Some(id.into()),
            kind: Some(kind),
            date: Some(date),
            auditor: None,
            scope: None,
            standard: None,
            status: None,
        }
    }

    fn finding(
        audit: &str,
        grade: Grade,
        clause: &str,
        process: Option<&str>,
        closed: Option<NaiveDate>,
    ) -> Finding {
        Finding {
            at: RowRef { source: 0, row: 0 },
            id: None,
            audit: Some(audit.into()),
            grade: Some(grade),
            clause: Some(clause.into()),
            process: process.map(Into::into),
            description: None,
            actions: vec![],
            status: closed.map(|_| Status::Closed),
            closed,
        }
    }

    #[test]
    fn recurrences_need_two_audits_and_ignore_strengths() {
        let f = vec![
            finding("A1", Grade::MinorNc, "§ 8.5.1", Some("Injection"), None),
            finding("A2", Grade::Observation, "8.5.1", Some("injection"), None),
            finding("A2", Grade::MinorNc, "8.5.1", Some("Injection"), None),
            finding("A1", Grade::Strength, "9.1.3", None, None),
            finding("A2", Grade::Strength, "9.1.3", None, None),
            finding("ASN-1", Grade::MinorNc, "Art. 9", None, None),
            finding("ASN-2", Grade::MinorNc, "article 9", None, None),
        ];
        assert_eq!(recurring(&f), vec![vec![0, 1, 2], vec![5, 6]]);
        assert_eq!(clause_key("Art. 9"), "9");
        assert_eq!(clause_key("article 9"), "9");
        assert_eq!(clause_key("ISO 9001:2015 § 8.5.1"), "8.5.1");
    }

    #[test]
    fn open_findings() {
        let asof = d(2025, 6, 30);
        assert!(is_open(
            &finding("A", Grade::MinorNc, "7.2", None, None),
            asof
        ));
        assert!(!is_open(
            &finding("A", Grade::MinorNc, "7.2", None, Some(d(2025, 5, 1))),
            asof
        ));
        assert!(is_open(
            &finding("A", Grade::MinorNc, "7.2", None, Some(d(2025, 7, 1))),
            asof
        ));
    }

    #[test]
    fn certification_cycle_positions() {
        let audits = vec![
            audit("C", AuditKind::Certification, d(2023, 3, 15)),
            audit("S1", AuditKind::Surveillance, d(2024, 3, 10)),
            audit("S2", AuditKind::Surveillance, d(2025, 3, 12)),
            audit("I", AuditKind::Internal, d(2025, 1, 10)),
        ];
        let c = cycle(&audits, d(2024, 1, 1));
        assert_eq!(c.next, Some((AuditKind::Surveillance, d(2024, 3, 15))));
        assert!(!c.overdue);
        let c = cycle(&audits, d(2024, 6, 1));
        assert_eq!(c.surveillances, [d(2024, 3, 10)]);
        assert_eq!(c.next, Some((AuditKind::Surveillance, d(2025, 12, 31))));
        let c = cycle(&audits, d(2026, 4, 1));
        assert_eq!(c.next, Some((AuditKind::Renewal, d(2026, 3, 15))));
        assert!(c.overdue, "renewal was due by the third anniversary");
        assert_eq!(cycle(&audits[3..], d(2026, 1, 1)).certified, None);
    }
}
