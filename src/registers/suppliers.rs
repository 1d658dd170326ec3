//! Supplier evaluations: one row per evaluation of one supplier; any other
//! column of numbers is an evaluation criterion (an open set).

use chrono::NaiveDate;

use super::declare::register;
use super::schema::{FieldType, PAST, field};
use super::vocab::{SUPPLIER_DECISION, SupplierDecision};

register! {
    /// One evaluation of one supplier.
    pub struct SupplierEvaluation: Suppliers, fields SupplierEvaluationField, spec SUPPLIERS, open Criteria {
        Supplier supplier: Option<String> =
            field("supplier", "Fournisseur", "Supplier", FieldType::Text)
            .required()
            .aliases(&[
                "Nom du fournisseur", "Prestataire", "Raison sociale", "Provider", "Vendor",
                "Fournisseur / prestataire", "Nom",
            ])
            .help(
                "Nom du fournisseur ou du prestataire, écrit toujours de la même façon d'une évaluation à l'autre.",
                "Name of the supplier or provider, always spelt the same way from one evaluation to the next.",
            )
            .example("Isotopes Services", "Isotopes Services"),
        Category category: Option<String> =
            field("category", "Catégorie", "Category", FieldType::Text)
            .aliases(&[
                "Type de fournisseur", "Famille", "Domaine", "Catégorie d'achat",
                "Type de prestation", "Prestation", "Produit / prestation",
            ])
            .help(
                "Ce qu'il fournit\u{a0}: radiopharmaceutiques, générateurs, maintenance des caméras, déchets, informatique…",
                "What it provides: radiopharmaceuticals, generators, camera maintenance, waste, IT…",
            )
            .example("Générateurs Tc-99m", "Tc-99m generators"),
        Critical critical: Option<bool> =
            field("critical", "Fournisseur à risque", "Critical supplier", FieldType::Bool)
            .aliases(&[
                "Critique", "Fournisseur critique", "À risque", "Critical", "Sensible",
                "Criticité",
            ])
            .help(
                "Oui pour un fournisseur à risque (critique)\u{a0}: il doit être réévalué au moins tous les 12 mois (réglable dans smq.toml).",
                "Yes for a critical supplier: it must be re-evaluated at least every 12 months (set in smq.toml).",
            )
            .example("oui", "yes"),
        Evaluated evaluated: Option<NaiveDate> =
            field("evaluated", "Date d'évaluation", "Evaluation date", PAST)
            .required()
            .aliases(&["Date", "Évalué le", "Date de l'évaluation", "Date évaluation"])
            .help(
                "Date de l'évaluation.",
                "Date of the evaluation.",
            )
            .example("15/01/2025", "2025-01-15"),
        Score score: Option<f64> = field("score", "Score", "Score", FieldType::Number)
            .aliases(&[
                "Note", "Note globale", "Score global", "Total", "Résultat", "Note finale",
                "Overall score", "Global score",
            ])
            .help(
                "Note globale, si vous la calculez vous-même\u{a0}; sinon smq calcule la moyenne pondérée des critères.",
                "Overall score, if you compute it yourself; otherwise smq computes the weighted mean of the criteria.",
            )
            .example("3,3", "3.3"),
        Decision decision: Option<SupplierDecision> =
            field("decision", "Décision", "Decision", FieldType::Choice(&SUPPLIER_DECISION))
            .aliases(&[
                "Résultat de l'évaluation", "Décision d'agrément", "Agrément", "Statut",
                "Statut fournisseur", "Conclusion",
            ])
            .help(
                "Décision prise à la suite de l'évaluation.",
                "Decision taken after the evaluation.",
            )
            .example("agréé", "approved"),
        Evaluator evaluator: Option<String> =
            field("evaluator", "Évaluateur", "Evaluator", FieldType::Text)
            .personal()
            .aliases(&["Évalué par", "Evaluated by", "Responsable évaluation"])
            .help(
                "Personne qui a mené l'évaluation.",
                "Person who carried out the evaluation.",
            )
            .example("L. Bernard", "L. Bernard"),
        Comment comment: Option<String> =
            field("comment", "Commentaire", "Comment", FieldType::FreeText)
            .personal()
            .aliases(&["Commentaires", "Remarques", "Observations", "Comments", "Remarks"])
            .help(
                "Points forts, points faibles, incidents de l'année.",
                "Strengths, weaknesses, incidents of the year.",
            )
            .example(
                "Un retard de livraison en mars\u{a0}; action corrective efficace.",
                "One late delivery in March; corrective action effective.",
            ),
    }
    open {
        /// (criterion index into [`super::Registers::supplier_criteria`], score).
        criteria: Vec<(usize, f64)>,
    }
}
