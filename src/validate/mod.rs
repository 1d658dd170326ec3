//! Checks that need more than one cell: within a row (a closing date before
//! the opening date), within a register (duplicate identifiers) and across
//! registers (an action named by an event that does not exist). Cell-level
//! checks happen while reading, in [`crate::registers::read`]. Every rule is a
//! function over the typed registers returning diagnostics; none stops the run.

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;

use crate::diagnostic::{Code, Diagnostic};
use crate::i18n::Lang;
use crate::input::text::fold;
use crate::registers::schema::RegisterKind as K;
use crate::registers::vocab::{EventType, Status};
use crate::registers::{Registers, RowRef};

/// Runs every register-level and cross-register rule.
pub fn check(regs: &Registers) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    duplicate_ids(regs, &mut out);
    date_order(regs, &mut out);
    status_and_closing(regs, &mut out);
    links(regs, &mut out);
    indicator_values(regs, &mut out);
    declared_not_esr(regs, &mut out);
    comment_sections(regs, &mut out);
    personal_data(regs, &mut out);
    out
}

/// Process cells naming a process absent from `processes` (when the
/// configuration lists them), with the closest listed one.
pub fn processes(regs: &Registers, processes: &[String]) -> Vec<Diagnostic> {
    if processes.is_empty() {
        return Vec::new();
    }
    let known: Vec<(String, &String)> = processes.iter().map(|p| (fold(p), p)).collect();
    let mut out = Vec::new();
    let mut check = |kind: K, at: RowRef, p: &Option<String>| {
        let Some(p) = p else { return };
        let f = fold(p);
        if known.iter().any(|(k, _)| *k == f) {
            return;
        }
        let closest = known
            .iter()
            .min_by_key(|(k, _)| crate::input::text::levenshtein(k, &f))
            .map(|(_, p)| (*p).clone())
            .unwrap_or_default();
        out.push(
            Diagnostic::new(
                Code::UnknownProcess,
                Some(kind),
                regs.cell(kind, at, "process"),
            )
            .arg("value", p.clone())
            .arg("suggestion", closest),
        );
    };
    for e in &regs.events {
        check(K::Rex, e.at, &e.process);
    }
    for a in &regs.actions {
        check(K::Actions, a.at, &a.process);
    }
    for i in &regs.indicators {
        check(K::Indicators, i.at, &i.process);
    }
    for o in &regs.objectives {
        check(K::Objectives, o.at, &o.process);
    }
    for f in &regs.findings {
        check(K::Findings, f.at, &f.process);
    }
    for d in &regs.documents {
        check(K::Documents, d.at, &d.process);
    }
    out
}

/// Free-text cells holding personal data: reported with the cell and the
/// kind of data, never the data itself.
fn personal_data(regs: &Registers, out: &mut Vec<Diagnostic>) {
    use crate::report::pseudonym::scan;
    let mut check = |kind: K, at: RowRef, key: &str, text: &Option<String>| {
        let Some(t) = text else { return };
        let found = scan(t);
        if found.is_empty() {
            return;
        }
        let list = |lang: Lang| {
            found
                .iter()
                .map(|m| m.label(lang))
                .collect::<Vec<_>>()
                .join(", ")
        };
        out.push(
            Diagnostic::new(Code::PersonalData, Some(kind), regs.cell(kind, at, key)).arg_both(
                "what",
                list(Lang::Fr),
                list(Lang::En),
            ),
        );
    };
    for e in &regs.events {
        check(K::Rex, e.at, "description", &e.description);
    }
    for a in &regs.actions {
        check(K::Actions, a.at, "description", &a.description);
    }
    for s in &regs.supplier_evaluations {
        check(K::Suppliers, s.at, "comment", &s.comment);
    }
    for r in &regs.survey_responses {
        check(K::Surveys, r.at, "comment", &r.comment);
    }
    for v in &regs.indicator_values {
        check(K::IndicatorValues, v.at, "comment", &v.comment);
    }
    for f in &regs.findings {
        check(K::Findings, f.at, "description", &f.description);
    }
    for w in &regs.watch {
        check(K::Watch, w.at, "impact", &w.impact);
    }
    for p in &regs.parties {
        check(K::Parties, p.at, "expectations", &p.expectations);
        check(K::Parties, p.at, "risks", &p.risks);
    }
    for c in &regs.comments {
        check(K::Comments, c.at, "comment", &c.text);
    }
}

