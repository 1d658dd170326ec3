//! The audits register, in two sheets: the audits and inspections (one row
//! each) and their findings (one row per finding, with its grade, clause and
//! follow-up).

use chrono::NaiveDate;

use super::declare::register;
use super::schema::{
    ANY_DATE, FieldType, LINKED_ACTION_ALIASES, PAST, PROCESS_ALIASES, STATUS_ALIASES, field,
};
use super::vocab::{AUDIT_KIND, AuditKind, GRADE, Grade, STATUS, Status};

register! {
    /// An audit or inspection.
    pub struct Audit: Audits, fields AuditField, spec AUDITS, id Id {
        Id id: Option<String> = field("id", "N° audit", "Audit ID", FieldType::Id)
            .required()
            .aliases(&[
                "ID", "Réf. audit", "Référence", "Identifiant", "Code audit", "N°", "Audit",
                "Audit number",
            ])
            .help(
                "Identifiant unique de l'audit ou de l'inspection\u{a0}: les constats s'y réfèrent.",
                "Unique identifier of the audit or inspection: findings refer to it.",
            )
            .example("AUD-2025-01", "AUD-2025-01"),
        Kind kind: Option<AuditKind> =
            field("kind", "Type d'audit", "Audit kind", FieldType::Choice(&AUDIT_KIND))
            .required()
            .aliases(&[
                "Type", "Nature", "Kind", "Audit type", "Catégorie",
                "Type d'audit / inspection",
            ])
            .help(
                "Type d'audit\u{a0}: il décide du référentiel du dossier de preuves (ISO 9001, décision 2019-DC-0660).",
                "Kind of audit: it decides the standard of the evidence pack (ISO 9001, decision 2019-DC-0660).",
            )
            .example("audit interne", "internal audit"),
        Date date: Option<NaiveDate> = field("date", "Date", "Date", ANY_DATE)
            .required()
            .aliases(&[
                "Date de l'audit", "Date d'audit", "Audit date", "Date de début",
                "Date de visite", "Date de l'inspection",
            ])
            .help(
                "Date de l'audit (premier jour s'il dure plusieurs jours). Un audit prévu peut avoir une date future.",
                "Date of the audit (first day if it lasts several days). A planned audit may have a future date.",
            )
            .example("16/10/2025", "2025-10-16"),
        Auditor auditor: Option<String> =
            field("auditor", "Auditeur / organisme", "Auditor / body", FieldType::Text)
            .personal()
            .aliases(&[
                "Auditeur", "Auditeurs", "Organisme", "Auditor", "Body", "Certification body",
                "Inspecteur", "Responsable d'audit", "Organisme certificateur", "Auditeur(s)",
            ])
            .help(
                "Auditeur, ou organisme certificateur, ou autorité.",
                "Auditor, certification body or authority.",
            )
            .example("A. Petit", "A. Petit"),
        Scope scope: Option<String> = field("scope", "Périmètre", "Scope", FieldType::Text)
            .aliases(&[
                "Champ", "Champ de l'audit", "Processus audités", "Périmètre audité",
                "Audit scope",
            ])
            .help(
                "Processus ou activités audités.",
                "Processes or activities audited.",
            )
            .example("Approvisionnement, radiopharmacie", "Procurement, radiopharmacy"),
        Standard standard: Option<String> =
            field("standard", "Référentiel", "Standard", FieldType::Text)
            .aliases(&["Norme", "Référentiels", "Standards", "Référentiel d'audit", "Criteria"])
            .help(
                "Référentiel de l'audit.",
                "Standard audited against.",
            )
            .example("ISO 9001:2015", "ISO 9001:2015"),
        Status status: Option<Status> =
            field("status", "Statut", "Status", FieldType::Choice(&STATUS))
            .aliases(STATUS_ALIASES)
            .help(
                "Où en est l'audit (prévu, réalisé, clos quand ses constats sont traités).",
                "Where the audit stands (planned, done, closed when its findings are handled).",
            )
            .example("clos", "closed"),
    }
}

