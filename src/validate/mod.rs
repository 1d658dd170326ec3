//! Checks that need more than one cell: within a row (a closing date before
//! the opening date), within a register (duplicate identifiers) and across
//! registers (an action named by an event that does not exist). Cell-level
//! checks happen while reading, in [`crate::registers::read`]. Every rule is a
//! function over the typed registers returning diagnostics; none stops the run.

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;

use crate::diagnostic::{Code, Diagnostic};
use crate::input::text::fold;
use crate::registers::schema::FieldType;
use crate::registers::schema::RegisterKind as K;
use crate::registers::vocab::{EventType, Status};
use crate::registers::{
    ActionField, EventField, FieldRef, FindingField, IndicatorValueField, ObjectiveField,
    Registers, ReviewCommentField, RowRef, TrainingField, WatchItemField,
};

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
    regs.each_text(&mut |field, at, p| {
        if !field.field().process {
            return;
        }
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
            Diagnostic::new(Code::UnknownProcess, Some(field.kind), regs.cell(at, field))
                .arg("value", p)
                .arg("suggestion", closest),
        );
    });
    out
}

/// Free-text cells holding personal data: reported with the cell and the
/// kind of data, never the data itself.
fn personal_data(regs: &Registers, out: &mut Vec<Diagnostic>) {
    use crate::input::personal::scan;
    regs.each_text(&mut |field, at, text| {
        if !matches!(field.field().ty, FieldType::FreeText) {
            return;
        }
        let found = scan(text);
        if found.is_empty() {
            return;
        }
        let keys: Vec<&'static str> = found.iter().map(|m| m.key()).collect();
        out.push(
            Diagnostic::new(Code::PersonalData, Some(field.kind), regs.cell(at, field))
                .msgs("what", &keys),
        );
    });
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
                    regs.cell(c.at, ReviewCommentField::Section),
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

            let period_text = match period.calendar_year() {
                Some(y) => y.to_string(),
                None => format!("{} – {}", fmt_date(period.from), fmt_date(period.to)),
            };
            Diagnostic::new(Code::ReviewInputMissing, Some(g.register), loc)
                .arg("section", g.input.section().to_string())
                .msg("input", format!("rev.s-{}", g.input.key()))
                .register("register", g.register)
                .msg("gap", g.gap.key())
                .arg("period", period_text)
        })
        .collect()
}

fn fmt_date(d: NaiveDate) -> String {
    d.format("%d/%m/%Y").to_string()
}

/// Reports the second and later rows of an identifier, in every register
/// that has one. Identifiers compare without case or outer spaces.
fn duplicate_ids(regs: &Registers, out: &mut Vec<Diagnostic>) {
    let mut first: BTreeMap<(FieldRef, String), RowRef> = BTreeMap::new();
    regs.each_text(&mut |field, at, id| {
        if field.kind.spec().id() != Some(field) {
            return;
        }
        let norm = id.trim().to_lowercase();
        match first.get(&(field, norm.clone())) {
            Some(prev) => out.push(
                Diagnostic::new(Code::DuplicateId, Some(field.kind), regs.cell(at, field))
                    .arg("id", id)
                    .arg("other", regs.cell(*prev, field).to_string()),
            ),
            None => {
                first.insert((field, norm), at);
            }
        }
    });
}

/// Reports `later` (its value and field) when it is before `earlier`.
fn before<F: Into<FieldRef> + Copy>(
    regs: &Registers,
    at: RowRef,
    later: (F, Option<NaiveDate>),
    earlier: (F, Option<NaiveDate>),
    code: Code,
    out: &mut Vec<Diagnostic>,
) {
    let ((later_field, later), (earlier_field, earlier)) = (later, earlier);
    if let (Some(l), Some(e)) = (later, earlier)
        && l < e
    {
        let later_field: FieldRef = later_field.into();
        out.push(
            Diagnostic::new(code, Some(later_field.kind), regs.cell(at, later_field))
                .field("field", later_field)
                .arg("value", fmt_date(l))
                .field("other", earlier_field)
                .arg("other_value", fmt_date(e)),
        );
    }
}