/// Commentaries must name a section of the review.
fn comment_sections(regs: &Registers, out: &mut Vec<Diagnostic>) {
    for c in &regs.comments {
        if let Some(s) = &c.section
            && crate::analysis::review::section_of(s).is_none()
        {
            out.push(
                Diagnostic::new(
                    Code::UnknownSection,
                    Some(K::Comments),
                    regs.cell(K::Comments, c.at, "section"),
                )
                .arg("value", s.clone()),
            );
        }
    }
}

/// The inputs of the management review of `period` that are empty (or, for
/// the previous reviews' actions and the risks, absent from the action
/// plan). Registers not found at all are already `register-not-found`.
pub fn review_inputs(
    regs: &Registers,
    period: &crate::analysis::review::Period,
) -> Vec<Diagnostic> {
    use crate::analysis::review::{Gap, gaps};
    gaps(regs, period)
        .into_iter()
        .filter(|g| g.gap != Gap::NotFound)
        .map(|g| {
            let loc = regs
                .sources
                .get(&g.register)
                .and_then(|s| s.first())
                .map(|s| crate::diagnostic::Location::file(&s.file))
                .unwrap_or_default();
            let key = format!("rev.s-{}", g.input.key());
            let period_text = match period.calendar_year() {
                Some(y) => y.to_string(),
                None => format!("{} – {}", fmt_date(period.from), fmt_date(period.to)),
            };
            Diagnostic::new(Code::ReviewInputMissing, Some(g.register), loc)
                .arg("section", g.input.section().to_string())
                .arg_both(
                    "input",
                    crate::i18n::text(&key, Lang::Fr).to_owned(),
                    crate::i18n::text(&key, Lang::En).to_owned(),
                )
                .arg_both(
                    "gap",
                    crate::report::review::gap_text(&g, Lang::Fr),
                    crate::report::review::gap_text(&g, Lang::En),
                )
                .arg("period", period_text)
        })
        .collect()
}

fn fmt_date(d: NaiveDate) -> String {
    d.format("%d/%m/%Y").to_string()
}

/// Rows of one register keyed by identifier: reports the second and later
/// rows of an identifier. Identifiers compare without case or outer spaces.
fn duplicates_in<'a>(
    regs: &Registers,
    kind: K,
    key: &str,
    rows: impl Iterator<Item = (RowRef, Option<&'a String>)>,
    out: &mut Vec<Diagnostic>,
) {
    let mut first: BTreeMap<String, RowRef> = BTreeMap::new();
    for (at, id) in rows {
        let Some(id) = id else { continue };
        let norm = id.trim().to_lowercase();
        match first.get(&norm) {
            Some(prev) => out.push(
                Diagnostic::new(Code::DuplicateId, Some(kind), regs.cell(kind, at, key))
                    .arg("id", id.clone())
                    .arg("other", regs.cell(kind, *prev, key).to_string()),
            ),
            None => {
                first.insert(norm, at);
            }
        }
    }
}

fn duplicate_ids(regs: &Registers, out: &mut Vec<Diagnostic>) {
    duplicates_in(
        regs,
        K::Rex,
        "id",
        regs.events.iter().map(|r| (r.at, r.id.as_ref())),
        out,
    );
    duplicates_in(
        regs,
        K::Actions,
        "id",
        regs.actions.iter().map(|r| (r.at, r.id.as_ref())),
        out,
    );
    duplicates_in(
        regs,
        K::Audits,
        "id",
        regs.audits.iter().map(|r| (r.at, r.id.as_ref())),
        out,
    );
    duplicates_in(
        regs,
        K::Findings,
        "id",
        regs.findings.iter().map(|r| (r.at, r.id.as_ref())),
        out,
    );
    duplicates_in(
        regs,
        K::Indicators,
        "code",
        regs.indicators.iter().map(|r| (r.at, r.code.as_ref())),
        out,
    );
    duplicates_in(
        regs,
        K::Documents,
        "reference",
        regs.documents.iter().map(|r| (r.at, r.reference.as_ref())),
        out,
    );
    duplicates_in(
        regs,
        K::Watch,
        "reference",
        regs.watch.iter().map(|r| (r.at, r.reference.as_ref())),
        out,
    );
    duplicates_in(
        regs,
        K::Parties,
        "name",
        regs.parties.iter().map(|r| (r.at, r.name.as_ref())),
        out,
    );
}

