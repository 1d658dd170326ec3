//! The action plan over a period: opened, closed, late, ageing of open
//! actions, on-time closure rate and effectiveness checked and found.

use chrono::NaiveDate;
use serde::Serialize;

use crate::input::text::simplify;
use crate::registers::Action;
use crate::registers::vocab::Effectiveness;

/// Whether an action is late at `as_of`: due before it, and neither done nor
/// closed nor cancelled.
pub fn is_late(a: &Action, as_of: NaiveDate) -> bool {
    a.due.is_some_and(|d| d < as_of)
        && a.done.is_none()
        && !a.status.is_some_and(|s| s.is_finished())
}

/// Whether an action is still open at `as_of`.
pub fn is_open(a: &Action, as_of: NaiveDate) -> bool {
    a.opened.is_some_and(|o| o <= as_of)
        && a.done.is_none_or(|d| d > as_of)
        && !(a.done.is_none() && a.status.is_some_and(|s| s.is_finished()))
}

/// Age buckets of open actions, in days since opening.
pub const AGE_BUCKETS: [(i64, i64); 4] = [(0, 30), (31, 90), (91, 180), (181, i64::MAX)];

/// Figures of the action plan for a period.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ActionStats {
    /// Opened within the period.
    pub opened: usize,
    /// Done within the period.
    pub closed: usize,
    /// Of those closed with a due date, closed on or before it.
    pub closed_on_time: usize,
    pub closed_with_due: usize,
    /// Open at the end of the period, by age bucket.
    pub open_by_age: [usize; 4],
    /// Late at the end of the period.
    pub late: usize,
    /// Done within the period whose effectiveness was checked (a verdict other than "to evaluate").
    pub effectiveness_checked: usize,
    /// …and found effective.
    pub effective: usize,
}

impl ActionStats {
    /// On-time closure rate, when some closed action had a due date.
    pub fn on_time_rate(&self) -> Option<f64> {
        (self.closed_with_due > 0).then(|| self.closed_on_time as f64 / self.closed_with_due as f64)
    }
}

/// Figures for actions over `[from, to]` (inclusive), judged at `to`.
pub fn stats<'a>(
    actions: impl IntoIterator<Item = &'a Action>,
    from: NaiveDate,
    to: NaiveDate,
) -> ActionStats {
    let mut s = ActionStats {
        opened: 0,
        closed: 0,
        closed_on_time: 0,
        closed_with_due: 0,
        open_by_age: [0; 4],
        late: 0,
        effectiveness_checked: 0,
        effective: 0,
    };
    let within = |d: Option<NaiveDate>| d.is_some_and(|d| d >= from && d <= to);
    for a in actions {
        if within(a.opened) {
            s.opened += 1;
        }
        if within(a.done) {
            s.closed += 1;
            if let (Some(done), Some(due)) = (a.done, a.due) {
                s.closed_with_due += 1;
                if done <= due {
                    s.closed_on_time += 1;
                }
            }
            match a.effectiveness {
                Some(Effectiveness::ToEvaluate) | None => {}
                Some(e) => {
                    s.effectiveness_checked += 1;
                    if e == Effectiveness::Effective {
                        s.effective += 1;
                    }
                }
            }
        }
        if is_open(a, to) {
            let age = (to - a.opened.expect("open actions have an opening date")).num_days();
            if let Some(i) = AGE_BUCKETS
                .iter()
                .position(|(lo, hi)| age >= *lo && age <= *hi)
            {
                s.open_by_age[i] += 1;
            }
        }
        if is_late(a, to) {
            s.late += 1;
        }
    }
    s
}

/// Where an action comes from, read from its origin cell.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Origin {
    /// A management-review decision (`RDD-2025`, "Revue de direction 2025").
    Review,
    /// An event of the REX register (its identifier).
    Event,
    /// An audit finding (its identifier, or "audit …").
    Finding,
    /// A satisfaction survey or a complaint campaign.
    Survey,
    /// The risk analysis (risk mapping).
    Risk,
    /// An opportunity.
    Opportunity,
    /// The regulatory watch.
    Watch,
    Other,
}

