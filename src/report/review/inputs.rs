//! Review sections built from the registers other than indicators and
//! events: previous reviews' actions, issues (watch, interested parties),
//! satisfaction, audits, providers, resources, risks, §9.3.3 outputs.

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;
use serde::Serialize;

use super::{ActionRow, ActionsSection, Ctx, FigureRow, OutputRow, OutputsSection, bars};
use crate::analysis::actions::{Origin, is_late};
use crate::analysis::audits::{self, clause_key, cycle, recurring};
use crate::analysis::resources::{self, by_role, documents_by_category, past_review};
use crate::analysis::review::Origins;
use crate::analysis::suppliers::summaries;
use crate::analysis::surveys::{BoxRate, campaigns_in_order, top_two_box, two_proportion_z};
use crate::registers::vocab::{
    Applicability, AuditKind, Effectiveness, EventType, Grade, Population, Proximity,
};
use crate::registers::{Action, RegisterKind};
use crate::report::capped::{Capped, ROWS};
use crate::report::charts::{LegendItem, Role, Tick};
use crate::report::common::Marked;
use crate::report::format;
use crate::report::indicators::BarSpec;

use crate::analysis::trend::ALPHA;

fn action_row(ctx: &Ctx, a: &Action, at: NaiveDate) -> ActionRow {
    let late = is_late(a, at);
    let tone = if late || matches!(a.effectiveness, Some(Effectiveness::NotEffective)) {
        "bad"
    } else if a.done.is_some_and(|d| d <= at) || a.status.is_some_and(|s| s.is_finished()) {
        "good"
    } else {
        "neutral"
    };
    ActionRow {
        id: a.id.clone().unwrap_or_default(),
        origin: a.origin.clone().unwrap_or_default(),
        description: a.description.clone().unwrap_or_default(),
        process: a.process.clone().unwrap_or_default(),
        opened: ctx.date(a.opened),
        due: ctx.date(a.due),
        status: if a.done.is_some_and(|d| d <= at) {
            ctx.fill("rev.done-on", &[("date", ctx.date(a.done))])
        } else {
            a.status
                .map(|s| s.label(ctx.lang).to_owned())
                .unwrap_or_default()
        },
        late: if late {
            ctx.fill(
                "rev.days-late",
                &[(
                    "n",
                    format::int((at - a.due.expect("late has due")).num_days(), ctx.lang),
                )],
            )
        } else {
            String::new()
        },
        effectiveness: a
            .effectiveness
            .map(|e| e.label(ctx.lang).to_owned())
            .unwrap_or_default(),
        tone,
    }
}

/// Lines and rows for a set of actions followed over the period.
fn actions_section(ctx: &Ctx, number: u8, key: &'static str, wanted: &[Origin]) -> ActionsSection {
    let regs = &ctx.checked.registers;
    let at = ctx.period.to;
    let origins = Origins::new(regs);
    let mut chosen: Vec<&Action> = regs
        .actions
        .iter()
        .filter(|a| wanted.contains(&origins.of(a)))
        .filter(|a| a.opened.is_none_or(|o| o <= at))
        // Still relevant in the period: not done before it started.
        .filter(|a| a.done.is_none_or(|d| d >= ctx.period.from))
        .collect();
    chosen.sort_by(|a, b| a.opened.cmp(&b.opened).then_with(|| a.id.cmp(&b.id)));
    let done = chosen
        .iter()
        .filter(|a| a.done.is_some_and(|d| d <= at))
        .count();
    let late = chosen.iter().filter(|a| is_late(a, at)).count();
    let checked = chosen
        .iter()
        .filter(|a| {
            matches!(
                a.effectiveness,
                Some(
                    Effectiveness::Effective | Effectiveness::Partial | Effectiveness::NotEffective
                )
            )
        })
        .count();
    let effective = chosen
        .iter()
        .filter(|a| a.effectiveness == Some(Effectiveness::Effective))
        .count();
    let lines = if chosen.is_empty() {
        vec![ctx.t(&format!("rev.{key}-none"))]
    } else {
        vec![
            ctx.fill(
                &format!("rev.{key}-count"),
                &[
                    ("n", ctx.count(chosen.len())),
                    ("done", ctx.count(done)),
                    ("open", ctx.count(chosen.len() - done)),
                    ("late", ctx.count(late)),
                    ("date", format::date(at, ctx.lang)),
                ],
            ),
            ctx.fill(
                "rev.effectiveness-line",
                &[
                    ("checked", ctx.count(checked)),
                    ("effective", ctx.count(effective)),
                ],
            ),
        ]
    };
    ActionsSection {
        head: ctx.head(number, key, &[RegisterKind::Actions]),
        lines,
        rows: Capped::cut(
            chosen.iter().map(|a| action_row(ctx, a, at)).collect(),
            ROWS,
            ctx.lang,
        ),
    }
}

pub(super) fn previous_actions(ctx: &Ctx) -> ActionsSection {
    actions_section(ctx, 1, "a", &[Origin::Review])
}

pub(super) fn risks(ctx: &Ctx) -> ActionsSection {
    actions_section(ctx, 10, "e", &[Origin::Risk, Origin::Opportunity])
}

// ---------------------------------------------------------------- (b) issues

