//! The management review's frame: its period and the previous one, the
//! §9.3.2 inputs and the registers each rests on, and which inputs are
//! missing (register absent) or empty for the period — so that a section is
//! never silently empty.

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

use super::actions::{Origin, origin_kind};
use crate::input::parse::Month;
use crate::input::text::simplify;
use crate::registers::{Action, RegisterKind, Registers};

/// A closed date interval.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Period {
    pub from: NaiveDate,
    pub to: NaiveDate,
}

impl Period {
    /// The calendar year `year`.
    pub fn year(year: i32) -> Period {
        Period {
            from: NaiveDate::from_ymd_opt(year, 1, 1).expect("valid year"),
            to: NaiveDate::from_ymd_opt(year, 12, 31).expect("valid year"),
        }
    }

    /// The calendar year `year`, if the calendar has it.
    pub fn try_year(year: i32) -> Option<Period> {
        Some(Period {
            from: NaiveDate::from_ymd_opt(year, 1, 1)?,
            to: NaiveDate::from_ymd_opt(year, 12, 31)?,
        })
    }

    /// The last full calendar year at `as_of` (the as-of year itself on 31 December).
    pub fn last_full_year(as_of: NaiveDate) -> Period {
        let next = as_of.succ_opt().unwrap_or(as_of);
        Period::year(next.year() - 1)
    }

    /// Whether the period is exactly one calendar year.
    pub fn calendar_year(&self) -> Option<i32> {
        (self.from.month() == 1
            && self.from.day() == 1
            && self.to.month() == 12
            && self.to.day() == 31
            && self.from.year() == self.to.year())
        .then_some(self.from.year())
    }

    /// Whether the period runs from the first of a month to the last day of a month.
    fn whole_months(&self) -> bool {
        self.from.day() == 1 && self.to.succ_opt().is_some_and(|d| d.day() == 1)
    }

    /// The period of the same length just before: the same months a year
    /// (or as many months) earlier for whole months, else as many days.
    pub fn previous(&self) -> Period {
        if self.whole_months() {
            let n = self.months().len() as i32;
            let first = Month::of(self.from).plus(-n);
            Period {
                from: first.first_day(),
                to: self.from.pred_opt().expect("not the first day of time"),
            }
        } else {
            let days = (self.to - self.from).num_days();
            let to = self.from.pred_opt().expect("not the first day of time");
            Period {
                from: to - chrono::Duration::days(days),
                to,
            }
        }
    }

    pub fn contains(&self, d: NaiveDate) -> bool {
        d >= self.from && d <= self.to
    }

    /// Months the period touches, in order.
    pub fn months(&self) -> Vec<Month> {
        let (first, last) = (Month::of(self.from), Month::of(self.to));
        let mut out = Vec::new();
        let mut m = first;
        while m <= last {
            out.push(m);
            m = m.plus(1);
        }
        out
    }

    /// Length in days (both ends included).
    pub fn days(&self) -> f64 {
        ((self.to - self.from).num_days() + 1) as f64
    }
}

/// The inputs of §9.3.2, in the order of the review.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Input {
    /// (a) actions from previous reviews.
    PreviousActions,
    /// (b) external and internal issues.
    Issues,
    /// (c1) customer satisfaction and feedback.
    Satisfaction,
    /// (c2) quality objectives.
    Objectives,
    /// (c3, c5) process performance, monitoring and measurement.
    Performance,
    /// (c4) nonconformities and corrective actions.
    Nonconformities,
    /// (c6) audit results.
    Audits,
    /// (c7) external providers.
    Providers,
    /// (d) resources.
    Resources,
    /// (e) actions on risks and opportunities.
    Risks,
}

impl Input {
    pub const ALL: [Input; 10] = [
        Input::PreviousActions,
        Input::Issues,
        Input::Satisfaction,
        Input::Objectives,
        Input::Performance,
        Input::Nonconformities,
        Input::Audits,
        Input::Providers,
        Input::Resources,
        Input::Risks,
    ];

    /// Section number in the review (1 to 10).
    pub fn section(self) -> u8 {
        Input::ALL.iter().position(|i| *i == self).expect("listed") as u8 + 1
    }

