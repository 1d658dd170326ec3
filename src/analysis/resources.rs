//! Resources (ISO 9001 §7.1, §7.2; decision 2019-DC-0660 art. 9): the state
//! of each person's training and habilitation at a date, counted by role, and
//! the controlled documents past their review date.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::Serialize;

use crate::input::text::fold;
use crate::registers::vocab::{DocCategory, DocStatus};
use crate::registers::{Document, Training};

/// Days before expiry from which a training is "due".
pub const DUE_WITHIN_DAYS: i64 = 90;

/// State of one person's training at a date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum TrainingState {
    /// Done and valid for more than [`DUE_WITHIN_DAYS`] (or without expiry).
    Valid,
    /// Done, expiring within [`DUE_WITHIN_DAYS`].
    Due,
    /// Its validity has ended: renewal overdue.
    Overdue,
    /// Planned: no date yet, or a date after the one judged.
    Planned,
}

/// The state of a training record at `at`.
pub fn training_state(t: &Training, at: NaiveDate) -> TrainingState {
    match (t.date, t.valid_until) {
        (None, _) => TrainingState::Planned,
        (Some(d), _) if d > at => TrainingState::Planned,
        (_, None) => TrainingState::Valid,
        (_, Some(v)) if v < at => TrainingState::Overdue,
        (_, Some(v)) if (v - at).num_days() <= DUE_WITHIN_DAYS => TrainingState::Due,
        _ => TrainingState::Valid,
    }
}

/// Training of one role at a date: each person's latest record of each
/// training counts once (a renewal replaces the record it renews).
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct RoleTraining {
    pub role: Option<String>,
    pub people: usize,
    /// Person × training pairs, by state.
    pub valid: usize,
    pub due: usize,
    pub overdue: usize,
    pub planned: usize,
    /// People holding at least one current habilitation.
    pub habilitated: usize,
}

impl RoleTraining {
    pub fn total(&self) -> usize {
        self.valid + self.due + self.overdue + self.planned
    }
}

/// The latest record of every (person, training), by folded names; records
/// without a person or a training are left out.
pub fn latest_records(training: &[Training], at: NaiveDate) -> Vec<&Training> {
    let mut latest: BTreeMap<(String, String), &Training> = BTreeMap::new();
    for t in training {
        let (Some(p), Some(name)) = (&t.person, &t.training) else {
            continue;
        };
        // A record dated after `at` only counts when nothing was done before.
        let key = (fold(p), fold(name));
        match latest.get(&key) {
            Some(cur) if rank(cur, at) >= rank(t, at) => {}
            _ => {
                latest.insert(key, t);
            }
        }
    }
    latest.into_values().collect()
}

/// Orders records of the same person and training: done records by date,
/// above planned ones.
fn rank(t: &Training, at: NaiveDate) -> (bool, Option<NaiveDate>) {
    let done = t.date.is_some_and(|d| d <= at);
    (done, t.date)
}

/// Training states by role (roles in name order, no role last).
pub fn by_role(training: &[Training], at: NaiveDate) -> Vec<RoleTraining> {
    let mut roles: BTreeMap<Option<String>, (RoleTraining, BTreeMap<String, bool>)> =
        BTreeMap::new();
    for t in latest_records(training, at) {
        let role = t.role.as_ref().map(|r| r.trim().to_owned());
        let key = role.as_deref().map(fold);
        let (entry, people) = roles.entry(key).or_insert_with(|| {
            (
                RoleTraining {
                    role: role.clone(),
                    ..RoleTraining::default()
                },
                BTreeMap::new(),
            )
        });
        let state = training_state(t, at);
        match state {
            TrainingState::Valid => entry.valid += 1,
            TrainingState::Due => entry.due += 1,
            TrainingState::Overdue => entry.overdue += 1,
            TrainingState::Planned => entry.planned += 1,
        }
        let current_habilitation = t.habilitation == Some(true)
            && matches!(state, TrainingState::Valid | TrainingState::Due);
        let person = fold(t.person.as_deref().unwrap_or_default());
        let h = people.entry(person).or_insert(false);
        *h |= current_habilitation;
    }
    let mut out: Vec<(bool, RoleTraining)> = roles
        .into_iter()
        .map(|(k, (mut r, people))| {
            r.people = people.len();
            r.habilitated = people.values().filter(|h| **h).count();
            (k.is_none(), r)
        })
        .collect();
    out.sort_by_key(|a| a.0);
    out.into_iter().map(|(_, r)| r).collect()
}

/// Whether a document in force is past its review date at `at`. Drafts,
/// withdrawn documents and archives are not reviewed.
pub fn past_review(d: &Document, at: NaiveDate) -> bool {
    d.next_review.is_some_and(|n| n < at)
        && !matches!(d.status, Some(DocStatus::Withdrawn | DocStatus::Draft))
        && d.category != Some(DocCategory::Archive)
}