#[derive(Debug, Serialize)]
pub struct IssuesSection {
    pub head: super::SectionHead,
    pub watch_lines: Vec<String>,
    pub watch: Capped<WatchRow>,
    pub parties_lines: Vec<String>,
    pub map: PartyMap,
    pub parties: Capped<PartyRow>,
}

#[derive(Debug, Serialize)]
pub struct WatchRow {
    pub reference: String,
    pub title: String,
    pub date: String,
    pub applicable: String,
    pub impact: String,
    pub actions: String,
    pub status: String,
}

#[derive(Debug, Serialize)]
pub struct PartyMap {
    pub centre: String,
    pub rings: Vec<Ring>,
    pub parties: Vec<MapParty>,
    pub legend: Option<Vec<LegendItem>>,
}

#[derive(Debug, Serialize)]
pub struct Ring {
    pub label: String,
    pub role: Role,
}

#[derive(Debug, Serialize)]
pub struct MapParty {
    pub number: String,
    pub name: String,
    pub ring: u8,
}

#[derive(Debug, Serialize)]
pub struct PartyRow {
    pub number: String,
    pub name: String,
    pub category: String,
    pub proximity: String,
    pub expectations: String,
    pub reviewed: String,
    /// Not reviewed within the period.
    pub stale: bool,
}

pub(super) fn issues(ctx: &Ctx) -> IssuesSection {
    let regs = &ctx.checked.registers;
    let p = &ctx.period;
    let in_period = |d: Option<NaiveDate>| d.is_some_and(|d| p.contains(d));
    let in_prev = |d: Option<NaiveDate>| d.is_some_and(|d| ctx.previous.contains(d));
    // Texts of the period: published or coming into force in it, and texts
    // still to assess at its end.
    let mut items: Vec<_> = regs
        .watch
        .iter()
        .filter(|w| {
            in_period(w.published)
                || in_period(w.effective)
                || (w.applicable == Some(Applicability::ToAssess)
                    && w.published.is_none_or(|d| d <= p.to))
        })
        .collect();
    items.sort_by(|a, b| {
        a.published
            .or(a.effective)
            .cmp(&b.published.or(b.effective))
            .then_with(|| a.reference.cmp(&b.reference))
    });
    let new_now = regs
        .watch
        .iter()
        .filter(|w| in_period(w.published) || (w.published.is_none() && in_period(w.effective)))
        .count();
    let new_prev = regs
        .watch
        .iter()
        .filter(|w| in_prev(w.published) || (w.published.is_none() && in_prev(w.effective)))
        .count();
    let count = |a: Applicability| items.iter().filter(|w| w.applicable == Some(a)).count();
    let with_action = items.iter().filter(|w| !w.actions.is_empty()).count();
    let watch_lines = vec![
        ctx.fill(
            "rev.watch-count",
            &[
                ("n", ctx.count(new_now)),
                ("previous", ctx.count(new_prev)),
                ("prev_label", ctx.previous_short()),
            ],
        ),
        ctx.fill(
            "rev.watch-applicability",
            &[
                ("yes", ctx.count(count(Applicability::Yes))),
                ("assess", ctx.count(count(Applicability::ToAssess))),
                ("no", ctx.count(count(Applicability::No))),
                ("actions", ctx.count(with_action)),
            ],
        ),
    ];
    let watch = items
        .iter()
        .map(|w| WatchRow {
            reference: w.reference.clone().unwrap_or_default(),
            title: w.title.clone().unwrap_or_default(),
            date: ctx.date(w.published.or(w.effective)),
            applicable: w
                .applicable
                .map(|a| a.label(ctx.lang).to_owned())
                .unwrap_or_default(),
            impact: w.impact.clone().unwrap_or_default(),
            actions: format::id_list(&w.actions),
            status: w
                .status
                .map(|s| s.label(ctx.lang).to_owned())
                .unwrap_or_default(),
        })
        .collect();
    let watch = Capped::cut(watch, ROWS, ctx.lang);
    // Interested parties, strongest proximity first, then by name.
    let mut parties: Vec<_> = regs.parties.iter().filter(|p| p.name.is_some()).collect();
    let ring = |p: Option<Proximity>| match p {
        Some(Proximity::Strong) => 0u8,
        Some(Proximity::Medium) => 1,
        Some(Proximity::Low) => 2,
        None => 3,
    };
    parties.sort_by(|a, b| {
        ring(a.proximity)
            .cmp(&ring(b.proximity))
            .then_with(|| a.name.cmp(&b.name))
    });
    let stale_count = parties
        .iter()
        .filter(|x| x.reviewed.is_none_or(|d| d < p.from))
        .count();
    let reviewed_in = parties.iter().filter(|x| in_period(x.reviewed)).count();
    let parties_lines = vec![ctx.fill(
        "rev.parties-count",
        &[
            ("n", ctx.count(parties.len())),
            (
                "strong",
                ctx.count(parties.iter().filter(|x| ring(x.proximity) == 0).count()),
            ),
            ("reviewed", ctx.count(reviewed_in)),
            ("stale", ctx.count(stale_count)),
        ],
    )];
    let rows: Vec<PartyRow> = parties
        .iter()
        .enumerate()
        .map(|(i, x)| PartyRow {
            number: ctx.count(i + 1),
            name: x.name.clone().unwrap_or_default(),
            category: x.category.clone().unwrap_or_default(),
            proximity: x
                .proximity
                .map(|p| p.label(ctx.lang).to_owned())
                .unwrap_or_default(),
            expectations: x.expectations.clone().unwrap_or_default(),
            reviewed: ctx.date(x.reviewed),
            stale: x.reviewed.is_none_or(|d| d < p.from),
        })
        .collect();
    let map = PartyMap {
        centre: ctx
            .checked
            .config
            .service
            .name
            .clone()
            .unwrap_or_else(|| ctx.t("rev.map-centre")),
        rings: vec![
            Ring {
                label: capitalised(Proximity::Strong.label(ctx.lang)),
                role: Role::Missed,
            },
            Ring {
                label: capitalised(Proximity::Medium.label(ctx.lang)),
                role: Role::Met,
            },
            Ring {
                label: capitalised(Proximity::Low.label(ctx.lang)),
                role: Role::Ink,
            },
        ],
        // The map draws the parties of the table (its key is their
        // numbers); the table's note counts the others.
        parties: parties
            .iter()
            .enumerate()
            .take(ROWS)
            .filter(|(_, x)| ring(x.proximity) < 3)
            .map(|(i, x)| MapParty {
                number: ctx.count(i + 1),
                name: x.name.clone().unwrap_or_default(),
                ring: ring(x.proximity),
            })
            .collect(),
        legend: None,
    };
    IssuesSection {
        head: ctx.head(2, "b", &[RegisterKind::Watch, RegisterKind::Parties]),
        watch_lines,
        watch,
        parties_lines,
        map,
        parties: Capped::cut(rows, ROWS, ctx.lang),
    }
}

