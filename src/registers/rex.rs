//! The REX register (*retour d'expérience*): one row per event — complaint,
//! dysfunction or nonconformity, adverse event, near miss, radiation-protection
//! event (ESR) — with its rating, causes, declaration and follow-up.

use chrono::NaiveDate;

use super::declare::register;
use super::schema::{
    FieldType, LINKED_ACTION_ALIASES, PAST, PROCESS_ALIASES, SCALE5, STATUS_ALIASES, field,
};
use super::vocab::{
    CAUSE, Cause, EVENT_TYPE, EventType, STATUS, SYSTEMIC_ANALYSIS, Status, SystemicAnalysis,
};

register! {
    /// An event of the REX register.
    pub struct Event: Rex, fields EventField, spec REX, id Id {
        Id id: Option<String> = field("id", "N° événement", "Event ID", FieldType::Id)
            .required()
            .aliases(&[
                "ID", "N°", "Numéro", "Référence", "Réf", "Identifiant", "N° FEI", "N° fiche",
                "Numéro de fiche", "N° de la fiche", "Event number", "No", "Number", "N° EI",
            ])
            .help(
                "Identifiant unique de l'événement, donné à sa déclaration (par exemple l'année et un numéro d'ordre). Les actions y font référence.",
                "Unique identifier of the event, given when it is reported (for example the year and a serial number). Actions refer to it.",
            )
            .example("EI-2025-014", "EV-2025-014"),
        Detected detected: Option<NaiveDate> =
            field("detected", "Date de détection", "Detection date", PAST)
            .required()
            .aliases(&[
                "Date", "Date de l'événement", "Date événement", "Date de survenue",
                "Date de constat", "Event date", "Date of event", "Survenu le",
                "Date détection",
            ])
            .help(
                "Date à laquelle l'événement a été détecté ou constaté (pas la date de saisie).",
                "Date the event was detected or observed (not the date it was entered).",
            )
            .example("12/03/2025", "2025-03-12"),
        Type kind: Option<EventType> = field("type", "Type", "Type", FieldType::Choice(&EVENT_TYPE))
            .required()
            .aliases(&[
                "Type d'événement", "Nature", "Catégorie", "Event type", "Type de fiche",
                "Nature de l'événement", "Kind",
            ])
            .help(
                "Nature de l'événement. ESR\u{a0}: événement significatif de radioprotection, à déclarer à l'ASN.",
                "Kind of event. ESR: significant radiation-protection event, to be declared to the ASN.",
            )
            .example("dysfonctionnement", "dysfunction"),
        Process process: Option<String> = field("process", "Processus", "Process", FieldType::Text)
            .process()
            .aliases(PROCESS_ALIASES)
            .help(
                "Processus du service concerné, tel que nommé dans la cartographie des processus.",
                "Process of the service concerned, as named in the process map.",
            )
            .example("Approvisionnement", "Procurement"),
        Description description: Option<String> =
            field("description", "Description", "Description", FieldType::FreeText)
            .personal()
            .aliases(&[
                "Description de l'événement", "Libellé", "Résumé", "Faits", "Objet",
                "Description des faits", "Summary", "Événement", "Intitulé",
            ])
            .help(
                "Ce qui s'est passé, en quelques phrases factuelles, sans nom de personne.",
                "What happened, in a few factual sentences, naming no one.",
            )
            .example(
                "Générateur Tc-99m livré avec 3 h de retard\u{a0}; 6 examens du matin reportés.",
                "Tc-99m generator delivered 3 h late; 6 morning exams postponed.",
            ),
        Patient patient: Option<String> = field("patient", "Patient", "Patient", FieldType::Text)
            .personal()
            .aliases(&[
                "Nom du patient", "Patient concerné", "IPP", "Identité patient",
                "Identité du patient", "Patient name", "Patient ID", "N° patient",
            ])
            .help(
                "Patient concerné, s'il y en a un\u{a0}: de préférence son identifiant (IPP) plutôt que son nom.",
                "Patient concerned, if any: preferably the patient's identifier rather than the name.",
            )
            .example("", ""),
        Reporter reporter: Option<String> =
            field("reporter", "Déclarant", "Reported by", FieldType::Text)
            .personal()
            .aliases(&[
                "Rédacteur", "Émetteur", "Auteur", "Déclaré par", "Reporter", "Notifiant",
                "Nom du déclarant", "Signalé par",
            ])
            .help(
                "Personne qui a déclaré l'événement.",
                "Person who reported the event.",
            )
            .example("C. Martin", "C. Martin"),
        Severity severity: Option<u8> = field("severity", "Gravité", "Severity", SCALE5)
            .aliases(&[
                "Sévérité", "G", "Niveau de gravité", "Cotation gravité", "Gravité (1-5)",
                "Impact",
            ])
            .help(
                "Gravité de 1 (mineure) à 5 (catastrophique). Avec la fréquence, elle donne la criticité (gravité × fréquence) sur la grille 5 × 5.",
                "Severity from 1 (minor) to 5 (catastrophic). With the frequency it gives the criticity (severity × frequency) on the 5 × 5 grid.",
            )
            .example("2", "2"),
        Frequency frequency: Option<u8> = field("frequency", "Fréquence", "Frequency", SCALE5)
            .aliases(&[
                "Vraisemblance", "Probabilité", "Occurrence", "Likelihood", "F",
                "Fréquence d'occurrence", "Fréquence (1-5)", "Probability",
            ])
            .help(
                "Fréquence ou vraisemblance de 1 (exceptionnel) à 5 (très fréquent).",
                "Frequency or likelihood from 1 (exceptional) to 5 (very frequent).",
            )
            .example("3", "3"),
        Cause cause: Option<Cause> = field("cause", "Cause", "Cause", FieldType::Choice(&CAUSE))
            .aliases(&[
                "Catégorie de cause", "Famille de cause", "Cause (5M)", "5M",
                "Cause principale", "Cause category", "Root cause category", "Causes",
                "Type de cause",
            ])
            .help(
                "Famille de la cause principale, selon les 5M d'Ishikawa (plus management et mesure).",
                "Family of the main cause, after Ishikawa's 5M (plus management and measurement).",
            )
            .example("matière", "material"),
        /// Declared to the ASN; an empty cell means not declared.
        Declared declared: bool =
            field("declared", "Déclaré ASN", "Declared to ASN", FieldType::Bool)
            .aliases(&[
                "Déclaration ASN", "Déclaré à l'ASN", "Déclaration à l'ASN", "ASN",
                "Déclaration ESR", "Déclaré ASN ?", "ASN declaration", "Declared ASN",
                "Déclaré ASNR",
            ])
            .help(
                "Oui si l'événement a été déclaré à l'ASN (un ESR déclaré).",
                "Yes when the event was declared to the ASN (a declared ESR).",
            )
            .example("", ""),
        DeclaredOn declared_on: Option<NaiveDate> =
            field("declared_on", "Date de déclaration ASN", "ASN declaration date", PAST)
            .aliases(&[
                "Date déclaration ASN", "Date de déclaration", "Date déclaration", "Déclaré le",
                "Date of ASN declaration", "Declaration date",
            ])
            .help(
                "Date de la déclaration à l'ASN, si l'événement a été déclaré.",
                "Date of the declaration to the ASN, when the event was declared.",
            )
            .example("", ""),
        Systemic systemic: Option<SystemicAnalysis> =
            field("systemic", "Analyse systémique", "Systemic analysis", FieldType::Choice(&SYSTEMIC_ANALYSIS))
            .aliases(&[
                "Méthode d'analyse", "Analyse approfondie", "Analyse ALARM/ORION",
                "ALARM / ORION", "Méthode", "Analysis method", "Analyse des causes",
            ])
            .help(
                "Méthode d'analyse approfondie des causes utilisée, s'il y en a eu une.",
                "Method of the in-depth cause analysis, if one was made.",
            )
            .example("aucune", "none"),
        Supplier supplier: Option<String> =
            field("supplier", "Fournisseur", "Supplier", FieldType::Text)
            .aliases(&["Fournisseur concerné", "Prestataire", "Provider", "Vendor", "Fabricant"])
            .help(
                "Fournisseur ou prestataire en cause, écrit comme dans le registre des fournisseurs\u{a0}: ses événements comptent dans sa réévaluation.",
                "Supplier or provider involved, spelt as in the supplier register: its events count in its re-evaluation.",
            )
            .example("Isotopes Services", "Isotopes Services"),
        Actions actions: Vec<String> =
            field("actions", "Actions liées", "Linked actions", FieldType::IdList)
            .aliases(LINKED_ACTION_ALIASES)
            .help(
                "N° des actions du plan d'actions ouvertes à la suite de l'événement.",
                "IDs of the actions of the action plan opened after the event.",
            )
            .example("AC-2025-007", "AC-2025-007"),
        Status status: Option<Status> =
            field("status", "Statut", "Status", FieldType::Choice(&STATUS))
            .aliases(STATUS_ALIASES)
            .help(
                "Où en est le traitement de l'événement.",
                "Where the handling of the event stands.",
            )
            .example("clos", "closed"),
        Closed closed: Option<NaiveDate> = field("closed", "Date de clôture", "Closing date", PAST)
            .aliases(&[
                "Clôture", "Date clôture", "Date de clôture de la fiche", "Closed on",
                "Date de solde", "Date de fin", "Clôturé le", "Date of closure",
            ])
            .help(
                "Date de clôture de l'événement (obligatoire en pratique quand le statut est «\u{a0}clos\u{a0}» ou «\u{a0}réalisé\u{a0}»).",
                "Date the event was closed (expected when the status is “closed” or “done”).",
            )
            .example("30/04/2025", "2025-04-30"),
    }
}

impl Event {
    /// Severity × frequency, when both are known.
    pub fn criticity(&self) -> Option<u8> {
        Some(self.severity? * self.frequency?)
    }
}