    /// Key of the section (`a`, `b`, `c1`…), also its catalogue suffix.
    pub fn key(self) -> &'static str {
        match self {
            Input::PreviousActions => "a",
            Input::Issues => "b",
            Input::Satisfaction => "c1",
            Input::Objectives => "c2",
            Input::Performance => "c3",
            Input::Nonconformities => "c4",
            Input::Audits => "c6",
            Input::Providers => "c7",
            Input::Resources => "d",
            Input::Risks => "e",
        }
    }

    /// The registers the input rests on.
    pub fn registers(self) -> &'static [RegisterKind] {
        use RegisterKind as R;
        match self {
            Input::PreviousActions => &[R::Actions],
            Input::Issues => &[R::Watch, R::Parties],
            Input::Satisfaction => &[R::Surveys, R::Rex],
            Input::Objectives => &[R::Objectives, R::Indicators, R::IndicatorValues],
            Input::Performance => &[R::Indicators, R::IndicatorValues],
            Input::Nonconformities => &[R::Rex, R::Actions],
            Input::Audits => &[R::Audits, R::Findings],
            Input::Providers => &[R::Suppliers],
            Input::Resources => &[R::Training, R::Documents],
            Input::Risks => &[R::Actions],
        }
    }
}

/// The review section a commentary names: a number (`6`, `06`, `§ 6`), a
/// §9.3.2 letter (`a`, `c4`, `c) 4)`, `9.3.2 c4`), `9.3.3` for the outputs,
/// or words of the section's title ("Satisfaction", "Audits",
/// "Fournisseurs"…). 0 is the summary. `None` when nothing matches.
pub fn section_of(text: &str) -> Option<u8> {
    let s = simplify(text);
    let mut words: Vec<&str> = s.split(' ').filter(|w| !w.is_empty()).collect();
    if words.is_empty() {
        return None;
    }
    if words.starts_with(&["9", "3", "3"]) {
        return Some(12);
    }
    if words.starts_with(&["9", "3", "2"]) {
        words.drain(..3);
    }
    if matches!(
        words.first(),
        Some(&"section" | &"rubrique" | &"chapitre" | &"partie" | &"input")
    ) {
        words.remove(0);
    }
    let code: String = words.iter().take(2).copied().collect::<Vec<_>>().join("");
    let letter = |c: &str| -> Option<u8> {
        Some(match c {
            "a" => 1,
            "b" => 2,
            "c1" => 3,
            "c2" => 4,
            "c3" | "c5" => 5,
            "c4" => 6,
            "c6" => 7,
            "c7" => 8,
            "d" => 9,
            "e" => 10,
            "f" => 11,
            _ => return None,
        })
    };
    if let Some(first) = words.first() {
        // "c 4", "c4", "a".
        if let Some(n) = letter(&code).filter(|_| first.len() == 1 && first.starts_with('c')) {
            return Some(n);
        }
        if let Some(n) = letter(first) {
            return Some(n);
        }
        if let Ok(n) = first.parse::<u8>()
            && n <= 12
        {
            return Some(n);
        }
    }
    let has = |p: &str| s.contains(p);
    Some(
        if has("synthese") || has("summary") || has("resume") || has("introduction") {
            0
        } else if has("revues precedentes") || has("revue precedente") || has("previous review") {
            1
        } else if has("amelioration") || has("improvement") {
            11
        } else if has("decision") || has("sortie") || has("output") {
            12
        } else if has("risque") || has("opportunit") || has("risk") {
            10
        } else if has("enjeu")
            || has("contexte")
            || has("veille")
            || has("parties interessees")
            || has("issue")
        {
            2
        } else if has("satisfaction") || has("reclamation") || has("enquete") || has("complaint") {
            3
        } else if has("objecti") {
            4
        } else if has("non conformit")
            || has("nonconformit")
            || has("evenement")
            || has("corrective")
            || has("rex")
        {
            6
        } else if has("performance")
            || has("indicateur")
            || has("processus")
            || has("surveillance")
            || has("indicator")
        {
            5
        } else if has("audit") || has("inspection") {
            7
        } else if has("fournisseur") || has("prestataire") || has("supplier") || has("provider") {
            8
        } else if has("ressource")
            || has("formation")
            || has("competence")
            || has("document")
            || has("resource")
            || has("training")
        {
            9
        } else {
            return None;
        },
    )
}

/// Whether the event register covers `p`: it holds an event dated on or
/// before the period's end. A count of zero for a period the register does
/// not cover (its file for that year is absent) is unknown, not zero.
pub fn events_cover(regs: &Registers, p: &Period) -> bool {
    regs.events
        .iter()
        .any(|e| e.detected.is_some_and(|d| d <= p.to))
}

/// Why an input is incomplete.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Gap {
    /// No sheet of the register was found.
    NotFound,
    /// The register has no record for the period.
    Empty,
    /// The actions register has no action from a previous review.
    NoReviewAction,
    /// The actions register has no action on a risk or an opportunity.
    NoRiskAction,
}

