//! The regulatory watch (*veille réglementaire*): one row per text under
//! watch, with its dates, applicability and impact.

use chrono::NaiveDate;

use super::declare::register;
use super::schema::{ANY_DATE, FieldType, LINKED_ACTION_ALIASES, PAST, STATUS_ALIASES, field};
use super::vocab::{APPLICABILITY, Applicability, STATUS, Status};

register! {
    /// A regulatory text under watch.
    pub struct WatchItem: Watch, fields WatchItemField, spec WATCH, id Reference {
        Reference reference: Option<String> =
            field("reference", "Référence", "Reference", FieldType::Id)
            .required()
            .aliases(&["Réf", "Référence du texte", "N°", "ID", "Code", "Référence réglementaire"])
            .help(
                "Référence unique du texte (n° de décision, d'arrêté, de norme…).",
                "Unique reference of the text (number of the decision, order, standard…).",
            )
            .example("2019-DC-0660", "2019-DC-0660"),
        Title title: Option<String> = field("title", "Intitulé", "Title", FieldType::Text)
            .aliases(&["Titre", "Texte", "Libellé", "Objet", "Texte réglementaire", "Text"])
            .help(
                "Intitulé du texte.",
                "Title of the text.",
            )
            .example(
                "Décision fixant les obligations d'assurance de la qualité en imagerie médicale",
                "Decision setting the quality-assurance obligations in medical imaging",
            ),
        Published published: Option<NaiveDate> =
            field("published", "Date de publication", "Publication date", PAST)
            .aliases(&["Publication", "Date de parution", "Paru le", "Date du texte", "Publié le"])
            .help(
                "Date de publication du texte.",
                "Publication date of the text.",
            )
            .example("15/01/2019", "2019-01-15"),
        Effective effective: Option<NaiveDate> =
            field("effective", "Date d'application", "Effective date", ANY_DATE)
            .aliases(&[
                "Date d'entrée en vigueur", "Entrée en vigueur", "Date d'effet",
                "In force from",
            ])
            .help(
                "Date d'entrée en vigueur.",
                "Date it comes into force.",
            )
            .example("01/07/2019", "2019-07-01"),
        Theme theme: Option<String> = field("theme", "Thème", "Theme", FieldType::Text)
            .aliases(&["Domaine", "Thématique", "Topic", "Catégorie", "Sujet"])
            .help(
                "Domaine du texte.",
                "Field of the text.",
            )
            .example("Radioprotection", "Radiation protection"),
        Applicable applicable: Option<Applicability> =
            field("applicable", "Applicable", "Applicable", FieldType::Choice(&APPLICABILITY))
            .aliases(&[
                "Applicabilité", "Concerné", "Applicability", "Applicable ?",
                "Applicable au service",
            ])
            .help(
                "Le texte s'applique-t-il au service\u{a0}? «\u{a0}à évaluer\u{a0}» tant que l'analyse n'est pas faite.",
                "Does the text apply to the service? “to assess” until the analysis is made.",
            )
            .example("applicable", "applicable"),
        Impact impact: Option<String> = field("impact", "Impact", "Impact", FieldType::FreeText)
            .personal()
            .aliases(&[
                "Impacts", "Conséquences", "Analyse d'impact", "Exigences",
                "Exigences applicables", "Impact pour le service",
            ])
            .help(
                "Ce que le texte change pour le service, les exigences à respecter.",
                "What the text changes for the service, the requirements to meet.",
            )
            .example(
                "Formaliser le système de gestion de la qualité, les habilitations au poste et le retour d'expérience.",
                "Formalise the quality management system, habilitation at the workstation and experience feedback.",
            ),
        Actions actions: Vec<String> =
            field("actions", "Action liée", "Linked action", FieldType::IdList)
            .aliases(LINKED_ACTION_ALIASES)
            .help(
                "N° des actions ouvertes pour se mettre en conformité.",
                "IDs of the actions opened to comply.",
            )
            .example("AC-2019-004", "AC-2019-004"),
        Status status: Option<Status> =
            field("status", "Statut", "Status", FieldType::Choice(&STATUS))
            .aliases(STATUS_ALIASES)
            .help(
                "Où en est la prise en compte du texte.",
                "Where taking the text into account stands.",
            )
            .example("clos", "closed"),
        Source source: Option<String> = field("source", "Source", "Source", FieldType::Text)
            .aliases(&["Émetteur", "Origine", "Publié par"])
            .help(
                "Qui publie le texte ou d'où vient l'information.",
                "Who publishes the text or where the information came from.",
            )
            .example("ASN", "ASN"),
    }
}