/// `text` with its first letter in upper case.
fn capitalised(text: &str) -> String {
    let mut c = text.chars();
    c.next()
        .map(|f| f.to_uppercase().collect::<String>() + c.as_str())
        .unwrap_or_default()
}

// ---------------------------------------------------------- (c1) satisfaction

#[derive(Debug, Serialize)]
pub struct SatisfactionSection {
    pub head: super::SectionHead,
    pub respondents: usize,
    pub populations: Vec<PopulationBlock>,
    pub complaints: ComplaintBlock,
    /// Free comments, pseudonymised, when the configuration asks for them.
    pub comments: Option<Capped<String>>,
    #[serde(skip)]
    pub changes: Vec<(f64, String)>,
    #[serde(skip)]
    pub proposals: Vec<String>,
}

#[derive(Debug, Serialize)]
pub struct PopulationBlock {
    pub population: String,
    pub campaign: String,
    pub previous_campaign: Option<String>,
    pub respondents: usize,
    pub lines: Vec<String>,
    pub chart: IntervalSpec,
    pub rows: Capped<QuestionRow>,
}

#[derive(Debug, Serialize)]
pub struct IntervalSpec {
    pub items: Vec<IntervalItem>,
    pub min: f64,
    pub max: f64,
    pub ticks: Vec<Tick>,
    pub target: Option<f64>,
    pub legend: Option<Vec<LegendItem>>,
}

#[derive(Debug, Serialize)]
pub struct IntervalItem {
    pub label: String,
    pub rate: f64,
    pub low: f64,
    pub high: f64,
    pub text: String,
    pub previous: Option<f64>,
}

#[derive(Debug, Serialize)]
pub struct QuestionRow {
    pub question: String,
    pub rate: String,
    pub interval: String,
    pub n: String,
    pub previous: String,
    pub p: String,
    /// `up`, `down` (significant at 5 %) or empty.
    pub signal: &'static str,
}

#[derive(Debug, Serialize)]
pub struct ComplaintBlock {
    pub lines: Vec<String>,
    pub by_process: BarSpec,
}