/// Documents by category: (in force or under review, past review date).
pub fn documents_by_category(
    documents: &[Document],
    at: NaiveDate,
) -> BTreeMap<Option<DocCategory>, (usize, usize)> {
    let mut out: BTreeMap<Option<DocCategory>, (usize, usize)> = BTreeMap::new();
    for d in documents {
        if matches!(d.status, Some(DocStatus::Withdrawn)) {
            continue;
        }
        let e = out.entry(d.category).or_default();
        e.0 += 1;
        if past_review(d, at) {
            e.1 += 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::registers::RowRef;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn t(
        person: &str,
        role: Option<&str>,
        training: &str,
        date: Option<NaiveDate>,
        until: Option<NaiveDate>,
        hab: bool,
    ) -> Training {
        Training {
            at: RowRef { source: 0, row: 0 },
            person: Some(person.into()),
            role: role.map(Into::into),
            training: Some(training.into()),
            date,
            valid_until: until,
            habilitation: Some(hab),
        }
    }

    #[test]
    fn states_at_a_date() {
        let at = d(2025, 12, 31);
        let s = |date, until| training_state(&t("A", None, "RP", date, until, false), at);
        assert_eq!(s(None, None), TrainingState::Planned);
        assert_eq!(s(Some(d(2026, 1, 5)), None), TrainingState::Planned);
        assert_eq!(s(Some(d(2020, 1, 5)), None), TrainingState::Valid);
        assert_eq!(
            s(Some(d(2019, 1, 5)), Some(d(2025, 12, 30))),
            TrainingState::Overdue
        );
        // 90 days ahead is due, 91 is valid.
        assert_eq!(
            s(Some(d(2019, 1, 5)), Some(d(2026, 3, 31))),
            TrainingState::Due
        );
        assert_eq!(
            s(Some(d(2019, 1, 5)), Some(d(2026, 4, 1))),
            TrainingState::Valid
        );
    }

    #[test]
    fn roles_count_each_person_latest_record() {
        let at = d(2025, 12, 31);
        let rows = vec![
            // Renewed: the 2019 record (expired) is replaced by the 2025 one.
            t(
                "Alice Martin",
                Some("Manipulateur"),
                "Radioprotection des patients",
                Some(d(2019, 3, 1)),
                Some(d(2025, 3, 1)),
                false,
            ),
            t(
                "alice martin",
                Some("Manipulateur"),
                "radioprotection des patients",
                Some(d(2025, 2, 10)),
                Some(d(2035, 2, 10)),
                false,
            ),
            t(
                "Alice Martin",
                Some("Manipulateur"),
                "Habilitation caméra CZT",
                Some(d(2024, 5, 1)),
                None,
                true,
            ),
            t(
                "Bruno Petit",
                Some("manipulateur "),
                "Radioprotection des patients",
                Some(d(2015, 6, 1)),
                Some(d(2025, 6, 1)),
                false,
            ),
            t(
                "Bruno Petit",
                Some("Manipulateur"),
                "Habilitation caméra CZT",
                None,
                None,
                true,
            ),
            t(
                "Chloé Roux",
                Some("Médecin"),
                "Radioprotection des patients",
                Some(d(2016, 1, 15)),
                Some(d(2026, 1, 15)),
                false,
            ),
            t("Dan", None, "Incendie", Some(d(2025, 1, 1)), None, false),
        ];
        let r = by_role(&rows, at);
        assert_eq!(r.len(), 3);
        assert_eq!(r[0].role.as_deref(), Some("Manipulateur"));
        assert_eq!(
            (
                r[0].people,
                r[0].valid,
                r[0].due,
                r[0].overdue,
                r[0].planned,
                r[0].habilitated
            ),
            (2, 2, 0, 1, 1, 1)
        );
        assert_eq!(r[1].role.as_deref(), Some("Médecin"));
        assert_eq!((r[1].people, r[1].due), (1, 1));
        assert_eq!(r[2].role, None, "no role comes last");
        assert_eq!(r[2].total(), 1);
    }

    #[test]
    fn documents_past_review() {
        let doc = |cat, status, next| Document {
            at: RowRef { source: 0, row: 0 },
            reference: None,
            title: None,
            process: None,
            category: Some(cat),
            version: None,
            effective: None,
            next_review: next,
            author: None,
            reviewer: None,
            approver: None,
            status: Some(status),
        };
        let at = d(2025, 12, 31);
        let docs = vec![
            doc(
                DocCategory::Applicable,
                DocStatus::InForce,
                Some(d(2025, 6, 1)),
            ),
            doc(
                DocCategory::Applicable,
                DocStatus::InForce,
                Some(d(2026, 6, 1)),
            ),
            doc(
                DocCategory::Applicable,
                DocStatus::InReview,
                Some(d(2025, 1, 1)),
            ),
            doc(DocCategory::Form, DocStatus::Draft, Some(d(2020, 1, 1))),
            doc(DocCategory::Form, DocStatus::Withdrawn, Some(d(2020, 1, 1))),
        ];
        let by = documents_by_category(&docs, at);
        assert_eq!(by[&Some(DocCategory::Applicable)], (3, 2));
        assert_eq!(by[&Some(DocCategory::Form)], (1, 0));
    }
}