register! {
    /// A finding of an audit.
    pub struct Finding: Findings, fields FindingField, spec FINDINGS, id Id {
        Id id: Option<String> = field("id", "N° constat", "Finding ID", FieldType::Id)
            .required()
            .aliases(&[
                "ID", "Réf. constat", "Identifiant", "N° écart", "Numéro", "N°", "Référence",
                "Finding number",
            ])
            .help(
                "Identifiant unique du constat\u{a0}: les actions peuvent s'y référer dans leur origine.",
                "Unique identifier of the finding: actions may name it as their origin.",
            )
            .example("AUD-2025-01-C03", "AUD-2025-01-F03"),
        Audit audit: Option<String> = field("audit", "N° audit", "Audit ID", FieldType::Id)
            .required()
            .aliases(&["Audit", "Réf. audit", "ID audit", "Audit ref", "Référence audit"])
            .help(
                "N° de l'audit du constat, tel qu'écrit dans la feuille des audits.",
                "ID of the finding's audit, as written in the audits sheet.",
            )
            .example("AUD-2025-01", "AUD-2025-01"),
        Grade grade: Option<Grade> = field("grade", "Cotation", "Grade", FieldType::Choice(&GRADE))
            .required()
            .aliases(&[
                "Type de constat", "Type", "Niveau", "Classification", "Nature", "Type d'écart",
                "Finding type", "Catégorie", "Gravité",
            ])
            .help(
                "Cotation du constat par l'auditeur.",
                "The auditor's grading of the finding.",
            )
            .example("non-conformité mineure", "minor nonconformity"),
        Clause clause: Option<String> =
            field("clause", "Clause / article", "Clause / article", FieldType::Text)
            .aliases(&[
                "Clause", "Chapitre", "Exigence", "Article", "Référence normative",
                "Chapitre de la norme", "Requirement", "§", "Article / chapitre", "Paragraphe",
            ])
            .help(
                "Exigence concernée\u{a0}: chapitre de la norme ISO 9001 ou article de la décision 2019-DC-0660.",
                "Requirement concerned: clause of ISO 9001 or article of decision 2019-DC-0660.",
            )
            .example("8.4.1", "8.4.1"),
        Process process: Option<String> = field("process", "Processus", "Process", FieldType::Text)
            .process()
            .aliases(PROCESS_ALIASES)
            .help(
                "Processus concerné.",
                "Process concerned.",
            )
            .example("Approvisionnement", "Procurement"),
        Description description: Option<String> =
            field("description", "Constat", "Finding", FieldType::FreeText)
            .personal()
            .aliases(&["Description", "Libellé", "Description du constat", "Énoncé", "Observation"])
            .help(
                "Le constat, tel que rédigé par l'auditeur.",
                "The finding, as written by the auditor.",
            )
            .example(
                "L'évaluation annuelle de deux fournisseurs à risque n'est pas enregistrée.",
                "The yearly evaluation of two critical suppliers is not recorded.",
            ),
        Actions actions: Vec<String> =
            field("actions", "Action liée", "Linked action", FieldType::IdList)
            .aliases(LINKED_ACTION_ALIASES)
            .help(
                "N° des actions ouvertes pour traiter le constat.",
                "IDs of the actions opened to handle the finding.",
            )
            .example("AC-2025-012", "AC-2025-012"),
        Status status: Option<Status> =
            field("status", "Statut", "Status", FieldType::Choice(&STATUS))
            .aliases(STATUS_ALIASES)
            .help(
                "Où en est le traitement du constat.",
                "Where the handling of the finding stands.",
            )
            .example("en cours", "in progress"),
        Closed closed: Option<NaiveDate> = field("closed", "Date de clôture", "Closing date", PAST)
            .aliases(&["Clôture", "Closed on", "Levée", "Date de levée", "Date clôture", "Levé le"])
            .help(
                "Date à laquelle le constat a été levé.",
                "Date the finding was closed.",
            )
            .example("", ""),
    }
}