pub(super) fn satisfaction(ctx: &Ctx) -> SatisfactionSection {
    let regs = &ctx.checked.registers;
    let lang = ctx.lang;
    let rates = top_two_box(&regs.survey_responses);
    let mut populations = Vec::new();
    let mut changes = Vec::new();
    let mut proposals = Vec::new();
    let mut respondents_total = 0;
    let pops: BTreeSet<Option<Population>> =
        regs.survey_responses.iter().map(|r| r.population).collect();
    for pop in pops {
        let order = campaigns_in_order(regs, pop);
        // The last campaign with answers in the period.
        let in_period = |c: &String| {
            regs.survey_responses.iter().any(|r| {
                r.population == pop
                    && r.campaign.as_ref() == Some(c)
                    && r.date.is_some_and(|d| ctx.period.contains(d))
            })
        };
        let Some(idx) = order.iter().rposition(in_period) else {
            continue;
        };
        let campaign = order[idx].clone();
        let previous = idx.checked_sub(1).map(|i| order[i].clone());
        let respondents = regs
            .survey_responses
            .iter()
            .filter(|r| r.population == pop && r.campaign.as_ref() == Some(&campaign))
            .count();
        respondents_total += respondents;
        let pop_label = pop.map_or_else(
            || ctx.t("rev.population-all"),
            |p| capitalised(p.label(lang)),
        );
        let mut items = Vec::new();
        let mut rows = Vec::new();
        let (mut up, mut down) = (Vec::new(), Vec::new());
        for (q, question) in regs.survey_questions.iter().enumerate() {
            let Some(now) = rates.get(&(campaign.clone(), pop, q)) else {
                continue;
            };
            let before: Option<&BoxRate> = previous
                .as_ref()
                .and_then(|c| rates.get(&(c.clone(), pop, q)));
            let test = before.and_then(|b| two_proportion_z(now.top, now.n, b.top, b.n));
            let signal = match test {
                Some((z, p)) if p < ALPHA && z > 0.0 => "up",
                Some((_, p)) if p < ALPHA => "down",
                _ => "",
            };
            let pct = |r: f64| format::percent(r * 100.0, 0, lang);
            if let (Some(b), Some((_, p))) = (before, test)
                && p < ALPHA
            {
                let s = ctx.fill(
                    "rev.sat-change",
                    &[
                        ("population", pop_label.to_lowercase()),
                        ("question", question.clone()),
                        ("from", pct(b.rate)),
                        ("to", pct(now.rate)),
                        ("p", ctx.p_text(p)),
                    ],
                );
                changes.push((p, s.clone()));
                if signal == "down" {
                    down.push(question.clone());
                } else {
                    up.push(question.clone());
                }
            }
            items.push(IntervalItem {
                label: question.clone(),
                rate: now.rate,
                low: now.low,
                high: now.high,
                text: format!("{} (n = {})", pct(now.rate), ctx.count(now.n as usize)),
                previous: before.map(|b| b.rate),
            });
            rows.push(QuestionRow {
                question: question.clone(),
                rate: pct(now.rate),
                interval: format!("{} – {}", pct(now.low), pct(now.high)),
                n: ctx.count(now.n as usize),
                previous: before.map_or_else(String::new, |b| pct(b.rate)),
                p: test.map_or_else(String::new, |(_, p)| ctx.p_text(p)),
                signal,
            });
        }
        let mut lines = vec![
            ctx.fill(
                "rev.sat-campaign",
                &[
                    ("campaign", campaign.clone()),
                    ("n", ctx.count(respondents)),
                    (
                        "previous",
                        previous
                            .clone()
                            .unwrap_or_else(|| ctx.t("rev.sat-no-previous")),
                    ),
                ],
            ),
        ];
        if !down.is_empty() {
            lines.push(ctx.fill("rev.sat-down", &[("list", down.join(", "))]));
            proposals.push(ctx.fill(
                "rev.prop-satisfaction",
                &[
                    ("population", pop_label.to_lowercase()),
                    ("list", down.join(", ")),
                ],
            ));
        }
        if !up.is_empty() {
            lines.push(ctx.fill("rev.sat-up", &[("list", up.join(", "))]));
        }
        if previous.is_some() && up.is_empty() && down.is_empty() {
            lines.push(ctx.t("rev.sat-stable"));
        }
        // The chart draws the questions of the table; the table's note
        // counts the others.
        items.truncate(ROWS);
        let lowest = items
            .iter()
            .flat_map(|i| [i.low, i.previous.unwrap_or(1.0)])
            .fold(1.0f64, f64::min);
        let min = ((lowest * 10.0).floor() / 10.0).clamp(0.0, 0.9);
        let ticks = (0..=((1.0 - min) * 10.0).round() as usize)
            .map(|k| min + k as f64 / 10.0)
            .map(|v| Tick {
                value: v,
                label: format::percent(v * 100.0, 0, lang),
            })
            .collect();
        populations.push(PopulationBlock {
            population: pop_label,
            campaign,
            previous_campaign: previous,
            respondents,
            lines,
            chart: IntervalSpec {
                items,
                min,
                max: 1.0,
                ticks,
                target: None,
                legend: Some(vec![
                    LegendItem {
                        kind: "whisker",
                        role: Role::Accent,
                        label: ctx.t("rev.legend-rate"),
                    },
                    LegendItem {
                        kind: "ring",
                        role: Role::Muted,
                        label: ctx.t("rev.legend-previous-campaign"),
                    },
                ]),
            },
            rows: Capped::cut(rows, ROWS, lang),
        });
    }
    // Complaints: events of the complaint type.
    let complaints = |p: &crate::analysis::review::Period| -> Vec<&crate::registers::Event> {
        regs.events
            .iter()
            .filter(|e| e.kind == Some(EventType::Complaint))
            .filter(|e| e.detected.is_some_and(|d| p.contains(d)))
            .collect()
    };
    let now = complaints(&ctx.period);
    let before = complaints(&ctx.previous);
    let change = crate::analysis::events::change(
        now.len(),
        before.len(),
        ctx.period.days(),
        ctx.previous.days(),
    );
    let known = crate::analysis::review::events_cover(regs, &ctx.previous);
    let mut lines = vec![if known {
        ctx.fill(
            "rev.complaints-count",
            &[
                ("n", ctx.count(now.len())),
                ("previous", ctx.count(before.len())),
                ("prev_label", ctx.previous_short()),
                ("p", ctx.p_text(change.p)),
            ],
        )
    } else {
        ctx.fill(
            "rev.complaints-count-new",
            &[
                ("n", ctx.count(now.len())),
                ("prev_label", ctx.previous_short()),
            ],
        )
    }];
    if let Some(days) = crate::analysis::events::median_days_to_close(&now) {
        lines.push(ctx.fill("rev.complaints-close", &[("days", format::num(days, lang))]));
    }
    if known && change.significant() {
        changes.push((
            change.p,
            ctx.fill(
                "rev.change-complaints",
                &[
                    ("from", ctx.count(before.len())),
                    ("to", ctx.count(now.len())),
                    ("p", ctx.p_text(change.p)),
                ],
            ),
        ));
    }
    let mut by_process: BTreeMap<String, usize> = BTreeMap::new();
    for e in &now {
        *by_process
            .entry(
                e.process
                    .clone()
                    .unwrap_or_else(|| ctx.t("report.no-process")),
            )
            .or_default() += 1;
    }
    let comments = ctx.checked.config.review.survey_comments.then(|| {
        let mut list: Vec<(Option<NaiveDate>, String)> = regs
            .survey_responses
            .iter()
            .filter(|r| r.date.is_some_and(|d| ctx.period.contains(d)))
            .filter_map(|r| {
                Some((
                    r.date,
                    crate::input::personal::mask(r.comment.as_deref()?, ctx.lang),
                ))
            })
            .filter(|(_, c)| !c.trim().is_empty())
            .collect();
        list.sort();
        Capped::cut(list.into_iter().map(|(_, c)| c).collect(), ROWS, lang)
    });
    SatisfactionSection {
        head: ctx.head(3, "c1", &[RegisterKind::Surveys, RegisterKind::Rex]),
        respondents: respondents_total,
        populations,
        complaints: ComplaintBlock {
            lines,
            by_process: bars(by_process.into_iter().collect(), 8, lang),
        },
        comments,
        changes,
        proposals,
    }
}