impl Gap {
    /// The catalogue sentence saying what is missing (filled with `{register}`).
    pub fn key(self) -> &'static str {
        match self {
            Gap::NotFound => "rev.gap-not-found",
            Gap::Empty => "rev.gap-empty",
            Gap::NoReviewAction => "rev.gap-no-review-action",
            Gap::NoRiskAction => "rev.gap-no-risk-action",
        }
    }
}

/// One incomplete input.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct InputGap {
    pub input: Input,
    pub register: RegisterKind,
    pub gap: Gap,
}

/// The identifiers of the events and findings of a set of registers, folded
/// for the case-insensitive match of action origins: built once, asked for
/// every action (a linear scan per action was quadratic: 40 s on 100,000
/// events).
pub struct Origins {
    events: std::collections::HashSet<String>,
    findings: std::collections::HashSet<String>,
}

impl Origins {
    pub fn new(regs: &Registers) -> Origins {
        let key = |id: &Option<String>| id.as_deref().map(|i| i.trim().to_ascii_lowercase());
        Origins {
            events: regs.events.iter().filter_map(|e| key(&e.id)).collect(),
            findings: regs.findings.iter().filter_map(|f| key(&f.id)).collect(),
        }
    }

    /// The origin of an action.
    pub fn of(&self, a: &Action) -> Origin {
        let Some(origin) = a.origin.as_deref() else {
            return Origin::Other;
        };
        origin_kind(
            origin,
            |s| self.events.contains(&s.trim().to_ascii_lowercase()),
            |s| self.findings.contains(&s.trim().to_ascii_lowercase()),
        )
    }
}

/// Whether the register holds a record dated within the period (or, for
/// undated registers, any record).
fn has_records(regs: &Registers, kind: RegisterKind, p: &Period) -> bool {
    let within = |d: Option<NaiveDate>| d.is_some_and(|d| p.contains(d));
    match kind {
        RegisterKind::Rex => regs.events.iter().any(|e| within(e.detected)),
        RegisterKind::Actions => !regs.actions.is_empty(),
        RegisterKind::Suppliers => regs
            .supplier_evaluations
            .iter()
            .any(|e| within(e.evaluated)),
        RegisterKind::Surveys => regs.survey_responses.iter().any(|r| within(r.date)),
        RegisterKind::Indicators => !regs.indicators.is_empty(),
        RegisterKind::IndicatorValues => regs.indicator_values.iter().any(|v| {
            v.period
                .is_some_and(|m| m >= Month::of(p.from) && m <= Month::of(p.to))
        }),
        RegisterKind::Objectives => {
            let (y0, y1) = (p.from.year(), p.to.year());
            regs.objectives
                .iter()
                .any(|o| o.year.is_some_and(|y| y >= y0 && y <= y1))
        }
        RegisterKind::Audits => regs.audits.iter().any(|a| within(a.date)),
        RegisterKind::Findings => !regs.findings.is_empty(),
        RegisterKind::Documents => !regs.documents.is_empty(),
        RegisterKind::Watch => !regs.watch.is_empty(),
        RegisterKind::Parties => !regs.parties.is_empty(),
        RegisterKind::Training => !regs.training.is_empty(),
        RegisterKind::Comments => !regs.comments.is_empty(),
    }
}

