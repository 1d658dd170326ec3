//! The management's commentary on the review, one row per section and year
//! (optional register).

use super::declare::register;
use super::schema::{FieldType, field};

register! {
    /// The management's commentary on one section of a review.
    pub struct ReviewComment: Comments, fields ReviewCommentField, spec COMMENTS {
        /// The review's year; `None` applies to every review.
        Year year: Option<i32> = field("year", "Année", "Year", FieldType::Year)
            .aliases(&[
                "Année de la revue", "Revue", "Revue de direction", "Exercice", "Période",
                "Review", "Review year",
            ])
            .help(
                "Année de la revue de direction\u{a0}; vide\u{a0}: le commentaire vaut pour toutes les revues.",
                "Year of the management review; empty: the comment applies to every review.",
            )
            .example("2025", "2025"),
        Section section: Option<String> = field("section", "Section", "Section", FieldType::Text)
            .required()
            .aliases(&[
                "Rubrique", "Chapitre", "Élément d'entrée", "Donnée d'entrée",
                "Section de la revue", "Paragraphe", "Input", "Review input",
            ])
            .help(
                "Section de la revue\u{a0}: son numéro (0 pour la synthèse), sa lettre du §9.3.2 (a, b, c1… f, 9.3.3) ou des mots de son titre (Satisfaction, Audits, Fournisseurs…).",
                "Section of the review: its number (0 for the summary), its §9.3.2 letter (a, b, c1… f, 9.3.3) or words of its title (Satisfaction, Audits, Suppliers…).",
            )
            .example("c1", "c1"),
        Comment text: Option<String> =
            field("comment", "Commentaire de la direction", "Management commentary", FieldType::FreeText)
            .required()
            .aliases(&[
                "Commentaire", "Commentaires", "Commentaire direction",
                "Analyse de la direction", "Texte", "Comment", "Commentary",
                "Management comment",
            ])
            .help(
                "Le commentaire de la direction, imprimé tel quel dans la section.",
                "The management's commentary, printed as written in the section.",
            )
            .example(
                "La satisfaction des patients progresse\u{a0}; le temps d'attente reste à améliorer.",
                "Patient satisfaction is rising; waiting time still needs work.",
            ),
    }
}