// ---------------------------------------------------------------- (c6) audits

#[derive(Debug, Serialize)]
pub struct AuditsSection {
    pub head: super::SectionHead,
    pub lines: Vec<String>,
    pub audits: Capped<AuditRow>,
    pub by_grade: Vec<GradeRow>,
    pub by_clause: BarSpec,
    pub by_process: BarSpec,
    pub open: Capped<OpenFindingRow>,
    pub recurring: Capped<RecurringRow>,
    pub cycle: Vec<String>,
    #[serde(skip)]
    pub open_count: usize,
    #[serde(skip)]
    pub figures: Vec<FigureRow>,
    #[serde(skip)]
    pub proposals: Vec<String>,
}

#[derive(Debug, Serialize)]
pub struct AuditRow {
    pub id: String,
    pub kind: String,
    pub date: String,
    pub scope: String,
    pub findings: String,
}

#[derive(Debug, Serialize)]
pub struct GradeRow {
    pub grade: String,
    pub current: String,
    pub previous: String,
}

#[derive(Debug, Serialize)]
pub struct OpenFindingRow {
    pub id: String,
    pub audit: String,
    pub grade: String,
    pub clause: String,
    pub process: String,
    pub age: String,
    pub actions: String,
}

#[derive(Debug, Serialize)]
pub struct RecurringRow {
    pub clause: String,
    pub process: String,
    pub findings: String,
    pub audits: String,
}