fn date_order(regs: &Registers, out: &mut Vec<Diagnostic>) {
    use Code::{DateBeforeOpen, DueBeforeOpen};
    for e in &regs.events {
        before(
            regs,
            e.at,
            (EventField::Closed, e.closed),
            (EventField::Detected, e.detected),
            DateBeforeOpen,
            out,
        );
        before(
            regs,
            e.at,
            (EventField::DeclaredOn, e.declared_on),
            (EventField::Detected, e.detected),
            DateBeforeOpen,
            out,
        );
    }
    for a in &regs.actions {
        before(
            regs,
            a.at,
            (ActionField::Done, a.done),
            (ActionField::Opened, a.opened),
            DateBeforeOpen,
            out,
        );
        before(
            regs,
            a.at,
            (ActionField::Due, a.due),
            (ActionField::Opened, a.opened),
            DueBeforeOpen,
            out,
        );
        before(
            regs,
            a.at,
            (ActionField::CheckedOn, a.checked_on),
            (ActionField::Opened, a.opened),
            DateBeforeOpen,
            out,
        );
    }
    for t in &regs.training {
        before(
            regs,
            t.at,
            (TrainingField::ValidUntil, t.valid_until),
            (TrainingField::Date, t.date),
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
            out.push(
                Diagnostic::new(
                    DateBeforeOpen,
                    Some(K::Findings),
                    regs.cell(f.at, FindingField::Closed),
                )
                .field("field", FindingField::Closed)
                .arg("value", fmt_date(closed))
                .msg("other", "validate.audit-date")
                .arg("other_value", fmt_date(*audit_date)),
            );
        }
    }
}

/// A status and a closing date must agree.
fn status_pair(
    regs: &Registers,
    at: RowRef,
    (status_field, status): (impl Into<FieldRef>, Option<Status>),
    (date_field, date): (impl Into<FieldRef>, Option<NaiveDate>),
    out: &mut Vec<Diagnostic>,
) {
    let Some(status) = status else { return };
    let (status_field, date_field): (FieldRef, FieldRef) = (status_field.into(), date_field.into());
    let kind = date_field.kind;
    if status.expects_close_date() && date.is_none() {
        out.push(
            Diagnostic::new(
                Code::ClosedWithoutDate,
                Some(kind),
                regs.cell(at, status_field),
            )
            .choice("status", Status::vocab(), status as u8)
            .field("field", date_field),
        );
    } else if !status.is_finished() && date.is_some() {
        out.push(
            Diagnostic::new(
                Code::DateWithoutClosed,
                Some(kind),
                regs.cell(at, date_field),
            )
            .choice("status", Status::vocab(), status as u8)
            .field("field", date_field),
        );
    }
}

fn status_and_closing(regs: &Registers, out: &mut Vec<Diagnostic>) {
    for e in &regs.events {
        status_pair(
            regs,
            e.at,
            (EventField::Status, e.status),
            (EventField::Closed, e.closed),
            out,
        );
    }
    for a in &regs.actions {
        status_pair(
            regs,
            a.at,
            (ActionField::Status, a.status),
            (ActionField::Done, a.done),
            out,
        );
    }
    for f in &regs.findings {
        status_pair(
            regs,
            f.at,
            (FindingField::Status, f.status),
            (FindingField::Closed, f.closed),
            out,
        );
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
        let check_list =
            |field: FieldRef, at: RowRef, list: &[String], out: &mut Vec<Diagnostic>| {
                for id in list {
                    if !actions.contains(&id.trim().to_lowercase()) {
                        out.push(
                            Diagnostic::new(
                                Code::UnknownAction,
                                Some(field.kind),
                                regs.cell(at, field),
                            )
                            .arg("id", id.clone()),
                        );
                    }
                }
            };
        for e in &regs.events {
            check_list(EventField::Actions.into(), e.at, &e.actions, out);
        }
        for f in &regs.findings {
            check_list(FindingField::Actions.into(), f.at, &f.actions, out);
        }
        for w in &regs.watch {
            check_list(WatchItemField::Actions.into(), w.at, &w.actions, out);
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
                    regs.cell(a.at, ActionField::Origin),
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
                        regs.cell(f.at, FindingField::Audit),
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
                        regs.cell(v.at, IndicatorValueField::Code),
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
                        regs.cell(o.at, ObjectiveField::Indicator),
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
                        regs.cell(a.at, ActionField::Indicator),
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
                        regs.cell(e.at, EventField::Supplier),
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
                regs.cell(v.at, IndicatorValueField::Denominator),
            ));
        }
        if v.value.is_none() && v.numerator.is_some() && v.denominator.is_none() {
            out.push(
                Diagnostic::new(
                    Code::RequiredMissing,
                    Some(K::IndicatorValues),
                    regs.cell(v.at, IndicatorValueField::Denominator),
                )
                .field("field", IndicatorValueField::Denominator),
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
                    regs.cell(e.at, EventField::Declared),
                )
                .choice("value", EventType::vocab(), kind as u8),
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
