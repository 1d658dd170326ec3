//! Quality objectives: one row per objective of a year, usually linked to
//! an indicator and a target.

use chrono::NaiveDate;

use super::declare::register;
use super::model::Amount;
use super::schema::{ANY_DATE, FieldType, OWNER_ALIASES, PROCESS_ALIASES, field};

register! {
    /// A quality objective of a year.
    pub struct Objective: Objectives, fields ObjectiveField, spec OBJECTIVES {
        Year year: Option<i32> = field("year", "Année", "Year", FieldType::Year)
            .required()
            .aliases(&["Exercice", "An", "Année de l'objectif"])
            .help(
                "Année de l'objectif.",
                "Year of the objective.",
            )
            .example("2025", "2025"),
        Objective objective: Option<String> =
            field("objective", "Objectif", "Objective", FieldType::Text)
            .required()
            .aliases(&["Objectif qualité", "Libellé", "Intitulé", "Quality objective", "Objectifs"])
            .help(
                "L'objectif, en une phrase.",
                "The objective, in one sentence.",
            )
            .example("Moins de 2\u{a0}% d'examens reportés", "Fewer than 2 % of exams postponed"),
        Indicator indicator: Option<String> =
            field("indicator", "Indicateur", "Indicator", FieldType::Text)
            .aliases(&[
                "Code indicateur", "Indicateur lié", "Linked indicator", "Indicateur associé",
                "Indicateur de suivi",
            ])
            .help(
                "Code de l'indicateur qui mesure l'objectif\u{a0}: smq en déduit si l'objectif est atteint.",
                "Code of the indicator that measures the objective: smq works out whether it is met.",
            )
            .example("IND-05", "IND-05"),
        Target target: Option<Amount> = field("target", "Cible", "Target", FieldType::Number)
            .aliases(&["Valeur cible", "Valeur visée", "Target value", "Résultat attendu"])
            .help(
                "Valeur visée\u{a0}; vide\u{a0}: la cible de l'indicateur.",
                "Value aimed at; empty: the indicator's target.",
            )
            .example("2", "2"),
        Deadline deadline: Option<NaiveDate> = field("deadline", "Échéance", "Deadline", ANY_DATE)
            .aliases(&["Date butoir", "Délai", "Due date", "Date limite", "Date d'échéance"])
            .help(
                "Date à laquelle l'objectif doit être atteint.",
                "Date by which the objective is to be met.",
            )
            .example("31/12/2025", "2025-12-31"),
        Owner owner: Option<String> = field("owner", "Pilote", "Owner", FieldType::Text)
            .personal()
            .aliases(OWNER_ALIASES)
            .help(
                "Pilote de l'objectif.",
                "Owner of the objective.",
            )
            .example("L. Bernard", "L. Bernard"),
        Process process: Option<String> = field("process", "Processus", "Process", FieldType::Text)
            .process()
            .aliases(PROCESS_ALIASES)
            .help(
                "Processus concerné.",
                "Process concerned.",
            )
            .example("Réalisation des examens", "Exams"),
    }
}