pub(super) fn audits(ctx: &Ctx) -> AuditsSection {
    let regs = &ctx.checked.registers;
    let lang = ctx.lang;
    let by_id = audits::audits_by_id(&regs.audits);
    let audit_date = |f: &crate::registers::Finding| {
        f.audit
            .as_ref()
            .and_then(|a| by_id.get(&a.trim().to_lowercase()))
            .and_then(|a| a.date)
    };
    let mut held: Vec<_> = regs
        .audits
        .iter()
        .filter(|a| a.date.is_some_and(|d| ctx.period.contains(d)))
        .collect();
    held.sort_by(|a, b| a.date.cmp(&b.date).then_with(|| a.id.cmp(&b.id)));
    let findings_of = |p: &crate::analysis::review::Period| -> Vec<&crate::registers::Finding> {
        regs.findings
            .iter()
            .filter(|f| audit_date(f).is_some_and(|d| p.contains(d)))
            .collect()
    };
    let now = findings_of(&ctx.period);
    let before = findings_of(&ctx.previous);
    // Findings per audit, counted once (not once per audit).
    let mut per_audit: BTreeMap<String, usize> = BTreeMap::new();
    for f in &regs.findings {
        if let Some(x) = f.audit.as_deref() {
            *per_audit.entry(x.trim().to_ascii_lowercase()).or_default() += 1;
        }
    }
    let audits_rows = held
        .iter()
        .map(|a| {
            let id = a.id.clone().unwrap_or_default();
            AuditRow {
                findings: ctx.count(
                    per_audit
                        .get(&id.trim().to_ascii_lowercase())
                        .copied()
                        .unwrap_or(0),
                ),
                id,
                kind: a.kind.map(|k| k.label(lang).to_owned()).unwrap_or_default(),
                date: ctx.date(a.date),
                scope: a.scope.clone().unwrap_or_default(),
            }
        })
        .collect();
    let by_grade = Grade::ALL
        .iter()
        .map(|g| GradeRow {
            grade: g.label(lang).to_owned(),
            current: ctx.count(now.iter().filter(|f| f.grade == Some(*g)).count()),
            previous: ctx.count(before.iter().filter(|f| f.grade == Some(*g)).count()),
        })
        .collect();
    let mut clauses: BTreeMap<String, (String, usize)> = BTreeMap::new();
    let mut processes: BTreeMap<String, usize> = BTreeMap::new();
    for f in now
        .iter()
        .filter(|f| f.grade.is_some_and(audits::needs_action))
    {
        if let Some(c) = &f.clause {
            let e = clauses
                .entry(clause_key(c))
                .or_insert_with(|| (c.trim().to_owned(), 0));
            e.1 += 1;
        }
        *processes
            .entry(
                f.process
                    .clone()
                    .unwrap_or_else(|| ctx.t("report.no-process")),
            )
            .or_default() += 1;
    }
    let at = ctx.period.to;
    let mut open: Vec<_> = regs
        .findings
        .iter()
        .filter(|f| f.grade.is_some_and(audits::needs_action))
        .filter(|f| audit_date(f).is_some_and(|d| d <= at))
        .filter(|f| audits::is_open(f, at))
        .collect();
    open.sort_by_key(|f| (audit_date(f), f.id.clone()));
    let open_rows: Vec<OpenFindingRow> = open
        .iter()
        .map(|f| OpenFindingRow {
            id: f.id.clone().unwrap_or_default(),
            audit: f.audit.clone().unwrap_or_default(),
            grade: f
                .grade
                .map(|g| g.label(lang).to_owned())
                .unwrap_or_default(),
            clause: f.clause.clone().unwrap_or_default(),
            process: f.process.clone().unwrap_or_default(),
            age: audit_date(f).map_or_else(String::new, |d| ctx.days((at - d).num_days())),
            actions: format::id_list(&f.actions),
        })
        .collect();
    let upto: Vec<crate::registers::Finding> = regs
        .findings
        .iter()
        .filter(|f| audit_date(f).is_some_and(|d| d <= at))
        .cloned()
        .collect();
    let groups = recurring(&upto);
    let recurring_rows: Vec<RecurringRow> = groups
        .iter()
        .filter(|g| {
            g.iter()
                .any(|&i| audit_date(&upto[i]).is_some_and(|d| ctx.period.contains(d)))
        })
        .map(|g| {
            let first = &upto[g[0]];
            let audits: BTreeSet<String> =
                g.iter().filter_map(|&i| upto[i].audit.clone()).collect();
            RecurringRow {
                clause: first.clause.clone().unwrap_or_default(),
                process: first.process.clone().unwrap_or_default(),
                findings: format::id_list(
                    &g.iter()
                        .filter_map(|&i| upto[i].id.clone())
                        .collect::<Vec<_>>(),
                ),
                audits: format::id_list(&audits.into_iter().collect::<Vec<_>>()),
            }
        })
        .collect();
    let c = cycle(&regs.audits, at);
    let mut cycle_lines = Vec::new();
    match c.certified {
        Some(cert) => {
            cycle_lines
                .push(ctx.fill("rev.cycle-certified", &[("date", format::date(cert, lang))]));
            for (i, s) in c.surveillances.iter().enumerate() {
                cycle_lines.push(ctx.fill(
                    "rev.cycle-surveillance",
                    &[("n", (i + 1).to_string()), ("date", format::date(*s, lang))],
                ));
            }
            if let Some((kind, by)) = c.next {
                cycle_lines.push(ctx.fill(
                    if c.overdue {
                        "rev.cycle-next-overdue"
                    } else {
                        "rev.cycle-next"
                    },
                    &[
                        ("kind", kind.label(lang).to_owned()),
                        ("date", format::date(by, lang)),
                    ],
                ));
            }
        }
        None => cycle_lines.push(ctx.t("rev.cycle-none")),
    }
    let nc = |v: &[&crate::registers::Finding]| {
        v.iter()
            .filter(|f| matches!(f.grade, Some(Grade::MinorNc | Grade::MajorNc)))
            .count()
    };
    let external = held
        .iter()
        .filter(|a| !matches!(a.kind, Some(AuditKind::Internal | AuditKind::Cross)))
        .count();
    let lines = vec![
        ctx.fill(
            "rev.audits-count",
            &[
                ("n", ctx.count(held.len())),
                ("external", ctx.count(external)),
                ("findings", ctx.count(now.len())),
                ("nc", ctx.count(nc(&now))),
                ("previous", ctx.count(before.len())),
                ("prev_nc", ctx.count(nc(&before))),
                ("prev_label", ctx.previous_short()),
            ],
        ),
        ctx.fill(
            "rev.audits-open",
            &[
                ("n", ctx.count(open_rows.len())),
                ("date", format::date(at, lang)),
                ("recurring", ctx.count(recurring_rows.len())),
            ],
        ),
    ];
    let mut proposals = Vec::new();
    for r in &recurring_rows {
        proposals.push(ctx.fill(
            "rev.prop-recurring-finding",
            &[("clause", r.clause.clone()), ("audits", r.audits.clone())],
        ));
    }
    let figures = vec![FigureRow {
        label: ctx.t("rev.fig-findings"),
        current: ctx.count(now.len()),
        previous: ctx.count(before.len()),
        change: ctx.change_text(now.len() as f64, before.len() as f64),
        tone: "neutral",
        p: String::new(),
    }];
    AuditsSection {
        head: ctx.head(7, "c6", &[RegisterKind::Audits, RegisterKind::Findings]),
        lines,
        audits: Capped::cut(audits_rows, ROWS, lang),
        by_grade,
        by_clause: bars(clauses.into_values().collect(), 10, lang),
        by_process: bars(processes.into_iter().collect(), 10, lang),
        open_count: open_rows.len(),
        open: Capped::cut(open_rows, ROWS, lang),
        recurring: Capped::cut(recurring_rows, ROWS, lang),
        cycle: cycle_lines,
        figures,
        proposals,
    }
}