/// Field labels for messages, from the schema.
fn label(kind: K, key: &str) -> (&'static str, &'static str) {
    let f = kind.spec().field(key);
    (f.fr, f.en)
}

/// Reports `later` (field `later_key`) when it is before `earlier`.
#[allow(clippy::too_many_arguments)]
fn before(
    regs: &Registers,
    kind: K,
    at: RowRef,
    later_key: &str,
    later: Option<NaiveDate>,
    earlier_key: &str,
    earlier: Option<NaiveDate>,
    code: Code,
    out: &mut Vec<Diagnostic>,
) {
    if let (Some(l), Some(e)) = (later, earlier)
        && l < e
    {
        let (lf, le) = label(kind, later_key);
        let (ef, ee) = label(kind, earlier_key);
        out.push(
            Diagnostic::new(code, Some(kind), regs.cell(kind, at, later_key))
                .arg_tr("field", lf, le)
                .arg("value", fmt_date(l))
                .arg_tr("other", ef, ee)
                .arg("other_value", fmt_date(e)),
        );
    }
}

fn date_order(regs: &Registers, out: &mut Vec<Diagnostic>) {
    use Code::{DateBeforeOpen, DueBeforeOpen};
    for e in &regs.events {
        before(
            regs,
            K::Rex,
            e.at,
            "closed",
            e.closed,
            "detected",
            e.detected,
            DateBeforeOpen,
            out,
        );
        before(
            regs,
            K::Rex,
            e.at,
            "declared_on",
            e.declared_on,
            "detected",
            e.detected,
            DateBeforeOpen,
            out,
        );
    }
    for a in &regs.actions {
        before(
            regs,
            K::Actions,
            a.at,
            "done",
            a.done,
            "opened",
            a.opened,
            DateBeforeOpen,
            out,
        );
        before(
            regs,
            K::Actions,
            a.at,
            "due",
            a.due,
            "opened",
            a.opened,
            DueBeforeOpen,
            out,
        );
        before(
            regs,
            K::Actions,
            a.at,
            "checked_on",
            a.checked_on,
            "opened",
            a.opened,
            DateBeforeOpen,
            out,
        );
    }
    for t in &regs.training {
        before(
            regs,
            K::Training,
            t.at,
            "valid_until",
            t.valid_until,
            "date",
            t.date,
            DateBeforeOpen,
            out,
        );
    }
    // A finding cannot be closed before its audit took place.
    let audit_dates: BTreeMap<String, NaiveDate> = regs
        .audits
        .iter()
        .filter_map(|a| Some((a.id.as_ref()?.trim().to_lowercase(), a.date?)))
        .collect();
    for f in &regs.findings {
        let Some(closed) = f.closed else { continue };
        let Some(audit_date) = f
            .audit
            .as_ref()
            .and_then(|a| audit_dates.get(&a.trim().to_lowercase()))
        else {
            continue;
        };
        if closed < *audit_date {
            let (lf, le) = label(K::Findings, "closed");
            out.push(
                Diagnostic::new(
                    DateBeforeOpen,
                    Some(K::Findings),
                    regs.cell(K::Findings, f.at, "closed"),
                )
                .arg_tr("field", lf, le)
                .arg("value", fmt_date(closed))
                .arg_tr("other", "date de l'audit", "audit date")
                .arg("other_value", fmt_date(*audit_date)),
            );
        }
    }
}

