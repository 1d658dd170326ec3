//! The action plan: one row per corrective, preventive or improvement
//! action, with its origin, owner, dates and the check of its effectiveness.

use chrono::NaiveDate;

use super::declare::register;
use super::schema::{
    ANY_DATE, FieldType, OWNER_ALIASES, PAST, PROCESS_ALIASES, STATUS_ALIASES, field,
};
use super::vocab::{ACTION_TYPE, ActionType, EFFECTIVENESS, Effectiveness, STATUS, Status};

register! {
    /// An action of the improvement plan.
    pub struct Action: Actions, fields ActionField, spec ACTIONS, id Id {
        Id id: Option<String> = field("id", "N° action", "Action ID", FieldType::Id)
            .required()
            .aliases(&[
                "ID", "N°", "Numéro", "Référence", "Réf", "Réf. action", "Identifiant",
                "Code action", "Action number", "No", "Number", "Numéro d'action",
            ])
            .help(
                "Identifiant unique de l'action. Événements, constats et veille y font référence.",
                "Unique identifier of the action. Events, findings and the watch refer to it.",
            )
            .example("AC-2025-007", "AC-2025-007"),
        Origin origin: Option<String> = field("origin", "Origine", "Origin", FieldType::Text)
            .aliases(&[
                "Source", "Origine de l'action", "Provenance", "Réf. origine",
                "Référence origine", "Source of action", "Issue de",
            ])
            .help(
                "D'où vient l'action\u{a0}: n° d'événement, n° de constat d'audit, «\u{a0}RDD-2025\u{a0}» pour une décision de la revue de direction 2025, ou un mot\u{a0}: enquête, risque, opportunité, veille, audit.",
                "Where the action comes from: event ID, audit finding ID, “RDD-2025” for a decision of the 2025 management review, or a word: survey, risk, opportunity, watch, audit.",
            )
            .example("EI-2025-014", "EV-2025-014"),
        Type kind: Option<ActionType> =
            field("type", "Type", "Type", FieldType::Choice(&ACTION_TYPE))
            .aliases(&["Type d'action", "Nature", "Action type", "Nature de l'action", "Kind"])
            .help(
                "Curative (corrige le problème), corrective (supprime sa cause), préventive (évite qu'il survienne) ou amélioration.",
                "Correction (fixes the problem), corrective (removes its cause), preventive (stops it from happening) or improvement.",
            )
            .example("corrective", "corrective"),
        Process process: Option<String> = field("process", "Processus", "Process", FieldType::Text)
            .process()
            .aliases(PROCESS_ALIASES)
            .help(
                "Processus du service concerné par l'action.",
                "Process of the service the action concerns.",
            )
            .example("Approvisionnement", "Procurement"),
        Description description: Option<String> =
            field("description", "Description", "Description", FieldType::FreeText)
            .personal()
            .required()
            .aliases(&[
                "Action", "Libellé", "Intitulé", "Description de l'action", "Action à mener",
                "Action décidée", "Action description", "Quoi",
            ])
            .help(
                "Ce qui doit être fait, en une ou deux phrases.",
                "What is to be done, in one or two sentences.",
            )
            .example(
                "Convenir avec le fournisseur d'une livraison de secours avant 7 h.",
                "Agree with the supplier on a back-up delivery before 7 a.m.",
            ),
        Owner owner: Option<String> = field("owner", "Pilote", "Owner", FieldType::Text)
            .personal()
            .aliases(OWNER_ALIASES)
            .help(
                "Pilote de l'action\u{a0}: la personne qui la mène à bien.",
                "Owner of the action: the person who sees it through.",
            )
            .example("L. Bernard", "L. Bernard"),
        Opened opened: Option<NaiveDate> = field("opened", "Date d'ouverture", "Opening date", PAST)
            .required()
            .aliases(&[
                "Date de création", "Date d'émission", "Ouverture", "Date", "Opened",
                "Opened on", "Date de début", "Créée le", "Date ouverture", "Start date",
            ])
            .help(
                "Date à laquelle l'action a été décidée.",
                "Date the action was decided.",
            )
            .example("13/03/2025", "2025-03-13"),
        Due due: Option<NaiveDate> = field("due", "Échéance", "Due date", ANY_DATE)
            .aliases(&[
                "Date d'échéance", "Date prévue", "Délai", "Deadline", "Date butoir", "Pour le",
                "Échéance prévue", "Date limite", "Due", "Target date",
            ])
            .help(
                "Échéance prévue\u{a0}: une action non réalisée à cette date est en retard.",
                "Planned due date: an action not done by then is late.",
            )
            .example("30/04/2025", "2025-04-30"),
        Done done: Option<NaiveDate> = field("done", "Date de réalisation", "Done date", PAST)
            .aliases(&[
                "Réalisé le", "Date de clôture", "Date de fin", "Date effective",
                "Completion date", "Closed on", "Date de solde", "Date réalisation", "Clôture",
                "Done on",
            ])
            .help(
                "Date à laquelle l'action a été réalisée.",
                "Date the action was done.",
            )
            .example("25/04/2025", "2025-04-25"),
        Status status: Option<Status> =
            field("status", "Statut", "Status", FieldType::Choice(&STATUS))
            .required()
            .aliases(STATUS_ALIASES)
            .help(
                "Où en est l'action.",
                "Where the action stands.",
            )
            .example("clos", "closed"),
        Effectiveness effectiveness: Option<Effectiveness> =
            field("effectiveness", "Efficacité", "Effectiveness", FieldType::Choice(&EFFECTIVENESS))
            .aliases(&[
                "Efficacité de l'action", "Évaluation de l'efficacité", "Résultat efficacité",
                "Efficace ?", "Efficacité constatée", "Effective?",
            ])
            .help(
                "Résultat de la vérification de l'efficacité (le problème a-t-il disparu\u{a0}?).",
                "Outcome of the effectiveness check (has the problem gone?).",
            )
            .example("efficace", "effective"),
        CheckedOn checked_on: Option<NaiveDate> =
            field("checked_on", "Date de vérification de l'efficacité", "Effectiveness check date", PAST)
            .aliases(&[
                "Date évaluation efficacité", "Date d'évaluation de l'efficacité",
                "Date de vérification", "Date efficacité", "Vérifiée le",
                "Efficacité vérifiée le", "Check date",
            ])
            .help(
                "Date de la vérification de l'efficacité.",
                "Date of the effectiveness check.",
            )
            .example("30/09/2025", "2025-09-30"),
        Indicator indicator: Option<String> =
            field("indicator", "Indicateur", "Indicator", FieldType::Text)
            .aliases(&[
                "Indicateur lié", "Code indicateur", "Linked indicator", "Indicateur de suivi",
            ])
            .help(
                "Code de l'indicateur qui doit montrer l'effet de l'action (feuille des indicateurs).",
                "Code of the indicator that should show the action's effect (indicators sheet).",
            )
            .example("IND-05", "IND-05"),
    }
}