// ------------------------------------------------------------- (c7) providers

#[derive(Debug, Serialize)]
pub struct ProvidersSection {
    pub head: super::SectionHead,
    pub lines: Vec<String>,
    pub rows: Capped<SupplierRow>,
    #[serde(skip)]
    pub overdue_count: usize,
    #[serde(skip)]
    pub proposals: Vec<String>,
}

#[derive(Debug, Serialize)]
pub struct SupplierRow {
    pub name: String,
    pub category: String,
    pub critical: bool,
    pub evaluated: String,
    pub score: String,
    pub previous_score: String,
    pub declining: bool,
    pub decision: String,
    /// The decision the thresholds give, when it differs from the recorded one.
    pub computed: String,
    pub due: String,
    pub overdue: bool,
    pub events: String,
}

pub(super) fn providers(ctx: &Ctx) -> ProvidersSection {
    let regs = &ctx.checked.registers;
    let lang = ctx.lang;
    let cfg = &ctx.checked.config.suppliers;
    let all = summaries(regs, cfg, ctx.period.to, ctx.period.from, ctx.period.to);
    let mut rows = Vec::new();
    let mut proposals = Vec::new();
    let (mut evaluated_in, mut overdue, mut events_total) = (0, 0, 0);
    for s in &all {
        let upto: Vec<_> = s
            .evaluations
            .iter()
            .filter(|e| e.0.is_none_or(|d| d <= ctx.period.to))
            .collect();
        if upto.is_empty() {
            continue;
        }
        if upto
            .iter()
            .any(|e| e.0.is_some_and(|d| ctx.period.contains(d)))
        {
            evaluated_in += 1;
        }
        let last = upto[upto.len() - 1];
        let prev = upto.len().checked_sub(2).map(|i| upto[i]);
        let score = |e: &crate::analysis::suppliers::ScoredEvaluation| {
            e.1.map_or_else(String::new, |v| format::number(v, 1, lang))
        };
        let declining = matches!((last.1, prev.and_then(|p| p.1)), (Some(a), Some(b)) if a < b);
        if s.overdue {
            overdue += 1;
        }
        events_total += s.events;
        if declining {
            proposals.push(ctx.fill("rev.prop-supplier", &[("name", s.name.clone())]));
        }
        let recorded = last.2.map(|d| d.label(lang).to_owned()).unwrap_or_default();
        let computed = last.3.map(|d| d.label(lang).to_owned()).unwrap_or_default();
        rows.push(SupplierRow {
            name: s.name.clone(),
            category: s.category.clone().unwrap_or_default(),
            critical: s.critical,
            evaluated: ctx.date(last.0),
            score: score(last),
            previous_score: prev.map(score).unwrap_or_default(),
            declining,
            computed: if computed != recorded {
                computed
            } else {
                String::new()
            },
            decision: recorded,
            due: ctx.date(s.due),
            overdue: s.overdue,
            events: ctx.count(s.events),
        });
    }
    rows.sort_by(|a, b| {
        b.critical
            .cmp(&a.critical)
            .then_with(|| a.name.to_lowercase().cmp(&b.name.to_lowercase()))
    });
    let lines = vec![ctx.fill(
        "rev.suppliers-count",
        &[
            ("n", ctx.count(rows.len())),
            (
                "critical",
                ctx.count(rows.iter().filter(|r| r.critical).count()),
            ),
            ("evaluated", ctx.count(evaluated_in)),
            ("overdue", ctx.count(overdue)),
            ("events", ctx.count(events_total)),
        ],
    )];
    ProvidersSection {
        head: ctx.head(8, "c7", &[RegisterKind::Suppliers]),
        lines,
        rows: Capped::cut(rows, ROWS, lang),
        overdue_count: overdue,
        proposals,
    }
}

// ------------------------------------------------------------- (d) resources

#[derive(Debug, Serialize)]
pub struct ResourcesSection {
    pub head: super::SectionHead,
    pub lines: Vec<String>,
    pub training: Vec<RoleRow>,
    pub documents: Vec<DocCategoryRow>,
    pub past_review: Capped<DocRow>,
    #[serde(skip)]
    pub training_records: usize,
    #[serde(skip)]
    pub training_overdue: usize,
    #[serde(skip)]
    pub proposals: Vec<String>,
}

#[derive(Debug, Serialize)]
pub struct RoleRow {
    pub role: String,
    pub people: String,
    pub valid: String,
    /// Due within [`resources::DUE_WITHIN_DAYS`] days: `alert` when any.
    pub due: Marked,
    /// Expired: `missed` when any.
    pub overdue: Marked,
    pub planned: String,
    pub habilitated: String,
}