/// A status and a closing date must agree.
fn status_pair(
    regs: &Registers,
    kind: K,
    at: RowRef,
    status: Option<Status>,
    date_key: &str,
    date: Option<NaiveDate>,
    out: &mut Vec<Diagnostic>,
) {
    let Some(status) = status else { return };
    let (ff, fe) = label(kind, date_key);
    let status_tr = (status.label(Lang::Fr), status.label(Lang::En));
    if status.expects_close_date() && date.is_none() {
        out.push(
            Diagnostic::new(
                Code::ClosedWithoutDate,
                Some(kind),
                regs.cell(kind, at, "status"),
            )
            .arg_tr("status", status_tr.0, status_tr.1)
            .arg_tr("field", ff, fe),
        );
    } else if !status.is_finished() && date.is_some() {
        out.push(
            Diagnostic::new(
                Code::DateWithoutClosed,
                Some(kind),
                regs.cell(kind, at, date_key),
            )
            .arg_tr("status", status_tr.0, status_tr.1)
            .arg_tr("field", ff, fe),
        );
    }
}

fn status_and_closing(regs: &Registers, out: &mut Vec<Diagnostic>) {
    for e in &regs.events {
        status_pair(regs, K::Rex, e.at, e.status, "closed", e.closed, out);
    }
    for a in &regs.actions {
        status_pair(regs, K::Actions, a.at, a.status, "done", a.done, out);
    }
    for f in &regs.findings {
        status_pair(regs, K::Findings, f.at, f.status, "closed", f.closed, out);
    }
}

fn id_set<'a>(ids: impl Iterator<Item = Option<&'a String>>) -> BTreeSet<String> {
    ids.flatten().map(|s| s.trim().to_lowercase()).collect()
}

/// The leading letters of an identifier (`FEI` of `FEI-2025-012`).
fn id_prefix(id: &str) -> Option<String> {
    let p: String = id.chars().take_while(|c| c.is_alphabetic()).collect();
    (!p.is_empty() && p.len() < id.len()).then(|| p.to_lowercase())
}

/// Whether a text has the shape of an identifier: one token with letters and digits.
fn looks_like_id(s: &str) -> bool {
    let t = s.trim();
    !t.is_empty()
        && !t.contains(char::is_whitespace)
        && t.chars().any(|c| c.is_ascii_digit())
        && t.chars().any(char::is_alphabetic)
}

