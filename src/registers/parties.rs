//! Interested parties: one row per party, with its proximity, expectations,
//! risks and the date it was last reviewed.

use chrono::NaiveDate;

use super::declare::register;
use super::schema::{FieldType, PAST, field};
use super::vocab::{PROXIMITY, Proximity};

register! {
    /// An interested party.
    pub struct Party: Parties, fields PartyField, spec PARTIES, id Name {
        Name name: Option<String> =
            field("name", "Partie intéressée", "Interested party", FieldType::Id)
            .required()
            .aliases(&[
                "Parties intéressées", "Partie prenante", "Parties prenantes", "Party",
                "Stakeholder", "Nom de la partie intéressée", "Nom",
            ])
            .help(
                "Nom de la partie intéressée (unique dans la feuille).",
                "Name of the interested party (unique within the sheet).",
            )
            .example("ASN", "ASN"),
        Category category: Option<String> =
            field("category", "Catégorie", "Category", FieldType::Text)
            .aliases(&["Type", "Famille", "Interne / externe", "Interne/externe", "Nature"])
            .help(
                "Famille\u{a0}: interne, patients, prescripteurs, autorités, fournisseurs, tutelles…",
                "Group: internal, patients, referring physicians, authorities, suppliers, regulators…",
            )
            .example("Autorité", "Authority"),
        Proximity proximity: Option<Proximity> =
            field("proximity", "Proximité", "Proximity", FieldType::Choice(&PROXIMITY))
            .required()
            .aliases(&[
                "Niveau", "Influence", "Importance", "Cercle", "Anneau", "Niveau de proximité",
                "Degré de proximité", "Ring",
            ])
            .help(
                "Influence de la partie intéressée sur le service\u{a0}: forte, moyenne ou faible (les anneaux rouge, vert et noir de la carte des parties intéressées).",
                "Influence of the interested party on the service: strong, medium or low (the red, green and black rings of the interested-party map).",
            )
            .example("forte", "strong"),
        Expectations expectations: Option<String> =
            field("expectations", "Attentes", "Expectations", FieldType::FreeText)
            .aliases(&[
                "Besoins et attentes", "Besoins", "Exigences", "Needs and expectations",
                "Needs", "Attentes et besoins",
            ])
            .help(
                "Ses besoins et attentes envers le service.",
                "Its needs and expectations of the service.",
            )
            .example(
                "Respect de la décision 2019-DC-0660, déclaration des ESR.",
                "Compliance with decision 2019-DC-0660, declaration of ESR.",
            ),
        Risks risks: Option<String> =
            field("risks", "Risques et opportunités", "Risks and opportunities", FieldType::FreeText)
            .aliases(&["Risques", "Enjeux", "Risks", "Risques / opportunités", "Opportunités"])
            .help(
                "Les risques et opportunités qui en découlent pour le service.",
                "The risks and opportunities they bring for the service.",
            )
            .example(
                "Risque\u{a0}: écart relevé en inspection. Opportunité\u{a0}: valoriser la démarche qualité.",
                "Risk: a gap found in an inspection. Opportunity: showcase the quality approach.",
            ),
        Reviewed reviewed: Option<NaiveDate> =
            field("reviewed", "Date de revue", "Review date", PAST)
            .aliases(&[
                "Dernière revue", "Mise à jour", "Date de mise à jour", "Revu le",
                "Last review", "Updated",
            ])
            .help(
                "Date de la dernière revue de cette ligne.",
                "Date this row was last reviewed.",
            )
            .example("10/01/2025", "2025-01-10"),
    }
}
