//! Controlled documents: one row per document, with its version, effective
//! and review dates and who wrote, checked and approved it.

use chrono::NaiveDate;

use super::declare::register;
use super::schema::{ANY_DATE, FieldType, PAST, PROCESS_ALIASES, STATUS_ALIASES, field};
use super::vocab::{DOC_CATEGORY, DOC_STATUS, DocCategory, DocStatus};

register! {
    /// A controlled document.
    pub struct Document: Documents, fields DocumentField, spec DOCUMENTS, id Reference {
        Reference reference: Option<String> =
            field("reference", "Référence", "Reference", FieldType::Id)
            .required()
            .aliases(&[
                "Réf", "Code", "Code document", "Document ID", "N°", "Identifiant",
                "Référence du document",
            ])
            .help(
                "Référence unique du document.",
                "Unique reference of the document.",
            )
            .example("PR-RAD-003", "PR-RAD-003"),
        Title title: Option<String> = field("title", "Titre", "Title", FieldType::Text)
            .required()
            .aliases(&[
                "Intitulé", "Libellé", "Nom du document", "Document", "Nom", "Document title",
            ])
            .help(
                "Titre du document.",
                "Title of the document.",
            )
            .example("Préparation des radiopharmaceutiques", "Preparation of radiopharmaceuticals"),
        Process process: Option<String> = field("process", "Processus", "Process", FieldType::Text)
            .process()
            .aliases(PROCESS_ALIASES)
            .help(
                "Processus auquel le document se rattache.",
                "Process the document belongs to.",
            )
            .example("Radiopharmacie", "Radiopharmacy"),
        Category category: Option<DocCategory> =
            field("category", "Catégorie", "Category", FieldType::Choice(&DOC_CATEGORY))
            .aliases(&["Type", "Type de document", "Nature", "Document type", "Typologie"])
            .help(
                "Document applicable (procédure, mode opératoire…), formulaire, enregistrement ou archive.",
                "Applicable document (procedure, work instruction…), form, record or archive.",
            )
            .example("document applicable", "applicable document"),
        Version version: Option<String> = field("version", "Version", "Version", FieldType::Text)
            .aliases(&[
                "Indice", "Révision", "Version n°", "Rev", "Indice de révision",
                "N° de version",
            ])
            .help(
                "Version en vigueur (1.0, 2.0…).",
                "Version in force (1.0, 2.0…).",
            )
            .example("2.0", "2.0"),
        Effective effective: Option<NaiveDate> =
            field("effective", "Date d'application", "Effective date", PAST)
            .aliases(&[
                "Date de mise en application", "Date de diffusion", "Date d'entrée en vigueur",
                "Date de validation", "Date de publication", "Date", "Date de version",
                "Applicable le",
            ])
            .help(
                "Date de mise en application de cette version.",
                "Date this version came into force.",
            )
            .example("01/02/2025", "2025-02-01"),
        NextReview next_review: Option<NaiveDate> =
            field("next_review", "Prochaine révision", "Next review", ANY_DATE)
            .aliases(&[
                "Date de prochaine révision", "Date de révision", "À réviser le", "Review date",
                "Date de revue", "Prochaine revue", "Next review date",
                "Date de prochaine revue",
            ])
            .help(
                "Date à laquelle le document doit être relu\u{a0}: passée, il est signalé comme à réviser.",
                "Date by which the document must be reviewed: once past, it is reported as due for review.",
            )
            .example("01/02/2027", "2027-02-01"),
        Author author: Option<String> = field("author", "Rédacteur", "Author", FieldType::Text)
            .personal()
            .aliases(&["Auteur", "Rédigé par", "Written by"])
            .help(
                "Rédacteur du document.",
                "Author of the document.",
            )
            .example("C. Martin", "C. Martin"),
        Reviewer reviewer: Option<String> =
            field("reviewer", "Vérificateur", "Reviewer", FieldType::Text)
            .personal()
            .aliases(&["Vérifié par", "Relecteur", "Checked by", "Vérification"])
            .help(
                "Vérificateur du document.",
                "Reviewer of the document.",
            )
            .example("L. Bernard", "L. Bernard"),
        Approver approver: Option<String> =
            field("approver", "Approbateur", "Approver", FieldType::Text)
            .personal()
            .aliases(&["Approuvé par", "Validé par", "Approved by", "Approbation"])
            .help(
                "Approbateur du document.",
                "Approver of the document.",
            )
            .example("Dr A. Petit", "Dr A. Petit"),
        Status status: Option<DocStatus> =
            field("status", "Statut", "Status", FieldType::Choice(&DOC_STATUS))
            .aliases(STATUS_ALIASES)
            .help(
                "Étape du cycle de vie du document.",
                "Stage of the document's life cycle.",
            )
            .example("en vigueur", "in force"),
    }
}