fn links(regs: &Registers, out: &mut Vec<Diagnostic>) {
    let actions = id_set(regs.actions.iter().map(|a| a.id.as_ref()));
    let events = id_set(regs.events.iter().map(|e| e.id.as_ref()));
    let findings = id_set(regs.findings.iter().map(|f| f.id.as_ref()));
    let audits = id_set(regs.audits.iter().map(|a| a.id.as_ref()));

    // Linked actions must exist, when the action plan was found at all.
    if regs.found(K::Actions) {
        let check_list = |kind: K, at: RowRef, list: &[String], out: &mut Vec<Diagnostic>| {
            for id in list {
                if !actions.contains(&id.trim().to_lowercase()) {
                    out.push(
                        Diagnostic::new(
                            Code::UnknownAction,
                            Some(kind),
                            regs.cell(kind, at, "actions"),
                        )
                        .arg("id", id.clone()),
                    );
                }
            }
        };
        for e in &regs.events {
            check_list(K::Rex, e.at, &e.actions, out);
        }
        for f in &regs.findings {
            check_list(K::Findings, f.at, &f.actions, out);
        }
        for w in &regs.watch {
            check_list(K::Watch, w.at, &w.actions, out);
        }
    }

    // An origin shaped like an event, finding or audit identifier must be one.
    let action_prefixes: BTreeSet<String> = actions.iter().filter_map(|a| id_prefix(a)).collect();
    let known_prefixes: BTreeSet<String> = events
        .iter()
        .chain(&findings)
        .chain(&audits)
        .filter_map(|id| id_prefix(id))
        .filter(|p| !action_prefixes.contains(p))
        .collect();
    for a in &regs.actions {
        let Some(origin) = &a.origin else { continue };
        let norm = origin.trim().to_lowercase();
        if events.contains(&norm) || findings.contains(&norm) || audits.contains(&norm) {
            continue;
        }
        if looks_like_id(origin) && id_prefix(&norm).is_some_and(|p| known_prefixes.contains(&p)) {
            out.push(
                Diagnostic::new(
                    Code::UnknownOrigin,
                    Some(K::Actions),
                    regs.cell(K::Actions, a.at, "origin"),
                )
                .arg("id", origin.clone()),
            );
        }
    }

    if regs.found(K::Audits) {
        for f in &regs.findings {
            if let Some(audit) = &f.audit
                && !audits.contains(&audit.trim().to_lowercase())
            {
                out.push(
                    Diagnostic::new(
                        Code::UnknownAudit,
                        Some(K::Findings),
                        regs.cell(K::Findings, f.at, "audit"),
                    )
                    .arg("id", audit.clone()),
                );
            }
        }
    }

    if regs.found(K::Indicators) {
        let codes = id_set(regs.indicators.iter().map(|i| i.code.as_ref()));
        let labels: BTreeSet<String> = regs
            .indicators
            .iter()
            .filter_map(|i| i.label.as_deref().map(fold))
            .collect();
        let known = |s: &str| codes.contains(&s.trim().to_lowercase());
        for v in &regs.indicator_values {
            if let Some(code) = &v.code
                && !known(code)
            {
                out.push(
                    Diagnostic::new(
                        Code::UnknownIndicator,
                        Some(K::IndicatorValues),
                        regs.cell(K::IndicatorValues, v.at, "code"),
                    )
                    .arg("id", code.clone()),
                );
            }
        }
        // Objectives and actions may name the indicator by code or by label.
        for o in &regs.objectives {
            if let Some(ind) = &o.indicator
                && !known(ind)
                && !labels.contains(&fold(ind))
            {
                out.push(
                    Diagnostic::new(
                        Code::UnknownIndicator,
                        Some(K::Objectives),
                        regs.cell(K::Objectives, o.at, "indicator"),
                    )
                    .arg("id", ind.clone()),
                );
            }
        }
        for a in &regs.actions {
            if let Some(ind) = &a.indicator
                && !known(ind)
                && !labels.contains(&fold(ind))
            {
                out.push(
                    Diagnostic::new(
                        Code::UnknownIndicator,
                        Some(K::Actions),
                        regs.cell(K::Actions, a.at, "indicator"),
                    )
                    .arg("id", ind.clone()),
                );
            }
        }
    }

    if regs.found(K::Suppliers) {
        let suppliers: BTreeSet<String> = regs
            .supplier_evaluations
            .iter()
            .filter_map(|s| s.supplier.as_deref().map(fold))
            .collect();
        for e in &regs.events {
            if let Some(s) = &e.supplier
                && !suppliers.contains(&fold(s))
            {
                out.push(
                    Diagnostic::new(
                        Code::UnknownSupplier,
                        Some(K::Rex),
                        regs.cell(K::Rex, e.at, "supplier"),
                    )
                    .arg("id", s.clone()),
                );
            }
        }
    }
}

fn indicator_values(regs: &Registers, out: &mut Vec<Diagnostic>) {
    for v in &regs.indicator_values {
        if v.denominator == Some(0.0) && v.value.is_none() {
            out.push(Diagnostic::new(
                Code::ZeroDenominator,
                Some(K::IndicatorValues),
                regs.cell(K::IndicatorValues, v.at, "denominator"),
            ));
        }
        if v.value.is_none() && v.numerator.is_some() && v.denominator.is_none() {
            let (fr, en) = label(K::IndicatorValues, "denominator");
            out.push(
                Diagnostic::new(
                    Code::RequiredMissing,
                    Some(K::IndicatorValues),
                    regs.cell(K::IndicatorValues, v.at, "denominator"),
                )
                .arg_tr("field", fr, en),
            );
        }
    }
}

fn declared_not_esr(regs: &Registers, out: &mut Vec<Diagnostic>) {
    for e in &regs.events {
        if let Some(kind) = e.kind
            && e.declared
            && kind != EventType::Esr
        {
            out.push(
                Diagnostic::new(
                    Code::DeclaredNotEsr,
                    Some(K::Rex),
                    regs.cell(K::Rex, e.at, "declared"),
                )
                .arg_tr("value", kind.label(Lang::Fr), kind.label(Lang::En)),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identifier_shapes() {
        assert_eq!(id_prefix("FEI-2025-012").as_deref(), Some("fei"));
        assert_eq!(id_prefix("2025-1"), None);
        assert!(looks_like_id("FEI-2025-140"));
        assert!(!looks_like_id("Enquête patients 2025"));
        assert!(!looks_like_id("Risque"));
    }
}