/// Reads an origin cell. Identifiers of events and findings are recognised
/// through `is_event` and `is_finding` (exact identifiers, case-insensitive);
/// the rest by words: `RDD`, "revue de direction", "management review",
/// "risque", "opportunité", "enquête", "veille", "audit"…
pub fn origin_kind(
    origin: &str,
    is_event: impl Fn(&str) -> bool,
    is_finding: impl Fn(&str) -> bool,
) -> Origin {
    let raw = origin.trim();
    if is_event(raw) {
        return Origin::Event;
    }
    if is_finding(raw) {
        return Origin::Finding;
    }
    let s = simplify(raw);
    let words: Vec<&str> = s.split(' ').filter(|w| !w.is_empty()).collect();
    let has = |w: &str| words.contains(&w);
    let starts = |p: &str| words.iter().any(|w| w.starts_with(p));
    if starts("rdd")
        || s.contains("revue de direction")
        || s.contains("management review")
        || s.contains("revue direction")
    {
        Origin::Review
    } else if starts("opportunit") {
        Origin::Opportunity
    } else if starts("risque") || starts("risk") || s.contains("cartographie") {
        Origin::Risk
    } else if starts("enquete")
        || starts("survey")
        || starts("satisfaction")
        || starts("questionnaire")
    {
        Origin::Survey
    } else if has("veille") || s.contains("regulatory watch") || starts("reglementa") {
        Origin::Watch
    } else if starts("audit") || starts("inspection") || has("constat") || has("finding") {
        Origin::Finding
    } else if starts("fei")
        || starts("evenement")
        || starts("event")
        || starts("reclamation")
        || starts("complaint")
    {
        Origin::Event
    } else {
        Origin::Other
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

    fn action(
        opened: NaiveDate,
        due: Option<NaiveDate>,
        done: Option<NaiveDate>,
        status: Status,
        eff: Option<Effectiveness>,
    ) -> Action {
        Action {
            at: RowRef { source: 0, row: 0 },
            id: None,
            origin: None,
            kind: None,
            process: None,
            description: None,
            owner: None,
            opened: Some(opened),
            due,
            done,
            status: Some(status),
            effectiveness: eff,
            checked_on: None,
            indicator: None,
        }
    }

    #[test]
    fn hand_checked_year() {
        let end = d(2025, 12, 31);
        let actions = [
            // Closed on time, effective.
            action(
                d(2025, 1, 10),
                Some(d(2025, 3, 1)),
                Some(d(2025, 2, 20)),
                Status::Closed,
                Some(Effectiveness::Effective),
            ),
            // Closed late, not effective.
            action(
                d(2025, 2, 1),
                Some(d(2025, 3, 1)),
                Some(d(2025, 4, 2)),
                Status::Done,
                Some(Effectiveness::NotEffective),
            ),
            // Closed, effectiveness still to evaluate, no due date.
            action(
                d(2025, 5, 1),
                None,
                Some(d(2025, 6, 1)),
                Status::Done,
                Some(Effectiveness::ToEvaluate),
            ),
            // Open since 2024, late.
            action(
                d(2024, 6, 1),
                Some(d(2024, 9, 1)),
                None,
                Status::InProgress,
                None,
            ),
            // Open for 20 days, not due yet.
            action(
                d(2025, 12, 11),
                Some(d(2026, 1, 31)),
                None,
                Status::Open,
                None,
            ),
            // Cancelled: neither open nor late.
            action(
                d(2025, 3, 1),
                Some(d(2025, 4, 1)),
                None,
                Status::Cancelled,
                None,
            ),
        ];
        let s = stats(&actions, d(2025, 1, 1), end);
        assert_eq!(s.opened, 5);
        assert_eq!(s.closed, 3);
        assert_eq!((s.closed_on_time, s.closed_with_due), (1, 2));
        assert_eq!(s.on_time_rate(), Some(0.5));
        assert_eq!(s.open_by_age, [1, 0, 0, 1]);
        assert_eq!(s.late, 1);
        assert_eq!((s.effectiveness_checked, s.effective), (2, 1));
        assert!(is_late(&actions[3], end));
        assert!(!is_late(&actions[5], end));
    }

    #[test]
    fn origins_by_identifier_and_by_words() {
        let ev = |s: &str| s.eq_ignore_ascii_case("FEI-2025-014");
        let fi = |s: &str| s.eq_ignore_ascii_case("AUD-2025-02-C3");
        let k = |s: &str| origin_kind(s, ev, fi);
        assert_eq!(k("fei-2025-014"), Origin::Event);
        assert_eq!(k("AUD-2025-02-C3"), Origin::Finding);
        assert_eq!(k("RDD-2025"), Origin::Review);
        assert_eq!(k("RDD2024"), Origin::Review);
        assert_eq!(k("Revue de direction 2025"), Origin::Review);
        assert_eq!(k("Management review 2025"), Origin::Review);
        assert_eq!(k("Risque"), Origin::Risk);
        assert_eq!(k("Cartographie des risques"), Origin::Risk);
        assert_eq!(k("Opportunité"), Origin::Opportunity);
        assert_eq!(k("Enquête de satisfaction prescripteurs"), Origin::Survey);
        assert_eq!(k("Veille réglementaire"), Origin::Watch);
        assert_eq!(k("Audit interne 2025"), Origin::Finding);
        assert_eq!(k("Réclamation"), Origin::Event);
        assert_eq!(k("Idée d'un manipulateur"), Origin::Other);
    }
}
