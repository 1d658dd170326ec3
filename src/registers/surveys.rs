//! Satisfaction surveys: one row per respondent; any other column of
//! Likert answers is a question (an open set).

use chrono::NaiveDate;

use super::declare::register;
use super::schema::{FieldType, PAST, field};
use super::vocab::{POPULATION, Population};

register! {
    /// One respondent's answers to a satisfaction survey.
    pub struct SurveyResponse: Surveys, fields SurveyResponseField, spec SURVEYS, open Questions {
        Date date: Option<NaiveDate> = field("date", "Date", "Date", PAST)
            .aliases(&[
                "Date de réponse", "Date de l'enquête", "Response date", "Date de saisie",
                "Date du questionnaire",
            ])
            .help(
                "Date à laquelle le questionnaire a été rempli.",
                "Date the questionnaire was filled in.",
            )
            .example("05/06/2025", "2025-06-05"),
        Campaign campaign: Option<String> =
            field("campaign", "Campagne", "Campaign", FieldType::Text)
            .required()
            .aliases(&[
                "Enquête", "Vague", "Survey", "Campagne d'enquête", "Questionnaire",
                "Période d'enquête",
            ])
            .help(
                "Nom de la campagne d'enquête, le même pour tous les questionnaires de la campagne\u{a0}: smq compare une campagne à la précédente.",
                "Name of the survey campaign, the same for every questionnaire of the campaign: smq compares one campaign with the previous one.",
            )
            .example("Patients 2025", "Patients 2025"),
        Population population: Option<Population> =
            field("population", "Population", "Population", FieldType::Choice(&POPULATION))
            .required()
            .aliases(&[
                "Type de répondant", "Répondant", "Public", "Respondent", "Respondent type",
                "Cible", "Catégorie de répondant",
            ])
            .help(
                "Qui a répondu.",
                "Who answered.",
            )
            .example("patient", "patient"),
        Respondent respondent: Option<String> =
            field("respondent", "Nom du répondant", "Respondent name", FieldType::Text)
            .personal()
            .aliases(&["Identité", "Nom", "Name", "Identité du répondant"])
            .help(
                "Nom du répondant, seulement s'il a choisi de le donner (le plus souvent vide).",
                "Respondent's name, only if they chose to give it (usually empty).",
            )
            .example("", ""),
        Profile profile: Option<String> =
            field("profile", "Profil du répondant", "Respondent profile", FieldType::Text)
            .aliases(&[
                "Profil", "Spécialité", "Specialty", "Profession", "Service du répondant",
                "Fonction du répondant", "Profile",
            ])
            .help(
                "Précision sur le répondant, quand l'enquête la demande\u{a0}: spécialité du prescripteur, métier du salarié, tranche d'âge du patient.",
                "Detail about the respondent, when the survey asks for it: the prescriber's specialty, the employee's job, the patient's age band.",
            )
            .example("", ""),
        Comment comment: Option<String> =
            field("comment", "Commentaire", "Comment", FieldType::FreeText)
            .personal()
            .aliases(&[
                "Commentaires", "Remarques", "Suggestions", "Verbatim", "Comments",
                "Expression libre", "Commentaire libre", "Vos suggestions",
            ])
            .help(
                "Commentaire libre du répondant, recopié tel quel.",
                "The respondent's free comment, copied as written.",
            )
            .example(
                "Accueil très aimable, attente un peu longue.",
                "Very kind welcome, rather long wait.",
            ),
    }
    open {
        /// (question index into [`super::Registers::survey_questions`], level 1..=scale).
        answers: Vec<(usize, u8)>,
        /// Number of levels of the scale the answers are on (4 or 5).
        scale: u8,
    }
}