#[derive(Debug, Serialize)]
pub struct DocCategoryRow {
    pub category: String,
    pub count: String,
    /// Past their review date: `missed` when any.
    pub past: Marked,
}

#[derive(Debug, Serialize)]
pub struct DocRow {
    pub reference: String,
    pub title: String,
    pub process: String,
    pub next_review: String,
    pub late: String,
}

pub(super) fn resources(ctx: &Ctx) -> ResourcesSection {
    let regs = &ctx.checked.registers;
    let lang = ctx.lang;
    let at = ctx.period.to;
    let roles = by_role(&regs.training, at);
    let training: Vec<RoleRow> = roles
        .iter()
        .map(|r| RoleRow {
            role: r.role.clone().unwrap_or_else(|| ctx.t("rev.no-role")),
            people: ctx.count(r.people),
            valid: ctx.count(r.valid),
            due: Marked::count(r.due, "alert", "", lang),
            overdue: Marked::count(r.overdue, "missed", "", lang),
            planned: ctx.count(r.planned),
            habilitated: ctx.count(r.habilitated),
        })
        .collect();
    let overdue: usize = roles.iter().map(|r| r.overdue).sum();
    let due: usize = roles.iter().map(|r| r.due).sum();
    let people: usize = roles.iter().map(|r| r.people).sum();
    let trainings_done = regs
        .training
        .iter()
        .filter(|t| t.date.is_some_and(|d| ctx.period.contains(d)))
        .count();
    let docs = documents_by_category(&regs.documents, at);
    let documents: Vec<DocCategoryRow> = docs
        .iter()
        .map(|(c, (n, past))| DocCategoryRow {
            category: c.map_or_else(|| ctx.t("rev.no-category"), |c| c.label(lang).to_owned()),
            count: ctx.count(*n),
            past: Marked::count(*past, "missed", "", lang),
        })
        .collect();
    let mut past: Vec<_> = regs
        .documents
        .iter()
        .filter(|d| past_review(d, at))
        .collect();
    past.sort_by(|a, b| {
        a.next_review
            .cmp(&b.next_review)
            .then_with(|| a.reference.cmp(&b.reference))
    });
    let past_rows: Vec<DocRow> = past
        .iter()
        .map(|d| DocRow {
            reference: d.reference.clone().unwrap_or_default(),
            title: d.title.clone().unwrap_or_default(),
            process: d.process.clone().unwrap_or_default(),
            next_review: ctx.date(d.next_review),
            late: d
                .next_review
                .map_or_else(String::new, |n| ctx.days((at - n).num_days())),
        })
        .collect();
    let lines = vec![
        ctx.fill(
            "rev.training-count",
            &[
                ("people", ctx.count(people)),
                ("done", ctx.count(trainings_done)),
                ("due", ctx.count(due)),
                ("overdue", ctx.count(overdue)),
                ("days", resources::DUE_WITHIN_DAYS.to_string()),
                ("date", format::date(at, lang)),
            ],
        ),
        ctx.fill(
            "rev.documents-count",
            &[
                ("n", ctx.count(docs.values().map(|v| v.0).sum::<usize>())),
                ("past", ctx.count(past_rows.len())),
            ],
        ),
    ];
    let mut proposals = Vec::new();
    if overdue > 0 {
        proposals.push(ctx.fill("rev.prop-training", &[("n", ctx.count(overdue))]));
    }
    if !past_rows.is_empty() {
        proposals.push(ctx.fill("rev.prop-documents", &[("n", ctx.count(past_rows.len()))]));
    }
    ResourcesSection {
        head: ctx.head(9, "d", &[RegisterKind::Training, RegisterKind::Documents]),
        lines,
        training,
        documents,
        past_review: Capped::cut(past_rows, ROWS, lang),
        training_records: regs.training.len(),
        training_overdue: overdue,
        proposals,
    }
}

// ------------------------------------------------------------ §9.3.3 outputs

pub(super) fn outputs(ctx: &Ctx) -> OutputsSection {
    let regs = &ctx.checked.registers;
    // This review's decisions: review actions opened after the period, up
    // to the as-of date (the review meets after the period it covers).
    let origins = Origins::new(regs);
    let mut rows: Vec<&Action> = regs
        .actions
        .iter()
        .filter(|a| origins.of(a) == Origin::Review)
        .filter(|a| {
            a.opened
                .is_some_and(|o| o > ctx.period.to && o <= ctx.as_of)
        })
        .collect();
    rows.sort_by(|a, b| a.opened.cmp(&b.opened).then_with(|| a.id.cmp(&b.id)));
    OutputsSection {
        head: ctx.head(12, "outputs", &[RegisterKind::Actions]),
        blank_rows: if rows.is_empty() {
            super::BLANK_OUTPUT_ROWS + 2
        } else {
            super::BLANK_OUTPUT_ROWS
        },
        rows: Capped::cut(
            rows.iter()
                .map(|a| OutputRow {
                    id: a.id.clone().unwrap_or_default(),
                    decision: a.description.clone().unwrap_or_default(),
                    nature: a
                        .kind
                        .map(|k| k.label(ctx.lang).to_owned())
                        .unwrap_or_default(),
                    process: a.process.clone().unwrap_or_default(),
                    due: ctx.date(a.due),
                })
                .collect(),
            ROWS,
            ctx.lang,
        ),
    }
}
