//! Training and habilitation (decision 2019-DC-0660 art. 9): one row per
//! training or habilitation of one person.

use chrono::NaiveDate;

use super::declare::register;
use super::schema::{ANY_DATE, FieldType, PAST, field};

register! {
    /// One training or habilitation of one person.
    pub struct Training: Training, fields TrainingField, spec TRAINING {
        Person person: Option<String> = field("person", "Nom", "Name", FieldType::Text)
            .personal()
            .required()
            .aliases(&[
                "Agent", "Personne", "Salarié", "Collaborateur", "Nom Prénom", "Nom et prénom",
                "Person", "Employee", "Staff", "Professionnel", "Prénom Nom",
            ])
            .help(
                "Nom de la personne formée ou habilitée.",
                "Name of the person trained or habilitated.",
            )
            .example("C. Martin", "C. Martin"),
        Role role: Option<String> = field("role", "Fonction", "Role", FieldType::Text)
            .aliases(&[
                "Poste", "Métier", "Rôle", "Job", "Profession", "Catégorie professionnelle",
                "Poste de travail", "Qualification",
            ])
            .help(
                "Fonction de la personne\u{a0}: médecin, manipulateur, radiopharmacien, secrétaire…",
                "The person's role: physician, technologist, radiopharmacist, secretary…",
            )
            .example("Manipulateur", "Technologist"),
        Training training: Option<String> =
            field("training", "Formation", "Training", FieldType::Text)
            .required()
            .aliases(&[
                "Intitulé de la formation", "Thème", "Module", "Course",
                "Formation / habilitation", "Intitulé", "Type de formation",
            ])
            .help(
                "Formation suivie ou habilitation au poste (décision 2019-DC-0660, article 9).",
                "Training attended or habilitation at the workstation (decision 2019-DC-0660, article 9).",
            )
            .example("Radioprotection des patients", "Patient radiation protection"),
        Date date: Option<NaiveDate> = field("date", "Date", "Date", PAST)
            .aliases(&[
                "Date de formation", "Date de réalisation", "Réalisée le", "Training date",
                "Date de session", "Suivie le", "Date de la formation",
            ])
            .help(
                "Date de la formation ou de l'habilitation (vide si elle est seulement prévue).",
                "Date of the training or habilitation (empty when only planned).",
            )
            .example("20/05/2024", "2024-05-20"),
        ValidUntil valid_until: Option<NaiveDate> =
            field("valid_until", "Valable jusqu'au", "Valid until", ANY_DATE)
            .aliases(&[
                "Validité", "Date d'expiration", "Fin de validité", "Date limite", "Échéance",
                "Prochaine session", "Expiry date", "Recyclage", "Date de recyclage",
                "Expire le",
            ])
            .help(
                "Date jusqu'à laquelle elle reste valable\u{a0}: passée, un recyclage est dû.",
                "Date until which it stays valid: once past, a refresher is due.",
            )
            .example("20/05/2031", "2031-05-20"),
        Habilitation habilitation: Option<bool> =
            field("habilitation", "Habilitation", "Habilitation", FieldType::Bool)
            .aliases(&[
                "Habilité", "Habilité au poste", "Habilitation au poste", "Qualified",
                "Authorised", "Habilitation validée", "Authorized",
            ])
            .help(
                "Oui pour une habilitation au poste, non pour une formation.",
                "Yes for a habilitation at the workstation, no for a training.",
            )
            .example("non", "no"),
    }
}