/// Every incomplete input of the review of `p`, in section order. A
/// register missing altogether is named once per input it feeds.
pub fn gaps(regs: &Registers, p: &Period) -> Vec<InputGap> {
    let mut out = Vec::new();
    let mut origins: Option<Origins> = None;
    for input in Input::ALL {
        let mut any = false;
        for &kind in input.registers() {
            let gap = if !regs.found(kind) {
                Gap::NotFound
            } else if !has_records(regs, kind, p) {
                // Findings are judged with their audits; a year without
                // complaints is not a gap in the satisfaction input.
                if kind == RegisterKind::Findings
                    || (input == Input::Satisfaction && kind == RegisterKind::Rex)
                {
                    continue;
                }
                Gap::Empty
            } else {
                continue;
            };
            any = true;
            out.push(InputGap {
                input,
                register: kind,
                gap,
            });
        }
        if any || !regs.found(RegisterKind::Actions) {
            continue;
        }
        let wanted = match input {
            Input::PreviousActions => Some((Origin::Review, Gap::NoReviewAction)),
            Input::Risks => Some((Origin::Risk, Gap::NoRiskAction)),
            _ => None,
        };
        if let Some((origin, gap)) = wanted {
            let origins = origins.get_or_insert_with(|| Origins::new(regs));
            let found = regs.actions.iter().any(|a| {
                let o = origins.of(a);
                a.opened.is_none_or(|d| d <= p.to)
                    && (o == origin || (origin == Origin::Risk && o == Origin::Opportunity))
            });
            if !found {
                out.push(InputGap {
                    input,
                    register: RegisterKind::Actions,
                    gap,
                });
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::registers::{Event, RowRef, Source};

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn periods_and_their_previous() {
        let p = Period::last_full_year(d(2026, 10, 31));
        assert_eq!(p, Period::year(2025));
        assert_eq!(Period::last_full_year(d(2025, 12, 31)), Period::year(2025));
        assert_eq!(p.calendar_year(), Some(2025));
        assert_eq!(p.previous(), Period::year(2024));
        assert_eq!(p.months().len(), 12);
        assert_eq!(p.days(), 365.0);
        // A school year, July to June: the previous one.
        let sy = Period {
            from: d(2024, 7, 1),
            to: d(2025, 6, 30),
        };
        assert_eq!(
            sy.previous(),
            Period {
                from: d(2023, 7, 1),
                to: d(2024, 6, 30)
            }
        );
        assert_eq!(sy.calendar_year(), None);
        // Arbitrary days: as many days just before.
        let odd = Period {
            from: d(2025, 3, 10),
            to: d(2025, 3, 19),
        };
        assert_eq!(
            odd.previous(),
            Period {
                from: d(2025, 2, 28),
                to: d(2025, 3, 9)
            }
        );
    }

    #[test]
    fn sections_by_number_letter_or_title() {
        for (text, n) in [
            ("6", Some(6)),
            ("06", Some(6)),
            ("§ 6", Some(6)),
            ("Section 3", Some(3)),
            ("a", Some(1)),
            ("a)", Some(1)),
            ("c4", Some(6)),
            ("c) 4)", Some(6)),
            ("9.3.2 c) 1)", Some(3)),
            ("9.3.2 c5", Some(5)),
            ("9.3.3", Some(12)),
            ("Synthèse", Some(0)),
            ("Suivi des actions des revues précédentes", Some(1)),
            ("Veille réglementaire", Some(2)),
            ("Satisfaction des patients", Some(3)),
            ("Objectifs qualité", Some(4)),
            ("Indicateurs", Some(5)),
            ("Non-conformités et actions correctives", Some(6)),
            ("Audits", Some(7)),
            ("Fournisseurs", Some(8)),
            ("Ressources humaines", Some(9)),
            ("Risques et opportunités", Some(10)),
            ("Opportunités d'amélioration", Some(11)),
            ("Décisions", Some(12)),
            ("13", None),
            ("Divers", None),
            ("", None),
        ] {
            assert_eq!(section_of(text), n, "{text:?}");
        }
    }

    #[test]
    fn gaps_name_missing_and_empty_inputs() {
        let mut regs = Registers::default();
        let src = |kind| Source {
            register: kind,
            file: "x.xlsx".into(),
            sheet: "s".into(),
            header_row: 0,
            columns: vec![],
            rows: 1,
            headers: vec![],
            constants: vec![],
        };
        regs.sources
            .insert(RegisterKind::Rex, vec![src(RegisterKind::Rex)]);
        regs.events.push(Event {
            at: RowRef { source: 0, row: 1 },
            id: Some("E1".into()),
            detected: Some(d(2024, 5, 1)),
            kind: None,
            process: None,
            description: None,
            patient: None,
            reporter: None,
            severity: None,
            frequency: None,
            cause: None,
            declared: false,
            declared_on: None,
            systemic: None,
            supplier: None,
            actions: vec![],
            status: None,
            closed: None,
        });
        let g = gaps(&regs, &Period::year(2025));
        // REX is found but has no event in 2025: empty for the nonconformity
        // input, not a gap for satisfaction.
        assert!(g.contains(&InputGap {
            input: Input::Nonconformities,
            register: RegisterKind::Rex,
            gap: Gap::Empty
        }));
        assert!(
            !g.iter()
                .any(|x| x.input == Input::Satisfaction && x.register == RegisterKind::Rex)
        );
        assert!(g.contains(&InputGap {
            input: Input::Providers,
            register: RegisterKind::Suppliers,
            gap: Gap::NotFound
        }));
        // With the 2024 period, the REX input is complete.
        let g = gaps(&regs, &Period::year(2024));
        assert!(!g.iter().any(|x| x.register == RegisterKind::Rex));
    }
}
